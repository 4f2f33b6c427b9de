"""Lists of attribute selectors (``[class*="byline" i], [rel~="author" i], time``) matched in
Python, giving what lexbor's ``css()`` gives for them.

lexbor tests each selector of a list on each element: a case-blind substring test costs about
30 ns an element, so the three lists read near a headline (25 selectors) cost more than the
rest of the metadata queries together. Here one query finds the elements that have any of the
attributes tested, and what each value passes is worked out once per distinct value (pages
repeat their class names). The answer is lexbor's, element for element: in page order, the
element queried included, and each element listed once for every selector of the list that it
matches.
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborNode

from pressclip.memo import Memo

__all__ = ["Query", "SelectorList", "ascii_lower", "has_word"]

# CSS's white space, which splits the words a "~=" selector looks through.
_CSS_SPACE: Final = re.compile(r"[ \t\n\r\f]+")
# The selectors this module reads: a type selector, or a case-blind substring or word test.
_SELECTOR: Final = re.compile(r'^(?:([a-z][a-z0-9-]*)|\[([a-z][a-z0-9-]*)([*~])="([^"]+)" i\])$')
_CACHE_MAX: Final = 16384


def ascii_lower(value: str | None) -> str:
    """A value as an "i" attribute selector compares it: ASCII letters folded, others kept."""
    if not value:
        return ""
    return (
        value.lower()
        if value.isascii()
        else "".join(c.lower() if c.isascii() else c for c in value)
    )


def has_word(value: str, word: str) -> bool:
    """``[attr~="word" i]``: ``word`` (lower-case ASCII) is one of the value's words."""
    return _has_folded_word(ascii_lower(value), word)


def _has_folded_word(folded: str, word: str) -> bool:
    return word in folded and word in _CSS_SPACE.split(folded)


class SelectorList:
    """A selector list in the grammar above, e.g. ``'time, [class*="date" i]'``."""

    def __init__(self, css: str) -> None:
        self.tags: list[str] = []  # type selectors
        self.tests: dict[str, list[tuple[str, bool]]] = {}  # by attribute: (word, "~=")
        for selector in css.split(","):
            match = _SELECTOR.match(selector.strip())
            if match is None:
                raise ValueError(f"selector not read here: {selector.strip()!r}")
            tag, attribute, operator, word = match.groups()
            if tag:
                self.tags.append(tag)
            else:
                self.tests.setdefault(attribute, []).append((word.lower(), operator == "~"))


def _passed(tests: list[tuple[str, bool]], value: str) -> int:
    """How many of one attribute's tests its value passes."""
    folded = ascii_lower(value)
    return sum(
        1 for word, whole in tests if (_has_folded_word(folded, word) if whole else word in folded)
    )


# Counts per list are packed in one int, a byte each (a list tests far fewer than 256 times):
# an int is an answer the cyclic GC never walks (see pressclip.memo).
_BITS: Final = 8
_BYTE: Final = 255


class _AttributeCounts:
    """For one attribute: how many selectors of each list a value passes, packed (cached)."""

    def __init__(self, tests: list[list[tuple[str, bool]]]) -> None:
        self.tests = tests  # per list (empty where a list does not test the attribute)
        self.counts = Memo(self._pack, _CACHE_MAX)

    def _pack(self, value: str) -> int:
        return sum(_passed(t, value) << (_BITS * i) for i, t in enumerate(self.tests) if t)


class Query:
    """Selector lists matched together: what lexbor's ``scope.css()`` gives for each, from one
    query for the elements that may match any of them."""

    def __init__(self, *lists: SelectorList) -> None:
        self.size = len(lists)
        names = dict.fromkeys(name for sl in lists for name in sl.tests)
        self.by_attribute = {
            name: _AttributeCounts([sl.tests.get(name, []) for sl in lists]) for name in names
        }
        self.by_tag: dict[str, int] = {}
        for i, sl in enumerate(lists):
            for tag in sl.tags:
                self.by_tag[tag] = self.by_tag.get(tag, 0) + (1 << (_BITS * i))
        self.prefilter = ", ".join([f"[{name}]" for name in names] + list(self.by_tag))

    def run(self, scope: LexborNode) -> list[list[LexborNode]]:
        found: list[list[LexborNode]] = [[] for _ in range(self.size)]
        by_attribute, by_tag = self.by_attribute, self.by_tag
        last = 0
        for node in scope.css(self.prefilter):
            if node.mem_id == last:
                continue  # (listed again for another selector of the prefilter)
            last = node.mem_id
            tag = node.tag
            packed = by_tag.get(tag, 0) if tag else 0
            for name, value in node.attributes.items():
                if value:
                    counts = by_attribute.get(name)
                    if counts is not None:
                        packed += counts.counts(value)
            i = 0
            while packed:
                times = packed & _BYTE
                if times:
                    found[i].extend([node] * times)
                packed >>= _BITS
                i += 1
        return found
