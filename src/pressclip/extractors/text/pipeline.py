"""Flattened text to Article."""

from __future__ import annotations

from pressclip.extractors.text.body import select_body, smoothed_scores
from pressclip.extractors.text.lines import split_lines
from pressclip.model import Article, Block, Extraction
from pressclip.settings import Settings


def extract_text(text: str, settings: Settings, *, charset: str | None = None) -> Article:
    lines = split_lines(text)
    scores = smoothed_scores(lines)
    region = select_body(scores)
    paragraphs = [] if region is None else [l.text for l in lines[region.start : region.end]]
    return Article(
        article_body="\n\n".join(paragraphs),
        body=tuple(Block(kind="paragraph", text=p) for p in paragraphs),
        url=settings.url,
        extraction=Extraction(input_type="text", charset=charset),
    )
