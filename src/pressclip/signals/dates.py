"""Dates as pages write them, normalised to ISO 8601.

``normalize_date`` reads one value (a meta content, a ``datetime`` attribute, a JSON-LD string,
a visible "5. März 2024, 10:30 Uhr") and returns ISO 8601: ``YYYY-MM-DD`` when only a day is
given, ``YYYY-MM-DDTHH:MM:SS`` with the offset (``+HH:MM``) when the page gives one, without it
when it does not. It never invents parts the text does not have. ``search_date`` finds the first
date inside a longer text (a byline line). Month names come from a small multilingual table;
dateutil is the last resort for odd machine formats.
"""

from __future__ import annotations

import re
import warnings
from datetime import UTC, datetime, timedelta, timezone
from typing import Final

from dateutil import parser as _du_parser

MIN_YEAR: Final = 1990
_MAX_YEAR: Final = datetime.now(UTC).year + 2

# Month name prefixes (lower case, accents kept) -> month number. Matching uses the longest
# prefix of a word, so "sept", "september", "septembre", "sentyabrya" style forms all work.
_MONTHS: Final[dict[str, int]] = {}


def _add(month: int, *names: str) -> None:
    for name in names:
        _MONTHS[name] = month


_add(
    1,
    "jan",
    "january",
    "januar",
    "janvier",
    "enero",
    "ene",
    "janeiro",
    "gennaio",
    "gen",
    "januari",
    "janúar",
    "styczeń",
    "stycznia",
    "leden",
    "ledna",
    "января",
    "январь",
    "янв",
    "ιανουαρίου",
    "ocak",
    "tammikuu",
    "tammikuuta",
    "jänner",
    "jän",
    "ianuarie",
    "januára",
)
_add(
    2,
    "feb",
    "february",
    "februar",
    "février",
    "fevrier",
    "févr",
    "febrero",
    "fevereiro",
    "fev",
    "febbraio",
    "februari",
    "luty",
    "lutego",
    "únor",
    "února",
    "февраля",
    "февраль",
    "фев",
    "φεβρουαρίου",
    "şubat",
    "helmikuu",
    "helmikuuta",
    "februarie",
    "februára",
)
_add(
    3,
    "mar",
    "march",
    "märz",
    "maerz",
    "mär",
    "mars",
    "marzo",
    "março",
    "marco",
    "maart",
    "marts",
    "mart",
    "marzec",
    "marca",
    "březen",
    "března",
    "марта",
    "март",
    "мар",
    "μαρτίου",
    "maaliskuu",
    "maaliskuuta",
    "martie",
    "marca",
)
_add(
    4,
    "apr",
    "april",
    "avril",
    "abril",
    "abr",
    "aprile",
    "kwiecień",
    "kwietnia",
    "duben",
    "dubna",
    "апреля",
    "апрель",
    "апр",
    "απριλίου",
    "nisan",
    "huhtikuu",
    "huhtikuuta",
    "aprilie",
    "apríla",
)
_add(
    5,
    "may",
    "mai",
    "mayo",
    "maio",
    "maggio",
    "mag",
    "mei",
    "maj",
    "maja",
    "květen",
    "května",
    "мая",
    "май",
    "μαΐου",
    "mayıs",
    "toukokuu",
    "toukokuuta",
    "mája",
)
_add(
    6,
    "jun",
    "june",
    "juni",
    "juin",
    "junio",
    "junho",
    "giugno",
    "giu",
    "czerwiec",
    "czerwca",
    "červen",
    "června",
    "июня",
    "июнь",
    "июн",
    "ιουνίου",
    "haziran",
    "kesäkuu",
    "kesäkuuta",
    "iunie",
    "júna",
)
_add(
    7,
    "jul",
    "july",
    "juli",
    "juillet",
    "julio",
    "julho",
    "luglio",
    "lug",
    "lipiec",
    "lipca",
    "červenec",
    "července",
    "июля",
    "июль",
    "июл",
    "ιουλίου",
    "temmuz",
    "heinäkuu",
    "heinäkuuta",
    "iulie",
    "júla",
)
_add(
    8,
    "aug",
    "august",
    "août",
    "aout",
    "agosto",
    "ago",
    "augustus",
    "sierpień",
    "sierpnia",
    "srpen",
    "srpna",
    "августа",
    "август",
    "авг",
    "αυγούστου",
    "ağustos",
    "elokuu",
    "elokuuta",
    "augusti",
    "augusta",
)
_add(
    9,
    "sep",
    "sept",
    "september",
    "septembre",
    "septiembre",
    "setembro",
    "set",
    "settembre",
    "wrzesień",
    "września",
    "září",
    "сентября",
    "сентябрь",
    "сен",
    "сент",
    "σεπτεμβρίου",
    "eylül",
    "syyskuu",
    "syyskuuta",
    "septembrie",
    "septembra",
)
_add(
    10,
    "oct",
    "october",
    "oktober",
    "octobre",
    "octubre",
    "outubro",
    "out",
    "ottobre",
    "ott",
    "okt",
    "październik",
    "października",
    "říjen",
    "října",
    "октября",
    "октябрь",
    "οκτωβρίου",
    "ekim",
    "lokakuu",
    "lokakuuta",
    "octombrie",
    "októbra",
)
_add(
    11,
    "nov",
    "november",
    "novembre",
    "noviembre",
    "novembro",
    "listopad",
    "listopada",
    "listopadu",
    "ноября",
    "ноябрь",
    "ноя",
    "νοεμβρίου",
    "kasım",
    "marraskuu",
    "marraskuuta",
    "noiembrie",
    "novembra",
)
_add(
    12,
    "dec",
    "december",
    "dezember",
    "dez",
    "décembre",
    "decembre",
    "déc",
    "diciembre",
    "dic",
    "dezembro",
    "dicembre",
    "grudzień",
    "grudnia",
    "prosinec",
    "prosince",
    "декабря",
    "декабрь",
    "дек",
    "δεκεμβρίου",
    "aralık",
    "joulukuu",
    "joulukuuta",
    "decembrie",
    "decembra",
    "desember",
    "desember",
)

