"""Lower-casing a text so that plain substring tests and case-sensitive patterns can stand in
for case-insensitive regex searches (which re runs alternative by alternative, several times
slower).

That holds for every text but those holding a letter that case-insensitive matching takes for
another letter while str.lower() does not lower it to that letter: the dotted and dotless i
("İ", "ı"), the long s ("ſ") and the old Cyrillic variants of в, д, о, с, т (U+1C80-U+1C85),
found by testing all of Unicode against the patterns that use this. Such a text must go to
the case-insensitive search itself.
"""

from __future__ import annotations

from typing import Final

# (Looked for one by one: a search for a letter the text is too narrow to hold returns at once,
# and the others are fast scans, where testing the set against the text builds a string per
# character.)
_FOLD_TRAPS: Final = tuple("\u0130\u0131\u017f\u1c80\u1c81\u1c82\u1c83\u1c84\u1c85")


def lowered_for_search(text: str) -> str | None:
    """``text`` lower-cased, or None when it holds one of the letters above (search it with
    the case-insensitive pattern instead)."""
    if not text.isascii():
        for trap in _FOLD_TRAPS:
            if trap in text:
                return None
    return text.lower()
