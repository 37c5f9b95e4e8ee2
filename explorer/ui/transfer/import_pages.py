"""The pages of the spreadsheet import wizard (explorer.ui.transfer.import_wizard).

A page reads the session (explorer.ui.transfer.import_session) and shows what it found;
what the teacher asks for leaves the page as a request signal (a file chosen, a file to
read, a mapping chosen, rows to check, rows to import), which the wizard hands to the
session. A page never calls another page or the wizard. `isComplete` is false while the
session runs a job.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from explorer.store.csv_import import ImportPreview, ImportResult
from explorer.ui.transfer.import_mapping import MappingTable, initial_choices
from explorer.ui.transfer.import_preview import (
    PreviewPanel,
    file_problems_text,
    reading_text,
    result_text,
)
from explorer.ui.transfer.import_requests import (
    CheckRequest,
    FileSample,
    ImportRequest,
    MappingChoice,
    ReadFailure,
    ReadRequest,
)
from explorer.ui.transfer.import_session import CHECKING, IMPORTING, READING, ImportSession
from explorer.ui.transfer.widgets import ProgressPanel, message_label, show_message

Button = QWizard.WizardButton
CSV_FILTER = "Spreadsheets (*.csv *.tsv *.txt);;All files (*)"
#: what a page's progress line says when its job starts
BUSY_TEXT = {READING: "Reading the file…", CHECKING: "Checking the rows…", IMPORTING: "Importing…"}


class SessionPage(QWizardPage):
    """A page that shows the progress of its own task of the session (READING, ...)."""

    def __init__(self, session: ImportSession, task: str) -> None:
        super().__init__()
        self.session, self.task = session, task
        self.progress = ProgressPanel()
        session.task_changed.connect(self._on_session_task_changed)
        session.progressed.connect(self._on_session_progressed)

    @Slot(str)
    def _on_session_task_changed(self, task: str) -> None:
        if task == self.task:
            self.progress.busy(BUSY_TEXT[task])
        else:
            self.progress.stop()
        self.completeChanged.emit()

    @Slot(str, int, int)
    def _on_session_progressed(self, stage: str, done: int, total: int) -> None:
        if self.session.task == self.task:
            self.progress.show_progress(stage, done, total)


class FilePage(QWizardPage):
    #: the teacher chose the file to import (its path), with Next
    file_chosen = Signal(Path)

    def __init__(self, session: ImportSession) -> None:
        super().__init__()
        self.setTitle("Choose a spreadsheet")
        self.setSubTitle(
            "Partnerships from a CSV file: one partnership a row, the first row naming the columns."
        )
        self.session = session
        intro = QLabel(
            "Save the sheet from Excel, LibreOffice or Google Sheets as CSV (choose "
            "“CSV UTF-8” when offered). Only a name and a start year (or a date) are "
            "required: the status is worked out from the years, the type from the "
            "partners, and the domain may stay empty. Partnerships that come with the "
            "app are only changed if you choose so. Nothing is changed until the last "
            "step, your data is backed up first, and File › Undo Last Import takes an "
            "import back.",
            wordWrap=True,
        )
        self.path = QLineEdit(objectName="importPath")
        self.path.setAccessibleName("CSV file")
        self.path.setPlaceholderText("The CSV file to import")
        self.path.setClearButtonEnabled(True)
        self.path.textChanged.connect(self._on_path_text_changed)
        self.choose = QPushButton("Choose File…")
        self.choose.clicked.connect(self._on_choose_clicked)
        self.problem = message_label("fieldError")
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(self.choose)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(12)
        layout.addWidget(QLabel("File:"))
        layout.addLayout(row)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def chosen(self) -> Path:
        return Path(self.path.text().strip()).expanduser()

    def isComplete(self) -> bool:
        return bool(self.path.text().strip()) and self.chosen().is_file()

    @Slot(str)
    def _on_path_text_changed(self, text: str) -> None:
        missing = bool(text.strip()) and not self.chosen().exists()
        show_message(self.problem, f"{self.chosen()}: no such file." if missing else "")
        self.completeChanged.emit()

    @Slot()
    def _on_choose_clicked(self) -> None:
        start = self.path.text().strip() or self.session.last_folder()
        name, _ = QFileDialog.getOpenFileName(self, "Import Spreadsheet", start, CSV_FILTER)
        if name:
            self.path.setText(name)

    def validatePage(self) -> bool:
        self.file_chosen.emit(self.chosen())
        return True


class ColumnsPage(SessionPage):
    #: the file is to be read (again, with another encoding or delimiter): a ReadRequest
    read_requested = Signal(object)
    #: the teacher matched the columns, with Next: a MappingChoice
    mapping_chosen = Signal(object)

    def __init__(self, session: ImportSession) -> None:
        super().__init__(session, READING)
        self.setTitle("Match the columns")
        self.problem = message_label("fieldError")
        self.mapping = MappingTable()
        self.mapping.mapping_changed.connect(self._on_mapping_mapping_changed)
        self.mapping.reading_changed.connect(self._on_mapping_reading_changed)
        session.file_read.connect(self._on_session_file_read)
        session.read_failed.connect(self._on_session_read_failed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem)
        layout.addWidget(self.mapping, 1)

    def _file(self) -> Path:
        assert self.session.path is not None  # the file page came first
        return self.session.path

    def initializePage(self) -> None:
        self.setSubTitle(
            f"{self._file().name}: choose the column of your file that fills each "
            "field. Your choices are remembered for files with these columns."
        )
        self.read_requested.emit(ReadRequest(self._file()))

    def isComplete(self) -> bool:
        return (
            self.session.sample is not None
            and not self.session.busy
            and not self.mapping.missing_required()
        )

    @Slot(object)
    def _on_session_file_read(self, sample: FileSample) -> None:
        remembered = self.session.remembered_mapping(sample.header)
        choices = initial_choices(sample, remembered.columns, remembered.fixed)
        self.mapping.show_sample(sample, self.session.detected, choices)
        self.mapping.table.setEnabled(True)
        self._on_mapping_mapping_changed()

    @Slot(object)
    def _on_session_read_failed(self, failure: ReadFailure) -> None:
        """Say why, and let the teacher try another encoding or delimiter."""
        show_message(self.problem, failure.message, "fieldError")
        self.mapping.show_reading(failure.request.encoding, failure.request.delimiter)
        self.mapping.table.setEnabled(False)
        self.completeChanged.emit()

    @Slot()
    def _on_mapping_mapping_changed(self) -> None:
        missing = self.mapping.missing_required()
        show_message(
            self.problem,
            f"Choose a column for {' and '.join(missing)}." if missing else "",
            "fieldError",
        )
        self.completeChanged.emit()

    @Slot(str, str)
    def _on_mapping_reading_changed(self, encoding: str, delimiter: str) -> None:
        self.read_requested.emit(ReadRequest(self._file(), encoding, delimiter))

    def validatePage(self) -> bool:
        self.mapping_chosen.emit(MappingChoice(self.mapping.choices(), self.mapping.fixed()))
        return True


class CheckPage(SessionPage):
    #: the rows are to be checked (again): a CheckRequest
    check_requested = Signal(object)
    #: the teacher chose Import: an ImportRequest
    import_requested = Signal(object)

    def __init__(self, session: ImportSession) -> None:
        super().__init__(session, CHECKING)
        self.setTitle("Check the rows")
        self.setCommitPage(True)
        self.setButtonText(Button.CommitButton, "&Import")
        self.problem = message_label("fieldError")
        self.panel = PreviewPanel()
        self.panel.options_changed.connect(self._on_panel_options_changed)
        self.panel.update_existing.toggled.connect(self._on_panel_options_changed)
        self.panel.update_bundled.toggled.connect(self._on_panel_options_changed)
        self.blocker = message_label("formNotice")
        self.again = QPushButton("Check &Again")
        self.again.setToolTip("Read the file again, after fixing it in your spreadsheet")
        self.again.clicked.connect(self._on_again_clicked)
        session.rows_checked.connect(self._on_session_rows_checked)
        session.check_failed.connect(self._on_session_check_failed)
        bottom = QHBoxLayout()
        bottom.addWidget(self.blocker, 1)
        bottom.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)

    def initializePage(self) -> None:
        self._request_check()

    @Slot()
    def _on_again_clicked(self) -> None:
        self._request_check()

    def _request_check(self) -> None:
        assert self.session.sample is not None  # the columns page needs one to go on
        self.panel.hide()
        show_message(self.blocker, "")
        self.check_requested.emit(CheckRequest(self.session.sample, self.session.mapping))

    def isComplete(self) -> bool:
        preview = self.session.preview
        return (
            preview is not None
            and not self.session.busy
            and not preview.problems
            and not self.panel.blocker()
        )

    def validatePage(self) -> bool:
        preview, panel = self.session.preview, self.panel
        assert preview is not None  # Import is enabled only then
        request = ImportRequest(
            preview,
            on_existing=panel.on_existing(),
            skip_invalid=panel.skip_invalid.isChecked(),
            update_bundled=panel.update_bundled.isChecked(),
        )
        self.import_requested.emit(request)
        return True

    @Slot(object)
    def _on_session_rows_checked(self, preview: ImportPreview) -> None:
        self.setSubTitle(reading_text(preview))
        show_message(self.problem, file_problems_text(preview), "fieldError")
        self.panel.setVisible(not preview.problems)
        self.panel.show_preview(preview)
        self._on_panel_options_changed()

    @Slot(str)
    def _on_session_check_failed(self, text: str) -> None:
        show_message(self.problem, text, "fieldError")
        self.panel.hide()
        show_message(self.blocker, "")
        self.completeChanged.emit()

    @Slot()
    def _on_panel_options_changed(self) -> None:
        preview = self.session.preview
        if preview is not None and not preview.problems:
            show_message(self.blocker, self.panel.blocker(), "formNotice")
        self.completeChanged.emit()


class ImportPage(SessionPage):
    def __init__(self, session: ImportSession) -> None:
        super().__init__(session, IMPORTING)
        self.setTitle("Import")
        self.result = message_label("formNotice")
        session.imported.connect(self._on_session_imported)
        session.import_failed.connect(self._on_session_import_failed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def _name(self) -> str:
        return self.session.path.name if self.session.path else ""

    def initializePage(self) -> None:
        self.setTitle("Importing")
        self.setSubTitle(f"Importing {self._name()}, in one go: every row lands, or none does.")
        show_message(self.result, "")

    def isComplete(self) -> bool:
        return self.session.finished

    @Slot(object)
    def _on_session_imported(self, result: ImportResult) -> None:
        assert self.session.preview is not None  # it was imported
        self._show_result(result_text(result, self.session.preview))

    @Slot(str)
    def _on_session_import_failed(self, text: str) -> None:
        self._show_result(text, problem=True)

    def _show_result(self, text: str, problem: bool = False) -> None:
        name = self._name()
        self.setTitle("Not imported" if problem else "Imported")
        self.setSubTitle(
            f"Nothing of {name} was written." if problem else f"{name} is in the catalog."
        )
        show_message(self.result, text, "fieldError" if problem else "formNotice")
        self.completeChanged.emit()
