"""Flattened text to lines with script-agnostic features.

A flattened page is a sequence of lines; blank lines separate blocks. Every later stage works on
:class:`Line` records: the stripped text, the indentation the flattener kept, whether a blank
line precedes it, and cheap measures of how much the line reads like prose. Lengths are
"effective": an ideographic or kana/hangul character counts as several Latin ones, so a
Japanese sentence weighs about what its English translation would.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Final

from pressclip.extractors.text.datelines import is_date_line
from pressclip.signals.credits import has_credit, is_credit_line
from pressclip.signals.wire import is_copyright_line

# Characters of scripts written without spaces between words (CJK ideographs, kana, hangul,
# Thai): each counts as this many Latin characters in the effective length.
WIDE_WEIGHT: Final = 2.5
_NOT_LETTER: Final = re.compile(r"[\W\d_]+")
_NOT_WIDE: Final = re.compile(
    r"[^\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]+"
)
# Sentence ends in many scripts; closing quotes and brackets may follow.
_SENTENCE_END: Final = re.compile(r"[.!?。！？؟।…](?:[\"'”’»)\]]*)(?=\s|$)|[。！？]")
_TERMINAL: Final = re.compile(r"[.!?。！？؟।…:;](?:[\"'”’»)\]]*)$|[\"”»]$")
_SPACES: Final = re.compile(r"[ \t\f\v]+")
_URL_LINE: Final = re.compile(r"^\[?(?:https?://|www\.)\S*\]?$|^\[[^\]]*\]$")
# Link texts glued together by the flattener: "...OptionsThe 49ers", "DetroitHoodline".
_GLUED: Final = re.compile(r"[a-zà-ÿ]{3}[.?!]?[A-Z][a-z]")
_DIGITS: Final = re.compile(r"\d+")
_SEPARATORS: Final = re.compile(r"\s[|•·›»/]\s|\s[|•·›»]$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Line:
    """One non-blank line of the page with its features."""

    index: int  # position among the non-blank lines
    text: str  # stripped, inner white space collapsed
    indent: int  # leading spaces the flattener kept
    gap_before: bool  # a blank line precedes it
    eff_len: float  # effective length (wide characters weigh more)
    words: int
    letters: float  # share of letters among non-space characters
    sentences: int  # sentence ends found
    terminal: bool  # ends like a sentence (or a quote)
    commas: int
    repeats: int  # how many lines of the page have the same text
    url_like: bool  # a bare URL or a bracketed image source
    separators: int  # " | " and similar menu separators
    glued: int  # places where two link texts run together
    shape_repeats: int  # lines of the page with the same text once digits are masked
    copyright: bool
    date_line: bool
    credit: bool  # a credit line, or a caption ending with its credit


def _effective_length(text: str) -> float:
    if text.isascii():
        return float(len(text))
    wide = len(_NOT_WIDE.sub("", text))
    return len(text) - wide + wide * WIDE_WEIGHT


_CREDIT_HINT: Final = re.compile(r"[/(:：=]")


def _credit_like(text: str) -> bool:
    if len(text) > 700 or not _CREDIT_HINT.search(text):
        return False
    return is_credit_line(text) or has_credit(text)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of ``text`` with their features."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    kept: list[tuple[str, int, bool]] = []
    gap = True
    for row in raw:
        stripped = row.strip()
        if not stripped:
            gap = True
            continue
        expanded = row.expandtabs(4)
        indent = len(expanded) - len(expanded.lstrip(" "))
        kept.append((_SPACES.sub(" ", stripped), indent, gap))
        gap = False
    counts = Counter(t for t, _, _ in kept)
    shapes = Counter(_DIGITS.sub("0", t) for t, _, _ in kept)
    lines: list[Line] = []
    for i, (t, indent, gap_before) in enumerate(kept):
        compact = t.replace(" ", "")
        letters = len(_NOT_LETTER.sub("", compact)) / len(compact) if compact else 0.0
        lines.append(
            Line(
                index=i,
                text=t,
                indent=indent,
                gap_before=gap_before,
                eff_len=_effective_length(t),
                words=len(t.split(" ")),
                letters=letters,
                sentences=len(_SENTENCE_END.findall(t)),
                terminal=bool(_TERMINAL.search(t)),
                commas=t.count(",") + t.count("、") + t.count("，"),
                repeats=counts[t],
                url_like=bool(_URL_LINE.match(t)),
                separators=len(_SEPARATORS.findall(t)),
                glued=len(_GLUED.findall(t)),
                shape_repeats=shapes[_DIGITS.sub("0", t)],
                copyright=t.startswith("©") or is_copyright_line(t[:160]),
                date_line=is_date_line(t),
                credit=_credit_like(t),
            )
        )
    return lines
