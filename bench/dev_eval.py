"""Quick development scoring of pressclip alone on the dev sets (the full comparison is run.py).

    python -m bench.dev_eval aeb [--flat rp|ht] [--limit N] [--show-worst K]
    python -m bench.dev_eval wcxb [--flat rp|ht] [--limit N] [--show-worst K]
    python -m bench.dev_eval traf [--limit N] [--show-worst K]

Pages and ground truth come from :mod:`bench.pages`, the loaders the full benchmark uses, and
each page is extracted with its URL, as the benchmark does. ``--dump FILE`` writes one JSON line
per page (id, score, body) to compare two runs page by page.
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections.abc import Callable
from pathlib import Path

import pressclip
from bench.metrics import SnippetCounts, aeb_counts, aeb_score, page_prf, word_f1
from bench.pages import AEB, TRAF, WCXB, Page, load_aeb, load_trafilatura_eval, load_wcxb
from bench.run import DEFAULT_DATA


def _body(page: Page, flat: str | None) -> str:
    path: Path = page.flat[flat] if flat else page.html
    try:
        article = pressclip.extract(
            gzip.decompress(path.read_bytes()),
            url=page.url,
            input_type="text" if flat else "html",
        )
    except pressclip.PressclipError:
        return ""
    return article.article_body


def _bodies(pages: list[Page], flat: str | None) -> tuple[list[str], float]:
    """Every page's body, and the pages extracted per second."""
    t0 = time.perf_counter()
    bodies = [_body(p, flat) for p in pages]
    return bodies, len(pages) / max(time.perf_counter() - t0, 1e-9)


def _dump(path: Path | None, pages: list[Page], scores: list[float], bodies: list[str]) -> None:
    if path is None:
        return
    with path.open("w", encoding="utf-8") as out:
        for page, score, body in zip(pages, scores, bodies, strict=True):
            out.write(json.dumps({"id": page.id, "score": score, "body": body}) + "\n")


def _name(base: str, flat: str | None) -> str:
    return f"{base}/{flat}" if flat else base


def aeb(args: argparse.Namespace) -> None:
    pages = load_aeb(args.data / AEB)[: args.limit or None]
    bodies, rate = _bodies(pages, args.flat)
    counts = [aeb_counts(b, p.truth.body or "") for b, p in zip(bodies, pages, strict=True)]
    s = aeb_score(counts)
    print(f"{_name('aeb', args.flat)}: P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f}  "
          f"{rate:.1f} pages/s")  # fmt: skip
    f1s = [page_prf(c).f1 for c in counts]
    _dump(args.dump, pages, f1s, bodies)
    worst = sorted(zip(counts, pages, strict=True), key=lambda cp: page_prf(cp[0]).f1)
    for c, page in worst[: args.show_worst]:
        prf = page_prf(c)
        print(f"  {page.id[:16]} F1={prf.f1:.3f} P={prf.precision:.3f} R={prf.recall:.3f} "
              f"{(page.url or '')[:90]}")  # fmt: skip


def wcxb(args: argparse.Namespace) -> None:
    pages = load_wcxb(args.data / WCXB)[: args.limit or None]
    bodies, rate = _bodies(pages, args.flat)
    scores = [word_f1(b, p.truth.body or "") for b, p in zip(bodies, pages, strict=True)]
    mean = sum(scores) / len(scores)
    print(f"{_name('wcxb', args.flat)}: word F1={mean:.4f} over {len(scores)} pages, "
          f"{rate:.1f} pages/s")  # fmt: skip
    _dump(args.dump, pages, scores, bodies)
    worst = sorted(zip(scores, pages, bodies, strict=True), key=lambda t: t[0])
    for score, page, body in worst[: args.show_worst]:
        print(f"  {page.id:>6} F1={score:.3f} words={len(body.split())}/"
              f"{len((page.truth.body or '').split())} {(page.url or '')[:90]}")  # fmt: skip


def _page_counts(body: str, page: Page) -> SnippetCounts:
    counts = SnippetCounts()
    counts.add(body, page.truth.with_, page.truth.without)
    return counts


def _show_snippets(label: str, snippets: list[str]) -> None:
    for s in snippets:
        print(f"      {label} {s[:110]!r}")


def traf(args: argparse.Namespace) -> None:
    """trafilatura-eval: pooled snippet P/R/F1 (bench.run's scoring)."""
    pages = load_trafilatura_eval(args.data / TRAF)[: args.limit or None]
    bodies, rate = _bodies(pages, None)
    total = SnippetCounts()
    per_page = []
    for body, page in zip(bodies, pages, strict=True):
        total.add(body, page.truth.with_, page.truth.without)
        per_page.append(_page_counts(body, page))
    s = total.score()
    print(f"traf: P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f} "
          f"(tp={total.tp} fp={total.fp} fn={total.fn}) {rate:.1f} pages/s")  # fmt: skip
    errors = [float(c.fp + c.fn) for c in per_page]
    _dump(args.dump, pages, errors, bodies)
    order = sorted(range(len(pages)), key=lambda i: -errors[i])
    for i in order[: args.show_worst]:
        if not errors[i]:
            break
        page, body, c = pages[i], bodies[i], per_page[i]
        print(f"  {page.id[:60]} fn={c.fn} fp={c.fp} tp={c.tp} chars={len(body)}")
        _show_snippets("missed", [w for w in page.truth.with_ if w not in body])
        _show_snippets("extra ", [w for w in page.truth.without if w in body])


MODES: dict[str, Callable[[argparse.Namespace], None]] = {"aeb": aeb, "wcxb": wcxb, "traf": traf}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=sorted(MODES))
    ap.add_argument("--flat", choices=["rp", "ht"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show-worst", type=int, default=0)
    ap.add_argument("--dump", type=Path, default=None, help="one JSON line per page")
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    if args.set == "traf" and args.flat:
        ap.error("trafilatura-eval has no flattened pages")
    MODES[args.set](args)


if __name__ == "__main__":
    main()
