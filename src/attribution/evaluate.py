"""Score predicted claims against gold annotations: precision, recall and F1.

A gold annotation is one article's text with its attribution relations
(:class:`GoldQuote`: content, speaker and cue as character offsets). Predicted
relations are :class:`~attribution.models.Claim` objects whose spans point into
the same text. :func:`evaluate` pairs them one-to-one and counts, PARC-style,
four things: the content found (partial match), the content found exactly, the
content found *with* the right speaker (attribution), and the cue found.

>>> text = 'Lavrov said on Friday that the strikes would go on.'
>>> gold = GoldArticle(id="a1", text=text, quotes=[GoldQuote(
...     content_start=27, content_end=50, kind="indirect",
...     speaker_start=0, speaker_end=6, cue_start=7, cue_end=11)])
>>> claim = Claim(content=Span.of(text, 27, 50), kind="indirect",
...               speaker_mention=Span.of(text, 0, 6), cue=Span.of(text, 7, 11))
>>> scores = evaluate(gold, [claim])
>>> scores.content.f1, scores.attribution.f1, scores.cue.f1
(1.0, 1.0, 1.0)

The matching rules (see ``docs/evaluation.md`` for the full account):

* a gold relation is *found* by a predicted claim whose content span covers at
  least half of the gold content span and is at most twice as long, plus
  :data:`LENGTH_SLACK` characters; pairs are made one-to-one, greedily, the
  largest overlap first;
* a found relation is *exact* when both spans agree once spaces and
  punctuation (quote marks included) are trimmed from both ends;
* its *attribution* is right when the speaker is right too: the predicted
  ``speaker_mention`` overlaps the gold speaker span, or the predicted
  ``Claim.speaker.id`` equals the gold ``speaker_id``, or a gold speaker given
  by name only (no offsets) equals the mention or the speaker's name or an
  alias; a gold relation with no speaker at all (no source in the text) is
  right only for a claim with no ``speaker_mention`` either;
* its *cue* is right when the cue spans overlap (or both are absent);
* predicted claims lying wholly inside the gold ``ignore_spans`` are not scored;
* per kind, recall is by gold kind and precision by predicted kind.

:func:`load_gold` is the one function of the library that reads files; every
other function here is pure and deterministic.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, Final, Self

import regex
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    computed_field,
    model_validator,
)

from attribution.errors import AttributionError, GoldFormatError, SpanError
from attribution.models import Claim, ClaimKind, Span

__all__ = [
    "KINDS",
    "LENGTH_SLACK",
    "METRICS",
    "PRF",
    "Alignment",
    "GoldArticle",
    "GoldQuote",
    "Pair",
    "Scores",
    "align",
    "evaluate",
    "load_gold",
]

#: The kinds of relation, in the order tables show them.
KINDS: Final[tuple[ClaimKind, ...]] = ("direct", "indirect", "mixed")

#: The metric names of :class:`Scores` (and the keys of ``Scores.per_kind[kind]``).
METRICS: Final[tuple[str, ...]] = ("content", "content_exact", "attribution", "cue")

#: Characters a predicted content span may exceed twice the gold length by and
#: still match: room for a pair of quote marks, a comma, a period and a space.
LENGTH_SLACK: Final[int] = 5

# Spaces and punctuation trimmed from both ends before the exact comparison:
# \p{P} holds every quote mark (straight, curly, guillemets, primes as Po);
# the backtick and the acute accent are symbols (Sk) that stand in for quotes.
_TRIM_CHARS: Final[str] = r"[\s\p{Z}\p{P}`\u00b4]"
_LEADING_TRIM_RE: Final = regex.compile(rf"^{_TRIM_CHARS}+")
_TRAILING_TRIM_RE: Final = regex.compile(rf"{_TRIM_CHARS}+$")
# Runs of whitespace, collapsed when comparing speaker names.
_SPACES_RE: Final = regex.compile(r"\s+")


# --------------------------------------------------------------------------- gold


class GoldQuote(BaseModel):
    """One gold attribution relation, as offsets into its article's text.

    Only ``content_start``, ``content_end`` and ``kind`` are required: inside a
    :class:`GoldArticle` the strings ``content``, ``speaker`` and ``cue`` are
    filled in from the offsets when left out, and checked against the text when
    given. Fields this model does not know (``ann_id``, ``attribution_type``,
    ...) are accepted and dropped.

    >>> q = GoldQuote(content_start=27, content_end=50, kind="indirect",
    ...               speaker_id="sergei-lavrov", ann_id="T12")
    >>> q.content_start, q.content_end, q.speaker_id, q.content_fragments
    (27, 50, 'sergei-lavrov', [])
    """

    # extra="ignore": users' annotation files carry fields of their own.
    model_config = ConfigDict(frozen=True, extra="ignore")

    content_start: int = Field(ge=0, description="Start of the content (whole stretch).")
    content_end: int = Field(ge=0, description="End of the content (whole stretch), exclusive.")
    content: str = Field(default="", description="text[content_start:content_end].")
    kind: ClaimKind = Field(description="direct, indirect or mixed, from the quote marks.")
    speaker: str | None = Field(
        default=None, description="The source mention as written; null when not in the text."
    )
    speaker_start: int | None = Field(default=None, ge=0)
    speaker_end: int | None = Field(default=None, ge=0)
    cue: str | None = Field(default=None, description="The cue as written: 'said'.")
    cue_start: int | None = Field(default=None, ge=0)
    cue_end: int | None = Field(default=None, ge=0)
    content_fragments: list[tuple[int, int]] = Field(
        default_factory=list,
        description="The pieces of a content split around its cue; empty means one piece.",
    )
    speaker_id: str | None = Field(
        default=None,
        description="The canonical speaker id ('sergei-lavrov'), when the annotation has one.",
    )

    @property
    def content_span(self) -> tuple[int, int]:
        """``(content_start, content_end)``."""
        return (self.content_start, self.content_end)

    @property
    def speaker_span(self) -> tuple[int, int] | None:
        """``(speaker_start, speaker_end)``, or None when the speaker has no offsets."""
        if self.speaker_start is None or self.speaker_end is None:
            return None
        return (self.speaker_start, self.speaker_end)

    @property
    def cue_span(self) -> tuple[int, int] | None:
        """``(cue_start, cue_end)``, or None when the relation has no cue."""
        if self.cue_start is None or self.cue_end is None:
            return None
        return (self.cue_start, self.cue_end)


class GoldArticle(BaseModel):
    """One gold-annotated article: its text, its relations and the regions to skip.

    The offsets of every quote are checked against ``text``; a string field
    that is left out is filled in from its offsets.

    >>> g = GoldArticle(id="a1", text="He said no.", quotes=[
    ...     {"content_start": 8, "content_end": 10, "kind": "indirect",
    ...      "speaker_start": 0, "speaker_end": 2, "cue_start": 3, "cue_end": 7}])
    >>> q = g.quotes[0]
    >>> q.content, q.speaker, q.cue
    ('no', 'He', 'said')

    A string that disagrees with its offsets is an error:

    >>> GoldArticle(id="a1", text="He said no.", quotes=[
    ...     {"content_start": 8, "content_end": 10, "content": "yes", "kind": "indirect"}])
    Traceback (most recent call last):
    ...
    pydantic_core._pydantic_core.ValidationError: 1 validation error for GoldArticle
      Value error, quotes[0]: content 'yes' is not text[8:10] 'no' ...
    """

    # extra="ignore": gold files carry metadata (source_corpus, meta, ...).
    model_config = ConfigDict(frozen=True, extra="ignore")

    id: str = Field(description="The article's id, unique in its file.")
    text: str = Field(description="The article text that every offset points into.")
    quotes: list[GoldQuote] = Field(default_factory=list)
    ignore_spans: list[tuple[int, int]] = Field(
        default_factory=list,
        description="Regions the annotators skipped: predictions inside them are not scored.",
    )

    @model_validator(mode="before")
    @classmethod
    def _fill_strings(cls, data: Any) -> Any:
        """Fill ``content``, ``speaker`` and ``cue`` from their offsets when left out."""
        if not isinstance(data, Mapping):
            return data
        text, quotes = data.get("text"), data.get("quotes")
        if not isinstance(text, str) or not isinstance(quotes, list | tuple):
            return data
        return {**data, "quotes": [_filled(q, text) for q in quotes]}

    @model_validator(mode="after")
    def _check_offsets(self) -> Self:
        n = len(self.text)
        for i, q in enumerate(self.quotes):
            where = f"quotes[{i}]"
            if not q.content_start < q.content_end <= n:
                raise ValueError(
                    f"{where}: content [{q.content_start}, {q.content_end}) is empty or "
                    f"outside a text of {n} characters"
                )
            _check_slice(self.text, where, "content", q.content, q.content_start, q.content_end)
            for name, value, start, end in (
                ("speaker", q.speaker, q.speaker_start, q.speaker_end),
                ("cue", q.cue, q.cue_start, q.cue_end),
            ):
                if (start is None) != (end is None):
                    raise ValueError(f"{where}: {name}_start and {name}_end must be given together")
                if start is not None and end is not None:
                    if not start < end <= n:
                        raise ValueError(
                            f"{where}: {name} [{start}, {end}) is empty or outside a text "
                            f"of {n} characters"
                        )
                    _check_slice(self.text, where, name, value, start, end)
            for s, e in q.content_fragments:
                if not q.content_start <= s < e <= q.content_end:
                    raise ValueError(
                        f"{where}: content fragment [{s}, {e}) is empty or outside the "
                        f"content [{q.content_start}, {q.content_end})"
                    )
        for s, e in self.ignore_spans:
            if not 0 <= s <= e <= n:
                raise ValueError(f"ignore span [{s}, {e}) is outside a text of {n} characters")
        return self


def _filled(quote: Any, text: str) -> Any:
    """A quote (dict or GoldQuote) with its missing strings read from ``text``."""
    if isinstance(quote, GoldQuote):
        fields = quote.model_dump(include={*_STRING_FIELDS, *_OFFSET_FIELDS})
    elif isinstance(quote, Mapping):
        fields = dict(quote)
    else:
        return quote
    update: dict[str, str] = {}
    for name in _STRING_FIELDS:
        start, end = fields.get(f"{name}_start"), fields.get(f"{name}_end")
        if (
            not fields.get(name)  # None, absent, or "" (never right: spans are not empty)
            and isinstance(start, int)
            and isinstance(end, int)
            and 0 <= start < end <= len(text)
        ):
            update[name] = text[start:end]
    if not update:
        return quote
    if isinstance(quote, GoldQuote):
        return quote.model_copy(update=update)
    return {**quote, **update}


_STRING_FIELDS: Final = ("content", "speaker", "cue")
_OFFSET_FIELDS: Final = tuple(f"{n}_{e}" for n in _STRING_FIELDS for e in ("start", "end"))


def _check_slice(text: str, where: str, name: str, value: str | None, start: int, end: int) -> None:
    if value is not None and text[start:end] != value:
        raise ValueError(
            f"{where}: {name} {_clip(value)!r} is not text[{start}:{end}] "
            f"{_clip(text[start:end])!r}"
        )


def _clip(s: str, width: int = 40) -> str:
    return s if len(s) <= width else s[: width - 3] + "..."


def load_gold(
    source: str | os.PathLike[str] | Iterable[str] | Iterable[bytes],
) -> list[GoldArticle]:
    """Read gold annotations: JSON Lines, one :class:`GoldArticle` a line.

    This is the one function of ``attribution`` that does I/O: given a path it
    opens and reads the file (UTF-8); given an iterable of strings (an open
    text file, a list of lines) it reads those. Blank lines are skipped; line
    numbers in errors count them.

    >>> lines = ['{"id": "a1", "text": "He said no.", "quotes": [',
    ...          '  {"content_start": 8, "content_end": 10, "kind": "indirect"}]}']
    >>> load_gold(["\\n".join(lines)])[0].quotes[0].content
    'no'

    A line that is not JSON, or not a valid article, raises
    :class:`~attribution.errors.GoldFormatError` carrying its 1-based number:

    >>> load_gold(['{"id": "a1", "text": "ok", "quotes": []}', '', '{"id": "a2",'])
    Traceback (most recent call last):
    ...
    attribution.errors.GoldFormatError: line 3: not valid JSON: ...

    Args:
        source: a path to a ``.jsonl`` file, or an iterable of JSON lines.

    Returns:
        The articles, in file order.

    Raises:
        GoldFormatError: a line is not JSON, not an object, not a valid gold
            article, or repeats an earlier id.
        OSError: the file cannot be opened or read.
        TypeError: ``source`` is neither a path nor an iterable of strings.
    """
    if isinstance(source, str | os.PathLike):
        if isinstance(source, str) and source.lstrip().startswith("{"):
            raise TypeError(
                "load_gold() takes a path or an iterable of JSON lines; "
                "got a JSON string: wrap it in a list"
            )
        # Binary, decoded a line at a time, so that a decoding error has its line number.
        with Path(source).open("rb") as f:
            return _read_gold_lines(f)
    if isinstance(source, bytes) or not isinstance(source, Iterable):
        raise TypeError(
            f"load_gold() source must be a path or an iterable of JSON lines, "
            f"not {type(source).__name__}"
        )
    return _read_gold_lines(source)


def _read_gold_lines(lines: Iterable[str | bytes]) -> list[GoldArticle]:
    out: list[GoldArticle] = []
    seen: dict[str, int] = {}
    for lineno, raw in enumerate(_numbered(lines), start=1):
        line = _decode(raw, lineno)
        if not line.strip():
            continue
        article = _parse_gold_line(line, lineno)
        if article.id in seen:
            raise GoldFormatError(
                f"line {lineno}: id {article.id!r} already used on line {seen[article.id]}",
                line=lineno,
            )
        seen[article.id] = lineno
        out.append(article)
    return out


def _numbered(lines: Iterable[str | bytes]) -> Iterator[str | bytes]:
    """The lines, turning a decoding failure of the file itself into a GoldFormatError."""
    it = iter(lines)
    lineno = 0
    while True:
        lineno += 1
        try:
            item = next(it)
        except StopIteration:
            return
        except UnicodeDecodeError as e:
            raise GoldFormatError(f"line {lineno}: not valid UTF-8: {e}", line=lineno) from e
        yield item


def _decode(raw: object, lineno: int) -> str:
    if isinstance(raw, str):
        return raw.removeprefix("\ufeff") if lineno == 1 else raw  # a byte-order mark
    if isinstance(raw, bytes):
        try:
            return raw.decode("utf-8-sig" if lineno == 1 else "utf-8")
        except UnicodeDecodeError as e:
            raise GoldFormatError(f"line {lineno}: not valid UTF-8: {e}", line=lineno) from e
    raise TypeError(f"load_gold() lines must be str, not {type(raw).__name__} (line {lineno})")


def _parse_gold_line(line: str, lineno: int) -> GoldArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as e:
        raise GoldFormatError(f"line {lineno}: not valid JSON: {e}", line=lineno) from e
    if not isinstance(record, dict):
        raise GoldFormatError(
            f"line {lineno}: expected a JSON object, got {type(record).__name__}", line=lineno
        )
    try:
        return GoldArticle.model_validate(record)
    except ValidationError as e:
        errors = e.errors(include_url=False)
        problems = "; ".join(_describe(err) for err in errors[:3])
        if len(errors) > 3:
            problems += f"; and {len(errors) - 3} more"
        raise GoldFormatError(f"line {lineno}: {problems}", line=lineno) from e


def _describe(err: Mapping[str, Any]) -> str:
    loc = "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in err["loc"]).lstrip(".")
    msg = str(err["msg"]).removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


# ------------------------------------------------------------------------ metrics


class PRF(BaseModel):
    """Counts of true positives, false positives and false negatives, with P, R and F1.

    Precision, recall and F1 are computed from the counts (and appear in the
    JSON); a ratio whose denominator is zero is 0.0.

    >>> m = PRF(tp=3, fp=1, fn=2)
    >>> m.precision, m.recall, round(m.f1, 3)
    (0.75, 0.6, 0.667)
    >>> PRF(tp=0, fp=0, fn=0).f1
    0.0
    >>> (m + PRF(tp=1, fp=0, fn=0)).tp
    4

    In per-kind scores a found relation may count for one kind on the gold
    side (recall) and for another on the predicted side (precision), when the
    predicted kind is wrong; ``tp_predicted`` then holds the predicted-side
    count (it is None whenever it equals ``tp``):

    >>> direct = PRF(tp=1, tp_predicted=0, fp=0, fn=0)   # found, but labelled mixed
    >>> direct.recall, direct.precision
    (1.0, 0.0)
    >>> PRF(tp=2, tp_predicted=2).tp_predicted is None
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    tp: int = Field(default=0, ge=0, description="True positives: gold relations found.")
    fp: int = Field(default=0, ge=0, description="False positives: predictions that found none.")
    fn: int = Field(default=0, ge=0, description="False negatives: gold relations missed.")
    tp_predicted: int | None = Field(
        default=None,
        ge=0,
        description=(
            "True positives counted on the predicted side, when they differ from tp "
            "(per-kind scores: precision by predicted kind, recall by gold kind)."
        ),
    )

    @model_validator(mode="before")
    @classmethod
    def _normalize(cls, data: Any) -> Any:
        """Drop the computed ratios (JSON round trip) and a ``tp_predicted`` equal to ``tp``."""
        if isinstance(data, Mapping):
            data = {k: v for k, v in data.items() if k not in ("precision", "recall", "f1")}
            if data.get("tp_predicted") is not None and data.get("tp_predicted") == data.get(
                "tp", 0
            ):
                data["tp_predicted"] = None
        return data

    @property
    def tp_pred(self) -> int:
        """The true positives on the predicted side: ``tp_predicted``, else ``tp``."""
        return self.tp if self.tp_predicted is None else self.tp_predicted

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        """tp / (tp + fp), or 0.0 when nothing was predicted."""
        return _ratio(self.tp_pred, self.tp_pred + self.fp)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        """tp / (tp + fn), or 0.0 when there is nothing to find."""
        return _ratio(self.tp, self.tp + self.fn)

    @computed_field  # type: ignore[prop-decorator]
    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall (2·tp / (2·tp + fp + fn)), or 0.0."""
        if self.tp_predicted is None:
            return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: PRF) -> PRF:
        if not isinstance(other, PRF):
            return NotImplemented
        return PRF(
            tp=self.tp + other.tp,
            fp=self.fp + other.fp,
            fn=self.fn + other.fn,
            tp_predicted=self.tp_pred + other.tp_pred,
        )


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _empty_per_kind() -> dict[str, dict[str, PRF]]:
    return {k: {m: PRF() for m in METRICS} for k in KINDS}


def _empty_confusion() -> dict[str, dict[str, int]]:
    return {g: dict.fromkeys(KINDS, 0) for g in KINDS}


class Scores(BaseModel):
    """The result of :func:`evaluate`: overall and per-kind precision, recall, F1.

    Scores of disjoint sets of articles add up: ``evaluate(a) + evaluate(b)``
    equals ``evaluate(a + b)``.

    >>> s = Scores(content=PRF(tp=2, fp=1, fn=0), n_gold=2, n_predicted=3)
    >>> round(s.content.precision, 3), s.per_kind["direct"]["content"].tp
    (0.667, 0)
    >>> Scores.model_validate_json(s.model_dump_json()) == s
    True
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    content: PRF = Field(
        default_factory=PRF, description="Content found: partial match (half covered)."
    )
    content_exact: PRF = Field(
        default_factory=PRF, description="Content found exactly (after trimming punctuation)."
    )
    attribution: PRF = Field(
        default_factory=PRF, description="Content found and the speaker right."
    )
    cue: PRF = Field(default_factory=PRF, description="Content found and the cue right.")
    per_kind: dict[str, dict[str, PRF]] = Field(
        default_factory=_empty_per_kind,
        description=(
            "kind -> metric -> counts. A found relation counts under its gold kind; an "
            "unmatched prediction under its predicted kind; a missed one under its gold kind."
        ),
    )
    kind_confusion: dict[str, dict[str, int]] = Field(
        default_factory=_empty_confusion,
        description="gold kind -> predicted kind -> number of found relations.",
    )
    n_articles: int = Field(default=0, ge=0)
    n_gold: int = Field(default=0, ge=0, description="Gold relations.")
    n_predicted: int = Field(
        default=0, ge=0, description="Predicted claims scored (those in ignore_spans excluded)."
    )
    n_ignored: int = Field(
        default=0, ge=0, description="Predicted claims inside ignore_spans, not scored."
    )

    def metrics(self) -> dict[str, PRF]:
        """The four overall metrics by name, in :data:`METRICS` order."""
        return {m: getattr(self, m) for m in METRICS}

    def __add__(self, other: Scores) -> Scores:
        if not isinstance(other, Scores):
            return NotImplemented
        per_kind = {
            k: {
                m: self.per_kind.get(k, {}).get(m, PRF()) + other.per_kind.get(k, {}).get(m, PRF())
                for m in METRICS
            }
            for k in _union_keys(self.per_kind, other.per_kind)
        }
        confusion = {
            g: {
                p: self.kind_confusion.get(g, {}).get(p, 0)
                + other.kind_confusion.get(g, {}).get(p, 0)
                for p in _union_keys(
                    self.kind_confusion.get(g, {}), other.kind_confusion.get(g, {})
                )
            }
            for g in _union_keys(self.kind_confusion, other.kind_confusion)
        }
        return Scores(
            **{m: self.metrics()[m] + other.metrics()[m] for m in METRICS},
            per_kind=per_kind,
            kind_confusion=confusion,
            n_articles=self.n_articles + other.n_articles,
            n_gold=self.n_gold + other.n_gold,
            n_predicted=self.n_predicted + other.n_predicted,
            n_ignored=self.n_ignored + other.n_ignored,
        )

    def table(self) -> str:
        """A fixed-width table: the four metrics overall, then per kind.

        >>> print(Scores(content=PRF(tp=2, fp=1, fn=0), n_articles=1, n_gold=2,
        ...              n_predicted=3).table())
        articles 1, gold relations 2, predicted 3, ignored 0
        kind      metric              P       R      F1          TP      FP      FN
        all       content         0.667   1.000   0.800           2       1       0
        all       content_exact   0.000   0.000   0.000           0       0       0
        ...
        mixed     cue             0.000   0.000   0.000           0       0       0

        In per-kind rows, ``TP a/b`` means that ``a`` gold relations of the
        kind were found (recall) and ``b`` predictions of the kind found one
        (precision); they differ when predicted kinds are wrong.
        """
        rows = [
            f"articles {self.n_articles}, gold relations {self.n_gold}, "
            f"predicted {self.n_predicted}, ignored {self.n_ignored}",
            f"{'kind':<9} {'metric':<13} {'P':>7} {'R':>7} {'F1':>7} "
            f"{'TP':>11} {'FP':>7} {'FN':>7}",
        ]
        blocks: list[tuple[str, Mapping[str, PRF]]] = [("all", self.metrics())]
        blocks += [(k, self.per_kind[k]) for k in _ordered(self.per_kind)]
        split = False
        for scope, metrics in blocks:
            for name in METRICS:
                m = metrics.get(name, PRF())
                tp = str(m.tp) if m.tp_predicted is None else f"{m.tp}/{m.tp_predicted}"
                split = split or m.tp_predicted is not None
                rows.append(
                    f"{scope:<9} {name:<13} {m.precision:>7.3f} {m.recall:>7.3f} "
                    f"{m.f1:>7.3f} {tp:>11} {m.fp:>7} {m.fn:>7}"
                )
        if split:
            rows.append(
                "TP a/b: a gold relations of the kind found (recall), "
                "b predictions of the kind that found one (precision)"
            )
        return "\n".join(rows)


