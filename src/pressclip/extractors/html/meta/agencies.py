"""News agencies named in author fields: they are the wire (source organisation), not writers.

Names follow :mod:`pressclip.signals.wire` (the short form an agency uses in its datelines:
"AP", "Reuters", "dpa"); this table adds spellings seen in author fields.
"""

from __future__ import annotations

import re
from typing import Final

from pressclip.signals.wire import canonical_agency

# Canonical name -> spellings seen in author fields (lower case, punctuation removed).
_AGENCIES: Final[dict[str, tuple[str, ...]]] = {
    "AP": ("ap", "associated press", "the associated press", "ap news"),
    "Reuters": ("reuters", "thomson reuters"),
    "AFP": ("afp", "agence france presse", "agence francepresse", "afp relaxnews"),
    "dpa": ("dpa", "deutsche presseagentur", "dpaafx", "dpa afx"),
    "EFE": ("efe", "agencia efe"),
    "ANSA": ("ansa",),
    "Kyodo": ("kyodo", "kyodo news"),
    "Xinhua": ("xinhua", "xinhua news agency"),
    "Yonhap": ("yonhap", "yonhap news agency", "연합뉴스"),
    "TASS": ("tass", "тасс"),
    "RIA Novosti": ("ria novosti", "риа новости"),
    "Interfax": ("interfax", "интерфакс"),
    "PA": ("pa", "pa media", "press association", "pa wire"),
    "UPI": ("upi", "united press international"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "AAP": ("aap", "australian associated press"),
    "CP": ("the canadian press", "canadian press", "cp"),
    "APA": ("apa",),
    "KNA": ("kna",),
    "epd": ("epd",),
    "AFX": ("afx",),
    "Lusa": ("lusa", "agência lusa", "agencia lusa"),
    "Europa Press": ("europa press",),
    "NTB": ("ntb",),
    "TT": ("tt", "tt nyhetsbyrån"),
    "Ritzau": ("ritzau",),
    "ANP": ("anp",),
    "Belga": ("belga",),
    "SDA": ("sda", "keystonesda", "keystone sda"),
    "PAP": ("pap",),
    "ČTK": ("čtk", "ctk"),
    "Anadolu": ("anadolu", "anadolu agency", "anadolu ajansı", "aa"),
    "IANS": ("ians",),
    "PTI": ("pti", "press trust of india"),
    "ANI": ("ani",),
    "Agência Brasil": ("agência brasil", "agencia brasil"),
    "CNA": ("cna", "central news agency"),
    "Bernama": ("bernama",),
    "SID": ("sid",),
}
_LOOKUP: Final = {spelling: name for name, spellings in _AGENCIES.items() for spelling in spellings}
_CLEAN: Final = re.compile(r"[^\w\s]+")


def agency_name(text: str) -> str | None:
    """The agency a short author string names ("AP", "Reuters", "dpa/afp" -> first), or None."""
    known = canonical_agency(text)
    if known:
        return known
    t = " ".join(_CLEAN.sub("", text.casefold().replace("-", " ")).split())
    if t in _LOOKUP:
        return _LOOKUP[t]
    for part in re.split(r"\s*[/,&]\s*|\s+and\s+|\s+und\s+", text.casefold()):
        p = " ".join(_CLEAN.sub("", part.replace("-", " ")).split())
        if p in _LOOKUP:
            return _LOOKUP[p]
    return None


def is_agency(text: str) -> bool:
    return agency_name(text) is not None
