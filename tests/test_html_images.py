"""Images of the article in HTML: URLs, alt texts, captions and credits split apart."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html.images import extract_images
from pressclip.model import Image

FIXTURES = Path(__file__).parent / "fixtures" / "furniture"
SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "fundus-fixtures"
BASE = "https://news.example.org/story/today.html"


def _images(name: str, main_selector: str | None, base_url: str | None = BASE) -> list[Image]:
    tree = LexborHTMLParser((FIXTURES / name).read_text(encoding="utf-8"))
    main = tree.css_first(main_selector) if main_selector else None
    return list(extract_images(main, tree, base_url=base_url))


def _one(html: str) -> Image:
    tree = LexborHTMLParser(f"<html><body><article>{html}</article></body></html>")
    images = extract_images(tree.css_first("article"), tree, base_url=BASE)
    assert len(images) == 1, images
    return images[0]


def test_english_page_images_in_order() -> None:
    images = _images("news_en.html", "div.article-body")
    assert [i.url for i in images] == [
        # the lead image between the headline and the body
        "https://news.example.org/img/bridge-1200.jpg",
        # lazy image: data-src instead of the data: placeholder; its noscript copy is deduped
        "https://cdn.example.org/img/vote.jpg",
        "https://news.example.org/img/map.png",
    ]


def test_english_page_captions_and_credits() -> None:
    lead, vote, chart = _images("news_en.html", "div.article-body")
    assert (lead.caption, lead.credit_text) == (
        "The old bridge will close in spring.",
        "Sam Lee/City Archive",
    )
    assert lead.alt == "The old bridge at dusk"
    assert (vote.caption, vote.credit_text) == (
        "Council members vote on the bridge plan on Tuesday.",
        "AP Photo/John Doe",
    )
    # no caption element: the title attribute "caption | credit"
    assert (chart.caption, chart.credit_text) == (
        "Where the new bridge will stand",
        "City Planning Office",
    )


def test_skips_avatars_logos_pixels_teasers_and_ads() -> None:
    for main in ("div.article-body", None):
        urls = {i.url for i in _images("news_en.html", main)}
        assert not any("authors/" in u or "logo" in u or "pixel" in u for u in urls if u)
        assert not any(u and u.endswith(("/t1.jpg", "/t2.jpg")) for u in urls)
        assert not any(u and "ads.example.com" in u for u in urls)


def test_german_credit_label_and_copyright_element() -> None:
    lead, chart = _images("news_de.html", "article")
    assert lead.caption == "Radfahrer auf der Hauptstraße: Hier soll der erste Abschnitt entstehen."
    assert lead.credit_text == "Peter Muster/dpa"
    assert (chart.caption, chart.credit_text) == (
        "So soll das Netz im Jahr 2030 aussehen.",
        "Stadt Beispiel",
    )
    assert chart.url == "https://news.example.org/bilder/karte.jpg"


def test_spanish_amp_img_with_author_element() -> None:
    (image,) = _images("news_es.html", "div.cuerpo-noticia")
    assert image.url == "https://img.example.es/vivienda.jpg"
    assert image.caption == "Edificios en construcción en Madrid, este martes."
    assert image.credit_text == "EFE/ J.J. Guillén"


def test_japanese_caption_credit_after_equals_sign() -> None:
    (image,) = _images("news_ja.html", "article")
    assert image.caption == "建設が決まった橋の予定地"
    assert image.credit_text == "共同"
    assert image.alt is None


def test_srcset_largest_when_src_is_a_placeholder() -> None:
    image = _one(
        "<figure><img src='/img/blank.gif' srcset='/a-320.jpg 320w, /a-1280.jpg 1280w,"
        " /a-640.jpg 640w' alt='x'><figcaption>A caption.</figcaption></figure>"
    )
    assert image.url == "https://news.example.org/a-1280.jpg"
    assert image.caption == "A caption."


def test_srcset_urls_with_commas() -> None:
    image = _one(
        "<img src='data:image/png;base64,xx' "
        "srcset='https://img.example/c_fill,w_300/a.jpg 300w, "
        "https://img.example/c_fill,w_900/a.jpg 900w'>"
    )
    assert image.url == "https://img.example/c_fill,w_900/a.jpg"


def test_labelled_and_parenthesised_credits_in_captions() -> None:
    cases = {
        "A man walks by. Mandatory Credit: Jane Smith/Agency": (
            "A man walks by.",
            "Jane Smith/Agency",
        ),
        "Fans celebrate the win. (Getty Images)": ("Fans celebrate the win.", "Getty Images"),
        "Der Marktplatz am Abend. Foto: Max Muster / dpa": (
            "Der Marktplatz am Abend.",
            "Max Muster / dpa",
        ),
        "Protesters gather downtown. Photo by Sam Lee": ("Protesters gather downtown.", "Sam Lee"),
        "Swedish police officer - Fredrik Persson/AP": (
            "Swedish police officer",
            "Fredrik Persson/AP",
        ),
        "Der Hafen am Morgen. Philipp Muster/dpa": ("Der Hafen am Morgen.", "Philipp Muster/dpa"),
        "대표가 연설하고 있다. 뉴스1": ("대표가 연설하고 있다.", "뉴스1"),
        "警視庁を出る容疑者（潟沼義樹撮影）": ("警視庁を出る容疑者", "潟沼義樹"),
        # a dash inside a caption is no credit
        "Gaza - the humanitarian situation worsens": (
            "Gaza - the humanitarian situation worsens",
            None,
        ),
    }
    for text, (caption, credit) in cases.items():
        image = _one(f"<figure><img src='/a.jpg'><figcaption>{text}</figcaption></figure>")
        assert (image.caption, image.credit_text) == (caption, credit), text


def test_credit_in_figure_footer_and_copyright_sign() -> None:
    image = _one(
        "<figure><img src='/a.jpg'><figcaption>Die Demo in Hamburg.</figcaption>"
        "<footer>Imago/Example</footer></figure>"
    )
    assert (image.caption, image.credit_text) == ("Die Demo in Hamburg.", "Imago/Example")
    image = _one(
        "<figure><img src='/b.jpg'><div><small>© André Muster</small></div>"
        "<figcaption>Die Schule am Montag</figcaption></figure>"
    )
    assert (image.caption, image.credit_text) == ("Die Schule am Montag", "André Muster")


def test_credit_element_labels_and_rights_notices_are_removed() -> None:
    image = _one(
        "<figure><img src='/a.jpg'><figcaption>Коллаж.<span class='credit'>Источник: Фонд"
        "</span></figcaption></figure>"
    )
    assert (image.caption, image.credit_text) == ("Коллаж.", "Фонд")
    image = _one(
        "<figure><img src='/b.jpg'><figcaption>A ship at sea."
        "<span class='photo-credit'>Jane Doe/Copyright 2026 The AP. All rights reserved."
        "</span></figcaption></figure>"
    )
    assert image.credit_text == "Jane Doe"


def test_caption_without_credit_stays_whole() -> None:
    image = _one("<figure><img src='/a.jpg'><figcaption>The river at night.</figcaption></figure>")
    assert (image.caption, image.credit_text) == ("The river at night.", None)


def test_tiny_and_icon_images_are_skipped() -> None:
    tree = LexborHTMLParser(
        "<article><img src='/icons/share.png' width='24' height='24'>"
        "<img src='/img/avatar-jd.jpg' class='avatar'><img src='/static/logo.svg'>"
        "<img src='/photo.jpg?w=40'><p>Text</p></article>"
    )
    assert extract_images(tree.css_first("article"), tree) == ()


def test_teaser_card_images_inside_main_are_skipped() -> None:
    tree = LexborHTMLParser(
        "<article><figure><img src='/main.jpg'><figcaption>Main.</figcaption></figure>"
        "<div class='card'><a href='/other-story'><img src='/teaser.jpg'></a>"
        "<h3><a href='/other-story'>Another story about something else entirely</a></h3></div>"
        "</article>"
    )
    assert [i.url for i in extract_images(tree.css_first("article"), tree)] == ["/main.jpg"]


def test_unlinked_image_in_a_small_teaser_card_is_skipped() -> None:
    tree = LexborHTMLParser(
        "<article><p>" + "Story text. " * 40 + "</p>"
        "<div class='card'><figure><img src='/teaser.jpg'></figure>"
        "<h3><a href='/other'>Another story about something else entirely</a></h3></div>"
        "<div class='photo'><a href='#img-1'>View image in fullscreen</a>"
        "<img src='/main.jpg'><p class='caption'>The harbour at dawn.</p></div></article>"
    )
    images = extract_images(tree.css_first("article"), tree)
    assert [(i.url, i.caption) for i in images] == [("/main.jpg", "The harbour at dawn.")]


def test_dedupes_by_url_keeping_the_caption() -> None:
    tree = LexborHTMLParser(
        "<article><img src='/a.jpg'><figure><img src='/a.jpg'>"
        "<figcaption>Later caption.</figcaption></figure></article>"
    )
    images = extract_images(tree.css_first("article"), tree)
    assert [(i.url, i.caption) for i in images] == [("/a.jpg", "Later caption.")]


def test_no_main_and_no_body() -> None:
    tree = LexborHTMLParser("")
    assert extract_images(None, tree) == ()


@pytest.mark.shared
@pytest.mark.skipif(not SHARED.is_dir(), reason="needs ../shared/data/fundus-fixtures")
def test_fundus_captions_sanity() -> None:
    """On real pages, most expected captions are found exactly (whole body as scope)."""
    exact = total = 0
    for truth_path in sorted(SHARED.glob("*/*.json"))[::4]:
        truth = json.loads(truth_path.read_text())
        htmls = sorted(truth_path.parent.glob(f"{truth_path.stem}_*.html.gz"))
        for key, html_path in zip(truth, htmls, strict=False):
            html = gzip.decompress(html_path.read_bytes()).decode("utf-8", "replace")
            tree = LexborHTMLParser(html)
            captions = {" ".join((i.caption or "").split()) for i in extract_images(None, tree)}
            for expected in truth[key].get("images") or []:
                if expected.get("caption"):
                    total += 1
                    exact += " ".join(expected["caption"].split()) in captions
    assert total > 20
    assert exact / total > 0.6
