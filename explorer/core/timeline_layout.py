"""Timeline layout: lanes (grouped by type, domain or partner), packed rows, lanes stacked
from top to bottom, collapsed lanes with counts, hit testing and keyboard order.

Pure Python; x positions are years (see core.timeline), y positions are pixels.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from explorer.core.models import DOMAINS, PARTNERSHIP_TYPES, topic_title
from explorer.core.search import FacetRow, Filters
from explorer.core.timeline import Entry, pack_rows

GROUPINGS = ("type", "domain", "partner")


@dataclass(frozen=True, slots=True)
class Metrics:
    """Vertical sizes, in pixels."""

    header: float = 26.0  # a lane's title row
    row: float = 24.0
    overflow: float = 24.0  # the row of counts under a collapsed lane
    gap: float = 10.0  # between lanes
    collapsed_rows: int = 6  # rows a collapsed lane keeps


@dataclass(slots=True)
class Lane:
    key: str
    title: str
    rows: list[list[Entry]]  # each row in time order; neighbours never overlap
    starts: list[list[float]] = field(default_factory=list)  # reach_start, for bisect
    count: int = 0  # entries in the lane
    above: list[int] = field(default_factory=list)  # entries in the rows above each row
    #: for each whole year from `first_year`, the lowest row that has nothing in it
    depth: list[int] = field(default_factory=list)
    first_year: int = 0

    def __post_init__(self) -> None:
        self.starts = [[e.reach_start for e in row] for row in self.rows]
        self.above = [0]
        for row in self.rows:
            self.above.append(self.above[-1] + len(row))
        self.count = self.above[-1]
        spans = [
            (math.floor(e.reach_start), math.ceil(e.room_end), r)
            for r, row in enumerate(self.rows)
            for e in row
        ]
        if spans:
            self.first_year = min(a for a, _, _ in spans)
            self.depth = [0] * (max(b for _, b, _ in spans) - self.first_year)
            for a, b, r in spans:  # rows in increasing order: the last one wins
                for i in range(a - self.first_year, b - self.first_year):
                    self.depth[i] = r + 1

    def slot_end(self, row: int, index: int) -> float:
        """Where the next item of the row begins (a label must stop before it)."""
        starts = self.starts[row]
        return starts[index + 1] if index + 1 < len(starts) else float("inf")

    def visible(self, row: int, first: float, last: float) -> range:
        """Indexes of the row's items whose room touches first..last."""
        starts = self.starts[row]
        hi = bisect.bisect_left(starts, last)
        # items in a row never overlap, so only the last one starting before `first`
        # can reach into the window (its bar, or its name up to the next item)
        lo = bisect.bisect_left(starts, first) - 1
        return range(max(0, lo), hi)


def lane_keys(entry: Entry, by: str) -> tuple[str, ...]:
    if by == "type":
        return (entry.record.type,)
    if by == "domain":
        return (entry.record.domain,)
    return tuple(dict.fromkeys(x.partner.slug for x in entry.record.partners)) or ("",)


def build_lanes(entries: Iterable[Entry], by: str) -> list[Lane]:
    """Group entries into lanes and pack each lane's rows.

    By type or domain, lanes follow the catalog's order of values; by partner, the partners
    with most partnerships come first, and an entry appears in each of its partners' lanes.
    """
    groups: dict[str, list[Entry]] = defaultdict(list)
    titles: dict[str, str] = {}
    for entry in entries:
        for key in lane_keys(entry, by):
            groups[key].append(entry)
            if by == "partner":
                titles.setdefault(key, _partner_name(entry, key))
    lanes = []
    for key in _lane_order(groups, by, titles):
        members = groups[key]
        rows_of = pack_rows([(e.reach_start, e.room_end) for e in members])
        rows: list[list[Entry]] = [[] for _ in range(max(rows_of, default=-1) + 1)]
        for entry, row in zip(members, rows_of, strict=True):
            rows[row].append(entry)
        for row_items in rows:
            row_items.sort(key=lambda e: e.reach_start)
        lanes.append(Lane(key, titles.get(key) or _title(key, by), rows))
    return lanes


def _partner_name(entry: Entry, key: str) -> str:
    return next((x.partner.name for x in entry.record.partners if x.partner.slug == key), key)


def _title(key: str, by: str) -> str:
    if by == "partner":
        return key or "No partner listed"
    return topic_title(key) if key else "Other"


