"""Tests for attribution.figures: golden-rule tables, negatives, windows, speed, properties.

Each row is (text, expected figures); a figure is written as
``(span text, value, low, high, qualifier, counted)``. Hard cases that are not solved
yet stay in the tables as ``xfail(strict=True)`` so that fixing one is noticed.
"""

from __future__ import annotations

import random
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution import figures
from attribution.errors import AttributionError
from attribution.figures import FIGURE_RE, figures_in, find_figures, find_figures_within
from attribution.models import Figure, Span

Row = tuple[str, float, float | None, float | None, str, str | None]


def rows(text: str) -> list[Row]:
    """Find the figures and check every span slices back into the text."""
    figures = find_figures(text)
    for f in figures:
        assert text[f.span.start : f.span.end] == f.span.text
        if f.counted_span is not None:
            assert text[f.counted_span.start : f.counted_span.end] == f.counted_span.text
            assert f.counted == f.counted_span.text
        else:
            assert f.counted is None
    assert [f.span.start for f in figures] == sorted(f.span.start for f in figures)
    return [(f.span.text, f.value, f.low, f.high, f.qualifier, f.counted) for f in figures]


def xfail(text: str, expected: list[Row], id: str, reason: str) -> object:
    """A row for a hard case that is not solved yet."""
    return pytest.param(text, expected, id=id, marks=pytest.mark.xfail(strict=True, reason=reason))


def xfail_none(text: str, id: str, reason: str) -> object:
    """A not-a-figure row that is not solved yet."""
    return pytest.param(text, id=id, marks=pytest.mark.xfail(strict=True, reason=reason))


# ---------------------------------------------------------------------------
# Numbers: digits, words, scales
# ---------------------------------------------------------------------------

NUMBERS = [
    pytest.param(
        "The coalition has carried out 2,500 air strikes.",
        [("2,500", 2500.0, 2500.0, 2500.0, "exact", "air strikes")],
        id="thousands-separator",
    ),
    pytest.param(
        "The war has displaced 250,000 people.",
        [("250,000", 250000.0, 250000.0, 250000.0, "exact", "people")],
        id="thousands-separator-6-digits",
    ),
    pytest.param(
        "Prices rose 1.5 times.",
        [("1.5", 1.5, 1.5, 1.5, "exact", "times")],
        id="decimal",
    ),
    pytest.param(
        "The Observatory said jets killed twelve Islamic State members in Raqqa.",
        [("twelve", 12.0, 12.0, 12.0, "exact", "Islamic State members")],
        id="word-twelve",
    ),
    pytest.param(
        "Thirty-six soldiers were wounded.",
        [("Thirty-six", 36.0, 36.0, 36.0, "exact", "soldiers")],
        id="word-compound-hyphen",
    ),
    pytest.param(
        "The rebels captured two dozen tanks.",
        [("two dozen", 24.0, 24.0, 24.0, "exact", "tanks")],
        id="two-dozen",
    ),
    pytest.param(
        "Militants fired a dozen rockets at the base.",
        [("a dozen", 12.0, 12.0, 12.0, "exact", "rockets")],
        id="a-dozen",
    ),
    pytest.param(
        "half a dozen villages were shelled",
        [("half a dozen", 6.0, 6.0, 6.0, "exact", "villages")],
        id="half-a-dozen",
    ),
    pytest.param(
        "one hundred and twenty people fled",
        [("one hundred and twenty", 120.0, 120.0, 120.0, "exact", "people")],
        id="word-hundred-and",
    ),
    pytest.param(
        "two hundred thousand people",
        [("two hundred thousand", 200000.0, 200000.0, 200000.0, "exact", "people")],
        id="word-hundred-thousand",
    ),
    pytest.param(
        "The conflict has forced 1.2 million refugees to flee.",
        [("1.2 million", 1200000.0, 1200000.0, 1200000.0, "exact", "refugees")],
        id="decimal-million",
    ),
    pytest.param(
        "a million people",
        [("a million", 1000000.0, 1000000.0, 1000000.0, "exact", "people")],
        id="a-million",
    ),
    pytest.param(
        "half a million people",
        [("half a million", 500000.0, 500000.0, 500000.0, "exact", "people")],
        id="half-a-million",
    ),
    pytest.param(
        "Some 250m people live in the region.",
        [("Some 250m", 250000000.0, None, None, "about", "people")],
        id="abbreviated-m",
    ),
    pytest.param(
        "Twelve people died.",
        [("Twelve", 12.0, 12.0, 12.0, "exact", "people")],
        id="capitalized-word",
    ),
    pytest.param(
        "AT LEAST 30 CIVILIANS KILLED",
        [("AT LEAST 30", 30.0, 30.0, None, "at_least", "CIVILIANS KILLED")],
        id="all-caps-headline",
    ),
    xfail(
        "two thousand five hundred people",
        [("two thousand five hundred", 2500.0, 2500.0, 2500.0, "exact", "people")],
        id="word-thousands-and-hundreds",
        reason="number words combine up to one scale word; news writes 2,500",
    ),
    xfail(
        "1,5 million",
        [("1,5 million", 1500000.0, 1500000.0, 1500000.0, "exact", None)],
        id="decimal-comma",
        reason="a decimal comma is European style and is read as a broken numeral",
    ),
]

