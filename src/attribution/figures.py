"""Figures: the numbers a news text states, with their hedge, bounds, unit and what they count.

Fact-checking starts with numbers: "at least 30 civilians", "more than 2,500 air
strikes", "up to 600 mercenaries". This module finds every such figure as a
:class:`~attribution.models.Figure` whose spans point into the caller's text,
unchanged. It is one compiled pattern (:data:`FIGURE_RE`) run once over the text,
plus a few bounded look-ups around each match: no step reads more than a few
dozen characters around a figure, so the whole pass is linear in the text.

>>> [(f.span.text, f.value, f.qualifier, f.counted)
...  for f in find_figures("Activists said at least 30 civilians were killed.")]
[('at least 30', 30.0, 'at_least', 'civilians')]

Dates, times, durations, ages, ordinals, model names and list numbers are not
figures:

>>> find_figures("On September 18, 2015, two Su-25 jets flew for 24 hours.")[0].span.text
'two'

The rules and every edge-case decision are in ``docs/figures.md``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any, Final, NamedTuple

from attribution.errors import AttributionError
from attribution.models import Figure, Qualifier, Span

__all__ = ["figures_in", "find_figures", "find_figures_within"]

# ---------------------------------------------------------------------------
# Closed tables (structural, so they stay beside the code; see style.md)
# ---------------------------------------------------------------------------


def _words(s: str) -> list[str]:
    """The blank-separated words of a word-list literal."""
    return s.split()


#: Number words below twenty.
_UNIT_WORDS: Final[dict[str, int]] = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip

#: Tens, which combine with a unit word: "thirty-six".
_TENS_WORDS: Final[dict[str, int]] = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip

#: Multipliers after a number: "1.2 million", "3bn", "two dozen".
_SCALES: Final[dict[str, int]] = {
    "dozen": 12, "hundred": 100, "thousand": 1_000, "million": 10**6, "billion": 10**9,
    "trillion": 10**12, "k": 1_000, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9,
    "tn": 10**12, "trn": 10**12,
}  # fmt: skip

#: Vague plural quantities: the value is their lower bound ("at_least"), two units,
#: because a plural means more than one: "hundreds" is at least 200.
_PLURALS: Final[dict[str, int]] = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2_000, "millions": 2 * 10**6,
    "billions": 2 * 10**9, "dozens of thousands": 24_000, "tens of thousands": 20_000,
    "hundreds of thousands": 200_000, "tens of millions": 2 * 10**7,
    "hundreds of millions": 2 * 10**8,
}  # fmt: skip

#: Hedges before a number and the qualifier each one gives.
_HEDGES: Final[dict[str, Qualifier]] = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "a minimum of": "at_least",
    "more than": "more_than", "over": "more_than", "upwards of": "more_than",
    "in excess of": "more_than", "above": "more_than", "just over": "more_than",
    "well over": "more_than", "well above": "more_than",
    "up to": "up_to", "as many as": "up_to", "as much as": "up_to",
    "nearly": "at_most", "almost": "at_most", "just under": "at_most",
    "just below": "at_most", "just shy of": "at_most",
    "no more than": "at_most", "not more than": "at_most", "at most": "at_most",
    "a maximum of": "at_most",
    "fewer than": "less_than", "less than": "less_than", "under": "less_than",
    "below": "less_than",
    "about": "about", "around": "about", "some": "about", "roughly": "about",
    "approximately": "about", "approx.": "about", "an estimated": "about",
    "estimated": "about", "circa": "about", "close to": "about",
}  # fmt: skip

#: Hedges after a number ("30 or more"), normalized to lower case and single spaces.
_POST_HEDGES: Final[dict[str, Qualifier]] = {
    "or more": "at_least", "or so": "about", "or fewer": "at_most", "or less": "at_most",
    "odd": "about", "plus": "at_least", "+": "at_least",
}  # fmt: skip

#: Currency signs and codes before a number.
_CURRENCY_SIGNS: Final[dict[str, str]] = {
    "$": "USD", "us$": "USD", "£": "GBP", "€": "EUR", "¥": "JPY",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "rub": "RUB", "jpy": "JPY",
}  # fmt: skip

#: Currency names after a number ("5 million dollars"); "pounds" only with a scale word.
_CURRENCY_WORDS: Final[dict[str, str]] = {
    "dollars": "USD", "us dollars": "USD", "u.s. dollars": "USD", "euros": "EUR",
    "euro": "EUR", "pounds": "GBP", "pounds sterling": "GBP", "roubles": "RUB",
    "rubles": "RUB", "yen": "JPY",
}  # fmt: skip

#: Month names and their abbreviations, written as in news copy (case-sensitive).
_MONTHS: Final[frozenset[str]] = frozenset(
    _words(
        "January February March April May June July August September October November "
        "December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
    )
)

#: Nouns of time: a number counting them is a duration or an age, not a figure.
_TIME_UNITS: Final[frozenset[str]] = frozenset(
    _words(
        "second seconds sec secs minute minutes min mins hour hours hr hrs day days night "
        "nights weekend weekends week weeks fortnight fortnights month months year years yr "
        "yrs decade decades century centuries millennia millennium"
    )
)

#: Words before a number that make it a date ("in 2015") when it looks like a year.
_YEAR_CUES: Final[frozenset[str]] = frozenset(
    _words(
        "in since by until till during before after early late mid the year spring summer "
        "autumn fall winter circa c. ca. end start beginning"
    )
)

#: Words before a number that make it a label, not a quantity ("No. 10", "page 3").
_LABELS: Final[frozenset[str]] = frozenset(
    _words(
        "no no. nos. number page pages p. pp. line chapter section article paragraph para "
        "resolution route highway flight room gate platform level grade version v. phase "
        "stage category district zone sector block lot item step part vol. volume issue "
        "episode season round channel radio tv exit junction rule clause amendment protocol "
        "code id ref tel. tel phone fax ext. pin aged age ages"
    )
)

#: Words before "one" that make it a pronoun: "no one", "the one who".
_ONE_PRONOUN_CUES: Final[frozenset[str]] = frozenset(
    _words(
        "no the this that any every each which such only another someone anyone a last "
        "one no-one everyone"
    )
)

#: Function words: a counted noun phrase stops before any of them.
_STOP_WORDS: Final[frozenset[str]] = frozenset(
    _words(
        """a about above across after against ago ahead all along also amid amidst among an
        and another any are around as at be because been before behind being below belonging
        beside besides between both but by can could did do does down during each either
        else even every except for from had has have he her here him his how however if in
        including inside into is it its just last later less like may me might more most
        much must my near nearly next no nor not now of off on once one only onto or other
        our out outside over overnight past per since so some still such than that the their
        them then there these they this those though through throughout thus till to today
        too toward towards under until up upon us very via was we were what when where
        whereas whether which while who whom whose why will with within without would yet
        yesterday you your said says say told according reportedly respectively altogether
        monday tuesday wednesday thursday friday saturday sunday earlier ever again"""
    )
)

#: Non-entity adjectives dropped from the front of a counted phrase ("36 innocent civilians").
_DROPPED_MODIFIERS: Final[frozenset[str]] = frozenset(
    _words(
        "innocent other separate additional further more new different distinct individual "
        "various so-called alleged suspected estimated reported possible potential total mere "
        "extra respective unarmed"
    )
)

#: Plurals without a final "s".
_IRREGULAR_PLURALS: Final[frozenset[str]] = frozenset(
    _words(
        "people children men women police personnel staff troops feet teeth mice geese "
        "aircraft livestock cattle sheep deer fish militia clergy crew data media"
    )
)

#: Words ending in "s" that are not plurals.
_NOT_PLURAL: Final[frozenset[str]] = frozenset(
    _words(
        "gas news lens bias chaos atlas canvas alias yes this his has was as its series "
        "species whereas perhaps always sometimes afterwards towards besides"
    )
)

#: First words of a number that only count with a scale word after them: "a dozen".
_NEEDS_SCALE: Final[frozenset[str]] = frozenset(_words("a an half several"))

_MAX_COUNTED_WORDS: Final = 6  # longest counted phrase: "more than 50 IS infrastructure targets"
_LOOKAROUND: Final = 200  # characters read after a figure to find what it counts
_MAX_BARE_DIGITS: Final = 7  # longer runs without separators are ids, not quantities
# The most characters one match of FIGURE_RE covers: every part of it is bounded (1-3
# blanks, at most 15 digits, ...). A unit test checks it against the pattern's own width.
_MAX_MATCH_CHARS: Final = 212
# The most characters one attempt of FIGURE_RE reads from where it starts: a match and
# the lookaheads after its parts (checked by the same test).
_MAX_READ_CHARS: Final = 2 * _MAX_MATCH_CHARS
# find_figures_within scans on through a gap between two stretches shorter than this,
# rather than pick up the scan again after it (which reads about as much).
_RESUME_GAP: Final = 1000


def _alt(phrases: Sequence[str]) -> str:
    r"""An alternation of literal phrases in the casings news uses, as a trie.

    The figure pattern is tried at every word start, so its alternations must fail
    fast: the phrases are merged by common prefix ("at least|at most" becomes
    ``at\s{1,3}+(?:least|most)``) and kept case-sensitive (lower, Capitalized,
    Title Case, UPPER), so that each branch starts with one literal character the
    regex engine tests in one step. At each node longer phrases are tried first.
    Spaces match 1-3 blanks.

    >>> _alt(["a", "an"])
    '(?:A(?:(?:N|n))?|an?)'
    >>> bool(re.fullmatch(_alt(["at least", "at most"]), "At  most"))
    True
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        for variant in (phrase, phrase.capitalize(), phrase.title(), phrase.upper()):
            node = trie
            for ch in variant:
                node = node.setdefault(ch, {})
            node[""] = {}
    return _emit(trie)


