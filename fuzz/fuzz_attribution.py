"""Fuzz target for ``attribution``: any input, every public function, every guarantee.

One input (bytes) goes through :func:`check`, which runs ``parse_article``,
``extract_claims``, ``extract_figures``, ``speakers`` and ``compare`` on it and fails
(``AssertionError``, or the library's own unexpected exception) unless:

- bytes that are not UTF-8 raise ``InputDecodeError`` at the offset of the first bad
  byte, and valid ones give the same article as the decoded ``str``;
- every span slices back to its text;
- the input is not mutated (a ``bytearray`` and the ``Article`` passed in);
- the same input twice gives equal results;
- every result survives a JSON round trip and a pickle round trip unchanged.

Two ways to run it (see ``fuzz/README.md``)::

    pip install -e ".[fuzz]"
    python fuzz/fuzz_attribution.py CORPUS_DIR -max_total_time=3600   # atheris, coverage-guided
    python fuzz/fuzz_attribution.py --iterations 2000 --seed 1        # no atheris: random inputs

The second is a plain random and mutation loop over the seed articles, news pieces and
random bytes; ``tests/robustness/test_fuzz_smoke.py`` runs it for a few hundred inputs.
"""

from __future__ import annotations

import argparse
import json
import pickle
import random
import re
import signal
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import Any

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"

try:
    import atheris
except ImportError:  # the random loop needs no atheris
    atheris = None

if atheris is not None and __name__ == "__main__" and "--iterations" not in sys.argv:
    # Coverage-guided run: instrument the library's bytecode as it is imported.
    with atheris.instrument_imports(include=["attribution"]):
        import attribution as at
else:
    import attribution as at

from attribution.corpus import Comparison  # noqa: E402
from attribution.models import Claim, Figure, Span  # noqa: E402

# ---------------------------------------------------------------------------------------
# Known bugs: tolerated and counted, so that the fuzzer keeps looking for new ones.
# Each is a strict xfail in tests/; delete its entry here when it is fixed.
# ---------------------------------------------------------------------------------------

KNOWN_BUGS: dict[str, tuple[type[BaseException], re.Pattern[str]]] = {}


# ---------------------------------------------------------------------------------------
# The checks
# ---------------------------------------------------------------------------------------


def _spans_of_figure(f: Figure) -> Iterator[Span]:
    yield f.span
    if f.counted_span is not None:
        yield f.counted_span


def _spans_of_claim(c: Claim) -> Iterator[Span]:
    yield c.content
    for s in (c.speaker_mention, c.cue, c.channel, c.via, c.when):
        if s is not None:
            yield s
    yield from c.parts
    for f in c.figures:
        yield from _spans_of_figure(f)


def _slices(text: str, spans: Iterator[Span], what: str) -> None:
    for s in spans:
        if not (0 <= s.start <= s.end <= len(text) and text[s.start : s.end] == s.text):
            raise AssertionError(f"{what}: span {s!r} does not slice the text")


def _round_trips(obj: Any, what: str) -> None:
    if type(obj).model_validate_json(obj.model_dump_json()) != obj:
        raise AssertionError(f"{what}: JSON round trip changed {type(obj).__name__}")
    if pickle.loads(pickle.dumps(obj)) != obj:
        raise AssertionError(f"{what}: pickle round trip changed {type(obj).__name__}")


def _same(a: object, b: object, what: str) -> None:
    if a != b:
        raise AssertionError(f"{what}: not deterministic (same input, different output)")