def _lane_order(groups: Mapping[str, list[Entry]], by: str, titles: Mapping[str, str]) -> list[str]:
    if by == "partner":
        return sorted(groups, key=lambda k: (-len(groups[k]), titles.get(k, k).casefold()))
    known = PARTNERSHIP_TYPES if by == "type" else DOMAINS
    rank = {k: i for i, k in enumerate(known)}
    return sorted(groups, key=lambda k: (rank.get(k, len(rank)), k))


# -- stacking lanes from top to bottom -------------------------------------------------------
@dataclass(frozen=True, slots=True)
class LaneBox:
    """A lane placed on the page: `top` in pixels, the lane rows it shows (`rows`, in order
    from the top) and whether the others are folded into a row of counts."""

    index: int
    lane: Lane
    top: float
    rows: tuple[int, ...]
    folded: bool
    height: float
    hidden: int = 0  # entries in the rows that are not shown

    @property
    def bottom(self) -> float:
        return self.top + self.height

    @property
    def shown_rows(self) -> int:
        return len(self.rows)

    def line_of(self, row: int) -> int | None:
        """Where lane row `row` is shown (0 = the first line under the title), or None."""
        if row < len(self.rows) and self.rows[row] == row:
            return row  # the usual case: the first rows, in order
        try:
            return self.rows.index(row)
        except ValueError:
            return None

    def row_top(self, row: int, metrics: Metrics) -> float:
        """Top of lane row `row` (which must be shown)."""
        line = self.line_of(row)
        return self.top + metrics.header + (line if line is not None else row) * metrics.row


def stack_lanes(
    lanes: list[Lane],
    expanded: Callable[[Lane], bool],
    metrics: Metrics = Metrics(),
    window: tuple[float, float] | None = None,
    pinned: Mapping[str, set[int]] | None = None,
) -> list[LaneBox]:
    """Lanes one under the other.

    A lane that is not expanded keeps its first `collapsed_rows` rows and folds the others
    into one row of counts. An expanded lane, given the `window` of years in view, drops
    its trailing rows that have nothing in that window (rows fill from the top, so this
    never moves what is in view; it saves scrolling past empty rows when zoomed in).
    Rows `pinned` for a lane (highlighted or focused partnerships) show in any case, after
    the others.
    """
    boxes = []
    top = 0.0
    for i, lane in enumerate(lanes):
        count = len(lane.rows)
        folded = not expanded(lane) and count > metrics.collapsed_rows
        if folded:
            first = metrics.collapsed_rows
        elif window is not None:
            first = used_rows(lane, *window)
        else:
            first = count
        extra = sorted(r for r in (pinned or {}).get(lane.key, ()) if first <= r < count)
        rows = (*range(first), *extra)
        folded = folded and len(rows) < count
        height = metrics.header + len(rows) * metrics.row + (metrics.overflow if folded else 0.0)
        hidden = lane.count - lane.above[first] - sum(len(lane.rows[r]) for r in extra)
        boxes.append(LaneBox(i, lane, top, rows, folded, height, hidden))
        top += height + metrics.gap
    return boxes


def used_rows(lane: Lane, first: float, last: float) -> int:
    """How many rows, from the top, it takes to show everything of the lane in first..last
    (at least one). Counted by whole years, so it may keep a row that is empty within the
    window but not within the years it touches."""
    lo = max(0, math.floor(first) - lane.first_year)
    hi = min(len(lane.depth), math.ceil(last) - lane.first_year)
    return max(1, max(lane.depth[lo:hi], default=1))


def total_height(boxes: list[LaneBox], metrics: Metrics = Metrics()) -> float:
    return boxes[-1].bottom + metrics.gap if boxes else 0.0


# -- counts for folded rows -----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Cluster:
    """Partnerships folded away in a lane, counted by the period they start in."""

    start: float
    end: float
    entries: tuple[Entry, ...]

    @property
    def count(self) -> int:
        return len(self.entries)


