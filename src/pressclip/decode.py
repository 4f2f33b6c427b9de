"""Bytes to text: BOM, declared charset, then content-based detection."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from pressclip._errors import BinaryInputError, EmptyInputError, NotAPageError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_MAGIC = (
    (b"\x89PNG", "PNG image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"BZh", "bzip2 data"),
    (b"\x7fELF", "ELF executable"),
)


def decode(data: bytes) -> tuple[str, str]:
    """Decode page bytes; returns the text and the charset used."""
    if not data.strip():
        raise EmptyInputError("input is empty or white space only")
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(name, errors="replace"), name
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryInputError(f"input is binary ({what}), not a page")
    declared = _declared_charset(data)
    if declared:
        try:
            return data.decode(declared), declared
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200_000]).best()
    if best is None:
        raise BinaryInputError("input is binary data, not a page")
    name = str(best.encoding)
    return data.decode(name, errors="replace"), name


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:65536])
    if not match:
        return None
    label = match.group(1).decode("ascii", "ignore").strip().rstrip(",;").lower()
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def sniff_not_a_page(text: str) -> None:
    """Raise NotAPageError for JSON or CSV text."""
    head = text.lstrip()[:1]
    if head in ("{", "["):
        import json

        try:
            json.loads(text)
        except ValueError:
            return
        raise NotAPageError("input is JSON data, not a page")
