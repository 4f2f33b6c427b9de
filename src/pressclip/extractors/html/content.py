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
from collections.abc import Sequence
from dataclasses import dataclass, field

from selectolax.lexbor import LexborNode

from pressclip.extractors.html.blocks import HEADINGS, TextBlock
from pressclip.signals.credits import has_credit

# Regions that are never article text when they sit inside the container.
DROP_REGIONS = frozenset(
    {"comments", "share", "related", "sponsored", "newsletter", "nav", "footer", "cookie",
     "sidebar", "caption"}
)  # fmt: skip
# Regions whose blocks vote against the container that holds them. The vote is mild: inside
# the container they are dropped anyway, so a long comment thread under the article (in the
# same parent) must not push the choice down to a single paragraph.
NEGATIVE_REGIONS = DROP_REGIONS - {"caption"}
_NEGATIVE_WEIGHT = 0.4

_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_SENTENCE_END = re.compile(r"[.!?。！？…:;»”\"')\]]\s*$|[.!?。！？]\s")
_BOILERPLATE_LINE = re.compile(
    r"^(?:advertisement|advertising|advert|ad|anzeige|werbung|publicidad|publicité|pubblicità|publicidade|"
    r"реклама|広告|광고|sponsored|share|share this|tweet|print|email|read more|continue reading|"
    r"read full article|click here|sign up|subscribe|skip to content|back to top|loading\.*|"
    r"weiterlesen|mehr lesen|leia mais|lee más|lire la suite|читать далее|続きを読む)\W*$",
    re.IGNORECASE,
)

# Headings that announce a rail of other stories, in a few languages (one signal among several:
# a heading's class saying "related" counts the same).
_RAIL_WORDS = (
    r"related|recommended|trending|popular|sponsored|promoted|most (?:read|popular|viewed|shared)"
    r"|you (?:may|might) (?:also )?(?:like|enjoy)|read (?:also|more|next)|also read|don't miss"
    r"|lesen sie auch|das könnte sie (?:auch )?interessieren|empfohlen|meistgelesen"
    r"|leia também|veja também|você pode gostar|mais lidas|lee también|te puede interesar"
    r"|lo más leído|à lire aussi|a lire aussi|sur le même sujet|leggi anche|i più letti"
    r"|читайте также|похожие материалы|関連記事|関連ニュース|おすすめ|관련 ?기사|추천 ?기사"
    r"|相关阅读|推荐阅读"
    r"|(?:ähnliche|verwandte|weitere) (?:beiträge|artikel|themen)|schon gelesen"
    r"|das könnte dich (?:auch )?interessieren|(?:noticias|artículos) relacionad[oa]s"
    r"|(?:notícias|artigos|matérias) relacionad[oa]s|articles similaires|à lire également"
    r"|articoli correlati|lees ook|gerelateerde artikelen|czytaj (?:też|także)"
    r"|zobacz (?:też|także)|похожие статьи|другие новости"
)
# A heading that is nothing but such words ("Related", "Most read stories", "Lesen Sie auch:")...
_RAIL_HEADING = re.compile(
    rf"^(?:{_RAIL_WORDS})(?:\s+(?:stories|articles|posts|news|reads|content|links|videos|"
    r"for you|now|today|this week))?\W*$",
    re.IGNORECASE,
)
# ...or that opens with "More from ..." / "Mehr zum Thema ...".
_RAIL_PREFIX = re.compile(
    r"^(?:more (?:stories|news|from|on|articles|in)|mehr (?:zum thema|aus|von|zu)"
    r"|más (?:noticias|de)|plus d'articles|altri articoli|mais (?:notícias|de)|ещё|еще)\b",
    re.IGNORECASE,
)

# Markup that leaked as text: a bare URL line, an unrendered CMS shortcode "[button link=...]".
_URL = re.compile(r"https?://\S+")
_SHORTCODE = re.compile(r"^\[/?[a-z_-]+(?:\s[^\]]*)?\]", re.IGNORECASE)
# An HTML tag printed as text (the content of a <noscript>, an escaped embed code).
# (a tag with a quoted attribute: "<img src=...>", not a title in brackets "<The Palace>").
_TAG_TEXT = re.compile(r"^<[a-z][a-z0-9]*\s[^<>]*=\s*[\"'][^<>]*>")

