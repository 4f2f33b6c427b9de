"""Bylines to person names.

``parse_byline("By Jane Roe and John Doe | Reporter")`` gives ``("Jane Roe", "John Doe")``.
The cleaning is a chain of small steps: cut what is not a name (e-mail addresses, links,
"Email the author", dates, "Updated ..."), drop the lead word ("By", "Von", "Por", "Par", ...),
keep the first segment before a " | " or " - " (what follows is a role or an outlet), split on
list separators in several languages, drop credentials ("PhD", "MD") and role words ("Staff
Writer", "Correspondent", "Redakteur", "기자"), then keep the parts that look like names.
English words are one signal among several; the lead words and separators cover the languages
of our pages.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

from pressclip.signals.dates import is_weekday, month_number

# Lead words before a byline, several languages. Matched case-insensitively at the start.
_LEAD: Final = re.compile(
    r"^(?:(?:written|reported|posted|published|story|words|text|interview|compiled|edited|"
    r"reviewed|updated|created|produced|authored)\s+by|by|from|von|vom|por|par|"
    r"(?-i:per|de|di|da|door|av|af|od)|przez|tekst|text|texte|texto|testo|autor(?:in|a|es)?|"
    r"authors?|auteur|autore|escrito\s+por|publicado\s+por|écrit\s+par|geschrieben\s+von|"
    r"veröffentlicht\s+von|erstellt\s+von|verfasst\s+von|gepostet\s+von|ein\s+beitrag\s+von|"
    r"publié\s+par|pubblicato\s+da|scritto\s+da|über|about|sobre|"
    r"автор|текст|作者|文|記者|글|기자)(?:\s*[:：/|-]?\s+|\s*[:：]\s*|$)",
    re.IGNORECASE,
)
# Separators between several names: commas, "and" in several languages, ampersands, slashes.
_SPLIT: Final = re.compile(
    r"\s*(?:,|;|&|\band\b|\bund\b|\by\b|\be\b|\bet\b|\bog\b|\ben\b|\boch\b|\bi\b|\bja\b|\bи\b|"
    r"\bve\b|\boraz\b|\ba\b(?=\s+[A-ZÀ-ÖØ-Þ])|、|，|/)\s*",
)
# A segment break: what follows is usually a role or an outlet ("Jane Roe | Reporter").
_SEGMENT: Final = re.compile(r"\s*(?:\||•|·|\s[-–—]\s|\n)\s*")
# Role words. Trailing role words are cut from a name; a part made only of them is no name.
_ROLES: Final = {
    "writer",
    "writers",
    "reporter",
    "reporters",
    "correspondent",
    "editor",
    "editors",
    "senior",
    "chief",
    "contributing",
    "contributor",
    "columnist",
    "associate",
    "managing",
    "deputy",
    "freelance",
    "photographer",
    "producer",
    "analyst",
    "intern",
    "guest",
    "author",
    "journalist",
    "redakteur",
    "redakteurin",
    "korrespondent",
    "korrespondentin",
    "autor",
    "autorin",
    "reportero",
    "repórter",
    "periodista",
    "jornalista",
    "journaliste",
    "giornalista",
    "корреспондент",
    "журналист",
    "редактор",
    "contributors",
    "expert",
    "specialist",
    "updated",
    "published",
    "posted",
    "last",
    "on",
    "in",
    "at",
    "am",
    "um",
    "veröffentlicht",
    "aktualisiert",
    "erstellt",
    "gepostet",
    "publicado",
    "publié",
    "pubblicato",
    "le",
    "el",
    "il",
    "em",
    "на",
    "в",
}
# Words that make a whole part a role or a label, never a name, when the part is only these.
_ONLY_ROLES: Final = _ROLES | {
    "staff",
    "the",
    "for",
    "of",
    "to",
    "with",
    "news",
    "desk",
    "team",
    "editorial",
    "special",
    "political",
    "business",
    "sports",
    "science",
    "health",
    "technology",
    "tech",
    "opinion",
    "fact",
    "checker",
    "wire",
    "service",
    "services",
    "online",
    "digital",
    "data",
    "mr",
    "ms",
    "mrs",
    "dr",
    "prof",
}
_CREDENTIALS: Final = re.compile(
    r"^(?:ph\.?\s?d\.?|m\.?d\.?|d\.?o\.?|m\.?s\.?c?\.?|m\.?a\.?|b\.?a\.?|b\.?sc?\.?|mba|mph|"
    r"rn|rd|ld|cpa|cfa|cfp|esq\.?|jr\.?|sr\.?|ii|iii|iv|(?-i:[A-Z]{2,6}|(?:[A-Z]\.){2,4}))$",
    re.IGNORECASE,
)
_JUNK: Final = {
    "undefined",
    "null",
    "none",
    "default",
    "unknown",
    "nan",
    "n/a",
    "anonymous",
    "by",
    "author",
    "authors",
    "written by",
    "posted by",
    "admin",
    "publisher",
    "super user",
    "administrator",
    "editor",
    "redaktion",
    "webmaster",
    "user",
    "guest",
    "autor",
    "red",
    "red.",
    "ots",
    "idw",
}
# Words after a name that start page furniture ("Jane Roe Tags", "Jane Roe Share").
_FURNITURE: Final = {
    "tags",
    "tag",
    "share",
    "teilen",
    "comments",
    "comment",
    "kommentare",
    "kommentar",
    "follow",
    "folgen",
    "read",
    "lesen",
    "mehr",
    "more",
    "print",
    "drucken",
    "bio",
    "profile",
    "profil",
    "zum",
    "alle",
    "all",
    "view",
    "see",
    "posts",
    "articles",
    "artikel",
    "schlagwörter",
    "kategorie",
    "category",
    "categories",
    "minutes",
    "minuten",
    "min",
    "lesezeit",
}
# Words of site navigation and forms: a part holding one is page furniture, not a name.
_NAVIGATION: Final = {
    "privacy",
    "policy",
    "datenschutz",
    "impressum",
    "cookie",
    "cookies",
    "terms",
    "login",
    "log",
    "sign",
    "subscribe",
    "abonnieren",
    "newsletter",
    "home",
    "menu",
    "search",
    "suche",
    "contact",
    "kontakt",
    "type",
    "click",
    "here",
    "hier",
    "download",
    "advertisement",
    "anzeige",
    "werbung",
    "sponsored",
    "copyright",
    "gesponserte",
    "gesponsert",
    "zeige",
    "show",
    "bildrechte",
    "aktuelles",
    "link",
}
# Lower-case particles that may stand inside a person's name.
_PARTICLES: Final = {
    "van",
    "von",
    "der",
    "den",
    "de",
    "da",
    "di",
    "du",
    "la",
    "le",
    "del",
    "della",
    "dos",
    "das",
    "do",
    "bin",
    "ibn",
    "al",
    "el",
    "zu",
    "ten",
    "ter",
    "y",
    "e",
    "af",
    "st",
    "mac",
    "ben",
    "binti",
    "bint",
    "d'",
    "degli",
    "dei",
    "des",
    "vom",
    "zum",
}
_SUFFIX_ROLE: Final = re.compile(
    r"\s*(?:기자|특파원|记者|記者|논설위원|선임기자|객원기자|특임기자|편집위원)$"
)
# Editor initials after a name: "Elena Muster (emu)", "Jan Roe (jr" once the split ate ")".
_INITIALS_TAIL: Final = re.compile(r"(?<=\w)\s*\([a-z]{2,5}\)?$")
_EMAIL: Final = re.compile(r"\S+@\S+\.\w+")
_URL: Final = re.compile(r"(?:https?://|www\.)\S+")
_HANDLE: Final = re.compile(r"(?<!\w)@\w+")
_USERNAME: Final = re.compile(r"^[a-z0-9]+[._][a-z0-9._]+$")
_NOISE: Final = re.compile(
    r"(?:e-?mail|follow|twitter|facebook|linkedin|instagram|contact|view all posts|"
    r"more (?:from|by|stories)|see all|all articles|read more|bio|profile|send|"
    r"mehr (?:von|zum)|alle artikel|artikel von)\b.*$",
    re.IGNORECASE,
)
_TAIL: Final = re.compile(
    r"(?<=\w)\s*(?:\bupdated\b|\bpublished\b|\bposted\b|\baktualisiert\b|\bveröffentlicht\b|"
    r"\bstand\b|\bactualizado\b|\bpublicado\b|\bmis à jour\b|\bpublié\b|\bon\b\s+\w+\s+\d).*$",
    re.IGNORECASE,
)
_CREDIT: Final = re.compile(
    r"^(?:fotos?|photos?|bild(?:er)?|illustrations?|grafik|graphics?|video|kamera|camera|"
    r"imagen|imagem|immagine|фото)\s*[:：]",
    re.IGNORECASE,
)
_LABEL: Final = re.compile(r"^([^\W\d_][\w ]{0,20})\s*[:：]\s*(.+)$")
# Lower-case words after a name that start a category or place ("Jane Roe in Politics").
_CUT_WORDS: Final = {"in", "on", "at", "im", "em", "for", "from", "with", "via", "über", "für"}


def parse_byline(text: str | None, *, exclude: Iterable[str] = ()) -> tuple[str, ...]:
    """Person names in a byline, in order, without duplicates.

    ``exclude`` holds names that are not persons here (the site name, the publisher): parts
    equal to one of them are dropped.
    """
    if not text:
        return ()
    banned = {_key(e) for e in exclude if e}
    names: list[str] = []
    seen: set[str] = set()
    for segment in _segments(_strip_noise(text)):
        for part in _own_parts(segment):
            if names and _CREDENTIALS.match(part.strip(" .,;")):
                continue  # "Jane Roe, PhD, RD": credentials after a name
            if names and part.isupper() and not names[-1].isupper():
                continue  # "Jane Roe, EL DEBER": an outlet in capitals after a name
            name = clean_name(part)
            if name is None:
                continue
            key = _key(name)
            if key in banned or key in seen:
                continue
            seen.add(key)
            names.append(name)
        if names:
            break
    return tuple(names)


def _own_parts(segment: str) -> Iterator[str]:
    """The parts of a byline segment without an image's credit: after "Foto:" or "Bild:" come
    the agencies and the photographer ("Bild: SN/APA/KEYSTONE/JANE ROE"), up to a part that
    opens on a lead word or a label of its own ("Foto: dpa / Text: Anna Fink")."""
    in_credit = False
    for part in _SPLIT.split(segment):
        if _CREDIT.match(part.lstrip()):
            in_credit = True
        elif in_credit and (_LEAD.match(part.lstrip()) or _LABEL.match(part.strip())):
            in_credit = False
        if not in_credit:
            yield part


def _segments(line: str) -> list[str]:
    return [s for s in _SEGMENT.split(line) if s.strip()]


def _strip_noise(text: str) -> str:
    line = " ".join(text.split())
    line = _EMAIL.sub(" ", line)
    line = _URL.sub(" ", line)
    line = _HANDLE.sub(" ", line)
    line = _TAIL.sub("", line)
    line = _NOISE.sub("", line)
    line = line.strip(" :|-–—,;·•()[]")
    for _ in range(2):
        stripped = _LEAD.sub("", line, count=1).strip(" :|-–—,;")
        if stripped == line:
            break
        line = stripped
    return line


def clean_name(part: str) -> str | None:
    """One candidate name, cleaned, or None when it does not look like a person's name."""
    name = " ".join(part.split()).strip(" .:,;|-–—*·•()[]\"'“”‘’~")
    if not name or _CREDIT.match(name):
        return None
    name = _LEAD.sub("", name, count=1).strip(" .:,;|-–—")
    label = _LABEL.match(name)
    if label is not None:
        return None
    name = _SUFFIX_ROLE.sub("", name).strip()
    name = _INITIALS_TAIL.sub("", name).strip()
    words = name.split()
    several = len(words) > 1
    words, dated = _cut(words)
    half = len(words) // 2
    if half and len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    for i, w in enumerate(words):
        if any(ch.isdigit() for ch in w):
            dated = True
            words = words[:i]
            while words and month_number(words[-1].strip(",.")) is not None:
                words.pop()
            break
    words = _drop_avatar(_trim_roles(words))
    name = " ".join(words).strip(" .:,;|-–—")
    if not name or len(name) > 60 or not name[0].isalpha() or "@" in name:
        return None
    if name.casefold() in _JUNK or _USERNAME.match(name):
        return None
    if not words or len(words) > 6 or len(name) < 2:
        return None
    cjk = all(_is_cjk(c) for c in name)
    if len(words) == 1 and len(name) <= 3 and not (name.istitle() or cjk):
        return None  # initials ("kj", "GNB") are no usable name
    if several and not dated and len(words) == 1 and not cjk:
        # One word left of several once a role, a place or a page's word is cut: the rest of
        # a team's or a pen name ("Our Editors", "Rasender Reporter", "Audiophile On") or a
        # word before the name ("Insights from Jane Roe"), not a person's name. A user name
        # before a date stays ("Posted by jroe on Friday").
        return None
    if all(w.lower().strip(".,") in _ONLY_ROLES for w in words):
        return None
    if any(w.lower().strip(".,:") in _NAVIGATION for w in words):
        return None
    if name.isupper() and len(name) > 3 and len(words) > 1:
        return " ".join(w.capitalize() if w.isalpha() else w for w in words)
    return name


