"""Is this input HTML or flattened page text?"""

from __future__ import annotations

import re

from pressclip.settings import InputTypeChoice

# Real markup: a doctype, or an opening tag of an element that only HTML documents carry.
_DOCTYPE = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?<!doctype\s+html", re.IGNORECASE)
_STRUCTURAL = re.compile(
    r"<(?:html|head|body|meta|div|p|article|section|span|a|br|script|title|table|img|h[1-6]|li|ul)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)


def detect_input_type(text: str) -> InputTypeChoice:
    """``"html"`` when the text is markup, ``"text"`` otherwise.

    HTML-escaped text (``&lt;p&gt;``) has no real tags and Markdown has none either, so both are
    text; a page is HTML when it starts with a doctype or real tags make up a fair share of it.
    """
    head = text[:4096]
    if _DOCTYPE.match(head):
        return "html"
    sample = text[:200_000]
    tags = _STRUCTURAL.findall(sample)
    if not tags:
        return "text"
    if re.match(r"\s*<", head) and len(tags) >= 2:
        return "html"
    # Tags scattered through prose (a code sample in a text dump) do not make it HTML.
    lines = max(1, sample.count("\n") + 1)
    return "html" if len(tags) >= 3 and len(tags) * 4 >= lines else "text"
