"""File › Export Quiz…: a lesson's questions, or every lesson's, for a learning platform.

Two choices (which questions, which format) and "Export…", which asks for a file name
and writes the file atomically; the dialog then says what was written and how to import
it. The lesson on screen is chosen to start with; the format is remembered.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.atomic import atomic_write_bytes
from explorer.core.models import Lesson
from explorer.core.quiz_export import QUIZ_FORMATS, quiz_set
from explorer.core.quiz_writers import write_quiz
from explorer.ui.transfer.widgets import message_label, plural, show_message

FORMAT_KEY = "quiz-export/format"
FOLDER_KEY = "quiz-export/folder"
ALL = "all"
#: where each platform imports the file (shown under the format)
WHERE = {
    "gift": "In Moodle: the question bank's Import page, file format GIFT.",
    "moodle-xml": "In Moodle: the question bank's Import page, file format Moodle XML.",
    "qti": "In Canvas: Settings › Import Course Content, content type QTI .zip file. "
    "Blackboard and other platforms import QTI 1.2 packages too.",
}


class QuizExportDialog(QDialog):
    #: a quiz file was written: its path
    exported = Signal(Path)

    def __init__(
        self,
        lessons: list[Lesson],
        settings: QSettings,
        current: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export Quiz")
        self.setObjectName("quizExportDialog")
        self.settings = settings
        self.lessons = [x for x in lessons if x.questions]
        self.which = QComboBox()
        self.format = QComboBox()
        self.where = QLabel(objectName="hint", wordWrap=True)
        self.message = message_label()
        self.export_button = QPushButton("&Export…")
        self.export_button.setDefault(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        self.format.currentIndexChanged.connect(self._on_format_current_index_changed)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Check-your-understanding questions as a file your school's learning platform "
            "imports: multiple choice with its explanation as feedback, open questions as "
            "essays with the model answer as feedback.",
            objectName="hint",
            wordWrap=True,
        )
        layout.addWidget(intro)
        layout.addLayout(self._form(current))
        layout.addWidget(self.where)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.export_button.setEnabled(bool(self.lessons))
        self.resize(520, self.sizeHint().height())

    def _form(self, current: str) -> QFormLayout:
        total = sum(len(x.questions) for x in self.lessons)
        self.which.addItem(f"All lessons ({plural(total, 'question')})", ALL)
        for lesson in self.lessons:
            count = plural(len(lesson.questions), "question")
            self.which.addItem(f"{lesson.title} ({count})", lesson.slug)
        found = self.which.findData(current)
        self.which.setCurrentIndex(found if found >= 0 else 0)
        self.which.setAccessibleName("Questions from")
        for key, (name, _suffix) in QUIZ_FORMATS.items():
            self.format.addItem(name, key)
        self.format.setAccessibleName("Format")
        remembered = self.format.findData(str(self.settings.value(FORMAT_KEY) or "moodle-xml"))
        self.format.setCurrentIndex(max(0, remembered))
        self._on_format_current_index_changed()
        form = QFormLayout()
        for text, field in (("&Questions from:", self.which), ("&Format:", self.format)):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        return form

    def chosen(self) -> tuple[str, str]:
        """(lesson slug or 'all', format name)."""
        return str(self.which.currentData()), str(self.format.currentData())

    def _on_format_current_index_changed(self, _index: int = 0) -> None:
        self.where.setText(WHERE.get(str(self.format.currentData()), ""))

    def _on_export_button_clicked(self) -> None:
        which, format_name = self.chosen()
        self.settings.setValue(FORMAT_KEY, format_name)
        suffix = QUIZ_FORMATS[format_name][1]
        folder = Path(str(self.settings.value(FOLDER_KEY) or Path.home()))
        name = ("all-lessons" if which == ALL else which.replace("/", "-")) + "-quiz" + suffix
        pattern = f"{QUIZ_FORMATS[format_name][0]} (*{suffix})"
        chosen, _ = QFileDialog.getSaveFileName(self, "Export Quiz", str(folder / name), pattern)
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != suffix:
            out = out.with_name(out.name + suffix)
        self.settings.setValue(FOLDER_KEY, str(out.parent))
        self.export_to(out)

    def export_to(self, out: Path) -> bool:
        which, format_name = self.chosen()
        chosen = self.lessons if which == ALL else [x for x in self.lessons if x.slug == which]
        quiz = quiz_set(chosen)
        try:
            atomic_write_bytes(out, write_quiz(format_name, quiz))
        except OSError as exc:
            text = f"{out} could not be written ({exc.strerror or exc}). Nothing was changed."
            show_message(self.message, text, "fieldError")
            return False
        lessons = plural(len(quiz.lessons), "lesson")
        text = f"Saved {out}: {plural(len(quiz.items), 'question')} from {lessons}."
        show_message(self.message, text, "formNotice")
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.exported.emit(out)
        return True
