"""What a reader sees: the <h1>, byline elements and dates near it, <time> elements.

Everything is searched in the headline's neighbourhood first (its ancestors up to a few levels),
so teaser bylines and dates elsewhere on the page are not taken for the article's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

_BYLINE_CSS = (
    '[class*="byline" i], [id*="byline" i], [class*="author" i], [id*="author" i], '
    '[rel~="author" i], [itemprop~="author" i], [class*="autor" i], [class*="writer" i], '
    '[data-testid*="byline" i], [class*="contributor" i]'
)
_DATE_CSS = (
    'time, [class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], '
    '[itemprop~="datePublished" i], [class*="meta" i], [class*="byline" i], [class*="dateline" i]'
)
_LEAD_LINE = re.compile(
    r"^(?:by|von|por|par|door|av|af|di|przez|автор|written by|posted by|text|texto|autor|author)"
    r"\s*:?\s+\S",
    re.IGNORECASE,
)
# A digit run next to a month-like word or a dotted/dashed/slashed day: worth parsing.
_DATE_LIKE = re.compile(
    r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|\d{4}\s*[年년]|\b\d{1,2}\.?\s+[^\W\d_]{3,}|"
    r"[^\W\d_]{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
)
_SKIP_CLASS = re.compile(
    r"comment|related|teaser|recommend|sidebar|footer|widget|share|social|newsletter|promo|"
    r"more-|-more|card|popular|trending|avatar-list|reply",
    re.IGNORECASE,
)
_MODIFIED_HINT = re.compile(
    r"updat|modif|aktualisiert|geändert|actualiza|atualiza|mis à jour|aggiorn|обновл|수정|更新",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Visible:
    h1: list[str] = field(default_factory=list)
    # Byline texts near the headline, nearest first, then the rest of the page.
    bylines: list[str] = field(default_factory=list)
    # (value, is_modified, near_headline) for <time datetime> and date-like texts.
    dates: list[tuple[str, bool, bool]] = field(default_factory=list)
    # Short lines near the headline starting with a byline lead word ("By ...", "Von ...").
    lead_lines: list[str] = field(default_factory=list)


def read_visible(tree: LexborHTMLParser) -> Visible:
    vis = Visible()
    h1_nodes = tree.css("h1")
    for node in h1_nodes[:5]:
        text = " ".join((node.text(deep=True, separator=" ", strip=True) or "").split())
        if text:
            vis.h1.append(text)
    scope = _headline_scope(h1_nodes[0]) if h1_nodes else None
    if scope is not None:
        _scan(scope, vis, near=True)
    body = tree.body
    if body is not None and not vis.bylines:
        for node in body.css(_BYLINE_CSS)[:60]:
            _add_byline(node, vis)
    if body is not None and not vis.lead_lines:
        for node in body.css("p, address, em, i, small")[:400]:
            text = _short_text(node, 80)
            if text and _LEAD_LINE.match(text):
                vis.lead_lines.append(text)
                if len(vis.lead_lines) >= 3:
                    break
    if body is not None and not vis.dates:
        for node in body.css("time")[:20]:
            _add_time(node, vis, near=False)
    return vis


def _headline_scope(h1: LexborNode) -> LexborNode | None:
    """The smallest ancestor of the <h1> that holds a byline or date, up to five levels up."""
    node: LexborNode | None = h1
    best: LexborNode | None = None
    for _ in range(5):
        node = node.parent if node is not None else None
        if node is None or node.tag in ("body", "html"):
            break
        best = node
        if node.css_first(_BYLINE_CSS) is not None and node.css_first("time") is not None:
            break
    return best


def _scan(scope: LexborNode, vis: Visible, *, near: bool) -> None:
    for node in scope.css(_BYLINE_CSS)[:40]:
        _add_byline(node, vis)
    for node in scope.css(_DATE_CSS)[:40]:
        if node.tag == "time":
            _add_time(node, vis, near=near)
        else:
            text = _short_text(node, 160)
            if text and any(c.isdigit() for c in text):
                vis.dates.append((text, bool(_MODIFIED_HINT.search(_hint(node) + text)), near))
    seen_dates = {d[0] for d in vis.dates}
    for node in scope.css("p, span, div, address, li, a, small, em, strong, h2, h3, h4, h5, h6")[:300]:
        text = _short_text(node, 200)
        if not text:
            continue
        if _LEAD_LINE.match(text):
            vis.lead_lines.append(text)
        if len(text) <= 80 and text not in seen_dates and _DATE_LIKE.search(text):
            seen_dates.add(text)
            vis.dates.append((text, bool(_MODIFIED_HINT.search(text)), near))


def _hint(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"


def _skipped(node: LexborNode) -> bool:
    cur: LexborNode | None = node
    for _ in range(4):
        if cur is None:
            return False
        if _SKIP_CLASS.search(cur.attributes.get("class") or ""):
            return True
        cur = cur.parent
    return False


def _add_byline(node: LexborNode, vis: Visible) -> None:
    if node.tag in ("img", "meta", "link", "script", "style", "picture", "svg"):
        return
    if _skipped(node):
        return
    text = _short_text(node, 250)
    if text:
        vis.bylines.append(text)


def _add_time(node: LexborNode, vis: Visible, *, near: bool) -> None:
    attrs = node.attributes
    value = attrs.get("datetime") or attrs.get("content") or _short_text(node, 120)
    if not value:
        return
    parent = node.parent
    own = node.text(deep=True, separator=" ", strip=True) or ""
    before = ""
    if parent is not None:
        text = _short_text(parent, 200) or ""
        before = text.split(own, 1)[0][-40:] if own and own in text else ""
    modified = bool(_MODIFIED_HINT.search(_hint(node) + " " + before))
    if "pubdate" in attrs or "publish" in _hint(node).lower():
        modified = False
    vis.dates.append((value, modified, near))


def _short_text(node: LexborNode, limit: int) -> str | None:
    text = node.text(deep=True, separator=" ", strip=True)
    if not text or len(text) > limit * 3:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else None
