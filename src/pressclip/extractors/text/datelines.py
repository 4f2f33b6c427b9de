"""Date lines of a flattened page: recognise them and read published / modified times.

A date line is a short line that is mostly a date or time: "Mar 29, 2024, 2:52 PM | Updated:
2:54 pm", "Nov. 19, 2019 8:03 am ET", "27/09/2018", "2019年11月20日 10:05", "9 hours ago".
Times are kept as printed (local wall-clock, no offset unless the line gives a numeric one); an
"updated" part without a day takes its day from the published part.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime
from typing import Final

from dateutil import parser as date_parser

from pressclip.signals.reltime import is_relative_time

MAX_DATE_LINE: Final = 90
_MONTH_WORD: Final = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli"
    r"|okt|dez|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre"
    r"|octubre|noviembre|diciembre|janeiro|fevereiro|março|maio|junho|julho|setembro"
    r"|outubro|novembro|dezembro|janvier|février|mars|avril|juin|juillet|août|septembre"
    r"|octobre|novembre|décembre|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre"
    r"|ottobre|dicembre|январ|феврал|март|апрел|ма[яй]|июн|июл|август|сентябр|октябр"
    r"|ноябр|декабр)[a-zäéûçа-я]*\.?"
)
_DATE_PARTS: Final = re.compile(
    rf"\b\d{{1,2}}\.?\s+{_MONTH_WORD}|\b{_MONTH_WORD}\s+\d{{1,2}}\b"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
    r"|\d{4}\s*年\s*\d{1,2}\s*月|\d{4}\.\s*\d{1,2}\.\s*\d{1,2}|\d{4}년\s*\d{1,2}월"
    r"|\b\d{1,2}:\d{2}\b",
    re.IGNORECASE,
)
_UPDATED: Final = re.compile(
    r"\b(?:updated?|last updated|modified|aktualisiert|actualizado|atualizado|mis à jour"
    r"|aggiornato|обновлено|bijgewerkt)\b\s*(?:on|am|el|em|le|il)?\s*:?|更新(?:日時)?\s*[:：]?"
    r"|수정\s*:?",
    re.IGNORECASE,
)
_PUBLISHED: Final = re.compile(
    r"\b(?:published|posted|publicado|veröffentlicht|publié|pubblicato|опубликовано"
    r"|gepubliceerd)\b\s*(?:on|am|el|em|le|il)?\s*:?|公開(?:日時)?\s*[:：]?|입력\s*:?",
    re.IGNORECASE,
)
_CJK_DATE: Final = re.compile(
    r"(?P<y>\d{4})\s*[年년./-]\s*(?P<m>\d{1,2})\s*[月월./-]\s*(?P<d>\d{1,2})\s*[日일]?"
    r"(?:\D{0,6}?(?P<H>\d{1,2})[:時시]\s*(?P<M>\d{2}))?"
)
_CLOCK_ONLY: Final = re.compile(r"^\s*(\d{1,2})[:.](\d{2})\s*([ap]\.?\s?m\.?)?", re.IGNORECASE)
_ZONE_WORDS: Final = re.compile(
    r"\b(?:ET|EST|EDT|PT|PST|PDT|CT|CST|CDT|MT|MST|MDT|GMT|UTC|BST|CET|CEST)\b"
)
_DIGIT: Final = re.compile(r"\d")
# "12.03.2024": written day first wherever dots separate the parts
_DOTTED: Final = re.compile(r"\b\d{1,2}\.\d{1,2}\.\d{2,4}\b")
_YEAR_OR_WORD: Final = re.compile(r"\d{4}|[^\W\d_]{3,}")
_NOISE: Final = re.compile(r"[|•·]")


def is_date_line(text: str) -> bool:
    """True for a short line that is mostly a date, a time or a relative time."""
    if len(text) > MAX_DATE_LINE:
        return False
    if not _DIGIT.search(text):
        return is_relative_time(text)
    if is_relative_time(text):
        return True
    found = _DATE_PARTS.findall(text)
    if not found:
        return False
    dated = sum(len(f) for f in found)
    return dated * 3 >= len(text) or len(text) <= 45


def has_date(text: str) -> bool:
    """True when the text contains something date-like (a day with month, a clock time)."""
    return bool(_DATE_PARTS.search(text))


def _parse_one(text: str, default: datetime | None) -> datetime | None:
    text = _ZONE_WORDS.sub("", _NOISE.sub(" ", text)).strip(" ,.-")
    if not text:
        return None
    cjk = _CJK_DATE.search(text)
    if cjk:
        try:
            return datetime(
                int(cjk.group("y")),
                int(cjk.group("m")),
                int(cjk.group("d")),
                int(cjk.group("H") or 0),
                int(cjk.group("M") or 0),
            )
        except ValueError:
            return None
    clock = _CLOCK_ONLY.match(text)
    if clock and default is not None and not _YEAR_OR_WORD.search(text[clock.end() :]):
        hour, minute = int(clock.group(1)), int(clock.group(2))
        meridiem = (clock.group(3) or "").lower()[:1]
        if meridiem == "p" and hour < 12:
            hour += 12
        elif meridiem == "a" and hour == 12:
            hour = 0
        if hour < 24 and minute < 60:
            return default.replace(hour=hour, minute=minute, second=0, microsecond=0)
        return None
    if not has_date(text) or not _DIGIT.search(text):
        return None
    base = default or datetime(1900, 1, 1)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown zone names: keep the wall-clock time
            parsed, _ = date_parser.parse(
                text,
                fuzzy_with_tokens=True,
                default=base,
                dayfirst=bool(_DOTTED.search(text)),
            )
    except (ValueError, OverflowError):
        return None
    if parsed.year == 1900 or parsed.year < 1990 or parsed.year > 2100:
        return None
    result: datetime = parsed
    return result


_HAS_CLOCK: Final = re.compile(r"\d{1,2}\s*[:.時시]\s*\d{2}|\d{1,2}\s*[ap]\.?m\b", re.IGNORECASE)


def _iso(moment: datetime, text: str) -> str:
    """Date and time when the text gives a time of day, the date alone otherwise."""
    return moment.isoformat() if _HAS_CLOCK.search(text) else moment.date().isoformat()


def parse_date_line(text: str) -> tuple[str | None, str | None]:
    """``(published, modified)`` ISO values read from a date line (either may be None)."""
    updated = _UPDATED.search(text)
    if updated:
        head, tail = text[: updated.start()], text[updated.end() :]
    else:
        head, tail = text, ""
    head = _PUBLISHED.sub("", head)
    published = _parse_one(head, None)
    modified = _parse_one(tail, published) if tail else None
    return (
        _iso(published, head) if published else None,
        _iso(modified, tail) if modified else None,
    )
