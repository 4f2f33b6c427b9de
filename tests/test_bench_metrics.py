"""The benchmark's scoring rules (bench/metrics.py) on small hand-made cases, its page loading and
worker guard on files written here, and one short end-to-end run of ``python -m bench.run``."""

from __future__ import annotations

import gzip
import importlib.util
import json
import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from bench.metrics import (
    PRF,
    PageCounts,
    SnippetCounts,
    aeb_counts,
    aeb_score,
    author_match,
    author_names,
    date_match,
    page_prf,
    shingles,
    title_match,
    tokens,
    word_f1,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
BENCH_EXTRA = ("trafilatura", "readability", "newspaper", "goose3", "justext", "resiliparse",
               "boilerpy3", "htmldate", "matplotlib")  # fmt: skip


# --- tokens and shingles -------------------------------------------------------------------


def test_tokens_are_word_runs() -> None:
    assert tokens("Hello, world! It's 2019.") == ["Hello", "world", "It", "s", "2019"]
    assert tokens("") == []


@pytest.mark.parametrize("text", ["one", "one two", "one two three"])
def test_short_text_is_one_shingle(text: str) -> None:
    assert shingles(text) == Counter([tuple(text.split())])


def test_shingles_of_longer_text_slide_by_one_token() -> None:
    assert sum(shingles("a b c d").values()) == 1
    assert sum(shingles("a b c d e").values()) == 2
    assert shingles("") == Counter()


def test_shingles_are_a_multiset() -> None:
    got = shingles("a b c d a b c d")
    assert got[("a", "b", "c", "d")] == 2
    assert sum(got.values()) == 5


# --- AEB -----------------------------------------------------------------------------------


def test_aeb_counts_identical_text_has_no_errors() -> None:
    c = aeb_counts("the quick brown fox jumps", "the quick brown fox jumps")
    assert c == PageCounts(tp=2, fp=0, fn=0)


def test_aeb_counts_extra_and_missing_shingles() -> None:
    c = aeb_counts("a b c d e", "b c d e f")
    assert c == PageCounts(tp=1, fp=1, fn=1)


def test_aeb_precision_is_one_when_nothing_is_wrong() -> None:
    assert aeb_score([PageCounts(tp=7, fp=0, fn=0)]) == PRF(1.0, 1.0, 1.0)


def test_aeb_empty_prediction_counts_in_recall_only() -> None:
    s = aeb_score([PageCounts(tp=4, fp=0, fn=0), PageCounts(tp=0, fp=0, fn=3)])
    assert s.precision == 1.0  # the empty page has no precision
    assert s.recall == 0.5
    assert s.f1 == pytest.approx(2 * 0.5 / 1.5)


def test_aeb_averages_pages_not_shingles() -> None:
    s = aeb_score([PageCounts(tp=1, fp=1, fn=0), PageCounts(tp=30, fp=10, fn=0)])
    assert s.precision == pytest.approx((0.5 + 0.75) / 2)  # pooled would be 31/42


def test_aeb_nothing_found_scores_zero() -> None:
    assert aeb_score([PageCounts(tp=0, fp=5, fn=5)]) == PRF(0.0, 0.0, 0.0)


def test_page_prf_matches_aeb_score_on_one_page() -> None:
    c = PageCounts(tp=3, fp=1, fn=2)
    assert page_prf(c) == aeb_score([c])


# --- WCXB word F1 --------------------------------------------------------------------------


def test_word_f1_both_empty_is_one() -> None:
    assert word_f1("", "") == 1.0
    assert word_f1("...", " ") == 1.0  # no word tokens on either side


def test_word_f1_one_side_empty_is_zero() -> None:
    assert word_f1("", "some words") == 0.0
    assert word_f1("some words", "") == 0.0


def test_word_f1_ignores_case_and_punctuation() -> None:
    assert word_f1("The CAT, sat.", "the cat sat") == 1.0


def test_word_f1_counts_repeated_words() -> None:
    assert word_f1("a a", "a") == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert word_f1("a b c", "a b d") == pytest.approx(2 / 3)


# --- trafilatura-eval snippets -------------------------------------------------------------


def test_snippets_are_pooled_over_pages() -> None:
    c = SnippetCounts()
    c.add("alpha beta", with_=["alpha", "gamma"], without=["beta"])
    c.add("delta", with_=["delta"], without=["zeta"])
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)
    s = c.score()
    assert s.precision == pytest.approx(2 / 3)
    assert s.recall == pytest.approx(2 / 3)
    assert s.f1 == pytest.approx(4 / 6)


