"""Worker process: runs one benchmark entry over a list of pages, pinned to one core.

Reads a JSON job ``{"entry", "cpu", "timeout", "jobs": [{"key", "path", "url"}]}`` on stdin and
writes one JSON line per page on its (private) stdout, then a closing line with the peak RSS.
Each input is read and decompressed before its clock starts; only the extraction is timed. A
page that raises or runs past ``timeout`` scores empty and the loop goes on; a page that hangs
in native code is caught by the parent (``bench.runner``), which kills and restarts the worker.
The network is switched off in here: a tool that tries to fetch fails at once.
"""

from __future__ import annotations

import contextlib
import gzip
import importlib.util
import json
import logging
import os
import resource
import signal
import socket
import sys
import time
import traceback
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from types import FrameType
from typing import Any, NoReturn, TextIO


class PageTimeout(BaseException):
    """Raised by the alarm; a BaseException so that tools' ``except Exception`` let it through."""


def _on_alarm(signum: int, frame: FrameType | None) -> NoReturn:
    raise PageTimeout


def _no_network(*args: object, **kwargs: object) -> NoReturn:
    raise OSError("network access is disabled in the benchmark")


def _block_network() -> None:
    socket.socket.connect = _no_network  # type: ignore[method-assign]
    socket.socket.connect_ex = _no_network  # type: ignore[method-assign]
    socket.create_connection = _no_network
    socket.getaddrinfo = _no_network


def _pin(cpu: int | None) -> int | None:
    if cpu is None or not hasattr(os, "sched_setaffinity"):
        return None
    os.sched_setaffinity(0, {cpu})
    return cpu


def _private_stdout() -> TextIO:
    """Our protocol channel: the real stdout. Tools printing to stdout go to stderr instead."""
    out = os.fdopen(os.dup(sys.stdout.fileno()), "w", encoding="utf-8")
    sys.stdout.flush()
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())
    return out


def _read(path: str) -> bytes:
    raw = Path(path).read_bytes()
    return gzip.decompress(raw) if path.endswith(".gz") else raw


def _versions(packages: list[str]) -> dict[str, str]:
    found = {}
    for name in packages:
        with contextlib.suppress(metadata.PackageNotFoundError):
            found[name] = metadata.version(name)
    if "pressclip" in found and pressclip_compiled():
        found["pressclip"] += f" ({pressclip_build()})"
    return found


def pressclip_compiled() -> bool:
    """Whether this interpreter's pressclip is the mypyc build (its modules are extensions)."""
    spec = importlib.util.find_spec("pressclip.extractors.html.blocks")
    return spec is not None and not (spec.origin or "").endswith(".py")


def pressclip_build() -> str:
    """The name the report gives this interpreter's build of pressclip."""
    return "mypyc build" if pressclip_compiled() else "plain build"


def _status_kb(field: str) -> int:
    """A memory figure of this process from /proc (Linux), in kB; 0 elsewhere."""
    with contextlib.suppress(OSError), open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def _peak_rss_kb() -> int:
    """Peak RSS of this process. ``ru_maxrss`` on Linux keeps the high-water mark of the forking
    parent across exec, so the worker would report at least the parent's size; VmHWM belongs
    to this process image alone. Falls back to ``ru_maxrss`` where /proc is missing."""
    return _status_kb("VmHWM") or resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run(spec: dict[str, Any], out: TextIO) -> None:
    from bench.tools import build

    cpu = _pin(spec.get("cpu"))
    _block_network()
    logging.disable(logging.WARNING)
    timeout = float(spec["timeout"])
    extract = build(spec["entry"])
    signal.signal(signal.SIGALRM, _on_alarm)
    rss_setup = _status_kb("VmRSS")
    out.write(json.dumps({"ready": True}) + "\n")
    out.flush()
    for job in spec["jobs"]:
        data = _read(job["path"])
        error = None
        result: dict[str, Any] = {}
        start, start_cpu = time.perf_counter(), time.process_time()
        try:
            signal.setitimer(signal.ITIMER_REAL, timeout)
            try:
                result = asdict(extract(data, job.get("url")))
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
        except PageTimeout:
            error = "timeout"
        except Exception as exc:  # any tool failure scores the page empty
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
            traceback.print_exc(file=sys.stderr)
        seconds = time.perf_counter() - start
        cpu_seconds = time.process_time() - start_cpu
        line = {"key": job["key"], "seconds": seconds, "cpu_seconds": cpu_seconds, "error": error}
        out.write(json.dumps({**line, **result}))
        out.write("\n")
        out.flush()
    closing = {
        "done": True,
        "maxrss_kb": _peak_rss_kb(),
        "ru_maxrss_kb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss,
        "rss_setup_kb": rss_setup,
        "cpu": cpu,
        "python": sys.version.split()[0],
        "versions": _versions(list(spec.get("packages", []))),
    }
    out.write(json.dumps(closing) + "\n")
    out.flush()


def main() -> None:
    out = _private_stdout()
    spec = json.loads(sys.stdin.read())
    run(spec, out)


if __name__ == "__main__":
    main()
