"""Bytes to text: BOMs, declared charsets checked against the bytes, detection, refusals."""

from __future__ import annotations

import codecs
import gzip
import io
import json
import random
import zipfile

import pytest

from pressclip import BinaryInputError, EmptyInputError, NotAPageError
from pressclip.decode import (
    clean_text,
    declared_charset,
    decode,
    decode_page,
    normalise_label,
    sniff_not_a_page,
)

TEXTS = {
    "ja": "東京都の小池百合子知事は二十日、新型コロナウイルスの感染拡大を受けて、都民に対し"
    "不要不急の外出を控えるよう改めて呼びかけた。都内では新たに多くの感染者が確認されている。",
    "zh": "北京时间昨天晚上，中国国家统计局发布了最新的经济数据。数据显示，今年第一季度国内生产"
    "总值同比增长百分之五点三，高于市场预期。专家表示，消费和投资的回暖是主要原因。",
    "ru": "Президент заявил во вторник, что правительство примет новые меры для поддержки "
    "экономики. По его словам, особое внимание будет уделено малому и среднему бизнесу.",
    "fr": "Le président a annoncé mercredi une série de mesures destinées à soutenir l'économie "
    "française. « Nous ferons tout ce qui est nécessaire », a-t-il déclaré, très ému.",
}


def page(text: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>Titre</title></head><body><article>"
        f"<h1>Titre</h1><p>{text}</p><p>{text}</p></article></body></html>"
    )


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
    ],
)
def test_bom_wins_over_a_wrong_declaration(bom: bytes, codec: str) -> None:
    html = page(TEXTS["fr"], '<meta charset="windows-1252">')
    text, charset = decode(bom + html.encode(codec))
    assert TEXTS["fr"] in text
    assert charset == codec
    assert not text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_recognised(codec: str) -> None:
    text, charset = decode(page(TEXTS["ja"]).encode(codec))
    assert TEXTS["ja"] in text
    assert charset == codec


@pytest.mark.parametrize(
    ("lang", "codec", "label"),
    [
        ("ja", "shift_jis", "Shift_JIS"),
        ("zh", "gb2312", "GB2312"),
        ("ru", "koi8_r", "KOI8-R"),
        ("ru", "cp1251", "windows-1251"),
        ("fr", "cp1252", "iso-8859-1"),
    ],
)
def test_declared_legacy_charsets(lang: str, codec: str, label: str) -> None:
    html = page(
        TEXTS[lang], f'<meta http-equiv="Content-Type" content="text/html; charset={label}">'
    )
    text, _ = decode(html.encode(codec))
    assert TEXTS[lang] in text


@pytest.mark.parametrize(
    ("lang", "codec"), [("ja", "shift_jis"), ("zh", "gb2312"), ("ru", "koi8_r"), ("fr", "cp1252")]
)
def test_undeclared_legacy_charsets_are_detected(lang: str, codec: str) -> None:
    text, _ = decode(page(TEXTS[lang] * 3).encode(codec))
    assert TEXTS[lang] in text


def test_windows_1252_page_declared_utf8_comes_out_right() -> None:
    data = page(TEXTS["fr"] * 3, '<meta charset="utf-8">').encode("cp1252")
    text, charset = decode(data)
    assert TEXTS["fr"] in text
    assert charset != "utf-8"


def test_utf8_page_declared_windows_1252_is_read_as_utf8() -> None:
    data = page(TEXTS["fr"], '<meta charset="windows-1252">').encode("utf-8")
    text, charset = decode(data)
    assert TEXTS["fr"] in text
    assert charset == "utf-8"


def test_bogus_charset_label_is_ignored() -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=utf-8, ie=edge, chrome=1">'
    text, _ = decode(page(TEXTS["ja"], head).encode("utf-8"))
    assert TEXTS["ja"] in text
    head = '<meta charset="no-such-charset">'
    text, _ = decode(page(TEXTS["fr"] * 3, head).encode("cp1252"))
    assert TEXTS["fr"] in text


