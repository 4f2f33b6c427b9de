"""The HTML body rules, each on a small page written for it."""

from __future__ import annotations

import pressclip

PARAGRAPHS = [
    "The council voted on Tuesday to close the old ferry landing after four decades of service.",
    "Residents who had campaigned for a new bridge said the decision came far too late for them.",
    "The mayor said the money saved would go to the bus routes that replace the ferry this spring.",
    "Engineers will begin removing the pontoons in April, weather permitting, the city said.",
]


def _page(article: str, around: str = "", head: str = "") -> bytes:
    return (
        "<!doctype html><html><head><title>Ferry landing to close | Town Times</title>"
        f"{head}</head><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<h1>Ferry landing to close</h1>{article}{around}"
        "<footer><p>© 2025 Town Times. All rights reserved.</p></footer></body></html>"
    ).encode()


def _body(page: bytes) -> str:
    return pressclip.extract(page, input_type="html").article_body


def _article(extra: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"<div class='story'>{paras}{extra}</div>"


def test_paragraphs_come_out_in_order_separated_by_blank_lines() -> None:
    assert _body(_page(_article())) == "\n\n".join(PARAGRAPHS)


def test_teaser_cards_beside_the_article_stay_out() -> None:
    cards = "".join(
        f"<div><h3><a href='/s{i}'>Another story number {i} about the town</a></h3>"
        f"<p>A short summary of story {i}.</p></div>"
        for i in range(4)
    )
    body = _body(_page(_article(), around=f"<section>{cards}</section>"))
    assert PARAGRAPHS[0] in body
    assert "Another story number" not in body
    assert "A short summary" not in body


def test_rail_heading_takes_what_follows_it() -> None:
    rail = (
        "<div><h2>Lesen Sie auch</h2><p>Die Fähre fuhr zuletzt zweimal täglich über den Fluss, "
        "wie die Stadt mitteilte.</p></div>"
    )
    body = _body(_page(_article(extra=rail)))
    assert "Lesen Sie auch" not in body
    assert "zweimal täglich" not in body
    assert PARAGRAPHS[-1] in body


def test_heading_that_names_a_topic_is_not_a_rail() -> None:
    section = "<h2>Recommended routes</h2><p>Bus 12 now runs every ten minutes at peak times.</p>"
    body = _body(_page(_article(extra=section)))
    assert "Bus 12 now runs every ten minutes" in body


def test_captions_credits_and_timestamps_are_not_body() -> None:
    extra = (
        "<figure><img src='/a.jpg' alt='The landing'><figcaption>The landing at dusk. "
        "(Photo: Jane Roe)</figcaption></figure>"
        "<div><time datetime='2025-03-04T10:00:00+01:00'>4 March 2025, 10:00</time></div>"
        "<p>The old landing at dusk, seen from the bridge (Image: GETTY)</p>"
    )
    body = _body(_page(_article(extra=extra)))
    assert "at dusk" not in body
    assert "4 March 2025" not in body
    assert PARAGRAPHS[-1] in body


def test_a_parenthesised_aside_on_its_own_line_is_body_a_credit_is_not() -> None:
    extra = (
        "<h2>Replacing the landing lights</h2><p>$1,595 - $3,000+</p>"
        "<p>(includes permits, breakers, etc.)</p>"
        "<p>(AP Photo/Jane Roe)</p><p>(With inputs from ANI)</p>"
    )
    body = _body(_page(_article(extra=extra)))
    assert "(includes permits, breakers, etc.)" in body
    assert "Jane Roe" not in body
    assert "inputs from" not in body


def test_code_in_a_pre_that_looks_like_markup_is_body() -> None:
    extra = (
        "<p>The test the city published checks the timetable feed:</p>"
        "<pre>[Fact]\npublic async Task Feed_Has_Ferry_Times()\n{\n    Assert.True(ok);\n}</pre>"
        '<p>[gallery ids="12,13,14"]</p>'
    )
    body = _body(_page(_article(extra=extra)))
    assert "Feed_Has_Ferry_Times" in body
    assert "gallery ids" not in body


def test_orphan_label_goes_with_its_links() -> None:
    links = (
        "<p>Weitere Informationen:</p><ul><li><a href='/a'>Fahrplan der Buslinien im Überblick</a>"
        "</li><li><a href='/b'>Die Geschichte der Fähre in Bildern</a></li></ul>"
    )
    body = _body(_page(_article(extra=links)))
    assert "Weitere Informationen" not in body
    assert "Fahrplan" not in body


def test_a_wrapper_named_like_furniture_that_holds_the_article_is_read() -> None:
    page = _page(f"<div class='main-wrap has-rail-right ad-layout'>{_article()}</div>")
    assert _body(page) == "\n\n".join(PARAGRAPHS)


def test_hover_cards_and_screen_reader_text_are_skipped() -> None:
    first = (
        "<p>The council voted on <span class='rollover-people'><a href='/p'>Tuesday</a>"
        "<span class='rollover-people-block'>More about this person and five other stories"
        "</span></span> to close the landing after four decades of service.</p>"
        "<p><span class='sr-only'>Advertisement</span>Residents had campaigned for years for a "
        "bridge instead.</p>"
    )
    body = _body(_page(f"<div>{first}{''.join(f'<p>{p}</p>' for p in PARAGRAPHS[2:])}</div>"))
    assert "five other stories" not in body
    assert "Advertisement" not in body
    assert "campaigned for years" in body


def test_article_nested_deeper_than_libxml2_allows_is_read() -> None:
    deep = "<div>" * 300 + _article() + "</div>" * 300
    assert PARAGRAPHS[2] in _body(_page(deep))


def test_data_table_in_the_article_is_kept_as_a_table() -> None:
    table = (
        "<table><tr><th>Route</th><th>Minutes</th></tr><tr><td>12</td><td>10</td></tr>"
        "<tr><td>14</td><td>20</td></tr></table>"
    )
    article = pressclip.extract(_page(_article(extra=table)), input_type="html")
    tables = [b for b in article.body if b.kind == "table"]
    assert tables and tables[0].rows[0] == ("Route", "Minutes")


def test_standfirst_between_headline_and_body_is_the_alternative_headline() -> None:
    dek = "<p class='dek'>A decades-old crossing gives way to buses, and not everyone is happy.</p>"
    page = _page(_article()).replace(b"<h1>Ferry landing to close</h1>", b"")
    page = page.replace(
        b"<div class='story'>",
        b"<header><h1>Ferry landing to close</h1>" + dek.encode() + b"</header><div class='story'>",
    )
    article = pressclip.extract(page, input_type="html")
    assert article.alternative_headline is not None
    assert article.alternative_headline.startswith("A decades-old crossing")
    assert article.article_body.startswith("A decades-old crossing")  # a lead stays in the body


def test_page_with_only_teasers_is_not_an_article() -> None:
    cards = "".join(
        f"<article><h2><a href='/s{i}'>Headline of story {i} in the section</a></h2>"
        f"<p>Summary {i}.</p></article>"
        for i in range(8)
    )
    article = pressclip.extract(_page(cards), input_type="html")
    assert article.extraction.is_article is False
    assert article.extraction.reason


def test_author_box_after_the_article_is_not_body() -> None:
    bio = (
        "<div class='author-box'><p>Jane Roe is a senior reporter who has covered the town "
        "council and its transport plans since 2015. She lives by the river.</p></div>"
    )
    body = _body(_page(_article(extra=bio)))
    assert "senior reporter" not in body
    assert PARAGRAPHS[-1] in body


def test_article_set_mostly_inside_a_meta_named_box_is_kept() -> None:
    # A wrapper named like a byline box that holds a good share of the text is the article.
    inner = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[2:])
    article = f"<div class='story'><p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p>" + (
        f"<div class='entry-meta-wrap'>{inner}</div></div>"
    )
    body = _body(_page(article))
    assert PARAGRAPHS[3] in body


