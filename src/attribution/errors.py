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
    """Root of every error raised on purpose by ``attribution``."""


class InputDecodeError(AttributionError):
    """Raised when ``bytes`` input is not valid UTF-8.

    Attributes:
        offset: the byte offset of the first invalid byte.
    """

    def __init__(self, message: str, *, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class InputTooLargeError(AttributionError):
    """Raised when a text is longer than the ``max_chars`` limit.

    Attributes:
        size: the length of the text, in characters.
        limit: the limit in force.
    """

    def __init__(self, message: str, *, size: int, limit: int) -> None:
        super().__init__(message)
        self.size = size
        self.limit = limit


class SpanError(AttributionError):
    """Raised when a span's offsets or text do not agree with the text it points into."""


class GoldFormatError(AttributionError):
    """Raised when a gold annotation file (JSONL) is malformed.

    Attributes:
        line: the 1-based line number of the bad record, when known.
    """

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line
