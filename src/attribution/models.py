"""The typed results of ``attribution``: frozen pydantic models.

Every model is immutable, hashable, forbids unknown fields, pickles, and
round-trips through JSON unchanged. Every :class:`Span` is a pair of character
offsets (Python ``str`` indices, half-open) into the caller's original text,
and carries the text it covers, so that ``text[span.start:span.end] == span.text``.

>>> s = Span.of("Lavrov said it.", 0, 6)
>>> s.start, s.end, s.text
(0, 6, 'Lavrov')
>>> Span.model_validate_json(s.model_dump_json()) == s
True
"""

from __future__ import annotations

from datetime import date
from typing import Final, Literal, Self, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from attribution.errors import SpanError

__all__ = [
    "Article",
    "Claim",
    "ClaimKind",
    "Figure",
    "Qualifier",
    "Span",
    "Speaker",
    "SpeakerKind",
    "Stance",
]

ClaimKind = Literal["direct", "indirect", "mixed"]
Stance = Literal["neutral", "distancing", "denial", "endorsing", "other"]
SpeakerKind = Literal[
    "person", "organization", "government", "group", "media", "document", "anonymous", "unknown"
]
Qualifier = Literal[
    "exact", "at_least", "more_than", "at_most", "less_than", "up_to", "about", "range"
]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


_M = TypeVar("_M", bound=_Model)


class Span(_Model):
    """A stretch of the original text: ``text[start:end]``.

    >>> Span(start=4, end=8, text="said")
    Span(start=4, end=8, text='said')
    >>> Span(start=4, end=2, text="")
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for Span
    ...
    """

    start: int = Field(ge=0, description="Offset of the first character (Python str index).")
    end: int = Field(ge=0, description="Offset one past the last character.")
    text: str = Field(description="The covered text, equal to text[start:end].")

    @model_validator(mode="after")
    def _check(self) -> Self:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        if len(self.text) != self.end - self.start:
            raise ValueError(
                f"span text has {len(self.text)} characters but covers {self.end - self.start}"
            )
        return self

    @classmethod
    def of(cls, text: str, start: int, end: int) -> Span:
        """Build the span ``text[start:end]``, checking the offsets.

        >>> Span.of("abc", 1, 3).text
        'bc'
        >>> Span.of("abc", 2, 9)
        Traceback (most recent call last):
        ...
        attribution.errors.SpanError: span [2, 9) is outside a text of 3 characters
        """
        if not 0 <= start <= end <= len(text):
            raise SpanError(f"span [{start}, {end}) is outside a text of {len(text)} characters")
        if cls is Span and type(start) is int and type(end) is int and type(text) is str:
            # The check above is all that validation would do: build it directly. The
            # stages make tens of thousands of spans an article; this halves their cost.
            return _span(start, end, text[start:end])
        return cls(start=start, end=end, text=text[start:end])

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        """Whether the two spans share at least one character.

        >>> Span.of("abcdef", 0, 3).overlaps(Span.of("abcdef", 2, 4))
        True
        >>> Span.of("abcdef", 0, 3).overlaps(Span.of("abcdef", 3, 4))
        False
        """
        return self.start < other.end and other.start < self.end

    def contains(self, other: Span) -> bool:
        """Whether ``other`` lies wholly inside this span.

        >>> Span.of("abcdef", 0, 4).contains(Span.of("abcdef", 1, 3))
        True
        """
        return self.start <= other.start and other.end <= self.end

    def slices(self, text: str) -> bool:
        """Whether this span slices back out of ``text`` exactly.

        >>> Span.of("abc", 0, 2).slices("abc")
        True
        >>> Span.of("abc", 0, 2).slices("xyz")
        False
        """
        return self.end <= len(text) and text[self.start : self.end] == self.text


_FIELDS: Final = frozenset({"start", "end", "text"})
_new = object.__new__
_set = object.__setattr__
# BaseModel's slots, set through their descriptors: a little faster than _set by name,
# which looks each one up first.
_set_fields_set = BaseModel.__dict__["__pydantic_fields_set__"].__set__
_set_extra = BaseModel.__dict__["__pydantic_extra__"].__set__
_set_private = BaseModel.__dict__["__pydantic_private__"].__set__


def _span(start: int, end: int, text: str) -> Span:
    """A :class:`Span` from values already checked, set as ``model_construct`` would set
    them (it is slower than validating them), without validation.

    >>> _span(0, 3, "abc") == Span(start=0, end=3, text="abc")
    True
    """
    span = _new(Span)
    _set(span, "__dict__", {"start": start, "end": end, "text": text})
    _set_fields_set(span, set(_FIELDS))
    _set_extra(span, None)
    _set_private(span, None)
    return span


def construct_trusted(cls: type[_M], values: dict[str, object]) -> _M:
    """``cls(**values)`` without validation, for values the stages built already of
    their fields' exact types and within their bounds, every field given in order.

    It sets what validation would set, and takes ``values`` as the model's own dict:
    the caller hands it over. The callers check what they cannot vouch for, and
    validate otherwise. A model with spans is three times faster to make this way,
    since validation calls :class:`Span`'s check on each again.

    >>> text = "Lavrov said so."
    >>> values = {"start": 0, "end": 6, "text": "Lavrov"}
    >>> construct_trusted(Span, dict(values)) == Span(**values)
    True
    >>> construct_trusted(Span, {"start": 0, "text": "Lavrov"})
    Traceback (most recent call last):
    ...
    TypeError: Span needs its fields in order, not ['start', 'text']
    """
    if list(values) != list(cls.__pydantic_fields__):
        raise TypeError(f"{cls.__name__} needs its fields in order, not {list(values)}")
    obj = _new(cls)
    _set(obj, "__dict__", values)
    _set_fields_set(obj, set(values))
    _set_extra(obj, None)
    _set_private(obj, None)
    return obj