# ---------------------------------------------------------------------------
# Vague quantities
# ---------------------------------------------------------------------------

VAGUE = [
    pytest.param(
        "Hundreds of people gathered in the square.",
        [("Hundreds", 200.0, 200.0, None, "at_least", "people")],
        id="hundreds-of",
    ),
    pytest.param(
        "thousands of civilians have fled",
        [("thousands", 2000.0, 2000.0, None, "at_least", "civilians")],
        id="thousands-of",
    ),
    pytest.param(
        "sent millions of refugees fleeing",
        [("millions", 2000000.0, 2000000.0, None, "at_least", "refugees")],
        id="millions-of",
    ),
    pytest.param(
        "Dozens of IS fighters were killed.",
        [("Dozens", 24.0, 24.0, None, "at_least", "IS fighters")],
        id="dozens-of",
    ),
    pytest.param(
        "tens of thousands of people",
        [("tens of thousands", 20000.0, 20000.0, None, "at_least", "people")],
        id="tens-of-thousands",
    ),
    pytest.param(
        "hundreds of thousands of Syrians",
        [("hundreds of thousands", 200000.0, 200000.0, None, "at_least", "Syrians")],
        id="hundreds-of-thousands",
    ),
    pytest.param(
        "several hundred protesters",
        [("several hundred", 300.0, 300.0, None, "at_least", "protesters")],
        id="several-hundred",
    ),
    pytest.param(
        "a few thousand troops",
        [("a few thousand", 2000.0, 2000.0, None, "at_least", "troops")],
        id="a-few-thousand",
    ),
    pytest.param(
        "Hundreds were killed.",
        [("Hundreds", 200.0, 200.0, None, "at_least", None)],
        id="hundreds-alone",
    ),
]

# ---------------------------------------------------------------------------
# Hedges and bounds
# ---------------------------------------------------------------------------

