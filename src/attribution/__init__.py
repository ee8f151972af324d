"""attribution: who said what in news articles.

Give it an article as plain text; get back typed claims (direct quotes, reported
speech, mixed quotes), their speakers, cues and stance, the figures inside them
and when they were said, every part a span into the text you passed in.

>>> import attribution as at
>>> claims = at.extract_claims('"We will go on," Lavrov said on Friday.')
>>> [(c.kind, c.content.text, c.speaker_mention.text, c.cue_lemma) for c in claims]
[('direct', 'We will go on,', 'Lavrov', 'say')]
"""

from __future__ import annotations

from attribution.article import parse_article
from attribution.corpus import Comparison, compare
from attribution.errors import (
    AttributionError,
    GoldFormatError,
    InputDecodeError,
    InputTooLargeError,
    SpanError,
)
from attribution.evaluate import Scores, evaluate, load_gold
from attribution.lexicon import Lexicon
from attribution.models import Article, Claim, Figure, Span, Speaker
from attribution.pipeline import extract_claims, extract_figures, speakers

__version__ = "0.1.0"

__all__ = [
    "Article",
    "AttributionError",
    "Claim",
    "Comparison",
    "Figure",
    "GoldFormatError",
    "InputDecodeError",
    "InputTooLargeError",
    "Lexicon",
    "Scores",
    "Span",
    "SpanError",
    "Speaker",
    "__version__",
    "compare",
    "evaluate",
    "extract_claims",
    "extract_figures",
    "load_gold",
    "parse_article",
    "speakers",
]
