"""Quick development scoring of pressclip alone on the dev sets (the full comparison is run.py).

    python -m bench.dev_eval aeb [--flat rp|ht] [--limit N] [--show-worst K]
    python -m bench.dev_eval wcxb [--flat rp|ht] [--limit N]

Pages and ground truth come from :mod:`bench.pages`, the loaders the full benchmark uses.
"""

from __future__ import annotations

import argparse
import gzip
import time
from pathlib import Path

import pressclip
from bench.metrics import aeb_counts, aeb_score, page_prf, word_f1
from bench.pages import AEB, WCXB, Page, load_aeb, load_wcxb
from bench.run import DEFAULT_DATA


def _body(page: Page, flat: str | None) -> str:
    path: Path = page.flat[flat] if flat else page.html
    try:
        article = pressclip.extract(
            gzip.decompress(path.read_bytes()), input_type="text" if flat else "html"
        )
    except pressclip.PressclipError:
        return ""
    return article.article_body


def aeb(args: argparse.Namespace) -> None:
    pages = load_aeb(args.data / AEB)[: args.limit or None]
    t0 = time.perf_counter()
    counts = [aeb_counts(_body(p, args.flat), p.truth.body or "") for p in pages]
    rate = len(pages) / (time.perf_counter() - t0)
    s = aeb_score(counts)
    name = f"aeb/{args.flat}" if args.flat else "aeb"
    print(f"{name}: P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f}  {rate:.1f} pages/s")
    worst = sorted(zip(counts, pages, strict=True), key=lambda cp: page_prf(cp[0]).f1)
    for c, page in worst[: args.show_worst]:
        prf = page_prf(c)
        print(f"  {page.id[:16]} F1={prf.f1:.3f} P={prf.precision:.3f} R={prf.recall:.3f} "
              f"{(page.url or '')[:90]}")  # fmt: skip


def wcxb(args: argparse.Namespace) -> None:
    pages = load_wcxb(args.data / WCXB)[: args.limit or None]
    t0 = time.perf_counter()
    scores = [word_f1(_body(p, args.flat), p.truth.body or "") for p in pages]
    rate = len(pages) / (time.perf_counter() - t0)
    name = f"wcxb/{args.flat}" if args.flat else "wcxb"
    mean = sum(scores) / len(scores)
    print(f"{name}: word F1={mean:.4f} over {len(scores)} pages, {rate:.1f} pages/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["aeb", "wcxb"])
    ap.add_argument("--flat", choices=["rp", "ht"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show-worst", type=int, default=0)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    args = ap.parse_args()
    (aeb if args.set == "aeb" else wcxb)(args)


if __name__ == "__main__":
    main()
