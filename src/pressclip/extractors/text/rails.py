"""Teaser rails and sponsored blocks in the lines after (or around) the article.

A rail is a run of records with the same structure: an optional image alt text (a truncated
line ending in "..."), a byline or sponsor line, a headline, a description and an optional age
line ("9 hours ago"). Alt lines open a record and age lines close one, so either delimits the
records; lines left between records are rail headings. A heading such as "Sponsored",
"Anzeige", "Publicidad", "Реклама" turns the records that follow into sponsored items; any
other heading turns them back into related stories. At least two records make a rail.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pressclip.extractors.text.lines import Line
from pressclip.model import Sponsored, Teaser
from pressclip.signals.reltime import is_relative_time, resolve_text

_TRUNCATED: Final = re.compile(r"(?:\.\.\.|…)$")
_SPONSORED: Final = re.compile(
    r"^(?:sponsored|sponsored (?:articles?|content|stories|links|posts?)"
    r"|promoted(?: stories| content)?"
    r"|paid (?:content|post|partner content)|partner content|advertorial|from our partners"
    r"|anzeigen?|werbung|gesponsert|publicidad|patrocinado|contenido patrocinado|publicidade"
    r"|conteúdo patrocinado|sponsorisé|contenu sponsorisé|publicité|sponsorizzato|pubblicità"
    r"|contenuto sponsorizzato|реклама|партнёрский материал|партнерский материал|広告|pr|광고"
    r"|赞助|推广|gesponsord|advertentie)\s*:?$",
    re.IGNORECASE,
)
MIN_RECORDS: Final = 2
# Texts that are page furniture, not teaser headlines: counters, ratings, file names.
_NOT_TITLE: Final = re.compile(
    r"^\d+\s+\w+$|\.(?:jpe?g|png|gif|webp)$|^rating:|^share\b", re.IGNORECASE
)
MAX_RECORD_LINES: Final = 4


@dataclass(frozen=True, slots=True, kw_only=True)
class Record:
    """One teaser-like record: its alt text, content lines and age line."""

    alt: str | None
    content: tuple[str, ...]
    age: str | None
    sponsored: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Rails:
    """What the rail scan found: teasers, sponsored items and the line indexes they used."""

    related: tuple[Teaser, ...] = ()
    sponsored: tuple[Sponsored, ...] = ()
    used: frozenset[int] = frozenset()
    headings: tuple[str, ...] = ()


def is_alt_line(line: Line) -> bool:
    """A truncated line such as a flattener leaves for an image alt text ("... fire wea..."),
    or an empty one ("...")."""
    if line.text in ("...", "…"):
        return True
    return bool(_TRUNCATED.search(line.text)) and line.sentences <= 2 and line.words >= 4


def is_sponsored_heading(text: str) -> bool:
    return bool(_SPONSORED.match(text.strip()))


def _name_likeness(text: str) -> float:
    words = [w for w in text.split(" ") if w]
    if not words:
        return 0.0
    capital = sum(1 for w in words if w[:1].isupper() or w[:1] in "&,")
    score = capital / len(words)
    if "," in text or " and " in text:
        score += 0.3
    return score - len(words) * 0.03


def _roles(content: Sequence[str]) -> tuple[str | None, str, str | None]:
    """(byline-or-sponsor, headline, description) of a record's content lines."""
    if len(content) == 1:
        return None, content[0], None
    if len(content) == 2:
        first, second = content
        if len(second) > len(first) * 1.5 and second[-1:] in ".!?。":
            return None, first, second
        return first, second, None
    first, second, *rest = content
    description = " ".join(rest)
    if _name_likeness(second) > _name_likeness(first) + 0.2 and len(second) < len(first):
        first, second = second, first
    return first, second, description


