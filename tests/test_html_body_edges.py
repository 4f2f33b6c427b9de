"""The short lines at the edges of the article text: what opens and closes it stays, the
bylines, dates and links around it go."""

from __future__ import annotations

import pressclip

PARAGRAPHS = [
    "The council voted on Tuesday to close the old ferry landing after four decades of service.",
    "Residents who had campaigned for a new bridge said the decision came far too late for them.",
    "The mayor said the money saved would go to the bus routes that replace the ferry this spring.",
    "Engineers will begin removing the pontoons in April, weather permitting, the city said.",
]


def _page(inner: str) -> bytes:
    return (
        "<!doctype html><html><head><title>Ferry landing to close | Town Times</title></head>"
        "<body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<h1>Ferry landing to close</h1><div class='story'>{inner}</div>"
        "<footer><p>© 2025 Town Times. All rights reserved.</p></footer></body></html>"
    ).encode()


def _body(page: bytes) -> str:
    return pressclip.extract(page, input_type="html").article_body


def _paras() -> str:
    return "".join(f"<p>{p}</p>" for p in PARAGRAPHS)


def test_sign_off_after_the_last_paragraph_stays() -> None:
    body = _body(_page(f"{_paras()}<p>See you at the landing</p><p>x Maria</p>"))
    assert body.endswith("See you at the landing\n\nx Maria")


def test_linked_line_after_the_sign_off_goes() -> None:
    inner = f"{_paras()}<p>x Maria</p><p><a href='/more'>More from Maria</a></p>"
    body = _body(_page(inner))
    assert body.endswith("x Maria")
    assert "More from Maria" not in body


def test_line_after_the_text_in_another_wrapper_still_goes() -> None:
    body = _body(_page(f"{_paras()}<div class='box'><p>Town Times desk</p></div>"))
    assert body.endswith(PARAGRAPHS[-1])


def test_list_of_text_items_before_the_first_paragraph_stays() -> None:
    items = ["Two ferries left in service", "Forty years of crossings", "Buses from April"]
    lis = "".join(f"<li>{i}</li>" for i in items)
    body = _body(_page(f"<ul>{lis}</ul>{_paras()}"))
    assert all(i in body for i in items)
    assert body.index(items[-1]) < body.index(PARAGRAPHS[0])


def test_list_of_links_before_the_first_paragraph_goes() -> None:
    lis = "".join(f"<li><a href='/t{i}'>Topic number {i}</a></li>" for i in range(3))
    body = _body(_page(f"<ul>{lis}</ul>{_paras()}"))
    assert body.startswith(PARAGRAPHS[0])


def test_opening_line_before_the_first_paragraph_stays() -> None:
    body = _body(_page(f"<p>Dear readers,</p>{_paras()}"))
    assert body.startswith("Dear readers,\n\n" + PARAGRAPHS[0])


def test_byline_date_and_credit_before_the_first_paragraph_go() -> None:
    for line in ("By Jane Roe", "Updated 12 May 2025", "© Town Times | John Doe"):
        body = _body(_page(f"<p>{line}</p>{_paras()}"))
        assert body.startswith(PARAGRAPHS[0]), line


def test_short_items_of_a_list_after_the_last_paragraph_stay_with_the_long_ones() -> None:
    items = [
        "Buses every twenty minutes from the old landing to the station",
        "Night service",
        "Bikes",
    ]
    lis = "".join(f"<li>{i}</li>" for i in items)
    body = _body(_page(f"{_paras()}<ul>{lis}</ul>"))
    assert all(i in body for i in items)


def test_a_raw_markdown_copy_of_the_text_goes() -> None:
    # the page prints its text twice: as HTML, and as the Markdown it was written in
    parts = [f"{p} That was part {n} of the account." for n in range(3) for p in PARAGRAPHS]
    html = "".join(f"<p>{p} <a href='/more'>More</a>.</p>" for p in parts)
    markdown = "# Ferry landing to close\n\n" + "\n\n".join(
        f"{p} [More](https://town.example/more)." for p in parts
    )
    body = _body(_page(f"<div class='text'>{html}</div><pre class='raw'>{markdown}</pre>"))
    assert body.count(PARAGRAPHS[0]) == 3
    assert "# Ferry landing" not in body


