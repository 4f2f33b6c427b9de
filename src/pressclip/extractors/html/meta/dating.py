"""Publication and modification dates, declared first, then visible, then the URL.

``dateModified`` never overrides a publication date the page gives (declared, shown near the
headline, or in the URL). A page that gives *only* an update date gets that date as
``datePublished`` too, since the text as it stands was published then; its source is recorded
as ``("datePublished", "dateModified")`` so a consumer can tell and drop it.
A declared publication date equal to the modification date while the page shows an earlier
publication day is taken for overwritten: the shown day wins.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any, Final
from urllib.parse import unquote

from pressclip.extractors.html.meta.jsonld import JsonLd, text_of
from pressclip.extractors.html.meta.localday import is_utc_time, on_shown_day
from pressclip.extractors.html.meta.tags import Tags
from pressclip.extractors.html.meta.visible import Visible
from pressclip.signals.dates import date_in_url, normalize_date, search_date

_PUBLISHED_META: Final = (
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
_MODIFIED_META: Final = (
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


# datePublished, dateModified and the (field, source) pairs they came from.
Dates = tuple[str | None, str | None, tuple[tuple[str, str], ...]]


def choose_dates(
    a: dict[str, Any], ld: JsonLd, tags: Tags, vis: Visible, url: str | None, day_first: bool
) -> tuple[Dates, Dates]:
    """Publication and update dates with their sources; then the same read from what speaks
    for the page itself alone (declared, its URL, its title), which is what a page that is not
    an article keeps: the dates shown on it belong to the stories it lists (even next to its
    own <h1>: a section front's first teasers)."""
    declared = _read_declared(a, tags, url, day_first)
    return _decide(declared, vis, url, day_first), _decide(declared, Visible(), url, day_first)


@dataclass(frozen=True, slots=True)
class _Declared:
    """Dates the page declares, normalised once for both readings, as (value, source) pairs."""

    published: list[tuple[str | None, str]]
    modified: list[tuple[str | None, str]]
    fallbacks: list[tuple[str | None, str]]


def _read_declared(a: dict[str, Any], tags: Tags, url: str | None, day_first: bool) -> _Declared:
    def norm(value: Any) -> str | None:
        return normalize_date(text_of(value), day_first=day_first)

    published: list[tuple[str | None, str]] = [
        (norm(a.get("datePublished")), "json-ld"),
        (norm(a.get("dateCreated")), "json-ld"),
    ]
    published += [
        (normalize_date(v, day_first=day_first), "meta") for v in tags.all(*_PUBLISHED_META)[:6]
    ]
    published += [
        (normalize_date(v, day_first=day_first), "microdata")
        for v in tags.items.get("datepublished", [])[:3]
    ]
    published.append((_first_norm(_loose_keys(tags, _PUBLISHED_KEY), day_first), "meta"))
    modified = [
        (norm(a.get("dateModified")), "json-ld"),
        (_first_norm(tags.all(*_MODIFIED_META), day_first), "meta"),
        (_first_norm(_loose_keys(tags, _MODIFIED_KEY), day_first), "meta"),
        (normalize_date(tags.item("datemodified"), day_first=day_first), "microdata"),
    ]
    fallbacks = [
        (norm(a.get("uploadDate")), "json-ld"),
        (date_in_url(unquote(url) if url else None), "url"),
        (_title_date(tags, day_first), "title"),
        (normalize_date(tags.item("datecreated"), day_first=day_first), "microdata"),
    ]
    return _Declared(published, modified, fallbacks)


def _decide(dates: _Declared, vis: Visible, url: str | None, day_first: bool) -> Dates:
    sources: list[tuple[str, str]] = []
    candidates = dates.published
    declared = _first(candidates)
    modified = _first(dates.modified)
    if modified is None:  # only then: the shown update date may need a search of the body
        shown_modified = _visible(vis, day_first, modified=True, near_only=False)
        modified = (shown_modified, "visible") if shown_modified else None
    shown = _shown(vis, day_first, declared[0] if declared else None)
    published = declared
    if (
        declared is not None
        and shown is not None
        and declared[0][:10] != shown[:10]
        and not _url_agrees(declared[0], shown, url)
    ):
        agreeing = _first([(v, s) for v, s in candidates if v and v[:10] == shown[:10]])
        if agreeing is not None:
            # Declared sources disagree; the one the page shows wins.
            published = agreeing
        elif _prefer_shown(
            declared[0],
            shown,
            modified[0] if modified else None,
            also_shown=any(d[:10] == declared[0][:10] for d in _near(vis, day_first, human=True)),
        ):
            published = (shown, "visible")
    if published is None:
        published = _first(
            [
                (_visible(vis, day_first, modified=False, near_only=False), "visible"),
                *dates.fallbacks,
            ]
        )
    if published is not None and is_utc_time(published[0]):
        published = (_local_day(published[0], shown, url, candidates, modified), published[1])
    if published is None and modified is not None:
        # Only an update date: the text as it stands was published then. Marked as such.
        published = (modified[0], "dateModified")
    if published is not None:
        sources.append(("datePublished", published[1]))
    if modified is not None:
        sources.append(("dateModified", modified[1]))
    return (
        published[0] if published else None,
        modified[0] if modified else None,
        tuple(sources),
    )


_PUBLISHED_KEY: Final = re.compile(r"publish|pubdate")
_MODIFIED_KEY: Final = re.compile(r"modif|updat")


def _loose_keys(tags: Tags, kind: re.Pattern[str]) -> list[str]:
    """Values of meta/itemprop keys that name a publication (or update) date in a non-standard
    way ("w-published-date", "published-date", "article.publishedDate", "dateupdate")."""
    out: list[str] = []
    for store in (tags.meta, tags.items):
        for k, values in store.items():
            if ("date" in k or "time" in k) and kind.search(k):  # the cheap test first
                out.extend(values)
    return out


def _local_day(
    value: str,
    shown: str | None,
    url: str | None,
    candidates: list[tuple[str | None, str]],
    modified: tuple[str, str] | None,
) -> str:
    """A UTC publication time on the local day the page shows (near the headline) or its URL
    gives, when that is the neighbouring day (see :mod:`localday`)."""
    offsets = [v for v, _ in candidates if v] + ([modified[0]] if modified else [])
    url_day = date_in_url(unquote(url) if url else None)
    for day, clock in ((shown, True), (url_day, False)):
        if day and day[:10] != value[:10]:
            local = on_shown_day(value, day, offsets, clock=clock)
            if local is not None:
                return local
    return value


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


def _prefer_shown(declared: str, shown: str, modified: str | None, *, also_shown: bool) -> bool:
    """Whether the date shown near the headline should replace the declared one.

    A known way declared dates go wrong: the publication date is overwritten with the
    modification time (declared published == modified to the second, or even after it) while
    the page shows an earlier day.
    A declared UTC time one day off the shown local day is left alone: it is the same instant.
    Equal days without times are weak evidence: they count only when the page does not also
    show the declared day (``also_shown``).
    """
    d_day, s_day = declared[:10], shown[:10]
    if modified is None or s_day >= d_day:
        return False
    if modified[:10] < d_day:
        return True
    if len(declared) > 10 and len(modified) > 10:
        return modified[:19] == declared[:19]
    return modified[:10] == d_day and not also_shown


_URL_MONTH: Final = re.compile(r"/((?:19|20)\d{2})/(0?[1-9]|1[0-2])/")


def _url_agrees(declared: str, shown: str, url: str | None) -> bool:
    """Whether the URL's year and month (/2019/10/) are the declared date's and not the shown
    one's: the URL was minted at publication, so a shown date elsewhere is someone else's."""
    m = _URL_MONTH.search(url or "")
    if m is None:
        return False
    month = f"{m.group(1)}-{int(m.group(2)):02d}"
    return declared[:7] == month != shown[:7]


def _first_norm(values: list[str], day_first: bool) -> str | None:
    for v in values:
        found = normalize_date(v, day_first=day_first)
        if found:
            return found
    return None


# Machine-written times inside shown text: ISO timestamps, epoch seconds.
_MACHINE: Final = re.compile(r"\b\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?|\b1\d{9}\b")


def _shown(vis: Visible, day_first: bool, declared: str | None) -> str | None:
    """The publication date shown near the headline, to check the declared one against.

    Dates written for people ("5. November 2021") count first: ISO timestamps in attributes or
    hidden spans are as machine-made as the declared dates. When the first date written for
    people or the first shown at all is on the declared day, that is the shown date.
    """
    human = _near(vis, day_first, human=True)
    machine = _near(vis, day_first, human=False)
    firsts = [dates[0] for dates in (human, machine) if dates]
    for d in firsts:
        if declared is not None and d[:10] == declared[:10]:
            return d
    return firsts[0] if firsts else None


def _near(vis: Visible, day_first: bool, *, human: bool) -> list[str]:
    """Publication dates shown near the headline, in page order (``human``: ISO stripped)."""
    out = []
    for value, is_mod, is_near in vis.dates:
        if not is_mod and is_near:
            found = _read(_MACHINE.sub(" ", value) if human else value, day_first)
            if found:
                out.append(found)
    return out


# Pure, and asked about the same shown texts several times per page (both readings of the page,
# the shown date, the check that the declared day is shown too): the answers are kept.
@functools.lru_cache(maxsize=1024)
def _read(value: str, day_first: bool) -> str | None:
    found = normalize_date(value, day_first=day_first) if len(value) <= 40 else None
    return found or search_date(value, day_first=day_first)


def _visible(vis: Visible, day_first: bool, *, modified: bool, near_only: bool) -> str | None:
    """The first shown date: near the headline first, then anywhere."""
    for near in (True,) if near_only else (True, False):
        # The dates found away from the headline are not near it: asked for only when needed.
        for value, is_mod, is_near in vis.dates if near else vis.page_dates():
            if is_mod == modified and is_near == near:
                found = _read(value, day_first)
                if found:
                    return found
    return None
