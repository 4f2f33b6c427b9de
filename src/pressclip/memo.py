"""Bounded caches of answers by string, out of the cyclic GC's way.

The extractor keeps what it has worked out about class names, tokens and short texts, as
pages repeat them; in a long batch the caches fill (tens of thousands of entries). The cyclic
garbage collector walks every object it tracks at each full collection (one every ~90 pages),
so how a cache holds its entries decides what each collection costs:

- ``functools.lru_cache`` keeps a linked list of its entries, which is always walked: about
  5 ms of each 20 ms full collection with the extractor's caches full;
- a dict holding only atomic values (str, bool, None, numbers) is one the collector does not
  track, so it is never walked. A dict holding a fresh tuple in each entry is.

:class:`Memo` wraps a pure function of one string whose answers are atomic. :class:`AnswerCache`
keeps answers of any hashable kind (tuples) by number: its dict maps each key to the number of
the answer in a list of the distinct answers, which are few. Both are bounded (a full cache of
keys is emptied), and a hit costs a dict look-up (less than ``lru_cache``'s bookkeeping).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Final, Generic, TypeVar, cast

__all__ = ["AnswerCache", "Memo", "memo"]

_V = TypeVar("_V", bound="str | bool | int | float | None")
_A = TypeVar("_A")
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


def memo(size: int) -> Callable[[Callable[[str], _V]], Memo[_V]]:
    """Decorator: keep up to ``size`` answers of a pure function of one string."""

    def wrap(fn: Callable[[str], _V]) -> Memo[_V]:
        return Memo(fn, size)

    return wrap


class AnswerCache(Generic[_A]):
    """Answers by key, up to ``size`` keys (then the keys start again) and ``size`` distinct
    answers (past that, a new answer is given back but not kept: real pages bring a few
    hundred, so only a hostile input gets there).

    ``get`` gives None for a key not kept, so the answers themselves are never None. Safe to
    share between threads: an answer is in the list before its number is published, and
    numbering a new answer (rare) holds a lock.
    """

    def __init__(self, size: int) -> None:
        self.size = size
        self.numbers: dict[str, int] = {}
        self.answers: list[_A] = []
        self.answer_numbers: dict[_A, int] = {}
        self.numbering = threading.Lock()

    def get(self, key: str) -> _A | None:
        number = self.numbers.get(key)
        return None if number is None else self.answers[number]

    def keep(self, key: str, answer: _A) -> _A:
        number = self.answer_numbers.get(answer)
        if number is None:
            number = self._number(answer)
            if number is None:
                return answer
        numbers = self.numbers
        if len(numbers) >= self.size:
            numbers.clear()
        numbers[key] = number
        return answer

    def _number(self, answer: _A) -> int | None:
        """The number of a new answer, or None when the answers are full."""
        with self.numbering:
            number = self.answer_numbers.get(answer)
            if number is None and len(self.answers) < self.size:
                number = len(self.answers)
                self.answers.append(answer)
                self.answer_numbers[answer] = number
            return number