def test_a_nul_inside_a_charset_label_makes_it_bogus() -> None:
    assert normalise_label("utf\x00-8") is None
    for body in (TEXTS["fr"], "Plain ASCII news text, nothing else."):
        data = page(body, '<meta charset="utf\x00-8">').encode("utf-8")
        text, charset = decode(data)
        assert body in text and charset == "utf-8"


def test_charset_declared_after_the_first_15_kb_is_found() -> None:
    script = "<script>var filler = '" + "x" * 20_000 + "';</script>"
    html = page(TEXTS["ru"], script + '<meta charset="koi8-r">')
    data = html.encode("koi8_r")
    assert data.find(b"koi8-r") > 15_000
    assert declared_charset(data) == "koi8-r"
    text, charset = decode(data)
    assert charset == "koi8-r"
    assert TEXTS["ru"] in text


def test_labels_are_read_the_way_browsers_read_them() -> None:
    assert normalise_label("ISO-8859-1") == "cp1252"
    assert normalise_label(b"gb2312") == "gb18030"
    assert normalise_label("Shift_JIS") == "cp932"
    assert normalise_label("utf-16") == "utf-8"
    for bogus in ("utf-7", "base64", "rot13", "unicode-escape", "", "chrome=1"):
        assert normalise_label(bogus) is None


def test_nul_and_control_characters_are_removed() -> None:
    data = page("Breaking\x00 news\x07 from\x1b the\x0b city").encode("utf-8")
    text, _ = decode(data)
    assert "Breaking news from the city" in text
    assert not any(ch in text for ch in "\x00\x07\x1b\x0b")


def test_clean_text_keeps_line_breaks_and_tabs_and_repairs_surrogates() -> None:
    assert clean_text("a\tb\r\nc\x00d\x85e") == "a\tb\r\ncde"
    assert clean_text("x\ud800y") == "x\ufffdy"


@pytest.mark.parametrize("data", [b"", b"   \n\t  \r\n"])
def test_empty_input(data: bytes) -> None:
    with pytest.raises(EmptyInputError):
        decode(data)


def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("a.html", "<p>hello</p>")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (_zip_bytes(), "ZIP"),
        (gzip.compress(b"<p>hello</p>"), "gzip"),
        (random.Random(1).randbytes(50_000), "control bytes"),
        (b"\x00" * 5_000, "NUL"),
    ],
)
def test_binary_data_is_refused(data: bytes, what: str) -> None:
    with pytest.raises(BinaryInputError, match=what):
        decode(data)


def test_invalid_utf8_gives_text_or_a_clear_refusal() -> None:
    rng = random.Random(7)
    junk = bytes(rng.choice(range(0x80, 0x100)) for _ in range(5_000))
    data = b"<html><body><p>Intro " + junk + b" outro</p></body></html>"
    try:
        text, _ = decode(data)
    except BinaryInputError as exc:
        assert "not a page" in str(exc)
    else:
        assert "Intro" in text


def test_a_few_broken_bytes_keep_a_utf8_page_utf8() -> None:
    data = page(TEXTS["ja"]).encode("utf-8")
    broken = data[:200] + b"\xff" + data[200:]
    text, charset = decode(broken)
    assert charset == "utf-8"
    assert TEXTS["ja"] in text


@pytest.mark.parametrize(
    "text",
    [
        json.dumps({"title": "A", "items": [1, 2, 3]}),
        json.dumps([{"a": 1}, {"a": 2}], indent=2),
        '{"a": 1}\n{"a": 2}\n{"a": 3}\n',
    ],
)
def test_json_is_not_a_page(text: str) -> None:
    with pytest.raises(NotAPageError, match="JSON"):
        sniff_not_a_page(text)


