"""The partner network drawn as one graphics item: links, then nodes, then labels.

Node positions and sizes are scene units (explorer.core.network_layout), so zooming
scales them; lines and labels are drawn in device pixels, so they stay thin and readable
at any zoom. Labels go to the bigger nodes first and are left out where they would
overlap one already drawn; the selected and hovered nodes always get theirs.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPalette,
    QPen,
    QTransform,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from explorer.core.network import Network
from explorer.core.network_layout import Point, radii

#: partner kinds in colours from the Okabe-Ito palette: (light theme, dark theme)
KIND_COLOURS: dict[str, tuple[str, str]] = {
    "space-agency": ("#0072B2", "#56B4E9"),
    "intergovernmental": ("#007A5E", "#3CC8A0"),
    "company": ("#C85200", "#F0A050"),
    "government": ("#A0467A", "#E08CC0"),
    "academic": ("#8A6D00", "#E6CE50"),
    "other": ("#6E6E6E", "#A8A8A8"),
}
KIND_TITLES = {
    "space-agency": "Space agency",
    "intergovernmental": "Intergovernmental",
    "company": "Company",
    "government": "Government",
    "academic": "Academic",
    "other": "Other",
}
LABELLED = 24  # nodes that get a label without being hovered or selected


@dataclass
class NetworkStyle:
    dark: bool
    text: QColor
    base: QColor
    link: QColor
    accent: QColor
    font: QFont
    kinds: dict[str, QColor] = field(default_factory=dict)

    @classmethod
    def from_palette(cls, palette: QPalette, font: QFont) -> NetworkStyle:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        dark = base.lightnessF() < 0.5
        link = QColor(text)
        link.setAlphaF(0.22)
        return cls(
            dark=dark,
            text=text,
            base=base,
            link=link,
            accent=palette.color(QPalette.ColorRole.Highlight),
            font=QFont(font),
            kinds={k: QColor(v[1 if dark else 0]) for k, v in KIND_COLOURS.items()},
        )

    def colour(self, kind: str) -> QColor:
        return self.kinds.get(kind, self.kinds["other"])


class NetworkItem(QGraphicsItem):
    def __init__(self, network: Network, at: dict[str, Point], style: NetworkStyle) -> None:
        super().__init__()
        self.network = network
        self.at = at
        self.size = radii(network)
        self.style = style
        self.selected: str | None = None
        self.hovered: str | None = None
        self.labelled = {n.slug for n in network.nodes[:LABELLED]}
        self._rect = self._bounds()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)

    def _bounds(self) -> QRectF:
        if not self.at:
            return QRectF(-50, -50, 100, 100)
        xs = [p.x for p in self.at.values()]
        ys = [p.y for p in self.at.values()]
        pad = max(self.size.values()) + 10
        return QRectF(
            min(xs) - pad, min(ys) - pad, max(xs) - min(xs) + 2 * pad, max(ys) - min(ys) + 2 * pad
        )

    def boundingRect(self) -> QRectF:
        return self._rect

    def node_at(self, scene: QPointF, slack: float) -> str | None:
        """The node under a scene point (`slack` scene units of tolerance), else None;
        the smaller one where two are near."""
        best: tuple[float, str] | None = None
        for slug, p in self.at.items():
            d = math.hypot(scene.x() - p.x, scene.y() - p.y)
            if d <= self.size[slug] + slack and (best is None or self.size[slug] < best[0]):
                best = (self.size[slug], slug)
        return best[1] if best else None

    def paint(
        self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None
    ) -> None:
        world = painter.worldTransform()
        painter.save()
        painter.setWorldTransform(QTransform())  # device pixels from here on
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        focus = {s for s in (self.selected, self.hovered) if s}
        self._paint_links(painter, world, focus)
        self._paint_nodes(painter, world, focus)
        self._paint_labels(painter, world, focus)
        painter.restore()

    def _device(self, world: QTransform, slug: str) -> QPointF:
        p = self.at[slug]
        return world.map(QPointF(p.x, p.y))

    def _paint_links(self, painter: QPainter, world: QTransform, focus: set[str]) -> None:
        lit: list[tuple[QLineF, float]] = []
        by_width: dict[float, list[QLineF]] = {}
        for link in self.network.links:
            line = QLineF(self._device(world, link.a), self._device(world, link.b))
            width = round(0.8 + 1.1 * math.log2(1 + link.weight), 1)
            if focus & {link.a, link.b}:
                lit.append((line, width + 0.8))
            else:
                by_width.setdefault(width, []).append(line)
        faint = QColor(self.style.link)
        if focus:
            faint.setAlphaF(faint.alphaF() * 0.5)
        for width, lines in by_width.items():
            painter.setPen(QPen(faint, width))
            painter.drawLines(lines)
        for line, width in lit:
            painter.setPen(QPen(self.style.accent, width))
            painter.drawLine(line)

    def _paint_nodes(self, painter: QPainter, world: QTransform, focus: set[str]) -> None:
        scale = math.hypot(world.m11(), world.m12())
        near = set(self.network.neighbours(self.selected)) if self.selected else set()
        for node in reversed(self.network.nodes):  # the biggest on top
            centre = self._device(world, node.slug)
            r = max(2.5, self.size[node.slug] * scale)
            fill = QColor(self.style.colour(node.kind))
            if self.selected and node.slug != self.selected and node.slug not in near:
                fill = _mix(fill, self.style.base, 0.65)  # faded, but lines stay behind it
            painter.setBrush(fill)
            painter.setPen(QPen(self.style.base, 1.2))
            painter.drawEllipse(centre, r, r)
        for slug in focus:
            centre = self._device(world, slug)
            r = max(2.5, self.size[slug] * scale) + 3
            width = 3.0 if slug == self.selected else 1.5
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(self.style.text, width))
            painter.drawEllipse(centre, r, r)

    def _paint_labels(self, painter: QPainter, world: QTransform, focus: set[str]) -> None:
        scale = math.hypot(world.m11(), world.m12())
        fm = QFontMetricsF(self.style.font)
        taken: list[QRectF] = []
        order = [s for s in (self.selected, self.hovered) if s]
        order += [n.slug for n in self.network.nodes if n.slug in self.labelled or scale > 2.5]
        names = {n.slug: n.name for n in self.network.nodes}
        painter.setFont(self.style.font)
        for slug in dict.fromkeys(order):
            centre = self._device(world, slug)
            text = names[slug]
            width = fm.horizontalAdvance(text)
            top = centre.y() + self.size[slug] * scale + 2
            rect = QRectF(centre.x() - width / 2 - 2, top, width + 4, fm.height())
            if slug not in focus and any(rect.intersects(r) for r in taken):
                continue
            taken.append(rect)
            self._halo_text(painter, rect, text, bold=slug in focus)

    def _halo_text(self, painter: QPainter, rect: QRectF, text: str, bold: bool) -> None:
        """Text with an outline in the background colour, readable over lines."""
        font = QFont(self.style.font)
        font.setBold(bold)
        path = QPainterPath()
        fm = QFontMetricsF(font)
        x = rect.center().x() - fm.horizontalAdvance(text) / 2
        path.addText(QPointF(x, rect.top() + fm.ascent()), font, text)
        painter.setPen(QPen(self.style.base, 3.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(path)
        painter.fillPath(path, self.style.text)


def _mix(a: QColor, b: QColor, t: float) -> QColor:
    """`a` blended towards `b` by `t` (0..1), opaque."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )
