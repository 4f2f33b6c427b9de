"""Publication dates: which source wins when declared, shown and URL dates disagree."""

from __future__ import annotations

import pytest
from selectolax.lexbor import LexborHTMLParser

from pressclip import Article, extract
from pressclip.extractors.html.meta.localday import is_utc_time, on_shown_day
from pressclip.extractors.html.metadata import Metadata, extract_metadata


def _meta(head: str, body: str, url: str | None = None) -> Metadata:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(LexborHTMLParser(html), url=url)


def _pub(published: str) -> str:
    return f'<meta property="article:published_time" content="{published}">'


def _mod(modified: str) -> str:
    return f'<meta property="article:modified_time" content="{modified}">'


# --- a UTC time read on the page's own day ---------------------------------------------------


def test_utc_time_is_recognised() -> None:
    assert is_utc_time("2021-11-04T23:00:00+00:00")
    assert not is_utc_time("2021-11-04T23:00:00+01:00")
    assert not is_utc_time("2021-11-04")


def test_shown_clock_fixes_the_offset() -> None:
    local = on_shown_day("2022-05-04T03:37:37+00:00", "2022-05-03T23:37")
    assert local == "2022-05-03T23:37:37-04:00"


def test_shown_day_without_the_same_clock_is_not_enough() -> None:
    assert on_shown_day("2022-05-04T03:37:37+00:00", "2022-05-03T21:00") is None
    assert on_shown_day("2021-11-04T23:00:00+00:00", "2021-11-05") is None


def test_an_offset_the_page_uses_elsewhere_is_taken() -> None:
    local = on_shown_day("2021-11-04T23:30:00+00:00", "2021-11-05", ["2021-11-06T08:00:00+02:00"])
    assert local == "2021-11-05T01:30:00+02:00"


def test_a_url_day_needs_no_clock() -> None:
    local = on_shown_day("2018-12-31T23:11:59+00:00", "2019-01-01", clock=False)
    assert local == "2019-01-01T00:11:59+01:00"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("2018-12-31T23:11:59+00:00", "2019-01-03T00:11"),  # not the neighbouring day
        ("2018-12-31T23:11:59+02:00", "2019-01-01T01:11"),  # not UTC
        ("2018-12-31", "2019-01-01T00:00"),  # no time of day
    ],
)
def test_no_local_reading(value: str, shown: str) -> None:
    assert on_shown_day(value, shown) is None


def test_declared_utc_time_takes_the_day_of_the_url() -> None:
    meta = _meta(
        _pub("2018-12-31T23:11:59+00:00"),
        "<h1>New year</h1><p>Text</p>",
        url="https://blog.example/2019/01/01/new-year/",
    )
    assert meta.date_published is not None
    assert meta.date_published.startswith("2019-01-01T00:11:59")


def test_declared_utc_time_on_its_own_day_is_unchanged() -> None:
    meta = _meta(
        _pub("2019-01-01T10:00:00+00:00"),
        "<h1>New year</h1>",
        url="https://blog.example/2019/01/01/new-year/",
    )
    assert meta.date_published == "2019-01-01T10:00:00+00:00"


# --- shown dates written for people ----------------------------------------------------------


def test_a_date_written_for_people_confirms_the_declared_one() -> None:
    # The <time> attribute holds the edit time; the text under the headline the publication day.
    body = (
        '<article itemscope itemtype="https://schema.org/Article"><header>'
        "<h1>Pellets from leaves</h1>"
        '<time itemprop="datePublished" datetime="2022-12-06T14:42:13+01:00"></time>'
        "<p>Am 04. Dezember 2022</p></header><p>Text.</p></article>"
    )
    meta = _meta(_pub("2022-12-04T15:00:00+01:00") + _mod("2022-12-04T15:00:00+01:00"), body)
    assert meta.date_published == "2022-12-04T15:00:00+01:00"