HEDGES = [
    pytest.param(
        "Activists said at least 30 civilians were killed.",
        [("at least 30", 30.0, 30.0, None, "at_least", "civilians")],
        id="at-least",
    ),
    pytest.param(
        "There have been more than 2,500 air strikes against jihadi fighters in the region.",
        [("more than 2,500", 2500.0, 2500.0, None, "more_than", "air strikes")],
        id="more-than",
    ),
    pytest.param(
        "Over 100 fighters surrendered.",
        [("Over 100", 100.0, 100.0, None, "more_than", "fighters")],
        id="over",
    ),
    pytest.param(
        "upwards of 40 vehicles",
        [("upwards of 40", 40.0, 40.0, None, "more_than", "vehicles")],
        id="upwards-of",
    ),
    pytest.param(
        'intelligence suggested up to 600 "mercenaries" were fleeing in panic',
        [("up to 600", 600.0, None, 600.0, "up_to", "mercenaries")],
        id="up-to-quoted-noun",
    ),
    pytest.param(
        "As many as 40 people",
        [("As many as 40", 40.0, None, 40.0, "up_to", "people")],
        id="as-many-as",
    ),
    pytest.param(
        "nearly 300 people",
        [("nearly 300", 300.0, None, 300.0, "at_most", "people")],
        id="nearly",
    ),
    pytest.param(
        "almost 40 villages",
        [("almost 40", 40.0, None, 40.0, "at_most", "villages")],
        id="almost",
    ),
    pytest.param(
        "just under 1,000 strikes",
        [("just under 1,000", 1000.0, None, 1000.0, "at_most", "strikes")],
        id="just-under",
    ),
    pytest.param(
        "a missile base struck by around 20 missiles in two separate sorties",
        [
            ("around 20", 20.0, None, None, "about", "missiles"),
            ("two", 2.0, 2.0, 2.0, "exact", "sorties"),
        ],
        id="around-and-separate",
    ),
    pytest.param("about 30 tanks", [("about 30", 30.0, None, None, "about", "tanks")], id="about"),
    pytest.param(
        "Some 3,000 IS militants",
        [("Some 3,000", 3000.0, None, None, "about", "IS militants")],
        id="some",
    ),
    pytest.param(
        "roughly 1.5 million",
        [("roughly 1.5 million", 1500000.0, None, None, "about", None)],
        id="roughly",
    ),
    pytest.param(
        "approximately 400 jets",
        [("approximately 400", 400.0, None, None, "about", "jets")],
        id="approximately",
    ),
    pytest.param(
        "The war has killed an estimated 250,000 people.",
        [("an estimated 250,000", 250000.0, None, None, "about", "people")],
        id="an-estimated",
    ),
    pytest.param(
        "fewer than 10 people",
        [("fewer than 10", 10.0, None, 10.0, "less_than", "people")],
        id="fewer-than",
    ),
    pytest.param(
        "less than 5%",
        [("less than 5%", 5.0, None, 5.0, "less_than", None)],
        id="less-than-percent",
    ),
    pytest.param(
        "under 30 civilians",
        [("under 30", 30.0, None, 30.0, "less_than", "civilians")],
        id="under",
    ),
    pytest.param(
        "no more than 15 aircraft",
        [("no more than 15", 15.0, None, 15.0, "at_most", "aircraft")],
        id="no-more-than",
    ),
    pytest.param("at most 20", [("at most 20", 20.0, None, 20.0, "at_most", None)], id="at-most"),
    pytest.param(
        "30 or more people",
        [("30 or more", 30.0, 30.0, None, "at_least", "people")],
        id="or-more",
    ),
    pytest.param(
        "30-odd soldiers",
        [("30-odd", 30.0, None, None, "about", "soldiers")],
        id="odd",
    ),
    pytest.param("30+ people", [("30+", 30.0, 30.0, None, "at_least", "people")], id="plus-sign"),
    pytest.param(
        "Russian warplanes killed at least one civilian.",
        [("at least one", 1.0, 1.0, None, "at_least", "civilian")],
        id="at-least-one",
    ),
]

# ---------------------------------------------------------------------------
# Ranges
# ---------------------------------------------------------------------------

RANGES = [
    pytest.param(
        "between 10 and 20 missiles",
        [("between 10 and 20", 10.0, 10.0, 20.0, "range", "missiles")],
        id="between-and",
    ),
    pytest.param("10 to 20 people", [("10 to 20", 10.0, 10.0, 20.0, "range", "people")], id="to"),
    pytest.param("10-20 people", [("10-20", 10.0, 10.0, 20.0, "range", "people")], id="hyphen"),
    pytest.param("10–20 people", [("10–20", 10.0, 10.0, 20.0, "range", "people")], id="en-dash"),
    pytest.param(
        "two or three civilians",
        [("two or three", 2.0, 2.0, 3.0, "range", "civilians")],
        id="or",
    ),
    pytest.param(
        "$2-3 billion",
        [("$2-3 billion", 2e9, 2e9, 3e9, "range", None)],
        id="shared-scale",
    ),
    pytest.param(
        "between 20 and 10 tanks",
        [("20", 20.0, 20.0, 20.0, "exact", None), ("10", 10.0, 10.0, 10.0, "exact", "tanks")],
        id="between-descending-gives-two",
    ),
    pytest.param("the 7-2 vote", [], id="score-is-nothing"),
    xfail(
        "The share rose from 10 to 20 percent.",
        [("10", 10.0, 10.0, 10.0, "exact", None), ("20 percent", 20.0, 20.0, 20.0, "exact", None)],
        id="from-to-change",
        reason="a change 'from X to Y' is read as a range X-Y",
    ),
]

# ---------------------------------------------------------------------------
# Counted noun phrases (sentences in the style of the seed articles)
# ---------------------------------------------------------------------------

