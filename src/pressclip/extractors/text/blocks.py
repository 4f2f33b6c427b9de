"""Body lines to typed blocks: paragraphs, headings and lists."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from pressclip.extractors.text.lines import Line
from pressclip.model import Block

_BULLET: Final = re.compile(r"^(?:[•·◦▪▫■□●○‣⁃*–-]|\d{1,2}[.)])\s+(?P<item>\S.*)$")
_ORDERED: Final = re.compile(r"^\d{1,2}[.)]\s")
MAX_HEADING_WORDS: Final = 12


def _is_heading(line: Line, nxt: Line | None) -> bool:
    return (
        nxt is not None
        and not line.terminal
        and line.words <= MAX_HEADING_WORDS
        and line.eff_len <= 100
        and not line.text.endswith((":", ","))
        and nxt.eff_len > line.eff_len
        and line.letters >= 0.6
    )


def to_blocks(lines: Sequence[Line]) -> list[Block]:
    """Typed blocks of consecutive body lines."""
    blocks: list[Block] = []
    items: list[str] = []
    ordered = False

    def flush() -> None:
        nonlocal items
        if items:
            blocks.append(
                Block(kind="list", text="\n".join(items), items=tuple(items), ordered=ordered)
            )
            items = []

    for i, line in enumerate(lines):
        bullet = _BULLET.match(line.text)
        if bullet:
            if not items:
                ordered = bool(_ORDERED.match(line.text))
            items.append(bullet.group("item"))
            continue
        flush()
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if _is_heading(line, nxt):
            blocks.append(Block(kind="heading", text=line.text, level=2))
        else:
            blocks.append(Block(kind="paragraph", text=line.text))
    flush()
    return blocks
