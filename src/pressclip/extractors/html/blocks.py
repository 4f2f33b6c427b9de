"""Flatten a parsed page into text blocks, the way a browser lays out block boxes.

One iterative walk over the body (no recursion, so a page nested thousands of elements deep is
fine). Each block keeps its text, how much of it is link text, the element that holds it, the
chain of its ancestors (for choosing the article container) and the nearest ancestor whose
class/id/role says what kind of page region it sits in.
"""

from __future__ import annotations

import re
from itertools import groupby
from operator import itemgetter
from typing import Final

from selectolax.lexbor import LexborNode

from pressclip.memo import AnswerCache

# Elements whose content is never text a reader sees.
SKIP_TAGS: Final = frozenset(
    {
        "script", "style", "template", "svg", "math", "canvas", "iframe", "object",
        "embed", "button", "select", "option", "input", "textarea", "head", "title", "meta",
        "link", "video", "audio", "source", "track", "map", "dialog", "-comment",
        # ruby annotations: the reading printed over a word ("<ruby>子<rt>こ</rt></ruby>"),
        # a pronunciation aid, not words of the text
        "rt", "rp",
    }
)  # fmt: skip
# Elements that start a new block.
BLOCK_TAGS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "dd", "details", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "thead", "tfoot", "tr", "td", "th", "ul", "br", "summary", "caption",
        "center", "body", "html", "picture", "amp-img", "menu",
    }
)  # fmt: skip
HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Class/id/role words naming a page region that is not article text.
_REGION_PATTERNS: tuple[tuple[str, str], ...] = (
    # Shown only on hover or to screen readers: never part of the text as read.
    ("skip", r"tooltip|popover|popup|rollover|hover-*card|sr-only|screen-*reader|visually-*hidden"),
    (
        "comments",
        r"comment|disqus|respond(?![a-z])|responses(?![a-z])|reply|replies|discussion"
        r"|kommentar",
    ),
    ("share", r"share|sharing|social|sociable|addthis|shariff|follow-*us"),
    (
        "related",
        r"related|recommend|more-*(?:stories|articles|news|from)|read-*(?:more|next|also)"
        r"|also-*read|most-*(?:read|popular|viewed)|trending|popular|outbrain|taboola|teaser|"
        r"you-*may|next-*(?:story|article)|more-*on|rail|recirc|further-*reading",
    ),
    (
        "sponsored",
        r"sponsor|promoted|promo(?:s|tions?|tional)?(?![a-z])|advert|ads?(?![a-z-])|ad-*(?:slot|unit|banner)|"
        r"dfp|gpt-*ad|banner|paid-*(?:content|post)|native-*ad",
    ),
    (
        "newsletter",
        r"newsletter|subscribe|signup|sign-*up|optin|paywall|registration|"
        r"inline-*cta|\bcta\b",
    ),
    # Customers' praise of the site's own product: marketing beside the page's text.
    ("testimonial", r"testimonial"),
    ("nav", r"nav|menu|breadcrumb|masthead|site-*header|pagination|pager|skip-*link|toolbar"),
    ("footer", r"footer|colophon|copyright"),
    ("cookie", r"cookie|consent|gdpr|privacy-*banner"),
    ("sidebar", r"sidebar|side-*bar|aside"),
    (
        "meta",
        r"byline|author|dateline|timestamp|publish|\bdate\b|\btime\b|\bmeta\b|\btags?\b|"
        r"keywords|categor|topics",
    ),
    ("caption", r"caption|credit|figcaption|wp-caption-text|photo-*credit"),
)


def _alternatives(pattern: str) -> list[str]:
    """The alternatives of a pattern's top level ("a|b(?:c|d)" is "a", "b(?:c|d)")."""
    found: list[str] = []
    depth = start = 0
    escaped = in_set = False
    for at, char in enumerate(pattern):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_set:
            in_set = char != "]"
        elif char == "[":
            in_set = True
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            found.append(pattern[start:at])
            start = at + 1
    found.append(pattern[start:])
    return found


