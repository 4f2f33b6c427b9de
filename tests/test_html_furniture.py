"""Page furniture in HTML: the container classifier and the related / sponsored teasers."""

from __future__ import annotations

from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.furniture import (
    Furniture,
    extract_furniture,
    furniture_kind,
    label_kind,
)

FIXTURES = Path(__file__).parent / "fixtures" / "furniture"
BASE = "https://news.example.org/story/today.html"


def _page(name: str) -> LexborHTMLParser:
    return LexborHTMLParser((FIXTURES / name).read_text(encoding="utf-8"))


def _node(html: str, selector: str = "body > *") -> LexborNode:
    node = LexborHTMLParser(html).css_first(selector)
    assert node is not None
    return node


def _furniture(name: str, main_selector: str) -> Furniture:
    tree = _page(name)
    return extract_furniture(tree, tree.css_first(main_selector), base_url=BASE)


# --- furniture_kind -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "kind"),
    [
        ("<nav><a href='/a'>World</a></nav>", "nav"),
        ("<div role='navigation'><a href='/a'>World</a></div>", "nav"),
        ("<div class='share-bar'><a href='#'>Share</a></div>", "share"),
        ("<div class='c-newsletter-signup'><input></div>", "newsletter"),
        ("<section id='comments'><p>First!</p></section>", "comments"),
        ("<div class='cookie-banner'>We use cookies</div>", "cookie"),
        ("<div class='ad-slot'></div>", "ad"),
        ("<div id='taboola-below-article'></div>", "sponsored"),
        ("<aside class='relatedStories'><a href='/x'>x</a></aside>", "related"),
        ("<div data-component='most-read'><a href='/x'>x</a></div>", "related"),
        ("<section aria-label='Related coverage'><a href='/x'>x</a></section>", "related"),
        ("<div><h2>Anzeige</h2><a href='/x'>Jetzt vergleichen und sparen</a></div>", "sponsored"),
        ("<div><h3>Lesen Sie auch</h3><a href='/x'>Ein anderer Artikel</a></div>", "related"),
        ("<div><h2>Noticias relacionadas</h2></div>", "related"),
        ("<div><h2>Mais lidas</h2></div>", "related"),
        ("<div><h2>関連記事</h2></div>", "related"),
        ("<div><span>Реклама</span><a href='/x'>x</a></div>", "sponsored"),
    ],
)
def test_furniture_kind_recognises_containers(html: str, kind: str) -> None:
    assert furniture_kind(_node(html)) == kind


@pytest.mark.parametrize(
    "html",
    [
        # the article body, however its wrapper is named
        "<div class='article-body' itemprop='articleBody'><p>Text</p></div>",
        # a class that only says the page *has* comments or a sidebar
        "<div class='post has-comments with-sidebar'><p>Text</p></div>",
        # a layout wrapper named after its sidebar, holding the story and its headline
        "<div class='sidebar-layout'><h1>Headline</h1><p>Body text.</p></div>",
        # an ads wrapper around the story (four long paragraphs)
        "<div class='article-ads-wrapper'>"
        + "<p>"
        + "Long paragraph of story text. " * 10
        + "</p>" * 1
        + ("<p>" + "More story text in another paragraph. " * 8 + "</p>") * 3
        + "</div>",
        # a subheading that starts like a label is not one
        "<div><h2>Popular support for the new bridge is growing fast</h2><p>Text</p></div>",
        # a body whose second child is a "read also" box is still the body
        "<div><p>" + "Story text. " * 20 + "</p><div><strong>Lesen Sie auch</strong>"
        "<a href='/x'>Ein anderer Artikel über etwas</a></div></div>",
        "<main class='related'><p>x</p></main>",
        # layout names around the story: a sidebar or ads next to it, a CMS "promoted" flag,
        # a component framework's container, a utility class
        "<div class='content-with-sidebar-wrp'><p>Text</p></div>",
        "<div class='post-and-ads-container'><p>Text</p></div>",
        "<div class='c-layout-sidebar-left'><p>Text</p></div>",
        "<article class='node node--promoted'><p>Text</p></article>",
        "<div class='cmp-container'><p>Text</p></div>",
        "<div class='w-full lg:mr-[--sidebar-width]'><p>Text</p></div>",
        "<div class='l-sidebar-fixed l-article-body-segment'><p>Text</p></div>",
    ],
)
def test_furniture_kind_leaves_content_alone(html: str) -> None:
    assert furniture_kind(_node(html)) is None


def test_repeated_cards_without_names() -> None:
    cards = "".join(
        f"<li><a href='/s{i}'>Story number {i} about the council and the bridge</a></li>"
        for i in range(4)
    )
    assert furniture_kind(_node(f"<ul>{cards}</ul>")) == "related"
    menu = "".join(f"<li><a href='/s{i}'>Sec {i}</a></li>" for i in range(5))
    assert furniture_kind(_node(f"<ul>{menu}</ul>")) == "nav"


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Related stories", "related"),
        ("More from Politics", "related"),
        ("Most read:", "related"),
        ("Das könnte Sie auch interessieren", "related"),
        ("Te puede interesar", "related"),
        ("Читайте также", "related"),
        ("Sponsored", "sponsored"),
        ("Publicidad", "sponsored"),
        ("Patrocinado", "sponsored"),
        ("Newsletter", "newsletter"),
        # a label prefix followed by a sentence is a headline, not a label
        ("Popular support for the war is falling", None),
        ("Related species share more genes than expected", None),
    ],
)
def test_label_kind(text: str, kind: str | None) -> None:
    assert label_kind(text) == kind


# --- extract_furniture: English page ---------------------------------------------------------


