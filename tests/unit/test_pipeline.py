"""Tests for attribution.pipeline (and the models it builds without validating them).

extract_claims and parse_article build their models from values the stages made
already valid, skipping pydantic's validation; these tests check that the result is
exactly what validation gives, field by field and type by type.
"""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from attribution import extract_claims, parse_article
from attribution.models import Article, Claim, Span, Speaker, construct_trusted


def _validated(model: Claim | Article) -> Claim | Article:
    """The same model, built again through validation from its own field values."""
    return type(model)(**dict(model))


def test_claims_are_what_validation_gives(seed_texts: list[str]) -> None:
    for text in seed_texts:
        for claim in extract_claims(text, published="2015-10-04"):
            again = _validated(claim)
            assert again == claim
            assert repr(again) == repr(claim)
            assert again.model_fields_set == claim.model_fields_set
            assert again.model_dump_json() == claim.model_dump_json()


def test_articles_are_what_validation_gives(seed_texts: list[str]) -> None:
    for text in seed_texts:
        article = parse_article(text)
        again = _validated(article)
        assert again == article
        assert repr(again) == repr(article)
        assert again.model_fields_set == article.model_fields_set


def test_claims_pickle_and_hash_as_validated_ones() -> None:
    text = '"We are ready," Mr Putin said on Friday. Officials denied that 12 jets flew.'
    for claim in extract_claims(text, published=date(2015, 10, 4)):
        assert pickle.loads(pickle.dumps(claim)) == claim
        assert hash(claim) == hash(_validated(claim))


def test_construct_trusted_needs_every_field_in_order() -> None:
    values = {"start": 0, "end": 3, "text": "abc"}
    assert construct_trusted(Span, dict(values)) == Span(**values)
    with pytest.raises(TypeError, match="Span needs its fields in order"):
        construct_trusted(Span, {"end": 3, "start": 0, "text": "abc"})
    with pytest.raises(TypeError, match="Speaker needs its fields in order"):
        construct_trusted(Speaker, {"id": "x", "name": "X"})


def test_an_invalid_value_is_still_validated() -> None:
    """What the pipeline cannot vouch for goes through validation, which says what is wrong."""
    from attribution.pipeline import _is_valid_claim

    text = "Officials said so."
    values: dict[str, object] = {
        "content": Span.of(text, 15, 17),
        "kind": "indirect",
        "speaker": None,
        "speaker_mention": Span.of(text, 0, 9),
        "cue": Span.of(text, 10, 14),
        "cue_lemma": "say",
        "stance": "neutral",
        "channel": None,
        "via": None,
        "when": None,
        "said_on": None,
        "figures": (),
        "parts": (),
        "negated": False,
        "confidence": 0.9,
    }
    assert _is_valid_claim(values)
    for key, bad in [
        ("confidence", 1.5),
        ("confidence", 1),
        ("kind", "rumour"),
        ("stance", "angry"),
        ("parts", [Span.of(text, 15, 17)]),
        ("said_on", "2015-10-04"),
    ]:
        assert not _is_valid_claim({**values, key: bad}), key