def _cut(words: list[str]) -> tuple[list[str], bool]:
    """The words before the first that starts a place, a date or the page's furniture ("Jane
    Roe in Politics", "Jane Roe Thursday", "Jane Roe Share"), and whether a date follows."""
    for i, w in enumerate(words):
        if i and (
            w in _CUT_WORDS
            or w.lower().strip(".,:") in _FURNITURE
            or ((len(w) > 3 or (i >= 2 and i == len(words) - 1)) and is_weekday(w))
        ):
            after = words[i : i + 4]
            return words[:i], any(is_weekday(x) or any(c.isdigit() for c in x) for x in after)
    return words, False


def _drop_avatar(words: list[str]) -> list[str]:
    """The name without the initials of its avatar before it ("CM Craig McCarthy")."""
    if len(words) >= 3 and words[0].isupper() and words[0] == "".join(w[0] for w in words[1:]):
        return words[1:]
    return words


def _trim_roles(words: list[str]) -> list[str]:
    words = list(words)
    while len(words) > 1 and words[-1].lower().strip(".,") in _ROLES:
        words.pop()
    while len(words) > 1 and words[0].lower().strip(".,") in _ROLES:
        words.pop(0)
    # "Brian Roe USA TODAY": an upper-case outlet glued after a mixed-case name.
    upper_tail = 0
    for w in reversed(words):
        if w.isupper() and len(w) >= 2:
            upper_tail += 1
        else:
            break
    if upper_tail >= 2 and len(words) - upper_tail >= 2:
        words = words[: len(words) - upper_tail]
    return words