def test_related_teasers_in_document_order_without_duplicates() -> None:
    furniture = _furniture("news_en.html", "div.article-body")
    headlines = [t.headline for t in furniture.related]
    assert headlines == [
        "What the new bridge will cost and who pays for it",
        "River traffic reaches a record high this spring",
        "The mayor on bridges, buses and the budget for next year",
        "Storm warning issued for the coast this weekend",
        "Free school lunches to be extended to all pupils",
    ]


def test_teaser_fields() -> None:
    furniture = _furniture("news_en.html", "div.article-body")
    by_headline = {t.headline: t for t in furniture.related}
    river = by_headline["River traffic reaches a record high this spring"]
    assert river.url == "https://news.example.org/news/2024/05/02/river-traffic-record/"
    assert river.author == "Alex Poe"
    assert river.age == "9 hours ago"
    assert river.description == (
        "More boats than ever passed under the old bridge in April, port figures show."
    )
    assert river.image_alt == "Boats on the river"
    # teased twice (inline box, then the rail): the rail's byline and date fill the gaps
    costs = by_headline["What the new bridge will cost and who pays for it"]
    assert costs.author == "Jane Roe"
    assert costs.age == "May 1, 2024"
    assert costs.date_created is not None and costs.date_created.startswith("2024-05-01")


def test_nav_footer_and_article_are_not_teasers() -> None:
    furniture = _furniture("news_en.html", "div.article-body")
    headlines = {t.headline for t in furniture.related} | {s.headline for s in furniture.sponsored}
    for not_a_teaser in (
        "World",
        "Business",
        "City Hall",
        "About us",
        "Terms of use for this website and its apps",
        "Council approves new river bridge after long debate",
        "Share on Social",
        "Read more",
    ):
        assert not_a_teaser not in headlines


def test_sponsored_items_with_sponsor() -> None:
    furniture = _furniture("news_en.html", "div.article-body")
    assert [(s.headline, s.sponsor) for s in furniture.sponsored] == [
        ("Homeowners are switching to this cheaper insurance plan", "SaveSmart Insurance"),
        ("Doctors stunned by this simple morning routine for your back", "HealthyLife Daily"),
    ]
    assert furniture.sponsored[0].url == "https://ads.example.com/click?id=1"
    assert furniture.sponsored[0].image_alt == "Smiling couple"


def test_relative_urls_stay_relative_without_base() -> None:
    tree = _page("news_en.html")
    furniture = extract_furniture(tree, tree.css_first("div.article-body"))
    assert furniture.related[0].url == "/news/2024/05/01/bridge-costs-explained/"


# --- other languages -----------------------------------------------------------------------------


def test_german_page() -> None:
    furniture = _furniture("news_de.html", "article")
    assert [t.headline for t in furniture.related] == [
        "Parkgebühren in der Innenstadt steigen ab Juli deutlich",
        "Radverkehr in der Stadt hat sich seit 2019 verdoppelt",
        "Verkehrsdezernentin: „Wir müssen jetzt mutig sein“",
    ]
    radverkehr = furniture.related[1]
    assert radverkehr.age == "vor 3 Stunden"
    assert radverkehr.image_alt == "Fahrräder an einem Ständer"
    assert furniture.related[2].author == "Maria Beispiel"
    assert [(s.headline, s.sponsor) for s in furniture.sponsored] == [
        ("Jetzt Ökostrom-Tarif vergleichen und bis zu 300 Euro sparen", "Stromvergleich GmbH")
    ]
    assert all("Impressum" not in t.headline for t in furniture.related)


def test_spanish_page() -> None:
    furniture = _furniture("news_es.html", "div.cuerpo-noticia")
    assert [(t.headline, t.author, t.age) for t in furniture.related] == [
        ("El precio del alquiler sube un 8% en el último año", "Laura Gómez", None),
        ("Los bancos endurecen las condiciones de las hipotecas", None, "hace 2 horas"),
    ]
    assert [(s.headline, s.sponsor) for s in furniture.sponsored] == [
        ("Descubre los coches eléctricos con la mejor autonomía del mercado", "Motor Verde")
    ]


def test_japanese_page() -> None:
    furniture = _furniture("news_ja.html", "article")
    assert [t.url for t in furniture.related] == [
        "https://news.example.org/article/1001",
        "https://news.example.org/article/1002",
    ]
    assert furniture.related[0].headline == "川の交通量が過去最高を記録、港湾局が発表"


def test_title_inside_a_link_that_wraps_more() -> None:
    tree = LexborHTMLParser(
        "<article><h1>Story</h1><p>Text.</p></article>"
        "<section class='related-links'>"
        "<a href='/a'><h4>Einigung im Streit</h4><h3>Selbstbestimmung rückt näher</h3>"
        "<p>Die Ministerien haben sich auf einen Entwurf geeinigt, sagt die Regierung."
        " <span class='author'>Nicole Muster</span></p></a>"
        "<a href='/b'><div><span class='headtext'><p>Advanced online security</p></span>"
        "<span class='bodytext'><p>Discover tips for securing your information online.</p>"
        "</span></div></a></section>"
    )
    furniture = extract_furniture(tree, tree.css_first("article"))
    assert [(t.headline, t.author, t.description) for t in furniture.related] == [
        (
            "Selbstbestimmung rückt näher",
            "Nicole Muster",
            "Die Ministerien haben sich auf einen Entwurf geeinigt, sagt die Regierung.",
        ),
        (
            "Advanced online security",
            None,
            "Discover tips for securing your information online.",
        ),
    ]


def test_no_furniture_on_a_bare_page() -> None:
    tree = LexborHTMLParser("<html><body><p>Just text.</p></body></html>")
    assert extract_furniture(tree, None) == Furniture()
