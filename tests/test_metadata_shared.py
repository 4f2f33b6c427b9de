"""Metadata accuracy floor on the WCXB dev pages (needs ../shared; skipped without it).

The held-out fold (every 5th page) is used here, so the floor checks pages that development
did not look at. Floors sit a few points under the measured figures: they catch regressions.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.metadata import extract_metadata

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "wcxb-dev"

pytestmark = [
    pytest.mark.shared,
    pytest.mark.skipif(not DATA.is_dir(), reason="needs ../shared/data/wcxb-dev next to the repo"),
]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def test_headline_and_date_floor_on_held_out_pages() -> None:
    files = sorted((DATA / "ground-truth").glob("*.json"))[4::5]
    titles = dates = dated = 0
    for path in files:
        truth = json.loads(path.read_text())["ground_truth"]
        raw = gzip.decompress((DATA / "html" / f"{path.stem}.html.gz").read_bytes())
        meta = extract_metadata(LexborHTMLParser(raw.decode("utf-8", errors="replace")))
        titles += _norm(meta.headline) == _norm(truth["title"])
        if truth.get("publish_date"):
            dated += 1
            dates += (meta.date_published or "")[:10] == truth["publish_date"][:10]
    assert titles / len(files) > 0.75
    assert dates / dated > 0.65