def _union_keys(a: Mapping[str, Any], b: Mapping[str, Any]) -> list[str]:
    return _ordered({**a, **b})


def _ordered(keys: Iterable[str]) -> list[str]:
    """The known kinds in :data:`KINDS` order, then any others sorted."""
    keys = set(keys)
    return [k for k in KINDS if k in keys] + sorted(keys - set(KINDS))


# ----------------------------------------------------------------------- matching


class Pair(BaseModel):
    """A gold relation found by a predicted claim, and what else was right.

    Indices point into ``GoldArticle.quotes`` and into the predicted sequence
    given to :func:`align`.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    gold: int = Field(ge=0, description="Index into GoldArticle.quotes.")
    predicted: int = Field(ge=0, description="Index into the predicted claims.")
    overlap: int = Field(ge=0, description="Characters the two content spans share.")
    exact: bool = Field(description="The spans agree after trimming spaces and punctuation.")
    speaker: bool = Field(description="The speaker is right.")
    cue: bool = Field(description="The cue is right.")


class Alignment(BaseModel):
    """How one article's predicted claims line up with its gold relations.

    >>> text = 'He said no.'
    >>> gold = GoldArticle(id="a", text=text, quotes=[
    ...     GoldQuote(content_start=8, content_end=10, kind="indirect")])
    >>> a = align(gold, [Claim(content=Span.of(text, 8, 10), kind="indirect")])
    >>> [(p.gold, p.predicted, p.exact, p.speaker) for p in a.pairs], a.missed, a.spurious
    ([(0, 0, True, True)], [], [])
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    pairs: list[Pair] = Field(default_factory=list, description="Sorted by gold index.")
    missed: list[int] = Field(default_factory=list, description="Gold relations not found.")
    spurious: list[int] = Field(
        default_factory=list, description="Predicted claims scored that found nothing."
    )
    ignored: list[int] = Field(
        default_factory=list, description="Predicted claims inside ignore_spans, not scored."
    )