def _long_article(extra: str = "") -> str:
    paras = "".join(f"<p>{p} {p}</p>" for p in PARAGRAPHS)
    return f"<div class='story'><div class='story-text'>{paras}</div>{extra}</div>"


def test_box_appended_after_the_text_in_its_own_wrapper_is_not_body() -> None:
    box = (
        "<div class='note'><p>Get the morning briefing in your inbox every weekday, free.</p></div>"
    )
    body = _body(_page(_long_article(extra=box)))
    assert "morning briefing" not in body
    assert PARAGRAPHS[-1] in body


def test_text_split_into_wrappers_of_the_same_kind_stays_whole() -> None:
    more = "<div class='story-text'><p>Buses will run every ten minutes from April on.</p></div>"
    body = _body(_page(_long_article(extra=more)))
    assert "every ten minutes from April" in body


def test_table_after_the_text_stays() -> None:
    table = "<table><tr><th>Route</th><th>Minutes</th></tr><tr><td>12</td><td>10</td></tr></table>"
    body = _body(_page(_long_article(extra=f"<div class='facts'>{table}</div>")))
    assert "Route" in body and "Minutes" in body


def test_long_comment_thread_beside_the_text_does_not_cut_the_article() -> None:
    comments = "".join(
        f"<div class='comment'><p>Reader {i} writes: I took that ferry every morning for years "
        "and I will miss the view of the river at dawn, but the buses are faster.</p></div>"
        for i in range(4)
    )
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body = _body(_page(f"<div class='entry'>{paras}<div class='comments'>{comments}</div></div>"))
    assert all(p in body for p in PARAGRAPHS)
    assert "Reader 3 writes" not in body


def test_markup_printed_as_text_is_not_body() -> None:
    pixel = '<p>&lt;img height="1" width="1" src="https://example.org/p.gif"/&gt;</p>'
    titled = "<p>&lt;The Palace&gt; opened the festival on Friday night to a full house.</p>"
    body = _body(_page(_article(extra=pixel + titled)))
    assert "<img" not in body
    assert "<The Palace> opened the festival" in body


