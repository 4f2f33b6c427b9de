"""The article's lead paragraph set above the body container."""

from __future__ import annotations

import pressclip

PARAGRAPHS = [
    "Der Stadtrat hat am Dienstag beschlossen, die Anlegestelle nach vierzig Jahren zu schließen.",
    "Anwohner, die sich für eine neue Brücke eingesetzt hatten, sagten, das komme zu spät.",
    "Der Bürgermeister sagte, das eingesparte Geld gehe an die Buslinien, die die Fähre ersetzen.",
    "Die Arbeiten an den Pontons beginnen im April, wenn das Wetter es zulässt.",
]
LEAD = "Nach vierzig Jahren ist Schluss: Die Fähre stellt im Frühjahr den Betrieb ein."


def _html(body: str) -> bytes:
    head = "<head><title>Fähre wird eingestellt</title></head>"
    return f"<!doctype html><html>{head}<body>{body}</body></html>".encode()


def _page(lead: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return _html(
        "<nav><a href='/'>Start</a> <a href='/news'>Nachrichten</a></nav>"
        f"<article><header><h1>Fähre wird eingestellt</h1>{lead}</header>"
        f"<div class='text'>{paras}</div></article>"
        "<footer><p>© 2025 Stadtzeitung</p></footer>"
    )


def _body(page: bytes) -> str:
    return pressclip.extract(page, input_type="html").article_body


def _text_page(inner: str) -> bytes:
    return _html(f"<h1>Fähre wird eingestellt</h1><div class='text'>{inner}</div>")


def test_lead_named_as_a_teaser_opens_the_body() -> None:
    body = _body(_page(f"<div class='teaser-text'><p>{LEAD}</p></div>"))
    assert body.startswith(LEAD)
    assert PARAGRAPHS[-1] in body


def test_linked_teaser_above_the_article_stays_out() -> None:
    linked = f"<div class='teaser'><p><a href='/other'>{LEAD}</a></p></div>"
    body = _body(_page(linked))
    assert LEAD not in body
    assert body.startswith(PARAGRAPHS[0])


def test_heading_of_an_inline_related_box_goes_with_its_links() -> None:
    links = "".join(
        f"<li><a href='/s{i}'>Eine andere Geschichte Nummer {i}</a></li>" for i in range(3)
    )
    box = f"<div class='box'><h4>Lesen Sie auch</h4><ul>{links}</ul></div>"
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    page = _text_page(f"{''.join(paras[:2])}{box}{''.join(paras[2:])}")
    body = _body(page)
    assert "Lesen Sie auch" not in body
    assert "andere Geschichte" not in body
    assert PARAGRAPHS[-1] in body


def test_table_set_in_a_figure_stays_and_its_caption_goes() -> None:
    rows = "".join(f"<tr><td>Linie {i}</td><td>{i * 12} Fahrgäste</td></tr>" for i in range(4))
    figure = f"<figure><table>{rows}</table><figcaption>Quelle: Stadtwerke</figcaption></figure>"
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    page = _text_page(f"{''.join(paras[:2])}{figure}{''.join(paras[2:])}")
    body = _body(page)
    assert "Linie 3" in body
    assert "36 Fahrgäste" in body
    assert "Quelle: Stadtwerke" not in body


def test_linked_subheading_that_opens_a_section_stays() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    inner = (
        f"{paras[0]}<h2><a href='/faehre-alt'>Die alte Fähre</a></h2>{paras[1]}{paras[2]}"
        f"<h2><a href='/bus'>Die neuen Busse</a></h2>{paras[3]}"
    )
    body = _body(_text_page(inner))
    assert "Die alte Fähre" in body
    assert "Die neuen Busse" in body


def test_run_of_linked_titles_between_paragraphs_goes() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    titles = "".join(f"<h2><a href='/s{i}'>Eine andere Geschichte {i}</a></h2>" for i in range(3))
    body = _body(_text_page(f"{paras[0]}{paras[1]}{titles}{paras[2]}{paras[3]}"))
    assert "Eine andere Geschichte 0" not in body
    assert "Eine andere Geschichte 1" not in body
    assert PARAGRAPHS[3] in body


def test_article_beside_small_cards_is_not_a_rail_however_deep_its_text() -> None:
    cards = "".join(
        f"<div><a href='/s{i}'>Eine andere Geschichte {i}</a><p>Kurz.</p></div>" for i in range(3)
    )
    deep = "<div>" * 9, "</div>" * 9
    paras = [f"{deep[0]}<p>{p}</p>{deep[1]}" for p in PARAGRAPHS]
    article = f"<article>{paras[0]}{paras[1]}<h2>Was jetzt kommt</h2>{paras[2]}{paras[3]}</article>"
    body = _body(_text_page(f"<div class='wrap'>{cards}{article}</div>"))
    assert "Was jetzt kommt" in body
    assert PARAGRAPHS[0] in body
    assert "Eine andere Geschichte" not in body


def test_post_filed_under_a_category_is_not_a_meta_box() -> None:
    lines = "".join(
        f"<p>{line}</p>"
        for line in (
            "„Ich bin müde und sollte das nicht sagen…“",
            "– „Dann sag es nicht.“",
            "– „Ok.“",
        )
    )
    classes = "post status-publish category-alltag tag-meta"
    post = f"<div class='{classes}'><h2>Nichts tun</h2>{lines}</div>"
    comments = "<div class='comments'><p>Kommentar verfassen</p></div>"
    body = _body(_html(f"<div class='site'>{post}{comments}</div>"))
    assert "Dann sag es nicht" in body
    assert "Ich bin müde" in body


def test_paragraph_printed_twice_in_another_element_comes_out_once() -> None:
    said = (
        "Wir haben lange gerungen, aber die Brücke kommt, "
        "und bis dahin fahren die Busse öfter und länger als bisher."
    )
    paras = [f"<p>{p}</p>" for p in (*PARAGRAPHS[:3], said, PARAGRAPHS[3])]
    quote = f"<div class='hervorgehoben'><p>{said}</p></div>"
    body = _body(_text_page(f"{''.join(paras[:4])}{quote}{paras[4]}"))
    assert body.count(said) == 1
    assert PARAGRAPHS[3] in body


def test_a_second_copy_of_the_text_goes_with_its_headings_and_short_lines() -> None:
    # The page prints the article twice (a second, tabbed rendering): the headings and the
    # short lines of the copy go with its long paragraphs.
    long = [
        p + " Das teilte die Stadtverwaltung am Mittwoch in einer Mitteilung mit."
        for p in PARAGRAPHS
    ]
    text = (
        f"<h2>Was sich ändert</h2><p>{long[0]}</p><p>Kurz gesagt: weniger Fähren.</p>"
        f"<p>{long[1]}</p><h2>Wie es weitergeht</h2><p>{long[2]}</p><p>{long[3]}</p>"
    )
    body = _body(_text_page(f"<div class='tab'>{text}</div><div class='tab'>{text}</div>"))
    assert body.count(long[1]) == 1 and body.count(long[3]) == 1
    assert body.count("Was sich ändert") == 1
    assert body.count("Wie es weitergeht") == 1
    assert body.count("Kurz gesagt: weniger Fähren.") == 1


def test_a_short_label_repeated_beside_new_text_stays() -> None:
    # Two cards set alike: their labels repeat, their texts do not.
    cards = "".join(
        f"<div class='card'><h3>Kosten</h3><p>{p}</p><h3>Dauer</h3><p>{q}</p></div>"
        for p, q in ((PARAGRAPHS[0], PARAGRAPHS[1]), (PARAGRAPHS[2], PARAGRAPHS[3]))
    )
    body = _body(_text_page(cards))
    assert body.count("Kosten") == 2 and body.count("Dauer") == 2


def test_line_that_recurs_among_its_siblings_stays() -> None:
    refrain = "Und wieder fährt die Fähre über den Fluss, wie sie es seit vierzig Jahren tut."
    opening = "".join(f"<p>{p}</p>" for p in PARAGRAPHS[:2])
    verses = "".join(f"<p>{p}</p><p>{refrain}</p>" for p in PARAGRAPHS[2:])
    body = _body(_text_page(opening + verses))
    assert body.count(refrain) == 2


def test_table_of_linked_names_is_data_not_teaser_cards() -> None:
    rows = "".join(
        f"<tr><td><a href='/linie-{i}'>Buslinie Nummer {i} zum Hafen</a></td><td>{i * 7} Min.</td>"
        f"<td>alle {i + 10} Minuten</td></tr>"
        for i in range(1, 6)
    )
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = _body(_text_page(f"{''.join(paras[:2])}<table>{rows}</table>{''.join(paras[2:])}"))
    assert "alle 13 Minuten" in body
    assert "35 Min." in body


def test_form_inside_the_article_is_not_text() -> None:
    form = (
        "<form action='/abo'><p>Tragen Sie Ihre E-Mail-Adresse ein, um keinen Beitrag über die "
        "Fähre und die neue Brücke zu verpassen.</p><input name='mail'></form>"
    )
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    body = _body(_text_page(f"{''.join(paras[:3])}{form}{paras[3]}"))
    assert "E-Mail-Adresse" not in body
    assert PARAGRAPHS[3] in body


def test_page_wrapped_whole_in_a_form_keeps_its_text() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = _html(f"<form id='seite'><h1>Fähre wird eingestellt</h1>{paras}</form>")
    assert _body(page) == "\n\n".join(PARAGRAPHS)


DEK = (
    "Nach vierzig Jahren ist Schluss: Die Fähre über den Fluss stellt im Frühjahr den Betrieb "
    "ein, und Busse übernehmen ihre Strecke."
)


def _dek_page(top: str) -> bytes:
    paras = "".join(f"<p>{p} Teil {i}.</p>" for i in range(5) for p in PARAGRAPHS)
    # a share bar between the top and the text keeps the container to the text
    bar = "".join(f"<a href='/teilen/{i}'>Teilen im Netzwerk Nummer {i}</a> " for i in range(20))
    return _html(f"<main>{top}<div class='share'>{bar}</div><div class='text'>{paras}</div></main>")


def test_long_subheading_under_the_headline_opens_the_body() -> None:
    body = _body(_dek_page(f"<div><h1>Fähre wird eingestellt</h1><h2>{DEK}</h2></div>"))
    assert body.startswith(DEK)
    assert PARAGRAPHS[-1] in body


def test_subheading_in_the_page_header_stays_out() -> None:
    body = _body(_dek_page(f"<header><h1>Fähre wird eingestellt</h1><h2>{DEK}</h2></header>"))
    assert DEK not in body
    assert body.startswith(PARAGRAPHS[0])


def test_lead_paragraph_between_headline_and_text_opens_the_body() -> None:
    body = _body(_dek_page(f"<div><h1>Fähre wird eingestellt</h1><p>{DEK}</p></div>"))
    assert body.startswith(DEK)


def test_photo_caption_under_the_headline_is_no_lead() -> None:
    caption = "Die Fähre am Anleger in der Altstadt, aufgenommen im Sommer 2019. (Foto: Jane Doe)"
    body = _body(_dek_page(f"<div><h1>Fähre wird eingestellt</h1><p>{caption}</p></div>"))
    assert "Jane Doe" not in body
    assert body.startswith(PARAGRAPHS[0])


def test_opening_lines_set_in_heading_type_stay_before_the_first_paragraph() -> None:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    page = _html(f"<div class='text'><h3>{DEK}</h3><p>12. März 2024, 10:15 Uhr</p>{paras}</div>")
    body = _body(page)
    assert body.startswith(DEK)
    assert "10:15 Uhr" not in body


def test_list_of_links_the_text_announces_does_not_split_the_article() -> None:
    links = "".join(
        f"<li><a href='/patch/{i}'>Korrektur Nummer {i} am Fahrplan</a></li>" for i in range(14)
    )
    sections = (
        f"<section><h2>Worum es geht</h2><p>{PARAGRAPHS[0]}</p></section>"
        "<section><h2>Was sich ändert</h2><p>Die Stadt hat dafür diese Änderungen beschlossen:</p>"
        f"<ul>{links}</ul></section>"
        f"<section><h2>Wie es weitergeht</h2><p>{PARAGRAPHS[2]}</p><p>{PARAGRAPHS[3]}</p></section>"
    )
    body = _body(_html(f"<h1>Fähre wird eingestellt</h1><div class='inhalt'>{sections}</div>"))
    assert PARAGRAPHS[0] in body
    assert PARAGRAPHS[3] in body


def test_rail_label_set_as_a_plain_line_goes() -> None:
    paras = [f"<p>{p}</p>" for p in PARAGRAPHS]
    label = "<p>Schon gelesen?</p><p><a href='/andere'>Eine andere Geschichte aus der Stadt</a></p>"
    body = _body(_text_page(f"{''.join(paras[:2])}{label}{''.join(paras[2:])}"))
    assert "Schon gelesen" not in body
    assert PARAGRAPHS[3] in body
