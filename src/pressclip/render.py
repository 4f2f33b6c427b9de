"""Article to Markdown and plain text."""

from __future__ import annotations

from pressclip.model import Article, Block


def _block_markdown(block: Block) -> str:
    if block.kind == "heading":
        return "#" * min(6, max(2, block.level or 2)) + " " + block.text
    if block.kind == "list":
        marks = [f"{i}." if block.ordered else "-" for i in range(1, len(block.items) + 1)]
        return "\n".join(f"{m} {item}" for m, item in zip(marks, block.items, strict=True))
    if block.kind == "quote":
        return "\n".join("> " + line for line in block.text.splitlines())
    if block.kind == "table" and block.rows:
        width = max(len(r) for r in block.rows)
        rows = [list(r) + [""] * (width - len(r)) for r in block.rows]
        lines = ["| " + " | ".join(rows[0]) + " |", "|" + " --- |" * width]
        lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
        return "\n".join(lines)
    if block.kind == "code":
        return "```\n" + block.text + "\n```"
    return block.text


def to_markdown(article: Article) -> str:
    parts: list[str] = []
    if article.headline:
        parts.append("# " + article.headline)
    if article.alternative_headline:
        parts.append("*" + article.alternative_headline + "*")
    byline = ", ".join(p.name for p in article.author)
    meta = " · ".join(x for x in (byline, article.source_organization, article.date_published) if x)
    if meta:
        parts.append(meta)
    if article.body:
        parts.extend(_block_markdown(b) for b in article.body)
    elif article.article_body:
        parts.append(article.article_body)
    return "\n\n".join(parts) + "\n"


def to_text(article: Article) -> str:
    parts = [p for p in (article.headline, article.article_body) if p]
    return "\n\n".join(parts) + "\n"
