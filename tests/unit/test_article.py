"""Unit tests for attribution.article: the shortcuts that stand for its patterns."""

from __future__ import annotations

import pytest

from attribution.article import CAPTION_CREDIT_RE, _ends_with_credit, _furniture, _is_furniture
from attribution.lexicon import Lexicon

CREDIT_CASES = [
    pytest.param("Rescuers search the rubble in Aleppo (AP Photo)", id="agency-photo"),
    pytest.param("A man walks past (Getty Images Images)", id="longest-parenthesis"),
    pytest.param("Photo credit: " + "x" * 60, id="longest-credit"),
    pytest.param("Photo credit: " + "x" * 61, id="too-long-credit"),
    pytest.param("picture: someone\n", id="final-line-break"),
    pytest.param("He said (so).", id="parenthesis-inside"),
    pytest.param("Image:\tReuters", id="tab"),
    pytest.param("Russia said it hit 12 targets.", id="plain"),
    pytest.param("(AP)", id="alone"),
    pytest.param("", id="empty"),
]


@pytest.mark.parametrize("line", CREDIT_CASES)
def test_ends_with_credit_is_the_pattern_s_search(line: str) -> None:
    assert _ends_with_credit(line) == (CAPTION_CREDIT_RE.search(line) is not None)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        pytest.param("Read more", True, id="phrase"),
        pytest.param(" ".join(["word"] * 16) + " Read more", False, id="17-words"),
        pytest.param("Russia said on Friday it had hit 12 targets in Syria.", False, id="body"),
    ],
)
def test_is_furniture(line: str, expected: bool) -> None:
    lex = Lexicon.default()
    assert _is_furniture(line, lex, _furniture(lex)) is expected
