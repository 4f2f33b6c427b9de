"""The article's images in HTML, each with its URL, alt text, caption and credit split apart.

Images come from the main content node (figure / picture / img / amp-img) and from the lead
image just before it (a hero figure between the headline and the body). Icons, logos, avatars,
tracking pixels and images inside page furniture (teasers, share bars, ads) are skipped.
"""

from __future__ import annotations

import re
from typing import Final

from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.furniture import attribute_kind, is_headline_text, join_url
from pressclip.memo import memo
from pressclip.model import Image
from pressclip.signals.credits import split_credit as shared_split_credit

__all__ = ["extract_images", "split_credit"]

_CJK: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uff00-\uffef]")

# --- URLs ---------------------------------------------------------------------------------------

# Regexes below run on lower-cased text without re.IGNORECASE: case-folding matching
# disables the first-character scan and makes alternations slow on long URLs.
_PLACEHOLDER_NAME: Final = re.compile(
    r"(?:placeholder|blank|spacer|transparent|lazy|loading|1x1|pixel|empty|dummy|default|"
    r"fallback|grey|gray)"
    r"[\w-]*\.(?:gif|png|jpe?g|svg|webp)$"
)
_LAZY_ATTRS: Final = (
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-lazy",
    "data-url",
    "data-full-src",
    "data-hi-res-src",
    "data-img-src",
    "data-image",
    "data-echo",
)
_SRCSET_ATTRS: Final = ("srcset", "data-srcset", "data-lazy-srcset")
_DESCRIPTOR: Final = re.compile(r"^(\d+(?:\.\d+)?)([wxh]),?$")


def _largest(srcset: str) -> str | None:
    """The candidate with the largest descriptor in a srcset (URLs may hold commas)."""
    best: str | None = None
    best_size = -1.0
    url: str | None = None
    for token in srcset.split():
        match = _DESCRIPTOR.match(token)
        if match and url is not None:
            size = float(match.group(1)) * (1 if match.group(2) != "x" else 1000)
            if size > best_size:
                best, best_size = url, size
            url = None
            continue
        if url is not None and best is None:
            best = url
        url = token.rstrip(",")
    if url is not None and best is None:
        best = url
    return best


def _widest(attrs: dict[str, str | None]) -> float:
    """The largest width a srcset offers (0 without one)."""
    widest = 0.0
    for name in _SRCSET_ATTRS:
        for token in (attrs.get(name) or "").split():
            match = _DESCRIPTOR.match(token)
            if match and match.group(2) == "w":
                widest = max(widest, float(match.group(1)))
    return widest


def _usable(url: str | None) -> bool:
    if not url or "${" in url or "{{" in url:
        return False  # empty, or a script template ("image_${formatId}.jpg")
    lowered = url[:400].lower()
    if lowered.startswith(("data:", "about:")):
        return False
    name = lowered.split("?", 1)[0].rsplit("/", 1)[-1]
    return not _PLACEHOLDER_NAME.search(name)


def _image_url(img: LexborNode, attrs: dict[str, str | None]) -> str | None:
    """The image's URL: a lazy loader's data-src first (src then holds a placeholder or a
    fallback), then src unless it is a placeholder or a tiny preview, then the largest srcset
    candidate (of the image, then of its <picture> sources). ``attrs``: the image's attributes."""
    for name in _LAZY_ATTRS:
        value = attrs.get(name)
        if value and _usable(value := value.strip()) and not value.startswith("{"):
            return value
    src = (attrs.get("src") or "").strip()
    if _usable(src) and not _tiny_in_url(src):
        return src
    found = _from_srcset(attrs)
    if found is not None:
        return found
    parent = img.parent
    if parent is not None and parent.tag == "picture":
        for source in parent.css("source"):
            found = _from_srcset(source.attributes)
            if found is not None:
                return found
    return src if _usable(src) else None


def _from_srcset(attrs: dict[str, str | None]) -> str | None:
    for name in _SRCSET_ATTRS:
        srcset = attrs.get(name)
        if srcset and (best := _largest(srcset)) and _usable(best):
            return best
    return None


# --- what is not an article image -------------------------------------------------------------

_NOT_PHOTO: Final = re.compile(
    r"logo|avatar|icon|sprite|spacer|badge|emoji|gravatar|favicon|author|profile|mugshot|"
    r"tracking|beacon|pixel|headshot"
)
_NOT_PHOTO_ALT: Final = re.compile(r"\b(?:avatar|logo|icon)\b")
_PERSON_BOX: Final = re.compile(r"author|byline|avatar|profile|contributor|autor|writer")
# "b(?<!\wb)eacon" is "\bbeacon" written to start with a letter: with every alternative starting
# with one, the regex engine skips positions whose character starts none (3x faster on URLs).
_TRACKER: Final = re.compile(
    r"doubleclick|scorecardresearch|/pixel|pixel\.|facebook\.com/tr|analytics|/b/ss/|"
    r"b(?<!\wb)eacon|counter\.|ivwbox|/1x1"
)
_DIGITS: Final = re.compile(r"\d+")


