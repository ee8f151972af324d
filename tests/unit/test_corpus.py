"""Tests for attribution.corpus: compare() across articles.

Every article here is hand-written, except the smoke test over the five seed
articles in ``seeds/``. Most tables build claims by hand, so that they test the
matching rules of ``compare`` and not the extractor; a few run the whole pipeline.
"""

from __future__ import annotations

import pickle
import random
from collections.abc import Iterable, Sequence
from pathlib import Path

import pytest

import attribution.corpus as corpus
from attribution.article import parse_article
from attribution.corpus import (
    ABOUT_TOLERANCE,
    JACCARD_THRESHOLD,
    MIN_CONTAINED_WORDS,
    Comparison,
    compare,
    normalize_counted,
    normalize_statement,
)
from attribution.models import Article, Claim, ClaimKind, Figure, Qualifier, Span, Speaker, Stance

SEEDS = Path(__file__).parents[2] / "seeds"


# ---------------------------------------------------------------------------
# Builders
# ---------------------------------------------------------------------------


def speaker(name: str, kind: str = "person") -> Speaker:
    return Speaker(id=name.lower().replace(" ", "-"), name=name, kind=kind)  # type: ignore[arg-type]


def claim(
    text: str,
    content: str,
    who: Speaker | None = None,
    *,
    kind: ClaimKind = "direct",
    stance: Stance = "neutral",
    figures: Sequence[Figure] = (),
) -> Claim:
    start = text.index(content)
    return Claim(
        content=Span.of(text, start, start + len(content)),
        kind=kind,
        speaker=who,
        stance=stance,
        figures=tuple(figures),
    )


def figure(
    text: str,
    phrase: str,
    value: float,
    counted: str | None,
    qualifier: Qualifier = "exact",
    low: float | None = None,
    high: float | None = None,
    unit: str | None = None,
) -> Figure:
    start = text.index(phrase)
    if qualifier == "exact":
        low = high = value
    return Figure(
        span=Span.of(text, start, start + len(phrase)),
        value=value,
        low=low,
        high=high,
        qualifier=qualifier,
        counted=counted,
        unit=unit,
    )


def quotes(*contents: str, who: Speaker | None = None) -> list[Claim]:
    """One article of direct quotes: each content in its own sentence."""
    text = " ".join(f'"{c}" someone said.' for c in contents)
    return [claim(text, c, who) for c in contents]


def groups(report: Comparison) -> list[list[tuple[str, int]]]:
    return [[(m.article, m.index) for m in s.members] for s in report.shared_claims]


# ---------------------------------------------------------------------------
# Normalization
# ---------------------------------------------------------------------------

SAME_SPELLING = [
    ("radicalisation", "radicalization"),
    ("organisations", "organizations"),
    ("criticised", "criticized"),
    ("recognising", "recognizing"),
    ("analysed", "analyzed"),
    ("colour", "color"),
    ("behaviour", "behavior"),
    ("favourite", "favorite"),
    ("neighbourhood", "neighborhood"),
    ("labourers", "laborers"),
    ("centre", "center"),
    ("centred", "centered"),
    ("fibres", "fibers"),
    ("manoeuvre", "maneuver"),
    ("defence", "defense"),
    ("offences", "offenses"),
    ("licence", "license"),
    ("catalogue", "catalog"),
    ("dialogue", "dialog"),
    ("travelled", "traveled"),
    ("cancelling", "canceling"),
    ("counsellor", "counselor"),
    ("judgement", "judgment"),
    ("programme", "program"),
    ("towards", "toward"),
    ("Russia\u2019s", "Russia's"),
    ("\u201cwe won\u2019t stop,\u201d", '"We WON\'T stop!"'),
    ("2,500 strikes", "2500 strikes"),
    ("the U.S.-led coalition", "the US led coalition"),
    ("Pr\u00e9sident", "President"),
]


@pytest.mark.parametrize(("british", "american"), SAME_SPELLING, ids=[a for a, _ in SAME_SPELLING])
def test_normalize_statement_folds_spelling_and_quotes(british: str, american: str) -> None:
    assert normalize_statement(british) == normalize_statement(american)


KEPT_APART = [
    ("our", "or"),
    ("four", "for"),
    ("hour", "hor"),
    ("your", "yor"),
    ("rise", "rize"),
    ("filled", "filed"),
    ("string", "stering"),
    ("killed", "kiled"),
    ("patrolled", "patroled"),
    ("the strikes will continue", "the strikes will not continue"),
]


