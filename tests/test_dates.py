"""Date normalisation to ISO 8601 (pressclip.signals.dates)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pressclip.signals.dates import (
    date_in_url,
    is_weekday,
    month_number,
    normalize_date,
    search_date,
    to_utc_day,
)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T10:30:00Z", "2024-03-05T10:30:00+00:00"),
        ("2024-03-05T10:30:00.123+0200", "2024-03-05T10:30:00+02:00"),
        ("2024-03-05 15:26:46.863186+00:00", "2024-03-05T15:26:46+00:00"),
        ("2024-03-05T10:30", "2024-03-05T10:30:00"),
        ("Tue, 05 Mar 2024 10:00:00 +0000", "2024-03-05T10:00:00+00:00"),
        ("March 5, 2024", "2024-03-05"),
        ("Mar 5th, 2024 at 10:30 PM EST", "2024-03-05T22:30:00-05:00"),
        ("5. März 2024, 10:30 Uhr", "2024-03-05T10:30:00"),
        ("5 de março de 2024", "2024-03-05"),
        ("5 марта 2024 г.", "2024-03-05"),
        ("5 janvier 2024", "2024-01-05"),
        ("2024年3月5日", "2024-03-05"),
        ("2024년 3월 5일 10:30", "2024-03-05T10:30:00"),
        ("2024.03.05", "2024-03-05"),
        ("05.03.2024", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("1709632800", "2024-03-05T10:00:00+00:00"),
        ("Thursday 12 December 2019 17.45 GMT", "2019-12-12T17:45:00+00:00"),
    ],
)
def test_normalize(text: str, want: str) -> None:
    assert normalize_date(text) == want


@pytest.mark.parametrize(
    "text", [None, "", "hello", "yesterday", "2024-13-45", "31.02.2024", "1850-01-01", "12:30"]
)
def test_no_date(text: str | None) -> None:
    assert normalize_date(text) is None


def test_slashed_dates_follow_the_day_first_setting() -> None:
    assert normalize_date("03/05/2024", day_first=True) == "2024-05-03"
    assert normalize_date("03/05/2024", day_first=False) == "2024-03-05"
    # A part above 12 settles it either way.
    assert normalize_date("25/12/2023", day_first=False) == "2023-12-25"
    assert normalize_date("12/25/2023", day_first=True) == "2023-12-25"


def test_search_finds_a_date_inside_a_byline() -> None:
    assert search_date("By Jane Roe | Published March 5, 2024 | 4 min read") == "2024-03-05"
    assert search_date("Veröffentlicht am 5. März 2024") == "2024-03-05"
    assert search_date("no date here") is None


def test_month_names_and_weekdays() -> None:
    assert month_number("Sept.") == 9
    assert month_number("dezember") == 12
    assert month_number("февраля") == 2
    assert month_number("xyz") is None
    assert is_weekday("Donnerstag") and is_weekday("thu.") and not is_weekday("March")


def test_date_in_url() -> None:
    assert date_in_url("https://x.example/2024/03/05/story") == "2024-03-05"
    assert date_in_url("https://x.example/news/20240305-story") == "2024-03-05"
    assert date_in_url("https://x.example/meldungen/29-10-2021") == "2021-10-29"
    assert date_in_url("https://x.example/news/story-12345") is None
    assert date_in_url(None) is None


def test_utc_day() -> None:
    assert to_utc_day("2024-03-05T23:30:00-05:00") == "2024-03-06"
    assert to_utc_day("2024-03-05") == "2024-03-05"


_stamps = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2027, 12, 31)).map(
    lambda d: d.replace(microsecond=0)
)
_zones = st.one_of(
    st.none(), st.integers(-12 * 4, 14 * 4).map(lambda q: timezone(timedelta(minutes=15 * q)))
)


@given(_stamps, _zones)
def test_iso_values_round_trip(stamp: datetime, zone: timezone | None) -> None:
    value = stamp.replace(tzinfo=zone)
    got = normalize_date(value.isoformat())
    assert got is not None
    assert datetime.fromisoformat(got) == value


@given(
    _stamps,
    st.sampled_from(
        [
            "%Y-%m-%d",
            "%d.%m.%Y",
            "%B %d, %Y",
            "%d %B %Y",
            "%Y-%m-%dT%H:%M:%S",
            "%a, %d %b %Y %H:%M:%S",
        ]
    ),
)
def test_normalisation_is_idempotent_and_keeps_the_day(stamp: datetime, fmt: str) -> None:
    once = normalize_date(stamp.strftime(fmt))
    assert once is not None
    assert once[:10] == stamp.date().isoformat()
    assert normalize_date(once) == once


@given(st.text(max_size=60))
def test_never_raises_and_output_is_iso(text: str) -> None:
    got = normalize_date(text)
    if got is not None:
        parsed = datetime.fromisoformat(got)
        assert 1990 <= parsed.year <= datetime.now(UTC).year + 2
