"""Tests for attribution.evaluate: gold loading, matching rules, metrics, the benchmark script.

Every gold record here is hand-written; none comes from an evaluation corpus.
"""

from __future__ import annotations

import importlib.util
import io
import json
import random
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from attribution.errors import AttributionError, GoldFormatError, SpanError
from attribution.evaluate import (
    KINDS,
    LENGTH_SLACK,
    METRICS,
    PRF,
    GoldArticle,
    GoldQuote,
    Scores,
    align,
    evaluate,
    load_gold,
)
from attribution.models import Claim, ClaimKind, Span, Speaker

REPO = Path(__file__).resolve().parents[2]

# A made-up article: two direct quotes, an indirect one and a mixed one.
TEXT = (
    '"The bridge will reopen in May," Mayor Ana Ruiz said on Monday. '
    "The council said that the repairs cost too much. "
    'Ruiz called the delay "a disgrace to the city".'
)


def at(text: str, piece: str, nth: int = 0) -> tuple[int, int]:
    """The offsets of the ``nth`` occurrence of ``piece`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(piece, start + 1)
    return start, start + len(piece)


def span(piece: str, text: str = TEXT, nth: int = 0) -> Span:
    return Span.of(text, *at(text, piece, nth))


def gold_quote(
    content: str,
    kind: ClaimKind,
    speaker: str | None = None,
    cue: str | None = None,
    *,
    text: str = TEXT,
    **extra: Any,
) -> GoldQuote:
    s, e = at(text, content)
    fields: dict[str, Any] = {"content_start": s, "content_end": e, "kind": kind}
    if speaker is not None:
        fields["speaker_start"], fields["speaker_end"] = at(text, speaker)
    if cue is not None:
        fields["cue_start"], fields["cue_end"] = at(text, cue)
    return GoldQuote(**fields, **extra)


def claim(
    content: str,
    kind: ClaimKind = "direct",
    speaker: str | None = None,
    cue: str | None = None,
    *,
    text: str = TEXT,
    speaker_id: str | None = None,
) -> Claim:
    return Claim(
        content=span(content, text),
        kind=kind,
        speaker_mention=span(speaker, text) if speaker else None,
        cue=span(cue, text) if cue else None,
        speaker=Speaker(id=speaker_id, name=speaker_id) if speaker_id else None,
    )


def article(*quotes: GoldQuote, text: str = TEXT, **fields: Any) -> GoldArticle:
    return GoldArticle(id=fields.pop("id", "a1"), text=text, quotes=list(quotes), **fields)


GOLD = article(
    gold_quote("The bridge will reopen in May,", "direct", "Mayor Ana Ruiz", "said"),
    gold_quote("the repairs cost too much", "indirect", "The council", "said that"),
    gold_quote('the delay "a disgrace to the city"', "mixed", "Ruiz", "called"),
)


# ------------------------------------------------------------------ content matching

# A gold span of 20 characters, "abcdefghijklmnopqrst", inside a longer text.
PAD = "x" * 60
LONG = PAD + "abcdefghijklmnopqrst" + PAD
G0, G1 = len(PAD), len(PAD) + 20


@pytest.mark.parametrize(
    ("start", "end", "found"),
    [
        pytest.param(G0, G1, True, id="same-span"),
        pytest.param(G0, G0 + 10, True, id="exactly-half"),
        pytest.param(G0, G0 + 9, False, id="less-than-half"),
        pytest.param(G0 + 10, G1 + 5, True, id="half-and-beyond"),
        pytest.param(G0 - 10, G1 + 10, True, id="twice-as-long"),
        pytest.param(G0 - 10, G1 + 10 + LENGTH_SLACK, True, id="twice-plus-slack"),
        pytest.param(G0 - 10, G1 + 11 + LENGTH_SLACK, False, id="too-long"),
        pytest.param(G1, G1 + 20, False, id="adjacent"),
        pytest.param(0, 20, False, id="disjoint"),
    ],
)
def test_partial_match(start: int, end: int, found: bool) -> None:
    gold = article(GoldQuote(content_start=G0, content_end=G1, kind="indirect"), text=LONG)
    scores = evaluate(gold, [Claim(content=Span.of(LONG, start, end), kind="indirect")])
    assert scores.content.tp == int(found)
    assert (scores.content.fp, scores.content.fn) == (int(not found), int(not found))


EXACT_TEXT = "He said: \u201cWe go on.\u201d Then: 'fine' -- and `so be it'."


@pytest.mark.parametrize(
    ("gold_piece", "pred_piece", "exact"),
    [
        pytest.param("We go on.", "We go on.", True, id="identical"),
        pytest.param("\u201cWe go on.\u201d", "We go on.", True, id="gold-has-curly-marks"),
        pytest.param("We go on", "\u201cWe go on.\u201d ", True, id="pred-has-marks-and-space"),
        pytest.param("'fine'", "fine", True, id="straight-single-marks"),
        pytest.param("`so be it'", "so be it", True, id="backtick"),
        pytest.param("We go on.", "We go", False, id="pred-shorter"),
        pytest.param("We go", "We go on", False, id="pred-longer"),
    ],
)
def test_exact_match(gold_piece: str, pred_piece: str, exact: bool) -> None:
    gold = article(gold_quote(gold_piece, "direct", text=EXACT_TEXT), text=EXACT_TEXT)
    scores = evaluate(gold, [claim(pred_piece, text=EXACT_TEXT)])
    assert scores.content.tp == 1
    assert scores.content_exact.tp == int(exact)
    assert scores.content_exact.fn == int(not exact)
    assert scores.content_exact.fp == int(not exact)


def test_one_to_one_two_predictions_for_one_gold() -> None:
    gold = article(GoldQuote(content_start=G0, content_end=G1, kind="indirect"), text=LONG)
    claims = [Claim(content=Span.of(LONG, G0, G1), kind="indirect")] * 2
    scores = evaluate(gold, claims)
    assert (scores.content.tp, scores.content.fp, scores.content.fn) == (1, 1, 0)


def test_greedy_takes_the_largest_overlap_whatever_the_order() -> None:
    gold = article(GoldQuote(content_start=G0, content_end=G1, kind="indirect"), text=LONG)
    small = Claim(content=Span.of(LONG, G0, G0 + 12), kind="indirect")
    large = Claim(content=Span.of(LONG, G0, G0 + 18), kind="indirect")
    for claims, winner in (([small, large], 1), ([large, small], 0)):
        a = align(gold, claims)
        assert [p.predicted for p in a.pairs] == [winner]
        assert a.pairs[0].overlap == 18
        assert a.spurious == [1 - winner]


def test_one_prediction_over_two_golds_finds_one() -> None:
    # Two adjacent gold spans of 10 characters; one prediction of 20 over both.
    golds = [
        GoldQuote(content_start=G0, content_end=G0 + 10, kind="indirect"),
        GoldQuote(content_start=G0 + 10, content_end=G1, kind="indirect"),
    ]
    a = align(article(*golds, text=LONG), [Claim(content=Span.of(LONG, G0, G1), kind="indirect")])
    assert [(p.gold, p.predicted) for p in a.pairs] == [(0, 0)]  # a tie: the earlier gold
    assert a.missed == [1]


def test_greedy_leaves_the_second_best_to_the_other_gold() -> None:
    # Gold A (20 chars) and a nested gold B (its first 10); predictions A' = A, B' = B.
    golds = [
        GoldQuote(content_start=G0, content_end=G1, kind="indirect"),
        GoldQuote(content_start=G0, content_end=G0 + 10, kind="indirect"),
    ]
    preds = [
        Claim(content=Span.of(LONG, G0, G0 + 10), kind="indirect"),
        Claim(content=Span.of(LONG, G0, G1), kind="indirect"),
    ]
    a = align(article(*golds, text=LONG), preds)
    assert [(p.gold, p.predicted) for p in a.pairs] == [(0, 1), (1, 0)]
    assert all(p.exact for p in a.pairs)


def test_content_fragments_compare_the_whole_stretch() -> None:
    text = '"Thus," she said, "we stay."'
    s1, e1 = at(text, "Thus,")
    s2, e2 = at(text, "we stay.")
    gold = article(
        GoldQuote(
            content_start=s1, content_end=e2, kind="direct", content_fragments=[(s1, e1), (s2, e2)]
        ),
        text=text,
    )
    scores = evaluate(gold, [Claim(content=Span.of(text, s1, e2), kind="direct")])
    assert scores.content_exact.tp == 1


# ---------------------------------------------------------------------- speaker and cue


@pytest.mark.parametrize(
    ("gold_kwargs", "pred_kwargs", "right"),
    [
        pytest.param({"speaker": "Mayor Ana Ruiz"}, {"speaker": "Mayor Ana Ruiz"}, True, id="same"),
        pytest.param({"speaker": "Mayor Ana Ruiz"}, {"speaker": "Ana Ruiz"}, True, id="overlap"),
        pytest.param({"speaker": "Mayor Ana Ruiz"}, {"speaker": "The council"}, False, id="wrong"),
        pytest.param({"speaker": "Mayor Ana Ruiz"}, {}, False, id="no-mention"),
        pytest.param(
            {"speaker": "Mayor Ana Ruiz", "speaker_id": "ana-ruiz"},
            {"speaker": "Ruiz", "speaker_id": "ana-ruiz"},
            True,
            id="same-id-other-mention",
        ),
        pytest.param(
            {"speaker": "Mayor Ana Ruiz", "speaker_id": "ana-ruiz"},
            {"speaker": "The council", "speaker_id": "city-council"},
            False,
            id="other-id",
        ),
        pytest.param({"speaker_id": "ana-ruiz"}, {"speaker_id": "ana-ruiz"}, True, id="id-only"),
        pytest.param({"speaker_id": "ana-ruiz"}, {}, False, id="id-only-no-speaker"),
        pytest.param({}, {}, True, id="no-source-no-mention"),
        pytest.param({}, {"speaker": "Ruiz"}, False, id="no-source-but-mention"),
    ],
)
def test_speaker(gold_kwargs: dict[str, Any], pred_kwargs: dict[str, Any], right: bool) -> None:
    content = "The bridge will reopen in May,"
    gold = article(gold_quote(content, "direct", **gold_kwargs))
    scores = evaluate(gold, [claim(content, **pred_kwargs)])
    assert scores.content.tp == 1
    assert scores.attribution.tp == int(right)
    assert (scores.attribution.fp, scores.attribution.fn) == (int(not right), int(not right))


@pytest.mark.parametrize(
    ("name", "pred", "right"),
    [
        pytest.param("Ana Ruiz", {"speaker": "Ana Ruiz"}, True, id="mention-text"),
        pytest.param("ana  ruiz,", {"speaker": "Ana Ruiz"}, True, id="case-space-punct"),
        pytest.param("Ana Ruiz", {"speaker_id": "Ana Ruiz"}, True, id="speaker-name"),
        pytest.param("Ruiz", {"speaker": "Ana Ruiz"}, False, id="other-name"),
    ],
)
def test_speaker_given_by_name_only(name: str, pred: dict[str, Any], right: bool) -> None:
    content = "The bridge will reopen in May,"
    s, e = at(TEXT, content)
    gold = article(GoldQuote(content_start=s, content_end=e, kind="direct", speaker=name))
    assert evaluate(gold, [claim(content, **pred)]).attribution.tp == int(right)


@pytest.mark.parametrize(
    ("gold_cue", "pred_cue", "right"),
    [
        pytest.param("said that", "said", True, id="overlap"),
        pytest.param("said", "said", True, id="same"),
        pytest.param("said that", "council", False, id="disjoint"),
        pytest.param("said that", None, False, id="missing"),
        pytest.param(None, None, True, id="both-absent"),
        pytest.param(None, "said", False, id="gold-has-none"),
    ],
)
def test_cue(gold_cue: str | None, pred_cue: str | None, right: bool) -> None:
    # "said" occurs first in the direct sentence; use the indirect one's.
    content = "the repairs cost too much"
    sentence_start = TEXT.index("The council")
    s, e = at(TEXT, content)
    q: dict[str, Any] = {"content_start": s, "content_end": e, "kind": "indirect"}
    if gold_cue is not None:
        cs = TEXT.index(gold_cue, sentence_start)
        q.update(cue_start=cs, cue_end=cs + len(gold_cue))
    cue = None
    if pred_cue is not None:
        cs = TEXT.index(pred_cue, sentence_start)
        cue = Span.of(TEXT, cs, cs + len(pred_cue))
    scores = evaluate(
        article(GoldQuote(**q)), [Claim(content=span(content), kind="indirect", cue=cue)]
    )
    assert scores.cue.tp == int(right)


# ---------------------------------------------------------------------------- ignore


BOILER = "Sign up for our newsletter. " + TEXT


@pytest.mark.parametrize(
    ("ignore_spans", "pred", "n_ignored", "fp"),
    [
        pytest.param([(0, 27)], "Sign up for our newsletter", 1, 0, id="wholly-inside"),
        pytest.param([(0, 10), (10, 27)], "Sign up for our newsletter", 1, 0, id="inside-merged"),
        pytest.param([(0, 12)], "Sign up for our newsletter", 0, 1, id="partly-inside"),
        pytest.param([], "Sign up for our newsletter", 0, 1, id="no-ignore-spans"),
    ],
)
def test_ignore_spans(
    ignore_spans: list[tuple[int, int]], pred: str, n_ignored: int, fp: int
) -> None:
    gold = article(text=BOILER, ignore_spans=ignore_spans)
    scores = evaluate(gold, [claim(pred, text=BOILER)])
    assert (scores.n_ignored, scores.n_predicted, scores.content.fp) == (n_ignored, fp, fp)


def test_ignore_spans_do_not_hide_gold() -> None:
    gold = article(
        gold_quote("Sign up", "direct", text=BOILER), text=BOILER, ignore_spans=[(0, 27)]
    )
    scores = evaluate(gold, [claim("Sign up", text=BOILER)])
    assert (scores.content.tp, scores.content.fn, scores.n_ignored) == (0, 1, 1)


# -------------------------------------------------------------------------- per kind


def test_per_kind_counts() -> None:
    claims = [
        # the direct gold found, but labelled indirect
        claim("The bridge will reopen in May,", "indirect", "Mayor Ana Ruiz", "said"),
        # the mixed gold found and labelled mixed, wrong speaker
        claim('the delay "a disgrace to the city"', "mixed", "The council", "called"),
        # a spurious mixed prediction
        claim("Mayor Ana Ruiz said on Monday", "mixed"),
    ]  # the indirect gold is missed
    s = evaluate(GOLD, claims)
    content = {k: s.per_kind[k]["content"] for k in KINDS}
    assert (content["direct"].tp, content["direct"].tp_predicted) == (1, 0)
    assert (content["direct"].fp, content["direct"].fn) == (0, 0)
    assert (content["direct"].recall, content["direct"].precision) == (1.0, 0.0)
    assert (content["indirect"].tp, content["indirect"].tp_predicted) == (0, 1)
    assert (content["indirect"].fp, content["indirect"].fn) == (0, 1)
    assert (content["indirect"].recall, content["indirect"].precision) == (0.0, 1.0)
    assert (content["mixed"].tp, content["mixed"].tp_predicted) == (1, None)
    assert (content["mixed"].fp, content["mixed"].fn) == (1, 0)
    assert s.per_kind["mixed"]["attribution"].tp == 0
    assert s.per_kind["direct"]["attribution"].tp == 1
    assert s.kind_confusion["direct"] == {"direct": 0, "indirect": 1, "mixed": 0}
    assert s.kind_confusion["mixed"]["mixed"] == 1
    # per-kind counts add up to the overall counts
    for metric in METRICS:
        parts = [s.per_kind[k][metric] for k in KINDS]
        overall = s.metrics()[metric]
        assert sum(p.tp for p in parts) == overall.tp
        assert sum(p.tp_pred for p in parts) == overall.tp
        assert sum(p.fp for p in parts) == overall.fp
        assert sum(p.fn for p in parts) == overall.fn


# ------------------------------------------------------------------------- the metrics


@pytest.mark.parametrize(
    ("tp", "fp", "fn", "p", "r", "f1"),
    [
        pytest.param(0, 0, 0, 0.0, 0.0, 0.0, id="nothing"),
        pytest.param(0, 3, 0, 0.0, 0.0, 0.0, id="only-false-positives"),
        pytest.param(0, 0, 3, 0.0, 0.0, 0.0, id="only-misses"),
        pytest.param(2, 0, 0, 1.0, 1.0, 1.0, id="perfect"),
        pytest.param(1, 1, 3, 0.5, 0.25, 1 / 3, id="mixed"),
    ],
)
def test_prf(tp: int, fp: int, fn: int, p: float, r: float, f1: float) -> None:
    m = PRF(tp=tp, fp=fp, fn=fn)
    assert (m.precision, m.recall) == (p, r)
    assert m.f1 == pytest.approx(f1)


def test_zero_division_everywhere() -> None:
    s = evaluate([], [])
    assert s == Scores()
    assert all(m.f1 == 0.0 for m in s.metrics().values())
    empty = evaluate(article(), [claim("Ruiz")])
    assert (empty.content.precision, empty.content.recall, empty.content.f1) == (0.0, 0.0, 0.0)


def test_scores_json_round_trip() -> None:
    s = evaluate(GOLD, [claim("The bridge will reopen in May,", "indirect", "Ana Ruiz", "said")])
    data = json.loads(s.model_dump_json())
    assert data["content"]["precision"] == 1.0
    assert data["per_kind"]["direct"]["content"]["tp_predicted"] == 0
    assert Scores.model_validate_json(s.model_dump_json()) == s
    assert Scores.model_validate(data) == s


def test_scores_add_up_over_articles() -> None:
    other_text = "Officials said the road was closed."
    other = article(
        gold_quote("the road was closed", "indirect", text=other_text), id="b", text=other_text
    )
    a_claims = [claim("The bridge will reopen in May,", "direct", "Mayor Ana Ruiz", "said")]
    b_claims = [claim("road was closed", "mixed", text=other_text)]
    both = evaluate([GOLD, other], [a_claims, b_claims])
    assert evaluate(GOLD, a_claims) + evaluate(other, b_claims) == both
    assert both.n_articles == 2


def test_table() -> None:
    table = evaluate(GOLD, [claim("The bridge will reopen in May,", "direct")]).table()
    lines = table.splitlines()
    assert lines[0] == "articles 1, gold relations 3, predicted 1, ignored 0"
    assert lines[1].split() == ["kind", "metric", "P", "R", "F1", "TP", "FP", "FN"]
    assert len(lines) == 2 + 4 * len(METRICS)
    assert lines[2].split() == ["all", "content", "1.000", "0.333", "0.500", "1", "0", "2"]
    assert len({len(line) for line in lines[1:]}) == 1  # fixed width


# ------------------------------------------------------------------------ input forms


def test_input_forms_agree() -> None:
    claims = [claim("The bridge will reopen in May,", "direct", "Ana Ruiz", "said")]
    expected = evaluate(GOLD, claims)
    assert evaluate([GOLD], [claims]) == expected
    assert evaluate([GOLD], {"a1": claims}) == expected
    assert evaluate(GOLD.model_dump(), claims) == expected
    assert (
        evaluate([json.loads(GOLD.model_dump_json())], [[c.model_dump() for c in claims]])
        == expected
    )
    assert evaluate((g for g in [GOLD]), (claims,)) == expected


def test_missing_id_in_mapping_means_no_predictions() -> None:
    other = article(id="b")
    s = evaluate([GOLD, other], {"b": []})
    assert (s.content.fn, s.n_predicted) == (3, 0)


@pytest.mark.parametrize(
    ("gold", "predicted", "error", "message"),
    [
        pytest.param([GOLD, GOLD], {"a1": []}, AttributionError, "repeated", id="dup-ids-mapping"),
        pytest.param([GOLD], {"zz": []}, AttributionError, "not in the gold", id="unknown-id"),
        pytest.param([GOLD, GOLD], [claim("Ruiz")], AttributionError, "flat", id="flat-for-many"),
        pytest.param([GOLD, GOLD], [[]], AttributionError, "1 lists", id="too-few-lists"),
        pytest.param([GOLD, GOLD], [], AttributionError, "0 lists", id="empty-for-many"),
        pytest.param("gold.jsonl", [], TypeError, "load_gold", id="path-as-gold"),
        pytest.param(42, [], TypeError, "int", id="int-gold"),
        pytest.param([42], [[]], TypeError, r"gold\[0\]", id="int-in-gold"),
        pytest.param(GOLD, "claims", TypeError, "predicted", id="str-predicted"),
        pytest.param(GOLD, [[42]], TypeError, "must be claims", id="int-claim"),
    ],
)
def test_bad_arguments(gold: Any, predicted: Any, error: type[Exception], message: str) -> None:
    with pytest.raises(error, match=message):
        evaluate(gold, predicted)


def test_claims_from_another_text_raise() -> None:
    wrong = Claim(content=Span.of("Totally different words here.", 0, 7), kind="direct")
    with pytest.raises(SpanError, match="does not slice"):
        evaluate(GOLD, [wrong])


# --------------------------------------------------------------------------- gold model


def test_gold_fills_strings_and_ignores_extra_fields() -> None:
    record = {
        "id": "a1",
        "text": TEXT,
        "source_corpus": "mine",
        "meta": {"annotator": 2},
        "quotes": [
            {
                "content_start": 1,
                "content_end": 31,
                "kind": "direct",
                "speaker_start": 33,
                "speaker_end": 47,
                "cue_start": 48,
                "cue_end": 52,
                "ann_id": "T1",
            }
        ],
    }
    q = GoldArticle.model_validate(record).quotes[0]
    assert (q.content, q.speaker, q.cue) == (
        "The bridge will reopen in May,",
        "Mayor Ana Ruiz",
        "said",
    )
    assert q.speaker_span == (33, 47)
    assert GoldArticle.model_validate_json(
        GoldArticle.model_validate(record).model_dump_json()
    ) == (GoldArticle.model_validate(record))


# --------------------------------------------------------------------------- load_gold


def jsonl(*records: Any) -> list[str]:
    return [r if isinstance(r, str) else json.dumps(r) for r in records]


GOOD = {
    "id": "g1",
    "text": "She said yes.",
    "quotes": [{"content_start": 9, "content_end": 12, "kind": "indirect"}],
}


@pytest.mark.parametrize(
    ("lines", "line", "message"),
    [
        pytest.param(jsonl(GOOD, "{not json"), 2, "not valid JSON", id="bad-json"),
        pytest.param(jsonl(GOOD, "", "[1, 2]"), 3, "expected a JSON object", id="not-object"),
        pytest.param(jsonl({"text": "x", "quotes": []}), 1, "id: Field required", id="no-id"),
        pytest.param(
            jsonl({**GOOD, "quotes": [{"content_start": 9, "content_end": 12}]}),
            1,
            r"quotes\[0\]\.kind: Field required",
            id="no-kind",
        ),
        pytest.param(
            jsonl({**GOOD, "quotes": [{"content_start": 9, "content_end": 12, "kind": "quoted"}]}),
            1,
            r"quotes\[0\]\.kind",
            id="bad-kind",
        ),
        pytest.param(
            jsonl({**GOOD, "quotes": [{"content_start": 9, "content_end": 40, "kind": "direct"}]}),
            1,
            r"quotes\[0\]: content \[9, 40\) is empty or outside",
            id="content-outside",
        ),
        pytest.param(
            jsonl(
                {
                    **GOOD,
                    "quotes": [
                        {"content_start": 9, "content_end": 12, "content": "no", "kind": "direct"}
                    ],
                }
            ),
            1,
            r"content 'no' is not text\[9:12\] 'yes'",
            id="content-mismatch",
        ),
        pytest.param(
            jsonl(
                {
                    **GOOD,
                    "quotes": [
                        {"content_start": 9, "content_end": 12, "kind": "direct", "cue_start": 4}
                    ],
                }
            ),
            1,
            "cue_start and cue_end must be given together",
            id="half-a-cue",
        ),
        pytest.param(
            jsonl(
                {
                    **GOOD,
                    "quotes": [
                        {
                            "content_start": 9,
                            "content_end": 12,
                            "kind": "direct",
                            "content_fragments": [[8, 10]],
                        }
                    ],
                }
            ),
            1,
            r"content fragment \[8, 10\)",
            id="fragment-outside",
        ),
        pytest.param(
            jsonl({**GOOD, "ignore_spans": [[5, 99]]}), 1, "ignore span", id="ignore-outside"
        ),
        pytest.param(jsonl(GOOD, GOOD), 2, "already used on line 1", id="duplicate-id"),
    ],
)
def test_load_gold_errors(lines: list[str], line: int, message: str) -> None:
    with pytest.raises(GoldFormatError, match=rf"^line {line}: .*{message}") as info:
        load_gold(lines)
    assert info.value.line == line


def test_load_gold_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(
        "\ufeff" + "\n".join(jsonl(GOOD, {**GOOD, "id": "g2"})) + "\n\n", encoding="utf-8"
    )
    articles = load_gold(path)
    assert [a.id for a in articles] == ["g1", "g2"]
    assert load_gold(str(path)) == articles
    with path.open(encoding="utf-8") as f:
        assert load_gold(f) == articles
    with path.open("rb") as f:
        assert load_gold(f) == articles


def test_load_gold_bad_utf8_and_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_bytes(json.dumps(GOOD).encode() + b"\n\xff\xfe\n")
    with pytest.raises(GoldFormatError, match=r"^line 2: not valid UTF-8"):
        load_gold(path)
    with path.open("rb") as f, pytest.raises(GoldFormatError, match=r"^line 2: not valid UTF-8"):
        load_gold(f)
    with pytest.raises(OSError, match="No such file"):
        load_gold(tmp_path / "missing.jsonl")


@pytest.mark.parametrize(
    "source",
    [
        pytest.param(json.dumps(GOOD), id="json-string"),
        pytest.param(42, id="int"),
        pytest.param(b"{}", id="bytes"),
    ],
)
def test_load_gold_type_errors(source: Any) -> None:
    with pytest.raises(TypeError, match="load_gold"):
        load_gold(source)


# ----------------------------------------------------------------------- properties

SPANS = st.tuples(st.integers(0, 79), st.integers(1, 40)).map(
    lambda t: (t[0], min(80, t[0] + t[1]))
)
PROP_TEXT = "".join(chr(ord("a") + i % 26) if i % 7 else " " for i in range(80))


@settings(max_examples=150, deadline=None)
@given(
    golds=st.lists(st.tuples(SPANS, st.sampled_from(KINDS)), max_size=6),
    preds=st.lists(st.tuples(SPANS, st.sampled_from(KINDS)), max_size=6),
    seed=st.integers(0, 1000),
)
def test_properties(
    golds: list[tuple[tuple[int, int], ClaimKind]],
    preds: list[tuple[tuple[int, int], ClaimKind]],
    seed: int,
) -> None:
    gold = GoldArticle(
        id="p",
        text=PROP_TEXT,
        quotes=[GoldQuote(content_start=s, content_end=e, kind=k) for (s, e), k in golds],
    )
    claims = [Claim(content=Span.of(PROP_TEXT, s, e), kind=k) for (s, e), k in preds]
    scores = evaluate(gold, claims)
    # deterministic and blind to the order of the claims (up to identical spans)
    shuffled = claims[:]
    random.Random(seed).shuffle(shuffled)
    assert evaluate(gold, shuffled).content == scores.content
    assert evaluate(gold, claims) == scores
    # counts are consistent
    c = scores.content
    assert c.tp + c.fp == len(claims)
    assert c.tp + c.fn == len(golds)
    assert scores.content_exact.tp <= c.tp
    assert scores.attribution.tp <= c.tp
    assert 0.0 <= c.f1 <= 1.0
    # every pair obeys the matching rule
    for p in align(gold, claims).pairs:
        q, pred = gold.quotes[p.gold], claims[p.predicted].content
        g_len = q.content_end - q.content_start
        assert 2 * p.overlap >= g_len
        assert len(pred) <= 2 * g_len + LENGTH_SLACK


# ------------------------------------------------------------------ benchmark script


@pytest.fixture(scope="module")
def eval_dev() -> ModuleType:
    path = REPO / "benchmarks" / "eval_dev.py"
    spec = importlib.util.spec_from_file_location("eval_dev", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_dev"] = module
    spec.loader.exec_module(module)
    return module


def fake_predictor(text: str) -> Sequence[Claim]:
    """Finds only the first direct quote, in straight marks, and fails on one text."""
    if "explode" in text:
        raise RuntimeError("boom")
    start = text.find('"')
    end = text.find('"', start + 1)
    if start < 0 or end < 0:
        return []
    return [Claim(content=Span.of(text, start + 1, end), kind="direct")]


def test_eval_dev_script(
    eval_dev: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_path = tmp_path / "gold.jsonl"
    records = [
        GOLD.model_dump(),
        {"id": "b", "text": "Do not explode, he said.", "quotes": []},
        {"id": "c", "text": "unused", "quotes": []},
    ]
    gold_path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    dump = tmp_path / "errors.jsonl"
    out = io.StringIO()
    main: Callable[..., int] = eval_dev.main
    code = main(
        [str(gold_path), "--limit", "2", "--show-errors", "1", "--dump", str(dump)],
        predictor=fake_predictor,
        out=out,
    )
    assert code == 0
    text = out.getvalue()
    assert "2 articles" in text
    assert "1 failed" in text
    assert "all       content" in text
    assert "== missed: 2" in text
    assert "boom" in capsys.readouterr().err
    rows = [json.loads(line) for line in dump.read_text(encoding="utf-8").splitlines()]
    assert sorted(r["type"] for r in rows) == ["missed", "missed", "wrong_cue", "wrong_speaker"]

    out = io.StringIO()
    assert main([str(gold_path), "--format", "json"], predictor=fake_predictor, out=out) == 0
    scores = Scores.model_validate_json(out.getvalue())
    assert (scores.n_articles, scores.content.tp) == (3, 1)
