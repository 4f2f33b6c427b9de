"""Page metadata from structured data (JSON-LD, OpenGraph, meta tags), checked against the page.

Placeholder: reads the <title> only. The full reader keeps this contract.
"""

from __future__ import annotations

from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from pressclip.model import Image, Person


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    """What a page says about itself, before the body is known."""

    headline: str | None = None
    alternative_headline: str | None = None
    description: str | None = None
    author: tuple[Person, ...] = ()
    date_published: str | None = None
    date_modified: str | None = None
    article_section: str | None = None
    keywords: tuple[str, ...] = ()
    in_language: str | None = None
    url: str | None = None
    publisher: str | None = None
    source_organization: str | None = None
    copyright_notice: str | None = None
    images: tuple[Image, ...] = ()
    # The page's declared type ("NewsArticle", "article", "website", ...), if any.
    page_type: str | None = None
    # articleBody from JSON-LD, a strong hint for where the body is.
    structured_body: str | None = None
    # (field, source) pairs: where each field came from.
    sources: tuple[tuple[str, str], ...] = ()


def extract_metadata(tree: LexborHTMLParser, *, url: str | None = None) -> Metadata:
    node = tree.css_first("title")
    title = node.text(strip=True) if node is not None else None
    return Metadata(headline=title or None, url=url, sources=(("headline", "title"),) if title else ())