COUNTED = [
    pytest.param(
        "Moscow has now taken out 36 innocent civilians in its air raids.",
        [("36", 36.0, 36.0, 36.0, "exact", "civilians")],
        id="drops-innocent",
    ),
    pytest.param(
        "The ministry said its jets struck 10 IS positions, including eight facilities.",
        [
            ("10", 10.0, 10.0, 10.0, "exact", "IS positions"),
            ("eight", 8.0, 8.0, 8.0, "exact", "facilities"),
        ],
        id="keeps-capitalized-modifier",
    ),
    pytest.param(
        "it had damaged or destroyed 12 targets in Syria belonging to IS fighters",
        [("12", 12.0, 12.0, 12.0, "exact", "targets")],
        id="stops-at-preposition",
    ),
    pytest.param(
        "the air campaign had resulted in 60 sorties that engaged more than 50 IS infrastructure targets",
        [
            ("60", 60.0, 60.0, 60.0, "exact", "sorties"),
            ("more than 50", 50.0, 50.0, None, "more_than", "IS infrastructure targets"),
        ],
        id="noun-compound",
    ),
    pytest.param(
        'the Russian air force "performed 20 flights over the last day"',
        [("20", 20.0, 20.0, 20.0, "exact", "flights")],
        id="flights-over-the-last-day",
    ),
    pytest.param(
        "Four civilians, including a child, were killed in raids.",
        [("Four", 4.0, 4.0, 4.0, "exact", "civilians")],
        id="sentence-initial-word",
    ),
    pytest.param(
        "Three other civilians were killed in bombing.",
        [("Three", 3.0, 3.0, 3.0, "exact", "civilians")],
        id="drops-other",
    ),
    pytest.param(
        "airstrikes in four areas killed 36 civilians, with five children among the dead",
        [
            ("four", 4.0, 4.0, 4.0, "exact", "areas"),
            ("36", 36.0, 36.0, 36.0, "exact", "civilians"),
            ("five", 5.0, 5.0, 5.0, "exact", "children"),
        ],
        id="irregular-plural",
    ),
    pytest.param(
        "The civil war has killed more than 250,000 people since March 2011.",
        [("more than 250,000", 250000.0, 250000.0, None, "more_than", "people")],
        id="people-and-a-month-year",
    ),
    pytest.param(
        "Jets destroyed two ammunition depots.",
        [("two", 2.0, 2.0, 2.0, "exact", "ammunition depots")],
        id="ammunition-depots",
    ),
    pytest.param(
        "the US-led coalition claimed to have killed 10,000 IS fighters -- the alliance said",
        [("10,000", 10000.0, 10000.0, 10000.0, "exact", "IS fighters")],
        id="stops-at-dashes",
    ),
    pytest.param(
        "The three of the seven countries released a statement.",
        [
            ("three", 3.0, 3.0, 3.0, "exact", "countries"),
            ("seven", 7.0, 7.0, 7.0, "exact", "countries"),
        ],
        id="partitive",
    ),
    pytest.param(
        "One civilian was killed.",
        [("One", 1.0, 1.0, 1.0, "exact", "civilian")],
        id="one-with-noun",
    ),
    pytest.param(
        "30 percent of the population",
        [("30 percent", 30.0, 30.0, 30.0, "exact", "population")],
        id="percent-of",
    ),
    pytest.param(
        "Syrian forces killed 30 last year.",
        [("30", 30.0, 30.0, 30.0, "exact", None)],
        id="no-noun",
    ),
    pytest.param(
        "three Russians were hurt",
        [("three", 3.0, 3.0, 3.0, "exact", "Russians")],
        id="capitalized-plural",
    ),
    pytest.param(
        "two terrorist organisations recognised as such",
        [("two", 2.0, 2.0, 2.0, "exact", "terrorist organisations")],
        id="stops-at-plural-head",
    ),
    xfail(
        "Syria: 20 Civilians Killed",
        [("20", 20.0, 20.0, 20.0, "exact", "Civilians")],
        id="title-case-headline",
        reason="in Title Case the plural head is not told from the participle after it",
    ),
]

# ---------------------------------------------------------------------------
# Money and percentages
# ---------------------------------------------------------------------------

