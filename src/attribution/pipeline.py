"""The public verbs, composed from the stages: article → claims → speakers → figures → dates.

>>> from attribution import extract_claims
>>> text = "Moscow, Oct. 4\\n\\nRussia's defence ministry said on Friday it had hit at least 12 targets."
>>> c = extract_claims(text, published="2015-10-04")[0]
>>> c.speaker_mention.text, c.cue_lemma, c.content.text
("Russia's defence ministry", 'say', 'it had hit at least 12 targets')
>>> c.when.text, c.said_on, [(f.span.text, f.qualifier, f.counted) for f in c.figures]
('on Friday', datetime.date(2015, 10, 2), [('at least 12', 'at_least', 'targets')])
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Final, get_args

from attribution.article import coerce_text, parse_article
from attribution.claims import RawClaim, find_claims
from attribution.dates import speech_times
from attribution.figures import figures_in, find_figures, find_figures_within
from attribution.lexicon import Lexicon
from attribution.models import (
    Article,
    Claim,
    ClaimKind,
    Figure,
    Span,
    Speaker,
    Stance,
    construct_trusted,
)
from attribution.segment import strip_span
from attribution.speakers import list_speakers, resolve_speakers

__all__ = ["claim_paragraphs", "extract_claims", "extract_figures", "speakers"]


def _article(
    article: Article | str | bytes,
    published: date | datetime | str | None,
    lexicon: Lexicon | None,
    name: str = "article",
) -> Article:
    if isinstance(article, Article):
        if published is not None:
            from attribution.article import parse_published

            return article.model_copy(update={"published": parse_published(published)})
        return article
    if isinstance(article, (str, bytes, bytearray, memoryview)):
        return parse_article(coerce_text(article, name=name), published=published, lexicon=lexicon)
    raise TypeError(f"{name} must be an Article, str or bytes, not {type(article).__name__}")


def claim_paragraphs(article: Article) -> list[Span]:
    """The stretches claims are read from, in text order: title, standfirst, body.

    >>> from attribution import parse_article
    >>> [p.text for p in claim_paragraphs(parse_article("Russia says it won\\n\\nIt did.\\n\\nPromoted Links"))]
    ['Russia says it won', 'It did.']
    >>> [p.text for p in claim_paragraphs(parse_article("Jets strike\\n\\nMOSCOW (AP) -- Russia said so."))]
    ['Jets strike', 'Russia said so.']
    """
    spans = [s for s in (article.title, article.standfirst) if s is not None]
    dateline = article.dateline
    for para in article.paragraphs:
        if dateline is not None and para.start <= dateline.start < para.end:
            # the claims start after "DAMASCUS, Syria, Oct. 4 (UPI) --"
            start, end = strip_span(article.text, dateline.end, para.end)
            if start < end:
                spans.append(Span.of(article.text, start, end))
            continue
        spans.append(para)
    return sorted(spans, key=lambda s: s.start)


def _sentences_by_paragraph(article: Article) -> dict[tuple[int, int], list[Span]]:
    """The article's sentences grouped by body paragraph (already split once by
    ``parse_article``), keyed by the paragraph's (start, end)."""
    out: dict[tuple[int, int], list[Span]] = {}
    sentences = article.sentences
    k = 0
    for para in article.paragraphs:
        while k < len(sentences) and sentences[k].start < para.start:
            k += 1
        group: list[Span] = []
        while k < len(sentences) and sentences[k].end <= para.end:
            group.append(sentences[k])
            k += 1
        if group:
            out[(para.start, para.end)] = group
    return out


