"""Attribute selector lists matched in Python (meta.attrselect) give what lexbor's css() gives."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser, LexborNode

from pressclip.extractors.html.meta.attrselect import Query, SelectorList, ascii_lower, has_word

_BYLINE = '[class*="byline" i], [id*="byline" i], [class*="author" i], [rel~="author" i]'
_DATE = 'time, [class*="date" i], [class*="byline" i]'
_DEK = '[class*="dek" i], [itemprop~="alternativeHeadline" i]'


def _ids(nodes: list[LexborNode]) -> list[int]:
    return [n.mem_id for n in nodes]


def _same_as_lexbor(html: str, *css: str) -> None:
    tree = LexborHTMLParser(html)
    scope = tree.body
    assert scope is not None
    got = Query(*(SelectorList(c) for c in css)).run(scope)
    assert [_ids(g) for g in got] == [_ids(scope.css(c)) for c in css]


def test_an_element_is_listed_once_per_selector_it_matches() -> None:
    html = '<div class="author byline" id="byline-1"><time>1 May</time></div><p class=x>y</p>'
    tree = LexborHTMLParser(html)
    assert tree.body is not None
    bylines, dates = Query(SelectorList(_BYLINE), SelectorList(_DATE)).run(tree.body)
    div = tree.css_first("div")
    assert div is not None
    assert _ids(bylines) == [div.mem_id] * 3  # class*=byline, id*=byline, class*=author
    assert [n.tag for n in dates] == ["div", "time"]


@pytest.mark.parametrize(
    "html",
    [
        '<div CLASS="ByLine">a</div><div class="BYLINE-x">b</div>',  # case-blind, any case
        '<a rel="nofollow\tauthor">a</a><a rel="authors">b</a><a rel="co-author">c</a>',
        '<div class="">a</div><div class>b</div><div id="byline">c</div>',  # empty values
        '<p class="bylİne">a</p><p class="BYLıNE">b</p><p class="\u212aey">c</p>',  # not ASCII
        '<h2 class="dek" itemprop="alternativeHeadline name">a</h2><span class="sidekick">b</span>',
        '<svg class="byline"><time class="date">1</time></svg><time datetime="x">2</time>',
    ],
)
def test_matches_are_lexbors(html: str) -> None:
    _same_as_lexbor(html, _BYLINE, _DATE, _DEK)


def test_the_scope_itself_is_matched_as_lexbor_matches_it() -> None:
    tree = LexborHTMLParser('<body class="byline"><div class="date">x</div></body>')
    assert tree.body is not None
    (found,) = Query(SelectorList(_DATE)).run(tree.body)
    assert _ids(found) == _ids(tree.body.css(_DATE))
    assert found[0].tag == "body"


_WORDS = st.sampled_from(["byline", "Author", "DEK", "date", "x", "post-1", "by line", "\t"])


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["div", "span", "time", "p"]),
            st.sampled_from(["class", "id", "rel", "itemprop", "data-x"]),
            st.lists(_WORDS, max_size=3).map(" ".join),
        ),
        max_size=8,
    )
)
def test_random_markup_matches_lexbor(elements: list[tuple[str, str, str]]) -> None:
    html = "".join(f'<{t} {a}="{v}">w</{t}>' for t, a, v in elements)
    _same_as_lexbor(f"<div>{html}</div>", _BYLINE, _DATE, _DEK)


def test_a_selector_outside_the_grammar_is_refused() -> None:
    with pytest.raises(ValueError, match="not read here"):
        SelectorList('div > [class*="x" i]')
    with pytest.raises(ValueError, match="not read here"):
        SelectorList('[class*="x"]')  # case-sensitive: not what the lists use


def test_ascii_lower_folds_ascii_letters_only() -> None:
    assert ascii_lower("ByLine") == "byline"
    assert ascii_lower("İ\u212a") == "İ\u212a"
    assert ascii_lower(None) == ""
    assert has_word("nofollow AUTHOR", "author")
    assert not has_word("authors", "author")