# Every credit form has one of these (a cheap test before the full credit parser).
_CREDIT_HINT = re.compile(r"[:/(=：©]|\b(?:by|von|por|de|par|di)\b", re.IGNORECASE)

MIN_ARTICLE_CHARS = 250


def weighted_chars(text: str) -> float:
    """Text length in Latin-character equivalents: a CJK character carries about three."""
    return len(text) + 2 * len(_CJK.findall(text[:4000]))


def block_size(block: TextBlock) -> float:
    """The block's weighted size, computed once."""
    if block.size < 0:
        block.size = weighted_chars(block.text)
        block.prose = _prose(block, block.size)
    return block.size


def is_prose(block: TextBlock) -> bool:
    """A sentence-like block of running text, not a link or a label."""
    if block.size < 0:
        block_size(block)
    return block.prose


def _prose(block: TextBlock, size: float) -> bool:
    if block.tag in HEADINGS:
        return False
    if block.link_density > (0.5 if size > 200 else 0.3):
        return False
    if size < 50:
        return False
    return size >= 160 or bool(_SENTENCE_END.search(block.text))


def _vote(block: TextBlock) -> float:
    size = block_size(block)
    if block.region in NEGATIVE_REGIONS:
        return -_NEGATIVE_WEIGHT * size
    if is_prose(block):
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


def _is_linked_title(block: TextBlock) -> bool:
    return block.link_density >= 0.9 and 12 <= len(block.text) <= 220 and not block.in_figure


def _common_depth(a: tuple[int, ...], b: tuple[int, ...]) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


def _self_contained(blocks: Sequence[TextBlock], first: int, last: int) -> bool:
    """Whether blocks first..last fill a subtree of their own (nothing before or after)."""
    depth = _common_depth(blocks[first].path, blocks[last].path)
    if depth == 0:
        return False
    shared = blocks[first].path[:depth]
    before = first > 0 and blocks[first - 1].path[:depth] == shared
    after = last + 1 < len(blocks) and blocks[last + 1].path[:depth] == shared
    return not before and not after


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
    titles = [i for i, b in enumerate(blocks) if _is_linked_title(b)]
    cards: list[list[int]] = []
    for n, t in enumerate(titles):
        next_t = titles[n + 1] if n + 1 < len(titles) else len(blocks)
        members: list[int] = []
        for j in range(t + 1, min(next_t, t + 5)):
            if len(blocks[j].text) > 400 or blocks[j].tag in HEADINGS:
                break
            members.append(j)
        while members and not _self_contained(blocks, t, members[-1]):
            members.pop()
        if members:
            cards.append([t, *members])
    if len(cards) < 3:
        return
    for card in cards:
        for i in card:
            _claim(blocks[i], "related", len(blocks[i].path))


def _announces_rail(text: str) -> bool:
    if len(text) > 60:
        return False
    return bool(_RAIL_HEADING.match(text)) or (len(text) <= 45 and bool(_RAIL_PREFIX.match(text)))


def _resumes_article(block: TextBlock, previous_linked: bool) -> bool:
    """A paragraph of plain prose that does not follow a teaser's linked headline."""
    return (
        not previous_linked
        and block.link_density < 0.1
        and len(block.text) >= 150
        and is_prose(block)
    )


def mark_rail_headings(blocks: Sequence[TextBlock]) -> None:
    """Everything after a "Related" / "You may like" heading, within its parent, is the rail."""
    i = 0
    while i < len(blocks):
        head = blocks[i]
        i += 1
        if head.tag not in HEADINGS or not _announces_rail(head.text):
            continue
        kind = "sponsored" if head.region == "sponsored" else "related"
        head.region = kind
        parent = head.path[:-1]
        previous_linked = True
        while i < len(blocks) and blocks[i].path[: len(parent)] == parent:
            block = blocks[i]
            if _resumes_article(block, previous_linked):
                break  # an inline "Related" box ended and the article goes on
            _claim(block, kind, len(parent), over_meta=True)
            previous_linked = block.link_density > 0.5 and not block.in_list
            i += 1


