"""What a reader sees: the <h1>, byline elements and dates near it, <time> elements.

Everything is searched in the headline's neighbourhood first (its ancestors up to a few levels),
so teaser bylines and dates elsewhere on the page are not taken for the article's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from html import unescape
from itertools import islice
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.meta.attrselect import Query, SelectorList
from pressclip.extractors.html.meta.jsonld import drop_invisible
from pressclip.extractors.html.meta.titles import overlap
from pressclip.signals.bylines import looks_like_org
from pressclip.signals.dates import search_date

_BYLINE_CSS: Final = (
    '[class*="byline" i], [id*="byline" i], [class*="author" i], [id*="author" i], '
    '[rel~="author" i], [itemprop~="author" i], [class*="autor" i], [class*="writer" i], '
    '[data-testid*="byline" i], [class*="contributor" i]'
)
_DATE_CSS: Final = (
    'time, [class*="date" i], [class*="time" i], [class*="publish" i], [class*="posted" i], '
    '[itemprop~="datePublished" i], [class*="meta" i], [class*="byline" i]'
)
_DIGIT: Final = re.compile(r"\d")
_ENTITY: Final = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_LEAD_WORD: Final = (
    r"(?:by|von|por|par|door|av|af|di|przez|автор|written|posted|text|texto|autor|author)\b"
)
# The lead word at the start of a text node before its whitespace is collapsed: the same test
# as on the collapsed text (\s is str.split()'s whitespace), without collapsing every node.
_LEAD_WORD_RAW: Final = re.compile(r"^\s*" + _LEAD_WORD, re.IGNORECASE)
# The ASCII letters a lead word can start with (_LEAD_WORD's and _LEAD_LINE's alike).
_LEAD_INITIALS: Final = frozenset("bvpdawtBVPDAWT")
_DEK_CSS: Final = (
    '[class*="dek" i], [class*="standfirst" i], [class*="subhead" i], [class*="subtitle" i], '
    '[class*="sub-title" i], [class*="strapline" i], [itemprop~="alternativeHeadline" i]'
)
_PAGE_DATE_CSS: Final = (
    'time, [class*="date" i], [class*="publish" i], [itemprop~="datePublished" i], '
    '[class*="posted" i], abbr[title]'
)
_LEAD_LINE: Final = re.compile(
    r"^(?:by|von|por|par|door|av|af|di|przez|автор|written by|posted by|text|texto|autor|author)"
    r"\s*:?\s+\S",
    re.IGNORECASE,
)


class _Words:
    """A case-insensitive search for an alternation of lower-case words. re is slow at it (tens
    of microseconds on a long utility-class list); on ASCII text it is the same as the plain
    search of the lower-cased text, where re skips ahead to each possible first letter."""

    def __init__(self, pattern: str) -> None:
        self._any_case = re.compile(pattern, re.IGNORECASE)
        self._lower = re.compile(pattern)

    def found(self, text: str) -> bool:
        if text.isascii():
            return self._lower.search(text.lower()) is not None
        return self._any_case.search(text) is not None


_SKIP_CLASS: Final = _Words(
    r"comment|related|teaser|recommend|sidebar|footer|widget|share|social|newsletter|promo|"
    r"more-|-more|c(?<!vc)ard|popular|trending|avatar-list|reply"  # "card", not "vcard"
)
_MODIFIED_HINT: Final = _Words(
    r"updat|modif|aktualisiert|geändert|actualiza|atualiza|mis à jour|aggiorn|обновл|수정|更新"
)


@dataclass(slots=True)
class Visible:
    h1: list[str] = field(default_factory=list)
    # Byline texts near the headline, nearest first (see page_bylines for the rest of the page).
    bylines: list[str] = field(default_factory=list)
    # (value, is_modified, near_headline) for <time datetime> and date-like texts, in page order:
    # near the headline and in its bylines (see page_dates for the rest of the page).
    dates: list[tuple[str, bool, bool]] = field(default_factory=list)
    # Subheadlines (dek, standfirst) near the headline.
    deks: list[str] = field(default_factory=list)
    # The element-by-element lines of a byline text that has several (names in separate tags).
    byline_lines: dict[str, list[str]] = field(default_factory=dict)
    # Short lines near the headline starting with a byline lead word ("By ...", "Von ...").
    lead_lines: list[str] = field(default_factory=list)
    # The page's body, for the last-resort readings (made only when asked for).
    body: LexborNode | None = None
    # Whether page_dates has searched the body (the date choice may ask twice).
    body_dates_read: bool = False

    # The readings of the whole body below serve only the author choice, which stops at the
    # first source that names someone (most pages declare their authors), and the date choice
    # when the page declares no date of a kind: made when asked for, they cost nothing on the
    # other pages. Asked again, each gives the same answer.

    def page_bylines(self) -> list[str]:
        """The byline texts near the headline, else those anywhere on the page."""
        if self.body is not None and not self.bylines:
            for node in self.body.css(_BYLINE_CSS)[:60]:
                _add_byline(node, self)
        return self.bylines

    def page_lead_lines(self) -> list[str]:
        """The lead-word lines near the headline, else the first three anywhere on the page."""
        if self.body is not None and not self.lead_lines:
            for node in self.body.css("p, address, em, i, small")[:400]:
                line = _short_text(node, 80)
                if line and _may_lead(line) and _LEAD_LINE.match(line):
                    self.lead_lines.append(line)
                    if len(self.lead_lines) >= 3:
                        break
        return self.lead_lines

    def page_dates(self) -> list[tuple[str, bool, bool]]:
        """The dates near the headline (and in its bylines), else those anywhere on the page:
        <time> elements, else date-like elements, else short elements opening with a date."""
        body = self.body
        if body is None or self.dates or self.body_dates_read:
            return self.dates
        self.body_dates_read = True
        for node in body.css("time")[:20]:
            _add_time(node, self, near=False)
        if not self.dates:
            for node in body.css(_PAGE_DATE_CSS)[:100]:
                if node.tag != "time" and not _skipped(node):
                    shown = _short_text(node, 80)
                    if shown and _date_like(shown):
                        modified = _MODIFIED_HINT.found(_hint(node) + shown)
                        self.dates.append((shown, modified, False))
        if not self.dates:
            _leading_dates(body, self)
        return self.dates

    def bold_lines(self) -> list[str]:
        """A short paragraph set wholly in bold right before a long one: a byline printed at
        the top of the story ("<p><strong>Jane Roe</strong></p><p>LONG FIRST PARAGRAPH</p>")."""
        return _bold_lines(self.body) if self.body is not None else []


def read_visible(
    tree: LexborHTMLParser, h1s: Sequence[LexborNode], titles: Sequence[str] = ()
) -> Visible:
    """Visible headline, bylines and dates; ``h1s`` are the page's <h1> elements, ``titles``
    (declared titles) pick the right one."""
    vis = Visible()
    h1_nodes = []
    for node in h1s[:5]:
        raw = node.text(deep=True, separator=" ", strip=True) or ""
        text = " ".join(drop_invisible(raw).split())
        if "&" in text and _ENTITY.search(text):
            text = unescape(text)  # double-escaped markup ("&amp;#038;")
        if text:
            vis.h1.append(text)
            h1_nodes.append(node)
    anchor = _anchor(h1_nodes, vis.h1, titles)
    scope = _headline_scope(anchor) if anchor is not None else None
    if scope is not None:
        _scan(scope, vis, near=True)
    for text in vis.bylines[:6]:
        if search_date(text):
            vis.dates.append((text, _MODIFIED_HINT.found(text), scope is not None))
    vis.body = tree.body
    return vis


def _bold_lines(body: LexborNode) -> list[str]:
    for node in body.css("p")[:200]:
        text = _short_text(node, 80)
        if not text or len(text) < 5 or not _NAME_LINE.match(text) or looks_like_org(text):
            continue
        bold = node.css_first("strong, b")
        if bold is None or " ".join((bold.text(deep=True) or "").split()) != text:
            continue
        if _paragraphs_before(node) > 2:
            continue  # a subheading further down, not the story's opening
        nxt = node.next
        while nxt is not None and nxt.tag == "-text" and not (nxt.text_content or "").strip():
            nxt = nxt.next
        prose = nxt.text(deep=True, strip=True) if nxt is not None and nxt.tag == "p" else ""
        if prose and len(prose) >= 150 and not _shares_words(text, prose):
            return [text]
    return []


def _shares_words(line: str, prose: str) -> bool:
    """Whether a line's words recur in the paragraph after it: a subheading announces its
    topic, a byline's names are not repeated in the story's first paragraph."""
    words = set(re.findall(r"[^\W\d_]{4,}", line.casefold()))
    return any(w in words for w in re.findall(r"[^\W\d_]{4,}", prose.casefold()))


# Capitalised words of letters only, two to four a name, names split by "/", ",", "&".
_NAME_WORD: Final = r"[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*"
_NAME_LINE: Final = re.compile(
    rf"^(?:{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})(?:\s*[/,&]\s*{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,3}})*$"
)


def _paragraphs_before(node: LexborNode) -> int:
    count = 0
    prev = node.prev
    while prev is not None and count <= 3:
        if prev.tag == "p":
            count += 1
        prev = prev.prev
    return count


def _leading_dates(body: LexborNode, vis: Visible) -> None:
    """Short elements that open with a date ("01.02.2022 Der Arbeitsmarkt ...", a blog's date
    header): the last resort when nothing on the page is marked as a date."""
    for node in body.css("p, em, strong, b, small, span, h2, h3, h4, abbr, font, td, div")[:800]:
        if node.tag == "div" and _has_blocks(node):
            continue  # only leaf-like divs ("<div class=x>Apr 7, 2009</div>")
        text = node.text(deep=True, separator=" ", strip=True)
        if not text or not text[:1].isalnum() or len(text) > 2000:
            continue
        head = " ".join(text.split())[:40]
        # The anchored patterns first: they turn most texts down without the date search.
        if (_starts_with_date(head) or _LABELED_DATE.match(head)) and search_date(head):
            vis.dates.append((head, _MODIFIED_HINT.found(head), False))
            if len(vis.dates) >= 3:
                return


_BLOCK_TAGS: Final = frozenset(("div", "p", "table", "ul", "ol", "section"))


def _has_blocks(node: LexborNode) -> bool:
    """Whether an element holds block elements. Walked in Python, stopping at the first block:
    each css() call parses its selector again (microseconds), and a wrapper holds a block
    within its first few descendants. Tag names match as a type selector does (any namespace)."""
    walk = node.traverse()
    next(walk, None)  # the element itself
    return any(n.tag in _BLOCK_TAGS for n in walk)


# A date after a publication or update label: "Aktualisiert am 17.01.2021", "Last edited ...".
_LABELED_DATE: Final = re.compile(
    r"^(?:(?:last\s+)?(?:updated|edited|modified|published|posted|revised)|aktualisiert|"
    r"veröffentlicht|zuletzt\s+geändert|stand|erstellt|publié|mis à jour|publicado|"
    r"actualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt)\b[^\d]{0,24}\d",
    re.IGNORECASE,
)
_OPENING_DATE: Final = re.compile(r"^(?:[^\W\d_]{2,12}\.?,?\s+)?\d|^[^\W\d_]{3,12}\.?\s+\d{1,2}\b")


def _starts_with_date(text: str) -> bool:
    """A date at the very start, allowing one weekday word before it."""
    return bool(_OPENING_DATE.match(text))


def _anchor(nodes: list[LexborNode], texts: list[str], titles: Sequence[str]) -> LexborNode | None:
    """The <h1> that carries the headline: one sharing words with a declared title, else the
    first that reads like a headline, else the first."""
    if not nodes:
        return None
    for node, text in zip(nodes, texts, strict=True):
        if any(t and overlap(text, t) for t in titles):
            return node
    for node, text in zip(nodes, texts, strict=True):
        if len(text.split()) >= 4:
            return node
    return nodes[0]


def _date_like(text: str) -> bool:
    return _DIGIT.search(text) is not None and search_date(text) is not None


def _headline_scope(h1: LexborNode) -> LexborNode | None:
    """The smallest ancestor of the <h1> that holds a byline or date, up to five levels up."""
    node: LexborNode | None = h1
    best: LexborNode | None = None
    for _ in range(5):
        node = node.parent if node is not None else None
        if node is None or node.tag in ("body", "html"):
            break
        best = node
        # <time> first: its selector is parsed and matched far faster than the byline list,
        # and most levels that fail lack a <time>.
        if node.css_first("time") is not None and node.css_first(_BYLINE_CSS) is not None:
            break
    return best


# The three lists near the headline, matched in one query (see attrselect).
_NEAR_HEADLINE: Final = Query(
    SelectorList(_BYLINE_CSS), SelectorList(_DEK_CSS), SelectorList(_DATE_CSS)
)


def _scan(scope: LexborNode, vis: Visible, *, near: bool) -> None:
    bylines, deks, dates = _NEAR_HEADLINE.run(scope)
    for node in bylines[:40]:
        _add_byline(node, vis)
    for node in deks[:5]:
        text = _short_text(node, 400)
        if text and len(text) >= 20 and not _DIGIT.match(text):
            vis.deks.append(text)
    for node in dates[:40]:
        if node.tag == "time":
            _add_time(node, vis, near=near)
        else:
            text = _short_text(node, 160)
            if text and _DIGIT.search(text):
                vis.dates.append((text, _MODIFIED_HINT.found(_hint(node) + text), near))
    _scan_text(scope, vis, near=near)


def _scan_text(scope: LexborNode, vis: Visible, *, near: bool) -> None:
    """One walk over the scope's text nodes: "By ..." lines and date-like texts."""
    seen = {d[0] for d in vis.dates}
    for node in islice(scope.traverse(include_text=True), 2001):
        raw = node.text_content  # None for elements and comments: cheaper than node.tag
        if not raw or len(raw) > 400 or raw.isspace():
            continue
        # Both tests read the raw text: a lead word at its start, a digit anywhere; most text
        # nodes pass neither and are never normalised.
        if _may_lead(raw) and _LEAD_WORD_RAW.match(raw):
            _add_lead_line(node.parent, vis)
        if _DIGIT.search(raw) is None:
            continue
        text = " ".join(raw.split())
        if len(text) <= 80 and text not in seen and _date_like(text):
            seen.add(text)
            parent = node.parent
            context = _short_text(parent, 160) if parent is not None else None
            before = context.split(text, 1)[0][-40:] if context and text in context else ""
            vis.dates.append((text, _MODIFIED_HINT.found(before + text), near))