# Names (alternatives of a pattern), each with the group to report it in ("": none).
_Names = list[tuple[str, str]]


def _by_first_letter(at_word_start: _Names, anywhere: _Names) -> str:
    """A pattern finding the names ``at_word_start`` where a word starts and the names
    ``anywhere`` anywhere, as an alternation by first letter ("a(?:dvert|...)|b(?:...)").

    A search finds what a search of the plain alternation of the names finds: the same first
    place where one is found, and there the same first name (a letter's names keep their order,
    those at a word start first). It is faster: a name is only tried where its letter stands (a
    hundred names tried one by one at each letter of the text took twice as long). The names of
    a group sit in a group named after it and the letter ("share_s"; see _REGION_OF_GROUP).
    """
    starting, inside = _after_first_letter(at_word_start), _after_first_letter(anywhere)
    letters = []
    for letter in sorted(starting.keys() | inside.keys()):
        alternatives = []
        if letter in starting:
            # (the look-behind, after the letter, asks whether a letter comes before it)
            alternatives.append(f"(?<![a-z]{letter})(?:{_alternation(starting[letter], letter)})")
        if letter in inside:
            alternatives.append(_alternation(inside[letter], letter))
        letters.append(f"{letter}(?:{'|'.join(alternatives)})")
    return "|".join(letters)


def _after_first_letter(names: _Names) -> dict[str, _Names]:
    """Each name by its first letter, as its group and what follows the letter: a word boundary
    before the letter becomes a look-behind after it (the same test: "\\bcta" is "c" then
    "(?<!\\wc)ta")."""
    found: dict[str, _Names] = {}
    for group, name in names:
        rest = name.removeprefix(r"\b")
        letter = rest[:1]
        if not ("a" <= letter <= "z"):
            raise ValueError(f"a name must start with a letter: {name!r}")
        boundary = rf"(?<!\w{letter})" if len(rest) < len(name) else ""
        found.setdefault(letter, []).append((group, boundary + rest[1:]))
    return found


def _alternation(names: _Names, letter: str) -> str:
    """One alternation of the names, those of a group (in a row) in one group."""
    found = []
    for group, of_group in groupby(names, key=itemgetter(0)):
        either = "|".join(name for _, name in of_group)
        found.append(f"(?P<{group}_{letter}>{either})" if group else either)
    return "|".join(found)


