"""The input policy of ``docs/robustness.md``, one rule at a time.

- ``str`` in; ``bytes`` (and ``bytearray``, ``memoryview``) decoded as UTF-8, or
  :class:`attribution.InputDecodeError` carrying the offset of the first bad byte;
- a lone surrogate in a ``str``: ``InputDecodeError`` with its offset;
- ``None`` and other types: ``TypeError`` whose message names the parameter;
- empty or whitespace-only text: an empty result, never an error;
- longer than ``max_chars``: :class:`attribution.InputTooLargeError`;
- CRLF and CR line endings, NBSP, zero-width characters, BOM, RTL marks, tabs, form
  feeds, combining characters, emoji and mixed scripts: no error, and every offset is
  a Python ``str`` index that slices back exactly.

Rows that fail today because of a bug in ``src/`` are strict xfails with the reason.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import attribution as at
from attribution import Article, Claim, Span
from attribution.article import DEFAULT_MAX_CHARS

SEED_PATHS = sorted((Path(__file__).resolve().parents[2] / "seeds").glob("*.txt"))
SHORT = '"We will go on," Lavrov said on Friday. Officials said at least 12 people died.'


def _claim_spans(c: Claim) -> Iterator[Span]:
    yield c.content
    for s in (c.speaker_mention, c.cue, c.channel, c.via, c.when):
        if s is not None:
            yield s
    yield from c.parts
    for f in c.figures:
        yield f.span
        if f.counted_span is not None:
            yield f.counted_span


def _assert_all_spans_slice(text: str) -> list[Claim]:
    article = at.parse_article(text)
    assert article.text == text
    for s in article.spans():
        assert text[s.start : s.end] == s.text
    claims = at.extract_claims(article)
    for c in claims:
        for s in _claim_spans(c):
            assert text[s.start : s.end] == s.text
    for f in at.extract_figures(article):
        assert text[f.span.start : f.span.end] == f.span.text
    return claims


# ---------------------------------------------------------------------------------------
# Types
# ---------------------------------------------------------------------------------------

TEXT_FUNCTIONS: list[tuple[str, Callable[[object], object], str]] = [
    ("parse_article", at.parse_article, "text"),
    ("extract_claims", at.extract_claims, "article"),
    ("extract_figures", at.extract_figures, "article"),
]
BAD_VALUES = [None, 12, 1.5, True, ["a text"], {"text": "a"}, object(), Path("a.txt")]


@pytest.mark.parametrize("value", BAD_VALUES, ids=lambda v: type(v).__name__)
@pytest.mark.parametrize(
    ("name", "fn", "param"), TEXT_FUNCTIONS, ids=[t[0] for t in TEXT_FUNCTIONS]
)
def test_a_wrong_type_is_a_type_error_naming_the_parameter(
    name: str, fn: Callable[[object], object], param: str, value: object
) -> None:
    assert param in inspect.signature(fn).parameters
    with pytest.raises(TypeError, match=rf"\b{param}\b"):
        fn(value)


@pytest.mark.parametrize("value", [None, 12, object()], ids=lambda v: type(v).__name__)
def test_speakers_wrong_type_names_claims(value: object) -> None:
    with pytest.raises(TypeError, match=r"\bclaims\b"):
        at.speakers(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [[None], [12], ["a text"]], ids=["None", "int", "str"])
def test_speakers_items_must_be_claims(value: list[object]) -> None:
    with pytest.raises(TypeError, match=r"\bclaims\b"):
        at.speakers(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [None, 12, "a text"], ids=["None", "int", "str"])
def test_compare_wrong_type_names_items(value: object) -> None:
    with pytest.raises(TypeError, match=r"\bitems\b"):
        at.compare(value)  # type: ignore[arg-type]


@pytest.mark.parametrize("value", [[None], [12], [{"a"}]], ids=["None", "int", "set"])
def test_compare_bad_items_name_their_index(value: list[object]) -> None:
    with pytest.raises(TypeError, match=r"items\[0\]"):
        at.compare(value)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("kwargs", "param"),
    [
        ({"id": 3}, "id"),
        ({"source": b"x"}, "source"),
        ({"published": 2015}, "published"),
        ({"max_chars": "10"}, "max_chars"),
        ({"max_chars": True}, "max_chars"),
        ({"max_chars": 1.5}, "max_chars"),
    ],
    ids=["id", "source", "published", "max_chars-str", "max_chars-bool", "max_chars-float"],
)
def test_parse_article_keyword_types(kwargs: dict[str, object], param: str) -> None:
    with pytest.raises(TypeError, match=rf"\b{param}\b"):
        at.parse_article("Officials said so.", **kwargs)  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# Bytes and Unicode validity
# ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "raw_type", [bytes, bytearray, memoryview], ids=["bytes", "bytearray", "memoryview"]
)
@pytest.mark.parametrize(
    ("name", "fn", "param"), TEXT_FUNCTIONS, ids=[t[0] for t in TEXT_FUNCTIONS]
)
def test_utf8_bytes_are_decoded(
    name: str, fn: Callable[[object], object], param: str, raw_type: type
) -> None:
    text = "Caf\u00e9 owner Jos\u00e9 Garc\u00eda said at least 12 people died \U0001f600."
    raw = raw_type(text.encode("utf-8"))
    assert fn(raw) == fn(text)


def test_bytes_offsets_are_offsets_into_the_decoded_text() -> None:
    text = "\u00c9mile Zola said the jets hit 12 targets \U0001f600 on Friday."
    article = at.parse_article(text.encode("utf-8"))
    assert article.text == text
    claims = at.extract_claims(article)
    assert claims, "the sentence has a claim"
    for c in claims:
        assert text[c.content.start : c.content.end] == c.content.text


@pytest.mark.parametrize(
    ("raw", "offset"),
    [
        (b"\xff", 0),
        (b"Caf\xe9 owner said it was fine.", 3),
        (b"ok so far \xc3", 10),  # a truncated two-byte sequence at the end
        (b"\xc0\xaf overlong", 0),
        (b"encoded surrogate \xed\xa0\x80", 18),
        (b"\xff\xfeO\x00k\x00", 0),  # UTF-16 with its BOM
        ("Z\u00fcrich said \u00e9".encode() + b"\x80", 15),  # offset in bytes, not chars
    ],
    ids=["ff", "latin1", "truncated", "overlong", "surrogate", "utf16", "after-multibyte"],
)
@pytest.mark.parametrize(
    ("name", "fn", "param"), TEXT_FUNCTIONS, ids=[t[0] for t in TEXT_FUNCTIONS]
)
def test_invalid_utf8_names_the_offset_of_the_bad_byte(
    name: str, fn: Callable[[object], object], param: str, raw: bytes, offset: int
) -> None:
    with pytest.raises(at.InputDecodeError, match=rf"offset {offset}\b") as info:
        fn(raw)
    assert info.value.offset == offset
    assert isinstance(info.value, at.AttributionError)
    assert isinstance(info.value, ValueError)


def test_a_utf8_bom_is_kept_as_a_character() -> None:
    # The BOM is U+FEFF at offset 0 of the decoded text: offsets count it.
    raw = b"\xef\xbb\xbfOfficials said the jets hit a school."
    article = at.parse_article(raw)
    assert article.text[0] == "\ufeff"
    (claim,) = at.extract_claims(article)
    assert claim.content.text == "the jets hit a school"
    assert claim.content.start == article.text.index("the jets")


@pytest.mark.parametrize("index", [0, 5, len(SHORT)], ids=["start", "middle", "end"])
@pytest.mark.parametrize(
    ("name", "fn", "param"), TEXT_FUNCTIONS, ids=[t[0] for t in TEXT_FUNCTIONS]
)
def test_a_lone_surrogate_is_refused_with_its_offset(
    name: str, fn: Callable[[object], object], param: str, index: int
) -> None:
    text = SHORT[:index] + "\udc80" + SHORT[index:]
    with pytest.raises(at.InputDecodeError, match=rf"offset {index}\b") as info:
        fn(text)
    assert info.value.offset == index


def test_a_surrogate_pair_written_as_two_escapes_is_refused() -> None:
    # "\ud83d\ude00" is two lone surrogates in a Python str, not an emoji.
    with pytest.raises(at.InputDecodeError) as info:
        at.extract_claims("Lavrov said \ud83d\ude00 it was over.")
    assert info.value.offset == len("Lavrov said ")


# ---------------------------------------------------------------------------------------
# Empty and whitespace-only text
# ---------------------------------------------------------------------------------------

BLANKS = ["", " ", "\n", "\r\n\r\n", "\t\f\v", "\u00a0\u2007\u202f", "\u200b\u200c\u200d",
          "\ufeff", "\u200e\u200f", "\u2028\u2029\x85", "\u3000", " \n\t\r\n\f\u00a0\ufeff "]  # fmt: skip


@pytest.mark.parametrize("text", BLANKS, ids=[repr(b) for b in BLANKS])
def test_blank_text_gives_an_empty_result(text: str) -> None:
    article = at.parse_article(text)
    assert article.text == text
    assert (article.title, article.paragraphs, article.sentences, article.byline) == (
        None,
        (),
        (),
        (),
    )
    assert at.extract_claims(text) == []
    assert at.extract_claims(text.encode("utf-8")) == []
    assert at.extract_figures(text) == []
    assert at.speakers(at.extract_claims(text)) == []
    report = at.compare({"blank": text})
    assert (report.speakers, report.shared_claims, report.figure_conflicts) == ((), (), ())
    assert [(o.article, o.claims) for o in report.outlets] == [("blank", 0)]


def test_empty_collections_give_empty_results() -> None:
    assert at.speakers([]) == []
    assert at.compare([]) == at.compare({})
    assert at.compare([]).outlets == ()


# ---------------------------------------------------------------------------------------
# Size
# ---------------------------------------------------------------------------------------


def test_default_max_chars_is_documented_and_large() -> None:
    assert isinstance(DEFAULT_MAX_CHARS, int)
    assert DEFAULT_MAX_CHARS >= 1_000_000
    assert inspect.signature(at.parse_article).parameters["max_chars"].default == DEFAULT_MAX_CHARS


def test_max_chars_is_inclusive() -> None:
    text = "Officials said the jets hit a school."
    assert at.parse_article(text, max_chars=len(text)).text == text
    with pytest.raises(at.InputTooLargeError) as info:
        at.parse_article(text, max_chars=len(text) - 1)
    assert (info.value.size, info.value.limit) == (len(text), len(text) - 1)
    assert "max_chars" in str(info.value)


def test_max_chars_counts_characters_not_bytes() -> None:
    text = "\U0001f600" * 10  # 40 bytes in UTF-8
    assert at.parse_article(text.encode("utf-8"), max_chars=10).text == text
    with pytest.raises(at.InputTooLargeError):
        at.parse_article(text.encode("utf-8"), max_chars=9)


def test_text_over_the_default_limit_is_refused_by_every_text_function() -> None:
    big = "x" * (DEFAULT_MAX_CHARS + 1)
    for fn in (at.parse_article, at.extract_claims, at.extract_figures):
        with pytest.raises(at.InputTooLargeError) as info:
            fn(big)
        assert info.value.limit == DEFAULT_MAX_CHARS
    with pytest.raises(at.InputTooLargeError):
        at.compare([big])


def test_a_negative_max_chars_is_refused() -> None:
    with pytest.raises((TypeError, ValueError), match="max_chars"):
        at.parse_article("x", max_chars=-1)


# ---------------------------------------------------------------------------------------
# Layout and script variants of the seed articles
# ---------------------------------------------------------------------------------------


def _key(c: Claim, fold: Callable[[str], str]) -> tuple[object, ...]:
    return (
        c.kind,
        fold(c.content.text),
        fold(c.speaker_mention.text) if c.speaker_mention else None,
        c.cue_lemma,
        c.stance,
        c.speaker.name if c.speaker else None,
        c.speaker.kind if c.speaker else None,
        len(c.figures),
    )


# (id, transform, inverse on span texts): layout-only changes that must not change the claims.
SAME_CLAIMS: list[tuple[str, Callable[[str], str], Callable[[str], str]]] = [
    ("crlf", lambda s: s.replace("\n", "\r\n"), lambda x: x.replace("\r\n", "\n")),
    ("cr", lambda s: s.replace("\n", "\r"), lambda x: x.replace("\r", "\n")),
    ("bom", lambda s: "\ufeff" + s, lambda x: x),
    ("form-feed-between-paragraphs", lambda s: s.replace("\n\n", "\n\f\n"), lambda x: x),
    ("trailing-spaces-and-tabs", lambda s: s.replace("\n", " \t\n"), lambda x: x),
    ("zero-width-space-lines", lambda s: s.replace("\n\n", "\n\u200b\n"), lambda x: x),
    ("rtl-mark-at-paragraph-start", lambda s: s.replace("\n\n", "\n\n\u200f"), lambda x: x),
    ("unicode-line-separators", lambda s: s.replace("\n\n", "\u2029"), lambda x: x),
]


@pytest.mark.parametrize("path", SEED_PATHS, ids=[p.stem[:3] for p in SEED_PATHS])
@pytest.mark.parametrize(
    ("variant", "transform", "inverse"), SAME_CLAIMS, ids=[v[0] for v in SAME_CLAIMS]
)
def test_layout_variants_give_the_same_claims(
    path: Path,
    variant: str,
    transform: Callable[[str], str],
    inverse: Callable[[str], str],
) -> None:
    original = path.read_text(encoding="utf-8")
    text = transform(original)
    claims = _assert_all_spans_slice(text)
    expected = [_key(c, lambda x: x) for c in at.extract_claims(original)]
    assert [_key(c, inverse) for c in claims] == expected


# Changes inside the lines: every span must still slice back, whatever the claims.
INSIDE_LINES: list[tuple[str, Callable[[str], str]]] = [
    ("nbsp-after-commas", lambda s: s.replace(", ", ",\u00a0")),
    ("tabs-after-periods", lambda s: s.replace(". ", ".\t")),
    ("zero-width-joiners", lambda s: s.replace("e", "e\u200d")),
    ("combining-accents", lambda s: s.replace("e", "e\u0301").replace("a", "a\u0300")),
    ("emoji", lambda s: s.replace(" the ", " \U0001f600 the \U0001f1fa\U0001f1f8 ")),
    ("rtl-embedding", lambda s: s.replace("said", "\u202bsaid\u202c")),
    ("arabic-and-cyrillic", lambda s: s.replace("Syria", "\u0633\u0648\u0631\u064a\u0627 Syria \u0421\u0438\u0440\u0438\u044f")),
    ("cjk", lambda s: s.replace("Russia", "\u4fc4\u7f57\u65af Russia")),
    ("soft-hyphens", lambda s: s.replace("tion", "\u00adtion")),
    ("nul-and-controls", lambda s: s.replace(". ", ".\x00\x07 ")),
    ("wide-spaces", lambda s: s.replace(" ", "\u3000", 40)),
]  # fmt: skip


@pytest.mark.parametrize("path", SEED_PATHS, ids=[p.stem[:3] for p in SEED_PATHS])
@pytest.mark.parametrize(("variant", "transform"), INSIDE_LINES, ids=[v[0] for v in INSIDE_LINES])
def test_character_variants_keep_offsets_exact(
    path: Path, variant: str, transform: Callable[[str], str]
) -> None:
    _assert_all_spans_slice(transform(path.read_text(encoding="utf-8")))


def test_offsets_are_python_str_indices() -> None:
    # An emoji outside the BMP is one str index (two in UTF-16, four in UTF-8).
    text = (
        '\U0001f600\U0001f1fa\U0001f1f8 "We will go on," Lavrov said. \u00c9mile said it was over.'
    )
    claims = at.extract_claims(text)
    direct = next(c for c in claims if c.kind == "direct")
    assert (direct.content.start, direct.content.end) == (5, 19)
    assert direct.content.text == "We will go on,"
    assert direct.speaker_mention is not None
    assert direct.speaker_mention.start == text.index("Lavrov")


def test_cr_and_crlf_keep_offsets_into_the_callers_text() -> None:
    lf = "Jets strike\n\nOfficials said the jets hit a school.\n\nActivists said 30 civilians died."
    for text in (lf, lf.replace("\n", "\r\n"), lf.replace("\n", "\r")):
        claims = at.extract_claims(text)
        assert [c.content.text for c in claims] == ["the jets hit a school", "30 civilians died"]
        assert claims[1].content.start == text.index("30 civilians died")


def test_mixed_scripts_in_a_claim() -> None:
    text = "Officials said \u4e60\u8fd1\u5e73 met \u041f\u0443\u0442\u0438\u043d in \u062f\u0645\u0634\u0642 on Friday."
    (claim,) = at.extract_claims(text)
    assert claim.content.text == (
        "\u4e60\u8fd1\u5e73 met \u041f\u0443\u0442\u0438\u043d in \u062f\u0645\u0634\u0642 on Friday"
    )


# ---------------------------------------------------------------------------------------
# Invisible characters and combining marks next to the speaker or the cue
# ---------------------------------------------------------------------------------------

CUE_GAPS = ["\t", "\u00a0", "\u2009", "\u3000"]


@pytest.mark.parametrize("gap", CUE_GAPS, ids=["tab", "nbsp", "thin-space", "ideographic"])
@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said so, according{}to Reuters.",
        "According{}to Reuters, the jets hit 12 targets.",
        "He pointed{}out that the jets hit a school.",
        "He was quoted{0}as{0}saying the jets hit a school.",
    ],
    ids=["according-to", "According-to", "pointed-out", "quoted-as-saying"],
)
def test_any_whitespace_inside_a_multiword_cue(sentence: str, gap: str) -> None:
    text = sentence.format(gap)
    expected = at.extract_claims(sentence.format(" "))
    claims = _assert_all_spans_slice(text)
    assert [c.cue_lemma for c in claims] == [c.cue_lemma for c in expected]


@pytest.mark.parametrize("gap", ["\u00a0", "\t"], ids=["nbsp", "tab"])
def test_nbsp_or_tab_between_words_gives_the_same_speakers(gap: str) -> None:
    text = (
        "Alexei Pushkov, the leader of the foreign affairs committee, heckled the campaign. "
        "The strikes have failed to stop the Islamic State, Pushkov noted. "
        "A joint statement said the strikes must stop."
    )
    expected = [(c.speaker.id, c.speaker.name) for c in at.extract_claims(text) if c.speaker]
    got = [
        (c.speaker.id, c.speaker.name.replace(gap, " "))
        for c in at.extract_claims(text.replace(" ", gap))
        if c.speaker
    ]
    assert got == expected


def test_combining_accents_in_a_name_keep_the_claim() -> None:
    nfc = "Jos\u00e9 Garc\u00eda said the jets hit a school."
    nfd = "Jose\u0301 Garci\u0301a said the jets hit a school."
    assert [c.content.text for c in at.extract_claims(nfc)] == ["the jets hit a school"]
    assert [c.content.text for c in at.extract_claims(nfd)] == ["the jets hit a school"]


@pytest.mark.parametrize(
    "text",
    [
        "Lavrov\u200e said the jets hit 12 targets.",
        "Lavrov said\u200b the jets hit 12 targets.",
        "\u2066Lavrov\u2069 said the jets hit 12 targets.",
        "Lavrov said\u00ad the jets hit 12 targets.",
    ],
    ids=["lrm", "zwsp", "isolate", "soft-hyphen"],
)
def test_invisible_format_characters_keep_the_claim(text: str) -> None:
    claims = _assert_all_spans_slice(text)
    assert [c.content.text for c in claims] == ["the jets hit 12 targets"]


def test_article_input_is_not_copied_or_changed() -> None:
    article = at.parse_article(SHORT)
    dumped = article.model_dump()
    at.extract_claims(article)
    at.extract_figures(article)
    at.compare([article])
    assert article.model_dump() == dumped
    assert isinstance(article, Article)