def _emit(node: dict[str, Any]) -> str:
    """The regex for one trie node: its branches, then (optionally) the end here."""
    branches = [
        (_WS if ch == " " else re.escape(ch)) + _emit(child)
        for ch, child in sorted(node.items())
        if ch
    ]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:
        return f"(?:{body})?" if len(branches) > 1 or len(body) > 1 else f"{body}?"
    return body


# ---------------------------------------------------------------------------
# Pattern fragments
# ---------------------------------------------------------------------------

# Blanks between the words of a figure: bounded and possessive, so that no run of
# spaces is ever scanned twice.
_WS: Final = r"\s{1,3}+"

# A figure never starts inside a word, a number, a URL or a model name: not after
# a letter or digit ("MH17", "G7"), a separator of numbers (".", ",", ":", "/"),
# URL punctuation ("=", "&", "@", "#", "%", "+"), a currency sign, or a hyphen
# ("Su-25", "COVID-19").
_START: Final = r"(?<![\w.,:/=&@#%+$£€¥\-‐])"

# A figure never ends inside a word ("20th", "1990s", "5km"), before a hyphenated
# word ("45-year-old", "three-year-long", "555-123-4567"), a possessive ("1990's"),
# or before more digits after a separator ("10:30", "1.2.3", "9/11").
_END: Final = r"(?![\w]|[-‐–][^\W_]|['’][^\W\d_]|[.,:/]\d)"

