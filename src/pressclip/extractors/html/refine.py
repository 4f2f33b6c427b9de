"""A second opinion on the blocks at the body's edges, from a small trained linear model.

The rules of :mod:`content` choose the container and filter its blocks; their errors sit near
the edges of what they keep (a lead just outside the container, short opening and closing lines,
boxes about the author, calls to action). This step looks again at the candidate blocks: the
kept ones and the dropped ones within a few blocks of the kept range. Each gets a vector of
layout and text features (no site names; words only as one signal among many) and a logistic
model's verdict. The model is a JSON file of weights shipped with the package
(``models/blocks.json``) and trained by ``python -m bench.train_blocks``.
"""

from __future__ import annotations

import functools
import hashlib
import json
import math
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Final, cast

from pressclip.extractors.html.blocks import HEADINGS, TextBlock
from pressclip.extractors.html.content import Selection
from pressclip.extractors.html.models import log_odds as written_log_odds
from pressclip.extractors.html.prose import block_size, is_prose
from pressclip.signals.credits import has_credit

MODEL_FILE: Final = "blocks.json"

_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "td", "blockquote", "br", "dd", "section")
_REGIONS = ("meta", "caption", "comments", "share", "related", "sponsored", "newsletter", "nav",
            "footer", "cookie", "sidebar")  # fmt: skip
