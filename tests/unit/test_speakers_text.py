"""Speakers: what the article's text names outside the claims' mentions.

A surname-only person takes the one full name the text gives; a role ("the
observatory", "the ministry") takes the one body the text names with its head noun,
before it or after it, in any sentence, a claim's or not.
"""

from __future__ import annotations

import math
import re
import time

import pytest

from attribution.lexicon import load_table
from attribution.models import Span
from attribution.speakers import resolve_speakers

# An id local to one article: the slug, the article's hash, the mention's offset.
LOCAL = re.compile(r"^(?P<slug>[a-z0-9-]+)-[0-9a-f]{8}-\d+$")


def ids(text: str, *phrases: str) -> list[str]:
    """The speaker ids of ``phrases``, each searched in ``text`` after the previous one;
    an id local to the article is shown as its slug and ``<local>``."""
    mentions, pos = [], 0
    for p in phrases:
        i = text.index(p, pos)
        mentions.append(Span.of(text, i, i + len(p)))
        pos = i + len(p)
    out = []
    for s in resolve_speakers(text, mentions):
        assert s is not None
        m = LOCAL.match(s.id)
        out.append(f"{m.group('slug')}-<local>" if m else s.id)
    return out


# --------------------------------------------------------------------------------------
# A surname alone takes the one full name of the text.

PERSONS = [
    pytest.param(
        "Petrova said the port would reopen on Monday. The talks were chaired by Deputy "
        "Prime Minister Anna Petrova, who flew in from Riga.",
        ["Petrova"],
        ["anna-petrova"],
        id="full-name-after-in-a-sentence-that-is-no-claim",
    ),
    pytest.param(
        "Trade envoy Tomas Halvorsen arrived on Sunday. Mr Halvorsen said the deal was close.",
        ["Mr Halvorsen"],
        ["tomas-halvorsen"],
        id="full-name-before-with-a-title-honorific-on-the-mention",
    ),
    pytest.param(
        "Ms Okonkwo said the clinic had run out of vaccines. Health Minister Adaeze Okonkwo "
        "visited the clinic a week ago, and Okonkwo later said more doses were coming.",
        ["Ms Okonkwo", "Okonkwo"],
        ["adaeze-okonkwo", "adaeze-okonkwo"],
        id="honorific-and-bare-surname-both",
    ),
    pytest.param(
        "Mayor Ivan Dressler opened the bridge. Dressler said it cost too much. Mayor "
        "Ivan Dressler is in his second term.",
        ["Dressler"],
        ["ivan-dressler"],
        id="one-person-named-twice",
    ),
    pytest.param(
        "Anna Petrova and Ivan Petrova chaired the talks. Ms Petrova said the port would reopen.",
        ["Ms Petrova"],
        ["petrova"],
        id="two-people-with-the-surname-neither",
    ),
    pytest.param(
        "Judge Carla Brandt heard the case. Brandt said the ruling was final. Her brother "
        "Martin Brandt runs a bakery.",
        ["Brandt"],
        ["brandt"],
        id="two-people-with-the-surname-one-of-them-after",
    ),
    pytest.param(
        "Halvorsen said the deal was close.",
        ["Halvorsen"],
        ["halvorsen"],
        id="no-full-name-in-the-text",
    ),
]


@pytest.mark.parametrize(("text", "mentions", "expected"), PERSONS)
def test_surname_takes_the_one_full_name_of_the_text(
    text: str, mentions: list[str], expected: list[str]
) -> None:
    assert ids(text, *mentions) == expected


# --------------------------------------------------------------------------------------
# A role takes the one body the text names with its head noun.

