"""Flattened text to Article (placeholder until the text-mode extractor lands)."""

from __future__ import annotations

from pressclip.model import Article, Block, Extraction
from pressclip.settings import Settings


def extract_text(text: str, settings: Settings, *, charset: str | None = None) -> Article:
    paragraphs = [p.strip() for p in text.split("\n") if p.strip()]
    return Article(
        article_body="\n\n".join(paragraphs),
        body=tuple(Block(kind="paragraph", text=p) for p in paragraphs),
        url=settings.url,
        extraction=Extraction(input_type="text", charset=charset),
    )
