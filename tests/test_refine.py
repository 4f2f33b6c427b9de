"""The block model's step: features of a hand-written page, the model file, and its verdicts."""

from __future__ import annotations

import json
import random
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html import refine as rf
from pressclip.extractors.html.blocks import TextBlock, flatten
from pressclip.extractors.html.content import Selection, select_body

REPO = Path(__file__).resolve().parents[1]
PARAGRAPHS = [
    "The council voted on Tuesday to close the old ferry landing after four decades of service.",
    "Residents who had campaigned for a new bridge said the decision came far too late for them.",
    "The mayor said the money saved would go to the bus routes that replace the ferry this spring.",
    "Engineers will begin removing the pontoons in April, weather permitting, the city said.",
]
PAGE = (
    "<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
    "<h1>Ferry landing to close</h1><div class='story'>"
    + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    + "<p>Sign up for our newsletter</p></div>"
    "<footer><p>© 2025 Town Times. All rights reserved.</p></footer></body></html>"
)


def _walk_trees(trees: Sequence[Sequence[rf.Node]], values: Sequence[float]) -> float:
    """The trees' summed output, node by node: the reference for rf.compile_trees."""
    total = 0.0
    for tree in trees:
        node = tree[0]
        while node[0] >= 0:
            node = tree[node[2]] if values[node[0]] < node[1] else tree[node[3]]
        total += node[4]
    return total


def _page() -> tuple[Selection, list[TextBlock]]:
    tree = LexborHTMLParser(PAGE)
    assert tree.body is not None
    blocks = flatten(tree.body)
    return select_body(blocks, headline="Ferry landing to close"), blocks


def _model(weights: dict[str, float], bias: float = 0.0, **kw: float) -> rf.Model:
    n = len(rf.FEATURE_NAMES)
    return rf.Model(
        names=rf.FEATURE_NAMES,
        mean=(0.0,) * n,
        scale=(1.0,) * n,
        weights=tuple(weights.get(name, 0.0) for name in rf.FEATURE_NAMES),
        bias=bias,
        **kw,  # type: ignore[arg-type]
    )


def test_every_candidate_gets_one_value_per_feature_name() -> None:
    selection, blocks = _page()
    cands, rows, ctx = rf.candidate_features(selection, blocks, window=6)
    assert ctx is not None and cands
    assert all(len(row) == len(rf.FEATURE_NAMES) for row in rows)
    kept = rf.FEATURE_NAMES.index("kept")
    by_text = {b.text: row for b, row in zip(cands, rows, strict=True)}
    assert by_text[PARAGRAPHS[0]][kept] == 1.0
    assert by_text["Ferry landing to close"][kept] == 0.0  # the headline, dropped by the rules


def test_a_model_that_says_drop_short_blocks_drops_them() -> None:
    selection, blocks = _page()
    # log odds = 5 - 10 * (size < 50): long paragraphs stay, short lines go
    model = _model({"lt50": -10.0}, bias=5.0)
    texts = [b.text for b in rf.refine(selection, blocks, model).body]
    assert texts == PARAGRAPHS


def test_a_model_that_keeps_everything_in_the_window_adds_the_dropped_lines() -> None:
    selection, blocks = _page()
    model = _model({}, bias=5.0, window=6)
    refined = rf.refine(selection, blocks, model)
    texts = [b.text for b in refined.body]
    assert "Ferry landing to close" in texts
    assert [b.index for b in refined.body] == sorted(b.index for b in refined.body)
    assert not {id(b) for b in refined.body} & {id(b) for b in refined.dropped}


def test_the_thresholds_differ_for_kept_and_dropped_blocks() -> None:
    selection, blocks = _page()
    # p = 0.5 for every block: kept blocks stay (0.5 >= 0.4), dropped ones stay out (< 0.6)
    model = _model({}, bias=0.0, threshold_keep=0.4, threshold_add=0.6, window=6)
    assert rf.refine(selection, blocks, model).body == selection.body


def test_without_a_window_the_model_only_takes_blocks_out() -> None:
    selection, blocks = _page()
    cands, _, _ = rf.candidate_features(selection, blocks, window=0)
    assert {id(b) for b in cands} <= {id(b) for b in selection.body}
    assert rf.refine(selection, blocks, _model({}, bias=5.0)).body == selection.body