_FARES = [("Harbour Line", "£2.40"), ("Hill Loop", "£1.90"), ("Night Rider", "£3.10")]


def test_linked_names_in_a_table_between_paragraphs_stay_with_their_rows() -> None:
    rows = "".join(
        f"<tr><td><a href='/routes/{n}'>{name}</a></td>"
        f"<td>Replaces the ferry, fare {fare}</td></tr>"
        for n, (name, fare) in enumerate(_FARES)
    )
    body = _body(_page(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><table>{rows}</table>"
                       f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"))  # fmt: skip
    for name, fare in _FARES:
        assert name in body and fare in body


def test_a_table_of_links_alone_between_paragraphs_still_goes() -> None:
    rows = "".join(
        f"<tr><td><a href='/routes/{n}'>{name}</a></td><td><a href='/f/{n}'>Fares</a></td></tr>"
        for n, (name, _) in enumerate(_FARES)
    )
    body = _body(_page(f"<p>{PARAGRAPHS[0]}</p><p>{PARAGRAPHS[1]}</p><table>{rows}</table>"
                       f"<p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p>"))  # fmt: skip
    assert not any(name in body for name, _ in _FARES)


def test_a_section_heading_over_the_first_subheading_stays() -> None:
    # "Introduction" opens the section whose first subsection opens the text: both stay.
    body = _body(_page(f"<h2>Introduction</h2><h3>Why the landing closes</h3>{_paras()}"))
    assert body.startswith("Introduction\n\nWhy the landing closes\n\n")


def test_a_lower_heading_over_the_first_subheading_goes() -> None:
    # An h4 above an h3 is a label of something else (a kicker), not the section's title.
    body = _body(_page(f"<h4>Local news</h4><h3>Why the landing closes</h3>{_paras()}"))
    assert body.startswith("Why the landing closes\n\n")


def test_an_opening_paragraph_that_links_what_it_names_stays() -> None:
    # (too linked to pass as prose at this length, but a full sentence in the text's own
    # parent, right before its first paragraph: like the linked closing paragraph)
    opening = (
        "It all began with <a href='/s'>a ferry study</a> in the spring of 2019 and it ended "
        "with <a href='/b'>the March budget</a>, adopted <a href='/v'>by five votes to two</a>."
    )
    body = _body(_page(f"<p>{opening}</p>{_paras()}"))
    assert body.startswith("It all began with a ferry study in the spring of 2019")
    assert body.endswith(PARAGRAPHS[-1])


def test_an_opening_call_to_action_still_goes() -> None:
    opening = (
        "Read <a href='/s'>our ferry study</a> from the spring of 2019 and then read "
        "<a href='/b'>the March budget</a>, adopted <a href='/v'>by five votes to two</a>."
    )
    body = _body(_page(f"<p>{opening}</p>{_paras()}"))
    assert body.startswith(PARAGRAPHS[0])


def _with_notice(after: str) -> str:
    notice = "<h2>This article is exclusive to Town Times+ subscribers</h2>"
    return _body(_page(f"{_paras()}{notice}{after}"))


def test_a_paywall_notice_and_the_offer_after_it_go() -> None:
    offer = "".join(
        f"<div class='plan'><p>{name}</p><p>{price}</p><p>Totals {total} per year</p></div>"
        for name, price, total in (("Monthly", "$9", "$108"), ("Annual", "$99", "$99"))
    )
    closing = "<p>To read the rest of this story, pick a plan above and start today.</p>"
    body = _with_notice(offer + closing)
    assert body.endswith(PARAGRAPHS[-1])
    assert "exclusive" not in body
    assert "Totals $108 per year" not in body


def test_a_paywall_notice_the_article_goes_on_after_is_not_an_end() -> None:
    more = (
        "<p>The ferry's last crossing drew a crowd of several hundred people to the pier, many "
        "of them former passengers who had taken the boat to school, to work or to the market "
        "every day for decades, and who stayed until the crew tied up for the last time.</p>"
    )
    body = _with_notice(more)
    assert "The ferry's last crossing drew a crowd" in body
