"""File > Merge Class Progress: the teacher puts the files students exported into one
class table (a row per student file) and a per-question view (how many students chose
each answer first, so the teacher sees which question the class got wrong), shown here
and saved as CSV for a spreadsheet."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from explorer.core.classroom.merge import (
    StudentFile,
    Table,
    class_table,
    question_summary,
    question_table,
)
from explorer.store.classroom_files import read_student_files, write_table

FOLDER_KEY = "classroom/merge_folder"


class MergeDialog(QDialog):
    #: a table was saved: its path
    saved = Signal(Path)

    def __init__(self, settings: QSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge Class Progress")
        self.setAccessibleName("Merge class progress")
        self.settings = settings
        self.paths: list[Path] = []
        self.files: list[StudentFile] = []
        self.problems: list[str] = []
        self.file_list = QListWidget()
        self.file_list.setAccessibleName("Student progress files")
        self.file_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.add_button = QPushButton("&Add Files…")
        self.remove_button = QPushButton("&Remove")
        self.remove_button.setAccessibleName("Remove the chosen files")
        self.message = QLabel(wordWrap=True, objectName="hint")
        self.message.setAccessibleName("What the merge found")
        self.class_view = _table_widget("Class table: one row per student file")
        self.question_view = _table_widget("Per question, the hardest first: first choices")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.class_view, "&Class")
        self.tabs.addTab(self.question_view, "By &question")
        self.save_class_button = QPushButton("Save Class &Table…")
        self.save_questions_button = QPushButton("Save &Per-Question Table…")
        self.save_questions_button.setToolTip(
            "One row per question and choice: how many students chose it first"
        )
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        for button in (self.save_class_button, self.save_questions_button):
            self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        self._layout()
        self._connect()
        self._update()
        self.resize(900, 600)

    def _layout(self) -> None:
        intro = QLabel(
            "Add the progress files your students exported (File › Export My Progress). "
            "Each file is one row of the class table; By question lists the questions, the "
            "hardest first, with how many students chose each answer first.",
            wordWrap=True,
        )
        side = QVBoxLayout()
        side.addWidget(self.add_button)
        side.addWidget(self.remove_button)
        side.addStretch(1)
        files = QHBoxLayout()
        files.addWidget(self.file_list, 1)
        files.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(files)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.buttons)
        self.file_list.setMaximumHeight(100)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.save_class_button.clicked.connect(lambda: self._ask_and_save("class"))
        self.save_questions_button.clicked.connect(lambda: self._ask_and_save("questions"))
        self.buttons.rejected.connect(self.reject)
        self.file_list.itemSelectionChanged.connect(self._update_buttons)

    # -- files ------------------------------------------------------------------------------
    def add_files(self, paths: Iterable[Path]) -> None:
        for path in paths:
            if path not in self.paths:
                self.paths.append(Path(path))
        self._read()

    def remove_files(self, paths: Iterable[Path]) -> None:
        gone = set(paths)
        self.paths = [p for p in self.paths if p not in gone]
        self._read()

    def _read(self) -> None:
        self.files, self.problems = read_student_files(self.paths)
        self._update()

    def class_table(self) -> Table:
        return class_table(self.files)

    def question_table(self) -> Table:
        return question_table(self.files)

    def save(self, which: str, out: Path) -> Path:
        """Write the class table ('class') or the per-question table as CSV (atomically)."""
        table = self.class_table() if which == "class" else self.question_table()
        written = write_table(out, table)
        self.message.setText(f"Saved {out.name} in {out.parent}.")
        self.saved.emit(written)
        return written

    # -- showing ------------------------------------------------------------------------------
    def _update(self) -> None:
        self.file_list.clear()
        readable = {f.source for f in self.files}
        for path in self.paths:
            self.file_list.addItem(path.name if path.name in readable else f"{path.name} (unread)")
            item = self.file_list.item(self.file_list.count() - 1)
            item.setData(Qt.ItemDataRole.UserRole, str(path))
            item.setToolTip(str(path))
        _fill(self.class_view, self.class_table())
        _fill(self.question_view, question_summary(self.files))
        students = len(self.files)
        text = f"{students} student file{'s' * (students != 1)} merged." if self.paths else ""
        if self.problems:
            text += " Not merged: " + "; ".join(self.problems)
        self.message.setText(text.strip())
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.file_list.selectedItems()))
        for button in (self.save_class_button, self.save_questions_button):
            button.setEnabled(bool(self.files))

    @Slot()
    def _on_add_button_clicked(self) -> None:
        folder = str(self.settings.value(FOLDER_KEY) or Path.home())
        chosen, _ = QFileDialog.getOpenFileNames(
            self, "Add Progress Files", folder, "Progress files (*.json)"
        )
        if chosen:
            self.settings.setValue(FOLDER_KEY, str(Path(chosen[0]).parent))
            self.add_files(Path(p) for p in chosen)

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        chosen = [Path(i.data(Qt.ItemDataRole.UserRole)) for i in self.file_list.selectedItems()]
        self.remove_files(chosen)

    def _ask_and_save(self, which: str) -> None:
        name = "class-progress.csv" if which == "class" else "class-questions.csv"
        folder = Path(str(self.settings.value(FOLDER_KEY) or Path.home()))
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Save Table", str(folder / name), "Spreadsheets (*.csv)"
        )
        if not chosen:
            return
        out = Path(chosen) if chosen.lower().endswith(".csv") else Path(chosen + ".csv")
        try:
            self.save(which, out)
        except OSError as exc:
            self.message.setText(f"{out} could not be written ({exc.strerror or exc}).")


def _table_widget(name: str) -> QTableWidget:
    table = QTableWidget()
    table.setAccessibleName(name)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setSortingEnabled(True)
    table.verticalHeader().setVisible(False)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    return table


def _fill(view: QTableWidget, table: Table) -> None:
    view.setSortingEnabled(False)
    view.clear()
    view.setColumnCount(len(table.header))
    view.setRowCount(len(table.rows))
    view.setHorizontalHeaderLabels(list(table.header))
    for r, row in enumerate(table.rows):
        for c, value in enumerate(row):
            item = QTableWidgetItem()
            if value.isdigit():  # counts sort as numbers
                item.setData(Qt.ItemDataRole.DisplayRole, int(value))
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            else:
                item.setText(value)
            view.setItem(r, c, item)
    view.resizeColumnsToContents()
    for c in range(view.columnCount()):
        view.setColumnWidth(c, min(view.columnWidth(c), 260))
    view.setSortingEnabled(True)
