"""JSON-LD: read every block leniently, flatten it, and pick the node that describes the page.

Blocks are often broken (comments, CDATA, trailing commas, raw newlines in strings, several
objects glued together); we try a few cheap repairs and, as a last resort, pull the handful of
fields we need with regular expressions. Nothing here raises on bad input.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape
from typing import Any, Final

from selectolax.lexbor import LexborNode

_ARTICLE_TYPES: Final = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "askpublicnewsarticle",
    "blogposting",
    "liveblogposting",
    "socialmediaposting",
    "discussionforumposting",
    "techarticle",
    "scholarlyarticle",
    "report",
    "satiricalarticle",
    "advertisercontentarticle",
    "review",
    "medicalscholarlyarticle",
    "posting",
    "howto",
    "recipe",
    "creativework",
    "videoobject",
}
_PAGE_TYPES: Final = {
    "webpage",
    "itempage",
    "aboutpage",
    "faqpage",
    "qapage",
    "collectionpage",
    "profilepage",
    "medicalwebpage",
    "searchresultspage",
    "contactpage",
    "checkoutpage",
    "realestatelisting",
}
_NEWS_AGENCY: Final = {"newsmediaorganization", "organization", "corporation", "newsagency"}

_LOOSE_FIELD: Final = re.compile(
    r'"(headline|datePublished|dateModified|dateCreated|alternativeHeadline|description|'
    r'articleSection|inLanguage)"\s*:\s*"((?:[^"\\]|\\.){1,2000})"'
)
_LOOSE_AUTHOR: Final = re.compile(
    r'"author"\s*:\s*[\[{]?\s*(?:\{[^{}]*?)?"name"\s*:\s*"([^"]{2,100})"'
)
# Soft hyphens and zero-width characters: invisible, and they break comparisons.
INVISIBLE: Final = dict.fromkeys(map(ord, "\u00ad\u200b\u200c\u200d\u2060\ufeff"))
_INVISIBLE_CHAR: Final = re.compile("[\u00ad\u200b\u200c\u200d\u2060\ufeff]")
_CDATA: Final = re.compile(r"^(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>$")
_TRAILING_COMMA: Final = re.compile(r",\s*([}\]])")


@dataclass(slots=True)
class Node:
    """One typed JSON-LD object, with how deep it sat and whether it came from a list."""

    data: dict[str, Any]
    types: frozenset[str]
    listed: bool
    depth: int
    order: int


@dataclass(slots=True)
class JsonLd:
    nodes: list[Node] = field(default_factory=list)
    ids: dict[str, dict[str, Any]] = field(default_factory=dict)

    def resolve(self, value: Any) -> Any:
        """Follow an ``{"@id": ...}`` reference to the full node when the page has it."""
        if isinstance(value, dict) and set(value) <= {"@id", "@type"} and "@id" in value:
            return self.ids.get(str(value["@id"]), value)
        return value

    def articles(self) -> list[Node]:
        return [n for n in self.nodes if n.types & _ARTICLE_TYPES]

    def pages(self) -> list[Node]:
        return [n for n in self.nodes if n.types & _PAGE_TYPES]

    def of_type(self, *names: str) -> list[Node]:
        wanted = {n.lower() for n in names}
        return [n for n in self.nodes if n.types & wanted]


def read_jsonld(scripts: Iterable[LexborNode]) -> JsonLd:
    """The JSON-LD of the page's ``script[type="application/ld+json" i]`` elements."""
    out = JsonLd()
    for script in scripts:
        raw = script.text(deep=True) or ""
        if not raw.strip():
            continue
        for obj in parse_lenient(raw):
            _walk(obj, out, listed=False, depth=0)
    return out


def parse_lenient(raw: str) -> list[Any]:
    """The JSON values in a script body; repairs common breakage, never raises."""
    text = raw.strip()
    if "CDATA" in text[:40] or text.endswith("]]>"):
        text = _CDATA.sub("", text).strip()
    if text.startswith("<!--") or text.endswith("-->"):
        text = text.removeprefix("<!--").removesuffix("-->").strip()
    for attempt in (text, _TRAILING_COMMA.sub(r"\1", text)):
        values = _decode_all(attempt)
        if values:
            return values
    fallback = _loose(text)
    return [fallback] if fallback else []


