"""The command line: ``attribution.cli.main([...])`` in process, and once as ``python -m attribution``.

Expected values come from the seed articles (``seeds/``) and, where the CLI only
formats what the API returns, from the public API itself.
"""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from attribution import Claim, evaluate, extract_claims, load_gold, parse_article
from attribution.cli import main

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = REPO / "tests" / "golden" / "seeds_claims.jsonl"
SEED_PATHS = sorted(SEEDS.glob("*.txt"))
STEMS = [p.stem for p in SEED_PATHS]

# Seed 000: '“I think it’s the intensity ...,” he told Europe 1 radio.' (Alexei Pushkov)
PUSHKOV = REPO / "seeds" / "000_8f977b1473fdf125.txt"
PUSHKOV_QUOTE = "I think it\u2019s the intensity that is important."
# Seed 001: UPI story by Fred Lambert.
UPI = REPO / "seeds" / "001_0f14c799de1ee4fd.txt"

ROW_RE = re.compile(r"^(\d+)\s+(direct|indirect|mixed)\s", re.MULTILINE)


@cache
def _claims(path: Path) -> tuple[Claim, ...]:
    return tuple(extract_claims(parse_article(path.read_bytes(), id=path.stem)))


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(list(args))
    out, err = capsys.readouterr()
    return status, out, err


def _pushkov(records: list[dict[str, Any]], content_key: str) -> dict[str, Any]:
    hits = [r for r in records if str(r[content_key]).startswith(PUSHKOV_QUOTE)]
    assert len(hits) == 1, hits
    return hits[0]


# -------------------------------------------------------------------------- table


def test_table_lists_the_claims(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, str(PUSHKOV))
    claims = _claims(PUSHKOV)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == f"== {PUSHKOV.stem} =="
    assert f"{len(claims)} claims" in lines
    rows = ROW_RE.findall(out)
    assert [int(n) for n, _ in rows] == list(range(1, len(claims) + 1))
    assert [kind for _, kind in rows] == [c.kind for c in claims]
    pushkov_row = next(line for line in lines if PUSHKOV_QUOTE in line)
    assert "Alexei Pushkov" in pushkov_row
    assert "told" in pushkov_row
    assert "channel: Europe 1 radio" in out


def test_table_shows_the_article_metadata(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, str(UPI))
    assert status == 0
    assert "by: Fred Lambert" in out
    assert "dateline: DAMASCUS, Syria, Oct. 4 (UPI) --" in out
    assert "agency: UPI" in out


# ------------------------------------------------------------------------ formats


def test_json_is_a_list_of_articles_with_their_claims(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "--format", "json", str(PUSHKOV), str(UPI))
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert [d["article"]["id"] for d in data] == [PUSHKOV.stem, UPI.stem]
    assert data[1]["article"]["agency"] == "UPI"
    assert [c["content"]["text"] for c in data[0]["claims"]] == [
        c.content.text for c in _claims(PUSHKOV)
    ]
    claim = _pushkov(
        [{**c, "text": c["content"]["text"]} for c in data[0]["claims"]], content_key="text"
    )
    assert claim["kind"] == "direct"
    assert claim["speaker"]["id"] == "alexei-pushkov"
    assert claim["speaker_mention"]["text"] == "he"
    assert claim["cue"]["text"] == "told"
    assert claim["channel"]["text"] == "Europe 1 radio"


def test_json_round_trips_into_the_models(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = _run(capsys, "-f", "json", str(PUSHKOV))
    (record,) = json.loads(out)
    assert tuple(Claim.model_validate(c) for c in record["claims"]) == _claims(PUSHKOV)


def test_jsonl_is_one_article_a_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "-f", "jsonl", str(PUSHKOV), str(UPI))
    assert status == 0
    lines = out.splitlines()
    assert len(lines) == 2
    records = [json.loads(line) for line in lines]
    assert [r["article"]["id"] for r in records] == [PUSHKOV.stem, UPI.stem]
    assert len(records[0]["claims"]) == len(_claims(PUSHKOV))
    assert len(records[1]["claims"]) == len(_claims(UPI))


