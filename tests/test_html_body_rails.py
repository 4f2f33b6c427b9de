"""The HTML body's rail rules (headings that open comments, author boxes and rails; lists of
cards), each on a small page written for it."""

from __future__ import annotations

import pressclip

PARAGRAPHS = [
    "The council voted on Tuesday to close the old ferry landing after four decades of service.",
    "Residents who had campaigned for a new bridge said the decision came far too late for them.",
    "The mayor said the money saved would go to the bus routes that replace the ferry this spring.",
    "Engineers will begin removing the pontoons in April, weather permitting, the city said.",
    "A farewell crossing is planned for the last Sunday in March, with the old crew on board.",
    "Tickets for that crossing will be free, and the town band has offered to play on the pier.",
]


def _body(article: str, around: str = "") -> str:
    page = (
        "<!doctype html><html><head><title>Ferry landing to close | Town Times</title></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<h1>Ferry landing to close</h1>{article}{around}"
        "<footer><p>© 2025 Town Times. All rights reserved.</p></footer></body></html>"
    ).encode()
    return pressclip.extract(page, input_type="html").article_body


def _paragraphs() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


COMMENT = (
    "I have taken that ferry to work every morning for twenty years and I will miss the crew, "
    "who always waited for the late runners coming down the hill with their coffee in hand."
)


def test_what_follows_a_comments_heading_stays_out_even_in_an_article_wrapper() -> None:
    comments = (
        "<section class='article-content'><h2>Comments</h2>"
        f"<p>{COMMENT}</p><p>{COMMENT.replace('twenty', 'thirty')}</p></section>"
    )
    body = _body(f"<div class='story'>{_paragraphs()}{comments}</div>")
    assert PARAGRAPHS[-1] in body
    assert "Comments" not in body
    assert "waited for the late runners" not in body


def test_a_question_about_comments_is_the_articles_own_heading() -> None:
    extra = f"<h2>Comments?</h2><p>{PARAGRAPHS[0].replace('council', 'board')}</p>"
    body = _body(f"<div class='story'>{_paragraphs()}{extra}</div>")
    assert "Comments?" in body


BIO = (
    "Jane Harbour has covered the waterfront for the Town Times since 2009 and writes about "
    "transport, housing and the harbour board, and she sails on weekends when the weather allows."
)


def test_an_about_the_author_box_after_the_text_stays_out() -> None:
    box = f"<div class='box'><h3>About the Author</h3><div><p>{BIO}</p></div></div>"
    body = _body(f"<div class='story'>{_paragraphs()}{box}</div>")
    assert PARAGRAPHS[-1] in body
    assert "About the Author" not in body
    assert "covered the waterfront" not in body


def test_read_this_next_announces_a_rail() -> None:
    rail = (
        "<div class='more'><h3>Read This Next</h3>"
        "<div><h2><a href='/a'>Harbour festival returns with tall ships this summer</a></h2>"
        "<p>Organisers expect record crowds on the quay.</p></div></div>"
    )
    body = _body(f"<div class='story'>{_paragraphs()}{rail}</div>")
    assert PARAGRAPHS[-1] in body
    assert "Read This Next" not in body
    assert "record crowds" not in body


def _section(i: int) -> str:
    """A short section whose only link sits inside its sentence."""
    link = f"<a href='/guide{i}'>the guide</a>"
    text = f"You can help with task {i}: read {link} and try it."
    return f"<div class='sect'><h3>Way to help number {i}</h3><p>{text}</p></div>"


def test_sections_whose_links_sit_inside_sentences_are_not_a_list_of_cards() -> None:
    sections = "".join(map(_section, range(1, 5)))
    body = _body(f"<div class='story'>{_paragraphs()}<div class='body'>{sections}</div></div>")
    assert "Way to help number 2" in body
    assert "You can help with task 3" in body


