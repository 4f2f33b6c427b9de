"""Train the block model of :mod:`pressclip.extractors.html.refine` and report what it changes.

    python -m bench.train_blocks [--sets aeb,wcxb-dev,trafilatura-eval] [--out FILE] [--limit N]

One reproducible run: every page of the named dev sets is extracted by the rules; the blocks
near the kept ones get their features and a label from the page's ground truth (AEB and WCXB:
the body text; trafilatura-eval: its with/without snippets; blocks the truth does not settle are
skipped). About a quarter of each set (by a hash of the page id) is held out: never trained on,
and the figures on it compare rules-only with rules+model. A logistic regression (Newton steps,
L2) is fitted with numpy; its two thresholds are chosen on the training pages' own scores. The
model is written as JSON (``--out``, by default the package's ``models/blocks.json``), and its
log-odds as code beside it (``log_odds.py``, which the mypyc build compiles).
"""

from __future__ import annotations

import argparse
import gzip
import json
import pickle
import re
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bench.metrics import SnippetCounts, aeb_counts, aeb_score, word_f1
from bench.pages import (
    AEB,
    TRAF,
    WCXB,
    Page,
    held_out,
    load_aeb,
    load_trafilatura_eval,
    load_wcxb,
)
from bench.run import DEFAULT_DATA
from pressclip._errors import PressclipError
from pressclip.api import prepare_text
from pressclip.extractors.html import refine as rf
from pressclip.extractors.html.assemble import body_text, to_body
from pressclip.extractors.html.blocks import TextBlock, flatten
from pressclip.extractors.html.content import Selection, select_body
from pressclip.extractors.html.metadata import extract_metadata
from pressclip.extractors.html.parse import parse_html
from pressclip.settings import DEFAULT

ROOT = Path(__file__).resolve().parents[1]
MODEL_PATH = ROOT / "src" / "pressclip" / "extractors" / "html" / "models" / rf.MODEL_FILE
LOG_ODDS_FILE = "log_odds.py"  # (written beside the model: rf.log_odds_module)
LOADERS: dict[str, Callable[[Path], list[Page]]] = {
    AEB: load_aeb,
    WCXB: load_wcxb,
    TRAF: load_trafilatura_eval,
}
_TOKEN = re.compile(r"\w+")


@dataclass(slots=True)
class PageData:
    """One page's candidates: features, rule verdicts, labels, texts (for quick scoring)."""

    page: Page
    test: bool
    rows: list[list[float] | None] = field(default_factory=list)
    kept: list[bool] = field(default_factory=list)
    labels: list[int | None] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)


# ---- running the rules -------------------------------------------------------------------


def _selection(page: Page) -> tuple[Selection, list[TextBlock]] | None:
    try:
        text, _, _ = prepare_text(gzip.decompress(page.html.read_bytes()), DEFAULT.limits)
        tree = parse_html(text, DEFAULT.limits)
    except PressclipError:
        return None
    meta = extract_metadata(tree, url=page.url)
    root = tree.body or tree.root
    blocks = flatten(root) if root is not None else []
    selection = select_body(blocks, headline=meta.headline, authors=[p.name for p in meta.author])
    return selection, blocks


def extract_body(page: Page, model: rf.Model | None) -> str:
    """articleBody as the pipeline makes it, with the model or with the rules alone."""
    found = _selection(page)
    if found is None:
        return ""
    selection, blocks = found
    if model is not None:
        selection = rf.refine(selection, blocks, model)
    return body_text(to_body(selection.body))


# ---- labels ------------------------------------------------------------------------------


def _tokens(text: str) -> list[str]:
    return [t.lower() for t in _TOKEN.findall(text)]


@dataclass(frozen=True, slots=True)
class Truth:
    grams: tuple[frozenset[tuple[str, ...]], ...]  # 1-, 2-, 3-, 4-grams of the truth text
    with_: tuple[str, ...]
    without: tuple[str, ...]