def looks_like_person(name: str) -> bool:
    """A loose check: 1-5 capitalised words, or a CJK/Hangul name of 2-5 characters."""
    words = name.split()
    if len(words) == 1:
        w = words[0]
        if all(_is_cjk(c) for c in w):
            return 2 <= len(w) <= 5
        return w[:1].isupper() and len(w) >= 3
    if not 2 <= len(words) <= 5 or not words[0][:1].isupper():
        return False
    if words[-1].lower() in _PARTICLES:
        return False
    return all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in _PARTICLES for w in words)


_DOMAIN: Final = re.compile(r"\w\.(?:[a-z]{2,3}|info|online|news)\b")
_DESK_WORDS: Final = frozenset(
    {"team", "staff", "desk", "redaktion", "newsdesk", "editors", "editorial"}
)
_ORG_WORDS: Final = frozenset(
    {
        "the",
        "die",
        "der",
        "das",
        "les",
        "la",
        "le",
        "el",
        "il",
        "los",
        "las",
        "de",
        "het",
        "een",
        "zeitung",
        "magazin",
        "magazine",
        "news",
        "nachrichten",
        "times",
        "post",
        "today",
        "online",
        "media",
        "journal",
        "daily",
        "tribune",
        "herald",
        "gazette",
        "press",
        "presse",
        "radio",
        "tv",
        "television",
        "fernsehen",
        "team",
        "redaktion",
        "desk",
        "staff",
        "store",
        "shop",
        "bank",
        "group",
        "gruppe",
        "inc",
        "llc",
        "ltd",
        "gmbh",
        "ag",
        "kg",
        "se",
        "sa",
        "spa",
        "bv",
        "plc",
        "foundation",
        "stiftung",
        "verlag",
        "institute",
        "institut",
        "university",
        "universität",
        "universidad",
        "université",
        "company",
        "co",
        "corp",
        "corporation",
        "club",
        "verein",
        "blog",
        "network",
        "netzwerk",
        "agency",
        "agentur",
        "association",
        "verband",
        "council",
        "ministry",
        "ministerium",
        "office",
        "amt",
        "service",
        "services",
        "solutions",
        "systems",
        "technologies",
        "labs",
        "studio",
        "studios",
        "consulting",
        "partners",
        "global",
        "international",
        "national",
        "care",
        "dental",
        "clinic",
        "health",
        "kitchens",
    }
)


def looks_like_org(name: str) -> bool:
    """Whether a name carries a word that marks an organisation ("The", "Zeitung", "GmbH")."""
    words = [w.lower().strip(".,&'’()") for w in name.split()]
    return any(w in _ORG_WORDS for w in words) or bool(_DOMAIN.search(name))


def looks_like_desk(name: str) -> bool:
    """A desk or team byline ("Marketing Team", "Podium Staff", "Redaktion Sport")."""
    return any(w.lower().strip(".,") in _DESK_WORDS for w in name.split())


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return 0x3040 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7AF


def _key(name: str) -> str:
    return re.sub(r"[\W_]+", " ", name.casefold()).strip()


def same_name(a: str, b: str) -> bool:
    return _key(a) == _key(b)