# Each name must start where a word of the class/id starts ("adrail" is not a "rail"): the
# look-behind keeps matches to word starts of the lower-cased text.
_REGION_NAMES: Final = [
    (region, name) for region, pattern in _REGION_PATTERNS for name in _alternatives(pattern)
]
_REGION_RE: Final = re.compile(_by_first_letter(_REGION_NAMES, []))
_REGION_OF_GROUP: Final = {group: group.rpartition("_")[0] for group in _REGION_RE.groupindex}
# Regions named plainly enough to hold even inside a name that says "article" or "content"
# ("ArticlePage-authorInfo", "article-footer").
_OVERRULE_GOOD: Final = frozenset({"meta", "footer"})
_GOOD_NAMES: Final = (
    r"article-*(?:body|content|text)|story-*(?:body|content|text)|entry-*content|post-*(?:body|"
    r"content|text)|body-*(?:text|copy)|articlebody|main-*content|\bcontent\b|"
    r"\barticle\b|\bstory\b|rich-*text|paywall-*content|text-*content|"
    r"social-*media-*embed|embed-*(?:twitter|tweet|instagram|social)|twitter-tweet|instagram-media"
)
_GOOD_RE: Final = re.compile(
    _by_first_letter([], [("", name) for name in _alternatives(_GOOD_NAMES)])
)
# Names that say "this element is the article text": they overrule a region named above them.
_STRONG_GOOD_RE: Final = re.compile(
    r"(?<![a-z])(?:article-*body|story-*body|entry-*content|post-*content|post-*body|"
    r"articlebody|article-*text|story-*text)(?![a-z])",
)
# A word that only says the page *has* something ("has-rail-right", "with-sidebar"), or files
# the entry under a facet, a CMS's, not a region of the page ("category-news", "status-publish",
# "tag-meta"): one pattern, one test of each word.
_MODIFIER_OR_TAXONOMY: Final = re.compile(
    r"(?i:has|with|without|no|show|hide|enable|disable|is|js|layout|template)[-_]"
    r"|(?:category|tag|status|format|type)-[a-z0-9]"
)
ARTICLE: Final = "article"
_ROLE_KIND: Final = {
    "navigation": "nav",
    "banner": "nav",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "menu": "nav",
    "menubar": "nav",
}
# (a <form> is a sign-up, search or comment box; a page wrapped whole in one, as some
# frameworks do, gets the name taken back because it holds the article's text)
_TAG_KIND: Final = {
    "nav": "nav", "footer": "footer", "aside": "sidebar", "figcaption": "caption", "form": "form"
}  # fmt: skip
# Regions an inline element (a span, a link) can name; the others need a block container.
_INLINE_REGIONS: Final = frozenset({"meta", "caption", "skip", "share"})
# White space, and the characters that print nothing that str.split() does not count as such.
_BLANK: Final = " \t\n\r\u200b\u200c\u200d\u2060\ufeff\u00ad"
_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")
_HIDDEN_STYLE: Final = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class TextBlock:
    """A run of text laid out as one block.

    A plain class, not a dataclass: the mypyc build compiles this ``__init__``, where a
    dataclass's generated one runs as Python (a page makes ~200 blocks). Equality is identity.
    """

    __slots__ = (
        "good",
        "has_time",
        "in_figure",
        "in_list",
        "in_pre",
        "in_quote",
        "in_table",
        "index",
        "link_chars",
        "list_id",
        "list_ordered",
        "node",
        "path",
        "prose",
        "region",
        "region_depth",
        "size",
        "starts_with_link",
        "tag",
        "text",
    )

    def __init__(
        self,
        text: str,
        tag: str,
        node: LexborNode,
        link_chars: int,
        path: tuple[int, ...],
        region: str | None,
        good: bool,
        region_depth: int = 0,
        starts_with_link: bool = False,
        in_list: bool = False,
        list_ordered: bool = False,
        list_id: int = 0,
        in_quote: bool = False,
        in_figure: bool = False,
        in_table: bool = False,
        in_pre: bool = False,
        index: int = 0,
        size: float = -1.0,
        prose: bool = False,
        has_time: bool = False,
    ) -> None:
        self.text = text
        self.tag = tag
        self.node = node
        self.link_chars = link_chars
        self.path = path
        self.region = region
        self.good = good
        self.region_depth = region_depth
        self.starts_with_link = starts_with_link
        self.in_list = in_list
        self.list_ordered = list_ordered
        self.list_id = list_id
        self.in_quote = in_quote
        self.in_figure = in_figure
        self.in_table = in_table
        self.in_pre = in_pre
        self.index = index
        # Size in Latin-character equivalents, and prose-ness: unknown (-1.0) until
        # prose.block_size or prose.is_prose first asks, or prose.settle fills them for a
        # whole page (select_body's first step, after which the body rules read the two fields
        # directly).
        self.size = size
        self.prose = prose
        self.has_time = has_time  # holds a <time> element: a dateline or timestamp when short

    def __repr__(self) -> str:
        return f"TextBlock({self.index}, {self.tag!r}, {self.text[:60]!r}, region={self.region!r})"

    @property
    def chars(self) -> int:
        return len(self.text)

    @property
    def link_density(self) -> float:
        return self.link_chars / len(self.text) if self.text else 0.0

    def is_under(self, node_id: int, depth: int) -> bool:
        """Whether the block sits in the element ``node_id`` found at ``depth`` of its path."""
        return len(self.path) > depth and self.path[depth] == node_id