BODIES = [
    pytest.param(
        "The Baltic Observatory for Coastal Safety counted the ships. The observatory said "
        "six had sunk.",
        ["The observatory"],
        ["baltic-observatory-for-coastal-safety"],
        id="before-with-the-name-after-its-head",
    ),
    pytest.param(
        "The observatory said six ships had sunk. The Baltic Observatory for Coastal Safety "
        "is based in Riga and counts ships every night.",
        ["The observatory"],
        ["baltic-observatory-for-coastal-safety"],
        id="after-in-a-sentence-that-is-no-claim",
    ),
    pytest.param(
        "The observatory said six ships had sunk, according to a count by the Baltic "
        "Observatory for Coastal Safety.",
        ["The observatory"],
        ["baltic-observatory-for-coastal-safety"],
        id="after-in-the-same-sentence",
    ),
    pytest.param(
        "The observatory said six ships had sunk. The observatory added that two were "
        "towed. The Baltic Observatory for Coastal Safety is based in Riga.",
        ["The observatory", "The observatory"],
        ["baltic-observatory-for-coastal-safety"] * 2,
        id="after-a-role-mentioned-twice",
    ),
    pytest.param(
        "The observatory said six ships had sunk. The Baltic Observatory counts ships, and "
        "the Baltic Observatory for Coastal Safety publishes the count.",
        ["The observatory"],
        ["baltic-observatory-for-coastal-safety"],
        id="after-short-and-long-forms-of-one-name",
    ),
    pytest.param(
        "The ministry said the road would reopen. Officials at the Polish Ministry of "
        "Transport did not say when.",
        ["The ministry"],
        ["poland-transport-ministry"],
        id="state-body-after",
    ),
    pytest.param(
        "The ministry said the road would reopen. Poland's transport ministry runs it.",
        ["The ministry"],
        ["poland-transport-ministry"],
        id="state-body-of-a-possessive-country-after",
    ),
    pytest.param(
        "Poland's transport ministry runs the road. The ministry said it would reopen.",
        ["The ministry"],
        ["poland-transport-ministry"],
        id="state-body-of-a-possessive-country-before",
    ),
    pytest.param(
        "The ministry said the road would reopen. The Ministry of the Interior sent police.",
        ["The ministry"],
        ["interior-ministry"],
        id="of-the-in-the-name",
    ),
    pytest.param(
        "The Nordic Observatory on Tuesday published a count. The observatory said six "
        "ships had sunk.",
        ["The observatory"],
        ["nordic-observatory"],
        id="name-stops-at-a-time-word",
    ),
    pytest.param(
        "Maria Lindqvist's campaign said the poll was wrong. The Lindqvist campaign has "
        "said so before.",
        ["Maria Lindqvist's campaign"],
        ["lindqvist-campaign"],
        id="possessor-in-the-name-after",
    ),
    pytest.param(
        "The Polish ministry said the talks failed. Poland's transport ministry runs the road.",
        ["The Polish ministry"],
        ["poland-transport-ministry"],
        id="the-same-country-after",
    ),
    # No answer: each of these keeps an id local to its article.
    pytest.param(
        "The observatory said six ships had sunk. The Baltic Observatory for Coastal Safety "
        "and the Nordic Observatory counted them.",
        ["The observatory"],
        ["observatory-<local>"],
        id="two-bodies-with-the-head-after",
    ),
    pytest.param(
        "The observatory said six ships had sunk. The Nordic Observatory counted them. "
        "Later the Arctic Observatory counted again.",
        ["The observatory"],
        ["observatory-<local>"],
        id="two-bodies-with-the-head-in-two-sentences-after",
    ),
    pytest.param(
        "The Polish ministry said the talks failed. Norway's transport ministry runs the road.",
        ["The Polish ministry"],
        ["polish-ministry-<local>"],
        id="another-country-after",
    ),
    pytest.param(
        "Maria Lindqvist's campaign said the poll was wrong. The Okafor campaign disagreed.",
        ["Maria Lindqvist's campaign"],
        ["maria-lindqvists-campaign-<local>"],
        id="another-possessor-after",
    ),
    pytest.param(
        "The group said six ships had sunk. The Baltic Shipping Group owns them.",
        ["The group"],
        ["group-<local>"],
        id="a-hypernym-does-not-look-ahead",
    ),
    pytest.param(
        "The observatory said six ships had sunk. Two coastal observatories counted them.",
        ["The observatory"],
        ["observatory-<local>"],
        id="common-words-name-no-body",
    ),
]


@pytest.mark.parametrize(("text", "mentions", "expected"), BODIES)
def test_role_takes_the_one_body_the_text_names(
    text: str, mentions: list[str], expected: list[str]
) -> None:
    assert ids(text, *mentions) == expected


def test_role_named_ahead_keeps_its_surface_form() -> None:
    text = "The observatory said six ships had sunk. The Baltic Observatory counts ships."
    [s] = resolve_speakers(text, [Span.of(text, 0, 15)])
    assert s is not None
    assert (s.id, s.name, s.kind, s.aliases) == (
        "baltic-observatory",
        "Baltic Observatory",
        "organization",
        ("The observatory",),
    )


def test_role_named_ahead_joins_a_later_mention_of_the_body() -> None:
    text = (
        "The observatory said six ships had sunk. The observatory added that two were "
        "towed. The Baltic Observatory for Coastal Safety said more would follow."
    )
    assert (
        ids(text, "The observatory", "The observatory", "The Baltic Observatory for Coastal Safety")
        == ["baltic-observatory-for-coastal-safety"] * 3
    )


def test_ids_do_not_depend_on_other_articles() -> None:
    text = "The observatory said six ships had sunk. The Baltic Observatory counts ships."
    assert ids(text, "The observatory") == ids(text, "The observatory") == ["baltic-observatory"]


# --------------------------------------------------------------------------------------
# Cost: the look ahead reads a bounded stretch of text per role that nothing resolved.

_NATIONALITIES = sorted(load_table("nationalities.tsv"))
_HEADS = ["ministry", "observatory", "council", "committee", "commission"]


def _roles_ahead(n: int) -> tuple[str, list[Span]]:
    """n roles of different countries and heads, each followed by a named body."""
    parts, mentions, pos = [], [], 0
    for i in range(n):
        head = _HEADS[i % len(_HEADS)]
        role = f"The {_NATIONALITIES[i // len(_HEADS) % len(_NATIONALITIES)]} {head}"
        sentence = f"{role} said so. The Unit {i} {head.capitalize()} met. "
        mentions.append((pos, pos + len(role)))
        parts.append(sentence)
        pos += len(sentence)
    text = "".join(parts)
    return text, [Span.of(text, a, b) for a, b in mentions]


def _seconds(text: str, mentions: list[Span]) -> float:
    best = math.inf
    for _ in range(2):
        start = time.process_time()
        found = resolve_speakers(text, mentions)
        best = min(best, time.process_time() - start)
    assert None not in found
    return best


def test_looking_ahead_is_linear() -> None:
    """Four times the roles take about four times as long (a quadratic step, sixteen)."""
    small, large = _roles_ahead(200), _roles_ahead(800)
    assert _seconds(*large) <= 8 * _seconds(*small) + 0.05


def test_a_huge_article_of_roles_stays_fast() -> None:
    """50,000 "said" and a role and a named body in every sentence."""
    unit = "The observatory said so. The Baltic Observatory for Coastal Safety met. "
    text = unit * 50_000
    mentions = [Span.of(text, i * len(unit), i * len(unit) + 15) for i in range(50_000)]
    start = time.process_time()
    found = resolve_speakers(text, mentions)
    assert time.process_time() - start < 20
    assert {s.id for s in found if s is not None} == {"baltic-observatory-for-coastal-safety"}
