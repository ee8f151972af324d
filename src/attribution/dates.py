"""Time expressions in news text, and the day each one names.

A news claim carries two kinds of date. The *speech date* is when the source
spoke ("Peskov told reporters on Thursday that ..."); the *event date* is when
the reported thing happened ("... the strikes on September 18"). This module
finds time expressions, resolves them against the article's date (the
*anchor*), and picks the one that dates the speech act.

It exists because a general date parser answers the wrong question for news.
``dateparser`` with ``PREFER_DATES_FROM="past"`` reads "Friday" in a Friday
article as the Friday a week before, while a reporter writing "said Friday" on
a Friday means that same day; it reads "in June" as a day in June; and it fills
a missing year from the clock. So the expressions this module finds are
resolved by its own calendar arithmetic, and ``dateparser`` is only the
fallback for other phrasings, always called with explicit settings and a fixed
``RELATIVE_BASE``: nothing here reads the clock.

>>> text = "Peskov told reporters on Thursday that the strikes began on Wednesday."
>>> [s.text for s in find_time_expressions(text)]
['on Thursday', 'on Wednesday']
>>> resolve_time("on Thursday", date(2015, 10, 3))
datetime.date(2015, 10, 1)
>>> resolve_time("on Thursday", None) is None
True
>>> parse_date_text("Monday 22 January 2018")
datetime.date(2018, 1, 22)

Rules, in short (``docs/dates.md`` has the long form):

- A weekday equal to the anchor's own weekday is the anchor itself; any other
  weekday is the most recent one before it ("last Friday" is strictly before).
- A month and day without a year take the latest year that puts them no more
  than a week after the anchor (a day, for a date line or dateline).
- Only expressions that name one day resolve; periods ("last week",
  "in June", "since September 2014") keep their span and resolve to ``None``.
- Without an anchor, only dates that carry their own year resolve.
"""

from __future__ import annotations

import bisect
import contextlib
import functools
import logging
import re
from collections.abc import Iterable, Sequence
from datetime import date, datetime, timedelta
from typing import Final

import regex
from dateparser.date import DateDataParser

from attribution.cues import trie_pattern
from attribution.models import Span

__all__ = [
    "find_time_expressions",
    "parse_date_text",
    "resolve_time",
    "speech_time",
    "speech_times",
]

_LOG = logging.getLogger(__name__)

#: Inputs longer than this are not date expressions: parse_date_text and resolve_time give None.
MAX_EXPRESSION_CHARS: Final = 100
#: A month-day without a year may lie this far after the article date (news looks back).
FUTURE_SLACK: Final = timedelta(days=7)
#: A date line's or dateline's month-day may lie this far after the caller's date (time zones).
DATE_LINE_SLACK: Final = timedelta(days=1)
#: After the cue, the expression must come within this many characters (content left out).
MAX_GAP_AFTER_CUE: Final = 60
#: Before the cue, likewise, unless it is in the sentence's leading adverbial.
MAX_GAP_BEFORE_CUE: Final = 80
# How far from the cue speech_time looks at all (a leading adverbial of a long sentence
# included): it bounds the work per claim.
_SEARCH_BEFORE: Final = 400
_SEARCH_AFTER: Final = 300

# Closed table: the counts in "two days ago".
NUMBER_WORDS: Final = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
}

# --- Pattern fragments ---------------------------------------------------------------------
# The words an expression can begin with are kept in tuples, so that the fast first-word
# check in TIME_EXPRESSION_RE is derived from the same words as the grammar itself.
WEEKDAY_NAMES: Final = (
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
)
WEEKDAY_ABBREVIATIONS: Final = (
    "Mon",
    "Tue",
    "Tues",
    "Wed",
    "Thu",
    "Thur",
    "Thurs",
    "Fri",
    "Sat",
    "Sun",
)
MONTH_NAMES: Final = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
# AP style abbreviates these; "May", "June", "July" are never abbreviated, "Mar" rarely.
MONTH_ABBREVIATIONS: Final = (
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
)  # fmt: skip
_BOUNDS: Final = ("since", "until", "till", "by", "from", "before", "after", "through")
_WITHIN: Final = ("in", "during", "throughout")
_EDGES: Final = ("early", "late")
_RELATIVE_EDGES: Final = ("earlier", "later")
_DEICTIC: Final = ("last", "this", "next")
_DEICTIC_DAYS: Final = ("yesterday", "today", "tonight")
_COUNTS: Final = ("several", *NUMBER_WORDS)


def _alt(words: Iterable[str]) -> str:
    """A non-capturing alternation of literal words, longest first ("Thurs" before "Thu")."""
    return "(?:" + "|".join(sorted(set(words), key=lambda w: (-len(w), w))) + ")"