def region_of(
    node: LexborNode, tag: str | None = None, attrs: dict[str, str | None] | None = None
) -> tuple[str | None, bool]:
    """The page region an element's own attributes name, and whether they name article text."""
    tag = tag or node.tag
    if tag in _TAG_KIND:
        return _TAG_KIND[tag], False
    if attrs is None:
        attrs = node.attributes
    if not attrs:
        return None, False
    cls = attrs.get("class")
    ident = attrs.get("id")
    # Most elements have only a class and an id, or besides them attributes that name nothing
    # (an href, a data-*): one set test spares reading each of the others.
    if len(attrs) > (cls is not None) + (ident is not None) and not attrs.keys().isdisjoint(
        _SPECIAL_ATTRIBUTES
    ):
        special = _special_attributes(attrs)
        if special is not None:
            return special
    # A heading's id is usually its own text made into an anchor ("travel-related-coverage").
    if tag in HEADINGS:
        ident = None
    cls = cls or ""
    sig = f"{cls} {ident}" if ident else cls
    if not sig:
        return None, False
    return _SIGS.get(sig) or _SIGS.keep(sig, _region_of_raw(sig))


# The attributes besides class and id that may name a region (see _special_attributes).
_SPECIAL_ATTRIBUTES: Final = frozenset({"role", "itemprop", "hidden", "aria-hidden", "style"})


def _special_attributes(attrs: dict[str, str | None]) -> tuple[str | None, bool] | None:
    role = attrs.get("role")
    if role and role in _ROLE_KIND:
        return _ROLE_KIND[role], False
    if attrs.get("itemprop") == "articleBody":
        return ARTICLE, True
    if "hidden" in attrs:
        # Not a region: streaming renderers park the whole article in a hidden element.
        return None, False
    if attrs.get("aria-hidden") == "true":
        return "skip", False
    style = attrs.get("style")
    if style and _HIDDEN_STYLE.search(style) and role not in _PANEL_ROLES:
        return "skip", False
    return None


# A panel of an accordion or of tabs: hidden until opened, its text is the page's all the same.
_PANEL_ROLES: Final = frozenset({"region", "tabpanel"})


# What a class/id string names (a page repeats its class strings), emptied when full, as
# those below: an LRU cache costs more on each of the ~400 look-ups a page makes.
_CACHE_MAX: Final = 65536
_SIGS: Final[AnswerCache[tuple[str | None, bool]]] = AnswerCache(_CACHE_MAX)


def _region_of_raw(sig: str) -> tuple[str | None, bool]:
    """Region named by a class/id string: the first region a word names, unless a word says
    "article text".

    No name spans two class names, so each is read once: class names repeat across sites
    even when whole class strings do not. Most of them name nothing at all.
    """
    good = False
    regions: list[str] = []
    for token in sig.split():
        found = _TOKENS.get(token) or _TOKENS.keep(token, _read_token(token))
        if found is _NOTHING:
            continue
        strong, token_good, token_regions = found
        if strong:
            return ARTICLE, True
        good = good or token_good
        regions.extend(token_regions)
    for name in regions:
        if not good or name in _OVERRULE_GOOD:
            return name, False
    return None, good


# What a class name, and a word of one, names: article text (strongly), content, page regions
# in order.
_Named = tuple[bool, bool, tuple[str, ...]]
_NOTHING: Final[_Named] = (False, False, ())
_TOKENS: Final[AnswerCache[_Named]] = AnswerCache(_CACHE_MAX)
_WORDS: Final[AnswerCache[_Named]] = AnswerCache(_CACHE_MAX)


def _read_token(token: str) -> _Named:
    """What one class name (or id) names, from the words it is written in."""
    words = _normalise(token)
    if words is token:
        return _read_written(words)
    # Most class names a page adds are known ones with a number ("post-18423"): their written
    # form reads the same (normalising it again changes nothing), and may be known already.
    return _TOKENS.get(words) or _TOKENS.keep(words, _read_written(words))