def test_an_earlier_written_date_still_beats_an_overwritten_declared_one() -> None:
    body = (
        '<article><header><h1>Top conferences</h1><time datetime="2025-08-20T09:00:00Z"></time>'
        "<p>Published Apr 26, 2023</p></header><p>Text.</p></article>"
    )
    head = (
        '<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Top '
        'conferences", "datePublished": "2025-08-21", "dateModified": "2025-08-21"}</script>'
    )
    assert _meta(head, body).date_published == "2023-04-26"


def test_equal_days_without_times_do_not_override_a_shown_declared_day() -> None:
    body = (
        '<article><header><h1>Timber trade</h1><div class="meta">'
        "<span>01.09.2004</span> <span>21.01.2022</span></div></header><p>Text.</p></article>"
    )
    head = (
        '<meta name="datePublished" content="2022-01-21">'
        '<meta name="dateModified" content="2022-01-21">'
    )
    assert _meta(head, body).date_published == "2022-01-21"


def test_url_month_protects_the_declared_date_from_a_teaser_date() -> None:
    body = (
        '<article><header><h1>New shoes</h1><div class="meta">'
        "<span>Older post: 31. Mai 2016</span></div></header><p>Text.</p></article>"
    )
    head = _pub("2019-10-01") + _mod("2019-10-01")
    meta = _meta(head, body, url="https://blog.example/2019/10/new-shoes/")
    assert meta.date_published == "2019-10-01"
    without_url = _meta(head, body)
    assert without_url.date_published == "2016-05-31"


def test_loosely_named_update_key_stands_in_as_update_date() -> None:
    meta = _meta('<meta name="dateUpdate" content="2020-02-14 10:47:36">', "<h1>Entry</h1>")
    assert meta.date_modified == "2020-02-14T10:47:36"
    assert meta.date_published == meta.date_modified
    assert dict(meta.sources)["datePublished"] == "dateModified"


def test_a_leaf_div_opening_with_a_date_is_the_last_resort() -> None:
    body = (
        '<table><tr><td>&nbsp;<div style="color:#aaa">Apr 7, 2009</div>'
        "<b>This week's theme</b><p>Words that matter.</p></td></tr></table>"
    )
    meta = _meta("<title>maudlin</title>", body)
    assert meta.date_published == "2009-04-07"


def test_a_container_div_is_not_read_as_a_date_line() -> None:
    body = "<div>Apr 7, 2009 was a Tuesday.<p>Inside.</p></div>"
    assert _meta("<title>x</title>", body).date_published is None


# --- a page that is not an article keeps the dates that speak for the page itself -------------


def _short_page(head: str, body: str, url: str) -> Article:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract(html, url=url, input_type="html")


_TEASERS = "".join(
    f'<div class="teaser"><a href="/s/{n}">Story number {n} about things</a>'
    f'<span class="date">0{n}.03.2021</span></div>'
    for n in range(1, 4)
)


def test_not_an_article_keeps_the_date_in_its_title() -> None:
    head = "<title>Fertile land and elephants | Environment | 23.05.2011</title>"
    body = "<h1>Fertile land and elephants</h1><p>A short note.</p>" + _TEASERS
    article = _short_page(head, body, "https://example.org/a-6533123")
    assert not article.extraction.is_article
    assert article.date_published == "2011-05-23"
    assert ("datePublished", "title") in article.extraction.metadata_sources


def test_not_an_article_keeps_the_date_of_its_url() -> None:
    body = "<h1>Results</h1><p>A short note.</p>" + _TEASERS
    article = _short_page("", body, "https://example.org/2007/05/20/results/")
    assert not article.extraction.is_article
    assert article.date_published == "2007-05-20"


def test_not_an_article_drops_the_dates_of_the_stories_it_lists() -> None:
    # (the <h1> is the page's declared title, and the teasers' dates sit right under it)
    head = '<meta property="og:title" content="Latest news">'
    body = '<div class="front"><h1>Latest news</h1>' + _TEASERS + "</div>"
    article = _short_page(head, body, "https://example.org/news")
    assert not article.extraction.is_article
    assert article.date_published is None