# Whitespace between the words of one expression: spaces (NBSP too) and at most one line
# break, so that an expression never crosses a blank line. Possessive, so it cannot backtrack.
_SP = r"(?:[^\S\n]++(?:\n[^\S\n]*+)?|\n[^\S\n]*+)"
# Optional spaces inside a date line.
_HS = r"[^\S\n]*+"
# Weekday names, capitalized as English writes them; "Fridays" (habitual) does not match.
_WEEKDAY = rf"{_alt(WEEKDAY_NAMES)}(?!\w)"
# Abbreviated weekdays, only ever accepted in front of a full date ("Sun Oct. 4, 2015").
_WEEKDAY_ABBR = rf"{_alt(WEEKDAY_ABBREVIATIONS)}(?:\.|(?!\w))"
# Holidays and names that hold a weekday but are no time expression ("Good Friday").
_NOT_A_DAY_BEFORE = (
    r"(?<!(?:Good|Black|Holy|Ash|Palm|Easter|Cyber|Super|Bloody|Maundy|Mail[^\S\n]+on)[^\S\n])"
)
# Newspapers named after a weekday ("The Sunday Times reported").
_NOT_A_DAY_AFTER = (
    r"(?![^\S\n]+(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Tribune|Observer"
    r"|Independent|Sport|People|World|Night[^\S\n]+Live)(?!\w))"
)
# Month names, and abbreviations with or without their period ("Oct. 4", "Sept 30").
_MONTH = rf"(?P<mon>{_alt(MONTH_NAMES)}|{_alt(MONTH_ABBREVIATIONS)}\.?)(?!\w)"
# Day of the month, with an optional ordinal suffix; never part of a longer number.
_DAY = r"(?<![\w.,:/])(?P<day>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
# A year of modern news (1800-2099), not the start of a longer number or a numeric date.
_YEAR = r"(?P<year>(?:1[89]|20)[0-9]{2})(?!\w|[-/][0-9])"
# ISO 8601 calendar date, 2015-10-04 (a "T" may follow: 2015-10-04T12:00).
_ISO = (
    r"(?<![\w-])(?P<year>(?:1[89]|20)[0-9]{2})-(?P<mnum>0[1-9]|1[0-2])-"
    r"(?P<day>0[1-9]|[12][0-9]|3[01])(?:(?!\w|-)|(?=T[0-9]))"
)
# "September 18", "Oct. 4, 2015" (US order) and "18 September", "22 January 2018", "4th of October".
_MDY = rf"{_MONTH}{_SP}{_DAY}(?:,?{_SP}{_YEAR})?"
_DMY = rf"{_DAY}{_SP}(?:of{_SP})?{_MONTH}(?:,?{_SP}{_YEAR})?"
# Part of the day after a weekday or "yesterday".
_PART_OF_DAY = r"(?i:morning|afternoon|evening|night)(?!\w)"
# A possessive "'s" / "\u2019s" ends the expression before it ("Sunday's statement" -> "Sunday").
_POSSESSIVE = r"(?=['\u2019]s(?!\w))"  # ’ (U+2019)
# "early", "late", "early on", "late on".
_EDGE = rf"{_alt(_EDGES)}(?:[^\S\n]+on)?"

# A full calendar date with an optional preposition and weekday: "on Friday, Oct. 2, 2015".
_CALENDAR = (
    rf"(?P<cal>(?:(?P<prep>(?i:{_EDGE}|on|{_alt(_BOUNDS)})){_SP})?"
    rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_ABBR}),?{_SP})?"
    rf"(?:{_MDY}|{_DMY}|{_ISO}))"
)
# One weekday, possibly with its part of the day: "Thursday", "Tuesday morning", "Sunday('s)".
_ONE_WEEKDAY = (
    rf"{_NOT_A_DAY_BEFORE}{{wd}}{_NOT_A_DAY_AFTER}(?:{_POSSESSIVE}|(?:{_SP}{_PART_OF_DAY})?)"
)
# Weekday expressions: "on Friday", "early Thursday", "late on Friday", "last Wednesday",
# "on Tuesday morning", "Wednesday and Thursday morning" (one span; it resolves to its start).
_WEEKDAY_EXPR = (
    rf"(?P<wdx>(?:(?P<wmod>(?i:{_alt(_RELATIVE_EDGES)}(?:[^\S\n]+on)?|{_EDGE}|on|{_alt(_DEICTIC)}))"
    rf"{_SP})?"
    + _ONE_WEEKDAY.format(wd=rf"(?P<wd>{_WEEKDAY})")
    + rf"(?:{_SP}(?i:and|or|to|through|until|till){_SP}(?:(?i:on){_SP})?"
    + _ONE_WEEKDAY.format(wd=_WEEKDAY)
    + r")?)"
)
# Days named relative to the article's own day: "yesterday", "today", "tonight", "last night",
# "yesterday morning", "earlier today", "this morning".
_DEIXIS = (
    rf"(?P<deixis>(?i:(?:{_alt(_RELATIVE_EDGES)}{_SP})?"
    rf"(?:{_alt(_DEICTIC_DAYS)}(?!\w)(?:{_SP}(?:morning|afternoon|evening|night))?"
    rf"|this{_SP}(?:morning|afternoon|evening))"
    rf"|last{_SP}night)(?!\w))"
)
# Periods, which name no single day: "last week", "this week", "earlier this month", "next year".
_PERIOD = (
    rf"(?P<period>(?i:(?:{_alt(_RELATIVE_EDGES)}{_SP})?{_alt(_DEICTIC)}{_SP}"
    r"(?:week(?:end)?|month|year))(?!\w))"
)
# Counted back from the article's day: "two days ago", "3 days ago", "a few weeks ago".
_AGO = (
    rf"(?P<ago>(?i:(?P<n>a{_SP}few|[0-9]{{1,3}}|{_alt(_COUNTS)})"
    rf"{_SP}(?P<unit>days?|weeks?|months?|years?){_SP}ago)(?!\w))"
)
# A month, alone or with its year: "in June", "since September 2014", "mid-September",
# "September 2014". A bare month name needs a preposition or a year ("May" is also a name).
_MONTH_PREP = rf"(?i:{_alt((*_WITHIN, *_BOUNDS, *_DEICTIC, *_EDGES, *_RELATIVE_EDGES))})"
_MONTH_LEVEL = (
    rf"(?P<mlevel>(?P<prep>{_MONTH_PREP}){_SP}(?:(?i:{_alt(_EDGES)}|mid)(?:{_SP}|-))?"
    rf"{_MONTH}(?:,?{_SP}{_YEAR})?"
    rf"|(?P<prep>(?i:mid))-{_MONTH}(?:,?{_SP}{_YEAR})?"
    rf"|{_MONTH},?{_SP}{_YEAR})"
)
# A year after a preposition: "since 2011", "in 2015", "mid-2014".
_YEAR_LEVEL = (
    rf"(?P<ylevel>(?P<prep>(?i:{_alt((*_WITHIN, *_BOUNDS, *_EDGES))})){_SP}{_YEAR}"
    rf"|(?P<prep>(?i:mid))-{_YEAR})"
)
# Alternatives in priority order: at one position the first that matches wins.
_KINDS = (_CALENDAR, _WEEKDAY_EXPR, _DEIXIS, _PERIOD, _AGO, _MONTH_LEVEL, _YEAR_LEVEL)
_EXPRESSION = r"(?<!\w)(?:" + "|".join(_KINDS) + ")"

