"""Reading a news article's structure: title, byline, dateline, date, body, furniture.

The text is never changed: every part is a span into it. Lines are classified
from the top (date line, title, standfirst, byline, dateline) and from the bottom
(agency credit, furniture), and anywhere for furniture (navigation phrases,
newsletter prompts, photo captions with a credit, repeated lines).

>>> a = parse_article("Jets strike again\\n\\nBy Jane Doe\\n\\nMOSCOW (Reuters) -- Russia said it hit 12 targets.\\n\\nLatest Headlines")
>>> a.title.text, [b.text for b in a.byline], a.dateline.text, a.agency
('Jets strike again', ['Jane Doe'], 'MOSCOW (Reuters) --', 'Reuters')
>>> [p.text for p in a.paragraphs], [b.text for b in a.boilerplate]
(['MOSCOW (Reuters) -- Russia said it hit 12 targets.'], ['Latest Headlines'])
"""

from __future__ import annotations

import functools
import hashlib
from datetime import date, datetime
from typing import Final

import regex

from attribution.dates import parse_date_text
from attribution.errors import AttributionError, InputDecodeError, InputTooLargeError
from attribution.lexicon import Lexicon
from attribution.models import Article, Span, construct_trusted
from attribution.segment import paragraph_spans, sentence_spans, strip_span

__all__ = ["DEFAULT_MAX_CHARS", "coerce_text", "parse_article", "parse_published"]

DEFAULT_MAX_CHARS: Final = 5_000_000
"""The longest text accepted by default (characters): far above any article."""

_MONTH: Final = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY: Final = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?"

# A line that is only a date: "Monday 22 January 2018", "Oct. 4, 2015", "2015-10-04",
# "Published: 10/04/2015 14:05". Bounded pieces, no nested quantifiers.
DATE_LINE_RE: Final = regex.compile(
    rf"""^(?:(?:Published|Updated|Posted|Date)\s*:?\s*)?(?:{_WEEKDAY},?\s+)?
    (?:\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}
      |{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
      |\d{{4}}-\d{{2}}-\d{{2}}
      |\d{{1,2}}/\d{{1,2}}/\d{{4}})
    (?:,?\s+(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{{2,4}})?)?\s*$""",
    regex.VERBOSE | regex.IGNORECASE,
)

# A byline: "By Fred Lambert", "By Jane Doe and John Roe, Reuters", "By JANE DOE | AP".
BYLINE_RE: Final = regex.compile(
    r"^(?:By|BY|Written by|Words by)\s++(?P<names>[^\n|]{2,150}?)\s*+(?:[|,\u2013\u2014-]\s*+(?P<tail>[^\n]{1,60}))?$"
)
# One author name in a byline: two to five capitalized words.
NAME_RE: Final = regex.compile(
    r"\p{Lu}[\p{L}'\u2019.-]*+(?:\s++(?:\p{Lu}[\p{L}'\u2019.-]*+|de|van|von|al|bin|la|le|da|del)){1,4}"
)
# A dateline at the start of the body: "DAMASCUS, Syria, Oct. 4 (UPI) --",
# "WASHINGTON (AP) —", "MOSCOW, Oct 1 (Reuters) -", "LONDON —".
DATELINE_RE: Final = regex.compile(
    rf"""^(?P<place>\p{{Lu}}[\p{{Lu}}'.\-]++(?:\s\p{{Lu}}[\p{{Lu}}'.\-]++){{0,3}})
    (?:,\s(?:\p{{Lu}}[\p{{L}}.]++(?:\s\p{{Lu}}[\p{{L}}.]++){{0,2}}))?
    (?:,?\s(?P<date>{_MONTH}\s\d{{1,2}}(?:,\s\d{{4}})?))?
    (?:\s\((?P<agency>[\p{{L}} .&-]{{2,40}})\))?
    \s?(?P<dash>--|\u2014|\u2013|-|:)\s?""",
    regex.VERBOSE,
)
# A photo credit closing a caption line: "(AP)", "(Getty Images)", "Photo: Reuters".
CAPTION_CREDIT_RE: Final = regex.compile(
    r"(?:\((?:AP|AFP|Reuters|Getty(?:\sImages)?|EPA|PA|Xinhua|Sputnik|TASS|Photo|File)(?:\s(?:Photo|Images))?\)"
    r"|(?:Photo|Image|Picture)(?:\scredit)?:\s[^\n]{2,60})$",
    regex.IGNORECASE,
)
# The longest match of CAPTION_CREDIT_RE: "Picture credit: " and 60 characters.
_CREDIT_CHARS: Final = 76


