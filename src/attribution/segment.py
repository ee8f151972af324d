"""Paragraphs and sentences as offset spans into the unchanged text.

Why a segmenter of our own: every later stage needs sentence boundaries that
respect news conventions (``Mr``, ``Col. Gen.``, ``U.S.``, ``Oct. 4`` do not end
a sentence; a quote that ends with punctuation inside its marks does), and
needs them as offsets, never as copies of cleaned-up text.

>>> text = 'Mr Lavrov spoke. "It is over," he said. The U.S. disagreed.'
>>> [s.text for s in sentence_spans(text)]
['Mr Lavrov spoke.', '"It is over," he said.', 'The U.S. disagreed.']

Paragraphs are lines, or blocks of hard-wrapped lines when the text wraps
its paragraphs and separates them with blank lines:

>>> [p.text for p in paragraph_spans("One.\\n\\nTwo.\\nThree.")]
['One.', 'Two.', 'Three.']
>>> wrapped = ("Russian jets struck targets in the\\nprovince of Idlib on Friday, the\\nministry said.\\n\\n"
...            "Activists said the strikes had hit\\nat least three villages near the\\ncity.")
>>> [p.text.replace("\\n", " ") for p in paragraph_spans(wrapped)]
['Russian jets struck targets in the province of Idlib on Friday, the ministry said.', 'Activists said the strikes had hit at least three villages near the city.']
"""

from __future__ import annotations

from typing import Final

import regex

from attribution.models import Span

__all__ = ["is_wrapped", "paragraph_spans", "sentence_spans", "strip_span"]

# Characters treated as white space at span edges: Unicode spaces, zero-width
# characters, BOM and bidi marks, which scraped text is full of.
_EDGE_SPACE: Final = " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u202a\u202b\u202c\u202d\u202e"

# A line: a run of characters without a line break (\n, \r, and Unicode breaks).
LINE_RE: Final = regex.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")

# A blank line between two lines: a break, optional blanks, another break.
BLANK_LINE_RE: Final = regex.compile(r"(?>\r\n|\r|\n)[ \t\u00a0]*+(?>\r\n|\r|\n)")

# Abbreviations that do not end a sentence when followed by a period (lower case,
# without the period): honorifics, ranks, months, and common short forms.
ABBREVIATIONS: Final = frozenset(
    """mr mrs ms dr prof sr jr st mt rev hon gen col lt maj capt sgt cpl adm brig cmdr gov sen rep
    pres supt insp det ft no nos vs etc inc ltd corp co bros dept univ approx est
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    u.s u.k u.n e.u u.s.a a.m p.m e.g i.e al op cit vol pp fig""".split()
)

# Candidate sentence ends: terminal punctuation, then closing quotes or brackets,
# then white space. Possessive on each run, so a run is taken once.
SENTENCE_END_RE: Final = regex.compile(
    r"[.!?\u2026]++"  # one or more terminal marks (… included)
    r"[\"'\u201d\u2019\u00bb\u203a)\]]*+"  # closing marks: " ' ” ’ » › ) ]
    r"(?=\s)"  # must be followed by white space
)

# The token just before a period: letters and inner periods ("U.S", "Col", "p.m").
_TOKEN_BEFORE_RE: Final = regex.compile(r"(?:\p{L}+\.)*\p{L}+$")

# What may start a new sentence: optional opening marks, then a capital or digit.
_STARTER_RE: Final = regex.compile(r"[\"'\u201c\u2018\u00ab\u2039(\[]*[\p{Lu}\p{N}]")