def align(gold: GoldArticle, predicted: Sequence[Claim]) -> Alignment:
    """Pair one article's predicted claims with its gold relations, one-to-one.

    Candidate pairs are those whose content spans match (the prediction covers
    at least half of the gold span and is at most twice as long plus
    :data:`LENGTH_SLACK`); they are taken greedily, the largest overlap first,
    then the closest length, then by position, so the result does not depend
    on the order of the claims except between identical spans.

    >>> text = 'He said the talks had failed and would not resume.'
    >>> gold = GoldArticle(id="a", text=text, quotes=[
    ...     GoldQuote(content_start=8, content_end=49, kind="indirect")])
    >>> half = Claim(content=Span.of(text, 8, 28), kind="indirect")    # 20 of 41 characters
    >>> most = Claim(content=Span.of(text, 8, 40), kind="indirect")    # 32 of 41
    >>> a = align(gold, [half, most])
    >>> [(p.predicted, p.overlap, p.exact) for p in a.pairs], a.spurious
    ([(1, 32, False)], [0])

    Raises:
        SpanError: a predicted span does not slice the gold text (the claims
            were extracted from another text).
    """
    text = gold.text
    for j, claim in enumerate(predicted):
        for name, span in (
            ("content", claim.content),
            ("speaker_mention", claim.speaker_mention),
            ("cue", claim.cue),
        ):
            if span is not None and not span.slices(text):
                raise SpanError(
                    f"article {gold.id!r}: predicted claim {j} {name} [{span.start}, {span.end}) "
                    f"{_clip(span.text)!r} does not slice the gold text"
                )
    ignore = _merge(gold.ignore_spans)
    ignored = [j for j, c in enumerate(predicted) if _inside_any(c.content, ignore)]
    ignored_set = set(ignored)
    scored = [j for j in range(len(predicted)) if j not in ignored_set]

    candidates: list[tuple[int, int, int, int, int, int]] = []
    for i, q in enumerate(gold.quotes):
        g_len = q.content_end - q.content_start
        for j in scored:
            p = predicted[j].content
            overlap = min(q.content_end, p.end) - max(q.content_start, p.start)
            if 2 * overlap >= g_len and len(p) <= 2 * g_len + LENGTH_SLACK:
                candidates.append((-overlap, abs(len(p) - g_len), q.content_start, p.start, i, j))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[Pair] = []
    for neg_overlap, _, _, _, i, j in candidates:
        if i in used_gold or j in used_pred:
            continue
        used_gold.add(i)
        used_pred.add(j)
        q, c = gold.quotes[i], predicted[j]
        pairs.append(
            Pair(
                gold=i,
                predicted=j,
                overlap=-neg_overlap,
                exact=_trimmed(text, q.content_start, q.content_end)
                == _trimmed(text, c.content.start, c.content.end),
                speaker=_speaker_right(q, c),
                cue=_spans_agree(q.cue_span, c.cue),
            )
        )
    pairs.sort(key=lambda p: (p.gold, p.predicted))
    return Alignment(
        pairs=pairs,
        missed=[i for i in range(len(gold.quotes)) if i not in used_gold],
        spurious=[j for j in scored if j not in used_pred],
        ignored=ignored,
    )


