"""Check the hand-made gold for the seed articles against the seeds themselves.

Run it from anywhere: ``python tests/golden/check_gold.py``. It reads
``seeds_claims.jsonl`` and ``seeds_articles.json`` beside this file and the seed
texts in ``seeds/`` at the repository root, checks that every offset slices back
to its string and that the annotations keep the conventions of ``README.md``,
prints a count per article and exits with status 1 on the first list of
problems. Importing the module does nothing (pytest imports it for doctests).
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "seeds"

KINDS = {"direct", "indirect", "mixed"}
STANCES = {"neutral", "distancing", "denial", "endorsing", "other"}
SPEAKER_KINDS = {
    "person",
    "organization",
    "government",
    "group",
    "media",
    "document",
    "anonymous",
    "unknown",
}
QUALIFIERS = {
    "exact",
    "at_least",
    "more_than",
    "at_most",
    "less_than",
    "up_to",
    "about",
    "range",
}
SECTIONS = {"title", "standfirst", "body"}
SLUG_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# Double quote marks and the left single mark; right single marks double as apostrophes.
QUOTE_MARKS = '"\u201c\u201d\u2018'
OPENERS = "\"'\u201c\u2018"
CLOSERS = "\"'\u201d\u2019\u201c"  # U+201C closes one quote in seed 002 (a typo of the source)
SPAN_FIELDS = ("speaker", "cue", "when", "channel", "via")
QUOTE_KEYS = {
    "content_start",
    "content_end",
    "content",
    "kind",
    "content_fragments",
    "speaker_id",
    "speaker_kind",
    "stance",
    "negated",
    "anaphoric",
    "nested",
    "cue_lemma",
    "line",
    "section",
    "note",
} | {f"{f}{s}" for f in SPAN_FIELDS for s in ("", "_start", "_end")}
FIGURE_KEYS = {
    "start",
    "end",
    "text",
    "value",
    "low",
    "high",
    "qualifier",
    "counted",
    "counted_start",
    "counted_end",
    "note",
}
ARTICLE_KEYS = {
    "title",
    "standfirst",
    "byline",
    "dateline",
    "date_line",
    "agency",
    "published",
    "boilerplate",
    "paragraph_count",
    "paragraphs",
    "notes",
    "spans",
}


def _slices(text: str, start: Any, end: Any, want: Any) -> bool:
    return (
        isinstance(start, int)
        and isinstance(end, int)
        and 0 <= start <= end <= len(text)
        and text[start:end] == want
    )


def check_quote(text: str, q: dict[str, Any], where: str, out: list[str]) -> None:
    """Append to ``out`` every way in which one gold claim breaks the conventions."""
    if set(q) != QUOTE_KEYS:
        out.append(f"{where}: keys differ by {sorted(set(q) ^ QUOTE_KEYS)}")
        return
    cs, ce = q["content_start"], q["content_end"]
    if not _slices(text, cs, ce, q["content"]) or cs == ce:
        out.append(f"{where}: content does not slice")
    if q["content"] != q["content"].strip():
        out.append(f"{where}: content has outer spaces")
    for name in SPAN_FIELDS:
        s, e, t = q[f"{name}_start"], q[f"{name}_end"], q[name]
        if t is None:
            if s is not None or e is not None:
                out.append(f"{where}: {name} is null but has offsets")
        elif not _slices(text, s, e, t):
            out.append(f"{where}: {name} {t!r} does not slice")
    frags = q["content_fragments"]
    if not frags or frags[0][0] != cs or frags[-1][1] != ce:
        out.append(f"{where}: fragments do not start and end with the content")
    for (a, b), (c, _) in itertools.pairwise(frags):
        if not a < b <= c:
            out.append(f"{where}: fragments overlap or are out of order")
    if q["kind"] not in KINDS:
        out.append(f"{where}: kind {q['kind']!r}")
    marks = any(ch in QUOTE_MARKS for ch in q["content"])
    if q["kind"] == "direct":
        for a, b in frags:
            if not (a > 0 and text[a - 1] in OPENERS and b < len(text) and text[b] in CLOSERS):
                out.append(f"{where}: direct fragment [{a}, {b}) is not inside quote marks")
    elif q["kind"] == "indirect" and marks:
        out.append(f"{where}: indirect content holds quote marks")
    elif q["kind"] == "mixed" and not (marks or "'" in q["content"]):
        out.append(f"{where}: mixed content holds no quote marks")
    if q["stance"] not in STANCES:
        out.append(f"{where}: stance {q['stance']!r}")
    if q["speaker_kind"] not in SPEAKER_KINDS:
        out.append(f"{where}: speaker_kind {q['speaker_kind']!r}")
    sid = q["speaker_id"]
    if sid is not None and not SLUG_RE.fullmatch(sid):
        out.append(f"{where}: speaker_id {sid!r} is not a slug")
    if sid is None and q["speaker_kind"] != "unknown":
        out.append(f"{where}: no speaker_id but speaker_kind {q['speaker_kind']!r}")
    if q["speaker"] is not None and sid is None:
        out.append(f"{where}: a speaker mention without a speaker_id")
    if (q["cue"] is None) != (q["cue_lemma"] is None):
        out.append(f"{where}: cue and cue_lemma disagree on null")
    if q["section"] not in SECTIONS:
        out.append(f"{where}: section {q['section']!r}")
    for flag in ("negated", "anaphoric", "nested"):
        if not isinstance(q[flag], bool):
            out.append(f"{where}: {flag} is not a bool")


def check_figure(text: str, f: dict[str, Any], where: str, out: list[str]) -> None:
    """Append to ``out`` every way in which one gold figure is malformed."""
    if set(f) != FIGURE_KEYS:
        out.append(f"{where}: keys differ by {sorted(set(f) ^ FIGURE_KEYS)}")
        return
    if not _slices(text, f["start"], f["end"], f["text"]):
        out.append(f"{where}: figure {f['text']!r} does not slice")
    if not _slices(text, f["counted_start"], f["counted_end"], f["counted"]):
        out.append(f"{where}: counted {f['counted']!r} does not slice")
    if f["qualifier"] not in QUALIFIERS:
        out.append(f"{where}: qualifier {f['qualifier']!r}")
    if f["low"] is not None and f["low"] > f["value"]:
        out.append(f"{where}: low above value")
    if f["high"] is not None and f["high"] < f["value"]:
        out.append(f"{where}: high below value")


def check_article(text: str, a: dict[str, Any], where: str, out: list[str]) -> None:
    """Append to ``out`` every way in which one article's metadata is inconsistent."""
    if set(a) != ARTICLE_KEYS:
        out.append(f"{where}: keys differ by {sorted(set(a) ^ ARTICLE_KEYS)}")
        return
    spans = a["spans"]
    for name in ("title", "standfirst", "dateline", "date_line"):
        span = spans[name]
        if (span is None) != (a[name] is None):
            out.append(f"{where}: {name} and its span disagree on null")
        elif span is not None and not _slices(text, span[0], span[1], a[name]):
            out.append(f"{where}: {name} does not slice")
    for name in ("byline", "boilerplate", "paragraphs"):
        if len(spans[name]) != len(a[name]):
            out.append(f"{where}: {name} and its spans differ in length")
        for (s, e), t in zip(spans[name], a[name], strict=False):
            if not _slices(text, s, e, t):
                out.append(f"{where}: {name} item {t!r} does not slice")
    if a["paragraph_count"] != len(a["paragraphs"]):
        out.append(f"{where}: paragraph_count is not the number of paragraphs")
    if a["published"] is not None and not re.fullmatch(r"\d{4}-\d\d-\d\d", a["published"]):
        out.append(f"{where}: published {a['published']!r} is not YYYY-MM-DD")
    # Every non-empty line is exactly one of: title, standfirst, a byline line, the date
    # line, boilerplate, or a body paragraph.
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    lines = {(s, s + len(text[s:].split("\n", 1)[0])) for s in starts}
    lines = {(s, e) for s, e in lines if text[s:e].strip()}
    claimed: list[tuple[int, int]] = []
    for name in ("title", "standfirst", "date_line"):
        if spans[name] is not None:
            claimed.append((spans[name][0], spans[name][1]))
    for s, _ in spans["byline"]:
        claimed.extend((ls, le) for ls, le in lines if ls <= s < le)
    claimed += [(x[0], x[1]) for x in spans["boilerplate"] + spans["paragraphs"]]
    if sorted(claimed) != sorted(lines):
        out.append(f"{where}: lines are not each classified exactly once")
    if spans["dateline"] is not None and not any(
        s <= spans["dateline"][0] < e for s, e in spans["paragraphs"]
    ):
        out.append(f"{where}: the dateline is not at the start of a body paragraph")


