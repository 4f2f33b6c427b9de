"""Is this input HTML or flattened page text?"""

from __future__ import annotations

import re
from typing import Final

from pressclip.settings import InputTypeChoice

# Real markup: a doctype or a root element near the start (after any stray output before it).
_DOCUMENT: Final = re.compile(r"<!doctype\s+html|^<html[\s>]", re.IGNORECASE | re.MULTILINE)
# An opening tag of an element that HTML documents carry and prose does not.
_STRUCTURAL: Final = re.compile(
    r"<(?:html|head|body|meta|link|div|p|article|section|header|footer|nav|main|aside|span|a|br"
    r"|script|style|title|table|tr|td|img|figure|h[1-6]|li|ul|ol|form|input|button|iframe)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_LEADING_TAG: Final = re.compile(r"\s*(?:<!--.*?-->\s*)*<[A-Za-z!]", re.DOTALL)


def detect_input_type(text: str) -> InputTypeChoice:
    """``"html"`` when the text is markup, ``"text"`` otherwise.

    HTML-escaped text (``&lt;p&gt;``) has no real tags and Markdown has none either, so both are
    text. A page is HTML when it has a doctype or root element near the start, when it starts
    with a tag and has real tags, or when a fair share of its lines carry real tags; tags quoted
    on a few lines of prose (a code sample in a text dump) do not make it HTML.
    """
    head = text[:8192]
    if _DOCUMENT.search(head):
        return "html"
    sample = text[:200_000]
    tags = len(_STRUCTURAL.findall(sample))
    if tags == 0:
        return "text"
    if tags >= 2 and _LEADING_TAG.match(head):
        return "html"
    if tags < 3:
        return "text"
    # Markup runs through a document; a code sample quoted in a text dump sits on a few lines.
    lines = [line for line in sample.splitlines() if line.strip()]
    tagged = sum(1 for line in lines if _STRUCTURAL.search(line))
    return "html" if tagged * 4 >= len(lines) else "text"
