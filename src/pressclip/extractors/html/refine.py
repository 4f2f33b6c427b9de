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
import json
import math
import operator
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import cast

from pressclip.extractors.html.blocks import HEADINGS, TextBlock
from pressclip.extractors.html.content import Selection
from pressclip.extractors.html.prose import block_size, is_prose
from pressclip.signals.credits import has_credit

MODEL_FILE = "blocks.json"

_TAGS = ("p", "div", "li", "h1", "h2", "h3", "h4", "td", "blockquote", "br", "dd", "section")
_REGIONS = ("meta", "caption", "comments", "share", "related", "sponsored", "newsletter", "nav",
            "footer", "cookie", "sidebar")  # fmt: skip
_TAG_ONE_HOT = {t: tuple(float(t == u) for u in _TAGS) for t in _TAGS}
_NO_TAG = (0.0,) * len(_TAGS)
_REGION_ONE_HOT: dict[str | None, tuple[float, ...]] = {
    r: tuple(float(r == u) for u in _REGIONS) for r in _REGIONS
}
_NO_REGION = (0.0,) * len(_REGIONS)
_CREDIT_HINT = re.compile(r"[:/(=：©]")
_HEAD = 160
_END = re.compile(r"[.!?。！？…»”\"')\]]\s*$")
_DIGIT = re.compile(r"\d")
_UPPER = re.compile(r"[A-ZÀ-ÞА-Я]")
_WORD = re.compile(r"\w+")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
# Words of page furniture in several languages: one weak signal among many.
_FURNITURE_WORDS = re.compile(
    r"subscrib|newsletter|sign up|log ?in|follow us|share|copyright|all rights|rights reserved|"
    r"read more|click|advert|cookie|related|recommended|comment|abonn|anmeld|teilen|werbung|"
    r"weiterlesen|kommentar|assine|compartilh|leia mais|подпис|реклам|читайте|"
    r"購読|広告|関連|구독|광고|관련|©",
)
# (read on lower-cased text)
_AUTHORISH = re.compile(
    r"^(?:by|von|por|par|di|de|от|автор)\s|@|writer|reporter|editor|correspondent|journalist"
)


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

    def __post_init__(self) -> None:
        weights = tuple(w / s for w, s in zip(self.weights, self.scale, strict=True))
        bias = self.bias - sum(w * m for w, m in zip(weights, self.mean, strict=True))
        object.__setattr__(self, "raw_weights", weights)
        object.__setattr__(self, "raw_bias", bias)
        object.__setattr__(self, "tree_sum", compile_trees(self.trees))

    def log_odds(self, values: Sequence[float]) -> float:
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


