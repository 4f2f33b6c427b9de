"""What counts as prose: a block's weighted size and whether it reads as running text."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from pressclip.extractors.html.blocks import HEADINGS, TextBlock

_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
SENTENCE_END: Final = re.compile(r"[.!?。！？…:;»”\"')\]]\s*$|[.!?。！？]\s")


def weighted_chars(text: str) -> float:
    """Text length in Latin-character equivalents: a CJK character carries about three."""
    if text.isascii():
        return len(text)
    return len(text) + 2 * len(_CJK.findall(text[:4000]))


def block_size(block: TextBlock) -> float:
    """The block's weighted size, computed once. (ASCII text, most of it, is its own length:
    no call to weighted_chars.)"""
    if block.size < 0:
        text = block.text
        size = block.size = len(text) if text.isascii() else weighted_chars(text)
        block.prose = _prose(block, size)
    return block.size


def settle(blocks: Iterable[TextBlock]) -> None:
    """Compute every block's size and prose-ness (``block.size``, ``block.prose``) at once.

    The body rules read them for every block of the page, pass after pass; once settled, a
    pass reads the two fields, a fraction of the cost of a call to :func:`is_prose` per block.
    """
    for block in blocks:
        if block.size < 0:
            block_size(block)


def is_prose(block: TextBlock) -> bool:
    """A sentence-like block of running text, not a link or a label."""
    if block.size < 0:
        block_size(block)
    return block.prose


def _prose(block: TextBlock, size: float) -> bool:
    # (the cheap tests first: most blocks are settled by their size or tag)
    if size < 50 or block.tag in HEADINGS:
        return False
    if block.link_density > (0.5 if size > 200 else 0.3):
        return False
    return size >= 160 or SENTENCE_END.search(block.text) is not None


# A heading this long is a paragraph set in heading type (a lead, a dek), not a title.
_HEADING_PARAGRAPH_CHARS: Final = 100


def is_heading_paragraph(block: TextBlock) -> bool:
    """A long unlinked subheading: the text's lead or opening lines set in heading type."""
    return (
        block.tag in HEADINGS
        and block.tag != "h1"
        and len(block.text) >= _HEADING_PARAGRAPH_CHARS
        and block.link_chars == 0
    )


# A sentence this long said three times or more on the page is boilerplate (a promo bar's
# message in every currency, a disclaimer under each item): only its first saying shows where
# the article is. (Twice is common in articles: a pull quote, a lead repeated as a dek.)
_REPEAT_CHARS: Final = 40
_REPEATS: Final = 3


def said_again(blocks: Sequence[TextBlock]) -> dict[int, float]:
    """The share of each prose block's text (by block index) that repeats what the page keeps
    saying; blocks that say nothing again are left out. (It settles every block's size and
    prose-ness: the first of the body rules.)"""
    settle(blocks)
    counts: dict[str, int] = {}
    read: list[tuple[TextBlock, list[str]]] = []
    for block in blocks:
        if not block.prose or len(block.text) < _REPEAT_CHARS:
            continue
        sentences = [s for s in block.text.split(". ") if len(s) >= _REPEAT_CHARS]
        for sentence in sentences:
            counts[sentence] = counts.get(sentence, 0) + 1
        read.append((block, sentences))
    if not counts or max(counts.values()) < _REPEATS:
        return {}
    seen: set[str] = set()
    shares: dict[int, float] = {}
    for block, sentences in read:
        repeated = 0
        for sentence in sentences:
            if counts[sentence] >= _REPEATS and sentence in seen:
                repeated += len(sentence)
            seen.add(sentence)
        if repeated:
            shares[block.index] = repeated / len(block.text)
    return shares


def unsaid_share(repeats: Mapping[int, float], block: TextBlock) -> float:
    """The share of the block's text that is not said again (``repeats``: from
    :func:`said_again`); 1 for most blocks."""
    return 1.0 - repeats.get(block.index, 0.0)
