"""Page furniture in HTML: classify containers (related rails, sponsored widgets, share bars, ...)
and read the related-story teasers and sponsored items out of them.

``furniture_kind`` is the cheap per-node classifier the body extractor uses to drop nodes;
``extract_furniture`` reads the teasers of the whole page in one CSS pass.
"""

from __future__ import annotations

import dataclasses
import html
import re
from typing import Final, Literal, cast
from urllib.parse import urljoin, urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.memo import memo
from pressclip.model import Sponsored, Teaser
from pressclip.signals.casefold import lowered_for_search
from pressclip.signals.dates import normalize_date, search_date
from pressclip.signals.reltime import is_relative_time

FurnitureKind = Literal[
    "related", "sponsored", "share", "newsletter", "comments", "nav", "cookie", "ad"
]

__all__ = [
    "Furniture",
    "FurnitureKind",
    "attribute_kind",
    "extract_furniture",
    "furniture_kind",
    "label_kind",
]


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Furniture:
    """The related-story teasers and sponsored items around an article, in document order."""

    related: tuple[Teaser, ...] = ()
    sponsored: tuple[Sponsored, ...] = ()


# --- attribute tokens (class / id / data-* values), lower-cased --------------------------------

# A class token that only says the page *has* something ("has-comments", "with-sidebar").
_MODIFIER: Final = re.compile(
    r"^(?:has|with|without|no|show|hide|enable|disable|is|js|template|layout|page|l)[-_]|"
    r"[-_](?:with|without|has|and)[-_]|"
    r"[-_](?:enabled|disabled|open|closed|hidden|visible|allowed|active|inactive)$"
)

# Order matters: the first kind whose pattern matches a token wins.
_TOKEN_KINDS: Final[tuple[tuple[FurnitureKind, re.Pattern[str]], ...]] = (
    ("cookie", re.compile(r"cookie|consent|gdpr|onetrust|didomi")),
    (
        "sponsored",
        re.compile(
            r"sponsor|promoted[-_]?(?:content|stories|links|post|by)|paid[-_]?(?:content|post|"
            r"partner)|partner[-_]?content|taboola|"
            r"outbrain|native[-_]?ad|advertorial|branded[-_]?content|revcontent|zergnet|mgid|"
            r"plista|ligatus|anzeige|publicidad|patrocinad|publicidade"
        ),
    ),
    (
        "related",
        re.compile(
            r"related|relacionad|recommend|recomendad|empfehl|more[-_]?(?:stories|from|news|"
            r"articles|on|coverage|like)|most[-_]?(?:read|popular|viewed|shared|commented)|"
            r"popular|trending|also[-_]?read|read[-_]?(?:next|also)|see[-_]?also|"
            r"further[-_]?reading|recirc|teaser[-_]?(?:list|group|box|container)|"
            r"(?:story|article|news|post)[-_]?(?:list|feed|grid|cards)|lesetipp|mehr[-_]?zum|"
            r"leia[-_]?tambem|mais[-_]?lid|meistgelesen|weitere[-_]?artikel"
        ),
    ),
    ("newsletter", re.compile(r"newsletter|subscribe|subscription|sign[-_]?up|optin|opt[-_]in")),
    (
        "comments",
        re.compile(
            r"(?:^|[-_])comments?(?:$|[-_\d])|commentlist|disqus|discussion|kommentare|"
            r"comentarios|comentários|^respond$"
        ),
    ),
    ("share", re.compile(r"share|sharing|social|sharebar|addthis|shariff|follow[-_]?us")),
    (
        "nav",
        re.compile(
            r"(?:^|[-_])(?:nav|navbar|navigation|menu|menus|breadcrumbs?|pagination|pager|"
            r"footer|masthead|topbar|sitemap|skip[-_]?link|megamenu|sidebar)(?:$|[-_\d])"
        ),
    ),
    (
        "ad",
        re.compile(
            r"(?:^|[-_])(?:ad|ads|adv|advert|advertisement|adverts|adslot|adunit|adblock|dfp|"
            r"gpt|werbung|banner[-_]?ad|ad[-_]?slot|ad[-_]?unit|ad[-_]?container|adsense)"
            r"(?:$|[-_\d])|googlead|doubleclick"
        ),
    ),
)

_CAMEL: Final = re.compile(r"(?<=[a-z])(?=[A-Z])")

# Tags we never classify: the document and the main content itself.
_NEVER: Final = frozenset({"html", "head", "body", "main", "h1", "p", "a", "img", "figure", "time"})
_CONTAINERS: Final = frozenset(
    {"div", "section", "aside", "ul", "ol", "nav", "footer", "header", "article", "span", "dl"}
)
_HEADINGS: Final = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LABEL_TAGS: Final = frozenset({"h2", "h3", "h4", "h5", "h6", "span", "strong", "b"})
_LABEL_BOXES: Final = frozenset({"header", "div", "span", "p", "strong", "b", "legend"})
_LABEL_INNER: Final = _LABEL_TAGS | {"em", "i", "a", "svg", "path", "use", "g"}

_ROLE_KINDS: Final[dict[str, FurnitureKind]] = {
    "navigation": "nav",
    "contentinfo": "nav",
    "menubar": "nav",
    "menu": "nav",
    "banner": "nav",
    "search": "nav",
}