def _may_lead(text: str) -> bool:
    """Whether a text may start with a lead word: a text starting with another ASCII character
    needs no case-insensitive search (slow in re), and most texts do."""
    first = text.lstrip()[:1]
    return first in _LEAD_INITIALS or not first.isascii()


def _add_lead_line(node: LexborNode | None, vis: Visible) -> None:
    """The line holding a lead word: its element, or the parent when the lead word sits alone
    ("<span>Written by</span> <a>Jane Roe</a>")."""
    for _ in range(2):
        if node is None:
            return
        line = _short_text(node, 200)
        if line and _LEAD_LINE.match(line):
            if line not in vis.lead_lines:
                vis.lead_lines.append(line)
            return
        node = node.parent


def _hint(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''} {attrs.get('itemprop') or ''}"


def _skipped(node: LexborNode) -> bool:
    cur: LexborNode | None = node
    for _ in range(4):
        if cur is None:
            return False
        if _SKIP_CLASS.found(cur.attributes.get("class") or ""):
            return True
        cur = cur.parent
    return False


def _add_byline(node: LexborNode, vis: Visible) -> None:
    if node.tag in ("img", "meta", "link", "script", "style", "picture", "svg", "button"):
        return  # (a button is a control: "Follow", "Cancel" in a follow-the-author widget)
    if _skipped(node):
        return
    text = _short_text(node, 250)
    if text:
        vis.bylines.append(text)
        lines = [" ".join(t.split()) for t in node.text(deep=True, separator="\n").split("\n")]
        lines = [t for t in lines if t]
        if len(lines) > 1:
            vis.byline_lines[text] = lines


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
    modified = _MODIFIED_HINT.found(_hint(node) + " " + before)
    if "pubdate" in attrs or "publish" in _hint(node).lower():
        modified = False
    vis.dates.append((value, modified, near))


def _short_text(node: LexborNode, limit: int) -> str | None:
    text = node.text(deep=True, separator=" ", strip=True)
    if not text or len(text) > limit * 3:
        return None
    text = " ".join(text.split())
    return text if len(text) <= limit else None
