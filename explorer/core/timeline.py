"""Timeline math: years <-> pixels, axis ticks, zoom levels, bar spans and row packing.

Pure Python (no Qt): the timeline view asks this module where things go and draws them.
Years are floats: 1998.0 is the first instant of 1998, so a partnership of 1998-2011
covers [1998.0, 2012.0) and "today" is a fraction of the current year.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from explorer.core.models import PARTNERSHIP_TYPES, Partnership
from explorer.core.plans import plan_marks

#: the furthest out and in the axis zooms (pixels per year)
MIN_PPY = 2.0
MAX_PPY = 2400.0
#: below this zoom the lanes show only their first rows; the rest become counts
OVERVIEW_PPY = 36.0
#: below this zoom milestone markers are left out (they would merge into the bar)
MILESTONE_PPY = 5.0
#: room kept free after a bar's start for its name, when rows are packed (years)
CHAR_YEARS = 0.3
MIN_LABEL_YEARS = 2.0
MAX_LABEL_YEARS = 9.0
#: years kept free between neighbours in a row
ROW_GAP_YEARS = 0.35

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def decimal_year(day: date) -> float:
    """2026-11-26 -> 2026.9 (the fraction of the year gone by at the start of that day)."""
    first = date(day.year, 1, 1)
    length = (date(day.year + 1, 1, 1) - first).days
    return day.year + (day - first).days / length


# -- the scale ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TimeScale:
    """Maps years to horizontal pixels: `left` is the year at x = 0."""

    left: float
    ppy: float  # pixels per year

    def x(self, year: float) -> float:
        return (year - self.left) * self.ppy

    def year(self, x: float) -> float:
        return self.left + x / self.ppy

    def window(self, width: float) -> tuple[float, float]:
        """The years shown across `width` pixels."""
        return self.left, self.year(width)

    def zoomed(
        self, factor: float, at_x: float, lowest: float = MIN_PPY, highest: float = MAX_PPY
    ) -> TimeScale:
        """Zoom by `factor` keeping the year under pixel `at_x` where it is."""
        ppy = min(highest, max(lowest, self.ppy * factor))
        anchor = self.year(at_x)
        return TimeScale(anchor - at_x / ppy, ppy)

    def panned(self, dx: float) -> TimeScale:
        """Move the view `dx` pixels to the right (later years come into view)."""
        return TimeScale(self.left + dx / self.ppy, self.ppy)

    def centred_on(self, year: float, width: float) -> TimeScale:
        return TimeScale(year - width / 2 / self.ppy, self.ppy)

    @classmethod
    def fit(cls, first: float, last: float, width: float, margin: float = 16.0) -> TimeScale:
        """The scale that shows first..last across `width` pixels, `margin` on each side."""
        usable = max(1.0, width - 2 * margin)
        ppy = min(MAX_PPY, max(MIN_PPY, usable / max(last - first, 1e-6)))
        centre = (first + last) / 2
        return cls(centre - width / 2 / ppy, ppy)


# -- axis ticks -----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Tick:
    year: float
    label: str  # empty for minor ticks
    major: bool


#: tick steps in months, coarsest first
STEPS_MONTHS = (1200, 600, 240, 120, 60, 24, 12, 6, 3, 1)


def tick_step(ppy: float, min_px: float) -> int:
    """The finest step (in months) whose ticks are at least `min_px` apart."""
    chosen = STEPS_MONTHS[0]
    for months in STEPS_MONTHS:
        if months / 12 * ppy >= min_px:
            chosen = months
    return chosen


def tick_label(months_from_zero: int, step: int) -> str:
    year, month = divmod(months_from_zero, 12)
    if step >= 12:
        return str(year)
    if month == 0:
        return f"{MONTHS[0]} {year}"
    return MONTHS[month]


def ticks(
    first: float, last: float, ppy: float, label_px: float = 72.0, minor_px: float = 7.0
) -> list[Tick]:
    """Major (labelled) and minor ticks between the years `first` and `last`.

    Labels are at least `label_px` apart: centuries or decades when zoomed out, then
    years, then quarters and months. Minor ticks use the next finer step that stays
    `minor_px` apart.
    """
    major = tick_step(ppy, label_px)
    finer = [s for s in STEPS_MONTHS if s < major and major % s == 0 and s / 12 * ppy >= minor_px]
    minor = finer[0] if finer else major
    lo = math.floor(first * 12 / minor) * minor
    hi = math.ceil(last * 12)
    out = []
    for months in range(lo, hi + 1, minor):
        is_major = months % major == 0
        out.append(Tick(months / 12, tick_label(months, major) if is_major else "", is_major))
    return out


def zoom_level(ppy: float) -> str:
    """'overview' (dense lanes collapse into counts) or 'detail' (every row shown)."""
    return "overview" if ppy < OVERVIEW_PPY else "detail"


def cluster_years(ppy: float, min_px: float = 44.0) -> int:
    """How many years one count badge covers: the smallest of 1, 2, 5, 10, 20, 50 that
    leaves a badge at least `min_px` wide."""
    for years in (1, 2, 5, 10, 20, 50):
        if years * ppy >= min_px:
            return years
    return 100


# -- one partnership on the axis ---------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Entry:
    """Where a partnership sits on the axis (all positions are fractional years)."""

    record: Partnership
    slug: str
    name: str
    type: str
    start: float  # bar start
    end: float  # bar end (exclusive)
    solid_end: float  # the bar is solid up to here and dashed after (planned years)
    point: bool  # a one-year partnership, drawn as a point at start + 0.5
    reach_start: float  # leftmost mark drawn (a milestone can come before the start)
    reach_end: float  # rightmost mark drawn
    milestones: tuple[float, ...]  # marker positions, one per year that has any
    room_end: float  # end of the space kept for the bar and its name, when packing

    def overlaps(self, first: float, last: float) -> bool:
        """True when the bar covers some of the years first..last."""
        return self.start < last and self.end > first


def label_years(name: str) -> float:
    return min(MAX_LABEL_YEARS, max(MIN_LABEL_YEARS, len(name) * CHAR_YEARS))


def entry_for(p: Partnership, today: float) -> Entry:
    """The bar of a partnership: from its start to its end year (inclusive), open ones to
    today; years after today, and every year of a planned one, are dashed."""
    start = float(p.start_year)
    future = [m.year + 1.0 for m in p.milestones if m.year + 1.0 > today]
    if p.end_year is not None:
        end = max(start + 1.0, p.end_year + 1.0)
    else:
        end = max([start + 1.0, today, *future])
    point = p.end_year == p.start_year
    solid_end = start if p.status == "planned" else min(end, max(start, today))
    marks = sorted({m.year + 0.5 for m in p.milestones})
    reach_start = min([start, *(m - 0.5 for m in marks)])
    reach_end = max([end, *(m + 0.5 for m in marks)])
    if p.planned is not None and (plan := plan_marks(p, int(today))) and plan.reach:
        reach_start, reach_end = min(reach_start, plan.reach[0]), max(reach_end, plan.reach[1])
    room_end = max(reach_end, start + label_years(p.name))
    return Entry(
        p,
        p.slug,
        p.name,
        p.type,
        start,
        end,
        solid_end,
        point,
        reach_start,
        reach_end,
        tuple(marks),
        room_end,
    )


def entries_for(partnerships: Iterable[Partnership], today: float) -> list[Entry]:
    """Entries in time order (start, end, name)."""
    found = [entry_for(p, today) for p in partnerships]
    found.sort(key=lambda e: (e.start, e.end, e.name.casefold(), e.slug))
    return found


# -- packing ------------------------------------------------------------------------------
def pack_rows(extents: Sequence[tuple[float, float]], gap: float = ROW_GAP_YEARS) -> list[int]:
    """Give each (start, end) extent a row so that no two in a row overlap.

    Greedy in order of start: each extent takes the lowest-numbered row that is free by
    then. This uses as few rows as the busiest moment needs (interval graph colouring),
    and keeps the top rows full.
    """
    order = sorted(range(len(extents)), key=lambda i: (extents[i][0], extents[i][1], i))
    busy: list[tuple[float, int]] = []  # (free from, row)
    free: list[int] = []
    rows = [0] * len(extents)
    count = 0
    for i in order:
        start, end = extents[i]
        while busy and busy[0][0] <= start:
            heapq.heappush(free, heapq.heappop(busy)[1])
        if free:
            row = heapq.heappop(free)
        else:
            row, count = count, count + 1
        rows[i] = row
        heapq.heappush(busy, (max(end, start) + gap, row))
    return rows


# -- label placement ------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LabelPlace:
    where: str  # "inside", "beside" or "none"
    x: float  # left edge of the text, in pixels
    width: float  # room for the text (it is elided when narrower than the text)


def place_label(
    bar_left: float,
    bar_right: float,
    slot_right: float,
    text_width: float,
    padding: float = 5.0,
    min_width: float = 30.0,
    long_bar: float = 150.0,
) -> LabelPlace:
    """Where a name goes: inside its bar when it fits, or when the bar is long (the name
    stays at the bar's start, elided); else beside it up to the next item in the row
    (`slot_right`); else elided in whichever room is larger. Never past `slot_right`, so
    labels in a row cannot overlap."""
    inside = bar_right - bar_left - 2 * padding
    beside = slot_right - bar_right - 2 * padding
    if text_width <= inside or inside >= min(long_bar, text_width / 2):
        return LabelPlace("inside", bar_left + padding, inside)
    if text_width <= beside:
        return LabelPlace("beside", bar_right + padding, beside)
    if max(inside, beside) < min_width:
        return LabelPlace("none", 0.0, 0.0)
    if inside >= beside:
        return LabelPlace("inside", bar_left + padding, inside)
    return LabelPlace("beside", bar_right + padding, beside)


# -- describing what is shown ------------------------------------------------------------------
def year_span_label(first: float, last: float, slack: float = 0.1) -> str:
    """The years shown from first to last: '1998–2011', or '1998'. A year of which less
    than `slack` shows at either edge does not count."""
    a, b = math.floor(first + slack), math.ceil(last - slack) - 1
    b = max(a, b)
    return str(a) if a == b else f"{a}–{b}"


def describe_window(entries: Iterable[Entry], first: float, last: float) -> str:
    """'1998–2011: 14 partnerships, 9 multilateral, 3 bilateral, 2 public-private'."""
    seen = [e for e in entries if e.overlaps(first, last)]
    span = year_span_label(first, last)
    if not seen:
        return f"{span}: no partnerships shown"
    counts = Counter(e.type for e in seen)
    order = {t: i for i, t in enumerate(PARTNERSHIP_TYPES)}
    parts = [
        f"{n} {t}" for t, n in sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], 9)))
    ]
    noun = "partnership" if len(seen) == 1 else "partnerships"
    return f"{span}: {len(seen)} {noun}, " + ", ".join(parts)
