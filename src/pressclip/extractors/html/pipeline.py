"""HTML to Article: parse, read metadata, find the body, classify the furniture."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.metadata import extract_metadata
from pressclip.model import Article, Extraction
from pressclip.settings import Settings


def extract_html(html: str, settings: Settings, *, charset: str | None = None) -> Article:
    tree = LexborHTMLParser(html)
    meta = extract_metadata(tree, url=settings.url)
    body = tree.body
    text = body.text(separator="\n", strip=True) if body is not None else ""
    return Article(
        headline=meta.headline,
        url=meta.url or settings.url,
        article_body=text,
        extraction=Extraction(input_type="html", charset=charset, metadata_sources=meta.sources),
    )