def test_addresses_in_a_sentence_are_body_a_bare_address_line_is_not() -> None:
    bare = "<p>https://example.org/embed/4412 https://example.org/embed/4413</p>"
    credit = (
        "<p>Photo David Roe on https://photos.example.org/de/fotos/ferry-landing-at-dusk-9f2k</p>"
    )
    body = _body(_page(_article(extra=bare + credit)))
    assert "embed/4412" not in body
    assert "Photo David Roe on https://photos.example.org" in body


def test_rail_headings_in_other_languages_take_what_follows() -> None:
    for heading in ("Ähnliche Beiträge", "Czytaj także", "Artigos relacionados"):
        rail = (
            f"<div><h3>{heading}</h3><p>Die Fähre fuhr zuletzt zweimal täglich über den Fluss, "
            "wie die Stadt mitteilte.</p></div>"
        )
        body = _body(_page(_article(extra=rail)))
        assert heading not in body
        assert "zweimal täglich" not in body
        assert PARAGRAPHS[-1] in body


def test_short_post_keeps_its_lines_beside_the_one_long_paragraph() -> None:
    post = (
        "<div class='entry'><p>I would invest in smart charging stations for electric cars, "
        "and I wonder why nobody sells them yet at the petrol stations along the motorways "
        "where people stop anyway for coffee and a rest.</p><p>Thanks for the tip, friends!</p>"
        "<div class='sharedaddy'><h3>Share this:</h3><ul><li><a href='/t'>Twitter</a></li>"
        "<li><a href='/f'>Facebook</a></li><li><a href='/e'>Email</a></li></ul></div></div>"
    )
    body = _body(_page(post))
    assert "smart charging stations" in body
    assert "Thanks for the tip, friends!" in body
    assert "Twitter" not in body


def _with_list(intro: str) -> bytes:
    items = "".join(
        f"<li><a href='/p{i}'>Patch {i}: fix the timetable export for route {i}</a></li>"
        for i in range(3)
    )
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    middle = f"<p>{intro}</p><ul>{items}</ul>"
    return _page(f"<div class='story'>{''.join(paras[:2])}{middle}{''.join(paras[2:])}</div>")


def test_list_of_links_the_text_announces_stays() -> None:
    body = _body(_with_list("The city published these changes to the bus timetable:"))
    assert "Patch 1: fix the timetable export" in body
    assert PARAGRAPHS[-1] in body


def test_list_of_links_a_three_word_sentence_announces_stays() -> None:
    body = _body(_with_list("Here's a selection:"))
    assert "Patch 1: fix the timetable export" in body


def test_list_of_links_under_a_see_also_label_goes() -> None:
    body = _body(_with_list("See also:"))
    assert "Patch 1: fix the timetable export" not in body


def _profile(name: str, sentences: int) -> str:
    text = " ".join(
        f"Customers say {name} arrived on time on move {n} and handled the furniture with care."
        for n in range(sentences)
    )
    links = "".join(
        f"<li><a href='/m/{name}/{n}'>{name} branch office {n}</a></li>" for n in range(6)
    )
    return (
        f"<div class='mover-profile'><h2><a href='/m/{name}'>{name}</a></h2>"
        f"<div class='summary'><p>{text}</p></div><ul>{links}</ul></div>"
    )


def test_entries_set_alike_all_stay_when_the_headline_is_outside_them() -> None:
    profiles = "".join(
        _profile(name, n) for name, n in (("Alder", 9), ("Birch", 4), ("Cedar", 5), ("Maple", 4))
    )
    links = "".join(
        f"<li><a href='/city/{n}'>Movers in city number {n}</a></li>" for n in range(40)
    )
    page = (
        "<!doctype html><html><head><title>Best movers | Move Guide</title></head><body>"
        "<main><header><h1>Best movers</h1></header><div class='list'>"
        "<p>We compared the movers in town on price, care and punctuality over a whole year.</p>"
        f"{profiles}<ul>{links}</ul></div></main></body></html>"
    ).encode()
    body = _body(page)
    assert "Customers say Alder arrived" in body
    assert "Customers say Maple arrived" in body


# Rails marked before the container is chosen: another page's teaser or the article's own list.
INTRO = [
    "Adding a few wooden pieces to a home is cheaper than most people think, and fun to do.",
    "Every project below takes an afternoon and a handful of tools you probably own already.",
]
OUTRO = "Most of these pieces can be finished in a single weekend with the most basic of tools."


def _post(inner: str) -> str:
    return f"<div class='post'>{inner}</div>"


def _roundup_item(i: int) -> str:
    return (
        f"<div class='item'><h2><a href='https://maker{i}.example.org/plans/project-{i}'>"
        f"Simple project number {i} for the hallway</a></h2>"
        f"<div class='credit'>Photo: maker{i}.example.org</div>"
        f"<p>Project {i} needs two boards, a saw and some glue, and it is done in an hour.</p>"
        "</div>"
    )


