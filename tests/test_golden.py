"""Hand-written pages against hand-written expectations (tests/fixtures/golden/).

Each golden file names a page in tests/fixtures/pages/ and holds what a demanding user expects
pressclip to make of it, written by reading the page, not by running pressclip:

- ``expected``: metadata fields by their JSON names (docs/fields.md), checked exactly. A field
  that is absent is not checked; ``null`` or ``[]`` means the field must be empty. For
  ``related`` and ``sponsored`` each item is compared on the keys the golden item lists;
  ``extraction`` is compared on the keys it lists, and ``isArticle: false`` also needs a reason.
- ``body_must_contain`` / ``body_must_not_contain``: snippets of ``articleBody`` (white space
  runs compared as one space), where exact output churns.
- ``paragraph_count``: ``[min, max]`` paragraphs in ``articleBody`` (blank-line separated).

``tests/regenerate_golden.py`` shows how the current output differs from each golden file.
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest

import pressclip
from pressclip.model import (
    Article,
    Extraction,
    Image,
    Person,
    Sponsored,
    Teaser,
    json_names,
)

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = FIXTURES / "pages"
GOLDEN = FIXTURES / "golden"

BODY_KEYS = ("body_must_contain", "body_must_not_contain", "paragraph_count")
# Fields whose items are compared on the keys each golden item lists.
ITEM_FIELDS = ("related", "sponsored")
NESTED = {
    "author": Person,
    "image": Image,
    "related": Teaser,
    "sponsored": Sponsored,
    "extraction": Extraction,
}


def golden_paths() -> list[Path]:
    return sorted(GOLDEN.glob("*.json"))


def load_golden(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@functools.cache
def extracted(page: str) -> dict[str, Any]:
    """pressclip's output for a fixture page, as JSON data (computed once per page)."""
    article = pressclip.extract((PAGES / page).read_bytes())
    return article.to_dict()


def project(field: str, actual: Any, expected: Any) -> Any:
    """The part of ``actual`` that the golden value ``expected`` speaks about."""
    if field in ITEM_FIELDS and isinstance(actual, list) and isinstance(expected, list):
        keys = [sorted(item) for item in expected]
        out = []
        for i, item in enumerate(actual):
            wanted = keys[i] if i < len(keys) else sorted(item)
            out.append({k: item.get(k) for k in wanted})
        return out
    if field == "extraction" and isinstance(actual, dict) and isinstance(expected, dict):
        return {k: actual.get(k) for k in expected}
    return actual


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def paragraphs(body: str) -> list[str]:
    return [p for p in body.split("\n\n") if p.strip()]


def _field_cases() -> list[Any]:
    cases = []
    for path in golden_paths():
        golden = load_golden(path)
        for field in golden["expected"]:
            cases.append(pytest.param(path.name, field, id=f"{path.stem}::{field}"))
    return cases


def _body_cases() -> list[Any]:
    cases = []
    for path in golden_paths():
        golden = load_golden(path)
        for key in BODY_KEYS:
            if golden.get(key):
                cases.append(pytest.param(path.name, key, id=f"{path.stem}::{key}"))
    return cases


# --- the golden files themselves ---------------------------------------------------------------


def test_every_page_has_a_golden_file_and_back() -> None:
    pages = {p.name for p in PAGES.glob("*.html")}
    named = {load_golden(p)["page"] for p in golden_paths()}
    assert pages, "no fixture pages found"
    assert pages == named


@pytest.mark.parametrize("path", golden_paths(), ids=lambda p: p.stem)
def test_golden_file_follows_the_schema(path: Path) -> None:
    golden = load_golden(path)
    assert set(golden) <= {"_about", "page", "expected", *BODY_KEYS}
    expected = golden["expected"]
    unknown = set(expected) - set(json_names(Article))
    assert not unknown, f"not Article fields: {sorted(unknown)}"
    for field, record in NESTED.items():
        value = expected.get(field)
        items = value if isinstance(value, list) else [value] if value is not None else []
        for item in items:
            bad = set(item) - set(json_names(record))
            assert not bad, f"{field}: not {record.__name__} fields: {sorted(bad)}"
    count = golden.get("paragraph_count")
    if count is not None:
        assert len(count) == 2 and 0 <= count[0] <= count[1]


# --- pressclip against the golden files ---------------------------------------------------------


@pytest.mark.parametrize(("name", "field"), _field_cases())
def test_metadata_field(name: str, field: str) -> None:
    golden = load_golden(GOLDEN / name)
    expected = golden["expected"][field]
    actual = extracted(golden["page"]).get(field)
    assert project(field, actual, expected) == expected
    if field == "extraction" and expected.get("isArticle") is False:
        reason = actual.get("reason")
        assert isinstance(reason, str) and reason.strip(), "a non-article needs a reason"


@pytest.mark.parametrize(("name", "key"), _body_cases())
def test_body(name: str, key: str) -> None:
    golden = load_golden(GOLDEN / name)
    body = extracted(golden["page"])["articleBody"]
    flat = normalise_space(body)
    if key == "body_must_contain":
        missing = [s for s in golden[key] if normalise_space(s) not in flat]
        assert not missing, f"missing from articleBody: {missing}"
    elif key == "body_must_not_contain":
        leaked = [s for s in golden[key] if normalise_space(s) in flat]
        assert not leaked, f"leaked into articleBody: {leaked}"
    else:
        low, high = golden[key]
        count = len(paragraphs(body))
        assert low <= count <= high, f"{count} paragraphs, expected {low}..{high}"
