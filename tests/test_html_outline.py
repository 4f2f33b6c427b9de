"""The element tree of the blocks' paths: totals per element equal the sums along the paths."""

from __future__ import annotations

from collections import defaultdict

from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.blocks import flatten
from pressclip.extractors.html.outline import outline, subtree_sums

_PAGE = """<html><body>
<header><h1>Headline</h1><p>By A Writer</p></header>
<main><article>
  <p>First paragraph of the story.</p>
  <div class="inline"><p>Second</p><ul><li>one</li><li>two <a href="/x">link</a></li></ul></div>
  <p>Third<br>line</p>
</article>
<aside><div><div><p>Deep teaser</p></div></div></aside></main>
<footer>Footer</footer>
</body></html>"""


def test_subtree_sums_equal_sums_along_every_path() -> None:
    tree = LexborHTMLParser(_PAGE)
    assert tree.body is not None
    blocks = flatten(tree.body)
    values = [float(len(b.text)) for b in blocks]
    expected: dict[int, float] = defaultdict(float)
    first_seen: list[int] = []
    for block, value in zip(blocks, values, strict=True):
        for node_id in block.path:
            if node_id not in expected:
                first_seen.append(node_id)
            expected[node_id] += value
    shape = outline(blocks)
    totals = subtree_sums(shape, blocks, values)
    assert totals == dict(expected)
    assert list(totals) == first_seen  # ties between elements resolve in the same order
    for block in blocks:
        for depth, node_id in enumerate(block.path):
            assert shape.depth[node_id] == depth
            assert shape.parent[node_id] == (block.path[depth - 1] if depth else node_id)