def _is_card(group: Sequence[TextBlock]) -> bool:
    """A teaser card: a short title line, then one to three short lines (summary, byline, age)."""
    if not 2 <= len(group) <= 4:
        return False
    title = group[0]
    if len(title.text) > 120 or (_SENTENCE_END.search(title.text) and len(title.text) > 60):
        return False
    return sum(len(b.text) for b in group) <= 450


def mark_card_lists(blocks: Sequence[TextBlock]) -> None:
    """Mark lists of teaser cards, linked or not: an element whose children are mostly cards.

    Article paragraphs come one block per child; a rail comes as small groups of a title and
    its summary lines. An element holding most of the page's prose is never a rail.
    """
    children: dict[int, dict[int, list[TextBlock]]] = defaultdict(lambda: defaultdict(list))
    for block in blocks:
        path = block.path
        for depth in range(max(0, len(path) - 8), len(path) - 1):  # cards sit near the text
            children[path[depth]][path[depth + 1]].append(block)
    total = sum(len(b.text) for b in blocks if is_prose(b)) or 1
    rails: list[list[TextBlock]] = []
    for groups in children.values():
        if len(groups) < 3:
            continue
        cards = [g for g in groups.values() if _is_card(g)]
        linked = sum(any(b.link_chars for b in g) for g in cards)
        if len(cards) >= 3 and len(cards) >= 0.75 * len(groups) and linked >= 0.5 * len(cards):
            members = [b for g in groups.values() for b in g]
            if sum(len(b.text) for b in members if is_prose(b)) < 0.5 * total:
                rails.append(members)
    for members in rails:
        for block in members:
            _claim(block, "related", len(block.path) - 1)


def neutralise_dominant_regions(blocks: Sequence[TextBlock]) -> None:
    """Forget a region name given to an element that holds most of the page's prose.

    A wrapper whose class happens to say "ad-layout" or "has-sidebar" is not furniture when
    the article sits inside it.
    """
    prose: dict[int, float] = defaultdict(float)
    total = 0.0
    for block in blocks:
        if is_prose(block):
            size = block_size(block)
            total += size
            for node_id in block.path:
                prose[node_id] += size
    if total <= 0:
        return
    for block in blocks:
        if block.region is None or block.region_depth >= len(block.path):
            continue
        if prose[block.path[block.region_depth]] > 0.5 * total:
            block.region = None


# Plain text right under the headline counts a little even when it is not prose: on a page
# of short lines (a schedule, a table of results) it is still where the article is.
_AFTER_HEADLINE = 40
_AFTER_HEADLINE_WEIGHT = 0.3
_PROSE_POOR = 1500  # ... on pages with less prose than this (with more, the prose decides)


def choose_container(
    blocks: Sequence[TextBlock], headline_index: int | None = None
) -> Container | None:
    """The element whose subtree holds the most prose and the least furniture."""
    scores: dict[int, float] = defaultdict(float)
    depths: dict[int, int] = {}
    held: dict[int, int] = defaultdict(int)
    parents: dict[int, int] = {}
    prose = sum(block_size(b) for b in blocks if is_prose(b) and b.region is None)
    near = (
        range(headline_index + 1, headline_index + 1 + _AFTER_HEADLINE)
        if headline_index is not None and prose < _PROSE_POOR
        else range(0)
    )
    for block in blocks:
        vote = _vote(block)
        if block.index in near and block.region is None and block.link_density < 0.3:
            vote += _AFTER_HEADLINE_WEIGHT * min(len(block.text), 200)
        for depth, node_id in enumerate(block.path):
            scores[node_id] += vote
            depths[node_id] = depth
            held[node_id] += 1
            parents[node_id] = block.path[depth - 1] if depth else node_id
    if not scores:
        return None
    best = max(scores, key=lambda n: (scores[n], depths[n]))
    if held[best] == 1 and depths[best] > 0:
        # One paragraph is not a container: a short post's other lines sit beside it (the
        # furniture next to them is dropped by region afterwards).
        best = parents[best]
    return Container(node_id=best, depth=depths[best], score=scores[best])


