"""Score ``attribution.extract_claims`` against gold annotations and print a table.

Usage::

    python benchmarks/eval_dev.py [GOLD.jsonl ...] [--limit N] [--show-errors K]
                                  [--dump [FILE]] [--predictor MODULE:FUNCTION]
                                  [--format table|json]

Without a path it reads ``../shared/eval/polnear-dev.jsonl`` next to the repository,
when that file exists. Each record's ``text`` goes through the predictor (by default
``attribution.extract_claims``); the claims are scored with ``attribution.evaluate``.
The table shows precision, recall and F1 overall and per kind for four metrics:
content found (partial), content exact, attribution (content and speaker), cue.

``--show-errors K`` prints up to K examples of each kind of error (missed, spurious,
wrong speaker, wrong cue, inexact span). ``--dump`` writes every mismatch as JSON Lines
under ``benchmarks/results/`` (gitignored: gold texts must never be committed).
A predictor that raises on a record is counted as predicting nothing for it; the
number of such failures and the first traceback are reported.
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

REPO = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = REPO.parent / "shared" / "eval" / "polnear-dev.jsonl"
RESULTS = REPO / "benchmarks" / "results"
DEFAULT_DUMP = RESULTS / "eval_dev_errors.jsonl"

try:
    import attribution  # noqa: F401
except ModuleNotFoundError as e:  # a checkout without `pip install -e .`
    if e.name != "attribution":
        raise
    sys.path.insert(0, str(REPO / "src"))

from attribution.evaluate import (  # noqa: E402
    Alignment,
    GoldArticle,
    GoldQuote,
    Scores,
    align,
    evaluate,
    load_gold,
)
from attribution.models import Claim  # noqa: E402

Predictor = Callable[[str], Sequence[Claim]]

#: The error categories, in the order they are shown and dumped.
CATEGORIES = ("missed", "spurious", "wrong_speaker", "wrong_cue", "inexact")


def load_predictor(spec: str) -> Predictor:
    """``"module:function"`` imported lazily (extract_claims may not exist yet)."""
    module_name, _, func_name = spec.partition(":")
    module = importlib.import_module(module_name)
    func = getattr(module, func_name or "extract_claims", None)
    if not callable(func):
        raise AttributeError(f"{module_name} has no function {func_name or 'extract_claims'!r}")
    return func  # type: ignore[no-any-return]


def predict_all(
    articles: Sequence[GoldArticle], predictor: Predictor
) -> tuple[list[list[Claim]], list[tuple[str, str]], float]:
    """Claims per article, the failures as (id, traceback), and the seconds taken."""
    predictions: list[list[Claim]] = []
    failures: list[tuple[str, str]] = []
    start = time.perf_counter()
    for article in articles:
        try:
            predictions.append(list(predictor(article.text)))
        except Exception:  # a benchmark reports failures instead of stopping at the first
            failures.append((article.id, traceback.format_exc()))
            predictions.append([])
    return predictions, failures, time.perf_counter() - start


def mismatches(
    articles: Sequence[GoldArticle], predictions: Sequence[Sequence[Claim]]
) -> Iterator[dict[str, Any]]:
    """Every error of the predictions, as a JSON-ready dict, in article order."""
    for article, claims in zip(articles, predictions, strict=True):
        alignment: Alignment = align(article, claims)
        for i in alignment.missed:
            yield _record("missed", article, article.quotes[i], None)
        for j in alignment.spurious:
            yield _record("spurious", article, None, claims[j])
        for pair in alignment.pairs:
            q, c = article.quotes[pair.gold], claims[pair.predicted]
            if not pair.speaker:
                yield _record("wrong_speaker", article, q, c)
            if not pair.cue:
                yield _record("wrong_cue", article, q, c)
            if not pair.exact:
                yield _record("inexact", article, q, c)


def _record(
    category: str, article: GoldArticle, gold: GoldQuote | None, claim: Claim | None
) -> dict[str, Any]:
    out: dict[str, Any] = {"type": category, "article": article.id}
    if gold is not None:
        out["gold"] = {
            "kind": gold.kind,
            "content": [gold.content_start, gold.content_end, gold.content],
            "speaker": [gold.speaker_start, gold.speaker_end, gold.speaker],
            "cue": [gold.cue_start, gold.cue_end, gold.cue],
        }
    if claim is not None:
        mention, cue = claim.speaker_mention, claim.cue
        out["predicted"] = {
            "kind": claim.kind,
            "content": [claim.content.start, claim.content.end, claim.content.text],
            "speaker": [mention.start, mention.end, mention.text] if mention else None,
            "speaker_id": claim.speaker.id if claim.speaker else None,
            "cue": [cue.start, cue.end, cue.text] if cue else None,
        }
    starts = [x["content"][0] for x in (out.get("gold"), out.get("predicted")) if x]
    ends = [x["content"][1] for x in (out.get("gold"), out.get("predicted")) if x]
    lo, hi = max(0, min(starts) - 80), min(len(article.text), max(ends) + 80)
    out["context"] = article.text[lo:hi]
    return out


def _short(s: str | None, width: int = 90) -> str:
    if s is None:
        return "-"
    s = " ".join(s.split())
    return s if len(s) <= width else s[: width - 3] + "..."


def show_errors(errors: Sequence[dict[str, Any]], k: int, out: TextIO) -> None:
    """Up to ``k`` examples of each error category."""
    for category in CATEGORIES:
        chosen = [e for e in errors if e["type"] == category]
        print(f"\n== {category}: {len(chosen)} (showing {min(k, len(chosen))})", file=out)
        for e in chosen[:k]:
            print(f"- {e['article']}", file=out)
            g, p = e.get("gold"), e.get("predicted")
            if g:
                print(
                    f"  gold {g['kind']:<8} {_short(g['content'][2])!r}\n"
                    f"       speaker={_short(g['speaker'][2])!r} cue={_short(g['cue'][2])!r}",
                    file=out,
                )
            if p:
                speaker = p["speaker"][2] if p["speaker"] else None
                cue = p["cue"][2] if p["cue"] else None
                print(
                    f"  pred {p['kind']:<8} {_short(p['content'][2])!r}\n"
                    f"       speaker={_short(speaker)!r} cue={_short(cue)!r}",
                    file=out,
                )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="eval_dev.py", description=__doc__.split("\n\n")[0] if __doc__ else None
    )
    parser.add_argument(
        "paths", nargs="*", type=Path, help=f"gold JSONL files (default: {DEFAULT_GOLD})"
    )
    parser.add_argument("--limit", type=int, default=None, help="score the first N articles")
    parser.add_argument(
        "--show-errors", type=int, default=0, metavar="K", help="print K examples of each error"
    )
    parser.add_argument(
        "--dump",
        nargs="?",
        type=Path,
        const=DEFAULT_DUMP,
        default=None,
        metavar="FILE",
        help=f"write every mismatch as JSON Lines (default file: {DEFAULT_DUMP})",
    )
    parser.add_argument(
        "--predictor",
        default="attribution:extract_claims",
        metavar="MODULE:FUNCTION",
        help="the function that maps a text to claims (default: attribution:extract_claims)",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def main(
    argv: Sequence[str] | None = None,
    *,
    predictor: Predictor | None = None,
    out: TextIO | None = None,
) -> int:
    """Run the evaluation; ``predictor`` overrides ``--predictor`` (for tests)."""
    out = out if out is not None else sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    paths: list[Path] = args.paths or [DEFAULT_GOLD]
    for path in paths:
        if not path.is_file():
            parser.error(f"no gold file at {path}")
    if args.limit is not None and args.limit < 0:
        parser.error(f"--limit must be 0 or more, not {args.limit}")

    articles: list[GoldArticle] = []
    for path in paths:
        articles.extend(load_gold(path))
    if args.limit is not None:
        articles = articles[: args.limit]

    name = getattr(predictor, "__name__", repr(predictor)) if predictor else args.predictor
    if predictor is None:
        try:
            predictor = load_predictor(args.predictor)
        except (ImportError, AttributeError) as e:
            parser.error(f"cannot load the predictor {args.predictor!r}: {e}")

    predictions, failures, seconds = predict_all(articles, predictor)
    scores: Scores = evaluate(articles, predictions)

    if args.format == "json":
        print(scores.model_dump_json(indent=2), file=out)
    else:
        chars = sum(len(a.text) for a in articles)
        print(f"predictor {name} on {', '.join(str(p) for p in paths)}", file=out)
        print(
            f"{len(articles)} articles, {chars} characters in {seconds:.2f} s "
            f"({chars / seconds if seconds else 0:,.0f} chars/s); {len(failures)} failed",
            file=out,
        )
        print(scores.table(), file=out)
        print("\nkind of found relations (gold -> predicted):", file=out)
        for gold_kind, row in scores.kind_confusion.items():
            cells = "  ".join(f"{k} {n:>5}" for k, n in row.items())
            print(f"  {gold_kind:<9} {cells}", file=out)
    if failures:
        print(f"\nfirst failure, article {failures[0][0]}:\n{failures[0][1]}", file=sys.stderr)

    errors: list[dict[str, Any]] = []
    if args.show_errors or args.dump:
        errors = list(mismatches(articles, predictions))
    if args.show_errors and args.format == "table":
        show_errors(errors, args.show_errors, out)
    if args.dump:
        args.dump.parent.mkdir(parents=True, exist_ok=True)
        with args.dump.open("w", encoding="utf-8") as f:
            for error in errors:
                f.write(json.dumps(error, ensure_ascii=False) + "\n")
        print(f"\nwrote {len(errors)} mismatches to {args.dump}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