def test_roundup_of_other_sites_projects_stays_in_the_article() -> None:
    items = "".join(_roundup_item(i) for i in range(1, 5))
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    body = _body(_page(_post(f"{intro}{items}<p>{OUTRO}</p>")))
    assert "Project 3 needs two boards" in body
    assert OUTRO in body


def test_same_site_teasers_beside_the_article_still_go() -> None:
    cards = "".join(
        f"<div><h3><a href='https://workshop.example/p{i}'>Another project number {i} of ours</a>"
        f"</h3><p>A short summary of project {i}.</p></div>"
        for i in range(4)
    )
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    body = _body(_page(_post(f"{intro}<p>{OUTRO}</p>"), around=f"<section>{cards}</section>"))
    assert INTRO[0] in body
    assert "Another project number" not in body


def _dated_teaser(i: int) -> str:
    summary = (
        f"Post {i} walks through choosing timber for outdoor furniture, from cedar to oak, "
        "and explains why the cheapest boards at the yard often cost more in the end, once "
        "warping, splitting and the extra sanding are counted. It closes with a list of finishes "
        "that hold up to rain, sun and frost, and where to buy them without paying shop prices "
        "for a brand name that adds nothing to the can. A table of drying times ends the post."
    )
    return (
        f"<article class='entry'><h3 class='entry-title'><a href='/blog/post-{i}'>"
        f"Choosing timber, part {i}</a></h3><div class='when'>March {i + 10}, 2025</div>"
        f"<p>{summary}</p><a href='/blog/post-{i}'>Read more</a></article>"
    )


LONG = [
    "The first thing to settle is where the piece will stand, since damp corners ruin pine.",
    "Measure twice, then cut the longest boards first so that mistakes still leave usable wood.",
    "Sand every face before assembly; reaching inside a finished box is slow and never neat.",
    "Glue and clamp overnight, and resist the urge to test the joints before the glue has set.",
]


def test_dated_post_teasers_with_long_summaries_stay_out() -> None:
    paras = "".join(f"<p>{p}</p>" for p in [*INTRO, *LONG, *LONG, OUTRO])
    latest = (
        "<div class='widget'><h2>From the blog</h2>"
        + "".join(_dated_teaser(i) for i in range(1, 5))
        + "</div>"
    )
    body = _body(_page(_post(paras + latest)))
    assert INTRO[0] in body and OUTRO in body
    assert "walks through choosing timber" not in body


def _kicker_first_teaser(i: int) -> str:
    # A grid's card: its section and date come before the linked title.
    summary = _dated_teaser(i).split("<p>")[1].split("</p>")[0]
    return (
        f"<div class='post-item'><div class='tagline'><h5><a href='/c/wood'>Woodwork</a></h5>"
        f"<span class='date'>March {i + 10}, 2025</span></div>"
        f"<h3 class='title'><a href='/blog/post-{i}'>Choosing timber, part {i}</a></h3>"
        f"<p>{summary}</p></div>"
    )


def test_teasers_whose_date_comes_before_the_title_stay_out() -> None:
    paras = "".join(f"<p>{p}</p>" for p in [*INTRO, *LONG, OUTRO])
    grid = "".join(_kicker_first_teaser(i) for i in range(1, 7))
    body = _body(_page(_post(paras), around=f"<div class='grid'>{grid}</div>"))
    assert INTRO[0] in body and OUTRO in body
    assert "walks through choosing timber" not in body


def test_a_dated_listing_right_under_the_headline_is_the_page() -> None:
    # An events calendar: the page's headline, a line of intro, then the dated entries.
    grid = "".join(_kicker_first_teaser(i) for i in range(1, 7))
    body = _body(_page(f"<p>{INTRO[0]}</p><div class='grid'>{grid}</div>"))
    assert "Post 1 walks through choosing timber" in body
    assert "Post 6 walks through choosing timber" in body


def test_linked_title_of_an_item_with_its_own_paragraph_stays() -> None:
    items = "".join(
        f"<div class='item'><h3><a href='/tools/{name.lower()}'>{name}</a></h3>"
        f"<div class='text'><p>The {name} is the one we reach for first: it is light, it is "
        "cheap and it survives being dropped from a ladder more than once.</p></div></div>"
        for name in ("Hammerhead", "Clampmaster")
    )
    paras = "".join(f"<p>{p}</p>" for p in INTRO)
    body = _body(_page(_post(f"{paras}{items}<p>{OUTRO}</p>")))
    assert "Hammerhead\n\nThe Hammerhead is the one" in body
    assert "Clampmaster" in body


def _reports_list(intro: str) -> bytes:
    # Items open on a linked title and go on in plain words, like teaser cards; one title
    # starts with the headline's words, as a list of stories that includes this one does.
    titles = ["Ferry landing to close: the first study", "Bus routes that replace the ferry"]
    titles += ["Pontoon removal and the river bank", "Ridership on the old crossing"]
    items = "".join(
        f"<li><a href='/r{i}'>{title}</a> (Report {i}, July 2019). The report counts the "
        f"trips made on the crossing and what they cost the town each year.</li>"
        for i, title in enumerate(titles)
    )
    more = [
        f"<p>{p} Officials repeated the point at a second meeting on Thursday.</p>"
        for p in PARAGRAPHS
    ]
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS] + more
    return _page(f"<div class='story'>{''.join(paras)}<p>{intro}</p><ul>{items}</ul></div>")


