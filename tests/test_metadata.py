"""Page metadata on fixture pages we wrote ourselves (tests/fixtures/meta/)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.metadata import Metadata, extract_metadata

FIXTURES = Path(__file__).parent / "fixtures" / "meta"
EXPECTED: dict[str, dict[str, Any]] = json.loads((FIXTURES / "expected.json").read_text())


def _meta(name: str, url: str | None = None) -> Metadata:
    html = (FIXTURES / name).read_text(encoding="utf-8")
    return extract_metadata(LexborHTMLParser(html), url=url)


def _field(meta: Metadata, key: str) -> Any:
    if key == "author":
        return [p.name for p in meta.author]
    if key == "keywords":
        return list(meta.keywords)
    if key == "image_caption":
        return meta.images[0].caption if meta.images else None
    if key == "structured_body_starts":
        return meta.structured_body
    return getattr(meta, key)


@pytest.mark.parametrize(
    ("page", "key"),
    [(page, key) for page, fields in EXPECTED.items() for key in fields],
)
def test_fixture_field(page: str, key: str) -> None:
    want = EXPECTED[page][key]
    got = _field(_meta(page), key)
    if key == "structured_body_starts":
        assert got is not None and got.startswith(want)
    else:
        assert got == want


def test_teaser_bylines_are_not_the_author() -> None:
    meta = _meta("graph_news.html")
    assert "Someone Else" not in [p.name for p in meta.author]


def test_site_name_is_never_an_author() -> None:
    meta = _meta("publisher_author.html")
    assert all(p.name != "Valley Times" for p in meta.author)


def test_email_the_author_is_not_a_name() -> None:
    meta = _meta("publisher_author.html")
    assert all("mail" not in p.name.lower() for p in meta.author)


def test_wire_goes_to_source_organization_not_author() -> None:
    meta = _meta("wire.html")
    assert meta.author == ()
    assert meta.source_organization == "AP"


def test_update_date_stands_in_only_when_marked() -> None:
    meta = _meta("modified_only.html")
    assert meta.date_published == meta.date_modified
    assert dict(meta.sources)["datePublished"] == "dateModified"


def test_update_date_never_replaces_a_publication_date() -> None:
    meta = _meta("wire.html")
    assert meta.date_published == "2024-02-11T03:20:00+00:00"
    assert dict(meta.sources)["datePublished"] == "meta"


def test_sources_name_where_fields_came_from() -> None:
    sources = dict(_meta("graph_news.html").sources)
    assert sources["author"] == "json-ld"
    assert sources["datePublished"] == "json-ld"
    assert dict(_meta("german_visible.html").sources)["datePublished"] == "visible"
    assert dict(_meta("microdata.html").sources)["author"] == "microdata"


def test_canonical_url_wins_over_the_given_url() -> None:
    meta = _meta("graph_news.html", url="https://ledger.example/amp/x?utm=1")
    assert meta.url == "https://ledger.example/news/2024/03/harbour-bridge-reopens"


def test_given_url_is_kept_without_canonical() -> None:
    meta = _meta("german_visible.html", url="https://anzeiger.example/a/1")
    assert meta.url == "https://anzeiger.example/a/1"


def test_lead_image_comes_with_caption_and_credit() -> None:
    image = _meta("graph_news.html").images[0]
    assert image.url == "https://ledger.example/img/bridge.jpg"
    assert image.credit_text == "Photo desk"
    assert image.alt == "The bridge at dawn"  # og:image:alt joins the JSON-LD image


@pytest.mark.parametrize(
    "html",
    [
        "",
        "<html></html>",
        "<script type='application/ld+json'>{{{{</script>",
        "<script type='application/ld+json'>[1, 2, \"x\", null]</script>",
        '<script type=\'application/ld+json\'>{"@graph": {"@graph": {"@type": 5}}}</script>',
        "<meta property='article:published_time' content='not a date'><h1></h1>",
        "<time datetime='9999-99-99'>soon</time><div class='byline'>By</div>",
    ],
)
def test_junk_pages_do_not_crash(html: str) -> None:
    meta = extract_metadata(LexborHTMLParser(html))
    assert isinstance(meta, Metadata)
    assert meta.date_published is None


_FRAGMENTS = st.sampled_from(
    [
        "<h1>",
        "</h1>",
        "<div class='byline'>",
        "</div>",
        "By ",
        "Von ",
        "Jane Roe",
        " and ",
        "<time datetime='2024-03-05T10:00:00Z'>",
        "</time>",
        "March 5, 2024",
        "05.03.2024",
        "<script type='application/ld+json'>",
        "</script>",
        '{"@type": "NewsArticle", ',
        '"headline": "H", ',
        '"author": {"name": "A"}',
        "}",
        "[",
        "]",
        ",",
        "<title>",
        "</title>",
        "<meta property='og:title' content='T | Site'>",
        "<meta name='author' content='Site'>",
        "<p>",
        "</p>",
        "&amp;",
        "\u00e9",
        "\u6587",
        "1999",
        "-",
    ]
)


@given(st.lists(_FRAGMENTS, max_size=40).map("".join))
def test_random_pages_never_crash(html: str) -> None:
    meta = extract_metadata(LexborHTMLParser(html))
    assert isinstance(meta, Metadata)
    for person in meta.author:
        assert person.name and person.name == person.name.strip()
