"""Golden rules for attribution.quotes: pairing quote marks into quoted spans.

One paragraph a row: ``(id, text, [(content, level), ...])`` in text order, where
level 0 is an outer quote and 1 a quote nested in it. Multi-paragraph rows also
say which quotes run on into the next paragraph. Hard cases the pairing rules do
not solve stay in the tables as ``xfail(strict=True)``.
"""

from __future__ import annotations

from typing import Any

import pytest

from attribution.quotes import Quote, find_quotes
from attribution.segment import paragraph_spans


def case(id: str, text: str, expected: list[tuple[str, int]], xfail: str | None = None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, expected, id=id, marks=marks)


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(text, paragraph_spans(text))


def check_quote(text: str, q: Quote) -> None:
    """A quote's offsets are consistent: marks around the content, content slicing back."""
    assert q.content.slices(text)
    assert q.open < q.content.start
    assert text[q.open : q.content.start].strip() != ""
    if q.close is not None:
        # only the spaces of French typography may stand between the content and a mark
        assert q.content.end <= q.close
        assert text[q.content.end : q.close].strip(" \u00a0\u202f") == ""
        assert q.end == q.close + q.mark_len
        assert text[q.close : q.end].strip() != ""


# --------------------------------------------------------------------------------------
# Pairing within one paragraph

