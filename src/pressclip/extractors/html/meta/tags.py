"""Head tags in one pass: <meta> (OpenGraph, twitter:, Dublin Core, parsely, sailthru...),
<link rel>, <html lang>, <title>, and microdata ``itemprop`` values."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import unescape
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.meta.elements import PageElements
from pressclip.extractors.html.meta.jsonld import drop_invisible

_ENTITY: Final = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")


@dataclass(slots=True)
class Tags:
    # Lower-cased meta key (property, name, itemprop or http-equiv) -> contents in page order.
    meta: dict[str, list[str]] = field(default_factory=dict)
    # Microdata itemprop -> values from the body (content/datetime attribute or text).
    items: dict[str, list[str]] = field(default_factory=dict)
    # itemprop="author" elements (their text), kept apart: they need byline cleaning.
    item_authors: list[str] = field(default_factory=list)
    canonical: str | None = None
    rel_author: list[str] = field(default_factory=list)
    lang: str | None = None
    title: str | None = None

    def first(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.meta.get(key, ()):
                if value:
                    return value
        return None

    def all(self, *keys: str) -> list[str]:
        out: list[str] = []
        for key in keys:
            values = self.meta.get(key)
            if values:  # most keys asked for are absent: no generator for them
                out.extend(v for v in values if v)
        return out

    def item(self, *keys: str) -> str | None:
        for key in keys:
            for value in self.items.get(key, ()):
                if value:
                    return value
        return None


def read_tags(tree: LexborHTMLParser, elements: PageElements) -> Tags:
    tags = Tags()
    for node in elements.metas:
        attrs = node.attributes
        content = attrs.get("content")
        if content is None:
            continue
        if "&" in content and _ENTITY.search(content):
            content = unescape(content)
        content = " ".join(drop_invisible(content).split())
        for attr in ("property", "name", "itemprop", "http-equiv"):
            key = attrs.get(attr)
            if key:
                for k in key.lower().split():
                    tags.meta.setdefault(k.strip(), []).append(content)
    for node in elements.rel_links:
        rel = (node.attributes.get("rel") or "").lower().split()
        href = node.attributes.get("href")
        if "canonical" in rel and href and tags.canonical is None:
            tags.canonical = href.strip()
    for node in elements.rel_authors:
        text = node.text(deep=True, strip=True) if node.tag == "a" else ""
        if text and len(text) < 80:
            tags.rel_author.append(text)
    html = tree.css_first("html")
    if html is not None:
        lang = html.attributes.get("lang") or html.attributes.get("xml:lang")
        tags.lang = lang.strip() if lang else None
    title = tree.css_first("title")
    if title is not None:
        text = title.text(deep=True) or ""
        if "&" in text and _ENTITY.search(text):
            text = unescape(text)
        tags.title = " ".join(drop_invisible(text).split()) or None
    _read_items(elements.items, tags)
    return tags


_ITEM_KEYS: Final = {
    "headline",
    "name",
    "datepublished",
    "datemodified",
    "datecreated",
    "description",
    "alternativeheadline",
    "articlesection",
    "inlanguage",
}


def _read_items(nodes: list[LexborNode], tags: Tags) -> None:
    for node in nodes:
        props = (node.attributes.get("itemprop") or "").lower().split()
        for prop in props:
            if prop == "author" or prop == "creator":
                text = _author_text(node)
                if text:
                    tags.item_authors.append(text)
            elif prop in _ITEM_KEYS or ("publish" in prop and "date" in prop):
                value = _item_value(node)
                if value:
                    tags.items.setdefault(prop, []).append(value)


def _author_text(node: LexborNode) -> str | None:
    name = node.css_first('[itemprop~="name" i]')
    target = name if name is not None else node
    text = target.attributes.get("content") or target.text(deep=True, separator=" ", strip=True)
    text = " ".join((text or "").split())
    return text if text and len(text) <= 200 else None


def _item_value(node: LexborNode) -> str | None:
    attrs = node.attributes
    for key in ("content", "datetime") + (("title",) if node.tag == "abbr" else ()):
        value = attrs.get(key)
        if value:
            return " ".join(value.split())
    if node.tag in ("img", "link", "a"):
        return None
    text = node.text(deep=True, separator=" ", strip=True)
    text = " ".join((text or "").split())
    return text if text and len(text) <= 400 else None