@pytest.mark.parametrize(("a", "b"), KEPT_APART, ids=[a for a, _ in KEPT_APART])
def test_normalize_statement_keeps_short_words(a: str, b: str) -> None:
    assert normalize_statement(a) != normalize_statement(b)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u201cThese military actions constitute a further escalation,\u201d",
         "these military actions constitute a further escalation"),
        ("  Fight   [IS] -- now! ", "fight is now"),
        ("", ""),
    ],
)  # fmt: skip
def test_normalize_statement_values(text: str, expected: str) -> None:
    assert normalize_statement(text) == expected


@pytest.mark.parametrize(
    ("counted", "expected"),
    [
        ("civilians", "civilian"),
        ("Civilian", "civilian"),
        ("casualties", "casualty"),
        ("IS positions", "is position"),
        ("air strikes", "air strike"),
        ("other civilians", "civilian"),
        ("people", "person"),
        ("children", "child"),
        ("churches", "church"),
        ("boxes", "box"),
        ("witnesses", "witness"),
        ("crisis", "crisis"),
        ("sorties", "sorty"),
        ("sortie", "sorty"),
        ("terrorist organisations", "terrorist organization"),
        ("defence ministries", "defense ministry"),
    ],
)
def test_normalize_counted(counted: str, expected: str) -> None:
    assert normalize_counted(counted) == expected


# ---------------------------------------------------------------------------
# Shared claims
# ---------------------------------------------------------------------------

ESCALATION_UK = (
    "These military actions constitute a further escalation and will only fuel more "
    "extremism and radicalisation,"
)
ESCALATION_US = ESCALATION_UK.replace("radicalisation", "radicalization")

SHARED_CASES: list[tuple[str, dict[str, list[Claim]], list[list[tuple[str, int]]]]] = [
    (
        "british-vs-american",
        {"uk": quotes("We are ready.", ESCALATION_UK), "us": quotes(ESCALATION_US)},
        [[("uk", 1), ("us", 0)]],
    ),
    (
        "curly-vs-straight-quotes",
        {
            "a": quotes("We won\u2019t stop the \u2018anti-terror\u2019 operation now"),
            "b": quotes("We won't stop the 'anti-terror' operation now"),
        },
        [[("a", 0), ("b", 0)]],
    ),
    (
        "case-and-punctuation",
        {
            "a": quotes("The Russian Air Force does not strike populated areas."),
            "b": quotes("the russian air force does NOT strike populated areas"),
        },
        [[("a", 0), ("b", 0)]],
    ),
    (
        "fragment-contained",
        {
            "full": quotes(
                "We call on the Russian Federation to immediately cease its attacks on the "
                "Syrian opposition and civilians and to focus its efforts on fighting IS."
            ),
            "part": quotes(
                "We call on the Russian Federation to immediately cease its attacks on the "
                "Syrian opposition and civilians."
            ),
        },
        [[("full", 0), ("part", 0)]],
    ),
    (
        "one-word-changed",
        {
            "a": quotes(
                "The infrastructure used to train terrorists in the north of the province "
                "was completely destroyed by our jets on Friday"
            ),
            "b": quotes(
                "The infrastructure used to train terrorists in the north of the province "
                "was totally destroyed by our jets on Friday"
            ),
        },
        [[("a", 0), ("b", 0)]],
    ),
    (
        "three-articles",
        {
            "a": quotes(
                "Our jets will keep striking terrorist positions in Syria", "Nothing else."
            ),
            "b": quotes("Something different entirely, said with conviction here."),
            "c": quotes("our jets will keep striking terrorist positions in Syria!"),
            "d": quotes("\u201cOur jets will keep striking terrorist positions in Syria,\u201d"),
        },
        [[("a", 0), ("c", 0), ("d", 0)]],
    ),
    (
        "two-groups-sorted-by-article-count",
        {
            "a": quotes(
                "The first statement is about the bombing of the city",
                "The second statement is about the talks in Geneva",
            ),
            "b": quotes("The second statement is about the talks in Geneva"),
            "c": quotes("The first statement is about the bombing of the city"),
            "d": quotes("The first statement is about the bombing of the city"),
        },
        [[("a", 0), ("c", 0), ("d", 0)], [("a", 1), ("b", 0)]],
    ),
    (
        "same-article-twice-is-not-shared",
        {
            "a": quotes(
                "Russia is not discriminating between groups",
                "Russia is not discriminating between groups",
            )
        },
        [],
    ),
    (
        "repeated-in-one-article-and-shared",
        {
            "a": quotes(
                "Russia is not discriminating between groups",
                "Russia is not discriminating between groups",
            ),
            "b": quotes("Russia is not discriminating between groups"),
        },
        [[("a", 0), ("a", 1), ("b", 0)]],
    ),
    (
        "negation-differs",
        {
            "a": quotes("The strikes will continue in Syria"),
            "b": quotes("The strikes will not continue in Syria"),
        },
        [],
    ),
    (
        "different-statements-sharing-a-phrase",
        {
            "a": quotes(
                "Russia is attacking the Islamic State and other terrorist groups in Syria"
            ),
            "b": quotes("Moscow is only targeting the Nusra Front and other terrorist groups"),
        },
        [],
    ),
    (
        "short-equal-quotes-are-not-shared",
        {"a": quotes("too early"), "b": quotes("Too early!")},
        [],
    ),
    (
        "short-fragment-is-not-containment",
        {
            "a": quotes("other terrorist groups here"),
            "b": quotes("Russia is attacking other terrorist groups here and there"),
        },
        [],
    ),
]


