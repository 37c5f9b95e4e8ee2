"""The list view of the timeline: the same partnerships as a sortable, keyboard-friendly
table (for keyboard and screen-reader users)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from explorer.core.models import topic_title
from explorer.core.timeline import Entry

SLUG_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Name", "Years", "Type", "Domain", "Status", "Partners")
Index = QModelIndex | QPersistentModelIndex


class ShownModel(QAbstractTableModel):
    """One row per partnership shown on the timeline, in time order until sorted.

    The model sorts itself (`sort`): a QSortFilterProxyModel would ask Python for every
    compared value, which takes most of a second for 10,000 rows.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[Entry] = []
        self.highlighted: frozenset[str] = frozenset()
        self._rows: dict[str, int] = {}
        self._order = (1, Qt.SortOrder.AscendingOrder)

    def set_entries(self, entries: list[Entry]) -> None:
        self.beginResetModel()
        self.entries = self._sorted(list(entries), *self._order)
        self._rows = {e.slug: i for i, e in enumerate(self.entries)}
        self.endResetModel()

    def row_of(self, slug: str | None) -> int | None:
        return self._rows.get(slug) if slug is not None else None

    def set_highlighted(self, slugs: frozenset[str]) -> None:
        self.highlighted = slugs
        if self.entries:
            self.dataChanged.emit(
                self.index(0, 0),
                self.index(len(self.entries) - 1, len(COLUMNS) - 1),
                [Qt.ItemDataRole.FontRole],
            )

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _text(entry, index.column())
        if role == SLUG_ROLE:
            return entry.slug
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[index.column()]}: {_text(entry, index.column())}"
        if role == Qt.ItemDataRole.FontRole and entry.slug in self.highlighted:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._order = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        slugs = [self.entries[i.row()].slug for i in old]
        self.entries = self._sorted(self.entries, column, order)
        self._rows = {e.slug: i for i, e in enumerate(self.entries)}
        self.changePersistentIndexList(
            old, [self.index(self._rows[s], i.column()) for s, i in zip(slugs, old, strict=True)]
        )
        self.layoutChanged.emit()

    @staticmethod
    def _sorted(entries: list[Entry], column: int, order: Qt.SortOrder) -> list[Entry]:
        if column == 1:
            key = lambda e: (e.start, e.end, e.name.casefold())  # noqa: E731
        else:
            key = lambda e: (_text(e, column).casefold(), e.start)  # noqa: E731
        return sorted(entries, key=key, reverse=order == Qt.SortOrder.DescendingOrder)


def _text(entry: Entry, column: int) -> str:
    p = entry.record
    values = (
        p.name,
        p.years_label(),
        topic_title(p.type),
        topic_title(p.domain),
        p.status.capitalize(),
        ", ".join(p.partner_names),
    )
    return values[column]


class PartnershipTable(QTableView):
    #: the current row moved to a partnership: its slug
    entry_selected = Signal(str)
    #: the user pressed Enter on a row or double-clicked it: the slug
    entry_activated = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = ShownModel(self)
        self.setModel(self.source)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(1, Qt.SortOrder.AscendingOrder)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setTabKeyNavigation(False)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((340, 90, 110, 140, 90)):
            self.setColumnWidth(column, width)
        self.setAccessibleName("Partnerships shown on the timeline")
        self.selectionModel().currentRowChanged.connect(self._on_selection_current_row_changed)
        self.doubleClicked.connect(self._on_self_double_clicked)

    def set_entries(self, entries: list[Entry]) -> None:
        self.source.set_entries(entries)

    def slugs(self) -> list[str]:
        """The slugs of the rows, in the order shown."""
        return [e.slug for e in self.source.entries]

    def select_slug(self, slug: str | None) -> None:
        """Make `slug` the current row without emitting entry_selected."""
        self.blockSignals(True)
        try:
            row = self.source.row_of(slug)
            if row is None:
                self.clearSelection()
                return
            index = self.source.index(row, 0)
            self.setCurrentIndex(index)
            self.scrollTo(index)
        finally:
            self.blockSignals(False)

    def current_slug(self) -> str | None:
        index = self.currentIndex()
        return index.data(SLUG_ROLE) if index.isValid() else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_slug():
            self.entry_activated.emit(self.current_slug() or "")
            return
        super().keyPressEvent(event)

    def _on_selection_current_row_changed(
        self, current: QModelIndex, _previous: QModelIndex
    ) -> None:
        slug = current.data(SLUG_ROLE) if current.isValid() else None
        if slug:
            self.entry_selected.emit(slug)

    def _on_self_double_clicked(self, index: QModelIndex) -> None:
        slug = index.data(SLUG_ROLE)
        if slug:
            self.entry_activated.emit(slug)
