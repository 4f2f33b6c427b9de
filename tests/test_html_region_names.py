"""The class-name patterns grouped by first letter find what the plain alternations find."""

from __future__ import annotations

import itertools
import re

import pytest

from pressclip.extractors.html import blocks

# The patterns as they were written before grouping: a plain alternation of the names.
_PLAIN_REGION = re.compile(
    "(?<![a-z])(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in blocks._REGION_PATTERNS)
    + ")"
)
_PLAIN_GOOD = re.compile(blocks._GOOD_NAMES)
_PLAIN_MAY_NAME = re.compile(
    "(?<![a-z])(?:"
    + "|".join(pattern for _, pattern in blocks._REGION_PATTERNS)
    + ")|"
    + blocks._GOOD_NAMES.replace(r"\b", "")
)

# Names at and off word starts, inside other words, behind word boundaries (\bcta\b, \bdate\b),
# with look-aheads (ads?(?![a-z-]), promo(?![a-z])), several in one word.
_WORDS = [
    "", "a", "ad", "ads", "ad-", "ads-top", "adrail", "has-rail", "rail", "navbar", "nav",
    "canvas", "sidebar", "side-bar", "aside", "side", "cta", "inline-cta", "xcta", "cta-x",
    "date", "dateline", "update", "date-time", "time", "timestamp", "meta", "metadata",
    "tag", "tags", "tagline", "promo", "promos", "promotional", "promontory", "promo-bar",
    "content", "main-content", "contents", "article", "article-body", "articlebody",
    "story", "story-text", "history", "post-body", "blogpost-content", "share-tools",
    "social-media-embed", "embed-tweet", "twitter-tweet", "instagram-media", "respond",
    "responsive", "responses", "reply", "related-posts", "you-may-like", "most-read",
    "read-more", "visually-hidden", "label-visually-hidden", "wp-caption-text",
    "photo-credit", "sr-only", "skip-link", "footer-nav", "cookie-consent", "gdpr",
    "site-header", "author-bio", "byline", "keywords", "categories", "topics", "caption",
    "é-nav", "x_nav", "nav_x", "sign-up", "signup", "sign--up", "follow-us", "outbrain",
]  # fmt: skip


def _regions(pattern: re.Pattern[str], word: str, name_of: dict[str, str] | None) -> list:
    found = []
    match = pattern.search(word)
    while match is not None:
        group = str(match.lastgroup)
        found.append((match.start(), name_of[group] if name_of else group))
        match = pattern.search(word, match.start() + 1)
    return found


def test_grouped_patterns_find_what_the_alternations_find() -> None:
    for word in _WORDS + ["-".join(pair) for pair in itertools.combinations(_WORDS, 2)]:
        assert _regions(blocks._REGION_RE, word, blocks._REGION_OF_GROUP) == _regions(
            _PLAIN_REGION, word, None
        ), word
        assert (blocks._GOOD_RE.search(word) is None) == (_PLAIN_GOOD.search(word) is None), word
        assert (blocks._MAY_NAME.search(word) is None) == (_PLAIN_MAY_NAME.search(word) is None), (
            word
        )


def test_alternatives_split_only_the_top_level() -> None:
    assert blocks._alternatives(r"a|b(?:c|d)|[|]e|\|f") == ["a", "b(?:c|d)", "[|]e", r"\|f"]


def test_a_name_must_start_with_a_letter() -> None:
    with pytest.raises(ValueError):
        blocks._by_first_letter([("", "(?:x)")], [])
