"""Shared test configuration: the hypothesis profiles and the seed-article fixtures.

Two profiles, chosen with the ``HYPOTHESIS_PROFILE`` environment variable:

- ``ci`` (the default): a bounded number of examples per property, no deadline
  (a slow shared runner must not turn into a flaky failure), and derandomized, so
  that a run is reproducible and the whole property suite stays under 40 seconds
  on two cores.
- ``dev``: many more examples, random seeds and the example database, for a long
  local hunt: ``HYPOTHESIS_PROFILE=dev python -m pytest tests/property``.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

settings.register_profile(
    "ci",
    max_examples=120,
    deadline=None,
    derandomize=True,
    database=None,
    print_blob=True,
    # Texts of a few hundred characters through the whole pipeline are slow to generate
    # and to run compared with hypothesis' expectations for a unit test.
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "dev",
    max_examples=2_000,
    deadline=None,
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    """The seed articles (``seeds/*.txt``), in file order."""
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def build_ordinary_text(seeds: list[str], size: int) -> str:
    """Exactly ``size`` characters of ordinary news: the seed articles, repeated.

    Every paragraph of every copy gets a numbered suffix, "(3.7)", so that no line
    repeats: :func:`attribution.parse_article` treats a repeated line as page furniture,
    and a corpus of identical copies would be mostly boilerplate.
    """
    out: list[str] = []
    total = 0
    copy = 0
    while total < size:
        for seed in seeds:
            paragraphs = seed.split("\n\n")
            numbered = "\n\n".join(
                f"{p} ({copy}.{i})" if p.strip() else p for i, p in enumerate(paragraphs)
            )
            out.append(numbered)
            total += len(numbered) + 2
            copy += 1
    return "\n\n".join(out)[:size]


@pytest.fixture(scope="session")
def ordinary_text(seed_texts: list[str]) -> Callable[[int], str]:
    """A factory: ``ordinary_text(n)`` is ``n`` characters of ordinary news text."""
    return lambda size: build_ordinary_text(seed_texts, size)