# Every word an expression can begin with; the grammar itself decides the rest.
_LEAD_WORDS: Final = frozenset(
    w.lower()
    for w in (
        *WEEKDAY_NAMES, *WEEKDAY_ABBREVIATIONS, *MONTH_NAMES, *MONTH_ABBREVIATIONS,
        *_BOUNDS, *_WITHIN, *_EDGES, *_RELATIVE_EDGES, *_DEICTIC, *_DEICTIC_DAYS, *_COUNTS,
        "on", "mid",
    )
)  # fmt: skip
# A cheap test at each word start before the grammar runs: the word's first letter, then
# the whole first word (or a digit). It only skips positions where no alternative can match,
# and makes the scan about 2.5 times faster on news text.
_LEAD_CHARS = "".join(sorted({c for w in _LEAD_WORDS for c in (w[0], w[0].upper())}))
# The lead words as a trie ("t(?:his|oday|...)"), so that the check tries each letter once
# instead of each word in turn: a third faster.
_LEAD = rf"\b(?=[0-9{_LEAD_CHARS}])(?=(?i:{trie_pattern(_LEAD_WORDS)})(?!\w)|[0-9])"

#: One candidate time expression in running text. Names (weekdays, months) must be
#: capitalized as English writes them; function words ("on", "last") may be either case.
TIME_EXPRESSION_RE: Final = regex.compile(_LEAD + _EXPRESSION, regex.VERSION0)
# Where TIME_EXPRESSION_RE may match, found by the standard library's re, several times
# faster than the regex module tries _LEAD at each position: a lead word (in any case)
# or a digit, with no ASCII letter, digit or underscore right before or after the word.
# Those are \w to the regex module too, so every place where _LEAD holds is one of these;
# the grammar is tried only there (see find_time_expressions).
_LEAD_PLACE_RE: Final = re.compile(
    rf"(?<![A-Za-z0-9_])(?:(?i:{trie_pattern(_LEAD_WORDS)})(?![A-Za-z0-9_])|[0-9])"
)
# The same grammar for one standalone expression, in any case ("MONDAY", "oct. 4").
_STANDALONE_EXPRESSION_RE: Final = regex.compile(_EXPRESSION, regex.VERSION0 | regex.IGNORECASE)

# Every match of TIME_EXPRESSION_RE holds one of these, whole: a month's first three
# letters as written (names are capitalized: "Oct.", "September"), the first two digits of
# a year (which an expression with digits but no month or word below needs: "in 2015",
# "2015-10-04"), or one of the words of the other kinds in any case ("Monday" and "today"
# hold "day", "tonight" holds "night", "last week", "3 days ago"). A stretch without any
# holds no expression, which a plain search tells at C speed.
_TIME_MARKS: Final = (
    "18",
    "19",
    "20",
    *sorted({m[:3] for m in (*MONTH_NAMES, *MONTH_ABBREVIATIONS)}),
)
# The same marks, found in one pass: no two occurrences overlap (none starts with the
# second or third character of another), so the matches are every occurrence.
_TIME_MARK_RE: Final = re.compile("|".join(_TIME_MARKS))
_TIME_WORDS: Final = (
    "day",
    "night",
    "morning",
    "afternoon",
    "evening",
    "week",
    "month",
    "year",
    "ago",
)