_MONTH_WORD: Final = r"([^\W\d_]{3,12})\.?"
_TZ_ABBR: Final[dict[str, int]] = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "wet": 0,
    "bst": 60,
    "cet": 60,
    "met": 60,
    "mez": 60,
    "cest": 120,
    "mesz": 120,
    "eet": 120,
    "eest": 180,
    "msk": 180,
    "ist": 330,
    "jst": 540,
    "kst": 540,
    "hkt": 480,
    "sgt": 480,
    "aest": 600,
    "aedt": 660,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
}
_TZ: Final = (
    r"(?:\s*(Z|[+-]\d{2}(?::?\d{2})?|(?:UTC|GMT)\s*[+-]\d{1,2}(?::?\d{2})?|[A-Za-z]{2,4}\b))?"
)
_TIME: Final = (
    r"(?:(?:T|\s+|,\s*|\s+(?:at|um|à|a las|às|alle|om|kl\.?|в)\s+|\s*-\s*)"
    r"(\d{1,2})[:h.](\d{2})(?::(\d{2})(?:[.,]\d+)?)?(?:\s*([AaPp]\.?[Mm]\.?))?" + _TZ + r")?"
)
_ISO: Final = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)"
)
_YMD: Final = re.compile(
    r"(?<!\d)(\d{4})\s*[./年년]\s*(\d{1,2})\s*[./月월]\s*(\d{1,2})(?!\d)(?:\s*[日일])?" + _TIME
)
_NUMERIC: Final = re.compile(
    r"(?<!\d)(\d{1,2})\s*([./-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})(?![\d.]\d)" + _TIME
)
_DAY_MONTH: Final = re.compile(
    r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er|e|º|°)?\.?\s*(?:de\s+|of\s+)?"
    + _MONTH_WORD
    + r",?\s*(?:de\s+|del\s+)?('?\d{4}|'\d{2})(?!\d)(?:\s*(?:г\.|года|г(?!\w)))?"
    + _TIME,
    re.IGNORECASE,
)
_MONTH_DAY: Final = re.compile(
    _MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?\.?,?\s+(\d{4})(?!\d)" + _TIME, re.IGNORECASE
)
_COMPACT: Final = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{4})?$")
_DIGIT: Final = re.compile(r"\d")
# What every pattern of an unanchored _parse needs: four digits (a year), "'24", or digits on
# both sides of a separator ("05.03.24"). A text without any is no date, and is answered before
# the five searches; collapsing whitespace cannot create one.
_DATE_DIGITS: Final = re.compile(r"\d{4}|'\d\d|\d\s*[./-]\s*\d")
_EPOCH: Final = re.compile(r"^1\d{9}(?:\d{3})?$")


