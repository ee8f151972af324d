"""Speakers: who each mention names, within one article and across many.

The claim extractor hands over, for each claim, the noun phrase its cue attaches
to: "Russian Foreign Minister Sergei Lavrov", "Mr Lavrov", "he", "Russia's defence
ministry", "the Observatory", "the statement". This module reads each mention
(titles, name, affiliation, kind), links the mentions of one article that name the
same entity, and gives every entity an id computed from its normalized name
alone, so that the same entity gets the same id in every article without any
corpus state. :func:`canonical_speakers` then makes the merges only a corpus can
justify ("lavrov" into "sergei-lavrov").

>>> text = ("Russian Foreign Minister Sergei Lavrov said the strikes would go on. "
...         "Mr Lavrov said Moscow was ready. He said talks were possible.")
>>> at = lambda s: Span.of(text, text.index(s), text.index(s) + len(s))
>>> people = resolve_speakers(text, [at("Russian Foreign Minister Sergei Lavrov"),
...                                  at("Mr Lavrov"), at("He"), at("Moscow")])
>>> [(p.id, p.kind) for p in people]
[('sergei-lavrov', 'person'), ('sergei-lavrov', 'person'), ('sergei-lavrov', 'person'), ('russia', 'government')]
>>> people[0].name, people[0].titles, people[0].affiliation, people[0].aliases
('Sergei Lavrov', ('Foreign Minister',), 'Russia', ('Mr Lavrov', 'Russian Foreign Minister Sergei Lavrov'))

The rules, in the order they apply (docs/speakers.md has a tour with examples):

* A mention is split into determiner, possessor ("Mr Putin's"), pre-modifiers,
  head noun and post-modifiers ("for Human Rights", "familiar with the matter");
  a person's name is the run of capitalized words at its end, titles and ranks
  stand before it, and whatever stands before the titles (a nationality, a place,
  an organization) is the affiliation. An apposition after the mention in the
  text (", head of the rebel group,") adds titles and affiliation.
* The kind comes from the head noun and the word lists of the :class:`Lexicon`:
  places and seats of government are ``government`` (so are ministries and other
  state bodies), agencies and media nouns ``media``, document nouns ``document``
  (a document whose issuer is named, "a SOHR statement", stands for its issuer),
  unnamed sources ``anonymous``, armed and political groups ``group``.
* Pronouns take the nearest earlier compatible entity: "he"/"she" a person of a
  compatible gender, "they"/"it" a body. A role used alone ("the ministry", "the
  spokesman", "The British group") takes the nearest earlier entity introduced
  with that head noun and a compatible country, then one named in the text, then
  a later one (headlines announce what the body names), then the one body that the
  text names with the head after it, in any sentence (two such bodies: none).
* A surname alone ("Mr Lavrov") takes the one full name that the text gives it,
  anywhere ("Sergei Lavrov"); two people of one surname, and it stays as it is.
* Ids are slugs of the normalized name: given names are transliterated
  ("Sergey" -> "sergei"), spelling variants unified ("Defence" -> "defense"),
  a country-adjective is replaced by the country ("russia-defense-ministry"), an
  anonymous source's body comes first ("russia-defense-ministry-spokesman"), and
  an acronym is replaced by its expansion when the text defines it ("(SOHR)").
  A mention nothing resolves ("he" with no antecedent, "the report") gets an id
  local to its article, so that it never merges across articles.
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import heapq
import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Final, NamedTuple

import regex

from attribution.errors import SpanError
from attribution.lexicon import Lexicon, load_table
from attribution.models import Claim, Span, Speaker, SpeakerKind

__all__ = ["canonical_speakers", "list_speakers", "resolve_speakers"]

# --------------------------------------------------------------------------------------
# Patterns, each built from named fragments.

# Letters, combining marks and digits: the stuff of words in any script.
_WORD_CHAR: Final = r"[\p{L}\p{M}\p{N}]"
# A word with inner hyphens or apostrophes ("al-Jabal", "O'Brien", "Su-25"); an
# apostrophe before a lone "s" is left out, since that is the possessive.
_WORD: Final = rf"{_WORD_CHAR}+(?:-{_WORD_CHAR}+|['\u2019](?![sS]\b){_WORD_CHAR}+)*"
# A short abbreviation keeps its period: "Col.", "Gen.", "Mr.", "W.".
_ABBREVIATION_DOT: Final = r"(?:(?<=(?:^|[^\p{L}])\p{L}{1,4})\.)?"
# Initials with periods, possibly hyphenated on: "U.S.", "U.K.", "U.S.-led".
_INITIALS: Final = rf"(?:\p{{Lu}}\.){{2,}}(?:-{_WORD})?"
# The possessive: "Russia's", "Russia’s" (U+2019), and a plural's bare apostrophe.
_POSSESSIVE: Final = r"['\u2019][sS]\b|(?<=s)['\u2019](?!\p{L})"
# A word token: initials, or a word with its abbreviation period.
_WORD_TOKEN: Final = rf"{_INITIALS}|{_WORD}{_ABBREVIATION_DOT}"
# One token of a mention: a word, a possessive, or one punctuation character.
TOKEN_RE: Final = regex.compile(
    rf"(?P<word>{_WORD_TOKEN})|(?P<poss>{_POSSESSIVE})|(?P<punct>[^\s\p{{L}}\p{{M}}\p{{N}}])"
)
# An acronym defined in parentheses after its expansion: "... Human Rights (SOHR)".
ACRONYM_DEF_RE: Final = regex.compile(r"\((?P<acronym>\p{Lu}[\p{Lu}\p{N}&]{1,9})\)")
# The same parenthesis right after a mention, as in "The Syrian Observatory ... (SOHR)".
_FOLLOWING_ACRONYM_RE: Final = regex.compile(r"\s*\((?P<acronym>\p{Lu}[\p{Lu}\p{N}&]{1,9})\)")
# An apposition after a mention: ", head of the rebel group," up to the next stop.
_APPOSITION_RE: Final = regex.compile(r"\s*,\s*(?P<phrase>[^,;:.!?()\"\u201c\u201d\n]{2,150})")
# "..., which is based in the United Kingdom": a relative clause that gives a country.
_BASED_IN_RE: Final = regex.compile(
    r"\s*,?\s*(?:which|that|who)\s+(?:is|are|was|were)\s+based\s+in\s+(?:the\s+)?"
    r"(?P<place>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,3})"
)
# The three patterns above are matched right after each mention. The regex module looks
# through the rest of the text for a literal that a pattern needs ("," "(" "based")
# before it matches, a pass over the text per mention; these fragments let the code
# check that the literal is right there first (see _match_after).
# The first character that is not whitespace.
_NON_SPACE_RE: Final = regex.compile(r"\S")
# The clause of _BASED_IN_RE before the place, for the stdlib's re, whose match reads
# only what it matches; [^\S\x1c-\x1f] is the regex module's \s there.
_BASED_IN_LEAD_RE: Final = re.compile(
    r"[^\S\x1c-\x1f]*,?[^\S\x1c-\x1f]*(?:which|that|who)[^\S\x1c-\x1f]+"
    r"(?:is|are|was|were)[^\S\x1c-\x1f]+based[^\S\x1c-\x1f]+in[^\S\x1c-\x1f]+"
)
# How far back (in tokens) the text is searched for an antecedent: a few paragraphs. A
# role that nothing names before it looks as far ahead for the one body it names.
_SCAN_TOKENS: Final = 600
# Prepositions that continue a proper name after its head: "Observatory for Human Rights".
_NAME_CONTINUERS: Final = frozenset({"for", "of", "on"})
# One token after the white space where the last one ended: a run of these from a
# token's start reads the tokens TOKEN_RE finds one by one. (Repeated at most n times,
# greedily and with nothing after, a match never backtracks into a token: it ends
# after the n-th token, or after the text's last.)
_NEXT_TOKEN: Final = rf"\s*+(?:{_WORD_TOKEN}|{_POSSESSIVE}|[^\s\p{{L}}\p{{M}}\p{{N}}])"
# The first :data:`_SCAN_TOKENS` tokens from a token's start, and one more.
_SCAN_RE: Final = regex.compile(rf"(?:{_NEXT_TOKEN}){{1,{_SCAN_TOKENS}}}")
_SCAN_PLUS_ONE_RE: Final = regex.compile(rf"(?:{_NEXT_TOKEN}){{1,{_SCAN_TOKENS + 1}}}")
# How many tokens a name found in the text may run on after its head ("of the Interior").
_CONTINUATION_TOKENS: Final = 6
# How many bodies a role's look ahead reads before it gives up as ambiguous.
_AHEAD_CANDIDATES: Final = 16
# A local id: the slug, the article's hash and the mention's offset.
_LOCAL_ID_RE: Final = regex.compile(r"-[0-9a-f]{8}-\d+$")
# Whitespace, after which the text can be cut into blocks that tokenize on their own.
_SPACE_RE: Final = regex.compile(r"\s")
# The parts of a slug, once lower-cased and stripped of accents.
# (A plain class: the stdlib's re finds it faster.)
_SLUG_PART_RE: Final = re.compile(r"[a-z0-9]+")
# Characters that never start a name-like token: lower-case ASCII letters, digits, and
# punctuation that is a token of its own (quote marks U+2018, U+2019, U+201C, U+201D).
_PLAIN: Final = "abcdefghijklmnopqrstuvwxyz0123456789.,;:!?'\"()[]\u2018\u2019\u201c\u201d"
# One character of horizontal white space, which may stand between the words of a name:
# a space, a tab, U+00A0 NBSP, U+2009 thin space, U+202F narrow NBSP, ...
_GAP: Final = r"[^\S\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]"
# White space other than one plain space: a name keeps none of it ("Sergei\tLavrov").
_ODD_SPACE_RE: Final = regex.compile(r"[^\S ]|  ")
# A run of white space.
_SPACES_RE: Final = regex.compile(r"\s+")
# A run of non-space characters with a character that can start a name (matched from
# that character on), and the word that starts the next run when exactly one space
# (or another gap) comes between: in "(Vladimir Putin's", the match is "Vladimir " and group 1 "Putin".
# Runs of plain characters are skipped at C speed; the possessive quantifier keeps
# the pass linear on a megabyte without spaces.
_NAME_PAIR_RE: Final = regex.compile(
    rf"[^\s{regex.escape(_PLAIN)}]\S*+(?:{_GAP}(?=({_WORD_TOKEN})))?"
)
# A character of a word: a letter, mark or digit.
_WORD_CHAR_RE: Final = regex.compile(_WORD_CHAR)
# A period, cut out of the folded text to search for surnames.
_PERIOD_RE: Final = re.compile(r"\.")
# A character outside ASCII (the stdlib's re is the faster at this).
_NON_ASCII_RE: Final = re.compile(r"[^\x00-\x7f]")
# A character that may start a name: not a space, nor a plain character.
_NAME_CHAR_RE: Final = re.compile(rf"[^\s{re.escape(_PLAIN)}]")
# How far after an indefinite description ("a shadowy monitoring group") the body that
# names it may start: about a sentence.
_DESCRIPTION_GAP: Final = 300
# How far after the latest entity a bare "officials" may take its country.
_CONTEXT_GAP: Final = 1000
# Anonymous sources that speak for a state: a bare "officials" takes the country of its
# context.
_STATE_SOURCES: Final = frozenset({"authority", "diplomat", "official"})
# How many surnames an ASCII text has searched for one by one before it is indexed.
_SURNAME_SEARCHES: Final = 8
# The run of non-space characters that ends where a backward match is anchored.
_RUN_BEFORE_RE: Final = regex.compile(r"\S+", flags=regex.REVERSE)

# --------------------------------------------------------------------------------------
# Closed structural tables. Open word lists (titles, agencies, ...) are data files.

# Personal pronouns and what they can refer to: a gender, a body, or nothing.
_PRONOUNS: Final[Mapping[str, str]] = {
    "he": "m",
    "him": "m",
    "she": "f",
    "her": "f",
    "it": "it",
    "they": "they",
    "them": "they",
    "we": "we",
    "i": "we",
    "you": "we",
}
# Relative pronouns that stand for the noun phrase just before them.
_RELATIVES: Final = frozenset({"which", "who", "that"})
# Determiners and quantifiers stripped from the front of a mention.
_DETERMINERS: Final = frozenset(
    {
        "a", "all", "an", "another", "any", "both", "certain", "dozens", "each", "eight",
        "five", "four", "hundreds", "many", "most", "nine", "numerous", "other", "several",
        "seven", "six", "so-called", "some", "ten", "that", "the", "these", "this", "those",
        "three", "two", "various",
    }
)  # fmt: skip
_DEFINITE: Final = frozenset({"the", "this", "that", "these", "those"})
# "members of the coalition", "some of the activists": the speaker is the group.
_PARTITIVES: Final = frozenset(
    {"all", "both", "each", "many", "member", "members", "most", "none", "one", "several", "some"}
)
# Words that open a post-modifier: "sources familiar with the matter", "head of X".
_POSTMODIFIERS: Final = frozenset(
    {
        "affiliated", "aligned", "allied", "at", "backed", "based", "by", "close", "familiar",
        "for", "from", "in", "inside", "involved", "knowledgeable", "led", "linked", "loyal",
        "near", "of", "on", "opposed", "to", "under", "whose", "with", "within",
    }
)  # fmt: skip
# Capitalized words that are not names: sentence openers, time words, function words.
_NOT_NAMES: Final = frozenset(
    {
        "according", "after", "also", "although", "amid", "amidst", "and", "as", "asked",
        "at", "before", "but", "by", "despite", "during", "earlier", "for", "from",
        "however", "if", "in", "it", "its", "later", "meanwhile", "no", "not", "of", "on",
        "or", "our", "since", "so", "speaking", "still", "than", "the", "their", "then",
        "there", "these", "this", "those", "though", "to", "under", "when", "while", "with",
        "yet",
    }
)  # fmt: skip
# Days and months: "A Sunday statement" is not a statement by someone named Sunday.
_TIME_WORDS: Final = frozenset(
    {
        "april", "aug", "august", "dec", "december", "feb", "february", "friday", "jan",
        "january", "jul", "july", "jun", "june", "mar", "march", "may", "monday", "nov",
        "november", "oct", "october", "saturday", "sep", "sept", "september", "sunday",
        "thursday", "today", "tomorrow", "tonight", "tuesday", "wednesday", "yesterday",
    }
)  # fmt: skip
# Name particles that may start a name part in lower case: "al-Assad", "bin", "van".
_PARTICLES: Final = frozenset(
    {
        "abu", "ad", "al", "an", "ar", "as", "ash", "at", "az", "bin", "bint", "da", "de",
        "del", "della", "der", "di", "du", "el", "ibn", "la", "le", "van", "von",
    }
)  # fmt: skip
# Arabic article prefixes dropped from organization ids: "al-Nusra" -> "nusra".
_ARTICLE_PREFIX_RE: Final = regex.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an)-(?=\p{L})")
# Heads of state bodies: with a nationality, the nationality is the body's country.
_STATE_HEADS: Final = frozenset(
    {
        "administration", "cabinet", "consulate", "department", "embassy", "government",
        "ministry", "parliament", "presidency", "regime", "senate",
    }
)  # fmt: skip
# Armed bodies: a state's with a country ("the Syrian army"), a group's without one
# ("the Free Syrian Army", "Kurdish forces").
_ARMED_HEADS: Final = frozenset(
    {"army", "command", "force", "forces", "military", "navy", "police"}
)
# Heads that, with a country and nothing else, name the government itself.
_GOVERNMENT_HEADS: Final = frozenset({"administration", "government", "leadership", "regime"})
# Heads of armed and political groups.
_GROUP_HEADS: Final = frozenset(
    {
        "battalion", "brigade", "coalition", "faction", "fighter", "front", "group",
        "insurgent", "jihadist", "militant", "militia", "opposition", "rebel",
    }
)  # fmt: skip
# Generic heads that can stand for any organization or group: "The British group".
_HYPERNYMS: Final = frozenset(
    {"body", "charity", "group", "monitor", "organisation", "organization", "outfit", "watchdog"}
)
# Heads whose "X of Y" form is inverted in ids: "Ministry of Defense" = "Defense Ministry".
_INVERTIBLE: Final = frozenset({"department", "ministry"})
# Rank words, to split "spokesman Major General" into a role and a rank.
_RANKS: Final = frozenset(
    {
        "adm", "admiral", "brig", "brigadier", "capt", "captain", "col", "colonel",
        "commander", "corporal", "gen", "general", "lieutenant", "lieutenant-general", "lt",
        "maj", "major", "major-general", "marshal", "sergeant", "sgt",
    }
)  # fmt: skip
# Title words that combine with the word after them: "Prime Minister", "Major General".
_TITLE_PREFIXES: Final = frozenset(
    {
        "acting", "assistant", "brig", "brigadier", "chief", "col", "colonel", "deputy",
        "first", "former", "lieutenant", "lt", "maj", "major", "prime", "rear", "senior",
        "under", "vice",
    }
)  # fmt: skip
# Titles after which "General" is part of the title: "Secretary General".
_GENERAL_AFTER: Final = frozenset(
    {"attorney", "consul", "director", "governor", "inspector", "secretary", "solicitor"}
)
# Abbreviated titles, expanded to compare titles: "Col. Gen." = "Colonel General".
_TITLE_ABBREVIATIONS: Final[Mapping[str, str]] = {
    "adm": "admiral",
    "brig": "brigadier",
    "capt": "captain",
    "col": "colonel",
    "gen": "general",
    "lt": "lieutenant",
    "maj": "major",
    "pres": "president",
    "rep": "representative",
    "sen": "senator",
    "sgt": "sergeant",
}
# Honorifics that tell a gender.
_HONORIFIC_GENDER: Final[Mapping[str, str]] = {
    "dame": "f",
    "lady": "f",
    "lord": "m",
    "madam": "f",
    "miss": "f",
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "sir": "m",
}
_MALE_TITLES: Final = frozenset({"emperor", "king", "prince", "sultan"})
_FEMALE_TITLES: Final = frozenset({"empress", "princess", "queen"})
# Transliteration rules for given names, applied in order to the folded name, so that
# "Sergey" = "Sergei", "Aleksey" = "Alexei", "Dmitriy" = "Dmitry", "Aleksandr" = "Alexander".
_GIVEN_NAME_RULES: Final[tuple[tuple[regex.Pattern[str], str], ...]] = (
    (regex.compile(r"^aleks"), "alex"),  # Russian "кс" written ks or x
    (regex.compile(r"(?<=[^aeiou])andr$"), "ander"),  # Aleksandr -> Alexander
    (regex.compile(r"(?<=(?:g|x|ks|ndr|tv|of))ey$"), "ei"),  # Sergey -> Sergei
    (regex.compile(r"(?<=[^aeiou])i[iy]$"), "y"),  # Dmitriy, Dmitrii -> Dmitry
    (regex.compile(r"(?<=ol)ay$"), "ai"),  # Nikolay -> Nikolai
    (regex.compile(r"^ye(?=[vlg])"), "e"),  # Yevgeny -> Evgeny, Yelena -> Elena
)
# Kinds, most specific first, to break ties.
_KIND_ORDER: Final[tuple[SpeakerKind, ...]] = (
    "person", "organization", "government", "group", "media", "document", "anonymous", "unknown",
)  # fmt: skip
_BODY_KINDS: Final = frozenset({"organization", "government", "group", "media"})
_FUNCTION_WORDS_IN_NAMES: Final = frozenset({"and", "for", "of", "on", "the", "in", "de"})

# --------------------------------------------------------------------------------------
# Word lists, derived once per lexicon.


@dataclass(frozen=True)
class _Words:
    """The lexicon's lists, folded for lookup, with this module's own tables."""

    lexicon: Lexicon
    titles: frozenset[str]
    honorifics: frozenset[str]
    org_heads: frozenset[str]
    anonymous: frozenset[str]
    media: frozenset[str]
    documents: frozenset[str]
    agencies: frozenset[str]
    aliases: Mapping[str, str]
    places_exact: Mapping[str, str]
    places: Mapping[str, str]
    nationalities: Mapping[str, str]
    adjectives: Mapping[str, str]
    variants: Mapping[str, str]
    known: frozenset[str]


def _fold(s: str) -> str:
    """Case-fold, straighten apostrophes, drop periods: the lookup form of a word."""
    if s.isascii():  # the common case: casefold is lower, and there is no U+2019
        return s.lower().replace(".", "") if "." in s else s.lower()
    return s.casefold().replace("\u2019", "'").replace(".", "")


def _ascii(s: str) -> str:
    """Drop accents: NFKD, without combining marks."""
    if s.isascii():
        return s  # NFKD leaves ASCII alone, and it has no combining marks
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


@functools.lru_cache(maxsize=8)
def _words(lexicon: Lexicon) -> _Words:
    places_exact: dict[str, str] = {}
    places: dict[str, str] = {}
    for key, country in load_table("places.tsv").items():
        if any(c.islower() for c in key):
            places[_fold(key)] = country
        else:
            places_exact[key.replace(".", "")] = country
    nationalities: dict[str, str] = {}
    adjectives: dict[str, str] = {}
    for adjective, country in load_table("nationalities.tsv").items():
        nationalities[_fold(adjective)] = country
        adjectives.setdefault(country, adjective)
    lists = (
        lexicon.titles,
        lexicon.honorifics,
        lexicon.org_heads,
        lexicon.anonymous,
        lexicon.media,
        lexicon.documents,
    )
    known = frozenset(_fold(w) for words in lists for w in words)
    known |= _STATE_HEADS | _ARMED_HEADS | _GROUP_HEADS | _HYPERNYMS
    return _Words(
        lexicon=lexicon,
        titles=frozenset(_fold(w) for w in lexicon.titles),
        honorifics=frozenset(_fold(w) for w in lexicon.honorifics),
        org_heads=frozenset(_fold(w) for w in lexicon.org_heads),
        anonymous=frozenset(_fold(w) for w in lexicon.anonymous),
        media=frozenset(_fold(w) for w in lexicon.media),
        documents=frozenset(_fold(w) for w in lexicon.documents),
        agencies=frozenset(lexicon.agencies),
        aliases=dict(lexicon.aliases),
        places_exact=places_exact,
        places=places,
        nationalities=nationalities,
        adjectives=adjectives,
        variants=dict(load_table("transliterations.tsv")),
        known=known | frozenset(nationalities) | frozenset(places),
    )


# --------------------------------------------------------------------------------------
# Tokens.


class _Tok(NamedTuple):
    """One token with its absolute offsets and its folded form (a tuple: cheap to make,
    and tokens are compared by identity only)."""

    text: str
    start: int
    end: int
    kind: str  # "word", "poss" or "punct"
    low: str

    @property
    def cap(self) -> bool:
        return self.kind == "word" and self.text[:1].isupper()

    @property
    def is_acronym(self) -> bool:
        return self.kind == "word" and _is_acronym(self.text)


# A _Tok from a tuple of its fields, without the Python-level __new__ of a NamedTuple
# (half the cost of making one: there are tens of thousands an article).
_new: Final = tuple.__new__


@functools.lru_cache(maxsize=4096)
def _is_acronym(text: str) -> bool:
    """Whether a word is an acronym: two letters or more, all capitals ("SOHR", "U.S.")."""
    if text[:1].islower():
        return False
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def _tokenize(s: str, offset: int = 0, folded: dict[str, str] | None = None) -> list[_Tok]:
    """The tokens of ``s``, their offsets shifted by ``offset``; ``folded`` remembers
    the folded form of each word across calls."""
    out: list[_Tok] = []
    for m in TOKEN_RE.finditer(s):
        word = m.group()
        low = folded.get(word) if folded is not None else None
        if low is None:
            low = _fold(word)
            if folded is not None:
                folded[word] = low
        start, end = m.span()
        out.append(_new(_Tok, (word, start + offset, end + offset, m.lastgroup or "punct", low)))
    return out


def _singular(w: str) -> str:
    """A plural's singular, for matching head nouns: "ministries" -> "ministry"."""
    if len(w) > 4 and w.endswith("ies"):
        return w[:-3] + "y"
    if len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def _slug(parts: Iterable[str]) -> str:
    """Lower-case ASCII words joined by hyphens: ``["Sergei", "Lavrov"]`` -> "sergei-lavrov"."""
    s = _ascii(" ".join(parts)).casefold().replace("'", "").replace("\u2019", "")
    s = s.replace(".", "")
    return "-".join(_SLUG_PART_RE.findall(s))


