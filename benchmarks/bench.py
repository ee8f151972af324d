"""Throughput, memory, growth and adversarial-input benchmarks for ``attribution``.

Usage::

    python benchmarks/bench.py [--mb 1.0] [--repeat 3] [--quick] [--timeout 120]
                               [--no-growth] [--no-adversarial] [--eval PATH | --no-eval]

Sections of the report (a Markdown table each):

1. **End to end**: ``parse_article`` + ``extract_claims`` over an ~1 MB corpus of news
   articles built from ``seeds/*.txt`` (each copy of a seed is one article whose
   paragraphs get a numbered suffix, since ``parse_article`` treats repeated lines as
   page furniture): characters/s, MB/s, articles/s.
2. **Per stage**: ``parse_article``, ``extract_claims`` (on parsed articles),
   ``extract_figures`` (on parsed articles), ``compare`` (on the claim lists).
3. **Peak memory** (``tracemalloc``): the corpus streamed article by article, and one
   1 MB text in one call.
4. **Growth**: one ordinary text of 0.25, 0.5, 1 and 2 MB through parse + claims; the
   time per MB relative to 0.25 MB (1.0 is linear).
5. **Adversarial inputs** (the robustness issue's list, at its sizes): time per MB
   relative to ordinary news text of the same size, per stage. Each measurement runs in
   a child process killed after ``--timeout`` seconds, and limited to ``--memory-gb`` of
   memory; a killed run is reported as a lower bound (">"), and one that ran out of memory
   as such.
6. Optionally the PolNeAR dev texts (``../shared/eval/polnear-dev.jsonl``, read only;
   only aggregate numbers are printed, never any text).

The report is printed and written to ``benchmarks/results/bench-<time>.md`` and
``benchmarks/results/bench-latest.md`` (the folder is gitignored).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import platform
import re
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
RESULTS = REPO / "benchmarks" / "results"
DEFAULT_EVAL = REPO.parent / "shared" / "eval" / "polnear-dev.jsonl"
MB = 1_000_000  # characters; the seed text is nearly all ASCII, so also about bytes

try:
    import attribution as at
except ModuleNotFoundError as e:  # a checkout without `pip install -e .`
    if e.name != "attribution":
        raise
    sys.path.insert(0, str(REPO / "src"))
    import attribution as at


# ---------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------


def seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def corpus(size: int) -> list[str]:
    """Articles totalling at least ``size`` characters: seed copies, paragraphs numbered."""
    seeds = seed_texts()
    out: list[str] = []
    total = copy = 0
    while total < size:
        for seed in seeds:
            paragraphs = seed.split("\n\n")
            text = "\n\n".join(
                f"{p} ({copy}.{i})" if p.strip() else p for i, p in enumerate(paragraphs)
            )
            out.append(text)
            total += len(text) + 2
            copy += 1
    return out


def ordinary(size: int) -> str:
    """Exactly ``size`` characters of ordinary news in one text (as tests/conftest.py)."""
    return "\n\n".join(corpus(size))[:size]


def _repeat(unit: str) -> Callable[[int], str]:
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _numbers(n: int) -> str:
    parts: list[str] = []
    total = i = 0
    while total < n:
        parts.append(f"{i} ")
        total += len(parts[-1])
        i += 1
    return "".join(parts)[:n]


def _nested(n: int) -> str:
    half = n // 2
    return _repeat("\u201c\u00ab\"\u2018'\u201e")(half) + _repeat("'\u2019\"\u00bb\u201d")(n - half)


def _one_sentence(n: int) -> str:
    return re.sub(r"[.\r\n]", " ", ordinary(n))


_SYLLABLES = ("ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "po")


def _name(i: int) -> str:
    return "".join(_SYLLABLES[int(d)] for d in str(i)).capitalize()


def _many_speakers(n: int) -> str:
    parts: list[str] = []
    total = i = 0
    while total < n:
        parts.append(f"{_name(i + 10)} {_name(i * 7 + 13)} said the talks would resume. ")
        total += len(parts[-1])
        i += 1
    return "".join(parts)[:n]


def _shared_statements(n: int) -> str:
    parts: list[str] = []
    total = i = 0
    while total < n:
        parts.append(f'"The strikes will go on in sector number {i} of the city," Lavrov said.\n\n')
        total += len(parts[-1])
        i += 1
    return "".join(parts)[:n]


def _quotes_without_letters(n: int) -> str:
    return _repeat('"..." ')(n)


# (name, builder, size in characters): the inputs at the sizes, then the
# ones the robustness tests added (tests/robustness/test_adversarial.py).
ADVERSARIAL: list[tuple[str, Callable[[int], str], int]] = [
    ("100,000 quote marks", _repeat('"'), 100_000),
    ("1 MB without a newline or a period (news)", _one_sentence, MB),
    ("1 MB without a newline or a period (one word)", _repeat("word "), MB),
    ('50,000 "said" ("He said " x 50,000)', _repeat("He said "), 400_000),
    ("deeply nested quotes", _nested, 100_000),
    ("unbalanced quotes", _repeat('"He said it '), 100_000),
    ("10,000 consecutive numbers", _numbers, 48_890),
    ('a megabyte of "Mr. Mr. Mr."', _repeat("Mr. "), MB),
    ('quotes without letters ("..." x n)', _quotes_without_letters, 100_000),
    ("a new speaker in every sentence", _many_speakers, 200_000),
    ("one speaker, one figure a sentence", _repeat("Lavrov said 12 people died. "), 200_000),
    ("near-identical statements, a paragraph each", _shared_statements, 400_000),
    ("blank lines (CRLF)", _repeat("\r\n"), MB),
    ('figure words ("twelve" x n)', _repeat("twelve "), 200_000),
    ("a megabyte of periods", _repeat("."), MB),
]


# ---------------------------------------------------------------------------------------
# Timing
# ---------------------------------------------------------------------------------------


def best_of(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def _end_to_end(text: str) -> object:
    return at.extract_claims(at.parse_article(text))


def _compare_halves(text: str) -> object:
    # Two articles, cut at a paragraph break when there is one near the middle.
    half = len(text) // 2
    cut = text.rfind("\n\n", half // 2, half)
    cut = half if cut < 0 else cut
    return at.compare({"a": text[:cut], "b": text[cut:]})


STAGES: dict[str, Callable[[str], object]] = {
    "parse+claims": _end_to_end,
    "extract_figures": lambda t: at.extract_figures(t),
    "compare": _compare_halves,
}


MEMORY_LIMIT = 4 * 2**30
"""Bytes of address space a child run may use (``--memory-gb``); beyond: MemoryError."""


class OutOfMemory(float):
    """A child run that hit the memory limit: the seconds it had run."""


def _child(conn: Any, stage: str, builder: Callable[[int], str], size: int) -> None:
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))
    except (ImportError, ValueError, OSError):  # not on this platform: no limit
        pass
    text = builder(size)
    STAGES[stage]("Warm up: officials said 12 people died.")
    t0 = time.perf_counter()
    try:
        STAGES[stage](text)
    except MemoryError:
        conn.send(("memory", time.perf_counter() - t0))
    else:
        conn.send(("ok", time.perf_counter() - t0))
    conn.close()


def timed_in_child(
    stage: str, builder: Callable[[int], str], size: int, timeout: float
) -> float | None:
    """Seconds for one call in a fresh process: None when it was killed at ``timeout``,
    an :class:`OutOfMemory` when it ran out of memory."""
    ctx = mp.get_context("fork") if hasattr(os, "fork") else mp.get_context()
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(child, stage, builder, size))
    proc.start()
    child.close()
    result: float | None = None
    if parent.poll(timeout):
        try:
            status, seconds = parent.recv()
            result = OutOfMemory(seconds) if status == "memory" else seconds
        except EOFError:  # the child died (killed by the system)
            result = OutOfMemory(0.0)
    if proc.is_alive():
        proc.kill()
    proc.join()
    return result


# ---------------------------------------------------------------------------------------
# Sections
# ---------------------------------------------------------------------------------------


def _table(head: list[str], rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(lines)


def section_throughput(articles: list[str], repeat: int) -> tuple[str, dict[str, Any]]:
    chars = sum(map(len, articles))
    n = len(articles)
    e2e = best_of(lambda: [at.extract_claims(at.parse_article(t)) for t in articles], repeat)
    parsed = [at.parse_article(t) for t in articles]
    claims = [at.extract_claims(a) for a in parsed]
    stages = {
        "parse_article": best_of(lambda: [at.parse_article(t) for t in articles], repeat),
        "extract_claims (parsed)": best_of(lambda: [at.extract_claims(a) for a in parsed], repeat),
        "extract_figures (parsed)": best_of(
            lambda: [at.extract_figures(a) for a in parsed], repeat
        ),
        "compare (claim lists)": best_of(
            lambda: at.compare({f"a{i}": c for i, c in enumerate(claims)}), repeat
        ),
    }
    rows = [_rate_row("end to end: parse_article + extract_claims", e2e, chars, n)]
    rows += [_rate_row(name, s, chars, n) for name, s in stages.items()]
    total_claims = sum(map(len, claims))
    text = (
        f"Corpus: {n} articles, {chars:,} characters, {total_claims:,} claims "
        f"(best of {repeat}).\n\n"
        + _table(["stage", "seconds", "chars/s", "MB/s", "articles/s"], rows)
    )
    return text, {"e2e_seconds": e2e, "chars": chars, "articles": n, "stages": stages}


def _rate_row(name: str, seconds: float, chars: int, n: int) -> list[str]:
    return [
        name,
        f"{seconds:.3f}",
        f"{chars / seconds:,.0f}",
        f"{chars / seconds / MB:.2f}",
        f"{n / seconds:,.1f}",
    ]


def section_memory(articles: list[str]) -> tuple[str, dict[str, Any]]:
    tracemalloc.start()
    for t in articles:
        at.extract_claims(at.parse_article(t))
    _, stream_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    one = ordinary(MB)
    tracemalloc.start()
    at.extract_claims(at.parse_article(one))
    _, one_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rows = [
        ["corpus streamed, one article at a time", f"{stream_peak / 2**20:.1f}"],
        ["one 1 MB text in one call", f"{one_peak / 2**20:.1f}"],
    ]
    return _table(["parse_article + extract_claims", "peak MiB (tracemalloc)"], rows), {
        "stream_peak": stream_peak,
        "one_mb_peak": one_peak,
    }


def section_growth(sizes: list[int], timeout: float) -> tuple[str, dict[str, Any]]:
    rows = []
    base: float | None = None
    out: dict[str, Any] = {}
    for size in sizes:
        s = timed_in_child("parse+claims", ordinary, size, timeout)
        if s is None or isinstance(s, OutOfMemory):
            rows.append([f"{size / MB:g}", f"> {timeout:g}", "-", "-"])
            continue
        per_mb = s / (size / MB)
        base = base or per_mb
        rows.append([f"{size / MB:g}", f"{s:.2f}", f"{per_mb:.2f}", f"{per_mb / base:.2f}"])
        out[str(size)] = s
    head = ["MB (one text)", "seconds", "s per MB", "s per MB / at smallest"]
    return _table(head, rows), out


def section_adversarial(
    cases: list[tuple[str, Callable[[int], str], int]], timeout: float, scale: float
) -> tuple[str, dict[str, Any]]:
    rows = []
    worst: tuple[float, str, str, bool] = (0.0, "", "", False)
    unfinished: list[str] = []
    ordinary_s: dict[tuple[str, int], float | None] = {}
    for name, builder, full in cases:
        size = max(1_000, int(full * scale))
        row = [name, f"{size:,}"]
        for stage in STAGES:
            key = (stage, size)
            if key not in ordinary_s:
                ordinary_s[key] = timed_in_child(stage, ordinary, size, timeout)
            base = ordinary_s[key]
            s = timed_in_child(stage, builder, size, timeout)
            if base is None:
                row.append("ordinary timed out")
                continue
            if isinstance(s, OutOfMemory):
                ratio, lower = s / base, True
                row.append(
                    f"out of memory ({MEMORY_LIMIT / 2**30:g} GiB) after {s:.0f} s (> {ratio:.0f}x)"
                )
                unfinished.append(f"{stage} on {name}: out of memory")
            elif s is None:
                ratio, lower = timeout / base, True
                row.append(f"> {timeout:g} s (> {ratio:.0f}x)")
                unfinished.append(f"{stage} on {name}: still running after {timeout:g} s")
            else:
                ratio, lower = s / base, False
                row.append(f"{s:.2f} s ({ratio:.1f}x)")
            if ratio > worst[0] and not lower:
                worst = (ratio, name, stage, lower)
        rows.append(row)
    head = ["input", "chars", *[f"{s}: time (ratio to ordinary)" for s in STAGES]]
    note = f"\n\nWorst time-per-MB ratio of a finished run: {worst[0]:.1f}x ({worst[2]} on {worst[1]})."
    if unfinished:
        note += " Did not finish (worse, unbounded): " + "; ".join(unfinished) + "."
    return _table(head, rows) + note, {"worst": worst, "unfinished": unfinished}


def section_eval(path: Path, limit: int | None) -> tuple[str, dict[str, Any]]:
    texts = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                texts.append(json.loads(line)["text"])
            if limit is not None and len(texts) >= limit:
                break
    chars = sum(map(len, texts))
    times = []
    for t in texts:
        t0 = time.perf_counter()
        at.extract_claims(at.parse_article(t))
        times.append(time.perf_counter() - t0)
    total = sum(times)
    times.sort()
    p50 = times[len(times) // 2]
    p99 = times[min(len(times) - 1, int(len(times) * 0.99))]
    rows = [
        [
            f"{len(texts)}",
            f"{chars:,}",
            f"{total:.2f}",
            f"{chars / total / MB:.2f}",
            f"{len(texts) / total:.1f}",
            f"{p50 * 1e3:.0f}",
            f"{p99 * 1e3:.0f}",
            f"{times[-1] * 1e3:.0f}",
        ]
    ]
    head = ["articles", "chars", "seconds", "MB/s", "articles/s", "p50 ms", "p99 ms", "max ms"]
    return f"`{path.name}` (read only; no text is reproduced).\n\n" + _table(head, rows), {
        "seconds": total,
        "chars": chars,
    }


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--mb", type=float, default=1.0, help="corpus size in MB (default 1)")
    p.add_argument("--repeat", type=int, default=3, help="runs per throughput figure (best)")
    p.add_argument("--timeout", type=float, default=120.0, help="seconds per child run")
    p.add_argument("--memory-gb", type=float, default=4.0, help="memory per child run")
    p.add_argument("--quick", action="store_true", help="small sizes: a fast sanity run")
    p.add_argument("--no-growth", action="store_true")
    p.add_argument("--no-adversarial", action="store_true")
    p.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="gold JSONL to time")
    p.add_argument("--no-eval", action="store_true")
    args = p.parse_args(argv)
    global MEMORY_LIMIT
    MEMORY_LIMIT = int(args.memory_gb * 2**30)

    size = int((0.1 if args.quick else args.mb) * MB)
    repeat = 1 if args.quick else args.repeat
    articles = corpus(size)
    at.extract_claims(at.parse_article(articles[0]))  # warm up: lexicons, compiled patterns

    parts = [
        f"# attribution {at.__version__} benchmark, {datetime.now():%Y-%m-%d %H:%M}",
        f"Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs, {platform.platform()}; one process.",
    ]
    summary: dict[str, Any] = {}

    print("throughput ...", file=sys.stderr)
    text, summary["throughput"] = section_throughput(articles, repeat)
    parts += ["## Throughput", text]

    print("memory ...", file=sys.stderr)
    text, summary["memory"] = section_memory(articles)
    parts += ["## Peak memory", text]

    if not args.no_growth:
        print("growth ...", file=sys.stderr)
        sizes = [25_000, 50_000, 100_000, 200_000] if args.quick else [MB // 4, MB // 2, MB, 2 * MB]
        text, summary["growth"] = section_growth(sizes, args.timeout)
        parts += ["## Growth with input size (ordinary news, one text)", text]

    if not args.no_adversarial:
        print("adversarial inputs ...", file=sys.stderr)
        scale = 0.1 if args.quick else 1.0
        text, summary["adversarial"] = section_adversarial(ADVERSARIAL, args.timeout, scale)
        parts += [
            "## Adversarial inputs: time per MB relative to ordinary news of the same size",
            text,
        ]

    if not args.no_eval and args.eval.exists():
        print("eval texts ...", file=sys.stderr)
        text, summary["eval"] = section_eval(args.eval, 30 if args.quick else None)
        parts += ["## Real articles", text]

    report = "\n\n".join(parts) + "\n"
    print(report)
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    (RESULTS / f"bench-{stamp}.md").write_text(report, encoding="utf-8")
    (RESULTS / "bench-latest.md").write_text(report, encoding="utf-8")
    (RESULTS / "bench-latest.json").write_text(
        json.dumps(summary, indent=2, default=str), encoding="utf-8"
    )
    print(f"written to {RESULTS / f'bench-{stamp}.md'}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
