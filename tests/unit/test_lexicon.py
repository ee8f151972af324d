"""The word lists in attribution/data/ and the Lexicon that bundles them.

The files are data that editors grow by hand, so the checks here are what an
editor can get wrong: order, duplicates, encoding, case, columns, values out of
their closed sets, and people's names where only generic words belong.
"""

from __future__ import annotations

import copy
import pickle
from importlib import resources
from typing import Any

import pytest

from attribution.lexicon import Lexicon, load_table, load_words
from attribution.models import Span
from attribution.speakers import resolve_speakers

STANCES = frozenset({"neutral", "distancing", "denial", "endorsing", "other"})
FRAMES = frozenset({"clause", "object", "infinitive"})

DATA = resources.files("attribution").joinpath("data")
FILES = sorted(p.name for p in DATA.iterdir() if p.name.endswith((".txt", ".tsv")))

# Columns a row of each table has: key, value(s).
COLUMNS = {
    "aliases.tsv": 2,
    "nationalities.tsv": 2,
    "noun_cues.tsv": 3,
    "places.tsv": 2,
    "reporting_verbs.tsv": 3,
    "transliterations.tsv": 2,
}
# Files whose rows may be capitalized: names of agencies, places, nationalities, aliases.
CAPITALIZED = frozenset({"agencies.txt", "aliases.tsv", "nationalities.tsv", "places.tsv"})
KNOWN_UNSORTED = {"furniture.txt": '"editors choice" is listed before "editor\'s choice"'}


def raw(name: str) -> bytes:
    return DATA.joinpath(name).read_bytes()


def header(name: str) -> str:
    """The comment lines at the top of a file, joined."""
    lines = raw(name).decode("utf-8").splitlines()
    return " ".join(line.lstrip("# ") for line in lines if line.startswith("#"))


