"""Flattened page text to Article.

1. lines and their features (:mod:`.lines`);
2. the body: the maximum-sum run of prose lines (:mod:`.body`);
3. the header before it: headline, section, dates, byline, lead image (:mod:`.header`);
4. inside the body, captions, credits, alt texts, date and copyright lines are taken out, and
   so are runs of link-like lines (a "Related" box inside the article);
5. after it, teaser rails and sponsored blocks (:mod:`.rails`);
6. wire source and dateline from the first paragraph, bylines, credits and copyright lines;
7. blocks: paragraphs, headings and lists (:mod:`.blocks`); ``articleBody`` joins their texts
   with one blank line.

A page without a run of prose (a menu or index page), or with too little of it, gives an
Article with ``extraction.is_article`` false and the reason.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from pressclip.extractors.text.blocks import to_blocks
from pressclip.extractors.text.body import Region, body_region
from pressclip.extractors.text.header import Header, find_images, read_header
from pressclip.extractors.text.lines import Line, split_lines
from pressclip.extractors.text.rails import find_rails, is_alt_line
from pressclip.model import Article, Block, Extraction, Image, Person
from pressclip.settings import Settings
from pressclip.signals.wire import detect_wire

logger = logging.getLogger(__name__)

MIN_BODY_CHARS = 120  # effective characters of prose below which a page holds no article
MIN_BODY_SCORE = 0.5
_BULLET = re.compile(r"^(?:[•·◦▪■●‣*–-]|\d{1,2}[.)])\s")


def _names(bylines: Sequence[str]) -> tuple[Person, ...]:
    try:
        from pressclip.signals.bylines import parse_byline
    except ImportError:  # pragma: no cover - the byline module ships with pressclip
        return ()
    names: list[str] = []
    for byline in bylines:
        names.extend(n for n in parse_byline(byline) if n not in names)
    return tuple(Person(name=n) for n in names)


def _body_lines(
    lines: Sequence[Line], region: Region, header: Header
) -> tuple[list[Line], list[Image], list[str]]:
    """Lines of the body proper, images found inside it, copyright lines met."""
    kept: list[Line] = []
    copyright_lines: list[str] = []
    used = set(header.used)
    images = find_images(lines, region.start, region.end, used)
    for line in lines[region.start : region.end]:
        if line.index in used or line.url_like or line.date_line:
            continue
        if line.copyright:
            copyright_lines.append(line.text)
            continue
        if line.credit or (header.headline is not None and line.text == header.headline):
            continue
        if is_alt_line(line) and line.words <= 3:
            continue
        kept.append(line)
    return _drop_link_runs(kept), images, copyright_lines


LINK_RUN = 5  # consecutive non-sentence lines that make an inline list of links


def _is_link_like(line: Line) -> bool:
    return not line.terminal and line.eff_len < 120 and not _BULLET.match(line.text)


def _drop_link_runs(body: list[Line]) -> list[Line]:
    """Body lines without inline runs of link-like lines ("Related" boxes, more-from lists)."""
    out: list[Line] = []
    run: list[Line] = []
    for line in [*body, None]:
        if line is not None and _is_link_like(line):
            run.append(line)
            continue
        if len(run) < LINK_RUN:
            out.extend(run)
        run = []
        if line is not None:
            out.append(line)
    return out


def _not_article(reason: str, settings: Settings, charset: str | None) -> Article:
    return Article(
        url=settings.url,
        extraction=Extraction(input_type="text", is_article=False, reason=reason, charset=charset),
    )


def _weak_body(body: Sequence[Line], region: Region) -> str | None:
    """Why the run of prose found is too weak to be an article, or None when it is one."""
    prose = sum(line.eff_len for line in body if line.terminal)
    if prose < MIN_BODY_CHARS:
        return f"too little prose for an article ({int(prose)} characters)"
    if region.score < MIN_BODY_SCORE:
        return (
            "no clear run of prose: its lines read more like a list or a menu "
            f"(score {region.score:.2f}, {int(prose)} characters of prose)"
        )
    return None


def _confidence(region: Region, body: Sequence[Line]) -> float:
    chars = sum(line.eff_len for line in body)
    return round(min(1.0, region.score / 40.0) * 0.5 + min(1.0, chars / 3000.0) * 0.5, 3)


def extract_text(text: str, settings: Settings, *, charset: str | None = None) -> Article:
    """The article in a flattened page, with its header, images, rails and wire source."""
    lines = split_lines(text)
    if not lines:
        return _not_article("no text", settings, charset)
    region, _ = body_region(lines)
    if region is None:
        return _not_article("no run of prose lines (a menu or index page)", settings, charset)
    header = read_header(lines, region.start)
    body, images, copyright_lines = _body_lines(lines, region, header)
    reason = _weak_body(body, region)
    if reason is not None:
        return _not_article(reason, settings, charset)
    after = lines[region.end :]
    for line in after:
        if line.copyright:
            copyright_lines.append(line.text)
    skip = {line.index for line in after if line.copyright}
    if header.headline is not None:
        skip.update(line.index for line in after if line.text == header.headline)
    rails = find_rails(after, frozenset(skip), settings.reference_time)
    blocks: list[Block] = to_blocks(body)
    credits = [img.credit_text for img in [*header.images, *images] if img.credit_text]
    wire = detect_wire(
        body[0].text if body else None,
        bylines=header.bylines,
        credits=credits,
        copyright_lines=copyright_lines,
    )
    sources = list(header.sources)
    if wire.source_organization:
        sources.append(("sourceOrganization", wire.evidence or "text"))
    return Article(
        headline=header.headline,
        author=_names(header.bylines),
        date_published=header.date_published,
        date_modified=header.date_modified,
        article_section=header.section,
        url=settings.url,
        source_organization=wire.source_organization,
        dateline=wire.dateline,
        copyright_notice=copyright_lines[0] if copyright_lines else None,
        image=(*header.images, *images),
        article_body="\n\n".join(block.text for block in blocks),
        body=tuple(blocks),
        related=rails.related,
        sponsored=rails.sponsored,
        extraction=Extraction(
            input_type="text",
            is_article=True,
            confidence=_confidence(region, body),
            metadata_sources=tuple(sources),
            charset=charset,
        ),
    )
