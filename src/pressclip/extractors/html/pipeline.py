"""HTML to Article: parse, read metadata, find the body, classify the furniture."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.assemble import body_text, to_body
from pressclip.extractors.html.blocks import flatten
from pressclip.extractors.html.content import MIN_ARTICLE_CHARS, is_prose, select_body
from pressclip.extractors.html.metadata import extract_metadata
from pressclip.model import Article, Extraction
from pressclip.settings import Settings


def extract_html(html: str, settings: Settings, *, charset: str | None = None) -> Article:
    tree = LexborHTMLParser(html)
    meta = extract_metadata(tree, url=settings.url)
    root = tree.body or tree.root
    blocks = flatten(root) if root is not None else []
    selection = select_body(blocks, headline=meta.headline)
    body = to_body(selection.body)
    text = body_text(body)
    prose_chars = sum(len(b.text) for b in selection.body if is_prose(b))
    is_article = prose_chars >= MIN_ARTICLE_CHARS
    reason = None if is_article else f"no article text found (longest prose run {prose_chars} chars)"
    return Article(
        headline=meta.headline,
        url=meta.url or settings.url,
        article_body=text,
        body=body,
        extraction=Extraction(
            input_type="html",
            is_article=is_article,
            reason=reason,
            charset=charset,
            metadata_sources=meta.sources,
        ),
    )
