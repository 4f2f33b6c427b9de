"""Relative times as pages print them: "9 hours ago", "Yesterday", "vor 3 Stunden", "2日前".

:func:`parse_relative` recognises a text that *is* a relative time (the whole text, not a
phrase inside a sentence) and returns it as written plus the offset it means;
:func:`resolve` turns it into an absolute ISO 8601 value against a reference time. Precision
follows the unit: seconds, minutes and hours give a date and time (to the minute, with the
reference's offset when it has one); days and coarser units, "yesterday" and "today" give a
calendar date only, since the page does not say the time of day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final

from dateutil.relativedelta import relativedelta

Unit = str  # "second", "minute", "hour", "day", "week", "month", "year"

_NUMBER_WORDS: Final[dict[str, int]] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "zwei": 2,
    "drei": 3,
    "un": 1,
    "una": 1,
    "uno": 1,
    "um": 1,
    "uma": 1,
    "une": 1,
    "dos": 2,
    "deux": 2,
    "duas": 2,
    "tres": 3,
    "três": 3,
    "trois": 3,
    "een": 1,
}

# Unit stems per language; the first letters decide the unit.
_UNIT_STEMS: tuple[tuple[str, Unit], ...] = (
    # English
    ("sec", "second"),
    ("s", "second"),
    ("min", "minute"),
    ("m", "minute"),
    ("hour", "hour"),
    ("hr", "hour"),
    ("h", "hour"),
    ("day", "day"),
    ("d", "day"),
    ("week", "week"),
    ("wk", "week"),
    ("w", "week"),
    ("month", "month"),
    ("mo", "month"),
    ("year", "year"),
    ("yr", "year"),
    ("y", "year"),
    # German, Dutch
    ("sekunde", "second"),
    ("minute", "minute"),
    ("stunde", "hour"),
    ("std", "hour"),
    ("tag", "day"),
    ("woche", "week"),
    ("monat", "month"),
    ("jahr", "year"),
    ("uur", "hour"),
    ("minuten", "minute"),
    ("dag", "day"),
    ("weken", "week"),
    ("maand", "month"),
    ("jaar", "year"),
    # Spanish, Portuguese, French, Italian
    ("segundo", "second"),
    ("minuto", "minute"),
    ("hora", "hour"),
    ("día", "day"),
    ("dia", "day"),
    ("semana", "week"),
    ("mes", "month"),
    ("mês", "month"),
    ("año", "year"),
    ("ano", "year"),
    ("seconde", "second"),
    ("heure", "hour"),
    ("jour", "day"),
    ("semaine", "week"),
    ("mois", "month"),
    ("an", "year"),
    ("ora", "hour"),
    ("ore", "hour"),
    ("giorn", "day"),
    ("settiman", "week"),
    ("mese", "month"),
    ("mesi", "month"),
    ("anni", "year"),
    ("anno", "year"),
    # Russian
    ("секунд", "second"),
    ("минут", "minute"),
    ("час", "hour"),
    ("дн", "day"),
    ("день", "day"),
    ("недел", "week"),
    ("месяц", "month"),
    ("год", "year"),
    ("лет", "year"),
    # Japanese, Chinese, Korean
    ("秒", "second"),
    ("分", "minute"),
    ("時間", "hour"),
    ("小时", "hour"),
    ("小時", "hour"),
    ("日", "day"),
    ("天", "day"),
    ("週間", "week"),
    ("周", "week"),
    ("か月", "month"),
    ("ヶ月", "month"),
    ("个月", "month"),
    ("個月", "month"),
    ("年", "year"),
    ("초", "second"),
    ("분", "minute"),
    ("시간", "hour"),
    ("일", "day"),
    ("주", "week"),
    ("개월", "month"),
    ("달", "month"),
    ("년", "year"),
)
_UNITS_BY_LENGTH: Final = sorted(_UNIT_STEMS, key=lambda pair: len(pair[0]), reverse=True)

_NUM: Final = r"(?P<n>\d{1,3}|[^\W\d_]{1,6})"
_WORD_UNIT: Final = r"(?P<u>[^\W\d_]{1,12}?)\.?"
_PATTERNS: Final = (
    # "9 hours ago", "a day ago", "5 min ago", "3h ago"
    re.compile(rf"^{_NUM}\s*{_WORD_UNIT}\s+ago$", re.IGNORECASE),
    # "vor 3 Stunden", "vor einem Tag"
    re.compile(rf"^vor\s+{_NUM}\s+{_WORD_UNIT}$", re.IGNORECASE),
    # "hace 2 horas", "há 3 dias", "il y a 2 jours"
    re.compile(rf"^(?:hace|há|ha|il y a)\s+{_NUM}\s+{_WORD_UNIT}$", re.IGNORECASE),
    # "2 ore fa", "3 uur geleden", "2 часа назад", "3 dagar sedan"
    re.compile(rf"^{_NUM}\s+{_WORD_UNIT}\s+(?:fa|geleden|назад|sedan|siden)$", re.IGNORECASE),
    # "2日前", "3時間前", "2 小时前", "3시간 전"
    re.compile(r"^(?P<n>\d{1,3})\s*(?P<u>[^\W\d_]{1,3})\s*(?:前|전)$"),
)
# Words for "now", "today", "yesterday" and "the day before yesterday": day offsets.
_DAY_WORDS: Final[dict[str, int]] = {
    "today": 0,
    "yesterday": -1,
    "heute": 0,
    "gestern": -1,
    "vorgestern": -2,
    "hoy": 0,
    "ayer": -1,
    "anteayer": -2,
    "hoje": 0,
    "ontem": -1,
    "anteontem": -2,
    "aujourd'hui": 0,
    "hier": -1,
    "avant-hier": -2,
    "oggi": 0,
    "ieri": -1,
    "l'altro ieri": -2,
    "vandaag": 0,
    "gisteren": -1,
    "сегодня": 0,
    "вчера": -1,
    "позавчера": -2,
    "今日": 0,
    "昨日": -1,
    "一昨日": -2,
    "今天": 0,
    "昨天": -1,
    "前天": -2,
    "오늘": 0,
    "어제": -1,
    "그제": -2,
}
_NOW_WORDS: Final = frozenset(
    {
        "just now",
        "now",
        "gerade eben",
        "soeben",
        "ahora",
        "agora",
        "à l'instant",
        "adesso",
        "только что",
        "たった今",
        "刚刚",
        "방금",
    }
)
_DAY_WITH_TIME: Final = re.compile(
    r"^(?P<day>.+?)(?:,?\s+(?:at|um|a las|às|à|alle|в)\s+|,\s*)"
    r"(?P<time>\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)$",
    re.IGNORECASE,
)
_CLOCK: Final = re.compile(r"^(\d{1,2})[:.](\d{2})\s*([ap])?\.?m?\.?$", re.IGNORECASE)
_ANY_DIGIT: Final = re.compile(r"\d")
# Every pattern above needs a digit or one of these words.
_ANCHOR: Final = re.compile(
    r"ago$|^vor |^hace |^há |^ha |^il y a |\sfa$|geleden$|назад$|sedan$|siden$"
)
_TRAILING: Final = re.compile(r"[\s.·|•]+$")


@dataclass(frozen=True, slots=True, kw_only=True)
class RelativeTime:
    """A relative time as written and what it means."""

    text: str
    unit: Unit  # the granularity: "second" ... "year"; "day" for yesterday/today
    amount: int  # how many units before the reference time (0 for "today"/"now")
    time_of_day: str | None = None  # "16:36" when the page adds one ("Yesterday at 4:36 pm")


def _unit_of(word: str) -> Unit | None:
    lowered = word.lower()
    for stem, unit in _UNITS_BY_LENGTH:
        if lowered.startswith(stem):
            # one-letter stems only as whole abbreviations ("3h", "5m"), never a prefix of a word
            if len(stem) == 1 and len(lowered) > 1 and lowered not in ("hrs", "mins", "ms"):
                continue
            return unit
    return None


def _amount_of(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    return _NUMBER_WORDS.get(token.lower())


def _clock(text: str) -> str | None:
    match = _CLOCK.match(text.strip())
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2))
    meridiem = (match.group(3) or "").lower()
    if meridiem == "p" and hour < 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return f"{hour:02d}:{minute:02d}"


def parse_relative(text: str) -> RelativeTime | None:
    """The relative time that ``text`` consists of, or None."""
    written = text.strip()
    if len(written) > 48:
        return None
    core = _TRAILING.sub("", written)
    if not core or len(core) > 40:
        return None
    lowered = core.lower()
    if lowered in _NOW_WORDS:
        return RelativeTime(text=written, unit="second", amount=0)
    if lowered in _DAY_WORDS:
        return RelativeTime(text=written, unit="day", amount=-_DAY_WORDS[lowered])
    with_time = _DAY_WITH_TIME.match(core)
    if with_time and with_time.group("day").lower() in _DAY_WORDS:
        clock = _clock(with_time.group("time"))
        if clock:
            offset = -_DAY_WORDS[with_time.group("day").lower()]
            return RelativeTime(text=written, unit="day", amount=offset, time_of_day=clock)
    if not _ANY_DIGIT.search(core) and not _ANCHOR.search(lowered):
        return None
    for pattern in _PATTERNS:
        match = pattern.match(core)
        if not match:
            continue
        amount = _amount_of(match.group("n"))
        unit = _unit_of(match.group("u"))
        if amount is not None and unit is not None:
            return RelativeTime(text=written, unit=unit, amount=amount)
    return None


def is_relative_time(text: str) -> bool:
    """True when ``text`` is a relative time and nothing else."""
    return parse_relative(text) is not None


def parse_reference(reference: str) -> datetime | None:
    """The reference time from an ISO 8601 string, or None when it does not parse."""
    try:
        return datetime.fromisoformat(reference.strip().replace("Z", "+00:00"))
    except ValueError:
        return None


def resolve(relative: RelativeTime, reference: datetime) -> str:
    """The absolute ISO 8601 value of ``relative`` seen from ``reference``."""
    n = relative.amount
    unit = relative.unit
    if unit in ("second", "minute", "hour"):
        delta = timedelta(**{unit + "s": n})
        moment: datetime = (reference - delta).replace(second=0, microsecond=0)
        return moment.isoformat()
    shift = {
        "day": relativedelta(days=n),
        "week": relativedelta(weeks=n),
        "month": relativedelta(months=n),
        "year": relativedelta(years=n),
    }[unit]
    day: date = (reference - shift).date()
    if relative.time_of_day is not None:
        hour, minute = (int(p) for p in relative.time_of_day.split(":"))
        moment = datetime(day.year, day.month, day.day, hour, minute, tzinfo=reference.tzinfo)
        return moment.isoformat()
    return day.isoformat()


def resolve_text(text: str, reference: str | None) -> str | None:
    """Shortcut: the absolute ISO value of a relative-time text, or None."""
    if reference is None:
        return None
    relative = parse_relative(text)
    moment = parse_reference(reference)
    if relative is None or moment is None:
        return None
    return resolve(relative, moment)
