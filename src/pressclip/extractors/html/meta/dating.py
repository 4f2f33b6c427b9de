"""Publication and modification dates, declared first, then visible, then the URL.

``dateModified`` never overrides a publication date the page gives (declared, shown near the
headline, or in the URL). A page that gives *only* an update date gets that date as
``datePublished`` too, since the text as it stands was published then; its source is recorded
as ``("datePublished", "dateModified")`` so a consumer can tell and drop it.
A declared publication date equal to the modification date while the page shows an earlier
publication day is taken for overwritten: the shown day wins.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import unquote

from pressclip.extractors.html.meta.jsonld import JsonLd, text_of
from pressclip.extractors.html.meta.tags import Tags
from pressclip.extractors.html.meta.visible import Visible
from pressclip.signals.dates import date_in_url, normalize_date, search_date

_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "publish_date",
    "pubdate",
    "publication_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dcterms.date",
    "dc.date",
    "dcterms.created",
    "dc.date.created",
    "date",
    "og:published_time",
    "article.published",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "displaydate",
    "citation_publication_date",
    "citation_date",
    "datecreated",
    "article:post_date",
    "release_date",
    "rnews:datepublished",
    "published_time",
    "article_date_original",
    "og:pubdate",
    "timestamp",
)
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "article:modified",
    "datemodified",
    "last-modified",
    "dcterms.modified",
    "dc.date.modified",
    "lastmod",
    "og:modified_time",
    "article.updated",
    "parsely-updated",
    "sailthru.lastmodified",
)


def choose_dates(
    a: dict[str, Any], ld: JsonLd, tags: Tags, vis: Visible, url: str | None, day_first: bool
) -> tuple[str | None, str | None, list[tuple[str, str]]]:
    sources: list[tuple[str, str]] = []

    def norm(value: Any) -> str | None:
        return normalize_date(text_of(value), day_first=day_first)

    candidates: list[tuple[str | None, str]] = [
        (norm(a.get("datePublished")), "json-ld"),
        (norm(a.get("dateCreated")), "json-ld"),
    ]
    candidates += [
        (normalize_date(v, day_first=day_first), "meta") for v in tags.all(*_PUBLISHED_META)[:6]
    ]
    candidates += [
        (normalize_date(v, day_first=day_first), "microdata")
        for v in tags.items.get("datepublished", [])[:3]
    ]
    candidates.append((_first_norm(_loose_keys(tags), day_first), "meta"))
    declared = _first(candidates)
    modified = _first(
        [
            (norm(a.get("dateModified")), "json-ld"),
            (_first_norm(tags.all(*_MODIFIED_META), day_first), "meta"),
            (normalize_date(tags.item("datemodified"), day_first=day_first), "microdata"),
            (_visible(vis, day_first, modified=True, near_only=False), "visible"),
        ]
    )
    shown = _visible(vis, day_first, modified=False, near_only=True)
    published = declared
    if declared is not None and shown is not None and declared[0][:10] != shown[:10]:
        agreeing = _first([(v, s) for v, s in candidates if v and v[:10] == shown[:10]])
        if agreeing is not None:
            # Declared sources disagree; the one the page shows wins.
            published = agreeing
        elif _prefer_shown(declared[0], shown, modified[0] if modified else None):
            published = (shown, "visible")
    if published is None:
        published = _first(
            [
                (_visible(vis, day_first, modified=False, near_only=False), "visible"),
                (norm(a.get("uploadDate")), "json-ld"),
                (date_in_url(unquote(url) if url else None), "url"),
                (_title_date(tags, day_first), "title"),
                (normalize_date(tags.item("datecreated"), day_first=day_first), "microdata"),
            ]
        )
    if published is None and modified is not None:
        # Only an update date: the text as it stands was published then. Marked as such.
        published = (modified[0], "dateModified")
    if published is not None:
        sources.append(("datePublished", published[1]))
    if modified is not None:
        sources.append(("dateModified", modified[1]))
    return (published[0] if published else None, modified[0] if modified else None, sources)


def _loose_keys(tags: Tags) -> list[str]:
    """Values of meta/itemprop keys that name a publication date in a non-standard way
    ("w-published-date", "published-date", "article.publishedDate")."""
    out: list[str] = []
    for store in (tags.meta, tags.items):
        for k, values in store.items():
            if ("publish" in k or "pubdate" in k) and ("date" in k or "time" in k):
                out.extend(values)
    return out


def _title_date(tags: Tags, day_first: bool) -> str | None:
    """A full date written in the page title ("23.01.2022 - Race report")."""
    for title in (tags.title, tags.first("og:title")):
        found = search_date(title, day_first=day_first) if title else None
        if found:
            return found
    return None


def _first(pairs: list[tuple[str | None, str]]) -> tuple[str, str] | None:
    for value, src in pairs:
        if value:
            return value, src
    return None


def _prefer_shown(declared: str, shown: str, modified: str | None) -> bool:
    """Whether the date shown near the headline should replace the declared one.

    A known way declared dates go wrong: the publication date is overwritten with the
    modification time (declared published == modified to the second, or even after it) while
    the page shows an earlier day.
    A declared UTC time one day off the shown local day is left alone: it is the same instant.
    """
    d_day, s_day = declared[:10], shown[:10]
    if modified is None or s_day >= d_day:
        return False
    return modified[:19] == declared[:19] or modified[:10] < d_day


def _first_norm(values: list[str], day_first: bool) -> str | None:
    for v in values:
        found = normalize_date(v, day_first=day_first)
        if found:
            return found
    return None


def _visible(vis: Visible, day_first: bool, *, modified: bool, near_only: bool) -> str | None:
    """The first shown date: near the headline first, then anywhere."""
    for near in (True,) if near_only else (True, False):
        for value, is_mod, is_near in vis.dates:
            if is_mod != modified or is_near != near:
                continue
            found = normalize_date(value, day_first=day_first) if len(value) <= 40 else None
            found = found or search_date(value, day_first=day_first)
            if found:
                return found
    return None
