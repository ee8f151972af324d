"""Golden rules for attribution.segment: paragraphs and sentences as lossless offset spans.

Tables of ``(id, text, expected pieces)``, pySBD style; hard cases that the
segmenter does not solve stay in the tables as ``xfail(strict=True)``.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import pytest
import regex

from attribution.models import Span
from attribution.segment import (
    FORMAT_CHARS,
    MARK_CHARS,
    is_wrapped,
    paragraph_spans,
    sentence_spans,
    strip_span,
)


def case(id: str, text: str, expected: list[str], xfail: str | None = None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(text, expected, id=id, marks=marks)


def blank(s: str) -> bool:
    """Only white space (Unicode spaces, zero-width characters, BOM) in ``s``."""
    return strip_span(s, 0, len(s)) == (len(s), len(s))


def assert_lossless(text: str, spans: list[Span], start: int = 0, end: int | None = None) -> None:
    """Every span slices back, spans are in order and disjoint, have no edge white space,
    and together cover every non-space character of ``text[start:end]``."""
    stop = len(text) if end is None else end
    pos = start
    for span in spans:
        assert span.slices(text)
        assert pos <= span.start < span.end <= stop
        assert strip_span(text, span.start, span.end) == (span.start, span.end)
        assert blank(text[pos : span.start])  # nothing but white space between spans
        pos = span.end
    assert blank(text[pos:stop])


# --------------------------------------------------------------------------------------
# Paragraphs

WRAPPED = (
    "Russian jets struck targets in the\n"
    "province of Idlib on Friday, the\n"
    "defence ministry said in Moscow.\n"
    "\n"
    "Activists said the strikes had hit\n"
    "at least three villages near the\n"
    "city of Jisr al-Shughour."
)

PARAGRAPHS = [
    case(
        "blank-line",
        "The vote passed.\n\nThe bill goes to the Senate.",
        ["The vote passed.", "The bill goes to the Senate."],
    ),
    case(
        "single-newline",
        "The vote passed.\nThe bill goes to the Senate.",
        ["The vote passed.", "The bill goes to the Senate."],
    ),
    case(
        "crlf",
        "Title\r\n\r\nThe vote passed.\r\nIt was close.",
        ["Title", "The vote passed.", "It was close."],
    ),
    case("bare-cr", "The vote passed.\rIt was close.", ["The vote passed.", "It was close."]),
    case("several-blank-lines", "One.\n\n\n\nTwo.", ["One.", "Two."]),
    case("blank-line-with-spaces", "One.\n \t \nTwo.", ["One.", "Two."]),
    case("edge-spaces", "   One.  \n\n   Two.   ", ["One.", "Two."]),
    case("nbsp-and-zero-width", "\u00a0One.\u200b\n\ufeffTwo.\u00a0", ["One.", "Two."]),
    case("unicode-paragraph-separator", "One.\u2029Two.", ["One.", "Two."]),
    case("line-separator", "One.\u2028Two.", ["One.", "Two."]),
    case(
        "hard-wrapped",
        WRAPPED,
        [
            "Russian jets struck targets in the\nprovince of Idlib on Friday, the\ndefence ministry said in Moscow.",
            "Activists said the strikes had hit\nat least three villages near the\ncity of Jisr al-Shughour.",
        ],
    ),
    case(
        "hard-wrapped-crlf",
        WRAPPED.replace("\n", "\r\n"),
        [
            "Russian jets struck targets in the\r\nprovince of Idlib on Friday, the\r\ndefence ministry said in Moscow.",
            "Activists said the strikes had hit\r\nat least three villages near the\r\ncity of Jisr al-Shughour.",
        ],
    ),
    case(
        "short-lines-are-not-wrapped",
        "Sport\n\nUnited won.\nCity lost.\n\nRovers drew.\nTown won.",
        ["Sport", "United won.", "City lost.", "Rovers drew.", "Town won."],
    ),
    case("empty", "", []),
    case("only-white-space", " \n\r\n\t\n", []),
]


@pytest.mark.parametrize(("text", "expected"), PARAGRAPHS)
def test_paragraphs(text: str, expected: list[str]) -> None:
    spans = paragraph_spans(text)
    assert [p.text for p in spans] == expected
    assert_lossless(text, spans)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(WRAPPED, True, id="wrapped"),
        pytest.param(
            WRAPPED.replace("\n", "\r\n"),
            True,
            id="wrapped-crlf",
        ),
        pytest.param("One.\nTwo.\n\nThree.", False, id="short-lines"),
        pytest.param("The vote passed.\nThe bill goes on.", False, id="no-blank-line"),
        pytest.param("", False, id="empty"),
    ],
)
def test_is_wrapped(text: str, expected: bool) -> None:
    assert is_wrapped(text) is expected


def test_paragraphs_of_a_stretch() -> None:
    text = "Skip me.\nThe vote passed.\nIt was close.\nSkip me too."
    start, end = text.index("The"), text.index("Skip me too")
    spans = paragraph_spans(text, start, end)
    assert [p.text for p in spans] == ["The vote passed.", "It was close."]
    assert_lossless(text, spans, start, end)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("  ab \u200b", (2, 4), id="spaces-and-zero-width"),
        pytest.param("\ufeff\u00a0ab\u202f", (2, 4), id="bom-nbsp"),
        pytest.param("   ", (3, 3), id="all-space"),
        pytest.param("ab", (0, 2), id="nothing-to-strip"),
        pytest.param("\u2066ab\u2069\u00ad", (1, 3), id="isolates-and-soft-hyphen"),
        pytest.param("\u061cab\u2060", (1, 3), id="arabic-letter-mark-word-joiner"),
    ],
)
def test_strip_span(text: str, expected: tuple[int, int]) -> None:
    assert strip_span(text, 0, len(text)) == expected


@pytest.mark.parametrize(
    ("char", "in_format", "in_mark"),
    [
        pytest.param("\u00ad", True, False, id="soft-hyphen"),
        pytest.param("\u200b", True, False, id="zwsp"),
        pytest.param("\u200e", True, False, id="lrm"),
        pytest.param("\u2066", True, False, id="isolate"),
        pytest.param("\ufeff", True, False, id="bom"),
        pytest.param("\U000e0041", True, False, id="tag-letter"),
        pytest.param("\u0301", False, True, id="combining-acute"),
        pytest.param("\u0903", False, True, id="devanagari-visarga-mc"),
        pytest.param("\u20dd", False, True, id="enclosing-circle-me"),
        pytest.param("\U000e0100", False, False, id="variation-selector-17-astral"),
        pytest.param(" ", False, False, id="space"),
        pytest.param("e", False, False, id="letter"),
        pytest.param("\u00e9", False, False, id="precomposed"),
    ],
)
def test_format_and_mark_classes(char: str, in_format: bool, in_mark: bool) -> None:
    assert bool(re.fullmatch(f"[{FORMAT_CHARS}]", char)) is in_format
    assert bool(re.fullmatch(f"[{MARK_CHARS}]", char)) is in_mark
    assert bool(regex.fullmatch(f"[{MARK_CHARS}]", char)) is in_mark


def test_format_and_mark_classes_match_unicodedata() -> None:
    for cp in range(0x3000):
        category = unicodedata.category(chr(cp))
        assert bool(re.fullmatch(f"[{FORMAT_CHARS}]", chr(cp))) is (category == "Cf")
        assert bool(re.fullmatch(f"[{MARK_CHARS}]", chr(cp))) is (category in ("Mn", "Mc", "Me"))
    assert "\\U" not in MARK_CHARS  # BMP only: a class with astral ranges is slow in re


# --------------------------------------------------------------------------------------
# Sentences

SENTENCES = [
    case("simple", "The vote passed. The bill goes on.", ["The vote passed.", "The bill goes on."]),
    case(
        "question-and-exclamation",
        "Is it over? Nobody knows! We wait.",
        ["Is it over?", "Nobody knows!", "We wait."],
    ),
    case("honorific-no-period", "Mr Lavrov spoke. He left.", ["Mr Lavrov spoke.", "He left."]),
    case("honorific-period", "Mr. Smith arrived. He left.", ["Mr. Smith arrived.", "He left."]),
    case(
        "doctor",
        "Dr. Amara Osei said it works. She smiled.",
        ["Dr. Amara Osei said it works.", "She smiled."],
    ),
    case(
        "ranks",
        "Col. Gen. Andrei Kartapolov spoke. Lt. Col. Ahmed Saoud did not.",
        ["Col. Gen. Andrei Kartapolov spoke.", "Lt. Col. Ahmed Saoud did not."],
    ),
    case(
        "gov-and-sen",
        "Gov. Jerry Brown signed it. Sen. Dianne Feinstein did not.",
        ["Gov. Jerry Brown signed it.", "Sen. Dianne Feinstein did not."],
    ),
    case(
        "us-before-name",
        "The U.S. Navy sent ships. They arrived.",
        ["The U.S. Navy sent ships.", "They arrived."],
    ),
    case(
        "un-before-title",
        "He works for the U.N. Secretary-General. She agreed.",
        ["He works for the U.N. Secretary-General.", "She agreed."],
    ),
    case(
        "month-abbreviation", "It began on Oct. 4. It ended.", ["It began on Oct. 4.", "It ended."]
    ),
    case(
        "month-abbreviation-before-year",
        "The talks opened on Sept. 12, 2023 in Geneva. They failed.",
        ["The talks opened on Sept. 12, 2023 in Geneva.", "They failed."],
    ),
    case("initial", "George W. Bush spoke. He left.", ["George W. Bush spoke.", "He left."]),
    case(
        "number-abbreviation",
        "No. 10 said nothing. Reporters waited.",
        ["No. 10 said nothing.", "Reporters waited."],
    ),
    case(
        "company-suffix",
        "The firm, Acme Inc., grew. It hired.",
        ["The firm, Acme Inc., grew.", "It hired."],
    ),
    case(
        "abbreviation-in-brackets",
        "The vote (held in Jan.) was close. It passed.",
        ["The vote (held in Jan.) was close.", "It passed."],
    ),
    case("saint", "He spoke at St. Paul's. Then left.", ["He spoke at St. Paul's.", "Then left."]),
    case(
        "time-mid-sentence",
        "It ended at 5 p.m. on Friday. Talks resume today.",
        ["It ended at 5 p.m. on Friday.", "Talks resume today."],
    ),
    case("decimal", "It grew 2.5 percent. Then fell.", ["It grew 2.5 percent.", "Then fell."]),
    case("decimal-percent", "Shares rose 3.2%. Bonds fell.", ["Shares rose 3.2%.", "Bonds fell."]),
    case(
        "money",
        "It cost $1.2 billion. Investors balked.",
        ["It cost $1.2 billion.", "Investors balked."],
    ),
    case(
        "decimal-unit",
        "Temperatures hit 40.5C on Friday. Crops failed.",
        ["Temperatures hit 40.5C on Friday.", "Crops failed."],
    ),
    case(
        "ellipsis",
        "It was built in the 1990s... Then it fell.",
        ["It was built in the 1990s...", "Then it fell."],
    ),
    case(
        "unicode-ellipsis",
        "Nobody came\u2026 Then it rained.",
        ["Nobody came\u2026", "Then it rained."],
    ),
    case(
        "lower-case-after-period",
        "The score was 3-1. fans left early.",
        ["The score was 3-1. fans left early."],
    ),
    case(
        "quote-comma-inside",
        '"It is over," he said. "We have lost."',
        ['"It is over," he said.', '"We have lost."'],
    ),
    case(
        "quote-period-inside",
        '"We are ready." The minister left.',
        ['"We are ready."', "The minister left."],
    ),
    case(
        "curly-period-inside",
        "“We are ready.” The minister left.",
        ["“We are ready.”", "The minister left."],
    ),
    case("question-inside", '"Why?" he asked. "Because."', ['"Why?" he asked.', '"Because."']),
    case("guillemets", "«Nous gagnerons.» Il est parti.", ["«Nous gagnerons.»", "Il est parti."]),
    case(
        "colon-lead-in",
        'He said: "It is over." She agreed.',
        ['He said: "It is over."', "She agreed."],
    ),
    case(
        "bracket-close",
        "The ban ends (for now.) Shops reopen.",
        ["The ban ends (for now.)", "Shops reopen."],
    ),
    case(
        "digit-starts-sentence",
        "The fire spread. 12 homes burned.",
        ["The fire spread.", "12 homes burned."],
    ),
    case(
        "no-final-punctuation",
        "The vote passed. It was close",
        ["The vote passed.", "It was close"],
    ),
    case(
        "abbreviation-ends-sentence",
        "Troops left the U.S. On Monday they returned.",
        ["Troops left the U.S.", "On Monday they returned."],
        xfail="an abbreviation that ends a sentence before a capital is never a break",
    ),
    case(
        "time-ends-sentence",
        "The polls closed at 8 p.m. Counting began at once.",
        ["The polls closed at 8 p.m.", "Counting began at once."],
        xfail="an abbreviation that ends a sentence before a capital is never a break",
    ),
    case(
        "double-initials",
        "J.K. Rowling spoke. Fans cheered.",
        ["J.K. Rowling spoke.", "Fans cheered."],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SENTENCES)
def test_sentences(text: str, expected: list[str]) -> None:
    spans = sentence_spans(text)
    assert [s.text for s in spans] == expected
    assert_lossless(text, spans)


def test_sentences_of_one_paragraph_keep_article_offsets() -> None:
    text = 'Title\n\nMr. Smith arrived. He said: "It is over." He left.\n\nEnd.'
    para = paragraph_spans(text)[1]
    spans = sentence_spans(text, para.start, para.end)
    assert [s.text for s in spans] == ["Mr. Smith arrived.", 'He said: "It is over."', "He left."]
    assert spans[0].start == para.start
    assert spans[-1].end == para.end
    assert_lossless(text, spans, para.start, para.end)


LOSSLESS = [
    pytest.param(WRAPPED, id="wrapped"),
    pytest.param("Mr. Smith\u00a0arrived.\u200b  He left.\r\n\r\n“Yes.”  “No.”", id="odd-spaces"),
    pytest.param("a. b. c. D. E! f? G\u2026 H", id="many-marks"),
    pytest.param(".  . !\n?", id="marks-only"),
    pytest.param("U.S. U.K. U.N. Jan. Feb. Oct. 4. Done.", id="abbreviations"),
]


@pytest.mark.parametrize("text", LOSSLESS)
def test_lossless(text: str) -> None:
    """Paragraphs cover the text; the sentences of each paragraph cover the paragraph."""
    original = str(text)
    paragraphs = paragraph_spans(text)
    assert_lossless(text, paragraphs)
    for para in paragraphs:
        sentences = sentence_spans(text, para.start, para.end)
        assert_lossless(text, sentences, para.start, para.end)
        joined = "".join(s.text for s in sentences)
        assert [c for c in joined if not blank(c)] == [c for c in para.text if not blank(c)]
    assert text == original  # the input is never changed


# The faster readers stand for the patterns they replace: the same matches, at the same
# offsets, whatever the bounds (negative ones count from the end, as in the regex module).
SENTENCE_END_CASES = [
    pytest.param('He left. "Why?!" Then... No\u2026 x', id="marks-and-closers"),
    pytest.param("a.b. c.. d!?) e.\u201d\u00bb f", id="runs"),
    pytest.param("End.\x1c Next.\x1f Go.\u00a0Then.\u3000Now.\u2028Done.", id="odd-spaces"),
    pytest.param(". . .\n.\t.", id="marks-only"),
    pytest.param("No end here", id="none"),
]


@pytest.mark.parametrize("text", SENTENCE_END_CASES)
def test_sentence_ends_are_the_pattern_s_matches(text: str) -> None:
    from attribution.segment import SENTENCE_END_RE, _sentence_ends

    n = len(text)
    for start in range(-3, n + 2):
        for stop in (n, n - 1, n // 2, -1, n + 3):
            expected = [(m.span(), m.group()) for m in SENTENCE_END_RE.finditer(text, start, stop)]
            got = [(m.span(), m.group()) for m in _sentence_ends(text, start, stop)]
            assert got == expected, (start, stop)


def test_regex_white_space_class() -> None:
    """[^\\S\\x1c-\\x1f] (the standard library's re) is the regex module's \\s."""
    ours, theirs = re.compile(r"[^\S\x1c-\x1f]"), regex.compile(r"\s")
    for cp in range(0x10000):
        c = chr(cp)
        assert bool(ours.match(c)) == bool(theirs.match(c)), hex(cp)


def test_lines_read_bounds_as_the_regex_module_does() -> None:
    from attribution.segment import _lines

    text = "One.\n two \r\n\u2028three\x1cfour\n\n"
    old = regex.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
    n = len(text)
    for start in range(-n - 2, n + 2):
        for end in range(-n - 2, n + 2):
            expected = []
            for m in old.finditer(text, start, end):
                s, e = strip_span(text, m.start(), m.end())
                if s < e:
                    expected.append((s, e))
            assert _lines(text, start, end) == expected, (start, end)
