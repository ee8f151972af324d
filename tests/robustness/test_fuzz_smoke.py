"""The CI smoke run of the fuzz target (``fuzz/fuzz_attribution.py``).

A few hundred inputs through the target's own checks (spans, determinism, JSON and
pickle round trips, bytes policy, no mutation), without atheris: the seed articles,
mutations of them, news-piece soup, random text and random bytes. The long
coverage-guided run is documented in ``fuzz/README.md``.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import attribution as at
from attribution import Span

TARGET = Path(__file__).resolve().parents[2] / "fuzz" / "fuzz_attribution.py"


@pytest.fixture(scope="module")
def target() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fuzz_attribution", TARGET)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("seed", [0, 1])
def test_random_inputs_pass_every_check(target: ModuleType, seed: int) -> None:
    summary = target.run_iterations(150, seed=seed, timeout=30.0)
    assert summary["failure"] is None, summary["failure"]
    assert summary["inputs"] == 150


def test_the_inputs_are_varied(target: ModuleType) -> None:
    inputs = [data for _, data in zip(range(200), target.random_inputs(0), strict=False)]
    assert len(set(inputs)) > 190
    assert any(not _is_utf8(d) for d in inputs)  # some invalid UTF-8
    assert sum(len(at.extract_claims(d.decode("utf-8", "replace"))) > 0 for d in inputs) > 20


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def test_the_checks_catch_a_span_that_does_not_slice(target: ModuleType) -> None:
    bad = Span.model_construct(start=0, end=3, text="xyz")
    with pytest.raises(AssertionError, match="does not slice"):
        target._slices("abcdef", iter([bad]), "test")


def test_the_checks_catch_a_wrong_decode_offset(
    target: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    def wrong_offset(text: object, **kwargs: object) -> object:
        raise at.InputDecodeError("bad", offset=0)

    monkeypatch.setattr(target.at, "parse_article", wrong_offset)
    with pytest.raises(AssertionError, match="offset 0, first bad byte at 3"):
        target.check(b"abc\xff")


def test_the_checks_catch_nondeterminism(
    target: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = at.extract_figures
    calls: list[object] = []

    def drifting(article: object, **kwargs: object) -> list[object]:
        calls.append(article)
        return real(article) if len(calls) == 1 else []  # type: ignore[arg-type]

    monkeypatch.setattr(target.at, "extract_figures", drifting)
    with pytest.raises(AssertionError, match="extract_figures: not deterministic"):
        target.check_text("Officials said 12 people died.")
