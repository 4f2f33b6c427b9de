"""Authors: several author tags, and a byline printed in bold at the top of the story."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.metadata import extract_metadata

_PROSE = (
    "IN the hills above the river, where the roads end and the footpaths begin, a young "
    "teacher walks two hours each morning to reach a school that has no electricity."
)


def _authors(head: str, body: str) -> list[str]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return [p.name for p in extract_metadata(LexborHTMLParser(html)).author]


def test_the_first_author_tag_naming_a_person_wins_over_the_site() -> None:
    head = (
        '<meta property="og:site_name" content="한빛일보">'
        '<meta name="author" content="한빛일보"><meta name="author" content="홍길동 기자">'
    )
    assert _authors(head, "<h1>제목</h1>") == ["홍길동"]


def test_an_organisation_in_a_later_author_tag_gives_no_name() -> None:
    head = (
        '<meta property="og:site_name" content="Ledger">'
        '<meta name="author" content="Ledger">'
        '<meta name="author" content="Ledger Media GmbH &amp; Co. KG">'
    )
    assert _authors(head, "<h1>Title</h1>") == []


def test_a_bold_name_line_opening_the_story_is_the_byline() -> None:
    body = (
        "<h1>From adversity to advocacy</h1><div class='entry'><p>&nbsp;</p>"
        f"<p><strong>Thabo Mokoena/Lineo Sello</strong></p><p>{_PROSE}</p></div>"
    )
    assert _authors("", body) == ["Thabo Mokoena", "Lineo Sello"]


def test_a_bold_subheading_is_not_a_byline() -> None:
    # Its words come back in the paragraph after it.
    body = (
        "<h1>Schools</h1><div class='entry'><p><strong>Teacher Walks</strong></p>"
        f"<p>{_PROSE}</p></div>"
    )
    assert _authors("", body) == []


def test_a_bold_line_deep_in_the_story_is_not_a_byline() -> None:
    opening = "".join(f"<p>Paragraph {i} of the story, long enough.</p>" for i in range(4))
    body = (
        f"<h1>Schools</h1><div class='entry'>{opening}"
        f"<p><strong>Thabo Mokoena</strong></p><p>{_PROSE}</p></div>"
    )
    assert _authors("", body) == []


def test_a_photo_credit_and_a_follow_button_are_no_byline() -> None:
    # Both match the byline selectors ("bildautor", "followAuthorBtn"); the author is the one
    # named in the byline proper.
    figure = (
        "<figure><img src='a.jpg' alt=''>"
        "<div class='bildautor'>Foto: Bild: SN/APA/KEYSTONE/JANE ROE</div></figure>"
    )
    follow = "<button class='followAuthorBtn' type='button'>Folgen</button>"
    assert _authors("", f"<h1>Brand in Crans-Montana</h1>{figure}{follow}<p>{_PROSE}</p>") == []
    byline = "<p class='author'>Von Anna Fink</p>"
    page = f"<h1>Brand in Crans-Montana</h1>{figure}{follow}{byline}<p>{_PROSE}</p>"
    assert _authors("", page) == ["Anna Fink"]


def test_a_byline_naming_only_an_agency_ends_the_search() -> None:
    # The story is the agency's; a byline further down belongs to a teaser or a comment.
    body = (
        f"<h1>Streik am Flughafen</h1><div class='byline'>dpa</div><p>{_PROSE}</p>"
        "<aside><h3>Kommentar</h3><div class='author'>Von Knut Krohn</div></aside>"
    )
    meta = extract_metadata(LexborHTMLParser(f"<html><body>{body}</body></html>"))
    assert [p.name for p in meta.author] == []
    assert meta.source_organization == "dpa"