def _records(
    lines: Sequence[Line], skip: frozenset[int]
) -> tuple[list[tuple[Record, list[int]]], list[str]]:
    records: list[tuple[Record, list[int]]] = []
    headings: list[str] = []
    alt: Line | None = None
    pending: list[Line] = []
    sponsored = False

    def close(age: Line | None) -> None:
        nonlocal alt, pending
        content = pending
        lead: list[Line] = []
        trail: list[Line] = []
        if alt is None and len(content) > 3:
            # age-closed without an alt: what precedes the last three lines are headings
            lead, content = content[:-3], content[-3:]
        elif alt is not None and age is None and len(content) > 3:
            # alt-opened and not closed by an age: what follows three lines is page furniture
            content, trail = content[:3], content[3:]
        headings.extend(line.text for line in lead)
        if content and len(content) <= MAX_RECORD_LINES and (alt is not None or age is not None):
            used = [line.index for line in content]
            if alt is not None:
                used.append(alt.index)
            if age is not None:
                used.append(age.index)
            record = Record(
                alt=alt.text if alt else None,
                content=tuple(line.text for line in content),
                age=age.text if age else None,
                sponsored=sponsored,
            )
            records.append((record, used))
        else:
            headings.extend(line.text for line in content)
        headings.extend(line.text for line in trail)
        alt, pending = None, []

    for line in lines:
        if line.index in skip:
            continue
        if is_sponsored_heading(line.text):
            if pending or alt:
                close(None)
            sponsored = True
            headings.append(line.text)
            continue
        if is_alt_line(line):
            if alt is not None or pending:
                close(None)
            alt = line
            continue
        if is_relative_time(line.text):
            close(line)
            continue
        pending.append(line)
    if pending or alt:
        close(None)
    return records, headings


def _valid(by: str | None, headline: str, description: str | None) -> bool:
    """Roles that read like a teaser: a title-like headline, a short byline, a longer text."""
    words = len(headline.split())
    if not 2 <= words <= 30 or len(headline) < 15 or headline.endswith((":", ",")):
        return False
    if _NOT_TITLE.search(headline):
        return False
    if by is not None and (len(by.split()) > 12 or by.endswith(".")):
        return False
    return description is None or len(description) >= len(headline) * 0.6


def _byline(by: str | None, headline: str) -> str | None:
    """The byline or sponsor role, or None when that line is no name (a file name, a count,
    the headline's own truncated copy)."""
    if by is None or len(by) < 3 or not any(c.isalpha() for c in by):
        return None
    stem = by.rstrip(".…")
    cut = headline.startswith(stem) and headline[len(stem) : len(stem) + 1].isalnum()
    if _NOT_TITLE.search(by) or cut:
        return None
    if " " not in by and ("-" in by or "_" in by):
        return None
    return by


def _signature(record: Record) -> tuple[int, bool, bool]:
    return len(record.content), record.alt is not None, record.age is not None


def _runs(records: list[tuple[Record, list[int]]]) -> list[tuple[Record, list[int]]]:
    """Records in runs of at least ``MIN_RECORDS`` valid records with the same structure."""
    kept: list[tuple[Record, list[int]]] = []
    run: list[tuple[Record, list[int]]] = []
    for item in [*records, None]:
        valid = item is not None and _valid(*_roles(item[0].content))
        if (
            valid
            and item is not None
            and (not run or _signature(run[-1][0]) == _signature(item[0]))
        ):
            run.append(item)
            continue
        if len(run) >= MIN_RECORDS:
            kept.extend(run)
        run = [item] if valid and item is not None else []
    return kept


def find_rails(
    lines: Sequence[Line], skip: frozenset[int] = frozenset(), reference_time: str | None = None
) -> Rails:
    """Teasers and sponsored items among ``lines`` (ignoring line indexes in ``skip``)."""
    found, headings = _records(lines, skip)
    records = _runs(found)
    if not records:
        return Rails()
    related: list[Teaser] = []
    sponsored: list[Sponsored] = []
    used: set[int] = set()
    for record, indexes in records:
        by, headline, description = _roles(record.content)
        by = _byline(by, headline)
        used.update(indexes)
        if record.sponsored:
            sponsored.append(
                Sponsored(
                    headline=headline, sponsor=by, description=description, image_alt=record.alt
                )
            )
        else:
            related.append(
                Teaser(
                    headline=headline,
                    author=by,
                    description=description,
                    age=record.age,
                    date_created=resolve_text(record.age, reference_time) if record.age else None,
                    image_alt=record.alt,
                )
            )
    return Rails(
        related=tuple(related),
        sponsored=tuple(sponsored),
        used=frozenset(used),
        headings=tuple(headings),
    )
