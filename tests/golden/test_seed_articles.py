"""parse_article on the five seed articles against the hand-made ``seeds_articles.json``.

One parametrized test per concern, each over the five seeds: the structure fields
(title, standfirst, byline, dateline, date line, agency, published, boilerplate,
paragraph count) equal the gold, their offsets equal the gold offsets, and every
span the article holds slices back out of the unchanged text.
"""

from __future__ import annotations

import itertools
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from attribution import Article, Span, parse_article

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "seeds"
GOLD = HERE / "seeds_articles.json"

SEED_PATHS = sorted(SEEDS.glob("*.txt"))
STEMS = [p.stem for p in SEED_PATHS]


def test_the_five_seeds_are_found() -> None:
    # A moved seeds/ folder must not turn the parametrized tests into zero tests.
    assert len(SEED_PATHS) == 5
    assert sorted(_gold()) == STEMS


@cache
def _gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD.read_text(encoding="utf-8"))
    return data


@cache
def _text(stem: str) -> str:
    return (SEEDS / f"{stem}.txt").read_bytes().decode("utf-8")


@cache
def _article(stem: str) -> Article:
    return parse_article(_text(stem), id=stem)


def _text_of(span: Span | None) -> str | None:
    return None if span is None else span.text


def _offsets(span: Span | None) -> list[int] | None:
    return None if span is None else [span.start, span.end]


@pytest.mark.parametrize("stem", STEMS)
def test_structure_matches_gold(stem: str) -> None:
    a, gold = _article(stem), _gold()[stem]
    got = {
        "title": _text_of(a.title),
        "standfirst": _text_of(a.standfirst),
        "byline": [b.text for b in a.byline],
        "dateline": _text_of(a.dateline),
        "date_line": _text_of(a.date_line),
        "agency": a.agency,
        "published": a.published.isoformat() if a.published else None,
        "boilerplate": [b.text for b in a.boilerplate],
        "paragraph_count": len(a.paragraphs),
    }
    assert got == {key: gold[key] for key in got}


@pytest.mark.parametrize("stem", STEMS)
def test_structure_offsets_match_gold(stem: str) -> None:
    a, spans = _article(stem), _gold()[stem]["spans"]
    got = {
        "title": _offsets(a.title),
        "standfirst": _offsets(a.standfirst),
        "byline": [_offsets(b) for b in a.byline],
        "dateline": _offsets(a.dateline),
        "date_line": _offsets(a.date_line),
        "boilerplate": [_offsets(b) for b in a.boilerplate],
    }
    assert got == {key: spans[key] for key in got}


@pytest.mark.parametrize("stem", STEMS)
def test_paragraph_offsets_match_gold(stem: str) -> None:
    a, gold = _article(stem), _gold()[stem]
    assert [_offsets(p) for p in a.paragraphs] == gold["spans"]["paragraphs"]
    assert [p.text for p in a.paragraphs] == gold["paragraphs"]


@pytest.mark.parametrize("stem", STEMS)
def test_every_span_slices_back(stem: str) -> None:
    text, a = _text(stem), _article(stem)
    assert a.text == text  # the caller's text, unchanged
    spans = a.spans()
    assert spans, "a seed article has at least its paragraphs"
    for span in spans:
        assert text[span.start : span.end] == span.text, span


@pytest.mark.parametrize("stem", STEMS)
def test_parts_do_not_overlap_and_cover_every_line(stem: str) -> None:
    """Each non-empty line belongs to exactly one part (the gold's own rule); a dateline
    lies inside the paragraph it opens."""
    text, a = _text(stem), _article(stem)
    parts = [s for s in (a.title, a.standfirst, a.date_line) if s is not None] + [
        *a.byline,
        *a.paragraphs,
        *a.boilerplate,
    ]
    if a.dateline is not None:
        assert any(p.contains(a.dateline) for p in a.paragraphs) or a.dateline not in parts
    parts.sort(key=lambda s: s.start)
    for left, right in itertools.pairwise(parts):
        assert left.end <= right.start, (left, right)
    covered = [False] * len(text)
    for s in parts:
        covered[s.start : s.end] = [True] * (s.end - s.start)
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            assert any(covered[offset : offset + len(line)]), f"line not classified: {line!r}"
        offset += len(line) + 1
