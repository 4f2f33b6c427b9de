"""Headline choice: structured titles checked against the visible <h1>.

Titles carry the site name (" | Site", "Site - "), og:title is sometimes the section's, JSON-LD
headlines are truncated at 110 characters. The visible <h1> is the reader's truth when it agrees
with (equals, or is contained in) one of the declared titles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

_SEPARATORS: Final = re.compile(r"\s+(?:\||-|–|—|::|·|•|«|»|/|:)\s+|\s*[|｜]\s*")
_KEY: Final = re.compile(r"[\W_]+")


def key(text: str | None) -> str:
    return _KEY.sub("", (text or "").casefold())


def strip_site(title: str, sites: Sequence[str]) -> str:
    """The title without a leading or trailing site name part."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    if len(parts) < 2:
        return title
    site_keys = {key(s) for s in sites if key(s)}

    def is_site(part: str) -> bool:
        k = key(part)
        if not k:
            return True
        return any(
            k == s or (len(k) >= 3 and (k in s or s in k) and len(part.split()) <= 5)
            for s in site_keys
        )

    while len(parts) > 1 and is_site(parts[-1]):
        parts.pop()
    while len(parts) > 1 and is_site(parts[0]):
        parts.pop(0)
    if len(parts) == len(_SEPARATORS.split(title)):
        return _strip_short_tail(title)
    return _rejoin(title, parts)


_TAIL_PART: Final = re.compile(r"\s+(?:\||-|–|—|::|·|•|«)\s+([^|\-–—]{2,40})$")


def _rejoin(title: str, parts: list[str]) -> str:
    start = title.find(parts[0])
    end = title.rfind(parts[-1]) + len(parts[-1])
    if start < 0 or end < start:
        return " ".join(parts)
    return title[start:end].strip()


def _strip_short_tail(title: str) -> str:
    """Without a known site name: drop trailing parts of a few words after " | " or " - "
    ("Title | Forum | Site")."""
    for _ in range(3):
        m = _TAIL_PART.search(title)
        if m is None:
            break
        head = title[: m.start()].strip()
        if len(m.group(1).split()) > 4 or len(head.split()) < 3:
            break
        title = head
    return title


_WORD: Final = re.compile(r"[^\W\d_]{3,}|[\u3040-\u9fff\uac00-\ud7af]")


def overlap(a: str, b: str) -> bool:
    """Whether two titles share enough words (or CJK characters) to be about the same thing."""
    wa = set(_WORD.findall(a.casefold()))
    wb = set(_WORD.findall(b.casefold()))
    if not wa or not wb:
        return False
    return len(wa & wb) >= max(1, 0.3 * min(len(wa), len(wb)))


def _headline_like(text: str, sites: Sequence[str]) -> bool:
    """An <h1> that reads like a headline: several words (or CJK characters), not the site."""
    k = key(text)
    if any(k == key(s) for s in sites) or len(text) > 300:
        return False
    words = text.split()
    cjk = sum(1 for c in text if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af")
    return len(words) >= 4 or cjk >= 8


def choose_headline(
    h1s: list[str], declared: list[tuple[str, str]], sites: Sequence[str] = ()
) -> tuple[str, str] | None:
    """(headline, source) from visible <h1> texts and declared (title, source) candidates.

    Declared candidates come cleaned of site names, best source first.
    """
    declared = [(t, s) for t, s in declared if t and key(t)]
    keys = [(key(t), t, s) for t, s in declared]
    for h in h1s:
        hk = key(h)
        if len(hk) < 4:
            continue
        for k, t, s in keys:
            if hk == k:
                # Same words: the declared text keeps the authored spacing and punctuation
                # that the <h1>'s nested elements lose ("Kicker : Title").
                return (t, s) if _same_spacing(t, h) else (h, "visible")
    for h in h1s:
        hk = key(h)
        if len(hk) < 8:
            continue
        for k, t, _s in keys:
            if hk in k and (len(hk) >= 0.5 * len(k) or _is_part(hk, t)):
                return h, "visible"
    for h in h1s:
        hk = key(h)
        for k, t, s in keys:
            if len(k) >= 8 and k in hk and len(k) >= 0.6 * len(hk) and not _truncated(t):
                if hk.startswith(k) and not hk.endswith(k) and not _site_tail(h, t, sites):
                    return h, "visible"  # the declared title was cut short ("... de")
                return t, s
    for h in h1s:
        if _headline_like(h, sites) and (not declared or any(overlap(h, t) for t, _ in declared)):
            return h, "visible"
    for t, s in declared:
        if not _truncated(t):
            return t, s
    if h1s:
        return h1s[0], "visible"
    if declared:
        return declared[0]
    return None


_SPACING: Final = re.compile(r"[\s:|]+")


def _site_tail(h1: str, declared: str, sites: Sequence[str]) -> bool:
    """Whether what the <h1> adds after the declared title is a site name or counter
    ("Title | Site", "Title (example.com) 87") rather than the rest of the headline."""
    cut = len(declared.rstrip(" .…"))
    rest = h1[cut:].strip() if h1.casefold().startswith(declared[:cut].casefold()) else ""
    if not rest or rest[0] in "(|[":
        return True
    rest_key = key(rest)
    return any(key(s) and (key(s) in rest_key or rest_key in key(s)) for s in sites)


def _is_part(h1_key: str, title: str) -> bool:
    """Whether the <h1> is the first or last separated part of a title ("H1 | Site name")."""
    parts = [p for p in _SEPARATORS.split(title) if p.strip()]
    return len(parts) > 1 and h1_key in (key(parts[0]), key(parts[-1]))


def _same_spacing(declared: str, h1: str) -> bool:
    """Whether a declared title differs from the <h1> text only in spacing and kicker colons.

    The <h1> text is rebuilt from nested elements, which loses or adds spaces around a kicker
    ("Kicker : Title", "Kicker Title"); the declared text has the authored form. Any other
    difference (quotes, dashes) keeps the visible text.
    """
    return _SPACING.sub("", declared) == _SPACING.sub("", h1)


def _truncated(title: str) -> bool:
    return title.endswith(("...", "…")) and len(title) >= 60
