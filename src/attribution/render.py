"""Readable views of an article's claims: a plain-text table, Markdown, HTML.

>>> from attribution import parse_article, extract_claims
>>> a = parse_article('"We will go on," Lavrov said.', id="demo")
>>> print(claims_table(a, extract_claims(a)))  # doctest: +NORMALIZE_WHITESPACE
== demo ==
1 claim
#  kind    speaker  cue   stance   content
1  direct  Lavrov   said  neutral  We will go on,
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from attribution.models import Article, Claim

__all__ = ["claims_html", "claims_markdown", "claims_table"]

_WIDTH = 70


def _cut(s: str, width: int) -> str:
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 1] + "\u2026"


def _speaker(c: Claim) -> str:
    if c.speaker is not None:
        return c.speaker.name
    return c.speaker_mention.text if c.speaker_mention else "?"


def _cue(c: Claim) -> str:
    if c.cue is None:
        return "-"
    return ("not " if c.negated else "") + c.cue.text


def _extras(c: Claim) -> str:
    bits = []
    if c.when is not None:
        bits.append(f"when: {c.when.text}" + (f" ({c.said_on.isoformat()})" if c.said_on else ""))
    if c.channel is not None:
        bits.append(f"channel: {c.channel.text}")
    if c.via is not None:
        bits.append(f"via: {c.via.text}")
    if c.figures:
        bits.append(
            "figures: "
            + "; ".join(f.span.text + (f" {f.counted}" if f.counted else "") for f in c.figures)
        )
    return " | ".join(bits)


def _header(article: Article) -> list[str]:
    lines = [f"== {article.id} =="]
    meta = []
    if article.title is not None:
        meta.append(f"title: {_cut(article.title.text, 90)}")
    if article.byline:
        meta.append("by: " + ", ".join(b.text for b in article.byline))
    if article.dateline is not None:
        meta.append(f"dateline: {article.dateline.text}")
    if article.agency:
        meta.append(f"agency: {article.agency}")
    if article.published:
        meta.append(f"published: {article.published.isoformat()}")
    lines.extend(meta)
    return lines


def claims_table(article: Article, claims: Sequence[Claim]) -> str:
    """A fixed-width table of the claims, with the article's metadata on top."""
    lines = _header(article)
    lines.append(f"{len(claims)} claim" + ("" if len(claims) == 1 else "s"))
    if not claims:
        return "\n".join(lines)
    rows = [("#", "kind", "speaker", "cue", "stance", "content")]
    for i, c in enumerate(claims, 1):
        rows.append(
            (
                str(i),
                c.kind,
                _cut(_speaker(c), 30),
                _cut(_cue(c), 16),
                c.stance,
                _cut(c.content.text, _WIDTH),
            )
        )
    widths = [max(len(r[k]) for r in rows) for k in range(5)]
    for i, r in enumerate(rows):
        lines.append("  ".join(r[k].ljust(widths[k]) for k in range(5)) + "  " + r[5])
        if i and (extra := _extras(claims[i - 1])):
            lines.append(" " * (sum(widths) + 10) + extra)
    return "\n".join(line.rstrip() for line in lines)


def claims_markdown(article: Article, claims: Sequence[Claim]) -> str:
    """The claims as a Markdown table.

    >>> from attribution import parse_article, extract_claims
    >>> a = parse_article('"We will go on," Lavrov said.', id="demo")
    >>> print(claims_markdown(a, extract_claims(a)).splitlines()[-1])
    | 1 | direct | Lavrov | said | neutral | We will go on, |  |
    """

    def esc(s: str) -> str:
        return s.replace("|", "\\|").replace("\n", " ")

    out = [f"### {esc(article.id)}", ""]
    out.extend(f"- {esc(line)}" for line in _header(article)[1:])
    out += [
        "",
        "| # | kind | speaker | cue | stance | content | details |",
        "|---|---|---|---|---|---|---|",
    ]
    for i, c in enumerate(claims, 1):
        out.append(
            f"| {i} | {c.kind} | {esc(_speaker(c))} | {esc(_cue(c))} | {c.stance} | {esc(c.content.text)} | {esc(_extras(c))} |"
        )
    return "\n".join(out)


def claims_html(article: Article, claims: Sequence[Claim]) -> str:
    """The article's text with each claim's content, cue and speaker marked up.

    >>> from attribution import parse_article, extract_claims
    >>> a = parse_article('"We will go on," Lavrov said.', id="demo")
    >>> '<mark class="content direct"' in claims_html(a, extract_claims(a))
    True
    """
    text = article.text
    marks: list[tuple[int, int, str, str]] = []
    for i, c in enumerate(claims, 1):
        title = html.escape(f"#{i} {c.kind} · {_speaker(c)} · {c.stance}", quote=True)
        marks.append((c.content.start, 0, f'<mark class="content {c.kind}" title="{title}">', "c"))
        marks.append((c.content.end, 1, "</mark>", "c"))
    # cue and speaker marks only where they do not cross content marks
    pieces: list[str] = []
    pos = 0
    for off, _order, tag, _ in sorted(marks, key=lambda m: (m[0], -m[1] if m[1] else 0)):
        pieces.append(html.escape(text[pos:off]))
        pieces.append(tag)
        pos = off
    pieces.append(html.escape(text[pos:]))
    body = "".join(pieces).replace("\n", "<br>\n")
    style = (
        "mark.direct{background:#cde8ff}mark.indirect{background:#e6f5d0}"
        "mark.mixed{background:#fde2b8}"
    )
    return (
        f'<article data-id="{html.escape(article.id, quote=True)}"><style>{style}</style>'
        f"<p>{body}</p></article>"
    )