def test_csv_has_a_header_and_a_row_per_claim(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "-f", "csv", str(PUSHKOV), str(UPI))
    assert status == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(_claims(PUSHKOV)) + len(_claims(UPI))  # one header only
    assert {r["article"] for r in rows} == {PUSHKOV.stem, UPI.stem}
    row = _pushkov(rows, content_key="content")
    assert row["kind"] == "direct"
    assert row["speaker"] == "Alexei Pushkov"
    assert row["speaker_id"] == "alexei-pushkov"
    assert row["mention"] == "he"
    assert row["cue"] == "told"
    assert row["cue_lemma"] == "tell"
    assert row["channel"] == "Europe 1 radio"
    text = PUSHKOV.read_bytes().decode("utf-8")
    assert text[int(row["start"]) : int(row["end"])] == row["content"]


def test_markdown_is_a_table_with_a_row_per_claim(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "-f", "md", str(PUSHKOV))
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == f"### {PUSHKOV.stem}"
    header = lines.index("| # | kind | speaker | cue | stance | content | details |")
    assert lines[header + 1] == "|---|---|---|---|---|---|---|"
    rows = [line for line in lines[header + 2 :] if line.startswith("| ")]
    assert len(rows) == len(_claims(PUSHKOV))
    pushkov = next(r for r in rows if PUSHKOV_QUOTE in r)
    cells = [c.strip() for c in pushkov.strip("|").split(" | ")]
    assert cells[1:5] == ["direct", "Alexei Pushkov", "told", "neutral"]


