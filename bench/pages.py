"""The benchmark pages: where each input lives, its URL and its ground truth.

Every set is read in place from the data folder (see ``shared/data/README.md``). A page is
identified by ``(set, id)``; flattened inputs of a page share its id and ground truth.
"""

from __future__ import annotations

import ast
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

AEB = "aeb"
WCXB = "wcxb-dev"
TRAF = "trafilatura-eval"
FUNDUS = "fundus-fixtures"
HTML_SETS: tuple[str, ...] = (AEB, WCXB, TRAF, FUNDUS)
BODY_SETS: tuple[str, ...] = (AEB, WCXB, TRAF)
META_SETS: tuple[str, ...] = (WCXB, TRAF, FUNDUS)
FLAT_SETS: tuple[str, ...] = (AEB, WCXB)
FLATTENERS: tuple[str, ...] = ("rp", "ht")

_FUNDUS_FILE = re.compile(r"^(?P<publisher>.+)_(?P<day>\d{4}_\d{2}_\d{2})\.html\.gz$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Truth:
    """Ground truth of one page; ``None`` where the set has none for a field."""

    body: str | None = None
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()
    title: str | None = None
    authors: tuple[str, ...] | None = None
    date: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    set: str
    id: str
    url: str | None
    html: Path
    truth: Truth
    flat: dict[str, Path] = field(default_factory=dict)


def _str_or_none(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def load_aeb(root: Path) -> list[Page]:
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for pid in sorted(truth):
        item = truth[pid]
        flat = {f: root / "flat" / f"{pid}.{f}.txt.gz" for f in FLATTENERS}
        pages.append(
            Page(
                set=AEB,
                id=pid,
                url=item.get("url"),
                html=root / "html" / f"{pid}.html.gz",
                truth=Truth(body=item.get("articleBody") or ""),
                flat={k: p for k, p in flat.items() if p.exists()},
            )
        )
    return pages


def load_wcxb(root: Path) -> list[Page]:
    pages = []
    for gt_path in sorted((root / "ground-truth").glob("*.json")):
        pid = gt_path.stem
        doc = json.loads(gt_path.read_text(encoding="utf-8"))
        gt = doc.get("ground_truth", {})
        author = _str_or_none(gt.get("author"))
        flat = {f: root / "flat" / f"{pid}.{f}.txt.gz" for f in FLATTENERS}
        pages.append(
            Page(
                set=WCXB,
                id=pid,
                url=doc.get("url"),
                html=root / "html" / f"{pid}.html.gz",
                truth=Truth(
                    body=gt.get("main_content") or "",
                    with_=tuple(gt.get("with") or ()),
                    without=tuple(gt.get("without") or ()),
                    title=_str_or_none(gt.get("title")),
                    authors=(author,) if author else None,
                    date=_str_or_none(gt.get("publish_date")),
                ),
                flat={k: p for k, p in flat.items() if p.exists()},
            )
        )
    return pages


def load_trafilatura_eval(root: Path) -> list[Page]:
    data = json.loads((root / "evaldata.json").read_text(encoding="utf-8"))
    pages = []
    for url, item in data.items():
        author = _str_or_none(item.get("author"))
        pages.append(
            Page(
                set=TRAF,
                id=item["file"],
                url=url,
                html=root / "html" / f"{item['file']}.gz",
                truth=Truth(
                    with_=tuple(item.get("with") or ()),
                    without=tuple(item.get("without") or ()),
                    title=_str_or_none(item.get("title")),
                    authors=(author,) if author else None,
                    date=_str_or_none(item.get("date")),
                ),
            )
        )
    return sorted(pages, key=lambda p: p.id)


def _literal(value: Any) -> Any:
    """Fundus stores lists as their Python repr; read them back."""
    if isinstance(value, str) and value[:1] in "[{(":
        try:
            return ast.literal_eval(value)
        except (ValueError, SyntaxError):
            return value
    return value


def _fundus_truth(entry: dict[str, Any]) -> Truth:
    authors = _literal(entry.get("authors"))
    if isinstance(authors, str):
        authors = [authors]
    names = tuple(str(a).strip() for a in authors or () if str(a).strip())
    return Truth(
        title=_str_or_none(entry.get("title")),
        authors=names or None,
        date=_str_or_none(entry.get("publishing_date")),
    )


def load_fundus(root: Path) -> list[Page]:
    pages = []
    for country in sorted(p for p in root.iterdir() if p.is_dir()):
        meta_path = country / "meta.info"
        meta = json.loads(meta_path.read_text(encoding="utf-8")) if meta_path.exists() else {}
        by_publisher: dict[str, list[Path]] = {}
        for html in sorted(country.glob("*.html.gz")):
            m = _FUNDUS_FILE.match(html.name)
            if m:
                by_publisher.setdefault(m["publisher"], []).append(html)
        for publisher, files in sorted(by_publisher.items()):
            gt_path = country / f"{publisher}.json"
            if not gt_path.exists():
                continue
            entries = list(json.loads(gt_path.read_text(encoding="utf-8")).values())
            for html, entry in zip(sorted(files, key=lambda p: p.name), entries, strict=False):
                pages.append(
                    Page(
                        set=FUNDUS,
                        id=f"{country.name}/{html.name.removesuffix('.html.gz')}",
                        url=(meta.get(html.name) or {}).get("url"),
                        html=html,
                        truth=_fundus_truth(entry),
                    )
                )
    return sorted(pages, key=lambda p: p.id)


LOADERS = {
    AEB: load_aeb,
    WCXB: load_wcxb,
    TRAF: load_trafilatura_eval,
    FUNDUS: load_fundus,
}


# The fold kept out of training pressclip's block model (bench.train_blocks): one page in
# HELD_OUT, by a hash of (set, id). Every tool is also scored on it alone (the fair comparison).
HELD_OUT = 4


def held_out(page: Page) -> bool:
    """Whether the page is in the held-out fold."""
    digest = hashlib.sha1(f"{page.set}/{page.id}".encode()).digest()
    return digest[0] % HELD_OUT == 0


def load_sets(data: Path, limit: int | None = None) -> dict[str, list[Page]]:
    """All sets present under ``data``, each cut to its first ``limit`` pages by sorted id."""
    sets: dict[str, list[Page]] = {}
    for name, loader in LOADERS.items():
        root = data / name
        if not root.is_dir():
            continue
        pages = loader(root)
        sets[name] = pages[:limit] if limit else pages
    return sets