@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_csv_is_not_a_page(delimiter: str) -> None:
    rows = [delimiter.join(["id", "name", "city", "score"])]
    rows += [delimiter.join([str(i), f"name {i}", "Lisbon", str(i * 3)]) for i in range(30)]
    with pytest.raises(NotAPageError, match="CSV"):
        sniff_not_a_page("\n".join(rows))


def test_two_column_csv_with_quotes_is_not_a_page() -> None:
    rows = ['"date","headline"'] + [f'"2024-01-{i:02d}","Item {i}"' for i in range(1, 20)]
    with pytest.raises(NotAPageError):
        sniff_not_a_page("\n".join(rows))


def test_rss_feed_is_not_a_page() -> None:
    feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>x</title></channel></rss>'
    with pytest.raises(NotAPageError, match="RSS"):
        sniff_not_a_page(feed)


@pytest.mark.parametrize(
    "text",
    [
        # Prose lines with commas: a flattened news page is not CSV.
        "\n".join(
            [
                "City council approves budget",
                "By Jane Roe, Staff Writer",
                "The council voted on Tuesday, after a long debate, to approve the budget.",
                "Residents, who had packed the hall, applauded the decision.",
                "The mayor said the plan, which includes new parks, would start in May.",
                "Opponents argued that taxes, fees and fines would rise.",
                "A final vote, the third this year, is expected in June, officials said.",
            ]
        ),
        "[Updated] The story begins here.\nIt goes on for a while.",
        "[1] A reference list\n[2] Another one",
    ],
)
def test_prose_is_a_page(text: str) -> None:
    sniff_not_a_page(text)


@pytest.mark.parametrize(
    ("data", "as_is"),
    [
        (page(TEXTS["ja"]).encode("utf-8"), True),
        (page("plain ASCII text").encode("ascii"), True),
        (codecs.BOM_UTF8 + page(TEXTS["fr"]).encode("utf-8"), False),  # the BOM goes
        (page(TEXTS["fr"] + "\x07\x0b").encode("utf-8"), False),  # control characters go
        (page(TEXTS["fr"] * 3).encode("cp1252"), False),  # not UTF-8
        (page(TEXTS["fr"]).encode("utf-8")[:-40] + b"\xc3" + b"x" * 39, False),  # broken UTF-8
    ],
)
def test_decode_page_hands_back_the_bytes_only_when_they_are_the_text(
    data: bytes, as_is: bool
) -> None:
    decoded = decode_page(data)
    assert (decoded.text, decoded.charset) == decode(data)
    if as_is:
        assert decoded.utf8 is data
        assert decoded.utf8.decode("utf-8") == decoded.text
    else:
        assert decoded.utf8 is None


@pytest.mark.parametrize("nbsps", [0, 1, 63, 64, 65, 200])
@pytest.mark.parametrize("c1", [True, False])
def test_c1_controls_are_found_behind_any_number_of_other_c2_bytes(nbsps: int, c1: bool) -> None:
    # A C1 control is "\xc2" and a byte from 0x80 to 0x9f in UTF-8; other "\xc2" bytes (no-break
    # spaces here) are checked one by one up to a point, then a regex scans the rest.
    body = "a\u00a0" * nbsps + ("b\x85c" if c1 else "bc") + "\u00a0d\x9f" * c1
    data = page(TEXTS["fr"] + body).encode("utf-8")
    decoded = decode_page(data)
    assert body.replace("\x85", "").replace("\x9f", "") in decoded.text
    assert (decoded.utf8 is None) is c1


@pytest.mark.parametrize("control", ["", "\x07", "\x00"])
def test_utf8_page_declaring_another_charset_is_utf8_with_or_without_controls(
    control: str,
) -> None:
    data = page(TEXTS["ru"] + control, '<meta charset="windows-1251">').encode("utf-8")
    decoded = decode_page(data)
    assert decoded.charset == "utf-8"
    assert TEXTS["ru"] in decoded.text
    assert (decoded.utf8 is data) is not control
