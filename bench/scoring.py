"""Scores of one run: body accuracy per set, metadata per field, speed and memory per entry."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from bench.entries import AEB_SCRIPT, TEXT
from bench.metrics import (
    PRF,
    SnippetCounts,
    aeb_counts,
    aeb_score,
    author_match,
    author_names,
    date_match,
    title_match,
    word_f1,
)
from bench.pages import AEB, BODY_SETS, FLAT_SETS, FLATTENERS, TRAF, WCXB, Page, held_out
from bench.runner import EntryRun, page_key

META_FIELDS: tuple[str, ...] = ("headline", "author", "datePublished")


@dataclass(slots=True)
class Hits:
    hits: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.hits / self.total if self.total else 0.0


@dataclass(slots=True)
class EntryScores:
    """``body`` maps a column (``aeb``, ``wcxb-dev``, ``aeb/rp`` ...) to its score."""

    body: dict[str, PRF] = field(default_factory=dict)
    pages: dict[str, int] = field(default_factory=dict)
    meta: dict[str, dict[str, Hits]] = field(default_factory=dict)  # set -> field -> hits
    pages_per_second: float = 0.0  # over wall-clock extraction time
    cpu_pages_per_second: float = 0.0  # over the worker's CPU time for the same pages
    pages_timed: int = 0


def _body(result: dict[str, Any] | None) -> str:
    return str((result or {}).get("body") or "")


def _aeb(run: EntryRun, pages: list[Page], flattener: str | None) -> PRF:
    counts = [
        aeb_counts(_body(run.results.get(page_key(p, flattener))), p.truth.body or "")
        for p in pages
    ]
    return aeb_score(counts)


def _wcxb(run: EntryRun, pages: list[Page], flattener: str | None) -> PRF:
    scores = [
        word_f1(_body(run.results.get(page_key(p, flattener))), p.truth.body or "") for p in pages
    ]
    mean = sum(scores) / len(scores) if scores else 0.0
    return PRF(float("nan"), float("nan"), mean)


def _snippets(run: EntryRun, pages: list[Page]) -> PRF:
    counts = SnippetCounts()
    for p in pages:
        counts.add(_body(run.results.get(page_key(p))), p.truth.with_, p.truth.without)
    return counts.score()


def _meta(run: EntryRun, pages: list[Page]) -> dict[str, Hits]:
    hits = {f: Hits() for f in META_FIELDS}
    for p in pages:
        r = run.results.get(page_key(p)) or {}
        t = p.truth
        if t.title:
            hits["headline"].total += 1
            hits["headline"].hits += title_match(r.get("title"), t.title)
        if t.authors:
            hits["author"].total += 1
            got = author_names(str(a) for a in r.get("authors") or ())
            hits["author"].hits += author_match(got, author_names(t.authors))
        if t.date:
            hits["datePublished"].total += 1
            hits["datePublished"].hits += date_match(r.get("date"), t.date)
    return hits


def _speed(run: EntryRun, keys: list[str], out: EntryScores) -> None:
    timed = [run.results[k] for k in keys if k in run.results]
    wall = sum(float(r["seconds"]) for r in timed)
    cpu = sum(float(r.get("cpu_seconds", r["seconds"])) for r in timed)
    out.pages_timed = len(timed)
    out.pages_per_second = len(timed) / wall if wall else 0.0
    out.cpu_pages_per_second = len(timed) / cpu if cpu else 0.0


HELD = "@held-out"  # suffix of the columns scored on the held-out fold alone


def _body_scores(run: EntryRun, name: str, pages: list[Page], out: EntryScores) -> None:
    """The set's body score over all its pages, and over its held-out fold."""
    for col, chosen in ((name, pages), (name + HELD, [p for p in pages if held_out(p)])):
        if name == AEB:
            out.body[col] = _aeb(run, chosen, None)
        elif name == WCXB:
            out.body[col] = _wcxb(run, chosen, None)
        elif name == TRAF:
            out.body[col] = _snippets(run, chosen)
        out.pages[col] = len(chosen)


def score(run: EntryRun, sets: dict[str, list[Page]]) -> EntryScores:
    entry, out = run.entry, EntryScores()
    if entry.mode == TEXT:
        keys = []
        for name in FLAT_SETS:
            pages = [p for p in sets.get(name, []) if p.flat]
            for fl in FLATTENERS:
                col = f"{name}/{fl}"
                chosen = [p for p in pages if fl in p.flat]
                out.body[col] = _aeb(run, chosen, fl) if name == AEB else _wcxb(run, chosen, fl)
                out.pages[col] = len(chosen)
                keys += [page_key(p, fl) for p in chosen]
        _speed(run, keys, out)
        return out
    keys = []
    for name in entry.sets:
        pages = sets.get(name, [])
        if entry.body or entry.mode == AEB_SCRIPT:
            _body_scores(run, name, pages, out)
        if entry.meta and name != AEB:
            out.meta[name] = _meta(run, pages)
        # Speed over the body sets every body tool runs on; date-only tools over their own pages.
        if name in BODY_SETS or not entry.body:
            keys += [page_key(p) for p in pages]
    _speed(run, keys, out)
    return out
