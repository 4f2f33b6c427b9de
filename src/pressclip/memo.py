"""Bounded caches for pure functions of one string, out of the cyclic GC's way.

``functools.lru_cache`` keeps its entries in a linked list that every full collection of the
cyclic garbage collector walks: with the extractor's caches full, that was about 5 ms of each
20 ms full collection (one every ~90 pages in a long batch). A :class:`Memo` keeps its answers
in a plain dict instead. A dict that holds only atomic values (str, bool, None, numbers) is one
the collector stops tracking, so it is never walked; that is why a memo takes one string and
gives back such a value. It is emptied when full, which bounds its memory, and a hit costs
one dict look-up (less than ``lru_cache``'s bookkeeping).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Final, Generic, TypeVar, cast

__all__ = ["Memo", "memo"]

_V = TypeVar("_V", bound="str | bool | int | float | None")
_MISSING: Final = object()


class Memo(Generic[_V]):
    """``fn`` with its answers kept, up to ``size`` of them (then the cache starts again)."""

    def __init__(self, fn: Callable[[str], _V], size: int) -> None:
        self.fn = fn
        self.size = size
        self.kept: dict[str, _V] = {}

    def __call__(self, key: str) -> _V:
        found = self.kept.get(key, _MISSING)
        if found is not _MISSING:
            return cast(_V, found)
        kept = self.kept
        if len(kept) >= self.size:
            kept.clear()
        value = kept[key] = self.fn(key)
        return value

    def clear(self) -> None:
        self.kept.clear()


def memo(size: int) -> Callable[[Callable[[str], _V]], Memo[_V]]:
    """Decorator: keep up to ``size`` answers of a pure function of one string."""

    def wrap(fn: Callable[[str], _V]) -> Memo[_V]:
        return Memo(fn, size)

    return wrap
