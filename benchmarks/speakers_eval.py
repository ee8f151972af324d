"""Score the speakers of ``attribution.extract_claims`` against the seed gold ids.

Usage::

    python benchmarks/speakers_eval.py [GOLD.jsonl] [--format table|json]

Without a path it reads ``tests/golden/seeds_claims.jsonl``. Each gold relation there has
a ``speaker_id``, the canonical id of its speaker, the same in every article. The script
extracts the claims of every gold article, pairs them with the gold relations by content
overlap (``attribution.evaluate.align``), and reports, over the pairs:

* **per article**: the share of pairs whose ``claim.speaker.id`` equals the gold
  ``speaker_id`` (a gold relation without a speaker wants a claim without one), overall
  and for pronoun mentions ("he", "it", "which", ...);
* **corpus**: the same after :func:`attribution.speakers.canonical_speakers` has merged
  the speakers of all the articles together, as ``attribution.compare`` does: this is
  where "lavrov" joins "sergei-lavrov";
* **entities**: every gold entity that gets several (corpus) ids, and every id given to
  several gold entities;
* every mismatch: article, gold id, predicted id, canonical id, mention text.

The exit status is 0; this is a report, not a test.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO / "tests" / "golden" / "seeds_claims.jsonl"

try:
    import attribution  # noqa: F401
except ModuleNotFoundError as e:  # a checkout without `pip install -e .`
    if e.name != "attribution":
        raise
    sys.path.insert(0, str(REPO / "src"))

from attribution import extract_claims  # noqa: E402
from attribution.evaluate import align, load_gold  # noqa: E402
from attribution.models import Claim, Speaker  # noqa: E402
from attribution.speakers import canonical_speakers  # noqa: E402

#: Mentions scored as pronouns (personal and relative).
PRONOUNS = frozenset(
    {"he", "him", "she", "her", "it", "they", "them", "we", "i", "you", "which", "who", "that"}
)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def evaluate_speakers(gold_path: Path) -> dict[str, Any]:
    """The report as a JSON-ready dict (see the module docstring)."""
    articles = load_gold(gold_path)
    predictions: list[list[Claim]] = [list(extract_claims(a.text)) for a in articles]
    speakers: list[Speaker] = [
        c.speaker for claims in predictions for c in claims if c.speaker is not None
    ]
    canon = canonical_speakers(speakers)

    rows: list[dict[str, Any]] = []
    for article, claims in zip(articles, predictions, strict=True):
        for pair in align(article, claims).pairs:
            q, c = article.quotes[pair.gold], claims[pair.predicted]
            predicted = c.speaker.id if c.speaker is not None else None
            rows.append(
                {
                    "article": article.id,
                    "gold_id": q.speaker_id,
                    "gold_mention": q.speaker,
                    "predicted_id": predicted,
                    "canonical_id": canon[predicted].id if predicted is not None else None,
                    "mention": c.speaker_mention.text if c.speaker_mention else None,
                    "pronoun": (q.speaker or "").casefold() in PRONOUNS,
                }
            )

    def score(key: str, subset: Sequence[dict[str, Any]]) -> dict[str, Any]:
        right = sum(r[key] == r["gold_id"] for r in subset)
        return {"right": right, "total": len(subset), "accuracy": _ratio(right, len(subset))}

    with_speaker = [r for r in rows if r["gold_id"] is not None]
    pronouns = [r for r in rows if r["pronoun"]]

    # Entities across articles, after the corpus merge.
    ids_of: dict[str, set[str]] = defaultdict(set)
    golds_of: dict[str, set[str]] = defaultdict(set)
    for r in with_speaker:
        if r["canonical_id"] is not None:
            ids_of[r["gold_id"]].add(r["canonical_id"])
            golds_of[r["canonical_id"]].add(r["gold_id"])
    split = {g: sorted(ids) for g, ids in sorted(ids_of.items()) if len(ids) > 1}
    merged = {i: sorted(gs) for i, gs in sorted(golds_of.items()) if len(gs) > 1}
    # Per-article ids of one gold entity in different articles (before the corpus merge).
    per_article: dict[str, set[str]] = defaultdict(set)
    for r in with_speaker:
        if r["predicted_id"] is not None:
            per_article[r["gold_id"]].add(r["predicted_id"])
    split_per_article = {g: sorted(ids) for g, ids in sorted(per_article.items()) if len(ids) > 1}

    return {
        "pairs": len(rows),
        "per_article": {
            "all": score("predicted_id", rows),
            "with_gold_speaker": score("predicted_id", with_speaker),
            "pronouns": score("predicted_id", pronouns),
        },
        "corpus": {
            "all": score("canonical_id", rows),
            "with_gold_speaker": score("canonical_id", with_speaker),
            "pronouns": score("canonical_id", pronouns),
        },
        "entities_split": split,
        "ids_merging_entities": merged,
        "entities_split_per_article": split_per_article,
        "mismatches": [r for r in rows if r["canonical_id"] != r["gold_id"]],
        "per_article_mismatches": [r for r in rows if r["predicted_id"] != r["gold_id"]],
    }


def _line(name: str, s: dict[str, Any]) -> str:
    return f"  {name:<20} {s['right']:>3}/{s['total']:<3} {100 * s['accuracy']:6.1f}%"


def print_table(report: dict[str, Any]) -> None:
    print(f"pairs (gold relations found): {report['pairs']}")
    for level in ("per_article", "corpus"):
        print(f"{level.replace('_', ' ')}:")
        for name, s in report[level].items():
            print(_line(name, s))
    print("gold entities with several ids (corpus):")
    for g, ids in report["entities_split"].items() or [("-", [])]:
        print(f"  {g}: {', '.join(ids)}")
    print("ids given to several gold entities (corpus):")
    for i, gs in report["ids_merging_entities"].items() or [("-", [])]:
        print(f"  {i}: {', '.join(gs)}")
    print("gold entities with several ids (per article, before the corpus merge):")
    for g, ids in report["entities_split_per_article"].items() or [("-", [])]:
        print(f"  {g}: {', '.join(ids)}")
    for key, title in (
        ("per_article_mismatches", "mismatches per article"),
        ("mismatches", "mismatches after the corpus merge"),
    ):
        print(f"{title}: {len(report[key])}")
        for r in report[key]:
            print(
                f"  {r['article'][:3]} gold={r['gold_id']} predicted={r['predicted_id']} "
                f"canonical={r['canonical_id']} mention={r['mention']!r} "
                f"(gold mention {r['gold_mention']!r})"
            )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="speakers_eval.py", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--format", choices=("table", "json"), default="table")
    args = parser.parse_args(argv)
    report = evaluate_speakers(args.path)
    if args.format == "json":
        print(json.dumps(report, indent=2))
    else:
        print_table(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
