"""Parent side of a run: one fresh worker process per entry, watched for hangs and crashes."""

from __future__ import annotations

import json
import logging
import os
import selectors
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.entries import AEB_SCRIPT, TEXT, Entry
from bench.pages import FLAT_SETS, FLATTENERS, Page

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
GRACE_SECONDS = 15.0  # on top of the per-page timeout, for the worker's own alarm to fire


@dataclass(frozen=True, slots=True)
class Job:
    key: str  # "<set>/<id>" or "<set>/<flattener>/<id>"
    path: Path
    url: str | None


@dataclass(slots=True)
class EntryRun:
    entry: Entry
    results: dict[str, dict[str, Any]] = field(default_factory=dict)
    maxrss_kb: int = 0
    rss_setup_kb: int = 0
    restarts: int = 0
    versions: dict[str, str] = field(default_factory=dict)
    python: str = ""
    wall_seconds: float = 0.0

    def failures(self) -> int:
        return sum(1 for r in self.results.values() if r.get("error"))

    def errors(self) -> dict[str, str]:
        return {k: str(r["error"]) for k, r in self.results.items() if r.get("error")}


def page_key(page: Page, flattener: str | None = None) -> str:
    return f"{page.set}/{flattener}/{page.id}" if flattener else f"{page.set}/{page.id}"


def jobs_for(entry: Entry, sets: dict[str, list[Page]]) -> list[Job]:
    jobs: list[Job] = []
    if entry.mode == TEXT:
        for name in FLAT_SETS:
            for flattener in FLATTENERS:
                for page in sets.get(name, []):
                    if flattener in page.flat:
                        key = page_key(page, flattener)
                        jobs.append(Job(key, page.flat[flattener], page.url))
        return jobs
    for name in entry.sets:
        for page in sets.get(name, []):
            url = None if entry.mode == AEB_SCRIPT else page.url
            jobs.append(Job(page_key(page), page.html, url))
    return jobs


def _spawn(python: str, spec: dict[str, Any], stderr_path: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
    env.setdefault("PYTHONHASHSEED", "0")
    with stderr_path.open("ab") as err:
        proc = subprocess.Popen(
            [python, "-m", "bench.worker"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=err,
            cwd=ROOT,
            env=env,
        )
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(spec).encode("utf-8"))
    proc.stdin.close()
    return proc


def _read_lines(proc: subprocess.Popen[bytes], deadline_s: float) -> Any:
    """Yield parsed lines; yield None when no line came within ``deadline_s`` or on EOF."""
    assert proc.stdout is not None
    buf = b""
    fd = proc.stdout.fileno()
    with selectors.DefaultSelector() as sel:
        sel.register(fd, selectors.EVENT_READ)
        while True:
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                yield json.loads(line)
            if not sel.select(timeout=deadline_s):
                yield None  # hung
                return
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                yield None  # exited
                return
            buf += chunk


def output_stem(entry: Entry, python: str) -> str:
    """The file name stem of an entry's outputs (results, log); a run with another
    interpreter than this one gets names of its own."""
    return entry.name.replace("/", "_") + ("" if python == sys.executable else "_other")


def run_entry(
    entry: Entry,
    jobs: list[Job],
    *,
    timeout: float,
    cpu: int | None,
    logs: Path,
    python: str = sys.executable,
    grace: float = GRACE_SECONDS,
) -> EntryRun:
    """Run ``jobs`` through ``entry`` in a worker; restart it past a page that hangs or crashes."""
    run = EntryRun(entry)
    logs.mkdir(parents=True, exist_ok=True)
    stderr_path = logs / f"{output_stem(entry, python)}.log"
    stderr_path.write_bytes(b"")
    started = time.perf_counter()
    pending = list(jobs)
    while pending:
        spec = {
            "entry": entry.name,
            "cpu": cpu,
            "timeout": timeout,
            "packages": list(entry.packages),
            "jobs": [{"key": j.key, "path": str(j.path), "url": j.url} for j in pending],
        }
        proc = _spawn(python, spec, stderr_path)
        ready = done = False
        for item in _read_lines(proc, timeout + grace):
            if item is None:
                break
            if item.get("ready"):
                ready = True
            elif item.get("done"):
                done = True
                run.maxrss_kb = max(run.maxrss_kb, int(item["maxrss_kb"]))
                run.rss_setup_kb = max(run.rss_setup_kb, int(item["rss_setup_kb"]))
                run.versions, run.python = item["versions"], item["python"]
            else:
                run.results[item["key"]] = item
                if pending and pending[0].key == item["key"]:
                    del pending[0]
                else:
                    pending = [j for j in pending if j.key != item["key"]]
        proc.kill()
        proc.wait()
        if proc.stdout is not None:
            proc.stdout.close()
        if done or not pending:
            break
        if not ready:
            reason = f"worker failed to start (exit {proc.returncode}, see {stderr_path.name})"
            log.error("%s: %s", entry.name, reason)
            for job in pending:
                run.results[job.key] = {"key": job.key, "seconds": 0.0, "error": reason}
            break
        stuck = pending.pop(0)
        reason = "hung (killed)" if proc.returncode == -9 else f"crashed (exit {proc.returncode})"
        log.warning("%s: %s on %s; restarting", entry.name, reason, stuck.key)
        run.results[stuck.key] = {"key": stuck.key, "seconds": timeout, "error": reason}
        run.restarts += 1
    run.wall_seconds = time.perf_counter() - started
    return run
