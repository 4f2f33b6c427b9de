"""The bounded caches of answers by string (pressclip.memo)."""

from __future__ import annotations

import gc
import sys
import threading

from pressclip.memo import AnswerCache, Memo, memo


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


def test_answer_cache_keeps_one_copy_of_each_answer_and_starts_again_when_full() -> None:
    cache: AnswerCache[tuple[str | None, bool]] = AnswerCache(3)
    for key in ("a", "b", "c"):
        cache.keep(key, ("sidebar", False))
    assert [cache.get(key) for key in ("a", "b", "c", "d")] == [("sidebar", False)] * 3 + [None]
    assert len(cache.answers) == 1
    cache.keep("d", (None, True))  # a fourth key: the keys start again
    assert cache.get("a") is None
    assert cache.get("d") == (None, True)


def test_answer_cache_keeps_no_new_answer_once_its_answers_are_full() -> None:
    cache: AnswerCache[tuple[str, ...]] = AnswerCache(2)
    cache.keep("a", ("x",))
    cache.keep("b", ("y",))
    assert cache.keep("c", ("z",)) == ("z",)  # a third distinct answer: given back, not kept
    assert cache.get("c") is None
    assert cache.answers == [("x",), ("y",)]
    cache.keep("d", ("x",))  # a known answer is still kept for a new key (the keys start again)
    assert cache.get("d") == ("x",)


def test_answer_cache_shared_by_threads_gives_each_key_its_own_answer() -> None:
    cache: AnswerCache[tuple[int, str]] = AnswerCache(100_000)

    def fill(start: int) -> None:
        for number in range(start, start + 2000):
            cache.keep(f"key-{number}", (number, "answer"))

    threads = [threading.Thread(target=fill, args=(start,)) for start in range(0, 8000, 2000)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # (switch threads as often as the interpreter can)
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert all(cache.get(f"key-{number}") == (number, "answer") for number in range(8000))


def test_answer_cache_of_tuples_is_not_walked_by_the_gc() -> None:
    cache: AnswerCache[tuple[bool, tuple[str, ...]]] = AnswerCache(100)
    for number in range(50):
        cache.keep(f"class-{number}", (number % 2 == 0, ("nav",)))
    gc.collect()
    assert not gc.is_tracked(cache.numbers)
