"""Side-by-side benchmark: pressclip and the extractors people use instead, on the same pages.

    python -m bench.run [--data PATH] [--quick] [--limit N] [--tools a,b,c] [--out bench/out]

Runs each tool in its own fresh worker process pinned to one core, one tool after the other,
then prints and writes ``<out>/report.md``, ``<out>/chart.png``, ``<out>/summary.json`` and the
raw outputs ``<out>/results/<tool>.jsonl.gz``. See bench/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import logging
import os
import platform
import shlex
import subprocess
import sys
from dataclasses import asdict, replace
from pathlib import Path

from bench.entries import AEB_SCRIPT, TOOLS, Entry, select
from bench.pages import load_sets
from bench.report import RunInfo, chart, markdown
from bench.runner import ROOT, EntryRun, jobs_for, output_stem, run_entry
from bench.scoring import EntryScores, score

log = logging.getLogger("bench.run")

DEFAULT_DATA = ROOT.parent / "shared" / "data"
QUICK_LIMIT = 10


def _parse(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="data folder (%(default)s)")
    ap.add_argument(
        "--quick", action="store_true", help=f"first {QUICK_LIMIT} pages of each set by sorted id"
    )
    ap.add_argument("--limit", type=int, default=0, help="pages per set (overrides --quick's)")
    ap.add_argument("--tools", default="", help="comma-separated subset of: " + ",".join(TOOLS))
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "out", help="output folder")
    ap.add_argument("--timeout", type=float, default=30.0, help="seconds per page (%(default)s)")
    ap.add_argument(
        "--cpu",
        type=int,
        default=None,
        help="core to pin workers to (default: the last allowed core)",
    )
    ap.add_argument(
        "--repro-python",
        default="",
        help="another interpreter (e.g. a venv with trafilatura==2.0.0) to run the "
        "AEB reproduction with, in addition to this one",
    )
    ap.add_argument(
        "--pressclip-python",
        default="",
        help="another interpreter whose pressclip (e.g. the mypyc build, see the README) runs "
        "too, on the same pages, in addition to this one's",
    )
    ap.add_argument(
        "--report-only",
        action="store_true",
        help="rebuild the report from <out>/results of an earlier run (same options)",
    )
    return ap.parse_args(argv)


def _default_cpu() -> int | None:
    if not hasattr(os, "sched_getaffinity"):
        return None
    return max(os.sched_getaffinity(0))


def _machine() -> str:
    model = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass
    return f"{model}, {os.cpu_count()} cores, {platform.system()} {platform.release()}"


def _commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + ("+uncommitted changes" if git("status", "--porcelain", "src") else "")


def _build_of(python: str) -> str:
    """Which build of pressclip another interpreter has (its path when that cannot be told)."""
    code = "from bench.worker import pressclip_build; print(pressclip_build())"
    try:
        answer = subprocess.run(
            [python, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:  # (main() refuses a missing interpreter first)
        answer = ""
    return answer or python


def _result_path(folder: Path, entry: Entry, python: str) -> Path:
    return folder / f"{output_stem(entry, python)}.jsonl.gz"


def _save_results(run: EntryRun, path: Path) -> None:
    """Raw outputs, one JSON line per page, after a first line with the run's own figures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    head = {
        "maxrss_kb": run.maxrss_kb,
        "rss_setup_kb": run.rss_setup_kb,
        "restarts": run.restarts,
        "versions": run.versions,
        "python": run.python,
        "wall_seconds": run.wall_seconds,
    }
    with gzip.open(path, "wt", encoding="utf-8") as f:
        f.write(json.dumps(head) + "\n")
        for key in sorted(run.results):
            f.write(json.dumps(run.results[key], ensure_ascii=False) + "\n")


def _load_results(entry: Entry, path: Path) -> EntryRun | None:
    """A run saved by :func:`_save_results` (for ``--report-only``)."""
    if not path.exists():
        return None
    with gzip.open(path, "rt", encoding="utf-8") as f:
        head = json.loads(f.readline())
        results = {r["key"]: r for r in map(json.loads, f)}
    return EntryRun(entry, results=results, **head)