def test_an_about_the_author_title_set_as_a_plain_line_opens_the_box_too() -> None:
    box = f"<div class='box'><div>Über den Autor</div><div><p>{BIO}</p></div></div>"
    body = _body(f"<div class='story'>{_paragraphs()}{box}</div>")
    assert PARAGRAPHS[-1] in body
    assert "covered the waterfront" not in body


def test_a_leave_a_comment_button_line_does_not_end_the_text() -> None:
    button = "<p><a href='#respond'>Leave a comment</a></p>"
    body = _body(f"<div class='story'>{_paragraphs()}{button}<p>{PARAGRAPHS[0]}!</p></div>")
    assert PARAGRAPHS[0] + "!" in body


def test_trending_and_get_more_headings_announce_a_rail() -> None:
    rail = (
        "<div class='more'><h3>Trending stories in world travel</h3>"
        "<div><h2><a href='/a'>Harbour festival returns with tall ships this summer</a></h2>"
        "<p>Organisers expect record crowds on the quay.</p></div></div>"
    )
    body = _body(f"<div class='story'>{_paragraphs()}{rail}</div>")
    assert PARAGRAPHS[-1] in body
    assert "record crowds" not in body


def test_a_linked_subheading_with_a_rating_line_before_its_paragraph_stays() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    section = (
        "<h2><a href='https://ferries.example/blue'>2. The Blue Ferry Company</a></h2>"
        "<p>Rating: 4.5</p>"
    )
    body = _body(f"<div class='story'>{''.join(paras[:3])}{section}{''.join(paras[3:])}</div>")
    assert "The Blue Ferry Company" in body
    assert PARAGRAPHS[3] in body


_EVENTS = [
    (
        "Harbour Tech Forum",
        "Portsmouth",
        "The forum brings together port operators, shipping "
        "lines and software makers for two days of talks on moving freight with less paper.",
    ),
    (
        "Coastal Security Summit",
        "Southampton",
        "Security leads from ferry and cruise operators "
        "compare notes on screening, staffing and the systems that keep terminals running.",
    ),
    (
        "Tidal Energy Expo",
        "Plymouth",
        "Engineers and councils meet the makers of tidal turbines "
        "to see which designs have survived a full winter in open water and at what cost.",
    ),
]


def _event_items() -> str:
    return "".join(
        f"<li><div class='event-date'>March {n + 10}, 2026</div>"
        f"<h2><a href='https://example.org/event-{n}'>{name}</a></h2>"
        f"<p>{town}, United Kingdom</p><p>{about}</p></li>"
        for n, (name, town, about) in enumerate(_EVENTS)
    )


def test_a_list_of_entries_that_is_the_page_stays() -> None:
    # The page is a list of events: their linked titles are its entries, not teasers.
    body = _body(
        "<main><p>Upcoming conferences for the maritime trade across the south coast.</p>"
        f"<ul class='events'>{_event_items()}</ul></main>"
    )
    for name, _town, about in _EVENTS:
        assert name in body and about in body


def test_a_ticker_of_teasers_above_the_headline_stays_out_of_a_short_story() -> None:
    # The same list set above the story's headline is a ticker, even when it holds more prose
    # than the short story under it.
    page = (
        "<!doctype html><html><head><title>Ferry landing to close | Town Times</title></head>"
        f"<body><main><ul class='ticker'>{_event_items()}</ul>"
        f"<h1>Ferry landing to close</h1><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p></main>"
        "</body></html>"
    ).encode()
    body = pressclip.extract(page, input_type="html").article_body
    assert PARAGRAPHS[0] in body
    assert not any(about in body for _, _, about in _EVENTS)


def _repeated_offers(count: int) -> str:
    # One message in every currency: its long sentence is said again and again.
    return "".join(
        f"<p>Free shipping over {20 + i} euros. For more information on shipping rates and "
        "timelines, please visit our international page.</p>"
        for i in range(count)
    )


def test_a_promo_bar_that_keeps_saying_one_sentence_stays_out_of_a_short_text() -> None:
    # The bar holds more text than the article, but most of it says one thing again: it is
    # not where the article is, so its name holds.
    text = " ".join(PARAGRAPHS[:5])
    body = _body(f"<div class='promo-bar'>{_repeated_offers(9)}</div><p>{text}</p>")
    assert text in body
    assert "shipping rates" not in body


