"""Reporting cues: the verbs and phrases that mark an attribution.

The lexicon lists lemmas with a stance (``claim	distancing``); this module
derives their inflected forms, compiles them once per lexicon into a single
pattern, and finds cues with their lemma, stance and negation.

>>> text = "Officials did not confirm reports, but Russia claimed it had won."
>>> [(c.span.text, c.lemma, c.stance, c.negated) for c in find_cues(text, 0, len(text))]
[('confirm', 'confirm', 'endorsing', True), ('reports', 'report', 'neutral', False), ('claimed', 'claim', 'distancing', False)]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

import regex

from attribution.lexicon import Lexicon
from attribution.models import Span

__all__ = ["Cue", "cue_forms", "find_cues"]

# Irregular verb forms: lemma -> (3rd person, past, past participle, -ing).
IRREGULAR: Final[dict[str, tuple[str, ...]]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "speak": ("speaks", "spoke", "spoken", "speaking"),
    "think": ("thinks", "thought", "thinking"),
    "feel": ("feels", "felt", "feeling"),
    "find": ("finds", "found", "finding"),
    "show": ("shows", "showed", "shown", "showing"),
    "read": ("reads", "read", "reading"),
    "forecast": ("forecasts", "forecast", "forecasted", "forecasting"),
    "swear": ("swears", "swore", "sworn", "swearing"),
    "teach": ("teaches", "taught", "teaching"),
    "hear": ("hears", "heard", "hearing"),
}

# Final consonants doubled before -ed/-ing in these lemmas (stress on the last syllable).
DOUBLING: Final = frozenset({"admit", "commit", "regret", "refer", "prefer", "plan", "omit", "rebut"})

# Multi-word cues: phrase -> (lemma, stance).
PHRASES: Final[dict[str, tuple[str, str]]] = {
    "according to": ("according to", "neutral"),
    "quoted as saying": ("say", "neutral"),
    "pointed out": ("point out", "neutral"),
    "points out": ("point out", "neutral"),
    "pointing out": ("point out", "neutral"),
    "went on to say": ("say", "neutral"),
}

# Words that negate a following cue: "did not confirm", "never said", "won't say".
NEGATION_RE: Final = regex.compile(
    r"(?:\b(?:not|never|no\s+longer)|n[\u2019']t)\s+(?:\p{L}+ly\s+)?$", regex.IGNORECASE
)

# Verbs that are cues only with a document subject ("the statement read").
DOCUMENT_ONLY: Final = frozenset({"read"})


@dataclass(frozen=True, slots=True)
class Cue:
    """A reporting cue found in the text.

    Attributes:
        span: the cue as written ("said", "according to").
        lemma: its lemma ("say").
        stance: what the cue implies: neutral, distancing, denial, endorsing, other.
        form: "verb", "phrase", "noun" ("reports that") or "adjective" ("concerned that").
        negated: preceded by a negation ("did not confirm").
        participle: an -ing form ("saying", "claiming").
    """

    span: Span
    lemma: str
    stance: str
    form: str
    negated: bool = False
    participle: bool = False


def _inflect(lemma: str) -> tuple[str, ...]:
    if lemma in IRREGULAR:
        return IRREGULAR[lemma]
    if lemma.endswith("e"):
        past, ing = lemma + "d", lemma[:-1] + "ing"
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        past, ing = lemma[:-1] + "ied", lemma + "ing"
    elif lemma in DOUBLING:
        past, ing = lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"
    else:
        past, ing = lemma + "ed", lemma + "ing"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        third = lemma + "es"
    elif lemma.endswith("y") and lemma[-2:-1] not in ("a", "e", "o", "u"):
        third = lemma[:-1] + "ies"
    else:
        third = lemma + "s"
    return third, past, ing


def cue_forms(lemmas: Iterable[str]) -> dict[str, str]:
    """Every inflected form of each lemma, mapped back to its lemma.

    >>> forms = cue_forms(["say", "deny", "admit", "claim"])
    >>> forms["said"], forms["denies"], forms["admitted"], forms["claiming"]
    ('say', 'deny', 'admit', 'claim')
    """
    out: dict[str, str] = {}
    for lemma in sorted(lemmas):
        out.setdefault(lemma, lemma)
        for form in _inflect(lemma):
            out.setdefault(form, lemma)
    return out


@dataclass(frozen=True, slots=True)
class _Compiled:
    pattern: regex.Pattern[str]
    any_case: regex.Pattern[str]
    nominal: regex.Pattern[str]
    forms: dict[str, str]


@functools.lru_cache(maxsize=16)
def _compiled(lexicon: Lexicon) -> _Compiled:
    forms = cue_forms(lexicon.reporting_verbs)
    words = sorted({*forms, *PHRASES}, key=lambda w: (-len(w), w))
    alternation = "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in words)
    # One pass over the text: a whole word (or phrase) from the form list, lower case
    # except a sentence-initial "According to".
    body = rf"(?<![\p{{L}}\p{{N}}\-'\u2019])(?:{alternation}|According\s+to)(?![\p{{L}}\p{{N}}\-])"
    nouns = "|".join(regex.escape(w) for w in sorted(lexicon.noun_cues, key=lambda w: (-len(w), w)))
    adjectives = "|".join(regex.escape(w) for w in sorted(lexicon.attitudes, key=lambda w: (-len(w), w)))
    # A reporting noun before "that" (optionally "by <source>"), or an adjective of
    # attitude between a copula and "that". Bounded pieces, so no backtracking blow-up.
    nominal = (
        rf"\b(?P<noun>{nouns or '(?!)'})(?=\s++(?:by\s[^,.;:\n]{{1,80}}?\s)?that\b)"
        rf"|(?<=\b(?:is|are|was|were|be|been|being|remain|remains|remained|feel|feels|felt|seem|seems|seemed)\s++(?:\p{{L}}++ly\s++)?)"
        rf"(?P<adj>{adjectives or '(?!)'})(?=\s++that\b)"
    )
    return _Compiled(
        regex.compile(body), regex.compile(body, regex.IGNORECASE), regex.compile(nominal), forms
    )


def find_cues(
    text: str, start: int, end: int, *, lexicon: Lexicon | None = None, any_case: bool = False
) -> list[Cue]:
    """The reporting cues in ``text[start:end]``, in text order.

    Only lower-case forms count ("States" in "United States" is not a cue),
    except "According to" at the start of a sentence; ``any_case`` lifts that rule
    for headlines in Title Case ("Putin Says Strikes Will Go On").

    >>> text = "The United States said it was ready, according to AFP."
    >>> [(c.span.text, c.lemma) for c in find_cues(text, 0, len(text))]
    [('said', 'say'), ('according to', 'according to')]
    """
    lex = lexicon or Lexicon.default()
    comp = _compiled(lex)
    out: list[Cue] = []
    pattern = comp.any_case if any_case else comp.pattern
    for m in pattern.finditer(text, start, end):
        word = regex.sub(r"\s+", " ", m.group()).lower()
        if word in PHRASES:
            lemma, stance = PHRASES[word]
            form = "phrase"
        else:
            lemma = comp.forms[word]
            stance = lex.reporting_verbs.get(lemma, "neutral")
            form = "verb"
        negated = NEGATION_RE.search(text, max(start, m.start() - 30), m.start()) is not None
        out.append(
            Cue(
                span=Span.of(text, m.start(), m.end()),
                lemma=lemma,
                stance=stance,
                form=form,
                negated=negated,
                participle=word.endswith("ing") and not lemma.endswith("ing"),
            )
        )
    for m in comp.nominal.finditer(text, start, end):
        word = m.group()
        if m.group("noun") is not None:
            lemma = lex.noun_cues[word]
            stance = lex.noun_stances.get(word) or lex.reporting_verbs.get(lemma, "neutral")
            form = "noun"
        else:
            lemma, stance, form = f"be {word}", "neutral", "adjective"
        out.append(Cue(span=Span.of(text, m.start(), m.end()), lemma=lemma, stance=stance, form=form))
    if out and out[-1].form in ("noun", "adjective"):
        out.sort(key=lambda c: c.span.start)
    return out
