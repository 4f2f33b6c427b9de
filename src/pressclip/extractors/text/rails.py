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

from pressclip.extractors.text.lines import Line
from pressclip.model import Sponsored, Teaser
from pressclip.signals.reltime import is_relative_time, resolve_text

_TRUNCATED = re.compile(r"(?:\.\.\.|…)$")
_SPONSORED = re.compile(
    r"^(?:sponsored|sponsored (?:articles?|content|stories|links|posts?)"
    r"|promoted(?: stories| content)?"
    r"|paid (?:content|post|partner content)|partner content|advertorial|from our partners"
    r"|anzeigen?|werbung|gesponsert|publicidad|patrocinado|contenido patrocinado|publicidade"
    r"|conteúdo patrocinado|sponsorisé|contenu sponsorisé|publicité|sponsorizzato|pubblicità"
    r"|contenuto sponsorizzato|реклама|партнёрский материал|партнерский материал|広告|pr|광고"
    r"|赞助|推广|gesponsord|advertentie)\s*:?$",
    re.IGNORECASE,
)
MIN_RECORDS = 2
MAX_RECORD_LINES = 4


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
    """A truncated line such as a flattener leaves for an image alt text ("... fire wea...")."""
    return bool(_TRUNCATED.search(line.text)) and line.sentences <= 2


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


def find_rails(
    lines: Sequence[Line], skip: frozenset[int] = frozenset(), reference_time: str | None = None
) -> Rails:
    """Teasers and sponsored items among ``lines`` (ignoring line indexes in ``skip``)."""
    records, headings = _records(lines, skip)
    if len(records) < MIN_RECORDS:
        return Rails()
    related: list[Teaser] = []
    sponsored: list[Sponsored] = []
    used: set[int] = set()
    for record, indexes in records:
        by, headline, description = _roles(record.content)
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