def _read_written(words: str) -> _Named:
    """What a class name in its written form (see :func:`_normalise`) names."""
    if _MAY_NAME.search(words) is None:
        return _NOTHING
    if " " not in words:  # one word, the usual case: it names what the word names
        return _read_word(words)
    return _read_words(words.split())


def _read_words(words: list[str]) -> _Named:
    """What the words of a class name name together."""
    strong = good = False
    regions: list[str] = []
    for word in words:
        word_strong, word_good, word_regions = _read_word(word)
        strong = strong or word_strong
        good = good or word_good
        regions.extend(word_regions)
    return (strong, good, tuple(regions)) if strong or good or regions else _NOTHING


def _read_word(word: str) -> _Named:
    """What one word of a class name names (cached)."""
    return _WORDS.get(word) or _WORDS.keep(word, _word_regions(word))


# Whether a class name may name anything, in one search of its words (most name nothing, and
# reading each word takes five): every word _word_regions finds a name in matches it too, as
# no name spans a space and dropping the word boundaries of the article-text names (which
# also hold the strong ones) only widens it.
_MAY_NAME: Final = re.compile(
    _by_first_letter(
        [("", name) for _, name in _REGION_NAMES],
        [("", name) for name in _alternatives(_GOOD_NAMES.replace(r"\b", ""))],
    )
)
_NOT_PLAIN: Final = re.compile(r"[^a-z -]")
_DIGIT: Final = re.compile(r"\d")
# A generated hex id between separators ("a04d555", "b5343ad4"): its letters spell nothing
# ("ad"), so the whole run goes, not only its digits; then the other numbers.
_NUMBERS: Final = re.compile(
    r"(?<![0-9A-Za-z])(?=[0-9a-fA-F]*[0-9])(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{5,}"
    r"(?![0-9A-Za-z])|\d+"
)


def _normalise(sig: str) -> str:
    """A class/id string in the words the region names are written in: numbers dropped
    ("row-number-7", "post-18423"), camel case and underscores split ("entry__content",
    "ArticlePage_mainContent" are "entry-content", "article page main-content"), lower case."""
    if _NOT_PLAIN.search(sig) is None:
        return sig  # already plain: the usual case
    if _DIGIT.search(sig) is not None:
        sig = _NUMBERS.sub("", sig)
    if not sig.islower():  # (an upper-case letter, or no letter at all)
        sig = _CAMEL.sub(" ", sig)
    return sig.lower().replace("_", "-")


def _word_regions(word: str) -> _Named:
    """What one word of a class name names."""
    if _MODIFIER_OR_TAXONOMY.match(word):
        return _NOTHING
    good = _GOOD_RE.search(word) is not None
    # (each strong name is a good one too: a word without a good name has no strong one)
    strong = good and _STRONG_GOOD_RE.search(word) is not None
    regions: list[str] = []
    match = _REGION_RE.search(word)
    while match is not None:
        # "field--label-visually-hidden" hides a label, not the field
        region = _REGION_OF_GROUP[str(match.lastgroup)]
        if not (region == "skip" and match.start() > 0):
            regions.append(region)
        match = _REGION_RE.search(word, match.start() + 1)
    return (strong, good, tuple(regions)) if strong or good or regions else _NOTHING


# The block being read: its element, tag and path (the chain of block elements down to it).
_Block = tuple[LexborNode, str, tuple[int, ...]]


class _Inherited:
    """What the text inside an element inherits from the elements around it.

    Shared by all the elements under the one that last changed it: most elements (a div, a
    paragraph, a span) change none of it, so the walk makes one only for the few that do.
    (A plain class for its compiled ``__init__``, as TextBlock; equality is identity.)
    """

    __slots__ = (
        "good",
        "in_figure",
        "in_link",
        "in_list",
        "in_pre",
        "in_quote",
        "in_table",
        "list_id",
        "list_ordered",
        "region",
        "region_depth",
    )

    def __init__(
        self,
        region: str | None,
        region_depth: int,
        good: bool,
        in_link: bool,
        list_id: int,
        list_ordered: bool,
        in_list: bool,
        in_quote: bool,
        in_figure: bool,
        in_table: bool,
        in_pre: bool,
    ) -> None:
        self.region = region
        self.region_depth = region_depth
        self.good = good
        self.in_link = in_link
        self.list_id = list_id
        self.list_ordered = list_ordered
        self.in_list = in_list
        self.in_quote = in_quote
        self.in_figure = in_figure
        self.in_table = in_table
        self.in_pre = in_pre


