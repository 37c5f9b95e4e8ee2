"""The lesson library: lessons grouped by section in reading order, then the teacher's
own (My lessons) and each collection (a folder of lessons) as a group of its own, the
open one selected, then a Browse group with the pages that gather the lessons and the
catalog (all topics)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from explorer.core.location import Location
from explorer.core.models import MY_LESSONS, SECTION_TITLES, SECTIONS, Lesson
from explorer.ui.theme import Theme

#: the page an item opens, a Location
PAGE_ROLE = Qt.ItemDataRole.UserRole
HEADER_ROLE = Qt.ItemDataRole.UserRole + 1
BROWSE = (
    (
        "All topics",
        Location("topic"),
        "Benefits, challenges and types of partnership, each with its lessons and partnerships",
    ),
)


class LibraryTree(QTreeWidget):
    #: the reader picked a page, a lesson or a Browse page: its Location
    page_chosen = Signal(object)

    def __init__(
        self, lessons: Sequence[Lesson], theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("library")
        self.setAccessibleName("Lesson library")
        self.setAccessibleDescription("Lessons by section, in reading order")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)
        self.setIndentation(0)
        self.setUniformRowHeights(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(_SectionDelegate(self))
        self._theme = theme
        self.set_lessons(lessons)
        self.currentItemChanged.connect(self._on_self_current_item_changed)

    def set_lessons(self, lessons: Sequence[Lesson]) -> None:
        """Fill the tree again (lessons reloaded); keeps the selected lesson."""
        selected = self.selected_page()
        self.blockSignals(True)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for lesson in lessons:
            if lesson.group not in groups:
                groups[lesson.group] = self._group_item(lesson)
            self._lesson_item(groups[lesson.group], lesson)
        for key in sorted(groups, key=_group_rank):  # the lessons' own order within
            self.addTopLevelItem(groups[key])
        browse = self._section_item("Browse")
        for title, page, tip in BROWSE:
            item = QTreeWidgetItem(browse, [title])
            item.setData(0, PAGE_ROLE, page)
            item.setToolTip(0, tip)
        self.addTopLevelItem(browse)
        self.expandAll()
        self.blockSignals(False)
        if selected:
            self.select(selected)

    def _group_item(self, lesson: Lesson) -> QTreeWidgetItem:
        item = self._section_item(lesson.group, lesson.group_title)
        if lesson.collection:
            item.setToolTip(0, f"{lesson.collection_title}: a collection from your lessons folder")
        return item

    def _section_item(self, section: str, title: str = "") -> QTreeWidgetItem:
        title = title or SECTION_TITLES.get(section, section)
        item = QTreeWidgetItem([title.upper()])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        item.setData(0, HEADER_ROLE, True)
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, title)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.8))
        item.setFont(0, font)
        item.setTextAlignment(0, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        return item

    def _lesson_item(self, group: QTreeWidgetItem, lesson: Lesson) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [lesson.title])
        item.setData(0, PAGE_ROLE, Location("lesson", lesson.slug))
        tip = lesson.summary
        described = []
        if lesson.origin == "teacher" and not lesson.collection:  # a collection's group says it
            item.setIcon(0, self._theme.icon("pencil", "muted"))
            tip = f"My lesson, from your lessons folder.\n\n{tip}".strip()
            described.append("my lesson")
        errors = sum(1 for p in lesson.problems if p.is_error)
        if errors:  # notes (what the app ignores) are for the checker, not a warning
            item.setIcon(0, self._theme.icon("warning"))
            tip = f"{tip}\n\nThis lesson has {errors} problem{'s' * (errors != 1)}: "
            tip += "Tools > Check My Content lists them"
            described.append("has problems")
        item.setToolTip(0, tip)
        if described:
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, ", ".join(described))
        return item

    def page_items(self) -> list[QTreeWidgetItem]:
        groups = [self.topLevelItem(i) for i in range(self.topLevelItemCount())]
        items = [g.child(i) for g in groups if g is not None for i in range(g.childCount())]
        return [item for item in items if item is not None]

    def lesson_items(self) -> list[QTreeWidgetItem]:
        return [i for i in self.page_items() if i.data(0, PAGE_ROLE).kind == "lesson"]

    def item_for(self, page: Location) -> QTreeWidgetItem | None:
        return next((i for i in self.page_items() if i.data(0, PAGE_ROLE) == page), None)

    def selected_page(self) -> Location | None:
        item = self.currentItem()
        page = item.data(0, PAGE_ROLE) if item is not None else None
        return page if isinstance(page, Location) else None

    def select(self, page: Location | None) -> None:
        """Highlight the open page (or nothing) without asking to open it again."""
        self.blockSignals(True)
        item = self.item_for(page) if page else None
        if item is None:
            self.setCurrentIndex(QModelIndex())
            self.clearSelection()
        else:
            self.setCurrentItem(item)
            self.scrollToItem(item)
        self.blockSignals(False)
        self.viewport().update()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_self_current_item_changed(
        self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        page = item.data(0, PAGE_ROLE) if item is not None else None
        if page:
            self.page_chosen.emit(page)


def _group_rank(group: str) -> tuple[int, int]:
    """Bundled sections in their order, then My lessons, then the collections (in the
    order their lessons come, which Python's stable sort keeps)."""
    if group in SECTIONS:
        return (0, SECTIONS.index(group))
    return (1, 0) if group == MY_LESSONS else (2, 0)


class _SectionDelegate(QStyledItemDelegate):
    """Section headings in a quieter colour, with room above them."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.data(HEADER_ROLE):
            colour = option.palette.color(option.palette.ColorRole.PlaceholderText)
            option.palette.setColor(option.palette.ColorRole.Text, colour)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(HEADER_ROLE):
            size.setHeight(size.height() + (14 if index.row() else 4))
        return size