# --- Date lines ----------------------------------------------------------------------------
# A clock time with an optional zone: "10:35", "4:12 PM ET", "23:30:00.000+03:00", "5 p.m.".
_CLOCK = (
    rf"(?:[0-9]{{1,2}}(?:[:.][0-9]{{2}}){{1,2}}(?:\.[0-9]+)?(?:{_HS}[ap]\.?m\.?)?"
    rf"|[0-9]{{1,2}}{_HS}[ap]\.?m\.?)"
)
_ZONE = (
    r"(?:Z|[+-][0-9]{2}:?[0-9]{2}|(?:GMT|UTC)(?:[+-][0-9]{1,2}(?::?[0-9]{2})?)?|[A-Z]{2,4})(?!\w)"
)
_TIME = rf"(?:{_CLOCK}(?:{_HS}{_ZONE})?)"
# Separators in a date line: a comma, a bar, or spaces.
_SEP = rf"(?:{_HS}[,|]{_HS}|[^\S\n]++)"
# Labels that web pages put in front of the date.
_LABEL = (
    rf"(?:(?:last{_SP})?(?:updated|published|posted|modified|dated?|first{_SP}published)"
    rf"(?:{_SP}on)?{_HS}:?{_HS})"
)
# Numeric day/month/year in either order, "04/10/2015" or "4.10.2015"; ambiguous ones do not resolve.
_NUMERIC = r"(?P<a>[0-9]{1,2})(?P<s>[/.])(?P<b>[0-9]{1,2})(?P=s)(?P<year>(?:1[89]|20)[0-9]{2})"
_ISO_TIME = rf"(?:[T ]{_CLOCK}(?:{_HS}{_ZONE})?)"

#: A standalone date line: "Monday 22 January 2018", "Oct. 4, 2015", "2015-10-04",
#: "Updated: Sun, 04 Oct 2015 10:35 GMT", "4:12 PM ET, Sun October 4, 2015".
DATE_LINE_RE: Final = regex.compile(
    rf"(?:{_LABEL})?(?:{_TIME}{_SEP})?(?:on{_SP})?(?:(?:{_WEEKDAY}|{_WEEKDAY_ABBR}){_SEP})?"
    rf"(?:{_MDY}|{_DMY}|{_ISO}{_ISO_TIME}?|{_NUMERIC})"
    rf"(?:{_SEP}(?:at{_SP})?{_TIME})?",
    regex.VERSION0 | regex.IGNORECASE,
)

# Speech dates are points in time; these prepositions make a bound or a span of one.
_NOT_A_POINT_RE: Final = regex.compile(
    r"(?i:since|until|till|by|from|before|after|through|throughout|during)(?!\w)"
)
# A possessive at the end of a standalone expression ("Sunday's").
_POSSESSIVE_END_RE: Final = regex.compile(r"['\u2019]s$")  # ’ (U+2019)
# Something that looks like a 4-digit year anywhere in a string (guards the fallback).
_ANY_YEAR_RE: Final = regex.compile(r"(?<![0-9])(?:1[89]|20)[0-9]{2}(?![0-9])")
# An all-numeric date with both first fields <= 12: day and month cannot be told apart.
_AMBIGUOUS_NUMERIC_RE: Final = regex.compile(
    r"(?<![0-9])(?:0?[1-9]|1[0-2])[/.-](?:0?[1-9]|1[0-2])[/.-][0-9]{2,4}(?![0-9])"
)
# Words the fallback parser may turn into a date; without one, dateparser is not asked.
_DATE_WORD_RE: Final = regex.compile(
    r"[0-9]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun"
    r"|yesterday|today|tomorrow|tonight|ago|week|month|year|fortnight)"
)
# A sentence end inside a gap: end punctuation, a space, then a capital or a quote;
# not after a title or an initial ("Col. Gen. Andrei", "U.S. President").
_SENTENCE_END_RE: Final = regex.compile(
    r"(?<!(?<!\w)(?:Mr|Mrs|Ms|Dr|Col|Gen|Lt|Maj|Capt|Sgt|Adm|Gov|Sen|Rep|Pres|Prof|St|Jr|Sr|No"
    r"|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|Co|Corp|Inc|Ltd|vs|[A-Z]))"
    r"[.!?]['\"\u2019\u201d)\]]*\s+(?=['\"\u2018\u201c(\[]?[A-Z0-9])"  # ’ ” ‘ “
)
# Between an expression and the cue: clause boundaries that mean the expression dates
# something else ("..., adding that the raids on Friday ...", "X, who arrived on Friday, said").
_GAP_BARRIER_RE: Final = regex.compile(
    r"[;!?]|,[^\S\n]*+(?i:and|or)(?!\w)"
    r"|(?<!\w)(?i:that|which|who|whom|whose|where|while|because|although|though|if|adding"
    r"|as|when|but|whereas)(?!\w)"
)
# Before the cue: the expression sits in a relative or subordinate clause of its own.
_SUBORDINATE_RE: Final = regex.compile(
    r"(?<!\w)(?i:which|who|whom|whose|where|that|since|until|because|while|although|though|if)(?!\w)"
)
# Delimiters that open a new phrase before an expression.
_PHRASE_START_RE: Final = regex.compile(r"[,;:(\u2014\u2013]|--")  # — –
# Words that open a sentence's leading adverbial ("In a statement released on Friday, ...").
_LEADING_ADVERBIAL_RE: Final = regex.compile(
    r"['\"\u2018\u201c(\s]*+(?i:on|in|at|during|after|following|speaking|asked|when|earlier|later"
    r"|late|early|last|yesterday|today|tonight|this|addressing|writing|interviewed|briefing)(?!\w)"
)