def main() -> int:
    """Check both gold files; print counts; return the exit status."""
    problems: list[str] = []
    texts = {p.stem: p.read_bytes().decode("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    records = [
        json.loads(line)
        for line in (HERE / "seeds_claims.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    articles = json.loads((HERE / "seeds_articles.json").read_text(encoding="utf-8"))
    if [r["id"] for r in records] != sorted(texts) or sorted(articles) != sorted(texts):
        problems.append("the gold files do not hold exactly one entry per seed")
    kinds_of: dict[str, set[str]] = {}
    for rec in records:
        text = texts.get(rec["id"], "")
        if rec["text"] != text:
            problems.append(f"{rec['id']}: text differs from the seed file")
            continue
        art = articles.get(rec["id"])
        if art is not None:
            check_article(text, art, rec["id"], problems)
            if rec["ignore_spans"] != art["spans"]["boilerplate"]:
                problems.append(f"{rec['id']}: ignore_spans are not the boilerplate spans")
        for i, q in enumerate(rec["quotes"]):
            where = f"{rec['id']} quote {i}"
            check_quote(text, q, where, problems)
            if q.get("speaker_id"):
                kinds_of.setdefault(q["speaker_id"], set()).add(q["speaker_kind"])
            if any(s < q["content_end"] and q["content_start"] < e for s, e in rec["ignore_spans"]):
                problems.append(f"{where}: content lies in boilerplate")
        for i, f in enumerate(rec["figures"]):
            check_figure(text, f, f"{rec['id']} figure {i}", problems)
        kinds = Counter(q["kind"] for q in rec["quotes"])
        print(
            f"{rec['id']}: {len(rec['quotes'])} claims "
            f"(direct {kinds['direct']}, indirect {kinds['indirect']}, mixed {kinds['mixed']}), "
            f"{len(rec['figures'])} figures, {art['paragraph_count'] if art else '?'} paragraphs"
        )
    for sid, ks in sorted(kinds_of.items()):
        if len(ks) > 1:
            problems.append(f"speaker_id {sid!r} has several kinds {sorted(ks)}")
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    print("ok" if not problems else f"{len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
