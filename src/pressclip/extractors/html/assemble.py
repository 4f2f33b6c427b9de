"""Selected text blocks to typed body blocks (heading, paragraph, list, quote, table, code)."""

from __future__ import annotations

from collections.abc import Sequence

from selectolax.lexbor import LexborNode

from pressclip.extractors.html.blocks import HEADINGS, TextBlock
from pressclip.model import Block


def to_body(blocks: Sequence[TextBlock]) -> tuple[Block, ...]:
    """Group list items into lists, table cells into tables, and type the rest."""
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        if block.in_table:
            j = _run_end(blocks, i, lambda b, first=block: b.in_table and _same_table(b, first))
            out.append(_table(blocks[i:j]))
        elif block.in_list and block.tag not in HEADINGS:
            j = _run_end(blocks, i, lambda b, first=block: b.in_list and b.list_id == first.list_id)
            items = tuple(b.text for b in blocks[i:j])
            out.append(
                Block(kind="list", text="\n".join(items), items=items, ordered=block.list_ordered)
            )
        else:
            j = i + 1
            out.append(_single(block))
        i = j
    return tuple(out)


def _run_end(blocks: Sequence[TextBlock], start: int, same: object) -> int:
    assert callable(same)
    j = start + 1
    while j < len(blocks) and same(blocks[j]):
        j += 1
    return j


def _single(block: TextBlock) -> Block:
    if block.tag in HEADINGS:
        return Block(kind="heading", text=block.text, level=int(block.tag[1]))
    if block.in_pre:
        return Block(kind="code", text=block.text)
    if block.in_quote:
        return Block(kind="quote", text=block.text)
    return Block(kind="paragraph", text=block.text)


def _table_of(node: LexborNode) -> LexborNode | None:
    current: LexborNode | None = node
    while current is not None and current.tag != "table":
        current = current.parent
    return current


def _same_table(block: TextBlock, first: TextBlock) -> bool:
    a, b = _table_of(block.node), _table_of(first.node)
    return a is not None and b is not None and a.mem_id == b.mem_id


def _table(cells: Sequence[TextBlock]) -> Block:
    rows: list[tuple[str, ...]] = []
    current_row: list[str] = []
    current_tr: int | None = None
    for cell in cells:
        tr: LexborNode | None = cell.node
        while tr is not None and tr.tag not in ("tr", "table"):
            tr = tr.parent
        tr_id = tr.mem_id if tr is not None else None
        if current_row and tr_id != current_tr:
            rows.append(tuple(current_row))
            current_row = []
        current_tr = tr_id
        current_row.append(cell.text)
    if current_row:
        rows.append(tuple(current_row))
    text = "\n".join("\t".join(r) for r in rows)
    return Block(kind="table", text=text, rows=tuple(rows))


def body_text(body: Sequence[Block]) -> str:
    """articleBody: the blocks' text, paragraphs separated by one blank line."""
    return "\n\n".join(b.text for b in body if b.text)
