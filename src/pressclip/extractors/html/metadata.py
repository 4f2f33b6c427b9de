"""Page metadata from structured data (JSON-LD, OpenGraph, meta tags), checked against the page.

The page is read once into three views (``meta.jsonld``, ``meta.tags``, ``meta.visible``); each
field is then decided from candidates in order of trust, with checks against what a reader sees:

- headline: a visible <h1> that equals or is contained in a declared title wins; declared
  titles lose their " | Site" part; truncated JSON-LD headlines are skipped.
- author: persons only. The site/publisher name, news agencies (those go to
  ``source_organization``), URLs and "Email the author" style noise are rejected.
- date_published: the declared publication time, unless it equals the modification time while
  the page shows an earlier day; then a date shown near the headline, then the URL. A page that
  only gives an update date gets it as ``date_published`` with the source "dateModified".
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.meta.agencies import agency_name
from pressclip.extractors.html.meta.dating import choose_dates
from pressclip.extractors.html.meta.elements import find_elements
from pressclip.extractors.html.meta.jsonld import JsonLd, Node, read_jsonld, text_of, types_of
from pressclip.extractors.html.meta.people import choose_authors
from pressclip.extractors.html.meta.tags import Tags, read_tags
from pressclip.extractors.html.meta.titles import choose_headline, key, strip_site
from pressclip.extractors.html.meta.visible import read_visible
from pressclip.model import Image, Person


@dataclass(frozen=True, slots=True, kw_only=True)
class Metadata:
    """What a page says about itself, before the body is known."""

    headline: str | None = None
    alternative_headline: str | None = None
    description: str | None = None
    author: tuple[Person, ...] = ()
    date_published: str | None = None
    date_modified: str | None = None
    article_section: str | None = None
    keywords: tuple[str, ...] = ()
    in_language: str | None = None
    url: str | None = None
    publisher: str | None = None
    source_organization: str | None = None
    copyright_notice: str | None = None
    images: tuple[Image, ...] = ()
    # The page's declared type ("NewsArticle", "article", "website", ...), if any.
    page_type: str | None = None
    # articleBody from JSON-LD, a strong hint for where the body is.
    structured_body: str | None = None
    # (field, source) pairs: where each field came from.
    sources: tuple[tuple[str, str], ...] = ()
    # datePublished, dateModified and their (field, source) pairs as read from what speaks for
    # the page itself alone: what a page that is not an article keeps (see choose_dates).
    page_dates: tuple[str | None, str | None, tuple[tuple[str, str], ...]] = (None, None, ())


def extract_metadata(tree: LexborHTMLParser, *, url: str | None = None) -> Metadata:
    elements = find_elements(tree)
    ld = read_jsonld(elements.ld_scripts)
    tags = read_tags(tree, elements)
    titles = [t for t in (tags.first("og:title"), tags.title, tags.first("twitter:title")) if t]
    titles += [h for h in (text_of(n.data.get("headline")) for n in ld.articles()[:5]) if h]
    vis = read_visible(tree, elements.h1s, titles)
    sources: list[tuple[str, str]] = []
    canonical = _canonical(tags, url)
    art = _pick_article(ld, canonical, vis.h1)
    a: dict[str, Any] = art.data if art is not None else {}

    sites = _site_names(ld, tags, a, canonical or url)
    publisher = sites[0][0] if sites else None
    if publisher:
        sources.append(("publisher", sites[0][1]))

    headline = _headline(ld, a, tags, vis.h1, [s for s, _ in sites])
    if headline:
        sources.append(("headline", headline[1]))

    lang = _language(a, tags)
    day_first = not (lang or "").lower().startswith(("en-us", "en_us")) and lang != "en"
    authors, wires, author_src = choose_authors(ld, a, tags, vis, [s for s, _ in sites])
    if author_src:
        sources.append(("author", author_src))

    (published, modified, date_srcs), page_dates = choose_dates(
        a, ld, tags, vis, canonical or url, day_first
    )
    sources.extend(date_srcs)

    source_org = _source_org(ld, a, tags, wires, [s for s, _ in sites])
    if source_org:
        sources.append(("sourceOrganization", source_org[1]))

    def field(name: str, pairs: list[tuple[str | None, str]]) -> str | None:
        for value, src in pairs:
            if value:
                sources.append((name, src))
                return value
        return None

    description = field(
        "description",
        [
            (text_of(a.get("description")), "json-ld"),
            (tags.first("og:description"), "opengraph"),
            (tags.first("description"), "meta"),
            (tags.first("twitter:description"), "twitter"),
        ],
    )
    alternative = field(
        "alternativeHeadline",
        [
            (text_of(a.get("alternativeHeadline")), "json-ld"),
            (
                next((d for d in vis.deks if key(d) != key(headline[0] if headline else "")), None),
                "visible",
            ),
        ],
    )
    section = field(
        "articleSection",
        [
            (text_of(a.get("articleSection")), "json-ld"),
            (
                tags.first("article:section", "parsely-section", "section", "sailthru.section"),
                "meta",
            ),
            (tags.item("articlesection"), "microdata"),
        ],
    )
    copyright_notice = field(
        "copyrightNotice",
        [
            (_copyright(a), "json-ld"),
            (tags.first("copyright", "dcterms.rights", "dc.rights", "rights"), "meta"),
        ],
    )
    keywords = _keywords(a, tags)
    if keywords:
        sources.append(("keywords", "json-ld" if a.get("keywords") else "meta"))
    if lang:
        sources.append(("inLanguage", "json-ld" if a.get("inLanguage") else "meta"))
    images = _images(ld, a, tags)
    if images:
        sources.append(("image", "json-ld" if a.get("image") else "opengraph"))
    page_type = _page_type(art, tags)
    body = text_of(a.get("articleBody")) if isinstance(a.get("articleBody"), str) else None

    return Metadata(
        headline=headline[0] if headline else None,
        alternative_headline=alternative,
        description=description,
        author=tuple(Person(name=n) for n in authors),
        date_published=published,
        date_modified=modified,
        article_section=section,
        keywords=keywords,
        in_language=lang,
        url=canonical or url,
        publisher=publisher,
        source_organization=source_org[0] if source_org else None,
        copyright_notice=copyright_notice,
        images=images,
        page_type=page_type,
        structured_body=body,
        sources=tuple(dict.fromkeys(sources)),
        page_dates=page_dates,
    )


def _canonical(tags: Tags, url: str | None) -> str | None:
    for value in (tags.canonical, tags.first("og:url")):
        if value and value.startswith(("http://", "https://")):
            return value
        if value and value.startswith("/") and url:
            parts = urlsplit(url)
            return f"{parts.scheme}://{parts.netloc}{value}"
    return url


def _url_key(value: Any) -> str:
    text = text_of(value) or ""
    parts = urlsplit(text.strip())
    host = parts.netloc.lower().removeprefix("www.")
    return f"{host}{parts.path.rstrip('/')}" if host else ""


def _pick_article(ld: JsonLd, canonical: str | None, h1s: list[str]) -> Node | None:
    """The JSON-LD node about this page: an article matching the canonical URL or the <h1>."""
    candidates = ld.articles() or ld.pages()
    if not candidates:
        return None
    want = _url_key(canonical) if canonical else ""
    h1_keys = {key(h) for h in h1s if key(h)}

    def score(node: Node) -> tuple[float, int]:
        d = node.data
        s = 0.0
        urls = {_url_key(d.get(k)) for k in ("url", "@id", "mainEntityOfPage")}
        urls.discard("")
        if want and want in urls:
            s += 4
        hk = key(text_of(d.get("headline")) or text_of(d.get("name")))
        if hk and hk in h1_keys:
            s += 3
        if d.get("datePublished"):
            s += 1
        if d.get("author"):
            s += 1
        if node.listed:
            s -= 4
        if node.types & {"webpage", "collectionpage", "itempage"}:
            s -= 1
        return s, -node.order

    return max(candidates, key=score)


def _site_names(
    ld: JsonLd, tags: Tags, a: dict[str, Any], url: str | None
) -> list[tuple[str, str]]:
    out: list[tuple[str, str]] = []
    pub = a.get("publisher")
    pub = ld.resolve(pub[0] if isinstance(pub, list) and pub else pub)
    if "person" in types_of(pub):
        pub = None  # a personal site: its "publisher" is the author
    for value, src in (
        (tags.first("og:site_name"), "opengraph"),
        (text_of(pub.get("name")) if isinstance(pub, dict) else text_of(pub), "json-ld"),
        (next((text_of(n.data.get("name")) for n in ld.of_type("WebSite")), None), "json-ld"),
        (tags.first("application-name", "apple-mobile-web-app-title"), "meta"),
        (
            next(
                (
                    text_of(n.data.get("name"))
                    for n in ld.of_type("NewsMediaOrganization", "Organization")
                    if "person" not in n.types
                ),
                None,
            ),
            "json-ld",
        ),
    ):
        if value and len(value) <= 80 and not value.startswith("http"):
            out.append((value, src))
    if url:
        host = urlsplit(url).netloc.lower().removeprefix("www.")
        if host:
            out.append((host, "url"))
            out.append((_host_name(host), "url"))
    return out


_SECOND_LEVEL: Final = {"co", "com", "org", "net", "gov", "ac", "edu", "or", "ne", "go"}


def _host_name(host: str) -> str:
    """The name part of a host: "news.example.co.uk" -> "example"."""
    labels = host.split(".")
    if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def _headline(
    ld: JsonLd, a: dict[str, Any], tags: Tags, h1s: list[str], sites: list[str]
) -> tuple[str, str] | None:
    declared: list[tuple[str, str]] = []
    for value, src in (
        (text_of(a.get("headline")), "json-ld"),
        (tags.first("og:title"), "opengraph"),
        (tags.first("twitter:title"), "twitter"),
        (tags.item("headline"), "microdata"),
        (
            tags.first("dc.title", "dcterms.title", "parsely-title", "sailthru.title", "title"),
            "meta",
        ),
        (tags.title, "title"),
        (text_of(a.get("name")), "json-ld"),
    ):
        if value:
            declared.append((strip_site(value, sites), src))
    return choose_headline(h1s, declared, sites)


def _language(a: dict[str, Any], tags: Tags) -> str | None:
    for value in (
        text_of(a.get("inLanguage")),
        tags.lang,
        tags.first("content-language", "dc.language", "language", "og:locale"),
    ):
        if value and 2 <= len(value) <= 16:
            return value.replace("_", "-")
    return None


def _related(a: str, b: str) -> bool:
    ka, kb = key(a), key(b)
    return bool(ka and kb) and (ka in kb or kb in ka) and min(len(ka), len(kb)) >= 4


def _source_org(
    ld: JsonLd, a: dict[str, Any], tags: Tags, wires: list[str], sites: list[str]
) -> tuple[str, str] | None:
    for k in ("sourceOrganization", "provider"):
        v = ld.resolve(a.get(k))
        name = text_of(v.get("name")) if isinstance(v, dict) else text_of(v)
        if name and not name.startswith("http"):
            return agency_name(name) or name, "json-ld"
    meta = tags.first("article:source", "source", "original-source", "syndication-source")
    if meta and not meta.startswith("http"):
        meta = re.sub(r"^[^:：]{1,12}[:：]\s*", "", meta)  # "Source: X", "来源：X"
        agency = agency_name(meta)
        if agency or not any(_related(meta, s) for s in sites):
            return agency or meta, "meta"
    if wires:
        return wires[0], "json-ld"
    return None


def _copyright(a: dict[str, Any]) -> str | None:
    notice = text_of(a.get("copyrightNotice"))
    if notice:
        return notice
    holder = a.get("copyrightHolder")
    name = text_of(holder.get("name")) if isinstance(holder, dict) else text_of(holder)
    if not name:
        return None
    year = text_of(a.get("copyrightYear"))
    return f"© {year} {name}" if year else f"© {name}"


def _keywords(a: dict[str, Any], tags: Tags) -> tuple[str, ...]:
    raw = a.get("keywords")
    items: list[str] = []
    if isinstance(raw, list):
        items = [t for t in (text_of(x) for x in raw) if t]
    elif isinstance(raw, str):
        items = raw.split(",")
    if not items:
        items = tags.all("article:tag")
    if not items:
        for value in tags.all("news_keywords", "keywords", "parsely-tags", "sailthru.tags"):
            items.extend(value.split(","))
    out = [" ".join(i.split()) for i in items]
    return tuple(dict.fromkeys(i for i in out if i and len(i) <= 80))[:50]


def _images(ld: JsonLd, a: dict[str, Any], tags: Tags) -> tuple[Image, ...]:
    found: list[Image] = []
    raw = a.get("image")
    for item in (raw if isinstance(raw, list) else [raw])[:5]:
        item = ld.resolve(item)
        if isinstance(item, str) and item.startswith(("http", "/")):
            found.append(Image(url=item))
        elif isinstance(item, dict):
            src = text_of(item.get("url")) or text_of(item.get("contentUrl"))
            if src:
                credit = item.get("creditText") or item.get("copyrightHolder") or item.get("author")
                found.append(
                    Image(
                        url=src,
                        caption=text_of(item.get("caption")) or text_of(item.get("description")),
                        credit_text=text_of(credit.get("name"))
                        if isinstance(credit, dict)
                        else text_of(credit),
                    )
                )
    og = tags.first(
        "og:image", "og:image:url", "og:image:secure_url", "twitter:image", "twitter:image:src"
    )
    if og:
        found.append(Image(url=og, alt=tags.first("og:image:alt", "twitter:image:alt")))
    by_url: dict[str, Image] = {}
    for img in found:
        if not img.url:
            continue
        have = by_url.get(img.url)
        if have is None:
            by_url[img.url] = img
        elif have.alt is None and img.alt:
            by_url[img.url] = dataclasses.replace(have, alt=img.alt)
    return tuple(by_url.values())[:3]


def _page_type(art: Node | None, tags: Tags) -> str | None:
    if art is not None:
        t = art.data.get("@type")
        name = t if isinstance(t, str) else (t[0] if isinstance(t, list) and t else None)
        if isinstance(name, str):
            return name
    return tags.first("og:type")
