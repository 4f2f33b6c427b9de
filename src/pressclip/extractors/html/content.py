"""Find the article text among a page's blocks.

Two steps. First the container: every block votes for all of its ancestors, prose for and
furniture against, and the element with the highest total is the article's container (the
smallest subtree holding the prose, without the rails and comments beside it). Then the blocks
inside that container are filtered one by one: regions named as furniture, link lists, figure
captions, the headline itself and the short lines at the edges (bylines, dates, share bars) go.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Final

from selectolax.lexbor import LexborNode

from pressclip.extractors.html.blocks import HEADINGS, TextBlock
from pressclip.extractors.html.boilerplate import BYLINE_LINE, RAIL_INVITE, boilerplate_kind
from pressclip.extractors.html.edges import (
    ASIDE_CHARS,
    ancestor_shape,
    drop_after_page_end,
    drop_after_paywall,
    drop_author_bio,
    drop_copies,
    drop_detached_tail,
    drop_meta_prose,
    drop_orphan_labels,
    drop_repeated_lead,
    drop_repeats,
    restore_asides,
    restore_linked_sentences,
    trim_edges,
)
from pressclip.extractors.html.outline import outline, run_under, subtree_sums
from pressclip.extractors.html.prose import block_size as block_size
from pressclip.extractors.html.prose import is_heading_paragraph, said_again, settle, unsaid_share
from pressclip.extractors.html.prose import is_prose as is_prose
from pressclip.extractors.html.prose import weighted_chars as weighted_chars
from pressclip.extractors.html.rails import (
    announces_list,
    announces_rail,
    mark_card_lists,
    mark_dated_teasers,
    mark_rail_headings,
    mark_teaser_cards,
    neutralise_dominant_regions,
)
from pressclip.signals.credits import has_credit, is_paren_aside

# Regions that are never article text when they sit inside the container.
DROP_REGIONS: Final = frozenset(
    {"comments", "share", "related", "sponsored", "newsletter", "nav", "footer", "cookie",
     "sidebar", "caption", "form", "testimonial"}
)  # fmt: skip
# Regions whose blocks vote against the container that holds them. The vote is mild: inside
# the container they are dropped anyway, so a long comment thread under the article (in the
# same parent) must not push the choice down to a single paragraph.
NEGATIVE_REGIONS: Final = DROP_REGIONS - {"caption", "testimonial"}
_NEGATIVE_WEIGHT: Final = 0.4

# Markup that leaked as text: a bare URL line, an unrendered CMS shortcode "[button link=...]".
_URL: Final = re.compile(r"https?://\S+")
_SHORTCODE: Final = re.compile(r"^\[/?[a-z_-]+(?:\s[^\]]*)?\]", re.IGNORECASE)
# An HTML tag printed as text (the content of a <noscript>, an escaped embed code).
# (a tag with a quoted attribute: "<img src=...>", not a title in brackets "<The Palace>").
_TAG_TEXT: Final = re.compile(r"^<[a-z][a-z0-9]*\s[^<>]*=\s*[\"'][^<>]*>")

# Every credit form has one of these (a cheap test before the full credit parser): a mark, or
# one of the words "by", "von", "por", "par", "de", "di". (Two searches: the mark alone is a
# fast scan for a set of characters, which the alternation with the words is not.)
_CREDIT_MARK: Final = re.compile(r"[:/(=：©]")
_CREDIT_WORD: Final = re.compile(r"\b(?:by|von|p(?:or|ar)|d[ei])\b", re.IGNORECASE)


def _credit_hint(text: str) -> bool:
    return _CREDIT_MARK.search(text) is not None or _CREDIT_WORD.search(text) is not None


MIN_ARTICLE_CHARS: Final = 250


def _vote(block: TextBlock) -> float:
    size = block.size  # (settled: prose.settle)
    if block.region in NEGATIVE_REGIONS:
        return -_NEGATIVE_WEIGHT * size
    if block.prose:
        weight = min(size, 2000.0)
        if block.good:
            weight *= 1.5
        return weight
    if (block.in_table or block.tag == "br") and block.link_density < 0.5:
        # a data table's cells, and lines broken with <br> (schedules, verse), are content
        return 0.3 * min(len(block.text), 60)
    return -(block.link_chars * 1.0)


@dataclass(frozen=True, slots=True)
class Container:
    """The chosen container: its id (mem_id) and depth in the block paths."""

    node_id: int
    depth: int
    score: float


# Plain text right under the headline counts a little even when it is not prose: on a page
# of short lines (a schedule, a table of results) it is still where the article is.
_AFTER_HEADLINE: Final = 40
_AFTER_HEADLINE_WEIGHT: Final = 0.3
_PROSE_POOR: Final = 1500  # ... on pages with less prose than this (with more, the prose decides)


def choose_container(
    blocks: Sequence[TextBlock],
    headline_index: int | None = None,
    repeats: Mapping[int, float] | None = None,
) -> Container | None:
    """The element whose subtree holds the most prose and the least furniture (``repeats``:
    the share of a block's text that only says again what the page keeps saying, which
    does not count; the blocks' sizes are settled: prose.settle)."""
    near = range(0)
    if headline_index is not None:
        prose = sum(b.size for b in blocks if b.prose and b.region is None)
        if prose < _PROSE_POOR:
            near = range(headline_index + 1, headline_index + 1 + _AFTER_HEADLINE)
    announced = _announced_lists(blocks)
    votes: list[float] = []
    for block in blocks:
        vote = _vote(block)
        if repeats and vote > 0:
            vote *= unsaid_share(repeats, block)
        if vote < 0 and block.list_id in announced and block.region is None:
            vote = 0.0  # a list of links the text announces ("Patches sent for review:")
        if block.index in near and block.region is None and block.link_density < 0.3:
            vote += _AFTER_HEADLINE_WEIGHT * min(len(block.text), 200)
        votes.append(vote)
    tree = outline(blocks)
    if not tree.order:
        return None
    scores = subtree_sums(tree, blocks, votes)
    depths = tree.depth
    # The highest score, and of the elements that have it, the deepest (the first of those):
    # one pass for the score, then depths for the few that tie (no key tuple per element).
    top = max(scores.values())
    best = max((n for n, score in scores.items() if score == top), key=depths.__getitem__)
    if headline_index is not None and best not in blocks[headline_index].path:
        best = _climb_repeated(blocks, best, depths[best], headline_index)
    if depths[best] > 0 and _holds_one_block(blocks, best, depths[best]):
        # One paragraph is not a container: a short post's other lines sit beside it (the
        # furniture next to them is dropped by region afterwards).
        best = tree.parent[best]
    return Container(node_id=best, depth=depths[best], score=scores[best])


def _holds_one_block(blocks: Sequence[TextBlock], node_id: int, depth: int) -> bool:
    """Whether exactly one block sits under the element at ``depth`` of the paths."""
    held = (b for b in blocks if b.is_under(node_id, depth))
    return next(held, None) is not None and next(held, None) is None


# Items of a list set alike (a listicle's entries, a directory's profiles) share a tag and a
# class; this many of them make the list the article.
_REPEATED_ITEMS: Final = 3


def _climb_repeated(blocks: Sequence[TextBlock], best: int, depth: int, headline: int) -> int:
    """The parent of the run of items set alike that the chosen element is, or sits in.

    A page whose entries each sit in a wrapper of their own ("mover-profile", "product-card")
    gives the most prose to one entry; when the headline is outside that entry and its
    siblings of the same shape hold as much prose together, the article is all of them.
    """
    at = next((i for i, b in enumerate(blocks) if b.is_under(best, depth)), None)
    if at is None:
        return best
    inside = blocks[at]
    above = blocks[headline].path
    for level in range(depth, 0, -1):
        if inside.path[level] in above:
            break
        if _repeated(blocks, inside.path[: level + 1], at):
            return inside.path[level - 1]
    return best


def _repeated(blocks: Sequence[TextBlock], path: tuple[int, ...], at: int) -> bool:
    """Whether the element at the end of ``path`` has siblings of its tag and class, enough
    of them and holding together as much prose as it does (``at``: the position of a block
    under it)."""
    depth = len(path) - 1
    node_id, parent = path[depth], path[depth - 1]
    prose: dict[int, float] = defaultdict(float)
    shapes: dict[int, tuple[str, str] | None] = {}
    for block in run_under(blocks, parent, depth - 1, at):
        if len(block.path) <= depth:
            continue
        child = block.path[depth]
        if child not in shapes:
            shapes[child] = ancestor_shape(block, depth)
        if block.prose:
            prose[child] += block.size
    shape = shapes.get(node_id)
    if shape is None or not shape[1]:
        return False
    alike = [c for c in shapes if shapes[c] == shape]
    others = sum(prose[c] for c in alike if c != node_id)
    return len(alike) >= _REPEATED_ITEMS and others >= prose[node_id] > 0


def _announced_lists(blocks: Sequence[TextBlock], *, labels: bool = False) -> set[int]:
    """Lists that a sentence ending on a colon announces, right before them; with ``labels``,
    also those a heading or a list item over a list nested in it announces, which may be as
    short as a label ("Top picks:", "Buying options:")."""
    found: set[int] = set()
    for before, block in pairwise(blocks):
        if not block.in_list or not block.list_id or before.list_id == block.list_id:
            continue
        titled = labels and (
            before.tag in HEADINGS or (before.in_list and len(block.path) > len(before.path))
        )
        if announces_list(before.text, heading=titled):
            found.add(block.list_id)
    return found


def _listed_entries(blocks: Sequence[TextBlock]) -> set[int]:
    """Lists of links that are entries of the text: a list a colon announces ("Top picks:",
    "These reports cover it:") in the middle of the article, which goes on after it.

    Its items may be nothing but links (the products a guide recommends), which alone reads
    as a rail; the announcement, and the text resuming after it, say it is the article's.
    A label over a list at the article's end ("Editors' picks:") is the rail's own heading,
    and a list whose items say again the page's headings is its table of contents.
    """
    announced = _announced_lists(blocks, labels=True)
    if not announced:
        return set()
    headings = {_norm(b.text) for b in blocks if b.tag in HEADINGS and not b.in_list}
    items: dict[int, int] = defaultdict(int)
    echoes: dict[int, int] = defaultdict(int)
    resumed: set[int] = set()
    open_lists: set[int] = set()  # announced lists that no prose has followed yet
    for block in blocks:
        if block.list_id in announced:
            open_lists.add(block.list_id)
            items[block.list_id] += 1
            echoes[block.list_id] += _norm(block.text) in headings
        elif block.prose:
            if block.region is None:
                resumed |= open_lists  # the article's own prose, not a bio or a caption
            open_lists.clear()
    return {list_id for list_id in resumed if echoes[list_id] < 0.5 * items[list_id]}


def _headline_index(blocks: Sequence[TextBlock], headline: str | None) -> int | None:
    """The block that prints the headline: the <h1> matching it, else the first <h1>."""
    first_h1 = None
    for block in blocks:
        if block.tag == "h1":
            if headline is not None and _reads_as(block, headline):
                return block.index
            if first_h1 is None:
                first_h1 = block.index
    return first_h1


@dataclass(slots=True)
class Selection:
    """The body blocks and what was set aside on the way."""

    body: list[TextBlock]
    dropped: list[TextBlock]
    container: Container | None
    standfirst: list[TextBlock] = field(default_factory=list)


def select_body(
    blocks: Sequence[TextBlock],
    *,
    headline: str | None,
    authors: Sequence[str] = (),
) -> Selection:
    """The article's blocks, in order."""
    # Every block's size and prose-ness, computed once: the rules below read them as fields.
    settle(blocks)
    repeats = said_again(blocks)
    norm_headline = _norm(headline) if headline else None
    head = _headline_index(blocks, norm_headline)
    neutralise_dominant_regions(blocks, repeats, blocks[head].path if head is not None else None)
    mark_teaser_cards(blocks)
    mark_card_lists(blocks)
    mark_dated_teasers(blocks, head)
    mark_rail_headings(blocks)
    container = choose_container(blocks, head, repeats)
    if container is None:
        return Selection(body=[], dropped=list(blocks), container=None)
    node_id, depth = container.node_id, container.depth
    # (TextBlock.is_under, written out: a call per block of the page costs more than the test)
    inside = [b for b in blocks if len(b.path) > depth and b.path[depth] == node_id]
    teaser_lists = _teaser_lists(inside, norm_headline)
    if teaser_lists:
        teaser_lists -= _prose_lists(inside, _shown_headline(blocks, norm_headline, head))
        # A list the text announces right before it ("... in these reports:") is the
        # article's own, even when its items open on linked titles like teaser cards.
        teaser_lists -= _announced_lists(inside)
    # Links listed mid-article under their announcement are entries (picks, sources), kept
    # even when the items are nothing but links.
    entries = _listed_entries(inside)
    teaser_lists -= entries
    kept: list[TextBlock] = []
    dropped: list[TextBlock] = []
    linky: list[TextBlock] = []
    asides: list[TextBlock] = []
    for i, block in enumerate(inside):
        if block.list_id in teaser_lists:
            dropped.append(block)
            continue
        reason = _drop(block, container, norm_headline)
        if reason == "links" and block.list_id in entries:
            reason = None
        if reason == "headline" and _section_h1(block, kept, inside[i + 1 : i + 2], norm_headline):
            reason = None
        if reason is None:
            kept.append(block)
        else:
            dropped.append(block)
            if reason == "links":
                linky.append(block)
            elif reason == "sidebar" and len(block.text) >= ASIDE_CHARS and block.prose:
                asides.append(block)
    kept = restore_asides(kept, dropped, asides)
    kept = drop_repeated_lead(kept, dropped, blocks)
    kept = drop_repeats(kept, dropped)
    kept = drop_copies(kept, dropped)
    kept = trim_edges(kept, dropped)
    kept = restore_linked_sentences(kept, dropped, linky)
    kept = drop_author_bio(kept, dropped, authors)
    kept = drop_meta_prose(kept, dropped)
    kept = drop_detached_tail(kept, dropped)
    kept = drop_orphan_labels(kept, dropped, inside)
    kept = drop_after_page_end(kept, dropped, inside)
    kept = drop_after_paywall(kept, dropped)
    standfirst = _standfirst(kept, blocks, norm_headline) or _inner_standfirst(
        kept, blocks, norm_headline
    )
    if standfirst and _is_lead(standfirst[0], kept):
        kept = [standfirst[0], *kept]
    return Selection(body=kept, dropped=dropped, container=container, standfirst=standfirst)


def _standfirst(
    kept: list[TextBlock], blocks: Sequence[TextBlock], headline: str | None
) -> list[TextBlock]:
    """The standfirst (dek) set between the headline and the body container, if any.

    Many layouts put the headline and the lead paragraph outside the body's container; the
    lead opens the body unless it is the header's summary (see ``_is_lead``), and it is the
    article's alternative headline either way.
    """
    if not kept:
        return []
    start = kept[0].index
    head = None
    for block in blocks[max(0, start - 12) : start]:
        if _is_headline(block, headline):
            head = block.index
    if head is None:
        return []
    lead = [
        b
        for b in blocks[head + 1 : start]
        if (b.prose or is_heading_paragraph(b))
        and not b.in_figure
        and b.region in _LEAD_REGIONS
        and len(b.text) <= 700
    ]
    return lead[:1]


def _in_header(block: TextBlock) -> bool:
    node: LexborNode | None = block.node
    while node is not None:
        if node.tag == "header":
            return True
        node = node.parent
    return False


# Where a standfirst may sit: plain, in the article's header (named "meta"), or in an element
# named as a teaser (the lead paragraph is the article's own teaser on many sites).
_LEAD_REGIONS: Final = (None, "meta", "related")


def _is_lead(block: TextBlock, kept: Sequence[TextBlock]) -> bool:
    """Whether a standfirst outside the container opens the article text.

    The paragraph (or long subheading) between the headline and the text's container is the
    article's lead, set apart for emphasis. One in the page's <header>, beside the headline, is
    the header's summary and stays out, unless its element names it the article's teaser (a
    teaser card of another story has a linked title). A photo's caption is no lead.
    """
    if block.link_chars or block.starts_with_link or any(b is block for b in kept):
        return False
    if block.region != "related" and _in_header(block):
        return False
    return not (_credit_hint(block.text) and has_credit(block.text))


def _inner_standfirst(
    kept: list[TextBlock], blocks: Sequence[TextBlock], headline: str | None
) -> list[TextBlock]:
    """A standfirst inside the container: the first block, right after the headline, set in
    another parent than the paragraphs that follow. It stays in the body (lead paragraphs look
    the same, and readers count them as text) and also serves as the alternative headline."""
    if len(kept) < 3 or not kept[0].prose or len(kept[0].text) > 400:
        return []
    first = kept[0]
    before = blocks[first.index - 1] if first.index > 0 else None
    if before is None or not _is_headline(before, headline):
        return []
    return [] if first.path[:-1] == kept[1].path[:-1] else [first]


def _teaser_lists(blocks: Sequence[TextBlock], headline: str | None) -> set[int]:
    """Lists whose items carry linked headlines: a rail of teaser cards, not article text."""
    counts: dict[int, int] = defaultdict(int)
    items: dict[int, int] = defaultdict(int)
    led: dict[int, int] = defaultdict(int)
    lists_self: set[int] = set()
    for block in blocks:
        if not block.in_list:
            continue
        items[block.list_id] += 1
        if headline and block.starts_with_link and _norm(block.text).startswith(headline):
            lists_self.add(block.list_id)  # a list of story links that includes this story
        if block.tag in HEADINGS and block.link_density > 0.8:
            counts[block.list_id] += 1
        if block.starts_with_link and 0.1 < block.link_density < 0.6 and len(block.text) > 80:
            led[block.list_id] += 1  # "<a>Headline</a> summary..." items
    linked = {list_id for list_id, n in counts.items() if n >= 2}
    led_lists = {
        list_id
        for list_id, n in led.items()
        if list_id in lists_self and n >= 4 and n >= 0.75 * items[list_id]
    }
    return (linked | led_lists) - {0}


def _shown_headline(
    blocks: Sequence[TextBlock], headline: str | None, h1: int | None
) -> int | None:
    """The block that prints the headline: the first that reads as it, whatever its tag;
    else the first <h1>."""
    if headline is not None:
        for block in blocks:
            if _reads_as(block, headline):
                return block.index
    return h1


def _prose_lists(blocks: Sequence[TextBlock], head: int | None) -> set[int]:
    """Lists after the headline that hold most of the prose: the page is a list (of events,
    of products), and its items' linked headings are its entries, not teasers of other pages
    (a ticker of teasers set above the headline can outweigh a short story). ``head``: the
    headline's block index."""
    if head is None:
        return set()
    prose: dict[int, float] = defaultdict(float)
    starts: dict[int, int] = {}
    total = 0.0
    for block in blocks:
        starts.setdefault(block.list_id, block.index)
        if block.prose:
            total += block.size
            if block.list_id:
                prose[block.list_id] += block.size
    return {
        list_id for list_id, size in prose.items() if size > 0.5 * total and starts[list_id] > head
    }


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_headline(block: TextBlock, headline: str | None) -> bool:
    """The block that prints the headline: an <h1>, or any block reading as the headline."""
    return block.tag == "h1" or (headline is not None and _reads_as(block, headline))


def _section_h1(
    block: TextBlock, kept: Sequence[TextBlock], after: Sequence[TextBlock], headline: str | None
) -> bool:
    """An <h1> set between the article's paragraphs is a section heading, not the headline:
    some sites set every heading of the text in <h1>. It follows kept prose, a paragraph
    follows it, and it does not read as the headline."""
    return (
        block.tag == "h1"
        and (headline is None or not _reads_as(block, headline))
        and any(b.prose for b in kept[-1:])
        and any(b.prose and b.tag not in HEADINGS for b in after)
    )


def _reads_as(block: TextBlock, headline: str) -> bool:
    """Whether the block's text, normalised, is the (normalised) headline. A block's text is
    already collapsed outside <pre>, and case-folding never shortens a text (ASCII text keeps
    its length): a text longer than the headline, or an ASCII one of another length, settles
    most blocks without normalising them."""
    text = block.text
    if not block.in_pre and (
        len(text) > len(headline) or (len(text) < len(headline) and text.isascii())
    ):
        return False
    return _norm(text) == headline


def _drop(
    block: TextBlock,
    container: Container,
    headline: str | None,
) -> str | None:
    """Why a block inside the container is not article text, or None to keep it."""
    region_inside = block.region is not None and block.region_depth > container.depth
    if region_inside and block.region in DROP_REGIONS:
        return str(block.region)
    if block.in_figure and not block.in_table and not _figure_quote(block):
        return "figure"  # a table set in a figure (a block editor's habit) is the article's
    if _is_headline(block, headline):
        return "headline"
    if region_inside and block.region == "meta" and not block.prose:
        return "meta"
    if block.link_density > (0.8 if block.tag in HEADINGS or block.in_quote else 0.5):
        return "links"
    kind = boilerplate_kind(block.text)
    if kind is not None:
        return kind
    if (
        len(block.text) < 60
        and block.tag not in HEADINGS
        and not block.in_list
        and BYLINE_LINE.match(block.text)
    ):
        return "byline"
    if not block.in_list and (
        announces_rail(block.text) or (len(block.text) < 100 and RAIL_INVITE.match(block.text))
    ):
        return "rail label"  # "Related Coverage", "Schon gelesen?" set as a plain line
    if block.has_time and len(block.text) < 120:
        return "timestamp"
    if _is_markup(block):
        return "markup"
    if (
        len(block.text) < 300
        and not block.in_list
        and _credit_hint(block.text)
        and has_credit(block.text)
        and not is_paren_aside(block.text)
    ):
        return "caption"  # a caption set outside a figure: "... (Image: GETTY)"
    return None


def _figure_quote(block: TextBlock) -> bool:
    """A quotation set in a figure: <figure><blockquote> is HTML's markup for a quote with its
    source, and the quote is the article's (a testimonial, a pull quote). A figure that embeds
    a post from elsewhere (a tweet, an Instagram post: "wp-block-embed") is not."""
    if not block.in_quote:
        return False
    node: LexborNode | None = block.node
    while node is not None and node.tag != "figure":
        node = node.parent
    return node is None or "embed" not in (node.attributes.get("class") or "").lower()


def _is_markup(block: TextBlock) -> bool:
    """Markup that leaked as text: a CMS shortcode, an HTML tag, a line of bare URLs. Text in
    a <pre> was set there by the writer: code the article shows ("[Fact]" opening a C# test,
    "git clone https://...", a Turtle file's "@prefix ... <http://...>") is its text."""
    if block.tag == "pre":
        return False
    text = block.text
    if _SHORTCODE.match(text) or _TAG_TEXT.match(text):
        return True
    return _mostly_urls(text) and not block.in_quote


def _mostly_urls(text: str) -> bool:
    if "://" not in text:
        return False
    if sum(len(m) for m in _URL.findall(text)) <= 0.5 * len(text):
        return False
    # (addresses with a sentence around them, "Photo by X on https://...", are the writer's;
    # one word is still a leaked label: "Source: https://...")
    return len(_URL.sub("", text).split()) < 2
