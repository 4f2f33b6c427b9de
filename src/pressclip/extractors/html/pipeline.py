"""HTML to Article: parse, read metadata, find the body, classify the furniture."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.assemble import body_text, to_body
from pressclip.extractors.html.blocks import TextBlock, flatten
from pressclip.extractors.html.content import (
    MIN_ARTICLE_CHARS,
    Container,
    Selection,
    is_prose,
    select_body,
)
from pressclip.extractors.html.furniture import Furniture, extract_furniture
from pressclip.extractors.html.images import extract_images
from pressclip.extractors.html.metadata import Metadata, extract_metadata
from pressclip.extractors.html.parse import parse_html
from pressclip.extractors.html.refine import refine
from pressclip.model import Article, Extraction, Image
from pressclip.settings import Settings
from pressclip.signals.credits import has_credit
from pressclip.signals.reltime import resolve_text
from pressclip.signals.wire import WireInfo, detect_wire, is_copyright_line


def extract_html(
    html: str, settings: Settings, *, charset: str | None = None, utf8: bytes | None = None
) -> Article:
    """The article of an HTML page, or a not-an-article record that says why.

    ``utf8``, when given, must be the page's bytes that ``html`` is the exact UTF-8 decoding of.
    """
    tree = parse_html(html, settings.limits, utf8=utf8)
    meta = extract_metadata(tree, url=settings.url)
    root = tree.body or tree.root
    blocks = flatten(root) if root is not None else []
    selection = select_body(blocks, headline=meta.headline, authors=[p.name for p in meta.author])
    selection = refine(selection, blocks)  # the trained block model's second opinion
    body = to_body(selection.body)
    main = _container_node(selection)
    base_url = meta.url or settings.url
    images = _images(main, tree, meta, base_url)
    furniture = _furniture(tree, main, base_url, meta.headline, settings.reference_time)
    copyright_notice = _copyright(selection) or meta.copyright_notice
    wire = _wire(selection.body, images, copyright_notice)
    prose_chars = sum(len(b.text) for b in selection.body if is_prose(b))
    is_article, reason = _verdict(prose_chars, meta, furniture)
    if not is_article:
        meta = _page_level_only(meta)
    sources = list(meta.sources)
    if wire.source_organization and not meta.source_organization:
        sources.append(("sourceOrganization", wire.evidence or "visible"))
    return Article(
        headline=meta.headline,
        alternative_headline=meta.alternative_headline or _standfirst(selection, meta),
        description=meta.description,
        author=meta.author,
        date_published=meta.date_published,
        date_modified=meta.date_modified,
        article_section=meta.article_section,
        keywords=meta.keywords,
        in_language=meta.in_language,
        url=base_url,
        publisher=meta.publisher,
        source_organization=meta.source_organization or wire.source_organization,
        dateline=wire.dateline or _dateline(selection.body),
        copyright_notice=copyright_notice,
        image=images,
        article_body=body_text(body),
        body=body,
        related=furniture.related,
        sponsored=furniture.sponsored,
        extraction=Extraction(
            input_type="html",
            is_article=is_article,
            reason=reason,
            confidence=_confidence(prose_chars, meta) if is_article else 0.0,
            metadata_sources=tuple(sources),
            charset=charset,
        ),
    )


# Sources that speak for the page itself; on a page that is not an article, what was read off
# the visible page (a lead teaser's byline or time) belongs to someone else's story. Its dates
# are the ones read from the page's own sources alone (declared, its URL, its title).
_DECLARED = ("json-ld", "opengraph", "meta", "microdata")
_PERSONAL = ("author", "datePublished", "dateModified")


def _page_level_only(meta: Metadata) -> Metadata:
    author_source = dict(meta.sources).get("author", "")
    declared = author_source.startswith(_DECLARED)
    published, modified, date_sources = meta.page_dates
    kept = tuple(pair for pair in meta.sources if pair[0] not in _PERSONAL)
    if declared:
        kept += (("author", author_source),)
    return dataclasses.replace(
        meta,
        author=meta.author if declared else (),
        date_published=published,
        date_modified=modified,
        sources=kept + date_sources,
    )


def _standfirst(selection: Selection, meta: Metadata) -> str | None:
    if not selection.standfirst:
        return None
    text = selection.standfirst[0].text
    return None if meta.headline and text.casefold() == meta.headline.casefold() else text


def _container_node(selection: Selection) -> LexborNode | None:
    container: Container | None = selection.container
    if container is None:
        return None
    for block in (*selection.body, *selection.dropped):
        node: LexborNode | None = block.node
        while node is not None:
            if node.mem_id == container.node_id:
                return node
            node = node.parent
    return None


def _images(
    main: LexborNode | None, tree: LexborHTMLParser, meta: Metadata, base_url: str | None
) -> tuple[Image, ...]:
    found = extract_images(main, tree, base_url=base_url)
    if found:
        return found
    return meta.images[:1]


def _furniture(
    tree: LexborHTMLParser,
    main: LexborNode | None,
    base_url: str | None,
    headline: str | None,
    reference: str | None,
) -> Furniture:
    """The page's teasers and sponsored items, less this article's own teaser (pages often
    list themselves in their rails), with relative ages dated when the capture time is known."""
    furniture = extract_furniture(tree, main, base_url=base_url)
    title = headline.casefold() if headline is not None else None
    related = []
    for teaser in furniture.related:
        if teaser.headline.casefold() == title or (base_url is not None and teaser.url == base_url):
            continue
        if reference is not None and teaser.age is not None and not teaser.date_created:
            teaser = dataclasses.replace(teaser, date_created=resolve_text(teaser.age, reference))
        related.append(teaser)
    return Furniture(related=tuple(related), sponsored=furniture.sponsored)


def _copyright(selection: Selection) -> str | None:
    """A copyright line printed with the article (a wire's notice), not the site footer's."""
    for block in selection.dropped:
        if not is_copyright_line(block.text):
            continue
        if block.in_figure or block.region == "caption" or has_credit(block.text):
            continue  # "(Image: © Jane Doe)" is a photo credit, not the article's notice
        return block.text
    return None


def _wire(
    body: Sequence[TextBlock], images: Sequence[Image], copyright_notice: str | None
) -> WireInfo:
    first = next((b.text for b in body if is_prose(b)), None)
    credits = [i.credit_text for i in images if i.credit_text]
    lines = [copyright_notice] if copyright_notice else []
    return detect_wire(first, credits=credits, copyright_lines=lines)


# "WASHINGTON —", "LOS ANGELES, Nov. 3 –": a place in capitals opening the first paragraph.
# (signals.wire.place_dateline reads the same for text mode, but misses hyphen datelines and
# takes a one-word opening sentence for a German Ortsmarke; the two are to be merged there.)
_CAPS_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Þ][A-ZÀ-Þ .'’-]{2,40}?)(?:,[^—–\n]{1,40})?\s+[—–-]\s"
)
# "<strong>Oberhelm.</strong> Schon ...": a short place set in bold at the paragraph's start.
_BOLD_PLACE = re.compile(r"^(?P<place>[^\W\d][\w .'’-]{1,40}?)\s*[.:—–-]$")


def _dateline(body: Sequence[TextBlock]) -> str | None:
    """The place of a dateline without an agency, from the first paragraphs (after a dek),
    in text ("RIVERTON —") or set in bold."""
    for block in [b for b in body if is_prose(b)][:2]:
        caps = _CAPS_DATELINE.match(block.text)
        place = caps.group("place").strip() if caps else _bold_place(block)
        if place:
            return place
    return None


def _bold_place(block: TextBlock) -> str | None:
    lead = block.node.child
    while lead is not None and lead.tag == "-text" and not (lead.text_content or "").strip():
        lead = lead.next
    if lead is None or lead.tag not in ("strong", "b"):
        return None
    text = lead.text(strip=True)
    bold = _BOLD_PLACE.match(text)
    if bold and block.text.startswith(text):
        return bold.group("place").strip()
    return None


def _verdict(prose_chars: int, meta: Metadata, furniture: Furniture) -> tuple[bool, str | None]:
    if prose_chars < MIN_ARTICLE_CHARS:
        return False, f"no article text found (the longest prose run has {prose_chars} characters)"
    declared = (meta.page_type or "").lower()
    if declared in ("website", "collectionpage", "webpage", "itemlist") and prose_chars < 800:
        teasers = len(furniture.related)
        if teasers >= 5:
            return False, (
                f"an index page: declared {meta.page_type}, {teasers} teasers and only "
                f"{prose_chars} characters of prose"
            )
    return True, None


def _confidence(prose_chars: int, meta: Metadata) -> float:
    size = min(1.0, prose_chars / 2000)
    agreed = sum(x is not None for x in (meta.headline, meta.date_published)) / 2
    return round(0.6 * size + 0.4 * agreed, 2)
