"""Find the article body among the lines of a flattened page.

1. Every line gets a score (:func:`prose_score`): complete sentences and long punctuated lines
   score above zero; page furniture scores below (short menu items, bare URLs, date lines,
   credits, copyright lines, separator-laden strips, link texts glued together, repeated lines).
2. Page-level corrections (:func:`smoothed_scores`): a widget printed twice costs once; prose
   inside a list of dated records (comments, teaser rails) or of records divided by the same
   short line counts for little; prose towards the end of the page (footers, legal text)
   counts for less; a prose line between two furniture lines is pulled down a little.
3. The body is the maximum-sum run of lines (Kadane), bridged over a gap when the prose beyond
   it is a large share of the run (:func:`select_body`); when the flattener kept indentation,
   prose at an indent other than the body's counts for less and the run is chosen again
   (:func:`body_region`).

The constants below were set on the development pages with every fifth page held out; they
are generic (no site, no language) and the held-out figures are reported with them.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from pressclip.extractors.text.lines import Line

SHORT_PENALTY: Final = 1.0  # what a short, non-prose line costs
LONG_SCALE: Final = 70.0  # effective characters per point of a prose line
MAX_LINE_GAIN: Final = 9.0
NEIGHBOUR_WEIGHT: Final = 0.25
SENTENCE_BONUS: Final = 0.8
ECHO_FACTOR: Final = 0.5  # a furniture line repeating one of the two before it
GLUED_FACTOR: Final = 0.35  # "HeadlineThe teaser text": link texts run together
LATE_SHARE: Final = 0.3  # over the last 30 % of the lines prose counts for less,
LATE_FACTOR: Final = 0.3  # ... down to this factor on the last line
COPYRIGHT_PENALTY: Final = 2.0


@dataclass(frozen=True, slots=True, kw_only=True)
class Region:
    """A contiguous run of line indexes ``[start, end)`` and its total score."""

    start: int
    end: int
    score: float


def _is_sentence(line: Line) -> bool:
    """A complete sentence: ends like one and has enough words (or characters, for CJK)."""
    return line.terminal and (line.words >= 5 or line.eff_len >= 30) and line.letters >= 0.6


def prose_score(line: Line) -> float:
    """How much one line, alone, reads like article prose (negative: furniture)."""
    if line.url_like:
        return -1.5 * SHORT_PENALTY
    if line.copyright:
        return -COPYRIGHT_PENALTY * SHORT_PENALTY
    if line.credit:
        return -1.5 * SHORT_PENALTY
    if line.date_line:
        return -2 * SHORT_PENALTY
    length = line.eff_len
    sentence = _is_sentence(line)
    if length < 25 and not sentence:
        return -SHORT_PENALTY * (1.5 if line.shape_repeats > 2 else 1.0)
    gain = min(length / LONG_SCALE, MAX_LINE_GAIN)
    if sentence:
        gain += SENTENCE_BONUS
    factor = 1.0
    if line.sentences == 0 and not line.terminal:
        factor *= 0.35 if length < 120 else 0.6
    if line.letters < 0.6:
        factor *= max(line.letters, 0.1) / 0.6
    if line.separators >= 2:
        factor *= 0.3
    if line.repeats > 1:
        factor *= 0.4
    elif line.shape_repeats > 2:
        factor *= 0.6
    if line.glued:
        factor *= GLUED_FACTOR

    if line.text.endswith(("...", "…")) and line.sentences <= 1:
        factor *= 0.5
    return gain * factor - SHORT_PENALTY


RAIL_MIN_DATES: Final = 3
RAIL_MAX_GAP: Final = 10
RAIL_FACTOR: Final = 0.2


def dated_lists(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Spans ``[start, end)`` of records that each carry a date line (comments, teasers).

    Three or more date lines at most ``RAIL_MAX_GAP`` lines apart mark a list of dated records;
    an article has its date once, near its top.
    """
    dates = [line.index for line in lines if line.date_line]
    spans: list[tuple[int, int]] = []
    group: list[int] = []
    for i in [*dates, 10**9]:
        if group and i - group[-1] > RAIL_MAX_GAP:
            group = _regular(group)
            if len(group) >= RAIL_MIN_DATES:
                period = (group[-1] - group[0]) // (len(group) - 1)
                spans.append((max(0, group[0] - period + 1), min(len(lines), group[-1] + period)))
            group = []
        group.append(i)
    return spans


