"""The graphics item of one lane: it paints the lane's visible bars, markers and names.

One item per lane, not one per partnership: with 10,000 partnerships a Python `paint()`
per bar costs more than a frame (docs/decisions/timeline-rendering.md). The lane finds
the few entries in the exposed rectangle by bisection (core.timeline_layout.Lane.visible),
and fills all bars of one colour with one call.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QStaticText, QTransform
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from explorer.core.timeline import MILESTONE_PPY, Entry, cluster_years, place_label
from explorer.core.timeline_layout import Cluster, LaneBox, Metrics, clusters
from explorer.ui.timeline.style import TimelineStyle, text_on

BAR = 14.0  # bar height in pixels
POINT = 5.5  # radius of a one-year point
DIAMOND = 3.5  # half-size of a milestone marker
LABEL_GAP = 6.0  # pixels kept free before the next item of a row
DASHES = [4.0, 3.0]  # planned years: 4 pixels drawn, 3 left out
ROOT_HALF = math.sqrt(0.5)


@dataclass
class PaintState:
    """What every lane needs to paint: shared by the lanes of one scene."""

    style: TimelineStyle
    metrics: Metrics = field(default_factory=Metrics)
    selected: str | None = None
    hovered: str | None = None
    highlighted: frozenset[str] | None = None  # None: no highlight, nothing is faded
    widths: dict[str, float] = field(default_factory=dict)  # name widths in pixels
    elided: dict[tuple[str, int], str] = field(default_factory=dict)
    counts: dict[tuple[str, tuple[int, ...], int], list[Cluster]] = field(default_factory=dict)
    colours: dict[tuple[str, bool, bool], QColor] = field(default_factory=dict)
    statics: dict[tuple[str, bool], QStaticText] = field(default_factory=dict)

    def clusters(self, box: LaneBox, years: int) -> list[Cluster]:
        """The counts of a folded lane (cached until the entries change)."""
        key = (box.lane.key, box.rows, years)
        found = self.counts.get(key)
        if found is None:
            if years == 1:
                found = clusters(box, 1)
            else:  # merge the yearly counts: one pass over the folded entries in all
                merged: dict[int, list[Entry]] = defaultdict(list)
                for cluster in self.clusters(box, 1):
                    merged[int(cluster.start) // years * years].extend(cluster.entries)
                found = [
                    Cluster(float(b), float(b + years), tuple(v)) for b, v in sorted(merged.items())
                ]
            self.counts[key] = found
        return found

    def text_width(self, entry: Entry) -> float:
        width = self.widths.get(entry.slug)
        if width is None:
            width = self.widths[entry.slug] = self.style.fm.horizontalAdvance(entry.name)
        return width

    def fitted(self, entry: Entry, room: float) -> str:
        key = (entry.slug, int(room))
        text = self.elided.get(key)
        if text is None:
            if len(self.elided) > 20_000:
                self.elided.clear()
            text = self.style.fm.elidedText(entry.name, Qt.TextElideMode.ElideRight, room)
            self.elided[key] = text
        return text

    def static(self, text: str, small: bool = False) -> QStaticText:
        """A laid-out text (in the small font when `small`): drawing one is twice as fast
        as drawText."""
        found = self.statics.get((text, small))
        if found is None:
            if len(self.statics) > 40_000:
                self.statics.clear()
            found = self.statics[(text, small)] = QStaticText(text)
            found.setTextFormat(Qt.TextFormat.PlainText)
            found.setPerformanceHint(QStaticText.PerformanceHint.AggressiveCaching)
        return found

    def label_colour(self, kind: str, on_bar: bool, faded: bool) -> QColor:
        key = (kind, on_bar, faded)
        colour = self.colours.get(key)
        if colour is None:
            colour = text_on(self.style.colour(kind)) if on_bar else QColor(self.style.text)
            if faded:
                colour.setAlphaF(0.45)
            self.colours[key] = colour
        return colour

    def faded(self, slug: str) -> bool:
        return self.highlighted is not None and slug not in self.highlighted


Key = tuple[str, bool]  # (partnership type, faded)


class _Batch:
    """Shapes gathered per colour while walking the visible entries, drawn at the end:
    one fill per colour. Planned years are plain rectangles with a dashed outline drawn
    without antialiasing: an antialiased dashed path costs 100 times more."""

    def __init__(self) -> None:
        self.solid: dict[Key, list[QRectF]] = defaultdict(list)
        self.dots: dict[Key, QPainterPath] = defaultdict(QPainterPath)  # one-year points
        self.planned: dict[Key, list[QRectF]] = defaultdict(list)
        self.hollow: dict[Key, QPainterPath] = defaultdict(QPainterPath)  # planned points
        # milestone diamonds as points of a 45°-rotated square pen, in rotated coordinates
        self.marks: dict[Key, list[QPointF]] = defaultdict(list)
        self.on_bar: dict[Key, list[QPointF]] = defaultdict(list)
        self.leads: dict[tuple[str, bool], list[QPointF]] = defaultdict(list)
        self.labels: list[tuple[QPointF, str, QColor]] = []
        self.outlines: list[tuple[QRectF, bool]] = []  # (rect, selected: else hovered)


class LaneLayer(QGraphicsItem):
    """Paints one lane box: rows of bars, then the counts of a folded lane."""

    def __init__(self, box: LaneBox, first: float, last: float, state: PaintState) -> None:
        super().__init__()
        self.box = box
        self.state = state
        self._rect = QRectF(first, 0.0, last - first, box.height)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setPos(0.0, box.top)

    def boundingRect(self) -> QRectF:
        return self._rect

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        exposed = option.exposedRect  # type: ignore[attr-defined]
        world = painter.worldTransform()
        sx, dx, dy = world.m11(), world.dx(), world.dy()
        painter.save()
        painter.setWorldTransform(QTransform())  # device pixels from here on
        batch = _Batch()
        m = self.state.metrics
        lane = self.box.lane
        first_line = max(0, int((exposed.top() - m.header) // m.row))
        last_line = min(self.box.shown_rows - 1, int((exposed.bottom() - m.header) // m.row))
        clip = (exposed.left() * sx + dx, exposed.right() * sx + dx)
        for line in range(first_line, last_line + 1):
            y = m.header + line * m.row + dy
            r = self.box.rows[line]
            row = lane.rows[r]
            for i in lane.visible(r, exposed.left(), exposed.right()):
                self._gather(batch, row[i], lane.slot_end(r, i), y, (sx, dx), clip)
        self._draw(painter, batch)
        if self.box.folded:
            self._paint_counts(painter, exposed, sx, dx, dy)
        painter.restore()

    # -- gathering ---------------------------------------------------------------------------
    def _gather(
        self,
        batch: _Batch,
        e: Entry,
        slot_end: float,
        y: float,
        to_device: tuple[float, float],
        clip: tuple[float, float],
    ) -> None:
        """Queue one entry's shapes; `to_device` is (scale, offset) of x, `clip` the
        exposed device x range (shapes are cut to it, names stay inside it)."""
        sx, dx = to_device
        state = self.state
        key = (e.type, state.highlighted is not None and e.slug not in state.highlighted)
        mid = y + state.metrics.row / 2
        top = mid - BAR / 2
        if e.point:
            cx = (e.start + 0.5) * sx + dx
            path = batch.hollow[key] if e.solid_end <= e.start else batch.dots[key]
            path.addEllipse(QPointF(cx, mid), POINT, POINT)
            left, right = cx - POINT, cx + POINT
        else:
            left, right = e.start * sx + dx, e.end * sx + dx
            solid = e.solid_end * sx + dx
            cut_left, cut_right = max(left, clip[0] - 8), min(right, clip[1] + 8)
            cut_solid = min(solid, cut_right)
            if cut_solid > cut_left + 0.5:
                x = round(cut_left)
                batch.solid[key].append(QRectF(x, round(top), round(cut_solid) - x, BAR))
            if cut_right > max(cut_left, solid) + 0.5:
                start = round(max(cut_left, solid)) + 0.5
                batch.planned[key].append(
                    QRectF(start, round(top) + 0.5, round(cut_right) - start, BAR - 1)
                )
        text = self._name(batch, e, key, slot_end, top, (left, right), to_device, clip)
        if e.milestones and sx >= MILESTONE_PPY:
            self._gather_marks(batch, e, key, mid, (left, right), text, sx, dx)
        if e.slug in (state.selected, state.hovered):
            reach = QRectF(min(left, e.reach_start * sx + dx) - 3, top - 3, 0, BAR + 6)
            reach.setRight(max(right, e.reach_end * sx + dx) + 3)
            batch.outlines.append((reach, e.slug == state.selected))

    def _name(
        self,
        batch: _Batch,
        e: Entry,
        key: Key,
        slot_end: float,
        top: float,
        bar: tuple[float, float],
        to_device: tuple[float, float],
        clip: tuple[float, float],
    ) -> QRectF | None:
        """Queue the name of an entry; where only a milestone's lead line is in view, the
        name goes there."""
        sx, dx = to_device
        left, right = bar
        slot_right = min(slot_end * sx + dx - LABEL_GAP, clip[1] + 2000)
        if e.reach_start * sx + dx < clip[0] and left > clip[1] - 40:
            return self._gather_label(
                batch, e, key, min(left, slot_right), top, clip[0], clip[0] + 1, clip[0], clip[0]
            )
        return self._gather_label(
            batch,
            e,
            key,
            slot_right,
            top,
            max(left, clip[0]),
            right,
            e.solid_end * sx + dx,
            clip[0],
        )

    def _gather_marks(
        self,
        batch: _Batch,
        e: Entry,
        key: tuple[str, bool],
        mid: float,
        bar: tuple[float, float],
        text: QRectF | None,
        sx: float,
        dx: float,
    ) -> None:
        """Diamonds at milestone years, except under the name (the tooltip lists them)."""
        left, right = bar
        solid = e.solid_end * sx + dx
        for year in e.milestones:
            cx = year * sx + dx
            if e.point and abs(cx - (left + right) / 2) < POINT:
                continue
            if text is not None and text.left() - DIAMOND - 1 <= cx <= text.right() + DIAMOND:
                continue
            inside = left + DIAMOND <= cx <= min(right, solid) - DIAMOND
            # the square pen is drawn in coordinates turned by 45°
            (batch.on_bar if inside else batch.marks)[key].append(
                QPointF(ROOT_HALF * (cx + mid), ROOT_HALF * (mid - cx))
            )
            if cx < left:
                batch.leads[key] += [QPointF(cx, mid), QPointF(left, mid)]
            elif cx > right:
                batch.leads[key] += [QPointF(right, mid), QPointF(cx, mid)]

    def _gather_label(
        self,
        batch: _Batch,
        e: Entry,
        key: Key,
        slot_right: float,
        top: float,
        left: float,
        right: float,
        solid: float,
        clip_left: float,
    ) -> QRectF | None:
        """Queue the name where it fits, between `left` and `slot_right` (a bar that starts
        left of the view keeps its name at the view's edge); returns its rectangle."""
        state = self.state
        width = state.text_width(e)
        place = place_label(left, right, slot_right, width)
        if place.where == "none" or (place.where == "beside" and right <= clip_left):
            return None  # no room, or the bar is out of view on the left
        text = e.name if width <= place.width else state.fitted(e, place.width)
        if not text or text == "…":
            return None
        shown = min(width, place.width)
        rect = QRectF(place.x, top - 2, shown + 1, BAR + 4)
        on_solid = place.where == "inside" and not e.point and place.x + shown <= solid
        batch.labels.append(
            (
                QPointF(place.x, top + (BAR - state.style.fm.height()) / 2),
                text,
                state.label_colour(e.type, on_solid, key[1]),
            )
        )
        return rect

    # -- drawing -----------------------------------------------------------------------------
    def _draw(self, painter: QPainter, batch: _Batch) -> None:
        style = self.state.style
        self._draw_planned(painter, batch)
        for (kind, faded), path in batch.hollow.items():
            painter.setPen(QPen(self._colour(kind, faded), 1.5))
            painter.setBrush(style.base)
            painter.drawPath(path)
        painter.setPen(Qt.PenStyle.NoPen)
        for (kind, faded), path in batch.dots.items():
            painter.fillPath(path, self._colour(kind, faded))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for (kind, faded), rects in batch.solid.items():
            painter.setBrush(self._colour(kind, faded))
            painter.drawRects(rects)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        for (kind, faded), points in batch.leads.items():
            painter.setPen(QPen(self._colour(kind, faded), 1.0, Qt.PenStyle.DotLine))
            painter.drawLines(points)
        self._draw_diamonds(painter, batch)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        for rect, selected in batch.outlines:  # in the text colour: unlike any bar
            painter.setPen(QPen(style.text if selected else style.muted, 2.5 if selected else 1.2))
            painter.drawRoundedRect(rect, 5, 5)
        painter.setFont(style.font)
        current = None
        for point, text, colour in sorted(batch.labels, key=lambda label: id(label[2])):
            if colour is not current:
                painter.setPen(colour)
                current = colour
            painter.drawStaticText(point, self.state.static(text))

    def _draw_planned(self, painter: QPainter, batch: _Batch) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for (kind, faded), rects in batch.planned.items():
            colour = self._colour(kind, faded)
            fill = QColor(colour)
            fill.setAlphaF(fill.alphaF() * 0.22)
            pen = QPen(colour, 1.0, Qt.PenStyle.CustomDashLine)
            pen.setDashPattern(DASHES)
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRects(rects)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)

    def _draw_diamonds(self, painter: QPainter, batch: _Batch) -> None:
        painter.save()
        painter.rotate(45)
        for marks, on_bar in ((batch.marks, False), (batch.on_bar, True)):
            for (kind, faded), points in marks.items():
                if on_bar:
                    colour = text_on(self.state.style.colour(kind))
                    colour.setAlphaF(0.85 if not faded else 0.4)
                else:
                    colour = self._colour(kind, faded)
                pen = QPen(colour, DIAMOND * 2 * ROOT_HALF)
                pen.setCapStyle(Qt.PenCapStyle.SquareCap)
                painter.setPen(pen)
                painter.drawPoints(points)
        painter.restore()

    def _colour(self, kind: str, faded: bool) -> QColor:
        colour = QColor(self.state.style.colour(kind))
        if faded:
            colour.setAlphaF(0.22)
        return colour

    def _paint_counts(
        self, painter: QPainter, exposed: QRectF, sx: float, dx: float, dy: float
    ) -> None:
        """The row of counts under a folded lane: '+12 more' per period."""
        m, style = self.state.metrics, self.state.style
        top = m.header + self.box.shown_rows * m.row + dy + 3
        height = m.overflow - 6
        fm = style.fm_small
        pills: list[QRectF] = []
        texts = []
        for found in self.state.clusters(self.box, cluster_years(sx)):
            if found.end < exposed.left() or found.start > exposed.right():
                continue
            x = round(found.start * sx + dx) + 2
            rect = QRectF(x, round(top), round(found.end * sx + dx) - 2 - x, height)
            pills.append(rect)
            label = f"+{found.count} more"
            width = fm.horizontalAdvance(label)
            if width + 8 > rect.width():
                label = f"+{found.count}"
                width = fm.horizontalAdvance(label)
            texts.append(
                (QPointF(rect.center().x() - width / 2, top + (height - fm.height()) / 2), label)
            )
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(style.badge)
        painter.drawRects(pills)
        painter.setFont(style.small)
        painter.setPen(style.badge_text)
        for point, label in texts:
            painter.drawStaticText(point, self.state.static(label, small=True))