_WEEKDAYS: Final = frozenset(
    {
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "mon",
        "tue",
        "tues",
        "wed",
        "thu",
        "thur",
        "thurs",
        "fri",
        "sat",
        "sun",
        "montag",
        "dienstag",
        "mittwoch",
        "donnerstag",
        "freitag",
        "samstag",
        "sonnabend",
        "sonntag",
        "mo",
        "di",
        "mi",
        "do",
        "fr",
        "sa",
        "so",
        "lundi",
        "mardi",
        "mercredi",
        "jeudi",
        "vendredi",
        "samedi",
        "dimanche",
        "lunes",
        "martes",
        "miércoles",
        "miercoles",
        "jueves",
        "viernes",
        "sábado",
        "sabado",
        "domingo",
        "segunda",
        "terça",
        "terca",
        "quarta",
        "quinta",
        "sexta",
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "zaterdag",
        "zondag",
        "mandag",
        "tirsdag",
        "onsdag",
        "torsdag",
        "fredag",
        "lørdag",
        "søndag",
        "måndag",
        "tisdag",
        "lördag",
        "söndag",
        "понедельник",
        "вторник",
        "среда",
        "четверг",
        "пятница",
        "суббота",
        "воскресенье",
    }
)


def is_weekday(word: str) -> bool:
    """Whether a word is a weekday name or abbreviation (several languages)."""
    return word.lower().strip(".,") in _WEEKDAYS


def month_number(word: str) -> int | None:
    """The month a (multilingual, possibly abbreviated) month name stands for."""
    w = word.lower().rstrip(".")
    if w in _MONTHS:
        return _MONTHS[w]
    for cut in range(len(w) - 1, 2, -1):
        m = _MONTHS.get(w[:cut])
        if m is not None:
            return m
    return None


def _offset(tz: str | None) -> timezone | None:
    if not tz:
        return None
    t = tz.strip()
    abbr = _TZ_ABBR.get(t.lower())
    if abbr is not None:
        return timezone(timedelta(minutes=abbr))
    m = re.fullmatch(r"(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})?", t, re.IGNORECASE)
    if m is None:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    if minutes > 14 * 60:
        return None
    return timezone(timedelta(minutes=minutes if m.group(1) == "+" else -minutes))


def _build(
    year: int,
    month: int,
    day: int,
    hour: str | None = None,
    minute: str | None = None,
    second: str | None = None,
    ampm: str | None = None,
    tz: str | None = None,
) -> str | None:
    if not MIN_YEAR <= year <= _MAX_YEAR:
        return None
    try:
        date = datetime(year, month, day)
    except ValueError:
        return None
    if hour is None or minute is None:
        return date.date().isoformat()
    h = int(hour)
    if ampm:
        pm = ampm.lower().startswith("p")
        if h > 12:
            return date.date().isoformat()
        h = h % 12 + (12 if pm else 0)
    try:
        stamp = date.replace(hour=h, minute=int(minute), second=int(second or 0))
    except ValueError:
        return date.date().isoformat()
    zone = _offset(tz)
    if zone is not None:
        return stamp.replace(tzinfo=zone).isoformat()
    return stamp.isoformat()


def _year(text: str) -> int:
    text = text.lstrip("'")
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _numeric(m: re.Match[str], day_first: bool) -> str | None:
    a, sep, b, y = int(m.group(1)), m.group(2), int(m.group(3)), _year(m.group(4))
    if sep == "/" and not day_first and a <= 12:
        month, day = a, b
    elif a > 12 or sep != "/" or day_first:
        day, month = a, b
    else:
        month, day = a, b
    if month > 12 and day <= 12:
        month, day = day, month
    return _build(y, month, day, *m.groups()[4:9])