def clusters(box: LaneBox, years: int) -> list[Cluster]:
    """The folded entries of a lane, grouped by `years`-long buckets of their start."""
    if not box.folded:
        return []
    buckets: dict[int, list[Entry]] = defaultdict(list)
    shown = set(box.rows)
    for r, row in enumerate(box.lane.rows):
        if r not in shown:
            for entry in row:
                buckets[int(entry.start // years * years)].append(entry)
    return [Cluster(float(b), float(b + years), tuple(v)) for b, v in sorted(buckets.items())]


# -- hit testing ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Hit:
    kind: str  # "entry", "cluster" or "header"
    box: LaneBox
    row: int = -1
    entry: Entry | None = None
    cluster: Cluster | None = None


def box_at(boxes: list[LaneBox], y: float) -> LaneBox | None:
    tops = [b.top for b in boxes]
    i = bisect.bisect_right(tops, y) - 1
    if i >= 0 and boxes[i].top <= y < boxes[i].bottom:
        return boxes[i]
    return None


def hit_test(
    boxes: list[LaneBox],
    year: float,
    y: float,
    tolerance: float,
    cluster_span: int,
    metrics: Metrics = Metrics(),
    counted: Callable[[LaneBox, int], list[Cluster]] = clusters,
) -> Hit | None:
    """What is at (year, y): an entry (its bar, markers or the room of its name), a count
    of folded entries, or a lane's title row. `tolerance` is in years; `counted` gives a
    folded lane's counts (core `clusters`, or a cache of it)."""
    box = box_at(boxes, y)
    if box is None:
        return None
    local = y - box.top - metrics.header
    if local < 0:
        return Hit("header", box)
    line = int(local // metrics.row)
    if line >= box.shown_rows:
        for found in counted(box, cluster_span):
            if found.start <= year < found.end:
                return Hit("cluster", box, cluster=found)
        return None
    lane = box.lane
    row = box.rows[line]
    for i in lane.visible(row, year - tolerance, year + tolerance):
        entry = lane.rows[row][i]
        right = min(max(entry.room_end, entry.reach_end + tolerance), lane.slot_end(row, i))
        if entry.reach_start - tolerance <= year < right:
            return Hit("entry", box, row, entry)
    return None


# -- where entries are, and keyboard order ------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Place:
    box: int  # index of the lane box
    row: int
    entry: Entry


def places(boxes: list[LaneBox]) -> dict[str, list[Place]]:
    """Every placement of every slug (several when grouped by partner), lanes in order."""
    found: dict[str, list[Place]] = defaultdict(list)
    for box in boxes:
        for r, row in enumerate(box.lane.rows):
            for entry in row:
                found[entry.slug].append(Place(box.index, r, entry))
    return found


def time_order(entries: Iterable[Entry]) -> list[Entry]:
    """Distinct entries by start, then end, then name: the order arrow keys step through."""
    seen: dict[str, Entry] = {}
    for entry in entries:
        seen.setdefault(entry.slug, entry)
    return sorted(seen.values(), key=lambda e: (e.start, e.end, e.name.casefold(), e.slug))


def step(order: list[Entry], current: str | None, delta: int) -> Entry | None:
    """The entry `delta` steps from `current` in `order` (the first or last when there is
    no current one); None when the order is empty."""
    if not order:
        return None
    slugs = [e.slug for e in order]
    if current not in slugs:
        return order[0] if delta >= 0 else order[-1]
    i = min(len(order) - 1, max(0, slugs.index(current) + delta))
    return order[i]


def nearest_in_row(box: LaneBox, row: int, year: float) -> Entry | None:
    """The entry of a row whose bar is closest to `year` (for up/down keys)."""
    items = box.lane.rows[row] if 0 <= row < len(box.lane.rows) else []
    if not items:
        return None
    return min(
        items,
        key=lambda e: (
            0.0 if e.start <= year < e.end else min(abs(e.start - year), abs(e.end - year))
        ),
    )


# -- filters ---------------------------------------------------------------------------------------
def facet_row(entry: Entry, this_year: int) -> FacetRow:
    p = entry.record
    return FacetRow.make(
        p.slug,
        p.type,
        p.domain,
        p.status,
        p.start_year,
        p.end_year,
        frozenset(x.partner.slug for x in p.partners),
        this_year,
    )


def apply_filters(
    entries: Iterable[Entry], filters: Filters, this_year: int, text_matches: set[str] | None = None
) -> list[Entry]:
    """The entries that pass the filters and, when given, match the search text."""
    kept = []
    for entry in entries:
        if text_matches is not None and entry.slug not in text_matches:
            continue
        if filters.is_empty() or filters.accepts(facet_row(entry, this_year)):
            kept.append(entry)
    return kept
