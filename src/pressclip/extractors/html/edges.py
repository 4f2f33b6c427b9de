"""The passes over the kept blocks once the container is chosen: trim the edges, put back
linked sentences and announced lists, and drop what is about the article rather than of it
(author boxes, appended boxes, repeated summaries, labels that introduce nothing).

A block's size and prose-ness are read as fields (``block.size``, ``block.prose``): select_body
settles them for every block first (prose.settle)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Final

from selectolax.lexbor import LexborNode

from pressclip.extractors.html.blocks import HEADINGS, TextBlock
from pressclip.extractors.html.boilerplate import is_paywall_break
from pressclip.extractors.html.prose import SENTENCE_END, is_heading_paragraph
from pressclip.extractors.html.rails import announces_list, announces_rail
from pressclip.signals.credits import has_credit
from pressclip.signals.dates import search_date


def drop_repeated_lead(
    kept: list[TextBlock], dropped: list[TextBlock], blocks: Sequence[TextBlock]
) -> list[TextBlock]:
    """Drop a summary printed twice on the page (a dek repeated as a teaser or share text)."""
    if len(kept) < 3:
        return kept
    # Only the first two kept blocks may go: count how often the page prints their text.
    # (A subheading is no summary: a table of contents says it again.)
    counts = {b.text: 0 for b in kept[:2] if 40 <= len(b.text) <= 400 and b.tag not in HEADINGS}
    if not counts:
        return kept
    for block in blocks:
        if block.text in counts:
            counts[block.text] += 1
    out = []
    for position, block in enumerate(kept):
        if position < 2 and counts.get(block.text, 0) > 1:
            dropped.append(block)
        else:
            out.append(block)
    return out


# Text this long printed twice in the body, in another element, is the same paragraph printed
# twice (a pull quote, a box the page template repeats, the article rendered twice), not two
# paragraphs that happen to agree (a recurring line in one list or interview stays).
_REPEAT_CHARS: Final = 100


def drop_repeats(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Keep the first of the blocks that print the same text in different parent elements.

    A short block said again (a heading, a one-line paragraph) goes too when it continues a
    copied run: its neighbour was dropped as said again, and the two stood side by side, in
    the same order, the first time. (A recurring short line alone stays.)
    """
    if len({b.text for b in kept}) == len(kept):
        return kept  # (no text is printed twice: the usual page, settled in one pass)
    seen: dict[str, tuple[int, tuple[int, ...]]] = {}  # text: where first printed, its parent
    first: list[int] = []  # where each block's text was first printed, in ``kept``
    again: list[bool] = []  # said before, in another element, and not by nature repeatable
    for i, block in enumerate(kept):
        where, parent = seen.setdefault(block.text, (i, block.path[:-1]))
        first.append(where)
        again.append(parent != block.path[:-1] and not _may_repeat(block))
    gone = [said and len(b.text) >= _REPEAT_CHARS for b, said in zip(kept, again, strict=True)]
    if any(gone):
        _spread_along_copies(gone, again, first)
    dropped.extend(b for b, out in zip(kept, gone, strict=True) if out)
    return [b for b, out in zip(kept, gone, strict=True) if not out]


def _spread_along_copies(gone: list[bool], again: list[bool], first: list[int]) -> None:
    """Mark (in place) the blocks said again that continue a run of marked ones, both ways."""
    for order, step in ((range(1, len(gone)), -1), (range(len(gone) - 2, -1, -1), 1)):
        for i in order:
            j = i + step
            if again[i] and not gone[i] and gone[j] and first[j] == first[i] + step:
                gone[i] = True


# A block this long whose word runs are mostly the rest of the body's, and the other way
# round, is the text again in another form (a raw-Markdown copy of the article), not more text.
_COPY_CHARS: Final = 1000
_COPY_SHARE: Final = 0.6
_WORD: Final = re.compile(r"[^\W_]+")
_LINK_TARGET: Final = re.compile(r"\]\([^)\s]*\)")  # "[text](https://...)": Markdown's link targets


