"""The command line: ``attribution FILE...``, ``attribution compare FILE...``,
``attribution evaluate GOLD.jsonl``.

Built on the public API only. Errors are one line on stderr, never a traceback;
a bad file is reported and the others are still processed (exit status 1 then).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import TextIO

from attribution import __version__
from attribution.article import DEFAULT_MAX_CHARS, parse_article, parse_published
from attribution.errors import AttributionError
from attribution.models import Article, Claim
from attribution.pipeline import extract_claims
from attribution.render import claims_html, claims_markdown, claims_table

__all__ = ["main"]

FORMATS = ("table", "json", "jsonl", "csv", "md", "html")


def _inputs(paths: Sequence[str]) -> Iterator[tuple[str, Path | None]]:
    """Expand the arguments: '-' is stdin, a folder is its *.txt files (sorted)."""
    for p in paths:
        if p == "-":
            yield "-", None
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*.txt")):
                yield str(f), f
        else:
            yield p, path


def _read(name: str, path: Path | None) -> bytes:
    if path is None:
        return sys.stdin.buffer.read()
    return path.read_bytes()


def _process(
    job: tuple[str, bytes, str | None, int],
) -> tuple[str, Article | None, list[Claim], str | None]:
    name, raw, published, max_chars = job
    try:
        article = parse_article(
            raw,
            id=Path(name).stem if name != "-" else "stdin",
            published=published,
            source=name,
            max_chars=max_chars,
        )
        return name, article, extract_claims(article), None
    except Exception as exc:
        return name, None, [], f"{type(exc).__name__}: {exc}"


def _claim_row(article: Article, c: Claim) -> dict[str, object]:
    return {
        "article": article.id,
        "kind": c.kind,
        "speaker": c.speaker.name if c.speaker else None,
        "speaker_id": c.speaker.id if c.speaker else None,
        "speaker_kind": c.speaker.kind if c.speaker else None,
        "mention": c.speaker_mention.text if c.speaker_mention else None,
        "cue": c.cue.text if c.cue else None,
        "cue_lemma": c.cue_lemma,
        "stance": c.stance,
        "negated": c.negated,
        "content": c.content.text,
        "start": c.content.start,
        "end": c.content.end,
        "channel": c.channel.text if c.channel else None,
        "via": c.via.text if c.via else None,
        "when": c.when.text if c.when else None,
        "said_on": c.said_on.isoformat() if c.said_on else None,
        "figures": "; ".join(
            f.span.text + (f" {f.counted}" if f.counted else "") for f in c.figures
        ),
        "confidence": c.confidence,
    }


def _emit(fmt: str, out: TextIO, article: Article, claims: list[Claim], first: bool) -> None:
    if fmt == "table":
        out.write(claims_table(article, claims))
        out.write("\n")
    elif fmt == "md":
        out.write(claims_markdown(article, claims))
        out.write("\n")
    elif fmt == "html":
        out.write(claims_html(article, claims))
        out.write("\n")
    elif fmt == "json":
        payload = {
            "article": article.model_dump(mode="json"),
            "claims": [c.model_dump(mode="json") for c in claims],
        }
        out.write(("" if first else ",\n") + json.dumps(payload, ensure_ascii=False, indent=2))
    elif fmt == "jsonl":
        payload = {
            "article": article.model_dump(mode="json"),
            "claims": [c.model_dump(mode="json") for c in claims],
        }
        out.write(json.dumps(payload, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=_CSV_FIELDS)
        if first:
            writer.writeheader()
        for c in claims:
            writer.writerow(_claim_row(article, c))
        out.write(buf.getvalue())


_CSV_FIELDS = [
    "article",
    "kind",
    "speaker",
    "speaker_id",
    "speaker_kind",
    "mention",
    "cue",
    "cue_lemma",
    "stance",
    "negated",
    "content",
    "start",
    "end",
    "channel",
    "via",
    "when",
    "said_on",
    "figures",
    "confidence",
]


def _extract_main(args: argparse.Namespace) -> int:
    out = sys.stdout
    status = 0
    jobs = []
    for name, path in _inputs(args.files):
        try:
            raw = _read(name, path)
        except OSError as exc:
            print(f"attribution: {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
            continue
        jobs.append((name, raw, args.published, args.max_chars))
    if not jobs and status == 0:
        print("attribution: no input files", file=sys.stderr)
        return 2
    if args.format == "json":
        out.write("[\n")
    results: Iterator[tuple[str, Article | None, list[Claim], str | None]]
    if args.workers > 1 and len(jobs) > 1:
        pool = ProcessPoolExecutor(max_workers=args.workers)
        results = pool.map(_process, jobs, chunksize=8)
    else:
        pool = None
        results = map(_process, jobs)
    first = True
    done = 0
    try:
        for name, article, claims, error in results:
            done += 1
            if args.progress:
                print(f"\r{done}/{len(jobs)} articles", end="", file=sys.stderr)
            if error is not None or article is None:
                print(f"attribution: {name}: {error}", file=sys.stderr)
                status = 1
                continue
            _emit(args.format, out, article, claims, first)
            first = False
    finally:
        if pool is not None:
            pool.shutdown()
        if args.progress:
            print(file=sys.stderr)
    if args.format == "json":
        out.write("\n]\n")
    return status


def _compare_main(args: argparse.Namespace) -> int:
    from attribution.corpus import compare

    status = 0
    articles = []
    for name, path in _inputs(args.files):
        try:
            raw = _read(name, path)
            articles.append(
                parse_article(
                    raw,
                    id=Path(name).stem,
                    published=args.published,
                    source=name,
                    max_chars=args.max_chars,
                )
            )
        except OSError as exc:
            print(f"attribution: {name}: {exc.strerror or exc}", file=sys.stderr)
            status = 1
        except (AttributionError, TypeError) as exc:
            print(f"attribution: {name}: {type(exc).__name__}: {exc}", file=sys.stderr)
            status = 1
    report = compare(articles)
    if args.format in ("json", "jsonl"):
        sys.stdout.write(report.model_dump_json(indent=2 if args.format == "json" else None) + "\n")
    else:
        sys.stdout.write(report.table() + "\n")
    return status


def _evaluate_main(args: argparse.Namespace) -> int:
    from attribution.evaluate import evaluate, load_gold

    gold = load_gold(args.gold)
    predicted = {g.id: extract_claims(g.text) for g in gold}
    scores = evaluate(gold, predicted)
    if args.format in ("json", "jsonl"):
        sys.stdout.write(scores.model_dump_json(indent=2) + "\n")
    else:
        sys.stdout.write(scores.table() + "\n")
    return 0


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _date(value: str) -> str:
    try:
        parse_published(value)
    except (AttributionError, TypeError) as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
    return value


def _common(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--format", "-f", choices=FORMATS, default="table", help="output format (default: table)"
    )
    p.add_argument("--published", type=_date, help="publication date for every input (YYYY-MM-DD)")
    p.add_argument(
        "--max-chars",
        type=_positive,
        default=DEFAULT_MAX_CHARS,
        help="largest article accepted, in characters",
    )


def _parser(command: str) -> argparse.ArgumentParser:
    if command == "compare":
        p = argparse.ArgumentParser(
            prog="attribution compare", description="Compare claims across articles."
        )
        p.add_argument("files", nargs="+", help="article files, folders of *.txt, or - for stdin")
        _common(p)
        return p
    if command == "evaluate":
        p = argparse.ArgumentParser(
            prog="attribution evaluate", description="Score extraction against gold JSONL."
        )
        p.add_argument(
            "gold", help="gold annotations, one JSON article a line (see docs/evaluation.md)"
        )
        p.add_argument("--format", "-f", choices=("table", "json"), default="table")
        return p
    p = argparse.ArgumentParser(
        prog="attribution",
        description="Who said what: claims, speakers, figures and dates in news articles. "
        "Subcommands: 'attribution compare FILE...', 'attribution evaluate GOLD.jsonl'.",
    )
    p.add_argument("files", nargs="+", help="article files, folders of *.txt, or - for stdin")
    _common(p)
    p.add_argument(
        "--workers", "-j", type=_positive, default=1, help="processes to use (default 1)"
    )
    p.add_argument("--progress", action="store_true", help="show a progress count on stderr")
    p.add_argument("--version", action="version", version=f"attribution {__version__}")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = args_list[0] if args_list and args_list[0] in ("compare", "evaluate") else "extract"
    if command != "extract":
        args_list = args_list[1:]
    parser = _parser(command)
    args = parser.parse_args(args_list)
    try:
        if command == "compare":
            return _compare_main(args)
        if command == "evaluate":
            return _evaluate_main(args)
        return _extract_main(args)
    except BrokenPipeError:
        return 0  # "attribution … | head": the reader has gone
    except (AttributionError, OSError) as exc:
        print(f"attribution: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