def _truth(page: Page) -> Truth:
    toks = _tokens(page.truth.body or "")
    grams = tuple(
        frozenset(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1)) for n in (1, 2, 3, 4)
    )
    norm = " ".join
    return Truth(
        grams=grams,
        with_=tuple(norm(s.split()) for s in page.truth.with_ if s.strip()),
        without=tuple(norm(s.split()) for s in page.truth.without if s.strip()),
    )


def _snippet_label(text: str, truth: Truth) -> int | None:
    text = " ".join(text.split())

    def hit(snippets: Sequence[str]) -> bool:
        return any(s in text or (len(text) >= 20 and text in s) for s in snippets)

    pos, neg = hit(truth.with_), hit(truth.without)
    if pos == neg:
        return None
    return 1 if pos else 0


def _body_label(text: str, truth: Truth) -> int | None:
    toks = _tokens(text)
    if not toks:
        return None
    if len(toks) < 4:
        return 1 if tuple(toks) in truth.grams[len(toks) - 1] else 0
    shingles = [tuple(toks[i : i + 4]) for i in range(len(toks) - 3)]
    share = sum(s in truth.grams[3] for s in shingles) / len(shingles)
    if share >= 0.8:
        return 1
    if share <= 0.2:
        return 0
    return None


def label(page: Page, text: str, truth: Truth) -> int | None:
    if page.set == TRAF:
        return _snippet_label(text, truth)
    if page.set == WCXB and _snippet_label(text, truth) == 0:
        return 0  # a "without" snippet settles it
    return _body_label(text, truth)


def collect(page: Page, window: int) -> PageData:
    data = PageData(page=page, test=held_out(page))
    found = _selection(page)
    if found is None:
        return data
    selection, blocks = found
    cands, rows, ctx = rf.candidate_features(selection, blocks, window)
    if ctx is None:
        return data
    truth = _truth(page)
    row_of = {id(b): row for b, row in zip(cands, rows, strict=True)}
    for block in sorted({*cands, *selection.body}, key=lambda b: b.index):
        row = row_of.get(id(block))
        data.rows.append(row)  # None: a paragraph the model does not re-decide
        data.kept.append(id(block) in ctx.kept_ids)
        repeat = block.text in ctx.kept_texts and id(block) not in ctx.kept_ids
        # a copy of a kept block's text adds nothing but repeated words
        verdict = 0 if repeat else label(page, block.text, truth)
        data.labels.append(verdict if row is not None else None)
        data.texts.append(block.text)
    return data


# ---- training ----------------------------------------------------------------------------


WEIGHT_POWER = 0.5


def _weight(text: str) -> float:
    """Longer blocks weigh more (the scores count words), with diminishing returns."""
    return min(len(text) ** WEIGHT_POWER, 1600.0**WEIGHT_POWER)


def training_arrays(pages: Sequence[PageData]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    xs: list[list[float]] = []
    ys: list[int] = []
    ws: list[float] = []
    per_set: Counter[str] = Counter()
    sets: list[str] = []
    for data in pages:
        for row, lab, text in zip(data.rows, data.labels, data.texts, strict=True):
            if lab is None or row is None:
                continue
            xs.append(row)
            ys.append(lab)
            ws.append(_weight(text))
            sets.append(data.page.set)
            per_set[data.page.set] += 1
    weights = np.array(ws)
    total = weights.sum()
    # each set weighs the same in total
    names = np.array(sets)
    for name in per_set:
        mask = names == name
        weights[mask] *= total / len(per_set) / weights[mask].sum()
    return np.array(xs, dtype=float), np.array(ys, dtype=float), weights


def fit(x: np.ndarray, y: np.ndarray, w: np.ndarray, l2: float) -> rf.Model:
    """Weighted logistic regression on standardised features, by Newton's method."""
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-9] = 1.0
    z = (x - mean) / scale
    z = np.hstack([z, np.ones((len(z), 1))])
    beta = np.zeros(z.shape[1])
    reg = np.full(z.shape[1], l2 * w.sum() / len(w))
    reg[-1] = 0.0
    for _ in range(30):
        p = 1.0 / (1.0 + np.exp(-np.clip(z @ beta, -30, 30)))
        grad = z.T @ (w * (p - y)) + reg * beta
        hess = (z * (w * p * (1 - p))[:, None]).T @ z + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if np.abs(step).max() < 1e-7:
            break
    return rf.Model(
        names=rf.FEATURE_NAMES,
        mean=tuple(float(v) for v in mean),
        scale=tuple(float(v) for v in scale),
        weights=tuple(float(v) for v in beta[:-1]),
        bias=float(beta[-1]),
    )


