"""Many pages, one outcome each, in order; a bad page is reported and the batch goes on.

Pages run in one long-lived worker process, so that the time limit really interrupts: Python
cannot stop a C parser from a thread, but it can kill a process. The worker is started from a
``forkserver`` (``spawn`` where there is none) with pressclip already imported, caps its own
address space (``Limits.max_memory_bytes``), and is killed and replaced when a page overruns
``Limits.timeout_seconds`` or when it dies. Files are read in the worker; standard input is read
here and sent over.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess

from pressclip._errors import PressclipError
from pressclip.api import extract
from pressclip.model import Article
from pressclip.settings import Settings
from pressclip.sources.files import STDIN, read_page

logger = logging.getLogger(__name__)

_PRELOAD = ["pressclip.batch", "pressclip.extractors.html", "pressclip.extractors.text"]
_READY = "ready"
_START_TIMEOUT = 120.0  # seconds for a worker to start: imports on a cold, busy machine


@dataclass(frozen=True, slots=True, kw_only=True)
class Outcome:
    """The result for one input: an article, or the one-line reason it failed."""

    source: str
    article: Article | None = None
    error: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One page for the worker: a file to read, or bytes read already (standard input)."""

    source: str
    settings: Settings
    data: bytes | None = None


Work = Callable[[Task], Outcome]


def run_task(task: Task) -> Outcome:
    """Read and extract one page; every failure becomes the outcome's one-line error."""
    try:
        data: str | bytes
        if task.data is None:
            data = read_page(task.source, max_bytes=task.settings.limits.max_bytes).data
        else:
            data = task.data
        article = extract(data, settings=task.settings)
    except PressclipError as exc:
        return Outcome(source=task.source, error=one_line(str(exc)))
    except MemoryError:
        raise
    except RecursionError:
        logger.exception("recursion limit on %s", task.source)
        return Outcome(source=task.source, error="internal error: recursion limit reached")
    except Exception as exc:  # batch boundary: report and go on
        logger.exception("unexpected failure on %s", task.source)
        return Outcome(
            source=task.source, error=one_line(f"internal error: {type(exc).__name__}: {exc}")
        )
    return Outcome(source=task.source, article=article)


