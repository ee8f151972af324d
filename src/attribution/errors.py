"""The exceptions that ``attribution`` raises.

Every error the library raises on purpose derives from :class:`AttributionError`,
itself a :class:`ValueError`, so ``except ValueError`` keeps working for callers
that do not know this library::

    ValueError
     └── AttributionError            root: invalid input or an impossible request
          ├── InputDecodeError        bytes that are not valid UTF-8 (carries the offset)
          ├── InputTooLargeError      text longer than ``max_chars``
          ├── SpanError               a span that does not slice back into its text
          └── GoldFormatError         a gold annotation file that cannot be read

Wrong argument *types* raise the built-in :class:`TypeError` naming the parameter.

>>> from attribution.errors import AttributionError, InputTooLargeError
>>> issubclass(InputTooLargeError, ValueError)
True
"""

from __future__ import annotations

__all__ = [
    "AttributionError",
    "GoldFormatError",
    "InputDecodeError",
    "InputTooLargeError",
    "SpanError",
]


class AttributionError(ValueError):
    """Root of every error raised on purpose by ``attribution``.

    >>> import attribution as at
    >>> try:
    ...     at.parse_article("x" * 20, max_chars=10)
    ... except at.AttributionError as exc:
    ...     print(type(exc).__name__)
    InputTooLargeError
    """


class InputDecodeError(AttributionError):
    """Raised when ``bytes`` input is not valid UTF-8.

    Attributes:
        offset: the byte offset of the first invalid byte (or the str offset of a
            lone surrogate).

    >>> import attribution as at
    >>> try:
    ...     at.parse_article(b"Caf\\xe9 owner said it was fine.")
    ... except at.InputDecodeError as exc:
    ...     print(exc.offset)
    3
    """

    def __init__(self, message: str, *, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class InputTooLargeError(AttributionError):
    """Raised when a text is longer than the ``max_chars`` limit.

    Attributes:
        size: the length of the text, in characters.
        limit: the limit in force.

    >>> import attribution as at
    >>> try:
    ...     at.parse_article("x" * 20, max_chars=10)
    ... except at.InputTooLargeError as exc:
    ...     print(exc.size, exc.limit)
    20 10
    """

    def __init__(self, message: str, *, size: int, limit: int) -> None:
        super().__init__(message)
        self.size = size
        self.limit = limit


class SpanError(AttributionError):
    """Raised when a span's offsets or text do not agree with the text it points into.

    >>> from attribution import Span
    >>> Span.of("short", 2, 40)
    Traceback (most recent call last):
    ...
    attribution.errors.SpanError: span [2, 40) is outside a text of 5 characters
    """


class GoldFormatError(AttributionError):
    """Raised when a gold annotation file (JSONL) is malformed.

    Attributes:
        line: the 1-based line number of the bad record, when known.

    >>> import attribution as at
    >>> try:
    ...     at.load_gold(['{"id": "a", "text": "x", "quotes": []}', "not json"])
    ... except at.GoldFormatError as exc:
    ...     print(exc.line)
    2
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line