# Digits: "250,000" (comma groups), "2500", "1.5". Possessive and bounded, so a
# megabyte of digits is rejected in one step; ``(?![.,:]?\d)`` refuses to stop
# in the middle of a longer numeral ("10,20", "1,0000").
_DIGITS: Final = r"(?:\d{1,3}+(?:,\d{3}){1,5}+|\d{1,15}+)(?:\.\d{1,8}+)?(?![.,:]?\d)"

# 0-99 in words: "twelve", "thirty-six"; tens first so that "seventy" is not
# read as "seven".
_SMALL_WORD: Final = (
    rf"(?:(?:{_alt(list(_TENS_WORDS))})"
    rf"(?:[-‐ ](?:{_alt([w for w, v in _UNIT_WORDS.items() if 0 < v < 10])}))?"
    rf"|{_alt(list(_UNIT_WORDS))})(?![\w])"
)

# Number words up to hundreds: "twelve", "one hundred and twenty".
_WORDS: Final = rf"(?:{_SMALL_WORD}(?:{_WS}(?:{_alt(['hundred'])})(?:{_WS}(?:{_alt(['and'])}{_WS})?{_SMALL_WORD})?)?)"

# Scale words written out: "million", "hundred thousand", "dozen".
_SCALE_WORD: Final = (
    rf"(?:{_alt(['hundred thousand', 'hundred million', 'hundred billion'])}"
    rf"|{_alt(['dozen', 'hundred', 'thousand', 'million', 'billion', 'trillion'])})(?![\w])"
)

# "a dozen", "a million", "half a million": "a" only when a scale word follows.
_A_SCALE: Final = rf"(?:{_alt(['half a', 'half an', 'a', 'an'])})(?={_WS}{_SCALE_WORD})"

# "several hundred", "a few thousand": vague, read as at least 300 and 2,000.
_VAGUE: Final = rf"(?:{_alt(['several', 'a few', 'a couple of'])})(?={_WS}{_SCALE_WORD})"

# "hundreds", "tens of thousands": vague plurals, read as at least two units.
_PLURAL: Final = rf"(?:{_alt(list(_PLURALS))})(?![\w])"

# Any number: digits first (the common case), then the word forms.
_NUM: Final = rf"(?:{_DIGITS}|{_PLURAL}|{_VAGUE}|{_A_SCALE}|{_WORDS})"

# The second number of a range: digits or plain number words.
_NUM2: Final = rf"(?:{_DIGITS}|{_WORDS})"

# Scale abbreviations: "bn", "mn", "tn" may stand apart ("5 bn"); "m", "b", "k"
# only attached ("250m", "5k"), since "250 m" is a distance.
_SCALE_ABBR: Final = r"(?:[bBmMtT][nN]|[tT][rR][nN])(?![\w])"
_SCALE: Final = rf"(?:{_WS}(?:{_SCALE_WORD}|{_SCALE_ABBR})|(?:{_SCALE_ABBR}|[mMbBkK](?![\w])))"

# A currency sign or code before the number: "$5", "US$2bn", "£3bn", "USD 5".
_CURRENCY: Final = r"(?:U\.?S\.?\$|[$£€¥]|USD|EUR|GBP|RUB|JPY)\s?+"

# The words joining the ends of a range: "10-20", "10 – 20", "10 to 20", "two or three".
_RANGE_SEP: Final = rf"(?:\s?+[-‐–—]\s?+|{_WS}(?:to|or|TO|OR){_WS})"

# The "and" of "between 10 and 20".
_AND: Final = rf"{_WS}(?:and|AND){_WS}"

# A unit after the number (and after the range, if any): percent or a currency name.
_UNIT: Final = (
    rf"(?:\s{{0,2}}+%"
    rf"|{_WS}(?:{_alt(['percentage points', 'percentage point', 'percent', 'per cent', 'pct'])}"
    rf"|{_alt(list(_CURRENCY_WORDS))}))(?![\w])"
)

