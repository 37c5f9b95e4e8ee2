"""The problems of the lesson being edited, one per line: 'Line 7: link to unknown ...'.
Clicking one asks the editor to go to its line. Without problems it is one quiet line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from explorer.core.models import Problem

LINE_ROLE = Qt.ItemDataRole.UserRole


class ProblemsPane(QWidget):
    #: a problem was clicked or activated: go to its line of the file (1-based)
    line_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="problemsLabel")
        self.list = QListWidget(objectName="problems")
        self.list.setAccessibleName("Problems")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.list, 1)
        self.list.hide()
        self.list.itemActivated.connect(self._on_list_item_activated)
        self.list.itemClicked.connect(self._on_list_item_activated)

    def show_problems(self, problems: Sequence[Problem]) -> None:
        self.list.clear()
        for problem in problems:
            note = "" if problem.is_error else "Note: "
            item = QListWidgetItem(f"Line {problem.line}: {note}{problem.message}")
            item.setData(LINE_ROLE, problem.line)
            item.setToolTip(str(problem))
            self.list.addItem(item)
        count = len(problems)
        errors = sum(1 for p in problems if p.is_error)
        rows = min(max(count, 2), 6)
        self.list.setFixedHeight(rows * (self.list.fontMetrics().lineSpacing() + 6) + 6)
        self.list.setVisible(bool(count))
        self.label.setProperty("found", bool(errors))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.label.setText(_summary(errors, count - errors))

    def messages(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    @Slot(QListWidgetItem)
    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.line_requested.emit(int(item.data(LINE_ROLE)))


def _summary(errors: int, notes: int) -> str:
    """'No problems', '2 problems', '1 problem, 3 notes', 'No problems, 1 note'."""
    said = f"{errors} problem{'s' * (errors != 1)}" if errors else "No problems"
    return f"{said}, {notes} note{'s' * (notes != 1)}" if notes else said
