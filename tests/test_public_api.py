"""The public surface: ``attribution.__all__``, its docstrings, and ``__version__``.

Modelled on httpx's ``tests/test_exported_members.py`` and its changelog check.
"""

from __future__ import annotations

import inspect
import re
import types
from pathlib import Path

import pytest

import attribution

CHANGELOG = Path(__file__).resolve().parents[1] / "CHANGELOG.md"

# The dunder names that are part of the API on purpose.
PUBLIC_DUNDERS = {"__version__"}


def _defined_public_names() -> set[str]:
    """Every public name bound in the package namespace, modules and __future__ flags aside."""
    names = set()
    for name, value in vars(attribution).items():
        if isinstance(value, types.ModuleType) or type(value).__module__ == "__future__":
            continue  # a submodule, or the flag bound by `from __future__ import annotations`
        if not name.startswith("_") or name in PUBLIC_DUNDERS:
            names.add(name)
    return names


def test_all_is_sorted() -> None:
    assert attribution.__all__ == sorted(attribution.__all__)


def test_all_has_no_duplicates() -> None:
    assert len(attribution.__all__) == len(set(attribution.__all__))


def test_all_is_complete() -> None:
    assert set(attribution.__all__) == _defined_public_names()


def test_all_names_exist_and_are_not_modules() -> None:
    for name in attribution.__all__:
        value = getattr(attribution, name)
        assert not isinstance(value, types.ModuleType), f"{name} is a module, not an API name"


def test_the_core_verbs_and_models_are_exported() -> None:
    # design.md's public API, at least.
    required = {
        "parse_article",
        "extract_claims",
        "extract_figures",
        "speakers",
        "compare",
        "evaluate",
        "AttributionError",
        "Article",
        "Claim",
        "Span",
        "Speaker",
        "Figure",
        "Comparison",
    }
    assert required <= set(attribution.__all__)
    assert issubclass(attribution.AttributionError, ValueError)
    for name in ("parse_article", "extract_claims", "extract_figures", "speakers", "compare"):
        assert callable(getattr(attribution, name)), name


CALLABLE_NAMES = [
    name
    for name in attribution.__all__
    if inspect.isclass(getattr(attribution, name)) or inspect.isroutine(getattr(attribution, name))
]


def test_every_exported_name_is_a_class_or_function_or_the_version() -> None:
    assert set(attribution.__all__) - set(CALLABLE_NAMES) == PUBLIC_DUNDERS
    assert len(CALLABLE_NAMES) >= 15


@pytest.mark.parametrize("name", CALLABLE_NAMES)
def test_public_name_has_a_doctest(name: str) -> None:
    obj = getattr(attribution, name)
    doc = obj.__doc__ or ""  # its own docstring, not one inherited from a base class
    assert doc.strip(), f"{name} has no docstring"
    assert ">>>" in doc, f"{name}'s docstring has no >>> example"


# Keep a Changelog: "## [Unreleased]", "## [0.1.0] - 2026-11-22".
_SECTION_RE = re.compile(r"^## \[(?P<name>[^\]]+)\]", re.MULTILINE)
_VERSION_RE = re.compile(r"\d+\.\d+\.\d+(?:[-.+]?[0-9A-Za-z.]+)?")


def _changelog_sections() -> list[str]:
    if not CHANGELOG.exists():
        pytest.skip(f"{CHANGELOG.name} does not exist yet")
    return _SECTION_RE.findall(CHANGELOG.read_text(encoding="utf-8"))


def test_changelog_sections_are_versions_or_unreleased() -> None:
    sections = _changelog_sections()
    assert sections, "CHANGELOG.md has no '## [...]' section"
    for name in sections:
        assert name == "Unreleased" or _VERSION_RE.fullmatch(name), name
    if "Unreleased" in sections:
        assert sections.index("Unreleased") == 0, "[Unreleased] must come first"


def test_version_matches_changelog() -> None:
    sections = _changelog_sections()
    released = [s for s in sections if s != "Unreleased"]
    if sections and sections[0] == "Unreleased":
        # Work in progress: the version stays at the last release (0.1.0 before any).
        expected = released[0] if released else "0.1.0"
    else:
        assert released, "CHANGELOG.md has neither [Unreleased] nor a released version"
        expected = released[0]
    assert attribution.__version__ == expected


def test_version_is_semver() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", attribution.__version__)
