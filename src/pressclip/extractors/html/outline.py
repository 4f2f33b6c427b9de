"""The element tree the text blocks sit in, as their paths give it.

Each block's path is the chain of block-level elements above it, from the page root down. The
rules that weigh elements (where the most prose is, which wrapper holds a rail) need totals
per element over every block beneath it. Adding each block's value to every element of its
path costs the sum of all path lengths; reading the tree once and adding each element's total
to its parent's costs one step per element.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from pressclip.extractors.html.blocks import TextBlock


@dataclass(frozen=True, slots=True)
class Outline:
    """The elements on the blocks' paths (by mem_id), in the order the blocks first reach them,
    each above its descendants; each element's parent (the root is its own) and depth."""

    order: tuple[int, ...]
    parent: dict[int, int]
    depth: dict[int, int]


def outline(blocks: Sequence[TextBlock]) -> Outline:
    """The tree of the elements on the blocks' paths."""
    parent: dict[int, int] = {}
    depth: dict[int, int] = {}
    for block in blocks:
        path = block.path
        # The elements a path reaches first are always its tail: when an element is known,
        # so are all the elements above it.
        start = len(path)
        while start > 0 and path[start - 1] not in parent:
            start -= 1
        for level in range(start, len(path)):
            node = path[level]
            parent[node] = path[level - 1] if level else node
            depth[node] = level
    return Outline(order=tuple(parent), parent=parent, depth=depth)


def subtree_sums(
    tree: Outline, blocks: Sequence[TextBlock], values: Iterable[float]
) -> dict[int, float]:
    """Each element's total of ``values`` (one per block) over the blocks beneath it, keyed in
    the order of ``tree.order``."""
    totals = dict.fromkeys(tree.order, 0.0)
    for block, value in zip(blocks, values, strict=True):
        if value:
            totals[block.path[-1]] += value
    parent = tree.parent
    for node in reversed(tree.order):  # every element comes after its parent in the order
        up = parent[node]
        if up != node:
            totals[up] += totals[node]
    return totals


def run_under(
    blocks: Sequence[TextBlock], node_id: int, depth: int, at: int
) -> Sequence[TextBlock]:
    """The blocks under the element ``node_id`` (at ``depth`` of the paths), one of which is
    ``blocks[at]``. The blocks come in document order, so those under one element follow one
    another: the run around ``at`` is all of them, found without reading the rest."""
    start = at
    while start > 0 and blocks[start - 1].is_under(node_id, depth):
        start -= 1
    end = at + 1
    while end < len(blocks) and blocks[end].is_under(node_id, depth):
        end += 1
    return blocks[start:end]
