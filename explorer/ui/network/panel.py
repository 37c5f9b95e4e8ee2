"""The partner network panel (Go > Partners): filters, the network, a legend, a line that
says what is shown, and the chosen partner's page beside it.

Laying out the whole catalog takes a fraction of a second, so each layout is kept for
its filters until the catalog changes.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPixmap, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.changes import Changes
from explorer.core.models import PARTNERSHIP_TYPES, Partnership
from explorer.core.network import Network, NetworkFilter, build_network, decades
from explorer.core.network_layout import LAYOUTS, Point, layout
from explorer.core.pages import label
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.network.item import KIND_COLOURS, KIND_TITLES, NetworkStyle
from explorer.ui.network.view import HELP, ZOOM_STEP, NetworkView

LAYOUT_TITLES = {"force": "Linked partners close", "circle": "Circle, by kind"}


class NetworkPanel(QWidget):
    #: the reader opened a partner (a click or Enter): its slug
    partner_opened = Signal(str)

    def __init__(
        self,
        records: Callable[[], list[Partnership]],
        *,
        this_year: int | None = None,
        events: CatalogEvents | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.records = records
        self.this_year = this_year or date.today().year
        self._stale = True
        self._all: list[Partnership] = []
        self._cache: dict[tuple[NetworkFilter, str], tuple[Network, dict[str, Point]]] = {}
        self.style_ = NetworkStyle.from_palette(self.palette(), self.font())
        self.view = NetworkView(self.style_)
        self.detail: QWidget | None = None
        self._build()
        self.view.node_activated.connect(self.partner_opened)
        self.setAccessibleName("Partner network")
        if events is not None:
            events.catalog_changed.connect(self._on_events_catalog_changed)

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.decade = QComboBox(accessibleName="Partnerships under way in")
        self.type = QComboBox(accessibleName="Type of partnership")
        self.type.addItem("All types", "")
        for kind in PARTNERSHIP_TYPES:
            self.type.addItem(label(kind), kind)
        self.threshold = QSpinBox(minimum=1, maximum=20, value=2)
        self.threshold.setAccessibleName("Show partners in at least this many partnerships")
        self.threshold.setSuffix(" or more")
        self.arrangement = QComboBox(accessibleName="Arrange partners")
        for key in LAYOUTS:
            self.arrangement.addItem(LAYOUT_TITLES[key], key)
        self.zoom_out = self._tool("−", "Zoom out (−)")
        self.zoom_in = self._tool("+", "Zoom in (+)")
        self.fit = self._tool("Fit all", "Show the whole network (0)")
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.view)
        self.status = QLabel(accessibleName="What the network shows")
        self.status.setWordWrap(True)
        layout_ = QVBoxLayout(self)
        layout_.setContentsMargins(6, 6, 6, 4)
        layout_.setSpacing(4)
        layout_.addLayout(self._toolbar())
        layout_.addWidget(self._legend())
        layout_.addWidget(self.splitter, 1)
        layout_.addWidget(self.status)
        for box in (self.decade, self.type, self.arrangement):
            box.currentIndexChanged.connect(self._on_filter_changed)
        self.threshold.valueChanged.connect(self._on_filter_changed)
        self.zoom_in.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        self.zoom_out.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        self.fit.clicked.connect(self.view.fit_all)
        chain = [
            self.decade,
            self.type,
            self.threshold,
            self.arrangement,
            self.zoom_out,
            self.zoom_in,
            self.fit,
            self.view,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        for text, widget in (
            ("Under way in", self.decade),
            ("Type", self.type),
            ("Partners in", self.threshold),
            ("Arrange", self.arrangement),
        ):
            caption = QLabel(text)
            caption.setBuddy(widget)
            row.addWidget(caption)
            row.addWidget(widget)
            row.addSpacing(8)
        row.addStretch(1)
        for button in (self.zoom_out, self.zoom_in, self.fit):
            row.addWidget(button)
        return row

    def _legend(self) -> QWidget:
        legend = QWidget()
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        self._swatches: list[tuple[QLabel, str]] = []
        for kind in KIND_COLOURS:
            swatch = QLabel()
            self._swatches.append((swatch, kind))
            row.addWidget(swatch)
            row.addWidget(QLabel(KIND_TITLES[kind]))
        note = QLabel("Size: number of partnerships · Line: partnerships shared")
        note.setEnabled(False)
        row.addStretch(1)
        row.addWidget(note)
        legend.setAccessibleName(
            "Legend: colour is the kind of partner, size the number of partnerships, "
            "a line the partnerships two partners share"
        )
        self._paint_swatches()
        return legend

    def _paint_swatches(self) -> None:
        for swatch, kind in self._swatches:
            pixmap = QPixmap(12, 12)
            pixmap.fill(QColor(self.style_.colour(kind)))
            swatch.setPixmap(pixmap)

    def _tool(self, text: str, tip: str) -> QToolButton:
        button = QToolButton(text=text)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    def set_detail_widget(self, widget: QWidget) -> None:
        """The chosen partner's page, beside the network (hidden until one is chosen)."""
        self.detail = widget
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        QWidget.setTabOrder(self.view, widget)
        widget.hide()

    def show_detail(self, on: bool = True) -> None:
        if self.detail is None:
            return
        if on and not self.detail.isVisible():
            width = max(600, self.splitter.width())
            self.splitter.setSizes([width * 3 // 5, width * 2 // 5])
        self.detail.setVisible(on)
        QTimer.singleShot(0, self.view.centre_selected)  # once the view has its new width

    # -- data ---------------------------------------------------------------------------------
    def filters(self) -> NetworkFilter:
        return NetworkFilter(
            decade=self.decade.currentData(),
            type=self.type.currentData() or "",
            min_partnerships=self.threshold.value(),
        )

    def reload(self) -> None:
        """Read the partnerships again and draw the network for the current filters."""
        self._all = self.records()
        self._cache.clear()
        self._stale = False
        chosen = self.decade.currentData()
        self.decade.blockSignals(True)
        self.decade.clear()
        self.decade.addItem("Any decade", None)
        for first in decades(self._all, self.this_year):
            self.decade.addItem(f"the {first}s", first)
        self.decade.setCurrentIndex(max(0, self.decade.findData(chosen)))
        self.decade.blockSignals(False)
        self.redraw()

    def redraw(self) -> None:
        key = (self.filters(), self.arrangement.currentData() or "force")
        if key not in self._cache:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            try:
                network = build_network(self._all, key[0], self.this_year)
                self._cache[key] = (network, layout(network, key[1]))
            finally:
                QApplication.restoreOverrideCursor()
        network, at = self._cache[key]
        self.view.set_network(network, at)
        self._describe(network)

    def _describe(self, network: Network) -> None:
        f = self.filters()
        scope = [f"the {f.decade}s" if f.decade else "", label(f.type).lower() if f.type else ""]
        where = " ".join(x for x in scope if x)
        text = (
            f"{len(network.nodes)} of {network.partners_total} partners shown (those in "
            f"{f.min_partnerships} or more of {network.counted} {where + ' ' if where else ''}"
            f"partnerships, linked to another), {len(network.links)} links."
        )
        if not network.nodes:
            text = f"No partners to show: try another decade or type, or a lower number. {text}"
        self.status.setText(text)
        self.view.setAccessibleDescription(f"{text} {HELP}")

    def select(self, slug: str) -> bool:
        """Select a partner (clearing the filters when they hide it); False if absent."""
        if self._stale:
            self.reload()
        if self.view.select(slug):
            return True
        self.decade.setCurrentIndex(0)
        self.type.setCurrentIndex(0)
        self.threshold.setValue(1)
        return self.view.select(slug)

    def open_partner(self, slug: str) -> bool:
        """Select a partner and open its page beside the network (partner_opened)."""
        if not self.select(slug):
            return False
        self.partner_opened.emit(slug)
        return True

    # -- slots --------------------------------------------------------------------------------
    @Slot()
    def _on_filter_changed(self) -> None:
        self.redraw()

    @Slot(object)
    def _on_events_catalog_changed(self, changes: Changes) -> None:
        """Partnerships changed: lay out again now if shown, else when next shown."""
        if not changes.catalog:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.reload()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.style_ = NetworkStyle.from_palette(self.palette(), self.font())
            self.view.set_style(self.style_)
            self._paint_swatches()
