"""The command line contract: formats, inputs, one stderr line per bad input, exit status."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from pressclip.cli import main

PARAGRAPH = (
    "The council approved the budget on Tuesday after a long debate about repairs, buses and "
    "teachers, and residents applauded the result in a packed chamber."
)
PAGE = (
    "<!DOCTYPE html><html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
    + f"<p>{PARAGRAPH}</p>" * 5
    + "</article></body></html>"
)
TEXT = "Council approves budget\n\nBy Jane Roe\n\n" + "\n\n".join(
    [
        PARAGRAPH,
        "Council members said the plan balanced long-delayed repairs against new programs, and "
        "the vote was seven to two after a debate that lasted most of the evening.",
        "The mayor said the bridge repairs could not wait another year, citing an engineering "
        "report from last autumn that found worn bearings on both spans.",
        "The budget takes effect in July, and officials said the first new bus routes would "
        "start running in September, with bridge work to follow in the summer.",
    ]
)


def run(*args: str, stdin: bytes | None = None) -> Result:
    return CliRunner().invoke(main, ["extract", *args], input=stdin)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A directory of inputs: pages at two levels, a gzipped one, and files to skip."""
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "c.htm.gz").write_bytes(gzip.compress(PAGE.encode()))
    (tmp_path / "notes.md").write_text("# skipped", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return tmp_path


def test_one_file_as_json(tree: Path) -> None:
    result = run(str(tree / "b" / "two.html"))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert PARAGRAPH in data["articleBody"]
    assert data["extraction"]["inputType"] == "html"


def test_json_with_several_inputs_is_a_usage_error(tree: Path) -> None:
    result = run(str(tree))
    assert result.exit_code == 2
    assert "--format jsonl" in result.stderr
    assert result.stdout == ""


def test_directory_as_jsonl_is_recursive_and_sorted(tree: Path) -> None:
    result = run("--format", "jsonl", str(tree))
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    names = [Path(r["source"]).relative_to(tree).as_posix() for r in rows]
    assert names == ["a.txt", "b/two.html", "c.htm.gz"]
    assert [r["extraction"]["inputType"] for r in rows] == ["text", "html", "html"]
    assert all(PARAGRAPH in r["articleBody"] for r in rows)


def test_bad_inputs_give_one_line_each_and_the_batch_goes_on(tree: Path) -> None:
    bad = tree / "bad.html"
    bad.write_bytes(b"%PDF-1.4\n")
    empty = tree / "empty.html"
    empty.write_bytes(b"  \n")
    good = tree / "b" / "two.html"
    given = [str(bad), str(good), str(tree / "missing.html"), str(empty), str(good)]
    result = run("--format", "jsonl", *given)
    assert result.exit_code == 1
    errors = result.stderr.splitlines()
    assert errors == [
        f"pressclip: {bad}: input is binary (PDF document), not a page",
        f"pressclip: {tree / 'missing.html'}: no such file",
        f"pressclip: {empty}: input is empty or white space only",
    ]
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in rows] == given  # one object per input, in order
    assert ["error" in r for r in rows] == [True, False, True, True, False]
    assert "Traceback" not in result.stdout + result.stderr


def test_text_and_markdown_formats_skip_failures(tree: Path) -> None:
    good = str(tree / "b" / "two.html")
    for fmt in ("text", "markdown"):
        result = run("--format", fmt, good, str(tree / "missing.html"))
        assert result.exit_code == 1
        assert PARAGRAPH in result.stdout
        assert len(result.stderr.splitlines()) == 1


def test_stdin(tree: Path) -> None:
    result = run("--url", "https://example.com/budget", "-", stdin=PAGE.encode())
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert PARAGRAPH in data["articleBody"]
    assert data["url"] == "https://example.com/budget"


def test_stdin_binary_is_one_line(tree: Path) -> None:
    result = run("-", stdin=b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    assert result.exit_code == 1
    assert result.stderr == "pressclip: -: input is binary (PNG image), not a page\n"


def test_input_type_can_be_forced(tree: Path) -> None:
    result = run("--input-type", "text", str(tree / "b" / "two.html"))
    assert result.exit_code == 0
    assert json.loads(result.stdout)["extraction"]["inputType"] == "text"


@pytest.mark.parametrize(
    "args",
    [
        ["--format", "yaml", "x.html"],
        ["--timeout", "0", "x.html"],
        ["-", "-"],
        [],
    ],
)
def test_usage_errors(args: list[str]) -> None:
    assert run(*args).exit_code == 2


def test_directory_without_pages_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "x.png").write_bytes(b"\x89PNG")
    result = run(str(tmp_path))
    assert result.exit_code == 2
    assert "no page files" in result.stderr


def test_file_names_with_line_breaks_stay_on_one_line(tmp_path: Path) -> None:
    odd = tmp_path / "two\nlines.html"
    odd.write_bytes(b"")
    result = run(str(odd))
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert "two\\x0alines.html" in result.stderr


def test_time_limit_in_a_real_process(tmp_path: Path) -> None:
    """The real command, in its own process: a page far too big for a tiny time limit is
    reported on one line, the worker is killed, and the next input is still read."""
    big = tmp_path / "big.html"
    big.write_text(
        "<html><body>" + f"<div><p>{PARAGRAPH}</p></div>" * 60_000 + "</body></html>",
        encoding="utf-8",
    )
    missing = tmp_path / "missing.html"
    command = [sys.executable, "-c", "from pressclip.cli import main; main()"]
    args = ["extract", "--format", "jsonl", "--timeout", "0.01", str(big), str(missing)]
    proc = subprocess.run(command + args, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1
    assert proc.stderr.splitlines() == [
        f"pressclip: {big}: time limit of 0.01 s exceeded",
        f"pressclip: {missing}: no such file",
    ]
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [r["source"] for r in rows] == [str(big), str(missing)]
