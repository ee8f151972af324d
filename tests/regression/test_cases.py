"""Regression cases: one row a bug found, ``("short-name", text, expected claims)``.

Each expected claim names the fields the bug is about (kind, content, speaker
mention, cue, and any of channel, via, parts, stance, negated, speaker_kind),
as a careful reader gives them. A row whose bug is still open is marked
``xfail(strict=True)`` with what goes wrong, so that the fix is noticed; when it
passes, drop the mark and keep the row.
"""

from __future__ import annotations

from typing import Any

import pytest

import attribution
from attribution.models import Claim, Span


def C(kind: str, content: str, speaker: str | None, cue: str | None, **more: Any) -> dict[str, Any]:
    return {"kind": kind, "content": content, "speaker": speaker, "cue": cue, **more}


def _text(span: Span | None) -> str | None:
    return None if span is None else span.text


def _view(claim: Claim, fields: dict[str, Any]) -> dict[str, Any]:
    full: dict[str, Any] = {
        "kind": claim.kind,
        "content": claim.content.text,
        "speaker": _text(claim.speaker_mention),
        "cue": _text(claim.cue),
        "channel": _text(claim.channel),
        "via": _text(claim.via),
        "parts": tuple(p.text for p in claim.parts),
        "stance": claim.stance,
        "negated": claim.negated,
        "speaker_kind": claim.speaker.kind if claim.speaker else None,
    }
    return {k: full[k] for k in fields}


def case(name: str, text: str, expected: list[dict[str, Any]], bug: str | None = None) -> Any:
    marks = [pytest.mark.xfail(strict=True, reason=bug)] if bug else []
    return pytest.param(text, expected, id=name, marks=marks)


WRAPPED = (
    "Russian jets struck targets in the\n"
    "province of Idlib on Friday, the\n"
    "defence ministry said.\n"
    "\n"
    "Activists said the strikes had hit\n"
    "at least three villages near the\n"
    "city of Jisr al-Shughour."
)

CASES = [
    case(
        "lf-hard-wrapped-article",
        WRAPPED,
        [
            C(
                "indirect",
                "Russian jets struck targets in the\nprovince of Idlib on Friday",
                "the\ndefence ministry",
                "said",
            ),
            C(
                "indirect",
                "the strikes had hit\nat least three villages near the\ncity of Jisr al-Shughour",
                "Activists",
                "said",
            ),
        ],
    ),
    case(
        "said-after-clause-then-adding",
        "Russia's jets struck 20 targets, the ministry said, adding that no civilians were hurt.",
        [
            C("indirect", "Russia's jets struck 20 targets", "the ministry", "said", parts=()),
            C("indirect", "no civilians were hurt", "the ministry", "adding"),
        ],
    ),
    case(
        "declined-to-comment",
        "The president declined to comment.",
        [],
    ),
    case(
        "refused-to-say",
        "The firm refused to say how many jobs would go.",
        [],
        bug="two claims: 'to say how many jobs would go' (refused) and 'how many jobs would go' "
        "with the speaker mention 'The firm refused'",
    ),
    case(
        "bragged",
        "The minister bragged that the economy was booming.",
        [C("indirect", "the economy was booming", "The minister", "bragged", stance="distancing")],
    ),
    case(
        "islamic-state-is-not-a-person",
        "Islamic State said it had captured the town.",
        [
            C(
                "indirect",
                "it had captured the town",
                "Islamic State",
                "said",
                speaker_kind="organization",
            )
        ],
        bug="the canonical name of the aliases Daesh/IS/ISIL/ISIS is read as a person",
    ),
    case(
        "crlf-hard-wrapped-article",
        WRAPPED.replace("\n", "\r\n"),
        [
            C(
                "indirect",
                "Russian jets struck targets in the\r\nprovince of Idlib on Friday",
                "the\r\ndefence ministry",
                "said",
            ),
            C(
                "indirect",
                "the strikes had hit\r\nat least three villages near the\r\ncity of Jisr al-Shughour",
                "Activists",
                "said",
            ),
        ],
    ),
    case(
        "didnt-before-cue",
        "The coach didn't say that the striker would be sold.",
        [C("indirect", "the striker would be sold", "The coach", "say", negated=True)],
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_case(text: str, expected: list[dict[str, Any]]) -> None:
    found = attribution.extract_claims(text)
    got = [_view(c, e) for c, e in zip(found, expected, strict=False)]
    keys = dict.fromkeys(("kind", "content", "speaker", "cue"))
    got += [_view(c, keys) for c in found[len(expected) :]]
    assert got == expected
