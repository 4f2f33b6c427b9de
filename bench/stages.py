"""Where pressclip's time goes: CPU milliseconds per page for each stage of the HTML pipeline.

    python -m bench.stages [--limit N] [--data PATH]

Each stage is the function ``extract_html`` calls, timed by wrapping it in place (so the
figures follow the pipeline as it changes); "other" is the rest of ``pressclip.extract``.
Pages: the first N of AEB, WCXB-dev and trafilatura-eval (all by default), read before timing.
CPU time, so other load on the machine disturbs it less than wall-clock time; the figures still
move by a few per cent from run to run.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pressclip
from bench.pages import AEB, TRAF, WCXB, load_sets
from bench.run import DEFAULT_DATA
from pressclip import api
from pressclip.extractors.html import pipeline

# (module, attribute, label), in pipeline order.
STAGES: tuple[tuple[Any, str, str], ...] = (
    (api, "prepare_text", "decode"),
    (pipeline, "parse_html", "parse"),
    (pipeline, "extract_metadata", "metadata"),
    (pipeline, "flatten", "flatten"),
    (pipeline, "select_body", "body rules"),
    (pipeline, "refine", "block model"),
    (pipeline, "_images", "images"),
    (pipeline, "_furniture", "furniture"),
)


def _timed(fn: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    def run(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return fn(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    return run


def measure(pages: list[bytes]) -> dict[str, float]:
    """Seconds of CPU time per stage over ``pages``, plus "other" and "total"."""
    spent: dict[str, float] = defaultdict(float)
    originals = [(module, name, getattr(module, name)) for module, name, _ in STAGES]
    for (module, name, fn), (_, _, label) in zip(originals, STAGES, strict=True):
        setattr(module, name, _timed(fn, label, spent))
    try:
        start = time.process_time()
        for data in pages:
            with contextlib.suppress(pressclip.PressclipError):
                pressclip.extract(data, input_type="html")
        spent["total"] = time.process_time() - start
    finally:
        for module, name, fn in originals:
            setattr(module, name, fn)
    spent["other"] = spent["total"] - sum(spent[label] for *_, label in STAGES)
    return dict(spent)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N pages of each set")
    args = ap.parse_args()
    sets = load_sets(args.data, args.limit)
    paths = [p.html for name in (AEB, WCXB, TRAF) for p in sets.get(name, [])]
    if not paths:
        raise SystemExit(f"no AEB, WCXB-dev or trafilatura-eval pages under {args.data}")
    pages = [gzip.decompress(path.read_bytes()) for path in paths]
    measure(pages[:20])  # imports, caches and the model load are not what is measured
    spent = measure(pages)
    print(f"{len(pages)} pages; CPU ms/page by stage")
    for label in [*(label for *_, label in STAGES), "other", "total"]:
        print(f"  {label:12s} {spent[label] / len(pages) * 1000:7.2f}")


if __name__ == "__main__":
    main()
