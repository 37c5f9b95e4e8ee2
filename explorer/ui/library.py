"""The lesson library: lessons grouped by section in reading order, then the teacher's
own (My lessons) and each collection (a folder of lessons) as a group of its own, the
open one selected, then a Browse group with the pages that gather the lessons and the
catalog (all topics, my progress). Each lesson may carry a progress mark at its right
(`set_marks`: a ring when started, a dot when read, the quiz score), and in the student
view (`set_teacher_view(False)`) the teacher's own marks (pencil, problems) are left out."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QIcon, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QStyle,
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
#: a lesson's progress mark: (status "started" or "read", score label such as "2/3")
MARK_ROLE = Qt.ItemDataRole.UserRole + 2
#: a lesson item's own tip and description, before its progress mark is added
BASE_ROLE = Qt.ItemDataRole.UserRole + 3
BROWSE = (
    (
        "All topics",
        Location("topic"),
        "Benefits, challenges and types of partnership, each with its lessons and partnerships",
    ),
    ("My progress", Location("progress"), "What you have read and your quiz scores, by section"),
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
        #: reading trails listed in a group of their own: (slug, title, summary)
        self._trails: tuple[tuple[str, str, str], ...] = ()
        self._marks: Mapping[str, tuple[str, str, str]] = {}
        self.teacher_view = True
        self._lessons: Sequence[Lesson] = ()
        self.set_lessons(lessons)
        self.currentItemChanged.connect(self._on_self_current_item_changed)

    def set_lessons(self, lessons: Sequence[Lesson]) -> None:
        """Fill the tree again (lessons reloaded); keeps the selected lesson."""
        self._lessons = lessons
        selected = self.selected_page()
        self._lessons = lessons
        self.blockSignals(True)
        self.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for lesson in lessons:
            if lesson.group not in groups:
                groups[lesson.group] = self._group_item(lesson)
            self._lesson_item(groups[lesson.group], lesson)
        for key in sorted(groups, key=_group_rank):  # the lessons' own order within
            self.addTopLevelItem(groups[key])
        if self._trails:
            self.addTopLevelItem(self._trails_item())
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

    def set_trails(self, trails: Sequence[tuple[str, str, str]]) -> None:
        """List reading trails (slug, title, summary) in a Trails group of their own."""
        self._trails = tuple(trails)
        old = next(
            (i for i in range(self.topLevelItemCount()) if self._is_trails(self.topLevelItem(i))),
            None,
        )
        if old is not None:
            self.takeTopLevelItem(old)
        if self._trails:  # before Browse, the last group
            self.insertTopLevelItem(self.topLevelItemCount() - 1, self._trails_item())
            self.expandAll()

    def _is_trails(self, item: QTreeWidgetItem | None) -> bool:
        first = item.child(0) if item is not None and item.childCount() else None
        page = first.data(0, PAGE_ROLE) if first is not None else None
        return isinstance(page, Location) and page.kind == "trail"

    def _trails_item(self) -> QTreeWidgetItem:
        group = self._section_item("Trails")
        for slug, title, summary in self._trails:
            item = QTreeWidgetItem(group, [title])
            item.setData(0, PAGE_ROLE, Location("trail", slug))
            item.setToolTip(0, f"A reading trail. {summary}".strip())
            item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, "reading trail")
        return group

    def set_marks(self, marks: Mapping[str, tuple[str, str, str]]) -> None:
        """Each lesson's progress, by slug: (status, score label, words); a lesson not in
        `marks` has none (not opened yet)."""
        self._marks = dict(marks)
        for item in self.lesson_items():
            self._apply_mark(item, item.data(0, PAGE_ROLE).slug)
        self.viewport().update()

    def set_teacher_view(self, on: bool) -> None:
        """Show (or, for a student, leave out) the teacher's marks: pencil, problems."""
        if on != self.teacher_view:
            self.teacher_view = on
            self.set_lessons(self._lessons)

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
        teacher = self.teacher_view
        if teacher and lesson.origin == "teacher" and not lesson.collection:  # a collection's
            item.setIcon(0, self._theme.icon("pencil", "muted"))  # group says it
            tip = f"My lesson, from your lessons folder.\n\n{tip}".strip()
            described.append("my lesson")
        errors = sum(1 for p in lesson.problems if p.is_error) if teacher else 0
        if errors:  # notes (what the app ignores) are for the checker, not a warning
            item.setIcon(0, self._theme.icon("warning"))
            tip = f"{tip}\n\nThis lesson has {errors} problem{'s' * (errors != 1)}: "
            tip += "Tools > Check My Content lists them"
            described.append("has problems")
        item.setToolTip(0, tip)
        item.setData(0, BASE_ROLE, (tip, ", ".join(described)))
        self._apply_mark(item, lesson.slug)
        return item

    def _apply_mark(self, item: QTreeWidgetItem, slug: str) -> None:
        tip, described = item.data(0, BASE_ROLE)
        mark = self._marks.get(slug)
        item.setData(0, MARK_ROLE, mark[:2] if mark else None)
        words = mark[2] if mark else ""
        item.setToolTip(0, f"{tip}\n\n{words[:1].upper()}{words[1:]}.".strip() if words else tip)
        description = ", ".join(x for x in (described, words) if x)
        item.setData(0, Qt.ItemDataRole.AccessibleDescriptionRole, description or None)

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


#: the diameter of a lesson's progress mark (px)
DOT = 9


class _SectionDelegate(QStyledItemDelegate):
    """Section headings in a quieter colour, with room above them."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        if index.data(HEADER_ROLE):
            colour = option.palette.color(option.palette.ColorRole.PlaceholderText)
            option.palette.setColor(option.palette.ColorRole.Text, colour)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """A lesson with a progress mark: the title, then at the right its score and a
        ring (started) or a dot (read)."""
        mark = index.data(MARK_ROLE)
        if not mark:
            super().paint(painter, option, index)
            return
        status, score = mark
        metrics = option.fontMetrics
        room = (metrics.horizontalAdvance(score) + 6 if score else 0) + DOT + 10
        full = QStyleOptionViewItem(option)
        self.initStyleOption(full, index)
        full.text, full.icon = "", QIcon()
        style = option.widget.style() if option.widget else None
        if style is not None:  # the row's background and selection, under the mark too
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, full, painter, option.widget)
        title = QStyleOptionViewItem(option)
        title.rect = option.rect.adjusted(0, 0, -room, 0)
        title.state &= ~QStyle.StateFlag.State_HasFocus  # one focus frame: the full row's
        super().paint(painter, title, index)
        self._paint_mark(painter, option, status, score)

    def _paint_mark(
        self, painter: QPainter, option: QStyleOptionViewItem, status: str, score: str
    ) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        roles = option.palette.ColorRole
        ink = option.palette.color(roles.HighlightedText if selected else roles.Highlight)
        muted = option.palette.color(roles.HighlightedText if selected else roles.PlaceholderText)
        middle = option.rect.center().y()
        dot = QRect(option.rect.right() - 8 - DOT, middle - DOT // 2, DOT, DOT)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(ink)
        painter.setBrush(ink if status == "read" else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(dot.adjusted(1, 1, -1, -1))
        if score:
            width = option.fontMetrics.horizontalAdvance(score)
            box = QRect(dot.left() - 6 - width, option.rect.top(), width, option.rect.height())
            painter.setPen(muted)
            align = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
            painter.drawText(box, align, score)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        if index.data(HEADER_ROLE):
            size.setHeight(size.height() + (14 if index.row() else 4))
        return size
