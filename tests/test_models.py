"""The models of design.md: frozen, strict, span invariants, JSON and pickle round trips.

Round trips use real output: the five seed articles, their claims, speakers and figures.
"""

from __future__ import annotations

import pickle
import typing
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel, ValidationError

from attribution import (
    Article,
    Claim,
    Figure,
    Span,
    SpanError,
    Speaker,
    extract_claims,
    extract_figures,
    parse_article,
    speakers,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED_PATHS = sorted(SEEDS.glob("*.txt"))

TEXT = 'Lavrov said it was "terrorism".'


def _span() -> Span:
    return Span.of(TEXT, 0, 6)


def _speaker() -> Speaker:
    return Speaker(id="sergei-lavrov", name="Sergei Lavrov", kind="person")


def _figure() -> Figure:
    text = "at least 30 civilians"
    return Figure(span=Span.of(text, 0, 11), value=30, low=30, qualifier="at_least")


def _claim() -> Claim:
    return Claim(content=Span.of(TEXT, 12, 30), kind="mixed", speaker_mention=_span())


def _article() -> Article:
    return Article(id="a", text=TEXT, paragraphs=(Span.of(TEXT, 0, len(TEXT)),))


FACTORIES = {
    "Span": _span,
    "Speaker": _speaker,
    "Figure": _figure,
    "Claim": _claim,
    "Article": _article,
}


# ------------------------------------------------------------------ frozen, strict


@pytest.mark.parametrize("make", FACTORIES.values(), ids=FACTORIES.keys())
def test_models_are_frozen(make: Any) -> None:
    model = make()
    field = next(iter(type(model).model_fields))
    with pytest.raises(ValidationError, match="frozen"):
        setattr(model, field, getattr(model, field))


@pytest.mark.parametrize("make", FACTORIES.values(), ids=FACTORIES.keys())
def test_models_forbid_extra_fields(make: Any) -> None:
    model = make()
    data = model.model_dump()
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        type(model).model_validate({**data, "spokesman": "x"})


@pytest.mark.parametrize("make", FACTORIES.values(), ids=FACTORIES.keys())
def test_models_are_hashable_and_compare_by_value(make: Any) -> None:
    a, b = make(), make()
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1


# ---------------------------------------------------------------------------- Span


def test_span_of_slices_its_text() -> None:
    s = Span.of(TEXT, 7, 11)
    assert (s.start, s.end, s.text, len(s)) == (7, 11, "said", 4)
    assert s.slices(TEXT)
    assert not s.slices("Lavrov told it")


@pytest.mark.parametrize(
    ("start", "end", "text", "message"),
    [
        pytest.param(4, 2, "", "before its start", id="end-before-start"),
        pytest.param(0, 4, "abc", "3 characters but covers 4", id="text-too-short"),
        pytest.param(0, 2, "abc", "3 characters but covers 2", id="text-too-long"),
        pytest.param(-1, 2, "abc", "greater than or equal to 0", id="negative-start"),
    ],
)
def test_span_rejects_broken_offsets(start: int, end: int, text: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        Span(start=start, end=end, text=text)


def test_empty_span_is_allowed() -> None:
    assert Span(start=3, end=3, text="").text == ""


@pytest.mark.parametrize(("start", "end"), [(2, 9), (3, 2), (-1, 1)])
def test_span_of_rejects_offsets_outside_the_text(start: int, end: int) -> None:
    with pytest.raises(SpanError, match="outside a text of 3 characters"):
        Span.of("abc", start, end)


def test_span_error_is_a_value_error() -> None:
    assert issubclass(SpanError, ValueError)


def test_span_overlaps_and_contains() -> None:
    text = "abcdef"
    assert Span.of(text, 0, 3).overlaps(Span.of(text, 2, 4))
    assert not Span.of(text, 0, 3).overlaps(Span.of(text, 3, 4))  # half-open
    assert Span.of(text, 0, 4).contains(Span.of(text, 1, 3))
    assert not Span.of(text, 1, 3).contains(Span.of(text, 0, 4))


# ------------------------------------------------------------------------- Article


@pytest.mark.parametrize(
    "field",
    ["title", "standfirst", "dateline", "date_line", "byline", "paragraphs", "boilerplate"],
)
def test_article_rejects_a_span_that_does_not_slice(field: str) -> None:
    wrong = Span(start=0, end=6, text="Putin ")  # the text says "Lavrov"
    value: Any = (wrong,) if field in ("byline", "paragraphs", "boilerplate") else wrong
    with pytest.raises(ValidationError, match="does not slice the text"):
        Article(id="a", text=TEXT, **{field: value})


def test_article_rejects_a_span_past_the_end() -> None:
    with pytest.raises(ValidationError, match="does not slice the text"):
        Article(id="a", text="abc", paragraphs=(Span(start=2, end=5, text="cde"),))


def test_article_fields_are_those_of_design() -> None:
    design = {
        "id",
        "text",
        "title",
        "byline",
        "dateline",
        "agency",
        "published",
        "paragraphs",
        "boilerplate",
        "source",
    }
    assert design <= set(Article.model_fields)


# --------------------------------------------------------------- Claim and others


def test_claim_fields_are_those_of_design() -> None:
    assert list(Claim.model_fields) == [
        "content",
        "kind",
        "speaker",
        "speaker_mention",
        "cue",
        "cue_lemma",
        "stance",
        "channel",
        "via",
        "when",
        "said_on",
        "figures",
        "parts",
        "negated",
        "confidence",
    ]


def test_claim_field_types() -> None:
    hints = typing.get_type_hints(Claim)
    assert set(typing.get_args(hints["kind"])) == {"direct", "indirect", "mixed"}
    assert set(typing.get_args(hints["stance"])) == {
        "neutral",
        "distancing",
        "denial",
        "endorsing",
        "other",
    }
    assert hints["said_on"] == date | None
    assert hints["speaker"] == Speaker | None
    for name in ("speaker_mention", "cue", "channel", "via", "when"):
        assert hints[name] == Span | None, name
    assert hints["negated"] is bool
    assert hints["confidence"] is float


def test_claim_defaults() -> None:
    c = Claim(content=Span.of(TEXT, 12, 30), kind="indirect")
    assert c.speaker is None
    assert c.speaker_mention is None
    assert c.stance == "neutral"
    assert c.negated is False
    assert c.figures == ()
    assert c.parts == ()
    assert c.confidence == 1.0


@pytest.mark.parametrize(
    "bad",
    [
        pytest.param({"kind": "quoted"}, id="kind"),
        pytest.param({"stance": "hostile"}, id="stance"),
        pytest.param({"confidence": 1.5}, id="confidence-above-1"),
        pytest.param({"confidence": -0.1}, id="confidence-below-0"),
    ],
)
def test_claim_rejects_values_outside_its_sets(bad: dict[str, Any]) -> None:
    with pytest.raises(ValidationError):
        Claim(**{"content": Span.of(TEXT, 12, 30), "kind": "indirect", **bad})


def test_speaker_fields_and_kinds() -> None:
    assert list(Speaker.model_fields) == ["id", "name", "kind", "titles", "affiliation", "aliases"]
    kinds = set(typing.get_args(typing.get_type_hints(Speaker)["kind"]))
    assert kinds == {
        "person",
        "organization",
        "government",
        "group",
        "media",
        "document",
        "anonymous",
        "unknown",
    }
    with pytest.raises(ValidationError):
        Speaker(id="x", name="X", kind="robot")


def test_figure_fields_and_qualifiers() -> None:
    assert {"span", "value", "low", "high", "qualifier", "counted"} <= set(Figure.model_fields)
    qualifiers = set(typing.get_args(typing.get_type_hints(Figure)["qualifier"]))
    assert qualifiers == {
        "exact",
        "at_least",
        "more_than",
        "at_most",
        "less_than",
        "up_to",
        "about",
        "range",
    }


def test_json_schema_carries_the_descriptions() -> None:
    schema = Claim.model_json_schema()
    assert "pronoun" in schema["properties"]["speaker_mention"]["description"]
    assert schema["additionalProperties"] is False


# ------------------------------------------------------- round trips on real output


@cache
def _seed(path: Path) -> tuple[Article, tuple[Claim, ...]]:
    article = parse_article(path.read_bytes().decode("utf-8"), id=path.stem)
    return article, tuple(extract_claims(article))


def _real_models() -> list[BaseModel]:
    out: list[BaseModel] = []
    for path in SEED_PATHS:
        article, claims = _seed(path)
        out.append(article)
        out.extend(claims)
        out.extend(speakers(list(claims)))
        out.extend(extract_figures(article))
    return out


def test_real_output_covers_every_model_and_the_optional_fields() -> None:
    models = _real_models()
    assert {type(m) for m in models} == {Article, Claim, Speaker, Figure}
    claims = [m for m in models if isinstance(m, Claim)]
    # Round trips below must see the optional fields filled in, not only their defaults.
    assert any(c.said_on is not None for c in claims)
    assert any(c.figures for c in claims)
    assert any(c.parts for c in claims)
    assert any(c.negated for c in claims)
    assert any(c.channel is not None and c.via is None for c in claims)
    assert any(c.via is not None for c in claims)
    assert any(c.speaker is not None and c.speaker.aliases for c in claims)
    articles = [m for m in models if isinstance(m, Article)]
    assert any(a.published is not None and a.byline == () for a in articles)
    assert any(a.byline and a.dateline and a.agency for a in articles)


def test_json_round_trip_of_real_output() -> None:
    for model in _real_models():
        cls = type(model)
        assert cls.model_validate_json(model.model_dump_json()) == model
        assert cls.model_validate(model.model_dump(mode="json")) == model


def test_pickle_round_trip_of_real_output() -> None:
    for model in _real_models():
        again = pickle.loads(pickle.dumps(model))
        assert again == model
        assert hash(again) == hash(model)


def test_a_known_claim_survives_the_round_trip() -> None:
    # Seed 000: '"I think it's the intensity ..." he told Europe 1 radio.' (Alexei Pushkov).
    _, claims = _seed(SEEDS / "000_8f977b1473fdf125.txt")
    told = next(c for c in claims if c.cue is not None and c.cue.text == "told")
    again = Claim.model_validate_json(told.model_dump_json())
    assert again.kind == "direct"
    assert (again.speaker_mention or _span()).text == "he"
    assert (again.speaker or _speaker()).id == "alexei-pushkov"
    assert (again.channel or _span()).text == "Europe 1 radio"
    assert again.content.text.startswith("I think it\u2019s the intensity")
