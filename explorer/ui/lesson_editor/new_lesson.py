"""New Lesson: a title and a section, and the file name the lesson will have."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from explorer.core.lesson_authoring import new_lesson_path
from explorer.core.models import SECTION_TITLES, SECTIONS
from explorer.ui.pickers import plain_buttons


class NewLessonDialog(QDialog):
    def __init__(self, folder: Path, taken: Iterable[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Lesson")
        self.folder = folder
        self.taken = set(taken)
        self.title = QLineEdit(placeholderText="e.g. Sharing a space station")
        self.title.setAccessibleName("Title")
        self.section = QComboBox()
        self.section.setAccessibleName("Section")
        for section in SECTIONS:
            self.section.addItem(SECTION_TITLES[section], section)
        self.file_label = QLabel(objectName="hint", wordWrap=True)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("&Section", self.section)
        form.addRow("", self.file_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create Lesson")
        plain_buttons(self.buttons)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.title.textChanged.connect(self._on_title_text_changed)
        self._on_title_text_changed("")
        self.setMinimumWidth(460)

    def path(self) -> Path:
        return new_lesson_path(self.folder, self.title.text(), self.taken)

    def chosen_section(self) -> str:
        return str(self.section.currentData())

    @Slot(str)
    def _on_title_text_changed(self, text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))
        self.file_label.setText(
            f"Saved as {self.path().name} in your lessons folder"
            if text.strip()
            else "Give the lesson a title."
        )
