"""Bookmarks in the window: the keeper (the store, with a signal when they change), the
list in the sidebar under the library, and the Go menu's entries.

The list opens a bookmark on a click, Enter or Space; F2 renames it and Delete removes
it (also from its context menu). The sidebar list and the Go > Bookmarks menu show the
same bookmarks, newest last.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.classroom.bookmarks import TIMELINE, Bookmark, describe
from explorer.store.classroom_files import BookmarkStore
from explorer.ui.theme import Theme

ID_ROLE = Qt.ItemDataRole.UserRole
#: the list grows to this many rows, then scrolls (the library keeps the room)
MAX_ROWS = 5
KIND_WORDS = {
    "lesson": "Lesson",
    "partnership": "Partnership",
    "topic": "Topic",
    "glossary": "Glossary",
    TIMELINE: "Timeline view",
}


class BookmarkKeeper(QObject):
    #: the bookmarks changed (added, removed, renamed, or changed on disk)
    changed = Signal()

    def __init__(self, store: BookmarkStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def items(self) -> tuple[Bookmark, ...]:
        return self.store.bookmarks.items

    def add(self, mark: Bookmark) -> Bookmark:
        before = self.store.bookmarks
        kept = self.store.add(mark)
        if self.store.bookmarks != before:
            self.changed.emit()
        return kept

    def remove(self, mark_id: str) -> None:
        if self.store.remove(mark_id):
            self.changed.emit()

    def rename(self, mark_id: str, title: str) -> None:
        if self.store.rename(mark_id, title):
            self.changed.emit()

    def refresh(self) -> None:
        """Read the file again if it changed elsewhere (a pack import, another window)."""
        if self.store.refresh():
            self.changed.emit()


def where(mark: Bookmark) -> str:
    """'Lesson' or 'Timeline view: 1990–2010 · ...', for the tip and a screen reader."""
    kind = mark.target.partition(":")[0]
    words = KIND_WORDS.get(kind, kind)
    return f"{words}: {describe(mark.timeline)}" if mark.timeline else words


class BookmarksPanel(QWidget):
    """The Bookmarks list in the sidebar, with a heading that folds it away."""

    #: the student asked to open a bookmark
    bookmark_activated = Signal(Bookmark)

    def __init__(self, keeper: BookmarkKeeper, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.keeper, self.theme = keeper, theme
        self.setObjectName("bookmarksPanel")
        self.heading = QToolButton(checkable=True, checked=True)
        self.heading.setObjectName("bookmarksHeading")
        self.heading.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.heading.setAutoRaise(True)
        self.heading.setAccessibleName("Show or hide the bookmarks")
        self.list = _BookmarkList()
        self.list.setObjectName("bookmarks")
        self.list.setAccessibleName("Bookmarks")
        self.list.setAccessibleDescription("Press Enter to open, F2 to rename, Delete to remove")
        self.empty = QLabel(
            "Press Ctrl+D to bookmark the page or the timeline view you are on.",
            wordWrap=True,
            objectName="hint",
        )
        self.empty.setContentsMargins(12, 0, 8, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 4)
        layout.setSpacing(2)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.heading.toggled.connect(self._on_heading_toggled)
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_activated)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self.list.remove_requested.connect(self._on_list_remove_requested)
        self.list.customContextMenuRequested.connect(self._on_list_context_menu_requested)
        keeper.changed.connect(self.refill)
        self.refill()

    @Slot()
    def refill(self) -> None:
        if self.list.state() == QAbstractItemView.State.EditingState:
            QTimer.singleShot(0, self, self.refill)  # a rename: once its editor has closed
            return
        chosen = self.current_id()
        self.list.blockSignals(True)
        self.list.clear()
        for mark in self.keeper.items():
            item = QListWidgetItem(mark.title)
            item.setData(ID_ROLE, mark.id)
            item.setToolTip(f"{mark.title}\n{where(mark)}")
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, where(mark))
            item.setIcon(self.theme.icon("timeline" if mark.target == TIMELINE else "read"))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsEditable)
            self.list.addItem(item)
        self.list.blockSignals(False)
        if chosen:
            self.select(chosen)
        count = self.list.count()
        self.heading.setText(f"BOOKMARKS ({count})" if count else "BOOKMARKS")
        self._show_list(self.heading.isChecked())

    def _show_list(self, on: bool) -> None:
        count = self.list.count()
        self.list.setVisible(on and bool(count))
        self.empty.setVisible(on and not count)
        self.heading.setIcon(self.theme.icon("down" if on else "forward", "muted"))
        rows = min(max(count, 1), MAX_ROWS)
        self.list.setFixedHeight(rows * max(self.list.sizeHintForRow(0), 20) + 6)

    def current_id(self) -> str:
        item = self.list.currentItem()
        return str(item.data(ID_ROLE)) if item is not None else ""

    def select(self, mark_id: str) -> None:
        """Show the bookmark in the list (unfolding it), without opening it."""
        self.heading.setChecked(True)
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(ID_ROLE) == mark_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
                self.list.scrollToItem(item)

    def rename_current(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.list.editItem(item)

    @Slot(bool)
    def _on_heading_toggled(self, on: bool) -> None:
        self._show_list(on)

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        mark = next((m for m in self.keeper.items() if m.id == item.data(ID_ROLE)), None)
        if mark is not None and self.list.state() != QAbstractItemView.State.EditingState:
            self.bookmark_activated.emit(mark)

    @Slot(QListWidgetItem)
    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        title = item.text().strip()
        if title:
            self.keeper.rename(str(item.data(ID_ROLE)), title)
        else:
            self.refill()  # an empty title is not a title: the old one comes back

    @Slot()
    def _on_list_remove_requested(self) -> None:
        if self.current_id():
            self.keeper.remove(self.current_id())

    @Slot(QPoint)
    def _on_list_context_menu_requested(self, point: QPoint) -> None:
        item = self.list.itemAt(point)
        if item is None:
            return
        self.list.setCurrentItem(item)
        menu = QMenu(self)
        menu.addAction("&Open", lambda: self._on_list_item_activated(item))
        menu.addAction("Re&name", self.rename_current)
        menu.addAction("&Remove", self._on_list_remove_requested)
        menu.exec(self.list.viewport().mapToGlobal(point))


class _BookmarkList(QListWidget):
    #: Delete (or Backspace) was pressed on a bookmark
    remove_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setUniformItemSizes(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == QAbstractItemView.State.EditingState
        if not editing and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.remove_requested.emit()
            return
        if not editing and event.key() == Qt.Key.Key_Space and self.currentItem():
            self.itemActivated.emit(self.currentItem())
            return
        super().keyPressEvent(event)


def bookmark_menu_actions(menu: QMenu, keeper: BookmarkKeeper, open_mark: object) -> list[QAction]:
    """Fill the Go > Bookmarks menu with the bookmarks (called when it opens)."""
    menu.clear()
    made = []
    for mark in keeper.items():
        action = menu.addAction(mark.title.replace("&", "&&"))
        action.setStatusTip(where(mark))
        action.triggered.connect(lambda _=False, m=mark: open_mark(m))  # type: ignore[operator]
        made.append(action)
    if not made:
        empty = menu.addAction("No bookmarks yet (Ctrl+D adds one)")
        empty.setEnabled(False)
    return made