def _expression(tree: Sequence[Node], at: int) -> str:
    feature, threshold, left, right, value = tree[at]
    if feature < 0:
        return repr(float(value))
    return (
        f"({_expression(tree, left)} if x[{int(feature)}] < {float(threshold)!r} "
        f"else {_expression(tree, right)})"
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
    for block in body:
        parents[block.path[:-1]] += 1 / len(body)
        texts[block.text] += 1
        if is_prose(block):
            prose.append(block.index)
            if not block.in_list and not block.in_table:
                chars[block.path[:-1]] += len(block.text)
    return PageContext(
        first=body[0].index,
        last=body[-1].index,
        kept_ids=frozenset(id(b) for b in body),
        depth=selection.container.depth,
        container=selection.container.node_id,
        text_parent=max(chars, key=lambda p: chars[p]) if chars else None,
        total=len(blocks),
        kept_prose_chars=sum(block_size(b) for b in body if is_prose(b)),
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
_EDGE = 3


def _plain_paragraph(block: TextBlock) -> bool:
    return is_prose(block) and block_size(block) >= 150 and block.link_density < 0.2


def _text_features(text: str) -> list[float]:
    """Shares and marks read off the block's first characters (cheap on long blocks)."""
    head = text[:_HEAD]
    lower = head.lower()
    words = _WORD.findall(head)
    digits = len(_DIGIT.findall(head))
    letters = sum(map(len, words)) - digits
    cjk = _CJK.search(head) is not None
    latin = bool(words) and not cjk
    return [
        digits / len(head),
        len(_UPPER.findall(head)) / letters if letters > 0 else 0.0,
        sum(1 for w in words if w[0].isupper()) / len(words) if latin else 0.0,
        1.0 if _END.search(text[-4:]) else 0.0,
        1.0 if text.endswith(":") else 0.0,
        math.log1p(text.count(". ") + text.count("。") + text.count("? ") + text.count("! ")),
        math.log1p(text.count(" ") + 1),
        (letters + digits) / len(words) if latin else 0.0,
        1.0 if _FURNITURE_WORDS.search(lower) else 0.0,
        1.0 if _AUTHORISH.search(lower[:80]) else 0.0,
        1.0 if "|" in head or "•" in head or "·" in head else 0.0,
        1.0 if cjk else 0.0,
        1.0 if text[:1].islower() else 0.0,
    ]


_TEXT_NAMES = (
    "digits", "upper", "titled", "sentence_end", "colon_end", "sentences", "log_words",
    "word_len", "furniture_words", "authorish", "separators", "cjk", "lower_start",
)  # fmt: skip


def _bins(size: float) -> list[float]:
    return [float(size < 20), float(size < 50), float(size < 100), float(size < 200),
            float(size >= 400)]  # fmt: skip


def _prose_at(blocks: Sequence[TextBlock], index: int) -> float:
    if 0 <= index < len(blocks):
        return 1.0 if is_prose(blocks[index]) else 0.0
    return 0.0


def features(
    block: TextBlock, ctx: PageContext, blocks: Sequence[TextBlock], position: int, count: int
) -> list[float]:
    """The feature vector of one candidate (``position`` among the ``count`` candidates)."""
    size = block_size(block)
    i = block.index
    kept = id(block) in ctx.kept_ids
    inside = len(block.path) > ctx.depth and block.path[ctx.depth] == ctx.container
    region_inside = block.region is not None and block.region_depth > ctx.depth
    before = max(0, ctx.first - i)
    after = max(0, i - ctx.last)
    first_prose = ctx.prose_indices[0] if ctx.prose_indices else ctx.first
    last_prose = ctx.prose_indices[-1] if ctx.prose_indices else ctx.last
    parent = block.path[:-1]
    return [
        float(kept),
        float(inside),
        float(ctx.first <= i <= ctx.last),
        math.log1p(size),
        *_bins(size),
        block.link_density,
        float(block.link_density > 0.5),
        *_TAG_ONE_HOT.get(block.tag, _NO_TAG),
        float(block.tag in HEADINGS),
        *_REGION_ONE_HOT.get(block.region, _NO_REGION),
        float(region_inside),
        float(block.good),
        float(block.in_list),
        float(block.in_table),
        float(block.in_quote),
        float(block.in_figure),
        float(block.in_pre),
        float(block.starts_with_link),
        float(block.has_time),
        float(is_prose(block)),
        math.log1p(before),
        math.log1p(after),
        float(before > 0),
        float(after > 0),
        math.log1p(max(0, first_prose - i)),
        math.log1p(max(0, i - last_prose)),
        float(i < first_prose),
        float(i > last_prose),
        math.log1p(abs(len(block.path) - ctx.depth)),
        float(ctx.text_parent is not None and parent == ctx.text_parent),
        float(ctx.text_parent is not None and parent[: len(ctx.text_parent)] == ctx.text_parent),
        _prose_at(blocks, i - 1),
        _prose_at(blocks, i + 1),
        _prose_at(blocks, i - 2) + _prose_at(blocks, i + 2),
        i / max(1, ctx.total),
        position / max(1, count),
        math.log1p(ctx.kept_prose_chars),
        size / max(1.0, ctx.kept_prose_chars),
        *_text_features(block.text),
        *_neighbour(blocks, i - 1, block, ctx),
        *_neighbour(blocks, i + 1, block, ctx),
        ctx.parent_share.get(parent, 0.0),
        float(ctx.kept_texts.get(block.text, 0) > kept),  # the body already has this text
        float(_credit_line(block)),
        float(len(block.path) - len(ctx.text_parent)) if ctx.text_parent is not None else 0.0,
    ]


def _credit_line(block: TextBlock) -> bool:
    """A photo credit or caption line ("... (Image: GETTY)", "Photo: Jane Roe")."""
    text = block.text
    return len(text) < 300 and _CREDIT_HINT.search(text) is not None and has_credit(text)


def _neighbour(
    blocks: Sequence[TextBlock], index: int, block: TextBlock, ctx: PageContext
) -> tuple[float, float, float, float, float]:
    """The block next to a candidate: kept, same parent, same tag, link density, a heading."""
    if not 0 <= index < len(blocks):
        return 0.0, 0.0, 0.0, 0.0, 0.0
    other = blocks[index]
    return (
        float(id(other) in ctx.kept_ids),
        float(other.path[:-1] == block.path[:-1]),
        float(other.tag == block.tag),
        other.link_density,
        float(other.tag in HEADINGS),
    )


FEATURE_NAMES: tuple[str, ...] = (
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
    rows = [features(b, ctx, blocks, n, len(cands)) for n, b in enumerate(cands)]
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
    keep: set[int] = {id(b) for b in selection.body}
    changed = False
    for block, values in zip(cands, rows, strict=True):
        was = id(block) in ctx.kept_ids
        now = decide(model, was, values)
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
