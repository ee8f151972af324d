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
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Final

from attribution.lexicon import Lexicon
from attribution.models import Span
from attribution.segment import FORMAT_CHARS, MARK_CHARS

__all__ = ["Cue", "cue_forms", "find_cues", "lemma_of", "trie_pattern"]

# Irregular verb forms: lemma -> (3rd person, past, past participle, -ing).
IRREGULAR: Final[dict[str, tuple[str, ...]]] = {
    "say": ("says", "said", "saying"),
    "see": ("sees", "saw", "seen", "seeing"),
    "know": ("knows", "knew", "known", "knowing"),
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
DOUBLING: Final = frozenset(
    {
        "admit",
        "commit",
        "regret",
        "refer",
        "prefer",
        "plan",
        "omit",
        "rebut",
        "quip",
        "slam",
        "brag",
        "nag",
        "jab",
        "stab",
        "shrug",
        "chat",
        "blog",
        "vet",
        "bar",
    }
)

# Lemmas whose plain forms are mostly other words: "back" (an adverb), "backs" (a
# noun); only "backed" and "backing" are cues.
ONLY_INFLECTED: Final[dict[str, frozenset[str]]] = {"back": frozenset({"back", "backs"})}

# Multi-word cues: phrase -> (lemma, stance).
PHRASES: Final[dict[str, tuple[str, str]]] = {
    "according to": ("according to", "neutral"),
    "quoted as saying": ("say", "neutral"),
    "pointed out": ("point out", "neutral"),
    "points out": ("point out", "neutral"),
    "pointing out": ("point out", "neutral"),
    "went on to say": ("say", "neutral"),
    "put it": ("put it", "neutral"),
    "puts it": ("put it", "neutral"),
    "putting it": ("put it", "neutral"),
    "shot back": ("shoot back", "other"),
    "shoots back": ("shoot back", "other"),
    "fired back": ("fire back", "other"),
    "fires back": ("fire back", "other"),
    "hit back": ("hit back", "other"),
    "hits back": ("hit back", "other"),
}

# A gap between two words: white space, or an invisible format character (ZWSP, LRM,
# soft hyphen) that scraped text leaves there. Possessive: what follows a gap is never
# part of one, and a long run of blanks is not scanned again from each of its positions.
_GAP: Final = rf"[\s{FORMAT_CHARS}]++"

# Words that negate a following cue: "did not confirm", "never said", "won't say".
NEGATION_RE: Final = re.compile(
    rf"(?:\b(?:not|never|no{_GAP}longer)|n[\u2019']t){_GAP}(?:\w+ly{_GAP})?$", re.IGNORECASE
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
        skip = ONLY_INFLECTED.get(lemma, frozenset())
        if lemma not in skip:
            out.setdefault(lemma, lemma)
        for form in _inflect(lemma):
            if form not in skip:
                out.setdefault(form, lemma)
    return out


def trie_pattern(words: Iterable[str], *, space: str | None = None) -> str:
    """A regular expression that matches any of ``words``, factored as a trie.

    An alternation of hundreds of words makes the engine try each word at each
    position; a trie tries each character once. With the standard library's
    ``re`` this scans news text at over 20 MB/s.

    >>> trie_pattern(["say", "said", "says"])
    'sa(?:id|y(?:s)?)'

    ``space`` is the pattern a space inside a word stands for, so that phrases join
    the same trie (by default a space matches itself):

    >>> print(trie_pattern(["point", "pointed out"], space="_+"))
    point(?:ed_+out)?
    """
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def atom(ch: str) -> str:
        return space if ch == " " and space is not None else re.escape(ch)

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        alts = [atom(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        if len(alts) == 1 and not ends:
            return alts[0]
        return "(?:" + "|".join(alts) + ")" + ("?" if ends else "")

    return emit(root)


@dataclass(frozen=True, slots=True)
class _Compiled:
    pattern: re.Pattern[str]
    any_case: re.Pattern[str]
    nouns: re.Pattern[str]
    forms: dict[str, str]


# After a reporting noun: "that", or "by <source> that" (bounded).
_NOUN_THAT_RE: Final = re.compile(rf"{_GAP}(?:by\s[^,.;:\n]{{1,80}}?\s)?that\b")
# Before an adjective of attitude: a copula, maybe an adverb ("are deeply concerned").
_COPULA_BEFORE_RE: Final = re.compile(
    r"\b(?:is|are|was|were|be|been|being|remain|remains|remained|feel|feels|felt|seem|seems|seemed)"
    rf"{_GAP}(?:\w+ly{_GAP})?$"
)
_THAT_AFTER_RE: Final = re.compile(rf"{_GAP}that\b")
_SPACES_RE: Final = re.compile(_GAP)


# Before a cue: no word character, apostrophe or hyphen ("unsaid", "al-Qaeda's").
# (A combining mark there is checked apart, by _after_mark: a class of every mark in a
# lookbehind, tried at each position of the text, would double the time of the scan.)
_BEFORE: Final = r"(?<![\w'\u2019-])"
# After a cue: no word character, combining mark ("sai\u0301d" is not "said") or hyphen.
_AFTER: Final = rf"(?![\w{MARK_CHARS}-])"


def _after_mark(text: str, pos: int) -> bool:
    """Whether the character before ``pos`` is a combining mark (it ends a word)."""
    return pos > 0 and text[pos - 1] >= "\u0300" and unicodedata.category(text[pos - 1])[0] == "M"


@functools.lru_cache(maxsize=16)
def _compiled(lexicon: Lexicon) -> _Compiled:
    forms = cue_forms(lexicon.reporting_verbs)
    # One pass over the text: a whole word from the form list, or a phrase, all in one
    # trie so that the engine skips in C to the next possible first letter. Lower case
    # only, except a sentence-initial "According to". A phrase is preferred to the word
    # it starts with ("pointed out" to "pointed"): a trie tries the longer path first.
    body = trie_pattern([*forms, *PHRASES, "According to"], space=_GAP)
    # Reporting nouns and adjectives of attitude; what must follow is checked per match.
    nominal = trie_pattern([*lexicon.noun_cues, *lexicon.attitudes]) or "(?!)"
    return _Compiled(
        re.compile(f"{_BEFORE}(?:{body}){_AFTER}"),
        re.compile(f"{_BEFORE}(?:{body}){_AFTER}", re.IGNORECASE),
        re.compile(f"{_BEFORE}(?:{nominal}){_AFTER}"),
        forms,
    )


@functools.cache
def _default_compiled() -> _Compiled:
    return _compiled(Lexicon.default())


def _matches(pattern: re.Pattern[str], text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text, start, end)``, without the matches that follow a combining
    mark (as if ``_BEFORE`` held every mark)."""
    pos = start
    while (m := pattern.search(text, pos, end)) is not None:
        if _after_mark(text, m.start()):
            pos = m.start() + 1  # what the lookbehind would have done
            continue
        yield m
        pos = m.end()


# What may stand before a sentence: its end, an opening mark, or a line break.
_SENTENCE_BEFORE_RE: Final = re.compile(
    r"(?:^|[.!?:;\n][\"'\u201d\u2019)\]]*\s+|[\"'\u201c\u2018(]\s*)$"
)


def _at_sentence_start(text: str, pos: int, start: int) -> bool:
    return pos <= start or _SENTENCE_BEFORE_RE.search(text[max(start, pos - 8) : pos]) is not None


def lemma_of(word: str, *, lexicon: Lexicon | None = None) -> str | None:
    """The lemma of a reporting-verb form, or None when the word is not one.

    >>> lemma_of("describing"), lemma_of("strikes")
    ('describe', None)
    """
    lex = lexicon or Lexicon.default()
    comp = _default_compiled() if lex is Lexicon.default() else _compiled(lex)
    return comp.forms.get(word.lower())


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
    # The built-in lexicon by identity: hashing a Lexicon for the cache costs more than a
    # short paragraph's scan.
    comp = _default_compiled() if lex is Lexicon.default() else _compiled(lex)
    out: list[Cue] = []
    pattern = comp.any_case if any_case else comp.pattern
    for m in _matches(pattern, text, start, end):
        raw = m.group()
        if raw[0] == "A" and not _at_sentence_start(text, m.start(), start):
            continue  # "According to" with a capital only opens a sentence
        # One word has no gap to make a space (a letter is no space nor format character).
        word = raw.lower() if raw.isalpha() else _SPACES_RE.sub(" ", raw).lower()
        if word in PHRASES:
            lemma, stance = PHRASES[word]
            form = "phrase"
        else:
            lemma = comp.forms[word]
            stance = lex.reporting_verbs.get(lemma, "neutral")
            form = "verb"
        before = text[max(start, m.start() - 30) : m.start()]
        negated = ("n" in before or "N" in before) and NEGATION_RE.search(before) is not None
        out.append(
            Cue(
                span=Span.of(text, m.start(), m.end()),
                lemma=lemma,
                stance=stance,
                form=form,
                negated=negated,
                participle=word.split(" ", 1)[0].endswith("ing") and not lemma.endswith("ing"),
            )
        )
    extra = False
    # A reporting noun or an adjective of attitude is a cue only before "that" (both
    # patterns below need it): a stretch without one has none, which find() tells first.
    # (The bounds as a regex takes them: below 0 is 0.)
    has_that = text.find("that", max(start, 0), max(end, 0)) >= 0
    nouns = _matches(comp.nouns, text, start, end) if has_that else ()
    for m in nouns:
        word = m.group()
        if word in lex.noun_cues:
            if not _NOUN_THAT_RE.match(text, m.end(), min(end, m.end() + 100)):
                continue
            lemma = lex.noun_cues[word]
            stance = lex.noun_stances.get(word) or lex.reporting_verbs.get(lemma, "neutral")
            form = "noun"
        else:
            if not _THAT_AFTER_RE.match(text, m.end(), end):
                continue
            if not _COPULA_BEFORE_RE.search(text[max(start, m.start() - 40) : m.start()]):
                continue
            lemma, stance, form = f"be {word}", "neutral", "adjective"
        out.append(
            Cue(span=Span.of(text, m.start(), m.end()), lemma=lemma, stance=stance, form=form)
        )
        extra = True
    if extra:
        out.sort(key=lambda c: c.span.start)
    return out