UNITS = [
    pytest.param("$5 billion", [("$5 billion", 5e9, "USD")], id="dollar-billion"),
    pytest.param("£3bn in aid", [("£3bn", 3e9, "GBP")], id="pound-bn"),
    pytest.param("3bn", [("3bn", 3e9, None)], id="bn-no-currency"),
    pytest.param("about €1.5bn", [("about €1.5bn", 1.5e9, "EUR")], id="euro-hedged"),
    pytest.param("It cost US$ 2 billion.", [("US$ 2 billion", 2e9, "USD")], id="us-dollar"),
    pytest.param("USD 300 million", [("USD 300 million", 3e8, "USD")], id="iso-code"),
    pytest.param("5 million dollars", [("5 million dollars", 5e6, "USD")], id="dollars-word"),
    pytest.param("5 million euros", [("5 million euros", 5e6, "EUR")], id="euros-word"),
    pytest.param("5 million pounds", [("5 million pounds", 5e6, "GBP")], id="pounds-money"),
    pytest.param("500 pounds of explosives", [("500", 500.0, None)], id="pounds-weight"),
    pytest.param("30%", [("30%", 30.0, "percent")], id="percent-sign"),
    pytest.param("30 percent", [("30 percent", 30.0, "percent")], id="percent-word"),
    pytest.param("30 per cent", [("30 per cent", 30.0, "percent")], id="per-cent"),
    pytest.param("inflation hit 2.5% in March", [("2.5%", 2.5, "percent")], id="decimal-percent"),
    pytest.param("10-20%", [("10-20%", 10.0, "percent")], id="percent-range"),
    pytest.param("10% to 20%", [("10% to 20%", 10.0, "percent")], id="percent-range-twice"),
    pytest.param(
        "rose 2 percentage points",
        [("2 percentage points", 2.0, "percentage points")],
        id="percentage-points",
    ),
]

# ---------------------------------------------------------------------------
# Not figures
# ---------------------------------------------------------------------------