class _MarkCounter(HTMLParser):
    """Counts <mark> tags and gathers the text outside <style>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.opened: list[str] = []
        self.closed = 0
        self.depth = 0
        self.max_depth = 0
        self.text: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "mark":
            self.opened.append(dict(attrs).get("class") or "")
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self.closed += 1
            self.depth -= 1
            assert self.depth >= 0, "a </mark> without its <mark>"
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if not self._in_style:
            self.text.append(data)


def test_html_marks_every_claim_over_the_unchanged_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = _run(capsys, "-f", "html", str(PUSHKOV))
    assert status == 0
    parser = _MarkCounter()
    parser.feed(out)
    parser.close()
    claims = _claims(PUSHKOV)
    assert parser.opened == [f"content {c.kind}" for c in claims]
    assert parser.closed == len(claims)
    assert parser.depth == 0
    text = PUSHKOV.read_bytes().decode("utf-8")
    assert "".join(parser.text).strip("\n") == text.strip("\n")


# ------------------------------------------------------------------ inputs, errors


def test_a_folder_means_every_txt_in_it(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "-f", "jsonl", str(SEEDS))
    assert (status, err) == (0, "")
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["article"]["id"] for r in records] == STEMS
    assert [len(r["claims"]) for r in records] == [len(_claims(p)) for p in SEED_PATHS]


def test_dash_reads_standard_input(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = b'"We will go on," Lavrov said on Friday.\n'
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status, out, err = _run(capsys, "-f", "csv", "-")
    assert (status, err) == (0, "")
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["article"] == "stdin"
    assert (row["kind"], row["content"], row["mention"], row["cue_lemma"]) == (
        "direct",
        "We will go on,",
        "Lavrov",
        "say",
    )
    assert row["when"] == "on Friday"


def test_a_missing_file_is_one_line_on_stderr_and_the_others_still_print(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = _run(capsys, "-f", "jsonl", str(PUSHKOV), str(missing), str(UPI))
    assert status == 1
    assert err.splitlines() == [f"attribution: {missing}: No such file or directory"]
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == [
        PUSHKOV.stem,
        UPI.stem,
    ]


def test_a_missing_file_keeps_json_output_valid(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = _run(capsys, "-f", "json", str(tmp_path / "nope.txt"), str(PUSHKOV))
    assert status == 1
    assert len(err.splitlines()) == 1
    assert [d["article"]["id"] for d in json.loads(out)] == [PUSHKOV.stem]


def test_a_non_utf8_file_is_one_line_on_stderr_and_the_others_still_print(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes('Le ministre a dit "caf\u00e9".\n'.encode("latin-1"))
    status, out, err = _run(capsys, "-f", "jsonl", str(latin1), str(PUSHKOV))
    assert status == 1
    (line,) = err.splitlines()
    assert line.startswith(f"attribution: {latin1}: InputDecodeError: ")
    assert "not valid UTF-8: invalid byte 0xe9 at offset 22" in line
    assert [json.loads(x)["article"]["id"] for x in out.splitlines()] == [PUSHKOV.stem]


def test_no_input_file_at_all(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = _run(capsys, str(tmp_path))  # an empty folder
    assert (status, out) == (2, "")
    assert err == "attribution: no input files\n"


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    import attribution

    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out == f"attribution {attribution.__version__}\n"


def test_two_workers_give_the_same_output_as_one(capsys: pytest.CaptureFixture[str]) -> None:
    one = _run(capsys, "-f", "jsonl", "--workers", "1", str(SEEDS))
    two = _run(capsys, "-f", "jsonl", "--workers", "2", str(SEEDS))
    assert one[0] == 0
    assert len(one[1].splitlines()) == len(STEMS)
    assert two == one


# ------------------------------------------------------------ compare and evaluate


def test_compare_prints_the_report_sections(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "compare", str(SEEDS))
    assert (status, err) == (0, "")
    lines = out.splitlines()
    titles = [lines[i - 1] for i, line in enumerate(lines) if line and set(line) == {"="}]
    assert [re.sub(r" \(\d+\)$", "", t) for t in titles] == [
        "Speakers",
        "Shared claims",
        "Figure conflicts",
        "Outlets",
    ]
    assert "Outlets (5)" in lines
    for stem in STEMS:
        assert stem in out
    # The joint statement is quoted in seeds 000 and 001.
    shared = out[out.index("Shared claims") : out.index("Figure conflicts")]
    assert "These military actions constitute" in shared
    assert "joint-statement" in shared


def test_compare_reports_a_missing_file_and_compares_the_others(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = _run(capsys, "compare", str(PUSHKOV), str(missing))
    assert status == 1
    assert err.splitlines() == [f"attribution: {missing}: No such file or directory"]
    assert "Outlets (1)" in out.splitlines()
    assert PUSHKOV.stem in out


def test_compare_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "compare", "-f", "json", str(PUSHKOV), str(UPI))
    assert status == 0
    report = json.loads(out)
    assert {"speakers", "shared_claims", "figure_conflicts", "outlets"} <= set(report)
    pushkov = next(s for s in report["speakers"] if s["speaker"]["id"] == "alexei-pushkov")
    assert pushkov["articles"] == [PUSHKOV.stem]
    assert pushkov["claims"] == sum(
        c.speaker is not None and c.speaker.id == "alexei-pushkov" for c in _claims(PUSHKOV)
    )


def test_evaluate_prints_the_score_table(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "evaluate", str(GOLD))
    assert (status, err) == (0, "")
    gold = load_gold(GOLD)
    expected = evaluate(gold, {g.id: extract_claims(g.text) for g in gold})
    assert out == expected.table() + "\n"
    assert out.startswith(f"articles 5, gold relations {sum(len(g.quotes) for g in gold)},")
    for kind in ("all", "direct", "indirect", "mixed"):
        assert re.search(rf"^{kind}\s+attribution\s+\d\.\d{{3}}", out, re.MULTILINE), kind


def test_evaluate_json(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, "evaluate", "--format", "json", str(GOLD))
    assert status == 0
    data = json.loads(out)
    assert data["n_articles"] == 5
    assert data["n_gold"] == sum(len(g.quotes) for g in load_gold(GOLD))
    assert 0.0 < data["content"]["f1"] <= 1.0


# ------------------------------------------------------------------- a real process


def test_python_dash_m_attribution(tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    proc = subprocess.run(
        [sys.executable, "-m", "attribution", "-f", "csv", str(PUSHKOV), str(missing)],
        capture_output=True,
        check=False,
        timeout=60,
        cwd=tmp_path,
    )
    assert proc.returncode == 1
    err = proc.stderr.decode("utf-8")
    assert err.splitlines() == [f"attribution: {missing}: No such file or directory"]
    rows = list(csv.DictReader(io.StringIO(proc.stdout.decode("utf-8"))))
    assert len(rows) == len(_claims(PUSHKOV))
    assert _pushkov(rows, content_key="content")["speaker_id"] == "alexei-pushkov"