# --- Resolution ----------------------------------------------------------------------------


def _add_days(day: date, days: int) -> date | None:
    """``day`` moved by ``days``, or None past the ends of the calendar."""
    try:
        return day + timedelta(days=days)
    except OverflowError:
        return None


def _latest_not_after(month: int, day: int, limit: date) -> date | None:
    """The latest ``month``/``day`` on or before ``limit`` (within 8 years, for 29 February).

    >>> _latest_not_after(10, 4, date(2015, 10, 11))
    datetime.date(2015, 10, 4)
    >>> _latest_not_after(12, 30, date(2015, 1, 8))
    datetime.date(2014, 12, 30)
    >>> _latest_not_after(2, 30, date(2015, 1, 8)) is None
    True
    """
    for year in range(limit.year, max(limit.year - 9, 0), -1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if candidate <= limit:
            return candidate
    return None


def _month_number(name: str) -> int:
    """1 for "January", "Jan.", "JAN"; 9 for "Sept.".

    >>> _month_number("Sept."), _month_number("may")
    (9, 5)
    """
    key = name[:3].lower()
    return next(i for i, m in enumerate(MONTH_NAMES, 1) if m[:3].lower() == key)


def _calendar_date(
    year: str | None, month: int, day: int, anchor: date | None, slack: timedelta
) -> date | None:
    """The date named by a year (or none), a month and a day, seen from ``anchor``."""
    if year is not None:
        try:
            return date(int(year), month, day)
        except ValueError:
            return None
    if anchor is None:
        return None
    try:
        limit = anchor + slack
    except OverflowError:
        limit = date.max
    return _latest_not_after(month, day, limit)


def _weekday_date(anchor: date, weekday: int, modifier: str) -> date | None:
    """The weekday seen from ``anchor``: same day, else the latest one before it.

    "last" is strictly before; "this" and "next" look forward ("next" strictly).

    >>> sat = date(2015, 10, 3)
    >>> _weekday_date(sat, 3, ""), _weekday_date(sat, 5, ""), _weekday_date(sat, 5, "last")
    (datetime.date(2015, 10, 1), datetime.date(2015, 10, 3), datetime.date(2015, 9, 26))
    >>> _weekday_date(sat, 0, "next")
    datetime.date(2015, 10, 5)
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    if modifier == "last":
        return _add_days(anchor, -(back or 7))
    if modifier == "next":
        return _add_days(anchor, ahead or 7)
    if modifier == "this":
        return _add_days(anchor, ahead)
    return _add_days(anchor, -back)


def _resolve_match(m: regex.Match[str], anchor: date | None, slack: timedelta) -> date | None:
    """The day a match of the expression grammar names, or None."""
    if m.group("cal") is not None:
        if m.group("mnum") is not None:
            month = int(m.group("mnum"))
        else:
            month = _month_number(m.group("mon"))
        return _calendar_date(m.group("year"), month, int(m.group("day")), anchor, slack)
    if anchor is None:
        return None  # everything below is relative to the article's day
    if m.group("wdx") is not None:
        modifier = (m.group("wmod") or "").split()[0].lower() if m.group("wmod") else ""
        return _weekday_date(
            anchor, [w.lower() for w in WEEKDAY_NAMES].index(m.group("wd").lower()), modifier
        )
    if m.group("deixis") is not None:
        words = m.group("deixis").lower()
        back = "yesterday" in words or words.split()[0] == "last"
        return _add_days(anchor, -1 if back else 0)
    if m.group("ago") is not None:
        count = m.group("n").lower()
        if not m.group("unit").lower().startswith("day"):
            return None  # "two weeks ago" names no particular day
        n = int(count) if count.isdigit() else NUMBER_WORDS.get(count)
        return None if n is None else _add_days(anchor, -n)
    return None  # periods, months, years: no single day


def _parser_settings(base: date, require_full_date: bool) -> dict[str, object]:
    """dateparser's settings, every one explicit; ``base`` stands in for "now"."""
    settings: dict[str, object] = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "TIMEZONE": "UTC",
        "DATE_ORDER": "MDY",
        "STRICT_PARSING": False,
        # No Unix timestamps and no "20151004": bare numbers in prose are not dates.
        "PARSERS": ["relative-time", "absolute-time", "custom-formats"],
    }
    if require_full_date:
        settings["REQUIRE_PARTS"] = ["day", "month", "year"]
    return settings


@functools.lru_cache(maxsize=4096)
def _dateparser_day(expr: str, base: date, require_full_date: bool) -> date | None:
    """The day dateparser reads in ``expr`` relative to ``base``; None unless it names a day."""
    try:
        parser = DateDataParser(
            languages=["en"], settings=_parser_settings(base, require_full_date)
        )
        data = parser.get_date_data(expr)
    except Exception:  # dateparser's own failures: an unparseable string is just no date
        _LOG.debug("dateparser failed on %r", expr, exc_info=True)
        return None
    found = data["date_obj"]
    if not isinstance(found, datetime) or data["period"] != "day":
        return None
    return found.date()


