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


def _page(lead: str) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<!doctype html><html><head><title>Fähre wird eingestellt</title></head><body>"
        "<nav><a href='/'>Start</a> <a href='/news'>Nachrichten</a></nav>"
        f"<article><header><h1>Fähre wird eingestellt</h1>{lead}</header>"
        f"<div class='text'>{paras}</div></article>"
        "<footer><p>© 2025 Stadtzeitung</p></footer></body></html>"
    ).encode()


def _body(page: bytes) -> str:
    return pressclip.extract(page, input_type="html").article_body


def test_lead_named_as_a_teaser_opens_the_body() -> None:
    body = _body(_page(f"<div class='teaser-text'><p>{LEAD}</p></div>"))
    assert body.startswith(LEAD)
    assert PARAGRAPHS[-1] in body


def test_linked_teaser_above_the_article_stays_out() -> None:
    linked = f"<div class='teaser'><p><a href='/other'>{LEAD}</a></p></div>"
    body = _body(_page(linked))
    assert LEAD not in body
    assert body.startswith(PARAGRAPHS[0])