def test_list_of_linked_reports_the_text_announces_stays() -> None:
    body = _body(_reports_list("The city looked at the crossing in these earlier reports:"))
    assert "Pontoon removal and the river bank (Report 2, July 2019)" in body
    assert PARAGRAPHS[-1] in body


def test_list_of_linked_reports_without_an_announcement_goes() -> None:
    body = _body(_reports_list("The city looked at the crossing in earlier reports."))
    assert "Pontoon removal and the river bank" not in body


def _guide(label: str, resumes: bool) -> bytes:
    # A buying guide names its picks as bare links under a short heading ending on a colon.
    picks = "".join(
        f"<li><h3><a href='https://shop.example/p{i}'>Harbour Ferry Model {i}</a></h3></li>"
        for i in range(2)
    )
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    middle = f"<h4>{label}</h4><ul>{picks}</ul>"
    tail = "".join(paras[2:]) if resumes else ""
    return _page(
        f"<div class='story'>{''.join(paras if not resumes else paras[:2])}{middle}{tail}</div>"
    )


def test_linked_picks_a_heading_announces_mid_article_stay() -> None:
    body = _body(_guide("Top expert picks:", resumes=True))
    assert "Harbour Ferry Model 1" in body
    assert PARAGRAPHS[-1] in body


def test_linked_picks_under_a_label_at_the_end_go() -> None:
    body = _body(_guide("Editors' picks:", resumes=False))
    assert "Harbour Ferry Model 1" not in body


def test_linked_contents_a_heading_announces_go() -> None:
    # A table of contents after the lead: its items say again the headings below.
    sections = ["Why the landing closes", "What replaces the ferry", "When the work starts"]
    toc = "".join(f"<li><a href='#s{i}'>{s}</a></li>" for i, s in enumerate(sections))
    text = "".join(
        f"<h2 id='s{i}'>{s}</h2><p>{PARAGRAPHS[i + 1]}</p>" for i, s in enumerate(sections)
    )
    lead = f"<p>{PARAGRAPHS[0]}</p><h4>In this article:</h4><ul>{toc}</ul>"
    body = _body(_page(f"<div class='story'>{lead}{text}</div>"))
    assert "Why the landing closes" in body
    assert "In this article" not in body
    assert body.count("What replaces the ferry") == 1


_BIO = [
    "Jane Roe is the editor of the Town Times and has covered the council since 2015.",
    "She holds a degree in civil engineering from the state university in the capital.",
    "When she is not at the council, she rows on the river with her two daughters.",
]


def _with_bio(heading: str) -> bytes:
    bio = "".join(f"<p>{p}</p>" for p in _BIO)
    box = f"{heading}<div class='about'>{bio}</div>"
    return _page(_article(), around=box, head="<meta name='author' content='Jane Roe'>")


def test_author_bio_of_several_paragraphs_after_the_article_goes() -> None:
    body = _body(_with_bio(""))
    assert "civil engineering" not in body
    assert "Jane Roe is the editor" not in body
    assert PARAGRAPHS[-1] in body


def test_author_bio_set_as_a_section_under_its_heading_stays() -> None:
    body = _body(_with_bio("<h2>Why you can trust us</h2>"))
    assert "civil engineering" in body


def test_a_one_line_bio_of_the_author_near_the_end_goes() -> None:
    # It opens on the author's name, and is the third block from the end: above a line on
    # the reporting and a line of share buttons the article ends on.
    bio = (
        "<p>Jane Roe is the editor of the Town Times and covers the council.</p>"
        "<p>Additional reporting came from the harbour office.</p><p>Facebook X Email</p>"
    )
    author = "<meta name='author' content='Jane Roe'>"
    body = _body(_page(_article(extra=bio), head=author))
    assert PARAGRAPHS[-1] in body
    assert "Jane Roe is the editor" not in body


def test_newsletter_pitch_after_the_article_goes() -> None:
    pitch = (
        "<p>Subscribe to Town Times Daily, a free newsletter that brings the council's news "
        "and the ferry timetable to your inbox every morning.</p>"
    )
    body = _body(_page(_article(extra=pitch)))
    assert "free newsletter" not in body
    assert PARAGRAPHS[-1] in body


def test_sentence_about_subscribers_in_the_text_stays() -> None:
    text = "Subscribers of the ferry pass will get a refund for the months left, the city said."
    body = _body(_page(_article(extra=f"<p>{text}</p>")))
    assert text in body


