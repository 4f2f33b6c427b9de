"""Byline cleaning into person names (pressclip.signals.bylines)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressclip.signals.bylines import (
    _FURNITURE,
    _JUNK,
    _NAVIGATION,
    _ONLY_ROLES,
    _PARTICLES,
    looks_like_org,
    looks_like_person,
    parse_byline,
)
from pressclip.signals.dates import is_weekday, month_number


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("By Jane Roe and John Doe", ("Jane Roe", "John Doe")),
        ("By Jane Roe, John Doe & Ann Lee", ("Jane Roe", "John Doe", "Ann Lee")),
        ("Von Max Mustermann und Erika Musterfrau", ("Max Mustermann", "Erika Musterfrau")),
        ("Por Juan Pérez y Ana Gómez", ("Juan Pérez", "Ana Gómez")),
        ("Par Claire Dubois et Marc Petit", ("Claire Dubois", "Marc Petit")),
        ("Jane Roe | Staff Writer", ("Jane Roe",)),
        ("By Jane Roe, Senior Editor", ("Jane Roe",)),
        ("Jane Roe - Example Weekly", ("Jane Roe",)),
        ("By JOHN SMITH", ("John Smith",)),
        ("By Jane Roe | March 5, 2024", ("Jane Roe",)),
        ("Jane Roe Thursday, March 5, 2024", ("Jane Roe",)),
        ("By Jane Roe  Follow @jroe", ("Jane Roe",)),
        ("Jane Roe jane.roe@example.org", ("Jane Roe",)),
        ("Dylan Bailey, MS, RD", ("Dylan Bailey",)),
        ("Genevieve Carlton, Ph.D.", ("Genevieve Carlton",)),
        ("구현모 기자", ("구현모",)),
        ("Dr Marna van der Merwe", ("Dr Marna van der Merwe",)),
        ("Text: Anna Fink / Foto: dpa", ("Anna Fink",)),
        ("Foto: dpa / Text: Anna Fink", ("Anna Fink",)),
        ("Posted by TimmyK on Friday December 19, 2025", ("TimmyK",)),
        ("JD Jane Doe Last updated on 17 December 2025", ("Jane Doe",)),  # an avatar's initials
        ("Written by: Sam Lee", ("Sam Lee",)),
        ("Kim Park Kim Park", ("Kim Park",)),
        ("Jane Roe in Politics", ("Jane Roe",)),
    ],
)
def test_parse_byline(text: str, want: tuple[str, ...]) -> None:
    assert parse_byline(text) == want


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Email the author",
        "jane@example.org",
        "By",
        "Written By",
        "undefined",
        "Staff",
        "content: Someone",
        "andrew.keaveney",
        "Privacy Policy",
        "https://example.org/author/x",
        "Foto: Bild: SN/APA/KEYSTONE/JANE ROE",  # a photo's credit
        # one word left once a role or a place is cut: no one's name
        "Our Editors",
        "Rasender Reporter",
        "Written By Audiophile On",
        "Geschichte in Berlin",
    ],
)
def test_not_a_name(text: str) -> None:
    assert parse_byline(text) == ()


def test_excluded_site_name_is_dropped() -> None:
    assert parse_byline("By Jane Roe and Valley Times", exclude=["Valley Times"]) == ("Jane Roe",)


def test_person_and_org_checks() -> None:
    assert looks_like_person("Jane Roe")
    assert looks_like_person("Ludwig van Beethoven")
    assert looks_like_person("홍길동")
    assert not looks_like_person("handling routine tasks")
    assert not looks_like_person("Fotograf aus Hamburg")
    assert looks_like_org("The Coastal Ledger") and looks_like_org("Beispiel Zeitung")
    assert not looks_like_org("Jane Roe")


_SPECIAL = _ONLY_ROLES | _FURNITURE | _NAVIGATION | _JUNK | _PARTICLES
_word = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=9).map(str.capitalize)
_name = st.lists(_word, min_size=2, max_size=3, unique=True).map(" ".join)


def _plain(word: str) -> bool:
    """A word no rule cuts from a name: not a role, furniture or navigation word, and not a
    weekday or month in any language the dates know (a byline's trailing "Zondag" is a date)."""
    return (
        len(word) > 4
        and word.lower() not in _SPECIAL
        and not is_weekday(word)
        and month_number(word) is None
    )


def test_a_name_that_is_a_weekday_is_cut_as_a_date() -> None:
    # The case hypothesis found: the plain-name premise above must leave such words out.
    assert parse_byline("By Aaaaa Zondag") == ("Aaaaa",)


@given(
    st.lists(_name, min_size=1, max_size=3, unique=True),
    st.sampled_from(["By ", "Von ", "Por ", ""]),
)
def test_names_survive_lead_words_and_joins(names: list[str], lead: str) -> None:
    text = lead + " and ".join(names)
    got = parse_byline(text)
    # Role or furniture words may be cut from a name; everything kept comes from a given name.
    for name in got:
        assert any(name in given for given in names)
    # Plain names (no role, furniture or navigation word) all come through.
    if all(_plain(w) for n in names for w in n.split()):
        assert got == tuple(names)
    for name in got:
        assert not name.lower().startswith(("by ", "von ", "por "))


@given(st.text(max_size=80))
def test_never_raises_and_names_are_clean(text: str) -> None:
    for name in parse_byline(text):
        assert name == name.strip()
        assert "@" not in name
        assert not any(c.isdigit() for c in name)
