"""The timeline's scene: lanes of shown entries, one LaneLayer item per lane.

Scene coordinates: x in years, y in pixels. The view scales x (pixels per year) with its
transform, so zooming and panning never move an item; only folding or unfolding a lane
restacks the lanes (a handful of items).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QGraphicsScene

from explorer.core.timeline import Entry
from explorer.core.timeline_layout import (
    Lane,
    LaneBox,
    Metrics,
    Place,
    build_lanes,
    places,
    stack_lanes,
    time_order,
    total_height,
)
from explorer.ui.timeline.chrome import HEADER
from explorer.ui.timeline.items import LaneLayer, PaintState
from explorer.ui.timeline.plans import PlanLayer, Planned, planned_in
from explorer.ui.timeline.style import TimelineStyle

PAD_YEARS = 3.0  # room before the first and after the last year shown


class TimelineScene(QGraphicsScene):
    def __init__(self, style: TimelineStyle, parent: object = None) -> None:
        super().__init__(parent)
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)  # a few lanes
        self.state = PaintState(style)
        self.entries: list[Entry] = []
        self.order: list[Entry] = []
        self.lanes: list[Lane] = []
        self.boxes: list[LaneBox] = []
        self.first, self.last = 1955.0, 2030.0
        self.detail = False  # zoomed in far enough that every lane shows every row
        self.unfolded: dict[str, bool] = {}  # a lane the user folded or unfolded by hand
        #: the years whose entries unfolded lanes must show (rows past them are left out)
        self.window: tuple[float, float] | None = None
        #: partnerships whose rows show even in a folded lane (highlighted, focused)
        self.pinned_slugs: frozenset[str] = frozenset()
        self.pinned: dict[str, set[int]] = {}
        self._layers: list[LaneLayer | PlanLayer] = []
        #: the year plans are measured against ("still going in 2026")
        self.this_year = date.today().year
        #: each lane's partnerships whose plan slipped (explorer.ui.timeline.plans)
        self.planned: dict[str, list[Planned]] = {}
        self._where: dict[str, list[Place]] | None = None

    @property
    def metrics(self) -> Metrics:
        return self.state.metrics

    def show_entries(self, entries: Iterable[Entry], by: str, first: float, last: float) -> None:
        """Lay out `entries` in lanes grouped `by` type, domain or partner."""
        self.entries = list(entries)
        self.order = time_order(self.entries)
        self.first, self.last = first - PAD_YEARS, last + PAD_YEARS
        self.lanes = build_lanes(self.entries, by)
        self.planned = planned_in(self.lanes, self.this_year)
        self.state.counts.clear()
        self.pinned = self._pins(self.pinned_slugs)
        self.unfolded = {
            k: v for k, v in self.unfolded.items() if k in {lane.key for lane in self.lanes}
        }
        self.restack()

    def expanded(self, lane: Lane) -> bool:
        return self.unfolded.get(lane.key, self.detail)

    @property
    def where(self) -> dict[str, list[Place]]:
        if self._where is None:
            self._where = places(self.boxes)
        return self._where

    def restack(self, boxes: list[LaneBox] | None = None) -> None:
        """Place the lanes (`boxes` when already worked out) and their layers."""
        self.boxes = boxes or stack_lanes(
            self.lanes, self.expanded, self.metrics, self.window, self.pinned
        )
        self._where = None
        for layer in self._layers:
            self.removeItem(layer)
        self._layers = [LaneLayer(box, self.first, self.last, self.state) for box in self.boxes]
        self._layers += self._plan_layers()
        for layer in self._layers:
            self.addItem(layer)
        height = max(total_height(self.boxes, self.metrics), 40.0)
        self.setSceneRect(QRectF(self.first, -HEADER, self.last - self.first, height + HEADER))

    def _plan_layers(self) -> list[PlanLayer]:
        """Plans versus what happened: a layer for each lane with a slipped plan."""
        return [
            PlanLayer(box, self.planned[box.lane.key], self.first, self.last, self.state)
            for box in self.boxes
            if box.lane.key in self.planned
        ]

    def set_style(self, style: TimelineStyle) -> None:
        self.state.style = style
        self.state.widths.clear()
        self.state.elided.clear()
        self.state.colours.clear()
        self.state.statics.clear()
        self.update()

    def covers(self, first: float, last: float) -> bool:
        return self.window is None or (self.window[0] <= first and last <= self.window[1])

    def set_view(self, detail: bool, window: tuple[float, float], tidy: bool = False) -> bool:
        """Follow the view: fold dense lanes in the overview, unfold them in detail, and
        show every row with something in `window`. Rows only come back while the view moves;
        `tidy` also drops rows that emptied. True when the lanes were restacked."""
        covered = self.covers(*window)
        if detail == self.detail and covered and not tidy:
            return False
        self.detail = detail
        before = [(b.rows, b.folded) for b in self.boxes]
        self.window = window
        after = stack_lanes(self.lanes, self.expanded, self.metrics, window, self.pinned)
        if [(b.rows, b.folded) for b in after] == before:
            return False
        self.restack(after)
        return True

    def toggle_lane(self, key: str) -> None:
        lane = next(lane for lane in self.lanes if lane.key == key)
        self.unfolded[key] = not self.expanded(lane)
        self.restack()

    def unfold(self, key: str) -> None:
        self.unfolded[key] = True
        self.restack()

    def place_of(self, slug: str, prefer_box: int | None = None) -> Place | None:
        """Where `slug` is drawn: in lane box `prefer_box` when it is there too."""
        found = self.where.get(slug, [])
        for place in found:
            if place.box == prefer_box:
                return place
        return found[0] if found else None

    def is_hidden(self, place: Place) -> bool:
        """True when the place's row is folded away or left out."""
        return self.boxes[place.box].line_of(place.row) is None

    def pin(self, slugs: frozenset[str]) -> None:
        """Show the rows of these partnerships even where their lanes are folded."""
        self.pinned_slugs = slugs
        pins = self._pins(slugs)
        if pins != self.pinned:
            self.pinned = pins
            self.restack()

    def _pins(self, slugs: frozenset[str]) -> dict[str, set[int]]:
        pins: dict[str, set[int]] = {}
        for lane in self.lanes:
            rows = {r for r, row in enumerate(lane.rows) if any(e.slug in slugs for e in row)}
            if rows:
                pins[lane.key] = rows
        return pins

    def reveal(self, place: Place) -> None:
        """Show the row of `place`: unfold its lane, widen the window to its years."""
        box, e = self.boxes[place.box], place.entry
        if box.folded:
            self.unfolded[box.lane.key] = True
        if self.window is not None:
            self.window = (min(self.window[0], e.reach_start), max(self.window[1], e.room_end))
        self.restack()

    def row_rect(self, place: Place) -> QRectF:
        """Scene rectangle of a placed entry's row span (x in years, y in pixels)."""
        box = self.boxes[place.box]
        e = place.entry
        top = box.row_top(place.row, self.metrics)
        return QRectF(e.reach_start, top, e.reach_end - e.reach_start, self.metrics.row)