def _regular(group: list[int]) -> list[int]:
    """Drop leading dates off the list's rhythm: the article's own date just before a rail."""
    if len(group) < RAIL_MIN_DATES + 1:
        return group
    gaps = sorted(b - a for a, b in itertools.pairwise(group))
    typical = gaps[len(gaps) // 2]
    while len(group) > RAIL_MIN_DATES and abs((group[1] - group[0]) - typical) > 1:
        group = group[1:]
    return group


SEPARATOR_MAX_PERIOD: Final = 2


def separated_lists(lines: Sequence[Line]) -> list[tuple[int, int]]:
    """Spans of records divided by the same short line at a regular period.

    "Share | Tweet | Download" after every quote of a quote list, "Reply" after every comment:
    three or more occurrences of one short line, evenly spaced a few lines apart.
    """
    positions: dict[str, list[int]] = {}
    for line in lines:
        if (
            line.repeats >= RAIL_MIN_DATES
            and line.words <= 8
            and line.eff_len >= 6
            and not line.terminal
        ):
            positions.setdefault(line.text, []).append(line.index)
    spans: list[tuple[int, int]] = []
    for found in positions.values():
        run = [found[0]]
        for i in [*found[1:], 10**9]:
            gap = i - run[-1]
            first_gap = run[1] - run[0] if len(run) > 1 else gap
            if gap <= SEPARATOR_MAX_PERIOD and abs(gap - first_gap) <= 1:
                run.append(i)
                continue
            if len(run) >= RAIL_MIN_DATES:
                period = run[1] - run[0]
                spans.append((max(0, run[0] - period + 1), min(len(lines), run[-1] + 1)))
            run = [i]
    return spans


def smoothed_scores(lines: Sequence[Line]) -> list[float]:
    """Line scores, each nudged towards the weaker of its two neighbours."""
    raw = [prose_score(line) for line in lines]
    for i in range(2, len(lines)):
        # a line repeating one of the two before it (a widget printed twice) costs nothing more
        if raw[i] < 0 and lines[i].text in (lines[i - 1].text, lines[i - 2].text):
            raw[i] *= ECHO_FACTOR
    # Footers and legal text close a page: prose counts for less towards the end, falling
    # linearly to LATE_FACTOR over the last LATE_SHARE of the lines.
    n = len(lines)
    for i in range(int(n * (1.0 - LATE_SHARE)), n):
        if raw[i] > 0:
            depth = (i / n - (1.0 - LATE_SHARE)) / LATE_SHARE
            raw[i] *= 1.0 - (1.0 - LATE_FACTOR) * depth
    spans = [*dated_lists(lines), *separated_lists(lines)]
    for start, end in spans:
        for i in range(start, end):
            if raw[i] > 0:
                raw[i] *= RAIL_FACTOR
    out: list[float] = []
    for i, s in enumerate(raw):
        left = raw[i - 1] if i > 0 else -SHORT_PENALTY
        right = raw[i + 1] if i + 1 < len(raw) else -SHORT_PENALTY
        neighbour = max(left, right)
        if s > 0 and neighbour < 0:
            s += NEIGHBOUR_WEIGHT * neighbour * min(1.0, s)
        out.append(s)
    return out


def best_region(scores: Sequence[float]) -> Region | None:
    """The maximum-sum contiguous segment, or None when no line scores above zero."""
    best: Region | None = None
    run_start, run_sum = 0, 0.0
    for i, s in enumerate(scores):
        if run_sum <= 0:
            run_start, run_sum = i, 0.0
        run_sum += s
        if run_sum > 0 and (best is None or run_sum > best.score):
            best = Region(start=run_start, end=i + 1, score=run_sum)
    return best


EXTEND_WEIGHT: Final = 2.0  # how much more prose beyond a gap weighs when deciding to bridge it
EXTEND_MIN_SHARE: Final = 0.4  # ... when it holds at least this share of the main region's score
MAX_GAP_COST: Final = 20.0


def _extension(scores: Sequence[float], start: int, step: int, weight: float, floor: float) -> int:
    """How many lines to add from ``start`` going ``step`` (+1/-1); 0 when not worth it.

    The lines added must hold at least ``floor`` of prose: small prose islands (a teaser, a
    comment) are not worth bridging to, another long stretch of the same article is.
    """
    best, best_len, run, mass = 0.0, 0, 0.0, 0.0
    i, n = start, 0
    while 0 <= i < len(scores):
        s = scores[i]
        run += s * weight if s > 0 else s
        mass += max(s, 0.0)
        n += 1
        if run > best and mass >= floor:
            best, best_len = run, n
        if run < -MAX_GAP_COST * SHORT_PENALTY:
            break
        i += step
    return best_len


def select_body(scores: Sequence[float], weight: float | None = None) -> Region | None:
    """The best region, bridged over gaps to prose runs that outweigh them."""
    weight = EXTEND_WEIGHT if weight is None else weight
    region = best_region(scores)
    if region is None:
        return None
    start, end = region.start, region.end
    floor = EXTEND_MIN_SHARE * region.score
    while weight > 1.0:
        right = _extension(scores, end, 1, weight, floor)
        left = _extension(scores, start - 1, -1, weight, floor)
        if not right and not left:
            break
        end += right
        start -= left
    return Region(start=start, end=end, score=sum(scores[start:end]))


INDENT_FACTOR: Final = 0.6


def body_region(lines: Sequence[Line]) -> tuple[Region | None, list[float]]:
    """The body region and the line scores behind it.

    When the flattener kept indentation, body paragraphs share one indent: after a first pass,
    prose at another indent (nested rails, sidebars) counts for less and the region is chosen
    again.
    """
    scores = smoothed_scores(lines)
    region = select_body(scores)
    if region is None:
        return None, scores
    weight: dict[int, float] = {}
    for line, s in zip(
        lines[region.start : region.end], scores[region.start : region.end], strict=True
    ):
        if s > 0:
            weight[line.indent] = weight.get(line.indent, 0.0) + s
    if len({line.indent for line in lines}) < 2 or not weight:
        return region, scores
    main = max(weight, key=lambda k: weight[k])
    adjusted = [
        s * INDENT_FACTOR if s > 0 and line.indent != main else s
        for line, s in zip(lines, scores, strict=True)
    ]
    return select_body(adjusted) or region, adjusted
