"""Batches: one outcome per input, in order; limits enforced in a worker process that is killed
and replaced. The worker function is injected (module-level, so the worker can import it)."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from pressclip.batch import Outcome, Task, extract_sources, one_line
from pressclip.model import Article
from pressclip.settings import Limits, Settings

PAGE = (
    "<!DOCTYPE html><html><head><title>Budget</title></head><body><article><h1>Budget</h1>"
    + "<p>The council approved the budget on Tuesday after a long debate about repairs, "
    "buses and teachers, and residents applauded the result in a packed chamber.</p>"
    * 5
    + "</article></body></html>"
)


def scripted(task: Task) -> Outcome:
    """A stand-in for the real work: misbehaves as the source's name says."""
    name = Path(task.source).name
    if name.startswith("slow"):
        time.sleep(3600)
    if name.startswith("killed"):
        os.kill(os.getpid(), signal.SIGKILL)
    if name.startswith("exit"):
        os._exit(3)
    if name.startswith("hog"):
        hoard = [bytearray(64 * 1024 * 1024) for _ in range(64)]  # 4 GB, over the cap
        return Outcome(source=task.source, error=f"kept {len(hoard)} blocks")
    if name.startswith("boom"):
        raise ValueError("boom\nwith a second line")
    return Outcome(source=task.source, article=Article(headline=str(os.getpid())))


def settings(**limits: float) -> Settings:
    return Settings(limits=Limits(**limits))  # type: ignore[arg-type]


def pids(outcomes: list[Outcome]) -> list[str | None]:
    return [o.article.headline if o.article else None for o in outcomes]


def test_one_worker_serves_many_pages_in_order() -> None:
    sources = [f"page{i}" for i in range(6)]
    outcomes = list(extract_sources(sources, settings(), work=scripted))
    assert [o.source for o in outcomes] == sources
    workers = set(pids(outcomes))
    assert len(workers) == 1
    assert str(os.getpid()) not in workers


def test_time_limit_kills_the_worker_and_the_batch_goes_on() -> None:
    sources = ["first", "slow", "second"]
    outcomes = list(extract_sources(sources, settings(timeout_seconds=0.5), work=scripted))
    assert [o.source for o in outcomes] == sources
    assert outcomes[1].article is None
    assert outcomes[1].error == "time limit of 0.5 s exceeded"
    first, _, second = pids(outcomes)
    assert first and second and first != second  # a fresh worker took over


@pytest.mark.parametrize(("name", "reason"), [("killed", "SIGKILL"), ("exit", "exit code 3")])
def test_a_dying_worker_is_reported_and_replaced(name: str, reason: str) -> None:
    outcomes = list(extract_sources(["a", name, "b"], settings(), work=scripted))
    assert outcomes[1].error is not None
    assert "worker process died" in outcomes[1].error
    assert reason in outcomes[1].error
    assert outcomes[2].article is not None


def test_memory_cap_is_reported_as_a_limit() -> None:
    limited = settings(max_memory_bytes=1024 * 1024 * 1024)
    outcomes = list(extract_sources(["a", "hog", "b"], limited, work=scripted))
    assert outcomes[1].error == "memory limit of 1,024 MB exceeded"
    a, _, b = pids(outcomes)
    assert a and b and a != b


def test_an_exception_in_the_worker_is_one_line() -> None:
    outcomes = list(extract_sources(["boom", "b"], settings(), work=scripted))
    assert outcomes[0].error == "internal error: ValueError: boom with a second line"
    assert outcomes[1].article is not None


def test_real_pages_and_bad_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")
    png = tmp_path / "image.html"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    sources = [str(good), str(png), str(tmp_path / "missing.html"), str(empty), str(good)]
    outcomes = list(extract_sources(sources, settings()))
    assert [o.source for o in outcomes] == sources
    assert [o.article is not None for o in outcomes] == [True, False, False, False, True]
    assert outcomes[0].article is not None
    assert "council approved the budget" in outcomes[0].article.article_body
    assert outcomes[1].error == "input is binary (PNG image), not a page"
    assert outcomes[2].error == "no such file"
    assert outcomes[3].error == "input is empty or white space only"


def test_in_process_mode_has_the_same_contract(tmp_path: Path) -> None:
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")
    sources = [str(good), str(tmp_path / "missing.html")]
    outcomes = list(extract_sources(sources, settings(), isolate=False))
    assert outcomes[0].article is not None
    assert outcomes[1].error == "no such file"


def test_one_line() -> None:
    assert one_line("a\n b\r\n\tc") == "a b c"
    assert len(one_line("x" * 1000)) == 300