def _decode_all(text: str) -> list[Any]:
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    pos, end = 0, len(text)
    while pos < end:
        while pos < end and text[pos] in " \t\r\n;,":
            pos += 1
        if pos >= end:
            break
        try:
            value, pos = decoder.raw_decode(text, pos)
        except (ValueError, RecursionError):
            return values
        values.append(value)
    return values


def _loose(text: str) -> dict[str, Any]:
    """Fields pulled out of unparseable JSON-LD by pattern, as a typeless article node."""
    found: dict[str, Any] = {}
    for key, value in _LOOSE_FIELD.findall(text):
        found.setdefault(key, _unescape(value))
    m = _LOOSE_AUTHOR.search(text)
    if m is not None:
        found["author"] = {"@type": "Person", "name": _unescape(m.group(1))}
    if found:
        found["@type"] = "Article" if '"Article"' in text or 'Article"' in text else "Thing"
        found["_loose"] = True
    return found


def _unescape(value: str) -> str:
    try:
        return str(json.loads(f'"{value}"', strict=False))
    except ValueError:
        return value


def _types(obj: dict[str, Any]) -> frozenset[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return frozenset({t.rsplit("/", 1)[-1].lower()})
    if isinstance(t, list):
        return frozenset(str(x).rsplit("/", 1)[-1].lower() for x in t if isinstance(x, str))
    return frozenset()


_CHILD_KEYS: Final = ("@graph", "mainEntity", "mainEntityOfPage", "hasPart", "about", "subjectOf")
_LIST_KEYS: Final = (
    "itemListElement",
    "item",
    "blogPost",
    "blogPosts",
    "articles",
    "significantLink",
)


def _walk(obj: Any, out: JsonLd, *, listed: bool, depth: int) -> None:
    if depth > 8:
        return
    if isinstance(obj, list):
        for item in obj[:200]:
            _walk(item, out, listed=listed, depth=depth)
        return
    if not isinstance(obj, dict):
        return
    node_id = obj.get("@id")
    types = _types(obj)
    if isinstance(node_id, str) and len(obj) > 2:
        out.ids.setdefault(node_id, obj)
    if types:
        out.nodes.append(Node(obj, types, listed, depth, len(out.nodes)))
    for key in _CHILD_KEYS:
        child = obj.get(key)
        if isinstance(child, dict | list):
            _walk(child, out, listed=listed, depth=depth + 1)
    for key in _LIST_KEYS:
        child = obj.get(key)
        if isinstance(child, dict | list):
            _walk(child, out, listed=True, depth=depth + 1)
    for key in ("author", "creator", "publisher", "sourceOrganization", "provider"):
        child = obj.get(key)
        if isinstance(child, dict | list):
            _collect_ids(child, out)


def _collect_ids(obj: Any, out: JsonLd) -> None:
    items = obj if isinstance(obj, list) else [obj]
    for item in items[:20]:
        if isinstance(item, dict):
            node_id = item.get("@id")
            if isinstance(node_id, str) and len(item) > 2:
                out.ids.setdefault(node_id, item)


def drop_invisible(text: str) -> str:
    """``text`` without the INVISIBLE characters. translate() looks every character up in a
    dict, slow on long texts, so it runs only on a text holding one (never on ASCII text)."""
    if text.isascii() or _INVISIBLE_CHAR.search(text) is None:
        return text
    return text.translate(INVISIBLE)


def text_of(value: Any) -> str | None:
    """A plain string from a JSON-LD value (string, list of strings, {"name"/"@value": ...})."""
    if isinstance(value, str):
        clean = unescape(value) if "&" in value else value
        clean = " ".join(drop_invisible(clean).split())
        return clean or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list):
        for item in value:
            s = text_of(item)
            if s:
                return s
        return None
    if isinstance(value, dict):
        for key in ("@value", "name", "text", "alternateName", "@id", "url"):
            s = text_of(value.get(key))
            if s:
                return s
    return None


def is_organization(value: Any) -> bool:
    return isinstance(value, dict) and bool(_types(value) & _NEWS_AGENCY)


def types_of(value: Any) -> frozenset[str]:
    return _types(value) if isinstance(value, dict) else frozenset()
