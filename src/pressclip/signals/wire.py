"""Wire and agency detection, shared by the HTML and text extractors.

Convention: an agency is named by the short form it uses in its own datelines: ``AP``,
``Reuters``, ``AFP``, ``CNN``, ``dpa``, ``EFE``, ``ANSA``, ``Kyodo``, ``Xinhua``, ``PA``, ``UPI``,
``Bloomberg``, ``Yonhap``, ``TASS``, ``Interfax``, ``Lusa``, ``CP``, ``AAP``, ``PTI``, ``IANS``,
``Anadolu``, ``Jiji``, ``KNA``, ``epd``, ``APA``, ``SDA``, ``ANP``, ``Belga``, ``NTB``, ``TT``,
``Ritzau``, ``Europa Press``. Long forms ("The Associated Press", "Agence France-Presse",
"Cable News Network", "Deutsche Presse-Agentur", ...) map to these.

Evidence, strongest first: a dateline in the first paragraph ("WASHINGTON (AP) —", "(CNN) —",
"LONDON, March 3 (Reuters) -", "BERLIN (dpa) -"), a byline naming an agency ("By X, Associated
Press", "Reuters"), a copyright line ("© 2024 Cable News Network"), and last a credit that is
the agency alone ("AP Photo", "Reuters"). A photo credit naming an agency beside a person
("X/AP via Y") is not taken as the text's source.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

# Canonical short name -> long forms and variants (matched case-insensitively as whole words,
# except the short names themselves, which are matched with their own case).
AGENCIES: Final[dict[str, tuple[str, ...]]] = {
    "AP": ("The Associated Press", "Associated Press"),
    "Reuters": ("Thomson Reuters", "Reuters"),
    "AFP": ("Agence France-Presse", "Agence France Presse"),
    "CNN": ("Cable News Network", "The-CNN-Wire", "CNN Wire", "CNN Newsource"),
    "dpa": ("Deutsche Presse-Agentur",),
    "EFE": ("Agencia EFE",),
    "ANSA": ("Agenzia Nazionale Stampa Associata",),
    "Kyodo": ("Kyodo News",),
    "Xinhua": ("Xinhua News Agency", "Xinhua"),
    "PA": ("Press Association", "PA Media"),
    "UPI": ("United Press International",),
    "Bloomberg": ("Bloomberg News",),
    "Yonhap": ("Yonhap News Agency", "Yonhap"),
    "TASS": ("ITAR-TASS",),
    "Interfax": ("Interfax",),
    "Lusa": ("Agência Lusa",),
    "CP": ("The Canadian Press", "Canadian Press"),
    "AAP": ("Australian Associated Press",),
    "PTI": ("Press Trust of India",),
    "IANS": ("Indo-Asian News Service",),
    "Anadolu": ("Anadolu Agency", "Anadolu Ajansı"),
    "Jiji": ("Jiji Press",),
    "KNA": ("Katholische Nachrichten-Agentur",),
    "epd": ("Evangelischer Pressedienst",),
    "APA": ("Austria Presse Agentur",),
    "SDA": ("Keystone-SDA", "Schweizerische Depeschenagentur"),
    "ANP": ("Algemeen Nederlands Persbureau",),
    "Belga": ("Agence Belga",),
    "NTB": ("Norsk Telegrambyrå",),
    "TT": ("Tidningarnas Telegrambyrå",),
    "Ritzau": ("Ritzaus Bureau",),
    "Europa Press": ("Europa Press",),
}

# Short forms as they appear inside dateline parentheses, with their exact case; dpa may carry a
# regional suffix ("dpa/lnw"), CNN a desk ("CNN Business").
_DATELINE_TAGS: Final[dict[str, str]] = {
    **{name: name for name in AGENCIES},
    "Associated Press": "AP",
    "AP Photo": "AP",
    "Thomson Reuters": "Reuters",
    "ТАСС": "TASS",
    "РИА Новости": "RIA Novosti",
    "Интерфакс": "Interfax",
    "Keystone-SDA": "SDA",
    "PA Media": "PA",
}

_TAG_ALTERNATION: Final = "|".join(
    re.escape(tag) for tag in sorted(_DATELINE_TAGS, key=len, reverse=True)
)
# A dateline: an optional place (and date), the tag, then a dash, colon or full stop.
_DATELINE: Final = re.compile(
    rf"^(?P<place>[^\W\d_][^()\n]{{0,80}}?)?\s*[(/](?P<tag>{_TAG_ALTERNATION})"
    r"(?:\s+[A-Z][a-z]+|/[\w-]+)?[)/]\s*(?:[—–―-]+|:|\.-?|\.?\s*[—–-])"
)
_MONTHS: Final = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:ene|feb|mar|abr|may|jun|jul|ago|sep|set|oct|out|nov|dic|dez)[a-z]*\.?"
    r"|(?:янв|фев|мар|апр|мая|июн|июл|авг|сен|окт|ноя|дек)[а-я]*\.?"
)
# A date trailing the place: ", March 3", ", 3 mar", ", 3 марта.", ", Nov. 19, 2019".
_TRAILING_DATE: Final = re.compile(
    rf",?\s*(?:\d{{1,2}}\.?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}})(?:,?\s*\d{{4}})?\.?\s*$",
    re.IGNORECASE,
)

_LONG_FORMS: Final = sorted(
    ((form, name) for name, forms in AGENCIES.items() for form in forms),
    key=lambda pair: len(pair[0]),
    reverse=True,
)
_LONG_FORM: Final = re.compile(
    r"(?<![\w-])(?P<form>" + "|".join(re.escape(f) for f, _ in _LONG_FORMS) + r")(?![\w-])",
    re.IGNORECASE,
)
_LONG_LOOKUP: Final = {form.casefold(): name for form, name in _LONG_FORMS}
# Short names that stand alone in a byline or credit ("Reuters", "AP", "AFP Photo").
_SHORT_ALONE: Final = re.compile(
    r"^(?:(?:by|von|por|par|di)\s+)?(?P<tag>"
    + _TAG_ALTERNATION
    + r")(?:\s+(?:Photo|Foto|Video))?\.?$"
)
# A byline ending with an agency: "Nicole Winfield, Associated Press", "X and Y, AP".
_BYLINE_TAIL: Final = re.compile(r"[,/|–—-]\s*(?:the\s+)?(?P<org>[^,/|–—]+?)\s*$", re.IGNORECASE)

_COPYRIGHT: Final = re.compile(
    r"©|\(c\)\s*\d{4}|\bcopyright\b|\ball rights reserved\b|\balle rechte vorbehalten\b"
    r"|\btodos (?:los|os) derechos reservados\b|\btodos os direitos reservados\b"
    r"|\bdireitos reservados\b|\btous droits réservés\b|\btutti i diritti riservati\b"
    r"|\bвсе права защищены\b|無断転載|無断複製|版权所有|版權所有|저작권|무단\s*전재"
    r"|\bwszelkie prawa zastrzeżone\b|\balle rettigheder forbeholdes\b"
    r"|\balle rechten voorbehouden\b|\btüm hakları saklıdır\b",
    re.IGNORECASE,
)
MAX_COPYRIGHT_LEN: Final = 400
_TOKEN: Final = re.compile(r"[\w-]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class WireInfo:
    """The agency a story comes from and the dateline place, when the page shows them."""

    source_organization: str | None = None
    dateline: str | None = None
    evidence: str | None = None  # "dateline", "byline", "copyright" or "credit"


# Cheap pre-check: every marker above contains one of these (lower-cased) fragments.
_COPYRIGHT_HINTS = (
    "©",
    "(c)",
    "copyright",
    "rights",
    "rechte",
    "derechos",
    "direitos",
    "droits",
    "diritti",
    "права",
    "無断",
    "版权",
    "版權",
    "저작권",
    "무단",
    "prawa",
    "rettigheder",
    "rechten",
    "hakları",
)


_COPYRIGHT_HINT: Final = re.compile("|".join(re.escape(h) for h in _COPYRIGHT_HINTS))


def is_copyright_line(line: str) -> bool:
    """True for a copyright or rights-reserved line (short, with the marker)."""
    text = line.strip()
    if not 0 < len(text) <= MAX_COPYRIGHT_LEN:
        return False
    if not _COPYRIGHT_HINT.search(text.lower()):
        return False
    return bool(_COPYRIGHT.search(text))


def canonical_agency(name: str) -> str | None:
    """The short name of the agency ``name`` denotes (long or short form), or None."""
    text = name.strip().strip(".").strip()
    if text in _DATELINE_TAGS:
        return _DATELINE_TAGS[text]
    return _LONG_LOOKUP.get(text.casefold())


def parse_dateline(paragraph: str) -> tuple[str | None, str] | None:
    """``(place, agency)`` from a paragraph opening with a wire dateline, else None."""
    match = _DATELINE.match(paragraph.strip())
    if match is None:
        return None
    agency = _DATELINE_TAGS[match.group("tag")]
    place = (match.group("place") or "").strip(" ,")
    place = _TRAILING_DATE.sub("", place).strip(" ,")
    return (place or None), agency


def agency_in_byline(byline: str) -> str | None:
    """The agency a byline names: "Reuters", "By X, Associated Press", "X, AP Correspondent"."""
    text = byline.strip()
    alone = _SHORT_ALONE.match(text)
    if alone:
        return _DATELINE_TAGS[alone.group("tag")]
    found = canonical_agency(text)
    if found:
        return found
    tail = _BYLINE_TAIL.search(text)
    if tail is None:
        return None
    org = tail.group("org")
    found = canonical_agency(org)
    if found:
        return found
    # "AP White House Correspondent": a short tag opening the role.
    first = org.split(" ", 1)[0]
    return _DATELINE_TAGS.get(first) if first in AGENCIES else None


def agency_in_copyright(line: str) -> str | None:
    """The agency a copyright line names ("© 2024 Cable News Network", "Copyright 2019 AP")."""
    if not is_copyright_line(line):
        return None
    match = _LONG_FORM.search(line)
    if match:
        return _LONG_LOOKUP[match.group("form").casefold()]
    tokens: list[str] = _TOKEN.findall(line)
    for token in tokens:
        if token in AGENCIES and len(token) > 1:
            return token
    return None


def agency_in_credit(credit: str) -> str | None:
    """The agency of a credit that names only an agency ("AP Photo", "Reuters", "AFP")."""
    alone = _SHORT_ALONE.match(credit.strip())
    if alone:
        return _DATELINE_TAGS[alone.group("tag")]
    return canonical_agency(credit)


# A place-only dateline of a staff story: "RIVERTON —", "SAN JOSE, Calif. —".
_PLACE_ONLY: Final = re.compile(
    r"^(?P<place>[A-ZÀ-ÞА-Я][A-ZÀ-ÞА-Я .'’-]{2,40}(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)?)"
    r"\s+[—–]\s"
)


# A German-style "Ortsmarke": "Oberhelm. Schon um zehn Uhr ...", "Berlin/Hamburg. Die ...".
_ORTSMARKE: Final = re.compile(
    r"^(?P<place>[A-ZÄÖÜ][a-zäöüß]{2,}(?:[ -][A-ZÄÖÜ][a-zäöüß]{2,}){0,2}"
    r"(?:/[A-ZÄÖÜ][a-zäöüß]{2,})?)\.\s+[A-ZÄÖÜ]"
)
# Words that open a paragraph as a one-word sentence and are no place.
_NOT_PLACES: Final = frozenset(
    [
        "yes",
        "no",
        "okay",
        "thanks",
        "hello",
        "well",
        "sure",
        "right",
        "again",
        "today",
        "now",
        "then",
        "also",
        "but",
        "and",
        "still",
        "ja",
        "nein",
        "danke",
        "hallo",
        "nun",
        "gut",
        "also",
        "aber",
        "und",
        "doch",
        "heute",
        "gestern",
        "morgen",
        "jetzt",
        "dann",
        "wow",
        "exactly",
        "indeed",
        "genau",
        "klar",
        "stimmt",
    ]
)
ORTSMARKE_MIN_PARAGRAPH: Final = 120


def _place_dateline(paragraph: str) -> str | None:
    """The place of a dateline without an agency ("RIVERTON —", "Oberhelm. Schon ...")."""
    text = paragraph.strip()
    match = _PLACE_ONLY.match(text)
    if match:
        return match.group("place").strip()
    match = _ORTSMARKE.match(text)
    if match and len(text) >= ORTSMARKE_MIN_PARAGRAPH:
        place = match.group("place")
        if place.casefold() not in _NOT_PLACES:
            return place
    return None


def detect_wire(
    first_paragraph: str | None,
    bylines: Sequence[str] = (),
    credits: Sequence[str] = (),
    copyright_lines: Sequence[str] = (),
) -> WireInfo:
    """The wire source and dateline from the strongest evidence available."""
    if first_paragraph:
        parsed = parse_dateline(first_paragraph)
        if parsed is not None:
            place, tag = parsed
            return WireInfo(source_organization=tag, dateline=place, evidence="dateline")
    dateline = _place_dateline(first_paragraph) if first_paragraph else None
    for byline in bylines:
        agency = agency_in_byline(byline)
        if agency:
            return WireInfo(source_organization=agency, dateline=dateline, evidence="byline")
    for line in copyright_lines:
        agency = agency_in_copyright(line)
        if agency:
            return WireInfo(source_organization=agency, dateline=dateline, evidence="copyright")
    for credit in credits:
        agency = agency_in_credit(credit)
        if agency:
            return WireInfo(source_organization=agency, dateline=dateline, evidence="credit")
    return WireInfo(dateline=dateline)