def test_compiled_trees_agree_with_walking_them() -> None:
    tree: tuple[rf.Node, ...] = (
        (0, 0.5, 1, 2, 0.0),
        (-1, 0.0, 0, 0, -1.25),
        (1, 3.0, 3, 4, 0.0),
        (-1, 0.0, 0, 0, 0.5),
        (-1, 0.0, 0, 0, 2.0),
    )
    compiled = rf.compile_trees([tree, tree])
    for values in ([0.0, 0.0], [1.0, 1.0], [1.0, 5.0], [0.5, 3.0]):
        assert compiled(values) == pytest.approx(_walk_trees([tree, tree], values))


def test_a_model_round_trips_through_json() -> None:
    tree: tuple[rf.Node, ...] = ((2, 1.5, 1, 2, 0.0), (-1, 0.0, 0, 0, -1.0), (-1, 0.0, 0, 0, 1.0))
    model = _model({"kept": 2.0, "log_size": -0.5}, bias=0.25)
    model = rf.Model(
        names=model.names, mean=model.mean, scale=model.scale, weights=model.weights,
        bias=model.bias, trees=(tree,), threshold_keep=0.3, threshold_add=0.7,
    )  # fmt: skip
    again = rf.model_from_json(json.loads(json.dumps(model.to_json())))
    values = [float(i % 3) for i in range(len(rf.FEATURE_NAMES))]
    assert again.probability(values) == pytest.approx(model.probability(values))
    assert (again.threshold_keep, again.threshold_add) == (0.3, 0.7)


def test_a_model_for_other_features_is_refused() -> None:
    doc = _model({}).to_json()
    doc["names"] = ["something", "else"]
    with pytest.raises(ValueError, match="retrain"):
        rf.model_from_json(doc)


def test_the_shipped_model_loads_and_matches_the_features() -> None:
    path = resources.files("pressclip.extractors.html") / "models" / rf.MODEL_FILE
    if not path.is_file():
        pytest.skip("no model shipped")
    model = rf.shipped_model()
    assert model is not None
    assert model.names == rf.FEATURE_NAMES
    selection, blocks = _page()
    _, rows, _ = rf.candidate_features(selection, blocks)
    assert all(0.0 <= model.probability(row) <= 1.0 for row in rows)


def test_the_written_log_odds_module_is_the_shipped_models() -> None:
    """models/log_odds.py is what bench.train_blocks writes for the shipped model today (so a
    retrained model or a changed generator without it fails here), and the model uses it."""
    from pressclip.extractors.html.models import log_odds as written

    model = rf.shipped_model()
    assert model is not None
    # (the checkout's file: an installed mypyc build may hold only its compiled form)
    source = REPO / "src" / "pressclip" / "extractors" / "html" / "models" / "log_odds.py"
    assert source.read_text(encoding="utf-8") == rf.log_odds_module(model)
    assert rf.model_digest(model) == written.DIGEST
    assert model.compiled is written.log_odds


def test_the_written_log_odds_give_the_same_floats_as_the_built_function() -> None:
    from pressclip.extractors.html.models import log_odds as written

    model = rf.shipped_model()
    assert model is not None
    built = rf.compile_log_odds(model.raw_bias, model.raw_weights, model.trees)
    assert built is not None
    rng = random.Random(7)
    n = len(rf.FEATURE_NAMES)
    for _ in range(200):
        values = [rng.choice((0.0, 1.0, rng.uniform(-3.0, 3.0), rng.uniform(0.0, 500.0)))
                  for _ in range(n)]  # fmt: skip
        assert written.log_odds(values) == built(values)
        linear = sum(w * v for w, v in zip(model.raw_weights, values, strict=True))
        expected = model.raw_bias + linear + model.tree_sum(values)
        assert written.log_odds(values) == pytest.approx(expected)


def test_another_model_builds_its_own_log_odds() -> None:
    from pressclip.extractors.html.models import log_odds as written

    model = _model({"kept": 2.0}, bias=0.5)
    assert model.compiled is not None and model.compiled is not written.log_odds
    values = [1.0] * len(rf.FEATURE_NAMES)
    assert model.log_odds(values) == pytest.approx(2.5)
