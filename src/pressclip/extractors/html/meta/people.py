"""Author choice: persons who wrote the article, from declared and visible bylines.

Candidates are tried in order of trust (JSON-LD author of the page's node, author meta tags,
microdata, visible byline elements, "By ..." lines near the headline). A candidate is cleaned
into names; names equal to the site or publisher are dropped, news agencies are moved aside as
the wire, organisations typed as such are only a last resort.
"""

from __future__ import annotations

from typing import Any

from pressclip.extractors.html.meta.agencies import agency_name
from pressclip.extractors.html.meta.jsonld import JsonLd, text_of, types_of
from pressclip.extractors.html.meta.tags import Tags
from pressclip.extractors.html.meta.visible import Visible
from pressclip.signals.bylines import parse_byline

_META_KEYS = (
    "author", "article:author", "parsely-author", "sailthru.author", "dc.creator",
    "dcterms.creator", "byl", "cxenseparse:author", "author_name", "twitter:data1",
    "citation_author", "dc.contributor", "og:article:author", "book:author",
)
_ORG_TYPES = frozenset({"organization", "newsmediaorganization", "corporation", "newsagency",
                        "educationalorganization", "governmentorganization"})


def choose_authors(
    ld: JsonLd, a: dict[str, Any], tags: Tags, vis: Visible, sites: list[str]
) -> tuple[list[str], list[str], str | None]:
    """(names, wire agencies found among authors, source of the names)."""
    wires: list[str] = []
    orgs: list[str] = []
    candidates: list[tuple[list[str], str]] = []

    persons: list[str] = []
    for item in _as_list(a.get("author")) + _as_list(a.get("creator")):
        item = ld.resolve(item)
        name = text_of(item.get("name")) if isinstance(item, dict) else text_of(item)
        if not name or name.startswith("http"):
            continue
        if types_of(item) & _ORG_TYPES:
            orgs.append(name)
        else:
            persons.append(name)
    candidates.append((persons, "json-ld"))
    meta = [v for v in tags.all(*_META_KEYS) if not v.startswith(("http", "@", "/"))]
    twitter_label = (tags.first("twitter:label1") or "").lower()
    if tags.first("twitter:data1") and "author" not in twitter_label and "writ" not in twitter_label:
        meta = [v for v in meta if v != tags.first("twitter:data1")]
    candidates.append((meta[:1] if meta else [], "meta"))
    candidates.append((tags.item_authors[:3], "microdata"))
    candidates.append((vis.bylines[:6], "visible"))
    candidates.append((tags.rel_author[:3], "visible"))
    candidates.append((vis.lead_lines[:3], "visible"))

    for texts, src in candidates:
        names = _clean(texts, sites, wires, single=src in ("visible", "microdata"))
        if names:
            return names, wires, src
    names = _clean(orgs, sites, wires, single=False)
    if names:
        return names, wires, "json-ld"
    return [], wires, None


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _clean(texts: list[str], sites: list[str], wires: list[str], *, single: bool) -> list[str]:
    """Names from byline texts; ``single`` takes only the first text that yields names."""
    out: list[str] = []
    for text in texts:
        agency = agency_name(text)
        names = [n for n in parse_byline(text, exclude=sites) if not _is_site(n, sites)]
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
        if single and out:
            break
    return out


def _is_site(name: str, sites: list[str]) -> bool:
    k = "".join(ch for ch in name.casefold() if ch.isalnum())
    for s in sites:
        sk = "".join(ch for ch in s.casefold() if ch.isalnum())
        if sk and (k == sk or (len(sk) >= 4 and k.startswith(sk) and len(k) - len(sk) <= 4)):
            return True
    return False