def test_a_sentence_said_twice_still_counts() -> None:
    # A pull quote says a sentence of the text again: both sayings are the article's.
    quote = PARAGRAPHS[1]
    body = _body(
        f"<article><p>{PARAGRAPHS[0]} {quote}</p><blockquote><p>{quote}</p></blockquote>"
        f"<p>{PARAGRAPHS[2]}</p></article>"
    )
    assert body.count(quote) == 2


SMALL_PRINT = [
    "This material is not intended to replace the advice of a qualified adviser, and the "
    "information in it has been obtained from sources believed to be reliable.",
    "Products and services referenced are for general information only, and the company "
    "cannot be held liable for the inappropriate use of any products it mentions here.",
    "Tax laws may change at any time, so consult your own tax professional to determine the "
    "best strategies for your circumstances before you act on anything you read here.",
]


def _footer_page(footer_around_headline: bool) -> str:
    small_print = "".join(f"<p>{p}</p>" for p in SMALL_PRINT)
    story = f"<h1>Ferry landing to close</h1><p>{PARAGRAPHS[0]} {PARAGRAPHS[1]}</p>"
    inner = (
        f"<footer>{story}{small_print}</footer>"
        if footer_around_headline
        else (f"<main>{story}</main><footer>{small_print}</footer>")
    )
    page = f"<!doctype html><html><head><title>Ferry</title></head><body>{inner}</body></html>"
    return pressclip.extract(page.encode(), input_type="html").article_body


def test_a_footer_apart_from_the_headline_stays_out_even_when_it_outweighs_the_text() -> None:
    body = _footer_page(footer_around_headline=False)
    assert PARAGRAPHS[0] in body
    assert not any(p in body for p in SMALL_PRINT)


def test_a_footer_that_wraps_the_headline_and_text_is_read() -> None:
    body = _footer_page(footer_around_headline=True)
    assert PARAGRAPHS[0] in body


def test_weitere_beitraege_aus_der_kolumne_labels_a_rail() -> None:
    # "More pieces from the column:" over a list of linked titles, mid-page.
    links = "<br>".join(
        f"<a href='/k{i}'>Kolumne {i}: Was der Hafen der Stadt bringt</a>" for i in range(3)
    )
    rail = f"<p>Weitere Beiträge aus der Kolumne:</p><p>{links}</p>"
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = _body(f"<div class='story'>{''.join(paras[:2])}{rail}{''.join(paras[2:])}</div>")
    assert PARAGRAPHS[-1] in body
    assert "Was der Hafen der Stadt bringt" not in body


PRAISE = [
    "Booking the crossing through the Town Times was the easiest thing I did all year, thank you!",
    "Five stars from our family: the crew were friendly and the tickets arrived the same day.",
    "I recommend this service to everyone in the valley who needs to get to the market on time.",
]


def _testimonials() -> str:
    quotes = "".join(f"<blockquote><p>{q}</p><cite>A reader</cite></blockquote>" for q in PRAISE)
    return f"<section class='testimonials'><h2>What our readers say</h2>{quotes}</section>"


def test_customer_testimonials_beside_the_text_stay_out() -> None:
    body = _body(f"<div class='story'>{_paragraphs()}</div>", around=_testimonials())
    assert PARAGRAPHS[-1] in body
    assert not any(q in body for q in PRAISE)


def test_testimonials_between_sections_do_not_cut_the_page_short() -> None:
    # (a landing page whose text runs on after its testimonials: they do not vote the
    # container down to the sections before them)
    first, second = PARAGRAPHS[:3], PARAGRAPHS[3:]
    sections = (
        f"<section><h2>Why the ferry</h2>{''.join(f'<p>{p}</p>' for p in first)}</section>"
        f"{_testimonials()}"
        f"<section><h2>What comes next</h2>{''.join(f'<p>{p}</p>' for p in second)}</section>"
    )
    body = _body(sections)
    assert PARAGRAPHS[0] in body and PARAGRAPHS[-1] in body
    assert not any(q in body for q in PRAISE)