# A hedge after the number: "30 or more", "30-odd", "30-plus", "30+".
_POST: Final = (
    rf"(?:{_WS}(?:{_alt(['or more', 'or so', 'or fewer', 'or less'])})(?![\w])"
    rf"|[-‐](?:odd|plus)(?![\w])|\+)"
)

#: The figure pattern: a hedge, a currency, a number, a scale, a range, a unit and
#: a trailing hedge, each optional but the number. ``between`` must be closed by
#: ``and``: the conditional ``(?(between)...)`` fails the match otherwise.
FIGURE_RE: Final = re.compile(
    rf"""
    {_START}
    (?:(?P<between>{_alt(["between"])}){_WS}|(?P<hedge>{_alt(list(_HEDGES))}){_WS})?
    (?P<cur>{_CURRENCY})?
    (?P<num>{_NUM})
    (?P<scale>{_SCALE})?
    (?P<pct1>\s{{0,2}}+%)?
    (?P<tail>
        (?(between){_AND}|{_RANGE_SEP})
        (?P<cur2>{_CURRENCY})?
        (?P<num2>{_NUM2})
        (?P<scale2>{_SCALE})?
    )?
    (?(between)(?(tail)|(?!)))
    (?P<unit>{_UNIT})?
    (?P<post>{_POST})?
    {_END}
    """,
    re.VERBOSE,
)

# One word of a counted phrase, after 1-3 blanks on the same line and an optional
# opening quote mark (“ is U+201C, ‘ U+2018): "air", "IS", "U.S.-backed", "Su-25".
_COUNTED_WORD_RE: Final = re.compile(
    r"[^\S\n]{1,3}+(?P<quote>[\"“‘']?)"
    r"(?P<word>(?:(?:[A-Z]\.){2,4}+|[^\W\d_]\w{0,40}+)(?:[-‐'’][^\W_]\w{0,40}+){0,3}+)"
    r"(?![\w])"
)

# "of", a determiner and a second number between a quantity and its noun:
# "hundreds of people", "three of the seven countries", "30 percent of the vote".
_OF_RE: Final = re.compile(
    rf"{_WS}of(?:{_WS}(?:the|these|those|its|their|his|her|our|your|all|them|whom|which)(?![\w]))?"
    rf"(?:{_WS}(?:{_DIGITS}|{_SMALL_WORD}))?(?![\w])",
    re.IGNORECASE,
)

# A clock time after the number: "3 p.m.", "10 am", "1400 GMT", "10 o'clock".
_TIME_AFTER_RE: Final = re.compile(
    r"\s{0,2}+(?:[ap]\.m\.|[ap]\.?m(?![\w])|o['’]clock|GMT|UTC|BST|CET|EST|hrs(?![\w])"
    r"|h(?![\w])|local\s{1,3}+time)",
    re.IGNORECASE,
)

# Another bare digit group next to this one: a phone number or an id ("020 7946 0958").
_DIGIT_NEIGHBOUR_AFTER_RE: Final = re.compile(r"\)?[ \xa0]\(?\d{2}")
_DIGIT_NEIGHBOUR_BEFORE_RE: Final = re.compile(r"\d{2}\)?[ \xa0]\(?\Z")

# The word before a position, with the blanks between: ("Oct.", " ").
_PREV_WORD_RE: Final = re.compile(r"(?P<word>[\w.'’-]{1,32})(?P<gap>[^\S\n]{0,3})\Z")

# A month name right after a day number, "of" allowed between: "22 January", "4 of July".
_MONTH_AFTER_RE: Final = re.compile(r"\s{1,3}+(?:of\s{1,3}+)?(?P<month>[A-Z][a-z]{2,8})(?![a-z])")


# ---------------------------------------------------------------------------
# Values
# ---------------------------------------------------------------------------


def _norm(s: str) -> str:
    """Lower case, one space between words, ASCII hyphens: the key of the tables."""
    return " ".join(s.lower().replace("‐", "-").split())


def _word_value(s: str) -> Decimal:
    """The value of number words: 'thirty-six' -> 36, 'half a' -> 0.5."""
    current = Decimal(0)
    factor = Decimal(1)
    for token in re.split(r"[\s\-]+", _norm(s)):
        if token == "half":
            factor = Decimal("0.5")
        elif token in ("a", "an"):
            current = Decimal(1)
        elif token == "hundred":
            current = (current or Decimal(1)) * 100
        elif token in _UNIT_WORDS:
            current += _UNIT_WORDS[token]
        elif token in _TENS_WORDS:
            current += _TENS_WORDS[token]
    return current * factor


def _num_value(s: str) -> Decimal:
    """The value of a ``_NUM`` match: digits, number words or a vague quantity."""
    if s[0].isdigit():
        return Decimal(s.replace(",", ""))
    key = _norm(s)
    if key in _PLURALS:
        return Decimal(_PLURALS[key])
    if key.startswith("several"):
        return Decimal(3)  # "several hundred": at least 300
    if key.startswith(("a few", "a couple")):
        return Decimal(2)
    return _word_value(s)


def _currency(sign: str) -> str:
    """The ISO code of a currency sign or code: 'US$' -> 'USD'."""
    return _CURRENCY_SIGNS["".join(sign.lower().replace(".", "").split())]


