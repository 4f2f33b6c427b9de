"""Body lines to typed blocks, and the body region on small synthetic pages."""

from __future__ import annotations

import pressclip
from pressclip.extractors.text.blocks import to_blocks
from pressclip.extractors.text.body import body_region
from pressclip.extractors.text.lines import split_lines

PROSE = (
    "The committee met for three hours on Tuesday and agreed on a plan for the new library, "
    "which will open next year if the budget holds."
)
MENU = "\n".join(["Home", "News", "Sport", "Weather", "Contact", "Login", "Search", "Archive"])


def _page(body: str) -> str:
    return f"{MENU}\n\nLibrary plan approved after long debate\n\n{body}\n\n{MENU}\n"


def test_bullets_become_a_list_and_short_lines_before_prose_a_heading() -> None:
    body = "\n\n".join(
        [
            PROSE,
            "What changes next",
            PROSE.replace("Tuesday", "Wednesday"),
            "• a reading room on the top floor\n• longer opening hours\n• a new children's section",
            PROSE.replace("three", "four"),
        ]
    )
    article = pressclip.extract(_page(body), input_type="text")
    kinds = [b.kind for b in article.body]
    assert kinds == ["paragraph", "heading", "paragraph", "list", "paragraph"]
    listed = article.body[3]
    assert listed.items == (
        "a reading room on the top floor",
        "longer opening hours",
        "a new children's section",
    )
    assert not listed.ordered
    assert article.headline == "Library plan approved after long debate"


def test_numbered_items_are_an_ordered_list() -> None:
    lines = split_lines("1. first step\n2. second step\n3. third step")
    blocks = to_blocks(lines)
    assert len(blocks) == 1 and blocks[0].kind == "list" and blocks[0].ordered


def test_body_region_skips_menus() -> None:
    lines = split_lines(_page("\n\n".join([PROSE] * 4)))
    region, scores = body_region(lines)
    assert region is not None
    assert all(lines[i].text == PROSE for i in range(region.start, region.end))
    assert all(s < 0 for line, s in zip(lines, scores, strict=True) if line.words == 1)


def test_menu_only_page_is_not_an_article() -> None:
    article = pressclip.extract(MENU + "\n" + MENU.lower(), input_type="text")
    assert not article.is_article
    assert article.extraction.reason
    assert article.article_body == ""
