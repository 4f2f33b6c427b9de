"""Pure helpers behind extract_metadata: lenient JSON-LD, title cleaning, agencies."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressclip.extractors.html.meta.agencies import agency_name
from pressclip.extractors.html.meta.jsonld import parse_lenient, text_of
from pressclip.extractors.html.meta.titles import choose_headline, strip_site


@pytest.mark.parametrize(
    "raw",
    [
        '{"headline": "A"}',
        '<!-- {"headline": "A"} -->',
        '//<![CDATA[\n{"headline": "A"}\n//]]>',
        '{"headline": "A",}',
        '{"headline": "A"}\n{"@type": "WebSite"}',
        '{"headline": "A", "description": "line one\nline two"}',
    ],
)
def test_lenient_json_ld(raw: str) -> None:
    values = parse_lenient(raw)
    assert values and values[0]["headline"] == "A"


def test_unparseable_json_ld_still_gives_key_fields() -> None:
    values = parse_lenient(
        '{"@type": "NewsArticle", "headline": "A", "datePublished": "2024-01-02", {{'
    )
    assert values[0]["headline"] == "A"
    assert values[0]["datePublished"] == "2024-01-02"


@given(st.text(max_size=200))
def test_lenient_json_ld_never_raises(raw: str) -> None:
    assert isinstance(parse_lenient(raw), list)


def test_text_of_shapes() -> None:
    assert text_of(" a  b ") == "a b"
    assert text_of(["", {"name": "N"}]) == "N"
    assert text_of({"@value": "V"}) == "V"
    assert text_of("Caf&eacute;") == "Café"
    assert text_of(None) is None and text_of(True) is None


@pytest.mark.parametrize(
    ("title", "sites", "want"),
    [
        ("Bridge reopens | The Ledger", ["The Ledger"], "Bridge reopens"),
        ("The Ledger - Bridge reopens", ["The Ledger"], "Bridge reopens"),
        ("Bridge reopens – ledger.example", ["ledger.example"], "Bridge reopens"),
        ("Bridge reopens after repairs | Ledger News", [], "Bridge reopens after repairs"),
        ("Review - The Movie", [], "Review - The Movie"),
        ("No separator here", ["Site"], "No separator here"),
    ],
)
def test_strip_site(title: str, sites: list[str], want: str) -> None:
    assert strip_site(title, sites) == want


def test_visible_h1_wins_when_it_matches_a_declared_title() -> None:
    got = choose_headline(["Site", "Bridge reopens"], [("Bridge Reopens", "opengraph")], ["Site"])
    assert got == ("Bridge reopens", "visible")


def test_declared_spacing_wins_over_kicker_spans() -> None:
    got = choose_headline(["Kicker : Title here"], [("Kicker: Title here", "json-ld")])
    assert got == ("Kicker: Title here", "json-ld")


def test_unrelated_h1_does_not_replace_declared_title() -> None:
    declared = [("Bridge reopens after repairs", "json-ld")]
    got = choose_headline(["Return to the main website"], declared)
    assert got == ("Bridge reopens after repairs", "json-ld")


def test_truncated_json_ld_headline_is_skipped() -> None:
    long = "A very long headline that the publisher's plugin cut at a hundred and ten chars..."
    got = choose_headline([], [(long, "json-ld"), ("The full headline", "opengraph")])
    assert got == ("The full headline", "opengraph")


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The Associated Press", "AP"),
        ("Reuters", "Reuters"),
        ("dpa/AFP", "dpa"),
        ("Agence France-Presse", "AFP"),
        ("Jane Roe", None),
        ("", None),
    ],
)
def test_agency_name(text: str, want: str | None) -> None:
    assert agency_name(text) == want


def test_several_short_trailing_parts_are_dropped() -> None:
    assert strip_site("No App Store over mobile data in iOS 13 | iPhone | Forum", []) == (
        "No App Store over mobile data in iOS 13"
    )


def test_h1_completes_a_declared_title_cut_short() -> None:
    got = choose_headline(
        ['Senator calls the plan "reckless"'], [("Senator calls the plan", "opengraph")]
    )
    assert got == ('Senator calls the plan "reckless"', "visible")


def test_h1_with_a_site_tail_does_not_replace_the_declared_title() -> None:
    got = choose_headline(
        ["Bridge reopens after repairs | Ledger"],
        [("Bridge reopens after repairs", "json-ld")],
        ["Ledger"],
    )
    assert got == ("Bridge reopens after repairs", "json-ld")


def test_invisible_characters_are_removed() -> None:
    assert text_of("Mes\u00adsen\u00adger\u200b") == "Messenger"
