"""News agencies named in author fields: they are the wire (source organisation), not writers."""

from __future__ import annotations

import re

# Canonical name -> spellings seen in author fields (lower case, punctuation removed).
_AGENCIES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("ap", "associated press", "the associated press", "ap news"),
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
    "PA Media": ("pa", "pa media", "press association", "pa wire"),
    "UPI": ("upi", "united press international"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "AAP": ("aap", "australian associated press"),
    "The Canadian Press": ("the canadian press", "canadian press", "cp"),
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
    "Keystone-SDA": ("sda", "keystonesda", "keystone sda"),
    "PAP": ("pap",),
    "ČTK": ("čtk", "ctk"),
    "Anadolu": ("anadolu", "anadolu agency", "aa"),
    "IANS": ("ians",),
    "PTI": ("pti", "press trust of india"),
    "ANI": ("ani",),
    "Agência Brasil": ("agência brasil", "agencia brasil"),
    "CNA": ("cna", "central news agency"),
    "Bernama": ("bernama",),
    "SID": ("sid",),
}
_LOOKUP = {spelling: name for name, spellings in _AGENCIES.items() for spelling in spellings}
_CLEAN = re.compile(r"[^\w\s]+")


def agency_name(text: str) -> str | None:
    """The agency a short author string names ("AP", "Reuters", "dpa/afp" -> first), or None."""
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
