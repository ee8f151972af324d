"""Golden rules for attribution.cues: inflection, lemma and stance, negation, case, nominal cues."""

from __future__ import annotations

import re
from typing import Any

import pytest

from attribution.cues import ONLY_INFLECTED, cue_forms, find_cues, lemma_of, trie_pattern
from attribution.lexicon import Lexicon

STANCES = {"neutral", "distancing", "denial", "endorsing", "other"}


def case(id: str, *values: Any, xfail: str | None = None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=xfail)] if xfail else []
    return pytest.param(*values, id=id, marks=marks)


def cues(text: str, **kw: Any) -> list[tuple[str, str, str, bool]]:
    """(cue as written, lemma, stance, negated) for each cue in ``text``."""
    return [
        (c.span.text, c.lemma, c.stance, c.negated) for c in find_cues(text, 0, len(text), **kw)
    ]


# --------------------------------------------------------------------------------------
# Inflection

FORMS = [
    case("regular", "claim", ["claims", "claimed", "claiming"]),
    case("final-e", "state", ["states", "stated", "stating"]),
    case("consonant-y", "deny", ["denies", "denied", "denying"]),
    case("vowel-y", "say", ["says", "said", "saying"]),
    case("sibilant", "stress", ["stresses", "stressed", "stressing"]),
    case("ch", "reach", ["reaches", "reached", "reaching"]),
    case("doubling", "admit", ["admits", "admitted", "admitting"]),
    case("irregular-tell", "tell", ["tells", "told", "telling"]),
    case("irregular-write", "write", ["writes", "wrote", "written", "writing"]),
    case("irregular-speak", "speak", ["speaks", "spoke", "spoken", "speaking"]),
    case("irregular-read", "read", ["reads", "read", "reading"]),
    case("irregular-think", "think", ["thinks", "thought", "thinking"]),
    case("irregular-find", "find", ["finds", "found", "finding"]),
    case("irregular-show", "show", ["shows", "showed", "shown", "showing"]),
    case("no-doubling-unstressed", "posit", ["posits", "posited", "positing"]),
    case(
        "doubling-quip",
        "quip",
        ["quips", "quipped", "quipping"],
    ),
    case(
        "doubling-slam",
        "slam",
        ["slams", "slammed", "slamming"],
    ),
    case(
        "doubling-brag",
        "brag",
        ["brags", "bragged", "bragging"],
    ),
    case(
        "irregular-see",
        "see",
        ["sees", "saw", "seen", "seeing"],
    ),
    case(
        "irregular-know",
        "know",
        ["knows", "knew", "known", "knowing"],
    ),
]


@pytest.mark.parametrize(("lemma", "forms"), FORMS)
def test_cue_forms(lemma: str, forms: list[str]) -> None:
    table = cue_forms([lemma])
    assert {form: table.get(form) for form in forms} == dict.fromkeys(forms, lemma)
    assert table[lemma] == lemma


def test_cue_forms_cover_every_lemma_of_the_lexicon() -> None:
    lemmas = Lexicon.default().reporting_verbs
    table = cue_forms(lemmas)
    assert set(table.values()) == set(lemmas)
    assert all(table[lemma] == lemma for lemma in lemmas if lemma not in ONLY_INFLECTED)
    assert all(form.islower() and " " not in form for form in table)


def test_only_inflected_lemmas_keep_their_other_forms() -> None:
    table = cue_forms(["back", "say"])
    assert "back" not in table
    assert "backs" not in table
    assert table["backed"] == "back"
    assert table["backing"] == "back"
    assert table["say"] == "say"


def test_cue_forms_first_lemma_wins() -> None:
    # "read" is its own past tense; a form shared by two lemmas keeps the first, sorted.
    table = cue_forms(["say", "read"])
    assert table["read"] == "read"
    assert table["said"] == "say"


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        pytest.param("said", "say", id="said"),
        pytest.param("Denied", "deny", id="capitalized"),
        pytest.param("describing", "describe", id="participle"),
        pytest.param("acknowledges", "acknowledge", id="third-person"),
        pytest.param("strikes", None, id="not-a-cue"),
        pytest.param("sayings", None, id="noun-of-a-cue"),
    ],
)
def test_lemma_of(word: str, lemma: str | None) -> None:
    assert lemma_of(word) == lemma


# --------------------------------------------------------------------------------------
# Finding cues: lemma, stance, negation

