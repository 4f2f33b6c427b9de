"""Pure functions behind text mode: credits, wire detection, relative times, date lines."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressclip.extractors.text.datelines import is_date_line, parse_date_line
from pressclip.signals.credits import has_credit, is_credit_line, split_credit
from pressclip.signals.reltime import parse_reference, parse_relative, resolve, resolve_text
from pressclip.signals.wire import (
    agency_in_byline,
    agency_in_copyright,
    canonical_agency,
    detect_wire,
    is_copyright_line,
    parse_dateline,
)

# --- credits -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "caption", "credit"),
    [
        (
            "Crowds gather in the square. Mandatory Credit: Jane Roe/AP via Example Newsource",
            "Crowds gather in the square.",
            "Jane Roe/AP via Example Newsource",
        ),
        ("The dam at dawn. Photo: Casey Sample", "The dam at dawn.", "Casey Sample"),
        (
            "Der Hafen am Morgen. Foto: Maria Beispiel/dpa",
            "Der Hafen am Morgen.",
            "Maria Beispiel/dpa",
        ),
        ("The launch site (Getty Images)", "The launch site", "Getty Images"),
        ("The senator speaks (AP Photo/John Doe)", "The senator speaks", "AP Photo/John Doe"),
        ("(Reed Example / Associated Press)", None, "Reed Example / Associated Press"),
        ("Traders at work. REUTERS/Ann Example", "Traders at work.", "REUTERS/Ann Example"),
        ("Credit: John Smith for The Example", None, "John Smith for The Example"),
        ("Jane Roe/AP via Example Newsource", None, "Jane Roe/AP via Example Newsource"),
    ],
)
def test_split_credit(text: str, caption: str | None, credit: str) -> None:
    split = split_credit(text)
    assert split.caption == caption
    assert split.credit == credit
    assert has_credit(text)


@pytest.mark.parametrize(
    "text",
    [
        "The man (left) spoke to reporters after the hearing.",
        "He said it would take years (and more money) to finish.",
        "Cars are parked along the river in the old town.",
        "Prices rose 3% / year over the decade, the report said.",
    ],
)
def test_no_credit_in_plain_sentences(text: str) -> None:
    assert split_credit(text).credit is None
    assert not is_credit_line(text)


def test_credit_lines() -> None:
    assert is_credit_line("Photo: Casey Sample")
    assert is_credit_line("(Getty Images)")
    assert not is_credit_line("Workers inspect the crossing. Photo: Casey Sample")


_caption_text = st.text(
    alphabet=st.characters(categories=("Lu", "Ll", "Nd", "Zs", "Po")), min_size=0, max_size=80
)


@given(
    caption=_caption_text,
    label=st.sampled_from(["Photo: ", "Foto: ", "Credit: ", "Mandatory Credit: ", ""]),
    credit=st.sampled_from(["Jane Roe/AP", "Getty Images", "dpa", "REUTERS/Ann Example"]),
)
def test_split_is_idempotent(caption: str, label: str, credit: str) -> None:
    first = split_credit(f"{caption} {label}{credit}")
    again = split_credit(first.caption or "")
    assert again.caption == first.caption
    assert again.credit is None


@given(st.text(max_size=200))
def test_split_never_invents_text(text: str) -> None:
    split = split_credit(text)
    for part in (split.caption, split.credit):
        if part is not None:
            assert part.strip() == part
            assert all(word in text for word in part.split())


# --- wire ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paragraph", "place", "agency"),
    [
        ("WASHINGTON (AP) — The Senate voted on Tuesday.", "WASHINGTON", "AP"),
        ("(CNN) — The Kremlin's security services were aware.", None, "CNN"),
        ("LONDON, March 3 (Reuters) - Oil prices rose.", "LONDON", "Reuters"),
        ("BERLIN (dpa) - Die Regierung hat beschlossen.", "BERLIN", "dpa"),
        ("Kiel (dpa/lno) - Der Landtag tagt.", "Kiel", "dpa"),
        ("LIMA, 3 mar (EFE).- Las lluvias continúan.", "LIMA", "EFE"),
        ("NEW YORK (CNN Business) — Stocks fell.", "NEW YORK", "CNN"),
        ("ST. JOSEPH, Mich. (AP) — Health officials said.", "ST. JOSEPH, Mich.", "AP"),
    ],
)
def test_datelines(paragraph: str, place: str | None, agency: str) -> None:
    assert parse_dateline(paragraph) == (place, agency)
    info = detect_wire(paragraph)
    assert info.source_organization == agency
    assert info.dateline == place
    assert info.evidence == "dateline"


def test_no_dateline_in_plain_text() -> None:
    assert parse_dateline("He told the AP (Associated Press) that it was over.") is None
    assert detect_wire("The council met on Tuesday.").source_organization is None


@pytest.mark.parametrize(
    ("byline", "agency"),
    [
        ("Nicole Example, Associated Press", "AP"),
        ("By Josh Example, CNN", "CNN"),
        ("Zeke Example, AP White House Correspondent", "AP"),
        ("Reuters", "Reuters"),
        ("Keira Example and Alex Example, KSL TV", None),
        ("By Jane Doe", None),
    ],
)
def test_agency_in_byline(byline: str, agency: str | None) -> None:
    assert agency_in_byline(byline) == agency


def test_copyright_lines() -> None:
    cnn = "The-CNN-Wire™ & © 2024 Cable News Network, Inc. All rights reserved."
    assert is_copyright_line(cnn)
    assert agency_in_copyright(cnn) == "CNN"
    assert agency_in_copyright("© 2019 Associated Press. All Rights Reserved.") == "AP"
    assert agency_in_copyright("Copyright © 2019, Example Times | Terms of Service") is None
    assert is_copyright_line("Alle Rechte vorbehalten.")
    assert not is_copyright_line("The rights of the tenants were discussed at length.")


def test_evidence_order() -> None:
    info = detect_wire(
        "The council met.",
        bylines=["Jane Example, Reuters"],
        copyright_lines=["© 2024 Cable News Network"],
    )
    assert (info.source_organization, info.evidence) == ("Reuters", "byline")
    info = detect_wire(None, credits=["Jane Roe/AP"], copyright_lines=["© 2024 Example Post"])
    assert info.source_organization is None  # a photographer's agency is not the text's source
    assert canonical_agency("Agence France-Presse") == "AFP"


# --- relative times ------------------------------------------------------------------------

REF = datetime(2025, 2, 10, 12, 0, tzinfo=timezone(timedelta(hours=-7)))


@pytest.mark.parametrize(
    ("text", "absolute"),
    [
        ("9 hours ago", "2025-02-10T03:00:00-07:00"),
        ("20 minutes ago", "2025-02-10T11:40:00-07:00"),
        ("Yesterday", "2025-02-09"),
        ("2 days ago", "2025-02-08"),
        ("a month ago", "2025-01-10"),
        ("vor 3 Stunden", "2025-02-10T09:00:00-07:00"),
        ("Gestern", "2025-02-09"),
        ("hace 2 horas", "2025-02-10T10:00:00-07:00"),
        ("há 3 dias", "2025-02-07"),
        ("il y a 2 jours", "2025-02-08"),
        ("2 часа назад", "2025-02-10T10:00:00-07:00"),
        ("2日前", "2025-02-08"),
        ("3시간 전", "2025-02-10T09:00:00-07:00"),
        ("Yesterday at 4:36 pm", "2025-02-09T16:36:00-07:00"),
    ],
)
def test_relative_times(text: str, absolute: str) -> None:
    relative = parse_relative(text)
    assert relative is not None
    assert relative.text == text
    assert resolve(relative, REF) == absolute


@pytest.mark.parametrize(
    "text",
    ["Hello world ago", "The day ago", "9 hours ago, the police said that the road was closed", ""],
)
def test_not_relative_times(text: str) -> None:
    assert parse_relative(text) is None


def test_resolve_text_needs_a_reference() -> None:
    assert resolve_text("9 hours ago", None) is None
    assert resolve_text("9 hours ago", "not a time") is None
    assert resolve_text("9 hours ago", "2025-02-10T12:00:00Z") == "2025-02-10T03:00:00+00:00"
    assert parse_reference("2025-02-10") == datetime(2025, 2, 10)


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["minutes", "hours", "days"]))
def test_resolved_times_go_back(n: int, unit: str) -> None:
    relative = parse_relative(f"{n} {unit} ago")
    assert relative is not None and relative.amount == n
    value = resolve(relative, REF)
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:  # a calendar date
        assert moment.date() < REF.date()
    else:
        assert moment < REF


# --- date lines ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "published", "modified"),
    [
        ("Mar 29, 2024, 2:52 PM | Updated: 2:54 pm", "2024-03-29T14:52:00", "2024-03-29T14:54:00"),
        ("Nov. 19, 2019 8:03 am ET", "2019-11-19T08:03:00", None),
        (
            "12.03.2024, 09:41 Uhr | Aktualisiert: 11:05 Uhr",
            "2024-03-12T09:41:00",
            "2024-03-12T11:05:00",
        ),
        ("2019年11月20日 10:05", "2019-11-20T10:05:00", None),
        ("Published: 12 March 2024", "2024-03-12", None),
    ],
)
def test_date_lines(line: str, published: str, modified: str | None) -> None:
    assert is_date_line(line)
    assert parse_date_line(line) == (published, modified)


def test_not_date_lines() -> None:
    assert not is_date_line("iPhone 11 Pro")
    assert not is_date_line(
        "The council met on March 3 to discuss the budget for the coming year and beyond."
    )
