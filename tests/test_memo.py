"""The bounded caches of pure string functions (pressclip.memo)."""

from __future__ import annotations

import gc

from pressclip.memo import Memo, memo


def test_memo_answers_as_the_function_and_asks_it_once_per_key() -> None:
    calls: list[str] = []

    @memo(8)
    def shout(text: str) -> str:
        calls.append(text)
        return text.upper()

    assert shout("a") == "A"
    assert shout("a") == "A"
    assert shout("b") == "B"
    assert calls == ["a", "b"]


def test_memo_keeps_false_and_none_answers() -> None:
    calls: list[str] = []

    def nothing(text: str) -> bool | None:
        calls.append(text)
        return None if text else False

    kept = Memo(nothing, 8)
    assert [kept(""), kept(""), kept("x"), kept("x")] == [False, False, None, None]
    assert calls == ["", "x"]


def test_memo_starts_again_when_full() -> None:
    calls: list[str] = []

    def size(text: str) -> int:
        calls.append(text)
        return len(text)

    kept = Memo(size, 3)
    for key in ("a", "bb", "ccc", "dddd"):
        kept(key)
    assert list(kept.kept) == ["dddd"]  # the fourth answer found the cache full
    assert kept("bb") == 2
    assert calls == ["a", "bb", "ccc", "dddd", "bb"]


def test_memo_of_atomic_answers_is_not_walked_by_the_gc() -> None:
    kept = Memo(str.isupper, 100)
    for key in ("A", "b", "C"):
        kept(key)
    gc.collect()
    assert not gc.is_tracked(kept.kept)