PAIRS = [
    case("straight", 'He said "we won" today.', [("we won", 0)]),
    case("curly", "He said “we won” today.", [("we won", 0)]),
    case("guillemets", "He said «we won» today.", [("we won", 0)]),
    case("guillemets-spaced", "« Nous gagnerons », a dit le ministre.", [("Nous gagnerons", 0)]),
    case("low-high-german", "Merkel said: „Wir schaffen das.“", [("Wir schaffen das.", 0)]),
    case("typewriter", "He said ``we won'' today.", [("we won", 0)]),
    case(
        "typewriter-close-only", "He called the plan ''unworkable'' and left.", [("unworkable", 0)]
    ),
    case("single-alone", "He said 'we won' today.", [("we won", 0)]),
    case("single-headline", "Putin's 'red line' was crossed.", [("red line", 0)]),
    case("punctuation-inside", '"It is over," he said.', [("It is over,", 0)]),
    case("question-inside", '"Why now?" she asked.', [("Why now?", 0)]),
    case("at-paragraph-end", 'He said: "It is over"', [("It is over", 0)]),
    case("several", '"Yes." "No." "Maybe."', [("Yes.", 0), ("No.", 0), ("Maybe.", 0)]),
    case(
        "interrupted",
        "“The goal,” he said, “is peace.”",
        [("The goal,", 0), ("is peace.", 0)],
    ),
    case(
        "two-scare-quotes",
        'The players\' union called the deal "unfair" and the owners\' offer "a joke".',
        [("unfair", 0), ("a joke", 0)],
    ),
    # nesting
    case(
        "single-in-double",
        "\"They called it 'a historic day,' but nothing changed,\" he said.",
        [("They called it 'a historic day,' but nothing changed,", 0), ("a historic day,", 1)],
    ),
    case(
        "curly-single-in-curly-double",
        "“I told him, ‘You are fired,’” she said.",
        [("I told him, ‘You are fired,’", 0), ("You are fired,", 1)],
    ),
    case(
        "two-nested",
        "He said: \"The 'so-called' experts were wrong about the 'safe' zone.\"",
        [
            ("The 'so-called' experts were wrong about the 'safe' zone.", 0),
            ("so-called", 1),
            ("safe", 1),
        ],
    ),
    case(
        "straight-double-in-curly",
        '“He said "no" twice,” she recalled.',
        [('He said "no" twice,', 0), ("no", 1)],
    ),
    case(
        "nested-quote-in-quote-in-quote",
        "He quoted Lincoln: \"Government of the people, 'by the people,' for the people.\"",
        [("Government of the people, 'by the people,' for the people.", 0), ("by the people,", 1)],
    ),
    # apostrophes that are not quotes
    case(
        "possessive",
        "\"Russia's jets don't fly at night,\" he said.",
        [("Russia's jets don't fly at night,", 0)],
    ),
    case(
        "decade", "\"It's not the '90s any more,\" he said.", [("It's not the '90s any more,", 0)]
    ),
    case("decade-outside", 'Mid-\'90s growth was strong, "experts" said.', [("experts", 0)]),
    case("curly-decade", "He said the ‘90s were hard.", []),
    case(
        "curly-possessives",
        "The rebels’ commander said the fighters’ depot and the towns’ center were hit.",
        [],
    ),
    case("plural-possessives", "The girls' team and the boys' team both won.", []),
    case(
        "plural-possessive-then-quote",
        "The rebels' commander said the 'safe zone' was hit.",
        [("safe zone", 0)],
    ),
    case(
        "possessive-after-quote",
        "The ministers' 'agreement' fell apart in the Commons' chamber.",
        [("agreement", 0)],
    ),
    case(
        "plural-possessive-inside-double",
        '"We hit the terrorists\' bases near the city," the general said.',
        [("We hit the terrorists' bases near the city,", 0)],
    ),
    case("rock-n-roll", "Rock 'n' roll is \"back,\" he said.", [("back,", 0)]),
    case("aphaeresis", "'Tis the season, he said.", []),
    # misused glyphs: the context decides
    case("closing-glyph-opens", "He said ”we won” today.", [("we won", 0)]),
    case("opening-glyph-closes", "He said “we won“ today.", [("we won", 0)]),
    case(
        "curly-singles-misused",
        "He called them ‘traitors’ and ’cowards’.",
        [("traitors", 0), ("cowards", 0)],
    ),
    # unbalanced marks stay in their paragraph
    case("unclosed", 'He said "we won.', [("we won.", 0)]),
    case("stray-closing", "He left.” Then the vote began.", []),
    # hard cases
    case(
        "plural-possessive-inside-single",
        "He said 'the players' wages are too high' and left.",
        [("the players' wages are too high", 0)],
        xfail="a plural possessive inside a short single-quoted stretch closes it",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PAIRS)
def test_pairs(text: str, expected: list[tuple[str, int]]) -> None:
    found = quotes_of(text)
    assert [(q.content.text, q.level) for q in found] == expected
    for q in found:
        check_quote(text, q)


def test_closed_quote_offsets() -> None:
    text = 'He said "we won" today.'
    (q,) = quotes_of(text)
    assert (q.open, q.close, q.end) == (8, 15, 16)
    assert not q.continues
    assert not q.continuation


def test_typewriter_marks_are_two_characters() -> None:
    text = "He said ``we won'' today."
    (q,) = quotes_of(text)
    assert q.mark_len == 2
    assert text[q.open : q.content.start] == "``"
    assert text[q.close : q.end] == "''"


# --------------------------------------------------------------------------------------
# Over paragraphs: news style opens each paragraph and closes only at the end

# (content, continues, continuation, closed)
MULTI = [
    pytest.param(
        "“We will rebuild every house.\n“No family will be left behind.”",
        [
            ("We will rebuild every house.", True, False, False),
            ("No family will be left behind.", False, True, True),
        ],
        id="two-paragraphs",
    ),
    pytest.param(
        '"The first.\n"The second.\n"The third."',
        [
            ("The first.", True, False, False),
            ("The second.", True, True, False),
            ("The third.", False, True, True),
        ],
        id="three-paragraphs",
    ),
    pytest.param(
        "“It is over,” he said. “We have lost.\n“We will be back next year.”",
        [
            ("It is over,", False, False, True),
            ("We have lost.", True, False, False),
            ("We will be back next year.", False, True, True),
        ],
        id="after-an-interrupted-quote",
    ),
    pytest.param(
        'The governor said: "We will rebuild.\n\n"Nobody will be left behind."',
        [
            ("We will rebuild.", True, False, False),
            ("Nobody will be left behind.", False, True, True),
        ],
        id="blank-line-between",
    ),
    pytest.param(
        "“We will rebuild.\nThe talks resume on Monday.",
        [("We will rebuild.", False, False, False)],
        id="unclosed-then-plain-paragraph",
    ),
    pytest.param(
        '"We will fight on, the commander said.\nTalks resume on Monday, "officials" said.',
        [
            ("We will fight on, the commander said.", False, False, False),
            ("officials", False, False, True),
        ],
        id="unclosed-then-paragraph-with-quote-inside",
    ),
    pytest.param(
        '"We will fight on," he said, "until the end.\nThe talks resume on Monday.\n"Nobody wants this," the envoy said.',
        [
            ("We will fight on,", False, False, True),
            ("until the end.", False, False, False),
            ("Nobody wants this,", False, False, True),
        ],
        id="unclosed-piece-then-new-quote-later",
    ),
]


@pytest.mark.parametrize(("text", "expected"), MULTI)
def test_multi_paragraph(text: str, expected: list[tuple[str, bool, bool, bool]]) -> None:
    found = quotes_of(text)
    assert [
        (q.content.text, q.continues, q.continuation, q.close is not None) for q in found
    ] == expected
    for q in found:
        check_quote(text, q)


UNBALANCED = [
    pytest.param('He said "we won.\nThe talks resume on Monday. They said so.', id="straight"),
    pytest.param("He said “we won.\nThe talks resume on Monday. They said so.", id="curly"),
    pytest.param("He said «we won.\nThe talks resume on Monday. They said so.", id="guillemet"),
    pytest.param("He said 'we won.\nThe talks resume on Monday. They said so.", id="single"),
    pytest.param('"A.\n"B.\nThe talks resume on Monday. They said so.', id="continued-then-plain"),
    pytest.param('He said "we won.\nThe talks "resume" on Monday.', id="quote-inside-next"),
]


@pytest.mark.parametrize("text", UNBALANCED)
def test_unbalanced_marks_never_swallow_a_plain_paragraph(text: str) -> None:
    """No quote reaches into a paragraph that does not open with a mark."""
    paragraphs = paragraph_spans(text)
    for q in quotes_of(text):
        home = next(p for p in paragraphs if p.start <= q.open < p.end)
        assert home.contains(q.content)
        if q.continues:
            nxt = paragraphs[paragraphs.index(home) + 1]
            assert text[nxt.start] in "\"“«'‘„"
    last = paragraphs[-1]
    assert not any(q.content.overlaps(last) and q.open < last.start for q in quotes_of(text))


def test_no_marks_no_quotes() -> None:
    assert quotes_of("The vote passed.\nRussia's jets don't fly at night.") == []
    assert find_quotes("", []) == []