def _bin_edges(x: np.ndarray, bins: int) -> list[np.ndarray]:
    qs = np.linspace(0, 1, bins + 1)[1:-1]
    return [np.unique(np.quantile(x[:, f], qs)) for f in range(x.shape[1])]


@dataclass(slots=True)
class _Grower:
    """Grows one regression tree on the gradients of the logistic loss (second order)."""

    binned: np.ndarray  # samples x features, bin numbers
    edges: list[np.ndarray]
    g: np.ndarray
    h: np.ndarray
    depth: int
    lam: float
    rate: float
    min_hess: float
    nodes: list[rf.Node] = field(default_factory=list)

    def grow(self, idx: np.ndarray, depth: int) -> int:
        at = len(self.nodes)
        self.nodes.append((-1, 0.0, 0, 0, 0.0))
        gsum, hsum = self.g[idx].sum(), self.h[idx].sum()
        split = self._best_split(idx, gsum, hsum) if depth < self.depth else None
        if split is None:
            self.nodes[at] = (-1, 0.0, 0, 0, float(-self.rate * gsum / (hsum + self.lam)))
            return at
        feature, k = split
        go_left = self.binned[idx, feature] <= k
        left = self.grow(idx[go_left], depth + 1)
        right = self.grow(idx[~go_left], depth + 1)
        self.nodes[at] = (feature, float(self.edges[feature][k]), left, right, 0.0)
        return at

    def _best_split(self, idx: np.ndarray, gsum: float, hsum: float) -> tuple[int, int] | None:
        nbins = max(len(e) for e in self.edges) + 1
        nfeat = self.binned.shape[1]
        flat = (self.binned[idx] + np.arange(nfeat) * nbins).ravel()
        gh = np.bincount(flat, weights=np.repeat(self.g[idx], nfeat), minlength=nfeat * nbins)
        hh = np.bincount(flat, weights=np.repeat(self.h[idx], nfeat), minlength=nfeat * nbins)
        gl = np.cumsum(gh.reshape(nfeat, nbins), axis=1)[:, :-1]
        hl = np.cumsum(hh.reshape(nfeat, nbins), axis=1)[:, :-1]
        gr, hr = gsum - gl, hsum - hl
        gain = gl**2 / (hl + self.lam) + gr**2 / (hr + self.lam) - gsum**2 / (hsum + self.lam)
        valid = (hl >= self.min_hess) & (hr >= self.min_hess)
        for f, e in enumerate(self.edges):
            valid[f, len(e) :] = False  # no edge there
        gain = np.where(valid, gain, -np.inf)
        best = int(np.argmax(gain))
        feature, k = divmod(best, nbins - 1)
        if not np.isfinite(gain[feature, k]) or gain[feature, k] <= 1e-6:
            return None
        return feature, k


def boost(
    model: rf.Model, x: np.ndarray, y: np.ndarray, w: np.ndarray, *, trees: int, depth: int
) -> rf.Model:
    """Small boosted trees fitted on what the linear model leaves."""
    if trees <= 0:
        return model
    edges = _bin_edges(x, 32)
    binned = np.stack([np.searchsorted(e, x[:, f], side="right") for f, e in enumerate(edges)], 1)
    margin = np.array([model.log_odds(row) for row in x.tolist()])
    grown: list[tuple[rf.Node, ...]] = []
    scale = w / w.mean()
    for _ in range(trees):
        p = 1.0 / (1.0 + np.exp(-np.clip(margin, -30, 30)))
        grower = _Grower(binned, edges, scale * (p - y), scale * p * (1 - p), depth, lam=5.0,
                         rate=0.2, min_hess=20.0)  # fmt: skip
        grower.grow(np.arange(len(y)), 0)
        tree = tuple(grower.nodes)
        grown.append(tree)
        margin += _tree_values(tree, x)
    return _with(model, trees=tuple(grown))


