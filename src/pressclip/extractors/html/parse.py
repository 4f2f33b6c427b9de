"""HTML to a lexbor tree, after a linear pre-pass that takes the sting out of hostile markup.

The HTML5 tree builder is quadratic on some markup, and lexbor follows it faithfully:

- deep nesting: many start and end tags scan the stack of open elements, so 100,000 nested
  ``<div>`` take over a minute;
- formatting storms: every formatting element left open (``<b>``, ``<font>``, ...; identical
  ones are capped at three, distinct ones are not) is re-created in every later block, so
  5,000 ``<p><b id=N>x`` (70 KB) build 12.5 million nodes (14 s, gigabytes).

The pre-pass keeps both in bounds before lexbor sees the page: start tags deeper than
``Limits.max_depth`` are dropped with their end tags (browsers flatten deep trees the same
way); formatting start tags are dropped, with their end tags, when they are never closed,
when more than ``Limits.max_open_formatting`` would be open at once, or when the elements
re-created for them would pass a budget. Text is never dropped. Attribute values longer than
``Limits.max_attribute_chars`` are emptied. The element count is checked first, from a count
of ``<``. Ordinary pages pass a quick estimate (about as long as lexbor's own parse) and are
not rewritten.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator
from typing import Final

from selectolax.lexbor import LexborHTMLParser

from pressclip._errors import LimitExceededError
from pressclip.settings import Limits

logger = logging.getLogger(__name__)

# Elements that never grow the stack of open elements: void ones, ones closed implicitly by
# their next sibling (or that cannot nest), the document's own, and SVG leaves that pages
# usually write self-closed. Formatting elements are counted apart.
_VOID: Final = "area base br col embed hr img input keygen link meta param source track wbr"
_SIBLING: Final = (
    "p li dt dd option optgroup tr td th tbody thead tfoot colgroup caption rb rt rtc rp a"
    " button html head body frame frameset"
)
_SVG_LEAVES: Final = "path circle rect line polyline polygon ellipse use stop image"
_FORMATTING: Final = "b big code em font i nobr s small strike strong tt u"
# Frequent elements that grow the stack, known to the table only to save the lower-casing
# lookup that an unknown tag costs.
_COMMON: Final = (
    "div span section article ul ol table form svg g h1 h2 h3 h4 h5 h6 header footer nav main"
    " aside figure figcaption picture video label noscript template symbol defs time abbr cite"
    " sup blockquote"
)
_RAW: Final = ("script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes")

# Tag kinds (one name each: a compiled build reads a constant, not a module attribute).
_IGNORED: Final = 0
_START: Final = 1
_END: Final = -1
_FMT_START: Final = 2
_FMT_END: Final = -2
_RAW_START: Final = 3
# Elements the tree builder may re-create for open formatting elements, in all: real pages stay
# under 15,000 (most at 0); a storm reaches millions.
_RECREATE_BUDGET: Final = 100_000


def _kinds() -> dict[str, int]:
    kinds: dict[str, int] = {}
    for name in f"{_VOID} {_SIBLING} {_SVG_LEAVES} plaintext".split():
        kinds[name] = kinds["/" + name] = _IGNORED
    for name in _RAW:
        kinds[name], kinds["/" + name] = _RAW_START, _IGNORED
    for name in _FORMATTING.split():
        kinds[name], kinds["/" + name] = _FMT_START, _FMT_END
    for name in _COMMON.split():
        kinds[name], kinds["/" + name] = _START, _END
    return kinds


_KIND: Final = _kinds()
# Possessive: nothing after the name can make the regex give characters back, and not keeping
# the places to backtrack to makes the scan of ~2,000 tags a page about 5% faster.
_TAG: Final = re.compile(r"<(/?+[A-Za-z][A-Za-z0-9:-]*+)")


def parse_html(html: str, limits: Limits, *, utf8: bytes | None = None) -> LexborHTMLParser:
    """Parse a page with lexbor, within ``limits``.

    Raises :class:`pressclip.LimitExceededError` when the page has more elements than
    ``limits.max_elements``; deep nesting, formatting storms and giant attribute values are
    neutralised (see the module docstring), never refused.

    ``utf8`` is optional: the page's own bytes, when ``html`` is exactly their UTF-8 decoding.
    """
    prepared = prepare_html(html, limits)
    if utf8 is not None and prepared is html:
        # lexbor parses UTF-8: given a str, selectolax encodes it first, which gives back these
        # very bytes. Handing them over as they are saves that copy (about 0.1 ms a page).
        return LexborHTMLParser(utf8)
    return LexborHTMLParser(prepared)


def prepare_html(html: str, limits: Limits) -> str:
    """The pre-pass alone: check the element count, neutralise what would make parsing slow."""
    check_elements(html, limits.max_elements)
    html = strip_giant_attributes(html, limits.max_attribute_chars)
    depth, formatting, recreated = _peaks(_TAG.findall(html))
    if (
        depth <= limits.max_depth
        and formatting <= limits.max_open_formatting
        and recreated <= _RECREATE_BUDGET
    ):
        return html
    return _rewrite(html, limits.max_depth, limits.max_open_formatting)


def check_elements(html: str, limit: int) -> None:
    """Refuse a page with more than ``limit`` elements, estimated from its start tags."""
    if len(html) <= limit:
        return  # fewer characters than the limit, so fewer "<" too: no need to count them
    lts = html.count("<")
    if lts <= limit:
        return
    estimate = lts - html.count("</") - html.count("<!")
    if estimate > limit:
        raise LimitExceededError(
            "max_elements",
            f"page has about {estimate:,} elements, over the limit of {limit:,}",
        )


@functools.lru_cache(maxsize=8)
def _giant_value(limit: int) -> re.Pattern[str]:
    # A quoted value may not run over a "<", so a stray quote never swallows markup.
    return re.compile(
        rf"""=(\s*)(?:"[^"<]{{{limit},}}"|'[^'<]{{{limit},}}'|[^\s"'<>=`]{{{limit},}})"""
    )


