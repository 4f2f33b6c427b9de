"""The scoring rules of each benchmark set, as ../shared/data/README.md defines them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+")


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of n-token shingles; a text of 1..n-1 tokens is one shingle."""
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True, slots=True)
class PageCounts:
    tp: int
    fp: int
    fn: int


def aeb_counts(predicted: str, truth: str) -> PageCounts:
    p, t = shingles(predicted), shingles(truth)
    tp = sum((p & t).values())
    return PageCounts(tp=tp, fp=sum(p.values()) - tp, fn=sum(t.values()) - tp)


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float
    f1: float


def aeb_score(pages: Iterable[PageCounts]) -> PRF:
    """AEB: mean per-page precision and recall, then F1 of the means."""
    precisions: list[float] = []
    recalls: list[float] = []
    for c in pages:
        if c.tp + c.fp > 0:
            precisions.append(c.tp / (c.tp + c.fp))
        elif c.fn == 0:
            precisions.append(1.0)
        if c.tp + c.fn > 0:
            recalls.append(c.tp / (c.tp + c.fn))
        elif c.fp == 0:
            recalls.append(1.0)
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)


def word_f1(predicted: str, truth: str) -> float:
    """WCXB: F1 over multisets of lower-cased word tokens; both empty = 1."""
    p = Counter(t.lower() for t in tokens(predicted))
    t = Counter(w.lower() for w in tokens(truth))
    if not p and not t:
        return 1.0
    tp = sum((p & t).values())
    if tp == 0:
        return 0.0
    prec, rec = tp / sum(p.values()), tp / sum(t.values())
    return 2 * prec * rec / (prec + rec)


@dataclass
class SnippetCounts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, text: str, with_: Iterable[str], without: Iterable[str]) -> None:
        for s in with_:
            if s in text:
                self.tp += 1
            else:
                self.fn += 1
        for s in without:
            if s in text:
                self.fp += 1

    def score(self) -> PRF:
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * self.tp / (2 * self.tp + self.fp + self.fn) if self.tp else 0.0
        return PRF(p, r, f)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def title_match(predicted: str | None, truth: str | None) -> bool:
    return bool(truth) and _norm(predicted) == _norm(truth)


def author_match(predicted: Iterable[str], truth: Iterable[str]) -> bool:
    return {_norm(a) for a in predicted if a} == {_norm(a) for a in truth if a}


def date_match(predicted: str | None, truth: str | None) -> bool:
    return bool(predicted) and bool(truth) and str(predicted)[:10] == str(truth)[:10]


_NAME_SEPARATORS = re.compile(r"\s*(?:[,;|&/]|\band\b)\s*", re.IGNORECASE)


def author_names(values: Iterable[str]) -> list[str]:
    """Person names from author strings, split on , ; | & / and "and" (same rule for truth and
    prediction, so "A and B" matches ["A", "B"])."""
    names: list[str] = []
    for value in values:
        names.extend(n for n in _NAME_SEPARATORS.split(value or "") if n.strip())
    return names


def page_prf(c: PageCounts) -> PRF:
    """One page's AEB precision, recall and F1 (the per-page rules of :func:`aeb_score`)."""
    p = c.tp / (c.tp + c.fp) if c.tp + c.fp else (1.0 if c.fn == 0 else 0.0)
    r = c.tp / (c.tp + c.fn) if c.tp + c.fn else (1.0 if c.fp == 0 else 0.0)
    return PRF(p, r, 2 * p * r / (p + r) if p + r else 0.0)
