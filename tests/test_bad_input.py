"""Bad input never breaks pressclip: each gets a clear one-line error or a result, in bounds.

Every input here is generated; nothing large is stored in the repository.
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import zipfile
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

import pressclip
from pressclip import (
    Article,
    BinaryInputError,
    EmptyInputError,
    InputError,
    LimitExceededError,
    Limits,
    NotAPageError,
    PressclipError,
    Settings,
)
from pressclip.extractors.html.parse import parse_html, prepare_html
from pressclip.sources.files import read_page

PARAS = (
    "The city council voted on Tuesday evening to approve a new budget that expands bus "
    "service, repairs two bridges and hires forty teachers, ending months of debate over how "
    "to spend a surplus left by higher tax receipts.",
    "Council members said the plan balanced long-delayed repairs against new programs. The "
    "vote was seven to two, with both dissenting members arguing that the surplus should be "
    "returned to residents as a one-time rebate.",
    "The mayor, who proposed the budget in March, said the bridge repairs could not wait "
    "another year. Engineers had warned in a report last autumn that both spans needed new "
    "bearings and deck work within eighteen months.",
    "Residents who packed the chamber applauded when the result was announced. Several had "
    "spoken during the public comment period, most of them in favour of the extra bus routes "
    "that will serve the northern neighbourhoods.",
    "The budget takes effect in July. Officials said the first new bus routes would start "
    "running in September, and that work on the bridges would begin as soon as contracts were "
    "signed, probably before the end of the summer.",
)
KEY = PARAS[2]
JA_PARAS = (
    "東京都議会は火曜日の夜、バスの運行拡大と二つの橋の補修、教員四十人の採用を盛り込んだ新しい"
    "予算案を可決し、税収増による剰余金の使い道をめぐる数か月の議論に決着をつけた。",
    "議員らは、この計画が長年先送りされてきた補修と新たな事業の均衡を取ったものだと説明した。"
    "採決は七対二で、反対した二人は剰余金を住民に一時的な還付として返すべきだと主張した。",
    "三月に予算案を提出した知事は、橋の補修はもう一年も待てないと述べた。技術者は昨年秋の報告書で"
    "両方の橋に十八か月以内の新しい支承と床版の工事が必要だと警告していた。",
    "議場を埋めた住民は結果が発表されると拍手を送った。意見陳述の時間に発言した人の多くは、"
    "北部の地域を結ぶ新しいバス路線に賛成していた。",
)
RU_PARAS = (
    "Городской совет во вторник вечером утвердил новый бюджет, который расширяет автобусное "
    "сообщение, предусматривает ремонт двух мостов и найм сорока учителей.",
    "Члены совета заявили, что план уравновешивает давно отложенный ремонт и новые программы. "
    "Голосование завершилось со счётом семь к двум, противники требовали вернуть излишек жителям.",
    "Мэр, предложивший бюджет в марте, сказал, что ремонт мостов нельзя откладывать ещё на год. "
    "Инженеры предупреждали осенью, что обоим пролётам нужны новые опоры в течение полутора лет.",
    "Жители, заполнившие зал, встретили результат аплодисментами. Многие из выступавших "
    "поддержали новые автобусные маршруты, которые свяжут северные районы города.",
)
ZH_PARAS = (
    "市议会星期二晚上投票通过了新的预算，扩大公交服务，修复两座桥梁并招聘四十名教师，结束了数月来"
    "关于如何使用税收增加带来的盈余的争论。",
    "议员们表示，这项计划在拖延已久的维修和新项目之间取得了平衡。投票结果为七比二，两名反对者认为"
    "盈余应当作为一次性退税返还给居民。",
    "三月份提出预算的市长说，桥梁维修不能再等一年。工程师去年秋天在报告中警告说，两座桥都需要在"
    "十八个月内更换支座并修复桥面。",
    "挤满会场的居民在结果宣布时鼓掌。许多在公众发言时间发言的人都支持为北部社区开设新的公交线路。",
)


def article_html(
    paras: tuple[str, ...] = PARAS,
    *,
    head: str = "<meta charset='utf-8'>",
    before: str = "",
    wrap: tuple[str, str] = ("", ""),
) -> str:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return (
        f"<!DOCTYPE html><html><head>{head}<title>Council approves budget - Daily Example"
        f"</title></head><body><header><nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"</header>{before}{wrap[0]}<article><h1>Council approves budget</h1>"
        f"<p class='byline'>By Jane Roe</p>{body}</article>{wrap[1]}"
        f"<footer>(c) 2024 Daily Example</footer></body></html>"
    )


def assert_article_text(article: Article, text: str) -> None:
    assert text in article.article_body


def assert_result_or_reason(article: Article) -> None:
    """A page that is a page: an Article, and when it is not an article, the reason why."""
    assert isinstance(article, Article)
    if not article.is_article:
        assert article.extraction.reason


def assert_one_line(exc: PressclipError) -> None:
    message = str(exc)
    assert message
    assert "\n" not in message


# Inputs that are not pages: a clear one-line error.


@pytest.mark.parametrize("data", [b"", b" \n\t\r\n ", "", "   \n\u3000\n"])
def test_empty_and_white_space(data: bytes | str) -> None:
    with pytest.raises(EmptyInputError) as info:
        pressclip.extract(data)
    assert_one_line(info.value)


def _zip() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("page.html", article_html())
    return buf.getvalue()


BINARIES = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
    "pdf": b"%PDF-1.4\n%\xc7\xec\x8f\xa2\n5 0 obj\n<</Length 6 0 R/Filter /FlateDecode>>",
    "zip": _zip(),
    "gzip": gzip.compress(article_html().encode()),
    "random": random.Random(3).randbytes(100_000),
}


@pytest.mark.parametrize("name", list(BINARIES))
def test_binary_data(name: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        pressclip.extract(BINARIES[name])
    assert_one_line(info.value)


def test_gzip_file_that_is_not_html_inside(tmp_path: Path) -> None:
    path = tmp_path / "image.html.gz"
    path.write_bytes(gzip.compress(BINARIES["png"]))
    data = read_page(str(path), max_bytes=Limits().max_bytes).data
    with pytest.raises(BinaryInputError, match="PNG"):
        pressclip.extract(data)


def test_gzip_bomb_stops_at_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "bomb.html.gz"
    path.write_bytes(gzip.compress(b"<p>" + b"a" * 5_000_000))
    with pytest.raises(LimitExceededError, match="limit"):
        read_page(str(path), max_bytes=1_000_000)


def test_corrupt_gzip(tmp_path: Path) -> None:
    path = tmp_path / "broken.html.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 100)
    with pytest.raises(InputError, match="gzip"):
        read_page(str(path), max_bytes=1_000_000)


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({"headline": "Council approves budget", "body": list(PARAS)}),
        "\n".join(json.dumps({"id": i, "title": f"Story {i}"}) for i in range(20)),
        "id,headline,words\n" + "\n".join(f"{i},Story number {i},{i * 100}" for i in range(50)),
        "date;city;value\n" + "\n".join(f"2024-01-{i:02d};Porto;{i}" for i in range(1, 29)),
    ],
)
def test_json_and_csv(text: str) -> None:
    with pytest.raises(NotAPageError) as info:
        pressclip.extract(text.encode())
    assert_one_line(info.value)


def test_invalid_utf8_never_breaks() -> None:
    rng = random.Random(11)
    junk = bytes(rng.randrange(0x80, 0x100) for _ in range(20_000))
    data = article_html().encode().replace(b"<article>", b"<article><p>" + junk + b"</p>")
    try:
        article = pressclip.extract(data)
    except InputError as exc:
        assert_one_line(exc)
    else:
        assert_result_or_reason(article)


# Charsets: the article text must come out right.


def test_windows_1252_declared_as_utf8() -> None:
    paras = tuple(p.replace("council", "conseil café") for p in PARAS)
    data = article_html(paras, head="<meta charset='utf-8'>").encode("cp1252")
    assert_article_text(pressclip.extract(data), paras[2])


def test_utf8_declared_as_windows_1252() -> None:
    paras = tuple(p.replace("council", "conseil café") for p in PARAS)
    data = article_html(paras, head="<meta charset='windows-1252'>").encode("utf-8")
    article = pressclip.extract(data)
    assert_article_text(article, paras[2])
    assert article.extraction.charset == "utf-8"


@pytest.mark.parametrize(
    ("paras", "codec", "label"),
    [
        (JA_PARAS, "shift_jis", "Shift_JIS"),
        (ZH_PARAS, "gb2312", "gb2312"),
        (RU_PARAS, "koi8_r", "koi8-r"),
    ],
)
@pytest.mark.parametrize("declared", [True, False])
def test_legacy_charsets(paras: tuple[str, ...], codec: str, label: str, declared: bool) -> None:
    head = f"<meta http-equiv='Content-Type' content='text/html; charset={label}'>"
    data = article_html(paras, head=head if declared else "").encode(codec)
    assert_article_text(pressclip.extract(data), paras[2])


@pytest.mark.parametrize(
    ("codec", "bom"),
    [("utf-16-le", codecs.BOM_UTF16_LE), ("utf-16-be", codecs.BOM_UTF16_BE), ("utf-16-le", b"")],
)
def test_utf16(codec: str, bom: bytes) -> None:
    data = bom + article_html(JA_PARAS, head="<meta charset='utf-16'>").encode(codec)
    assert_article_text(pressclip.extract(data), JA_PARAS[2])


def test_bogus_charset_label() -> None:
    head = "<meta http-equiv='Content-Type' content='text/html; charset=utf-8, ie=edge, chrome=1'>"
    data = article_html(JA_PARAS, head=head).encode("utf-8")
    assert_article_text(pressclip.extract(data), JA_PARAS[2])


def test_charset_declared_after_15_kb() -> None:
    head = "<script>var pad = '" + "x" * 16_000 + "';</script><meta charset='koi8-r'>"
    data = article_html(RU_PARAS, head=head).encode("koi8_r")
    article = pressclip.extract(data)
    assert_article_text(article, RU_PARAS[2])
    assert article.extraction.charset == "koi8-r"


def test_nul_bytes_in_the_text_keep_the_article() -> None:
    paras = tuple(p.replace(" ", " \x00", 5) for p in PARAS)
    article = pressclip.extract(article_html(paras).encode())
    assert_article_text(article, KEY)
    assert "\x00" not in article.article_body


def test_control_characters_are_dropped() -> None:
    noisy = "".join(chr(c) for c in range(1, 32) if chr(c) not in "\t\n\r")
    paras = (*PARAS[:2], PARAS[2][:40] + noisy + PARAS[2][40:], *PARAS[3:])
    article = pressclip.extract(article_html(paras).encode())
    assert_article_text(article, PARAS[2][40:])
    assert not any(ch in article.article_body for ch in noisy)


def test_str_input_with_lone_surrogates() -> None:
    paras = (*PARAS[:3], PARAS[3] + " \ud83d", *PARAS[4:])
    assert_article_text(pressclip.extract(article_html(paras)), KEY)


# Size and structure limits.


def test_50_mb_page_is_refused_before_any_work(tmp_path: Path) -> None:
    data = b"<html><body>" + b"<p>" + b"word " * 10_000_000 + b"</p></body></html>"
    assert len(data) > 50_000_000
    with pytest.raises(LimitExceededError) as info:
        pressclip.extract(data)
    assert info.value.limit == "max_bytes"
    assert_one_line(info.value)
    path = tmp_path / "big.html"
    path.write_bytes(data)
    with pytest.raises(LimitExceededError):
        read_page(str(path), max_bytes=Limits().max_bytes)


def test_large_str_is_measured_in_utf8_bytes() -> None:
    text = "<p>" + "語" * 2_000_000
    with pytest.raises(LimitExceededError):
        pressclip.extract(text, settings=Settings(limits=Limits(max_bytes=5_000_000)))


def test_millions_of_elements_are_refused() -> None:
    html = "<html><body>" + "<i>x</i>" * 2_000_000 + "</body></html>"
    with pytest.raises(LimitExceededError) as info:
        pressclip.extract(html)
    assert info.value.limit == "max_elements"
    assert_one_line(info.value)


def test_hundred_thousand_nested_elements_are_flattened() -> None:
    html = article_html(wrap=("<div>" * 100_000, "</div>" * 100_000))
    assert_result_or_reason(pressclip.extract(html))
    tree = parse_html(html, Limits())
    depth, node = 0, tree.css_first("article")
    while node is not None:
        depth, node = depth + 1, node.parent
    assert depth <= Limits().max_depth + 10
    assert KEY in tree.body.text()


def test_article_nested_300_deep_is_kept() -> None:
    html = article_html(wrap=("<div><section>" * 150, "</section></div>" * 150))
    assert prepare_html(html, Limits()) == html
    assert_article_text(pressclip.extract(html), KEY)


@pytest.mark.parametrize(
    "storm",
    [
        "<b><i><font>x" * 50_000,
        "".join(f"<p><b id=b{i}>x" for i in range(20_000)),
        "".join(f"<font size={i % 7} color=c{i}><div>x" for i in range(20_000)),
        "".join(f"<b class=c{i}><p>x" for i in range(20_000)) + "</b>" * 20_000,
        "<b></p>x" * 50_000,
        "<b><div></b>x" * 30_000,
    ],
    ids=["bif", "distinct-b", "font-div", "closed-at-end", "b-endp", "adoption"],
)
def test_formatting_storms_are_neutralised(storm: str) -> None:
    html = article_html(before=storm)
    prepared = prepare_html(html, Limits())
    tree = LexborHTMLParser(prepared)
    # Text is kept; nodes stay in proportion to the markup, not to its square.
    assert KEY in prepared
    assert sum(1 for _ in tree.root.traverse()) < 4 * html.count("<")
    assert_result_or_reason(pressclip.extract(html))


@pytest.mark.parametrize(
    ("end", "is_end"), [("</script>", True), ("</SCRIPT >", True), ("</scripts>", False)]
)
def test_tags_in_script_content_count_only_after_its_end_tag(end: str, is_end: bool) -> None:
    # 600 deep in all, unless the end tags inside the script counted or the script never ended.
    html = "<div>" * 300 + "<script>" + "</div>" * 300 + end + "<div>" * 300 + "<p>text</p>"
    assert (prepare_html(html, Limits()) != html) is is_end


def test_dropped_tags_take_their_attributes_with_them() -> None:
    storm = "".join(f"<p><b title=\"it's > {i}\" class='a\"b'>x{i}" for i in range(2_000))
    prepared = prepare_html(article_html(before=storm), Limits())
    text = LexborHTMLParser(prepared).body.text()
    assert "x1999" in text
    assert "it's" not in text
    assert KEY in text


def test_formatting_closed_properly_is_left_alone() -> None:
    html = article_html(before="<p><b>bold</b> and <i>italic</i> text</p>" * 3_000)
    assert prepare_html(html, Limits()) == html


def test_article_beside_a_10_mb_attribute() -> None:
    image = '<img alt="chart" src="data:image/png;base64,' + "QUJD" * 2_500_000 + '">'
    html = article_html(before=image)
    prepared = prepare_html(html, Limits())
    assert len(prepared) < 100_000
    assert 'alt="chart"' in prepared
    assert_article_text(pressclip.extract(html.encode()), KEY)


@pytest.mark.parametrize("extra", [-1, 1])
def test_attribute_value_just_under_and_just_over_the_limit(extra: int) -> None:
    limits = Limits(max_attribute_chars=1_000)
    value = "x" * (1_000 + extra)
    html = f'<p>a</p><p data-state="{value}" id=k>b</p>' + "<i>c</i>" * 300
    prepared = prepare_html(html, limits)
    assert (value in prepared) is (extra < 0)
    assert "id=k" in prepared


def test_giant_values_are_emptied_in_every_gap_and_only_in_attributes() -> None:
    limits = Limits(max_attribute_chars=1_000)
    big = "x" * 1_500
    html = (
        f'<p data-a="{big}" id=a>a</p><p>b</p><img data-b={big} id=b>'
        f"<p>c /={big} d</p><p title='{big[:999]}' id=c>e</p><p data-c='{big}'>f</p>"
    )
    prepared = prepare_html(html, limits)
    assert prepared == (
        '<p data-a="" id=a>a</p><p>b</p><img data-b="" id=b>'
        f"<p>c /={big} d</p><p title='{big[:999]}' id=c>e</p><p data-c=\"\">f</p>"
    )


def test_one_10_mb_line() -> None:
    line = ("word " * 2_000_000).strip()
    html = article_html(before=f"<p>{line}</p>")
    assert "\n" not in html
    assert_result_or_reason(pressclip.extract(html))


def test_one_long_line_of_text() -> None:
    line = ("word " * 400_000).strip()
    assert_result_or_reason(pressclip.extract(line, input_type="text"))


@pytest.mark.parametrize(
    "html",
    [
        article_html(before="<!-- an unclosed comment <p>hidden</p>"),
        article_html().replace("</article>", "<!-- tail comment never closed"),
        article_html().replace("</p>", ""),
        article_html().replace("<p>", "<p><b><i>", 2).replace("</p>", "</b></p></i>", 2),
        article_html(before="<div><span><table><tr><td><div>") + "</td></span></div></tr>",
        article_html(before="<svg><g><path d='M0 0'/></svg></g><math><mi>x</math>"),
        article_html(before="<p>text &#0; &#xD800; &#x110000; &nosuch; &amp</p>"),
        article_html(before="<scr<script>ipt>alert(1)</script><<<>>><p <p <p>"),
    ],
    ids=[
        "unclosed-comment",
        "unclosed-tail-comment",
        "unclosed-p",
        "misnested",
        "mixed-misnesting",
        "foreign",
        "bad-references",
        "broken-tags",
    ],
)
def test_broken_markup(html: str) -> None:
    assert_result_or_reason(pressclip.extract(html))


def test_misnested_tags_keep_the_article() -> None:
    html = article_html().replace("</p>", "", 3).replace("<p>", "<p><b>", 1)
    assert_article_text(pressclip.extract(html), KEY)


NOT_ARTICLES = {
    "home page": "<html><head><title>Daily Example</title></head><body><nav>"
    + "".join(f"<a href='/s/{i}'>Story headline number {i}</a><br>" for i in range(60))
    + "</nav></body></html>",
    "404": "<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1>"
    "<p>The requested URL was not found on this server.</p></body></html>",
    "script-only shell": "<!doctype html><html><head><script src='/app.js'></script></head>"
    "<body><div id='root'></div><script>window.__STATE__={};</script></body></html>",
    "only a title": "<html><head><title>x</title></head></html>",
}


@pytest.mark.parametrize("name", list(NOT_ARTICLES))
def test_pages_without_an_article(name: str) -> None:
    assert_result_or_reason(pressclip.extract(NOT_ARTICLES[name].encode()))


def test_text_mode_bad_input() -> None:
    for text in ("\x00\x01 hello \x02", "a" * 100_000, "\n" * 10_000 + "x", "\u200b" * 1000):
        try:
            article = pressclip.extract(text, input_type="text")
        except InputError as exc:
            assert_one_line(exc)
        else:
            assert_result_or_reason(article)


@pytest.mark.parametrize("deep", [False, True])
def test_parsing_the_page_bytes_builds_the_same_tree(deep: bool) -> None:
    # parse_html may take the page's own UTF-8 bytes instead of encoding the text; the markup
    # it rewrites (too deep here) must still come from the text.
    html = article_html(before="<div>" * 600 if deep else "") + "<p>Grüße, 東京</p>"
    data = html.encode("utf-8")
    with_bytes = parse_html(html, Limits(), utf8=data)
    assert (
        with_bytes.html
        == parse_html(html, Limits()).html
        == LexborHTMLParser(prepare_html(html, Limits())).html
    )
    assert (prepare_html(html, Limits()) is html) is not deep