NOT_FIGURES = [
    pytest.param("The Syrian Civil War has raged since 2011.", id="year"),
    pytest.param("bombing IS forces in Syria since September 2014", id="month-year"),
    pytest.param("during the terrorist attack on September 18,", id="month-day"),
    pytest.param("DAMASCUS, Syria, Oct. 4 (UPI) --", id="abbreviated-month"),
    pytest.param("Monday 22 January 2018", id="day-month-year"),
    pytest.param("on Sept. 18, 2015", id="month-day-year"),
    pytest.param("in 2015", id="in-year"),
    pytest.param("the 2015 elections", id="year-modifier"),
    pytest.param("around 2015", id="hedged-year"),
    pytest.param("2011-2015", id="year-range"),
    pytest.param("the 2014-15 season", id="season"),
    pytest.param("the 1990s", id="decade"),
    pytest.param("The meeting began at 10:30.", id="clock"),
    pytest.param("at 3 p.m.", id="p-m"),
    pytest.param("at 10 am", id="am"),
    pytest.param("1400 GMT", id="gmt"),
    pytest.param("In the past 24 hours, he said, jets flew.", id="hours"),
    pytest.param("over the past 24 hours", id="over-past-hours"),
    pytest.param("Russian air strikes began three days after the announcement.", id="days"),
    pytest.param("for a year, without results", id="a-year"),
    pytest.param("two weeks", id="weeks"),
    pytest.param("one day", id="one-day"),
    pytest.param("broke a three-year-long siege", id="hyphen-duration"),
    pytest.param("a 45-year-old man", id="age-hyphen"),
    pytest.param("aged 45", id="aged"),
    pytest.param("the first reports", id="first"),
    pytest.param("a second day of strikes", id="second"),
    pytest.param("the 20th attack", id="20th"),
    pytest.param("3rd", id="3rd"),
    pytest.param("Russian Su-25M and Su-25 jets", id="su-25"),
    pytest.param("F-16 and F-35s", id="f-16"),
    pytest.param("MH17 was shot down", id="mh17"),
    pytest.param("the G7 and G20 summits", id="g7"),
    pytest.param("COVID-19", id="covid-19"),
    pytest.param("1. First item", id="list-dot"),
    pytest.param("intro\n  2) second item", id="list-paren"),
    pytest.param("Call 555-1234 now", id="phone-7"),
    pytest.param("Call 020 7946 0958 now", id="phone-spaced"),
    pytest.param("Call 555-123-4567", id="phone-hyphens"),
    pytest.param("ID 123456789", id="long-id"),
    pytest.param("agent 007", id="leading-zero"),
    pytest.param("No. 10 Downing Street", id="no-label"),
    pytest.param("page 3 of the report", id="page-label"),
    pytest.param("http://example.com/2015/10/article-123?id=42", id="url"),
    pytest.param("user123@example.com", id="email"),
    pytest.param("v1.2.3", id="version"),
    pytest.param("the 9/11 attacks, 24/7", id="slashes"),
    pytest.param(
        "Hassan Haj Ali told Reuters one of the targets was his group's base.", id="one-of"
    ),
    pytest.param("no one was hurt", id="no-one"),
    pytest.param("the one who did it", id="the-one"),
    pytest.param("the main target is one and I think", id="one-alone"),
    pytest.param("a few other armed groups", id="a-few-alone"),
    pytest.param("a million-dollar deal", id="a-without-scale"),
    pytest.param("He told Europe 1 radio.", id="europe-1"),
    pytest.param("Channel 4 News", id="channel-4"),
    pytest.param("Formula 1 champion", id="formula-1"),
    pytest.param("known as Operation Inherent Resolve", id="no-digits"),
    pytest.param("twenty-first century", id="word-ordinal"),
    pytest.param("two-thirds of the city", id="fraction"),
    pytest.param("a 5000m race", id="metres"),
    pytest.param("", id="empty"),
    xfail_none("the man, 45, was arrested", id="age-apposition", reason="an age in apposition"),
    xfail_none("Boeing 777 jets", id="model-before-plural", reason="name+number before a plural"),
    xfail_none(
        "Apollo 11 astronauts", id="name-before-plural", reason="name+number before a plural"
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERS + VAGUE + HEDGES + RANGES + COUNTED)
def test_figures(text: str, expected: list[Row]) -> None:
    assert rows(text) == expected


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_not_figures(text: str) -> None:
    assert rows(text) == []


@pytest.mark.parametrize(("text", "expected"), UNITS)
def test_units(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    rows(text)
    assert [(f.span.text, f.value, f.unit) for f in find_figures(text)] == expected


# ---------------------------------------------------------------------------
# A seed-like paragraph, end to end
# ---------------------------------------------------------------------------

PARAGRAPH = (
    "DAMASCUS, Syria, Oct. 4 (UPI) -- The ministry said the air force performed "
    "20 flights over the last day and struck 10 IS positions. Activists said at least "
    "30 civilians were killed in Homs province on Friday, and the Observatory said "
    "one of the targets was hit by around 20 missiles. The war, which began in March "
    "2011, has killed more than 250,000 people, he told Europe 1 radio."
)


def test_paragraph() -> None:
    assert [(f.span.text, f.qualifier, f.counted) for f in find_figures(PARAGRAPH)] == [
        ("20", "exact", "flights"),
        ("10", "exact", "IS positions"),
        ("at least 30", "at_least", "civilians"),
        ("around 20", "about", "missiles"),
        ("more than 250,000", "more_than", "people"),
    ]


def test_counted_span_points_into_text() -> None:
    text = "Jets hit more than 50 IS infrastructure targets."
    (f,) = find_figures(text)
    assert f.counted_span == Span.of(text, 22, 47)


# ---------------------------------------------------------------------------
# Windows, errors, figures_in
# ---------------------------------------------------------------------------


def test_window_keeps_offsets() -> None:
    text = "Two jets. Four civilians."
    (f,) = find_figures(text, 10)
    assert (f.span.start, f.span.end, f.span.text) == (10, 14, "Four")


def test_window_end_clips_counted() -> None:
    text = "Jets hit 12 targets."
    (f,) = find_figures(text, 0, 11)
    assert (f.span.text, f.counted) == ("12", None)


def test_window_reads_context_before_start() -> None:
    text = "on September 18 they left"
    assert find_figures(text, text.index("18")) == []


def test_window_equals_whole_text_inside() -> None:
    text = PARAGRAPH
    whole = [f for f in find_figures(text) if f.span.start >= 100]
    assert [f.span for f in find_figures(text, 100)] == [f.span for f in whole]


@pytest.mark.parametrize(
    ("args", "error"),
    [
        pytest.param((b"12 jets",), TypeError, id="bytes"),
        pytest.param(("12 jets", "0"), TypeError, id="start-str"),
        pytest.param(("12 jets", 0, 2.0), TypeError, id="end-float"),
        pytest.param(("12 jets", True), TypeError, id="start-bool"),
        pytest.param(("12 jets", -1), AttributionError, id="negative-start"),
        pytest.param(("12 jets", 0, 99), AttributionError, id="end-past-text"),
        pytest.param(("12 jets", 5, 2), AttributionError, id="start-after-end"),
    ],
)
def test_bad_arguments(args: tuple[object, ...], error: type[Exception]) -> None:
    with pytest.raises(error, match=r"start|end|text"):
        find_figures(*args)  # type: ignore[arg-type]


def test_attribution_error_is_value_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        find_figures("abc", 4)


def test_figures_in() -> None:
    text = "Moscow said it hit 12 targets; activists said 30 civilians died."
    figures = find_figures(text)
    first = Span.of(text, 0, text.index(";"))
    second = Span.of(text, text.index(";") + 2, len(text))
    assert [f.span.text for f in figures_in(figures, first)] == ["12"]
    assert [f.span.text for f in figures_in(figures, second)] == ["30"]
    assert figures_in(figures, Span.of(text, 0, 20)) == ()
    assert figures_in([], first) == ()
    assert isinstance(figures_in(figures, first), tuple)


def test_figure_round_trips_json() -> None:
    (f,) = find_figures("more than 2,500 air strikes")
    assert Figure.model_validate_json(f.model_dump_json()) == f


def test_pattern_is_compiled_once() -> None:
    assert FIGURE_RE.pattern
    assert find_figures("12 jets") == find_figures("12 jets")


# ---------------------------------------------------------------------------
# Speed: linear on adversarial inputs
# ---------------------------------------------------------------------------

ADVERSARIAL = [
    pytest.param("1" * 1_000_000, id="a-megabyte-of-digits"),
    pytest.param("1," * 300_000, id="comma-digits"),
    pytest.param("1" + ",000" * 250_000, id="endless-thousands"),
    pytest.param(" ".join(str(i) for i in range(10_000)), id="10k-numbers"),
    pytest.param(", ".join(str(i) for i in range(10_000)), id="10k-numbers-commas"),
    pytest.param("at least " * 50_000, id="hedges-without-numbers"),
    pytest.param("5" + " " * 500_000 + "people", id="long-blank"),
    pytest.param("a" * 1_000_000, id="one-long-word"),
    pytest.param("1-" * 300_000, id="dashes"),
    pytest.param("twenty-" * 100_000, id="word-dashes"),
    pytest.param("between 1 and " * 20_000, id="open-betweens"),
    pytest.param("30 " + "IS " * 100_000, id="long-noun-phrase"),
    pytest.param("30 to 20 to " * 20_000, id="descending-ranges"),
]


@pytest.mark.parametrize("text", ADVERSARIAL)
def test_adversarial_inputs_are_fast(text: str) -> None:
    t0 = time.process_time()
    figures = find_figures(text)
    assert time.process_time() - t0 < 5.0
    assert all(f.span.slices(text) for f in figures)


# ---------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------

_PIECES = st.sampled_from(
    [" ", "  ", "\n", ",", ".", "-", "–", "%", "$", "£", '"', "“", "’", ":", "/", "(", ")",
     "0", "1", "12", "2,500", "1.5", "2015", "007", "at least", "more than", "between",
     "and", "to", "or", "up to", "nearly", "about", "a", "a dozen", "dozens", "hundreds",
     "of", "the", "one", "twelve", "thirty-six", "million", "bn", "m", "percent",
     "people", "civilians", "IS", "positions", "hours", "September", "Oct.", "p.m.",
     "Europe", "Su-25", "year-old", "or more", "-odd", "+", "dollars", "pounds"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIECES, max_size=40).map("".join))
def test_property_spans_slice_back_on_newsy_text(text: str) -> None:
    figures = find_figures(text)
    for f in figures:
        assert f.span.slices(text)
        assert f.counted_span is None or f.counted_span.slices(text)
        assert f.low is None or f.high is None or f.low <= f.high
    assert find_figures(text) == figures  # deterministic


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200), st.data())
def test_property_any_text_any_window(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    for f in find_figures(text, start, end):
        assert f.span.slices(text)
        assert start <= f.span.start <= f.span.end <= end
        assert f.counted_span is None or (f.counted_span.slices(text) and f.counted_span.end <= end)


# --- find_figures_within: the whole-text figures, read only near some spans -----------------


def _inside_union(figures: list[Figure], spans: list[Span]) -> list[Figure]:
    """The figures inside the union of ``spans``: what find_figures_within promises."""
    union: list[list[int]] = []
    for s in sorted(spans, key=lambda s: s.start):
        if union and s.start <= union[-1][1]:
            union[-1][1] = max(union[-1][1], s.end)
        else:
            union.append([s.start, s.end])
    return [f for f in figures if any(a <= f.span.start and f.span.end <= b for a, b in union)]


WITHIN_CASES = [
    pytest.param("Rebels said 30 civilians died.", [(12, 29)], ["30"], id="inside"),
    pytest.param("Rebels said 30 civilians died.", [(13, 29)], [], id="straddles-start"),
    pytest.param("more than 2,500 air strikes", [(10, 27)], [], id="hedge-outside"),
    pytest.param("more than 2,500 air strikes", [(0, 27)], ["more than 2,500"], id="hedge-inside"),
    pytest.param(
        "between 20 and 10 missiles", [(8, 26)], ["20", "10"], id="not-a-range-starts-inside"
    ),
    pytest.param("Two jets. Four civilians.", [(0, 3), (10, 14)], ["Two", "Four"], id="two-spans"),
    pytest.param("Two jets. Four civilians.", [(0, 9), (4, 20)], ["Two", "Four"], id="overlap"),
    pytest.param("Two jets.", [], [], id="no-spans"),
]


@pytest.mark.parametrize(("text", "spans", "expected"), WITHIN_CASES)
def test_find_figures_within(text: str, spans: list[tuple[int, int]], expected: list[str]) -> None:
    found = find_figures_within(text, [Span.of(text, a, b) for a, b in spans])
    assert [f.span.text for f in found] == expected


def test_max_match_chars_bounds_the_pattern() -> None:
    """find_figures_within relies on these bounds of FIGURE_RE: no match is longer than
    _MAX_MATCH_CHARS, and no attempt reads more than _MAX_READ_CHARS past its start
    (a match, and the lookaheads along the way: at most the sum of their widths)."""
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]

    tree = _parser.parse(FIGURE_RE.pattern, FIGURE_RE.flags)
    lookaheads = 0

    def walk(node: object) -> None:
        nonlocal lookaheads
        if isinstance(node, _parser.SubPattern):
            for op, av in node.data:
                if op in (sre.ASSERT, sre.ASSERT_NOT) and av[0] == 1:
                    lookaheads += av[1].getwidth()[1]
                walk(av)
        elif isinstance(node, (list, tuple)):
            for x in node:
                walk(x)

    walk(tree)
    assert tree.getwidth()[1] <= figures._MAX_MATCH_CHARS
    assert figures._MAX_MATCH_CHARS + lookaheads <= figures._MAX_READ_CHARS