def test_rows_set_as_sibling_divs_before_the_text_stay() -> None:
    # A schedule set as one <div> a line, not as a list, right under the headline.
    dates = ["March 3", "March 10", "March 17", "March 24"]
    rows = "".join(f"<div>{d}     6pm - 7pm     Town Hall, room 2</div>" for d in dates)
    body = _body(
        _page(f"<div class='story'><p><b>Schedule</b></p><div>{rows}</div>{_article()}</div>")
    )
    assert "March 17 6pm - 7pm Town Hall, room 2" in body
    assert PARAGRAPHS[-1] in body


def test_meta_lines_stacked_as_sibling_divs_before_the_text_go() -> None:
    lines = ["By Jane Roe, transport reporter", "Published on the third of March"]
    lines += ["Updated on the fourth of March", "Reading time: five minutes"]
    meta = "".join(f"<div>{line}</div>" for line in lines)
    body = _body(_page(f"<div class='story'><div>{meta}</div>{_article()}</div>"))
    assert body.startswith(PARAGRAPHS[0])


def _with_lines(links: list[str]) -> bytes:
    intro = "The city has put the engineers' papers on the landing online:"
    lines = "<br>".join(f"<a href='/doc/{i}.pdf'>{name} (pdf)</a>" for i, name in enumerate(links))
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    middle = f"<p>{intro}</p><p>{lines}</p>"
    return _page(f"<div class='story'>{''.join(paras[:2])}{middle}{''.join(paras[2:])}</div>")


def test_lines_of_links_the_text_announces_stay() -> None:
    body = _body(_with_lines(["Survey of the pontoons", "Cost of the bus routes"]))
    assert "Survey of the pontoons (pdf)" in body
    assert "Cost of the bus routes (pdf)" in body


def test_one_linked_line_under_an_announcement_is_a_call_to_action() -> None:
    body = _body(_with_lines(["Read all of them free here"]))
    assert "Read all of them free here" not in body


def test_text_after_the_page_footer_is_not_the_article() -> None:
    # A popup appended after the page's footer, with a story of its own: the container that
    # holds both the article and the popup is the whole page.
    popup = (
        "<div class='modal'><h2>Our story</h2>"
        "<p>Town Times began as a weekly sheet printed in a garage by the river in 1952, and it "
        "has grown with the town ever since, one council meeting at a time.</p></div>"
    )
    more = "".join(f"<p>{p} The vote was seven to two.</p>" for p in PARAGRAPHS)
    page = (
        "<!doctype html><html><head><title>Ferry landing to close</title></head><body>"
        f"<div><h1>Ferry landing to close</h1>{_article(extra=more)}</div>"
        "<footer><p>© 2025 Town Times. All rights reserved.</p></footer>"
        f"{popup}</body></html>"
    )
    body = _body(page.encode())
    assert PARAGRAPHS[-1] in body
    assert "weekly sheet" not in body


def test_linked_items_of_a_list_of_plain_items_stay() -> None:
    # A packing list whose items link, here and there, to the site's reviews.
    items = ["<a href='/best-tents'>Tent</a>", "Rainfly", "Tent poles", "Groundsheet"]
    items.append("<a href='/best-stakes'>Stakes</a>")
    checklist = "<h3>Shelter</h3><ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    story = f"<div class='story'>{''.join(paras[:2])}{checklist}{''.join(paras[2:])}</div>"
    body = _body(_page(story))
    assert "Tent\nRainfly\nTent poles\nGroundsheet\nStakes" in body


def test_a_list_of_links_among_paragraphs_with_one_plain_item_goes() -> None:
    items = [f"<a href='/s{i}'>Another story about the harbour {i}</a>" for i in range(4)]
    items.append("More stories every morning")
    rail = "<ul>" + "".join(f"<li>{i}</li>" for i in items) + "</ul>"
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = _body(_page(f"<div class='story'>{''.join(paras[:2])}{rail}{''.join(paras[2:])}</div>"))
    assert "Another story about the harbour 2" not in body


def test_linked_shops_listed_under_a_short_item_label_stay() -> None:
    # "Buying options:" heads a list nested in its item; each shop is a bare link.
    shops = "".join(
        f"<li><p><a href='https://shop.example/{s}'>{s} (Harbour Tools)</a></p></li>"
        for s in ("Amazon", "Home Depot")
    )
    box = (
        f"<ul><li><p>Price: $15</p></li><li><p><b>Buying options:</b></p><ul>{shops}</ul></li></ul>"
    )
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = _body(_page(f"<div class='story'>{''.join(paras[:2])}{box}{''.join(paras[2:])}</div>"))
    assert "Home Depot (Harbour Tools)" in body
    assert PARAGRAPHS[-1] in body


def test_newsletter_pitch_after_a_question_goes() -> None:
    pitch = "<p>Want more from Town Times? Sign up for our newsletter, The Landing, today.</p>"
    body = _body(_page(_article(extra=pitch)))
    assert "Sign up for our newsletter" not in body
    assert PARAGRAPHS[-1] in body


