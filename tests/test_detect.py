"""HTML or flattened text: escaped HTML and Markdown are text; real markup is HTML."""

from __future__ import annotations

import pytest

from pressclip.detect import detect_input_type

PROSE = (
    "The council voted on Tuesday to approve the budget after a long debate.\n\n"
    "Residents who had packed the hall applauded the decision.\n"
)

HTML_CASES = {
    "doctype": "<!DOCTYPE html><html><head><title>x</title></head><body><p>Hi</p></body></html>",
    "no doctype": "<html><body><div><p>Hello</p></div></body></html>",
    "fragment": "<div class='story'><p>First paragraph.</p><p>Second one.</p></div>",
    "leading comment": (
        "<!-- saved from url=(0014)about:internet -->\n<html><body><p>x</p></body></html>"
    ),
    "php warning before the page": (
        "Warning: mysql_connect(): Access denied in /var/www/db.php on line 3\n"
        "<!DOCTYPE html>\n<html><body><p>Hello</p></body></html>"
    ),
    "pretty-printed with a long script": (
        "<html>\n<head>\n<script>\n"
        + "var a = 1;\n" * 3000
        + "</script>\n</head>\n<body>\n"
        + "<div>\n<p>Paragraph</p>\n</div>\n" * 20
        + "</body>\n</html>\n"
    ),
    "upper case": "<HTML><BODY><P>Shouting</P><P>markup</P></BODY></HTML>",
    "escaped text inside real markup": (
        "<html><body><p>Write &lt;p&gt; to start a paragraph.</p><p>More.</p></body></html>"
    ),
}

TEXT_CASES = {
    "plain prose": PROSE,
    "html-escaped text": (
        "&lt;!DOCTYPE html&gt;&lt;html&gt;&lt;body&gt;&lt;p&gt;Hello&lt;/p&gt;"
        "&lt;div&gt;world&lt;/div&gt;&lt;/body&gt;&lt;/html&gt;"
    ),
    "markdown": (
        "# Council approves budget\n\n*By Jane Roe*\n\n"
        + PROSE
        + "\n- first point\n- second point\n\n> a quote\n\n[Read more](https://example.com/x)\n"
    ),
    "markdown with a little inline html": (
        "# Title\n\n" + PROSE * 5 + "\nSee <br> below and an image:\n\n"
        "<img src='a.png'>\n\n" + PROSE * 5
    ),
    "text dump quoting a tag": (
        PROSE * 10 + "Use the <p> element for paragraphs and <div> for blocks.\n" + PROSE * 10
    ),
    "angle brackets in prose": "Shares rose <5% while bonds fell >2%.\n" + PROSE,
}


@pytest.mark.parametrize("name", list(HTML_CASES))
def test_html_is_html(name: str) -> None:
    assert detect_input_type(HTML_CASES[name]) == "html"


@pytest.mark.parametrize("name", list(TEXT_CASES))
def test_text_is_text(name: str) -> None:
    assert detect_input_type(TEXT_CASES[name]) == "text"


def test_a_text_dump_quoting_a_page_of_markup_on_one_line_is_text() -> None:
    markup = "<h1>Title</h1> " + "<p class='x'>A paragraph of the story.</p> " * 60
    text = PROSE * 40 + "Republish this story:\n" + markup + "\n" + PROSE * 40
    assert detect_input_type(text) == "text"


def test_minified_html_after_stray_text_is_html() -> None:
    html = "Notice: cache miss\n" + "<div><p>One</p><p>Two</p><a href='/'>x</a></div>" * 50
    assert detect_input_type(html) == "html"
