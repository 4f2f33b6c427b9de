"""Bytes to text: BOM, declared charset (checked against the content), then detection.

Also the cheap refusals that need no parsing: binary data (magic numbers, a share of control
bytes), and text that is structured data rather than a page (JSON, CSV, feeds).
"""

from __future__ import annotations

import codecs
import csv
import json
import logging
import re
from collections import Counter
from typing import NamedTuple

from charset_normalizer import from_bytes

from pressclip._errors import BinaryInputError, EmptyInputError, NotAPageError

logger = logging.getLogger(__name__)

# UTF-32 first: its little-endian BOM starts with the UTF-16 one.
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"PK\x05\x06", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"BZh", "bzip2 data"),
    (b"\xfd7zXZ\x00", "xz data"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"\x7fELF", "ELF executable"),
    (b"\xd0\xcf\x11\xe0", "Microsoft Office document"),
    (b"wOFF", "web font"),
    (b"wOF2", "web font"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# Control bytes that never occur in text pages (NUL is counted apart: it also marks UTF-16/32).
_CONTROL_BYTES = bytes([*range(1, 9), 0x0B, *range(0x0E, 0x1B), *range(0x1C, 0x20)])
_SAMPLE = 65_536
_BINARY_SHARE = 0.05

# Where a page may declare its charset: the head, which can sit behind a lot of inline script.
_HEAD_MIN = 65_536
_HEAD_MAX = 1_048_576
_HEAD_END = re.compile(rb"</head\s*>|<body[\s>]", re.IGNORECASE)
_META_CHARSET = re.compile(
    rb"""<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([^\s"'<>;,/]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"'<>]+)""")

# Labels as browsers read them (WHATWG Encoding Standard): the legacy names mean supersets.
_LABEL_ALIASES = {
    **dict.fromkeys(
        (
            "iso-8859-1",
            "iso8859-1",
            "iso_8859-1",
            "latin1",
            "latin-1",
            "l1",
            "ascii",
            "us-ascii",
            "cp819",
            "ibm819",
            "iso-ir-100",
            "csisolatin1",
            "iso88591",
            "windows-1252",
            "x-cp1252",
        ),
        "cp1252",
    ),
    **dict.fromkeys(("iso-8859-9", "iso8859-9", "latin5", "l5", "iso88599"), "cp1254"),
    **dict.fromkeys(("iso-8859-11", "tis-620", "iso885911", "dos-874"), "cp874"),
    **dict.fromkeys(
        (
            "gb2312",
            "gbk",
            "x-gbk",
            "chinese",
            "csgb2312",
            "gb_2312-80",
            "gb_2312",
            "iso-ir-58",
            "cp936",
            "ms936",
            "windows-936",
            "gb18030",
        ),
        "gb18030",
    ),
    **dict.fromkeys(
        (
            "shift_jis",
            "shift-jis",
            "sjis",
            "x-sjis",
            "ms_kanji",
            "windows-31j",
            "csshiftjis",
            "ms932",
            "cp932",
        ),
        "cp932",
    ),
    **dict.fromkeys(
        (
            "euc-kr",
            "euckr",
            "ks_c_5601-1987",
            "ks_c_5601-1989",
            "ksc5601",
            "ksc_5601",
            "korean",
            "windows-949",
            "csksc56011987",
            "cp949",
        ),
        "cp949",
    ),
    **dict.fromkeys(("big5", "big5-hkscs", "cn-big5", "x-x-big5", "csbig5"), "big5hkscs"),
    # A page whose bytes are ASCII-compatible cannot be UTF-16/32 whatever it declares.
    **dict.fromkeys(
        (
            "utf-16",
            "utf-16le",
            "utf-16be",
            "utf-32",
            "utf-32le",
            "utf-32be",
            "unicode",
            "ucs-2",
            "csunicode",
            "iso-10646-ucs-2",
            "unicodefffe",
            "unicodefeff",
        ),
        "utf-8",
    ),
}
# Python codecs that are not page encodings (or are unsafe as such): a label naming one is bogus.
_NOT_PAGE_CODECS = frozenset(
    (
        "utf-7",
        "unicode-escape",
        "raw-unicode-escape",
        "punycode",
        "idna",
        "mbcs",
        "oem",
        "undefined",
        "charmap",
        "palmos",
        "utf-8-sig",
    )
)

_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
_SURROGATES = re.compile("[\ud800-\udfff]")
_C0_AND_DEL = bytes([*range(9), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_C1_UTF8 = re.compile(b"\xc2[\x80-\x9f]")
_SURROGATE_UTF8 = re.compile(b"\xed[\xa0-\xbf]")


class Decoded(NamedTuple):
    """A page's text, the charset it was read in, and the input bytes themselves when the text
    is exactly their UTF-8 decoding (no BOM, nothing cleaned): the HTML parser reads UTF-8
    bytes, so it can take those as they are instead of encoding the text again."""

    text: str
    charset: str
    utf8: bytes | None = None


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes; returns the cleaned text and the name of the charset used.

    Order: a BOM; a refusal of binary data; UTF-16/32 without a BOM; the charset the page
    declares (XML declaration or meta), used only when the bytes agree with it; UTF-8 when the
    bytes are valid UTF-8; then detection with charset-normalizer.
    """
    text, charset, _ = decode_page(data)
    return text, charset


def decode_page(data: bytes) -> Decoded:
    """:func:`decode`, also telling when the text is the input's own UTF-8 as it stands."""
    if not data or data.isspace():  # (no stripped copy of the whole page)
        raise EmptyInputError("input is empty or white space only")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _finish(data[len(bom) :].decode(name, errors="replace"), name)
    # One pass over the page for control bytes serves the binary check and the cleaning; most
    # pages have none, and then neither needs to look again.
    controls = _has_controls(data)
    reject_binary(data, controls=controls)
    wide = _sniff_wide_unicode(data)
    if wide is not None:
        return _finish(data.decode(wide, errors="replace"), wide)
    text = _decode_utf8(data)
    # Valid UTF-8 with multi-byte sequences is UTF-8 whatever the page declares (legacy
    # encodings almost never form valid UTF-8 by chance), so the declaration is not looked up.
    if text is not None and not data.isascii():
        return _utf8_page(text, data, controls)
    declared = declared_charset(data)
    if declared is None and b"\x1b" in data and _iso2022_jp(data):
        declared = "iso2022_jp"  # 7-bit Japanese, recognisable by its escape sequences
    if text is not None and declared in (None, "utf-8"):
        return _utf8_page(text, data, controls)
    for candidate in dict.fromkeys((declared, "utf-8")):
        if candidate is not None:
            mostly = _decode_mostly(data, candidate)
            if mostly is not None:
                return _finish(mostly, candidate)
    return _detect(data)


def _utf8_page(text: str, data: bytes, controls: bool) -> Decoded:
    """The page read as the UTF-8 ``text`` of ``data``, cleaned (``controls``: see
    :func:`_has_controls`)."""
    cleaned = _clean(text, data, controls=controls)
    return Decoded(cleaned, "utf-8", data if cleaned is text else None)


def _iso2022_jp(data: bytes) -> bool:
    """7-bit bytes with ISO-2022-JP's escape sequences (callers first look for an ESC byte
    at all: one memchr, where these searches scan the page twice)."""
    return (b"\x1b$B" in data or b"\x1b$@" in data) and data.isascii()


def _finish(text: str, charset: str) -> Decoded:
    return Decoded(clean_text(text), charset)


def clean_text(text: str) -> str:
    """Drop NULs and control characters other than tab and line breaks; repair lone surrogates."""
    if text.startswith("\ufeff"):
        text = text[1:]
    data = text.encode("utf-8", "surrogatepass")
    text = _clean(text, data, controls=_has_controls(data))
    if not text.isascii() and _SURROGATE_UTF8.search(data):
        text = _SURROGATES.sub("\ufffd", text)
    return text


def _clean(text: str, data: bytes, *, controls: bool) -> str:
    """``text`` without control characters; ``data`` is its UTF-8 form (the page's own bytes
    when they were valid UTF-8, where lone surrogates cannot occur), ``controls`` whether
    ``data`` holds C0 control bytes or DEL (:func:`_has_controls`)."""
    # Look in the UTF-8 bytes: bytes.translate and find are far faster than a character-class
    # scan of a long str, and most pages need nothing.
    if controls or (not text.isascii() and _has_c1(data)):
        text = _CONTROL_CHARS.sub("", text)
    return text


def _has_controls(data: bytes) -> bool:
    """Whether ``data`` holds a C0 control byte other than tab and line breaks, or DEL."""
    return len(data.translate(None, _C0_AND_DEL)) != len(data)


# How many "\xc2" bytes _has_c1 checks one by one before a regex scans the rest.
_C2_PROBES = 64


def _has_c1(data: bytes) -> bool:
    """Whether the UTF-8 ``data`` holds a C1 control character (U+0080-U+009F: "\xc2" and a
    byte from 0x80 to 0x9F)."""
    # Most pages hold a few "\xc2" (no-break spaces, guillemets, copyright signs), all followed
    # by other bytes: bytes.find jumps between them many times faster than a regex scans the
    # page; a page with many leaves the rest to the regex.
    pos = data.find(b"\xc2")
    for _ in range(_C2_PROBES):
        if pos < 0:
            return False
        if b"\x80" <= data[pos + 1 : pos + 2] <= b"\x9f":
            return True
        pos = data.find(b"\xc2", pos + 1)
    return pos >= 0 and _C1_UTF8.search(data, pos) is not None


def reject_binary(data: bytes, *, controls: bool = True) -> None:
    """Raise BinaryInputError for known binary formats and for bytes full of control codes.

    ``controls`` false tells that ``data`` holds no C0 control byte nor DEL (see
    :func:`_has_controls`): then there is no share of them, nor of NUL bytes, to count.
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"input is binary ({what}), not a page")
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        raise BinaryInputError(f"input is binary ({_RIFF_KINDS[data[8:12]]}), not a page")
    if data[4:8] == b"ftyp":
        raise BinaryInputError("input is binary (MP4/ISO media), not a page")
    if not controls:
        return
    sample = data[:_SAMPLE]
    count = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if count > _BINARY_SHARE * len(sample):
        share = round(100 * count / len(sample))
        raise BinaryInputError(f"input is binary data ({share}% control bytes), not a page")
    nuls = sample.count(0)
    if nuls > 0.3 * len(sample) and _sniff_wide_unicode(data) is None:
        share = round(100 * nuls / len(sample))
        raise BinaryInputError(f"input is binary data ({share}% NUL bytes), not a page")


def _sniff_wide_unicode(data: bytes) -> str | None:
    """UTF-16 or UTF-32 without a BOM, told by where the NUL bytes of ASCII characters sit."""
    sample = data[: 4096 - 4096 % 4]
    if len(sample) < 8 or sample.count(0) < len(sample) // 4:
        return None
    quarter = len(sample) // 4
    lanes = [sample[i::4].count(0) for i in range(4)]
    if lanes[1] > 0.6 * quarter and lanes[2] > 0.6 * quarter and lanes[0] < 0.1 * quarter:
        candidates: tuple[str, ...] = ("utf-32-le",)
    elif lanes[0] > 0.6 * quarter and lanes[1] > 0.6 * quarter and lanes[3] < 0.1 * quarter:
        candidates = ("utf-32-be",)
    elif lanes[1] + lanes[3] > 0.6 * 2 * quarter and lanes[0] + lanes[2] < 0.1 * 2 * quarter:
        candidates = ("utf-16-le",)
    elif lanes[0] + lanes[2] > 0.6 * 2 * quarter and lanes[1] + lanes[3] < 0.1 * 2 * quarter:
        candidates = ("utf-16-be",)
    else:
        return None
    name = candidates[0]
    probe = sample.decode(name, errors="replace")
    printable = sum(1 for ch in probe if ch.isprintable() or ch in "\t\n\r")
    return name if printable > 0.95 * len(probe) else None


def declared_charset(data: bytes) -> str | None:
    """The charset the page declares (XML declaration, then meta), if it names a real one."""
    xml = _XML_ENCODING.match(data[:1024])
    if xml:
        name = normalise_label(xml.group(1))
        if name:
            return name
    head = _head(data)
    for match in _META_CHARSET.finditer(head):
        name = normalise_label(match.group(1))
        if name:
            return name
    return None


def _head(data: bytes) -> bytes:
    """The part of the page where a charset declaration belongs: up to </head>, at least 64 KB."""
    window = data[:_HEAD_MAX]
    end = _HEAD_END.search(window)
    return window[: max(_HEAD_MIN, end.end() if end else len(window))]


def normalise_label(label: bytes | str) -> str | None:
    """A charset label as a Python codec name, the way browsers read it; None when bogus."""
    if isinstance(label, bytes):
        label = label.decode("ascii", "ignore")
    label = label.strip().strip("\"'").rstrip(",;").lower()
    if not label:
        return None
    if label in _LABEL_ALIASES:
        return _LABEL_ALIASES[label]
    try:
        info = codecs.lookup(label)
    except (LookupError, ValueError):  # (ValueError: a NUL in the label)
        return None
    if not getattr(info, "_is_text_encoding", True) or info.name in _NOT_PAGE_CODECS:
        return None
    name = info.name
    return _LABEL_ALIASES.get(name, name)


def _decode_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _decode_mostly(data: bytes, name: str) -> str | None:
    """The text when the bytes fit the charset, bar a few broken sequences (a truncated page,
    a bad splice); None when they do not fit it."""
    try:
        return data.decode(name)
    except UnicodeDecodeError:
        pass
    except LookupError:
        return None
    text = data.decode(name, errors="replace")
    bad = text.count("\ufffd")
    if name == "utf-8":
        bad -= data.count(b"\xef\xbf\xbd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    return text if good >= 20 * max(1, bad) else None


def _detect(data: bytes) -> Decoded:
    best = from_bytes(_detection_sample(data)).best()
    if best is None:
        raise BinaryInputError("input is not text in any known charset, not a page")
    name = normalise_label(str(best.encoding)) or "utf-8"
    return _finish(data.decode(name, errors="replace"), name)


def _detection_sample(data: bytes, size: int = 262_144) -> bytes:
    """The lines that carry non-ASCII bytes: markup alone tells a detector nothing."""
    if len(data) <= size:
        return data
    lines = [line for line in data[: 16 * size].split(b"\n") if not line.isascii()]
    sample = b"\n".join(lines)[:size]
    return sample or data[:size]


def sniff_not_a_page(text: str) -> None:
    """Raise NotAPageError for text that is structured data: JSON, CSV/TSV, feeds, sitemaps."""
    stripped = text.lstrip()
    if stripped[:1] in ("{", "["):
        _sniff_json(stripped)
    if stripped[:1] == "<":
        _sniff_feed(stripped[:4096])
        return
    _sniff_csv(stripped[:65_536])


def _sniff_json(text: str) -> None:
    decoder = json.JSONDecoder()
    try:
        _, end = decoder.raw_decode(text)
    except ValueError:
        return
    rest = text[end : end + 64].lstrip()
    if not rest or rest[:1] in ("{", "["):
        kind = "JSON lines" if rest else "JSON"
        raise NotAPageError(f"input is {kind} data, not a page")


_FEED_ROOT = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(rss|feed|urlset|sitemapindex|rdf:rdf)\b",
    re.IGNORECASE | re.DOTALL,
)


def _sniff_feed(head: str) -> None:
    match = _FEED_ROOT.match(head)
    if match:
        kind = {"urlset": "sitemap", "sitemapindex": "sitemap", "rdf:rdf": "RSS"}.get(
            match.group(1).lower(), match.group(1).upper() if len(match.group(1)) == 3 else "Atom"
        )
        raise NotAPageError(f"input is an XML {kind} feed, not a page")


_TAG_LIKE = re.compile(r"<[A-Za-z!/]")
_DELIMITERS = {",": "comma", ";": "semicolon", "\t": "tab", "|": "pipe"}


def _sniff_csv(head: str) -> None:
    """Many lines splitting into the same number (2+) of fields, and no markup."""
    if _TAG_LIKE.search(head):
        return
    lines = [line for line in head.splitlines()[:101] if line.strip()]
    if len(head) == 65_536 and len(lines) > 1:
        lines = lines[:-1]  # the cut may have split the last line
    if len(lines) < 5:
        return
    for delimiter, name in _DELIMITERS.items():
        if sum(delimiter in line for line in lines) < 0.8 * len(lines):
            continue
        widths = Counter(len(row) for row in csv.reader(lines, delimiter=delimiter))
        width, rows = widths.most_common(1)[0]
        if width >= 2 and rows >= 0.8 * len(lines) and _field_like(lines, delimiter, width):
            raise NotAPageError(f"input is {name}-separated data (CSV), not a page")


def _field_like(lines: list[str], delimiter: str, width: int) -> bool:
    """Fields, not prose: short cells, and rows that do not end like sentences."""
    sentences = sum(line.rstrip().rstrip("\"'”»").endswith(_SENTENCE_ENDS) for line in lines)
    if sentences >= 0.5 * len(lines):
        return False
    cells = sorted(len(c.strip()) for row in csv.reader(lines, delimiter=delimiter) for c in row)
    return cells[len(cells) // 2] <= (40 if width >= 3 else 25)


_SENTENCE_ENDS = (".", "!", "?", "…", "。", "！", "？", ":")
