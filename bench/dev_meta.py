"""Metadata scoring (headline, author, datePublished) on the dev sets, pressclip vs others.

    nice -n 10 .venv/bin/python -m bench.dev_meta [--sets wcxb,traf,fundus] [--tools ...]
        [--limit N] [--fold dev|held|all] [--show FIELD] [--max-show K]

Every 5th page of each set (index % 5 == 4 in sorted order) is the held-out fold: it is scored
separately and never looked at while developing (``--show`` only lists dev-fold misses).

Author truth is a string in wcxb and trafilatura-eval and a list in fundus; every tool's names
are joined with ", " and both sides split on the same separators (, ; & and und) before the set
comparison, so every tool is scored the same way. Dates: same calendar day, local or UTC (fundus
stores some times in UTC).
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import signal
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.metrics import author_match, date_match, title_match

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
_AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b)\s*", re.IGNORECASE)


@dataclass
class Page:
    set: str
    pid: str
    path: Path
    url: str | None
    title: str | None
    authors: list[str] | None  # None: no truth for this page
    date: str | None
    held: bool


@dataclass
class Pred:
    title: str | None
    authors: list[str]
    date: str | None


def _split_authors(names: list[str]) -> list[str]:
    out: list[str] = []
    for n in names:
        out.extend(p.strip() for p in _AUTHOR_SPLIT.split(n or "") if p.strip())
    return out


def _mark(pages: list[Page]) -> list[Page]:
    for i, p in enumerate(pages):
        p.held = i % 5 == 4
    return pages


def load_wcxb() -> list[Page]:
    root = DATA / "wcxb-dev"
    pages = []
    for gt_path in sorted((root / "ground-truth").glob("*.json")):
        d = json.loads(gt_path.read_text())
        gt = d["ground_truth"]
        author = gt.get("author")
        pages.append(
            Page(
                "wcxb",
                gt_path.stem,
                root / "html" / f"{gt_path.stem}.html.gz",
                d.get("url"),
                gt.get("title"),
                [author] if author else [],
                gt.get("publish_date"),
                False,
            )
        )
    return _mark(pages)


def _as_names(value: Any) -> list[str]:
    if not value:
        return []
    return [str(v) for v in value] if isinstance(value, list) else [str(value)]


def load_traf() -> list[Page]:
    root = DATA / "trafilatura-eval"
    data = json.loads((root / "evaldata.json").read_text())
    pages = []
    for url, v in sorted(data.items(), key=lambda kv: kv[1]["file"]):
        if "title" not in v:
            continue
        path = root / "html" / v["file"]
        if not path.exists():
            path = root / "html" / (v["file"] + ".gz")
        pages.append(
            Page(
                "traf",
                v["file"],
                path,
                url,
                v.get("title") or None,
                _as_names(v.get("author")),
                v.get("date") or None,
                False,
            )
        )
    return _mark(pages)


def load_fundus() -> list[Page]:
    root = DATA / "fundus-fixtures"
    pages = []
    for truth_path in sorted(root.glob("*/*.json")):
        country, publisher = truth_path.parent.name, truth_path.stem
        info_path = truth_path.parent / "meta.info"
        info = json.loads(info_path.read_text()) if info_path.exists() else {}
        truth = json.loads(truth_path.read_text())
        files = sorted(truth_path.parent.glob(f"{publisher}_*.html.gz"))
        for html, (_, v) in zip(files, truth.items(), strict=False):
            pages.append(
                Page(
                    "fundus",
                    f"{country}/{html.name}",
                    html,
                    info.get(html.name, {}).get("url"),
                    v.get("title"),
                    list(v.get("authors") or []),
                    v.get("publishing_date"),
                    False,
                )
            )
    return _mark(pages)


def _html(path: Path) -> str:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        from pressclip.decode import decode

        return decode(data)[0]
    except Exception:
        return data.decode("utf-8", errors="replace")


def run_pressclip(html: str, url: str | None) -> Pred:
    from selectolax.lexbor import LexborHTMLParser

    from pressclip.extractors.html.metadata import extract_metadata

    m = extract_metadata(LexborHTMLParser(html), url=url)
    return Pred(m.headline, [p.name for p in m.author], m.date_published)


def run_trafilatura(html: str, url: str | None) -> Pred:
    import trafilatura

    m = trafilatura.extract_metadata(html, default_url=url)
    if m is None:
        return Pred(None, [], None)
    authors = [a for a in (m.author or "").split(";") if a.strip()]
    return Pred(m.title, authors, m.date)


def run_htmldate(html: str, url: str | None) -> Pred:
    from htmldate import find_date

    return Pred(None, [], find_date(html, url=url, original_date=True))


def run_newspaper(html: str, url: str | None) -> Pred:
    from newspaper import Article

    art = Article(url or "http://example.com/", fetch_images=False, memorize_articles=False)
    art.download(input_html=html)
    art.parse()
    date = art.publish_date.isoformat() if art.publish_date else None
    return Pred(art.title or None, list(art.authors or []), date)


TOOLS: dict[str, Callable[[str, str | None], Pred]] = {
    "pressclip": run_pressclip,
    "trafilatura": run_trafilatura,
    "htmldate": run_htmldate,
    "newspaper4k": run_newspaper,
}
LOADERS = {"wcxb": load_wcxb, "traf": load_traf, "fundus": load_fundus}


def _date_ok(pred: str | None, truth: str | None) -> bool:
    if date_match(pred, truth):
        return True
    if not pred or not truth:
        return False
    from pressclip.signals.dates import to_utc_day

    return to_utc_day(str(pred)) == to_utc_day(str(truth).replace(" ", "T"))


def score(page: Page, pred: Pred) -> dict[str, bool | None]:
    return {
        "title": title_match(pred.title, page.title) if page.title else None,
        "author": author_match(_split_authors(pred.authors), _split_authors(page.authors))
        if page.authors is not None
        else None,
        "date": _date_ok(pred.date, page.date) if page.date else None,
    }


def _iter(pages: list[Page], fold: str) -> Iterator[Page]:
    for p in pages:
        if fold == "all" or (fold == "held") == p.held:
            yield p


class _TimeoutError(Exception):
    pass


def _on_alarm(signum: int, frame: Any) -> None:
    raise _TimeoutError


def main() -> None:
    signal.signal(signal.SIGALRM, _on_alarm)
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="wcxb,traf,fundus")
    ap.add_argument("--tools", default="pressclip,trafilatura,htmldate")
    ap.add_argument("--fold", choices=["dev", "held", "all", "both"], default="both")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--show", choices=["title", "author", "date"])
    ap.add_argument("--max-show", type=int, default=40)
    ap.add_argument("--dump", default="", help="write pressclip's per-page results (JSON) here")
    ap.add_argument("--cache", default="", help="folder caching the other tools' predictions")
    args = ap.parse_args()
    tools = [t for t in args.tools.split(",") if t]
    folds = ["dev", "held"] if args.fold == "both" else [args.fold]
    for set_name in args.sets.split(","):
        pages = LOADERS[set_name]()
        if args.limit:
            pages = pages[: args.limit]
        if args.cache:
            # Cached predictions are only valid for the full set.
            assert not args.limit, "--cache needs the full set"
        htmls = {p.pid: _html(p.path) for p in pages}
        results: dict[str, dict[str, tuple[Pred, dict[str, bool | None]]]] = {}
        seconds: dict[str, float] = {}
        for tool in tools:
            fn = TOOLS[tool]
            results[tool] = {}
            cache_path = Path(args.cache) / f"{tool}-{set_name}.json" if args.cache else None
            cached: dict[str, Any] = {}
            if cache_path is not None and tool != "pressclip" and cache_path.exists():
                cached = json.loads(cache_path.read_text())
            t0 = time.perf_counter()
            for p in pages:
                if p.pid in cached:
                    pred = Pred(**cached[p.pid]["pred"])
                else:
                    signal.alarm(20)  # a tool that hangs (network, regex) scores a miss
                    try:
                        pred = fn(htmls[p.pid], p.url)
                    except Exception:
                        pred = Pred(None, [], None)
                    finally:
                        signal.alarm(0)
                results[tool][p.pid] = (pred, score(p, pred))
            seconds[tool] = cached.get("_seconds", {}).get("pred", 0.0) or (
                time.perf_counter() - t0
            )
            if cache_path is not None and tool != "pressclip" and not cached:
                cache_path.parent.mkdir(parents=True, exist_ok=True)
                dump: dict[str, Any] = {k: {"pred": vars(v[0])} for k, v in results[tool].items()}
                dump["_seconds"] = {"pred": seconds[tool]}
                cache_path.write_text(json.dumps(dump))
        for fold in folds:
            sub = list(_iter(pages, fold))
            print(f"\n{set_name} [{fold}] {len(sub)} pages")
            print(f"  {'tool':12} {'title':>14} {'author':>14} {'date':>14} {'ms/page':>8}")
            for tool in tools:
                cells = []
                for f in ("title", "author", "date"):
                    vals = [results[tool][p.pid][1][f] for p in sub]
                    vals = [v for v in vals if v is not None]
                    ok = sum(1 for v in vals if v)
                    cells.append(f"{ok:4d}/{len(vals):<4d}{100 * ok / max(1, len(vals)):5.1f}")
                ms = 1000 * seconds[tool] / max(1, len(pages))
                print(f"  {tool:12} {cells[0]:>14} {cells[1]:>14} {cells[2]:>14} {ms:8.1f}")
        if args.dump and "pressclip" in results:
            dump_path = Path(args.dump)
            old = json.loads(dump_path.read_text()) if dump_path.exists() else {}
            old.update(
                {
                    f"{set_name}/{k}": {"pred": vars(v[0]), "ok": v[1]}
                    for k, v in results["pressclip"].items()
                }
            )
            dump_path.write_text(json.dumps(old, ensure_ascii=False, indent=0))
        if args.show and "pressclip" in results:
            shown = 0
            for p in _iter(pages, "dev"):
                pred, sc = results["pressclip"][p.pid]
                if sc[args.show] is False and shown < args.max_show:
                    shown += 1
                    truth: Any = {"title": p.title, "author": p.authors, "date": p.date}[args.show]
                    got: Any = {"title": pred.title, "author": pred.authors, "date": pred.date}[
                        args.show
                    ]
                    other = ""
                    if "trafilatura" in results:
                        _, ts = results["trafilatura"][p.pid]
                        other = f" traf={'OK' if ts[args.show] else 'x'}"
                    print(f"  {p.pid[:40]:40} want={truth!r:.90} got={got!r:.90}{other}")


if __name__ == "__main__":
    main()
