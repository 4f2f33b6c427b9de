"""Author choice: persons who wrote the article, from declared and visible bylines.

Candidates are tried in order of trust (JSON-LD author of the page's node, author meta tags,
microdata, visible byline elements, "By ..." lines near the headline). A candidate is cleaned
into names; names equal to the site or publisher are dropped, news agencies are moved aside as
the wire, organisations typed as such are only a last resort.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Final

from pressclip.extractors.html.meta.agencies import agency_name
from pressclip.extractors.html.meta.jsonld import JsonLd, text_of, types_of
from pressclip.extractors.html.meta.tags import Tags
from pressclip.extractors.html.meta.visible import Visible
from pressclip.signals.bylines import (
    looks_like_desk,
    looks_like_org,
    looks_like_person,
    parse_byline,
    same_name,
)

_META_KEYS: Final = (
    "author",
    "article:author",
    "parsely-author",
    "sailthru.author",
    "dc.creator",
    "dcterms.creator",
    "byl",
    "cxenseparse:author",
    "author_name",
    "twitter:data1",
    "citation_author",
    "dc.contributor",
    "og:article:author",
    "book:author",
)
_PARTS: Final = re.compile(r"[,;|/]")
_ORG_TYPES: Final = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "corporation",
        "newsagency",
        "educationalorganization",
        "governmentorganization",
    }
)


def choose_authors(
    ld: JsonLd, a: dict[str, Any], tags: Tags, vis: Visible, sites: list[str]
) -> tuple[list[str], list[str], str | None]:
    """(names, wire agencies found among authors, source of the names)."""
    wires: list[str] = []
    orgs: list[str] = []
    # A candidate is its texts, or how to read them when every earlier candidate failed.
    candidates: list[tuple[list[str] | Callable[[], list[str]], str]] = []

    persons: list[str] = []
    declared_persons: set[str] = set()
    for item in _as_list(a.get("author")) + _as_list(a.get("creator")):
        item = ld.resolve(item)
        name = text_of(item.get("name")) if isinstance(item, dict) else text_of(item)
        if not name or name.startswith("http"):
            continue
        types = types_of(item)
        if "person" in types:
            declared_persons.add(name)
        if types & _ORG_TYPES and "person" not in types:
            orgs.append(name)
        else:
            persons.append(name)
    for org in orgs:
        wire = agency_name(org)
        if wire and wire not in wires:
            wires.append(wire)
    publisher = _publisher_name(ld, a)
    candidates.append((persons, "json-ld"))
    meta = [v for v in tags.all(*_META_KEYS) if not v.startswith(("http", "@", "/"))]
    twitter_label = (tags.first("twitter:label1") or "").lower()
    label_names_author = "author" in twitter_label or "writ" in twitter_label
    if tags.first("twitter:data1") and not label_names_author:
        meta = [v for v in meta if v != tags.first("twitter:data1")]
    # Several author tags: the first that names someone other than the site.
    candidates.extend(
        ([value], "meta") for i, value in enumerate(meta[:3]) if not i or not looks_like_org(value)
    )
    candidates.append((tags.item_authors[:3], "microdata"))
    candidates.append((lambda: [_split_tags(t, vis) for t in vis.page_bylines()[:6]], "visible"))
    candidates.append((tags.rel_author[:3], "rel-author"))
    candidates.append((lambda: vis.page_lead_lines()[:3], "visible"))
    candidates.append((lambda: vis.bold_lines()[:1], "visible"))

    site_keys = [k for k in map(_name_key, sites) if k]
    for candidate, src in candidates:
        texts = candidate() if callable(candidate) else candidate
        visible = src in ("visible", "microdata", "rel-author")
        names = _clean(
            texts,
            site_keys,
            wires,
            single=visible,
            publisher=publisher,
            strict=src != "rel-author" and visible,
            persons=declared_persons,
        )
        if names:
            return names, wires, "visible" if src == "rel-author" else src
    names = _clean(
        orgs, site_keys, wires, single=False, publisher=publisher, strict=False, persons=set()
    )
    if names:
        return names, wires, "json-ld"
    return [], wires, None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _publisher_name(ld: JsonLd, a: dict[str, Any]) -> str | None:
    pub = a.get("publisher")
    pub = ld.resolve(pub[0] if isinstance(pub, list) and pub else pub)
    if "person" in types_of(pub):
        return None
    return text_of(pub.get("name")) if isinstance(pub, dict) else text_of(pub)


def _clean(
    texts: list[str],
    site_keys: list[str],
    wires: list[str],
    *,
    single: bool,
    publisher: str | None,
    strict: bool,
    persons: set[str],
) -> list[str]:
    """Names from byline texts; ``single`` takes only the first text that yields names.

    A name equal to the site name is dropped unless it reads like a person's name (several
    capitalised words, no organisation word) and is not the publisher organisation's: personal
    sites are named after their author. ``strict`` (visible sources) keeps only names that
    read like a person's.
    """
    out: list[str] = []
    for text in texts:
        agency = agency_name(text)
        names = []
        declared = text in persons
        site_seen = any(_is_site(part, site_keys) for part in _PARTS.split(text) if part.strip())
        for n in parse_byline(text):
            if _is_site(n, site_keys) and not _personal_site(n, publisher, declared=declared):
                site_seen = True
                continue
            if strict and (
                not looks_like_person(n)
                or n.isupper()
                or (looks_like_org(n) and not looks_like_desk(n))
            ):
                continue
            names.append(n)
        if site_seen:
            # "Site, Frankfurt, Germany": what follows the site name is its place, not a name.
            names = [n for n in names if len(n.split()) > 1]
        if strict and len(names) > 1:
            # Several one-word "names" in one line are tags or sections, not co-authors.
            names = [n for n in names if len(n.split()) > 1 or _is_cjk_name(n)]
        kept = []
        for n in names:
            wire = agency_name(n)
            if wire:
                if wire not in wires:
                    wires.append(wire)
                continue
            kept.append(n)
        if not kept and agency and agency not in wires:
            wires.append(agency)
        for n in kept:
            if n not in out:
                out.append(n)
        if single and (out or (agency and not kept)):
            break
    return out


def _split_tags(text: str, vis: Visible) -> str:
    """A byline whose names sit in separate elements with no separator between them
    ("<a>Jane Roe</a><a>John Doe</a>" reads "Jane Roe John Doe"): join them with commas when
    every element holds one person's name."""
    lines = vis.byline_lines.get(text)
    if not lines or len(lines) > 8 or any(len(line) > 40 for line in lines):
        return text
    names = [parse_byline(line) for line in lines]
    found = [n[0] for n in names if len(n) == 1]
    if len(found) < 2 or not all(looks_like_person(n) and len(n.split()) > 1 for n in found):
        return text
    # Lines without a name must be lead words or separators ("Von", ",", "und").
    if any(
        not n and any(c.isalpha() for c in line) and len(line.split()) > 1
        for n, line in zip(names, lines, strict=True)
    ):
        return text
    return ", ".join(found)


def _is_cjk_name(name: str) -> bool:
    return all(0x3040 <= ord(c) <= 0x9FFF or 0xAC00 <= ord(c) <= 0xD7AF for c in name)


def _personal_site(name: str, publisher: str | None, *, declared: bool) -> bool:
    """Whether a name equal to the site's is still a person: a personal site or blog."""
    if not looks_like_person(name) or len(name.split()) < 2 or looks_like_org(name):
        return False
    return declared or not (publisher and same_name(name, publisher))


def _name_key(name: str) -> str:
    """A name's letters and digits, case-folded: what _is_site compares."""
    return "".join(filter(str.isalnum, name.casefold()))


def _is_site(name: str, site_keys: list[str]) -> bool:
    """Whether a name is the site's: equal, or the site name plus or minus a short word
    ("Figaro" for "Le Figaro", "Example Online" for "Example"). ``site_keys``: the site names'
    non-empty _name_key, made once per page."""
    k = _name_key(name)
    for sk in site_keys:
        if k == sk:
            return True
        if len(sk) >= 4 and k.startswith(sk) and len(k) - len(sk) <= 4:
            return True
        if len(k) >= 4 and sk.endswith(k) and len(sk) - len(k) <= 3:
            return True
    return False