# A fixed stand-in for "now" when there is no anchor: only dates with their own year are kept.
_NO_ANCHOR_BASE: Final = date(2000, 1, 1)


def _fallback(expr: str, anchor: date | None, *, full_date: bool) -> date | None:
    """Ask dateparser, but only when the text could hold a date, and check what comes back."""
    if not _DATE_WORD_RE.search(expr) or _AMBIGUOUS_NUMERIC_RE.search(expr):
        return None
    years = {int(y) for y in _ANY_YEAR_RE.findall(expr)}
    if anchor is None and not years:
        return None
    found = _dateparser_day(expr, anchor or _NO_ANCHOR_BASE, full_date or anchor is None)
    if found is None:
        return None
    if (anchor is None or full_date) and found.year not in years:
        return None  # the year came from the base, not from the text
    return found


def _clean(expr: str) -> str:
    """Trim spaces, trailing punctuation and a possessive."""
    return _POSSESSIVE_END_RE.sub("", expr.strip()).strip(" \t\r\n,;:!?()[]|")


def resolve_time(expr: str, anchor: date | None) -> date | None:
    """The day a time expression names, seen from the article's date ``anchor``.

    Weekdays follow news usage: the anchor's own weekday is the anchor itself,
    any other weekday the most recent one before it.

    >>> saturday = date(2015, 10, 3)
    >>> resolve_time("Thursday", saturday)
    datetime.date(2015, 10, 1)
    >>> resolve_time("on Saturday", saturday)
    datetime.date(2015, 10, 3)
    >>> resolve_time("last Saturday", saturday)
    datetime.date(2015, 9, 26)
    >>> resolve_time("yesterday", saturday)
    datetime.date(2015, 10, 2)

    A month and day without a year take the anchor's year, or the year before
    when that would put them more than a week after the anchor:

    >>> resolve_time("on September 18", saturday)
    datetime.date(2015, 9, 18)
    >>> resolve_time("Dec. 25", saturday)
    datetime.date(2014, 12, 25)

    Periods name no day, and without an anchor only dates with a year resolve:

    >>> resolve_time("last week", saturday) is None
    True
    >>> resolve_time("Friday", None) is None
    True
    >>> resolve_time("Oct. 4, 2015", None)
    datetime.date(2015, 10, 4)

    Args:
        expr: one expression, as :func:`find_time_expressions` finds them.
        anchor: the article's date, or None when it is unknown.

    Returns:
        The day, or None when the expression names no single day or needs an
        anchor that is missing. Never raises on a string.
    """
    if not isinstance(expr, str):
        raise TypeError(f"expr must be a str, not {type(expr).__name__}")
    if len(expr) > MAX_EXPRESSION_CHARS:
        return None
    cleaned = _clean(expr)
    m = _STANDALONE_EXPRESSION_RE.fullmatch(cleaned)
    if m is not None:
        return _resolve_match(m, anchor, FUTURE_SLACK)
    return _fallback(cleaned, anchor, full_date=False)


def parse_date_text(s: str, *, anchor: date | None = None) -> date | None:
    """The date in a standalone date expression: a page's date line or a dateline's date.

    >>> parse_date_text("Monday 22 January 2018")
    datetime.date(2018, 1, 22)
    >>> parse_date_text("Oct. 4, 2015"), parse_date_text("2015-10-04")
    (datetime.date(2015, 10, 4), datetime.date(2015, 10, 4))
    >>> parse_date_text("Updated: Sun, 04 Oct 2015 10:35 GMT")
    datetime.date(2015, 10, 4)

    Without a year, the date takes one from ``anchor`` (the latest such date
    no more than a day after it), and stays unresolved without one:

    >>> parse_date_text("Oct. 4") is None
    True
    >>> parse_date_text("Oct. 4", anchor=date(2015, 10, 3))
    datetime.date(2015, 10, 4)
    >>> parse_date_text("Oct. 4", anchor=date(2015, 10, 2))
    datetime.date(2014, 10, 4)

    All-numeric dates resolve only when day and month cannot be confused:

    >>> parse_date_text("22/01/2018"), parse_date_text("04/10/2015")
    (datetime.date(2018, 1, 22), None)
    >>> parse_date_text("Promoted Links") is None
    True

    Args:
        s: the date text; at most 100 characters, else the answer is None.
        anchor: a date known from elsewhere (the caller, a year seen in the text).

    Returns:
        The date, or None. Never raises on a string.
    """
    if not isinstance(s, str):
        raise TypeError(f"s must be a str, not {type(s).__name__}")
    if len(s) > MAX_EXPRESSION_CHARS:
        return None
    cleaned = s.strip(" \t\r\n,;:|-\u2013\u2014")  # – —
    m = DATE_LINE_RE.fullmatch(cleaned)
    if m is not None:
        if m.group("a") is not None:
            return _numeric_date(int(m.group("a")), int(m.group("b")), int(m.group("year")))
        month = int(m.group("mnum")) if m.group("mnum") else _month_number(m.group("mon"))
        return _calendar_date(m.group("year"), month, int(m.group("day")), anchor, DATE_LINE_SLACK)
    m = _STANDALONE_EXPRESSION_RE.fullmatch(_clean(cleaned))
    if m is not None:
        return _resolve_match(m, anchor, DATE_LINE_SLACK)
    return _fallback(cleaned, anchor, full_date=True)