def _merge(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans merged into one, sorted."""
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _inside_any(span: Span, regions: Sequence[tuple[int, int]]) -> bool:
    return any(s <= span.start and span.end <= e for s, e in regions)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` moved inwards past spaces and punctuation; unchanged if all of it is."""
    piece = text[start:end]
    lead = _LEADING_TRIM_RE.match(piece)
    if lead is not None and lead.end() == len(piece):
        return (start, end)
    trail = _TRAILING_TRIM_RE.search(piece)
    return (
        start + (lead.end() if lead else 0),
        end - (len(piece) - trail.start() if trail else 0),
    )


def _spans_agree(gold: tuple[int, int] | None, predicted: Span | None) -> bool:
    """Both absent, or both present and overlapping."""
    if gold is None or predicted is None:
        return gold is None and predicted is None
    return gold[0] < predicted.end and predicted.start < gold[1]


def _speaker_right(q: GoldQuote, c: Claim) -> bool:
    """Whether the claim names the gold speaker (see the module docstring)."""
    if q.speaker_id is not None and c.speaker is not None and c.speaker.id == q.speaker_id:
        return True
    span = q.speaker_span
    if span is not None:
        return _spans_agree(span, c.speaker_mention)
    if q.speaker is not None:
        # A speaker given by name only: compare with the mention and the names.
        names = [c.speaker_mention.text] if c.speaker_mention is not None else []
        if c.speaker is not None:
            names += [c.speaker.name, *c.speaker.aliases]
        wanted = _name_key(q.speaker)
        return any(_name_key(n) == wanted for n in names)
    if q.speaker_id is not None:
        return False
    # No speaker in the text: right only when the claim names no mention either.
    return c.speaker_mention is None


def _name_key(name: str) -> str:
    trimmed = _TRAILING_TRIM_RE.sub("", _LEADING_TRIM_RE.sub("", name))
    return _SPACES_RE.sub(" ", trimmed).casefold()


# ----------------------------------------------------------------------- evaluate


def evaluate(
    gold: GoldArticle | Mapping[str, Any] | Iterable[GoldArticle | Mapping[str, Any]],
    predicted: Sequence[Claim]
    | Mapping[str, Sequence[Claim | Mapping[str, Any]]]
    | Sequence[Sequence[Claim | Mapping[str, Any]]],
) -> Scores:
    """Score predicted claims against gold relations over one or more articles.

    >>> text = '"We will go on," Lavrov said. He called it "a duty".'
    >>> gold = GoldArticle(id="a1", text=text, quotes=[
    ...     GoldQuote(content_start=1, content_end=15, kind="direct",
    ...               speaker_start=17, speaker_end=23, cue_start=24, cue_end=28),
    ...     GoldQuote(content_start=40, content_end=51, kind="mixed",
    ...               speaker_start=30, speaker_end=32, cue_start=33, cue_end=39)])
    >>> claims = [Claim(content=Span.of(text, 1, 15), kind="direct",
    ...                 speaker_mention=Span.of(text, 17, 23), cue=Span.of(text, 24, 28))]
    >>> s = evaluate(gold, claims)
    >>> s.content.tp, s.content.fn, s.content.precision, s.content.recall
    (1, 1, 1.0, 0.5)
    >>> s.per_kind["mixed"]["content"].fn
    1

    Gold may be one article, an iterable of articles, or raw records (dicts
    shaped like a line of a gold file). Predictions may be one sequence of
    claims (for one article), one sequence per article in the same order, or a
    mapping from article id to claims; an article absent from the mapping has
    no predictions. A claim may also be given as a dict (a Claim's JSON).

    >>> evaluate([gold.model_dump()], {"a1": claims}) == s
    True
    >>> evaluate([gold], [claims]) == s
    True

    Args:
        gold: the gold articles.
        predicted: the claims predicted for them, with spans into the same texts.

    Returns:
        The counts and ratios; see :class:`Scores`.

    Raises:
        AttributionError: the predictions do not line up with the gold articles
            (a different number of lists, an id not in the gold, a flat list of
            claims for several articles).
        SpanError: a predicted span does not slice its article's text.
        pydantic.ValidationError: a raw gold record or claim dict is invalid.
        TypeError: an argument of the wrong type.
    """
    articles = _gold_articles(gold)
    per_article = _predictions(articles, predicted)

    # Counters [tp, fp, fn, tp_predicted] overall and per kind, per metric.
    totals = {m: [0, 0, 0, 0] for m in METRICS}
    per_kind = {k: {m: [0, 0, 0, 0] for m in METRICS} for k in KINDS}
    confusion = _empty_confusion()
    n_gold = n_predicted = n_ignored = 0

    for article, claims in zip(articles, per_article, strict=True):
        alignment = align(article, claims)
        ignored = set(alignment.ignored)
        scored = [j for j in range(len(claims)) if j not in ignored]
        n_gold += len(article.quotes)
        n_ignored += len(ignored)
        n_predicted += len(scored)
        for metric in METRICS:
            hits = [p for p in alignment.pairs if _hit(p, metric)]
            hit_gold = {p.gold for p in hits}
            hit_pred = {p.predicted for p in hits}
            total = totals[metric]
            total[0] += len(hits)
            total[1] += len(scored) - len(hits)
            total[2] += len(article.quotes) - len(hits)
            total[3] += len(hits)
            for i, q in enumerate(article.quotes):  # recall by gold kind
                per_kind[q.kind][metric][0 if i in hit_gold else 2] += 1
            for j in scored:  # precision by predicted kind
                per_kind[claims[j].kind][metric][3 if j in hit_pred else 1] += 1
        for p in alignment.pairs:
            confusion[article.quotes[p.gold].kind][claims[p.predicted].kind] += 1

    def prf(c: list[int]) -> PRF:
        return PRF(tp=c[0], fp=c[1], fn=c[2], tp_predicted=c[3])

    return Scores(
        **{m: prf(c) for m, c in totals.items()},
        per_kind={k: {m: prf(c) for m, c in metrics.items()} for k, metrics in per_kind.items()},
        kind_confusion=confusion,
        n_articles=len(articles),
        n_gold=n_gold,
        n_predicted=n_predicted,
        n_ignored=n_ignored,
    )


def _hit(pair: Pair, metric: str) -> bool:
    if metric == "content":
        return True
    if metric == "content_exact":
        return pair.exact
    if metric == "attribution":
        return pair.speaker
    return pair.cue


def _gold_articles(
    gold: GoldArticle | Mapping[str, Any] | Iterable[GoldArticle | Mapping[str, Any]],
) -> list[GoldArticle]:
    if isinstance(gold, GoldArticle | Mapping):
        return [_gold_article(gold, 0)]
    if isinstance(gold, str | bytes) or not isinstance(gold, Iterable):
        raise TypeError(
            "evaluate() gold must be a GoldArticle, a record dict or an iterable of them, "
            f"not {type(gold).__name__} (read a file with load_gold(path))"
        )
    return [_gold_article(g, i) for i, g in enumerate(gold)]


def _gold_article(item: object, index: int) -> GoldArticle:
    if isinstance(item, GoldArticle):
        return item
    if isinstance(item, Mapping):
        return GoldArticle.model_validate(item)
    raise TypeError(
        f"evaluate() gold[{index}] must be a GoldArticle or a record dict, "
        f"not {type(item).__name__}"
    )


def _predictions(
    articles: Sequence[GoldArticle],
    predicted: Sequence[Claim]
    | Mapping[str, Sequence[Claim | Mapping[str, Any]]]
    | Sequence[Sequence[Claim | Mapping[str, Any]]],
) -> list[list[Claim]]:
    """One list of claims per gold article, in the articles' order."""
    if isinstance(predicted, Mapping):
        ids = [a.id for a in articles]
        if len(set(ids)) != len(ids):
            dup = next(i for i in ids if ids.count(i) > 1)
            raise AttributionError(
                f"evaluate() got predictions by id but gold id {dup!r} is repeated; "
                "pass one list of claims per article instead"
            )
        unknown = sorted(set(predicted) - set(ids))
        if unknown:
            raise AttributionError(
                f"evaluate() got predictions for ids not in the gold: {unknown[:5]!r}"
            )
        return [_claims(predicted.get(a.id, ()), a.id) for a in articles]
    if isinstance(predicted, str | bytes) or not isinstance(predicted, Sequence):
        raise TypeError(
            "evaluate() predicted must be a sequence of claims, a sequence of such "
            f"sequences or a mapping from article id to claims, not {type(predicted).__name__}"
        )
    items = list(predicted)
    flat = all(isinstance(x, Claim | Mapping) for x in items)
    if flat and (len(articles) == 1 or not items):
        if len(articles) == 1:
            return [_claims(items, articles[0].id)]
        if not articles:
            return []
    if flat and items:
        raise AttributionError(
            f"evaluate() got one flat list of claims for {len(articles)} articles; "
            "pass one list per article or a mapping from article id to claims"
        )
    if len(items) != len(articles):
        raise AttributionError(
            f"evaluate() got {len(items)} lists of predicted claims for {len(articles)} "
            "gold articles"
        )
    return [_claims(x, a.id) for x, a in zip(items, articles, strict=True)]


def _claims(items: object, article_id: str) -> list[Claim]:
    if isinstance(items, str | bytes | Mapping) or not isinstance(items, Iterable):
        raise TypeError(
            f"evaluate() predictions for article {article_id!r} must be a sequence of "
            f"claims, not {type(items).__name__}"
        )
    out: list[Claim] = []
    for x in items:
        if isinstance(x, Claim):
            out.append(x)
        elif isinstance(x, Mapping):
            out.append(Claim.model_validate(x))
        else:
            raise TypeError(
                f"evaluate() predictions for article {article_id!r} must be claims, "
                f"not {type(x).__name__}"
            )
    return out