def check_bytes(data: bytes) -> str:
    """The bytes policy; returns the text to check further (invalid bytes: replaced)."""
    buffer = bytearray(data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        try:
            at.parse_article(buffer)
        except at.InputDecodeError as err:
            if err.offset != exc.start:
                raise AssertionError(
                    f"InputDecodeError offset {err.offset}, first bad byte at {exc.start}"
                ) from None
        else:
            raise AssertionError("invalid UTF-8 was accepted")
        text = data.decode("utf-8", "replace")
    else:
        if at.parse_article(buffer) != at.parse_article(text):
            raise AssertionError("bytes and str give different articles")
    if bytes(buffer) != data:
        raise AssertionError("parse_article mutated the caller's bytearray")
    return text


def check_text(text: str) -> None:
    """Every public function on ``text``, with the span, determinism and round-trip checks."""
    article = at.parse_article(text)
    if article.text != text:
        raise AssertionError("Article.text differs from the input")
    _slices(text, iter(article.spans()), "parse_article")
    _round_trips(article, "parse_article")
    _same(at.parse_article(text), article, "parse_article")
    dumped = article.model_dump()

    claims = at.extract_claims(article)
    for c in claims:
        _slices(text, _spans_of_claim(c), "extract_claims")
        _round_trips(c, "extract_claims")
    _same(at.extract_claims(text), claims, "extract_claims")
    if not text.strip() and claims:
        raise AssertionError("blank text gave claims")

    figures = at.extract_figures(article)
    for f in figures:
        _slices(text, _spans_of_figure(f), "extract_figures")
        _round_trips(f, "extract_figures")
    _same(at.extract_figures(text), figures, "extract_figures")

    people = at.speakers(claims)
    for p in people:
        _round_trips(p, "speakers")
    _same(at.speakers(claims), people, "speakers")
    if article.model_dump() != dumped:
        raise AssertionError("the Article was mutated")

    half = len(text) // 2
    texts = {"a": text[:half], "b": text[half:]}
    report: Comparison = at.compare(texts)
    for shared in report.shared_claims:
        for m in shared.members:
            _slices(texts[m.article], iter([m.content]), "compare")
    for conflict in report.figure_conflicts:
        for r in conflict.figures:
            _slices(texts[r.article], _spans_of_figure(r.figure), "compare")
    _round_trips(report, "compare")
    _same(at.compare(texts), report, "compare")


def check(data: bytes, known: Counter[str] | None = None) -> None:
    """Check one input; a known bug is counted in ``known`` instead of raised."""
    text = check_bytes(data)
    try:
        check_text(text)
    except Exception as exc:
        for name, (kind, pattern) in KNOWN_BUGS.items():
            if isinstance(exc, kind) and pattern.search(text):
                if known is not None:
                    known[name] += 1
                return
        raise


def test_one_input(data: bytes) -> None:
    """The atheris entry point."""
    check(data)


# ---------------------------------------------------------------------------------------
# The random loop (no atheris needed)
# ---------------------------------------------------------------------------------------

PIECES = [
    "said", "says", "told reporters", "according to", "claimed", "denied", "insisted",
    "did not confirm", "in a statement", "He", "She", "they", "Mr.", "Mr. Mr. Mr.", "Dr.",
    "President", "Foreign Minister Sergei Lavrov", "Lavrov", "the ministry", "Reuters", "(AP)",
    "U.S.", "officials", "activists", "a senior official", "12", "twelve", "at least 30",
    "more than 2,500", "1.2 million", "30 to 40", "civilians", "air strikes", "on Friday",
    "Oct. 4", "2015", "Su-25", "that", "the", "it", "was", '"', "'", "\u201c", "\u201d",
    "\u2018", "\u2019", "\u201e", "\u00ab", "\u00bb", "\u2039", "\u203a", "``", "''",
    ".", ",", ":", ";", "?", "!", "\u2014", "--", "(", ")", "\u2026", " ", " ", " ", "\n",
    "\n\n", "\r\n", "\r", "\t", "\f", "\v", "\u00a0", "\u200b", "\u200d", "\ufeff", "\u200e",
    "\u200f", "\u202e", "\u2028", "\u2029", "\x85", "\u3000", "\x00", "e\u0301", "\U0001f600",
    "\U0001f1fa\U0001f1f8", "\u0130", "\u00df", "\ufb01", "\u0661", "\u4e60\u8fd1\u5e73",
    "\u0642\u0627\u0644", "\u041f\u0435\u0441\u043a\u043e\u0432", "By Jane Doe",
    "MOSCOW (Reuters) --", "Latest Headlines", "Promoted Links", "Monday 22 January 2018",
]  # fmt: skip
ALPHABET = (
    [chr(c) for c in range(0x20, 0x7F)]
    + list("\n\r\t\f\v\x00\x85\u00a0\u00e9\u00df\u0130\u0301\u0308\u200b\u200d\u200e\u200f")
    + list("\u2028\u2029\u202e\u3000\ufeff\u201c\u201d\u2018\u2019\u00ab\u00bb\u4e2d\u0645")
    + ["\U0001f600", "\U0001f44d", "\U00010348"]
)


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]