def _ends_with_credit(line: str) -> bool:
    """Whether ``CAPTION_CREDIT_RE.search(line)`` finds a credit, reading only the end of
    the line, where a match must start (before a final line break, where ``$`` matches
    too), and only when that end holds the ")" or the colon a match needs: most lines
    hold neither, which a plain search tells at C speed.

    >>> _ends_with_credit("Rescuers at the site (AP Photo)"), _ends_with_credit("He said (so).")
    (True, False)
    """
    start = max(0, len(line) - _CREDIT_CHARS - 1)
    tail = line[start:]
    if ")" not in tail and ":" not in tail:
        return False
    return CAPTION_CREDIT_RE.search(line, start) is not None


_AGENCY_LINE_RE: Final = regex.compile(r"^[-\u2013\u2014\s(]*+(?P<name>[\p{L} .&]{2,40}?)[\s)]*+$")
_YEAR_RE: Final = regex.compile(r"\d{4}")
# Any double quote mark.
QUOTE_MARK_RE: Final = regex.compile(r"[\"\u201c\u201d\u201e\u00ab\u00bb]")


def coerce_text(text: object, *, name: str = "text") -> str:
    """Check and decode the caller's input: ``str`` as is, UTF-8 ``bytes`` decoded.

    >>> coerce_text(b"caf\\xc3\\xa9")
    'café'
    >>> coerce_text(b"caf\\xe9")
    Traceback (most recent call last):
    ...
    attribution.errors.InputDecodeError: text is not valid UTF-8: invalid byte 0xe9 at offset 3
    >>> coerce_text("ok \\ud800")
    Traceback (most recent call last):
    ...
    attribution.errors.InputDecodeError: text holds a lone surrogate (U+D800) at offset 3: not valid Unicode text
    >>> coerce_text(None)
    Traceback (most recent call last):
    ...
    TypeError: text must be str or bytes, not NoneType
    """
    if isinstance(text, str):
        if not text.isascii():
            try:
                text.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise InputDecodeError(
                    f"{name} holds a lone surrogate (U+{ord(text[exc.start]):04X}) at offset "
                    f"{exc.start}: not valid Unicode text",
                    offset=exc.start,
                ) from None
        return text
    if isinstance(text, (bytes, bytearray, memoryview)):
        raw = bytes(text)
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise InputDecodeError(
                f"{name} is not valid UTF-8: invalid byte 0x{raw[exc.start]:02x} at offset {exc.start}",
                offset=exc.start,
            ) from None
    raise TypeError(f"{name} must be str or bytes, not {type(text).__name__}")


def parse_published(value: object) -> date | None:
    """The caller's ``published`` argument as a date: a date, a datetime, or an ISO string.

    >>> parse_published("2015-10-04"), parse_published(datetime(2015, 10, 4, 12))
    (datetime.date(2015, 10, 4), datetime.date(2015, 10, 4))
    >>> parse_published("Oct. 4, 2015")
    datetime.date(2015, 10, 4)
    >>> parse_published("next blue moon")
    Traceback (most recent call last):
    ...
    attribution.errors.AttributionError: published: cannot read a date in 'next blue moon'
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip()[:10])
        except ValueError:
            pass
        found = parse_date_text(value)
        if found is None:
            raise AttributionError(f"published: cannot read a date in {value!r}")
        return found
    raise TypeError(f"published must be a date, datetime or str, not {type(value).__name__}")


def _text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@functools.lru_cache(maxsize=8)
def _furniture(lex: Lexicon) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A lexicon's furniture phrases that may open a line (longer than four characters),
    and its furniture words, as tuples for ``str.startswith`` and a quick loop."""
    return tuple(f for f in lex.furniture if len(f) > 4), tuple(lex.furniture_words)


def _is_furniture(
    line: str, lex: Lexicon, furniture: tuple[tuple[str, ...], tuple[str, ...]]
) -> bool:
    """Whether a line is page furniture; ``furniture`` is ``_furniture(lex)``."""
    low = line.lower().strip(" \t:|>\u00bb\u2022-")
    if not low:
        return False
    if low in lex.furniture:
        return True
    openers, marks = furniture
    # Only whether there are at most 12 or 16 words matters: a paragraph is not split whole.
    words = low.split(None, 16)
    if len(words) <= 12 and low.startswith(openers) and line[-1:] not in ".!?":
        return True
    return len(words) <= 16 and any(w in low for w in marks)