def normalize_date(value: str | None, *, day_first: bool = True) -> str | None:
    """One date value as ISO 8601, or None when it holds no plausible date.

    ``day_first`` decides ambiguous slashed dates ("03/05/2024"): true reads day/month, false
    month/day (the US habit). Dotted and dashed numeric dates are always day first.
    """
    if not value:
        return None
    text = " ".join(str(value).split())[:200]
    if not text or _DIGIT.search(text) is None:
        return None
    found = _parse(text, day_first, anchored=True)
    if found is not None:
        return found
    return _dateutil(text)


def search_date(text: str | None, *, day_first: bool = True) -> str | None:
    """The first date written anywhere in a (short) text."""
    if not text or _DATE_DIGITS.search(text) is None:
        return None
    return _parse(" ".join(text.split())[:2000], day_first, anchored=False)


def _parse(text: str, day_first: bool, *, anchored: bool) -> str | None:
    if anchored:
        m = _COMPACT.match(text)
        if m is not None:
            return _build(
                int(m.group(1)),
                int(m.group(2)),
                int(m.group(3)),
                m.group(4),
                m.group(5),
                m.group(6),
                None,
                m.group(7),
            )
        if _EPOCH.match(text):
            seconds = int(text[:10])
            return datetime.fromtimestamp(seconds, UTC).isoformat()
    best: tuple[int, str] | None = None
    for pattern in (_ISO, _YMD, _DAY_MONTH, _MONTH_DAY, _NUMERIC):
        m = pattern.search(text)
        if m is None:
            continue
        found = _from_match(pattern, m, day_first)
        if found is not None and (best is None or m.start() < best[0]):
            best = (m.start(), found)
            if m.start() == 0:
                break
    return best[1] if best is not None else None


def _from_match(pattern: re.Pattern[str], m: re.Match[str], day_first: bool) -> str | None:
    g = m.groups()
    if pattern is _ISO:
        return _build(int(g[0]), int(g[1]), int(g[2]), g[3], g[4], g[5], None, g[6])
    if pattern is _YMD:
        return _build(int(g[0]), int(g[1]), int(g[2]), *g[3:8])
    if pattern is _NUMERIC:
        return _numeric(m, day_first)
    if pattern is _DAY_MONTH:
        month = month_number(g[1])
        if month is None:
            return None
        return _build(_year(g[2]), month, int(g[0]), *g[3:8])
    month = month_number(g[0])
    if month is None:
        return None
    return _build(int(g[2]), month, int(g[1]), *g[3:8])


_NO_DATE: Final = datetime(1, 1, 1)
_TZINFOS: Final = {k.upper(): v * 60 for k, v in _TZ_ABBR.items() if k != "z"}


def _dateutil(text: str) -> str | None:
    if not re.search(r"\d{4}", text):
        return None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            dt = _du_parser.parse(text, default=_NO_DATE, fuzzy=False, tzinfos=_TZINFOS)
    except (ValueError, OverflowError, TypeError, LookupError):
        return None
    if dt.year == 1:
        return None
    has_time = bool(re.search(r"\d:\d\d", text))
    if not MIN_YEAR <= dt.year <= _MAX_YEAR:
        return None
    if not has_time:
        return str(dt.date().isoformat())
    return str(dt.isoformat())


def to_utc_day(value: str) -> str:
    """The calendar day of an ISO value in UTC (the value's own day when it has no offset)."""
    try:
        dt = datetime.fromisoformat(value)
    except ValueError:
        return value[:10]
    if dt.tzinfo is None:
        return dt.date().isoformat()
    return dt.astimezone(UTC).date().isoformat()


def is_date_only(value: str) -> bool:
    return len(value) == 10


_URL_DATE: Final = re.compile(
    r"/((?:19|20)\d{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12]\d|3[01])(?:[/_.-]|$)"
)


_URL_DATE_DMY: Final = re.compile(
    r"/(0[1-9]|[12]\d|3[01])[_.-](0[1-9]|1[0-2])[_.-]((?:19|20)\d{2})(?:[/_.-]|$)"
)


def date_in_url(url: str | None) -> str | None:
    """A publication day written in a URL path (/2024/03/05/, /20240305/, /05-03-2024)."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m is not None:
        return _build(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _URL_DATE_DMY.search(url)
    if m is not None:
        return _build(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None