_LISTS: Final = frozenset({"ul", "ol", "menu"})
# Elements that change what the text inside them inherits, whatever their attributes.
_STATE_TAGS: Final = frozenset(
    {"a", "ul", "ol", "menu", "li", "dd", "dt", "blockquote", "figure", "figcaption", "table",
     "pre"}
)  # fmt: skip


class _Flattener:
    def __init__(self) -> None:
        self.blocks: list[TextBlock] = []
        self.parts: list[str] = []
        self.link_chars = 0
        self.starts_with_link = False  # (set by the first words of the block being read)
        self.has_time = False
        self.list_counter = 0
        # child_state's answers for this page (it is asked again for each link of a list...)
        self.states: dict[tuple[_Inherited, str, str | None, bool, int], _Inherited] = {}

    def flush(self, block: _Block, state: _Inherited) -> None:
        """Close the block being read (callers check ``self.parts`` first: most calls have none)."""
        parts = self.parts
        text = "".join(parts)
        if state.in_pre:
            text = text.strip()
        elif not _evenly_spaced(text):
            text = " ".join(text.split())
        parts.clear()
        link_chars, self.link_chars = self.link_chars, 0
        starts_with_link, self.starts_with_link = self.starts_with_link, False
        has_time, self.has_time = self.has_time, False
        if not text.strip(_BLANK):
            return  # (nothing, or only zero-width characters a page builder left in a spacer)
        node, tag, path = block
        # Positional arguments, in field order: keyword calls cost twice as much in this loop.
        self.blocks.append(
            TextBlock(
                text, tag, node, min(link_chars, len(text)), path, state.region, state.good,
                state.region_depth, starts_with_link, state.in_list, state.list_ordered,
                state.list_id, state.in_quote, state.in_figure, state.in_table, state.in_pre,
                len(self.blocks), -1.0, False, has_time,
            )
        )  # fmt: skip

    def child_state(
        self, tag: str, region: str | None, good: bool, state: _Inherited, depth: int
    ) -> _Inherited:
        """What the text inside an element inherits, given the region it names (``depth``: how
        many blocks hold it)."""
        if tag in _LISTS:  # each list has an id of its own
            return self._child_state(tag, region, good, state, depth)
        key = (state, tag, region, good, depth)
        known = self.states.get(key)
        if known is not None:
            return known
        known = self.states[key] = self._child_state(tag, region, good, state, depth)
        return known

    def _child_state(
        self, tag: str, region: str | None, good: bool, state: _Inherited, depth: int
    ) -> _Inherited:
        if region == ARTICLE:  # the article text itself: forget any region named above
            inherited, inherited_depth = None, 0
        else:
            inherited, inherited_depth = state.region, state.region_depth
        list_id, ordered, in_list = state.list_id, state.list_ordered, state.in_list
        if tag in _LISTS:
            self.list_counter += 1
            list_id, ordered = self.list_counter, tag == "ol"
        if tag in ("li", "dd", "dt"):
            in_list = True
        return _Inherited(  # positional, in field order (see flush)
            region if region and region != ARTICLE else inherited,
            depth if region and region != ARTICLE else inherited_depth,
            good or state.good,
            state.in_link or tag == "a",
            list_id,
            ordered,
            in_list,
            state.in_quote or tag == "blockquote",
            state.in_figure or tag in ("figure", "figcaption"),
            state.in_table or tag == "table",
            state.in_pre or tag == "pre",
        )