NOTE = (
    "A note on the numbers: the ferry carried about 300 people a day in its last year, down "
    "from twice that before the bypass opened, and the council counts each return trip once, "
    "which is why its figures look lower than the ones the crew kept on the landing board."
)


def _with_aside(where: int) -> str:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paras.insert(where, f"<aside><p>{NOTE}</p></aside>")
    return _body(f"<article>{''.join(paras)}</article>")


def test_a_boxed_aside_the_text_runs_on_both_sides_of_is_read() -> None:
    body = _with_aside(3)
    assert NOTE in body
    assert body.index(PARAGRAPHS[2]) < body.index(NOTE) < body.index(PARAGRAPHS[3])


def test_an_aside_after_the_text_is_the_pages_sidebar() -> None:
    body = _with_aside(len(PARAGRAPHS))
    assert PARAGRAPHS[-1] in body
    assert NOTE not in body


def test_steps_in_an_accordion_are_the_articles_text() -> None:
    # Each step's heading is a script's button (<a role="button">) over its paragraphs: not a
    # teaser card's linked title over its summary.
    steps = "".join(
        f"<div class='accordion-item'><a role='button' class='accordion-heading'>{i + 1}. "
        f"Step {i + 1} of the closure</a><div class='accordion-content'><p>Week {i + 1}</p>"
        f"<p>{p}</p></div></div>"
        for i, p in enumerate(PARAGRAPHS[2:5])
    )
    body = _body(f"<article><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{steps}</article>")
    assert all(p in body for p in PARAGRAPHS[:5])


SUMMARIES = [
    "Our guide to the bus routes that replace the ferry, with the new timetable for spring.",
    "What the harbour board plans for the old landing once the pontoons have been removed.",
    "Readers remember forty years of crossings, from the first boat to the last timetable.",
]


def test_a_plain_related_line_that_titles_its_box_takes_the_cards_under_it() -> None:
    cards = "".join(
        f"<div class='item'><div class='t'>Story {i}</div><p>{s}</p></div>"
        for i, s in enumerate(SUMMARIES)
    )
    box = f"<div class='box'><div>Related Articles</div>{cards}</div>"
    body = _body(f"<div class='story'>{_paragraphs()}{box}</div>")
    assert PARAGRAPHS[-1] in body
    assert not any(s in body for s in SUMMARIES)


def test_a_related_line_in_the_articles_own_flow_does_not_end_it() -> None:
    # (a "Related" line set between the article's paragraphs, not at the top of a box)
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    paras.insert(3, "<div>Related Articles</div>")
    body = _body(f"<div class='story'>{''.join(paras)}</div>")
    assert all(p in body for p in PARAGRAPHS)


VENUES = [
    ("Harbour Diner", "The diner on the old ferry pier serves breakfast all day"),
    ("Pontoon Pizza", "The pizzeria that took over the ticket office bakes in a wood oven"),
    ("Crossing Cafe", "The café where the crew drank their coffee still opens at six"),
]


def test_a_listicles_entries_under_linked_names_are_its_text() -> None:
    # Each entry: a linked name, a short line, a description longer than a teaser's summary.
    more = (
        ", and the owners, who worked on the ferry for years, say the regulars have followed "
        "them from the boat to the new tables by the water, where the view of the river is "
        "the same as it was from the deck on the slow crossings of the old days."
    )
    entries = "".join(
        f"<div class='entry'><h3><a href='/venue/{i}'>{name}</a></h3><p>Old Town</p>"
        f"<p>{text}{more}</p><p><a href='/book/{i}'>Book Now</a></p></div>"
        for i, (name, text) in enumerate(VENUES)
    )
    body = _body(f"<article><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>{entries}</article>")
    assert all(text in body for _, text in VENUES)
