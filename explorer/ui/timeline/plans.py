"""Plans versus what happened, drawn on the timeline: one item per lane that holds a
partnership whose plan slipped, painted over that lane's bars.

A late start is a faint dashed box from the planned start to the actual one, labelled
with the slip ("3 yr late"); an end that moved is a thin line under the bar over the
planned years, a tick where the plan had it end, and the slip in the bar after the tick
("+9 yr"). Where these go is worked out in core (explorer.core.plans.plan_marks); this
item only draws the few that are in view.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from explorer.core.plans import PlanMarks, plan_marks
from explorer.core.timeline import Entry, place_label
from explorer.core.timeline_layout import Lane, LaneBox
from explorer.ui.timeline.items import BAR, PaintState
from explorer.ui.timeline.style import text_on

STRIP = 3.0  # height of the planned-years line under a bar, in pixels
PAD = 4.0


@dataclass(frozen=True, slots=True)
class Planned:
    row: int
    entry: Entry
    marks: PlanMarks


def planned_in(lanes: Iterable[Lane], this_year: int) -> dict[str, list[Planned]]:
    """The entries of each lane whose plan slipped, with where their marks go (worked out
    once when the lanes are built: restacking, which panning can do, only looks them up)."""
    found: dict[str, list[Planned]] = {}
    for lane in lanes:
        for r, row in enumerate(lane.rows):
            for entry in row:
                if entry.record.planned is None:
                    continue
                if marks := plan_marks(entry.record, this_year):
                    found.setdefault(lane.key, []).append(Planned(r, entry, marks))
    return found


class PlanLayer(QGraphicsItem):
    """Paints the plan marks of one lane box (set at the lane's own position)."""

    def __init__(
        self, box: LaneBox, planned: list[Planned], first: float, last: float, state: PaintState
    ) -> None:
        super().__init__()
        self.box = box
        self.planned = planned
        self.state = state
        self._rect = QRectF(first, 0.0, last - first, box.height)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setPos(0.0, box.top)
        self.setZValue(1.0)  # over the lane's bars

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        world = painter.worldTransform()
        sx, dx, dy = world.m11(), world.dx(), world.dy()
        painter.save()
        painter.setWorldTransform(QTransform())  # device pixels, as the lane layer draws
        m = self.state.metrics
        for item in self.planned:
            line = self.box.line_of(item.row)
            if line is None:
                continue  # folded away
            top = m.header + line * m.row + dy + (m.row - BAR) / 2
            self._paint_one(painter, item, top, (sx, dx))
        painter.restore()

    def _paint_one(
        self, painter: QPainter, item: Planned, top: float, to_device: tuple[float, float]
    ) -> None:
        sx, dx = to_device
        e, marks = item.entry, item.marks
        colour = self._colour(e)
        if marks.gap is not None:
            self._paint_gap(painter, marks, top, colour, to_device, self.state.faded(e.slug))
        if marks.strip is not None:
            left, right = marks.strip[0] * sx + dx, marks.strip[1] * sx + dx
            faint = QColor(colour)
            faint.setAlphaF(colour.alphaF() * 0.6)
            painter.fillRect(QRectF(left, top + BAR + 1.0, right - left, STRIP), faint)
        if marks.end_tick is not None:
            x = marks.end_tick * sx + dx
            painter.setPen(QPen(self.state.style.text, 1.5))
            painter.drawLine(QPointF(x, top - 2.0), QPointF(x, top + BAR + STRIP + 1.0))
            self._paint_end_label(painter, e, marks, x, top, to_device)

    def _paint_gap(
        self,
        painter: QPainter,
        marks: PlanMarks,
        top: float,
        colour: QColor,
        to_device: tuple[float, float],
        faded: bool,
    ) -> None:
        assert marks.gap is not None
        sx, dx = to_device
        left, right = marks.gap[0] * sx + dx, marks.gap[1] * sx + dx - 2.0
        if right - left < 3.0:
            return
        fill = QColor(colour)
        fill.setAlphaF(colour.alphaF() * 0.14)
        pen = QPen(colour, 1.0, Qt.PenStyle.DotLine)
        painter.setPen(pen)
        painter.setBrush(fill)
        rect = QRectF(left, top + 0.5, right - left, BAR - 1.0)
        painter.drawRect(rect)
        style = self.state.style
        width = style.fm_small.horizontalAdvance(marks.gap_label)
        if width + 2 * PAD <= rect.width():
            painter.setFont(style.small)
            painter.setPen(style.muted if faded else style.text)
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, marks.gap_label)

    def _paint_end_label(
        self,
        painter: QPainter,
        e: Entry,
        marks: PlanMarks,
        tick: float,
        top: float,
        to_device: tuple[float, float],
    ) -> None:
        """The end slip inside the bar after the tick, clear of the name; left out when
        there is no room (the tooltip and the page say it)."""
        sx, dx = to_device
        style = self.state.style
        left, right = e.start * sx + dx, min(e.end, e.solid_end) * sx + dx
        width = style.fm_small.horizontalAdvance(marks.end_label)
        x = tick + PAD
        name = style.fm.horizontalAdvance(e.name)
        place = place_label(left, e.end * sx + dx, float("inf"), name)
        if place.where == "inside":
            x = max(x, place.x + min(name, place.width) + 2 * PAD)
        if x + width + PAD > right:
            return
        painter.setFont(style.small)
        painter.setPen(text_on(style.colour(e.type)))
        box = QRectF(x, top, width + 1.0, BAR)
        align = Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
        painter.drawText(box, align, marks.end_label)

    def _colour(self, e: Entry) -> QColor:
        colour = QColor(self.state.style.colour(e.type))
        if self.state.faded(e.slug):
            colour.setAlphaF(0.3)
        return colour