def drop_copies(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Drop a long block that repeats the rest of the body in another form (the last of two
    copies goes)."""
    if len(kept) < 3 or all(len(b.text) < _COPY_CHARS for b in kept):
        return kept
    out = list(kept)
    # The word runs of every block, and how many blocks still kept hold each run (the rest of
    # the body, for any one block, without gathering it again): read when a long block first
    # needs them. A long paragraph among the text's own is no copy, and on many pages that
    # settles every long block without reading any runs (8 of the 19 dev pages in 300 that
    # keep a long block).
    runs: dict[int, set[tuple[str, ...]]] = {}
    holders: Counter[tuple[str, ...]] = Counter()
    for block in reversed(kept):
        if len(block.text) < _COPY_CHARS:
            continue
        if block.path[:-1] == _text_parent([b for b in out if b is not block]):
            continue  # (paragraphs set side by side are versions of a text, not a copy)
        if not runs:
            runs = {id(b): _shingles(b.text) for b in kept}
            for other in kept:
                holders.update(runs[id(other)])
        own = runs[id(block)]
        shared = sum(1 for run in own if holders[run] > 1)
        rest = len(holders) - sum(1 for run in own if holders[run] == 1)
        if own and shared >= _COPY_SHARE * len(own) and shared >= _COPY_SHARE * rest:
            out.remove(block)
            dropped.append(block)
            holders.subtract(own)
            for run in own:
                if holders[run] <= 0:
                    del holders[run]
    return out


def _shingles(text: str) -> set[tuple[str, ...]]:
    """The text's runs of four words (made by zip, not a slice per word)."""
    words = _WORD.findall(_LINK_TARGET.sub("]", text).casefold())
    return set(zip(words, words[1:], words[2:], words[3:], strict=False))


def _may_repeat(block: TextBlock) -> bool:
    return block.in_pre or block.in_table  # code and table cells repeat by nature


def drop_orphan_labels(
    kept: list[TextBlock], dropped: list[TextBlock], inside: Sequence[TextBlock]
) -> list[TextBlock]:
    """Drop headings and "Label:" lines whose content was dropped ("Weitere Beiträge", "Related:").

    A heading or label introduces what follows it; when nothing after it (up to the next
    heading) was kept, it introduced furniture.
    """
    keep_ids = {id(b) for b in kept}
    orphans: set[int] = set()
    for position, block in enumerate(inside):
        if id(block) not in keep_ids or not _is_label(block):
            continue
        introduces = _introduces(inside, position + 1, keep_ids)
        if introduces is False or (introduces is None and block is kept[-1]):
            orphans.add(id(block))
    if not orphans:
        return kept
    dropped.extend(b for b in kept if id(b) in orphans)
    return [b for b in kept if id(b) not in orphans]


def _introduces(inside: Sequence[TextBlock], start: int, keep_ids: set[int]) -> bool | None:
    """Whether anything kept follows, from ``start`` up to the next heading (None: nothing
    at all follows); stops at the first kept block."""
    end = start
    while end < len(inside) and inside[end].tag not in HEADINGS:
        if id(inside[end]) in keep_ids:
            return True
        end += 1
    return None if end == start else False


def _is_label(block: TextBlock) -> bool:
    if block.tag in HEADINGS:
        return True
    text = block.text.rstrip()
    return len(text) <= 60 and text.endswith((":", "：")) and not block.prose


# A "meta" region (byline, author box, dateline) holding less than this share of the body's
# prose is a box about the article, not part of it.
_META_SHARE: Final = 0.3


def drop_meta_prose(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Drop the sentences set in a byline or author box: "Jane is a senior editor who...".

    Bylines and dates are short and go with the edges; an author's biography or a disclosure
    set in the same box reads as prose. When such boxes hold a small share of the body's prose
    they are about the article; a page whose whole text sits in a "meta"-named wrapper keeps it.
    """
    meta = [b for b in kept if b.region == "meta"]
    if not meta:
        return kept
    total = sum(len(b.text) for b in kept if b.prose)
    if sum(len(b.text) for b in meta if b.prose) > _META_SHARE * total:
        return kept
    dropped.extend(meta)
    return [b for b in kept if b.region != "meta"]


# Blocks after the article's own paragraphs, in another wrapper, holding less than this share
# of the body's prose, are a box appended to it (newsletter, disclaimer, "about us").
_TAIL_SHARE: Final = 0.1


def _text_parent(kept: Sequence[TextBlock]) -> tuple[int, ...] | None:
    """The element whose own children carry most of the body's paragraphs (list items and
    table cells are not paragraphs: the text around a list is not the list's)."""
    chars: dict[tuple[int, ...], int] = defaultdict(int)
    for block in kept:
        if block.prose and not block.in_list and not block.in_table:
            chars[block.path[:-1]] += len(block.text)
    return max(chars, key=lambda p: chars[p]) if chars else None


def ancestor_shape(block: TextBlock, depth: int) -> tuple[str, str] | None:
    """Tag and class of the block's ancestor at ``depth`` in its path."""
    node: LexborNode | None = block.node
    target = block.path[depth] if depth < len(block.path) else None
    while node is not None and node.mem_id != target:
        node = node.parent
    if node is None:
        return None
    return node.tag or "", node.attributes.get("class") or ""


def drop_detached_tail(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Drop the blocks after the article's paragraphs that sit outside their parent element.

    Newsletter boxes, "about us" notes, disclaimers and calls to action are appended after
    the text in wrappers of their own. The article's text may also go on in a second wrapper
    of the same kind (split around an advertisement), and that stays.
    """
    parent = _text_parent(kept)
    if parent is None:
        return kept
    depth = len(parent)
    inside = [i for i, b in enumerate(kept) if b.path[:depth] == parent]
    tail = kept[inside[-1] + 1 :]
    total = sum(len(b.text) for b in kept if b.prose)
    if not tail or sum(len(b.text) for b in tail if b.prose) > _TAIL_SHARE * total:
        return kept
    own = ancestor_shape(kept[inside[-1]], depth - 1)
    detached = [
        b for b in tail if not b.in_table and ancestor_shape(b, _parent_depth(b)) != own
    ]  # a table after the text is the article's
    if not detached:
        return kept
    dropped.extend(detached)
    gone = {id(b) for b in detached}
    return [b for b in kept if id(b) not in gone]


def _parent_depth(block: TextBlock) -> int:
    return max(0, len(block.path) - 2)


def drop_author_bio(
    kept: list[TextBlock], dropped: list[TextBlock], authors: Sequence[str]
) -> list[TextBlock]:
    """Drop the author's biography printed after the article ("Jane Doe covers ...")."""
    names = [a.casefold() for a in authors if len(a) > 4]
    if not names or len(kept) < 4:
        return kept
    out = _drop_bio_box(kept, dropped, names)
    for at, block in enumerate(out[-_BIO_REACH:], start=-min(_BIO_REACH, len(out))):
        text = block.text.casefold()
        if len(text) >= 500 or not any(name in text for name in names):
            continue
        # (the last two blocks when they name the author: a sign-off, a one-line bio; further
        # up, only a paragraph that opens on the name: "Jane Roe is a physician in Memphis.")
        if at >= -2 or any(text.startswith(name) for name in names):
            out.remove(block)
            dropped.append(block)
    return out


_BIO_REACH: Final = 4  # how far from the end a one-paragraph biography is looked for


_BIO_PARAGRAPHS: Final = 4  # the most paragraphs an author's box at the end may hold


def _drop_bio_box(
    kept: list[TextBlock], dropped: list[TextBlock], names: Sequence[str]
) -> list[TextBlock]:
    """Drop a biography of a few paragraphs after the article: the first opens on the
    author's name ("Jane Doe is the owner of ..."), the rest go on about them ("She holds
    ...") without it, and all sit in one box of their own, apart from the text before.
    (A box of one or two paragraphs is left to the rule that follows.)"""
    for start in range(max(1, len(kept) - _BIO_PARAGRAPHS), len(kept) - 1):
        first = kept[start]
        opening = first.text[:100].casefold()
        if len(first.text) >= 500 or not any(name in opening for name in names):
            continue
        box = first.path[:-1]
        rest = kept[start:]
        before = kept[start - 1]
        if before.path[:-1] == box or any(b.path[:-1] != box for b in rest):
            return kept
        if before.tag in HEADINGS:
            return kept  # a section of the text under its own heading ("Why trust us")
        dropped.extend(rest)
        return kept[:start]
    return kept


def restore_linked_sentences(
    kept: list[TextBlock], dropped: list[TextBlock], linky: list[TextBlock]
) -> list[TextBlock]:
    """Put back link-heavy sentences and list items that sit between article paragraphs.

    Some sites link half the words of a paragraph; between two prose paragraphs such a block
    is text, not a link list. A list of links set between paragraphs (the sources, tools or
    patches the text talks about) is the article's too; rails of teasers were set aside before.
    """
    span = _prose_span(kept) if linky else None
    if span is None:
        return kept
    first, last = span
    rows = {b.path[:-1] for b in kept if b.in_table and b.tag in _CELLS}
    lines = _announced_lines(kept, linky)
    text_lists = _text_lists(kept, linky)
    back = [
        b
        for b in linky
        if first < b.index < last
        and (
            _linked_text(b)
            or _announced_item(b, kept)
            or _linked_heading(b, kept, linky)
            or _linked_cell(b, rows)
            or id(b) in lines
            or b.list_id in text_lists
        )
    ]
    return _put_back(kept, dropped, back)


# A boxed aside (<aside>, "sidebar") set in the middle of the text holds the writer's own
# paragraphs when they are this long: a note on a point, the box a feature sets beside its text.
ASIDE_CHARS: Final = 200


def restore_asides(
    kept: list[TextBlock], dropped: list[TextBlock], asides: list[TextBlock]
) -> list[TextBlock]:
    """Put back the long paragraphs of an aside (``asides``: those dropped for sitting in one)
    that the text runs on both sides of. One before the text or after it is the page's sidebar."""
    span = _prose_span(kept) if asides else None
    if span is None:
        return kept
    first, last = span
    return _put_back(kept, dropped, [b for b in asides if first < b.index < last])


def _prose_span(kept: Sequence[TextBlock]) -> tuple[int, int] | None:
    """The page indexes of the first and the last prose block kept, if any."""
    prose = [b.index for b in kept if b.prose]
    return (prose[0], prose[-1]) if prose else None


def _put_back(
    kept: list[TextBlock], dropped: list[TextBlock], back: list[TextBlock]
) -> list[TextBlock]:
    """``kept`` with the dropped blocks ``back`` returned to their places (and out of
    ``dropped``)."""
    if not back:
        return kept
    returned = {id(b) for b in back}
    dropped[:] = [b for b in dropped if id(b) not in returned]
    return sorted([*kept, *back], key=lambda b: b.index)


_CELLS: Final = ("td", "th")


def _linked_cell(block: TextBlock, rows: set[tuple[int, ...]]) -> bool:
    """A linked table cell (a product or team named with a link) in a row whose other cells
    are kept: the table's data, not a list of links."""
    return block.in_table and block.tag in _CELLS and block.path[:-1] in rows


def _announced_item(block: TextBlock, kept: Sequence[TextBlock]) -> bool:
    """A list item whose list the text announces ("Patches sent for review:")."""
    if not block.in_list or block.tag in HEADINGS:
        return False
    # The last kept block before it outside its list, looked for from the end.
    for before in reversed(kept):
        if before.index < block.index and before.list_id != block.list_id:
            return announces_list(before.text)
    return False


def _text_lists(kept: Sequence[TextBlock], linky: Sequence[TextBlock]) -> set[int]:
    """Lists whose items are mostly plain text, kept, with some linked: a checklist whose
    items link to the site's reviews ("Tent", "Stakes") is the article's, linked items too.
    A list of links is all links."""
    plain: dict[int, int] = defaultdict(int)
    linked: dict[int, int] = defaultdict(int)
    for block in kept:
        if block.in_list and block.list_id and block.tag not in HEADINGS:
            plain[block.list_id] += 1
    for block in linky:
        if block.in_list and block.list_id and block.tag not in HEADINGS:
            linked[block.list_id] += 1
    return {list_id for list_id, n in linked.items() if plain[list_id] >= max(2, n)}


def _announced_lines(kept: Sequence[TextBlock], linky: Sequence[TextBlock]) -> set[int]:
    """Lines of links set as a list without list markup (a paragraph broken by <br>, or a
    paragraph a link), two or more right under the sentence that announces them ("Course
    materials from the extension office:"): the ids of the blocks. One line is a call to
    action ("Try it free here"), not a list."""
    by_index = {b.index: b for b in kept}
    runs: list[list[TextBlock]] = []
    for block in sorted(linky, key=lambda b: b.index):
        if block.in_list or block.tag not in ("p", "br"):
            continue
        if runs and runs[-1][-1].index + 1 == block.index:
            runs[-1].append(block)
        else:
            runs.append([block])
    found: set[int] = set()
    for run in runs:
        before = by_index.get(run[0].index - 1)
        if len(run) >= 2 and before is not None and announces_list(before.text):
            found.update(id(b) for b in run)
    return found


def _linked_heading(
    block: TextBlock, kept: Sequence[TextBlock], linky: Sequence[TextBlock]
) -> bool:
    """A linked subheading that opens a section of the text (a product or place named with a
    link, then paragraphs about it): set among the article's paragraphs, in their parent or in
    an item of its own with the paragraph about it, and followed by that paragraph, right
    away or after a few short lines such as a rating (a list of linked titles is a rail)."""
    if block.tag not in HEADINGS or block.tag == "h1" or announces_rail(block.text):
        return False
    later = sorted((b for b in (*kept, *linky) if b.index > block.index), key=lambda b: b.index)
    after = _section_paragraph(later[:_SECTION_LINES], set(map(id, kept)))
    if after is None:
        return False
    parent = block.path[:-1]
    return parent == _text_parent(kept) or after.path[: len(parent)] == parent


# Short kept lines (a rating, a price, "Total reviews: 31") may sit between a linked subheading
# and the paragraph about it.
_SECTION_LINES: Final = 4


def _section_paragraph(later: Sequence[TextBlock], kept: set[int]) -> TextBlock | None:
    """The first paragraph of the section a subheading opens: prose, not link-heavy, reached
    through kept short lines only (not a dropped link or another heading)."""
    for block in later:
        if id(block) not in kept or block.tag in HEADINGS:
            return None
        if block.prose:
            return block if block.link_density < 0.3 else None
    return None


def _linked_text(block: TextBlock) -> bool:
    return (
        block.link_density <= 0.85
        and len(block.text) >= 80
        and SENTENCE_END.search(block.text) is not None
    )


def trim_edges(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Drop the short non-prose lines before the first and after the last prose block (bylines,
    dates, share bars), but not the lines that open or close the text in its own parent, nor
    a list of text items before it."""
    prose = [i for i, b in enumerate(kept) if b.prose]
    if not prose:
        return kept
    first, last = prose[0], prose[-1]
    # Only a subheading right before the first paragraph survives (not a byline or a date).
    lists = _opening_lists(kept[:first])
    rows = _opening_rows(kept[:first])
    opening = _opening_lines(kept[:first], kept[first])
    headings = _opening_headings(kept[:first])
    head = [
        b
        for b in kept[:first]
        if b in headings
        or is_heading_paragraph(b)  # (a lead set in heading type)
        or b.list_id in lists
        or b in opening
        or b in rows
    ]
    dropped.extend(b for b in kept[:first] if b not in head)
    tail = _tail(kept[last + 1 :], kept[last])
    dropped.extend(b for b in kept[last + 1 :] if b not in tail)
    return head + kept[first : last + 1] + tail


def _opening_headings(head: Sequence[TextBlock]) -> list[TextBlock]:
    """The subheading right before the first paragraph, and the higher ones right above it
    that open its section ("Introduction" over "Welcome to the guide"): each outranks the
    one under it. A headline (<h1>) is never among them."""
    found: list[TextBlock] = []
    for block in reversed(head):
        if block.tag not in HEADINGS or block.tag == "h1":
            break
        if found and block.tag >= found[-1].tag:
            break  # (h2 < h3 as text: a lower number outranks)
        found.append(block)
    return found


# A list before the first paragraph is the article's (ingredients, a feature list, an agenda)
# when its items read as text: unlinked, undated and this long on average.
_LIST_ITEM_CHARS: Final = 20


def _opening_lists(head: Sequence[TextBlock]) -> set[int]:
    """The lists before the first paragraph whose items read as text, not as links or meta."""
    items: dict[int, list[TextBlock]] = defaultdict(list)
    for block in head:
        if block.in_list and block.list_id:
            items[block.list_id].append(block)
    return {
        list_id
        for list_id, blocks in items.items()
        if all(b.link_density < 0.2 and not b.has_time and b.region is None for b in blocks)
        and sum(len(b.text) for b in blocks) >= _LIST_ITEM_CHARS * len(blocks)
    }


_ROWS: Final = 4


def _opening_rows(head: Sequence[TextBlock]) -> list[TextBlock]:
    """Rows of a table set without table markup right before the first paragraph: a run of
    sibling elements of one tag whose lines repeat the same columns (a schedule's dates, each
    "12pm - 1pm, Room 217, Dr. Roe"). Meta lines stacked the same way (byline, date, reading
    time) each say something else, and go."""
    runs: list[list[TextBlock]] = []
    for block in head:
        run = runs[-1] if runs else None
        if (
            run is not None
            and block.path[:-1] == run[-1].path[:-1]
            and block.tag == run[-1].tag
            and block.index == run[-1].index + 1
        ):
            run.append(block)
        else:
            runs.append([block])
    return [
        b
        for run in runs
        if len(run) >= _ROWS
        and not run[0].in_list
        and all(b.link_density < 0.2 and not b.has_time and b.region is None for b in run)
        and _same_columns(run)
        for b in run
    ]


def _same_columns(rows: Sequence[TextBlock]) -> bool:
    """Whether the rows share words that make up a third of each (their repeated columns)."""
    words = [set(_WORD.findall(b.text.casefold())) for b in rows]
    common = set.intersection(*words)
    return len(common) >= 2 and all(len(common) * 3 >= len(w) for w in words)


def _opening_lines(before: Sequence[TextBlock], first: TextBlock) -> list[TextBlock]:
    """The short plain paragraphs right before the first one, in its parent ("Liebe Leser,",
    a motto, a one-line opening sentence), back to the first that is a date, a credit or a link."""
    parent = first.path[:-1]
    lines: list[TextBlock] = []
    for block in reversed(before):
        if block.path[:-1] != parent or block.tag not in ("p", "br"):
            break
        if not (_opening_line(block) or _linked_sentence(block)):
            break
        lines.append(block)
    return lines


# "By Jane Roe", "Von Hans Muster": a byline opens with one of these words.
_BYLINE: Final = re.compile(r"^(?:by|von|por|par|di|door|av|af|от)\s", re.IGNORECASE)


def _opening_line(block: TextBlock) -> bool:
    text = block.text
    return (
        _closing_line(block)
        and len(text) >= 10
        and not _BYLINE.match(text)
        and search_date(text) is None
        and "©" not in text
        and not has_credit(text)
    )


def _tail(after: Sequence[TextBlock], last: TextBlock) -> list[TextBlock]:
    """The blocks after the last paragraph that stay: those ``_keep_tail`` keeps, and the
    plain lines that go on in the last paragraph's own parent, up to the first that goes (a
    sign-off, an address, a closing line without a full stop: "Euer Hans", "x Franzi"), and
    the short unlinked items of a list whose long items stay."""
    parent = last.path[:-1]
    lists = {b.list_id for b in after if b.in_list and b.list_id and _keep_tail(b)}
    tail = []
    running = True
    for block in after:
        if (
            _keep_tail(block)
            or (
                running
                and block.path[:-1] == parent
                and (_closing_line(block) or _linked_sentence(block))
            )
            or (block.list_id in lists and block.link_density < 0.2 and not block.has_time)
        ):
            tail.append(block)
        else:
            running = False
    return tail


def _closing_line(block: TextBlock) -> bool:
    """A short unlinked plain line (not a heading, a list item, a date or a rail's label)."""
    return (
        block.link_density < 0.2
        and not block.has_time
        and block.tag not in HEADINGS
        and block.region is None
        and not block.in_list
        and bool(block.text.strip())
        and not announces_rail(block.text)
    )


def _linked_sentence(block: TextBlock) -> bool:
    """A closing paragraph of full sentences that links several of the things it names ("I
    found it on X for $49, and on Y for $35."): too linked to pass as prose when short, but
    running text in the article's own parent, unlike a link line. One that opens by sending the
    reader elsewhere ("Check out our blog for more ...") is a call to action, not text."""
    return (
        block.tag == "p"
        and block.link_density < 0.5
        and not block.has_time
        and block.region is None
        and len(block.text) >= _LINKED_SENTENCE_CHARS
        and _FULL_STOP_END.search(block.text) is not None
        and _CALL_TO_ACTION.match(block.text) is None
    )


_LINKED_SENTENCE_CHARS: Final = 100
_FULL_STOP_END: Final = re.compile(r"[.!?。！？]\s*$")
_CALL_TO_ACTION: Final = re.compile(
    r"\W*(?:check|read|see|visit|click|learn|find|discover|explore|follow|browse)\b", re.I
)


def _keep_tail(block: TextBlock) -> bool:
    """After the last paragraph: list items, and short closing lines that are not links
    ("See you next week!", a signature), stay."""
    if block.link_density >= 0.2 or block.has_time:
        return False
    if block.in_table:
        return True
    if block.in_list:
        return len(block.text) > 30
    return (
        block.tag not in HEADINGS
        and block.region is None
        and len(block.text) >= 15
        and SENTENCE_END.search(block.text) is not None
    )


# The site's copyright notice, which closes the page: "© 2025 Example Inc. All rights reserved."
_RIGHTS_RESERVED: Final = re.compile(
    r"\ball rights reserved\b|\btous droits réservés\b|\balle rechte vorbehalten\b"
    r"|\btodos los derechos reservados\b|\btutti i diritti riservati\b",
    re.IGNORECASE,
)
_PAGE_END_SHARE: Final = 0.5  # the most text after the page's end, as a share of the text before it


def drop_after_page_end(
    kept: list[TextBlock], dropped: list[TextBlock], inside: Sequence[TextBlock]
) -> list[TextBlock]:
    """Drop what follows the page's own footer, its copyright notice: a form in a modal, an
    "about us" box, a popup appended to the page after the footer. When the container holds
    the whole page, that text may look like more article. Only when most of the text comes
    before the notice: a page can print its footer before the article, in source order.
    """
    if len(kept) < 2:
        return kept
    first, last = kept[0].index, kept[-1].index
    end = next(
        (
            b.index
            for b in inside
            if first < b.index < last
            and b.region == "footer"
            and len(b.text) < 200
            and _RIGHTS_RESERVED.search(b.text)
        ),
        None,
    )
    if end is None:
        return kept
    before = sum(len(b.text) for b in kept if b.index < end)
    after = [b for b in kept if b.index > end]
    if sum(len(b.text) for b in after) > _PAGE_END_SHARE * before:
        return kept
    dropped.extend(after)
    return [b for b in kept if b.index < end]


_OFFER_LINE_CHARS: Final = 200  # the longest line of a subscription offer: longer is article text


def drop_after_paywall(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Drop a paywall's notice and the offer after it, when only short lines follow it (the
    plans and their prices); a notice that the article goes on after is left alone."""
    first = next((i for i, b in enumerate(kept) if b.prose), None)
    if first is None:
        return kept
    for at in range(first + 1, len(kept)):
        block = kept[at]
        if len(block.text) < _OFFER_LINE_CHARS and is_paywall_break(block.text):
            if any(len(b.text) >= _OFFER_LINE_CHARS for b in kept[at + 1 :]):
                return kept
            dropped.extend(kept[at:])
            return kept[:at]
    return kept