def _stems_pattern(stems: str) -> re.Pattern[str]:
    """A regex finding any of the "|"-separated stems, its alternatives grouped by first letter
    ("r(?:elat|ecommend|...)|s(?:ponsor|tories)|..."): the engine tries the alternatives one by
    one at each position, so 13 groups instead of 35 stems make the search about twice as fast.
    """
    groups: dict[str, list[str]] = {}
    for stem in stems.split("|"):
        groups.setdefault(stem[0], []).append(re.escape(stem[1:]))
    return re.compile("|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()))


# A word each of the _TOKEN_KINDS alternatives holds (the "ad" ones: after "-" or "_", or at the
# start, tested apart): a token holding none is of no kind, found by one search instead of eight
# (most tokens are of no kind, and the eight patterns cost most of a token's first reading).
_KIND_WORDS: Final = _stems_pattern(
    "cookie|consent|gdpr|onetrust|didomi|"
    "sponsor|promoted|paid|partner|taboola|outbrain|native|advertorial|branded|revcontent|"
    "zergnet|mgid|plista|ligatus|anzeige|publicidad|patrocinad|"
    "relat|relacionad|recommend|recomendad|empfehl|more|most|popular|trending|also|read|"
    "further|recirc|teaser|list|feed|grid|cards|lesetipp|mehr|leia|mais|meistgelesen|weitere|"
    "newsletter|subscri|sign|opt|comment|disqus|discussion|kommentare|comentarios|comentários|"
    "respond|share|sharing|social|addthis|shariff|follow|"
    "nav|menu|breadcrumb|pagination|pager|footer|masthead|topbar|sitemap|skip|sidebar|"
    "-ad|_ad|-dfp|_dfp|-gpt|_gpt|werbung|banner|googlead|doubleclick"
)
_AD_START: Final = ("ad", "dfp", "gpt", "werbung", "banner")


@memo(8192)
def _token_kind(token: str) -> FurnitureKind | None:
    if _MODIFIER.search(token) or "[" in token or ":" in token:
        return None  # a modifier, or a utility class ("lg:mr-[--sidebar-width]")
    if not token.islower():  # (a lower-case token has no camel hump to split)
        token = _CAMEL.sub("-", token).lower()
    if not _KIND_WORDS.search(token) and not token.startswith(_AD_START):
        return None
    for kind, pattern in _TOKEN_KINDS:
        if pattern.search(token):
            if kind in ("nav", "ad") and _CONTENT_WORD.search(token):
                return None
            return kind
    return None


# A class or id token that names the story itself ("l-article-body-segment", "post-content",
# "entry-content"): a node so named is not furniture, whatever else its classes say.
_CONTENT_TOKEN: Final = re.compile(
    r"(?:article|story|post|entry|news)[-_]?(?:body|content|text)|articlebody|storybody|"
    r"(?:^|[-_])(?:main[-_]?content|content[-_]?main|content[-_]?area)(?:$|[-_])|"
    r"single[-_]?post|^(?:primary|main|content)$"
)
# A nav / ad / sidebar word compounded with a content word ("content-sidebar-wrap",
# "post-ads-container") names a layout around the story, not a piece of furniture.
_CONTENT_WORD: Final = re.compile(
    r"(?:^|[-_])(?:content|post|article|story|main|entry|body|layout)(?:$|[-_])"
)


_CONTENT: Final = "content"  # marker: a token naming the story itself


@memo(16384)
def _token_role(token: str) -> FurnitureKind | str | None:
    """What one class / id token says: a furniture kind, _CONTENT, or nothing (cached)."""
    if _CONTENT_TOKEN.search(token.lower()):
        return _CONTENT
    return _token_kind(token)


def _attr_kind(attrs: dict[str, str | None]) -> FurnitureKind | None:
    found: FurnitureKind | str | None = None
    for name in ("class", "id"):
        value = attrs.get(name)
        if value:
            for token in value.split():
                role = _token_role(token)
                if role == _CONTENT:
                    return None
                if found is None:
                    found = role
    if found is not None:
        return cast(FurnitureKind, found)
    for name, value in attrs.items():
        if name.startswith("data-") and value and len(value) < 60 and " " not in value:
            if name in ("data-src", "data-href", "data-url", "data-srcset"):
                continue
            if (kind := _token_kind(value)) is not None:
                return kind
    return None


# --- human labels (headings, aria-label) --------------------------------------------------------

# Phrases that open a label, by kind (regex fragments, matched case-insensitively at the start).
_SPONSORED_PHRASES = (
    r"sponsored",
    r"promoted",
    r"paid (?:content|post|partner)",
    r"partner content",
    r"advertorial",
    r"from (?:our|the) partners",
    r"around the web",
    r"ads? by",
    r"anzeigen?",
    r"gesponsert",
    r"werbung",
    r"publicidad",
    r"contenido patrocinado",
    r"patrocinad[oa]",
    r"publicidade",
    r"conteúdo patrocinado",
    r"publicité",
    r"sponsorisé",
    r"sponsorizzat[oa]",
    r"pubblicità",
    r"реклама",
    r"партн[её]рский",
    r"広告",
    r"광고",
    r"赞助",
    r"广告",
    r"gesponsord",
    r"advertentie",
    r"annonse",
    r"annons",
    r"reklama",
)
_RELATED_PHRASES = (
    # English
    r"related",
    r"more (?:stories|from|on|news|in|like this|to (?:read|explore)|articles|"
    r"coverage|top stories)",
    r"read (?:more|next|also)",
    r"also read",
    r"see also",
    r"you (?:may|might) (?:also )?(?:like|be interested)",
    r"recommended",
    r"most (?:read|popular|viewed|shared|commented)",
    r"popular",
    r"trending",
    r"top stories",
    r"latest (?:news|stories|articles)",
    r"what to read next",
    r"don'?t miss",
    r"editor'?s picks",
    r"further reading",
    r"in other news",
    # German
    r"lesen sie (?:auch|mehr)",
    r"auch interessant",
    r"mehr (?:zum thema|aus|zu|news|nachrichten)",
    r"das könnte sie (?:auch )?interessieren",
    r"empfohlen",
    r"empfehlungen",
    r"unsere empfehlung",
    r"weitere (?:artikel|nachrichten|themen|meldungen)",
    r"meist ?gelesen",
    r"lesetipps?",
    r"zum thema",
    r"verwandte",
    # Spanish, Portuguese
    r"relacionad[oa]s?",
    r"noticias relacionadas",
    r"te puede interesar",
    r"(?:lo )?más (?:leíd[oa]s?|vist[oa]s?|noticias|de)",
    r"le[ae] también",
    r"ver también",
    r"recomendad[oa]s?",
    r"también te puede",
    r"leia também",
    r"leia mais",
    r"mais lid[oa]s",
    r"veja também",
    r"mais notícias",
    r"notícias relacionadas",
    r"você pode gostar",
    r"saiba mais",
    # French, Italian, Dutch
    r"à lire aussi",
    r"lire aussi",
    r"sur le même sujet",
    r"les plus lus",
    r"articles liés",
    r"voir aussi",
    r"nos recommandations",
    r"leggi anche",
    r"potrebbe interessarti",
    r"articoli correlati",
    r"(?:i )?più lett[ie]",
    r"lees ook",
    r"meest gelezen",
    r"gerelateerd",
    r"meer nieuws",
    r"aanbevolen",
    # Russian
    r"читайте (?:также|ещё|еще)",
    r"похожие",
    r"популярное",
    r"самое (?:читаемое|популярное)",
    r"(?:ещё|еще) по теме",
    r"рекомендуем",
    r"новости по теме",
    r"материалы по теме",
    r"по теме",
    # Japanese, Korean, Chinese
    r"関連",
    r"おすすめ",
    r"人気",
    r"ランキング",
    r"あわせて読みたい",
    r"관련",
    r"많이 본",
    r"추천",
    r"인기",
    r"함께 볼",
    r"相关",
    r"相關",
    r"推荐",
    r"推薦",
    r"热门",
    r"熱門",
    r"延伸阅读",
    r"延伸閱讀",
    # Polish, Czech, Scandinavian, Turkish, Indonesian
    r"czytaj (?:także|też|również)",
    r"zobacz (?:też|także)",
    r"polecane",
    r"najczęściej czytane",
    r"mohlo by vás zajímat",
    r"související",
    r"nejčtenější",
    r"læs (?:også|mere)",
    r"les (?:også|mer)",
    r"läs (?:också|mer)",
    r"mest (?:læste|lest|lästa|populære)",
    r"relaterte",
    r"relaterade",
    r"ilgili haberler",
    r"ilginizi çekebilir",
    r"çok okunan",
    r"baca juga",
    r"berita terkait",
    r"terpopuler",
)
_NEWSLETTER_PHRASES = (r"newsletter", r"subscribe", r"sign up", r"abonnieren", r"suscr[íi]b")
_COMMENT_PHRASES = (r"comments?\b", r"kommentare", r"comentarios", r"comentários", r"комментари")
_SHARE_PHRASES = (
    r"share (?:this|on|article)",
    r"teilen",
    r"compartir",
    r"compartilh",
    r"поделиться",
)


def _phrases(
    phrases: tuple[str, ...], *, word_end: bool = False, flags: int = re.IGNORECASE
) -> re.Pattern[str]:
    tail = r"\b" if word_end else ""
    return re.compile("(?:" + "|".join(phrases) + ")" + tail, flags)


_LABEL_PHRASES: Final[tuple[tuple[FurnitureKind, tuple[str, ...], bool], ...]] = (
    ("sponsored", _SPONSORED_PHRASES, True),
    ("related", _RELATED_PHRASES, False),
    ("newsletter", _NEWSLETTER_PHRASES, False),
    ("comments", _COMMENT_PHRASES, False),
    ("share", _SHARE_PHRASES, False),
)
_LABELS: Final[tuple[tuple[FurnitureKind, re.Pattern[str]], ...]] = tuple(
    (kind, _phrases(phrases, word_end=end)) for kind, phrases, end in _LABEL_PHRASES
)
# The same, case-sensitive, for lower-cased text: a case-insensitive alternation is entered
# alternative by alternative, a case-sensitive one skips those whose first letter differs.
# Lower-casing keeps each letter one letter, and a word letter and a CJK one what they were,
# except for "İ" (two letters); a text holding it, or another letter that lower-casing does
# not read as case-insensitive matching does, is matched the case-insensitive way
# (signals.casefold).
_LOWER_LABELS: Final[tuple[tuple[FurnitureKind, re.Pattern[str]], ...]] = tuple(
    (kind, _phrases(phrases, word_end=end, flags=0)) for kind, phrases, end in _LABEL_PHRASES
)


def label_kind(text: str) -> FurnitureKind | None:
    """The kind a short label ("Related stories", "Anzeige", "関連記事") announces, if any.

    The label must be most of the text: "More from Politics" is one, "Popular support for the
    war" (a subheading) is not.
    """
    text = text.strip().strip(":·|»›>-–—").strip()
    if not text or len(text) > 60:
        return None
    labels = _LABELS
    lowered = lowered_for_search(text)
    if lowered is not None:
        text, labels = lowered, _LOWER_LABELS
    for kind, pattern in labels:
        match = pattern.match(text)
        if match is None:
            continue
        rest = text[match.end() :]
        if len(_WORD.findall(rest)) <= 3 and len(_CJK.findall(rest)) <= 6:
            return kind
    return None


def _descendants(node: LexborNode) -> list[LexborNode]:
    """The node's descendant elements (lexbor's node.css includes the node itself)."""
    return list(node.css("*"))[1:]


_BLOCKS: Final = frozenset({"div", "p", "h2", "h3", "h4", "h5", "h6"})


def _first_label(node: LexborNode) -> FurnitureKind | None:
    """The label a container opens with: its first child with text, if that is a heading or a
    short text box ("<h2>Related</h2>", "<div><strong>Lesen Sie auch</strong></div>")."""
    skipped = 0
    for child in node.iter():
        text = child.text()
        if not text.strip():
            skipped += 1
            if skipped > 2:
                return None
            continue
        tag = child.tag
        if tag in _HEADINGS:
            return None if tag == "h1" else label_kind(text)
        if len(text) > 200 or tag not in _LABEL_BOXES:
            return None
        inner = _descendants(child)
        if not inner:
            return label_kind(text)
        # a box that is only a label ("<div><strong>Lesen Sie auch</strong></div>"); a box with
        # a label and more (an ad, links) is a widget of its own, labelled for itself
        if inner[0].tag in _LABEL_TAGS and all(e.tag in _LABEL_INNER for e in inner):
            return label_kind(inner[0].text())
        return None
    return None


# --- teaser-like text ---------------------------------------------------------------------------

_WORD: Final = re.compile(r"\w+")
_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def is_headline_text(text: str) -> bool:
    """Sentence-like enough to be a story headline, not a section link ("World", "Sport")."""
    text = text.strip()
    if len(text) < 12 or len(text) > 300:
        return False
    words = len(_WORD.findall(text))
    if words >= 4:
        return True
    return len(_CJK.findall(text)) >= 8


def _repeated_cards(node: LexborNode) -> FurnitureKind | None:
    """A list of >= 3 alike children, each one link: a teaser rail (sentences) or a menu."""
    signatures: dict[tuple[str, str], int] = {}
    children: list[LexborNode] = []
    for child in node.iter():
        if child.tag not in ("li", "article", "div", "section"):
            return None
        cls = (child.attributes.get("class") or "").split(" ", 1)[0]
        key = (child.tag, cls)
        signatures[key] = signatures.get(key, 0) + 1
        children.append(child)
        if len(children) > 60:
            return None
    if len(children) < 3 or max(signatures.values()) < 0.7 * len(children):
        return None
    headlines = short = 0
    for child in children:
        link = child.css_first("a[href]")
        if link is None:
            continue
        link_text = link.text(strip=True)
        child_text = child.text(strip=True)
        # a teaser is mostly its headline; a list item of the story is mostly its own text
        if is_headline_text(link_text) and len(link_text) >= 0.3 * len(child_text):
            headlines += 1
        elif 0 < len(link_text) <= 30 and len(child_text) <= 40:
            short += 1
    if headlines >= 3 and headlines >= 0.6 * len(children):
        return "related"
    if short >= 0.8 * len(children):
        return "nav"
    return None


def furniture_kind(node: LexborNode) -> FurnitureKind | None:
    """What kind of page furniture a container is, or None for content (or unknown).

    Cheap tests first (tag, role, class/id/data-* tokens, aria-label); only when they say nothing
    does it look at the first children for a label ("Related", "Anzeige", "関連記事") and at a
    repeated card structure. A positive answer is checked against the node holding the article
    (a headline, an articleBody, several long paragraphs): layout wrappers named "sidebar-layout"
    or "ads-wrapper" around the story are not furniture.
    """
    kind = _kind(node)
    if kind is None or (kind == "nav" and node.tag == "nav"):
        return kind
    return None if _holds_article(node, kind) else kind


def attribute_kind(
    node: LexborNode, attrs: dict[str, str | None] | None = None
) -> FurnitureKind | None:
    """furniture_kind from the node's own tag and attributes only (no look at its children but
    the check that it does not hold the article): for callers walking many ancestors, who may
    pass the ``attrs`` they have read (node.attributes builds a new dict at each call)."""
    kind = _kind(node, shallow=True, attrs=attrs)
    if kind is None or (kind == "nav" and node.tag == "nav"):
        return kind
    return None if _holds_article(node, kind) else kind


def _kind(
    node: LexborNode, *, shallow: bool = False, attrs: dict[str, str | None] | None = None
) -> FurnitureKind | None:
    tag = node.tag
    if tag is None or tag in _NEVER:
        return None
    if attrs is None:
        attrs = node.attributes
    if attrs.get("itemprop") in ("articleBody", "text"):
        return None
    if tag == "nav":
        return "nav"
    role = attrs.get("role")
    if role and role in _ROLE_KINDS:
        return _ROLE_KINDS[role]
    if attrs and (kind := _attr_kind(attrs)) is not None:
        return kind
    label = attrs.get("aria-label")
    if label and (kind := label_kind(label)) is not None:
        return kind
    if shallow or tag not in _CONTAINERS:
        return None
    if (kind := _first_label(node)) is not None:
        return kind
    if tag in ("ul", "ol", "div", "section", "aside"):
        return _repeated_cards(node)
    return None


_LONG_PARAGRAPH: Final = 150


def _holds_article(node: LexborNode, kind: FurnitureKind) -> bool:
    """The node holds the story itself: its headline (an h1 that is no link), its articleBody,
    or (except for a comment thread, which is long prose too) three or more long paragraphs,
    more than twice as many as story links (a rail of teasers with long summaries is no story)
    or ten and more.
    """
    if node.css_first("[itemprop=articleBody]") is not None:
        return True
    for h1 in node.css("h1"):
        if h1.css_first("a") is None and not _in_link(h1, node):
            return True
    if kind == "comments":
        return False
    long = 0
    for paragraph in node.css("p"):
        if len(paragraph.text()) >= _LONG_PARAGRAPH:
            long += 1
    if long < 3:
        return False
    if long >= 10:
        return True
    stories = sum(1 for a in node.css("a[href]") if is_headline_text(a.text()))
    return long > 2 * stories


def _in_link(node: LexborNode, stop: LexborNode) -> bool:
    parent = node.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if parent.tag == "a":
            return True
        parent = parent.parent
    return False


# --- reading teasers ----------------------------------------------------------------------------

# One cheap pass over containers and headings; only containers whose attributes hint at a
# rail or a sponsored widget are classified.
_SCAN: Final = "div, section, aside, article, ul, ol, h2, h3, h4, h5"


# Containers worth classifying in extract_furniture: attribute values holding one of these
# stems (a fast prefilter on lower-cased text; furniture_kind decides). No re.IGNORECASE:
# case-folding disables the first-character scan and makes alternations several times slower.
_HINT: Final = _stems_pattern(
    "relat|recommend|recomend|sponsor|promot|paid|partner|taboola|outbrain|native|advert|"
    "most|popular|trending|more|read|also|recirc|teaser|stories|empfehl|anzeige|lesetipp|"
    "mehr|leia|mais|meist|weitere|publici|patrocin|branded|mgid|plista|zergnet|revcontent"
)


@memo(16384)
def _value_hint(value: str) -> bool:
    """A stem in the value. A stem holds no space, so one search of a whole class value finds
    what a search of each of its tokens would (values repeat on a page: cached)."""
    return _HINT.search(value.lower()) is not None


def _hinted(attrs: dict[str, str | None]) -> bool:
    """Worth classifying: the class, the id or a data-* value names a rail or an ad block, or
    the aria-label is a label ("Related stories"). The values are searched as one text (a stem
    holds no newline): ids and data-* values are mostly the page's own, and one search costs
    less than a cached search of each that misses."""
    values: list[str] = []
    for name, value in attrs.items():
        if not value or len(value) > 300:
            continue
        if name == "class" or name == "id" or (name.startswith("data-") and len(value) < 60):
            values.append(value)
        elif name == "aria-label" and label_kind(value) is not None:
            return True
    return bool(values) and _HINT.search("\n".join(values).lower()) is not None


# Card parts by class word (matched in Python on one list of the card's elements: cheaper than
# lists of CSS substring selectors).
_AUTHOR_CLASS: Final = re.compile(r"author|byline|autor|firma|writer")
_AGE_CLASS: Final = re.compile(r"date|time|ago|publish")
_DESC_CLASS: Final = re.compile(
    r"summary|description|dek|excerpt|standfirst|teaser-text|lead|intro"
)
_SPONSOR_CLASS: Final = re.compile(
    r"sponsor|brand|advertiser|source|provider|marca|anunciante|werbe|partner"
)
_HEAD_CLASS: Final = re.compile(r"headline|title")
_LEAF_TAGS: Final = frozenset({"span", "div", "p", "small"})


def _clean(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.split()) or None


def _resolve(href: str | None, base_url: str | None) -> str | None:
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("javascript:", "#", "mailto:")):
        return None
    return join_url(base_url, href) if base_url else href