FIND = [
    case("said", "The minister said it was over.", [("said", "say", "neutral", False)]),
    case("told", "She told Reuters it was over.", [("told", "tell", "neutral", False)]),
    case("stated", "The ministry stated it was safe.", [("stated", "state", "neutral", False)]),
    case("added", "He added it was late.", [("added", "add", "neutral", False)]),
    case("claimed", "Russia claimed it had won.", [("claimed", "claim", "distancing", False)]),
    case("alleged", "Prosecutors alleged he lied.", [("alleged", "allege", "distancing", False)]),
    case("insists", "She insists it is true.", [("insists", "insist", "distancing", False)]),
    case("denied", "The club denied it.", [("denied", "deny", "denial", False)]),
    case("rejected", "The court rejected the appeal.", [("rejected", "reject", "denial", False)]),
    case(
        "dismissed",
        "He dismissed the reports as lies.",
        [("dismissed", "dismiss", "denial", False), ("reports", "report", "neutral", False)],
    ),
    case(
        "confirmed", "Police confirmed two arrests.", [("confirmed", "confirm", "endorsing", False)]
    ),
    case(
        "acknowledged",
        "The bank acknowledged the error.",
        [("acknowledged", "acknowledge", "endorsing", False)],
    ),
    case("admitted", "The coach admitted mistakes.", [("admitted", "admit", "endorsing", False)]),
    case("praised", "The mayor praised the firefighters.", [("praised", "praise", "other", False)]),
    case(
        "did-not-confirm",
        "Officials did not confirm the deaths.",
        [("confirm", "confirm", "endorsing", True)],
    ),
    case("never-said", "He never said that.", [("said", "say", "neutral", True)]),
    case("didnt-deny", "She didn't deny it.", [("deny", "deny", "denial", True)]),
    case("didnt-curly", "She didn’t deny it.", [("deny", "deny", "denial", True)]),
    case("wont-say", "They won't say.", [("say", "say", "neutral", True)]),
    case("no-longer", "He no longer insists on it.", [("insists", "insist", "distancing", True)]),
    case(
        "adverb-between",
        "He did not immediately confirm it.",
        [("confirm", "confirm", "endorsing", True)],
    ),
    case("not-negated-far-away", "It was not over, he said.", [("said", "say", "neutral", False)]),
    case(
        "not-negated-another-word",
        "Nothing changed, he noted.",
        [("noted", "note", "neutral", False)],
    ),
    case(
        "according-to-lower",
        "The United States said it was ready, according to AFP.",
        [("said", "say", "neutral", False), ("according to", "according to", "neutral", False)],
    ),
    case(
        "according-to-sentence-start",
        "According to AFP, it was over.",
        [("According to", "according to", "neutral", False)],
    ),
    case(
        "according-to-line-break",
        "It was over, according\nto AFP.",
        [("according\nto", "according to", "neutral", False)],
    ),
    case(
        "pointed-out",
        "He pointed out that it was late.",
        [("pointed out", "point out", "neutral", False)],
    ),
    case(
        "quoted-as-saying",
        "He was quoted as saying it.",
        [("quoted as saying", "say", "neutral", False)],
    ),
    case("went-on-to-say", "He went on to say it.", [("went on to say", "say", "neutral", False)]),
    # case: only lower-case forms, outside headlines
    case("united-states", "The United States and the Gulf States met.", []),
    case("secretary-of-state", "Secretary of State Antony Blinken arrived.", []),
    case("port-said", "Ships waited at Port Said.", []),
    case("headline-without-any-case", "Putin Says Strikes Will Go On", []),
    # word edges
    case("inside-words", "The sayings of the unsaid, self-claimed and well-said.", []),
    case("possessive-apostrophe", "The minister's said-to-be ally left.", []),
    case(
        "according-to-capitalized-mid-sentence",
        "Troops moved in, According to witnesses.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FIND)
def test_find_cues(text: str, expected: list[tuple[str, str, str, bool]]) -> None:
    assert cues(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Putin Says Strikes Will Go On", [("Says", "say")], id="says"),
        pytest.param(
            "Minister Denies Report Of Deal",
            [("Denies", "deny"), ("Report", "report")],
            id="denies",
        ),
        pytest.param("UN CONFIRMS CEASEFIRE", [("CONFIRMS", "confirm")], id="upper"),
    ],
)
def test_any_case_for_title_case_headlines(text: str, expected: list[tuple[str, str]]) -> None:
    assert [
        (c.span.text, c.lemma) for c in find_cues(text, 0, len(text), any_case=True)
    ] == expected


def test_participle_flag() -> None:
    text = "He left, adding that it was over and saying nothing else. He was seen."
    flags = {c.span.text: c.participle for c in find_cues(text, 0, len(text))}
    assert flags["adding"] is True
    assert flags["saying"] is True


def test_stretch_bounds() -> None:
    text = "He said it. She claimed it. They denied it."
    start, end = text.index("She"), text.index("They")
    assert [c.span.text for c in find_cues(text, start, end)] == ["claimed"]
    for c in find_cues(text, 0, len(text)):
        assert c.span.slices(text)


# --------------------------------------------------------------------------------------
# Invisible format characters and combining marks

INVISIBLE = [
    case("zwsp-after-cue", "Lavrov said\u200b the jets hit targets.", [("said", "say", "neutral", False)]),
    case("soft-hyphen-after-cue", "Lavrov said\u00ad it.", [("said", "say", "neutral", False)]),
    case("lrm-before-cue", "Lavrov\u200e said it.", [("said", "say", "neutral", False)]),
    case(
        "isolates-around-cue",
        "Lavrov \u2066said\u2069 it.",
        [("said", "say", "neutral", False)],
    ),
    case(
        "zwsp-inside-phrase",
        "It hit 12 targets, according\u200b to AFP.",
        [("according\u200b to", "according to", "neutral", False)],
    ),
    case(
        "only-a-format-character-inside-phrase",
        "It hit 12 targets, according\u2060to AFP.",
        [("according\u2060to", "according to", "neutral", False)],
    ),
    case(
        "zwsp-after-not",
        "Officials did not\u200b confirm it.",
        [("confirm", "confirm", "endorsing", True)],
    ),
    case("combining-mark-after-cue", "He sai\u0301d it and saìd so.", []),
    case("combining-mark-before-cue", "Jose\u0301said it.", []),
    case(
        "combining-mark-ends-the-previous-word",
        "Garci\u0301a said it.",
        [("said", "say", "neutral", False)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), INVISIBLE)
def test_invisible_characters_around_cues(
    text: str, expected: list[tuple[str, str, str, bool]]
) -> None:
    assert cues(text) == expected


def test_format_characters_before_that_after_a_reporting_noun() -> None:
    text = "There were reports\u200b that the jets had crashed."
    nouns = [(c.span.text, c.lemma) for c in find_cues(text, 0, len(text)) if c.form == "noun"]
    assert nouns == [("reports", "report")]


# --------------------------------------------------------------------------------------
# Reporting nouns and adjectives of attitude

NOMINAL = [
    case(
        "reports-that",
        "There were reports that the jets had crashed.",
        [("reports", "report", "neutral", "noun")],
    ),
    case(
        "allegation-by-that",
        "The allegation by the opposition that the vote was rigged.",
        [("allegation", "allege", "distancing", "noun")],
    ),
    case(
        "claims-that",
        "He rejected claims that the mine was unsafe.",
        [("claims", "claim", "distancing", "noun")],
    ),
    case(
        "denials-that",
        "Despite denials that troops had crossed, villagers fled.",
        [("denials", "deny", "denial", "noun")],
    ),
    case("noun-without-that", "The reports were false.", []),
    case(
        "are-concerned-that",
        "Officials are concerned that the virus will spread.",
        [("concerned", "be concerned", "neutral", "adjective")],
    ),
    case(
        "adverb-before-adjective",
        "He was deeply concerned that the virus will spread.",
        [("concerned", "be concerned", "neutral", "adjective")],
    ),
    case(
        "remain-confident",
        "Investors remain confident that rates will fall.",
        [("confident", "be confident", "neutral", "adjective")],
    ),
    case("adjective-without-copula", "A concerned citizen left.", []),
    case("adjective-without-that", "Officials are concerned about the virus.", []),
]


@pytest.mark.parametrize(("text", "expected"), NOMINAL)
def test_nominal_cues(text: str, expected: list[tuple[str, str, str, str]]) -> None:
    found = [
        (c.span.text, c.lemma, c.stance, c.form)
        for c in find_cues(text, 0, len(text))
        if c.form in ("noun", "adjective")
    ]
    assert found == expected


# --------------------------------------------------------------------------------------
# Lexicon: every lemma has a stance; a custom lexicon is honoured


def test_every_reporting_verb_has_a_known_stance() -> None:
    lex = Lexicon.default()
    assert set(lex.reporting_verbs.values()) <= STANCES
    assert set(lex.noun_stances.values()) - {""} <= STANCES


def test_custom_lexicon() -> None:
    custom = Lexicon.default().extend(reporting_verbs={"harrumph": "distancing"})
    text = "The senator harrumphed that the bill was a disgrace."
    assert cues(text, lexicon=custom) == [("harrumphed", "harrumph", "distancing", False)]
    assert cues(text) == []
    assert lemma_of("harrumphing", lexicon=custom) == "harrumph"
    assert lemma_of("harrumphing") is None


# --------------------------------------------------------------------------------------
# trie_pattern


@pytest.mark.parametrize(
    ("words", "pattern"),
    [
        pytest.param(["say", "said", "says"], "sa(?:id|y(?:s)?)", id="docstring"),
        pytest.param(["a"], "a", id="one-letter"),
        pytest.param(["ab", "ac"], "a(?:b|c)", id="branch"),
        pytest.param(["a", "ab"], "a(?:b)?", id="prefix-is-a-word"),
        pytest.param([], "", id="empty"),
    ],
)
def test_trie_pattern_shape(words: list[str], pattern: str) -> None:
    assert trie_pattern(words) == pattern


@pytest.mark.parametrize(
    "words",
    [
        pytest.param(["say", "said", "says", "saying", "state", "stated", "states"], id="forms"),
        pytest.param(["a.b", "a+b", "a b", "(x)", "[y]"], id="specials-escaped"),
        pytest.param(list(cue_forms(Lexicon.default().reporting_verbs)), id="lexicon"),
        pytest.param(["according to", "accord", "acc"], id="shared-prefixes"),
    ],
)
def test_trie_pattern_matches_exactly_its_words(words: list[str]) -> None:
    compiled = re.compile(rf"(?:{trie_pattern(words)})\Z")
    for word in words:
        assert compiled.match(word), word
    for word in words:
        for wrong in (word + "x", "x" + word, word[:-1] + "\u00e9"):
            if wrong not in words:
                assert not compiled.match(wrong), wrong
