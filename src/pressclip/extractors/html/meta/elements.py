"""The elements the metadata readers query the whole page for, found in one walk of the tree.

Each css() call walks the whole tree in lexbor, about 0.1 ms on a news page, while matching these
simple selectors costs little; one query for their union, sorted here by what each element
matched, replaces six walks. Every list holds what its own query would give, in page order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.meta.attrselect import ascii_lower, has_word

# The union of the queries of PageElements (link[rel~=author i] is within link[rel]).
_UNION: Final = (
    'script[type="application/ld+json" i], meta, link[rel], a[rel~="author" i], [itemprop], h1'
)


@dataclass(slots=True)
class PageElements:
    # script[type="application/ld+json" i]
    ld_scripts: list[LexborNode] = field(default_factory=list)
    # meta
    metas: list[LexborNode] = field(default_factory=list)
    # link[rel]
    rel_links: list[LexborNode] = field(default_factory=list)
    # a[rel~=author i], link[rel~=author i]
    rel_authors: list[LexborNode] = field(default_factory=list)
    # [itemprop], without the <meta> ones (the meta tag reading has them)
    items: list[LexborNode] = field(default_factory=list)
    # h1
    h1s: list[LexborNode] = field(default_factory=list)


def find_elements(tree: LexborHTMLParser) -> PageElements:
    """The page's elements of each query, from one query for their union: each element is
    sorted by its tag and the attributes its selectors test."""
    found = PageElements()
    last = 0
    for node in tree.css(_UNION):
        # lexbor lists an element once for every selector of the union it matches, one after
        # the other; each of the separate queries listed it once. (== on nodes compares their
        # markup: two identical <meta> tags are still two elements.)
        if node.mem_id == last:
            continue
        last = node.mem_id
        tag = node.tag
        if tag == "meta":
            found.metas.append(node)
            continue
        attrs = node.attributes
        if "itemprop" in attrs:
            found.items.append(node)
        if tag == "script":
            if ascii_lower(attrs.get("type")) == "application/ld+json":
                found.ld_scripts.append(node)
        elif tag == "link" or tag == "a":
            rel = attrs.get("rel")
            if tag == "link" and "rel" in attrs:
                found.rel_links.append(node)
            if rel and has_word(rel, "author"):
                found.rel_authors.append(node)
        elif tag == "h1":
            found.h1s.append(node)
    return found
