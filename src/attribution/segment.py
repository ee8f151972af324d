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

import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Final

import regex

from attribution.models import Span

__all__ = [
    "FORMAT_CHARS",
    "MARK_CHARS",
    "is_wrapped",
    "paragraph_spans",
    "sentence_spans",
    "strip_span",
]

# Every format character (Cf) and combining mark (Mn, Mc, Me) is in planes 0 and 1 or in
# the tags and variation selectors of plane 14.
_PLANES: Final = (range(0x20000), range(0xE0000, 0xE1000))


def _category_class(categories: frozenset[str], planes: Iterable[range] = _PLANES) -> str:
    """The characters of some Unicode general categories, as the body of a character
    class for ``re`` or ``regex`` (ranges, escaped).

    >>> print(_category_class(frozenset({"Me"}), [range(0x1000)]))
    \\u0488-\\u0489
    """
    ranges: list[list[int]] = []
    for plane in planes:
        for cp, category in zip(plane, map(unicodedata.category, map(chr, plane)), strict=True):
            if category in categories:
                if ranges and ranges[-1][1] == cp - 1:
                    ranges[-1][1] = cp
                else:
                    ranges.append([cp, cp])

    def esc(cp: int) -> str:
        return f"\\u{cp:04x}" if cp <= 0xFFFF else f"\\U{cp:08x}"

    return "".join(esc(a) if a == b else f"{esc(a)}-{esc(b)}" for a, b in ranges)


# Invisible format characters (category Cf): soft hyphen, zero-width space and joiners,
# LRM/RLM, bidi embeddings and isolates, BOM, ... Scraped text puts them anywhere,
# even between a name and its verb; patterns treat them like white space. Python's
# ``re`` has no ``\p{Cf}``, so this is the body of a character class: ``[\s{FORMAT_CHARS}]``.
FORMAT_CHARS: Final = _category_class(frozenset({"Cf"}))

# Combining marks (categories Mn, Mc, Me) of the Basic Multilingual Plane: the accents
# of a decomposed (NFD) name, "Jose\u0301", and the vowel signs of Indic scripts. Python's
# ``re`` does not count them as ``\w``; patterns that read words add them, after a run of
# ``\w`` rather than at each character: ``\w*(?:[{MARK_CHARS}]+\w*)*``. (The marks of
# the other planes, in historic scripts and musical notation, are left out: ``re`` tests
# a class that holds any of them range by range, which made tokenizing twice as slow.)
MARK_CHARS: Final = _category_class(frozenset({"Mn", "Mc", "Me"}), [range(0x10000)])

# Characters treated as white space at span edges: Unicode spaces, zero-width
# characters, soft hyphen, BOM and bidi marks, embeddings and isolates, which scraped
# text is full of.
_EDGE_SPACE: Final = (
    " \t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u200b\u200c\u200d\u200e\u200f\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u202a"
    "\u202b\u202c\u202d\u202e\u00ad\u061c\u180e\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069"
)

# A line: a run of characters without a line break (\n, \r, and Unicode breaks). A class
# of code points, which the standard library's re scans twice as fast as regex.
LINE_RE: Final = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")

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
# then white space. Possessive on each run, so a run is taken once; and tried only where
# a run starts (or where the search starts, \G): a match found inside a run would end
# where the one from its start ends, and trying every start of a megabyte of periods
# took quadratic time (12 s for 64,000 of them).
SENTENCE_END_RE: Final = regex.compile(
    r"(?:\G|(?<![.!?\u2026]))"
    r"[.!?\u2026]++"  # one or more terminal marks (… included)
    r"[\"'\u201d\u2019\u00bb\u203a)\]]*+"  # closing marks: " ' ” ’ » › ) ]
    r"(?=\s)"  # must be followed by white space
)

# SENTENCE_END_RE for the standard library's re, which finds a terminal mark at C speed
# where the regex module tries the pattern at each position: the match at the search's
# start (the \G case), and the one that starts a run of marks, the lookbehind checked
# after the run's first mark. [^\S\x1c-\x1f] is the regex module's \s.
_SENTENCE_END_AT_RE: Final = re.compile(
    r"[.!?\u2026]++[\"'\u201d\u2019\u00bb\u203a)\]]*+(?=[^\S\x1c-\x1f])"
)
_SENTENCE_END_AFTER_RE: Final = re.compile(
    r"[.!?\u2026](?<![.!?\u2026].)[.!?\u2026]*+[\"'\u201d\u2019\u00bb\u203a)\]]*+(?=[^\S\x1c-\x1f])"
)

# A letter (Unicode category L): what str.isalpha() says, and the letters of Unicode versions newer than
# Python's own that the regex module knows (str.isalpha() is never true of a non-letter).
_LETTER_RE: Final = regex.compile(r"\p{L}")