def _summary(runs: list[tuple[EntryRun, EntryScores]]) -> dict[str, object]:
    """Every run's figures, under its entry's name; a run of the same entry with another
    interpreter (``--repro-python``, ``--pressclip-python``) comes later, under its title."""
    summary: dict[str, object] = {}
    for run, s in runs:
        key = run.entry.name if run.entry.name not in summary else run.entry.title
        summary[key] = _figures(run, s)
    return summary


def _figures(run: EntryRun, s: EntryScores) -> dict[str, object]:
    return {
        "body": {k: asdict(v) for k, v in s.body.items()},
        "pages": s.pages,
        "meta": {
            name: {f: asdict(h) for f, h in fields.items()} for name, fields in s.meta.items()
        },
        "pages_per_second": s.pages_per_second,
        "cpu_pages_per_second": s.cpu_pages_per_second,
        "pages_timed": s.pages_timed,
        "peak_rss_mb": run.maxrss_kb / 1024,
        "failures": run.failures(),
        "restarts": run.restarts,
        "versions": run.versions,
    }


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s", stream=sys.stderr)
    args = _parse(argv)
    if not args.data.is_dir():
        log.error("no data folder at %s (pass --data)", args.data)
        return 2
    try:
        entries = select([t.strip() for t in args.tools.split(",") if t.strip()])
    except ValueError as exc:
        log.error("%s", exc)
        return 2
    for python in (args.repro_python, args.pressclip_python):
        if python and not os.access(python, os.X_OK):
            log.error("no interpreter at %s", python)
            return 2
    limit = args.limit or (QUICK_LIMIT if args.quick else None)
    sets = load_sets(args.data, limit)
    cpu = args.cpu if args.cpu is not None else _default_cpu()
    started = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    load_start = os.getloadavg()[0]
    plan: list[tuple[Entry, str]] = [(e, sys.executable) for e in entries]
    if args.repro_python:
        plan += [
            (replace(e, name=e.name, label=f"{e.title}, {Path(args.repro_python).parent.parent}"),
             args.repro_python)
            for e in entries if e.mode == AEB_SCRIPT
        ]  # fmt: skip
    if args.pressclip_python:
        # Each right after the same entry in this interpreter: the machine's pace drifts over
        # a long run, and the two builds (and trafilatura, next) are compared.
        build = _build_of(args.pressclip_python)
        for e in [e for e in entries if e.tool == "pressclip"]:
            at = plan.index((e, sys.executable)) + 1
            plan.insert(at, (replace(e, label=f"{e.title}, {build}"), args.pressclip_python))
    runs: list[tuple[EntryRun, EntryScores]] = []
    for entry, python in plan:
        jobs = jobs_for(entry, sets)
        path = _result_path(args.out / "results", entry, python)
        if args.report_only:
            loaded = _load_results(entry, path)
            if loaded is not None:
                runs.append((loaded, score(loaded, sets)))
            continue
        if not jobs:
            continue
        log.info("%s: %d pages", entry.title, len(jobs))
        run = run_entry(
            entry, jobs, timeout=args.timeout, cpu=cpu, logs=args.out / "logs", python=python
        )
        _save_results(run, path)
        scores = score(run, sets)
        log.info(
            "%s: %.1f pages/s, %d failed, %.0f s wall",
            entry.title, scores.pages_per_second, run.failures(), run.wall_seconds,
        )  # fmt: skip
        runs.append((run, scores))
    info = RunInfo(
        started=started,
        data=str(args.data),
        limit=limit,
        timeout=args.timeout,
        cpu=cpu,
        machine=_machine(),
        python=platform.python_version(),
        commit=_commit(),
        command="python -m bench.run " + shlex.join(argv if argv is not None else sys.argv[1:]),
        load=f"{load_start:.1f} / {os.getloadavg()[0]:.1f}",
    )
    info_path = args.out / "results" / "run.json"
    if args.report_only and info_path.exists():
        info = RunInfo(**json.loads(info_path.read_text(encoding="utf-8")))
    elif not args.report_only:
        info_path.parent.mkdir(parents=True, exist_ok=True)
        info_path.write_text(json.dumps(asdict(info), indent=1), encoding="utf-8")
    args.out.mkdir(parents=True, exist_ok=True)
    chart_name = "chart.png" if chart(runs, args.out / "chart.png") else None
    text = markdown(runs, info, chart_name)
    (args.out / "report.md").write_text(text, encoding="utf-8")
    (args.out / "summary.json").write_text(json.dumps(_summary(runs), indent=1), encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