class Speaker(_Model):
    """Who is speaking: one entity, with a stable ``id`` across articles.

    >>> sp = Speaker(id="sergei-lavrov", name="Sergei Lavrov", kind="person",
    ...              titles=("Foreign Minister",), affiliation="Russia")
    >>> sp.id, sp.kind, sp.titles
    ('sergei-lavrov', 'person', ('Foreign Minister',))
    """

    id: str = Field(description="Stable slug, equal for the same entity in every article.")
    name: str = Field(description="The fullest form of the name seen.")
    kind: SpeakerKind = "unknown"
    titles: tuple[str, ...] = Field(default=(), description="Titles and roles: 'spokesman'.")
    affiliation: str | None = Field(
        default=None, description="The body the speaker speaks for: 'Russian Defence Ministry'."
    )
    aliases: tuple[str, ...] = Field(default=(), description="Every surface form seen.")


class Figure(_Model):
    """A number in the text with its bounds, hedge and what it counts.

    >>> text = "at least 30 civilians"
    >>> f = Figure(span=Span.of(text, 0, 11), value=30, low=30, high=None,
    ...            qualifier="at_least", counted="civilians")
    >>> f.value, f.qualifier, f.counted
    (30.0, 'at_least', 'civilians')
    """

    span: Span = Field(description="The figure with its hedge: 'at least 30'.")
    value: float = Field(description="The point value: 12 for 'twelve', 1200000 for '1.2 million'.")
    low: float | None = Field(default=None, description="Lower bound, when one is known.")
    high: float | None = Field(default=None, description="Upper bound, when one is known.")
    qualifier: Qualifier = "exact"
    counted: str | None = Field(
        default=None, description="The noun phrase counted: 'civilians', 'air strikes'."
    )
    counted_span: Span | None = Field(default=None, description="Where `counted` is in the text.")
    unit: str | None = Field(default=None, description="'percent', 'USD', ... for measures.")


class Claim(_Model):
    """One attribution relation: who said what, how, and when.

    Build claims with :func:`attribution.extract_claims`; this docstring only
    shows the shape.

    >>> text = 'Lavrov said it was "terrorism".'
    >>> c = Claim(content=Span.of(text, 12, 30), kind="mixed",
    ...           speaker_mention=Span.of(text, 0, 6), cue=Span.of(text, 7, 11),
    ...           cue_lemma="say")
    >>> c.content.text, c.stance
    ('it was "terrorism"', 'neutral')
    """

    content: Span = Field(description="What was said (see docs/claims.md for the conventions).")
    kind: ClaimKind
    speaker: Speaker | None = None
    speaker_mention: Span | None = Field(
        default=None, description="The mention the cue attaches to; may be a pronoun."
    )
    cue: Span | None = None
    cue_lemma: str | None = Field(default=None, description="'say', 'claim', 'according to'.")
    stance: Stance = "neutral"
    channel: Span | None = Field(default=None, description="The medium: 'Europe 1 radio'.")
    via: Span | None = Field(default=None, description="The intermediary: 'AFP'.")
    when: Span | None = Field(default=None, description="When it was said: 'on Friday'.")
    said_on: date | None = Field(default=None, description="`when` resolved to a date.")
    figures: tuple[Figure, ...] = ()
    parts: tuple[Span, ...] = Field(
        default=(), description="The pieces of a quote interrupted by its cue, in order."
    )
    negated: bool = Field(default=False, description="The cue is negated: 'did not confirm'.")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)


class Article(_Model):
    """A news article: the caller's text, unchanged, with its structure as spans.

    >>> from attribution import parse_article
    >>> a = parse_article("Russia strikes again\\n\\nMoscow said on Friday it hit 12 targets.")
    >>> a.title.text if a.title else None
    'Russia strikes again'
    >>> [p.text for p in a.paragraphs]
    ['Moscow said on Friday it hit 12 targets.']
    """

    id: str = Field(description="The caller's id, or a hash of the text.")
    text: str = Field(description="The caller's text, unchanged.")
    title: Span | None = None
    standfirst: Span | None = Field(default=None, description="A subtitle under the headline.")
    byline: tuple[Span, ...] = Field(default=(), description="Author names.")
    dateline: Span | None = Field(
        default=None, description="'DAMASCUS, Syria, Oct. 4 (UPI) --' at the body's start."
    )
    agency: str | None = Field(default=None, description="The news agency credited: 'UPI'.")
    published: date | None = None
    date_line: Span | None = Field(
        default=None, description="Where `published` was read, when read from the text."
    )
    paragraphs: tuple[Span, ...] = Field(default=(), description="Body paragraphs.")
    sentences: tuple[Span, ...] = Field(default=(), description="Body sentences.")
    boilerplate: tuple[Span, ...] = Field(default=(), description="Web furniture, set apart.")
    source: str | None = Field(default=None, description="Where the text came from: a path, a URL.")

    @model_validator(mode="after")
    def _check_spans(self) -> Self:
        for span in self.spans():
            if not span.slices(self.text):
                raise ValueError(
                    f"span [{span.start}, {span.end}) {span.text!r} does not slice the text"
                )
        return self

    def spans(self) -> list[Span]:
        """Every span the article holds, in field order."""
        out: list[Span] = []
        for s in (self.title, self.standfirst, self.dateline, self.date_line):
            if s is not None:
                out.append(s)
        out.extend(self.byline)
        out.extend(self.paragraphs)
        out.extend(self.sentences)
        out.extend(self.boilerplate)
        return out