def test_find_figures_within_equals_filtered_on_seeds(seed_texts: list[str]) -> None:
    rng = random.Random(7)
    for text in seed_texts:
        everything = find_figures(text)
        for _ in range(30):
            spans = []
            for _ in range(rng.randint(1, 8)):
                a = rng.randint(0, len(text))
                spans.append(Span.of(text, a, min(len(text), a + rng.randint(0, 400))))
            assert find_figures_within(text, spans) == _inside_union(everything, spans)


_DENSE = st.lists(_PIECES, max_size=80).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(st.one_of(_DENSE, st.lists(_PIECES, max_size=80).map("".join)), st.data())
def test_property_within_equals_filtered(text: str, data: st.DataObject) -> None:
    n = len(text)
    spans = []
    for _ in range(data.draw(st.integers(0, 5))):
        a = data.draw(st.integers(0, n))
        spans.append(Span.of(text, a, data.draw(st.integers(a, n))))
    assert find_figures_within(text, spans) == _inside_union(find_figures(text), spans)


def test_find_figures_within_long_text_far_apart() -> None:
    """Spans far apart in a long text: the scan picks up again before each one."""
    filler = "The talks went on and the envoys met again. " * 100
    text = filler + "At least 30 civilians and 2 or 3 jets. " + filler + "Between 10 and 20 died."
    spans = [Span.of(text, len(filler), len(filler) + 38), Span.of(text, len(text) - 23, len(text))]
    found = find_figures_within(text, spans)
    assert [f.span.text for f in found] == ["At least 30", "2 or 3", "Between 10 and 20"]
    assert found == _inside_union(find_figures(text), spans)