def _headline_index(blocks: Sequence[TextBlock], headline: str | None) -> int | None:
    """The block that prints the headline: the <h1> matching it, else the first <h1>."""
    first_h1 = None
    for block in blocks:
        if block.tag == "h1":
            if headline is not None and _norm(block.text) == headline:
                return block.index
            if first_h1 is None:
                first_h1 = block.index
    return first_h1


def _in_container(block: TextBlock, container: Container) -> bool:
    path = block.path
    return len(path) > container.depth and path[container.depth] == container.node_id


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
    neutralise_dominant_regions(blocks)
    mark_teaser_cards(blocks)
    mark_card_lists(blocks)
    mark_rail_headings(blocks)
    norm_headline = _norm(headline) if headline else None
    container = choose_container(blocks, _headline_index(blocks, norm_headline))
    if container is None:
        return Selection(body=[], dropped=list(blocks), container=None)
    inside = [b for b in blocks if _in_container(b, container)]
    teaser_lists = _teaser_lists(inside, norm_headline)
    kept: list[TextBlock] = []
    dropped: list[TextBlock] = []
    linky: list[TextBlock] = []
    for block in inside:
        if block.list_id in teaser_lists:
            dropped.append(block)
            continue
        reason = _drop(block, container, norm_headline)
        if reason is None:
            kept.append(block)
        else:
            dropped.append(block)
            if reason == "links":
                linky.append(block)
    kept = _drop_repeated_lead(kept, dropped, blocks)
    kept = _trim_edges(kept, dropped)
    kept = _restore_linked_sentences(kept, dropped, linky)
    kept = _drop_author_bio(kept, dropped, authors)
    kept = _drop_meta_prose(kept, dropped)
    kept = _drop_detached_tail(kept, dropped)
    kept = _drop_orphan_labels(kept, dropped, inside)
    standfirst = _standfirst(kept, blocks, norm_headline) or _inner_standfirst(
        kept, blocks, norm_headline
    )
    return Selection(body=kept, dropped=dropped, container=container, standfirst=standfirst)


def _drop_repeated_lead(
    kept: list[TextBlock], dropped: list[TextBlock], blocks: Sequence[TextBlock]
) -> list[TextBlock]:
    """Drop a summary printed twice on the page (a dek repeated as a teaser or share text)."""
    if len(kept) < 3:
        return kept
    counts: dict[str, int] = defaultdict(int)
    for block in blocks:
        if 40 <= len(block.text) <= 400:
            counts[block.text] += 1
    out = []
    for position, block in enumerate(kept):
        if position < 2 and counts.get(block.text, 0) > 1:
            dropped.append(block)
        else:
            out.append(block)
    return out


