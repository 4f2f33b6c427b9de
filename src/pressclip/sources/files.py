"""Pages from files, directories and standard input."""

from __future__ import annotations

import gzip
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from pressclip._errors import InputError, LimitExceededError
from pressclip.sources.page import Page

SUFFIXES = (".html", ".htm", ".txt", ".xhtml")
STDIN = "-"


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
    """Read one input, gunzipping ``.gz`` files; never reads more than ``max_bytes``."""
    if source == STDIN:
        data = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        if not path.exists():
            raise InputError("no such file")
        if not path.is_file():
            raise InputError("not a regular file")
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)
    if source.lower().endswith(".gz") or data[:2] == b"\x1f\x8b":
        data = _gunzip(data, max_bytes)
    if len(data) > max_bytes:
        raise LimitExceededError("max_bytes", f"input is over the limit of {max_bytes:,} bytes")
    return Page(source=source, data=data, url=url)


def _gunzip(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data without letting a gzip bomb past ``max_bytes``."""
    decomp = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = decomp.decompress(data, max_bytes + 1)
    except (zlib.error, gzip.BadGzipFile) as exc:
        raise InputError(f"corrupt gzip data ({exc})") from None
    if len(out) > max_bytes:
        raise LimitExceededError(
            "max_bytes", f"decompressed input is over the limit of {max_bytes:,} bytes"
        )
    return out