_TAG_ONE_HOT: Final = {t: tuple(float(t == u) for u in _TAGS) for t in _TAGS}
_NO_TAG: Final = (0.0,) * len(_TAGS)
_REGION_ONE_HOT: Final[dict[str | None, tuple[float, ...]]] = {
    r: tuple(float(r == u) for u in _REGIONS) for r in _REGIONS
}
_NO_REGION: Final = (0.0,) * len(_REGIONS)
_CREDIT_HINT: Final = re.compile(r"[:/(=：©]")
_HEAD: Final = 160
_END: Final = re.compile(r"[.!?。！？…»”\"')\]]\s*$")
_DIGIT: Final = re.compile(r"\d")
_UPPER: Final = re.compile(r"[A-ZÀ-ÞА-Я]")
_WORD: Final = re.compile(r"\w+")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Words of page furniture in several languages: one weak signal among many. (Grouped by their
# first letters, which makes the search faster: subscrib, sign up, share, copyright, cookie,
# comment, compartilh, click, all rights, advert, abonn, anmeld, assine, rights reserved,
# read more, related, recommended, log in, login, leia mais, weiterlesen, werbung, newsletter,
# follow us, teilen, kommentar, подпис, реклам, читайте, 購読, 広告, 関連, 구독, 광고, 관련, ©.)
_FURNITURE_WORDS: Final = re.compile(
    r"s(?:ubscrib|ign up|hare)|c(?:o(?:pyright|okie|mment|mpartilh)|lick)|"
    r"a(?:ll rights|dvert|bonn|nmeld|ssine)|r(?:ights reserved|e(?:ad more|lated|commended))|"
    r"l(?:og ?in|eia mais)|w(?:eiterlesen|erbung)|newsletter|follow us|teilen|kommentar|"
    r"подпис|реклам|читайте|購読|広告|関連|구독|광고|관련|©",
)
# (read on lower-cased text) A byline's opening word, or a word of one anywhere: the two halves
# of one alternation ("^(?:by|...)\s|@|writer|..."), matched apart (faster).
_AUTHORISH_START: Final = re.compile(r"(?:by|von|por|par|di|de|от|автор)\s")
_AUTHORISH: Final = re.compile(r"@|writer|reporter|editor|correspondent|journalist")


# One tree node: feature index (-1 for a leaf), threshold, left child, right child, leaf value.
# A value goes left when it is below the threshold.
Node = tuple[int, float, int, int, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class Model:
    """A logistic model: a linear part over standardised features plus small boosted trees over
    the raw features, summed into one log-odds."""

    names: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    weights: tuple[float, ...]
    bias: float
    trees: tuple[tuple[Node, ...], ...] = ()
    threshold_keep: float = 0.5
    threshold_add: float = 0.5
    # Dropped blocks up to this many before the first kept block and after the last are
    # candidates too (0: the model only takes kept blocks out).
    window: int = 0
    # The weights and bias on the raw features (the standardisation folded in).
    raw_weights: tuple[float, ...] = field(init=False, repr=False)
    raw_bias: float = field(init=False, repr=False)
    tree_sum: Callable[[Sequence[float]], float] = field(init=False, repr=False)
    # The log-odds as one compiled function (None when the model does not allow it).
    compiled: Callable[[Sequence[float]], float] | None = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        weights = tuple(w / s for w, s in zip(self.weights, self.scale, strict=True))
        bias = self.bias - sum(w * m for w, m in zip(weights, self.mean, strict=True))
        object.__setattr__(self, "raw_weights", weights)
        object.__setattr__(self, "raw_bias", bias)
        object.__setattr__(self, "tree_sum", compile_trees(self.trees))
        compiled = _written_log_odds(self) or compile_log_odds(bias, weights, self.trees)
        object.__setattr__(self, "compiled", compiled)

    def log_odds(self, values: Sequence[float]) -> float:
        if self.compiled is not None:
            try:
                return self.compiled(values)
            except ValueError:  # not one value per weight: the general form below
                pass
        z: float = self.raw_bias + sum(map(operator.mul, self.raw_weights, values))
        return z + self.tree_sum(values)

    def probability(self, values: Sequence[float]) -> float:
        z = self.log_odds(values)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_json(self) -> dict[str, object]:
        return {
            "names": list(self.names),
            "mean": [round(v, 6) for v in self.mean],
            "scale": [round(v, 6) for v in self.scale],
            "weights": [round(v, 6) for v in self.weights],
            "bias": round(self.bias, 6),
            "trees": [
                [[f, round(t, 6), a, b, round(v, 6)] for f, t, a, b, v in tree]
                for tree in self.trees
            ],
            "threshold_keep": self.threshold_keep,
            "threshold_add": self.threshold_add,
            "window": self.window,
        }


def compile_trees(trees: Sequence[Sequence[Node]]) -> Callable[[Sequence[float]], float]:
    """The trees as one Python expression of nested conditionals, compiled once: several times
    faster than walking the nodes. The source is built from the nodes' numbers alone."""
    if not trees:
        return _zero
    terms = " + ".join(_expression(tree, 0) for tree in trees)
    namespace: dict[str, object] = {}
    exec(compile(f"def tree_sum(x):\n    return {terms}\n", "<refine-trees>", "exec"), namespace)
    return cast(Callable[[Sequence[float]], float], namespace["tree_sum"])


def _zero(values: Sequence[float]) -> float:
    return 0.0


def compile_log_odds(
    bias: float, weights: Sequence[float], trees: Sequence[Sequence[Node]]
) -> Callable[[Sequence[float]], float] | None:
    """``bias + sum(map(operator.mul, weights, values)) + compile_trees(trees)(values)`` as one
    compiled function that unpacks the values into local names first: the same operations in
    the same order (so the same float), in half the time. It takes exactly one value per
    weight (a ValueError otherwise). None when the numbers do not allow it."""
    source = _log_odds_source(bias, weights, trees, "def log_odds(x):")
    if source is None:
        return None
    namespace: dict[str, object] = {}
    exec(compile(source, "<refine-log-odds>", "exec"), namespace)
    return cast(Callable[[Sequence[float]], float], namespace["log_odds"])


def _log_odds_source(
    bias: float, weights: Sequence[float], trees: Sequence[Sequence[Node]], header: str
) -> str | None:
    """The source of :func:`compile_log_odds`'s function, under the ``def`` line ``header``."""
    numbers = (bias, *weights, *(v for tree in trees for node in tree for v in node[1::3]))
    if not weights or not all(math.isfinite(v) for v in numbers):
        return None
    if any(node[0] >= len(weights) for tree in trees for node in tree):
        return None
    # sum() starts from the integer 0: 0 + the first product, then adds the others in order.
    # A zero weight's product is a zero (the values are finite), and adding a zero leaves a
    # non-zero sum as it was (a zero one stays a zero): those terms are left out, a sixth of
    # the shipped model's, and the sum is the same.
    linear = " + ".join(["0", *(f"{float(w)!r} * x{i}" for i, w in enumerate(weights) if w)])
    tree_sum = " + ".join(_expression(tree, 0, "x{}") for tree in trees) if trees else "0.0"
    return (
        f"{header}\n    {', '.join(f'x{i}' for i in range(len(weights)))}, = x\n"
        f"    return ({float(bias)!r} + ({linear})) + ({tree_sum})\n"
    )


def model_digest(model: Model) -> str:
    """A fingerprint of the model's JSON form: it names the model a written module is for."""
    text = json.dumps(model.to_json(), sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def log_odds_module(model: Model) -> str:
    """The source of ``models/log_odds.py``: :func:`compile_log_odds`'s function for ``model``,
    written out as a module with the model's digest. ``python -m bench.train_blocks`` writes it
    beside the model file, and the mypyc build compiles it to machine code like the rest of the
    extractors (the function built at run time stays interpreted: five times slower there)."""
    source = _log_odds_source(
        model.raw_bias,
        model.raw_weights,
        model.trees,
        "def log_odds(x: Sequence[float]) -> float:",
    )
    if source is None:
        raise ValueError("the model's numbers cannot be written as code")
    return (
        f'"""{_WRITTEN_DOC}"""\n\nfrom collections.abc import Sequence\n\n'
        f'DIGEST = "{model_digest(model)}"\n\n\n{source}'
    )


_WRITTEN_DOC: Final = (
    "The shipped block model's log-odds as code, written by ``python -m bench.train_blocks``\n"
    "beside ``blocks.json`` (see ``refine.log_odds_module``): do not edit.\n"
)


def _written_log_odds(model: Model) -> Callable[[Sequence[float]], float] | None:
    """The written module's function when ``model`` is the model it was written for."""
    if model_digest(model) != written_log_odds.DIGEST:
        return None
    return written_log_odds.log_odds


def _expression(tree: Sequence[Node], at: int, value_of: str = "x[{}]") -> str:
    feature, threshold, left, right, value = tree[at]
    if feature < 0:
        return repr(float(value))
    return (
        f"({_expression(tree, left, value_of)} if {value_of.format(int(feature))} "
        f"< {float(threshold)!r} else {_expression(tree, right, value_of)})"
    )


def model_from_json(doc: dict[str, object]) -> Model:
    """A model from its JSON form; the feature names must be this module's."""
    names = tuple(str(n) for n in _list(doc["names"]))
    if names != FEATURE_NAMES:
        raise ValueError("the model's features are not this module's: retrain it")
    trees = tuple(
        tuple(_node(node) for node in _list(tree)) for tree in _list(doc.get("trees", []))
    )
    return Model(
        names=names,
        mean=tuple(float(str(v)) for v in _list(doc["mean"])),
        scale=tuple(float(str(v)) or 1.0 for v in _list(doc["scale"])),
        weights=tuple(float(str(v)) for v in _list(doc["weights"])),
        bias=float(str(doc["bias"])),
        trees=trees,
        threshold_keep=float(str(doc.get("threshold_keep", 0.5))),
        threshold_add=float(str(doc.get("threshold_add", 0.5))),
        window=int(str(doc.get("window", 0))),
    )


def _node(value: object) -> Node:
    f, t, a, b, v = _list(value)
    return int(str(f)), float(str(t)), int(str(a)), int(str(b)), float(str(v))


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise ValueError("malformed model file")
    return value


@functools.cache
def shipped_model() -> Model | None:
    """The model shipped with the package, read once (None when there is none)."""
    path = resources.files("pressclip.extractors.html") / "models" / MODEL_FILE
    if not path.is_file():
        return None
    doc = json.loads(path.read_text(encoding="utf-8"))
    return model_from_json(doc)


@dataclass(frozen=True, slots=True)
class PageContext:
    """What the features of a page's candidates share."""

    first: int
    last: int
    kept_ids: frozenset[int]
    depth: int
    container: int
    text_parent: tuple[int, ...] | None
    total: int
    kept_prose_chars: float
    prose_indices: tuple[int, ...]
    parent_share: dict[tuple[int, ...], float]
    kept_texts: dict[str, int]


def page_context(selection: Selection, blocks: Sequence[TextBlock]) -> PageContext | None:
    """The shared context, or None when the rules kept nothing."""
    body = selection.body
    if not body or selection.container is None:
        return None
    chars: dict[tuple[int, ...], int] = defaultdict(int)
    parents: dict[tuple[int, ...], float] = defaultdict(float)
    texts: dict[str, int] = defaultdict(int)
    prose = []
    prose_sizes = []
    share = 1 / len(body)
    for block in body:
        parent = block.path[:-1]
        parents[parent] += share
        texts[block.text] += 1
        if is_prose(block):
            prose.append(block.index)
            prose_sizes.append(block_size(block))
            if not block.in_list and not block.in_table:
                chars[parent] += len(block.text)
    return PageContext(
        first=body[0].index,
        last=body[-1].index,
        kept_ids=frozenset(id(b) for b in body),
        depth=selection.container.depth,
        container=selection.container.node_id,
        text_parent=max(chars, key=chars.__getitem__) if chars else None,
        total=len(blocks),
        kept_prose_chars=sum(prose_sizes),
        prose_indices=tuple(prose),
        parent_share=parents,
        kept_texts=texts,
    )


def candidates(
    ctx: PageContext, blocks: Sequence[TextBlock], body: Sequence[TextBlock], window: int
) -> list[TextBlock]:
    """The blocks the model re-decides: the kept ones, less the plain paragraphs well inside
    the body (the rules are right there, and skipping them keeps the step cheap); with a
    ``window``, also the dropped blocks from that many before the first kept block to that many
    after the last."""
    settled = {id(b) for b in body[_EDGE:-_EDGE] if _plain_paragraph(b)}
    if window <= 0:
        return [b for b in body if id(b) not in settled]
    near = blocks[max(0, ctx.first - window) : ctx.last + window + 1]
    return [b for b in near if id(b) not in settled]


# Kept blocks this far from either end of the body are re-decided only when not plain prose.
_EDGE: Final = 3


def _plain_paragraph(block: TextBlock) -> bool:
    return is_prose(block) and block_size(block) >= 150 and block.link_density < 0.2


def _text_features(text: str) -> list[float]:
    """Shares and marks read off the block's first characters (cheap on long blocks)."""
    head = text[:_HEAD]
    lower = head.lower()
    words: list[str] = _WORD.findall(head)
    digits = len(_DIGIT.findall(head))
    word_chars = titled = 0
    for word in words:  # (a loop: twice as fast as sum() and a list in the mypyc build)
        word_chars += len(word)
        if word[0].isupper():
            titled += 1
    letters = word_chars - digits
    cjk = not head.isascii() and _CJK.search(head) is not None
    latin = bool(words) and not cjk
    return [
        digits / len(head),
        len(_UPPER.findall(head)) / letters if letters > 0 else 0.0,
        titled / len(words) if latin else 0.0,
        1.0 if _END.search(text[-4:]) else 0.0,
        1.0 if text.endswith(":") else 0.0,
        math.log1p(text.count(". ") + text.count("。") + text.count("? ") + text.count("! ")),
        math.log1p(text.count(" ") + 1),
        (letters + digits) / len(words) if latin else 0.0,
        1.0 if _FURNITURE_WORDS.search(lower) else 0.0,
        1.0 if _AUTHORISH_START.match(lower) or _AUTHORISH.search(lower[:80]) else 0.0,
        1.0 if "|" in head or "•" in head or "·" in head else 0.0,
        1.0 if cjk else 0.0,
        1.0 if text[:1].islower() else 0.0,
    ]


_TEXT_NAMES = (
    "digits", "upper", "titled", "sentence_end", "colon_end", "sentences", "log_words",
    "word_len", "furniture_words", "authorish", "separators", "cjk", "lower_start",
)  # fmt: skip


# Size bins (below 20, 50, 100, 200; from 400), by the size's range.
_BINS_20: Final = (1.0, 1.0, 1.0, 1.0, 0.0)
_BINS_50: Final = (0.0, 1.0, 1.0, 1.0, 0.0)
_BINS_100: Final = (0.0, 0.0, 1.0, 1.0, 0.0)
_BINS_200: Final = (0.0, 0.0, 0.0, 1.0, 0.0)
_BINS_400: Final = (0.0, 0.0, 0.0, 0.0, 0.0)
_BINS_MORE: Final = (0.0, 0.0, 0.0, 0.0, 1.0)
_NO_NEIGHBOUR = (0.0, 0.0, 0.0, 0.0, 0.0)
_NOTHING_BESIDE: Final[tuple[tuple[float, ...], float]] = (_NO_NEIGHBOUR, 0.0)
# What the features read of a block next to a candidate: kept, parent path, tag, link density,
# a heading, prose.
_Near = tuple[float, tuple[int, ...], str, float, float, float]


def _beside(other: _Near, parent: tuple[int, ...], tag: str) -> tuple[tuple[float, ...], float]:
    """A neighbour's features (kept, same parent, same tag, link density, a heading) and its
    prose mark."""
    kept, other_parent, other_tag, density, heading, prose = other
    same_parent = 1.0 if other_parent == parent else 0.0
    return (kept, same_parent, 1.0 if other_tag == tag else 0.0, density, heading), prose


def features(
    block: TextBlock, ctx: PageContext, blocks: Sequence[TextBlock], position: int, count: int
) -> list[float]:
    """The feature vector of one candidate (``position`` among the ``count`` candidates)."""
    return _rows(ctx, blocks, [block], count, position)[0]


def _rows(
    ctx: PageContext,
    blocks: Sequence[TextBlock],
    cands: Sequence[TextBlock],
    count: int,
    start: int = 0,
) -> list[list[float]]:
    """The feature vectors of candidates at positions ``start``, ``start + 1``, ... among
    ``count``: what the page and the neighbouring blocks give worked out once, not per
    candidate (the values are those of computing each feature on its own)."""
    if not cands:
        return []
    n = len(blocks)
    # What the features read of the blocks next to a candidate (up to two away), per block:
    # kept, parent path, tag, link density, a heading, prose.
    lo = max(0, min(b.index for b in cands) - 2)
    span = blocks[lo : min(n, max(b.index for b in cands) + 3)]
    near: list[_Near] = [
        (
            1.0 if id(b) in ctx.kept_ids else 0.0,
            b.path[:-1],
            b.tag,
            b.link_density,
            1.0 if b.tag in HEADINGS else 0.0,
            1.0 if is_prose(b) else 0.0,
        )
        for b in span
    ]
    kept_ids = ctx.kept_ids
    first, last, depth, container = ctx.first, ctx.last, ctx.depth, ctx.container
    first_prose = ctx.prose_indices[0] if ctx.prose_indices else ctx.first
    last_prose = ctx.prose_indices[-1] if ctx.prose_indices else ctx.last
    text_parent = ctx.text_parent
    parent_len = len(text_parent) if text_parent is not None else 0
    total = max(1, ctx.total)
    per = max(1, count)
    log_body = math.log1p(ctx.kept_prose_chars)
    body_chars = max(1.0, ctx.kept_prose_chars)
    parent_share = ctx.parent_share
    kept_texts = ctx.kept_texts
    log1p = math.log1p
    rows = []
    for position, block in enumerate(cands, start):
        size = block_size(block)
        i = block.index
        path = block.path
        tag = block.tag
        text = block.text
        at = i - lo
        if 0 <= at < len(span) and span[at] is block:  # its own values, from the table
            own_kept, parent, _, density, heading, prose = near[at]
            kept = own_kept == 1.0
        else:
            kept = id(block) in kept_ids
            own_kept = 1.0 if kept else 0.0
            parent = path[:-1]
            density = block.link_density
            heading = 1.0 if tag in HEADINGS else 0.0
            prose = 1.0 if is_prose(block) else 0.0
        before = first - i if first > i else 0
        after = i - last if i > last else 0
        # The neighbours' values (zeros past either end of the blocks).
        prev_values, p_prose = _beside(near[at - 1], parent, tag) if i >= 1 else _NOTHING_BESIDE
        next_values, n_prose = _beside(near[at + 1], parent, tag) if i + 1 < n else _NOTHING_BESIDE
        pp_prose = near[at - 2][5] if 0 <= i - 2 < n else 0.0
        nn_prose = near[at + 2][5] if 0 <= i + 2 < n else 0.0
        rows.append([
            own_kept,
            1.0 if block.is_under(container, depth) else 0.0,
            1.0 if first <= i <= last else 0.0,
            log1p(size),
            *(
                _BINS_20 if size < 20 else _BINS_50 if size < 50 else _BINS_100 if size < 100
                else _BINS_200 if size < 200 else _BINS_MORE if size >= 400 else _BINS_400
            ),
            density,
            1.0 if density > 0.5 else 0.0,
            *_TAG_ONE_HOT.get(tag, _NO_TAG),
            heading,
            *_REGION_ONE_HOT.get(block.region, _NO_REGION),
            1.0 if block.region is not None and block.region_depth > depth else 0.0,
            1.0 if block.good else 0.0,
            1.0 if block.in_list else 0.0,
            1.0 if block.in_table else 0.0,
            1.0 if block.in_quote else 0.0,
            1.0 if block.in_figure else 0.0,
            1.0 if block.in_pre else 0.0,
            1.0 if block.starts_with_link else 0.0,
            1.0 if block.has_time else 0.0,
            prose,
            log1p(before) if before else 0.0,
            log1p(after) if after else 0.0,
            1.0 if before > 0 else 0.0,
            1.0 if after > 0 else 0.0,
            log1p(first_prose - i) if first_prose > i else 0.0,  # log1p(0) is 0.0
            log1p(i - last_prose) if i > last_prose else 0.0,
            1.0 if i < first_prose else 0.0,
            1.0 if i > last_prose else 0.0,
            log1p(abs(len(path) - depth)),
            1.0 if text_parent is not None and parent == text_parent else 0.0,
            1.0 if text_parent is not None and parent[:parent_len] == text_parent else 0.0,
            p_prose,
            n_prose,
            pp_prose + nn_prose,
            i / total,
            position / per,
            log_body,
            size / body_chars,
            *_text_features(text),
            *prev_values,
            *next_values,
            parent_share.get(parent, 0.0),
            1.0 if kept_texts.get(text, 0) > kept else 0.0,  # the body already has this text
            # a photo credit or caption line ("... (Image: GETTY)", "Photo: Jane Roe")
            1.0 if len(text) < 300 and _CREDIT_HINT.search(text) and has_credit(text) else 0.0,
            float(len(path) - parent_len) if text_parent is not None else 0.0,
        ])  # fmt: skip
    return rows


FEATURE_NAMES: Final[tuple[str, ...]] = (
    "kept", "in_container", "in_range", "log_size", "lt20", "lt50", "lt100", "lt200", "ge400",
    "link_density", "linky", *(f"tag_{t}" for t in _TAGS), "heading",
    *(f"region_{r}" for r in _REGIONS),
    "region_inside", "good", "in_list", "in_table", "in_quote", "in_figure", "in_pre",
    "starts_with_link", "has_time", "prose", "log_before", "log_after", "before", "after",
    "log_before_prose", "log_after_prose", "before_prose", "after_prose", "log_depth",
    "text_parent", "under_text_parent", "prev_prose", "next_prose", "near_prose", "page_pos",
    "cand_pos", "log_body", "body_share", *_TEXT_NAMES,
    *(f"{side}_{what}" for side in ("prev", "next")
      for what in ("kept", "same_parent", "same_tag", "link_density", "heading")),
    "parent_share", "repeats_body", "credit", "depth_from_text_parent",
)  # fmt: skip


def candidate_features(
    selection: Selection, blocks: Sequence[TextBlock], window: int = 0
) -> tuple[list[TextBlock], list[list[float]], PageContext | None]:
    """The candidates of a page and their feature vectors."""
    ctx = page_context(selection, blocks)
    if ctx is None:
        return [], [], None
    cands = candidates(ctx, blocks, selection.body, window)
    rows = _rows(ctx, blocks, cands, len(cands))
    return cands, rows, ctx


def decide(model: Model, kept: bool, values: Sequence[float]) -> bool:
    """Keep the block? A rule-kept block stays unless the model is sure enough, and the other
    way round (two thresholds)."""
    p = model.probability(values)
    return p >= model.threshold_keep if kept else p >= model.threshold_add


def refine(
    selection: Selection, blocks: Sequence[TextBlock], model: Model | None = None
) -> Selection:
    """The selection with its candidate blocks re-decided by the model (unchanged without one)."""
    model = model or shipped_model()
    if model is None:
        return selection
    cands, rows, ctx = candidate_features(selection, blocks, model.window)
    if ctx is None:
        return selection
    keep: set[int] = set(ctx.kept_ids)
    changed = False
    for block, values in zip(cands, rows, strict=True):
        was = id(block) in ctx.kept_ids
        now = model.probability(values) >= (model.threshold_keep if was else model.threshold_add)
        if now != was:
            changed = True
            if now:
                keep.add(id(block))
            else:
                keep.discard(id(block))
    if not changed:
        return selection
    body = [b for b in blocks if id(b) in keep]
    dropped = [b for b in (*selection.dropped, *selection.body) if id(b) not in keep]
    return Selection(
        body=body, dropped=dropped, container=selection.container, standfirst=selection.standfirst
    )