def rows(name: str) -> list[list[str]]:
    """The entries of a file, comments and blank lines dropped, split on tabs."""
    out = []
    for line in raw(name).decode("utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        out.append(line.split("#", 1)[0].rstrip(" ").split("\t"))
    return out


def files(*, marks: dict[str, str] | None = None) -> list[Any]:
    marks = marks or {}
    return [
        pytest.param(
            name,
            id=name,
            marks=[pytest.mark.xfail(strict=True, reason=marks[name])] if name in marks else [],
        )
        for name in FILES
    ]


def test_there_are_data_files() -> None:
    assert len(FILES) >= 15
    assert set(COLUMNS) <= set(FILES)


# --------------------------------------------------------------------------------------
# Every file


@pytest.mark.parametrize("name", files())
def test_utf8_lf_final_newline(name: str) -> None:
    data = raw(name)
    data.decode("utf-8")  # strict: raises on a bad byte
    assert not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    assert b"\r" not in data, "LF line ends only"
    assert data.endswith(b"\n")
    assert header(name), "a comment says what the list is"


@pytest.mark.parametrize("name", files(marks=KNOWN_UNSORTED))
def test_sorted(name: str) -> None:
    keys = [r[0] for r in rows(name)]
    assert keys == sorted(keys)


@pytest.mark.parametrize("name", files())
def test_unique(name: str) -> None:
    keys = [r[0] for r in rows(name)]
    assert sorted(k for k in set(keys) if keys.count(k) > 1) == []


@pytest.mark.parametrize("name", files())
def test_entries_are_trimmed(name: str) -> None:
    for cells in rows(name):
        assert all(c == c.strip() for c in cells), cells
        assert cells[0], cells


@pytest.mark.parametrize("name", files())
def test_columns(name: str) -> None:
    want = COLUMNS.get(name, 1)
    for cells in rows(name):
        assert len(cells) == want, cells


@pytest.mark.parametrize("name", files())
def test_lower_case_where_declared(name: str) -> None:
    declared = "lower case" in header(name).lower()
    assert declared or name in CAPITALIZED or name == "reporting_verbs.tsv"
    if name in CAPITALIZED:
        return
    # A capital in a lower-case list is a proper name slipping in.
    capitalized = [cells for cells in rows(name) if any(c != c.lower() for c in cells)]
    assert capitalized == []


# --------------------------------------------------------------------------------------
# Closed sets of values


def test_reporting_verb_stances_and_frames() -> None:
    for lemma, stance, frames in rows("reporting_verbs.tsv"):
        assert lemma.isalpha(), lemma
        assert lemma.islower(), lemma
        assert stance in STANCES, (lemma, stance)
        listed = [f for f in frames.split(",") if f]
        assert set(listed) <= FRAMES, (lemma, frames)
        assert len(listed) == len(set(listed)), (lemma, frames)


def test_noun_cue_stances() -> None:
    for noun, lemma, stance in rows("noun_cues.tsv"):
        assert stance in STANCES, (noun, stance)
        assert lemma.isalpha(), (noun, lemma)


def test_nationalities_name_places() -> None:
    places = set(load_table("places.tsv").values())
    assert set(load_table("nationalities.tsv").values()) <= places


def test_places_map_to_countries_listed_as_places() -> None:
    table = load_table("places.tsv")
    assert set(table.values()) <= set(table)


# --------------------------------------------------------------------------------------
# No people's names


def _kind(name: str) -> str | None:
    text = f"{name} said it was over."
    found = resolve_speakers(text, [Span.of(text, 0, len(name))])[0]
    return found.kind if found else None


def _starts_with_a_title(entry: str) -> bool:
    first = entry.split()[0].lower().rstrip(".")
    lex = Lexicon.default()
    return first in lex.honorifics or first in lex.titles


@pytest.mark.parametrize("name", sorted(CAPITALIZED))
def test_capitalized_lists_hold_no_titled_person(name: str) -> None:
    assert [cells[0] for cells in rows(name) if _starts_with_a_title(cells[0])] == []


@pytest.mark.parametrize("agency", sorted(load_words("agencies.txt")))
def test_agencies_are_not_people(agency: str) -> None:
    assert _kind(agency) in ("media", "organization")


ALIAS_NAMES = sorted({*load_table("aliases.tsv"), *load_table("aliases.tsv").values()})
MISREAD = {"Islamic State": "speakers reads the canonical 'Islamic State' as a person"}


@pytest.mark.parametrize(
    "alias",
    [
        pytest.param(
            a,
            id=a,
            marks=[pytest.mark.xfail(strict=True, reason=MISREAD[a])] if a in MISREAD else [],
        )
        for a in ALIAS_NAMES
    ],
)
def test_aliases_name_organizations_or_places(alias: str) -> None:
    assert _kind(alias) in ("organization", "government", "group", "media")


# --------------------------------------------------------------------------------------
# The Lexicon model


def test_default_is_loaded_once() -> None:
    assert Lexicon.default() is Lexicon.default()


def test_default_holds_the_files() -> None:
    lex = Lexicon.default()
    assert lex.reporting_verbs["deny"] == "denial"
    assert lex.frames("deny") == frozenset({"clause", "object"})
    assert lex.noun_cues["allegations"] == "allege"
    assert lex.noun_stances["denials"] == "denial"
    assert "concerned" in lex.attitudes
    assert "spokesman" in lex.titles
    assert "AFP" in lex.agencies
    assert lex.aliases["ISIL"] == "Islamic State"


def test_frames_default_to_clause() -> None:
    lex = Lexicon.default()
    assert lex.frames("not-a-verb") == frozenset({"clause"})
    empty = [r[0] for r in rows("reporting_verbs.tsv") if not r[2]]
    assert all(lex.frames(lemma) == frozenset({"clause"}) for lemma in empty)


@pytest.mark.parametrize(
    ("field", "entries", "probe"),
    [
        pytest.param("titles", ["tidewaiter"], "tidewaiter", id="set"),
        pytest.param("reporting_verbs", {"harrumph": "distancing"}, "harrumph", id="mapping"),
        pytest.param("aliases", {"Daesh group": "Islamic State"}, "Daesh group", id="aliases"),
        pytest.param("agencies", ["Yonhap"], "Yonhap", id="agencies"),
    ],
)
def test_extend_adds_and_leaves_the_default_alone(field: str, entries: Any, probe: str) -> None:
    default = Lexicon.default()
    before = default.model_dump()
    extended = default.extend(**{field: entries})
    assert probe in getattr(extended, field)
    assert probe not in getattr(default, field)
    assert default.model_dump() == before
    assert Lexicon.default() is default
    assert extended != default
    # everything else is carried over
    for other in Lexicon.model_fields:
        if other != field:
            assert getattr(extended, other) == getattr(default, other)


def test_extend_overrides_a_mapping_entry() -> None:
    extended = Lexicon.default().extend(reporting_verbs={"say": "other"})
    assert extended.reporting_verbs["say"] == "other"
    assert Lexicon.default().reporting_verbs["say"] == "neutral"


def test_extend_rejects_bad_arguments() -> None:
    with pytest.raises(ValueError, match="colours"):
        Lexicon.default().extend(colours=["red"])
    with pytest.raises(TypeError, match="mapping"):
        Lexicon.default().extend(reporting_verbs=["harrumph"])


def test_extended_tables_are_read_only() -> None:
    extended = Lexicon.default().extend(reporting_verbs={"harrumph": "distancing"})
    with pytest.raises(TypeError):
        extended.reporting_verbs["x"] = "y"  # type: ignore[index]


def test_default_tables_are_read_only() -> None:
    default = Lexicon.default()
    fresh = Lexicon(**{name: getattr(default, name) for name in Lexicon.model_fields})
    assert fresh.reporting_verbs is not default.reporting_verbs  # never touch the shared one
    with pytest.raises(TypeError):
        fresh.reporting_verbs["x"] = "y"  # type: ignore[index]


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_default_pickles(protocol: int) -> None:
    lex = Lexicon.default()
    back = pickle.loads(pickle.dumps(lex, protocol=protocol))
    assert back == lex
    assert hash(back) == hash(lex)
    assert back.reporting_verbs == lex.reporting_verbs


def test_extended_pickles() -> None:
    extended = Lexicon.default().extend(reporting_verbs={"harrumph": "distancing"})
    back = pickle.loads(pickle.dumps(extended))
    assert back == extended
    assert back.reporting_verbs["harrumph"] == "distancing"


def test_copies_and_json_round_trip() -> None:
    lex = Lexicon.default()
    assert copy.deepcopy(lex) == lex
    assert Lexicon.model_validate_json(lex.model_dump_json()) == lex


def test_hashes() -> None:
    lex = Lexicon.default()
    fresh = Lexicon(**{name: getattr(lex, name) for name in Lexicon.model_fields})
    assert fresh == lex
    assert hash(fresh) == hash(lex)
    assert {lex: "default"}[fresh] == "default"
    assert hash(lex.extend(titles=["tidewaiter"])) == hash(lex.extend(titles=["tidewaiter"]))


def test_extended_hash_is_its_own() -> None:
    lex = Lexicon.default()
    hash(lex)  # cache the default's hash first
    extended = lex.extend(titles=["tidewaiter"])
    rebuilt = Lexicon(**{name: getattr(extended, name) for name in Lexicon.model_fields})
    assert rebuilt == extended
    assert hash(rebuilt) == hash(extended)
