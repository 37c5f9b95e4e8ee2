"""What the timeline draws around its lanes, in viewport pixels: era bands, grid lines and
the today line behind them; the year axis, the era strip and sticky lane titles on top."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPen, QPolygonF

from explorer.core.eras import EraBand
from explorer.core.timeline import Tick, TimeScale
from explorer.core.timeline_layout import LaneBox, Metrics
from explorer.ui.timeline.style import TimelineStyle

AXIS = 26.0  # height of the year labels and ticks
ERA_STRIP = 20.0  # height of the era names under them
HEADER = AXIS + ERA_STRIP + 2.0  # the sticky header over the lanes


@dataclass(frozen=True, slots=True)
class Frame:
    """One paint of the view: its scale, size and where the scene's top is."""

    scale: TimeScale
    width: float
    height: float
    top: float  # scene y at the viewport's top edge
    ticks: tuple[Tick, ...]
    bands: tuple[EraBand, ...]
    today: float


def paint_background(p: QPainter, style: TimelineStyle, f: Frame) -> None:
    p.fillRect(QRectF(0, 0, f.width, f.height), style.base)
    for i, band in enumerate(f.bands):
        left, right = f.scale.x(band.start), f.scale.x(band.end)
        if right > 0 and left < f.width:
            p.fillRect(QRectF(left, HEADER, right - left, f.height - HEADER), style.era[i % 2])
    p.setPen(QPen(style.grid, 1.0))
    for tick in f.ticks:
        if tick.major:
            x = round(f.scale.x(tick.year)) + 0.5
            p.drawLine(QPointF(x, HEADER), QPointF(x, f.height))
    x = f.scale.x(f.today)
    p.setPen(QPen(style.today, 1.5, Qt.PenStyle.DashLine))
    p.drawLine(QPointF(x, HEADER), QPointF(x, f.height))


def paint_header(p: QPainter, style: TimelineStyle, f: Frame) -> None:
    p.fillRect(QRectF(0, 0, f.width, HEADER), style.header)
    p.setFont(style.small)
    for tick in f.ticks:
        x = round(f.scale.x(tick.year)) + 0.5
        if tick.major:
            p.setPen(QPen(style.muted, 1.0))
            p.drawLine(QPointF(x, AXIS - 7), QPointF(x, AXIS))
            if x + 4 >= 0:  # a label cut by the left edge ("955") is left out
                p.setPen(style.text)
                p.drawText(
                    QRectF(x + 4, 2, 120, AXIS - 6),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    tick.label,
                )
        else:
            p.setPen(QPen(style.border, 1.0))
            p.drawLine(QPointF(x, AXIS - 4), QPointF(x, AXIS))
    _paint_eras(p, style, f)
    x = f.scale.x(f.today)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(style.today)
    p.drawPolygon(
        QPolygonF([QPointF(x - 5, HEADER - 7), QPointF(x + 5, HEADER - 7), QPointF(x, HEADER - 1)])
    )
    p.setPen(QPen(style.border, 1.0))
    p.drawLine(QPointF(0, HEADER - 0.5), QPointF(f.width, HEADER - 0.5))


def _paint_eras(p: QPainter, style: TimelineStyle, f: Frame) -> None:
    top = AXIS + 2
    for i, band in enumerate(f.bands):
        left, right = f.scale.x(band.start), f.scale.x(band.end)
        if right < 0 or left > f.width:
            continue
        rect = QRectF(left, top, right - left, ERA_STRIP - 3)
        p.fillRect(rect, style.era[(i + 1) % 2])
        # a name may run on into the gap before the next era
        room = f.scale.x(f.bands[i + 1].start) if i + 1 < len(f.bands) else right
        shown = QRectF(
            max(left, 0.0) + 5, top, min(room, f.width) - max(left, 0.0) - 10, ERA_STRIP - 3
        )
        if shown.width() < 24:
            continue
        text = style.fm_small.elidedText(
            band.era.label(), Qt.TextElideMode.ElideRight, shown.width()
        )
        p.setPen(style.era_text)
        p.drawText(shown, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def era_at(f: Frame, x: float, y: float) -> EraBand | None:
    """The era whose name is at viewport point (x, y), for its tooltip."""
    if not AXIS <= y < HEADER:
        return None
    year = f.scale.year(x)
    return next((b for b in f.bands if b.start <= year < b.end), None)


def sticky_top(box: LaneBox, plot_top: float, metrics: Metrics) -> float:
    """Scene y of a lane's title row: the lane's top, or pinned under the header while the
    lane scrolls past, pushed up by the lane's end."""
    return min(max(box.top, plot_top), box.bottom - metrics.header)


def paint_lane_titles(
    p: QPainter, style: TimelineStyle, f: Frame, boxes: list[LaneBox], metrics: Metrics
) -> None:
    plot_top = f.top + HEADER
    bottom = f.top + f.height
    for box in boxes:
        if box.bottom <= plot_top or box.top >= bottom:
            continue
        y = sticky_top(box, plot_top, metrics) - f.top
        rect = QRectF(0, y, f.width, metrics.header - 2)
        p.fillRect(rect, style.lane_header)
        foldable = len(box.lane.rows) > metrics.collapsed_rows
        chevron = ("▸ " if box.folded else "▾ ") if foldable else ""
        p.setFont(style.bold)
        p.setPen(style.text)
        title = chevron + box.lane.title
        text_rect = rect.adjusted(10, 0, 0, 0)
        p.drawText(text_rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, title)
        advance = p.fontMetrics().horizontalAdvance(title) + 12
        p.setFont(style.small)
        p.setPen(style.muted)
        p.drawText(
            text_rect.adjusted(advance, 0, 0, 0),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            lane_hint(box),
        )


def lane_hint(box: LaneBox) -> str:
    count = box.lane.count
    noun = "partnership" if count == 1 else "partnerships"
    if box.folded:
        return f"{count} {noun} · {box.hidden} folded into counts: click to show all"
    return f"{count} {noun}"