def extract_claims(
    article: Article | str | bytes,
    *,
    published: date | datetime | str | None = None,
    lexicon: Lexicon | None = None,
) -> list[Claim]:
    """Every attribution relation in an article, in text order.

    Args:
        article: an :class:`Article` from :func:`parse_article`, or the text itself.
        published: the publication date, to resolve "on Friday" (overrides the article's).
        lexicon: word lists; the built-in ones by default.

    Returns:
        The claims, each with content, kind, cue, stance, speaker, figures and date.

    >>> [(c.kind, c.speaker.name, c.stance) for c in extract_claims("Officials denied that the jets hit a school.")]
    [('indirect', 'Officials', 'denial')]
    >>> extract_claims("")
    []
    """
    art = _article(article, published, lexicon)
    text = art.text
    raws = find_claims(
        text,
        claim_paragraphs(art),
        headline=art.title,
        lexicon=lexicon,
        sentences=_sentences_by_paragraph(art),
    )
    if not raws:
        return []
    mentions = [r.mention for r in raws]
    people = resolve_speakers(text, mentions, lexicon=lexicon)
    # Only the figures inside a claim's content are kept: read only there.
    figures = find_figures_within(text, [r.content for r in raws])
    starts = [f.span.start for f in figures]
    times = speech_times(
        text,
        [
            (r.cue.span if r.cue is not None else None, r.sentence or r.content, r.content)
            for r in raws
        ],
        anchor=art.published,
    )
    return [
        _claim(r, sp, when, figures, starts)
        for r, sp, when in zip(raws, people, times, strict=True)
    ]


def _claim(
    raw: RawClaim,
    speaker: Speaker | None,
    time: tuple[Span | None, date | None],
    figures: list[Figure],
    starts: list[int],
) -> Claim:
    cue = raw.cue
    when, said_on = time
    values: dict[str, object] = {
        "content": raw.content,
        "kind": raw.kind,
        "speaker": speaker,
        "speaker_mention": raw.mention,
        "cue": cue.span if cue is not None else None,
        "cue_lemma": cue.lemma if cue is not None else None,
        "stance": cue.stance if cue is not None else "neutral",
        "channel": raw.channel,
        "via": raw.via,
        "when": when,
        "said_on": said_on,
        "figures": figures_in(figures, raw.content, starts=starts),
        "parts": raw.parts,
        "negated": cue.negated if cue is not None else False,
        "confidence": raw.confidence,
    }
    if _is_valid_claim(values):
        return construct_trusted(Claim, values)
    return Claim(**values)  # validation says what is wrong


_CLAIM_KINDS: Final = frozenset(get_args(ClaimKind))
_STANCES: Final = frozenset(get_args(Stance))
_SPAN_FIELDS: Final = ("speaker_mention", "cue", "channel", "via", "when")


def _is_valid_claim(v: dict[str, object]) -> bool:
    """Whether the values are what validating a :class:`Claim` would keep as they are.

    Spans, speakers and figures come from the stages, which build them valid; the
    rest is checked here, cheaply.
    """
    confidence, parts, said_on, lemma = v["confidence"], v["parts"], v["said_on"], v["cue_lemma"]
    return (
        type(v["content"]) is Span
        and all(v[k] is None or type(v[k]) is Span for k in _SPAN_FIELDS)
        and (v["speaker"] is None or type(v["speaker"]) is Speaker)
        and v["kind"] in _CLAIM_KINDS
        and v["stance"] in _STANCES
        and (lemma is None or type(lemma) is str)
        and (said_on is None or type(said_on) is date)
        and type(v["figures"]) is tuple
        and type(parts) is tuple
        and all(type(p) is Span for p in parts)
        and type(v["negated"]) is bool
        and type(confidence) is float
        and 0.0 <= confidence <= 1.0
    )


def extract_figures(
    article: Article | str | bytes, *, lexicon: Lexicon | None = None
) -> list[Figure]:
    """Every numeric figure in the article's title, standfirst and body, attributed or not.

    >>> [(f.span.text, f.value, f.counted) for f in extract_figures("Activists said twelve members died.")]
    [('twelve', 12.0, 'members')]
    """
    art = _article(article, None, lexicon)
    out: list[Figure] = []
    for para in claim_paragraphs(art):
        out.extend(find_figures(art.text, para.start, para.end))
    return out


def speakers(claims: Iterable[Claim]) -> list[Speaker]:
    """The distinct speakers of some claims (from one or many articles), most cited first.

    >>> text = '"We are ready," Mr Putin said. He denied the reports. Officials said it was over.'
    >>> [(s.name, s.kind) for s in speakers(extract_claims(text))]
    [('Putin', 'person'), ('Officials', 'anonymous')]
    """
    if isinstance(claims, (str, bytes, Article)):
        raise TypeError("speakers() takes claims: call extract_claims() first")
    if not isinstance(claims, Iterable):
        raise TypeError(f"claims must be an iterable of Claim, not {type(claims).__name__}")
    return list_speakers(claims)