@pytest.mark.parametrize(
    ("items", "expected"),
    [(items, expected) for _, items, expected in SHARED_CASES],
    ids=[name for name, _, _ in SHARED_CASES],
)
def test_shared_claims(
    items: dict[str, list[Claim]], expected: list[list[tuple[str, int]]]
) -> None:
    assert groups(compare(items)) == expected


def test_shared_claim_fields() -> None:
    lavrov = speaker("Sergei Lavrov")
    text_a = f'"{ESCALATION_UK}" Lavrov claimed.'
    text_b = f'Lavrov said "{ESCALATION_US}"'
    report = compare(
        {
            "b": [claim(text_b, ESCALATION_US, lavrov, kind="mixed")],
            "a": [claim(text_a, ESCALATION_UK, lavrov, stance="distancing")],
        }
    )
    (shared,) = report.shared_claims
    assert shared.articles == ("a", "b")
    assert shared.text == ESCALATION_UK  # the longest; ties by text
    first, second = shared.members
    assert (first.article, first.index, first.speaker_id, first.kind, first.stance) == (
        "a", 0, "sergei-lavrov", "direct", "distancing",
    )  # fmt: skip
    assert (second.article, second.kind, second.stance) == ("b", "mixed", "neutral")
    assert first.content.slices(text_a)
    assert second.content.slices(text_b)


def test_shared_text_is_the_longest_member() -> None:
    full = "We call on the Russian Federation to immediately cease its attacks now and forever"
    part = "We call on the Russian Federation to immediately cease its attacks"
    report = compare({"a": quotes(part), "b": quotes(full)})
    assert report.shared_claims[0].text == full


def test_jaccard_threshold_boundary() -> None:
    # 12 words: 10 shingles each; one word changed in the middle removes 3 shingles from
    # each side: 7 shared of 13 (0.54 < 0.6); one word changed at the end removes 1 (9/11).
    base = "one two three four five six seven eight nine ten eleven twelve"
    middle = base.replace("six", "SIX6")
    end = base.replace("twelve", "dozen")
    assert JACCARD_THRESHOLD == 0.6
    assert groups(compare({"a": quotes(base), "b": quotes(middle)})) == []
    assert groups(compare({"a": quotes(base), "b": quotes(end)})) == [[("a", 0), ("b", 0)]]


def test_containment_needs_min_words() -> None:
    long = "alpha beta gamma delta epsilon zeta eta theta"
    words = long.split()
    n = MIN_CONTAINED_WORDS
    shorter = " ".join(words[1 : 1 + n])
    too_short = " ".join(words[1:n])
    assert groups(compare({"a": quotes(long), "b": quotes(shorter)})) == [[("a", 0), ("b", 0)]]
    assert groups(compare({"a": quotes(long), "b": quotes(too_short)})) == []


def test_many_near_copies_are_one_group() -> None:
    # Chains of variants are joined: groups are connected components.
    items = {
        f"art-{i:03d}": quotes(
            f"The ministry said the strikes hit {i % 3} depots and will go on until the end",
            f"Unrelated remark number {i} was made about weather conditions in region {i}",
        )
        for i in range(60)
    }
    report = compare(items)
    assert len(report.shared_claims) == 1
    assert len(report.shared_claims[0].members) == 60
    assert report.shared_claims[0].articles == tuple(sorted(items))