def _join(toks: Sequence[_Tok], text: str) -> str:
    """The text a run of tokens covers, as written, each run of white space one space."""
    return _one_space(text[toks[0].start : toks[-1].end]) if toks else ""


def _one_space(s: str) -> str:
    """``s`` with each run of white space (tabs, NBSP, line breaks) made one space."""
    if s.isprintable() and "  " not in s:
        return s  # the common case, tested at C speed: no white space but single spaces
    return _SPACES_RE.sub(" ", s) if _ODD_SPACE_RE.search(s) else s


def _is_gap(c: str) -> bool:
    """Whether ``c`` is one character of horizontal white space (see :data:`_GAP`)."""
    return c == " " or (c.isspace() and c not in "\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u2029")


# --------------------------------------------------------------------------------------
# The per-article context.


class _Blocks:
    """One article's text cut into blocks, each tokenized once, when first needed.

    Block ``b`` runs from the first cut at or after ``b * SIZE`` to the next block's
    start, a cut being the start or end of the text or a position just after
    whitespace. No token spans whitespace, so a block tokenizes exactly as the
    whole text does there.
    """

    SIZE: Final = 128

    def __init__(self, text: str, folded: dict[str, str]) -> None:
        self.text = text
        self.count = -(-len(text) // self.SIZE)  # blocks, the last one maybe short
        self._cuts: dict[int, int] = {}
        self._tokens: dict[int, list[_Tok]] = {}
        self._names: dict[int, list[int]] = {}
        self._folded = folded

    def start(self, b: int) -> int:
        """Where block ``b`` starts (the text's length from ``count`` on)."""
        if b <= 0:
            return 0
        if b >= self.count:
            return len(self.text)
        if b not in self._cuts:
            m = _SPACE_RE.search(self.text, b * self.SIZE - 1)
            self._cuts[b] = m.end() if m is not None else len(self.text)
        return self._cuts[b]

    def of(self, pos: int) -> int:
        """The block that holds position ``pos``."""
        b = min(pos // self.SIZE, self.count - 1)
        while b > 0 and self.start(b) > pos:
            b -= 1
        return b

    def tokens(self, b: int) -> list[_Tok]:
        """The tokens that start in block ``b``."""
        toks = self._tokens.get(b)
        if toks is None:
            toks = self._tokens[b] = []
            folded = self._folded
            # The block ends just after whitespace, which no token holds nor any token's
            # lookaround reads past: the search may stop there.
            for m in TOKEN_RE.finditer(self.text, self.start(b), self.start(b + 1)):
                word = m.group()
                low = folded.get(word)
                if low is None:
                    low = folded[word] = _fold(word)
                start, end = m.span()
                toks.append(_new(_Tok, (word, start, end, m.lastgroup or "punct", low)))
        return toks

    def names(self, b: int, name_like: Callable[[_Tok], bool]) -> list[int]:
        """Where block ``b``'s name-like words are, by index in :meth:`tokens`."""
        found = self._names.get(b)
        if found is None:
            found = self._names[b] = [
                i
                for i, t in enumerate(self.tokens(b))
                # Capitalized or hyphenated ("al-Assad"), which is quick to test first.
                if t.kind == "word" and (t.text[:1].isupper() or "-" in t.text) and name_like(t)
            ]
        return found


class _Tokens:
    """The tokens around one position, for one scan, tokenized only as far as it reads.

    Token ``i`` is addressed by an index that may be negative: the last token that
    starts before the anchor is token :attr:`last`, whatever comes before it in the
    text. :meth:`get` returns ``None`` before the text's first token and after its
    last one, where indexing a list of all the tokens would fail, and takes in more
    blocks as a scan goes further, doubling its span each time.
    """

    def __init__(self, blocks: _Blocks, pos: int) -> None:
        self._blocks = blocks
        self._lo = self._hi = b = blocks.of(pos)  # the blocks read so far
        self._toks = list(blocks.tokens(b)) if blocks.count else []
        self._first = 0  # the index of self._toks[0]
        k = bisect.bisect_left([t.start for t in self._toks], pos)
        while k == 0 and self._lo > 0:
            self._grow_back()
            k = bisect.bisect_left([t.start for t in self._toks], pos)
        self.last = self._first + k - 1

    def get(self, i: int) -> _Tok | None:
        """Token ``i``, or ``None`` beyond either end of the text."""
        while i < self._first and self._lo > 0:
            self._grow_back()
        while i >= self._first + len(self._toks) and self._hi < self._blocks.count - 1:
            self._grow_forward()
        k = i - self._first
        return self._toks[k] if 0 <= k < len(self._toks) else None

    def run(self, i: int, j: int) -> list[_Tok]:
        """Tokens ``i`` to ``j`` (exclusive), those that exist."""
        if i >= j:
            return []
        self.get(i)  # read as far as each end (or the text's)
        self.get(j - 1)
        return self._toks[max(i - self._first, 0) : max(j - self._first, 0)]

    def names_down(self, top: int, bottom: int, name_like: Callable[[_Tok], bool]) -> Iterator[int]:
        """The indices of the name-like words from ``top`` down to above ``bottom``, among
        the tokens read so far (:meth:`run` reads a stretch first), the last first."""
        end = self._first + len(self._toks)
        for b in range(self._hi, self._lo - 1, -1):
            start = end - len(self._blocks.tokens(b))
            if start <= top:
                for i in reversed(self._blocks.names(b, name_like)):
                    if start + i <= bottom:
                        return
                    if start + i <= top:
                        yield start + i
            if start <= bottom:
                return
            end = start

    def _grow_back(self) -> None:
        lo = max(0, self._lo - (self._hi - self._lo + 1))
        toks = [t for b in range(lo, self._lo) for t in self._blocks.tokens(b)]
        self._toks[:0] = toks
        self._first -= len(toks)
        self._lo = lo

    def _grow_forward(self) -> None:
        hi = min(self._blocks.count - 1, self._hi + (self._hi - self._lo + 1))
        for b in range(self._hi + 1, hi + 1):
            self._toks.extend(self._blocks.tokens(b))
        self._hi = hi


class _TextIndex:
    """What one article's text tells, each part found when first needed and kept.

    The token blocks serve the backward scans (roles, pronouns, relatives) and the
    acronym definitions; the surname searches and index serve surname-only persons
    ("Mr Putin" -> "Vladimir Putin"); the rest remembers, word by word, what the
    reading of mentions asks again and again (folded form, name-likeness, country).
    Many articles need no scan at all, and none reads its text more than a bounded
    number of times.
    """

    def __init__(self, text: str, w: _Words) -> None:
        self.text = text
        self.w = w
        self._blocks: _Blocks | None = None
        self._acronyms: dict[str, tuple[_Tok, ...]] | None = None
        # The name index: surname key -> the offset of each word with that key that
        # follows, after one space, a run of characters that may end in a name.
        self._surnames: dict[str, list[int]] | None = None
        self._searches = 0  # surnames searched for one by one, before the index
        self._ascii: bool | None = None  # whether all the letters of the text are ASCII
        self._runs: dict[str, tuple[str, bool] | None] = {}
        self._full_names: dict[str, tuple[str, ...] | None] = {}
        self._name_like: dict[str, bool] = {}
        self._bare: dict[tuple[str, ...], list[str]] = {}
        self._folded: str | None = None
        self._undotted: _Undotted | None = None
        self._folded_done = False
        self._nationality: dict[str, str | None] = {}
        self.folded_words: dict[str, str] = {}  # word -> _fold(word)

    def tokens(self, pos: int) -> _Tokens:
        """The tokens around ``pos``, for a scan from there."""
        if self._blocks is None:
            self._blocks = _Blocks(self.text, self.folded_words)
        return _Tokens(self._blocks, pos)

    def acronyms(self) -> Mapping[str, tuple[_Tok, ...]]:
        if self._acronyms is None:
            self._acronyms = _acronym_definitions(self.text, self.tokens)
        return self._acronyms

    def given_names(self, surname: str) -> tuple[str, ...] | None:
        """The one full name the text gives a surname: "Putin" -> ("Vladimir", "Putin").

        The full names are the runs of up to three name-like words, each followed by
        one space, before a word whose last name part is the surname's; the answer is
        the one such name that no longer compatible one extends, if there is one.
        """
        if surname not in self._full_names:
            self._full_names[surname] = self._scan_given_names(surname)
        return self._full_names[surname]

    def _scan_given_names(self, surname: str) -> tuple[str, ...] | None:
        text = self.text
        found: dict[tuple[str, ...], tuple[str, ...]] = {}
        for pos in self._surname_offsets(_surname_key(surname)):
            given: list[str] = []
            start = pos
            while len(given) < 3 and start > 1 and _is_gap(text[start - 1]):
                run = _RUN_BEFORE_RE.match(text, 0, start - 1)
                last = self._last_name_like(run.group()) if run is not None else None
                if run is None or last is None:
                    break
                given.insert(0, last[0])
                if not last[1]:
                    break  # the run has more tokens: the one before is not a whole word
                start = run.start()
            if given:
                full = (*given, text[pos : _token_end(text, pos)])
                found.setdefault(tuple(_bare_name(full)), full)
        sole = _sole_maximal(list(found))
        return found[sole] if sole is not None else None

    def _surname_offsets(self, key: str) -> Sequence[int]:
        """The offsets of the words whose surname key is ``key`` and that may follow a
        name and one space (more than that: the caller checks each).

        The first few surnames of a text whose letters are all ASCII are each searched
        for by one regex, at C speed; from then on (or at once for other texts) one
        pass indexes every word that follows a possible name, so that the cost stays
        linear in the text however many surnames it has.
        """
        if self._surnames is None and self._searches < _SURNAME_SEARCHES and key.isascii():
            if self._ascii is None:
                self._ascii = all(map(_spelled_in_ascii, set(_NON_ASCII_RE.findall(self.text))))
            if self._ascii:
                self._searches += 1
                return self._search_surname(key)
        if self._surnames is None:
            self._surnames = self._index_surnames()
        return self._surnames.get(key, ())

    def _search_surname(self, key: str) -> list[int]:
        """The runs of non-space characters that start with a word whose surname key is
        ``key``, found by searching for the key's letters (case apart, with any periods
        between them), as they must appear in such a word of an ASCII text."""
        text, out = self.text, list[int]()
        undotted = self.undotted()
        if undotted is None:
            starts: Iterable[int] = (m.start() for m in _surname_re(key, True).finditer(text))
        else:
            starts = undotted.find_all(key)
        for start in starts:
            run = _RUN_BEFORE_RE.match(text, 0, start)
            pos = run.start() if run is not None else start
            if out and out[-1] == pos:
                continue
            first = TOKEN_RE.match(text, pos)
            if first and first.lastgroup == "word" and _surname_key(first.group()) == key:
                out.append(pos)
        return out

    def _index_surnames(self) -> dict[str, list[int]]:
        """One regex pass: the words that follow a run that may end in a name, and a space.

        Every given name before a surname ends such a run ("Vladimir Putin", "(Mr.
        Putin"), so every candidate full name of every surname is found from here.
        """
        out: dict[str, list[int]] = {}
        keys: dict[str, str] = {}
        for m in _NAME_PAIR_RE.finditer(self.text):
            word = m.group(1)
            if word is None:
                continue
            key = keys.get(word)
            if key is None:
                key = keys[word] = _surname_key(word)
            found = out.get(key)
            if found is None:
                out[key] = [m.end()]
            else:
                found.append(m.end())
        return out

    def _last_name_like(self, run: str) -> tuple[str, bool] | None:
        """The last token of a run of non-space characters if it is name-like, and
        whether it is the run's only token."""
        if run not in self._runs:
            if _NAME_CHAR_RE.search(run) is None:
                self._runs[run] = None  # lower-case ASCII and punctuation: no name
                return None
            toks = _tokenize(run, 0, self.folded_words)
            last = toks[-1]
            name_like = last.kind == "word" and self.is_name_like(last)
            self._runs[run] = (last.text, len(toks) == 1) if name_like else None
        return self._runs[run]

    def bare_name(self, name: tuple[str, ...]) -> list[str]:
        """:func:`_bare_name`, remembered for each name of the article."""
        found = self._bare.get(name)
        if found is None:
            found = self._bare[name] = _bare_name(name)
        return found

    def undotted(self) -> _Undotted | None:
        """The case-folded text without periods, where a plain search finds what
        :func:`_surname_re` finds in the folded text (without compiling a pattern for
        each surname); ``None`` when the folded text does not have the text's offsets."""
        if self._undotted is None and self.folded() is not None:
            self._undotted = _Undotted(self.folded() or "")
        return self._undotted

    def folded(self) -> str | None:
        """The case-folded text, when it has the text's offsets (no letter folds to two)."""
        if not self._folded_done:
            folded = self.text.casefold()
            self._folded = folded if len(folded) == len(self.text) else None
            self._folded_done = True
        return self._folded

    def nationality(self, tok: _Tok) -> str | None:
        """:func:`_nationality`, remembered for each word of the article."""
        if tok.kind != "word":
            return None
        if tok.text not in self._nationality:
            self._nationality[tok.text] = _nationality(self.w, tok)
        return self._nationality[tok.text]

    def is_name_like(self, tok: _Tok) -> bool:
        """:func:`_is_name_like`, remembered for each word of the article."""
        if tok.kind != "word":
            return False
        found = self._name_like.get(tok.text)
        if found is None:
            found = self._name_like[tok.text] = _is_name_like(self.w, tok)
        return found


class _Undotted:
    """A text without its periods, its right single quotes (U+2019) made apostrophes,
    and the way back to the text's offsets.

    >>> u = _Undotted("u.s. and o\u2019b.r.i.e.n said")
    >>> u.text, list(u.find_all("us")), list(u.find_all("o'brien"))
    ("us and o'brien said", [0], [9])
    """

    def __init__(self, text: str) -> None:
        self._original = text
        self.text = text.replace(".", "").replace("\u2019", "'")
        # Where the periods were, each less the periods before it: where it falls in the
        # new text. Found at a first hit.
        self._shifted: list[int] | None = None

    def find_all(self, key: str) -> Iterator[int]:
        """The offsets in the original text where ``key`` starts, left to right, without
        overlaps (as ``finditer`` of :func:`_surname_re`)."""
        if not key:
            return
        text, n = self.text, len(key)
        i = text.find(key)
        if i >= 0 and self._shifted is None:
            periods = [m.start() for m in _PERIOD_RE.finditer(self._original)]
            self._shifted = [p - k for k, p in enumerate(periods)]  # non-decreasing
        # Period k stands before character i of the new text when periods[k] - k <= i.
        shifted = self._shifted or []
        while i >= 0:
            yield i + bisect.bisect_right(shifted, i)
            i = text.find(key, i + n)


def _spelled_in_ascii(c: str) -> bool:
    """Whether a character outside ASCII leaves an ASCII surname key spelled out in the
    text: it is no part of a word (U+00A0, "…"), or it folds to something of its own
    that is not ASCII and does not vanish. The apostrophe U+2019 is searched for."""
    if c == "\u2019" or _WORD_CHAR_RE.match(c) is None:
        return True
    folded = _ascii(_fold(c))
    return bool(folded) and not any(x.isascii() for x in folded)


@functools.lru_cache(maxsize=1024)
def _surname_re(key: str, ignore_case: bool) -> re.Pattern[str]:
    """The letters of a surname key, periods allowed between them, and either
    apostrophe: what a word with that key shows in an ASCII text (case-folded, or
    with ``ignore_case``).

    >>> [m.group() for m in _surname_re("o'brien", True).finditer("O\u2019Brien and O'B.R.I.E.N.")]
    ['O’Brien', "O'B.R.I.E.N"]
    """
    pattern = r"\.*".join("['\u2019]" if c == "'" else re.escape(c) for c in key)
    return re.compile(pattern or r"(?!)", re.IGNORECASE if ignore_case else 0)


def _token_end(text: str, pos: int) -> int:
    m = TOKEN_RE.match(text, pos)
    return m.end() if m is not None else pos


@dataclass(frozen=True)
class _Ctx:
    """One article: its text, its lazily built views, and a cache local to the call.

    ``index`` always reads the article's own text, even in a copy of the context
    whose ``text`` is a lexicon alias being parsed.
    """

    text: str
    w: _Words
    index: _TextIndex
    tag: str

    def toks(self, pos: int) -> _Tokens:
        """The article's tokens, numbered so that the last one before ``pos`` is ``.last``."""
        return self.index.tokens(pos)

    @property
    def acronyms(self) -> Mapping[str, tuple[_Tok, ...]]:
        return self.index.acronyms()


def _context(text: str, lexicon: Lexicon) -> _Ctx:
    w = _words(lexicon)
    return _Ctx(
        text=text,
        w=w,
        index=_TextIndex(text, w),
        tag=hashlib.blake2b(text.encode("utf-8"), digest_size=4).hexdigest(),
    )


def _initials(words: Sequence[str], *, with_function_words: bool) -> str:
    out = []
    for w in words:
        for part in w.split("-"):
            if not part or (
                part.casefold() in _FUNCTION_WORDS_IN_NAMES and not with_function_words
            ):
                continue
            if _fold(part) in _PARTICLES:
                continue
            out.append(part[0].upper())
    return "".join(out)


def _is_expansion(acronym: str, words: Sequence[str]) -> bool:
    """Whether ``words`` spell out ``acronym``: "Syrian Observatory for Human Rights" = SOHR.

    >>> _is_expansion("SOHR", "Syrian Observatory for Human Rights".split())
    True
    >>> _is_expansion("AFP", ["Agence", "France-Presse"])
    True
    """
    letters = acronym.replace("&", "")
    return bool(words) and letters in (
        _initials(words, with_function_words=False),
        _initials(words, with_function_words=True),
    )


def _acronym_definitions(
    text: str, tokens: Callable[[int], _Tokens]
) -> dict[str, tuple[_Tok, ...]]:
    """Acronyms defined in parentheses after their expansion, scanned once per text."""
    out: dict[str, tuple[_Tok, ...]] = {}
    for m in ACRONYM_DEF_RE.finditer(text):
        acronym = m.group("acronym")
        toks = tokens(m.start())
        i = toks.last
        run: list[_Tok] = []
        while len(run) < 10 and (t := toks.get(i)) is not None:
            if t.kind != "word" or not (t.cap or t.low in _FUNCTION_WORDS_IN_NAMES):
                break
            run.insert(0, t)
            words = [x.text for x in run]
            if run[0].cap and _is_expansion(acronym, words):
                out.setdefault(acronym, tuple(run))
                break
            i -= 1
    return out


# --------------------------------------------------------------------------------------
# Reading one noun phrase.


@dataclass(eq=False)
class _NP:
    """What one mention (or a phrase found in the text) says about its entity."""

    start: int
    end: int
    surface: str
    kind: str = "unknown"  # a SpeakerKind, or "pronoun" / "relative"
    pronoun: str | None = None
    name: tuple[str, ...] = ()  # a person's name as written
    words: tuple[str, ...] = ()  # a body's name words as written, without its country
    key: tuple[str, ...] = ()  # the normalized words of the id, without the country
    head: str = ""
    heads: set[str] = field(default_factory=set)
    country: str | None = None  # the country a body belongs to, first in its id
    countries: set[str] = field(default_factory=set)
    titles: list[str] = field(default_factory=list)
    affiliation: str | None = None
    affiliation_id: str | None = None  # the id of the affiliation, for anonymous sources
    affiliation_np: _NP | None = None
    issuer: _NP | None = None
    gender: str | None = None
    role: bool = False
    definite: bool = False
    indefinite: bool = False  # "a"/"an" before it
    # An indefinite description of a body, all common words ("a shadowy monitoring
    # group"): it may introduce a body that the next sentence names.
    description: bool = False
    acronym: str | None = None
    hidden: bool = False  # found in the text, not a mention: no alias

    @property
    def rank(self) -> int:
        if self.kind in ("pronoun", "relative"):
            return 0
        if self.role or self.description:
            return 1
        if self.kind == "person" and self.name:
            return 20 + len(self.name)
        return 10 + len(self.key) + (1 if self.country else 0)


def _place(w: _Words, toks: Sequence[_Tok]) -> str | None:
    """The country a run of tokens names as a place ("the Kremlin", "U.S."), if it does."""
    if len(toks) == 1:
        t = toks[0]
        if t.kind != "word":
            return None
        if _is_acronym(t.text):
            return w.places_exact.get(t.text.replace(".", ""))
        return w.places.get(t.low) if _in_place_name(t) else None
    if not toks or not all(_in_place_name(t) for t in toks):
        return None
    return w.places.get(" ".join(t.low for t in toks))


def _in_place_name(t: _Tok) -> bool:
    """Whether a token can be part of a place's name: a capitalized word or "of", "the"."""
    # t.cap, inline: this is asked of every word of every mention
    return t.kind == "word" and (t.text[:1].isupper() or t.low in _FUNCTION_WORDS_IN_NAMES)


def _nationality(w: _Words, tok: _Tok) -> str | None:
    """The country a nationality adjective, place or "X-based" word points to."""
    if tok.kind != "word":
        return None
    low = tok.low
    for suffix in ("-based", "-owned", "-run"):
        if low.endswith(suffix):
            stem = tok.text[: -len(suffix)]
            stem_toks = _tokenize(stem, tok.start)
            return _nationality(w, stem_toks[0]) if len(stem_toks) == 1 else None
    if low in w.nationalities and tok.cap:
        return w.nationalities[low]
    return _place(w, [tok])


def _place_runs(w: _Words, toks: Sequence[_Tok]) -> list[tuple[int, int, str]]:
    """Places inside ``toks`` as (start index, end index, country), longest first."""
    out: list[tuple[int, int, str]] = []
    named = [_in_place_name(t) for t in toks]
    n = len(toks)
    i = 0
    while i < n:
        longest = 0  # the run of words from i that can name a place together
        while longest < 4 and i + longest < n and named[i + longest]:
            longest += 1
        if longest == 0:
            # Only the word alone can be a place, and only as an acronym (see _place).
            t = toks[i]
            if t.kind == "word" and _is_acronym(t.text):
                country = w.places_exact.get(t.text.replace(".", ""))
                if country is not None:
                    out.append((i, i + 1, country))
            i += 1
            continue
        for j in range(i + longest, i, -1):  # the longest first
            if j - i == 1:  # _place of one word that may be part of a place's name
                t = toks[i]
                country = (
                    w.places_exact.get(t.text.replace(".", ""))
                    if _is_acronym(t.text)
                    else w.places.get(t.low)
                )
            else:
                country = w.places.get(" ".join(x.low for x in toks[i:j]))
            if country is not None:
                out.append((i, j, country))
                i = j
                break
        else:
            i += 1
    return out


def _is_name_like(w: _Words, tok: _Tok) -> bool:
    """Whether a token can be part of a person's or body's proper name."""
    if tok.kind != "word" or any(c.isdigit() for c in tok.text):
        return False
    low = tok.low
    head = low.split("-", 1)
    if len(head) == 2 and head[0] in _PARTICLES and head[1][:1].isalpha():
        return True  # "al-Assad", "bin-Salman"
    if not tok.cap or tok.text in ("A", "An"):
        return False  # "A Bloomberg poll": an article, not an initial ("A. Smith")
    if low in _NOT_NAMES or low in _TIME_WORDS or low in _PRONOUNS:
        return False
    if low in w.known or _singular(low) in w.known:
        return False
    return _nationality(w, tok) is None


def _is_title(w: _Words, tok: _Tok) -> bool:
    return tok.kind == "word" and (tok.low in w.titles or _singular(tok.low) in w.titles)


def _gender_of_title(low: str) -> str | None:
    if low.endswith("woman") or low in _FEMALE_TITLES:
        return "f"
    if low.endswith("man") or low in _MALE_TITLES:
        return "m"
    return None


def _title_groups(w: _Words, toks: Sequence[_Tok], text: str) -> tuple[list[str], str | None]:
    """Split the tokens before a name into titles; honorifics give a gender only.

    "spokesman Major General" -> ["spokesman", "Major General"].
    """
    groups: list[list[_Tok]] = []
    current: list[_Tok] = []
    gender: str | None = None
    for t in toks:
        if t.kind != "word":
            continue
        if t.low in w.honorifics:
            gender = _HONORIFIC_GENDER.get(t.low, gender)
            if current:
                groups.append(current)
                current = []
            continue
        if current:
            prev = current[-1].low
            starts_rank = (
                t.low in _RANKS
                and prev not in _RANKS
                and prev not in _TITLE_PREFIXES
                and not (t.low in ("general", "gen") and prev in _GENERAL_AFTER)
            )
            if starts_rank:
                groups.append(current)
                current = []
        current.append(t)
        gender = _gender_of_title(t.low) or gender
    if current:
        groups.append(current)
    titles = [_join(g, text) for g in groups if any(_is_title(w, t) for t in g)]
    return titles, gender


def _title_key(title: str) -> str:
    """The comparable head word of a title: "Col. Gen." -> "general"."""
    words = [_TITLE_ABBREVIATIONS.get(_fold(x), _fold(x)) for x in title.split()]
    return _singular(words[-1]) if words else ""


def _strip_determiners(toks: list[_Tok]) -> tuple[list[_Tok], bool]:
    definite = False
    while len(toks) > 1 and toks[0].kind == "word" and toks[0].low in _DETERMINERS:
        definite = definite or toks[0].low in _DEFINITE
        toks = toks[1:]
    while len(toks) > 1 and toks[0].kind == "word" and toks[0].low.isdigit():
        toks = toks[1:]
    return toks, definite


def _split_post(w: _Words, toks: list[_Tok]) -> tuple[list[_Tok], list[_Tok]]:
    """Split a phrase into pre-modifiers + head, and post-modifiers.

    A post-modifier that continues a proper name ("Observatory for Human Rights",
    "Ministry of Defense") stays in the name.
    """
    for k in range(1, len(toks)):
        t = toks[k]
        if t.kind == "punct" and t.text in "(,;:":
            return toks[:k], toks[k:]
        if t.kind != "word" or t.cap:
            continue
        prev = toks[k - 1]
        if t.low in _POSTMODIFIERS:
            rest = toks[k + 1 :]
            if rest and rest[0].low == "the":
                rest = rest[1:]  # "Ministry of the Interior"
            if t.low in _NAME_CONTINUERS and prev.cap and _proper_run(w, rest):
                continue
            return toks[:k], toks[k:]
        is_head = prev.low in w.known or _singular(prev.low) in w.known
        if is_head and (t.low.endswith("ing") or t.low.endswith("ed")) and t.low not in w.known:
            return toks[:k], toks[k:]  # "a group monitoring the war", "rebels backed by"
    return toks, []


def _proper_run(w: _Words, toks: Sequence[_Tok]) -> bool:
    """Whether ``toks`` are all capitalized words or name-internal function words."""
    if not toks or not toks[0].cap or _place(w, toks) is not None:
        return False
    return all(t.kind == "word" and (t.cap or t.low in _FUNCTION_WORDS_IN_NAMES) for t in toks)


def _object_np(toks: Sequence[_Tok]) -> list[_Tok]:
    """The noun phrase after a preposition, up to the next preposition or comma."""
    out: list[_Tok] = []
    for t in toks:
        if t.kind == "punct" and t.text in ",;:()":
            break
        if out and t.kind == "word" and not t.cap and t.low in _POSTMODIFIERS:
            break
        out.append(t)
    return out


def _parse_np(ctx: _Ctx, toks: list[_Tok]) -> _NP:
    """Read one noun phrase (no commas at top level) into an :class:`_NP`."""
    w, text = ctx.w, ctx.text
    toks = [t for t in toks if not (t.kind == "punct" and t.text in "\"'\u201c\u201d\u2018\u2019")]
    if not toks:
        return _NP(0, 0, "")
    np = _NP(toks[0].start, toks[-1].end, _join(toks, text))
    # "members of the U.S.-led coalition": the speaker is the coalition.
    if len(toks) > 2 and toks[0].low in _PARTITIVES and toks[1].low == "of":
        inner = _parse_np(ctx, toks[2:])
        inner.start, inner.end, inner.surface = np.start, np.end, np.surface
        if inner.kind in ("organization", "government"):
            inner.kind = "group"
        return inner
    lead = toks
    toks, np.definite = _strip_determiners(toks)
    lead = lead[: len(lead) - len(toks)]
    np.indefinite = any(t.low in ("a", "an") for t in lead)
    first = toks[0]
    if len(toks) == 1 and first.low in _PRONOUNS and first.text != "US":
        np.kind, np.pronoun = "pronoun", first.low
        return np
    if len(toks) == 1 and first.low in _RELATIVES:
        np.kind, np.pronoun = "relative", first.low
        return np
    phrase = _join(toks, text)
    if phrase in w.aliases and w.aliases[phrase] != phrase:
        return _from_alias(ctx, np, w.aliases[phrase])
    if phrase in w.agencies or phrase.replace(".", "") in w.agencies:
        np.kind, np.words = "media", (phrase,)
        np.key, np.head = (_fold(phrase),), _fold(phrase)
        np.heads = {np.head}
        return np
    agency = _agency_in(w, toks, text)
    if agency is not None:
        np.kind, np.words = "media", (agency,)
        np.key, np.head = (_fold(agency),), _fold(agency)
        np.heads = {np.head}
        return np
    country = _place(w, toks)
    if country is None and len(toks) == 1 and first.low in w.nationalities and first.cap:
        country = w.nationalities[first.low]
    if country is not None:
        np.kind, np.country, np.countries = "government", country, {country}
        np.head = "government"
        np.heads = {"government", _singular(toks[-1].low)}
        return np
    if len(toks) == 1 and first.is_acronym and first.text in ctx.acronyms:
        expansion = _parse_np(ctx, list(ctx.acronyms[first.text]))
        expansion.start, expansion.end, expansion.surface = np.start, np.end, np.surface
        expansion.acronym, expansion.definite = first.text, np.definite
        return expansion
    pre, post = _split_post(w, toks)
    # A possessor: "Russia's defence ministry", "Mr Putin's spokesman Dmitry Peskov".
    poss = [k for k, t in enumerate(pre) if t.kind == "poss"]
    if poss and 0 < poss[-1] < len(pre) - 1:
        k = poss[-1]
        owner = _parse_np(ctx, lead + pre[:k])
        pre = pre[k + 1 :]
        np.definite = True
        if owner.kind == "government" and not owner.key:
            np.country = owner.country
            np.countries |= owner.countries
        else:
            np.affiliation_np = owner
    _read_pre(ctx, np, pre)
    _read_post(ctx, np, post)
    return np


def _agency_in(w: _Words, toks: Sequence[_Tok], text: str) -> str | None:
    """An agency named inside a media phrase: "Interfax news agency", "state news agency SANA"."""
    if not any(t.low in w.media for t in toks):
        return None
    for size in (3, 2, 1):
        for i in range(len(toks) - size + 1):
            name = _join(toks[i : i + size], text)
            if name in w.agencies:
                return name
    return None


def _from_alias(ctx: _Ctx, np: _NP, canonical: str) -> _NP:
    """A mention the lexicon maps to a canonical name ("Daesh" -> "Islamic State")."""
    inner = _parse_np(replace(ctx, text=canonical), _tokenize(canonical))
    out = _NP(np.start, np.end, np.surface, kind=inner.kind, definite=np.definite)
    if out.kind in ("person", "unknown"):
        out.kind = "organization"
    out.country, out.countries = inner.country, inner.countries
    out.words = inner.words or inner.name or (canonical,)
    out.key = inner.key or tuple(_fold(x) for x in canonical.split())
    out.head = inner.head or out.key[-1]
    out.heads = inner.heads | {out.head}
    return out


def _read_pre(ctx: _Ctx, np: _NP, pre: list[_Tok]) -> None:
    """Fill ``np`` from the words up to the head: name, titles, affiliation, kind."""
    w = ctx.w
    pre = [t for t in pre if t.kind != "punct" or t.text == "-"]
    if not pre:
        return
    # "Syrian Observatory for Human Rights": the head comes before the continuation.
    cont = next(
        (
            c
            for c in range(1, len(pre) - 1)
            if pre[c].low in ("of", "for", "on") and not pre[c].cap and pre[c - 1].cap
        ),
        None,
    )
    if cont is not None:
        _read_head(ctx, np, pre, cont - 1)
        return
    k = len(pre)
    while k > 0 and ctx.index.is_name_like(pre[k - 1]):
        k -= 1
    name, desc = pre[k:], pre[:k]
    # A descriptor after "X-based", a nationality or a place is its country.
    for t in desc:
        c = ctx.index.nationality(t)
        if c is not None:
            np.countries.add(c)
    if name:
        after_title = bool(desc) and (_is_title(w, desc[-1]) or desc[-1].low in w.honorifics)
        if all(t.is_acronym for t in name) and not after_title:
            _read_body(ctx, np, pre, "organization")
            np.acronym = name[0].text if len(name) == 1 else None
            return
        particle = len(pre) == 1 and "-" in pre[0].low and pre[0].low.split("-")[0] in _PARTICLES
        if (after_title or not np.definite) and not particle:
            _read_person(ctx, np, name, desc)
            return
        _read_body(ctx, np, pre, "organization")
        return
    _read_head(ctx, np, pre, len(pre) - 1)


def _read_head(ctx: _Ctx, np: _NP, pre: list[_Tok], h: int) -> None:
    """Classify a phrase without a person's name by its head noun ``pre[h]``."""
    w = ctx.w
    tok = pre[h]
    head = _singular(tok.low)
    np.head = head
    np.heads.add(head)

    def among(words: frozenset[str]) -> bool:
        return head in words or tok.low in words

    if among(w.anonymous):
        _read_body(ctx, np, pre, "anonymous", h)
    elif _is_title(w, tok) and h == len(pre) - 1:
        _read_role(ctx, np, pre)
    elif among(w.documents) and not (tok.cap and h > 0 and among(w.media)):
        _read_document(ctx, np, pre)
    elif among(w.media) and (head != "agency" or (h > 0 and pre[h - 1].low in ("news", "press"))):
        _read_body(ctx, np, pre, "media", h)
    elif among(_GROUP_HEADS):
        _read_body(ctx, np, pre, "group", h)
    elif among(_STATE_HEADS):
        _read_body(ctx, np, pre, "government", h)
    elif among(_ARMED_HEADS):
        _read_body(ctx, np, pre, "government", h)
        if np.country is None:
            np.kind = "group"
    elif among(w.org_heads) or (tok.cap and (np.definite or h < len(pre) - 1)) or tok.is_acronym:
        _read_body(ctx, np, pre, "organization", h)
    else:
        np.kind, np.words = "unknown", tuple(t.text for t in pre if t.kind == "word")
        np.key = tuple(t.low for t in pre if t.kind == "word")


def _read_person(ctx: _Ctx, np: _NP, name: list[_Tok], desc: list[_Tok]) -> None:
    """A person: name at the end, titles before it, an affiliation before the titles."""
    w, text = ctx.w, ctx.text
    np.kind = "person"
    np.name = tuple(t.text for t in name)
    np.head = _fold(name[-1].text)
    # The affiliation ends at the last nationality, place or organization head.
    b = 0
    for i, t in enumerate(desc):
        if ctx.index.nationality(t) is not None or t.low in w.org_heads:
            b = i + 1
    for _, j, _ in _place_runs(w, desc):
        b = max(b, j)
    titles, gender = _title_groups(w, desc[b:], text)
    np.titles.extend(titles)
    np.gender = gender
    np.heads |= {_title_key(x) for x in titles}
    _set_affiliation(ctx, np, desc[:b])


def _read_role(ctx: _Ctx, np: _NP, pre: list[_Tok]) -> None:
    """A title used alone: "the spokesman", "a senior official", "the Russian President"."""
    w, text = ctx.w, ctx.text
    b = 0
    for i, t in enumerate(pre[:-1]):
        if ctx.index.nationality(t) is not None or t.low in w.org_heads:
            b = i + 1
    for _, j, _ in _place_runs(w, pre[:-1]):
        b = max(b, j)
    titles, gender = _title_groups(w, pre[b:], text)
    np.titles.extend(titles)
    np.gender = gender
    np.head = _title_key(titles[-1]) if titles else np.head
    np.heads = {np.head}
    _set_affiliation(ctx, np, pre[:b])
    if np.definite:
        np.kind, np.role = "person", True
    else:
        np.kind = "anonymous"
        np.words = tuple(t.text for t in pre[b:])
        np.key = tuple(_fold(x) for x in np.words)


def _set_affiliation(ctx: _Ctx, np: _NP, toks: list[_Tok]) -> None:
    """Read an affiliation phrase: a country, or a body to resolve later."""
    w = ctx.w
    if not toks:
        return
    if any(t.low in w.org_heads for t in toks):
        body = _parse_np(ctx, toks)
        if np.country and not body.country:
            body.country = np.country
            body.countries.add(np.country)
        np.affiliation_np = body
        np.countries |= body.countries
        return
    for t in toks:
        c = ctx.index.nationality(t)
        if c is not None:
            np.country = np.country or c
            np.countries.add(c)
    for _, _, c in _place_runs(w, toks):
        np.country = np.country or c
        np.countries.add(c)


def _read_body(ctx: _Ctx, np: _NP, pre: list[_Tok], kind: str, h: int | None = None) -> None:
    """An organization, group, media outlet, state body or anonymous source."""
    w = ctx.w
    np.kind = kind
    words = [t for t in pre if t.kind == "word"]
    if not words:
        return
    head = _singular((pre[h] if h is not None else words[-1]).low)
    np.head = head
    np.heads.add(head)
    # A country is the body's own when it leads a state body or an anonymous source
    # ("Russian defense ministry", "Russian officials"), and part of the name otherwise
    # ("Syrian Observatory for Human Rights").
    state_like = kind in ("government", "anonymous", "media") or head in _STATE_HEADS
    kept: list[_Tok] = []
    for t in words:
        c = ctx.index.nationality(t)
        if c is not None and t.low.endswith(("-based", "-owned", "-run")):
            np.countries.add(c)
            continue  # a descriptor: "The British-based Syrian Observatory"
        if c is not None and kind == "media" and t.low not in w.nationalities:
            c = None  # "The Washington Post": a place in a media name is part of it
        if c is not None and state_like and not kept:
            np.country = np.country or c
            np.countries.add(c)
            continue
        if c is not None:
            np.countries.add(c)
        if t.low in _TIME_WORDS:
            continue
        kept.append(t)
    for i, j, c in _place_runs(w, kept):
        if i == 0 and state_like and kind != "media" and not np.country:
            np.country = c
            np.countries.add(c)
            kept = kept[j:]
            break
    np.words = tuple(t.text for t in kept)
    np.key = tuple(t.low for t in kept)
    if (
        kind == "government"
        and np.country
        and np.key == (np.head,)
        and np.head in _GOVERNMENT_HEADS
    ):
        np.key = ()  # "the Syrian government" is the government of Syria
        return
    # Role only: a common head noun alone, or with a country or a nationality ("the
    # ministry", "The British group"), after a definite article.
    plain = [t for t in kept if t.low not in w.nationalities]
    common = not plain or plain[-1].low in w.known or _singular(plain[-1].low) in w.known
    unique = np.country is not None and head in _ARMED_HEADS  # "the Syrian army"
    np.role = kind != "anonymous" and len(plain) <= 1 and common and np.definite and not unique
    np.description = (
        kind in ("organization", "group")
        and np.indefinite
        and not np.definite
        and np.country is None
        and bool(kept)
        and not any(t.cap or t.is_acronym for t in kept)
        and (head in _HYPERNYMS or head in _GROUP_HEADS or head in w.org_heads)
    )


def _read_document(ctx: _Ctx, np: _NP, pre: list[_Tok]) -> None:
    """A document: "the statement", "a joint statement", "a SOHR statement"."""
    np.kind = "document"
    mods: list[_Tok] = []
    issuer: list[_Tok] = []
    for t in pre[:-1]:
        if t.low in _TIME_WORDS or t.kind != "word":
            continue
        if t.cap or t.is_acronym:
            issuer.append(t)
        else:
            mods.append(t)
    if issuer:
        np.issuer = _parse_np(ctx, issuer)
        if np.issuer.kind == "person" and len(issuer) == 1 and issuer[0].is_acronym:
            np.issuer.kind = "organization"
    np.words = tuple(t.text for t in [*mods, pre[-1]])
    np.key = tuple(_singular(t.low) if t is pre[-1] else t.low for t in [*mods, pre[-1]])
    np.role = not mods and np.issuer is None


def _read_post(ctx: _Ctx, np: _NP, post: list[_Tok]) -> None:
    """Post-modifiers: "of the Pentagon", "by the ministry", "familiar with the matter"."""
    w, text = ctx.w, ctx.text
    if not post or post[0].kind != "word":
        return
    prep = post[0].low
    obj = _object_np(post[1:])
    if prep in ("of", "for", "from", "at", "with") and obj and np.kind in ("person", "anonymous"):
        det = obj[0].low in _DETERMINERS
        if prep == "of" and not det and not obj[0].cap and np.titles:
            np.titles[-1] = f"{np.titles[-1]} {_join(post[:1] + obj, text)}"  # chief of staff
            return
        if np.kind == "anonymous" or np.role:
            target = _parse_np(ctx, obj)
            if target.kind != "unknown":
                np.affiliation_np = target
                np.countries |= target.countries
                if target.country:
                    np.countries.add(target.country)
                return  # "a spokesman for the ministry": the ministry goes first in the id
    if prep in ("by", "from") and np.kind == "document" and obj:
        np.issuer = _parse_np(ctx, obj)
        np.role = False
        return
    if prep == "in" and obj:
        c = _place(w, _strip_determiners(obj)[0])
        if c is not None:
            np.countries.add(c)
    if np.kind == "anonymous":
        tail = [t for t in post if t.kind == "word"]
        np.words = np.words + tuple(t.text for t in tail)
        np.key = np.key + tuple(t.low for t in tail)
        for t in tail:
            c = ctx.index.nationality(t)
            if c is not None:
                np.countries.add(c)


# --------------------------------------------------------------------------------------
# Reading a mention in its text: commas, acronyms, appositions.


def _read_mention(ctx: _Ctx, span: Span) -> _NP:
    text, w = ctx.text, ctx.w
    toks = _tokenize(span.text, span.start, ctx.index.folded_words)
    acronym: str | None = None
    if len(toks) >= 3 and toks[-1].text == ")" and toks[-3].text == "(" and toks[-2].is_acronym:
        acronym = toks[-2].text
        toks = toks[:-3]
    # What comes first after the mention decides which of the patterns matched after it
    # can match at all: "(" an acronym, "," an apposition, ",", "w" or "t" the clause
    # of _BASED_IN_RE (its white space is all white space to str.isspace()).
    after = _NON_SPACE_RE.search(text, span.end)
    next_char = text[after.start()] if after is not None else ""
    m = _match_after(_FOLLOWING_ACRONYM_RE, text, span.end) if next_char == "(" else None
    if m is not None:
        acronym = m.group("acronym")
    while toks and toks[-1].kind == "punct":
        toks = toks[:-1]
    while toks and toks[0].kind == "punct":
        toks = toks[1:]
    segments: list[list[_Tok]] = [[]]
    for t in toks:
        if t.kind == "punct" and t.text == ",":
            segments.append([])
        else:
            segments[-1].append(t)
    segments = [s for s in segments if s]
    if not segments:
        return _NP(span.start, span.end, span.text)
    main_at = 0
    for i, seg in enumerate(segments):
        if len(segments) > 1 and all(ctx.index.is_name_like(t) for t in seg if t.kind == "word"):
            main_at = i
            break
    np = _parse_np(ctx, segments[main_at])
    np.start, np.end, np.surface = span.start, span.end, _one_space(span.text.strip())
    for i, seg in enumerate(segments):
        if i != main_at:
            _add_descriptor(np, _parse_np(ctx, seg))
    if acronym is not None and np.kind not in ("person", "pronoun", "relative"):
        np.acronym = acronym
    if np.kind not in ("pronoun", "relative", "document"):
        m2 = _match_after(_APPOSITION_RE, text, span.end) if next_char == "," else None
        if m2 is not None:
            phrase = m2.group("phrase")
            ptoks = _tokenize(phrase, m2.start("phrase"), ctx.index.folded_words)
            if _may_describe(ptoks):
                desc = _parse_np(ctx, ptoks)
                if _is_descriptor(w, desc, ptoks):
                    _add_descriptor(np, desc)
        m3 = (
            _match_after(_BASED_IN_RE, text, m.end() if m is not None else span.end)
            if m is not None or next_char in (",", "w", "t") or next_char.isspace()
            else None
        )
        if m3 is not None:
            c = _place(w, _strip_determiners(_tokenize(m3.group("place")))[0])
            if c is not None:
                np.countries.add(c)
    return np


def _may_describe(toks: Sequence[_Tok]) -> bool:
    """Whether a phrase after a comma can be an apposition at all: not a relative
    clause ("which ...") nor a new clause ("he said"). Checked before reading it."""
    first = next((t for t in toks if t.kind == "word"), None)
    return first is not None and first.low not in _RELATIVES and first.low not in _PRONOUNS


def _match_after(pattern: regex.Pattern[str], text: str, pos: int) -> regex.Match[str] | None:
    """``pattern.match(text, pos)`` for the three patterns matched after a mention, in
    time that does not grow with the text after ``pos``.

    Each first checks for the literal the pattern needs, where it must be: "(" or ","
    at the first character after the whitespace, or the "which is based in" clause;
    the acronym's and the apposition's matches are then bounded by their longest
    possible extent, so the regex module never looks further.
    """
    if pattern is _BASED_IN_RE:
        return pattern.match(text, pos) if _BASED_IN_LEAD_RE.match(text, pos) else None
    first = _NON_SPACE_RE.search(text, pos)
    if first is None:
        return None
    at = first.start()
    if pattern is _FOLLOWING_ACRONYM_RE:
        # "(", up to ten characters, ")".
        return pattern.match(text, pos, at + 12) if text[at] == "(" else None
    if text[at] != ",":
        return None
    # ",", whitespace, a phrase of at most 150 characters (which may start with some of
    # that whitespace).
    after = _NON_SPACE_RE.search(text, at + 1)
    return pattern.match(text, pos, after.start() + 151 if after is not None else len(text))


def _is_descriptor(w: _Words, desc: _NP, toks: Sequence[_Tok]) -> bool:
    """Whether a phrase after a comma describes the mention (an apposition)."""
    if not _may_describe(toks):
        return False
    if desc.kind == "person" and desc.role:
        return True
    if desc.kind == "anonymous" and desc.titles:
        return True
    return desc.kind in ("organization", "group") and desc.role is False and bool(desc.head)


def _add_descriptor(np: _NP, desc: _NP) -> None:
    """Fold an apposition or comma segment into the mention it describes."""
    for title in desc.titles:
        if title not in np.titles:
            np.titles.append(title)
    np.gender = np.gender or desc.gender
    if np.kind == "person":
        if desc.affiliation_np is not None and np.affiliation_np is None:
            np.affiliation_np = desc.affiliation_np
        if desc.country and not np.country:
            np.country = desc.country
    if desc.head and np.kind != "person":
        np.heads.add(desc.head)
    np.countries |= desc.countries
    if desc.country:
        np.countries.add(desc.country)


# --------------------------------------------------------------------------------------
# Entities of one article.


@dataclass(eq=False)
class _Entity:
    """The mentions of one entity in one article, and what they say about it together.

    What the mentions say together is gathered as each is added (:meth:`add`), not
    recomputed at each question, so that an entity mentioned thousands of times
    answers in constant time. A noun phrase is not changed once added.
    """

    nps: list[_NP]
    order: list[int]
    merged_into: _Entity | None = None
    first_order: int = -1  # the smallest of ``order``, kept by resolve_speakers
    _best: _NP | None = field(default=None, repr=False)
    _names: dict[tuple[str, ...], list[str]] = field(default_factory=dict, repr=False)
    _genders: set[str] = field(default_factory=set, repr=False)
    _countries: set[str] = field(default_factory=set, repr=False)
    _heads: set[str] = field(default_factory=set, repr=False)
    _title_keys: set[str] = field(default_factory=set, repr=False)
    _acronyms: set[str] = field(default_factory=set, repr=False)
    _first_start: int = -1
    _last_end: int = -1
    _affiliated: _NP | None = field(default=None, repr=False)  # the first with an affiliation
    _person_country: str | None = None  # of the first person mention with a country
    _id: str | None = field(default=None, repr=False)
    filed: set[tuple[str, str]] = field(default_factory=set, repr=False)  # see _Recent
    stamp: int = 0  # when last touched, see _Recent
    changed: bool = True  # added to since last filed, see _Recent
    body_words: frozenset[str] | None = field(default=None, repr=False)  # see _body_words

    def __post_init__(self) -> None:
        nps, self.nps = self.nps, []
        for np in nps:
            self.add(np)

    def add(self, np: _NP) -> None:
        """Add one mention (or a phrase found in the text) of this entity."""
        self.nps.append(np)
        self._id = None
        self.changed = True
        self.body_words = None
        best = self._best
        if best is None or (np.rank, -np.start) > (best.rank, -best.start):
            self._best = np
        if np.name and np.name not in self._names:
            self._names[np.name] = _bare_name(np.name)
        if np.gender:
            self._genders.add(np.gender)
        self._countries |= np.countries
        if np.country:
            self._countries.add(np.country)
        self._heads |= np.heads
        if np.head:
            self._heads.add(np.head)
        self._title_keys.update(_title_key(t) for t in np.titles)
        if np.acronym:
            self._acronyms.add(np.acronym)
        if self._first_start < 0 or np.start < self._first_start:
            self._first_start = np.start
        self._last_end = max(self._last_end, np.end)
        if np.affiliation and (self._affiliated is None or np.start < self._affiliated.start):
            self._affiliated = np
        if self._person_country is None and np.kind == "person" and np.country:
            self._person_country = np.country

    def root(self) -> _Entity:
        e = self
        while e.merged_into is not None:
            e = e.merged_into
        return e

    def best(self) -> _NP:
        """The most informative mention: a full name over a surname, a name over a role."""
        assert self._best is not None, "an entity has at least one mention"
        return self._best

    @property
    def kind(self) -> str:
        return self.best().kind

    def person_names(self) -> list[tuple[str, ...]]:
        """The distinct names of the person, in the order first seen."""
        return list(self._names)

    def bare_names(self) -> Iterable[list[str]]:
        """:func:`_bare_name` of each of :meth:`person_names`."""
        return self._names.values()

    def gender(self) -> str | None:
        return next(iter(self._genders)) if len(self._genders) == 1 else None

    def countries(self) -> set[str]:
        """The countries the mentions name (not to be changed by the caller)."""
        return self._countries

    def heads(self) -> set[str]:
        """The head nouns the mentions use (not to be changed by the caller)."""
        return self._heads

    def title_keys(self) -> set[str]:
        """:func:`_title_key` of each title (not to be changed by the caller)."""
        return self._title_keys

    def keys(self, ctx: _Ctx) -> Iterator[tuple[str, str]]:
        """The keys :class:`_Recent` files this entity under: what a mention must share
        with it to name it (see :func:`_matches`, rule by rule)."""
        for bare in self._names.values():
            if bare:
                yield "surname", bare[-1]
        for key in self._title_keys:
            yield "title", key
        best = self.best()
        kind = best.kind
        if kind == "person":
            yield "pronoun", "m"
            yield "pronoun", "f"
        if kind in _BODY_KINDS or kind == "document":
            yield "pronoun", "it"
        if kind in _BODY_KINDS or kind == "anonymous":
            yield "pronoun", "they"
        if kind == "anonymous":
            yield "anonymous", _entity_id(ctx, self)
        elif kind == "document":
            yield "document", _entity_id(ctx, self)
            for head in self._heads:
                yield "document head", head
        elif kind == "government" and not best.key:
            yield "government", best.country or ""
        elif kind not in ("person", "pronoun", "relative") and best.key:
            for acronym in self._acronyms:
                yield "acronym", acronym
            yield "acronym", _initials(best.words, with_function_words=False)
            if kind in ("organization", "group"):
                yield "organization or group", ""
            for head in self._heads:
                yield "head", head
            words = _body_words(ctx, self)
            yield "words", " ".join(sorted(words))
            for word in words:
                yield "word", word

    def titles(self) -> list[str]:
        out: list[str] = []
        for n in sorted(self.nps, key=lambda x: x.start):
            out.extend(t for t in n.titles if t not in out)
        return out

    def words(self) -> set[str]:
        best = self.best()
        return set(_norm_words(best.key))

    def acronyms(self) -> set[str]:
        return self._acronyms

    def first_start(self) -> int:
        """Where the first mention starts."""
        return self._first_start

    def last_end(self) -> int:
        """Where the last mention (by position) ends."""
        return self._last_end

    def affiliated(self) -> _NP | None:
        """The first mention (by position) that has an affiliation."""
        return self._affiliated

    def person_country(self) -> str | None:
        """The country of the first person mention that has one."""
        return self._person_country


class _Recent:
    """The entities of one article, the most recently mentioned last, with buckets that
    hold, for a mention, the entities it can name, in the same order.

    An entity is filed under the last part of each of its names, each of its titles,
    and the kinds of pronoun it can stand for (:meth:`_Entity.keys`); it stays in a
    bucket once filed there (the bucket is a superset, and :func:`_matches` decides).
    Touching an entity moves it to the end of all its buckets. So a mention, a pronoun
    or a phrase found in the text looks only at the entities that share its surname or
    title or kind, and an article with thousands of people is not quadratic. An
    article with fewer than :attr:`INDEX_FROM` entities has no buckets: every one is a
    candidate, which is cheaper than filing them.
    """

    INDEX_FROM: Final = 48

    def __init__(self) -> None:
        self._all: dict[_Entity, None] = {}
        self._buckets: dict[tuple[str, str], dict[_Entity, None]] | None = None
        self._stamp = 0  # counts touches: an entity's stamp orders it among all

    def __iter__(self) -> Iterator[_Entity]:
        """All the entities, the least recent first."""
        return iter(self._all)

    def touch(self, ctx: _Ctx, e: _Entity) -> None:
        """Make ``e`` the most recent entity (after it is mentioned)."""
        self._stamp += 1
        e.stamp = self._stamp
        self._all.pop(e, None)
        self._all[e] = None
        if self._buckets is None:
            if len(self._all) < self.INDEX_FROM:
                return
            self._buckets = {}
            for old in self._all:  # the least recent first, as each bucket keeps them
                old.changed = True
                self._file(ctx, old)
            return
        self._file(ctx, e)

    def _file(self, ctx: _Ctx, e: _Entity) -> None:
        """File ``e`` under its keys, at the end of each bucket (it is the most recent)."""
        assert self._buckets is not None
        if e.changed:  # what files it changes only with what it is told
            e.changed = False
            for key in e.keys(ctx):
                if key not in e.filed:
                    e.filed.add(key)
                    self._buckets.setdefault(key, {})[e] = None
        for key in e.filed:
            bucket = self._buckets[key]
            del bucket[e]
            bucket[e] = None

    def latest(self, k: int) -> list[_Entity]:
        """The ``k`` most recent entities, the most recent first."""
        return list(itertools.islice(reversed(self._all), k))

    def bucket(self, key: tuple[str, str]) -> Iterator[_Entity]:
        """The entities filed under ``key``, the most recent first (all of them while
        there are no buckets)."""
        if self._buckets is None:
            return reversed(self._all)
        found = self._buckets.get(key)
        return reversed(found) if found is not None else iter(())

    def _body_keys(self, ctx: _Ctx, np: _NP) -> Iterator[tuple[str, str]]:
        """The buckets of the bodies a body's name may name, beside acronyms: a role
        takes any body with its head noun; a name, those whose words are a subset of its
        own (each subset is a key) or a superset (all share its rarest word)."""
        if np.role:
            yield "head", np.head
            return
        mine = sorted(set(_norm_words(np.key, ctx.w.variants)))
        if not mine:
            return  # no body's words can match (_matches needs some)
        if len(mine) > 8:
            yield "head", np.head  # too many subsets: every body with the head
            return
        for size in range(len(mine) + 1):
            for subset in itertools.combinations(mine, size):
                yield "words", " ".join(subset)
        buckets = self._buckets or {}
        yield "word", min(mine, key=lambda w: len(buckets.get(("word", w), ())))

    def candidates(self, ctx: _Ctx, np: _NP) -> Iterator[_Entity]:
        """The entities that ``np`` may name (see :func:`_matches`), the most recent first."""
        if self._buckets is None:
            return reversed(self._all)
        keys: list[tuple[str, str]] = []
        if np.kind == "person":
            if np.role:
                keys.append(("title", np.head))
            elif bare := ctx.index.bare_name(np.name):
                keys.append(("surname", bare[-1]))
        elif np.kind == "anonymous":
            keys.append(("anonymous", _np_id(ctx, np)))
        elif np.kind == "document":
            keys.append(("document", _np_id(ctx, np)))
            if np.role:
                keys.append(("document head", np.head))
        elif np.kind == "government" and not np.key:
            keys.append(("government", np.country or ""))
        elif np.kind not in ("pronoun", "relative"):
            if np.acronym:
                keys.append(("acronym", np.acronym))
            if len(np.key) == 1:
                keys.append(("acronym", np.key[0].upper()))
            if np.role and np.head in _HYPERNYMS:
                keys.append(("organization or group", ""))
            keys.extend(self._body_keys(ctx, np))
        buckets = [b for b in map(self._buckets.get, dict.fromkeys(keys)) if b]  # in order
        if len(buckets) <= 1:
            return reversed(buckets[0]) if buckets else iter(())
        merged = heapq.merge(*map(reversed, buckets), key=lambda e: -e.stamp)
        return (e for e, _ in itertools.groupby(merged))  # an entity may be in two


def _norm_words(words: Iterable[str], variants: Mapping[str, str] | None = None) -> list[str]:
    out = []
    for x in words:
        x = _fold(x)
        if "-" in x:  # what _ARTICLE_PREFIX_RE needs, tested first: most words have none
            x = _ARTICLE_PREFIX_RE.sub("", x)
        if x in _PARTICLES or x in ("the", "so-called"):
            continue
        out.append(variants.get(x, x) if variants else x)
    return out


def _bare_name(name: Sequence[str]) -> list[str]:
    """A person's name for matching: folded, ASCII, particles dropped, given names transliterated."""
    parts: list[str] = []
    for x in name:
        parts.extend(p for p in _ascii(_fold(x)).split("-") if p)
    parts = [p for p in parts if p not in _PARTICLES] or parts
    return [_given(p) for p in parts[:-1]] + parts[-1:]


@functools.lru_cache(maxsize=4096)
def _given(name: str) -> str:
    for pattern, repl in _GIVEN_NAME_RULES:
        name = pattern.sub(repl, name)
    return name


def _names_compatible(a: Sequence[str], b: Sequence[str]) -> bool:
    """Whether two bare names can be one person: "lavrov" ~ "sergei lavrov", "s lavrov"."""
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if list(long_[len(long_) - len(short) :]) == list(short):
        return True
    if short[-1] != long_[-1]:
        return False
    x, y = short[0], long_[0]
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


def _countries_ok(np: _NP, e: _Entity) -> bool:
    theirs = e.countries()
    mine = set(np.countries) | ({np.country} if np.country else set())
    return not mine or not theirs or bool(mine & theirs)


def _matches(ctx: _Ctx, np: _NP, e: _Entity) -> bool:
    """Whether mention ``np`` can name entity ``e`` (pronouns are handled apart)."""
    kind = e.kind
    if np.kind == "person":
        if kind != "person":
            return False
        g = e.gender()
        if np.gender and g and np.gender != g:
            return False
        if np.role:
            if np.head not in e.title_keys():
                return False
            if np.affiliation is not None:
                aff = _fold(_entity_affiliation(ctx, e) or "")
                return bool(aff) and _fold(np.affiliation).split()[-1] in aff.split()
            return _countries_ok(np, e)
        bare = ctx.index.bare_name(np.name)
        return any(_names_compatible(bare, n) for n in e.bare_names())
    if np.kind in ("pronoun", "relative") or kind in ("person", "pronoun", "relative"):
        return False
    if np.kind == "anonymous" or kind == "anonymous":
        return np.kind == kind and _entity_id(ctx, e) == _np_id(ctx, np)
    if np.kind == "document" or kind == "document":
        if np.kind != kind:
            return False
        return (np.role and np.head in e.heads()) or _np_id(ctx, np) == _entity_id(ctx, e)
    if np.kind == "government" and not np.key:
        return kind == "government" and not e.best().key and e.best().country == np.country
    if not e.best().key:
        return False  # a country's government is matched above only
    acronyms = e.acronyms()
    if np.acronym and np.acronym in acronyms:
        return True
    mine = set(_norm_words(np.key, ctx.w.variants))
    theirs = _body_words(ctx, e)
    if len(np.key) == 1 and np.key[0].upper() in acronyms | {
        _initials(e.best().words, with_function_words=False)
    }:
        return True
    if not _countries_ok(np, e):
        return False
    if np.role and np.head in _HYPERNYMS and kind in ("organization", "group"):
        return True
    if np.head not in e.heads():
        return False
    if np.role:
        return True
    same_country = np.country is None or e.best().country in (None, np.country)
    return bool(mine) and (mine <= theirs or theirs <= mine) and same_country


def _body_words(ctx: _Ctx, e: _Entity) -> frozenset[str]:
    """The normalized words of an entity's name, as :func:`_matches` compares a body's."""
    if e.body_words is None:
        variants = ctx.w.variants
        e.body_words = frozenset(
            _norm_words([x], variants)[0] for x in e.words() if _norm_words([x])
        )
    return e.body_words


# --------------------------------------------------------------------------------------
# Text scans.


def _given_names(ctx: _Ctx, surname: str) -> tuple[str, ...] | None:
    """The one full name the text gives a surname: "Mr Putin" -> "Vladimir Putin"."""
    return ctx.index.given_names(surname)


def _surname_key(word: str) -> str:
    """The last part of a name word, as :func:`_bare_name` compares it: "al-Assad" -> "assad"."""
    if "-" not in word and word.isascii():
        return word.lower().replace(".", "")  # the common case, without the lists
    parts = [p for p in _ascii(_fold(word)).split("-") if p]
    parts = [p for p in parts if p not in _PARTICLES] or parts
    return parts[-1] if parts else ""


def _sole_maximal(names: Sequence[tuple[str, ...]]) -> tuple[str, ...] | None:
    """The one bare name that no longer compatible name extends, if exactly one is.

    The same as testing every pair with :func:`_names_compatible`, in time linear in
    the number of names, so that thousands of full names for one surname stay cheap.

    >>> _sole_maximal([("lavrov",), ("s", "lavrov"), ("sergei", "v", "lavrov")])
    ('sergei', 'v', 'lavrov')
    >>> _sole_maximal([("lavrov",), ("anna", "lavrov"), ("sergei", "lavrov")]) is None
    True
    """
    # A shorter name is compatible with a longer one when it is the longer one's
    # suffix, or when both end in the same part and their first parts are equal or one
    # is the other's initial. Each table keeps the greatest length for its key.
    suffixes: set[tuple[str, ...]] = set()
    by_first: dict[tuple[str, str], int] = {}  # (last part, first part)
    by_initial: dict[tuple[str, str], int] = {}  # (last part, first letter)
    by_letter: dict[tuple[str, str], int] = {}  # (last part, first part of one letter)
    for o in names:
        if not o:
            continue
        suffixes.update(o[j:] for j in range(1, len(o)))
        n, last, first = len(o), o[-1], o[0]
        by_first[last, first] = max(by_first.get((last, first), 0), n)
        by_initial[last, first[:1]] = max(by_initial.get((last, first[:1]), 0), n)
        if len(first) == 1:
            by_letter[last, first] = max(by_letter.get((last, first), 0), n)
    maximal: list[tuple[str, ...]] = []
    for k in names:
        n = len(k)
        extended = bool(k) and (
            k in suffixes
            or by_first.get((k[-1], k[0]), 0) > n
            or (len(k[0]) == 1 and by_initial.get((k[-1], k[0]), 0) > n)
            or by_letter.get((k[-1], k[0][:1]), 0) > n
        )
        if not extended:
            maximal.append(k)
            if len(maximal) > 1:
                return None
    return maximal[0] if maximal else None


def _np_around(ctx: _Ctx, toks: _Tokens, h: int) -> list[_Tok]:
    """The noun phrase around the head token ``toks.get(h)``, read from the text."""
    w = ctx.w
    i = h
    while h - i < 6 and (t := toks.get(i - 1)) is not None:
        if t.kind == "poss":
            i -= 1
            continue
        if t.kind != "word":
            break
        if t.low in _DETERMINERS:
            i -= 1
            break
        if t.cap or t.low in w.known or ctx.index.nationality(t) is not None:
            i -= 1
            continue
        # An unknown lower-case word: keep it only when a determiner is right before it,
        # or a possessive, whose owner comes with it ("Russia's defence ministry"); one
        # with a period ends the sentence before ("six sank. Russia's defence ministry").
        before = toks.get(i - 2) if not t.text.endswith(".") else None
        if before is not None and before.kind == "poss":
            i -= 1
            continue
        if before is not None and before.kind == "word" and before.low in _DETERMINERS:
            i -= 2
        break
    j = h + 1
    head = toks.get(h)
    nxt = toks.get(j)
    if head is not None and _is_title(w, head):
        while nxt is not None and (ctx.index.is_name_like(nxt) or _is_title(w, nxt)):
            j += 1
            nxt = toks.get(j)
    elif head is not None and head.cap and nxt is not None and nxt.low in _NAME_CONTINUERS:
        # A proper name goes on after its head, as a mention's does (see _split_post):
        # "the Baltic Observatory for Coastal Safety", "the Ministry of the Interior".
        k = prep = j
        prev = nxt
        while (k := k + 1) - prep <= _CONTINUATION_TOKENS and (t := toks.get(k)) is not None:
            if (
                not _in_place_name(t)
                or t.low in _TIME_WORDS  # "The Washington Post on Thursday"
                or (prev.low == "and" and t.low in _DETERMINERS)  # "... and the Nordic ..."
            ):
                break
            if t.cap:
                j = k + 1  # the name ends at its last capitalized word
            prev = t
    elif nxt is not None and nxt.kind == "word" and nxt.low in ("by", "from"):
        k = j + 1
        while k - j <= 7 and (t := toks.get(k)) is not None and t.kind in ("word", "poss"):
            k += 1
            if t.low in w.org_heads or t.low in w.nationalities:
                j = k
            if t.low in w.org_heads:
                break
    return toks.run(i, j)


def _head_forms(head: str) -> frozenset[str]:
    """The folded words that a role's head noun finds in the text: those whose singular,
    or whose title key (:func:`_title_key`), is ``head``.

    >>> sorted(_head_forms("ministry")), sorted(_head_forms("general"))
    (['ministries', 'ministry', 'ministrys'], ['gen', 'general', 'generals'])
    """
    forms = {f for f in (head, head + "s", head[:-1] + "ies") if _singular(f) == head}
    forms.update(a for a, full in _TITLE_ABBREVIATIONS.items() if _singular(full) == head)
    return frozenset(forms)


@functools.lru_cache(maxsize=256)
def _forms_re(forms: frozenset[str]) -> regex.Pattern[str]:
    """A backward search, in the case-folded text, for the words that may fold to one of
    ``forms``: periods may come between the letters, and either apostrophe.

    >>> [m.group() for m in _forms_re(frozenset({"gen", "general"})).finditer("gen. g.e.n general")]
    ['general', 'g.e.n', 'gen']
    """
    return regex.compile(_forms_pattern(forms), flags=regex.REVERSE)


@functools.lru_cache(maxsize=256)
def _forms_ahead_re(forms: frozenset[str]) -> regex.Pattern[str]:
    """:func:`_forms_re` as a forward search.

    >>> [m.start() for m in _forms_ahead_re(frozenset({"gen", "general"})).finditer("gen. g.e.n general")]
    [0, 5, 11]
    """
    return regex.compile(_forms_pattern(forms))


def _forms_pattern(forms: frozenset[str]) -> str:
    alternatives = [
        r"\.*".join("['\u2019]" if c == "'" else regex.escape(c) for c in form)
        for form in sorted(forms, key=lambda f: (-len(f), f))
    ]
    return "|".join(alternatives) or r"(?!)"


def _antecedent_in_text(ctx: _Ctx, np: _NP) -> _NP | None:
    """A fuller phrase with the same head before a role used alone: "a joint statement".

    The nearest word with the head (within :data:`_SCAN_TOKENS` tokens) whose phrase
    is of the role's kind. The words are found by a search in the case-folded text,
    and only the text around each is tokenized.
    """
    forms = _head_forms(np.head)
    folded = ctx.index.folded()
    if folded is None:
        return _antecedent_by_tokens(ctx, np, forms)
    text = ctx.index.text
    end = _cut_after(text, np.start)  # a word that starts before the mention may run on
    seen = np.start  # words are taken nearest first; a match may repeat the last one
    while (m := _forms_re(forms).search(folded, 0, end)) is not None:
        end, at = m.end() - 1, m.start()
        if at >= seen:
            continue
        toks = ctx.toks(at + 1)
        t = toks.get(toks.last)
        if t is None or t.start != at or t.kind != "word" or t.low not in forms:
            continue
        seen = at
        if np.start - at > _SCAN_TOKENS + 1 and _beyond_scan(text, at, np.start):
            return None  # beyond the scan, as are all the words before it
        cand = _accept_antecedent(ctx, np, _parse_np(ctx, _np_around(ctx, toks, toks.last)))
        if cand is not None:
            return cand
    return None


def _antecedent_by_tokens(ctx: _Ctx, np: _NP, forms: frozenset[str]) -> _NP | None:
    """:func:`_antecedent_in_text` token by token, for a text whose case folding changes
    its length (so that the folded text's offsets are not the text's)."""
    toks = ctx.toks(np.start)
    h = toks.last
    limit = h - _SCAN_TOKENS
    while h >= limit and (t := toks.get(h)) is not None:
        if t.kind == "word" and t.low in forms:
            cand = _accept_antecedent(ctx, np, _parse_np(ctx, _np_around(ctx, toks, h)))
            if cand is not None:
                return cand
        h -= 1
    return None


def _accept_antecedent(ctx: _Ctx, np: _NP, cand: _NP) -> _NP | None:
    if cand.kind == np.kind and not cand.role and cand.end <= np.start:
        cand.hidden = True
        return cand
    if np.kind == "document" and cand.kind in _BODY_KINDS and cand.end <= np.start:
        cand.hidden = True
        return cand  # "A Sunday statement by the ministry": the ministry
    return None


def _body_named_after(ctx: _Ctx, np: _NP) -> _NP | None:
    """The one body the text names with a role's head noun after the role, within
    :data:`_SCAN_TOKENS` tokens: "The observatory said ..." and, in a later sentence
    that need not be a claim, "the Baltic Observatory for Coastal Safety".

    Only a named body counts: one with a capitalized word or an acronym in its name, or
    a state body of a country ("Russia's defence ministry"), whose countries agree with
    the role's. Forms of one name ("the Baltic Observatory", "the Baltic Observatory
    for Coastal Safety") are one body, the fullest; two bodies, and there is no answer.
    A hypernym ("the group") never looks ahead: it fits too many bodies.
    """
    if np.kind not in _BODY_KINDS or not np.head or np.head in _HYPERNYMS:
        return None
    forms = _head_forms(np.head)
    found: list[_NP] = []
    for toks, h in _words_ahead(ctx, np.end, forms):
        cand = _parse_np(ctx, _np_around(ctx, toks, h))
        if _names_body(np, cand):
            cand.hidden = True
            found.append(cand)
            if len(found) >= _AHEAD_CANDIDATES:
                break
    return _sole_body(ctx, found)


def _words_ahead(ctx: _Ctx, pos: int, forms: frozenset[str]) -> Iterator[tuple[_Tokens, int]]:
    """The words among the :data:`_SCAN_TOKENS` tokens from ``pos`` on whose folded form
    is one of ``forms``, in text order, each as tokens and its index there.

    The words are found by a search in the case-folded text, within the stretch that
    one regex match over that many tokens measures (tokenizing it all, word by word,
    took ten times as long), and only the text around each is tokenized.
    """
    toks = ctx.toks(pos)
    first = toks.last + 1
    folded = ctx.index.folded()
    if folded is None:  # the folded text has other offsets: read the tokens one by one
        for k, t in enumerate(toks.run(first, first + _SCAN_TOKENS)):
            if t.kind == "word" and t.low in forms:
                yield toks, first + k
        return
    head = toks.get(first)
    if head is None:
        return
    text = ctx.index.text
    stretch = _SCAN_RE.match(text, head.start)
    end = stretch.end() if stretch is not None else head.end
    search = _forms_ahead_re(forms).search
    at = head.start
    while (m := search(folded, at, end)) is not None:
        at = m.start()
        # A word that starts right after a letter, mark or digit is inside a longer one.
        if at == 0 or _WORD_CHAR_RE.match(text, at - 1) is None:
            found = ctx.toks(at + 1)
            word = found.get(found.last)
            if word is not None and word.start == at and word.kind == "word" and word.low in forms:
                yield found, found.last
        at += 1


def _names_body(np: _NP, cand: _NP) -> bool:
    """Whether a phrase found in the text after role ``np`` names a body it may stand for."""
    if (
        cand.kind not in _BODY_KINDS
        or cand.role
        or cand.description
        or not cand.key
        or cand.start < np.end
        or (cand.head != np.head and np.head not in cand.heads)
    ):
        return False
    if cand.country is None and not any(x[:1].isupper() for x in cand.words):
        return False  # common words only: "rebel groups", "a monitoring group"
    if np.affiliation_np is not None:
        # "Hillary Clinton's campaign" is "the Clinton campaign", not "the Trump campaign".
        owner = _slug([np.affiliation or np.affiliation_np.surface]).split("-")[-1:]
        if not owner or owner[0] not in _slug(cand.words).split("-"):
            return False
    mine = np.countries | ({np.country} if np.country else set())
    theirs = cand.countries | ({cand.country} if cand.country else set())
    return not mine or not theirs or bool(mine & theirs)


def _sole_body(ctx: _Ctx, found: Sequence[_NP]) -> _NP | None:
    """The one body among ``found`` that no other extends (its words a superset, in the
    same country), the first phrase of it; ``None`` when there are two."""
    bodies: dict[str, tuple[_NP, frozenset[str]]] = {}
    for cand in found:
        if (i := _np_id(ctx, cand)) not in bodies:
            bodies[i] = (cand, frozenset(_norm_words(cand.key, ctx.w.variants)))
    maximal = [
        (cand, words)
        for cand, words in bodies.values()
        if not any(
            words < other and cand.country in (None, o.country) for o, other in bodies.values()
        )
    ]
    return maximal[0][0] if len(maximal) == 1 else None


def _cut_after(text: str, pos: int) -> int:
    """The first place at or after ``pos`` where the text can be cut between tokens:
    just after whitespace, or the end."""
    m = _SPACE_RE.search(text, pos - 1) if pos > 0 else None
    return m.end() if m is not None else (0 if pos <= 0 else len(text))


def _beyond_scan(text: str, start: int, end: int) -> bool:
    """Whether more than ``_SCAN_TOKENS + 1`` tokens start in ``[start, end)``, ``start``
    being a token's start: one match reads that many tokens, however far ``end`` is.

    Each run of characters that are not white space to ``str.split`` starts with a
    token (it follows such white space, a token of its own, or starts at ``start``): as
    many runs are as many tokens at least, which a split tells first, at C speed.
    """
    if len(text[start:end].split(None, _SCAN_TOKENS + 1)) > _SCAN_TOKENS + 1:
        return True
    m = _SCAN_PLUS_ONE_RE.match(text, start)
    return m is not None and _NON_SPACE_RE.search(text, m.end(), end) is not None


def _persons_before(ctx: _Ctx, pos: int) -> Iterable[_NP]:
    """The persons the text names with a title or honorific before ``pos``, last first.

    The first token of the text is never read as a name (it has nothing before it).
    """
    toks, w, name_like = ctx.toks(pos), ctx.w, ctx.index.is_name_like
    last = toks.last
    # The tokens the scan reads: from the limit (or the text's first token) to ``last``;
    # it reads the name-like words among them, and the first token never counts.
    first = last + 1 - len(toks.run(last - _SCAN_TOKENS, last + 1))
    below = last + 1  # the scan goes on below the last run of names it read
    for h in toks.names_down(last, first, name_like):
        t = toks.get(h)
        if h < below and t is not None and t.end <= pos:
            k = h
            while (before := toks.get(k - 1)) is not None and name_like(before):
                k -= 1
            if before is not None and (_is_title(w, before) or before.low in w.honorifics):
                b = k - 1
                while (title := toks.get(b - 1)) is not None and (
                    _is_title(w, title) or title.low in w.honorifics
                ):
                    b -= 1
                cand = _parse_np(ctx, toks.run(b, h + 1))
                if cand.kind == "person" and cand.name:
                    cand.hidden = True
                    yield cand
            below = k


def _np_before(ctx: _Ctx, pos: int) -> _NP | None:
    """The noun phrase that ends just before a relative pronoun: "the coalition, which"."""
    toks = ctx.toks(pos)
    h = toks.last
    while (t := toks.get(h)) is not None and t.kind == "punct" and t.text in ",-\u2013\u2014":
        h -= 1
    if t is None or t.kind != "word":
        return None
    cand = _parse_np(ctx, _np_around(ctx, toks, h))
    cand.hidden = True
    return cand if cand.kind not in ("unknown", "pronoun", "relative") else None


# --------------------------------------------------------------------------------------
# Ids and speakers.


def _person_id(name: Sequence[str]) -> str:
    parts: list[str] = []
    for x in name:
        parts.extend(p for p in _ascii(_fold(x)).split("-") if p)
    given = [_given(p) if p not in _PARTICLES else p for p in parts[:-1]]
    return _slug([*given, *parts[-1:]])


def _body_key(ctx: _Ctx, np: _NP) -> list[str]:
    words = _norm_words(np.key, ctx.w.variants)
    if len(words) >= 3 and words[-2] == "of" and words[0] in _INVERTIBLE:
        words = [*words[2:], words[0]] if len(words) == 3 else words
    elif len(words) >= 3 and words[1] == "of" and words[0] in _INVERTIBLE:
        words = [*words[2:], words[0]]
    if ctx.w.variants:
        joined = " ".join(words)
        words = ctx.w.variants.get(joined, joined).split()
    return words


def _np_id(ctx: _Ctx, np: _NP) -> str:
    if np.kind == "person" and np.name:
        return _person_id(np.name)
    if np.kind == "anonymous" and np.affiliation_id:
        return _slug(
            [np.affiliation_id, *_body_key(ctx, np)]
        )  # "russia-defense-ministry-spokesman"
    country = [np.country] if np.country else []
    return _slug([*country, *_body_key(ctx, np)])


def _full_name(ctx: _Ctx, e: _Entity) -> tuple[str, ...]:
    names = zip(e.person_names(), e.bare_names(), strict=True)
    best = max(names, key=lambda n: (len(n[1]), len("".join(n[0]))))[0]
    if len(best) == 1:
        found = _given_names(ctx, best[0])
        if found is not None:
            return found
    return best


def _entity_id(ctx: _Ctx, e: _Entity) -> str:
    if e._id is None:
        e._id = _make_entity_id(ctx, e)
    return e._id


def _make_entity_id(ctx: _Ctx, e: _Entity) -> str:
    best = e.best()
    if best.kind == "person" and best.name:
        return _person_id(_full_name(ctx, e))
    if best.role or (best.kind in ("pronoun", "relative", "unknown") and not best.key):
        first = e.first_start()
        return f"{_slug([_strip_det_text(best.surface)]) or 'speaker'}-{ctx.tag}-{first}"
    return _np_id(ctx, best)


def _display(ctx: _Ctx, np: _NP) -> str:
    if np.kind == "person" and np.name:
        return " ".join(np.name)
    if np.kind == "government" and not np.key and np.country:
        return np.country
    words = " ".join(np.words)
    if np.kind in ("anonymous", "document", "unknown") or not words:
        return _strip_det_text(np.surface)
    if np.country and words == words.lower():
        words = " ".join(
            x if x in _FUNCTION_WORDS_IN_NAMES else x[:1].upper() + x[1:] for x in words.split()
        )
    if np.country:
        return f"{ctx.w.adjectives.get(np.country, np.country)} {words}"
    return words


def _strip_det_text(s: str) -> str:
    toks = _tokenize(s)
    toks, _ = _strip_determiners(toks)
    return s[toks[0].start :].strip() if toks else s


def _entity_affiliation(ctx: _Ctx, e: _Entity) -> str | None:
    first = e.affiliated()
    if first is not None:
        return first.affiliation
    best = e.best()
    if best.kind in ("person", "anonymous", "media", "government") and best.country:
        if best.kind == "government" and not best.key:
            return None
        return best.country
    return e.person_country()


def _speaker_kind(kind: str) -> SpeakerKind:
    for k in _KIND_ORDER:
        if k == kind:
            return k
    return "unknown"


def _speaker(ctx: _Ctx, e: _Entity) -> Speaker:
    best = e.best()
    kind = best.kind
    if kind in ("pronoun", "relative"):
        kind = "unknown"
    if best.role and kind == "person":
        kind = "anonymous"
    name = (
        " ".join(_full_name(ctx, e)) if best.kind == "person" and best.name else _display(ctx, best)
    )
    aliases = {n.surface for n in e.nps if not n.hidden and n.kind not in ("pronoun", "relative")}
    aliases |= e.acronyms()
    titles = tuple(e.titles()) if kind in ("person", "anonymous") else ()
    return Speaker(
        id=_entity_id(ctx, e),
        name=name,
        kind=_speaker_kind(kind),
        titles=titles,
        affiliation=_entity_affiliation(ctx, e),
        aliases=tuple(sorted(aliases, key=lambda s: (s.casefold(), s))),
    )


def _resolve_affiliation(ctx: _Ctx, np: _NP, entities: _Recent) -> None:
    """Turn a possessor or "of X" phrase into an affiliation name."""
    ref = np.affiliation_np
    if ref is None:
        if np.kind in ("person", "anonymous") and np.country:
            np.affiliation = np.country
        return
    target = _find(ctx, ref, entities)
    if target is not None:
        np.affiliation_id = _entity_id(ctx, target)
        np.affiliation = (
            " ".join(_full_name(ctx, target))
            if target.kind == "person"
            else _display(ctx, target.best())
        )
        np.countries |= target.countries()
        return
    if ref.kind == "person" and ref.name:
        full = _given_names(ctx, ref.name[0]) if len(ref.name) == 1 else None
        np.affiliation = " ".join(full or ref.name)
    elif ref.kind in ("government",) and not ref.key:
        np.affiliation = ref.country
    elif ref.kind != "unknown" and not ref.role:
        np.affiliation = _display(ctx, ref)
        np.affiliation_id = _np_id(ctx, ref)
    elif ref.role:
        found = _antecedent_in_text(ctx, ref)
        if found is not None:
            np.affiliation = _display(ctx, found)
            np.affiliation_id = _np_id(ctx, found)
            np.countries |= found.countries | ({found.country} if found.country else set())
    np.countries |= ref.countries


def _find(ctx: _Ctx, np: _NP, recent: _Recent) -> _Entity | None:
    """The most recent entity that ``np`` can name."""
    for e in recent.candidates(ctx, np):
        if _matches(ctx, np, e):
            return e
    return None


def _pronoun_fits(e: _Entity, pronoun: str) -> bool:
    """Whether entity ``e`` can be what a pronoun of this class ("m", "f", "it", "they") names."""
    kind = e.kind
    if pronoun in ("m", "f"):
        g = e.gender()
        return kind == "person" and not e.best().role and (g is None or g == pronoun)
    if pronoun == "it":
        return kind in _BODY_KINDS or kind == "document"
    if pronoun == "they":
        return kind in _BODY_KINDS or kind == "anonymous"
    return False


def resolve_speakers(
    text: str, mentions: Sequence[Span | None], *, lexicon: Lexicon | None = None
) -> list[Speaker | None]:
    """One :class:`Speaker` per mention, the mentions of one entity sharing one speaker.

    Args:
        text: the article's text, which every mention slices.
        mentions: the speaker mentions of the article's claims, in text order; ``None``
            where a claim has no mention. The same span may repeat (a quote that
            continues its speaker).
        lexicon: word lists; the built-in ones by default.

    Returns:
        A list as long as ``mentions``: ``None`` for ``None``, else the speaker. All
        the mentions of one entity get the same speaker: same ``id``, ``name`` the
        fullest form, ``aliases`` every surface form seen.

    Raises:
        TypeError: when ``text`` is not a string or a mention not a span.
        attribution.errors.SpanError: when a mention does not slice ``text``.

    >>> text = ("Russia's Defence Ministry spokesman Igor Konashenkov said 12 targets were hit. "
    ...         "Mr Konashenkov said civilian areas were spared, and he insisted that the "
    ...         "strikes would go on. The Syrian Observatory for Human Rights (SOHR) said "
    ...         "civilians died. The Observatory said six were children.")
    >>> at = lambda s: Span.of(text, text.index(s), text.index(s) + len(s))
    >>> found = resolve_speakers(text, [at("Russia's Defence Ministry spokesman Igor Konashenkov"),
    ...     at("Mr Konashenkov"), at("he"), None, at("The Syrian Observatory for Human Rights"),
    ...     at("The Observatory")])
    >>> [s.id if s else None for s in found]
    ['igor-konashenkov', 'igor-konashenkov', 'igor-konashenkov', None, 'syrian-observatory-for-human-rights', 'syrian-observatory-for-human-rights']
    >>> found[0].titles, found[0].affiliation
    (('spokesman',), 'Russian Defence Ministry')
    >>> found[4].kind, found[4].aliases
    ('organization', ('SOHR', 'The Observatory', 'The Syrian Observatory for Human Rights'))

    A pronoun with nothing to refer to is an unknown speaker whose id belongs to
    this article alone:

    >>> [(s.kind, s.id.startswith("we-")) for s in resolve_speakers("We won, we said.", [Span.of("We won, we said.", 8, 10)])]
    [('unknown', True)]
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if lexicon is not None and not isinstance(lexicon, Lexicon):
        raise TypeError(f"lexicon must be a Lexicon, not {type(lexicon).__name__}")
    for m in mentions:
        if m is not None and not isinstance(m, Span):
            raise TypeError(f"mentions must hold Span or None, not {type(m).__name__}")
        if m is not None and not m.slices(text):
            raise SpanError(f"mention [{m.start}, {m.end}) {m.text!r} does not slice the text")
    ctx = _context(text, lexicon or Lexicon.default())
    entities = _Recent()
    assigned: list[_Entity | None] = []
    by_span: dict[tuple[int, int], _Entity] = {}
    unresolved_roles: list[_Entity] = []
    descriptions: list[_Entity] = []

    def touch(e: _Entity, i: int) -> _Entity:
        e.order.append(i)
        if e.first_order < 0:
            e.first_order = i
        entities.touch(ctx, e)
        return e

    for i, m in enumerate(mentions):
        if m is None:
            assigned.append(None)
            continue
        if (m.start, m.end) in by_span:
            assigned.append(touch(by_span[(m.start, m.end)].root(), i))
            continue
        np = _read_mention(ctx, m)
        e = _place_mention(ctx, np, entities, unresolved_roles, descriptions)
        by_span[(m.start, m.end)] = e
        assigned.append(touch(e, i))
    # Roles that nothing before them resolved: a later entity, as in a headline.
    for role in unresolved_roles:
        if role.merged_into is not None:
            continue
        if len(role.nps) != 1:
            _name_role_ahead(ctx, role, entities)
            continue
        first = role.first_order
        later = sorted(
            (
                x
                for x in entities
                if x is not role and x.merged_into is None and x.first_order > first
            ),
            key=lambda x: x.first_order,
        )
        for x in later:
            if not x.best().role and _matches(ctx, role.nps[0], x):
                x.add(role.nps[0])
                x.order.extend(role.order)
                x.first_order = min(x.first_order, first)
                role.merged_into = x
                break
        else:
            _name_role_ahead(ctx, role, entities)
    _resolve_descriptions(ctx, entities, descriptions)
    speakers: dict[int, Speaker] = {}
    out: list[Speaker | None] = []
    for entity in assigned:
        if entity is None:
            out.append(None)
            continue
        r = entity.root()
        if id(r) not in speakers:
            speakers[id(r)] = _speaker(ctx, r)
        out.append(speakers[id(r)])
    return out


def _name_role_ahead(ctx: _Ctx, role: _Entity, entities: _Recent) -> None:
    """A role that no mention resolved takes the one body the text names with its head
    after it (:func:`_body_named_after`): it joins the entity of that body if there is
    one, or else the body's phrase becomes the role's best mention."""
    np = role.nps[0]
    if not np.role or not role.best().role:
        return
    cand = _body_named_after(ctx, np)
    if cand is None:
        return
    _resolve_affiliation(ctx, cand, entities)
    for x in entities.candidates(ctx, cand):
        x = x.root()
        if x is not role and not x.best().role and _matches(ctx, cand, x):
            for mention in role.nps:
                x.add(mention)
            x.order.extend(role.order)
            x.first_order = min(x.first_order, role.first_order)
            role.merged_into = x
            return
    role.add(cand)


def _resolve_descriptions(ctx: _Ctx, entities: _Recent, descriptions: list[_Entity]) -> None:
    """Indefinite descriptions that nothing before them resolved ("a shadowy monitoring
    group"): each joins the body that the next body mention names, when that mention
    starts within :data:`_DESCRIPTION_GAP` characters ("The so-called Syrian
    Observatory ..." in the next sentence)."""
    if not descriptions:
        return
    bodies = sorted(
        (x.first_order, x.first_start(), x)
        for x in entities
        if x.merged_into is None and x.kind in _BODY_KINDS
    )
    orders = [b[0] for b in bodies]
    for desc in descriptions:
        if desc.merged_into is not None or len(desc.nps) != 1:
            continue
        d = desc.nps[0]
        k = bisect.bisect_right(orders, desc.first_order)
        if k >= len(bodies):
            continue
        _, start, x = bodies[k]
        best = x.best()
        if (
            x is desc
            or best.role
            or best.description
            or not best.key
            or x.kind not in ("organization", "group")
            or not d.end <= start <= d.end + _DESCRIPTION_GAP
            or not _countries_ok(d, x)
        ):
            continue
        x.add(d)
        x.order.extend(desc.order)
        x.first_order = min(x.first_order, desc.first_order)
        desc.merged_into = x


def _context_country(ctx: _Ctx, np: _NP, entities: _Recent) -> str | None:
    """The country a bare "officials" stands for: that of the latest "X officials" of the
    article, or else of the latest entity when it is a state body, a person or an
    anonymous source of one country, mentioned within :data:`_CONTEXT_GAP` characters
    before ("Russia's Defence Ministry spokesman ... Officials acknowledged ...")."""
    recent = entities.latest(8)
    for e in recent:
        best = e.best()
        if best.kind == "anonymous" and best.country and best.key == np.key:
            return best.country
    if not recent:
        return None
    e = recent[0]
    last = e.last_end()
    countries = e.countries()
    if (
        e.kind in ("person", "government", "anonymous")
        and not e.best().role
        and len(countries) == 1
        and last <= np.start <= last + _CONTEXT_GAP
    ):
        return next(iter(countries))
    return None


def _place_mention(
    ctx: _Ctx,
    np: _NP,
    entities: _Recent,
    unresolved_roles: list[_Entity],
    descriptions: list[_Entity],
) -> _Entity:
    """Find (or make) the entity a mention names."""
    if np.kind == "document" and np.issuer is not None and np.issuer.kind != "unknown":
        issuer = np.issuer
        issuer.start, issuer.end = np.start, np.end
        issuer.hidden = False
        np = issuer
    if np.kind in ("pronoun", "relative"):
        return _place_pronoun(ctx, np, entities)
    _resolve_affiliation(ctx, np, entities)
    if (
        np.kind == "anonymous"
        and len(np.key) == 1
        and _singular(np.key[0]) in _STATE_SOURCES
        and not np.country
        and np.affiliation_np is None
        and not np.countries
    ):
        country = _context_country(ctx, np, entities)
        if country is not None:
            np.country = country
            np.countries.add(country)
            np.affiliation = np.affiliation or country
    e = _find(ctx, np, entities)
    if e is not None:
        e.add(np)
        return e
    if np.description:
        e = _Entity([np], [])
        descriptions.append(e)
        return e
    if np.role:
        cand = _antecedent_in_text(ctx, np)
        if cand is not None:
            _resolve_affiliation(ctx, cand, entities)
            e = _find(ctx, cand, entities)
            if e is not None:
                e.add(np)
                return e
            return _Entity([cand, np], [])
        e = _Entity([np], [])
        unresolved_roles.append(e)
        return e
    return _Entity([np], [])


def _place_pronoun(ctx: _Ctx, np: _NP, entities: _Recent) -> _Entity:
    if np.kind == "relative":
        cand = _np_before(ctx, np.start)
        if cand is not None:
            e = _find(ctx, cand, entities)
            if e is not None:
                e.add(np)
                return e
            return _Entity([cand, np], [])
        return _Entity([np], [])
    pronoun = _PRONOUNS.get(np.pronoun or "", "we")
    for e in entities.bucket(("pronoun", pronoun)):
        if _pronoun_fits(e, pronoun):
            e.add(np)
            return e
    if np.pronoun in ("he", "him", "she", "her"):
        gender = _PRONOUNS[np.pronoun]
        for cand in _persons_before(ctx, np.start):
            if cand.gender not in (None, gender):
                continue
            e = _find(ctx, cand, entities)
            if e is not None and e.gender() in (None, gender):
                e.add(np)
                return e
            if e is None:
                return _Entity([cand, np], [])
    return _Entity([np], [])


# --------------------------------------------------------------------------------------
# Across articles.


def _person_tokens(s: Speaker) -> list[str]:
    return [p for p in s.id.split("-") if p not in _PARTICLES] or s.id.split("-")


def _country_of(s: Speaker) -> str | None:
    if not s.affiliation:
        return None
    w = _words(Lexicon.default())
    toks = _tokenize(s.affiliation)
    if s.affiliation in w.adjectives:
        return s.affiliation
    for t in toks:
        c = _nationality(w, t)
        if c is not None:
            return c
    for _, _, c in _place_runs(w, toks):
        return c
    return None


def _titles_ok(a: Speaker, b: Speaker) -> bool:
    ta = {_title_key(t) for t in a.titles}
    tb = {_title_key(t) for t in b.titles}
    return not ta or not tb or bool(ta & tb)


def _person_fits(a: Speaker, b: Speaker) -> bool:
    """Whether person ``a`` can be merged into the more specific person ``b``."""
    x, y = _person_tokens(a), _person_tokens(b)
    if a.id == b.id or not _names_compatible(x, y):
        return False
    more_specific = len(y) > len(x) or (len(y) == len(x) and sum(map(len, y)) > sum(map(len, x)))
    if not more_specific:
        return False
    ca, cb = _country_of(a), _country_of(b)
    return _titles_ok(a, b) and (ca is None or cb is None or ca == cb)


def _body_fits(a: Speaker, b: Speaker, org_heads: frozenset[str]) -> bool:
    """Whether body ``a`` (an acronym, or a name without its head noun) is body ``b``."""
    if a.id == b.id or b.kind not in _BODY_KINDS or a.kind not in _BODY_KINDS:
        return False
    if a.kind == "government" and "-" not in a.id:
        return False
    letters = a.name.replace(".", "")
    is_acronym = letters.isupper() and 2 <= len(letters) <= 10 and " " not in letters
    if is_acronym and (letters in b.aliases or _is_expansion(letters, b.name.split())):
        return True
    x, y = a.id.split("-"), b.id.split("-")
    if len(y) <= len(x):
        return False
    for k in range(len(y) - len(x) + 1):
        if y[k : k + len(x)] == x:
            rest = y[:k] + y[k + len(x) :]
            return all(r in org_heads for r in rest)
    return False


def _fits(a: Speaker, b: Speaker, org_heads: frozenset[str]) -> bool:
    """Whether speaker ``a`` is a less specific form of speaker ``b``."""
    if a.kind == "person" or b.kind == "person":
        return a.kind == b.kind == "person" and _person_fits(a, b)
    return _body_fits(a, b, org_heads)


def _merge_group(root_id: str, members: list[Speaker]) -> Speaker:
    own = [s for s in members if s.id == root_id] or members
    name = sorted((s.name for s in own), key=lambda n: (-len(n), n))[0]
    kinds = Counter(s.kind for s in own)
    kind = sorted(kinds, key=lambda k: (-kinds[k], _KIND_ORDER.index(k)))[0]
    title_counts: Counter[str] = Counter()
    forms: dict[str, Counter[str]] = {}
    for s in members:
        for t in s.titles:
            key = " ".join(_TITLE_ABBREVIATIONS.get(_fold(x), _fold(x)) for x in t.split())
            title_counts[key] += 1
            forms.setdefault(key, Counter())[t] += 1
    titles = tuple(
        sorted(forms[k], key=lambda f: (-forms[k][f], f))[0]
        for k in sorted(title_counts, key=lambda k: (-title_counts[k], k))
    )
    affs = Counter(s.affiliation for s in members if s.affiliation)
    affiliation = sorted(affs, key=lambda a: (-affs[a], -len(a), a))[0] if affs else None
    aliases = {a for s in members for a in s.aliases}
    aliases |= {s.name for s in members if s.name != name}
    return Speaker(
        id=root_id,
        name=name,
        kind=kind,
        titles=titles,
        affiliation=affiliation,
        aliases=tuple(sorted(aliases, key=lambda s: (s.casefold(), s))),
    )


def canonical_speakers(speakers: Iterable[Speaker]) -> dict[str, Speaker]:
    """Merge the speakers of many articles: every input id -> its canonical speaker.

    Speakers with one id are one entity. Beyond that, a person known by a surname
    only ("lavrov") joins the one person with that surname and a compatible first
    name, titles and country ("sergei-lavrov"); with two candidates it stays
    apart. An acronym ("sohr") joins the one body it abbreviates, and a name
    without its head noun ("nusra") the one body that adds only the head
    ("nusra-front"). The result does not depend on the input's order.

    Args:
        speakers: speakers from :func:`resolve_speakers`, from any number of articles.

    Returns:
        A dict from every input id to the merged speaker (whose id may differ).

    >>> a = Speaker(id="sergei-lavrov", name="Sergei Lavrov", kind="person",
    ...             titles=("Foreign Minister",), affiliation="Russia")
    >>> b = Speaker(id="lavrov", name="Lavrov", kind="person", aliases=("Mr Lavrov",))
    >>> merged = canonical_speakers([b, a])
    >>> merged["lavrov"].id, merged["lavrov"].name, merged["lavrov"].aliases
    ('sergei-lavrov', 'Sergei Lavrov', ('Lavrov', 'Mr Lavrov'))

    Two people with one surname keep the surname-only speaker apart:

    >>> d = Speaker(id="anna-lavrov", name="Anna Lavrov", kind="person")
    >>> canonical_speakers([a, b, d])["lavrov"].id
    'lavrov'
    """
    groups: dict[str, list[Speaker]] = {}
    for s in speakers:
        if not isinstance(s, Speaker):
            raise TypeError(f"speakers must hold Speaker, not {type(s).__name__}")
        groups.setdefault(s.id, []).append(s)
    if not groups:
        return {}
    org_heads = _words(Lexicon.default()).org_heads
    firsts = {i: _merge_group(i, g) for i, g in groups.items()}
    # The most specific first: a speaker may join only one met before it. Local ids
    # (roles that nothing in their article resolved) come last: no speaker joins them.
    ids = sorted(
        firsts, key=lambda i: (bool(_LOCAL_ID_RE.search(i)), -len(i.split("-")), -len(i), i)
    )
    blocks: dict[tuple[str, ...], list[str]] = {}
    root: dict[str, str] = {}
    for i in ids:
        s = firsts[i]
        local = bool(_LOCAL_ID_RE.search(i))
        roots: set[str] = set()
        for j in _candidates(s, local, blocks):
            o = firsts[j]
            if (_role_fits(s, o) if local else _fits(s, o, org_heads)) and root[j] not in roots:
                roots.add(root[j])
                if len(roots) > 1:
                    break  # two candidates: nothing merges
        root[i] = roots.pop() if len(roots) == 1 else i
        if not local:
            for key in _block_keys(s):
                blocks.setdefault(key, []).append(i)
    members: dict[str, list[Speaker]] = {}
    for i, g in groups.items():
        members.setdefault(root[i], []).extend(g)
    merged = {r: _merge_group(r, ms) for r, ms in members.items()}
    return {i: merged[root[i]] for i in groups}


# Blocking for canonical_speakers: each speaker is filed under keys that every speaker it
# may absorb looks up, so that only plausible pairs are compared (see _fits). A person
# is filed under its surname, its surname with its first initial, and each suffix of its
# name of two parts or more; a body under each word of its id and each acronym it may
# stand for.


def _block_keys(s: Speaker) -> Iterator[tuple[str, ...]]:
    """The keys that :func:`canonical_speakers` files speaker ``s`` under."""
    if s.kind == "person":
        toks = _person_tokens(s)
        yield "surname", toks[-1]
        yield "initial", toks[-1], toks[0][:1]
        for k in range(1, len(toks) - 1):
            yield ("suffix", *toks[k:])
        return
    if s.kind not in _BODY_KINDS:
        return
    for word in dict.fromkeys(s.id.split("-")):
        yield "word", word
    words = s.name.split()
    acronyms = {_initials(words, with_function_words=f) for f in (False, True)}
    acronyms |= {a.replace(".", "") for a in s.aliases}
    for acronym in sorted(acronyms):
        if acronym:
            yield "acronym", acronym


def _candidates(s: Speaker, local: bool, blocks: Mapping[tuple[str, ...], list[str]]) -> list[str]:
    """The ids met before that speaker ``s`` may join: those that share a key with it that
    :func:`_fits` (or :func:`_role_fits`) requires, in the order met."""
    if local:
        head = _role_head(s)
        return blocks.get(("word", head), []) if head else []
    if s.kind == "person":
        toks = _person_tokens(s)
        if len(toks) == 1:
            return blocks.get(("surname", toks[0]), [])
        found = blocks.get(("initial", toks[-1], toks[0][:1]), [])
        suffix = blocks.get(("suffix", *toks), [])
        return [*found, *suffix] if suffix else found
    if s.kind not in _BODY_KINDS:
        return []
    letters = s.name.replace(".", "")
    lists = [blocks.get(("acronym", letters), [])] if " " not in letters else []
    words = s.id.split("-")
    lists.append(min((blocks.get(("word", w), []) for w in words), key=len))
    return [j for found in lists for j in found]


def _role_head(s: Speaker) -> str | None:
    """The head noun of a role that nothing in its article resolved, when it may stand for
    a body of another article: "the observatory" (id "observatory-<hash>-<offset>"), not
    a hypernym ("the group") nor a state body ("the ministry")."""
    if s.kind not in ("organization", "group"):
        return None
    words = _LOCAL_ID_RE.sub("", s.id).split("-")
    head = _singular(words[-1])
    if len(words) != 1 or head in _HYPERNYMS or head in _STATE_HEADS or head in _ARMED_HEADS:
        return None
    return words[-1]


def _role_fits(a: Speaker, b: Speaker) -> bool:
    """Whether a role that nothing in its article resolved ("the observatory") can be the
    body ``b`` of another article, named with its head noun."""
    return b.kind in ("organization", "group") and not _LOCAL_ID_RE.search(b.id)


def list_speakers(claims: Iterable[Claim]) -> list[Speaker]:
    """The distinct speakers of some claims, merged across articles, most cited first.

    Args:
        claims: claims from one article or many.

    Returns:
        The canonical speakers (see :func:`canonical_speakers`), by the number of
        claims that cite them, then by id.

    >>> text = "Mr Lavrov said so. Officials denied it."
    >>> def claim(speaker):
    ...     return Claim(content=Span.of(text, 0, 2), kind="indirect", speaker=speaker)
    >>> lav = Speaker(id="lavrov", name="Lavrov", kind="person")
    >>> full = Speaker(id="sergei-lavrov", name="Sergei Lavrov", kind="person")
    >>> off = Speaker(id="officials", name="Officials", kind="anonymous")
    >>> [(s.id, s.name) for s in list_speakers([claim(off), claim(lav), claim(full), claim(None)])]
    [('sergei-lavrov', 'Sergei Lavrov'), ('officials', 'Officials')]
    """
    cited: list[Speaker] = []
    for c in claims:
        if not isinstance(c, Claim):
            raise TypeError(f"claims must hold Claim, not {type(c).__name__}")
        if c.speaker is not None:
            cited.append(c.speaker)
    canon = canonical_speakers(cited)
    counts: Counter[str] = Counter(canon[s.id].id for s in cited)
    distinct = {canon[s.id].id: canon[s.id] for s in cited}
    return [distinct[i] for i in sorted(distinct, key=lambda i: (-counts[i], i))]
