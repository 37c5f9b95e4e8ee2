"""Search as you type: a field, filters with counts, and results grouped by kind.

Each keystroke runs `SearchIndex.search` (fast); the filter counts (`facets`, slower on a
large catalog) are recomputed once typing pauses. The panel shows one of three states:
results, suggestions (nothing typed yet), or "nothing found" with the reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.core.location import Location
from explorer.core.models import DOMAINS, PARTNERSHIP_TYPES, STATUSES, SearchHit
from explorer.core.pages import label
from explorer.core.search import Filters
from explorer.store.search_index import SearchIndex, SearchResults
from explorer.ui.search.delegate import ResultDelegate
from explorer.ui.search.filters import FacetButton
from explorer.ui.search.model import KIND_ROLE, SLUG_ROLE, SearchResultsModel, build_rows
from explorer.ui.theme import Theme
from explorer.ui.widgets import text_field

SUGGESTIONS = (
    "ESA Mars",
    "space station",
    "Artemis",
    "cost sharing",
    "Apollo Soyuz",
    "commercial crew",
    "Earth observation",
    "technology transfer",
)
#: pause after the last change before the filter counts are recomputed
FACET_DELAY_MS = 200
LIMIT = 50
BROWSE_LIMIT = 200
RESULTS, EMPTY, NOTHING = range(3)


class SearchPanel(QWidget):
    #: the reader opened a result: its Location (a lesson or a partnership)
    result_activated = Signal(object)
    #: new results are shown (how many hits)
    results_changed = Signal(int)
    #: the filter counts were recomputed
    facets_updated = Signal()
    #: the reader asked to leave search (Esc in an empty field, or Close)
    close_requested = Signal()

    def __init__(
        self,
        index: SearchIndex,
        partner_names: Mapping[str, str],
        theme: Theme,
        detail: Callable[[SearchHit], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._index = index
        self._detail = detail
        self._results = SearchResults()
        self._expanded: set[str] = set()
        self._facets_stale = True
        self.field = text_field(
            "searchField",
            "Search lessons and partnerships",
            "Search",
            theme.icon("search", "muted"),
        )
        self.field.setAccessibleDescription("Results appear as you type; Ctrl+K comes here")
        self.field.installEventFilter(self)
        self._facet_timer = QTimer(self, singleShot=True, interval=FACET_DELAY_MS)
        self._facet_timer.timeout.connect(self._on_facet_timer_timeout)
        self.buttons = self._make_filters(partner_names)
        self.model = SearchResultsModel(self)
        self.list = self._make_list(theme)
        self.status = QLabel("", objectName="searchStatus")
        self.status.setWordWrap(True)
        self.clear_filters = _link_button("Clear filters", self.clear_all_filters)
        self.clear_filters.hide()
        self.chosen = QLabel("", objectName="hint")
        self.chosen.setWordWrap(True)
        self.chosen.setAccessibleName("Chosen filters")
        self.chosen.hide()
        self.pages = QStackedWidget()
        self.pages.addWidget(self.list)
        self.pages.addWidget(self._make_suggestions())
        self.nothing = self._make_nothing()
        self.pages.addWidget(self.nothing)
        self._layout()
        self.field.textChanged.connect(self._on_field_text_changed)
        self.list.activated.connect(self._on_list_activated)
        self.list.clicked.connect(self._on_list_activated)
        self.refresh()

    # -- building -------------------------------------------------------------------------
    def _make_filters(self, partner_names: Mapping[str, str]) -> list[FacetButton]:
        def decade(value: object) -> str:
            return f"{value}s"

        def partner(value: object) -> str:
            return partner_names.get(str(value), str(value))

        def plain(value: object) -> str:
            return label(str(value))

        buttons = [
            FacetButton("type", "Type", plain, PARTNERSHIP_TYPES, every_value=True),
            FacetButton("domain", "Domain", plain, DOMAINS, every_value=True),
            FacetButton("status", "Status", plain, STATUSES, every_value=True),
            FacetButton("decade", "Decade", decade, range(1950, 2100, 10)),
            FacetButton("partner", "Partner", partner, searchable=True),
        ]
        for button in buttons:
            button.selection_changed.connect(self._on_filter_selection_changed)
            button.counts_requested.connect(self._on_filter_counts_requested)
        return buttons

    def _make_list(self, theme: Theme) -> QListView:
        view = QListView(objectName="searchResults")
        view.setAccessibleName("Search results")
        view.setModel(self.model)
        view.setItemDelegate(ResultDelegate(view, theme))
        view.setResizeMode(QListView.ResizeMode.Adjust)
        view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setMouseTracking(True)
        view.setUniformItemSizes(False)
        return view

    def _make_suggestions(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(QLabel("Try searching for", objectName="emptyTitle"))
        for text in SUGGESTIONS:
            layout.addWidget(_link_button(text, lambda _=False, t=text: self.field.setText(t)))
        hint = QLabel(
            "Words still being typed match too, and small typos are forgiven. "
            "The filters work without any words: choose a type or a decade to "
            "browse partnerships.",
            objectName="hint",
        )
        hint.setWordWrap(True)
        layout.addSpacing(8)
        layout.addWidget(hint)
        layout.addStretch()
        return page

    def _make_nothing(self) -> QWidget:
        page = QWidget()
        self.nothing_title = QLabel("", objectName="emptyTitle")
        self.nothing_title.setWordWrap(True)
        self.nothing_text = QLabel("", objectName="hint")
        self.nothing_text.setWordWrap(True)
        self.nothing_clear = _link_button("Clear the filters", self.clear_all_filters)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.nothing_title)
        layout.addWidget(self.nothing_text)
        layout.addWidget(self.nothing_clear)
        layout.addStretch()
        return page

    def _layout(self) -> None:
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        for number, button in enumerate(self.buttons):
            grid.addWidget(button, number // 3, number % 3)
        for column in range(3):
            grid.setColumnStretch(column, 1)
        chosen = QHBoxLayout()
        chosen.setContentsMargins(0, 0, 0, 0)
        chosen.addWidget(self.chosen, 1)
        chosen.addWidget(self.clear_filters, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setSpacing(6)
        layout.addLayout(grid)
        layout.addLayout(chosen)
        layout.addWidget(self.status)
        layout.addWidget(self.pages, 1)
        layout.setContentsMargins(8, 2, 0, 0)

    # -- state ----------------------------------------------------------------------------
    def filters(self) -> Filters:
        chosen = {b.facet: b.selected() for b in self.buttons}
        return Filters(**chosen)  # type: ignore[arg-type]

    def is_idle(self) -> bool:
        """Nothing typed and no filter chosen."""
        return not self.field.text().strip() and self.filters().is_empty()

    def button(self, facet: str) -> FacetButton:
        return next(b for b in self.buttons if b.facet == facet)

    def clear_all_filters(self) -> None:
        for button in self.buttons:
            button.clear()
        self.refresh()
        self.field.setFocus()

    def refresh(self) -> None:
        """Search again for the current text and filters (per keystroke: must stay fast)."""
        text, filters = self.field.text(), self.filters()
        if not text.strip() and filters.is_empty():
            self._results = SearchResults()
            self.model.set_rows([])
            self.status.setText("")
            self.pages.setCurrentIndex(EMPTY)
        else:
            limit = LIMIT if text.strip() else BROWSE_LIMIT
            self._results = self._index.search(text, filters, limit)
            self._expanded.clear()
            self._fill_rows()
            self._show_outcome(text, filters)
        self.clear_filters.setVisible(not filters.is_empty())
        labels = [label for b in self.buttons for label in b.chosen_labels()]
        self.chosen.setText("Only: " + ", ".join(labels) if labels else "")
        self.chosen.setVisible(bool(labels))
        self._facet_timer.start()
        self.results_changed.emit(len(self._results.hits))

    def _fill_rows(self) -> None:
        results = self._results
        self.model.set_rows(
            build_rows(results.hits, results.partnership_count, self._detail, self._expanded)
        )

    def _show_outcome(self, text: str, filters: Filters) -> None:
        results = self._results
        if results.hits:
            self.pages.setCurrentIndex(RESULTS)
            notes = [
                f"Showing results for “{results.corrected}”." if results.corrected else "",
                "Filters apply to partnerships, so lessons are not listed."
                if not filters.is_empty() and text.strip()
                else "",
            ]
            self.status.setText(" ".join(n for n in notes if n))
            self.status.setVisible(bool(self.status.text()))
            self._select_first()
            return
        self.status.setText("")
        self.status.hide()
        self.pages.setCurrentIndex(NOTHING)
        what = f"“{text.strip()}”" if text.strip() else "these filters"
        self.nothing_title.setText(f"Nothing matches {what}")
        if filters.is_empty():
            self.nothing_text.setText(
                "No lesson or partnership uses these words. Check the "
                "spelling, or try fewer or more general words."
            )
            self.nothing_clear.hide()
            return
        chosen = "; ".join(b.describe() for b in self.buttons if b.selected())
        unfiltered = self._index.search(text, Filters(), 1) if text.strip() else None
        reason = (
            f"Without the filters there are matches; the filters ({chosen}) hide them."
            if unfiltered is not None and unfiltered.hits
            else f"No partnership fits all the filters together ({chosen})."
        )
        self.nothing_text.setText(reason)
        self.nothing_clear.show()

    def _select_first(self) -> None:
        rows = self.model.navigable_rows()
        if rows:
            self.list.setCurrentIndex(self.model.index(rows[0]))
            self.list.scrollToTop()

    def _move(self, step: int) -> None:
        rows = self.model.navigable_rows()
        if not rows or self.pages.currentIndex() != RESULTS:
            return
        current = self.list.currentIndex().row()
        position = rows.index(current) if current in rows else -1
        target = rows[max(0, min(len(rows) - 1, position + step))]
        index = self.model.index(target)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def open_current(self) -> bool:
        index = self.list.currentIndex()
        if not index.isValid() or self.pages.currentIndex() != RESULTS:
            return False
        self._on_list_activated(index)
        return True

    # -- slots ----------------------------------------------------------------------------
    @Slot(str)
    def _on_field_text_changed(self, _text: str) -> None:
        self.refresh()

    @Slot()
    def _on_filter_selection_changed(self) -> None:
        self.refresh()

    @Slot()
    def _on_filter_counts_requested(self) -> None:
        if self._facet_timer.isActive() or self._facets_stale:
            self._facet_timer.stop()
            self._on_facet_timer_timeout()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._facets_stale:
            self._facet_timer.start()

    @Slot()
    def _on_facet_timer_timeout(self) -> None:
        """Count filter values, but only for a panel someone can see."""
        self._facets_stale = not self.isVisible()
        if self._facets_stale:
            return
        query = self._results.query if self.field.text().strip() else None
        counts = self._index.facets(query, self.filters())
        for button in self.buttons:
            button.set_counts(counts.get(button.facet) or Counter())
        self.facets_updated.emit()

    @Slot(QModelIndex)
    def _on_list_activated(self, index: QModelIndex) -> None:
        kind, slug = index.data(KIND_ROLE), index.data(SLUG_ROLE)
        if kind == "expand":
            self._expanded.add(slug)
            row = index.row()
            self._fill_rows()
            self.list.setCurrentIndex(self.model.index(row))
            self.list.scrollTo(self.model.index(row))
        elif kind in ("lesson", "partnership") and slug:
            self.result_activated.emit(Location(kind, slug))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is not self.field or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        if key in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self._move(1 if key == Qt.Key.Key_Down else -1)
            return True
        if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
            self._move(8 if key == Qt.Key.Key_PageDown else -8)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_current()
            return True
        if key == Qt.Key.Key_Escape:
            if self.field.text():
                self.field.clear()
            else:
                self.close_requested.emit()
            return True
        return False


def _link_button(text: str, slot: Callable[..., object]) -> QPushButton:
    button = QPushButton(text)
    button.setProperty("link", "true")
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setAccessibleName(text)
    button.clicked.connect(slot)
    return button
