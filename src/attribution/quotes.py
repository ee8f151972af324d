"""Direct quotes: pairing quote marks into quoted spans, paragraph by paragraph.

Marks are classified by context first and glyph second, because scraped news
misuses glyphs (an opening curly mark where a closing one belongs). A mark
preceded by a letter and followed by a space or punctuation closes; one preceded
by a space and followed by a letter opens. Single marks count only when they pair
up (so "Russia's", "don't" and "'90s" stay apostrophes). A quote left open at the
end of a paragraph continues into the next one only when that paragraph opens
with a mark (news style for multi-paragraph quotes); otherwise it stops at the
end of its paragraph, so an unbalanced mark never swallows the article.

>>> text = 'He said: \u201cWe will go on.\u201d Then he left.'
>>> [(q.content.text, q.level) for q in find_quotes(text, [Span.of(text, 0, len(text))])]
[('We will go on.', 0)]
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Final

from attribution.models import Span

__all__ = ["Quote", "find_quotes"]

# Double quote marks: " “ ” „ ‟ « » and the typewriter pair `` ''.
DOUBLE_MARK_RE: Final = re.compile(r"``|''|[\"\u201c\u201d\u201e\u201f\u00ab\u00bb]")
# Single quote marks: ' ‘ ’ ‚ ‛ ‹ ›.
SINGLE_MARK_RE: Final = re.compile(r"['\u2018\u2019\u201a\u201b\u2039\u203a]")

_OPEN_GLYPHS: Final = frozenset("\u201c\u201e\u201f\u00ab\u2018\u201a\u201b\u2039") | {"``"}
_CLOSE_GLYPHS: Final = frozenset("\u201d\u00bb\u2019\u203a") | {"''"}
# What may stand before an opening mark / after a closing one.
_BEFORE_OPEN: Final = frozenset(" \t\u00a0([{-\u2013\u2014/:;,\u201c\u2018\"'\u00ab\u2039")
_AFTER_CLOSE: Final = frozenset(" \t\u00a0)]}.,;:!?-\u2013\u2014/\u201d\u2019\"'\u00bb\u203a\u2026")

_MAX_SINGLE_QUOTE: Final = 400  # a single-quoted stretch longer than this is not a quote


@dataclass(frozen=True, slots=True)
class Quote:
    """One quoted stretch.

    Attributes:
        open: offset of the opening mark.
        close: offset of the closing mark, or None when the quote runs to the
            paragraph's end (unclosed, or continued in the next paragraph).
        content: the text between the marks.
        level: 0 for an outer quote, 1 for a quote nested in another.
        continues: the quote is left open and the next paragraph continues it.
        continuation: this quote continues one left open in the previous paragraph.
    """

    open: int
    close: int | None
    content: Span
    level: int
    continues: bool = False
    continuation: bool = False
    mark_len: int = 1

    @property
    def end(self) -> int:
        """Offset just past the closing mark (or the content's end when unclosed)."""
        if self.close is None:
            return self.content.end
        return self.close + self.mark_len


def _inner(text: str, start: int, end: int) -> Span:
    """The text between two marks, without the spaces French typography puts there."""
    while start < end and text[start] in " \u00a0\u202f":
        start += 1
    while end > start and text[end - 1] in " \u00a0\u202f":
        end -= 1
    return Span.of(text, start, end)


def _role(text: str, start: int, end: int, glyph: str, lo: int, hi: int) -> str:
    """'open', 'close' or 'either' for the mark ``text[start:end]`` in paragraph [lo, hi)."""
    before = text[start - 1] if start > lo else " "
    after = text[end] if end < hi else " "
    b_open = before in _BEFORE_OPEN or before.isspace()
    a_close = after in _AFTER_CLOSE or after.isspace()
    if b_open and not a_close:
        return "open"
    if a_close and not b_open:
        return "close"
    if glyph in _OPEN_GLYPHS:
        return "open"
    if glyph in _CLOSE_GLYPHS:
        return "close"
    return "either"


def _double_quotes(text: str, lo: int, hi: int, carried: bool) -> tuple[list[Quote], bool]:
    """Pair double marks in paragraph [lo, hi). ``carried``: a quote is open from before."""
    quotes: list[Quote] = []
    stack: list[int] = []  # offsets just past open marks
    opens: list[int] = []
    continuation_from = -1
    if carried:
        first = DOUBLE_MARK_RE.match(text, lo, hi)
        if first is None:
            carried = False
    for m in DOUBLE_MARK_RE.finditer(text, lo, hi):
        role = _role(text, m.start(), m.end(), m.group(), lo, hi)
        if role == "open" or (role == "either" and not stack):
            if len(stack) >= 2:
                continue  # deeper nesting is not tracked: treat as a stray mark
            if not stack and m.start() == lo and carried:
                continuation_from = m.end()
            stack.append(m.end())
            opens.append(m.start())
        elif stack:
            content_start = stack.pop()
            open_at = opens.pop()
            quotes.append(
                Quote(
                    open=open_at,
                    close=m.start(),
                    content=_inner(text, content_start, m.start()),
                    level=len(stack),
                    continuation=content_start == continuation_from,
                    mark_len=m.end() - m.start(),
                )
            )
        # a closing mark with nothing open is a stray: ignore it
    continues = False
    if stack:
        # The outermost unclosed quote runs to the paragraph's end; inner ones are dropped.
        content_start = stack[0]
        open_at = opens[0]
        quotes.append(
            Quote(
                open=open_at,
                close=None,
                content=Span.of(text, content_start, hi),
                level=0,
                continues=True,
                continuation=content_start == continuation_from,
            )
        )
        continues = True
    return quotes, continues


def _single_quotes(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """Pairs of single marks (offsets of open and close marks) in [lo, hi)."""
    out: list[tuple[int, int]] = []
    open_at: int | None = None
    for m in SINGLE_MARK_RE.finditer(text, lo, hi):
        s = m.start()
        before = text[s - 1] if s > lo else " "
        after = text[s + 1] if s + 1 < hi else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: Russia's, don't
        role = _role(text, s, s + 1, m.group(), lo, hi)
        if open_at is None:
            if (role == "open" and after.isalnum()) or (role == "open" and after in '"\u201c'):
                open_at = s
        elif role in ("close", "either") and s - open_at <= _MAX_SINGLE_QUOTE:
            if before == "s" and after.isspace() and s - open_at > 40:
                continue  # "the terrorists' bases": a plural possessive, keep looking
            out.append((open_at, s))
            open_at = None
        elif role == "open" and after.isalnum():
            open_at = s
    return out


def find_quotes(text: str, paragraphs: Sequence[Span]) -> list[Quote]:
    """The quoted stretches of ``text``, paragraph by paragraph, in text order.

    Double marks nest one level. Single marks pair up inside a double quote, and
    outside one only where the paragraph has no double marks (headline style).

    >>> text = 'A \u201cdeep \u2018list\u2019 of groups\u201d said. Russia\u2019s jets.'
    >>> [(q.content.text, q.level) for q in find_quotes(text, [Span.of(text, 0, len(text))])]
    [('deep \u2018list\u2019 of groups', 0), ('list', 1)]

    A quote left open continues into a paragraph that opens with a mark:

    >>> text = '\u201cFirst part.\\n\u201cSecond part.\u201d'
    >>> paras = [Span.of(text, 0, 12), Span.of(text, 13, len(text))]
    >>> [(q.content.text, q.continues, q.continuation) for q in find_quotes(text, paras)]
    [('First part.', True, False), ('Second part.', False, True)]
    """
    out: list[Quote] = []
    carried = False
    for index, para in enumerate(paragraphs):
        lo, hi = para.start, para.end
        doubles, carried = _double_quotes(text, lo, hi, carried)
        singles: list[Quote] = []
        pairs = _single_quotes(text, lo, hi)
        for o, c in pairs:
            inside = [q for q in doubles if q.content.start <= o and c < q.content.end]
            if inside or not doubles:
                singles.append(
                    Quote(
                        open=o,
                        close=c,
                        content=Span.of(text, o + 1, c),
                        level=1 if inside else 0,
                    )
                )
        if carried:
            # Continue only if the next paragraph starts with a mark.
            nxt = paragraphs[index + 1].start if index + 1 < len(paragraphs) else None
            if nxt is None or not DOUBLE_MARK_RE.match(text, nxt):
                carried = False
                doubles = [replace(q, continues=False) for q in doubles]
        out.extend(doubles)
        out.extend(singles)
    out.sort(key=lambda q: (q.content.start, q.level))
    return out