def test_first_subheading_said_again_by_the_table_of_contents_stays() -> None:
    sections = ["Why the ferry landing closes after four decades", "What replaces the ferry"]
    toc = "".join(f"<li><a href='#s{i}'>{s}</a></li>" for i, s in enumerate(sections))
    text = "".join(
        f"<h2 id='s{i}'>{s}</h2><p>{PARAGRAPHS[2 * i]}</p><p>{PARAGRAPHS[2 * i + 1]}</p>"
        for i, s in enumerate(sections)
    )
    body = _body(_page(f"<div class='story'><ul>{toc}</ul>{text}</div>"))
    assert body.startswith(sections[0])


def test_table_of_contents_title_is_not_article_text() -> None:
    # The contents sit right before the first paragraph: their title would pass for the
    # subheading that opens the text.
    toc = "".join(f"<li><a href='#p{i}'>Part {i} of the story</a></li>" for i in range(3))
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    body = _body(_page(f"<div class='story'><h2>Table of Contents</h2><ul>{toc}</ul>{paras}</div>"))
    assert body.startswith(PARAGRAPHS[0])


def test_closing_paragraph_that_links_the_shops_it_names_stays() -> None:
    # A third links and short, so not prose; but a full sentence in the article's own parent.
    shops = (
        "<p>After a month of use I can recommend it: I found the board on "
        "<a href='/a'>Pi Shop for $49 with VAT</a>, but it also sells "
        "on <a href='/b'>AliExpress for just $35</a>.</p>"
    )
    promo = (
        "<p>Check out <a href='/blog'>our harbour blog for more stories about the town</a>, "
        "its old ferries and the people who ran them for forty years.</p>"
    )
    body = _body(_page(_article(extra=shops + promo)))
    assert "I can recommend it: I found the board on Pi Shop for $49" in body
    assert "Check out our harbour blog" not in body


def test_appeal_for_readers_money_goes() -> None:
    appeals = (
        "<p>Support Town Times! Donate via bank transfer, become a patron, or buy a mug.</p>"
        "<p>Support our mission to keep local news free by joining the Town Times club.</p>"
    )
    body = _body(_page(_article(extra=appeals)))
    assert "Donate via" not in body
    assert "Support our mission" not in body
    assert PARAGRAPHS[-1] in body


def test_paragraph_about_donations_stays() -> None:
    giving = "<p>Support for the ferry crew came quickly: donations reached $4,000 in a week.</p>"
    body = _body(_page(_article(extra=giving)))
    assert "donations reached $4,000" in body


def test_section_heading_set_in_h1_between_paragraphs_stays() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    story = f"<div class='story'>{''.join(paras[:2])}<h1>What the bridge costs</h1>"
    body = _body(_page(story + "".join(paras[2:]) + "</div>"))
    assert "What the bridge costs" in body
    assert "Ferry landing to close" not in body  # the page's own <h1> headline still goes
    assert PARAGRAPHS[-1] in body


def test_template_filler_text_is_not_body() -> None:
    filler = (
        "<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor "
        "incididunt ut labore et dolore magna aliqua.</p>"
    )
    body = _body(_page(_article(extra=filler)))
    assert "Lorem ipsum" not in body
    assert PARAGRAPHS[-1] in body


def test_reading_time_line_is_not_body() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    story = f"<div class='story'><p>6 min read</p>{paras}<p>Reading time: 5 minutes</p></div>"
    body = _body(_page(story))
    assert "min read" not in body
    assert "Reading time" not in body
    assert PARAGRAPHS[-1] in body


def test_rating_widget_lines_are_not_body() -> None:
    widget = (
        "<p>How useful was this post?</p><p>Click on a star to rate it!</p>"
        "<p>Average rating 5 / 5. Vote count: 1</p>"
        "<p>No votes so far! Be the first to rate this post.</p>"
        "<p>War der Artikel nützlich?</p>"
    )
    body = _body(_page(_article(extra=widget)))
    assert "How useful" not in body
    assert "Vote count" not in body
    assert "No votes so far" not in body
    assert "War der Artikel" not in body
    assert PARAGRAPHS[-1] in body


def test_loading_placeholders_and_like_counts_are_not_body() -> None:
    paras = "".join(f"<p>{p}</p><div>{n * 100 + 9} likes</div>" for n, p in enumerate(PARAGRAPHS))
    story = f"<div class='story'>{paras}<div>Loading prices for your region…</div></div>"
    body = _body(_page(story))
    assert "likes" not in body
    assert "Loading prices" not in body
    assert PARAGRAPHS[-1] in body


def test_quote_set_in_a_figure_stays_but_an_embedded_post_goes() -> None:
    quote = (
        "<figure><blockquote>The ferry carried my grandparents to their wedding, and I will "
        "miss it every single morning.</blockquote><figcaption>A resident</figcaption></figure>"
    )
    embed = (
        "<figure class='wp-block-embed'><blockquote><p>Last crossing of the old ferry today, "
        "what a crowd on the landing this morning.</p></blockquote></figure>"
    )
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    story = f"<div class='story'>{''.join(paras[:2])}{quote}{embed}{''.join(paras[2:])}</div>"
    body = _body(_page(story))
    assert "The ferry carried my grandparents" in body
    assert "Last crossing of the old ferry" not in body
    assert PARAGRAPHS[-1] in body


