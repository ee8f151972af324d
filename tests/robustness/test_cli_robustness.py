"""The command line never prints a traceback for bad input.

A bad input (not UTF-8, missing, a dangling link, a folder named like a file, too large) is reported in one
line on stderr, ``attribution: NAME: ...``; the other inputs are still processed and
written; the exit status is 1. Most tests call ``attribution.cli.main([...])`` in
process; a few run ``python -m attribution`` to see exactly what a user sees.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from attribution.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "seeds" / "000_8f977b1473fdf125.txt"
OTHER_SEED = REPO / "seeds" / "003_ff01b8e64425b3dd.txt"


def _run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, list[str]]:
    status = main(list(args))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return status, out, err.splitlines()


@pytest.fixture
def inputs(tmp_path: Path) -> dict[str, Path]:
    """Good, empty and blank articles beside every kind of bad input."""
    files = {
        "good": tmp_path / "good.txt",
        "other": tmp_path / "other.txt",
        "empty": tmp_path / "empty.txt",
        "blank": tmp_path / "blank.txt",
        "latin1": tmp_path / "latin1.txt",
        "binary": tmp_path / "binary.txt",
        "utf16": tmp_path / "utf16.txt",
        "missing": tmp_path / "missing.txt",
        "dangling": tmp_path / "dangling.txt",
    }
    files["good"].write_bytes(SEED.read_bytes())
    files["other"].write_bytes(OTHER_SEED.read_bytes().replace(b"\n", b"\r\n"))
    files["empty"].write_bytes(b"")
    files["blank"].write_bytes(b" \r\n\t\x0c\xc2\xa0\n")
    files["latin1"].write_bytes("Caf\u00e9 owner said it was fine.".encode("latin-1"))
    files["binary"].write_bytes(bytes(range(256)) * 4)
    files["utf16"].write_bytes("Officials said so.".encode("utf-16"))
    files["dangling"].symlink_to(tmp_path / "gone.txt")
    return files


BAD = {
    "latin1": "InputDecodeError: text is not valid UTF-8: invalid byte 0xe9 at offset 3",
    "binary": "InputDecodeError: text is not valid UTF-8: invalid byte 0x80 at offset 128",
    "utf16": "InputDecodeError: text is not valid UTF-8: invalid byte 0xff at offset 0",
    "missing": "No such file or directory",
    "dangling": "No such file or directory",
}
GOOD = ("good", "other", "empty", "blank")
ORDER = ("latin1", "good", "missing", "empty", "binary", "other", "dangling", "blank", "utf16")


def _args(inputs: dict[str, Path]) -> list[str]:
    return [str(inputs[k]) for k in ORDER]


def _assert_one_line_per_bad_input(err: list[str], inputs: dict[str, Path]) -> None:
    assert len(err) == len(BAD), err
    for key, message in BAD.items():
        line = next(line for line in err if str(inputs[key]) in line)
        assert line == f"attribution: {inputs[key]}: {message}"


@pytest.mark.parametrize("fmt", ["table", "md", "html", "csv", "jsonl", "json"])
def test_bad_inputs_are_reported_and_the_others_processed(
    capsys: pytest.CaptureFixture[str], inputs: dict[str, Path], fmt: str
) -> None:
    status, out, err = _run(capsys, "--format", fmt, *_args(inputs))
    assert status == 1
    _assert_one_line_per_bad_input(err, inputs)
    if fmt == "json":
        records = json.loads(out)  # still one valid JSON document
        assert [r["article"]["id"] for r in records] == [inputs[k].stem for k in ORDER if k in GOOD]
        assert all(r["claims"] for r in records[:1])
    elif fmt == "jsonl":
        records = [json.loads(line) for line in out.splitlines()]
        assert [r["article"]["id"] for r in records] == [inputs[k].stem for k in ORDER if k in GOOD]
        for r in records:
            text = r["article"]["text"]
            for c in r["claims"]:
                assert text[c["content"]["start"] : c["content"]["end"]] == c["content"]["text"]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out)))
        assert {r["article"] for r in rows} == {"good", "other"}
    else:
        assert "Pushkov" in out  # the good article's speaker
        for key in BAD:
            assert inputs[key].stem not in out


def test_workers_report_bad_inputs_and_process_the_others(
    capsys: pytest.CaptureFixture[str], inputs: dict[str, Path]
) -> None:
    status, out, err = _run(capsys, "-j", "2", "--format", "jsonl", *_args(inputs))
    assert status == 1
    _assert_one_line_per_bad_input(err, inputs)
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == [
        inputs[k].stem for k in ORDER if k in GOOD
    ]


def test_a_too_large_file_is_reported_and_the_next_processed(
    capsys: pytest.CaptureFixture[str], inputs: dict[str, Path], tmp_path: Path
) -> None:
    small = tmp_path / "small.txt"
    small.write_text("Officials said the jets hit a school.", encoding="utf-8")
    size = len(SEED.read_text(encoding="utf-8"))
    status, out, err = _run(
        capsys, "--max-chars", "100", "--format", "jsonl", str(inputs["good"]), str(small)
    )
    assert status == 1
    assert err == [
        f"attribution: {inputs['good']}: InputTooLargeError: text has {size:,} characters, "
        "more than max_chars=100; pass a larger max_chars to read it"
    ]
    (record,) = [json.loads(line) for line in out.splitlines()]
    assert record["article"]["id"] == "small"
    assert [c["content"]["text"] for c in record["claims"]] == ["the jets hit a school"]


def test_a_folder_with_bad_files_inside(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe not text")
    (tmp_path / "c.txt").mkdir()  # a folder named like an article
    (tmp_path / "d.txt").write_bytes(OTHER_SEED.read_bytes())
    (tmp_path / "notes.md").write_bytes(b"\xff ignored: not *.txt")
    status, out, err = _run(capsys, "--format", "jsonl", str(tmp_path))
    assert status == 1
    assert sorted(line.split(": ")[1] for line in err) == [
        str(tmp_path / "b.txt"),
        str(tmp_path / "c.txt"),
    ]
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["a", "d"]


def test_bad_standard_input_is_one_line(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class _Stdin:
        buffer = io.BytesIO(b"Officials said \xe9 it.")

    monkeypatch.setattr(sys, "stdin", _Stdin())
    status, out, err = _run(capsys, "-")
    assert status == 1
    assert out == ""
    assert err == [
        "attribution: -: InputDecodeError: text is not valid UTF-8: invalid byte 0xe9 at offset 15"
    ]


def test_only_blank_and_empty_files_succeed_quietly(
    capsys: pytest.CaptureFixture[str], inputs: dict[str, Path]
) -> None:
    status, out, err = _run(capsys, "--format", "jsonl", str(inputs["empty"]), str(inputs["blank"]))
    assert (status, err) == (0, [])
    assert [json.loads(line)["claims"] for line in out.splitlines()] == [[], []]


def test_compare_reports_bad_inputs_and_compares_the_others(
    capsys: pytest.CaptureFixture[str], inputs: dict[str, Path]
) -> None:
    status, out, err = _run(capsys, "compare", "--format", "json", *_args(inputs))
    assert status == 1
    _assert_one_line_per_bad_input(err, inputs)
    report = json.loads(out)
    assert [o["article"] for o in report["outlets"]] == [inputs[k].stem for k in ORDER if k in GOOD]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"id": "a", "text": "x", "quotes": []}\nnot json\n', "line 2"),
        (b"\xff\xfe", "line 1: not valid UTF-8"),
        (b'{"id": "a"}\n', "line 1"),
    ],
    ids=["not-json", "not-utf8", "no-text"],
)
def test_evaluate_with_a_malformed_gold_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: bytes, message: str
) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(content)
    status, out, err = _run(capsys, "evaluate", str(gold))
    assert (status, out) == (1, "")
    assert len(err) == 1
    assert err[0].startswith("attribution: ")
    assert message in err[0]


def test_evaluate_with_a_missing_gold_file_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, _, err = _run(capsys, "evaluate", str(tmp_path / "nope.jsonl"))
    assert status == 1
    assert len(err) == 1
    assert "No such file or directory" in err[0]


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "nope", "x.txt"],
        ["--max-chars", "0", "x.txt"],
        ["--max-chars", "many", "x.txt"],
        ["--published", "next blue moon", "x.txt"],
        ["-j", "-1", "x.txt"],
        [],
    ],
    ids=["format", "max-chars-0", "max-chars-word", "published", "workers", "no-files"],
)
def test_bad_arguments_exit_2_with_a_usage_message(
    capsys: pytest.CaptureFixture[str], args: list[str]
) -> None:
    with pytest.raises(SystemExit) as info:
        main(args)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert err.splitlines()[-1].startswith("attribution: error: ")


def test_an_unexpected_error_on_one_file_does_not_stop_the_others(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, inputs: dict[str, Path]
) -> None:
    import attribution.cli

    real = attribution.cli.extract_claims

    def flaky(article: object, **kwargs: object) -> object:
        if getattr(article, "id", None) == "good":
            raise RuntimeError("a bug inside the library")
        return real(article, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(attribution.cli, "extract_claims", flaky)
    status, out, err = _run(capsys, "--format", "jsonl", str(inputs["good"]), str(inputs["other"]))
    assert status == 1
    assert len(err) == 1
    assert err[0].startswith(f"attribution: {inputs['good']}: ")
    assert [json.loads(line)["article"]["id"] for line in out.splitlines()] == ["other"]


# ---------------------------------------------------------------------------------------
# As a user runs it
# ---------------------------------------------------------------------------------------


def _cli(*args: str, **kwargs: object) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run(
        [sys.executable, "-m", "attribution", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )


def test_python_m_attribution_reports_bad_inputs_without_a_traceback(
    inputs: dict[str, Path],
) -> None:
    done = _cli("--format", "jsonl", *_args(inputs))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    _assert_one_line_per_bad_input(done.stderr.splitlines(), inputs)
    assert len(done.stdout.splitlines()) == len(GOOD)


def _read_ten_bytes_then_close(tmp_path: Path) -> tuple[int, str]:
    """Run the CLI on eight articles and close its stdout early, like ``| head -c 10``."""
    files = []
    for i in range(8):
        f = tmp_path / f"a{i}.txt"
        f.write_text(SEED.read_text(encoding="utf-8").replace("\n", f" ({i})\n"), encoding="utf-8")
        files.append(str(f))
    with subprocess.Popen(
        [sys.executable, "-m", "attribution", "--format", "jsonl", *files],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None
        assert proc.stderr is not None
        proc.stdout.read(10)
        proc.stdout.close()
        err = proc.stderr.read().decode("utf-8", "replace")
        return proc.wait(timeout=120), err


def test_a_closed_output_pipe_is_not_a_traceback(tmp_path: Path) -> None:
    _, err = _read_ten_bytes_then_close(tmp_path)
    assert "Traceback" not in err
    assert len(err.splitlines()) <= 1


def test_a_closed_output_pipe_exits_quietly(tmp_path: Path) -> None:
    assert _read_ten_bytes_then_close(tmp_path) == (0, "")