def _numeric_date(a: int, b: int, year: int) -> date | None:
    """Day and month from "a/b/year" when only one reading is a valid date (or both agree)."""
    readings: set[date] = set()
    for day, month in ((a, b), (b, a)):
        with contextlib.suppress(ValueError):  # not a valid date in this reading
            readings.add(date(year, month, day))
    return readings.pop() if len(readings) == 1 else None


# --- Finding -------------------------------------------------------------------------------


def find_time_expressions(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Candidate time expressions in ``text[start:end]``, in order, as spans into ``text``.

    >>> text = "Kartapolov on Saturday said the campaign had since its beginning last Wednesday hit 50 targets."
    >>> [s.text for s in find_time_expressions(text)]
    ['on Saturday', 'last Wednesday']

    A possessive stays outside the span; a coordination is one span:

    >>> [s.text for s in find_time_expressions("Sunday's statement cited raids between Wednesday and Thursday morning.")]
    ['Sunday', 'Wednesday and Thursday morning']

    Months and years need a preposition or each other, since "May" is also a name:

    >>> [s.text for s in find_time_expressions("Theresa May said in June that the war, raging since March 2011, ...")]
    ['in June', 'since March 2011']
    >>> [(s.start, s.end, s.text) for s in find_time_expressions("said Friday. And Oct. 4", 6)]
    [(17, 23, 'Oct. 4')]

    Args:
        text: the text to search.
        start: where to begin, as in ``text[start:end]``.
        end: where to stop; None for the end of the text.

    Returns:
        The spans, non-overlapping, in text order. One pass over the text: linear time.
    """
    lo, hi, _ = slice(start, end).indices(len(text))
    # TIME_EXPRESSION_RE.finditer(text, lo, hi), trying the grammar only where
    # _LEAD_PLACE_RE says it may match: each attempt is as finditer's at that place.
    out: list[Span] = []
    pos = lo
    while (place := _LEAD_PLACE_RE.search(text, pos, hi)) is not None:
        m = TIME_EXPRESSION_RE.match(text, place.start(), hi)
        if m is None:
            pos = place.start() + 1
            continue
        out.append(Span.of(text, m.start(), m.end()))
        pos = m.end()
    return out


# --- The speech date -----------------------------------------------------------------------


def _without(text: str, lo: int, hi: int, hole: Span | None) -> str:
    """``text[lo:hi]`` with the part under ``hole`` cut out."""
    if hole is None or hole.end <= lo or hole.start >= hi:
        return text[lo:hi]
    return text[lo : max(lo, hole.start)] + text[min(hi, hole.end) : hi]


def _sentence_start(text: str, clause: Span, at: int) -> int:
    """Where the sentence holding offset ``at`` begins, within ``clause``."""
    begin = max(clause.start, at - _SEARCH_BEFORE)
    for m in _SENTENCE_END_RE.finditer(text, begin, max(begin, at)):
        begin = m.end()
    return begin


def _in_leading_adverbial(text: str, expr: Span, sentence_start: int, ref: Span) -> bool:
    """Whether ``expr`` is in the phrase that opens the sentence, before its first comma."""
    comma = text.find(",", sentence_start, ref.start)
    if comma < 0 or expr.end > comma or expr.start < sentence_start:
        return False
    head = text[sentence_start : expr.start]
    return not head.strip(" \t\r\n'\"\u2018\u201c(") or bool(  # ‘ “
        _LEADING_ADVERBIAL_RE.match(text, sentence_start, comma)
    )


def _speech_distance(
    text: str, expr: Span, ref: Span, clause: Span, content: Span | None
) -> int | None:
    """How far ``expr`` is from the speech act at ``ref``; None when it cannot date it."""
    if expr.start >= ref.end:  # "said Thursday", "told the BBC on Saturday"
        gap = _without(text, ref.end, expr.start, content)
        if len(gap) > MAX_GAP_AFTER_CUE or _GAP_BARRIER_RE.search(gap):
            return None
        if _SENTENCE_END_RE.search(gap + expr.text[:1]):  # the next word decides
            return None
        return len(gap)
    if expr.end > ref.start:
        return None  # overlaps the cue
    gap = _without(text, expr.end, ref.start, content)
    sentence_start = _sentence_start(text, clause, ref.start)
    if _in_leading_adverbial(text, expr, sentence_start, ref):
        return len(gap)  # "On Saturday, France, Germany ... -- ... -- released"
    if len(gap) > MAX_GAP_BEFORE_CUE or _GAP_BARRIER_RE.search(gap):
        return None
    if _SENTENCE_END_RE.search(gap + ref.text[:1]) or expr.start < sentence_start:
        return None
    if _PHRASE_START_RE.search(gap):  # the expression's phrase closes before the cue
        phrase_start = sentence_start
        for m in _PHRASE_START_RE.finditer(text, sentence_start, expr.start):
            phrase_start = m.end()
        if _SUBORDINATE_RE.search(text, phrase_start, expr.start):
            return None  # "X, who arrived on Friday, said"
    return len(gap)


def _time_marks(text: str) -> list[int] | None:
    """Where the marks of :data:`_TIME_MARKS` and :data:`_TIME_WORDS` start in ``text``,
    sorted; None when the lower-case text does not keep the text's offsets.

    A case-insensitive letter of TIME_EXPRESSION_RE matches only characters whose lower
    case is that letter, or "\u0130", which lower-cases to two characters; a test checks
    this for every character.
    """
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    out = [m.start() for m in _TIME_MARK_RE.finditer(text)]
    for word in _TIME_WORDS:
        i = lowered.find(word)
        while i >= 0:
            out.append(i)
            i = lowered.find(word, i + 1)
    out.sort()
    return out


def speech_times(
    text: str,
    acts: Iterable[tuple[Span | None, Span, Span | None]],
    *,
    anchor: date | None,
) -> list[tuple[Span | None, date | None]]:
    """:func:`speech_time` for each ``(cue, clause, content)`` of one text, in order.

    The answers are those of :func:`speech_time`; the text is read once for the marks
    every time expression holds, so that stretches without any are not searched.

    >>> text = "Peskov said on Thursday that it was over. Lavrov agreed."
    >>> acts = [(Span.of(text, 7, 11), Span.of(text, 0, 41), Span.of(text, 29, 40)),
    ...         (Span.of(text, 49, 55), Span.of(text, 42, 56), None)]
    >>> [(w.text if w else None, d) for w, d in speech_times(text, acts, anchor=date(2015, 10, 3))]
    [('on Thursday', datetime.date(2015, 10, 1)), (None, None)]
    """
    marks = _time_marks(text)
    # The claims of one sentence search the same stretch: each is searched once.
    found: dict[tuple[int, int], list[Span]] = {}
    return [
        _speech_time(text, cue, clause, content, anchor, marks, found)
        for cue, clause, content in acts
    ]


def speech_time(
    text: str,
    *,
    cue: Span | None,
    clause: Span,
    content: Span | None,
    anchor: date | None,
) -> tuple[Span | None, date | None]:
    """The time expression that dates the speech act, and the day it names.

    Expressions inside the reported ``content`` date the events reported, not
    the speech, and are ignored; so are bounds such as "since September 2014".
    Of the rest, the one nearest the cue wins: right after it, between the
    speaker and the cue, in the sentence's opening adverbial, or a possessive
    before the source.

    >>> text = "Peskov told reporters on Thursday that the raids on Wednesday hit 12 targets."
    >>> cue = Span.of(text, 7, 11)
    >>> content = Span.of(text, text.index("the raids"), len(text) - 1)
    >>> clause = Span.of(text, 0, len(text))
    >>> when, day = speech_time(text, cue=cue, clause=clause, content=content,
    ...                         anchor=date(2015, 10, 3))
    >>> when.text if when else None, day
    ('on Thursday', datetime.date(2015, 10, 1))

    Without an anchor the span is kept and the day is None:

    >>> when, day = speech_time(text, cue=cue, clause=clause, content=content, anchor=None)
    >>> when.text if when else None, day
    ('on Thursday', None)

    Args:
        text: the whole text the spans point into.
        cue: the reporting cue ("said", "told"), or None.
        clause: the sentence (or sentences) holding the claim.
        content: the reported or quoted content, or None.
        anchor: the article's date, or None.

    Returns:
        ``(span, day)``; ``(None, None)`` when no expression dates the speech,
        ``(span, None)`` when it cannot be resolved.
    """
    return _speech_time(text, cue, clause, content, anchor, None)


def _speech_time(
    text: str,
    cue: Span | None,
    clause: Span,
    content: Span | None,
    anchor: date | None,
    marks: Sequence[int] | None,
    found: dict[tuple[int, int], list[Span]] | None = None,
) -> tuple[Span | None, date | None]:
    """:func:`speech_time`; ``marks`` as :func:`_time_marks` gives them, when known, and
    ``found`` the expressions of the stretches searched so far for other claims."""
    ref = cue if cue is not None else content
    best: tuple[int, int] | None = None
    chosen: Span | None = None
    # Look only near the speech act, so that the cost per claim is bounded even when
    # a "sentence" runs for pages (a text without periods).
    lo, hi = clause.start, clause.end
    if ref is not None:
        lo = max(lo, ref.start - _SEARCH_BEFORE)
        hi = min(hi, ref.end + _SEARCH_AFTER)
    if marks is not None:
        k = bisect.bisect_left(marks, lo)
        if k == len(marks) or marks[k] >= hi:
            return None, None  # no mark, so no expression, between lo and hi
    exprs = found.get((lo, hi)) if found is not None else None
    if exprs is None:
        exprs = find_time_expressions(text, lo, hi)
        if found is not None:
            found[lo, hi] = exprs
    for expr in exprs:
        if content is not None and expr.overlaps(content):
            continue  # an event date
        if _NOT_A_POINT_RE.match(expr.text):
            continue  # "since September 2014" is a bound, not when anyone spoke
        if ref is None:
            key: tuple[int, int] | None = (0, expr.start)
        else:
            distance = _speech_distance(text, expr, ref, clause, content)
            key = None if distance is None else (distance, expr.start)
        if key is not None and (best is None or key < best):
            best, chosen = key, expr
    if chosen is None:
        return None, None
    return chosen, resolve_time(chosen.text, anchor)
