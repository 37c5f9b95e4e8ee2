"""Choosing from long lists by typing: a filtered checklist (the partnerships a lesson
cites) and a dialog that picks one lesson or partnership to link to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QIcon, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.models import Partnership

SLUG_ROLE = Qt.ItemDataRole.UserRole
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1
PAD_X, PAD_Y = 8, 5
KIND_LABELS = {"lesson": "Lesson", "partnership": "Partnership", "draft": "Unsaved draft"}


def partnership_choices(partnerships: Iterable[Partnership]) -> list[Choice]:
    """Partnerships to choose from, by name, each with its years."""
    ordered = sorted(partnerships, key=lambda p: p.name.lower())
    return [Choice("partnership", p.slug, p.name, p.years_label()) for p in ordered]


@dataclass(frozen=True, slots=True)
class Choice:
    """One thing to pick: a lesson or partnership (kind), its slug, what the list shows."""

    kind: str
    slug: str
    title: str
    detail: str = ""

    @property
    def label(self) -> str:
        return f"{self.title}  ·  {self.detail}" if self.detail else self.title

    def matches(self, words: Sequence[str]) -> bool:
        haystack = f"{self.title} {self.slug} {self.detail}".lower()
        return all(word in haystack for word in words)


Index = QModelIndex | QPersistentModelIndex


def plain_buttons(box: QDialogButtonBox) -> None:
    """No icons on a dialog's buttons: the app's buttons are words only."""
    for button in box.buttons():
        button.setIcon(QIcon())


def _words(text: str) -> list[str]:
    return text.lower().split()


class SearchableChecklist(QWidget):
    """A filter field over a list of checkable choices; checked ones are listed first."""

    #: the user checked or unchecked an item
    checked_changed = Signal()

    def __init__(
        self, choices: Iterable[Choice], placeholder: str = "Filter…", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        self.filter.setAccessibleName(placeholder.rstrip("…"))
        self.list = QListWidget()
        self.list.setAccessibleName("Choices")
        self.list.setUniformItemSizes(True)
        self.count = QLabel(objectName="hint")
        self._items: dict[str, QListWidgetItem] = {}
        self._choices: dict[str, Choice] = {}
        self._order: list[str] = []
        for choice in choices:
            item = QListWidgetItem(choice.label)
            item.setData(SLUG_ROLE, choice.slug)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(choice.slug)
            self.list.addItem(item)
            self._items[choice.slug] = item
            self._choices[choice.slug] = choice
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self._update_count()

    def checked(self) -> list[str]:
        """Checked slugs, in the order they were set or checked."""
        return list(self._order)

    def set_checked(self, slugs: Sequence[str]) -> None:
        """Check exactly `slugs` (without telling anyone); unknown slugs are kept too, so
        saving never drops what the file says."""
        if list(slugs) == self.checked():
            return
        self._order = list(dict.fromkeys(slugs))
        self.list.blockSignals(True)
        for slug, item in self._items.items():
            state = Qt.CheckState.Checked if slug in self._order else Qt.CheckState.Unchecked
            item.setCheckState(state)
        self.list.blockSignals(False)
        self._sort()
        self._update_count()

    @Slot(str)
    def _on_filter_text_changed(self, text: str) -> None:
        words = _words(text)
        for slug, item in self._items.items():
            item.setHidden(not self._choices[slug].matches(words))

    @Slot(QListWidgetItem)
    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        slug = str(item.data(SLUG_ROLE))
        checked = item.checkState() == Qt.CheckState.Checked
        if checked and slug not in self._order:
            self._order.append(slug)
        elif not checked and slug in self._order:
            self._order.remove(slug)
        self._update_count()
        self.checked_changed.emit()

    def _sort(self) -> None:
        """Checked items first (in their order), then the rest as given."""
        self.list.blockSignals(True)
        rows = [self.list.takeItem(0) for _ in range(self.list.count())]
        rank = {slug: i for i, slug in enumerate(self._order)}
        rows.sort(key=lambda item: rank.get(str(item.data(SLUG_ROLE)), len(rank)))
        for item in rows:
            self.list.addItem(item)
        self.list.blockSignals(False)

    def _update_count(self) -> None:
        n = len(self._order)
        self.count.setText("None chosen" if n == 0 else f"{n} chosen")


class TwoLineDelegate(QStyledItemDelegate):
    """A choice as its title over a quieter detail line."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.lineSpacing()
        return QSize(option.rect.width(), 2 * line + 2 * PAD_Y + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text = palette.highlightedText() if selected else palette.text()
        muted = palette.highlightedText() if selected else palette.placeholderText()
        rect = option.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        for row, (value, brush) in enumerate(
            ((index.data(), text), (index.data(DETAIL_ROLE), muted))
        ):
            painter.setPen(brush.color())
            area = QRect(rect.left(), rect.top() + row * (line + 2), rect.width(), line)
            elided = option.fontMetrics.elidedText(
                str(value or ""), Qt.TextElideMode.ElideRight, area.width()
            )
            painter.drawText(
                area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, elided
            )
        painter.restore()


class ChoicePicker(QDialog):
    """Type to filter a list of lessons or partnerships; Enter (or double-click) picks one."""

    def __init__(
        self,
        choices: Sequence[Choice],
        parent: QWidget | None = None,
        *,
        title: str = "Insert Link",
        accept_text: str = "Insert Link",
        placeholder: str = "Type a lesson or partnership…",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.filter = QLineEdit(placeholderText=placeholder, clearButtonEnabled=True)
        self.filter.setAccessibleName(placeholder.rstrip("…"))
        self.list = QListWidget()
        self.list.setAccessibleName("Lessons and partnerships")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setItemDelegate(TwoLineDelegate(self.list))
        self._choices = list(choices)
        for index, choice in enumerate(self._choices):
            kind = KIND_LABELS.get(choice.kind, choice.kind.capitalize())
            item = QListWidgetItem(choice.title)
            item.setData(SLUG_ROLE, index)
            item.setData(DETAIL_ROLE, f"{kind} · {choice.detail or choice.slug}")
            self.list.addItem(item)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(accept_text)
        plain_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.buttons)
        self.filter.textChanged.connect(self._on_filter_text_changed)
        self.filter.installEventFilter(self)
        self.list.itemDoubleClicked.connect(self.accept)
        self.list.setCurrentRow(0)
        self.resize(520, 480)

    def chosen(self) -> Choice | None:
        item = self.list.currentItem()
        if item is None or item.isHidden():
            return None
        return self._choices[int(item.data(SLUG_ROLE))]

    @Slot(str)
    def _on_filter_text_changed(self, text: str) -> None:
        words = _words(text)
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = not self._choices[int(item.data(SLUG_ROLE))].matches(words)
            item.setHidden(hidden)
            if not hidden and first is None:
                first = item
        if first is None:
            self.list.setCurrentRow(-1)
        else:
            self.list.setCurrentItem(first)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(first is not None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter field move through the list."""
        if (
            watched is self.filter
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down)
        ):
            self._step(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(watched, event)

    def _step(self, direction: int) -> None:
        visible = [r for r in range(self.list.count()) if not self.list.item(r).isHidden()]
        if not visible:
            return
        current = self.list.currentRow()
        later = [r for r in visible if (r - current) * direction > 0]
        target = (later[0] if direction > 0 else later[-1]) if later else current
        self.list.setCurrentRow(target)