def _standfirst(
    kept: list[TextBlock], blocks: Sequence[TextBlock], headline: str | None
) -> list[TextBlock]:
    """The standfirst (dek) set between the headline and the body container, if any.

    Many layouts put the headline and its summary paragraph in a header outside the body's
    container. It is not body text (benchmarks and readers agree), but it is the article's
    alternative headline.
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
        if is_prose(b) and not b.in_figure and b.region in (None, "meta") and len(b.text) <= 700
    ]
    return lead[:1]


def _inner_standfirst(
    kept: list[TextBlock], blocks: Sequence[TextBlock], headline: str | None
) -> list[TextBlock]:
    """A standfirst inside the container: the first block, right after the headline, set in
    another parent than the paragraphs that follow. It stays in the body (lead paragraphs look
    the same, and readers count them as text) and also serves as the alternative headline."""
    if len(kept) < 3 or not is_prose(kept[0]) or len(kept[0].text) > 400:
        return []
    first = kept[0]
    before = blocks[first.index - 1] if first.index > 0 else None
    if before is None or not _is_headline(before, headline):
        return []
    return [] if first.path[:-1] == kept[1].path[:-1] else [first]


def _drop_orphan_labels(
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
        following = []
        for nxt in inside[position + 1 :]:
            if nxt.tag in HEADINGS:
                break
            following.append(nxt)
        introduces_nothing = not any(id(b) in keep_ids for b in following)
        if (following and introduces_nothing) or (not following and block is kept[-1]):
            orphans.add(id(block))
    if not orphans:
        return kept
    dropped.extend(b for b in kept if id(b) in orphans)
    return [b for b in kept if id(b) not in orphans]


def _is_label(block: TextBlock) -> bool:
    if block.tag in HEADINGS:
        return True
    text = block.text.rstrip()
    return len(text) <= 60 and text.endswith((":", "：")) and not is_prose(block)


# A "meta" region (byline, author box, dateline) holding less than this share of the body's
# prose is a box about the article, not part of it.
_META_SHARE = 0.3


def _drop_meta_prose(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Drop the sentences set in a byline or author box: "Jane is a senior editor who...".

    Bylines and dates are short and go with the edges; an author's biography or a disclosure
    set in the same box reads as prose. When such boxes hold a small share of the body's prose
    they are about the article; a page whose whole text sits in a "meta"-named wrapper keeps it.
    """
    meta = [b for b in kept if b.region == "meta"]
    if not meta:
        return kept
    total = sum(len(b.text) for b in kept if is_prose(b))
    if sum(len(b.text) for b in meta if is_prose(b)) > _META_SHARE * total:
        return kept
    dropped.extend(meta)
    return [b for b in kept if b.region != "meta"]


# Blocks after the article's own paragraphs, in another wrapper, holding less than this share
# of the body's prose, are a box appended to it (newsletter, disclaimer, "about us").
_TAIL_SHARE = 0.1


def _text_parent(kept: Sequence[TextBlock]) -> tuple[int, ...] | None:
    """The element whose own children carry most of the body's paragraphs (list items and
    table cells are not paragraphs: the text around a list is not the list's)."""
    chars: dict[tuple[int, ...], int] = defaultdict(int)
    for block in kept:
        if is_prose(block) and not block.in_list and not block.in_table:
            chars[block.path[:-1]] += len(block.text)
    return max(chars, key=lambda p: chars[p]) if chars else None


def _signature(block: TextBlock, depth: int) -> tuple[str, str] | None:
    """Tag and class of the block's ancestor at ``depth`` in its path."""
    node: LexborNode | None = block.node
    target = block.path[depth] if depth < len(block.path) else None
    while node is not None and node.mem_id != target:
        node = node.parent
    if node is None:
        return None
    return node.tag or "", node.attributes.get("class") or ""


