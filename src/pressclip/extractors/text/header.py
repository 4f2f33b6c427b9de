"""The article header of a flattened page: headline, section, dates, byline, lead image.

The header is the handful of lines just before the body. The headline is the title-like line
there that the page repeats elsewhere (the window title, a closing "back to" line) or, failing
that, the best title-like line closest to the date or byline; a short line right above the
headline is the section. Truncated lines ("... fire automatic wea...") are image alt texts and
lines ending with a credit are captions.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Final

from pressclip.extractors.text.datelines import has_date, parse_date_line
from pressclip.extractors.text.lines import Line
from pressclip.extractors.text.rails import is_alt_line
from pressclip.model import Image
from pressclip.signals.credits import split_credit

HEADER_WINDOW: Final = 14
DISTANCE_COST: Final = 0.05
WORDS_BONUS: Final = 1.0
NEXT_TO_BODY: Final = 0.0
DATE_ABOVE: Final = 3  # lines above the headline searched for the date when none follows it
MAX_DATED_LINE: Final = 120  # a longer line with a date in it is prose, not a date line
REPEAT_BONUS: Final = 1.0  # a line printed twice before the body (breadcrumb and heading, say)
TITLE_WINDOW: Final = 60  # how far back a line repeating the window title may stand
_BYLINE: Final = re.compile(
    r"^(?:by|von|por|par|di|door|av|af|przez|автор[:\s]|text:|texto:|written by)\s+\S",
    re.IGNORECASE,
)
# "... 7:45 am PST by Joe Example": a byline at the end of a date line.
_BY_TAIL: Final = re.compile(
    r"\b(?:by|von|por|par|door)\s+[A-ZÀ-Þ][\w.'’-]+(?:\s+[A-ZÀ-Þ][\w.'’-]+){0,3}\s*$"
)
_TITLE_SEPARATORS: Final = re.compile(r"\s+[|–—-]\s+|\s+::\s+|\s+·\s+")


@dataclass(slots=True)
class Header:
    """What the header lines gave, and which line indexes they used."""

    headline: str | None = None
    section: str | None = None
    date_published: str | None = None
    date_modified: str | None = None
    bylines: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    used: set[int] = field(default_factory=set)
    sources: list[tuple[str, str]] = field(default_factory=list)


def _title_like(line: Line) -> bool:
    return (
        (3 <= line.words <= 40 or (line.words < 3 and line.eff_len >= 15))
        and not line.date_line
        and not line.credit
        and not line.copyright
        and not line.url_like
        and (not line.text.endswith((".", "...", "…")) or line.sentences <= 1)
        and line.eff_len <= 300
        and line.letters >= 0.6
        and not is_alt_line(line)
    )


def _title_segments(lines: Sequence[Line]) -> set[str]:
    """The parts of the page's first line split at title separators ("Headline | Site")."""
    if not lines:
        return set()
    return {p.casefold() for p in _TITLE_SEPARATORS.split(lines[0].text) if len(p) >= 10}


def _repeated_elsewhere(line: Line, segments: set[str], after: set[str]) -> bool:
    """The line recurs as a part of the window title or again after the body starts (short
    lines such as names, and menus printed twice, recur for other reasons)."""
    if line.words < 3 or line.index == 0:
        return False
    return line.text.casefold() in segments or line.text in after


def find_headline(lines: Sequence[Line], body_start: int) -> Line | None:
    """The headline line before ``body_start`` (see the module docstring)."""
    segments = _title_segments(lines)
    after = {line.text for line in lines[body_start:] if line.repeats > 1}
    lo = max(0, body_start - TITLE_WINDOW)
    best: tuple[float, Line] | None = None
    for line in lines[lo:body_start]:
        if not _title_like(line) or _BYLINE.match(line.text):
            continue
        distance = body_start - line.index
        repeated = _repeated_elsewhere(line, segments, after)
        if distance > HEADER_WINDOW and line.text.casefold() not in segments:
            continue
        score = 1.0 - DISTANCE_COST * min(distance, HEADER_WINDOW)
        if repeated:
            score += 2.0
        elif line.repeats > 1 and line.words >= 3:
            score += REPEAT_BONUS
        nxt = lines[line.index + 1] if line.index + 1 < len(lines) else None
        if nxt is not None and (nxt.date_line or _BYLINE.match(nxt.text)):
            score += 1.0
        if line.words >= 4:
            score += WORDS_BONUS
        elif line.words <= 2:
            score -= WORDS_BONUS
        if distance == 1:
            score += NEXT_TO_BODY
        if line.terminal and line.text.endswith("."):
            score -= 0.7
        if best is None or score > best[0]:
            best = (score, line)
    return best[1] if best else None


def _section(lines: Sequence[Line], headline: Line) -> Line | None:
    if headline.index == 0:
        return None
    above = lines[headline.index - 1]
    if above.words <= 4 and not above.terminal and not above.date_line and above.letters >= 0.7:
        return above
    return None


def _display_form(line: Line, lines: Sequence[Line]) -> str:
    """An all-caps label in the form the page writes it elsewhere ("WORLD NEWS" -> "World News")."""
    text = line.text
    if text.isupper():
        for other in lines:
            if other.text.casefold() == text.casefold() and not other.text.isupper():
                return other.text
    return text


def _date_candidate(line: Line) -> bool:
    return line.date_line or (line.eff_len <= MAX_DATED_LINE and has_date(line.text))


def read_header(lines: Sequence[Line], body_start: int) -> Header:
    """Headline, section, dates, bylines and images from the lines before the body."""
    header = Header()
    headline = find_headline(lines, body_start)
    start = max(0, body_start - HEADER_WINDOW)
    if headline is not None:
        header.headline = headline.text
        header.used.add(headline.index)
        header.sources.append(("headline", "text"))
        section = _section(lines, headline)
        if section is not None:
            header.section = _display_form(section, lines)
            header.used.add(section.index)
            header.sources.append(("articleSection", "text"))
        start = headline.index + 1
    above = range(start - 2, max(start - 1 - DATE_ABOVE, -1), -1)
    for i in [*range(start, body_start), *above]:
        line = lines[i]
        if header.date_published is None and _date_candidate(line):
            published, modified = parse_date_line(line.text)
            if published:
                header.date_published, header.date_modified = published, modified
                header.used.add(line.index)
                header.sources.append(("datePublished", "text"))
                if modified:
                    header.sources.append(("dateModified", "text"))
                tail = _BY_TAIL.search(line.text)
                if tail and i >= start:
                    header.bylines.append(tail.group(0).strip())
                continue
        if i >= start and _BYLINE.match(line.text) and line.words <= 12:
            header.bylines.append(line.text)
            header.used.add(line.index)
    header.images.extend(find_images(lines, start, body_start, header.used))
    return header


def find_images(lines: Sequence[Line], start: int, end: int, used: set[int]) -> list[Image]:
    """Images in ``lines[start:end]``: an alt line and/or a caption with its credit."""
    images: list[Image] = []
    i = start
    while i < end:
        line = lines[i]
        alt: str | None = None
        if is_alt_line(line) and i not in used:
            alt = line.text
            used.add(i)
            i += 1
            line = lines[i] if i < end else line
        if i < end and line.credit and i not in used:
            split = split_credit(line.text)
            images.append(Image(alt=alt, caption=split.caption, credit_text=split.credit))
            used.add(i)
        elif alt is not None:
            images.append(Image(alt=alt))
            continue
        i += 1
    return images
