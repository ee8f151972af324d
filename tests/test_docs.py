"""Every module's doctests run, and enough of them to notice when some stop being collected.

Like sqlglot's ``tests/test_docs.py``: pytest already runs ``--doctest-modules``
over ``src/`` and ``--doctest-glob="*.md"`` over ``docs/``, but a module that
stops importing, or a moved folder, would silently drop its examples from that
run. This file walks the package itself, runs each module's doctests, and
asserts minimum counts of modules and examples.
"""

from __future__ import annotations

import doctest
import importlib
import pkgutil
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

import attribution

DOCS = Path(__file__).resolve().parents[1] / "docs"

# Measured when written: 17 modules (the package and 16 submodules, __main__ left
# out), 249 examples. The floors leave room to move examples around, not to lose a module.
MIN_MODULES = 15
MIN_EXAMPLES = 220
MIN_DOC_PAGES = 5

# As in pyproject.toml's doctest_optionflags.
OPTIONFLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _module_names() -> list[str]:
    # __main__ runs the command line on import.
    names = [attribution.__name__]
    names += [
        m.name
        for m in pkgutil.walk_packages(attribution.__path__, f"{attribution.__name__}.")
        if m.name.rsplit(".", 1)[-1] != "__main__"
    ]
    return sorted(names)


MODULES = _module_names()


@cache
def _doctests(name: str) -> list[doctest.DocTest]:
    module: ModuleType = importlib.import_module(name)  # a broken import fails here, loudly
    finder = doctest.DocTestFinder(exclude_empty=True)
    return [t for t in finder.find(module) if t.examples]


def test_enough_modules_are_walked() -> None:
    assert len(MODULES) >= MIN_MODULES, MODULES
    for expected in ("attribution.models", "attribution.pipeline", "attribution.evaluate"):
        assert expected in MODULES


def test_enough_examples_are_found() -> None:
    total = sum(len(t.examples) for name in MODULES for t in _doctests(name))
    assert total >= MIN_EXAMPLES, f"only {total} doctest examples in {len(MODULES)} modules"


@pytest.mark.parametrize("name", MODULES)
def test_module_doctests_pass(name: str) -> None:
    runner = doctest.DocTestRunner(optionflags=OPTIONFLAGS)
    report: list[str] = []
    for test in _doctests(name):
        runner.run(test, out=report.append)
    result = runner.summarize(verbose=False)
    assert result.failed == 0, "".join(report)


def _doc_pages() -> list[Path]:
    return sorted(DOCS.glob("*.md"))


def test_enough_doc_pages() -> None:
    assert len(_doc_pages()) >= MIN_DOC_PAGES, _doc_pages()


@pytest.mark.parametrize("page", _doc_pages(), ids=lambda p: p.name)
def test_doc_page_has_an_example(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    # get_examples raises ValueError on a malformed example (bad indentation, missing space).
    examples = doctest.DocTestParser().get_examples(text, name=page.name)
    assert examples, f"{page.name} has no >>> example"