def test_statements_sharing_common_3grams_are_not_all_compared(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 300 statements that share seven of their ten 3-grams (J = 7/13 < 0.6): none matches,
    # and the prefix filter must not judge every pair of them (it used to: 44,850 pairs).
    judged = 0
    same = corpus._same_statement

    def counting(*args: object) -> bool:
        nonlocal judged
        judged += 1
        return same(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(corpus, "_same_statement", counting)
    items = {
        f"art-{i:03d}": quotes(f"The strikes will go on in sector number {i} of the city")
        for i in range(300)
    }
    assert compare(items).shared_claims == ()
    # the three rarest 3-grams of each statement hold its number: no other has them
    assert judged == 0


def _brute_force_groups(items: dict[str, list[Claim]]) -> list[list[tuple[str, int]]]:
    """The groups compare() must find, from every pair of statements judged directly."""
    refs = [(name, i, c) for name, cs in sorted(items.items()) for i, c in enumerate(cs)]
    keys = [normalize_statement(corpus._said(c)) for _, _, c in refs]
    parent = list(range(len(refs)))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    def shingles(key: str) -> frozenset[str]:
        w = key.split(" ")
        return frozenset(" ".join(w[i : i + 3]) for i in range(len(w) - 2))

    for a in range(len(refs)):
        for b in range(a + 1, len(refs)):
            ka, kb = keys[a], keys[b]
            if min(ka.count(" "), kb.count(" ")) + 1 < 3:
                continue
            if kb.count(" ") < ka.count(" "):
                ka, kb = kb, ka  # judged from the side with fewer words
            la = ka.count(" ") + 1
            same = ka == kb or corpus._same_statement(
                shingles(ka), shingles(kb), la, f" {ka} ", f" {kb} "
            )
            if same:
                parent[find(b)] = find(a)
    comps: dict[int, list[tuple[str, int]]] = {}
    for k, (name, i, _) in enumerate(refs):
        comps.setdefault(find(k), []).append((name, i))
    return sorted(sorted(g) for g in comps.values() if len({n for n, _ in g}) > 1)


@pytest.mark.parametrize("seed", range(40))
def test_shared_claims_equal_a_brute_force_comparison(seed: int) -> None:
    rnd = random.Random(seed)
    vocabulary = "the strikes will go on in sector of city we call on russia to cease".split()
    bases = [
        [rnd.choice(vocabulary) for _ in range(rnd.randint(3, 16))]
        for _ in range(rnd.randint(1, 5))
    ]
    items: dict[str, list[Claim]] = {}
    for d in range(rnd.randint(2, 6)):
        saids = []
        for _ in range(rnd.randint(1, 6)):
            words = list(rnd.choice(bases))
            roll = rnd.random()
            if roll < 0.3:
                words[rnd.randrange(len(words))] = rnd.choice(vocabulary)
            elif roll < 0.5 and len(words) > 5:
                start = rnd.randrange(len(words) // 2)
                words = words[start : start + rnd.randint(3, len(words))]
            elif roll < 0.6:
                words += rnd.choices(vocabulary, k=rnd.randint(1, 4))
            saids.append(" ".join(words))
        items[f"a{d}"] = quotes(*saids)
    assert sorted(groups(compare(items))) == _brute_force_groups(items)


# ---------------------------------------------------------------------------
# Figure conflicts
# ---------------------------------------------------------------------------


def figure_article(sentence: str, phrase: str, value: float, counted: str | None,
                   qualifier: Qualifier = "exact", who: str = "Someone", **bounds: float | str | None) -> list[Claim]:  # fmt: skip
    text = f"{who} said {sentence}."
    f = figure(text, phrase, value, counted, qualifier, **bounds)  # type: ignore[arg-type]
    return [claim(text, sentence, speaker(who), kind="indirect", figures=[f])]


FIGURE_CASES = [
    ("exact-vs-exact-disagree",
     figure_article("30 civilians died", "30", 30, "civilians"),
     figure_article("36 civilians died", "36", 36, "civilians"), True),
    ("exact-vs-exact-agree",
     figure_article("36 civilians died", "36", 36, "civilians"),
     figure_article("36 civilians were killed", "36", 36, "civilians"), False),
    ("at-least-30-vs-36",
     figure_article("at least 30 civilians died", "at least 30", 30, "civilians", "at_least", low=30),
     figure_article("36 civilians died", "36", 36, "civilians"), False),
    ("at-least-40-vs-36",
     figure_article("at least 40 civilians died", "at least 40", 40, "civilians", "at_least", low=40),
     figure_article("36 civilians died", "36", 36, "civilians"), True),
    ("more-than-30-vs-30",
     figure_article("more than 30 civilians died", "more than 30", 30, "civilians", "more_than", low=30),
     figure_article("30 civilians died", "30", 30, "civilians"), True),
    ("at-most-30-vs-30",
     figure_article("at most 30 civilians died", "at most 30", 30, "civilians", "at_most", high=30),
     figure_article("30 civilians died", "30", 30, "civilians"), False),
    ("fewer-than-30-vs-30",
     figure_article("fewer than 30 civilians died", "fewer than 30", 30, "civilians", "less_than", high=30),
     figure_article("30 civilians died", "30", 30, "civilians"), True),
    ("up-to-600-vs-700",
     figure_article("up to 600 mercenaries fled", "up to 600", 600, "mercenaries", "up_to", high=600),
     figure_article("700 mercenaries fled", "700", 700, "mercenaries"), True),
    ("about-30-vs-32",
     figure_article("about 30 civilians died", "about 30", 30, "civilians", "about"),
     figure_article("32 civilians died", "32", 32, "civilians"), False),
    ("about-30-vs-36",
     figure_article("about 30 civilians died", "about 30", 30, "civilians", "about"),
     figure_article("36 civilians died", "36", 36, "civilians"), True),
    ("range-10-20-vs-15",
     figure_article("10-20 civilians died", "10-20", 10, "civilians", "range", low=10, high=20),
     figure_article("15 civilians died", "15", 15, "civilians"), False),
    ("singular-vs-plural",
     figure_article("one civilian died", "one", 1, "civilian"),
     figure_article("36 Civilians died", "36", 36, "Civilians"), True),
    ("different-counted-things",
     figure_article("30 civilians died", "30", 30, "civilians"),
     figure_article("36 soldiers died", "36", 36, "soldiers"), False),
    ("counted-none-is-skipped",
     figure_article("30 died", "30", 30, None),
     figure_article("36 died", "36", 36, None), False),
    ("different-units",
     figure_article("30 percent of targets", "30", 30, "targets", unit="percent"),
     figure_article("36 targets were hit", "36", 36, "targets"), False),
]  # fmt: skip


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [(a, b, c) for _, a, b, c in FIGURE_CASES],
    ids=[name for name, *_ in FIGURE_CASES],
)
def test_figure_conflicts(first: list[Claim], second: list[Claim], conflict: bool) -> None:
    report = compare({"first": first, "second": second})
    assert bool(report.figure_conflicts) is conflict
    if conflict:
        (c,) = report.figure_conflicts
        assert [(r.article, r.index) for r in c.figures] == [("first", 0), ("second", 0)]


def test_about_tolerance_is_ten_percent() -> None:
    assert ABOUT_TOLERANCE == 0.1


def test_figure_conflict_fields_and_who_said_which() -> None:
    text_a = "Activists said 30 civilians died. Officials said 4 civilians died."
    text_b = "The Observatory said 36 Civilians were killed."
    f30 = figure(text_a, "30", 30, "civilians")
    f4 = figure(text_a, "4", 4, "civilians")
    f36 = figure(text_b, "36", 36, "Civilians")
    activists = speaker("Activists", "anonymous")
    officials = speaker("Officials", "anonymous")
    observatory = speaker("Syrian Observatory", "organization")
    report = compare(
        {
            "b": [claim(text_b, "36 Civilians were killed", observatory, figures=[f36])],
            "a": [
                claim(text_a, "30 civilians died", activists, figures=[f30]),
                claim(text_a, "4 civilians died", officials, figures=[f4]),
            ],
        }
    )
    (c,) = report.figure_conflicts
    assert c.counted == "civilians"  # the most frequent form, lower case
    assert [(r.article, r.index, r.speaker_id, r.figure.value) for r in c.figures] == [
        ("a", 0, "activists", 30.0),
        ("a", 1, "officials", 4.0),
        ("b", 0, "syrian-observatory", 36.0),
    ]


def test_disagreement_inside_one_article_is_not_a_conflict() -> None:
    text = "Activists said 4 civilians died. Activists said 3 civilians died."
    claims = [
        claim(text, "4 civilians died", figures=[figure(text, "4", 4, "civilians")]),
        claim(text, "3 civilians died", figures=[figure(text, "3", 3, "civilians")]),
    ]
    assert compare({"a": claims, "b": []}).figure_conflicts == ()


def test_figure_in_two_claims_counts_once() -> None:
    text = "Officials said 30 civilians died."
    f = figure(text, "30", 30, "civilians")
    other = figure_article("36 civilians died", "36", 36, "civilians")
    twice = [
        claim(text, "30 civilians died", figures=[f]),
        claim(text, "said 30 civilians died", figures=[f]),
    ]
    (c,) = compare({"a": twice, "b": other}).figure_conflicts
    assert [(r.article, r.index) for r in c.figures] == [("a", 0), ("b", 0)]


# ---------------------------------------------------------------------------
# Speakers and outlets
# ---------------------------------------------------------------------------


def roster_items() -> dict[str, list[Claim]]:
    lavrov, sohr, activists = (
        speaker("Sergei Lavrov"),
        speaker("SOHR", "organization"),
        speaker("activists", "anonymous"),
    )
    text = (
        "Lavrov said one thing. Lavrov denied another. SOHR claimed a third. Activists said more."
    )
    return {
        "a": [
            claim(text, "one thing", lavrov, kind="indirect"),
            claim(text, "another", lavrov, kind="indirect", stance="denial"),
            claim(text, "a third", sohr, kind="indirect", stance="distancing"),
            claim(text, "more", activists, kind="indirect"),
        ],
        "b": [
            claim(text, "one thing", lavrov),
            claim(text, "a third", None, kind="indirect"),
        ],
        "c": [claim(text, "a third", sohr, kind="mixed")],
    }


def test_speaker_roster() -> None:
    report = compare(roster_items())
    rows = [(r.speaker.id, r.articles, r.claims, r.stances, r.kinds) for r in report.speakers]
    assert rows == [
        ("sergei-lavrov", ("a", "b"), 3, {"neutral": 2, "denial": 1}, {"direct": 1, "indirect": 2}),
        ("sohr", ("a", "c"), 2, {"neutral": 1, "distancing": 1}, {"indirect": 1, "mixed": 1}),
        ("activists", ("a",), 1, {"neutral": 1}, {"indirect": 1}),
    ]


def test_outlets() -> None:
    report = compare(roster_items())
    rows = [(o.article, o.claims, o.speakers, o.unattributed, o.kinds, o.anonymous_share)
            for o in report.outlets]  # fmt: skip
    assert rows == [
        ("a", 4, 3, 0, {"indirect": 4}, pytest.approx(1 / 3)),
        ("b", 2, 1, 1, {"direct": 1, "indirect": 1}, 0.0),
        ("c", 1, 1, 0, {"mixed": 1}, 0.0),
    ]


def test_speakers_go_through_canonical_speakers(monkeypatch: pytest.MonkeyPatch) -> None:
    """compare() groups by the canonical speaker that canonical_speakers() returns."""
    calls: list[list[str]] = []

    def merge_mr(speakers: Iterable[Speaker]) -> dict[str, Speaker]:
        speakers = list(speakers)
        calls.append(sorted(s.id for s in speakers))
        putin = Speaker(id="vladimir-putin", name="Vladimir Putin", kind="person",
                        aliases=("Mr Putin", "Putin"))  # fmt: skip
        return {s.id: putin if "putin" in s.id else s for s in speakers}

    monkeypatch.setattr(corpus, "canonical_speakers", merge_mr)
    text = "Mr Putin said it. Putin denied it."
    report = compare(
        {
            "a": [claim(text, "it", speaker("Mr Putin"))],
            "b": [claim(text, "it", speaker("Putin"), stance="denial")],
        }
    )
    assert calls == [["mr-putin", "putin"]]
    (row,) = report.speakers
    assert (row.speaker.name, row.articles, row.claims, row.stances) == (
        "Vladimir Putin", ("a", "b"), 2, {"neutral": 1, "denial": 1},
    )  # fmt: skip
    assert [o.speakers for o in report.outlets] == [1, 1]


# ---------------------------------------------------------------------------
# Determinism, order, serialization, errors
# ---------------------------------------------------------------------------


def mixed_items() -> dict[str, list[Claim]]:
    items = roster_items()
    for _, case, _ in SHARED_CASES[:6]:
        for key, claims in case.items():
            items[f"{key}-x"] = items.get(f"{key}-x", []) + claims
    for name, a, b, _ in FIGURE_CASES:
        items[f"{name}-1"] = a
        items[f"{name}-2"] = b
    return items


def test_order_independence() -> None:
    items = mixed_items()
    base = compare(items)
    assert base.shared_claims
    assert base.figure_conflicts
    assert base.speakers
    keys = list(items)
    for seed in range(5):
        random.Random(seed).shuffle(keys)
        shuffled = compare({k: items[k] for k in keys})
        assert shuffled.model_copy(update={"outlets": base.outlets}) == base
        assert [o.article for o in shuffled.outlets] == keys
        assert sorted(shuffled.outlets, key=lambda o: o.article) == sorted(
            base.outlets, key=lambda o: o.article
        )


def test_json_round_trip_and_pickle() -> None:
    report = compare(mixed_items())
    assert Comparison.model_validate_json(report.model_dump_json()) == report
    assert pickle.loads(pickle.dumps(report)) == report


def test_claim_lists_get_positional_ids() -> None:
    report = compare([quotes(ESCALATION_UK), [], quotes(ESCALATION_US)])
    assert [o.article for o in report.outlets] == ["article-0", "article-1", "article-2"]
    assert groups(report) == [[("article-0", 0), ("article-2", 0)]]


def test_duplicate_ids_are_made_unique() -> None:
    a = parse_article("Nothing here.", id="x")
    report = compare([a, a, [], a])
    assert [o.article for o in report.outlets] == ["x", "x-2", "article-2", "x-3"]


def test_empty() -> None:
    report = compare([])
    assert report == Comparison(speakers=(), shared_claims=(), figure_conflicts=(), outlets=())
    assert "Shared claims (0)" in report.table()


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ("Lavrov said so.", "not a single str"),
        (parse_article("Lavrov said so."), "not a single Article"),
        ([42], r"items\[0\] must be an Article, a str or a list of Claims, not int"),
        ([["not a claim"]], r"items\[0\] must be .* not list"),
        (42, "iterable of articles, not int"),
        ({1: []}, "ids must be str, not int"),
    ],
    ids=["str", "article", "int-item", "list-of-str", "int", "int-key"],
)
def test_type_errors(items: object, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        compare(items)  # type: ignore[arg-type]


def test_table_sections() -> None:
    table = compare(mixed_items()).table()
    heads = [line for line in table.splitlines() if line and line[0].isalpha()]
    assert [h.split(" (")[0] for h in heads] == [
        "Speakers",
        "Shared claims",
        "Figure conflicts",
        "Outlets",
    ]
    assert "sergei-lavrov" in table
    assert "These military actions constitute a further escalation" in table


# ---------------------------------------------------------------------------
# Whole pipeline: hand-written texts and the seed articles
# ---------------------------------------------------------------------------

UK_TEXT = """Moscow vows to go on

LONDON (Reuters) -- The defence ministry said on Friday that its jets had struck 12 targets.

\u201cThe strikes against terrorist organisations will continue until they are defeated,\u201d spokesman Igor Konashenkov said.
"""
US_TEXT = """Russia says strikes will continue

WASHINGTON (AP) -- "The strikes against terrorist organizations will continue until they are defeated," spokesman Igor Konashenkov said.

Activists said the jets had hit 20 targets.
"""


def test_pipeline_texts() -> None:
    uk = parse_article(UK_TEXT, id="uk", source="uk.txt")
    us = parse_article(US_TEXT, id="us")
    report = compare([uk, us])
    (shared,) = report.shared_claims
    assert shared.articles == ("uk", "us")
    assert {m.speaker_id for m in shared.members} == {"igor-konashenkov"}
    (conflict,) = report.figure_conflicts
    assert conflict.counted == "targets"
    assert sorted((r.article, r.figure.value) for r in conflict.figures) == [
        ("uk", 12.0),
        ("us", 20.0),
    ]
    assert [(o.article, o.agency, o.source) for o in report.outlets] == [
        ("uk", "Reuters", "uk.txt"),
        ("us", "AP", None),
    ]
    # A text is parsed with parse_article: the same report, ids aside.
    by_text = compare({"uk": UK_TEXT, "us": US_TEXT})
    assert by_text.shared_claims == report.shared_claims


@pytest.fixture(scope="module")
def seeds() -> list[Article]:
    paths = sorted(SEEDS.glob("*.txt"))
    assert len(paths) == 5
    return [
        parse_article(p.read_text(encoding="utf-8"), id=p.stem[:3], source=p.name) for p in paths
    ]


@pytest.fixture(scope="module")
def seed_report(seeds: list[Article]) -> Comparison:
    return compare(seeds)


def test_seeds_joint_statement_is_shared(seed_report: Comparison) -> None:
    """000 (British spelling, curly quotes) and 001 (American, straight) quote the statement.

    Both quote it in two pieces around "the statement read"; 001 quotes one more
    clause, so the pieces of 000 are contained in those of 001.
    """
    (shared,) = [
        s for s in seed_report.shared_claims
        if s.text.startswith("These military actions constitute a further escalation")
    ]  # fmt: skip
    assert shared.articles == ("000", "001")
    assert [(m.article, m.kind) for m in shared.members] == [("000", "direct"), ("001", "direct")]
    first, second = shared.members
    assert first.speaker_id is not None
    assert first.speaker_id == second.speaker_id
    by_article = {m.article: m.content.text for m in shared.members}
    assert "more extremism and radicalisation,\u201d the statement read" in by_article["000"]
    assert 'more extremism and radicalization," the statement read' in by_article["001"]
    # The representative text is what was said, without the interrupting cue: 001's, the longer.
    assert shared.text.endswith("radicalization, We call on the Russian Federation to immediately "
                                "cease its attacks on the Syrian opposition and civilians and to "
                                "focus its efforts on fighting [IS].")  # fmt: skip


def test_seeds_figures(seed_report: Comparison) -> None:
    counted = {c.counted: c for c in seed_report.figure_conflicts}
    civilians = counted["civilians"]
    said = {(r.article, r.figure.span.text, r.figure.qualifier) for r in civilians.figures}
    # "at least 30" (001) and "36" (003) are both there; they agree, but SOHR's four
    # civilians in 000 disagree with both.
    assert {
        ("001", "at least 30", "at_least"),
        ("003", "36", "exact"),
        ("000", "Four", "exact"),
    } <= said
    # Both 002 and 003 say the ministry hit 12 targets: no conflict on "target".
    assert "targets" not in counted
    # Kartapolov's 60 sorties (001) and Haj Ali's two (002): a conflict by the rules.
    assert [(r.article, r.figure.value) for r in counted["sorties"].figures] == [
        ("001", 60.0),
        ("002", 2.0),
    ]


def test_seeds_roster_and_outlets(seeds: list[Article], seed_report: Comparison) -> None:
    ids = [r.speaker.id for r in seed_report.speakers]
    assert len(ids) == len(set(ids))
    counts = [r.claims for r in seed_report.speakers]
    assert counts == sorted(counts, reverse=True)
    assert [o.article for o in seed_report.outlets] == ["000", "001", "002", "003", "004"]
    assert seed_report.outlets[1].agency == "UPI"
    total = sum(o.claims for o in seed_report.outlets)
    attributed = sum(r.claims for r in seed_report.speakers)
    assert attributed == total - sum(o.unattributed for o in seed_report.outlets)
    konashenkov = next(r for r in seed_report.speakers if "konashenkov" in r.speaker.id)
    assert konashenkov.articles == ("003", "004")


def test_seeds_order_independence(seeds: list[Article], seed_report: Comparison) -> None:
    shuffled = list(reversed(seeds))
    other = compare(shuffled)
    assert other.model_copy(update={"outlets": seed_report.outlets}) == seed_report
    assert [o.article for o in other.outlets] == ["004", "003", "002", "001", "000"]


def test_conflict_label_is_the_most_frequent_form() -> None:
    a = figure_article("one civilian died", "one", 1, "civilian")
    b = figure_article("36 Civilians died", "36", 36, "Civilians")
    c = figure_article("40 civilians died", "40", 40, "civilians")
    assert compare({"a": a, "b": b}).figure_conflicts[0].counted == "civilian"  # tie: shortest
    assert compare({"a": a, "b": b, "c": c}).figure_conflicts[0].counted == "civilians"


def test_pipeline_said_number_without_that() -> None:
    report = compare(
        {
            "a": "Activists said 30 civilians were killed.",
            "b": "Officials said that 36 civilians were killed.",
        }
    )
    (conflict,) = report.figure_conflicts
    assert [r.figure.value for r in conflict.figures] == [30.0, 36.0]
