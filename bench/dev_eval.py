"""Quick development scoring of pressclip alone on the dev sets (the full comparison is run.py).

python -m bench.dev_eval aeb [--flat rp|ht] [--limit N] [--show-worst K]
python -m bench.dev_eval wcxb [--flat rp|ht] [--limit N]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

import pressclip
from bench.metrics import PageCounts, aeb_counts, aeb_score, word_f1

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def _read(path: Path) -> bytes:
    return gzip.decompress(path.read_bytes())


def _run(data: bytes, flat: bool) -> str:
    try:
        art = pressclip.extract(data, input_type="text" if flat else "html")
    except pressclip.PressclipError:
        return ""
    return art.article_body


def _path(root: Path, pid: str, flat: str | None) -> Path:
    if flat:
        return root / "flat" / f"{pid}.{flat}.txt.gz"
    return root / "html" / f"{pid}.html.gz"


def aeb(args: argparse.Namespace) -> None:
    root = DATA / "aeb"
    truth = json.loads((root / "ground-truth.json").read_text())
    ids = sorted(truth)[: args.limit or None]
    counts, per, t0 = [], [], time.perf_counter()
    for pid in ids:
        path = _path(root, pid, args.flat)
        got = _run(_read(path), bool(args.flat))
        c = aeb_counts(got, truth[pid]["articleBody"])
        counts.append(c)
        per.append((c, pid))
    dt = time.perf_counter() - t0
    s = aeb_score(counts)
    name = f"aeb/{args.flat}" if args.flat else "aeb"
    rate = len(ids) / dt
    print(f"{name}: P={s.precision:.4f} R={s.recall:.4f} F1={s.f1:.4f}  {rate:.1f} pages/s")

    def f1(c: PageCounts) -> tuple[float, float, float]:
        p = c.tp / (c.tp + c.fp) if c.tp + c.fp else 0
        r = c.tp / (c.tp + c.fn) if c.tp + c.fn else 0
        return 2 * p * r / (p + r) if p + r else 0, p, r

    for c, pid in sorted(per, key=lambda x: f1(x[0])[0])[: args.show_worst]:
        f, p, r = f1(c)
        print(f"  {pid[:16]} F1={f:.3f} P={p:.3f} R={r:.3f} {truth[pid]['url'][:90]}")


def wcxb(args: argparse.Namespace) -> None:
    root = DATA / "wcxb-dev"
    files = sorted((root / "ground-truth").glob("*.json"))[: args.limit or None]
    scores, t0 = [], time.perf_counter()
    for gt_path in files:
        pid = gt_path.stem
        gt = json.loads(gt_path.read_text())["ground_truth"]
        path = _path(root, pid, args.flat)
        try:
            art = pressclip.extract(_read(path), input_type="text" if args.flat else "html")
        except pressclip.PressclipError:
            scores.append(word_f1("", gt.get("main_content") or ""))
            continue
        scores.append(word_f1(art.article_body, gt.get("main_content") or ""))
    dt = time.perf_counter() - t0
    name = f"wcxb/{args.flat}" if args.flat else "wcxb"
    mean = sum(scores) / len(scores)
    print(f"{name}: word F1={mean:.4f} over {len(scores)} pages, {len(files) / dt:.1f} pages/s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("set", choices=["aeb", "wcxb"])
    ap.add_argument("--flat", choices=["rp", "ht"])
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show-worst", type=int, default=0)
    args = ap.parse_args()
    (aeb if args.set == "aeb" else wcxb)(args)


if __name__ == "__main__":
    main()
