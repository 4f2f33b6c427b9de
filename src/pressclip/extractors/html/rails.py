"""Mark the page's rails before the container is chosen: teaser cards, lists of cards, and
what follows a "Related" heading get a region name (and so vote against their container).

A block's size and prose-ness are read as fields (``block.size``, ``block.prose``): select_body
settles them for every block first (prose.settle)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Final
from urllib.parse import urlsplit

from selectolax.lexbor import LexborNode

from pressclip.extractors.html.blocks import HEADINGS, TextBlock
from pressclip.extractors.html.outline import run_under
from pressclip.extractors.html.prose import SENTENCE_END, unsaid_share
from pressclip.signals.dates import search_date

# Headings that announce a rail of other stories, in a few languages (one signal among several:
# a heading's class saying "related" counts the same).
_RAIL_WORDS: Final = (
    r"related|recommended|trending|popular|sponsored|promoted|most (?:read|popular|viewed|shared)"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:also|more|(?:this )?next)|also read"
    r"|don't miss"
    r"|lesen sie auch|das könnte sie (?:auch )?interessieren|empfohlen|meistgelesen"
    r"|leia também|veja também|você pode gostar|mais lidas|lee también|te puede interesar"
    r"|lo más leído|à lire aussi|a lire aussi|sur le même sujet|leggi anche|i più letti"
    r"|читайте также|похожие материалы|関連記事|関連ニュース|おすすめ|관련 ?기사|추천 ?기사"
    r"|相关阅读|推荐阅读"
    r"|(?:ähnliche|verwandte|weitere) (?:beiträge|artikel|themen)|schon gelesen"
    r"|das könnte dich (?:auch )?interessieren|(?:noticias|artículos) relacionad[oa]s"
    r"|(?:notícias|artigos|matérias) relacionad[oa]s|articles similaires|à lire également"
    r"|articoli correlati|lees ook|gerelateerde artikelen|czytaj (?:też|także)"
    r"|zobacz (?:też|także)|похожие статьи|другие новости|explore further|further reading"
    r"|zum weiterlesen|weiterlesen"
)


# A heading that is nothing but such words ("Related", "Most read stories", "Lesen Sie auch:")...
_RAIL_HEADING: Final = re.compile(
    rf"^(?:{_RAIL_WORDS})(?:\s+(?:stories|articles|posts|news|reads|content|links|videos|coverage|"
    r"for you|now|today|this week))?\W*$",
    re.IGNORECASE,
)


# ...or that opens with "More from ..." / "Mehr zum Thema ...".
_RAIL_PREFIX: Final = re.compile(
    r"^(?:more (?:stories|news|from|on|articles|in)|(?:explore|discover|get) more|trending"
    r"|all (?:reads|stories|articles|posts) (?:on|about|in)|mehr (?:zum thema|aus|von|zu)"
    r"|weitere (?:beiträge|artikel|texte) (?:aus|von|zu|zum|zur|der|des|dieser)"
    r"|más (?:noticias|de)|plus d'articles|altri articoli|mais (?:notícias|de)|ещё|еще)\b",
    re.IGNORECASE,
)


# A heading that opens the readers' comments ("Comments", "12 Comments", "Leave a Reply",
# "3 thoughts on ..."); a question ("Comments?") or a label ("Response:") is the article's own.
_COMMENTS_HEADING: Final = re.compile(
    r"^(?:\d+\s+)?(?:comments|replies|leave a (?:reply|comment)|post a comment|add a comment"
    r"|join the (?:discussion|conversation)|kommentare|commentaires|comentarios|commenti)"
    r"(?:\s*\(\d+\))?\s*$|^\d+ (?:thoughts|responses|comments) (?:on|to)\b",
    re.IGNORECASE,
)


# A heading that opens a box about the author ("About the Author"): a biography, not the text.
_AUTHOR_HEADING: Final = re.compile(
    r"^(?:about the (?:authors?|writer)|meet the author|author bio(?:graphy)?"
    r"|über (?:den|die) autor(?:in)?|sobre (?:o|el) autor|à propos de l'auteur)\W*$",
    re.IGNORECASE,
)


def _is_linked_title(block: TextBlock) -> bool:
    # (a linked name in a table's row is a row of data, not a teaser card)
    chars = len(block.text)
    return (
        12 <= chars <= 220
        and block.link_chars / chars >= 0.9  # (the link density)
        and not block.in_figure
        and not block.in_table
    )


def _common_depth(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    """How many elements two paths share from the root.

    A path lists an element's ancestors, so two paths that reach the same element share all
    of it above: the deepest level where they agree is found from below, in a step or two
    for blocks of one card.
    """
    n = min(len(a), len(b))
    while n and a[n - 1] != b[n - 1]:
        n -= 1
    return n


def _claim(block: TextBlock, kind: str, depth: int, *, over_meta: bool = False) -> None:
    """Name the region a block sits in, unless markup already named one (a byline line may
    still turn out to be a teaser's when ``over_meta``)."""
    if block.region is None or (over_meta and block.region == "meta"):
        block.region = kind
        block.region_depth = depth


def mark_teaser_cards(blocks: Sequence[TextBlock]) -> None:
    """Mark the blocks of teaser cards: a linked headline with its short summary lines.

    A block belongs to the card of the linked title before it when their nearest common
    ancestor holds no other linked title. Two or more such cards on a page make a rail; the
    blocks of each card get the region "related" (and so vote against their container).
    """
    # (most blocks hold no link: that test comes before the call)
    titles = [i for i, b in enumerate(blocks) if b.link_chars and _is_linked_title(b)]
    cards: list[list[int]] = []
    for n, t in enumerate(titles):
        members = _card_members(blocks, t, titles[n + 1] if n + 1 < len(titles) else len(blocks))
        if members:
            cards.append([t, *members])
    if len(cards) < 3:
        return
    if _roundup(blocks[cards[0][0] : cards[-1][-1] + 1], [blocks[card[0]] for card in cards]):
        return
    for card in cards:
        for i in card:
            _claim(blocks[i], "related", len(blocks[i].path))


# A teaser's summary is a sentence or two: a longer line under a linked name is the entry's own
# text (a listicle's restaurant, a guide's product), not a pointer to another page.
_SUMMARY_CHARS: Final = 300


def _card_members(blocks: Sequence[TextBlock], title: int, end: int) -> list[int]:
    """The blocks after a linked title (up to ``end``, the next one) that make its card: up
    to four short lines, no heading, that fill with the title an element of their own (no
    block before the title or after them is in it)."""
    last = title
    for j in range(title + 1, min(end, title + 5)):
        if len(blocks[j].text) > _SUMMARY_CHARS or blocks[j].tag in HEADINGS:
            break
        last = j
    if last == title:
        return []
    path = blocks[title].path
    # The block before the title is in every element the title shares with it.
    before = _common_depth(blocks[title - 1].path, path) if title > 0 else 0
    while last > title:
        depth = _common_depth(path, blocks[last].path)
        if depth > before and not (
            last + 1 < len(blocks) and blocks[last + 1].is_under(path[depth - 1], depth - 1)
        ):
            break
        last -= 1
    return list(range(title + 1, last + 1))


def _link_host(block: TextBlock) -> str | None:
    """The host an absolute link in the block (or around it) points to."""
    node: LexborNode | None = block.node
    link = node if node is not None and node.tag == "a" else None
    if link is None and node is not None:
        link = node.css_first("a[href]")
        parent = node.parent
        while link is None and parent is not None and parent.tag not in ("body", "html"):
            if parent.tag == "a":
                link = parent
            parent = parent.parent
    href = (link.attributes.get("href") or "") if link is not None else ""
    if not href.startswith(("http://", "https://", "//")):
        return None
    host = urlsplit(href if not href.startswith("//") else "http:" + href).hostname
    return host.removeprefix("www.") if host else None


# A roundup links its items to this many different sites; a rail links to its own site (or,
# for paid links, to one redirecting host).
_ROUNDUP_HOSTS: Final = 3


def _links_out(titles: Sequence[TextBlock]) -> bool:
    """Whether the linked titles point to many different sites: the items of a roundup of
    other people's work ("10 projects from around the web"), not a rail of this site's stories."""
    need = max(_ROUNDUP_HOSTS, 0.6 * len(titles))
    hosts: set[str] = set()
    for done, title in enumerate(titles):
        if len(hosts) + len(titles) - done < need:
            return False  # (the titles left cannot make up the hosts: most rails stop here)
        host = _link_host(title)
        if host is not None:
            hosts.add(host)
    return len(hosts) >= need


def _dated(block: TextBlock, limit: int = 80) -> bool:
    """A block holding a <time>, or a line shorter than ``limit`` that gives a date."""
    return block.has_time or (len(block.text) < limit and search_date(block.text) is not None)


def _roundup(span: Sequence[TextBlock], titles: Sequence[TextBlock]) -> bool:
    """Cards whose titles link to many other sites, with no dates among them: the items of a
    roundup ("10 projects from around the web"); dated posts of other blogs are a blogroll."""
    if not _links_out(titles):
        return False
    return not any(_dated(b, 120) for b in span)


def announces_rail(text: str) -> bool:
    if len(text) > 60:
        return False
    return bool(_RAIL_HEADING.match(text)) or (len(text) <= 45 and bool(_RAIL_PREFIX.match(text)))


def announces_list(text: str, *, heading: bool = False) -> bool:
    """A sentence ending on a colon that announces what follows ("Patches sent for review:",
    "Here's a selection:"), not a label ("See also:", "Lesen Sie auch:"): three words at
    least, and not a rail's label. A heading may be shorter ("Top picks:")."""
    intro = text.rstrip()
    words = 2 if heading else 3
    return intro.endswith((":", "：")) and len(intro.split()) >= words and not announces_rail(intro)


def _resumes_article(block: TextBlock, previous_linked: bool) -> bool:
    """A paragraph of plain prose that does not follow a teaser's linked headline."""
    return (
        not previous_linked and block.link_density < 0.1 and len(block.text) >= 150 and block.prose
    )


def mark_rail_headings(blocks: Sequence[TextBlock]) -> None:
    """Everything after a "Related" / "You may like" heading, within its parent, is the rail;
    everything after a "Comments" heading is the comments (prose there does not end them)."""
    i = 0
    while i < len(blocks):
        head = blocks[i]
        i += 1
        heading = head.tag in HEADINGS
        if not heading and not _is_label(head):
            continue  # (a linked line, a list item, a table cell: two blocks in three stop here)
        if heading and _COMMENTS_HEADING.match(head.text):
            kind = "comments"
        elif _AUTHOR_HEADING.match(head.text):
            kind = "meta"
        elif (heading or _first_in_parent(blocks, i - 1)) and announces_rail(head.text):
            # (a plain line only when it titles a box of its own: a "Related Articles" line over
            # its cards, not a "Don't miss:" line set in the article's own flow)
            kind = "sponsored" if head.region == "sponsored" else "related"
        else:
            continue
        head.region, head.region_depth = kind, len(head.path)  # the heading is the rail's
        parent = head.path[:-1]
        previous_linked = True
        while i < len(blocks) and blocks[i].path[: len(parent)] == parent:
            block = blocks[i]
            if kind in ("related", "sponsored") and _resumes_article(block, previous_linked):
                break  # an inline "Related" box ended and the article goes on
            _claim(block, kind, len(parent), over_meta=True)
            previous_linked = block.link_density > 0.5 and not block.in_list
            i += 1


def _first_in_parent(blocks: Sequence[TextBlock], at: int) -> bool:
    """Whether the block is the first text of its parent element."""
    parent = blocks[at].path[:-1]
    return at == 0 or blocks[at - 1].path[: len(parent)] != parent


def _is_label(block: TextBlock) -> bool:
    """A box's title set as a plain line (a <div>, not a heading): no link, no list, no table."""
    return not block.link_chars and not block.in_list and not block.in_table


def _is_card(group: Sequence[TextBlock]) -> bool:
    """A teaser card: a short title line, then one to three short lines (summary, byline, age);
    not a table's row."""
    if not 2 <= len(group) <= 4 or group[0].in_table:
        return False
    title = group[0]
    if len(title.text) > 120 or (SENTENCE_END.search(title.text) and len(title.text) > 60):
        return False
    return sum(len(b.text) for b in group) <= 450


def mark_card_lists(blocks: Sequence[TextBlock]) -> None:
    """Mark lists of teaser cards, linked or not: an element whose children are mostly cards.

    Article paragraphs come one block per child; a rail comes as small groups of a title and
    its summary lines. An element holding most of the page's prose is never a rail.
    """
    total: int | None = None  # the page's prose, counted when first asked for
    rails: list[list[TextBlock]] = []
    for parent, groups in _child_groups(blocks).items():
        if len(groups) < 3 or not _mostly_cards(groups):
            continue
        cards = [g for g in groups if _is_card(g)]
        if sum(any(b.link_density >= 0.9 for b in g) for g in cards) < 0.5 * len(cards):
            continue
        # (the checks that read the whole page last: few elements get this far)
        if total is None:
            total = sum(len(b.text) for b in blocks if b.prose) or 1
        if _prose_under(blocks, parent, groups[0][0]) >= 0.5 * total:
            continue
        if not _roundup([b for g in cards for b in g], [g[0] for g in cards]):
            rails.append([b for g in groups for b in g])
    for members in rails:  # (every rail claims a block alike, so their order does not matter)
        for block in members:
            _claim(block, "related", len(block.path) - 1)


def _mostly_cards(groups: Sequence[Sequence[TextBlock]]) -> bool:
    """Three or more of the groups, and three in four, are cards (stops at the first group
    that settles it)."""
    others = 0
    for group in groups:
        if not _is_card(group):
            others += 1
            if len(groups) - others < 0.75 * len(groups):
                return False
    return len(groups) - others >= 3


# Cards sit near the text: an element groups the blocks at most this many levels below it.
_CARD_LEVELS: Final = 8


def _child_groups(blocks: Sequence[TextBlock]) -> dict[int, list[list[TextBlock]]]:
    """Each element's children, as the groups of blocks up to ``_CARD_LEVELS`` levels below
    it that sit in each child, in the order first reached.

    A child has one parent, so the blocks are grouped by child alone, and a child's group is
    put under its parent when it is made. Blocks come in document order, so a block's path
    mostly runs down the same elements as the one before it: there, it joins the group that
    block joined (kept by level) without a dictionary step.
    """
    by_child: dict[int, list[TextBlock]] = {}
    by_parent: dict[int, list[list[TextBlock]]] = {}
    # The groups the last block joined, by path level. (One empty list stands in for every
    # level at first: a level is read only where the last block has just written it.)
    at_level: list[list[TextBlock]] = [[]] * max((len(b.path) for b in blocks), default=0)
    last_path: tuple[int, ...] = ()
    last_start = 0
    for block in blocks:
        path = block.path
        size = len(path)
        start = max(1, size - _CARD_LEVELS + 1)
        parent = path[start - 1] if path else 0
        same = True  # (on the last block's path so far; once off it, never back on)
        for level in range(start, size):
            child = path[level]
            if same and level < len(last_path) and child == last_path[level]:
                if level >= last_start:  # (the last block joined this child's group)
                    at_level[level].append(block)
                    parent = child
                    continue
            else:
                same = False
            group = by_child.get(child)
            if group is None:
                group = by_child[child] = [block]
                siblings = by_parent.get(parent)
                if siblings is None:
                    by_parent[parent] = [group]
                else:
                    siblings.append(group)
            else:
                group.append(block)
            at_level[level] = group
            parent = child
        last_path, last_start = path, start
    return by_parent


def _prose_under(blocks: Sequence[TextBlock], node_id: int, member: TextBlock) -> int:
    """The prose characters in the blocks under an element (``member``: a block under it, at
    its place in ``blocks``), however deep."""
    depth = member.path.index(node_id)
    return sum(len(b.text) for b in run_under(blocks, node_id, depth, member.index) if b.prose)


# A teaser of a dated post: its linked title, a date, a summary of a few lines.
_TEASER_BLOCKS: Final = 6
_TEASER_CHARS: Final = 1200


def mark_dated_teasers(blocks: Sequence[TextBlock], headline: int | None = None) -> None:
    """Mark lists of dated post teasers: linked titles set alike (same tag and class), each
    with a date and a summary in an element of its own, three or more in a row.

    A listing of other posts ("Latest news", a blog's recent entries) may give each post a
    summary of several hundred characters, too long for a card; the dates and the repeated
    linked titles still tell it from the article's own sections. A listing that follows the
    ``headline`` (a block index) with hardly any text between them is the page itself (an
    events calendar, an archive), not a rail.
    """
    groups: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, block in enumerate(blocks):
        if block.link_chars and block.region is None and _is_linked_title(block):
            groups[_shape(block)].append(i)
    shapes: list[tuple[str, str] | None] = [None] * len(blocks)  # read once, when asked for
    for titles in groups.values():
        if len(titles) < 3:
            continue
        cards = [
            _teaser(blocks, t, nxt, shapes)
            for t, nxt in zip(titles, [*titles[1:], None], strict=True)
        ]
        found = [c for c in cards if c is not None]
        if len(found) < 3 or sum(any(_dated(b) for b in c) for c in found) < 0.5 * len(found):
            continue
        if headline is not None and _under_headline(blocks, headline, titles):
            continue
        for card in found:
            for block in card:
                _claim(block, "related", len(block.path) - 1, over_meta=True)


# At most this much prose between the headline and a listing: an intro line, not an article.
_LISTING_INTRO: Final = 400


def _under_headline(blocks: Sequence[TextBlock], headline: int, titles: list[int]) -> bool:
    """Whether the element that holds all the ``titles`` opens right after the headline, with
    hardly any prose between them."""
    path = blocks[titles[0]].path
    depth = min(_common_depth(path, blocks[t].path) for t in titles[1:])
    start = _opening(blocks, titles[0], depth, floor=headline + 1)
    if start <= headline:
        return False
    between = blocks[headline + 1 : start]
    return sum(len(b.text) for b in between if b.prose) <= _LISTING_INTRO


def _opening(blocks: Sequence[TextBlock], index: int, depth: int, floor: int = 0) -> int:
    """The first block (not before ``floor``) of the run ending at ``index`` whose blocks sit
    in the same element at ``depth`` of their paths."""
    root = blocks[index].path[:depth]
    start = index
    while start > floor and blocks[start - 1].path[:depth] == root:
        start -= 1
    return start


def _shape(block: TextBlock) -> tuple[str, str]:
    node: LexborNode | None = block.node
    return block.tag, (node.attributes.get("class") or "") if node is not None else ""


def _shape_at(
    blocks: Sequence[TextBlock], index: int, shapes: list[tuple[str, str] | None]
) -> tuple[str, str]:
    shape = shapes[index]
    if shape is None:
        shape = shapes[index] = _shape(blocks[index])
    return shape


def _teaser(
    blocks: Sequence[TextBlock],
    title: int,
    nxt: int | None,
    shapes: list[tuple[str, str] | None],
) -> list[TextBlock] | None:
    """The blocks of the element that holds the title and no other title (a kicker or a date
    may come before the title), if they are few and short enough to be a teaser (``shapes``:
    the blocks' shapes, filled in as read)."""
    path = blocks[title].path
    if nxt is not None:
        depth = _common_depth(path, blocks[nxt].path) + 1
    else:
        shape = _shape(blocks[title])
        previous = next(
            (j for j in range(title - 1, -1, -1) if _shape_at(blocks, j, shapes) == shape), None
        )
        depth = (
            _common_depth(path, blocks[previous].path) + 1 if previous is not None else len(path)
        )
    if depth > len(path):
        return None
    root = path[:depth]
    card = list(blocks[_opening(blocks, title, depth) : title + 1])
    for block in blocks[title + 1 : nxt if nxt is not None else len(blocks)]:
        if block.path[:depth] != root:
            break
        card.append(block)
    if len(card) > _TEASER_BLOCKS or sum(len(b.text) for b in card) > _TEASER_CHARS:
        return None
    return card


def neutralise_dominant_regions(
    blocks: Sequence[TextBlock],
    repeats: Mapping[int, float] | None = None,
    headline_path: tuple[int, ...] | None = None,
) -> None:
    """Forget a region name given to an element that holds most of the page's prose.

    A wrapper whose class happens to say "ad-layout" or "has-sidebar" is not furniture when
    the article sits inside it. A ``<footer>`` set apart from the headline (its
    ``headline_path``) keeps its name all the same: it is a site's footer whose legal small
    print outweighs a short page. (``repeats``: the share of a block's text that only says
    again what the page keeps saying, which is not prose that could be the article.)
    """
    prose: dict[int, float] = defaultdict(float)
    total = 0.0
    for block in blocks:
        if block.prose:
            size = block.size
            if repeats:
                size *= unsaid_share(repeats, block)
            total += size
            for node_id in block.path:
                prose[node_id] += size
    if total <= 0:
        return
    kept: dict[int, bool] = {}  # region elements that keep their name whatever they hold
    for block in blocks:
        if block.region is None or block.region_depth >= len(block.path):
            continue
        named = block.path[block.region_depth]
        if prose[named] <= 0.5 * total:
            continue
        if named not in kept:
            kept[named] = _apart_footer(block, named, headline_path)
        if not kept[named]:
            block.region = None


def _apart_footer(block: TextBlock, named: int, headline_path: tuple[int, ...] | None) -> bool:
    """Whether the region element ``named``, above ``block``, is a <footer> that does not
    hold the headline."""
    if block.region != "footer" or headline_path is None or named in headline_path:
        return False
    node: LexborNode | None = block.node
    while node is not None and node.mem_id != named:
        node = node.parent
    return node is not None and node.tag == "footer"