def _tree_values(tree: tuple[rf.Node, ...], x: np.ndarray) -> np.ndarray:
    out = np.zeros(len(x))
    stack = [(0, np.arange(len(x)))]
    while stack:
        at, idx = stack.pop()
        f, t, left, right, value = tree[at]
        if f < 0:
            out[idx] = value
            continue
        go = x[idx, f] < t
        stack.append((left, idx[go]))
        stack.append((right, idx[~go]))
    return out


def _with(model: rf.Model, **changes: object) -> rf.Model:
    fields = {name: getattr(model, name) for name in ("names", "mean", "scale", "weights", "bias",
              "trees", "threshold_keep", "threshold_add", "window")}  # fmt: skip
    fields.update(changes)
    return rf.Model(**fields)  # type: ignore[arg-type]


# ---- scoring (quick: the body is the kept candidates' text) --------------------------------


@dataclass(frozen=True, slots=True)
class Scores:
    aeb: float
    wcxb: float
    traf: float

    def line(self) -> str:
        return f"AEB F1={self.aeb:.4f}  WCXB word F1={self.wcxb:.4f}  traf F1={self.traf:.4f}"


def score_bodies(pages: Sequence[Page], bodies: Sequence[str]) -> Scores:
    aeb = [aeb_counts(b, p.truth.body or "") for p, b in zip(pages, bodies, strict=True)
           if p.set == AEB]  # fmt: skip
    wcxb = [word_f1(b, p.truth.body or "") for p, b in zip(pages, bodies, strict=True)
            if p.set == WCXB]  # fmt: skip
    snippets = SnippetCounts()
    for page, body in zip(pages, bodies, strict=True):
        if page.set == TRAF:
            snippets.add(body, page.truth.with_, page.truth.without)
    return Scores(
        aeb=aeb_score(aeb).f1 if aeb else float("nan"),
        wcxb=sum(wcxb) / len(wcxb) if wcxb else float("nan"),
        traf=snippets.score().f1,
    )


Probabilities = list[list[float | None]]


def probabilities(pages: Sequence[PageData], model: rf.Model) -> Probabilities:
    """The model's probability for every candidate (None for the blocks it does not see)."""
    return [[None if r is None else model.probability(r) for r in d.rows] for d in pages]


def quick_body(data: PageData, probs: list[float | None] | None, keep: float, add: float) -> str:
    """The body as the kept candidates' text (exact for the scores, which count words)."""
    parts = []
    for n, (kept, text) in enumerate(zip(data.kept, data.texts, strict=True)):
        p = probs[n] if probs is not None else None
        if p is None:
            if kept or data.rows[n] is None:
                parts.append(text)
        elif p >= (keep if kept else add):
            parts.append(text)
    return "\n\n".join(parts)


def quick_scores(
    pages: Sequence[PageData], probs: Probabilities | None, keep: float = 0.5, add: float = 0.5
) -> Scores:
    bodies = [
        quick_body(d, probs[i] if probs is not None else None, keep, add)
        for i, d in enumerate(pages)
    ]
    return score_bodies([d.page for d in pages], bodies)


def model_scores(pages: Sequence[PageData], model: rf.Model | None) -> Scores:
    if model is None:
        return quick_scores(pages, None)
    probs = probabilities(pages, model)
    return quick_scores(pages, probs, model.threshold_keep, model.threshold_add)


def _gain(base: Scores, new: Scores) -> float:
    return (new.aeb - base.aeb) + (new.wcxb - base.wcxb) + (new.traf - base.traf)


