"""The timeline panel: toolbar, filters and legend, the timeline or its list view, and a
line that describes what is shown. Self-contained: give it the stores, connect signals."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.changes import Changes
from explorer.core.eras import ERAS, Era
from explorer.core.models import Partnership
from explorer.core.search import Filters, facet_counts
from explorer.core.timeline import Entry, decimal_year, describe_window, entries_for
from explorer.core.timeline_layout import GROUPINGS, apply_filters, facet_row
from explorer.store.partnerships import PartnershipStore
from explorer.store.search_index import SearchIndex
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.timeline.export import ask_and_export, export_view
from explorer.ui.timeline.filters import FilterBar
from explorer.ui.timeline.keys import ZOOM_STEP
from explorer.ui.timeline.scene import TimelineScene
from explorer.ui.timeline.style import TimelineStyle
from explorer.ui.timeline.table import PartnershipTable
from explorer.ui.timeline.view import TimelineView

GROUP_TITLES = {"type": "Type", "domain": "Domain", "partner": "Partner"}


class TimelinePanel(QWidget):
    #: the user selected a partnership (click, arrow keys, or a row of the list): its slug
    partnership_selected = Signal(str)
    #: the user asked to open a partnership's page (click, double-click or Enter): its slug
    partnership_open_requested = Signal(str)
    #: the user changed the timeline's filters: the filters and the filter words
    filters_changed = Signal(Filters, str)

    def __init__(
        self,
        partnerships: PartnershipStore,
        search: SearchIndex,
        *,
        today: date | None = None,
        eras: tuple[Era, ...] = ERAS,
        events: CatalogEvents | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = partnerships
        self._stale = False
        self.search = search
        self.today = today or date.today()
        self._today = decimal_year(self.today)
        self.group_by = "type"
        self.highlighted: frozenset[str] | None = None
        #: when set, only these partnerships are shown (a presenter's timeline slide)
        self.only: frozenset[str] | None = None
        self._focused: frozenset[str] = frozenset()  # opened from elsewhere: kept in view
        self.shown: list[Entry] = []
        self._all: list[Entry] = []
        self._corrected = ""
        self.style_ = TimelineStyle.from_palette(self.palette(), self.font())
        self.scene = TimelineScene(self.style_, self)
        self.view = TimelineView(self.scene, self._today, eras)
        self.table = PartnershipTable()
        self.filter_bar = FilterBar(self.style_, {})
        self._describe_timer = QTimer(self, singleShot=True, interval=80)
        self._describe_timer.timeout.connect(self._describe)
        self._build()
        self._connect()
        if events is not None:
            events.catalog_changed.connect(self._on_events_catalog_changed)
        self.reload()

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(self.stack)
        self.detail: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setSpacing(4)
        layout.addLayout(self._build_toolbar())
        layout.addWidget(self.filter_bar)
        layout.addWidget(self._build_highlight_bar())
        layout.addWidget(self.splitter, 1)
        layout.addLayout(self._build_status())
        self.setAccessibleName("Timeline of partnerships")
        self._set_tab_order()

    def _set_tab_order(self) -> None:
        """Tab goes through the controls as they read: toolbar, filters, then the view."""
        bar = self.filter_bar
        chain: list[QWidget] = [
            self.timeline_button,
            self.list_button,
            self.group_combo,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.export_button,
            bar.text,
            *bar.types.values(),
            *bar.menus.values(),
            bar.clear_button,
            self.clear_highlight_button,
            self.view,
            self.table,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _build_toolbar(self) -> QHBoxLayout:
        self.timeline_button = self._tool("Timeline", "Show the timeline", checkable=True)
        self.list_button = self._tool(
            "List", "Show the same partnerships as a table", checkable=True
        )
        self.timeline_button.setChecked(True)
        switch = QButtonGroup(self)
        switch.setExclusive(True)
        switch.addButton(self.timeline_button)
        switch.addButton(self.list_button)
        self.group_combo = QComboBox()
        for key in GROUPINGS:
            self.group_combo.addItem(GROUP_TITLES[key], key)
        self.group_combo.setAccessibleName("Group lanes by")
        self.zoom_out_button = self._tool("−", "Zoom out (−)")
        self.zoom_in_button = self._tool("+", "Zoom in (+)")
        self.fit_button = self._tool("Fit all", "Show every year (0)")
        self.export_button = self._tool("Export", "Save the current view as an image")
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.export_button)
        menu.addAction("Save view as PNG…", lambda: self._export_dialog(".png"))
        menu.addAction("Save view as SVG…", lambda: self._export_dialog(".svg"))
        self.export_button.setMenu(menu)
        top = QHBoxLayout()
        top.setSpacing(4)
        for widget in (self.timeline_button, self.list_button):
            top.addWidget(widget)
        top.addSpacing(12)
        top.addWidget(QLabel("Group by"))
        top.addWidget(self.group_combo)
        top.addSpacing(12)
        for widget in (self.zoom_out_button, self.zoom_in_button, self.fit_button):
            top.addWidget(widget)
        top.addStretch(1)
        top.addWidget(self.export_button)
        return top

    def _build_highlight_bar(self) -> QWidget:
        self.highlight_label = QLabel()
        self.highlight_label.setWordWrap(True)
        self.clear_highlight_button = self._tool("Clear highlight", "Stop highlighting")
        chip = QHBoxLayout()
        chip.addWidget(self.highlight_label, 1)
        chip.addWidget(self.clear_highlight_button)
        self.highlight_bar = QWidget()
        self.highlight_bar.setLayout(chip)
        chip.setContentsMargins(0, 0, 0, 0)
        self.highlight_bar.hide()
        return self.highlight_bar

    def _build_status(self) -> QHBoxLayout:
        self.description = QLabel()
        self.description.setAccessibleName("What the timeline shows")
        self.count_label = QLabel()
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        status = QHBoxLayout()
        status.addWidget(self.description, 1)
        status.addWidget(self.count_label)
        return status

    def _tool(self, text: str, tip: str, checkable: bool = False) -> QToolButton:
        button = QToolButton(text=text, checkable=checkable)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    def _connect(self) -> None:
        self.timeline_button.toggled.connect(self._on_timeline_button_toggled)
        self.group_combo.currentIndexChanged.connect(self._on_group_combo_current_index_changed)
        self.zoom_in_button.clicked.connect(lambda: self.view.zoom(ZOOM_STEP))
        self.zoom_out_button.clicked.connect(lambda: self.view.zoom(1 / ZOOM_STEP))
        self.fit_button.clicked.connect(self.view.fit_all)
        self.clear_highlight_button.clicked.connect(self.clear_highlight)
        self.filter_bar.filters_changed.connect(self._on_filter_bar_filters_changed)
        self.view.entry_clicked.connect(self._on_view_entry_clicked)
        self.view.selection_moved.connect(self._on_view_selection_moved)
        self.view.entry_activated.connect(self.partnership_open_requested)
        self.partnership_open_requested.connect(lambda _slug: self.show_detail(True))
        self.view.window_changed.connect(self._describe_timer.start)
        self.table.entry_selected.connect(self._on_table_entry_selected)
        self.table.entry_activated.connect(self.partnership_open_requested)

    @Slot(object)
    def _on_events_catalog_changed(self, changes: Changes) -> None:
        """Partnerships changed: reload now if shown, else when next shown."""
        if not changes.catalog:
            return
        if self.isVisible():
            self.reload()
        else:
            self._stale = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.reload()

    # -- data ----------------------------------------------------------------------------------
    def reload(self) -> None:
        """Read every partnership from the store again and redraw, keeping the view."""
        records = self.store.all()
        self._all = entries_for(records, self._today)
        self._facets = {e.slug: facet_row(e, self.today.year) for e in self._all}
        self.filter_bar.set_partners(
            {x.partner.slug: x.partner.name for p in records for x in p.partners}
        )
        self._apply()

    def records(self) -> list[Partnership]:
        return [e.record for e in self._all]

    def _apply(self) -> None:
        filters, words = self.filter_bar.filters(), self.filter_bar.words()
        matches = self._text_matches(words)
        if self.only is not None:
            matches = set(self.only) if matches is None else matches & self.only
        self.shown = apply_filters(self._all, filters, self.today.year, matches)
        pool = self._all if matches is None else [e for e in self._all if e.slug in matches]
        self.filter_bar.set_counts(facet_counts((self._facets[e.slug] for e in pool), filters))
        first, last = self._range()
        scale = self.view.time_scale()
        selected = self.view.selected
        self.scene.show_entries(self.shown, self.group_by, first, last)
        self.view.set_time_scale(scale)
        if selected is not None and not self.view.select(selected, reveal=False):
            self.view.select(None)
        self.table.set_entries(self.shown)
        self.table.select_slug(self.view.selected)
        self._describe()

    def _range(self) -> tuple[float, float]:
        if not self._all:
            return 1957.0, self._today + 1
        first = min(1957.0, min(e.reach_start for e in self._all))
        return first, max(self._today + 1, max(e.reach_end for e in self._all))

    def _text_matches(self, words: str) -> set[str] | None:
        self._corrected = ""
        if not words:
            return None
        results = self.search.search(words, Filters(), limit=max(1, len(self._all)))
        self._corrected = results.corrected
        return {hit.slug for hit in results.hits if hit.kind == "partnership"}

    # -- public API -----------------------------------------------------------------------------
    def filters(self) -> tuple[Filters, str]:
        return self.filter_bar.filters(), self.filter_bar.words()

    def set_filters(self, filters: Filters, words: str | None = None) -> None:
        """Show what `filters` (and `words`) allow; filters_changed is not emitted."""
        self.filter_bar.set_filters(filters, words)
        self._apply()

    def show_only(self, slugs: Iterable[str] | None) -> None:
        """Show only these partnerships (None: all that the filters allow)."""
        self.only = None if slugs is None else frozenset(slugs)
        self._apply()

    def set_group_by(self, by: str) -> None:
        """Group lanes by "type", "domain" or "partner"."""
        self.group_combo.setCurrentIndex(GROUPINGS.index(by))

    def show_list(self, on: bool = True) -> None:
        (self.list_button if on else self.timeline_button).setChecked(True)

    def highlight(self, slugs: Iterable[str], caption: str = "") -> None:
        """Highlight these partnerships (others fade) and fit the view around them."""
        wanted = frozenset(slugs)
        self.highlighted = wanted
        self.scene.state.highlighted = wanted
        self.table.source.set_highlighted(wanted)
        shown = [e for e in self.shown if e.slug in wanted]
        hidden = len(wanted) - len(shown)
        text = caption or f"Highlighting {len(wanted)} partnership(s)"
        if hidden:
            text += f" ({hidden} hidden by the filters)"
        self.highlight_label.setText(text)
        self.highlight_bar.show()
        if shown:
            self.view.restack(lambda: self.scene.pin(wanted | self._focused))
            self.view.show_years(
                min(e.reach_start for e in shown) - 1, max(e.reach_end for e in shown) + 1
            )
            self.view.select(shown[0].slug)
            self.table.select_slug(shown[0].slug)
        self.view.viewport().update()
        self._describe()

    def clear_highlight(self) -> None:
        self.highlighted = None
        self.scene.state.highlighted = None
        self.table.source.set_highlighted(frozenset())
        self.highlight_bar.hide()
        self.view.restack(lambda: self.scene.pin(self._focused))
        self._describe()

    def focus_partnership(self, slug: str) -> bool:
        """Select a partnership and scroll it into view (clearing the filters if they hide
        it). Emits nothing: the caller already knows. False when there is no such slug."""
        if slug not in self._facets:
            return False
        if all(e.slug != slug for e in self.shown):
            self.set_filters(Filters(), "")
        self._focused = frozenset({slug})
        self.view.restack(lambda: self.scene.pin(self._focused | (self.highlighted or set())))
        self.view.select(slug)
        self.table.select_slug(slug)
        return True

    def set_detail_widget(self, widget: QWidget) -> None:
        """A widget beside the timeline (the partnership page): hidden until the user opens
        a partnership, then shown on the right. The caller fills it, on
        partnership_open_requested."""
        if self.detail is not None:
            self.detail.setParent(None)
        self.detail = widget
        self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        widget.hide()

    def show_detail(self, on: bool = True) -> None:
        if self.detail is not None:
            self.detail.setVisible(on)

    def export_image(self, path: Path) -> Path:
        """Save the current timeline view as .png or .svg (raises ExportError)."""
        return export_view(self.view, Path(path), self.caption(), self.style_)

    def caption(self) -> str:
        return f"Space Partnerships Explorer · {self.description.text()}"

    def shown_slugs(self) -> list[str]:
        """The slugs on the timeline, in time order (as arrow keys visit them)."""
        return [e.slug for e in self.scene.order]

    # -- slots ----------------------------------------------------------------------------------
    def _on_filter_bar_filters_changed(self) -> None:
        self._apply()
        filters, words = self.filters()
        self.filters_changed.emit(filters, words)

    def _on_group_combo_current_index_changed(self, index: int) -> None:
        self.group_by = GROUPINGS[index]
        self._apply()

    def _on_timeline_button_toggled(self, on: bool) -> None:
        self.stack.setCurrentWidget(self.view if on else self.table)
        (self.view if on else self.table).setFocus()

    def _on_view_entry_clicked(self, slug: str) -> None:
        self.table.select_slug(slug)
        self.partnership_selected.emit(slug)
        self.partnership_open_requested.emit(slug)

    def _on_view_selection_moved(self, slug: str) -> None:
        self.table.select_slug(slug)
        self.partnership_selected.emit(slug)

    def _on_table_entry_selected(self, slug: str) -> None:
        self.view.select(slug)
        self.partnership_selected.emit(slug)

    def _describe(self) -> None:
        first, last = self.view.window()
        text = describe_window(self.shown, first, last)
        if self.highlighted:
            lit = sum(
                1 for e in self.shown if e.slug in self.highlighted and e.overlaps(first, last)
            )
            text += f" · {lit} highlighted"
        if self._corrected:
            text += f" · showing matches for “{self._corrected}”"
        self.description.setText(text)
        self.view.setAccessibleDescription(text)
        total = len(self._all)
        self.count_label.setText(f"Showing {len(self.shown)} of {total} partnerships")

    def _export_dialog(self, suffix: str) -> None:
        first, last = self.view.window()
        ask_and_export(self, f"timeline-{int(first)}-{int(last)}{suffix}", self.export_image)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange):
            self.style_ = TimelineStyle.from_palette(self.palette(), self.font())
            self.scene.set_style(self.style_)
            self.filter_bar.set_style(self.style_)
            self.view.viewport().update()