def _scale_value(s: str | None) -> int:
    """The multiplier of a scale: 'million' -> 10**6, 'hundred thousand' -> 10**5."""
    if not s:
        return 1
    out = 1
    for token in _norm(s).split():
        out *= _SCALES[token]
    return out


def _is_vague(num: str) -> bool:
    """Whether a number is a vague quantity: 'hundreds', 'several hundred'."""
    key = _norm(num)
    return key in _PLURALS or key.startswith(("several", "a few", "a couple"))


# ---------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------


def _prev_word(text: str, pos: int) -> tuple[str, str]:
    """The word ending just before ``pos`` and the blanks after it, or ("", "")."""
    m = _PREV_WORD_RE.search(text, max(0, pos - 36), pos)
    return (m.group("word"), m.group("gap")) if m else ("", "")


def _is_plural(word: str) -> bool:
    """Whether a lower-case word looks like a plural noun: 'strikes', 'people'."""
    if word in _IRREGULAR_PLURALS:
        return True
    return (
        len(word) > 2
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is", "'s", "’s"))
        and word not in _NOT_PLURAL
    )


def _counted(text: str, pos: int, limit: int) -> tuple[list[tuple[int, int, str]], bool]:
    """The words of the noun phrase after ``pos`` and whether it ends on a plural head.

    An "of the" (and a second number) may come first: "hundreds of people",
    "three of the seven countries".
    """
    m = _OF_RE.match(text, pos, limit)
    if m:
        pos = m.end()
    words: list[tuple[int, int, str]] = []
    for _ in range(_MAX_COUNTED_WORDS):
        m = _COUNTED_WORD_RE.match(text, pos, limit)
        if not m or (words and m.group("quote")):
            break
        word = m.group("word")
        lower = word.lower()
        if lower in _STOP_WORDS and lower not in _DROPPED_MODIFIERS and not word.isupper():
            break
        words.append((m.start("word"), m.end("word"), word))
        pos = m.end()
        if word.islower() and _is_plural(lower):
            return words, True
        if word.islower() and lower.endswith(("ing", "ed", "ly")) and words[:-1]:
            # "30 civilians killed": a participle after the noun ends the phrase.
            words.pop()
            break
    # No plural head: keep the words up to the first lower-case participle or adverb.
    kept: list[tuple[int, int, str]] = []
    for w in words[:4]:
        if w[2].islower() and w[2].endswith(("ing", "ed", "ly")):
            break
        kept.append(w)
    return kept, False