# What may start a new sentence: optional opening marks, then a capital or digit.
_STARTER_RE: Final = regex.compile(r"[\"'\u201c\u2018\u00ab\u2039(\[]*[\p{Lu}\p{N}]")

# After a sentence end, the common cases of _STARTER_RE, told without it: an ASCII
# capital or digit starts a sentence, a lower-case ASCII letter does not.
_ASCII_LOWER: Final = frozenset("abcdefghijklmnopqrstuvwxyz")
_ASCII_STARTERS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

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
    if start < 0 or end < 0:  # from the end, as the regex module (and a slice) counts
        start, end, _ = slice(start, end).indices(len(text))
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
    return _wrapped_lines(text, 0, len(text))[0]


def _wrapped_lines(text: str, start: int, stop: int) -> tuple[bool, list[tuple[int, int]]]:
    """:func:`is_wrapped` of ``text[start:stop]``, and the lines of that stretch (as
    :func:`_lines` finds them: the lines of the blocks between blank lines are all of
    its lines, since a blank line is a break, blanks, a break), read once for both."""
    if not BLANK_LINE_RE.search(text, start, stop):
        return False, _lines(text, start, stop)
    inner = ended = long_lines = multi_blocks = 0
    pos = start
    found: list[tuple[int, int]] = []
    for block in (*BLANK_LINE_RE.finditer(text, start, stop), None):
        block_end = block.start() if block is not None else stop
        lines = _lines(text, pos, block_end)
        found.extend(lines)
        if len(lines) > 1:
            multi_blocks += 1
        for s, e in lines[:-1]:
            inner += 1
            last = text[e - 1]
            if last in ".!?:\"'\u201d\u2019)" or e - s < 25:
                ended += 1
            if e - s > 100:
                long_lines += 1
        pos = block.end() if block is not None else stop
    wrapped = inner >= 3 and multi_blocks >= 2 and ended * 2 < inner and long_lines * 5 < inner
    return wrapped, found


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
    wrapped, lines = _wrapped_lines(text, start, stop)
    if not wrapped:
        return [Span.of(text, s, e) for s, e in lines]
    out: list[Span] = []
    pos = start
    for block in (*BLANK_LINE_RE.finditer(text, start, stop), None):
        block_end = block.start() if block is not None else stop
        s, e = strip_span(text, pos, block_end)
        if s < e:
            out.append(Span.of(text, s, e))
        pos = block.end() if block is not None else stop
    return out


def _sentence_ends(text: str, start: int, stop: int) -> Iterator[re.Match[str]]:
    """The matches of ``SENTENCE_END_RE.finditer(text, start, stop)``, found faster.

    >>> [m.group() for m in _sentence_ends('He left. "Why?!" Then...', 0, 24)]
    ['.', '?!"']
    """
    start, stop, _ = slice(start, stop).indices(len(text))  # as the regex module reads them
    m = _SENTENCE_END_AT_RE.match(text, start, stop)
    if m is None:
        m = _SENTENCE_END_AFTER_RE.search(text, start, stop)
    while m is not None:
        yield m
        # The next search starts after white space, where \G finds no mark.
        m = _SENTENCE_END_AFTER_RE.search(text, m.end(), stop)


def _is_letter(c: str) -> bool:
    return c.isalpha() or (c >= "\u0378" and _LETTER_RE.match(c) is not None)


def _token_before(text: str, dot: int) -> str | None:
    """The token just before ``dot``: letters and inner periods ("U.S", "Col", "p.m"),
    at most ``_MAX_LOOKBACK`` characters back: the leftmost suffix of the stretch that is
    letters with single periods between them (a regex search with ``$`` would try each
    start in turn; walking back is five times faster).

    >>> _token_before("the U.S. said", 7), _token_before("on Oct. 4", 6), _token_before("2.", 1)
    ('U.S', 'Oct', None)
    """
    lo = max(0, dot - _MAX_LOOKBACK)
    k = dot - 1
    if k < lo or not _is_letter(text[k]):
        return None
    first = k
    k -= 1
    while k >= lo:
        c = text[k]
        if c.isalpha() or _is_letter(c):  # the common case first, without a call
            first = k
        elif c != "." or text[k + 1] == ".":
            break  # neither a letter nor a period between letters
        k -= 1
    return text[first:dot]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the period at ``dot`` closes an abbreviation or an initial."""
    token = _token_before(text, dot)
    if token is None:
        return False
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
    for m in _sentence_ends(text, start, stop):
        cut = m.end()
        nxt = cut
        while nxt < stop and text[nxt].isspace():
            nxt += 1
        if nxt >= stop:
            continue
        c = text[nxt]
        if c in _ASCII_LOWER or (
            c not in _ASCII_STARTERS and not _STARTER_RE.match(text, nxt, stop)
        ):
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
