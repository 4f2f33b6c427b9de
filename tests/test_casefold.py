"""Lower-casing that stands in for case-insensitive search (signals.casefold)."""

from __future__ import annotations

import pytest

from pressclip.signals.casefold import lowered_for_search


@pytest.mark.parametrize(
    "text", ["Plain ASCII", "Café Münster", "“Quoted” — Ελλάδα", "中文 TEXT", "", "ǅungla"]
)
def test_a_text_without_a_trap_letter_is_lowered(text: str) -> None:
    assert lowered_for_search(text) == text.lower()


@pytest.mark.parametrize("trap", list("\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85"))
def test_a_trap_letter_sends_the_text_to_the_case_insensitive_search(trap: str) -> None:
    assert lowered_for_search(f"Some words {trap} here") is None
    assert lowered_for_search(trap) is None