_ATTRIBUTE_NAME: Final = re.compile(r"\s[^\s\"'<>/=]+\s*$")


def strip_giant_attributes(html: str, limit: int) -> str:
    """Empty attribute values longer than ``limit`` characters (data: URIs, serialised state)."""
    # A giant value holds no "<", so it lies in a gap that long between two "<": only those
    # gaps are searched (most pages have none), and only they are rewritten.
    pattern = _giant_value(limit)
    parts: list[str] = []
    pos = 0
    for start, end in _long_gaps(html, limit + 1):
        for match in pattern.finditer(html, start, end):
            if _ATTRIBUTE_NAME.search(html[max(0, match.start() - 200) : match.start()]):
                parts += (html[pos : match.start()], '=""')
                pos = match.end()
    if not parts:
        return html
    parts.append(html[pos:])
    return "".join(parts)


def _long_gaps(html: str, length: int) -> Iterator[tuple[int, int]]:
    """The stretches of at least ``length`` characters holding no "<", as (start, end), each
    from just after a "<" (or the start) to the next "<" (or the end). Each step jumps to the
    last "<" of the next ``length`` characters, so the page is scanned once, in C."""
    pos = 0
    while pos + length <= len(html):
        last = html.rfind("<", pos, pos + length)
        if last >= 0:
            pos = last + 1
            continue
        end = html.find("<", pos + length)
        if end < 0:
            end = len(html)
        yield pos, end
        pos = end + 1


def _markup_tags(html: str) -> list[tuple[int, int, str]]:
    """Tags outside script-like content: (start, end of the name, "name" or "/name")."""
    tags: list[tuple[int, int, str]] = []
    raw_end = ""
    for match in _TAG.finditer(html):
        token = match.group(1)
        if raw_end:
            if token[0] == "/" and token.lower() == raw_end:
                raw_end = ""
            continue
        if _kind(token) == _RAW_START:
            raw_end = "/" + token.lower()
            continue
        tags.append((match.start(), match.end(), token))
    return tags


def _kind(token: str) -> int:
    kind = _KIND.get(token)
    if kind is None:
        kind = _KIND.get(token.lower())
        if kind is None:
            kind = _END if token[0] == "/" else _START
    return kind


def _peaks(tokens: Iterable[str]) -> tuple[int, int, int]:
    """A quick upper estimate of the deepest nesting, of the most formatting elements open at
    once, and of how many elements the tree builder re-creates for them (every tag met while
    formatting elements are open may re-create each of them).

    One counter per kind, each end tag closing one element of its kind; pages that leave
    elements open inflate it, and those go on to the exact model in :func:`_rewrite`.
    """
    kinds = _KIND.get
    depth = formatting = max_depth = max_formatting = recreated = 0
    stream = iter(tokens)  # raw content is skipped by the inner loop below
    for token in stream:
        kind = kinds(token)
        if kind is None:
            kind = _kind(token)
        # Most tags change no count, so they are tested first; formatting elements are
        # seldom open, so the re-creation count is tested before it is added to.
        if kind == _IGNORED:
            if formatting:
                recreated += formatting
        elif kind == _START:
            depth += 1
            if depth > max_depth:
                max_depth = depth
            if formatting:
                recreated += formatting
        elif kind == _END:
            if depth:
                depth -= 1
            if formatting:
                recreated += formatting
        elif kind == _FMT_START:
            formatting += 1
            if formatting > max_formatting:
                max_formatting = formatting
        elif kind == _FMT_END:
            if formatting:
                formatting -= 1
        else:  # _RAW_START: skip to its end tag
            raw_end = "/" + token.lower()
            for inside in stream:
                if inside[0] == "/" and inside.lower() == raw_end:
                    break
    return max_depth, max_formatting, recreated