# Links urljoin returns as they are (an absolute http(s) URL) or only prefixes with the base's
# scheme and host (a path from the root), when they have no empty "?", "#" or ";" part, tab or
# newline (urljoin drops them), no "." or ".." segment (it resolves them), and no brackets or
# non-ASCII text (they may make it raise).
_ABSOLUTE: Final = re.compile(r"https?://[^/?#\s;\[\]][^\s;\[\]]*")
_FROM_ROOT: Final = re.compile(r"/[^/?#\s;\[\]][^\s;\[\]]*")


def join_url(base_url: str, url: str) -> str:
    """urljoin(base_url, url), without its parsing for the most common links."""
    plain = url.isascii() and not url.endswith(("?", "#")) and "?#" not in url
    if plain and base_url.isascii() and "[" not in base_url and "]" not in base_url:
        if _ABSOLUTE.fullmatch(url):
            return url
        if _FROM_ROOT.fullmatch(url) and "/." not in url:
            base = urlsplit(base_url)
            if base.scheme in ("http", "https") and base.netloc:
                return f"{base.scheme}://{base.netloc}{url}"
    return urljoin(base_url, url)


def _is_inside(node: LexborNode, ids: set[int]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.mem_id in ids:
            return True
        parent = parent.parent
    return False


def _container_of(heading: LexborNode, kind: FurnitureKind) -> LexborNode | None:
    """The container a label heading announces: the nearest ancestor holding headline links
    (any links for a sponsored block) that opens with the heading (a label at the top of a
    sidebar widget does not label the whole sidebar)."""
    label = " ".join(heading.text().split())
    node = heading.parent
    for _ in range(4):
        if node is None or node.tag in ("body", "main", "html"):
            return None
        links = node.css("a[href]")
        if links and (kind == "sponsored" or any(is_headline_text(a.text()) for a in links)):
            opening = " ".join(node.text()[: 4 * len(label) + 200].split())
            return node if opening.startswith(label) else None
        if _has_twin(node):
            return None  # one widget of a column of widgets: the label is this widget's own
        node = node.parent
    return None


def _has_twin(node: LexborNode) -> bool:
    """A sibling of the same tag and first class (the next widget of a sidebar)."""
    first = (node.attributes.get("class") or "").split(" ", 1)[0]
    if not first:
        return False
    for forward in (False, True):
        sibling = node.next if forward else node.prev
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next if forward else sibling.prev
        if sibling is None or sibling.tag != node.tag:
            continue
        if (sibling.attributes.get("class") or "").split(" ", 1)[0] == first:
            return True
    return False


@dataclasses.dataclass(slots=True)
class _Card:
    node: LexborNode
    url: str | None
    headline: str


def _story_links(container: LexborNode, base_url: str | None) -> list[tuple[LexborNode, str]]:
    """Links that lead to a story: headline-like text, or a heading inside."""
    out: list[tuple[LexborNode, str]] = []
    for link in container.css("a[href]"):
        if is_headline_text(link.text()) or link.css_first("h2, h3, h4, h5, h6") is not None:
            url = _resolve(link.attributes.get("href"), base_url)  # only now: urljoin is dear
            if url is not None:
                out.append((link, url))
    return out


def _cards(container: LexborNode, base_url: str | None) -> list[_Card]:
    """One card per distinct story link: the highest ancestor holding no other story link."""
    links = _story_links(container, base_url)
    chains: list[tuple[LexborNode, str, list[LexborNode]]] = []
    holders: dict[int, set[str]] = {}
    for link, url in links:
        chain: list[LexborNode] = []
        node: LexborNode | None = link
        while node is not None and node.mem_id != container.mem_id:
            chain.append(node)
            holders.setdefault(node.mem_id, set()).add(url)
            node = node.parent
        if node is None:
            continue
        chains.append((link, url, chain))
    cards: list[_Card] = []
    seen: set[int] = set()
    for link, url, chain in chains:
        card = link
        for node in chain:
            if len(holders[node.mem_id]) > 1:
                break
            card = node
        if card.mem_id in seen:
            continue
        seen.add(card.mem_id)
        headline = _card_headline(card, link)
        if headline is None:
            continue
        cards.append(_Card(node=card, url=url, headline=headline))
    return cards


def _is_heading(node: LexborNode) -> bool:
    tag = node.tag
    if tag in _HEADINGS and tag != "h1":
        return True
    cls = (node.attributes.get("class") or "").lower()
    return bool(cls) and bool(_HEAD_CLASS.search(cls))


def _title_like(text: str | None) -> bool:
    """Long enough for a title inside a teaser link (shorter than a free-standing headline)."""
    if not text or len(text) < 10 or len(text) > 200:
        return False
    return len(_WORD.findall(text)) >= 2 or len(_CJK.findall(text)) >= 5


def _title_in_link(link: LexborNode, text: str) -> str | None:
    """The title part of a link that wraps more (kicker, title, summary, byline): its
    highest-ranked heading, else its first leaf box."""
    inner = _descendants(link)
    headings = sorted(
        (n for n in inner if _is_heading(n)), key=lambda n: n.tag if n.tag in _HEADINGS else "h9"
    )
    for node in headings:
        title = _clean(node.text(separator=" "))
        if _title_like(title):
            return title
    leaves = [
        n
        for n in inner
        if n.tag in ("div", "p", "span")
        and n.text().strip()
        and not any(d.tag in _BLOCKS for d in _descendants(n))
    ]
    if len(leaves) >= 2:
        first = _clean(leaves[0].text(separator=" "))
        if _title_like(first) and first is not None and len(first) < len(text):
            return first
    return None


def _card_headline(card: LexborNode, link: LexborNode) -> str | None:
    text = _clean(link.text(separator=" "))
    if text and is_headline_text(text):
        title = _title_in_link(link, text)
        if title is not None:
            return title
        if len(text) <= 200:
            return text
    for node in _descendants(card):
        if _is_heading(node):
            htext = _clean(node.text(separator=" "))
            if htext and is_headline_text(htext):
                return htext
    if card.tag == "a":
        return None
    for other in card.css("a[href]"):
        otext = _clean(other.text(separator=" "))
        if otext and is_headline_text(otext):
            return otext
    return None


Element = tuple[LexborNode, str, str]  # (node, tag, lower-cased class)
_MAX_CARD_ELEMENTS: Final = 150


def _elements(node: LexborNode) -> list[Element]:
    """The card's elements (the first 150: a card is small; a huge one is read in part)."""
    return [
        (n, n.tag or "", (n.attributes.get("class") or "").lower())
        for n in _descendants(node)[:_MAX_CARD_ELEMENTS]
    ]


def _text(node: LexborNode) -> str | None:
    return _clean(node.text(separator=" "))


def _own_lines(elements: list[Element]) -> list[str]:
    """The short own texts of leaf-like elements, in order."""
    out = []
    for node, tag, _cls in elements:
        if tag in _LEAF_TAGS and (own := _clean(node.text(deep=False))):
            out.append(own)
    return out


_BY_LINE: Final = re.compile(r"^(?:by|von|por|de|par|di|door|av|af|от|автор)\s+\S", re.IGNORECASE)
_BY_WORD: Final = re.compile(r"^(?:by|von|por|par|door|av|af|от|автор)[:\s]+", re.IGNORECASE)


def _without_by(byline: str) -> str:
    """The byline as written, less its leading "By" word (docs/fields.md)."""
    return _BY_WORD.sub("", byline, count=1) or byline


def _author(elements: list[Element], lines: list[str], exclude: set[str]) -> str | None:
    """The byline as written: a class-named author element, or a short "By X" / "Von X" line."""
    for node, _tag, cls in elements:
        attrs = node.attributes
        named = (cls and _AUTHOR_CLASS.search(cls)) or attrs.get("rel") == "author"
        if named or attrs.get("itemprop") == "author":
            text = _text(node)
            if text and text not in exclude and len(text) <= 300:
                return text
    for own in lines:
        if own not in exclude and len(own) <= 80 and _BY_LINE.match(own):
            return own
    return None


def _age(
    elements: list[Element], lines: list[str], exclude: set[str]
) -> tuple[str | None, str | None]:
    """The age as written ("9 hours ago", "3. Mai 2024") and the machine date, if given."""
    for node, tag, cls in elements:
        if tag != "time" and not (cls and _AGE_CLASS.search(cls)):
            continue
        text = _text(node)
        stamp = node.attributes.get("datetime") if tag == "time" else None
        created = normalize_date(stamp) if stamp else None
        dated = text is not None and (
            tag == "time" or is_relative_time(text) or search_date(text) is not None
        )
        if text and dated and text not in exclude and len(text) <= 60:
            return text, created
        if created is not None:
            return None, created
    for own in lines:
        if len(own) <= 40 and is_relative_time(own):
            return own, None
    return None, None


def _description(elements: list[Element], headline: str, exclude: set[str]) -> str | None:
    """The summary: a class-named or <p> element that is not the headline (nor holds it); a
    byline or date set inside it is cut out."""
    for node, tag, cls in elements:
        if tag != "p" and not (cls and _DESC_CLASS.search(cls)):
            continue
        text = _text(node)
        if not text or headline in text or text in headline or text in exclude:
            continue
        for part in exclude:
            if part != headline and part in text:
                text = " ".join(text.replace(part, " ").split())
        if len(_WORD.findall(text)) >= 5 or len(_CJK.findall(text)) >= 15:
            return text
    return None


_ICON_ALT: Final = re.compile(r"\b(?:icon|bullet|logo|avatar|arrow|placeholder|spacer)\b")


def _image_alt(elements: list[Element]) -> str | None:
    for node, tag, _cls in elements:
        if tag != "img":
            continue
        alt = _clean(html.unescape(node.attributes.get("alt") or ""))
        if alt and not _ICON_ALT.search(alt.lower()):
            return alt
    return None


def _teaser(card: _Card) -> Teaser:
    elements = _elements(card.node)
    lines = _own_lines(elements)
    exclude = {card.headline}
    author = _author(elements, lines, exclude)
    if author is not None:
        exclude.add(author)
        author = _without_by(author)
    age, created = _age(elements, lines, exclude)
    if age is not None:
        exclude.add(age)
    return Teaser(
        headline=card.headline,
        url=card.url,
        author=author,
        description=_description(elements, card.headline, exclude),
        age=age,
        date_created=created,
        image_alt=_image_alt(elements),
    )


_SPONSOR_LINE: Final = re.compile(
    r"^(?:sponsored|promoted|presented|paid (?:content|post))(?: by| from)?\s*[:|·-]?\s*(.+)$|"
    r"^(.+?)\s*[|·]\s*(?:sponsored|promoted|anzeige|publicidad|patrocinado)$",
    re.IGNORECASE,
)


def _sponsor(elements: list[Element], lines: list[str], exclude: set[str]) -> str | None:
    for node, _tag, cls in elements:
        if not cls or not _SPONSOR_CLASS.search(cls):
            continue
        text = _text(node)
        if not text or text in exclude or len(text) > 80:
            continue
        match = _SPONSOR_LINE.match(text)
        if match:
            return _clean(match.group(1) or match.group(2))
        if label_kind(text) == "sponsored":
            continue
        return text
    short: str | None = None
    for own in lines:
        if own in exclude:
            continue
        if match := _SPONSOR_LINE.match(own):
            return _clean(match.group(1) or match.group(2))
        if short is None and len(own) <= 60 and label_kind(own) is None:
            short = own  # the one short line of an ad card besides its headline: the advertiser
    return short


def _sponsored(card: _Card) -> Sponsored:
    elements = _elements(card.node)
    lines = _own_lines(elements)
    exclude = {card.headline}
    sponsor = _sponsor(elements, lines, exclude)
    if sponsor is not None:
        exclude.add(sponsor)
    return Sponsored(
        headline=card.headline,
        sponsor=sponsor,
        url=card.url,
        description=_description(elements, card.headline, exclude),
        image_alt=_image_alt(elements),
    )


def _ancestor_ids(node: LexborNode | None) -> set[int]:
    ids: set[int] = set()
    while node is not None:
        ids.add(node.mem_id)
        node = node.parent
    return ids


def _containers(
    tree: LexborHTMLParser, main: LexborNode | None
) -> list[tuple[FurnitureKind, LexborNode]]:
    """Related and sponsored containers, outermost first, in document order."""
    main_and_up = _ancestor_ids(main)
    taken: set[int] = set()
    out: list[tuple[FurnitureKind, LexborNode]] = []
    for node in tree.css(_SCAN):
        kind: FurnitureKind | None
        if node.tag in _HEADINGS:
            kind = label_kind(node.text())
            if kind not in ("related", "sponsored"):
                continue
            container = _container_of(node, kind)
            if container is None:
                continue
        else:
            attrs = node.attributes
            if len(attrs) == 1 and (value := attrs.get("class")) is not None:
                if len(value) > 300 or not _value_hint(value):
                    continue  # most elements: a class, nothing else (tested here: no call)
            elif not attrs or not _hinted(attrs):
                continue
            container, kind = node, None  # classified below, once the cheap tests have passed
        if container.mem_id in main_and_up or container.mem_id in taken:
            continue
        if taken and _is_inside(container, taken):
            continue  # a part of a rail already taken (its items are often named "related-...")
        if kind is None and (kind := _rail_kind(container)) is None:
            continue
        if _in_nav(container):
            continue
        taken.add(container.mem_id)
        out.append((kind, container))
    return out


def _rail_kind(node: LexborNode) -> FurnitureKind | None:
    """furniture_kind(node) when that is "related" or "sponsored", else None (the costly test
    that the node does not hold the article only for these two kinds)."""
    kind = _kind(node)
    if kind != "related" and kind != "sponsored":
        return None
    return None if _holds_article(node, kind) else kind


def _in_nav(node: LexborNode) -> bool:
    parent: LexborNode | None = node
    while parent is not None:
        if parent.tag == "nav" or parent.attributes.get("role") == "navigation":
            return True
        parent = parent.parent
    return False


_CALL_TO_ACTION: Final = re.compile(
    r"\b(?:newsletter|sign up|subscribe|abonnieren|suscr[íi]bete|inscreva-se|подпиш)", re.I
)


def extract_furniture(
    tree: LexborHTMLParser, main: LexborNode | None, *, base_url: str | None = None
) -> Furniture:
    """Related-story teasers and sponsored items of the page, deduplicated, in document order.

    A story teased twice (an inline "Read more" box and a rail) is kept once, at its first
    place, with the fields either teaser gives.
    """
    related: list[Teaser] = []
    sponsored: list[Sponsored] = []
    index: dict[str, tuple[str, int]] = {}
    for kind, container in _containers(tree, main):
        for card in _cards(container, base_url):
            if label_kind(card.headline) is not None or _CALL_TO_ACTION.search(card.headline):
                continue  # a "More on Gaza" topic link or a "Sign up" box, not a story
            keys = [k for k in (card.url, card.headline.casefold()) if k]
            found = next((index[k] for k in keys if k in index), None)
            if found is not None:
                _merge(found, card, related, sponsored)
                continue
            if kind == "sponsored":
                place = ("sponsored", len(sponsored))
                sponsored.append(_sponsored(card))
            else:
                place = ("related", len(related))
                related.append(_teaser(card))
            for key in keys:
                index[key] = place
    return Furniture(related=tuple(related), sponsored=tuple(sponsored))


def _merge(
    place: tuple[str, int], card: _Card, related: list[Teaser], sponsored: list[Sponsored]
) -> None:
    """Fill the empty fields of an earlier teaser from a later one for the same story."""
    which, i = place
    if which == "related":
        old_t, new_t = related[i], _teaser(card)
        related[i] = dataclasses.replace(
            old_t,
            **{
                f.name: getattr(new_t, f.name)
                for f in dataclasses.fields(Teaser)
                if getattr(old_t, f.name) is None and getattr(new_t, f.name) is not None
            },
        )
    else:
        old_s, new_s = sponsored[i], _sponsored(card)
        sponsored[i] = dataclasses.replace(
            old_s,
            **{
                f.name: getattr(new_s, f.name)
                for f in dataclasses.fields(Sponsored)
                if getattr(old_s, f.name) is None and getattr(new_s, f.name) is not None
            },
        )
