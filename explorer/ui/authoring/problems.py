"""The problems of the lesson being edited, one per line: 'Line 7: link to unknown ...'.
Clicking one asks the editor to go to its line. Without problems it is one quiet line."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
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
            item = QListWidgetItem(f"Line {problem.line}: {problem.message}")
            item.setData(LINE_ROLE, problem.line)
            item.setToolTip(str(problem))
            self.list.addItem(item)
        count = len(problems)
        rows = min(max(count, 2), 6)
        self.list.setFixedHeight(rows * (self.list.fontMetrics().lineSpacing() + 6) + 6)
        self.list.setVisible(bool(count))
        self.label.setProperty("found", bool(count))
        self.label.style().unpolish(self.label)
        self.label.style().polish(self.label)
        self.label.setText("No problems" if not count else f"{count} problem{'s' * (count != 1)}")

    def messages(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _on_list_item_activated(self, item: QListWidgetItem) -> None:
        self.line_requested.emit(int(item.data(LINE_ROLE)))