_MAX_LOOKBACK: Final = 24


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past white space (incl. NBSP, zero-width, BOM) at both ends.

    >>> strip_span("  ab \\u200b", 0, 6)
    (2, 4)
    """
    while start < end and text[start] in _EDGE_SPACE:
        start += 1
    while end > start and text[end - 1] in _EDGE_SPACE:
        end -= 1
    return start, end


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    for m in LINE_RE.finditer(text, start, end):
        s, e = strip_span(text, m.start(), m.end())
        if s < e:
            out.append((s, e))
    return out


def is_wrapped(text: str) -> bool:
    """Whether the text hard-wraps its paragraphs (blocks of lines between blank lines).

    True when blank lines separate blocks and most lines that are followed by
    another line in the same block end without sentence punctuation.

    >>> is_wrapped("Russian jets struck targets in the\\nprovince of Idlib on Friday, the\\nministry said.\\n\\n"
    ...            "Activists said the strikes had hit\\nat least three villages near the\\ncity.")
    True
    >>> is_wrapped("One.\\nTwo.\\n\\nThree.")
    False
    """
    if not BLANK_LINE_RE.search(text):
        return False
    inner = ended = long_lines = multi_blocks = 0
    pos = 0
    for block in (*BLANK_LINE_RE.finditer(text), None):
        stop = block.start() if block is not None else len(text)
        lines = _lines(text, pos, stop)
        if len(lines) > 1:
            multi_blocks += 1
        for s, e in lines[:-1]:
            inner += 1
            last = text[e - 1]
            if last in ".!?:\"'\u201d\u2019)" or e - s < 25:
                ended += 1
            if e - s > 100:
                long_lines += 1
        pos = block.end() if block is not None else len(text)
    return inner >= 3 and multi_blocks >= 2 and ended * 2 < inner and long_lines * 5 < inner


def paragraph_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The paragraphs of ``text[start:end]``, stripped of edge white space.

    Each line is a paragraph, unless the text hard-wraps (see :func:`is_wrapped`),
    in which case each block between blank lines is one.

    >>> [p.text for p in paragraph_spans("Title\\r\\n\\r\\n Body one. \\r\\nBody two.")]
    ['Title', 'Body one.', 'Body two.']
    >>> paragraph_spans("")
    []
    """
    stop = len(text) if end is None else end
    if not is_wrapped(text[start:stop]):
        return [Span.of(text, s, e) for s, e in _lines(text, start, stop)]
    out: list[Span] = []
    pos = start
    for block in (*BLANK_LINE_RE.finditer(text, start, stop), None):
        block_end = block.start() if block is not None else stop
        s, e = strip_span(text, pos, block_end)
        if s < e:
            out.append(Span.of(text, s, e))
        pos = block.end() if block is not None else stop
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    before = _TOKEN_BEFORE_RE.search(text, max(0, dot - _MAX_LOOKBACK), dot)
    if before is None:
        return False
    token = before.group()
    if len(token) == 1 and token.isupper():
        return True  # an initial: "George W. Bush"
    if all(len(part) == 1 for part in token.split(".")) and token[:1].isupper():
        return True  # initials: "J.K. Rowling"
    return token.lower() in ABBREVIATIONS


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """The sentences of ``text[start:end]`` (call it on one paragraph at a time).

    >>> [s.text for s in sentence_spans("Col. Gen. Andrei Kartapolov spoke on Oct. 4. He left.")]
    ['Col. Gen. Andrei Kartapolov spoke on Oct. 4.', 'He left.']
    >>> [s.text for s in sentence_spans('"Why?" he asked. "Because."')]
    ['"Why?" he asked.', '"Because."']
    >>> [s.text for s in sentence_spans("It grew 2.5 percent. Then fell.")]
    ['It grew 2.5 percent.', 'Then fell.']
    """
    stop = len(text) if end is None else end
    out: list[Span] = []
    pos = start
    for m in SENTENCE_END_RE.finditer(text, start, stop):
        cut = m.end()
        nxt = cut
        while nxt < stop and text[nxt].isspace():
            nxt += 1
        if nxt >= stop or not _STARTER_RE.match(text, nxt, stop):
            continue
        marks = m.group()
        single_period = marks[0] == "." and len(marks.rstrip("\"'\u201d\u2019\u00bb\u203a)]")) == 1
        if single_period and _is_abbreviation(text, m.start()):
            # "U.S. President", "Col. Gen. Kartapolov": an abbreviation, not an end
            continue
        s, e = strip_span(text, pos, cut)
        if s < e:
            out.append(Span.of(text, s, e))
        pos = cut
    s, e = strip_span(text, pos, stop)
    if s < e:
        out.append(Span.of(text, s, e))
    return out