def test_snippets_nothing_found_scores_zero() -> None:
    c = SnippetCounts()
    c.add("", with_=["x"], without=[])
    assert c.score() == PRF(0.0, 0.0, 0.0)


# --- metadata ------------------------------------------------------------------------------


def test_title_match_folds_space_and_case_only() -> None:
    assert title_match("  Big   NEWS today ", "big news today")
    assert not title_match("Big news today!", "big news today")
    assert not title_match(None, "x")
    assert not title_match("", None)


def test_author_match_is_a_set_comparison() -> None:
    assert author_match(["Jane Roe", "john doe"], ["John  Doe", "jane roe"])
    assert not author_match(["Jane Roe"], ["Jane Roe", "John Doe"])


def test_author_names_split_the_same_way_on_both_sides() -> None:
    assert author_names(["Jane Roe and John Doe"]) == ["Jane Roe", "John Doe"]
    assert author_names(["A. One; B. Two", "C. Three & D. Four"]) == [
        "A. One", "B. Two", "C. Three", "D. Four",
    ]  # fmt: skip
    assert author_names(["Alexandra Smith"]) == ["Alexandra Smith"]  # "and" inside a word stays
    assert author_match(
        author_names(["Jane Roe, John Doe"]), author_names(["John Doe and Jane Roe"])
    )


def test_date_match_is_the_calendar_day() -> None:
    assert date_match("2024-05-03T15:47:42+02:00", "2024-05-03")
    assert date_match("2024-05-03", "2024-05-03 23:10:00+00:00")
    assert not date_match("2024-05-04", "2024-05-03")
    assert not date_match(None, "2024-05-03")
    assert not date_match("2024-05-03", None)


# --- page loading and text helpers ---------------------------------------------------------


def _gz(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(text.encode("utf-8")))


def test_fundus_keys_follow_sorted_files(tmp_path: Path) -> None:
    from bench.pages import load_fundus

    country = tmp_path / "xx"
    for day in ("2024_01_02", "2023_12_31"):
        _gz(country / f"Daily_News_{day}.html.gz", "<html></html>")
    entries = {
        "V1": {"title": "Older", "authors": "['A One']", "publishing_date": "2023-12-31"},
        "V1_1": {"title": "Newer", "authors": "[]", "publishing_date": "2024-01-02 10:00"},
    }
    (country / "Daily_News.json").write_text(json.dumps(entries))
    meta = {"Daily_News_2023_12_31.html.gz": {"url": "https://example.org/old"}}
    (country / "meta.info").write_text(json.dumps(meta))
    pages = load_fundus(tmp_path)
    assert [p.id for p in pages] == ["xx/Daily_News_2023_12_31", "xx/Daily_News_2024_01_02"]
    assert [p.truth.title for p in pages] == ["Older", "Newer"]
    assert pages[0].truth.authors == ("A One",)
    assert pages[1].truth.authors is None
    assert pages[0].url == "https://example.org/old"
    assert pages[1].url is None


def test_wrap_lines_makes_one_paragraph_per_non_empty_line() -> None:
    from bench.textutil import wrap_lines

    page = wrap_lines("First line\n\n  \nA < B & C\n")
    assert page.count("<p>") == 2
    assert "<p>A &lt; B &amp; C</p>" in page


def test_html_to_text_keeps_visible_text_by_block() -> None:
    pytest.importorskip("lxml")
    from bench.textutil import html_to_text

    html = (
        "<html><head><title>T</title><style>p{}</style></head><body><h1>Head</h1>"
        "<p>One <b>bold</b> word.</p><script>var x = 1;</script><p>Two</p></body></html>"
    )
    lines = html_to_text(html).splitlines()
    assert [line for line in lines if line] == ["Head", "One bold word.", "Two"]
    assert html_to_text(b"") == ""


def test_decode_html_falls_back_to_the_declared_charset() -> None:
    from bench.textutil import decode_html

    data = '<meta charset="windows-1252"><p>caf\u00e9</p>'.encode("cp1252")
    assert "caf\u00e9" in decode_html(data)
    assert decode_html("na\u00efve".encode()) == "na\u00efve"


# --- the worker guard ----------------------------------------------------------------------

_ADAPTER = """
import os, signal, time
from bench.tools import Output

def make():
    def run(data, url):
        text = data.decode()
        if text == "raise":
            raise RuntimeError("boom")
        if text == "slow":
            time.sleep(60)  # interrupted by the worker's own alarm
        if text == "hang":
            signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
            time.sleep(60)  # alarm blocked: only the parent can stop this
        if text == "crash":
            os._exit(3)
        return Output(body=text)
    return run
"""


