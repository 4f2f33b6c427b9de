"""A UTC timestamp read on the day the page itself gives.

Many sites declare their times in UTC ("2021-11-04T23:00:00Z") while the page and its URL show
the local day ("5. November 2021 23:41", ``/2021/11/05/``). Both are the same instant; a reader
(and anyone grouping articles by day) wants the local day. When the page gives the day next to
the UTC day, the instant is written again with an offset that puts it on that day: an offset the
page uses elsewhere if one fits, else the smallest whole-hour offset that does, provided the
page's own clock agrees (a shown time equal to the local time to the minute). A URL's day needs
no clock: URLs are minted when the story is first published, in the newsroom's time.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, timezone
from typing import Final

# Real-world offsets lie between UTC-12 and UTC+14.
_EAST: Final = range(1, 15)
_WEST: Final = range(-1, -13, -1)


def _parse(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def is_utc_time(value: str) -> bool:
    """Whether a value is a time of day with a zero offset ("...T23:11:59+00:00")."""
    dt = _parse(value) if len(value) > 10 else None
    offset = dt.utcoffset() if dt is not None else None
    return offset is not None and offset == timedelta(0)


def on_shown_day(
    value: str, shown: str, offsets: Iterable[str] = (), *, clock: bool = True
) -> str | None:
    """``value`` (a UTC time) written with an offset that puts it on ``shown``'s day, or None
    when that day is not the UTC day's neighbour or no real offset gets there. With ``clock``
    a guessed offset must also give ``shown``'s time of day (so ``shown`` must have one)."""
    dt = _parse(value)
    want = _day(shown)
    if dt is None or want is None or not is_utc_time(value):
        return None
    step = (want - dt.date()).days
    if step not in (1, -1):
        return None
    for text in offsets:
        other = _parse(text) if len(text) > 10 else None
        tz = other.tzinfo if other is not None else None
        if tz is not None and other is not None and other.utcoffset() != timedelta(0):
            local = dt.astimezone(tz)
            if local.date() == want:
                return local.isoformat()
    if clock and len(shown) < 16:
        return None
    for hours in _EAST if step == 1 else _WEST:
        local = dt.astimezone(timezone(timedelta(hours=hours)))
        if local.date() == want:
            if clock and local.strftime("%H:%M") != shown[11:16]:
                return None
            return local.isoformat()
    return None