def test_player_and_toolbar_button_labels_are_not_body() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    controls = "<div>Play Video</div><div>Bookmark</div><div>SCROLL FOR MORE</div>"
    story = f"<div class='story'>{''.join(paras[:2])}{controls}{''.join(paras[2:])}</div>"
    body = _body(_page(story))
    assert "Play Video" not in body
    assert "Bookmark" not in body
    assert "SCROLL FOR MORE" not in body
    assert PARAGRAPHS[-1] in body


def test_pointer_to_other_posts_is_not_body_but_a_sentence_opening_alike_is() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    pointer = "<p>You may be interested in the following topics as well:</p>"
    sentence = "<p>You might like the view from the top of the old harbour tower.</p>"
    story = f"<div class='story'>{''.join(paras[:2])}{sentence}{''.join(paras[2:])}{pointer}</div>"
    body = _body(_page(story))
    assert "following topics" not in body
    assert "You might like the view" in body
    assert PARAGRAPHS[-1] in body


def test_follow_us_pitch_is_not_body_but_a_sentence_about_following_is() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    pitch = "<p>Follow us on Telegram, Facebook, Instagram and X for the latest news.</p>"
    sentence = "<p>Follow the signs to the car park, then walk down to the old harbour.</p>"
    story = f"<div class='story'>{''.join(paras[:2])}{sentence}{''.join(paras[2:])}{pitch}</div>"
    body = _body(_page(story))
    assert "Follow us on Telegram" not in body
    assert "Follow the signs" in body
    assert PARAGRAPHS[-1] in body


def test_paywall_notice_is_not_body() -> None:
    notice = (
        "<p>To view the full story, please subscribe to The Harbour Times.</p>"
        "<p>If you're enjoying this article, consider supporting our award-winning journalism "
        "by subscribing.</p>"
    )
    body = _body(_page(_article(extra=notice)))
    assert "full story" not in body
    assert "consider supporting" not in body
    assert PARAGRAPHS[-1] in body


def test_script_notice_and_ad_break_marker_are_not_body() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    breaks = "<p>This slideshow requires JavaScript.</p><p>Continue Reading Below</p>"
    story = f"<div class='story'>{''.join(paras[:2])}{breaks}{''.join(paras[2:])}</div>"
    body = _body(_page(story))
    assert "requires JavaScript" not in body
    assert "Continue Reading" not in body
    assert PARAGRAPHS[-1] in body


def test_byline_line_is_not_body_but_a_heading_opening_alike_is() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    story = (
        f"<div class='story'>{paras[0]}<p>By Phil Helsel</p>{''.join(paras[1:3])}"
        f"<h2>By Audience</h2>{''.join(paras[3:])}</div>"
    )
    body = _body(_page(story))
    assert "Phil Helsel" not in body
    assert "By Audience" in body
    assert PARAGRAPHS[-1] in body


def test_thanks_for_reading_sign_off_is_not_body() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    sign_off = "<p>Thanks for reading! Subscribe for free to receive new posts.</p>"
    story = f"<div class='story'>{''.join(paras[:3])}{sign_off}{''.join(paras[3:])}</div>"
    body = _body(_page(story))
    assert "Thanks for reading" not in body
    assert PARAGRAPHS[-1] in body


def test_contact_prompt_is_not_body() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    prompt = "<p>Still have questions?</p>"
    story = f"<div class='story'>{''.join(paras[:3])}{prompt}{''.join(paras[3:])}</div>"
    body = _body(_page(story))
    assert "Still have questions" not in body
    assert PARAGRAPHS[-1] in body


def test_app_pitch_is_not_body_but_an_instruction_to_install_an_app_is() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    pitch = "<p>Get the Harbour Times app!</p>"
    step = "<p>Download the ferry operator's app on your phone to see the last crossings.</p>"
    story = f"<div class='story'>{''.join(paras[:2])}{step}{''.join(paras[2:])}{pitch}</div>"
    body = _body(_page(story))
    assert "Harbour Times app" not in body
    assert "Download the ferry operator" in body
    assert PARAGRAPHS[-1] in body


def test_prompt_over_more_links_is_not_body() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    prompts = "<p>Want More?</p><p>Not what you were looking for?</p>"
    story = f"<div class='story'>{''.join(paras[:3])}{prompts}{''.join(paras[3:])}</div>"
    body = _body(_page(story))
    assert "Want More" not in body
    assert "looking for" not in body
    assert PARAGRAPHS[-1] in body


def test_like_this_story_pitch_is_not_body() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    pitch = "<p>Like this story? Share it with a friend!</p>"
    story = f"<div class='story'>{''.join(paras[:3])}{pitch}{''.join(paras[3:])}</div>"
    body = _body(_page(story))
    assert "Like this story" not in body
    assert PARAGRAPHS[-1] in body
