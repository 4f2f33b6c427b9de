"""Flattening a page into text blocks: what is read, in which block, with which region."""

from __future__ import annotations

import gc
import sys

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from pressclip.extractors.html import blocks as blocks_module
from pressclip.extractors.html.blocks import TextBlock, flatten
from pressclip.extractors.html.prose import said_again


def _blocks(body: str) -> list[TextBlock]:
    tree = LexborHTMLParser(f"<html><body>{body}</body></html>")
    assert tree.body is not None
    return flatten(tree.body)


def test_ruby_readings_are_not_text() -> None:
    blocks = _blocks(
        "<p><ruby>子<rt>こ</rt></ruby>どもへの"
        "<ruby>虐待<rp>(</rp><rt>ぎゃくたい</rt><rp>)</rp></ruby></p>"
    )
    assert [b.text for b in blocks] == ["子どもへの虐待"]


def test_a_spacer_of_zero_width_characters_is_no_block() -> None:
    # (page builders fill empty grid cells with a zero-width joiner, which str.split() keeps)
    blocks = _blocks("<p>First.</p><div>\u200d</div><p>\u200b \ufeff</p><p>Second.</p>")
    assert [b.text for b in blocks] == ["First.", "Second."]


def test_only_an_address_the_reader_can_follow_is_link_text() -> None:
    # (a placeholder <a> without href, and a script's button that opens an accordion in place)
    blocks = _blocks(
        "<p><a href='/next'>Next story</a></p><p><a>Placeholder</a></p>"
        "<p><a href='#' role='button'>1. Read your bill</a></p>"
    )
    assert [(b.text, b.link_chars) for b in blocks] == [
        ("Next story", 10),
        ("Placeholder", 0),
        ("1. Read your bill", 0),
    ]


def test_text_after_a_closed_block_is_a_block_of_its_parent() -> None:
    blocks = _blocks('<div class="story">Lead line<p>First paragraph.</p>Closing line</div>')
    assert [(b.text, b.tag) for b in blocks] == [
        ("Lead line", "div"),
        ("First paragraph.", "p"),
        ("Closing line", "div"),
    ]


def test_hidden_and_script_content_is_never_read() -> None:
    blocks = _blocks(
        '<p>Seen <span style="display: none">unseen</span>text.</p>'
        "<script>var x = '<p>no</p>';</script><div aria-hidden=true><p>Nor this.</p></div>"
        "<p>End.</p>"
    )
    assert [b.text for b in blocks] == ["Seen text.", "End."]


def test_class_words_are_read_across_case_underscores_and_numbers() -> None:
    blocks = _blocks(
        '<div class="ArticlePage_mainContent x9"><p>Body text.</p></div>'
        '<div class="col-md-6 RelatedStories2"><p>Teaser.</p></div>'
        '<div class="has-sidebar"><p>Not a sidebar.</p></div>'
    )
    assert [(b.text, b.region, b.good) for b in blocks] == [
        ("Body text.", None, True),
        ("Teaser.", "related", False),
        ("Not a sidebar.", None, False),
    ]


def test_list_items_know_their_list() -> None:
    blocks = _blocks("<ol><li>One</li><li>Two</li></ol><ul><li>Three</li></ul>")
    assert [(b.in_list, b.list_ordered) for b in blocks] == [(True, True)] * 2 + [(True, False)]
    assert blocks[0].list_id == blocks[1].list_id != blocks[2].list_id


def test_a_post_body_name_overrules_a_meta_word_beside_it() -> None:
    # a CMS's rich-text wrapper: "meta field" in its class, "post body" in its id
    blocks = _blocks(
        '<div class="post"><span class="cms-wrapper cms-meta-field" id="cms_post_body">'
        "<p>First paragraph of the post.</p></span></div>"
    )
    assert [(b.region, b.good) for b in blocks] == [(None, True)]


def test_letters_of_a_hash_between_digits_spell_no_word() -> None:
    # "a04d555" is a generated id, not "ad"
    blocks = _blocks(
        '<div class="builder-element builder-element-a04d555"><p>Body text.</p></div>'
        '<div class="ad2"><p>Buy now.</p></div>'
    )
    assert [b.region for b in blocks] == [None, "sponsored"]


def test_a_closed_accordion_panel_is_read() -> None:
    # hidden by its style until opened; a panel's role says its text is the page's
    blocks = _blocks(
        '<div role="region" style="display: none"><p>The answer to the question.</p></div>'
        '<div style="display:none"><p>A hidden widget.</p></div>'
    )
    assert [b.text for b in blocks] == ["The answer to the question."]


def test_region_names_read_through_numbers_hashes_and_camel_case() -> None:
    blocks = _blocks(
        '<div class="RelatedStories_list__3xYz">Other story</div>'
        '<div class="sec-a04d555 col-8">Section text</div>'
        '<div class="ArticleBody_wrapper">Article text</div>'
    )
    assert [(b.text, b.region, b.good) for b in blocks] == [
        ("Other story", "related", False),
        ("Section text", None, False),  # "a04d555" is an id, not "ad"
        ("Article text", None, True),
    ]


def test_a_promo_bar_is_sponsored_but_a_promontory_is_not() -> None:
    blocks = _blocks(
        '<div class="promo-bar">Free shipping</div>'
        '<div class="promotional-banner">Half price</div>'
        '<div class="promontory-walk">Cliff path</div>'
    )
    assert [b.region for b in blocks] == ["sponsored", "sponsored", None]


def test_only_a_sentence_the_page_keeps_saying_is_said_again() -> None:
    often = "For more information on rates, please visit our international page."
    twice = "The council voted on Tuesday to close the old ferry landing for good."
    blocks = _blocks(
        f"<p>Zone one. {often}</p><p>{twice}</p><p>Zone two. {often}</p>"
        f"<blockquote>{twice}</blockquote><p>Zone three. {often}</p><p>Short. Short. Short.</p>"
    )
    shares = said_again(blocks)
    assert sorted(shares) == [2, 4]  # the second and third sayings, not the first
    assert shares[2] == len(often) / len(blocks[2].text)


def test_region_caches_answer_the_same_and_are_not_walked_by_the_gc() -> None:
    page = (
        '<div class="site-sidebar widget-7"><p>Aside text.</p></div>'
        '<div class="entry-content post-18423" id="main-42"><p>Story text.</p></div>'
    )
    first = [(b.text, b.region) for b in _blocks(page)]
    again = [(b.text, b.region) for b in _blocks(page)]  # (now answered from the caches)
    assert first == again == [("Aside text.", "sidebar"), ("Story text.", None)]
    gc.collect()
    for cache in (blocks_module._SIGS, blocks_module._TOKENS, blocks_module._WORDS):
        assert not gc.is_tracked(cache.numbers)


def test_every_white_space_but_the_space_fails_the_evenly_spaced_test() -> None:
    # (the flattener keeps a block's text as it is when the test passes: str.split() would
    # find nothing to change)
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char.isspace() and char != " ":
            assert not blocks_module._evenly_spaced(f"a{char}b"), hex(code)


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\t", "\xa0", "\u2009", "\u200b"])))
def test_evenly_spaced_text_is_what_splitting_and_joining_gives(text: str) -> None:
    normal = " ".join(text.split())
    if blocks_module._evenly_spaced(text):
        assert normal == text
    assert blocks_module._evenly_spaced(normal) == normal.isprintable()


def test_block_text_is_spaced_evenly_either_way() -> None:
    html = "<p>One  two\nthree\u00a0four</p><p>Five six</p><p> seven </p>"
    texts = [b.text for b in _blocks(html)]
    assert texts == ["One two three four", "Five six", "seven"]
