"""The seed page (flattened text of a news page carrying a wire story) against its expectations.

Needs ../shared next to the repository; skipped with the reason when it is absent.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import pressclip

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
TEXT = SEED / "ksl-crocus-city-hall.txt"
EXPECTED = SEED / "ksl-crocus-city-hall.expected.json"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(
        not TEXT.exists() or not EXPECTED.exists(),
        reason=f"seed page not found at {SEED} (needs ../shared next to the repository)",
    ),
]


@pytest.fixture(scope="module")
def expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(EXPECTED.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def got() -> dict[str, Any]:
    article = pressclip.extract(TEXT.read_bytes(), reference_time="2025-02-10T12:00:00")
    return article.to_dict()


@pytest.mark.parametrize(
    "field",
    [
        "headline",
        "articleSection",
        "datePublished",
        "dateModified",
        "author",
        "sourceOrganization",
        "copyrightNotice",
        "articleBody",
    ],
)
def test_scalar_fields(got: dict[str, Any], expected: dict[str, Any], field: str) -> None:
    assert got[field] == expected[field]


def test_input_type_and_verdict(got: dict[str, Any]) -> None:
    assert got["extraction"]["inputType"] == "text"
    assert got["extraction"]["isArticle"] is True


def test_paragraphs(got: dict[str, Any], expected: dict[str, Any]) -> None:
    paragraphs = [b for b in got["body"] if b["type"] == "paragraph"]
    assert len(paragraphs) == expected["paragraphCount"]
    assert "\n\n".join(b["text"] for b in got["body"]) == expected["articleBody"]


def test_image_caption_credit_and_alt(got: dict[str, Any], expected: dict[str, Any]) -> None:
    assert len(got["image"]) == len(expected["image"])
    for image, want in zip(got["image"], expected["image"], strict=True):
        for key, value in want.items():
            assert image[key] == value
    # the truncated alt line is an alt text, not body
    alt = got["image"][0]["alt"]
    assert alt is not None and alt.endswith("fire automatic wea...")
    assert alt not in got["articleBody"]


@pytest.mark.parametrize("kind", ["related", "sponsored"])
def test_rails(got: dict[str, Any], expected: dict[str, Any], kind: str) -> None:
    assert len(got[kind]) == len(expected[kind])
    for item, want in zip(got[kind], expected[kind], strict=True):
        for key, value in want.items():
            assert item[key] == value, (kind, key)


def test_reference_time_gives_absolute_dates(got: dict[str, Any]) -> None:
    created = [t["dateCreated"] for t in got["related"]]
    assert created[0] == "2025-02-10T03:00:00"  # 9 hours ago
    assert created[-1] == "2025-02-08"  # 2 days ago: a day, not a made-up time


def test_furniture_appears_in_no_text_field(got: dict[str, Any], expected: dict[str, Any]) -> None:
    texts = [got["articleBody"], *(b["text"] for b in got["body"])]
    for item in [*got["related"], *got["sponsored"]]:
        texts.extend(v for v in item.values() if isinstance(v, str))
    joined = "\n".join(texts)
    assert "KSL 5 TV Live" not in joined
    assert "Sponsored Articles" not in joined
    assert "World News" not in joined
    # the headline repeated as the page's last line went nowhere
    assert expected["headline"] not in joined
