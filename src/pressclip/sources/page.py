"""The unit a source yields."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One page as a source yields it: raw bytes (or text), where it came from, and when."""

    source: str
    data: bytes | str
    url: str | None = None
    fetched_at: str | None = None