def _mutate(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", "replace")
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(7)
        at_ = rng.randint(0, len(text))
        if op == 0:  # insert a news piece
            text = text[:at_] + rng.choice(PIECES) + text[at_:]
        elif op == 1 and text:  # delete a stretch
            text = text[:at_] + text[at_ + rng.randint(1, 200) :]
        elif op == 2 and text:  # duplicate a stretch
            end = min(len(text), at_ + rng.randint(1, 300))
            text = text[:end] + text[at_:end] * rng.randint(1, 20) + text[end:]
        elif op == 3:  # one kind of whitespace or quote for another
            old = rng.choice([" ", "\n", '"', "\u201c", "\u201d", "'", "."])
            text = text.replace(old, rng.choice(PIECES[-60:]), rng.randint(1, 50))
        elif op == 4:  # truncate
            text = text[:at_]
        elif op == 5:  # a run of one piece
            text = text[:at_] + rng.choice(PIECES) * rng.randint(2, 300) + text[at_:]
        else:  # random characters
            text = text[:at_] + "".join(rng.choices(ALPHABET, k=rng.randint(1, 20))) + text[at_:]
    raw = text.encode("utf-8")
    if raw and rng.random() < 0.05:  # sometimes break the UTF-8
        i = rng.randrange(len(raw))
        raw = raw[:i] + bytes([rng.choice([0x80, 0xC3, 0xE9, 0xED, 0xFF])]) + raw[i + 1 :]
    return raw


def random_inputs(seed: int) -> Iterator[bytes]:
    """An endless stream of inputs: seed mutations, news soup, random text and bytes."""
    rng = random.Random(seed)
    seeds = [s.encode("utf-8") for s in _seed_texts()]
    yield from seeds
    yield b""
    while True:
        kind = rng.random()
        if kind < 0.45 and seeds:
            yield _mutate(rng, rng.choice(seeds)[: rng.choice([400, 1500, 100_000])])
        elif kind < 0.75:
            sep = rng.choice(["", " ", " ", "\n"])
            yield sep.join(rng.choices(PIECES, k=rng.randint(0, 80))).encode("utf-8")
        elif kind < 0.92:
            yield "".join(rng.choices(ALPHABET, k=rng.randint(0, 300))).encode("utf-8")
        else:
            yield rng.randbytes(rng.randint(0, 300))


class _TimeoutError(Exception):
    pass


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    if seconds <= 0 or not hasattr(signal, "setitimer"):
        yield
        return

    def alarm(signum: int, frame: FrameType | None) -> None:
        raise _TimeoutError(f"took more than {seconds:g} s")

    old = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def run_iterations(
    iterations: int,
    *,
    seed: int = 0,
    timeout: float = 10.0,
    artifacts: Path | None = None,
    report: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Check ``iterations`` random inputs; stop at the first failure.

    Returns:
        A summary: ``inputs``, ``bytes``, ``seconds``, ``slowest`` (seconds, size),
        ``known`` (known bugs hit, by name), and ``failure`` (None, or a dict with
        ``error``, ``traceback`` and ``input`` as a Python literal; the input is also
        written under ``artifacts`` when given).
    """
    known: Counter[str] = Counter()
    chars = 0
    slowest = (0.0, 0)
    started = time.perf_counter()
    failure: dict[str, str] | None = None
    done = 0
    for n, data in zip(range(iterations), random_inputs(seed), strict=False):
        t0 = time.perf_counter()
        try:
            with _time_limit(timeout):
                check(data, known)
        except Exception as exc:  # a finding: report it with its input
            failure = {
                "error": f"{type(exc).__name__}: {exc}",
                "traceback": traceback.format_exc(),
                "input": repr(data),
            }
            if artifacts is not None:
                artifacts.mkdir(parents=True, exist_ok=True)
                path = artifacts / f"crash-seed{seed}-{n}.bin"
                path.write_bytes(data)
                failure["path"] = str(path)
            break
        took = time.perf_counter() - t0
        slowest = max(slowest, (round(took, 3), len(data)))
        chars += len(data)
        done += 1
        if report is not None and n and n % 500 == 0:
            report(f"{n} inputs, {chars:,} bytes, {time.perf_counter() - started:.0f} s")
    return {
        "inputs": done,
        "bytes": chars,
        "seconds": round(time.perf_counter() - started, 2),
        "slowest": slowest,
        "known": dict(known),
        "failure": failure,
    }


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if "--iterations" in argv:
        p = argparse.ArgumentParser(description="Random-input loop over the fuzz checks.")
        p.add_argument("--iterations", type=int, required=True)
        p.add_argument("--seed", type=int, default=0)
        p.add_argument("--timeout", type=float, default=10.0, help="seconds per input")
        p.add_argument(
            "--artifacts",
            type=Path,
            default=Path(tempfile.gettempdir()) / "attribution-fuzz",
            help="where a failing input is written",
        )
        args = p.parse_args(argv)
        summary = run_iterations(
            args.iterations,
            seed=args.seed,
            timeout=args.timeout,
            artifacts=args.artifacts,
            report=lambda line: print(line, file=sys.stderr),
        )
        failure = summary.pop("failure")
        print(json.dumps(summary))
        if failure is not None:
            print(failure["traceback"], file=sys.stderr)
            print(f"input: {failure['input'][:2000]}", file=sys.stderr)
            if "path" in failure:
                print(f"saved to {failure['path']}", file=sys.stderr)
            return 1
        return 0
    if atheris is None:
        print(
            "atheris is not installed: pip install -e '.[fuzz]', "
            "or run the random loop: python fuzz/fuzz_attribution.py --iterations N",
            file=sys.stderr,
        )
        return 2
    atheris.Setup([sys.argv[0], *argv], test_one_input)
    atheris.Fuzz()
    return 0


if __name__ == "__main__":
    sys.exit(main())