def _size(value: str | None) -> int | None:
    if not value or "%" in value:
        return None
    match = _DIGITS.match(value.strip())
    return int(match.group()) if match else None


@memo(8192)
def _not_photo_token(token: str) -> bool:
    return _NOT_PHOTO.search(token.lower()) is not None


def _marked_not_photo(attrs: dict[str, str | None]) -> bool:
    """A class or id naming a logo, an avatar, an icon (tokens are tested once, cached)."""
    for name in ("class", "id"):
        value = attrs.get(name)
        if value and any(_not_photo_token(token) for token in value.split()):
            return True
    return False


def _skip(img: LexborNode, attrs: dict[str, str | None], url: str) -> bool:
    width, height = _size(attrs.get("width")), _size(attrs.get("height"))
    if (width is not None and 0 < width < 60) or (height is not None and 0 < height < 60):
        return True
    if width == 0 and height == 0:
        return True
    small = width is not None and height is not None and width * height < 200 * 150
    if small and not _responsive(img, attrs):
        return True  # a thumbnail (a responsive image's size attributes only give the ratio)
    if _marked_not_photo(attrs):
        return True
    parent = img.parent
    wrapper = parent is not None and parent.tag in ("picture", "a", "span", "div")
    if wrapper and parent is not None and _marked_not_photo(parent.attributes):
        return True
    alt = attrs.get("alt")
    if alt and _NOT_PHOTO_ALT.search(alt.lower()):
        return True
    lowered = url[:400].lower()
    path = lowered.split("?", 1)[0]
    name = path.rsplit("/", 1)[-1]
    if _NOT_PHOTO.search(name) or _TRACKER.search(lowered) or _tiny_in_url(lowered):
        return True
    return path.endswith((".svg", ".ico"))


def _responsive(img: LexborNode, attrs: dict[str, str | None]) -> bool:
    """Offered in several sizes: a srcset with a candidate 400 pixels wide or more, or a
    <picture>."""
    return _widest(attrs) >= 400 or (img.parent is not None and img.parent.tag == "picture")


_URL_SIZE: Final = re.compile(r"[?&](?:w|h|width|height)=(\d+)")
_URL_BOX: Final = re.compile(r"(?<![\d.])(\d{2,4})x(\d{2,4})(?!\d)|[_/]w(\d{2,4})_h(\d{2,4})[_/]")


def _tiny_in_url(url: str) -> bool:
    """A thumbnail size written into the URL ("?w=40", "96x96", "w128_h128")."""
    return _tiny_in_lowered(url[:400].lower())


@memo(4096)
def _tiny_in_lowered(url: str) -> bool:
    """_tiny_in_url of a lower-cased URL (cached: _image_url and _skip both ask of most URLs)."""
    # the regexes try each position of the URL: skip them when the text they need is missing
    if "=" in url:
        for match in _URL_SIZE.finditer(url):
            if int(match.group(1)) < 100:
                return True
    if "x" not in url and "_h" not in url:
        return False
    for match in _URL_BOX.finditer(url):
        sizes = [int(g) for g in match.groups() if g]
        if sizes and max(sizes) < 150:
            return True
    return False


def _in_teaser_card(img: LexborNode, memo: _Memo) -> bool:
    """The image sits in a small card (under 400 characters of text, one image) whose link
    reads like a headline: a teaser for another story, even when the image is not linked."""
    node = img.parent
    for _ in range(4):
        if node is None or node.tag in ("main", "article", "body"):
            return False
        if memo.several_images(node) or memo.text_length(node) > 400:
            return False
        for link in node.css("a[href]"):
            if _story_link(link) and not _in_caption(link, node):
                return True
        node = node.parent
    return False


