"""Pages from files, directories and standard input."""

from __future__ import annotations

import logging
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from pressclip._errors import InputError, LimitExceededError
from pressclip.sources.page import Page

logger = logging.getLogger(__name__)

SUFFIXES = (".html", ".htm", ".txt", ".xhtml")
STDIN = "-"
_GZIP_MAGIC = b"\x1f\x8b"


def _wanted(path: Path) -> bool:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return name.endswith(SUFFIXES)


def iter_paths(paths: Iterable[str]) -> Iterator[str]:
    """Expand the inputs as given: a directory becomes its page files, recursively, sorted."""
    for given in paths:
        path = Path(given)
        if given != STDIN and path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p))
            yield from (str(p) for p in found)
        else:
            yield given


def read_page(source: str, *, max_bytes: int, url: str | None = None) -> Page:
    """Read one input, gunzipping gzip data; never holds more than ``max_bytes`` (+1) of it."""
    if source == STDIN:
        data = _read(sys.stdin.buffer, max_bytes)
    else:
        path = Path(source)
        try:
            if not path.exists():
                raise InputError("no such file")
            if not path.is_file():
                raise InputError("not a regular file")
            with path.open("rb") as fh:
                data = _read(fh, max_bytes)
        except OSError as exc:
            raise InputError(f"cannot read it ({exc.strerror or exc})") from None
    if data[:2] == _GZIP_MAGIC:  # by content: a misnamed file is read for what it is
        data = gunzip(data, max_bytes)
    return Page(source=source, data=data, url=url)


def _read(stream: BinaryIO, max_bytes: int) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise LimitExceededError("max_bytes", f"input is over the limit of {max_bytes:,} bytes")
    return data


def gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data (all members) without letting a gzip bomb past ``max_bytes``."""
    out: list[bytes] = []
    size = 0
    while data[:2] == _GZIP_MAGIC:
        decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
        try:
            chunk = decomp.decompress(data, max_bytes + 1 - size)
        except zlib.error as exc:
            raise InputError(f"corrupt gzip data ({exc})") from None
        size += len(chunk)
        if size > max_bytes:
            raise LimitExceededError(
                "max_bytes", f"decompressed input is over the limit of {max_bytes:,} bytes"
            )
        out.append(chunk)
        if not decomp.eof:
            logger.warning("truncated gzip data: keeping the %d bytes that decompress", size)
            break
        data = decomp.unused_data.lstrip(b"\x00")
    return b"".join(out)
