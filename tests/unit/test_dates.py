"""Tests for attribution.dates: finding, resolving and choosing time expressions.

Anchors used below: 2015-10-03 is a Saturday, 2015-10-04 a Sunday.
"""

from __future__ import annotations

import itertools
import time
from datetime import date

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import dates
from attribution.dates import (
    find_time_expressions,
    parse_date_text,
    resolve_time,
    speech_time,
    speech_times,
)
from attribution.models import Span

SAT = date(2015, 10, 3)
SUN = date(2015, 10, 4)


def _span(text: str, needle: str, nth: int = 0) -> Span:
    """The ``nth`` occurrence of ``needle`` in ``text`` as a span."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(needle, at + 1)
    return Span.of(text, at, at + len(needle))


def _check_found(text: str, expected: list[str]) -> None:
    """The expressions found are ``expected``, in order, each at its next occurrence."""
    spans = find_time_expressions(text)
    assert [s.text for s in spans] == expected
    pos = 0
    for s in spans:
        assert s.start == text.index(s.text, pos)
        assert text[s.start : s.end] == s.text
        pos = s.end


# --- find_time_expressions -----------------------------------------------------------------

FIND_CASES = [
    pytest.param("Russia claimed Friday that it struck targets.", ["Friday"], id="bare-weekday"),
    pytest.param("Moscow said it struck a camp on Friday.", ["on Friday"], id="on-weekday"),
    pytest.param(
        "The comments were posted early Thursday.", ["early Thursday"], id="early-weekday"
    ),
    pytest.param("The campaign began last Wednesday.", ["last Wednesday"], id="last-weekday"),
    pytest.param("Raids resumed late on Friday.", ["late on Friday"], id="late-on-weekday"),
    pytest.param(
        "A Sunday statement cited Sunday's raids.", ["Sunday", "Sunday"], id="possessive-weekday"
    ),
    pytest.param(
        "Sunday\u2019s statement said so.", ["Sunday"], id="curly-possessive"
    ),  # ’ (U+2019)
    pytest.param(
        "Jets made 20 attacks between Wednesday and Thursday morning.",
        ["Wednesday and Thursday morning"],
        id="coordinated-weekdays",
    ),
    pytest.param("He spoke on Tuesday morning.", ["on Tuesday morning"], id="weekday-morning"),
    pytest.param(
        "He spoke yesterday, today and tonight.",
        ["yesterday", "today", "tonight"],
        id="deixis",
    ),
    pytest.param("Yesterday morning the ministry spoke.", ["Yesterday morning"], id="deixis-cap"),
    pytest.param("Fighting raged last night.", ["last night"], id="last-night"),
    pytest.param(
        "Talks last week, last month and last year failed.",
        ["last week", "last month", "last year"],
        id="periods",
    ),
    pytest.param(
        "Earlier this month the siege broke; this week it resumed.",
        ["Earlier this month", "this week"],
        id="earlier-this-month",
    ),
    pytest.param(
        "The attack on September 18 and the raid of Oct. 4 hit 18 September targets.",
        ["on September 18", "Oct. 4", "18 September"],
        id="month-day",
    ),
    pytest.param("Updated Oct. 4, 2015 in Moscow.", ["Oct. 4, 2015"], id="month-day-year"),
    pytest.param("It began on 4th of October.", ["on 4th of October"], id="ordinal-of"),
    pytest.param("Monday 22 January 2018", ["Monday 22 January 2018"], id="date-line"),
    pytest.param("Filed 2015-10-04 by staff.", ["2015-10-04"], id="iso"),
    pytest.param(
        "Raids in June followed strikes since September 2014 and a war since March 2011.",
        ["in June", "since September 2014", "since March 2011"],
        id="months",
    ),
    pytest.param("The war has raged since 2011.", ["since 2011"], id="since-year"),
    pytest.param("Fighting grew in mid-September.", ["in mid-September"], id="mid-month"),
    pytest.param("It happened two days ago.", ["two days ago"], id="ago"),
    pytest.param("DAMASCUS, Syria, Oct. 4 (UPI) -- Russia says", ["Oct. 4"], id="dateline"),
    pytest.param(
        "Theresa May said the March was peaceful; may 5 people go?", [], id="may-march-names"
    ),
    pytest.param(
        "Good Friday talks and Black Friday sales; The Sunday Times and the Mail on Sunday reported.",
        [],
        id="holidays-and-papers",
    ),
    pytest.param("Markets close on Fridays and Sundays.", [], id="habitual-plural"),
    pytest.param("friday and october 4 in lower case", [], id="lowercase-names"),
    pytest.param("He counted 2,500 air strikes and 36 civilians.", [], id="plain-numbers"),
    pytest.param("", [], id="empty"),
    pytest.param(
        "On September 18, 2000 people fled.",
        ["On September 18"],
        id="year-or-count",
        marks=pytest.mark.xfail(strict=True, reason="a count after a date reads as its year"),
    ),
    pytest.param(
        "The vote is on the 18th.",
        ["on the 18th"],
        id="day-without-month",
        marks=pytest.mark.xfail(strict=True, reason="a day of the month alone is not matched"),
    ),
    pytest.param(
        "Speaking later in the day, Mr Putin said so.",
        ["later in the day"],
        id="later-in-the-day",
        marks=pytest.mark.xfail(strict=True, reason="needs the day of the previous sentence"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIND_CASES)
def test_find_time_expressions(text: str, expected: list[str]) -> None:
    _check_found(text, expected)


WINDOW_CASES = [
    pytest.param(6, None, [(17, 23)], id="from-offset"),
    pytest.param(0, 11, [(5, 11)], id="up-to-offset"),
    pytest.param(-6, None, [(17, 23)], id="negative-start"),
    pytest.param(12, 5, [], id="empty-window"),
]


@pytest.mark.parametrize(("start", "end", "expected"), WINDOW_CASES)
def test_find_time_expressions_window(
    start: int, end: int | None, expected: list[tuple[int, int]]
) -> None:
    text = "said Friday. And Oct. 4"
    spans = find_time_expressions(text, start, end)
    assert [(s.start, s.end) for s in spans] == expected
    assert all(s.slices(text) for s in spans)


def test_find_time_expressions_does_not_cross_blank_line() -> None:
    text = "It was on\n\nFriday. It was on\nSaturday."
    assert [s.text for s in find_time_expressions(text)] == ["Friday", "on\nSaturday"]


# --- resolve_time --------------------------------------------------------------------------

RESOLVE_CASES = [
    # The weekday rule, seen from Saturday 3 October 2015.
    pytest.param("Monday", SAT, date(2015, 9, 28), id="monday"),
    pytest.param("Tuesday", SAT, date(2015, 9, 29), id="tuesday"),
    pytest.param("Wednesday", SAT, date(2015, 9, 30), id="wednesday"),
    pytest.param("Thursday", SAT, date(2015, 10, 1), id="thursday-two-days-before"),
    pytest.param("on Friday", SAT, date(2015, 10, 2), id="friday-day-before"),
    pytest.param("Saturday", SAT, date(2015, 10, 3), id="same-weekday-same-day"),
    pytest.param("Sunday", SAT, date(2015, 9, 27), id="sunday-six-days-before"),
    pytest.param("Sunday", SUN, date(2015, 10, 4), id="sunday-on-sunday"),
    pytest.param("last Saturday", SAT, date(2015, 9, 26), id="last-same-weekday"),
    pytest.param("last Wednesday", SUN, date(2015, 9, 30), id="last-wednesday"),
    pytest.param("next Monday", SAT, date(2015, 10, 5), id="next-monday"),
    pytest.param("next Saturday", SAT, date(2015, 10, 10), id="next-same-weekday"),
    pytest.param("this Monday", SAT, date(2015, 10, 5), id="this-looks-forward"),
    pytest.param("early Thursday", SAT, date(2015, 10, 1), id="early-thursday"),
    pytest.param("late on Friday", SAT, date(2015, 10, 2), id="late-on-friday"),
    pytest.param("on Tuesday morning", SAT, date(2015, 9, 29), id="tuesday-morning"),
    pytest.param("Wednesday and Thursday morning", SAT, date(2015, 9, 30), id="range-start"),
    pytest.param("Sunday's", SUN, date(2015, 10, 4), id="possessive"),
    pytest.param("ON FRIDAY", SAT, date(2015, 10, 2), id="upper-case"),
    # Days named from the article's own day.
    pytest.param("yesterday", SAT, date(2015, 10, 2), id="yesterday"),
    pytest.param("Yesterday morning", SAT, date(2015, 10, 2), id="yesterday-morning"),
    pytest.param("today", SAT, SAT, id="today"),
    pytest.param("tonight", SAT, SAT, id="tonight"),
    pytest.param("earlier today", SAT, SAT, id="earlier-today"),
    pytest.param("this morning", SAT, SAT, id="this-morning"),
    pytest.param("last night", SAT, date(2015, 10, 2), id="last-night"),
    pytest.param("two days ago", SAT, date(2015, 10, 1), id="two-days-ago"),
    pytest.param("3 days ago", SAT, date(2015, 9, 30), id="digits-days-ago"),
    pytest.param("a day ago", SAT, date(2015, 10, 2), id="a-day-ago"),
    # Periods name no day.
    pytest.param("last week", SAT, None, id="last-week"),
    pytest.param("this week", SAT, None, id="this-week"),
    pytest.param("earlier this month", SAT, None, id="earlier-this-month"),
    pytest.param("last month", SAT, None, id="last-month"),
    pytest.param("this weekend", SAT, None, id="this-weekend"),
    pytest.param("two weeks ago", SAT, None, id="weeks-ago"),
    pytest.param("a few days ago", SAT, None, id="a-few-days-ago"),
    pytest.param("in June", SAT, None, id="in-june"),
    pytest.param("since September 2014", SAT, None, id="since-month-year"),
    pytest.param("in March 2011", SAT, None, id="in-month-year"),
    pytest.param("since 2011", SAT, None, id="since-year"),
    pytest.param("in mid-September", SAT, None, id="mid-month"),
    # Month and day: the anchor's year unless that is more than a week ahead.
    pytest.param("on September 18", SAT, date(2015, 9, 18), id="month-day"),
    pytest.param("18 September", SAT, date(2015, 9, 18), id="day-month"),
    pytest.param("Oct. 4", SAT, date(2015, 10, 4), id="next-day-same-year"),
    pytest.param("Oct. 10", SAT, date(2015, 10, 10), id="week-ahead-same-year"),
    pytest.param("Oct. 11", SAT, date(2014, 10, 11), id="beyond-week-year-before"),
    pytest.param("Dec. 25", SAT, date(2014, 12, 25), id="december-year-before"),
    pytest.param("Jan. 2", date(2015, 12, 28), date(2016, 1, 2), id="across-new-year"),
    pytest.param("Feb. 29", SAT, date(2012, 2, 29), id="leap-day"),
    pytest.param("Feb. 30", SAT, None, id="no-such-day"),
    pytest.param("Monday, Oct. 5", SAT, date(2015, 10, 5), id="weekday-and-date"),
    pytest.param("September 18, 2017", SAT, date(2017, 9, 18), id="with-year-ignores-anchor"),
    pytest.param("since Oct. 1", SAT, date(2015, 10, 1), id="bound-names-its-day"),
    # No anchor: relative expressions stay unresolved, dates with a year resolve.
    pytest.param("Friday", None, None, id="no-anchor-weekday"),
    pytest.param("yesterday", None, None, id="no-anchor-yesterday"),
    pytest.param("two days ago", None, None, id="no-anchor-ago"),
    pytest.param("on September 18", None, None, id="no-anchor-month-day"),
    pytest.param("Oct. 4, 2015", None, date(2015, 10, 4), id="no-anchor-with-year"),
    pytest.param("4 October 2015", None, date(2015, 10, 4), id="no-anchor-dmy"),
    pytest.param("2015-10-04", None, date(2015, 10, 4), id="no-anchor-iso"),
    # Other phrasings go to dateparser, with fixed settings.
    pytest.param("the 4th of October 2015", None, date(2015, 10, 4), id="fallback-year"),
    pytest.param("Oct 4th, 2015, at noon", SAT, date(2015, 10, 4), id="fallback-anchor"),
    pytest.param("a fortnight ago", SAT, None, id="fallback-week-period"),
    pytest.param("3 days ago at noon", None, None, id="fallback-relative-no-anchor"),
    # Garbage.
    pytest.param("", SAT, None, id="empty"),
    pytest.param("   ", SAT, None, id="blank"),
    pytest.param("xyz", SAT, None, id="letters"),
    pytest.param("a", SAT, None, id="article"),
    pytest.param("May I go", SAT, None, id="modal-may"),
    pytest.param("Fridays", SAT, None, id="plural-weekday"),
    pytest.param("2015", SAT, None, id="bare-year"),
    pytest.param("1443916800", SAT, None, id="timestamp"),
    pytest.param("Oct. 4, 2015" + " " * 95, SAT, None, id="too-long"),
    pytest.param("Friday", date.max, date(9999, 12, 31), id="calendar-end"),
    pytest.param("next Saturday", date.max, None, id="past-calendar-end"),
    pytest.param("yesterday", date.min, None, id="before-calendar-start"),
]


@pytest.mark.parametrize(("expr", "anchor", "expected"), RESOLVE_CASES)
def test_resolve_time(expr: str, anchor: date | None, expected: date | None) -> None:
    assert resolve_time(expr, anchor) == expected


def test_resolve_every_found_expression() -> None:
    text = "Kartapolov on Saturday said the campaign since its start last Wednesday hit 50 targets."
    got = [(s.text, resolve_time(s.text, SUN)) for s in find_time_expressions(text)]
    assert got == [("on Saturday", date(2015, 10, 3)), ("last Wednesday", date(2015, 9, 30))]


# --- parse_date_text -----------------------------------------------------------------------

PARSE_CASES = [
    pytest.param("Monday 22 January 2018", None, date(2018, 1, 22), id="weekday-dmy"),
    pytest.param("Oct. 4, 2015", None, date(2015, 10, 4), id="mdy"),
    pytest.param("2015-10-04", None, date(2015, 10, 4), id="iso"),
    pytest.param("2015-10-04T23:30:00-05:00", None, date(2015, 10, 4), id="iso-time-as-written"),
    pytest.param("Updated: Sun, 04 Oct 2015 10:35 GMT", None, date(2015, 10, 4), id="label"),
    pytest.param("4:12 PM ET, Sun October 4, 2015", None, date(2015, 10, 4), id="time-first"),
    pytest.param("Published 22nd of January, 2018", None, date(2018, 1, 22), id="ordinal"),
    pytest.param("Last modified on Mon 22 Jan 2018 10.35 GMT", None, date(2018, 1, 22), id="uk"),
    pytest.param("MONDAY 22 JANUARY 2018", None, date(2018, 1, 22), id="upper-case"),
    pytest.param("  Oct. 4, 2015 --", None, date(2015, 10, 4), id="dashes"),
    pytest.param("22/01/2018", None, date(2018, 1, 22), id="numeric-unambiguous"),
    pytest.param("10/10/2015", None, date(2015, 10, 10), id="numeric-equal-fields"),
    pytest.param("04/10/2015", None, None, id="numeric-ambiguous"),
    # No year: from the anchor, the latest such date at most a day after it.
    pytest.param("Oct. 4", None, None, id="no-year-no-anchor"),
    pytest.param("Oct. 4", SAT, date(2015, 10, 4), id="no-year-day-after-anchor"),
    pytest.param("Oct. 4", SUN, date(2015, 10, 4), id="no-year-anchor-day"),
    pytest.param("Oct. 4", date(2015, 10, 2), date(2014, 10, 4), id="no-year-too-far-ahead"),
    pytest.param("Dec. 31", date(2016, 1, 1), date(2015, 12, 31), id="no-year-across-new-year"),
    pytest.param("Jan. 1", date(2015, 12, 31), date(2016, 1, 1), id="no-year-time-zones"),
    # Relative and period expressions follow resolve_time.
    pytest.param("Friday", SAT, date(2015, 10, 2), id="weekday"),
    pytest.param("Friday", None, None, id="weekday-no-anchor"),
    pytest.param("March 2011", None, None, id="month-year"),
    # Garbage.
    pytest.param("", None, None, id="empty"),
    pytest.param("Promoted Links", SAT, None, id="furniture"),
    pytest.param("a", SAT, None, id="article"),
    pytest.param("In 2015 things happened", None, None, id="prose-with-year"),
    pytest.param("Feb. 30, 2015", None, None, id="no-such-day"),
    pytest.param("2015-02-30", None, None, id="no-such-iso-day"),
    pytest.param("x" * 101, None, None, id="too-long"),
]


@pytest.mark.parametrize(("text", "anchor", "expected"), PARSE_CASES)
def test_parse_date_text(text: str, anchor: date | None, expected: date | None) -> None:
    assert parse_date_text(text, anchor=anchor) == expected


def test_resolve_time_wrong_type_names_parameter() -> None:
    with pytest.raises(TypeError, match="expr must be a str, not int"):
        resolve_time(20151004, SAT)  # type: ignore[arg-type]


def test_parse_date_text_wrong_type_names_parameter() -> None:
    with pytest.raises(TypeError, match="s must be a str, not NoneType"):
        parse_date_text(None)  # type: ignore[arg-type]


# --- speech_time ---------------------------------------------------------------------------

# (text, cue, content, anchor, expected span text, expected date); cue and content are
# needles located in the text (a tuple for the nth occurrence); the clause is the whole text.
SPEECH_CASES = [
    pytest.param(
        "Russia claimed Friday that its air force bombed positions in Raqqa.",
        "claimed",
        "its air force bombed positions in Raqqa",
        SUN,
        "Friday",
        date(2015, 10, 2),
        id="right-after-cue",
    ),
    pytest.param(
        "Lavrov said on Friday the raids would go on.",
        "said",
        "the raids would go on",
        SUN,
        "on Friday",
        date(2015, 10, 2),
        id="said-on-friday",
    ),
    pytest.param(
        "British Prime Minister David Cameron on Saturday told the BBC it was clear Russia backed Assad.",
        "told",
        "it was clear Russia backed Assad",
        SUN,
        "on Saturday",
        date(2015, 10, 3),
        id="between-speaker-and-cue",
    ),
    pytest.param(
        'Mr Putin\'s spokesman Dmitry Peskov told reporters on Thursday that Russia was targeting a "list" of groups.',
        "told",
        'Russia was targeting a "list" of groups',
        SAT,
        "on Thursday",
        date(2015, 10, 1),
        id="told-reporters-on",
    ),
    pytest.param(
        "Information on casualties appeared before the jets took off, President Vladimir Putin said Thursday.",
        "said",
        "Information on casualties appeared before the jets took off",
        SAT,
        "Thursday",
        date(2015, 10, 1),
        id="after-cue-content-first",
    ),
    pytest.param(
        "The Russian Defense Ministry rejected that allegation on Tuesday.",
        "rejected",
        "that allegation",
        SUN,
        "on Tuesday",
        date(2015, 9, 29),
        id="after-short-content",
    ),
    pytest.param(
        "In a statement released on Friday, Russia\u2019s defense ministry said the strikes hit a command point.",
        "said",
        "the strikes hit a command point",
        SUN,
        "on Friday",
        date(2015, 10, 2),
        id="leading-in-a-statement",
    ),
    pytest.param(
        'In an interview with Iranian al-Khabar TV on Sunday, Assad said "the coalition must succeed."',
        "said",
        "the coalition must succeed.",
        SUN,
        "on Sunday",
        date(2015, 10, 4),
        id="leading-in-an-interview",
    ),
    pytest.param(
        "At a Pentagon news conference Thursday, spokesman Colonel Steve Warren did not confirm reports that troops had crossed.",
        "confirm",
        "reports that troops had crossed",
        SAT,
        "Thursday",
        date(2015, 10, 1),
        id="leading-at-a-conference",
    ),
    pytest.param(
        "On Saturday, France, Germany and Turkey -- members of the campaign, known as Inherent Resolve -- released a statement expressing concern.",
        "released",
        None,
        SUN,
        "On Saturday",
        date(2015, 10, 3),
        id="leading-on-saturday-long-subject",
    ),
    pytest.param(
        'On Wednesday, however, Sergei Ivanov, Mr Putin\'s chief of staff, said "the target is air support."',
        "said",
        "the target is air support.",
        date(2015, 10, 1),
        "On Wednesday",
        date(2015, 9, 30),
        id="leading-with-apposition",
    ),
    pytest.param(
        "In comments after the meeting, posted early Thursday on the ministry website, Mr Lavrov said: \u201cWe are helping.\u201d",
        "said",
        "We are helping.",
        SAT,
        "early Thursday",
        date(2015, 10, 1),
        id="second-adverbial-phrase",
    ),
    pytest.param(
        "A Sunday statement by the Russian defense ministry said the air force flew 20 sorties.",
        "said",
        "the air force flew 20 sorties",
        SUN,
        "Sunday",
        date(2015, 10, 4),
        id="possessive-source-adjective",
    ),
    pytest.param(
        "Sunday's statement by the ministry said the air force flew 20 sorties.",
        "said",
        "the air force flew 20 sorties",
        SUN,
        "Sunday",
        date(2015, 10, 4),
        id="possessive-source",
    ),
    pytest.param(
        "Assad claimed that unlike the coalition -- which in June claimed to have killed 10,000 fighters -- the alliance would win.",
        ("claimed", 1),
        "to have killed 10,000 fighters",
        SUN,
        "in June",
        None,
        id="month-names-no-day",
    ),
    pytest.param(
        "Lavrov said on Friday that the raids would go on.",
        "said",
        "the raids would go on",
        None,
        "on Friday",
        None,
        id="no-anchor-keeps-span",
    ),
    pytest.param(
        "Lavrov said on Friday.",
        "said",
        None,
        SUN,
        "on Friday",
        date(2015, 10, 2),
        id="no-content",
    ),
    # Event dates inside the content are not speech dates.
    pytest.param(
        "Moscow said it struck a training camp in Raqqa on Friday.",
        "said",
        "it struck a training camp in Raqqa on Friday",
        SUN,
        None,
        None,
        id="event-date-in-content",
    ),
    pytest.param(
        "Kartapolov on Saturday said the campaign had since its beginning last Wednesday hit 50 targets.",
        "said",
        "the campaign had since its beginning last Wednesday hit 50 targets",
        SUN,
        "on Saturday",
        date(2015, 10, 3),
        id="speech-date-not-event-date",
    ),
    pytest.param(
        "\u201cThe depots were used in the attack on September 18,\u201d Konashenkov said.",
        "said",
        "The depots were used in the attack on September 18,",
        SUN,
        None,
        None,
        id="on-september-18-in-quote",
    ),
    pytest.param(
        "Members of the coalition, which has been bombing IS since September 2014, said the raids killed civilians.",
        "said",
        "the raids killed civilians",
        SUN,
        None,
        None,
        id="since-is-a-bound",
    ),
    pytest.param(
        "Konashenkov said jets made 20 attacks between Wednesday and Thursday morning, and he insisted that no civilians were hit.",
        "insisted",
        "no civilians were hit",
        SAT,
        None,
        None,
        id="coordinated-clause",
    ),
    pytest.param(
        '"We will go on," he said, adding that the strikes would resume on Friday.',
        "said",
        "We will go on,",
        SUN,
        None,
        None,
        id="adding-that",
    ),
    pytest.param(
        "The general, who arrived in Latakia on Friday, said the raids had worked.",
        "said",
        "the raids had worked",
        SUN,
        None,
        None,
        id="relative-clause",
    ),
    pytest.param(
        "The Mail on Sunday reported that the raids had worked.",
        "reported",
        "the raids had worked",
        SUN,
        None,
        None,
        id="newspaper-name",
    ),
    pytest.param(
        "The raids worked, officials said. On Friday, jets hit 12 targets.",
        "said",
        "The raids worked",
        SUN,
        None,
        None,
        id="next-sentence",
    ),
    pytest.param(
        "Lavrov told a news conference in Moscow after talks with his Syrian counterpart Walid al-Moualem on Friday that the raids had worked.",
        "told",
        "the raids had worked",
        SUN,
        "on Friday",
        date(2015, 10, 2),
        id="long-gap-after-cue",
        marks=pytest.mark.xfail(strict=True, reason="gap after the cue exceeds 60 characters"),
    ),
    pytest.param(
        "The campaign began on Wednesday in what President Vladimir Putin called a pre-emptive strike.",
        "called",
        "a pre-emptive strike",
        SUN,
        None,
        None,
        id="event-in-main-clause",
        marks=pytest.mark.xfail(strict=True, reason="'in what' clause not seen as a boundary"),
    ),
]


@pytest.mark.parametrize(
    ("text", "cue", "content", "anchor", "expected_text", "expected_date"), SPEECH_CASES
)
def test_speech_time(
    text: str,
    cue: str | tuple[str, int],
    content: str | None,
    anchor: date | None,
    expected_text: str | None,
    expected_date: date | None,
) -> None:
    cue_span = _span(text, *cue) if isinstance(cue, tuple) else _span(text, cue)
    content_span = _span(text, content) if content is not None else None
    when, day = speech_time(
        text, cue=cue_span, clause=Span.of(text, 0, len(text)), content=content_span, anchor=anchor
    )
    assert (when.text if when else None, day) == (expected_text, expected_date)
    if when is not None:
        assert when.slices(text)


def test_speech_time_within_clause_of_longer_text() -> None:
    text = "Raids hit Idlib on Friday. Peskov said on Saturday the raids worked."
    clause = Span.of(text, text.index("Peskov"), len(text))
    when, day = speech_time(
        text,
        cue=_span(text, "said"),
        clause=clause,
        content=_span(text, "the raids worked"),
        anchor=SUN,
    )
    assert when == Span.of(text, text.index("on Saturday"), text.index(" the raids"))
    assert day == date(2015, 10, 3)


def test_speech_time_without_cue_measures_from_content() -> None:
    text = 'Syria on Saturday. The ministry on Friday: "We will go on."'
    clause = Span.of(text, text.index("The"), len(text))
    content = _span(text, "We will go on.")
    when, day = speech_time(text, cue=None, clause=clause, content=content, anchor=SUN)
    assert (when.text if when else None, day) == ("on Friday", date(2015, 10, 2))


def test_speech_time_without_cue_or_content_takes_first() -> None:
    text = "On Friday, raids; on Saturday, talks."
    when, _ = speech_time(text, cue=None, clause=Span.of(text, 0, 37), content=None, anchor=None)
    assert when == Span.of(text, 0, 9)


# --- Properties ----------------------------------------------------------------------------

_VOCAB = sorted(
    {
        *dates.WEEKDAY_NAMES,
        *dates.MONTH_NAMES,
        *(f"{m}." for m in dates.MONTH_ABBREVIATIONS),
        *dates._LEAD_WORDS,
        "said", "told", "the", "morning", "night", "week", "month", "year", "days", "ago",
        "and", "of", "'s", ",", ".", "\n", "-", "4", "18", "2015", "2015-10-04", "22nd",
    }
)  # fmt: skip
_NEWSY_TEXT = st.lists(st.sampled_from(_VOCAB), max_size=40).map(" ".join)
_ANY_TEXT = st.one_of(st.text(max_size=200), _NEWSY_TEXT)


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT)
def test_spans_slice_back_in_order(text: str) -> None:
    spans = find_time_expressions(text)
    for s in spans:
        assert s.slices(text)
        assert s.end > s.start
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@settings(max_examples=200, deadline=None)
@given(_NEWSY_TEXT)
def test_first_word_check_skips_no_match(text: str) -> None:
    """The fast first-word check finds exactly what the bare grammar finds."""
    bare = regex.compile(dates._EXPRESSION, regex.VERSION0)
    assert [m.span() for m in dates.TIME_EXPRESSION_RE.finditer(text)] == [
        m.span() for m in bare.finditer(text)
    ]


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT, st.integers(-250, 250), st.one_of(st.none(), st.integers(-250, 250)))
def test_window_spans_stay_in_window(text: str, start: int, end: int | None) -> None:
    lo, hi, _ = slice(start, end).indices(len(text))
    for s in find_time_expressions(text, start, end):
        assert lo <= s.start <= s.end <= hi
        assert s.slices(text)


_ANCHORS = st.one_of(st.none(), st.dates(), st.sampled_from([date.min, date.max, SAT]))


@settings(max_examples=300, deadline=None)
@given(_ANY_TEXT, _ANCHORS)
def test_resolve_and_parse_never_raise(text: str, anchor: date | None) -> None:
    for expr in [text, *(s.text for s in find_time_expressions(text))]:
        assert resolve_time(expr, anchor) is None or isinstance(resolve_time(expr, anchor), date)
    assert parse_date_text(text, anchor=anchor) is None or isinstance(
        parse_date_text(text, anchor=anchor), date
    )


@settings(max_examples=200, deadline=None)
@given(_NEWSY_TEXT, st.data())
def test_speech_time_outside_content_inside_clause(text: str, data: st.DataObject) -> None:
    n = len(text)
    c0 = data.draw(st.integers(0, n))
    c1 = data.draw(st.integers(c0, n))
    clause = Span.of(text, c0, c1)
    cue = data.draw(st.one_of(st.none(), st.integers(c0, c1).map(lambda i: Span.of(text, i, i))))
    k0 = data.draw(st.integers(c0, c1))
    content = data.draw(st.one_of(st.none(), st.just(Span.of(text, k0, c1))))
    when, day = speech_time(text, cue=cue, clause=clause, content=content, anchor=SAT)
    if when is None:
        assert day is None
    else:
        assert clause.contains(when)
        assert when.slices(text)
        assert content is None or not when.overlaps(content)
        assert day == resolve_time(when.text, SAT)


@settings(max_examples=100, deadline=None)
@given(_NEWSY_TEXT, _ANCHORS)
def test_deterministic(text: str, anchor: date | None) -> None:
    assert find_time_expressions(text) == find_time_expressions(text)
    assert resolve_time(text, anchor) == resolve_time(text, anchor)
    assert parse_date_text(text, anchor=anchor) == parse_date_text(text, anchor=anchor)


def test_linear_time_on_adversarial_input() -> None:
    """Long runs of lead words and spaces do not make the scan backtrack."""
    text = ("on " * 20_000) + ("last " * 20_000) + (" " * 50_000) + ("Friday and " * 10_000)
    began = time.process_time()
    spans = find_time_expressions(text)
    assert time.process_time() - began < 2.0
    assert all(s.slices(text) for s in spans)
    assert len(spans) == 5_000


# --- speech_times: the marks that skip a search --------------------------------------------


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT)
def test_every_expression_holds_a_mark(text: str) -> None:
    """Each expression found holds a mark whole, so that a stretch without one is skipped."""
    marks = dates._time_marks(text)
    if marks is None:
        return  # the lower-case text has other offsets: nothing is skipped
    for s in find_time_expressions(text):
        assert any(s.start <= m < s.end for m in marks), s.text


def test_case_insensitive_letters_fold_to_themselves() -> None:
    """What _time_marks assumes: a letter of a mark word that TIME_EXPRESSION_RE matches
    in any case matches only characters whose lower case is that letter, or one whose
    lower case is two characters long (so that _time_marks gives up on the text)."""
    every_character = "".join(map(chr, range(0x110000)))
    for letter in sorted(set("".join(dates._TIME_WORDS))):
        pattern = regex.compile(f"(?i:{letter})", regex.VERSION0)
        for m in pattern.finditer(every_character):
            c = m.group()
            assert c.lower() == letter or len(c.lower()) != 1, (letter, hex(ord(c)))


def test_marks_are_none_when_lower_case_changes_offsets() -> None:
    assert dates._time_marks("\u0130stanbul on Monday") is None  # İ lower-cases to two
    assert dates._time_marks("said on Monday") == [11]  # "day"


@settings(max_examples=200, deadline=None)
@given(_ANY_TEXT, st.data())
def test_speech_times_equals_speech_time(text: str, data: st.DataObject) -> None:
    n = len(text)
    acts = []
    for _ in range(data.draw(st.integers(0, 4))):
        c0 = data.draw(st.integers(0, n))
        c1 = data.draw(st.integers(c0, n))
        cue = data.draw(
            st.one_of(st.none(), st.integers(c0, c1).map(lambda i: Span.of(text, i, i)))
        )
        k0 = data.draw(st.integers(c0, c1))
        content = data.draw(st.one_of(st.none(), st.just(Span.of(text, k0, c1))))
        acts.append((cue, Span.of(text, c0, c1), content))
    expected = [
        speech_time(text, cue=cue, clause=clause, content=content, anchor=SAT)
        for cue, clause, content in acts
    ]
    assert speech_times(text, acts, anchor=SAT) == expected


def test_speech_times_on_the_seeds(seed_texts: list[str]) -> None:
    """Around every "said" of the seed articles, the same answers as speech_time."""
    for text in seed_texts:
        acts = []
        for m in regex.finditer(r"\b(?:said|told|says)\b", text):
            start = max(0, m.start() - 300)
            clause = Span.of(text, start, min(len(text), m.end() + 200))
            acts.append((Span.of(text, m.start(), m.end()), clause, None))
        expected = [
            speech_time(text, cue=cue, clause=clause, content=content, anchor=SAT)
            for cue, clause, content in acts
        ]
        assert speech_times(text, acts, anchor=SAT) == expected


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from([*dates._TIME_MARKS, "0", "1", "2", "8", "9", "a", "y", " "])).map(
        "".join
    )
)
def test_mark_pattern_finds_every_occurrence(text: str) -> None:
    """The one-pass search of _time_marks finds what a search for each mark finds."""
    every = sorted(
        i for mark in dates._TIME_MARKS for i in range(len(text)) if text.startswith(mark, i)
    )
    assert [m.start() for m in dates._TIME_MARK_RE.finditer(text)] == every


LEAD_PLACE_CASES = [
    "Kartapolov on Saturday said the campaign had since its beginning last Wednesday hit 50 targets.",
    "ON FRIDAY, Oct. 4, 2015 and 2015-10-04T12:00; mid-September; mid-2014; 3 days ago.",
    "thi\u017f week, \u212aeep on Sunday; \u0130n June; onSunday; x2015; _on Friday; Sunday_",
    "The Sunday Times said on Good Friday, early on Tuesday morning, that two weeks ago ...",
    "e\u0301on Monday, caf\u00e9 last night, a few weeks ago, several months ago, tonight",
]


@pytest.mark.parametrize("text", LEAD_PLACE_CASES)
def test_find_time_expressions_is_the_pattern_s_finditer(text: str) -> None:
    """Trying the grammar only where _LEAD_PLACE_RE points finds what finditer finds."""
    n = len(text)
    for start in (0, 1, 5, n // 2, n - 3, -7):
        for end in (None, n - 1, n // 2 + 9):
            lo, hi, _ = slice(start, end).indices(n)
            expected = [m.span() for m in dates.TIME_EXPRESSION_RE.finditer(text, lo, hi)]
            got = [(s.start, s.end) for s in find_time_expressions(text, start, end)]
            assert got == expected, (start, end)


@given(st.text(alphabet="onSudayFrimMJe 0123456789.,-\u017f\u212a\u0130\n_'", max_size=60))
@settings(max_examples=300, deadline=None)
def test_find_time_expressions_is_the_pattern_s_finditer_anywhere(text: str) -> None:
    expected = [m.span() for m in dates.TIME_EXPRESSION_RE.finditer(text)]
    assert [(s.start, s.end) for s in find_time_expressions(text)] == expected


def test_speech_times_on_the_seeds_search_each_stretch_once(seed_texts: list[str]) -> None:
    """Claims that search the same stretch share the search, and get the same answers."""
    for text in seed_texts:
        n = len(text)
        acts = [
            (Span.of(text, a, a + 4), Span.of(text, max(0, a - 200), min(n, a + 200)), None)
            for a in range(0, max(1, n - 4), 97)
        ]
        acts = acts + acts  # each stretch twice
        expected = [speech_time(text, cue=c, clause=k, content=x, anchor=SUN) for c, k, x in acts]
        assert speech_times(text, acts, anchor=SUN) == expected
