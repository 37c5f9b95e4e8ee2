"""The timeline view: a QGraphicsView that zooms the time axis around the cursor, pans by
dragging, steps through partnerships with the keyboard and paints a sticky header."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsView, QToolTip, QWidget

from explorer.core.eras import ERAS, Era, era_bands
from explorer.core.timeline import (
    MAX_PPY,
    OVERVIEW_PPY,
    TimeScale,
    cluster_years,
    ticks,
)
from explorer.core.timeline_layout import Hit, Place, hit_test
from explorer.ui.timeline.chrome import (
    HEADER,
    Frame,
    era_at,
    paint_background,
    paint_header,
    paint_lane_titles,
    sticky_top,
)
from explorer.ui.timeline.keys import handle_key
from explorer.ui.timeline.scene import TimelineScene
from explorer.ui.timeline.tips import cluster_tip, entry_tip

TIDY_MS = 250  # after the view stops moving, rows that emptied are dropped
WHEEL_STEP = 1.2  # one notch of the mouse wheel


class TimelineView(QGraphicsView):
    #: the user clicked a partnership: its slug
    entry_clicked = Signal(str)
    #: the user pressed Enter on the selected partnership, or double-clicked it: its slug
    entry_activated = Signal(str)
    #: the selection moved with the keyboard: the newly selected slug
    selection_moved = Signal(str)
    #: the years shown or the zoom changed
    window_changed = Signal()

    def __init__(
        self,
        scene: TimelineScene,
        today: float,
        eras: tuple[Era, ...] = ERAS,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(scene, parent)
        self.timeline = scene
        self.today = today
        self.eras = eras
        self._box: int | None = None  # lane box of the selection (grouped by partner: one copy)
        self._press: QPointF | None = None
        self._press_scroll = (0, 0)
        self._dragging = False
        self._fitted = False
        self._tidy = QTimer(self, singleShot=True, interval=TIDY_MS)
        self._tidy.timeout.connect(lambda: self._follow(tidy=True))
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setOptimizationFlags(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.viewport().setMouseTracking(True)
        self.setAccessibleName("Timeline")
        self.setAccessibleDescription(
            "Partnerships on a time axis. Left and right arrows step through them in time "
            "order, up and down move between rows, Enter opens the selected one, plus and "
            "minus zoom, 0 fits everything, Control with arrows pans."
        )
        self.horizontalScrollBar().valueChanged.connect(self._on_scroll_value_changed)
        self.verticalScrollBar().valueChanged.connect(self._on_scroll_value_changed)

    # -- the scale --------------------------------------------------------------------------
    def time_scale(self) -> TimeScale:
        return TimeScale(self.mapToScene(QPoint(0, 0)).x(), self.transform().m11())

    def min_ppy(self) -> float:
        return max(
            0.5, self.viewport().width() / max(self.timeline.last - self.timeline.first, 1.0)
        )

    def set_time_scale(self, scale: TimeScale) -> None:
        """Show the axis at `scale` (clamped to the zoom limits and the scene's ends)."""
        ppy = min(MAX_PPY, max(self.min_ppy(), scale.ppy))
        self.setTransform(QTransform.fromScale(ppy, 1.0))
        self.horizontalScrollBar().setValue(round(scale.left * ppy))
        self._follow()
        self._tidy.start()
        self.viewport().update()
        self.window_changed.emit()

    def zoom_at(self, factor: float, x: float) -> None:
        """Zoom by `factor`, keeping the year under viewport pixel `x` where it is."""
        self.set_time_scale(self.time_scale().zoomed(factor, x, self.min_ppy(), MAX_PPY))

    def zoom(self, factor: float) -> None:
        self.zoom_at(factor, self.viewport().width() / 2)

    def fit_all(self) -> None:
        """Show every year from the first partnership to the last."""
        first, last = self.data_range()
        self.set_time_scale(TimeScale.fit(first, last, self.viewport().width()))
        self.verticalScrollBar().setValue(self.verticalScrollBar().minimum())

    def show_years(self, first: float, last: float) -> None:
        self.set_time_scale(TimeScale.fit(first, last, self.viewport().width()))

    def data_range(self) -> tuple[float, float]:
        entries = self.timeline.entries
        if not entries:
            return 1957.0, self.today + 1
        first = min(e.reach_start for e in entries)
        last = max(max(e.reach_end for e in entries), self.today)
        return first, last

    def window(self) -> tuple[float, float]:
        return self.time_scale().window(self.viewport().width())

    def _follow(self, tidy: bool = False) -> None:
        """Let the lanes follow the view (fold when zoomed out, unfold when zoomed in, show
        the rows that have something in view, `tidy` away emptied ones), keeping the lane
        at the top of the view where it is."""
        first, last = self.window()
        margin = last - first  # a screen's width on each side: panning there needs no restack
        detail = self.transform().m11() >= OVERVIEW_PPY
        anchor = self._vertical_anchor()
        if self.timeline.set_view(detail, (first - margin, last + margin), tidy):
            self._restore_anchor(anchor)

    def _vertical_anchor(self) -> tuple[str, float] | None:
        y = self.mapToScene(QPoint(0, 0)).y() + HEADER
        for box in self.timeline.boxes:
            if box.top <= y < box.bottom + self.timeline.metrics.gap:
                return box.lane.key, y - box.top
        return None

    def _restore_anchor(self, anchor: tuple[str, float] | None) -> None:
        if anchor is None:
            return
        for box in self.timeline.boxes:
            if box.lane.key == anchor[0]:
                y = box.top + min(anchor[1], box.height) - HEADER
                self.verticalScrollBar().setValue(round(y))

    def restack(self, action: object = None) -> None:
        """Run `action` (which restacks lanes) keeping the view's top lane in place."""
        anchor = self._vertical_anchor()
        if callable(action):
            action()
        self._restore_anchor(anchor)
        self.viewport().update()

    # -- selection ----------------------------------------------------------------------------
    @property
    def selected(self) -> str | None:
        return self.timeline.state.selected

    def select(self, slug: str | None, box: int | None = None, reveal: bool = True) -> bool:
        """Select a partnership (unfolding its lane if needed) and scroll it into view."""
        if slug is None:
            self.timeline.state.selected = None
            self.viewport().update()
            return True
        place = self.timeline.place_of(slug, box if box is not None else self._box)
        if place is None:
            return False
        if self.timeline.is_hidden(place):
            self.restack(lambda: self.timeline.reveal(place))
            place = self.timeline.place_of(slug, place.box) or place
        self.timeline.state.selected = slug
        self._box = place.box
        if reveal:
            self.ensure_shown(place)
        self.viewport().update()
        return True

    def ensure_shown(self, place: Place) -> None:
        """Scroll (and zoom out if need be) so that the placed bar is in view."""
        e = place.entry
        width = self.viewport().width()
        scale = self.time_scale()
        first, last = scale.window(width)
        if e.reach_start < first or e.start + min(e.end - e.start, 2.0) > last:
            span = e.reach_end - e.reach_start
            if span * scale.ppy > width * 0.8:
                scale = TimeScale(e.reach_start - 0.1 * width / scale.ppy, scale.ppy)
            else:
                scale = scale.centred_on((e.reach_start + e.reach_end) / 2, width)
            self.set_time_scale(scale)
        rect = self.timeline.row_rect(place)
        top = self.mapToScene(QPoint(0, 0)).y()
        visible_top = top + HEADER + self.timeline.metrics.header
        visible_bottom = top + self.viewport().height()
        if rect.top() < visible_top or rect.bottom() > visible_bottom:
            target = rect.center().y() - (self.viewport().height() + HEADER) / 2
            self.verticalScrollBar().setValue(round(target))

    def move_selection(self, slug: str, box: int | None = None) -> None:
        """Select `slug` as the keyboard does: scroll to it and tell listeners."""
        if self.select(slug, box):
            self.selection_moved.emit(slug)

    @property
    def selected_box(self) -> int | None:
        return self._box

    # -- hit testing --------------------------------------------------------------------------
    def hit_at(self, pos: QPointF) -> Hit | None:
        if pos.y() < HEADER:
            return None
        top = self.mapToScene(QPoint(0, 0)).y()
        y = top + pos.y()
        m = self.timeline.metrics
        for box in self.timeline.boxes:
            title = sticky_top(box, top + HEADER, m)
            if box.top <= y < box.bottom and title <= y < title + m.header:
                return Hit("header", box)
        scale = self.time_scale()
        return hit_test(
            self.timeline.boxes,
            scale.year(pos.x()),
            y,
            6.0 / scale.ppy,
            cluster_years(scale.ppy),
            m,
            self.timeline.state.clusters,
        )

    # -- mouse ----------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self._press = event.position()
        self._press_scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        self._dragging = False

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position() - self._press
            if (
                not self._dragging
                and delta.manhattanLength() >= QApplication.styleHints().startDragDistance()
            ):
                self._dragging = True
                self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            if self._dragging:
                self.horizontalScrollBar().setValue(round(self._press_scroll[0] - delta.x()))
                self.verticalScrollBar().setValue(round(self._press_scroll[1] - delta.y()))
            return
        self._hover(event.position())

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        clicked = not self._dragging
        self._press, self._dragging = None, False
        self._hover(event.position())
        if clicked:
            self._click(event.position())

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        hit = self.hit_at(event.position())
        if hit is not None and hit.entry is not None:
            self.entry_activated.emit(hit.entry.slug)

    def leaveEvent(self, event: QEvent) -> None:
        if self.timeline.state.hovered is not None:
            self.timeline.state.hovered = None
            self.viewport().update()
        super().leaveEvent(event)

    def _hover(self, pos: QPointF) -> None:
        hit = self.hit_at(pos)
        slug = hit.entry.slug if hit is not None and hit.entry is not None else None
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if hit is not None else Qt.CursorShape.OpenHandCursor
        )
        if slug != self.timeline.state.hovered:
            self.timeline.state.hovered = slug
            self.viewport().update()

    def _click(self, pos: QPointF) -> None:
        hit = self.hit_at(pos)
        if hit is None:
            return
        if hit.kind == "entry" and hit.entry is not None:
            self.select(hit.entry.slug, hit.box.index, reveal=False)
            self.entry_clicked.emit(hit.entry.slug)
        elif hit.kind == "cluster":
            self.restack(lambda: self.timeline.unfold(hit.box.lane.key))
        elif hit.kind == "header" and len(hit.box.lane.rows) > self.timeline.metrics.collapsed_rows:
            self.restack(lambda: self.timeline.toggle_lane(hit.box.lane.key))

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        if delta.x() and not delta.y():
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
        elif shift:
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
        elif delta.y():
            self.zoom_at(WHEEL_STEP ** (delta.y() / 120), event.position().x())
        event.accept()

    # -- keyboard -------------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not handle_key(self, Qt.Key(event.key()), event.modifiers()):
            super().keyPressEvent(event)

    # -- tooltips ---------------------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self._tip(QPointF(event.pos()))
            if text:
                QToolTip.showText(event.globalPos(), text, self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    def _tip(self, pos: QPointF) -> str:
        era = era_at(self.frame(), pos.x(), pos.y())
        if era is not None:
            return f"<b>{html.escape(era.era.label())}</b><br>{html.escape(era.era.summary())}"
        hit = self.hit_at(pos)
        if hit is None:
            return ""
        if hit.entry is not None:
            return entry_tip(hit.entry, len(self.timeline.where.get(hit.entry.slug, ())))
        if hit.cluster is not None:
            return cluster_tip(hit.cluster, hit.box.lane.title)
        return ""

    # -- painting ---------------------------------------------------------------------------------
    def frame(self) -> Frame:
        scale = self.time_scale()
        width, height = self.viewport().width(), self.viewport().height()
        first, last = scale.window(width)
        return Frame(
            scale,
            width,
            height,
            self.mapToScene(QPoint(0, 0)).y(),
            tuple(ticks(first, last, scale.ppy)),
            tuple(era_bands(self.eras, self.today, self.timeline.last)),
            self.today,
        )

    def _to_viewport(self, painter: QPainter) -> None:
        inverse, _ = self.viewportTransform().inverted()
        painter.setWorldTransform(inverse * painter.worldTransform())

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        self._to_viewport(painter)
        paint_background(painter, self.timeline.state.style, self.frame())
        painter.restore()

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        painter.save()
        self._to_viewport(painter)
        frame = self.frame()
        style = self.timeline.state.style
        paint_lane_titles(painter, style, frame, self.timeline.boxes, self.timeline.metrics)
        paint_header(painter, style, frame)
        if self.hasFocus() and painter.device() is self.viewport():
            painter.setPen(QPen(style.selection, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(1, 1, frame.width - 2, frame.height - 2))
        painter.restore()

    def resizeEvent(self, event: QEvent) -> None:
        scale = self.time_scale()
        super().resizeEvent(event)  # type: ignore[arg-type]
        if not self._fitted and self.viewport().width() > 100:
            self._fitted = True
            self.fit_all()
        else:
            self.set_time_scale(scale)

    def focusInEvent(self, event: QEvent) -> None:
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def focusOutEvent(self, event: QEvent) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def _on_scroll_value_changed(self, _value: int) -> None:
        if self.scene() is None:  # the scene is being deleted and detaches itself
            return
        if self.sender() is self.horizontalScrollBar():
            self._follow()
        self._tidy.start()
        self.window_changed.emit()