_LONG_WORD_RE: Final = regex.compile(r"\p{L}{4,}+")


def _is_title_like(line: str) -> bool:
    """A headline: no final period, or Title Case ("Putin Says Strikes Will Go On.")."""
    if not 0 < len(line) <= 250 or "\n" in line:
        return False
    if line[-1] not in ".;,":
        return True
    words = _LONG_WORD_RE.findall(line)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) * 10 >= len(words) * 8


def _agency_of(line: str, lex: Lexicon) -> str | None:
    m = _AGENCY_LINE_RE.match(line)
    if m is None:
        return None
    name = m.group("name").strip()
    for agency in lex.agencies:
        if name.lower() == agency.lower():
            return agency
    return None


def parse_article(
    text: str | bytes,
    *,
    id: str | None = None,
    published: date | datetime | str | None = None,
    source: str | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
    lexicon: Lexicon | None = None,
) -> Article:
    """Read an article's structure from plain text.

    Args:
        text: the article as ``str``, or UTF-8 ``bytes``.
        id: an identifier to carry; by default a hash of the text.
        published: the publication date; overrides any date found in the text.
        source: where the text came from (a path, a URL), carried as is.
        max_chars: the longest text accepted; longer raises InputTooLargeError.
        lexicon: word lists (agencies, furniture); the built-in ones by default.

    Returns:
        An :class:`~attribution.models.Article` whose spans all slice ``text``.

    Raises:
        TypeError: ``text`` is not str or bytes, or another argument has a wrong type.
        InputDecodeError: ``bytes`` that are not UTF-8.
        InputTooLargeError: ``text`` is longer than ``max_chars``.

    >>> parse_article("").paragraphs
    ()
    >>> a = parse_article("Monday 22 January 2018\\n\\nRussia says it will go on\\n\\nMoscow said so on Friday.")
    >>> a.published, a.title.text, len(a.paragraphs)
    (datetime.date(2018, 1, 22), 'Russia says it will go on', 1)
    """
    text = coerce_text(text)
    if id is not None and not isinstance(id, str):
        raise TypeError(f"id must be str or None, not {type(id).__name__}")
    if source is not None and not isinstance(source, str):
        raise TypeError(f"source must be str or None, not {type(source).__name__}")
    if not isinstance(max_chars, int) or isinstance(max_chars, bool) or max_chars < 0:
        raise TypeError("max_chars must be a non-negative int")
    if len(text) > max_chars:
        raise InputTooLargeError(
            f"text has {len(text):,} characters, more than max_chars={max_chars:,}; "
            "pass a larger max_chars to read it",
            size=len(text),
            limit=max_chars,
        )
    lex = lexicon or Lexicon.default()
    caller_date = parse_published(published)
    art_id = id if id is not None else _text_id(text)
    lines = paragraph_spans(text)
    if not lines:
        return Article(id=art_id, text=text, published=caller_date, source=source)

    boiler: list[Span] = []
    role: list[str] = ["body"] * len(lines)
    title: Span | None = None
    standfirst: Span | None = None
    byline: list[Span] = []
    dateline: Span | None = None
    date_line: Span | None = None
    agency: str | None = None
    found_date: date | None = None
    dateline_date: str | None = None

    # furniture and repeated lines anywhere
    seen: set[str] = set()
    furniture = _furniture(lex)
    for i, line in enumerate(lines):
        key = " ".join(line.text.split()).lower()
        if _is_furniture(line.text, lex, furniture):
            role[i] = "furniture"
        elif key in seen and len(key) > 15:
            role[i] = "furniture"  # a repeated line: a caption or standfirst printed twice
        elif len(line.text) < 400 and _ends_with_credit(line.text):
            role[i] = "furniture"
        seen.add(key)

    # from the bottom: agency credits, trailing furniture and captions
    i = len(lines) - 1
    while i >= 0:
        line = lines[i]
        name = _agency_of(line.text, lex)
        if name is not None:
            agency = agency or name
            role[i] = "furniture"
        elif role[i] == "furniture":
            pass
        elif (
            _is_title_like(line.text)
            and i > 0
            and not QUOTE_MARK_RE.search(line.text)
            and len(line.text.split()) < 25
        ):
            role[i] = "furniture"  # a caption or another story's headline after the body
        else:
            break
        i -= 1

    # from the top: date line, title, byline, dateline (a few lines at most)
    first_body = -1
    for i, line in enumerate(lines[:16]):
        if role[i] != "body":
            continue
        if (
            date_line is None
            and title is None
            and len(line.text) < 80
            and DATE_LINE_RE.match(line.text)
        ):
            date_line = line
            role[i] = "date"
            found_date = parse_date_text(line.text)
            continue
        m = BYLINE_RE.match(line.text)
        if m is not None and len(line.text) < 200:
            role[i] = "byline"
            names = m.group("names")
            base = line.start + m.start("names")
            for nm in NAME_RE.finditer(names):
                byline.append(Span.of(text, base + nm.start(), base + nm.end()))
            tail = m.group("tail")
            if tail:
                agency = agency or _agency_of(tail, lex)
            continue
        dm = DATELINE_RE.match(line.text)
        if (
            dm is not None
            and (dm.group("agency") or dm.group("dash") in ("--", "\u2014", "\u2013"))
            and len(dm.group("place")) >= 3
            and dm.group("place").isupper()
        ):
            dateline = Span.of(text, line.start, line.start + len(dm.group().rstrip()))
            if dm.group("agency"):
                agency = agency or dm.group("agency").strip()
            dateline_date = dm.group("date")
            # The dateline stays inside the paragraph it opens (Article.dateline points at
            # it); a line that is nothing but a dateline is not a body paragraph.
            if strip_span(text, line.start + dm.end(), line.end)[0] >= line.end:
                role[i] = "dateline"
            break
        if title is None and first_body < 0 and _is_title_like(line.text) and i + 1 < len(lines):
            title = line
            role[i] = "title"
            continue
        if first_body < 0:
            first_body = i
        if i - first_body >= 2:
            break

    # a standfirst: the line after the title when a byline or dateline follows it,
    # or when it is one short sentence without quotes
    if title is not None:
        t_index = lines.index(title)
        nxt = t_index + 1
        while nxt < len(lines) and role[nxt] == "furniture":
            nxt += 1
        if nxt < len(lines) and role[nxt] == "body" and nxt + 1 < len(lines):
            after = nxt + 1
            while after < len(lines) and role[after] == "furniture":
                after += 1
            line_n = lines[nxt]
            one_sentence = len(sentence_spans(text, line_n.start, line_n.end)) == 1
            if (
                after < len(lines)
                and (
                    role[after] == "byline"
                    or (
                        dateline is not None
                        and lines[after].start >= dateline.start
                        and lines[after].start <= dateline.end + 1
                    )
                )
            ) or (
                one_sentence and len(line_n.text) <= 160 and not QUOTE_MARK_RE.search(line_n.text)
            ):
                standfirst = line_n
                role[nxt] = "standfirst"

    if found_date is None and dateline_date is not None and date_line is not None:
        found_date = None  # a dateline without a year takes no year from a scrape date
    if found_date is None and dateline_date is not None:
        found_date = parse_date_text(dateline_date, anchor=caller_date)
        if found_date is not None and not _YEAR_RE.search(dateline_date):
            found_date = None if caller_date is None else found_date

    paragraphs: list[Span] = []
    sentences: list[Span] = []
    for i, line in enumerate(lines):
        if role[i] == "furniture":
            boiler.append(line)
        elif role[i] == "body":
            paragraphs.append(line)
            sentences.extend(sentence_spans(text, line.start, line.end))
    values: dict[str, object] = {
        "id": art_id,
        "text": text,
        "title": title,
        "standfirst": standfirst,
        "byline": tuple(byline),
        "dateline": dateline,
        "agency": agency,
        "published": caller_date or found_date,
        "date_line": date_line,
        "paragraphs": tuple(paragraphs),
        "sentences": tuple(sentences),
        "boilerplate": tuple(boiler),
        "source": source,
    }
    published_ = values["published"]
    if (published_ is None or type(published_) is date) and (agency is None or type(agency) is str):
        # Every span was cut from ``text`` itself, so it slices it: what validation checks.
        return construct_trusted(Article, values)
    return Article(**values)