def _rewrite(html: str, max_depth: int, max_fmt: int) -> str:
    tokens = _markup_tags(html)
    drop = _deep_tags(tokens, max_depth) | _surplus_formatting(tokens, max_fmt)
    if not drop:
        return html
    logger.info("neutralised markup: %d tags dropped before parsing", len(drop))
    parts: list[str] = []
    pos = 0
    for index in sorted(drop):
        start, end, _ = tokens[index]
        parts.append(html[pos:start])
        pos = end + _tag_rest(html, end)
    parts.append(html[pos:])
    return "".join(parts)


_TAG_REST: Final = re.compile(r"""(?:"[^"]*"|'[^']*'|[^>"']+)*+>""")


def _tag_rest(html: str, pos: int) -> int:
    """Length of the rest of a tag (attributes and ``>``) after its name at ``pos``; a quoted
    attribute value may hold ``>``."""
    rest = _TAG_REST.match(html, pos)
    if rest is not None:
        return rest.end() - pos
    close = html.find(">", pos)  # an unclosed quote: end at the first ">"
    return (len(html) if close < 0 else close + 1) - pos


def _deep_tags(tokens: list[tuple[int, int, str]], max_depth: int) -> set[int]:
    """Start tags beyond ``max_depth`` in a model of the stack of open elements, with the end
    tags that close them."""
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}
    drop: set[int] = set()
    for index, (_, _, token) in enumerate(tokens):
        kind = _kind(token)
        if kind == _START:
            name = token.lower()
            if len(stack) >= max_depth:
                drop.add(index)
                dropped[name] = dropped.get(name, 0) + 1
            else:
                stack.append(name)
                open_count[name] = open_count.get(name, 0) + 1
        elif kind == _END:
            name = token[1:].lower()
            if dropped.get(name):
                dropped[name] -= 1
                drop.add(index)
            elif open_count.get(name):
                while True:  # an end tag closes what is still open inside its element
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
    return drop


def _surplus_formatting(tokens: list[tuple[int, int, str]], max_fmt: int) -> set[int]:
    """Formatting start tags to drop, with their end tags: the ones never closed, any beyond
    ``max_fmt`` open at once, and the ones open when the re-creation budget runs out."""
    kinds = [_kind(token) for _, _, token in tokens]
    names = [
        token.lstrip("/").lower() if abs(kind) == _FMT_START else ""
        for kind, (_, _, token) in zip(kinds, tokens, strict=True)
    ]
    drop = _never_closed(kinds, names)
    opened: dict[str, list[int]] = {}
    dropped: dict[str, int] = {}
    count = recreated = 0
    for index, kind in enumerate(kinds):
        if abs(kind) != _FMT_START:
            recreated += count
            if recreated > _RECREATE_BUDGET:
                for name, stack in opened.items():
                    drop.update(stack)
                    dropped[name] = dropped.get(name, 0) + len(stack)
                    stack.clear()
                count = recreated = 0
            continue
        if index in drop:
            continue
        name = names[index]
        stack = opened.setdefault(name, [])
        if kind == _FMT_START:
            if count >= max_fmt:
                drop.add(index)
                dropped[name] = dropped.get(name, 0) + 1
            else:
                stack.append(index)
                count += 1
        elif dropped.get(name):
            dropped[name] -= 1
            drop.add(index)
        elif stack:
            stack.pop()
            count -= 1
    return drop


def _never_closed(kinds: list[int], names: list[str]) -> set[int]:
    """Formatting start tags that no end tag of their name closes."""
    opened: dict[str, list[int]] = {}
    for index, kind in enumerate(kinds):
        if kind == _FMT_START:
            opened.setdefault(names[index], []).append(index)
        elif kind == _FMT_END:
            stack = opened.get(names[index])
            if stack:
                stack.pop()
    return {index for stack in opened.values() for index in stack}