def test_runner_survives_failing_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bench.entries import Entry
    from bench.runner import Job, run_entry

    (tmp_path / "fake_adapter.py").write_text(_ADAPTER)
    monkeypatch.setenv("PYTHONPATH", str(tmp_path))
    jobs = []
    for i, text in enumerate(["ok one", "raise", "slow", "hang", "crash", "ok two"]):
        path = tmp_path / f"{i}.txt"
        path.write_text(text)
        jobs.append(Job(f"t/{i}", path, None))
    entry = Entry(name="fake_adapter:make", tool="fake", mode="html", sets=(), packages=())
    run = run_entry(entry, jobs, timeout=1.0, cpu=None, logs=tmp_path / "logs", grace=2.0)
    assert [run.results[f"t/{i}"]["body"] for i in (0, 5)] == ["ok one", "ok two"]
    errors = run.errors()
    assert sorted(errors) == ["t/1", "t/2", "t/3", "t/4"]
    assert errors["t/1"].startswith("RuntimeError")
    assert errors["t/2"] == "timeout"
    assert errors["t/3"] == "hung (killed)"
    assert errors["t/4"].startswith("crashed")
    assert run.restarts == 2
    assert run.maxrss_kb > 0


# --- end to end ----------------------------------------------------------------------------


def test_quick_run_writes_report_and_chart(tmp_path: Path) -> None:
    missing = [m for m in BENCH_EXTRA if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f'bench extra not installed (pip install -e ".[bench]"): {missing}')
    if not SHARED_DATA.is_dir():
        pytest.skip(f"benchmark data not found at {SHARED_DATA}")
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "bench.run", "--quick", "--limit", "2",
           "--tools", "pressclip,whole-text", "--out", str(out)]  # fmt: skip
    env = {**os.environ, "MPLBACKEND": "Agg"}
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, env=env, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    report = (out / "report.md").read_text(encoding="utf-8")
    for heading in ("Body accuracy, HTML input", "flattened text input", "Metadata accuracy",
                    "Speed and memory"):  # fmt: skip
        assert heading in report
    assert "| pressclip |" in report and "| whole-page text |" in report
    assert (out / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    summary = json.loads((out / "summary.json").read_text())
    assert summary["pressclip"]["pages_timed"] == 6  # 2 pages of each body set
    assert summary["pressclip/text"]["pages_timed"] == 8  # 2 pages x 2 sets x 2 flatteners
    with gzip.open(out / "results" / "whole-text.jsonl.gz", "rt") as f:
        assert len(f.readlines()) == 1 + 6  # run header + one line per page


def test_held_out_fold_is_a_stable_quarter_of_each_set() -> None:
    from bench.pages import HELD_OUT, Page, Truth, held_out

    def page(set_name: str, n: int) -> Page:
        return Page(set=set_name, id=f"{n:04d}", url=None, html=Path("x"), truth=Truth())

    for set_name in ("aeb", "wcxb-dev"):
        pages = [page(set_name, n) for n in range(2000)]
        share = sum(map(held_out, pages)) / len(pages)
        assert abs(share - 1 / HELD_OUT) < 0.04
        assert [held_out(p) for p in pages] == [held_out(p) for p in pages]
    # The fold depends on the set too: the same id is not held out in every set.
    ids = range(200)
    assert [held_out(page("aeb", n)) for n in ids] != [held_out(page("wcxb-dev", n)) for n in ids]


def test_stage_timings_cover_the_pipeline_and_restore_it() -> None:
    from bench import stages
    from pressclip.extractors.html import pipeline

    before = pipeline.flatten
    page = (Path(__file__).parent.parent / "examples" / "wire-story.html").read_bytes()
    spent = stages.measure([page, page])
    labels = [label for *_, label in stages.STAGES]
    assert set(labels) <= set(spent)
    assert all(spent[label] > 0 for label in ("parse", "flatten", "body rules"))
    assert spent["total"] >= sum(spent[label] for label in labels)
    assert pipeline.flatten is before


def test_the_report_names_the_build_of_another_interpreters_pressclip() -> None:
    from bench.run import _build_of
    from bench.worker import pressclip_compiled

    assert _build_of(sys.executable) == ("mypyc build" if pressclip_compiled() else "plain build")
    assert _build_of("/nonexistent/python") == "/nonexistent/python"