def _story_link(link: LexborNode) -> bool:
    """A link to another page that reads like a headline (not "#fullscreen", not a picture)."""
    href = (link.attributes.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return False
    target = href.split("?", 1)[0].split("#", 1)[0].lower()
    if target.endswith((".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")):
        return False
    return is_headline_text(link.text(separator=" "))


def _in_caption(link: LexborNode, stop: LexborNode) -> bool:
    parent = link.parent
    while parent is not None and parent.mem_id != stop.mem_id:
        if _is_caption(parent, strong=True):
            return True
        parent = parent.parent
    return False


def _links_away(img: LexborNode) -> bool:
    """The image is part of a teaser card: it sits in a link, and that link or a link next to
    it reads like a headline (an article figure links to a larger copy or a gallery, and its
    caption is no link)."""
    node = img.parent
    link: LexborNode | None = None
    for _ in range(4):
        if node is None or node.tag in ("figure", "article", "main", "body"):
            return False
        if node.tag == "a":
            link = node
            break
        node = node.parent
    if link is None:
        return False
    href = (link.attributes.get("href") or "").strip()
    if not href or href.startswith(("#", "javascript:")):
        return False
    target = href.split("?", 1)[0].split("#", 1)[0].lower()
    if target.endswith((".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")):
        return False  # a link to the full-size picture
    if is_headline_text(link.text(separator=" ")):
        return True
    card = link.parent
    for _ in range(2):
        if card is None or card.tag in ("figure", "body", "main", "article"):
            return False
        for other in card.css("a[href]"):
            if other.mem_id != link.mem_id and is_headline_text(other.text(separator=" ")):
                return True
        card = card.parent
    return False


# --- captions and credits ---------------------------------------------------------------------

_CREDIT_LABEL: Final = (
    r"(?:mandatory\s+)?credit|image\s+credit|photo(?:graph)?s?|picture|image|foto(?:s|grafie)?|"
    r"bild(?:er)?|bildquelle|bildrechte|fotoquelle|symbolfoto|symbolbild|quelle|fuente|fonte|"
    r"crédito|crédit|copyright|фото|коллаж|写真|사진|zdjęcie|kuva|ảnh|fotoğraf|nuotrauka"
)
_CAPTION_LABEL: Final = re.compile(
    r"^\s*(?:legende|caption|bildunterschrift|leyenda|legenda|légende|подпись)\s*[:：]\s*", re.I
)
_BARE_LABEL: Final = re.compile(
    rf"^\s*(?:{_CREDIT_LABEL}|©|\(c\)|legende|caption|bildunterschrift|leyenda)\s*[:：]?\s*$",
    re.IGNORECASE,
)
_CJK_CREDIT: Final = re.compile(r"[＝=]\s*(?P<credit>[^＝=\s][^＝=]{0,24})$")
_BY_LABEL: Final = r"(?:photo(?:graph)?|picture|image|illustration|foto|video)\s+(?:by|von|de|por)"
_LABEL_PREFIX: Final = re.compile(
    rf"^\s*(?:(?:{_CREDIT_LABEL})\s*[:：]\s*|{_BY_LABEL}\s+)|^\s*(?:©|\(c\))\s*", re.I
)
_TRAILING_LABEL: Final = re.compile(
    rf"(?:^|(?<=[\s.;,|–—(-]))(?:{_CREDIT_LABEL})\s*[:：]\s*(?P<credit>[^:：]{{2,120}}?)\s*\)?\s*$|"
    rf"(?:^|(?<=[.;|–—(]\s)|(?<=[.;|–—(]))\s*(?P<by>{_BY_LABEL}\s+[^.]{{2,120}}?)\s*\)?\s*$|"
    r"(?:^|\s)©\s*(?P<copy>[^©]{2,120}?)\s*$",
    re.IGNORECASE,
)
# What _TRAILING_LABEL cannot match without: a colon, "©" or a "by" word ("Photo by X"). This
# cheap search spares most captions and alt texts that regex, which tries its labels at every
# position (6-17 microseconds a text).
_LABEL_NEEDS: Final = re.compile(r"[:：©]|\s(?:by|von|de|por)", re.IGNORECASE)


def _trailing_label(text: str) -> re.Match[str] | None:
    return _TRAILING_LABEL.search(text) if _LABEL_NEEDS.search(text) else None


_TRAILING_PAREN: Final = re.compile(r"\((?P<credit>[^()]{2,100})\)\s*\.?\s*$")
_TRAILING_SLASH: Final = re.compile(r"\s[/|]\s+(?P<credit>[^/|]{2,80})$")
# "Swedish police officer - Fredrik Persson/AP", "... - Copyright Jane Doe/ 2024 The AP"
_TRAILING_DASH: Final = re.compile(
    r"\s[-–—]\s+(?:copyright\s+|©\s*)?(?P<credit>[^-–—]{2,120})$", re.I
)
# Hangul / CJK captions end with the agency or photographer after the last sentence.
_CJK_TAIL: Final = re.compile(r"(?<=[.。])\s*(?P<credit>[^\s.。]{2,12}(?:\s[^\s.。]{1,8})?)$")
_TRAILING_PLAIN: Final = re.compile(r"(?<=[.!?»“”\"'])\s+(?P<credit>[^.!?]{2,80})$")
_AGENCY_HINT: Final = re.compile(
    r"photo|foto|getty|reuters|\bap\b|afp|dpa|epa|imago|shutterstock|istock|picture[- ]alliance|"
    r"keystone|anadolu|xinhua|efe|ansa|pa wire|/|©|credit|courtesy|handout|images?\b|supplied",
    re.IGNORECASE,
)
_CONNECTORS: Final = frozenset(
    {"via", "by", "for", "and", "of", "de", "von", "und", "y", "e", "the"}
)
_TAIL_SEPARATORS: Final = " \t|/–—-·,;:("


def _tidy(text: str | None) -> str | None:
    if not text:
        return None
    return " ".join(text.split()) or None


def clean_credit(text: str | None) -> str | None:
    """A credit without its label: "Foto: Peter Kneffel/dpa" -> "Peter Kneffel/dpa"."""
    text = _tidy(text)
    if text is None or _BARE_LABEL.match(text):
        return None
    if text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    text = _LABEL_PREFIX.sub("", text).strip()
    text = _RIGHTS.sub("", text).strip(" /,.") or text
    text = _REPORTER.sub("", text)
    parts = [p.strip() for p in text.split(" | ")]
    if len(parts) > 1 and len(set(parts)) == 1:
        text = parts[0]
    return text or None


# "X/Copyright 2026 The AP. All rights reserved." -> "X"
_RIGHTS: Final = re.compile(
    r"\s*/?\s*(?:copyright|©)\s+\d{4}\b.*$|[\s.,/]*all rights reserved\.?$", re.IGNORECASE
)
# Korean credits name the photographer and his title: "고영권 기자" (reporter)
_REPORTER: Final = re.compile(r"\s+기자$")
# A one-word label on a credit element: "Источник: X", "Isithombe: X" (any language)
_WORD_LABEL: Final = re.compile(r"^[^\W\d_]{3,14}\s*:\s+(?=\S)")
# Japanese: "…（潟沼義樹撮影）" = photographed by 潟沼義樹
_JA_TAKEN_BY: Final = re.compile(r"[（(](?P<credit>[^（）()]{1,20}?)撮影[）)]$")


def clean_caption(text: str | None) -> str | None:
    """A caption without a "Legende:" label; None when it is only a label ("Foto")."""
    text = _tidy(text)
    if text is None or _BARE_LABEL.match(text):
        return None
    return _CAPTION_LABEL.sub("", text).strip() or None


def looks_like_credit(text: str) -> bool:
    """A short name-like line ("IMAGO/Nico Herbertz", "AP Photo/Eric Gay, File", "Supplied")."""
    text = text.strip()
    if not text or len(text) > 80 or text.endswith((".", "!", "?", ":")):
        return False
    if text.startswith("©") or _LABEL_PREFIX.match(text):
        return True
    words = text.replace("/", " ").split()
    if not words or len(words) > 8:
        return False
    if "/" in text and any(w[0].isupper() for w in words):
        return True
    capitalised = sum(1 for w in words if w[0].isupper() or w[0].isdigit() or not w[0].isalpha())
    others = [w for w in words if not (w[0].isupper() or not w[0].isalpha())]
    return capitalised >= 1 and all(w.lower() in _CONNECTORS for w in others)


def split_credit(caption: str | None) -> tuple[str | None, str | None]:
    """Split a credit off the end of a caption: ("A man walks. Photo: X", ...) -> (A man walks., X).

    Recognises labelled credits ("Photo: X", "Foto: X / dpa", "Mandatory Credit: X", "© X",
    "Photo by X"), a closing parenthesis that names an agency or photographer ("(AP Photo/X)",
    "(Getty Images)"), " / X" and a short name-like line after the last sentence.
    """
    text = _tidy(caption)
    if text is None:
        return None, None
    shared = shared_split_credit(text)
    # a "credit" holding a sentence end is caption text cut at a word like "picture-"
    if shared.credit is not None and ". " not in shared.credit:
        return shared.caption, clean_credit(shared.credit)
    match = _JA_TAKEN_BY.search(text)
    if match:
        return _head(text, match.start()), clean_credit(match.group("credit"))
    match = _trailing_label(text)
    if match:
        credit = match.group("credit") or match.group("by") or match.group("copy")
        return _head(text, match.start()), clean_credit(credit)
    match = _TRAILING_PAREN.search(text)
    if match and _AGENCY_HINT.search(match.group("credit")):
        return _head(text, match.start()), clean_credit(match.group("credit"))
    for pattern in (_TRAILING_SLASH, _TRAILING_PLAIN):
        match = pattern.search(text)
        if match and looks_like_credit(match.group("credit")):
            return _head(text, match.start()), clean_credit(match.group("credit"))
    match = _TRAILING_DASH.search(text)
    if match and (credit := _dash_credit(match.group(0), match.group("credit"))):
        return _head(text, match.start()), credit
    if _CJK.search(text):
        match = _CJK_CREDIT.search(text)
        if match and not match.group("credit").endswith("で"):
            # "…＝２日、共同": the date the photo was taken, then who took it
            credit = re.split(r"[、,，]\s*", match.group("credit"))[-1]
            return _head(text, match.start()), clean_credit(credit)
        match = _CJK_TAIL.search(text)
        if (match and _CJK.search(match.group("credit"))) or (
            match and looks_like_credit(match.group("credit"))
        ):
            return _head(text, match.start()), clean_credit(match.group("credit"))
    return text, None


_RIGHTS_TAIL: Final = re.compile(r"[/,.]?\s*(?:\d{4}\s+)?[^/,.]*?all rights reserved\.?$", re.I)


def _dash_credit(whole: str, credit: str) -> str | None:
    """The credit after a dash, when it reads like one: labelled with Copyright / ©, or a
    name-like line with a slash or an agency ("Fredrik Persson/AP")."""
    labelled = bool(re.match(r"\s[-–—]\s+(?:copyright|©)", whole, re.I))
    credit = _RIGHTS_TAIL.sub("", credit).strip(" /,.")
    credit = re.sub(r"/\s*\d{4}\s+.*$", "", credit).strip(" /,.") if labelled else credit
    if not credit:
        return None
    if labelled or ("/" in credit and looks_like_credit(credit)):
        return clean_credit(credit)
    return None


def _head(text: str, end: int) -> str | None:
    return text[:end].rstrip(_TAIL_SEPARATORS).strip() or None


_FIGURE_HINT: Final = re.compile(
    r"figure|image|img|photo|picture|media|foto|bild|visual|hero|lead|gallery|slide"
)
# Class words of caption and credit elements (matched on the lower-cased class attribute; one
# Python pass over a holder's elements is cheaper than a list of CSS substring selectors).
_STRONG_CAPTION: Final = re.compile(r"caption|legend|leyenda|bildunterschrift")
_WEAK_CAPTION: Final = re.compile(
    r"caption|legend|leyenda|bildunterschrift|subtitle|desc|info|bildtext|text|(?:^|\s)bu(?:\s|$)"
)
_CREDIT_CLASS: Final = re.compile(
    r"credit|copyright|photographer|fotograf|source|quelle|courtesy|attribution|author|byline|"
    r"autor|fuente|rights"
)
_CREDIT_TAGS: Final = frozenset({"cite", "footer", "small"})
_NOT_CAPTION_TAGS: Final = frozenset({"img", "picture", "source", "meta", "a", "button", "svg"})
_NON_TEXT: Final = (
    "svg, button, script, style, noscript, template, .sr-only, .visually-hidden, "
    ".screen-reader-text, [class*=visually-hidden]"
)
_MAX_CAPTION: Final = 800


def _class(node: LexborNode) -> str:
    return (node.attributes.get("class") or "").lower()


def _is_caption(node: LexborNode, *, strong: bool) -> bool:
    if node.tag == "figcaption":
        return True
    if node.tag in _NOT_CAPTION_TAGS:
        return False
    attrs = node.attributes
    itemprop = attrs.get("itemprop")
    if itemprop == "caption" or (not strong and itemprop == "description"):
        return True
    cls = (attrs.get("class") or "").lower()
    return bool(cls) and bool((_STRONG_CAPTION if strong else _WEAK_CAPTION).search(cls))


def _is_credit(node: LexborNode) -> bool:
    if node.tag in _CREDIT_TAGS:
        return True
    attrs = node.attributes
    if attrs.get("itemprop") in ("copyrightHolder", "author", "creditText"):
        return True
    cls = (attrs.get("class") or "").lower()
    return bool(cls) and bool(_CREDIT_CLASS.search(cls))


def _counted(img: LexborNode) -> bool:
    """An image that counts (not the copy of one in a <noscript> or an <amp-img>)."""
    parent = img.parent
    return parent is None or parent.tag not in ("noscript", "amp-img")


def _several_images(node: LexborNode) -> bool:
    """More than one image under the node (or the node and one under it)."""
    count = 0
    for img in node.css("img, amp-img"):
        if _counted(img):
            count += 1
            if count > 1:
                return True
    return False


def _caption_near(node: LexborNode, memo: _Memo) -> bool:
    """A caption-like element among the node's children and grandchildren (or the node)."""
    if memo.weak_caption(node):
        return True
    for child in node.iter():
        if memo.weak_caption(child):
            return True
        for grandchild in child.iter():
            if memo.weak_caption(grandchild):
                return True
    return False


class _Memo:
    """Answers about one page's nodes (image count, text length, caption look), by mem_id: the
    tests of each image climb the same ancestors (and _caption_near looks again at the children
    of the node it looked at last), and a gallery's images share all of theirs."""

    __slots__ = ("_captions", "_lengths", "_several")

    def __init__(self) -> None:
        self._several: dict[int, bool] = {}
        self._captions: dict[int, bool] = {}
        self._lengths: dict[int, int] = {}

    def count_images(self, scope: LexborNode, images: list[LexborNode]) -> None:
        """Answer several_images for the elements of ``scope`` that hold an image, from the
        scope's ``images``: one climb from each image to the scope costs less than a CSS query
        for each element asked about. A climb stops at an element found holding two already
        (the climbs that found them went on to the scope: its ancestors hold two as well)."""
        held: dict[int, int] = {}
        stop = scope.mem_id
        for img in images:
            if not _counted(img):
                continue
            node: LexborNode | None = img
            while node is not None:
                key = node.mem_id
                count = held.get(key, 0)
                if count > 1:
                    break
                held[key] = count + 1
                if key == stop:
                    break
                node = node.parent
        for key, count in held.items():
            self._several.setdefault(key, count > 1)

    def several_images(self, node: LexborNode) -> bool:
        found = self._several.get(node.mem_id)
        if found is None:
            found = self._several[node.mem_id] = _several_images(node)
        return found

    def text_length(self, node: LexborNode) -> int:
        length = self._lengths.get(node.mem_id)
        if length is None:
            length = self._lengths[node.mem_id] = len(node.text())
        return length

    def weak_caption(self, node: LexborNode) -> bool:
        """_is_caption(node, strong=False)."""
        found = self._captions.get(node.mem_id)
        if found is None:
            found = self._captions[node.mem_id] = _is_caption(node, strong=False)
        return found


def _marks(attrs: dict[str, str | None]) -> str:
    """The class and id of a node, lower-cased ("" without either), from its ``attrs`` (read
    once: node.attributes builds a new dict at each call)."""
    return " ".join([v for v in (attrs.get("class"), attrs.get("id")) if v]).lower()


def _holder(img: LexborNode, stop: LexborNode, memo: _Memo) -> LexborNode | None:
    """The element that holds one image and its caption: a <figure> or the nearest ancestor
    (up to five levels, one image only) that has a caption-like element."""
    node = img.parent
    hinted: LexborNode | None = None
    for _ in range(5):
        if node is None or node.tag in ("body", "main", "article"):
            break
        if node.tag == "figure":
            return node
        at_stop = node.mem_id == stop.mem_id
        if at_stop and len(list(node.iter())) > 3:
            break  # the article body itself is no image holder
        if memo.several_images(node):
            break
        if _caption_near(node, memo):
            return node
        if hinted is None:
            marks = _marks(node.attributes)
            if marks and _FIGURE_HINT.search(marks):
                hinted = node
        if at_stop:
            break
        node = node.parent
    return hinted


def _text_of(node: LexborNode, limit: int = 5000) -> str | None:
    """Visible text of a node, without icon labels, buttons and scripts; None past ``limit``."""
    raw = node.text(separator=" ")
    if len(raw) > limit:
        return None
    text = " ".join(raw.split())
    if not text:
        return None
    for hidden in node.css(_NON_TEXT):
        part = " ".join(hidden.text(separator=" ").split())
        if part:
            text = _remove(text, part)
    return text or None


def _usable_caption(node: LexborNode) -> str | None:
    """The node's text when the node can be a caption (no image or link, at most
    _MAX_CAPTION characters of text), else None."""
    if node.tag in _NOT_CAPTION_TAGS:
        return None
    text = _text_of(node, limit=4 * _MAX_CAPTION)
    return text if text and len(text) <= _MAX_CAPTION else None


# An element and its _text_of (default limit), found together: the tests that choose a caption
# or a credit element read its text with a lower limit, and a text under that limit is the
# same text, so the caller need not read it again (a node's text and its CSS query for hidden
# parts are a good part of the cost of an image).
_Found = tuple[LexborNode, str | None]


def _caption_node(holder: LexborNode) -> _Found | None:
    """The caption element of a holder and its text: figcaption, then class-named ones, then
    (outside a figure) a short text box next to the image, then a caption just after the
    holder."""
    figure = holder.tag == "figure"
    if not figure and _is_caption(holder, strong=False):
        return holder, _text_of(holder)
    for node in holder.css("figcaption"):
        if text := _usable_caption(node):
            return node, text
    elements = list(holder.css("*"))[1:]  # node.css includes the node itself
    passes = (True,) if figure else (True, False)
    for strong in passes:
        for node in elements:
            if _is_caption(node, strong=strong) and (text := _usable_caption(node)):
                return node, text
    children = list(holder.iter())
    if not figure and len(children) <= 3:
        for child in children:
            if child.tag in ("p", "div", "span", "small") and child.css_first("img") is None:
                text = _text_of(child, limit=1000)
                if text and len(text) <= 400:
                    return child, text
    return _caption_after(holder)


def _caption_after(holder: LexborNode) -> _Found | None:
    """A caption element right after the holder (or after its only-child wrapper)."""
    node = holder
    for _ in range(2):
        sibling = node.next
        while sibling is not None and not sibling.is_element_node:
            sibling = sibling.next
        if sibling is not None:
            if not _is_caption(sibling, strong=True):
                return None
            text = _usable_caption(sibling)
            if text and sibling.css_first("img") is None:
                return sibling, text
            return None
        parent = node.parent
        if parent is None or parent.tag in ("body", "main", "article"):
            return None
        node = parent
    return None


def _credit_node(
    holder: LexborNode, caption: LexborNode | None, caption_text: str | None
) -> _Found | None:
    """The credit element and its text: class-named (credit, copyright, source, ...) or a
    footer / cite / small element, inside the caption first, then anywhere in the holder."""
    scopes = [caption, holder] if caption is not None else [holder]
    for scope in scopes:
        for node in list(scope.css("*"))[1:]:  # node.css includes the node itself
            if (node.tag in _NOT_CAPTION_TAGS and node.tag != "a") or not _is_credit(node):
                continue
            if caption is not None and node.mem_id == caption.mem_id:
                continue
            text = _text_of(node, limit=600)
            if not text or len(text) > 150 or node.css_first("img, figcaption") is not None:
                continue
            if caption_text and caption_text in text:
                continue
            weak = node.tag in _CREDIT_TAGS
            if weak and not looks_like_credit(clean_credit(text) or "") and scope is caption:
                continue
            return node, text
    return None


def _last_inline_credit(caption: LexborNode) -> str | None:
    """A credit set as the caption's last inline element: "Text <span>IMAGO/X</span>"."""
    last = caption.last_child
    while last is not None and not last.is_element_node:
        if (last.text_content or "").strip():
            return None
        last = last.prev
    if last is None or last.tag not in ("span", "small", "em", "i", "b", "strong", "cite"):
        return None
    text = _tidy(last.text(separator=" "))
    return text if text and looks_like_credit(text) else None


def _remove(text: str, part: str) -> str:
    idx = text.rfind(part)
    if idx < 0:
        return text
    return (text[:idx] + " " + text[idx + len(part) :]).strip().strip(_TAIL_SEPARATORS).strip()


def _from_attributes(attrs: dict[str, str | None]) -> tuple[str | None, str | None]:
    """Caption and credit the image element carries itself (data-caption, title "X | credit")."""
    caption = _tidy(attrs.get("data-caption") or attrs.get("data-description"))
    credit = None
    for name in ("data-credit", "data-copyright", "data-photographer", "data-source"):
        value = _tidy(attrs.get(name))
        if value and "://" not in value and not value.startswith("/"):
            credit = clean_credit(value)
            break
    title = _tidy(attrs.get("title"))
    if title and caption is None:
        head, sep, tail = title.rpartition(" | ")
        if sep and looks_like_credit(tail):
            caption, credit = head, credit or clean_credit(tail)
    if caption and credit is None:
        caption, credit = split_credit(caption)
    alt = _tidy(attrs.get("alt"))
    if credit is None and alt and ("©" in alt or _trailing_label(alt)):
        credit = split_credit(alt)[1]
    return clean_caption(caption), credit


def _caption_and_credit(
    attrs: dict[str, str | None], holder: LexborNode | None
) -> tuple[str | None, str | None]:
    """The image's caption and credit, from its holder else from its attributes ``attrs``."""
    if holder is None:
        return _from_attributes(attrs)
    cap_node, caption = _caption_node(holder) or (None, None)
    credit_raw = (_credit_node(holder, cap_node, caption) or (None, None))[1]
    if credit_raw is None and cap_node is not None:
        credit_raw = _last_inline_credit(cap_node)
    if caption and credit_raw:
        if credit_raw == caption:
            caption_only, credit = split_credit(caption)
            return clean_caption(caption_only), credit or clean_credit(credit_raw)
        caption = _remove(caption, credit_raw) or None
    credit = clean_credit(_WORD_LABEL.sub("", credit_raw) if credit_raw else None)
    if caption and credit is None:
        caption, credit = split_credit(caption)
    elif caption:
        caption = split_credit(caption)[0]
    caption = clean_caption(caption)
    if caption is None or credit is None:
        attr_caption, attr_credit = _from_attributes(attrs)
        caption, credit = caption or attr_caption, credit or attr_credit
    return caption, credit


# --- scopes -------------------------------------------------------------------------------------

_LEAD_HINT: Final = re.compile(r"hero|lead|media|image|figure|photo|visual|top|header|picture")


def _lead_nodes(main: LexborNode) -> list[LexborNode]:
    """Elements just before main that hold the lead image (up to the one with the h1)."""
    found: list[LexborNode] = []
    node: LexborNode | None = main
    for _ in range(2):
        if node is None:
            break
        sibling = node.prev
        seen = 0
        while sibling is not None and seen < 4:
            if sibling.is_element_node:
                seen += 1
                tag = sibling.tag
                if tag in ("nav", "script", "style", "footer"):
                    break
                has_h1 = tag == "h1" or sibling.css_first("h1") is not None
                if tag in ("figure", "picture", "img", "amp-img"):
                    found.append(sibling)
                elif has_h1:
                    found.append(sibling)
                    return found[::-1]
                else:
                    marks = _marks(sibling.attributes)
                    hint = marks and _LEAD_HINT.search(marks)
                    if hint and attribute_kind(sibling) is None:
                        found.append(sibling)
            sibling = sibling.prev
        node = node.parent
        if node is not None and node.tag in ("body", "html"):
            break
    return found[::-1]


def _in_furniture(img: LexborNode, stop: LexborNode, cache: dict[int, bool]) -> bool:
    node = img.parent
    path: list[int] = []
    result = False
    while node is not None and node.mem_id != stop.mem_id:
        key = node.mem_id
        if key in cache:
            result = cache[key]
            break
        path.append(key)
        if node.tag not in ("figure", "picture", "a", "p", "span"):
            attrs = node.attributes
            kind = attribute_kind(node, attrs)
            if kind is not None or ((marks := _marks(attrs)) and _PERSON_BOX.search(marks)):
                result = True
                break
        node = node.parent
    for key in path:
        cache[key] = result
    return result


def _resolve(url: str, base_url: str | None) -> str:
    if url.startswith("//"):
        return ("https:" if not base_url else base_url.split(":", 1)[0] + ":") + url
    return join_url(base_url, url) if base_url else url


def _images_in(
    scope: LexborNode, base_url: str | None, seen: dict[str, int], out: list[Image], memo: _Memo
) -> None:
    cache: dict[int, bool] = {}
    if scope.tag in ("img", "amp-img"):
        nodes = [scope]
    else:
        nodes = scope.css("img, amp-img")
        memo.count_images(scope, nodes)
    for img in nodes:
        attrs = img.attributes  # read once: lexbor builds a new dict at each img.attributes
        raw = _image_url(img, attrs)
        if raw is None or _skip(img, attrs, raw):
            continue
        if img.tag == "img" and img.parent is not None and img.parent.tag == "amp-img":
            continue
        if _in_furniture(img, scope, cache) or _links_away(img) or _in_teaser_card(img, memo):
            continue
        url = _resolve(raw, base_url)
        caption, credit = _caption_and_credit(attrs, _holder(img, scope, memo))
        alt = _tidy(attrs.get("alt"))
        image = Image(url=url, alt=alt, caption=caption, credit_text=credit)
        if url in seen:
            old = out[seen[url]]
            if (old.caption is None and caption) or (old.credit_text is None and credit):
                out[seen[url]] = Image(
                    url=url,
                    alt=old.alt or alt,
                    caption=old.caption or caption,
                    credit_text=old.credit_text or credit,
                )
            continue
        seen[url] = len(out)
        out.append(image)


def extract_images(
    main: LexborNode | None, tree: LexborHTMLParser, *, base_url: str | None = None
) -> tuple[Image, ...]:
    """The article's images in document order, deduplicated by URL."""
    out: list[Image] = []
    seen: dict[str, int] = {}
    if main is None:
        body = tree.body
        if body is not None:
            _images_in(body, base_url, seen, out, _Memo())
        return tuple(out)
    memo = _Memo()  # shared by the lead nodes and main: its answers do not depend on the scope
    for lead in _lead_nodes(main):
        _images_in(lead, base_url, seen, out, memo)
    _images_in(main, base_url, seen, out, memo)
    return tuple(out)