def one_line(message: str, limit: int = 300) -> str:
    """A message squeezed onto one line of bounded length."""
    flat = " ".join(message.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def extract_sources(
    sources: Iterable[str],
    settings: Settings,
    *,
    work: Work = run_task,
    isolate: bool = True,
) -> Iterator[Outcome]:
    """One outcome per source, in order. ``work`` runs each page (a picklable, module-level
    function; tests inject their own); ``isolate=False`` runs pages in this process, without
    the time and memory limits."""
    if not isolate:
        for source in sources:
            yield _in_process(source, settings, work)
        return
    timeout = settings.limits.timeout_seconds
    worker: _Worker | None = None
    try:
        for source in sources:
            task_or_error = _task(source, settings)
            if isinstance(task_or_error, Outcome):
                yield task_or_error
                continue
            if worker is None:
                try:
                    worker = _Worker(work, settings)
                except _StartError as exc:
                    yield Outcome(source=source, error=str(exc))
                    continue
            outcome, keep = worker.run(task_or_error, timeout)
            if not keep:
                worker.kill()
                worker = None
            yield outcome
    finally:
        if worker is not None:
            worker.stop()


def _in_process(source: str, settings: Settings, work: Work) -> Outcome:
    task = _task(source, settings)
    if isinstance(task, Outcome):
        return task
    try:
        return work(task)
    except MemoryError:
        return Outcome(source=source, error="out of memory")


def _task(source: str, settings: Settings) -> Task | Outcome:
    """The task for a source; standard input is read here, as the worker has none."""
    if source != STDIN:
        return Task(source=source, settings=settings)
    try:
        page = read_page(STDIN, max_bytes=settings.limits.max_bytes)
    except PressclipError as exc:
        return Outcome(source=source, error=one_line(str(exc)))
    assert isinstance(page.data, bytes)
    return Task(source=source, settings=settings, data=page.data)


def _context() -> BaseContext:
    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(_PRELOAD)
        return ctx
    return multiprocessing.get_context("spawn")


class _StartError(Exception):
    """The worker process could not be started."""


class _Worker:
    """One worker process and its pipe."""

    def __init__(self, work: Work, settings: Settings) -> None:
        ctx = _context()
        self._conn, child = ctx.Pipe()
        memory = settings.limits.max_memory_bytes
        self._process: BaseProcess = ctx.Process(  # type: ignore[attr-defined]
            target=_serve, args=(child, work, memory), name="pressclip-worker", daemon=True
        )
        with _main_module_hidden():
            self._process.start()
        child.close()
        try:
            ready = self._conn.poll(_START_TIMEOUT) and self._conn.recv() == _READY
        except (EOFError, OSError):
            ready = False
        if not ready:
            self.kill()
            raise _StartError("the worker process did not start")

    def run(self, task: Task, timeout: float) -> tuple[Outcome, bool]:
        """The page's outcome, and whether this worker can take the next page."""
        try:
            self._conn.send(task)
            if not self._conn.poll(timeout):
                error = f"time limit of {timeout:g} s exceeded"
                return Outcome(source=task.source, error=error), False
            outcome, keep = self._conn.recv()
        except (EOFError, OSError):
            return Outcome(source=task.source, error=self._death()), False
        assert isinstance(outcome, Outcome)
        return outcome, bool(keep)

    def _death(self) -> str:
        self._process.join(5)
        code = self._process.exitcode
        if code is not None and code < 0:
            try:
                name = signal.Signals(-code).name
            except ValueError:
                name = f"signal {-code}"
            hint = ", out of memory?" if name == "SIGKILL" else ""
            return f"the worker process died ({name}{hint})"
        return f"the worker process died (exit code {code})"

    def stop(self) -> None:
        """Ask the worker to finish, then make sure it has."""
        with contextlib.suppress(OSError):
            self._conn.send(None)
        self._process.join(2)
        self.kill()

    def kill(self) -> None:
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._conn.close()


@contextlib.contextmanager
def _main_module_hidden() -> Iterator[None]:
    """Start a worker without it re-running the caller's ``__main__``, as spawn and forkserver
    otherwise do: the worker needs only pressclip (and ``work``, which must live in an
    importable module), and a script that runs a batch then needs no ``__main__`` guard."""
    main = sys.modules.get("__main__")
    if main is None:
        yield
        return
    saved: dict[str, object] = {
        key: main.__dict__[key] for key in ("__file__", "__spec__") if key in main.__dict__
    }
    main.__dict__.pop("__file__", None)
    main.__dict__["__spec__"] = None
    try:
        yield
    finally:
        main.__dict__.pop("__spec__", None)
        main.__dict__.update(saved)


def _serve(conn: Connection, work: Work, max_memory: int) -> None:
    """The worker's loop: one task in, one outcome out, until told to stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles ^C and stops us
    _cap_memory(max_memory)
    conn.send(_READY)
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        keep = True
        try:
            outcome = work(task)
        except MemoryError:
            error = f"memory limit of {max_memory // (1024 * 1024):,} MB exceeded"
            outcome, keep = Outcome(source=task.source, error=error), False
        except BaseException as exc:  # the worker must answer whatever happens
            error = one_line(f"internal error: {type(exc).__name__}: {exc}")
            outcome = Outcome(source=task.source, error=error)
        conn.send((outcome, keep))
        if not keep:
            return  # after running out of memory, a fresh worker takes the next page


def _cap_memory(max_memory: int) -> None:
    try:
        import resource
    except ImportError:  # not on this platform
        return
    try:
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = max_memory if hard == resource.RLIM_INFINITY else min(max_memory, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError) as exc:
        logger.warning("could not cap the worker's memory: %s", exc)
