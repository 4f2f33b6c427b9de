"""Flattened pages we wrote ourselves (tests/fixtures/text/), checked field by field."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pressclip

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "text"
NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
SCALARS = (
    "headline",
    "articleSection",
    "datePublished",
    "dateModified",
    "author",
    "sourceOrganization",
    "dateline",
    "copyrightNotice",
    "image",
    "articleBody",
)


def _having(key: str) -> list[str]:
    """The fixtures whose expectations name ``key`` (so no test skips itself)."""
    return [
        n
        for n in NAMES
        if (FIXTURES / f"{n}.expected.json").exists()
        and key in json.loads((FIXTURES / f"{n}.expected.json").read_text("utf-8"))
    ]


def _load(name: str) -> tuple[dict[str, Any], dict[str, Any]]:
    expected: dict[str, Any] = json.loads((FIXTURES / f"{name}.expected.json").read_text("utf-8"))
    article = pressclip.extract(
        (FIXTURES / f"{name}.txt").read_bytes(),
        input_type="text",
        reference_time=expected.get("reference_time"),
    )
    return article.to_dict(), expected


def test_every_fixture_has_expectations() -> None:
    assert NAMES, "no text fixtures found"
    for name in NAMES:
        assert (FIXTURES / f"{name}.expected.json").exists(), name


@pytest.mark.parametrize("name", NAMES)
def test_scalar_fields(name: str) -> None:
    got, expected = _load(name)
    for field in SCALARS:
        if field in expected:
            assert got[field] == expected[field], field


@pytest.mark.parametrize("name", NAMES)
def test_verdict(name: str) -> None:
    got, expected = _load(name)
    assert got["extraction"]["inputType"] == "text"
    assert got["extraction"]["isArticle"] is expected.get("isArticle", True)
    if not got["extraction"]["isArticle"]:
        assert got["extraction"]["reason"]


@pytest.mark.parametrize("name", _having("paragraphCount"))
def test_body_paragraphs(name: str) -> None:
    got, expected = _load(name)
    paragraphs = [b["text"] for b in got["body"] if b["type"] == "paragraph"]
    assert len(paragraphs) == expected["paragraphCount"]
    assert paragraphs[0].startswith(expected["firstParagraphStart"])
    assert paragraphs[-1].endswith(expected["lastParagraphEnd"])
    assert got["articleBody"] == "\n\n".join(b["text"] for b in got["body"])
    for furniture in expected.get("notInBody", ()):
        assert furniture not in got["articleBody"], furniture


@pytest.mark.parametrize(
    ("name", "kind"),
    [(n, k) for k in ("related", "sponsored") for n in _having(k)],
)
def test_rails(name: str, kind: str) -> None:
    got, expected = _load(name)
    assert len(got[kind]) == len(expected[kind])
    for item, want in zip(got[kind], expected[kind], strict=True):
        for key, value in want.items():
            assert item[key] == value, (kind, key)


def test_without_reference_time_ages_stay_relative() -> None:
    article = pressclip.extract((FIXTURES / "de-wire-rail.txt").read_bytes(), input_type="text")
    assert [t.age for t in article.related] == ["vor 3 Stunden", "vor 5 Stunden", "Gestern"]
    assert all(t.date_created is None for t in article.related)


def test_rails_need_no_alt_lines() -> None:
    """Without alt texts (a flattener that drops them) age lines still delimit the teasers."""
    text = (FIXTURES / "es-efe-publicidad.txt").read_text("utf-8")
    kept = "\n".join(line for line in text.splitlines() if not line.rstrip().endswith("..."))
    article = pressclip.extract(kept, input_type="text")
    assert [t.headline for t in article.related] == [
        "Reabren la carretera central tras dos días de bloqueo",
        "Pescadores reclaman apoyo por la caída de las capturas",
    ]
    assert article.related[1].author == "Luis Muestra, EFE"
    assert all(t.image_alt is None for t in article.related)
