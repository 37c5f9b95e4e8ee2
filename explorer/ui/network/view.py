"""The partner network view: zoom with the wheel or + and -, pan by dragging, arrows move
from partner to partner, Enter (or a click) opens the selected one. Screen readers hear
the selected partner's name and counts (its accessible name)."""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QApplication, QFrame, QGraphicsScene, QGraphicsView, QToolTip

from explorer.core.network import Network
from explorer.core.network_layout import Point, nearest_in_direction
from explorer.ui.network.item import KIND_TITLES, NetworkItem, NetworkStyle

ZOOM_STEP = 1.4
WHEEL_STEP = 1.15
MIN_ZOOM, MAX_ZOOM = 0.2, 12.0
ARROWS = {
    Qt.Key.Key_Left: (-1.0, 0.0),
    Qt.Key.Key_Right: (1.0, 0.0),
    Qt.Key.Key_Up: (0.0, -1.0),
    Qt.Key.Key_Down: (0.0, 1.0),
}
HELP = (
    "Arrow keys move to the nearest partner that way, Enter opens it, plus and minus zoom, "
    "0 fits everything, Home goes to the partner with most partnerships."
)


class NetworkView(QGraphicsView):
    #: the reader clicked a partner or pressed Enter on it: its slug
    node_activated = Signal(str)
    #: the selection moved with the keyboard: the newly selected slug
    selection_moved = Signal(str)

    def __init__(self, style: NetworkStyle) -> None:
        super().__init__()
        self.setScene(QGraphicsScene(self))
        self.style_ = style
        self.item: NetworkItem | None = None
        self._press: QPointF | None = None
        self._dragging = False
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.FullViewportUpdate)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setAccessibleName("Partner network")
        self.setAccessibleDescription(HELP)

    # -- what is shown ------------------------------------------------------------------------
    def set_network(self, network: Network, at: dict[str, Point]) -> None:
        keep = self.selected
        self.scene().clear()
        self.item = NetworkItem(network, at, self.style_)
        self.scene().addItem(self.item)
        rect = self.item.boundingRect()
        self.scene().setSceneRect(rect.adjusted(-400, -400, 400, 400))
        self.fit_all()
        if keep and keep in at:
            self.select(keep)
        else:
            self._describe(None)

    def set_style(self, style: NetworkStyle) -> None:
        self.style_ = style
        if self.item is not None:
            self.item.style = style
            self.viewport().update()

    @property
    def network(self) -> Network | None:
        return self.item.network if self.item else None

    @property
    def selected(self) -> str | None:
        return self.item.selected if self.item else None

    def select(self, slug: str | None, centre: bool = True) -> bool:
        if self.item is None or (slug is not None and slug not in self.item.at):
            return False
        self.item.selected = slug
        if slug is not None and centre:
            p = self.item.at[slug]
            self.ensureVisible(QRectF(p.x - 40, p.y - 40, 80, 80), 40, 40)
        self._describe(slug)
        self.viewport().update()
        return True

    def centre_selected(self) -> None:
        """Bring the selected partner to the middle of the view."""
        if self.item is not None and self.selected is not None:
            p = self.item.at[self.selected]
            self.centerOn(QPointF(p.x, p.y))

    def _describe(self, slug: str | None) -> None:
        node = self.network.node(slug) if self.network and slug else None
        if node is None:
            self.setAccessibleName("Partner network")
            return
        linked = len(self.network.neighbours(slug)) if self.network and slug else 0
        self.setAccessibleName(
            f"Partner network: {node_summary(node.name, node.kind, node.partnerships, linked)}"
        )

    # -- zoom ---------------------------------------------------------------------------------
    def zoom(self, factor: float) -> None:
        now = self.transform().m11()
        factor = max(MIN_ZOOM / now, min(MAX_ZOOM / now, factor))
        self.scale(factor, factor)

    def fit_all(self) -> None:
        if self.item is not None:
            self.resetTransform()
            self.fitInView(self.item.boundingRect(), Qt.AspectRatioMode.KeepAspectRatio)

    # -- mouse --------------------------------------------------------------------------------
    def node_at(self, pos: QPointF) -> str | None:
        if self.item is None:
            return None
        scale = self.transform().m11() or 1.0
        return self.item.node_at(self.mapToScene(pos.toPoint()), 4.0 / scale)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.setFocus(Qt.FocusReason.MouseFocusReason)
            self._press, self._dragging = event.position(), False
            self._scroll = (self.horizontalScrollBar().value(), self.verticalScrollBar().value())
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            delta = event.position() - self._press
            if delta.manhattanLength() >= QApplication.styleHints().startDragDistance():
                self._dragging = True
            if self._dragging:
                self.horizontalScrollBar().setValue(round(self._scroll[0] - delta.x()))
                self.verticalScrollBar().setValue(round(self._scroll[1] - delta.y()))
            return
        slug = self.node_at(event.position())
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if slug else Qt.CursorShape.OpenHandCursor
        )
        if self.item is not None and slug != self.item.hovered:
            self.item.hovered = slug
            self.viewport().update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        clicked, self._press = not self._dragging, None
        slug = self.node_at(event.position()) if clicked else None
        if slug is not None:
            self.select(slug, centre=False)
            self.node_activated.emit(slug)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.angleDelta().y():
            self.zoom(WHEEL_STEP ** (event.angleDelta().y() / 120))
        event.accept()

    def leaveEvent(self, event: QEvent) -> None:
        if self.item is not None and self.item.hovered is not None:
            self.item.hovered = None
            self.viewport().update()
        super().leaveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            slug = self.node_at(QPointF(event.pos()))
            if slug and self.network and (node := self.network.node(slug)):
                linked = len(self.network.neighbours(slug))
                text = node_summary(node.name, node.kind, node.partnerships, linked)
                QToolTip.showText(
                    event.globalPos(),
                    f"<b>{html.escape(text)}</b><br><i>Click to open</i>",
                    self.viewport(),
                )
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- keyboard -----------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = Qt.Key(event.key())
        if self.item is None or not self.item.at:
            super().keyPressEvent(event)
        elif key in ARROWS:
            self._arrow(ARROWS[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.selected:
            self.node_activated.emit(self.selected)
        elif key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_0:
            self.fit_all()
        elif key == Qt.Key.Key_Home and self.network and self.network.nodes:
            self._move_to(self.network.nodes[0].slug)
        elif key == Qt.Key.Key_Escape and self.selected:
            self.select(None)
        else:
            super().keyPressEvent(event)

    def _arrow(self, direction: tuple[float, float]) -> None:
        assert self.item is not None and self.network is not None
        if self.selected is None:
            target = self.network.nodes[0].slug if self.network.nodes else None
        else:
            target = nearest_in_direction(self.item.at, self.selected, direction)
        if target is not None:
            self._move_to(target)

    def _move_to(self, slug: str) -> None:
        if self.select(slug):
            self.selection_moved.emit(slug)

    # -- painting -----------------------------------------------------------------------------
    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.hasFocus() and painter.device() is self.viewport():
            painter.save()
            painter.resetTransform()
            painter.setPen(QPen(self.style_.accent, 2.0))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            w, h = self.viewport().width(), self.viewport().height()
            painter.drawRect(QRectF(1, 1, w - 2, h - 2))
            painter.restore()

    def focusInEvent(self, event: QEvent) -> None:
        super().focusInEvent(event)  # type: ignore[arg-type]
        self.viewport().update()

    def focusOutEvent(self, event: QEvent) -> None:
        super().focusOutEvent(event)  # type: ignore[arg-type]
        self.viewport().update()


def node_summary(name: str, kind: str, partnerships: int, linked: int) -> str:
    """'NASA, space agency: 88 partnerships, linked to 60 partners'."""
    noun = "partnership" if partnerships == 1 else "partnerships"
    others = "partner" if linked == 1 else "partners"
    what = KIND_TITLES.get(kind, kind).lower()
    return f"{name}, {what}: {partnerships} {noun}, linked to {linked} {others}"