def _evenly_spaced(text: str) -> bool:
    """Whether ``" ".join(text.split())`` is ``text`` itself: no white space but single spaces
    between words (most blocks; a scan of the text, where splitting it builds each word). Every
    character str.split() splits on, the space aside, is one str.isprintable() refuses."""
    return text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "


def _leads_away(attrs: dict[str, str | None]) -> bool:
    """Whether an <a> is a link the reader follows: not a placeholder without an address, nor
    a script's button (an accordion's heading that opens its answer in place)."""
    return bool(attrs.get("href")) and attrs.get("role") != "button"


# Void inline elements: never any text inside.
_EMPTY_INLINE: Final = frozenset({"img", "wbr", "area", "col", "param", "keygen", "image"})
# What the walk never enters: one set, one look-up per element.
_NOT_READ: Final = SKIP_TAGS | _EMPTY_INLINE
# Inline elements that may change the context even without attributes.
_INLINE_WITH_CONTEXT: Final = _STATE_TAGS.union(_TAG_KIND)  # ("|" with a keys view gives a set)


def flatten(root: LexborNode) -> list[TextBlock]:
    """The text blocks under ``root`` in document order.

    An iterative walk by first child and next sibling (no recursion, so any depth is fine):
    each element is closed when the walk climbs back out of it, and skipped content (scripts,
    hidden regions) is never entered. This loop runs once per node of the page: it keeps the
    common cases (text, a plain inline element) free of calls.
    """
    flat = _Flattener()
    parts = flat.parts
    block: _Block = (root, root.tag or "body", (root.mem_id,))
    state = _Inherited(None, 0, False, False, 0, False, False, False, False, False, False)
    # Open elements below the root: (element, block and inherited state around it, is a
    # block); what holds around an element is what the walk returns to when it closes.
    open_stack: list[tuple[LexborNode, _Block, _Inherited, bool]] = []
    # The block whose text is being read, and what it inherits.
    read_block, read_state = block, state
    node = root.first_child
    while True:
        if node is None:  # the last child was read: close its parent
            if not open_stack:
                break
            element, block, state, was_block = open_stack.pop()
            if was_block:
                if parts:
                    flat.flush(read_block, read_state)
                read_block, read_state = block, state
            node = element.next
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content
            if text and (parts or not text.isspace()):
                if not parts:  # the block's first words (white space alone is never a first part)
                    flat.starts_with_link = state.in_link
                parts.append(text)
                if state.in_link:
                    flat.link_chars += len(text.strip())
            node = node.next
            continue
        if tag is None or tag in _NOT_READ:
            node = node.next  # skipped content, or a void element: nothing to read
            continue
        if tag == "time":
            flat.has_time = True
        attrs = node.attributes
        is_block = tag in BLOCK_TAGS
        child_block, child_state = block, state
        if attrs or is_block or tag in _INLINE_WITH_CONTEXT:
            if attrs:
                region, good = region_of(node, tag, attrs)
            else:  # (only the tag can name a region: spare the call)
                region, good = _TAG_KIND.get(tag), False
            if region is not None and not is_block and region not in _INLINE_REGIONS:
                region = None  # a span's class names a widget, not a page region
            # (an <a> the reader cannot follow changes no more than a <span>)
            state_tag = tag if tag != "a" or _leads_away(attrs) else "span"
            if region is not None or good or state_tag in _STATE_TAGS:
                child_state = flat.child_state(state_tag, region, good, state, len(block[2]))
                if region == "skip":
                    node = node.next
                    continue
            if is_block:
                child_block = (node, tag, (*block[2], node.mem_id))
                if parts:
                    flat.flush(read_block, read_state)
                read_block, read_state = child_block, child_state
                if tag in ("br", "hr"):
                    node = node.next
                    continue
        first = node.first_child  # (not the alias "child": a second attribute look-up)
        if first is None:  # opened and closed at once
            if is_block:
                read_block, read_state = block, state
            node = node.next
            continue
        open_stack.append((node, block, state, is_block))
        block, state = child_block, child_state
        node = first
    if parts:
        flat.flush(read_block, read_state)
    return flat.blocks