def tune(model: rf.Model, pages: Sequence[PageData]) -> rf.Model:
    """The two thresholds that score best on the given (training) pages (one without a window:
    no dropped block is a candidate)."""
    base = quick_scores(pages, None)
    probs = probabilities(pages, model)
    best, best_gain = model, 0.0
    for keep in (0.1, 0.2, 0.3, 0.4, 0.5):
        for add in (0.5, 0.6, 0.7, 0.8, 0.9, 1.01) if model.window else (1.01,):
            gain = _gain(base, quick_scores(pages, probs, keep, add))
            if gain > best_gain:
                best, best_gain = _with(model, threshold_keep=keep, threshold_add=add), gain
    return best


def exact_scores(pages: Sequence[Page], model: rf.Model | None) -> tuple[Scores, float]:
    t0 = time.perf_counter()
    bodies = [extract_body(p, model) for p in pages]
    return score_bodies(pages, bodies), (time.perf_counter() - t0) / max(1, len(pages))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default=",".join(LOADERS))
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--limit", type=int, default=0, help="pages per set (for a quick try)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--trees", type=int, default=100, help="boosted trees over the linear part")
    ap.add_argument("--depth", type=int, default=3)
    ap.add_argument(
        "--window", type=int, default=0, help="also re-decide dropped blocks this near the body"
    )
    ap.add_argument("--cache", type=Path, default=None, help="features pickled here (scratch)")
    ap.add_argument("--exact", action="store_true", help="also score through the pipeline")
    ap.add_argument("--weight-power", type=float, default=WEIGHT_POWER)
    args = ap.parse_args()
    globals()["WEIGHT_POWER"] = args.weight_power
    pages: list[Page] = []
    for name in args.sets.split(","):
        pages.extend(LOADERS[name](args.data / name)[: args.limit or None])
    t0 = time.perf_counter()
    if args.cache and args.cache.exists():
        collected = pickle.loads(args.cache.read_bytes())
    else:
        collected = [collect(p, args.window) for p in pages]
        if args.cache:
            args.cache.write_bytes(pickle.dumps(collected))
    print(f"features of {len(pages)} pages in {time.perf_counter() - t0:.1f}s")
    train = [d for d in collected if not d.test]
    test = [d for d in collected if d.test]
    x, y, w = training_arrays(train)
    print(f"training blocks: {len(y)} ({int(y.sum())} content), held-out pages: {len(test)}")
    model = _with(fit(x, y, w, args.l2), window=args.window)
    model = tune(boost(model, x, y, w, trees=args.trees, depth=args.depth), train)
    print(f"thresholds: keep>={model.threshold_keep} add>={model.threshold_add}")
    for label_, part in (("train", train), ("held-out", test), ("all", collected)):
        print(f"{label_:>9} rules:       {model_scores(part, None).line()}")
        print(f"{label_:>9} rules+model: {model_scores(part, model).line()}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(model.to_json()) + "\n", encoding="utf-8")
    print(f"model written to {args.out} ({args.out.stat().st_size} bytes)")
    code = args.out.with_name(LOG_ODDS_FILE)
    code.write_text(rf.log_odds_module(model), encoding="utf-8")
    print(f"its log-odds written to {code} (the package uses it while it matches the model)")
    ranked = sorted(zip(model.names, model.weights, strict=True), key=lambda nw: -abs(nw[1]))
    print("largest weights: " + ", ".join(f"{n}={v:+.2f}" for n, v in ranked[:12]))
    if args.exact:
        for label_, part in (("held-out", [d.page for d in test]), ("all", pages)):
            rules, t_rules = exact_scores(part, None)
            both, t_both = exact_scores(part, model)
            print(f"{label_:>9} exact rules:       {rules.line()}  {1000 * t_rules:.1f} ms/page")
            print(f"{label_:>9} exact rules+model: {both.line()}  {1000 * t_both:.1f} ms/page")


if __name__ == "__main__":
    main()
