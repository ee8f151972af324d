"""Word lists as data: reporting verbs, titles, organization words, agencies, furniture.

The lists live in ``attribution/data/`` as UTF-8 text, one entry a line, ``#``
comments, sorted; TSV files have a key and a value a line. They are loaded once
(``functools.cache``) and bundled in a :class:`Lexicon`, which a caller can
extend without touching the files:

>>> lex = Lexicon.default()
>>> lex.reporting_verbs["claim"]
'distancing'
>>> "spokesman" in lex.titles
True
>>> custom = lex.extend(reporting_verbs={"harrumph": "distancing"})
>>> custom.reporting_verbs["harrumph"], "harrumph" in lex.reporting_verbs
('distancing', False)
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from importlib import resources
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

__all__ = ["Lexicon", "load_table", "load_words"]


def _lines(name: str) -> Iterable[str]:
    data = resources.files("attribution").joinpath("data", name).read_text(encoding="utf-8")
    for raw in data.splitlines():
        line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        if line:
            yield line


@functools.cache
def load_words(name: str) -> frozenset[str]:
    """The entries of ``data/<name>`` as a frozen set (comments and blanks dropped).

    >>> "AFP" in load_words("agencies.txt")
    True
    """
    return frozenset(_lines(name))


@functools.cache
def load_table(name: str, column: int = 1) -> Mapping[str, str]:
    """The ``key<TAB>value…`` rows of ``data/<name>`` as a read-only mapping from the
    first column to the given one (empty when a row has no such column).

    >>> load_table("reporting_verbs.tsv")["deny"]
    'denial'
    >>> load_table("reporting_verbs.tsv", 2)["deny"]
    'clause,object'
    """
    out: dict[str, str] = {}
    for line in _lines(name):
        cells = line.split("\t")
        out[cells[0].strip()] = cells[column].strip() if column < len(cells) else ""
    return _FrozenDict(out)


class _FrozenDict(dict[str, str]):
    """A dict that refuses mutation, so that cached tables stay pure."""

    def _readonly(self, *args: Any, **kwargs: Any) -> Any:
        raise TypeError("lexicon tables are read-only; use Lexicon.extend()")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = _readonly
    __ior__ = _readonly

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset(self.items()))

    def __reduce__(self) -> tuple[Any, ...]:
        # pickle by value: unpickling must not go through the refused __setitem__
        return (_FrozenDict, (dict(self),))


class Lexicon(BaseModel):
    """The word lists every stage reads, bundled so that a caller can extend them.

    Fields hold lower-case entries unless said otherwise. Pass one to any verb:

    >>> import attribution as at
    >>> lex = Lexicon.default().extend(titles=["ombudsman"])
    >>> c = at.extract_claims("The regional ombudsman Ana Diaz said the fines were unlawful.", lexicon=lex)[0]
    >>> c.speaker_mention.text
    'The regional ombudsman Ana Diaz'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    reporting_verbs: Mapping[str, str] = Field(description="lemma -> stance")
    verb_frames: Mapping[str, str] = Field(
        default_factory=dict,
        description="lemma -> comma-separated frames: clause, object, infinitive (default: clause)",
    )
    noun_cues: Mapping[str, str] = Field(
        default_factory=dict, description="reporting noun -> lemma: 'allegations' -> 'allege'"
    )
    noun_stances: Mapping[str, str] = Field(
        default_factory=dict, description="reporting noun -> stance"
    )
    attitudes: frozenset[str] = Field(
        default=frozenset(), description="adjectives of attitude: 'concerned' (that …)"
    )
    titles: frozenset[str] = Field(description="titles, ranks and roles: 'minister', 'spokesman'")
    honorifics: frozenset[str] = Field(description="'mr', 'mrs', 'dr' (without the period)")
    org_heads: frozenset[str] = Field(description="organization head nouns: 'ministry'")
    anonymous: frozenset[str] = Field(description="heads of anonymous sources: 'activists'")
    media: frozenset[str] = Field(description="media nouns: 'radio', 'newspaper'")
    documents: frozenset[str] = Field(description="document nouns that 'say': 'statement'")
    agencies: frozenset[str] = Field(description="news agencies, as written: 'AFP'")
    furniture: frozenset[str] = Field(description="page-furniture phrases, lower case")
    furniture_words: frozenset[str] = Field(
        description="words that mark a short line as furniture: 'newsletter', 'inbox'"
    )
    aliases: Mapping[str, str] = Field(
        default_factory=dict, description="surface form -> canonical name, to steer merging"
    )

    @classmethod
    @functools.cache
    def default(cls) -> Lexicon:
        """The built-in lexicon, loaded once from the data files."""
        return cls(
            reporting_verbs=load_table("reporting_verbs.tsv"),
            verb_frames=load_table("reporting_verbs.tsv", 2),
            noun_cues=load_table("noun_cues.tsv"),
            noun_stances=load_table("noun_cues.tsv", 2),
            attitudes=load_words("attitude_adjectives.txt"),
            titles=load_words("titles.txt"),
            honorifics=load_words("honorifics.txt"),
            org_heads=load_words("org_heads.txt"),
            anonymous=load_words("anonymous.txt"),
            media=load_words("media.txt"),
            documents=load_words("documents.txt"),
            agencies=load_words("agencies.txt"),
            furniture=load_words("furniture.txt"),
            furniture_words=load_words("furniture_words.txt"),
            aliases=load_table("aliases.tsv"),
        )

    def frames(self, lemma: str) -> frozenset[str]:
        """The frames a verb's content takes ("clause", "object", "infinitive").

        >>> sorted(Lexicon.default().frames("deny")), sorted(Lexicon.default().frames("harrumph"))
        (['clause', 'object'], ['clause'])
        """
        value = self.verb_frames.get(lemma)
        return frozenset(value.split(",")) if value else frozenset({"clause"})

    def extend(self, **more: Iterable[str] | Mapping[str, str]) -> Lexicon:
        """A new lexicon with extra entries added to the named lists.

        >>> lex = Lexicon.default().extend(titles=["ombudsman"], aliases={"Daesh": "Islamic State"})
        >>> "ombudsman" in lex.titles, lex.aliases["Daesh"]
        (True, 'Islamic State')
        >>> Lexicon.default().extend(colours=["red"])
        Traceback (most recent call last):
        ...
        ValueError: Lexicon has no list named 'colours'
        """
        update: dict[str, Any] = {}
        for name, entries in more.items():
            if name not in type(self).model_fields:
                raise ValueError(f"Lexicon has no list named {name!r}")
            current = getattr(self, name)
            if isinstance(current, Mapping):
                if not isinstance(entries, Mapping):
                    raise TypeError(f"Lexicon.extend({name}=...) needs a mapping")
                update[name] = _FrozenDict({**current, **entries})
            else:
                update[name] = frozenset(current) | frozenset(entries)
        extended = self.model_copy(update=update)
        extended._hash = None  # the copy's contents differ: its hash is its own
        return extended

    @field_validator(
        "reporting_verbs", "verb_frames", "noun_cues", "noun_stances", "aliases", mode="after"
    )
    @classmethod
    def _freeze(cls, value: Mapping[str, str]) -> Mapping[str, str]:
        return value if isinstance(value, _FrozenDict) else _FrozenDict(value)

    _hash: int | None = PrivateAttr(default=None)

    def __hash__(self) -> int:
        # Computed once: stages look their compiled patterns up by lexicon.
        if self._hash is None:
            self._hash = self._compute_hash()
        return self._hash

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Lexicon):
            return NotImplemented
        return self is other or (
            hash(self) == hash(other) and self.model_dump() == other.model_dump()
        )

    def _compute_hash(self) -> int:
        return hash(
            (
                hash(frozenset(self.reporting_verbs.items())),
                hash(frozenset(self.verb_frames.items())),
                hash(frozenset(self.noun_cues.items())),
                self.attitudes,
                self.titles,
                self.honorifics,
                self.org_heads,
                self.anonymous,
                self.media,
                self.documents,
                self.agencies,
                self.furniture,
                self.furniture_words,
                hash(frozenset(self.aliases.items())),
            )
        )