def _drop_detached_tail(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
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
    total = sum(len(b.text) for b in kept if is_prose(b))
    if not tail or sum(len(b.text) for b in tail if is_prose(b)) > _TAIL_SHARE * total:
        return kept
    own = _signature(kept[inside[-1]], depth - 1)
    detached = [
        b for b in tail if not b.in_table and _signature(b, _parent_depth(b)) != own
    ]  # a table after the text is the article's
    if not detached:
        return kept
    dropped.extend(detached)
    gone = {id(b) for b in detached}
    return [b for b in kept if id(b) not in gone]


def _parent_depth(block: TextBlock) -> int:
    return max(0, len(block.path) - 2)


def _drop_author_bio(
    kept: list[TextBlock], dropped: list[TextBlock], authors: Sequence[str]
) -> list[TextBlock]:
    """Drop the author's biography printed after the article ("Jane Doe covers ...")."""
    names = [a.casefold() for a in authors if len(a) > 4]
    if not names or len(kept) < 4:
        return kept
    out = list(kept)
    for block in kept[-2:]:
        text = block.text.casefold()
        if len(text) < 500 and any(name in text for name in names):
            out.remove(block)
            dropped.append(block)
    return out


def _restore_linked_sentences(
    kept: list[TextBlock], dropped: list[TextBlock], linky: list[TextBlock]
) -> list[TextBlock]:
    """Put back link-heavy sentences and list items that sit between article paragraphs.

    Some sites link half the words of a paragraph; between two prose paragraphs such a block
    is text, not a link list. A list of links set between paragraphs (the sources, tools or
    patches the text talks about) is the article's too; rails of teasers were set aside before.
    """
    prose = [b.index for b in kept if is_prose(b)]
    if not prose or not linky:
        return kept
    first, last = prose[0], prose[-1]
    back = [
        b for b in linky if first < b.index < last and (_linked_text(b) or _announced_item(b, kept))
    ]
    if not back:
        return kept
    restored = {id(b) for b in back}
    dropped[:] = [b for b in dropped if id(b) not in restored]
    return sorted([*kept, *back], key=lambda b: b.index)


def _announced_item(block: TextBlock, kept: Sequence[TextBlock]) -> bool:
    """A list item whose list the text announces ("Patches sent for review:")."""
    if not block.in_list or block.tag in HEADINGS:
        return False
    before = [b for b in kept if b.index < block.index and b.list_id != block.list_id]
    if not before:
        return False
    intro = before[-1].text.rstrip()
    # A sentence that ends on a colon, not a label ("See also:", "Lesen Sie auch:").
    return intro.endswith((":", "：")) and len(intro.split()) >= 4 and not _announces_rail(intro)


def _linked_text(block: TextBlock) -> bool:
    return (
        block.link_density <= 0.85
        and len(block.text) >= 80
        and _SENTENCE_END.search(block.text) is not None
    )


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


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _is_headline(block: TextBlock, headline: str | None) -> bool:
    """The block that prints the headline: an <h1>, or any block reading as the headline."""
    return block.tag == "h1" or (headline is not None and _norm(block.text) == headline)


def _drop(
    block: TextBlock,
    container: Container,
    headline: str | None,
) -> str | None:
    """Why a block inside the container is not article text, or None to keep it."""
    region_inside = block.region is not None and block.region_depth > container.depth
    if region_inside and block.region in DROP_REGIONS:
        return str(block.region)
    if block.in_figure:
        return "figure"
    if _is_headline(block, headline):
        return "headline"
    if region_inside and block.region == "meta" and not is_prose(block):
        return "meta"
    if block.link_density > (0.8 if block.tag in HEADINGS or block.in_quote else 0.5):
        return "links"
    if len(block.text) < 60 and _BOILERPLATE_LINE.match(block.text):
        return "boilerplate"
    if block.has_time and len(block.text) < 120:
        return "timestamp"
    if _is_markup(block):
        return "markup"
    if (
        len(block.text) < 300
        and not block.in_list
        and _CREDIT_HINT.search(block.text)
        and has_credit(block.text)
    ):
        return "caption"  # a caption set outside a figure: "... (Image: GETTY)"
    return None


def _is_markup(block: TextBlock) -> bool:
    """Markup that leaked as text: a CMS shortcode, an HTML tag, a line of bare URLs."""
    text = block.text
    if _SHORTCODE.match(text) or _TAG_TEXT.match(text):
        return True
    return _mostly_urls(text) and not block.in_quote


def _mostly_urls(text: str) -> bool:
    if "://" not in text:
        return False
    return sum(len(m) for m in _URL.findall(text)) > 0.5 * len(text)


def _trim_edges(kept: list[TextBlock], dropped: list[TextBlock]) -> list[TextBlock]:
    """Drop the short non-prose lines before the first and after the last prose block."""
    prose = [i for i, b in enumerate(kept) if is_prose(b)]
    if not prose:
        return kept
    first, last = prose[0], prose[-1]
    # Only a subheading right before the first paragraph survives (not a byline or a date).
    head = [b for b in kept[max(0, first - 1) : first] if b.tag in HEADINGS and b.tag != "h1"]
    dropped.extend(b for b in kept[:first] if b not in head)
    tail = [b for b in kept[last + 1 :] if _keep_tail(b)]
    dropped.extend(b for b in kept[last + 1 :] if b not in tail)
    return head + kept[first : last + 1] + tail


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
        and _SENTENCE_END.search(block.text) is not None
    )