def _strip_modifiers(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop leading non-entity adjectives: 'innocent civilians' -> 'civilians'."""
    i = 0
    while i < len(words) and words[i][2] in _DROPPED_MODIFIERS:
        i += 1
    return words[i:]


def _at_line_start(text: str, pos: int) -> bool:
    """Whether only blanks (at most eight) stand between ``pos`` and a line start."""
    i = pos
    while i > 0 and pos - i < 8 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] == "\n"


# ---------------------------------------------------------------------------
# Public functions
# ---------------------------------------------------------------------------


def find_figures(text: str, start: int = 0, end: int | None = None) -> list[Figure]:
    """Find every numeric figure in ``text[start:end]``, in text order.

    A figure is a number that counts or measures something, with the hedge before
    it ("at least", "nearly", "between ... and"), its currency or percent sign, its
    scale ("million", "bn") and what it counts ("civilians", "air strikes"). Spans
    are offsets into ``text`` itself, which is never changed; context outside the
    window is read only to tell a date or a name from a figure.

    Args:
        text: The text to search, unchanged.
        start: Offset of the first character of the window.
        end: Offset one past the window's last character; ``None`` for the end.

    Returns:
        The figures, in text order; an empty list when there are none.

    Raises:
        TypeError: ``text`` is not a ``str`` or an offset is not an ``int``.
        AttributionError: an offset is outside the text or ``start > end``.

    >>> [(f.span.text, f.value, f.qualifier, f.counted)
    ...  for f in find_figures("It hit 10 IS positions and twelve Islamic State members.")]
    [('10', 10.0, 'exact', 'IS positions'), ('twelve', 12.0, 'exact', 'Islamic State members')]

    Hedges give bounds; ranges give both:

    >>> [(f.span.text, f.low, f.high, f.qualifier)
    ...  for f in find_figures("more than 2,500 air strikes and up to 600 mercenaries")]
    [('more than 2,500', 2500.0, None, 'more_than'), ('up to 600', None, 600.0, 'up_to')]
    >>> f = find_figures("between 10 and 20 missiles")[0]
    >>> f.span.text, f.value, f.low, f.high, f.qualifier, f.counted
    ('between 10 and 20', 10.0, 10.0, 20.0, 'range', 'missiles')

    Money and percentages carry a unit:

    >>> [(f.span.text, f.value, f.unit) for f in find_figures("$5 billion, or 30%")]
    [('$5 billion', 5000000000.0, 'USD'), ('30%', 30.0, 'percent')]

    Not figures: dates, durations, ordinals, model and station names, "one" as a
    pronoun:

    >>> find_figures("Since March 2011, over the past 24 hours, the first Su-25 "
    ...              "told Europe 1 radio one of the targets was hit on Oct. 4.")
    []

    A window restricts the search; spans stay offsets into the whole text:

    >>> text = "Two jets. Four civilians."
    >>> [(f.span.start, f.span.text) for f in find_figures(text, 10)]
    [(10, 'Four')]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if not isinstance(start, int) or isinstance(start, bool):
        raise TypeError(f"start must be an int, not {type(start).__name__}")
    if end is None:
        end = len(text)
    elif not isinstance(end, int) or isinstance(end, bool):
        raise TypeError(f"end must be an int or None, not {type(end).__name__}")
    if not 0 <= start <= end <= len(text):
        raise AttributionError(
            f"window [start={start}, end={end}) is outside a text of {len(text)} characters"
        )
    out: list[Figure] = []
    pos = start
    while pos < end:
        m = FIGURE_RE.search(text, pos, end)
        if m is None:
            break
        figures, pos = _read(text, m, end)
        out.extend(figures)
    return out


def find_figures_within(text: str, spans: Iterable[Span]) -> list[Figure]:
    """The figures of ``find_figures(text)`` that lie inside ``spans``, read only near them.

    The result is exactly what filtering :func:`find_figures` over the whole text would
    give, in the same order, but the scan reads only the spans and a few hundred
    characters before each: what a claim's content needs when the claims cover a small
    part of a long text.

    >>> text = "Two jets flew. Rebels said 30 civilians died. Four more came."
    >>> [f.span.text for f in find_figures_within(text, [Span.of(text, 27, 44)])]
    ['30']

    A figure that straddles the edge of every span is left out, as is one outside them:

    >>> [f.span.text for f in find_figures_within(text, [Span.of(text, 28, 44)])]
    []

    Args:
        text: The text to search, unchanged.
        spans: Stretches of ``text``, in any order; they may overlap.

    Returns:
        The figures of ``find_figures(text)`` whose span lies inside the union of
        ``spans``, in text order.

    Raises:
        TypeError: ``text`` is not a ``str``.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    regions = _union(spans)
    starts = [a for a, _ in regions]
    ends = [b for _, b in regions]

    def inside(f: Figure) -> bool:
        k = bisect.bisect_right(starts, f.span.start) - 1
        return k >= 0 and f.span.end <= ends[k]

    def near(m: re.Match[str]) -> bool:  # the match overlaps a region
        k = bisect.bisect_right(ends, m.start())
        return k < len(regions) and starts[k] < m.end()

    # The whole-text scan goes from match to match (see find_figures). This one keeps
    # ``pos`` where that scan is searching too (not inside a match), so that from there
    # both find the same matches. It scans each cluster of regions (those closer than
    # _RESUME_GAP) and picks the scan up again before the next: a match that starts
    # before ``b`` reads nothing past ``b + _MAX_READ_CHARS``, so a search that stops
    # there finds it as a search of the whole text does.
    end = len(text)
    out: list[Figure] = []
    pos = 0
    for a, b in _union(regions, gap=_RESUME_GAP):
        if pos < a:
            pos = _resume(text, a, pos)
        while pos < b:
            m = FIGURE_RE.search(text, pos, min(end, b + _MAX_READ_CHARS))
            if m is None or m.start() >= b:
                pos = b  # no match starts before b: the scan is searching there
                break
            if m.group("tail") is None and not near(m):
                pos = m.end()  # where _read goes on, without building figures not kept
                continue
            figures, pos = _read(text, m, end)
            out.extend(f for f in figures if inside(f))
    return out


def _union(
    spans: Iterable[Span] | Iterable[tuple[int, int]], gap: int = 0
) -> list[tuple[int, int]]:
    """The union of some spans (or ``(start, end)`` pairs) as sorted, disjoint pairs, the
    gaps of at most ``gap`` characters between them filled."""
    pairs = [(s.start, s.end) if isinstance(s, Span) else s for s in spans]
    out: list[tuple[int, int]] = []
    for start, end in sorted(pairs):
        if out and start <= out[-1][1] + gap:
            if end > out[-1][1]:
                out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _resume(text: str, pos: int, floor: int) -> int:
    """A position at most ``pos`` and at least ``floor`` where the whole-text scan of
    :func:`find_figures` is searching, given that it is searching at ``floor``.

    That scan consumes each match (at most :data:`_MAX_MATCH_CHARS`) and searches on
    from its end. So it is searching at ``pos`` unless a match starts in the stretch of
    that length before ``pos``; then the earliest such start is tried instead, and so
    on back.
    """
    while pos > floor:
        lo = max(floor, pos - _MAX_MATCH_CHARS + 1)
        m = FIGURE_RE.search(text, lo, min(len(text), pos + _MAX_READ_CHARS))
        if m is None or m.start() >= pos:
            return pos
        pos = m.start()
    return floor


def figures_in(
    figures: Sequence[Figure], span: Span, *, starts: Sequence[int] | None = None
) -> tuple[Figure, ...]:
    """The figures whose span lies wholly inside ``span``, in their order.

    Args:
        figures: Figures from :func:`find_figures` over the same text.
        span: The stretch of text to keep figures from, such as a claim's content.
        starts: ``[f.span.start for f in figures]``, when the caller asks for many spans
            of the same figures (computed here otherwise).

    Returns:
        The figures inside ``span``, as a tuple (the type of ``Claim.figures``).

    >>> text = "Moscow said it hit 12 targets; activists said 30 civilians died."
    >>> claim = Span.of(text, 12, 29)
    >>> [f.span.text for f in figures_in(find_figures(text), claim)]
    ['12']
    """
    # figures come in text order: bisect to the first that may lie inside the span
    if starts is None:
        starts = [f.span.start for f in figures]
    k = bisect.bisect_left(starts, span.start)
    out = []
    while k < len(figures) and figures[k].span.start < span.end:
        if span.contains(figures[k].span):
            out.append(figures[k])
        k += 1
    return tuple(out)


# ---------------------------------------------------------------------------
# One match -> zero, one or two figures
# ---------------------------------------------------------------------------


class _Parts(NamedTuple):
    """What one match says about one figure, before its context is checked."""

    start: int  # where the figure's span starts (its hedge, its currency or its number)
    end: int  # where the figure's span ends
    num: str  # the (first) number as written: "2,500", "twelve", "hundreds"
    num_end: int
    value: Decimal
    high: Decimal | None  # the top of a range
    hedge: str | None  # "at least", "between", ...
    post: str | None  # "or more", "-odd", ...
    scaled: bool  # a scale word or abbreviation follows: "1.2 million", "3bn"
    currency: str | None  # "USD", "GBP", ...
    percent: str | None  # "percent", "percentage points"
    num2: str | None  # the second number of a range as written

    @property
    def bare(self) -> bool:
        """A number alone: no hedge, scale, unit or range."""
        return not (self.hedge or self.post or self.scaled or self.currency or self.percent) and (
            self.high is None
        )

    @property
    def integer(self) -> bool:
        """Written in digits without separators or decimals: "2015", "10"."""
        return self.num.isdigit()


def _read(text: str, m: re.Match[str], end: int) -> tuple[list[Figure], int]:
    """The figures one match of :data:`FIGURE_RE` stands for, and where to go on."""
    cur = m.group("cur")
    scale_text = m.group("scale")
    if scale_text is None and _norm(m.group("num")).split()[0] in _NEEDS_SCALE:
        return [], m.end()  # "a" without its "million": "a million-dollar deal"
    x = _num_value(m.group("num")) * _scale_value(scale_text)
    if cur is None and _norm(scale_text or "") == "m" and x >= 1000 * 10**6:
        return [], m.end()  # "5000m" without a currency is a distance, not five billion
    parts = _Parts(
        start=m.start(),
        end=m.end(),
        num=m.group("num"),
        num_end=m.end("num"),
        value=x,
        high=None,
        hedge=m.group("between") or m.group("hedge"),
        post=m.group("post"),
        scaled=scale_text is not None,
        currency=_currency(cur) if cur else None,
        percent="percent" if m.group("pct1") else None,
        num2=m.group("num2"),
    )

    if m.group("tail") is not None:
        scale2 = _scale_value(m.group("scale2"))
        y = _num_value(m.group("num2")) * scale2
        if scale_text is None and m.group("scale2") is not None and x * scale2 < y:
            x *= scale2  # "2-3 billion": the first number shares the second one's scale
        if x >= y:
            # Not a range. "7-2", "2014-15" (scores, seasons) are nothing; "30 to 20"
            # and "between 20 and 10" give the first number alone, then go on.
            if m.group("between") is None and text[m.start("tail") : m.start("num2")].strip() in (
                "-", "‐", "–", "—", "",
            ):  # fmt: skip
                return [], m.end()
            first = parts._replace(
                start=m.start("cur") if cur else m.start("num"),
                end=max(m.end("num"), m.end("scale"), m.end("pct1")),
                hedge=None,
                post=None,
                num2=None,
            )
            if m.group("between") is None:
                first = first._replace(start=m.start(), hedge=m.group("hedge"))
            fig = _build(text, first, end)
            return ([fig] if fig else []), m.start("cur2") if m.group("cur2") else m.start("num2")
        parts = parts._replace(value=x, high=y)
        if cur is None and m.group("cur2"):
            parts = parts._replace(currency=_currency(m.group("cur2")))

    unit_text = m.group("unit")
    if unit_text:
        key = _norm(unit_text)
        if key == "%" or key.startswith(("per", "pct")):
            unit = "percentage points" if key.startswith("percentage") else "percent"
            parts = parts._replace(percent=unit)
        elif key == "pounds" and not parts.scaled:
            # "500 pounds of explosives" is a weight; "5 million pounds" is money.
            parts = parts._replace(end=m.start("unit"), post=None)
        else:
            parts = parts._replace(currency=_CURRENCY_WORDS[key])
    fig = _build(text, parts, end)
    return ([fig] if fig else []), m.end()


def _is_date_time_or_label(text: str, p: _Parts, prev: str, gap: str) -> bool:
    """Dates, clock times, labels, ages, ids, phone and list numbers."""
    if p.integer and p.bare:
        if prev.rstrip(".,") in _MONTHS and gap:
            return True  # "September 18", "Oct. 4", "March 2011"
        month = _MONTH_AFTER_RE.match(text, p.num_end)
        if 1 <= int(p.num) <= 31 and month and month.group("month") in _MONTHS:
            return True  # "22 January", "4 of July"
        if (len(p.num) > 1 and p.num[0] == "0") or len(p.num) > _MAX_BARE_DIGITS:
            return True  # "007", "123456789"
        if _DIGIT_NEIGHBOUR_AFTER_RE.match(text, p.end) or _DIGIT_NEIGHBOUR_BEFORE_RE.search(
            text, max(0, p.start - 8), p.start
        ):
            return True  # "020 7946 0958"
        if (
            text[p.end : p.end + 1] in (".", ")")
            and text[p.end + 1 : p.end + 2] in ("", " ", "\t", "\n")
            and _at_line_start(text, p.start)
        ):
            return True  # a list number: "1. ", "2) "
    if not (p.currency or p.percent) and _TIME_AFTER_RE.match(text, p.end):
        return True  # "3 p.m.", "1400 GMT"
    return p.num[0].isdigit() and bool(gap) and prev.lower() in _LABELS  # "No. 10", "aged 45"


def _is_year(p: _Parts, prev: str, plural_head: bool) -> bool:
    """A year, alone or in a range: "2011", "in 2015", "the 2015 elections", "2011-2015".

    A four-digit number is a year unless it counts a plural noun and no date word
    comes before it: "killed 2000 people" is a figure.
    """
    return (
        p.integer
        and len(p.num) == 4
        and 1000 <= int(p.num) <= 2099
        and not (p.currency or p.percent or p.scaled)
        and (
            not plural_head
            or prev.lower() in _YEAR_CUES
            or prev.rstrip(".,") in _MONTHS
            or len(p.num2 or "") == 4
        )
    )


def _is_name_part(p: _Parts, prev: str, gap: str, after: str) -> bool:
    """A number that ends a name: "Europe 1 radio", "Channel 4", "Formula 1".

    A small bare number right after a capitalized word is part of the name, unless
    a plural noun follows it ("Russia Hits 12 Targets").
    """
    return (
        p.integer
        and p.bare
        and len(p.num) <= 3
        and gap in (" ", "\xa0")
        and prev[:1].isupper()
        and prev.lower() not in _STOP_WORDS
        and not prev.endswith(("'s", "’s", "."))
        and prev.rstrip(",") not in _MONTHS
        and not (after and _is_plural(after.lower()))
    )


def _build(text: str, p: _Parts, end: int) -> Figure | None:
    """Check the context of one figure and build it, or ``None`` when it is not one."""
    prev, gap = _prev_word(text, p.start)
    if _is_date_time_or_label(text, p, prev, gap):
        return None

    # What is counted: nothing for money; for a percentage, only after "of".
    words: list[tuple[int, int, str]] = []
    plural_head = False
    limit = min(len(text), p.end + _LOOKAROUND)
    if p.currency is None and (p.percent is None or _OF_RE.match(text, p.end, limit)):
        words, plural_head = _counted(text, p.end, limit)
    next_word = _COUNTED_WORD_RE.match(text, p.end, limit)
    after = next_word.group("word") if next_word else ""
    if (words and words[-1][2].lower() in _TIME_UNITS) or after.lower() in _TIME_UNITS:
        return None  # a duration or an age: "24 hours", "three days after"
    if _is_year(p, prev, plural_head) or _is_name_part(p, prev, gap, after):
        return None
    if (
        p.bare
        and _norm(p.num) == "one"
        and (prev.lower() in _ONE_PRONOUN_CUES or not words or _OF_RE.match(text, p.end, limit))
    ):
        return None  # a pronoun: "no one", "the one who", "one of the targets"
    if p.high is not None and not words and re.fullmatch(r"\d{3}[-‐–]\d{4}", text[p.start : p.end]):
        return None  # a phone number: "555-1234"

    qualifier: Qualifier = "at_least" if _is_vague(p.num) else "exact"
    if p.post is not None and p.hedge is None:
        qualifier = _POST_HEDGES[_norm(p.post).lstrip("-‐")]
    if p.hedge is not None and _norm(p.hedge) != "between":
        qualifier = _HEDGES[_norm(p.hedge)]
    low: Decimal | None = None
    high: Decimal | None = None
    if p.high is not None:
        qualifier, low, high = "range", p.value, p.high
    elif qualifier == "exact":
        low = high = p.value
    elif qualifier in ("at_least", "more_than"):
        low = p.value
    elif qualifier in ("at_most", "less_than", "up_to"):
        high = p.value

    words = [w for w in _strip_modifiers(words) if w[1] <= end]
    counted = Span.of(text, words[0][0], words[-1][1]) if words else None
    return Figure(
        span=Span.of(text, p.start, p.end),
        value=float(p.value),
        low=None if low is None else float(low),
        high=None if high is None else float(high),
        qualifier=qualifier,
        counted=counted.text if counted else None,
        counted_span=counted,
        unit=p.currency or p.percent,
    )
