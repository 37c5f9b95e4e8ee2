"""The pages of the spreadsheet import wizard (explorer.ui.transfer.import_wizard).

Each page shows what the wizard found and asks the wizard (`owner`) to run the slow parts
in the background; `isComplete` is false while a job runs.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

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

from explorer.store.csv_import import ImportPreview
from explorer.ui.transfer.import_mapping import (
    FileSample,
    MappingTable,
    initial_choices,
    remember_mapping,
    remembered_mapping,
)
from explorer.ui.transfer.import_preview import PreviewPanel, file_problems_text, reading_text
from explorer.ui.transfer.widgets import ProgressPanel, message_label, show_message

if TYPE_CHECKING:
    from explorer.ui.transfer.import_wizard import ImportWizard

Button = QWizard.WizardButton
FOLDER_KEY = "csv-import/folder"
CSV_FILTER = "Spreadsheets (*.csv *.tsv *.txt);;All files (*)"


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Choose a spreadsheet")
        self.setSubTitle(
            "Partnerships from a CSV file: one partnership a row, the first row naming the columns."
        )
        self.owner = wizard
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

    def _on_path_text_changed(self, text: str) -> None:
        missing = bool(text.strip()) and not self.chosen().exists()
        show_message(self.problem, f"{self.chosen()}: no such file." if missing else "")
        self.completeChanged.emit()

    def _on_choose_clicked(self) -> None:
        start = self.path.text().strip() or str(self.owner.settings.value(FOLDER_KEY) or "")
        name, _ = QFileDialog.getOpenFileName(self, "Import Spreadsheet", start, CSV_FILTER)
        if name:
            self.path.setText(name)

    def validatePage(self) -> bool:
        self.owner.settings.setValue(FOLDER_KEY, str(self.chosen().parent))
        return True


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Match the columns")
        self.owner = wizard
        self.progress = ProgressPanel()
        self.problem = message_label("fieldError")
        self.mapping = MappingTable()
        self.mapping.mapping_changed.connect(self._on_mapping_mapping_changed)
        self.mapping.reading_changed.connect(self._on_mapping_reading_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem)
        layout.addWidget(self.mapping, 1)

    def initializePage(self) -> None:
        path = self.owner.file_page.chosen()
        self.setSubTitle(
            f"{path.name}: choose the column of your file that fills each "
            "field. Your choices are remembered for files with these columns."
        )
        self.owner.read_file(path)

    def cleanupPage(self) -> None:
        self.owner.stop()

    def isComplete(self) -> bool:
        return (
            self.owner.sample is not None
            and not self.owner.busy
            and not self.mapping.missing_required()
        )

    def show_sample(self, sample: FileSample, detected: tuple[str, str]) -> None:
        remembered, fixed = remembered_mapping(self.owner.settings, sample.header)
        self.mapping.show_sample(sample, detected, initial_choices(sample, remembered, fixed))
        self.mapping.table.setEnabled(True)
        self._on_mapping_mapping_changed()

    def show_failure(self, text: str, encoding: str, delimiter: str) -> None:
        """The file could not be read with (`encoding`, `delimiter`; '' = detected): say
        why, and let the teacher try another encoding or delimiter."""
        show_message(self.problem, text, "fieldError")
        self.mapping.show_reading(encoding, delimiter)
        self.mapping.table.setEnabled(False)
        self.completeChanged.emit()

    def _on_mapping_mapping_changed(self) -> None:
        missing = self.mapping.missing_required()
        show_message(
            self.problem,
            f"Choose a column for {' and '.join(missing)}." if missing else "",
            "fieldError",
        )
        self.completeChanged.emit()

    def _on_mapping_reading_changed(self, encoding: str, delimiter: str) -> None:
        self.owner.read_file(self.owner.file_page.chosen(), encoding, delimiter)

    def validatePage(self) -> bool:
        if self.owner.sample is not None:
            remember_mapping(
                self.owner.settings,
                self.owner.sample.header,
                self.mapping.choices(),
                self.mapping.fixed(),
            )
        return True


class CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Check the rows")
        self.setCommitPage(True)
        self.setButtonText(Button.CommitButton, "&Import")
        self.owner = wizard
        self.progress = ProgressPanel()
        self.problem = message_label("fieldError")
        self.panel = PreviewPanel()
        self.panel.options_changed.connect(self._on_panel_options_changed)
        self.panel.update_existing.toggled.connect(self._on_panel_options_changed)
        self.panel.update_bundled.toggled.connect(self._on_panel_options_changed)
        self.blocker = message_label("formNotice")
        self.again = QPushButton("Check &Again")
        self.again.setToolTip("Read the file again, after fixing it in your spreadsheet")
        self.again.clicked.connect(lambda _checked=False: self.owner.check_rows())
        bottom = QHBoxLayout()
        bottom.addWidget(self.blocker, 1)
        bottom.addWidget(self.again)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.problem)
        layout.addWidget(self.panel, 1)
        layout.addLayout(bottom)

    def initializePage(self) -> None:
        self.owner.check_rows()

    def cleanupPage(self) -> None:
        self.owner.stop()

    def isComplete(self) -> bool:
        return (
            self.owner.preview is not None
            and not self.owner.busy
            and not self.owner.preview.problems
            and not self.panel.blocker()
        )

    def show_preview(self, preview: ImportPreview) -> None:
        self.setSubTitle(reading_text(preview))
        show_message(self.problem, file_problems_text(preview), "fieldError")
        self.panel.setVisible(not preview.problems)
        self.panel.show_preview(preview)
        self._on_panel_options_changed()

    def show_failure(self, text: str) -> None:
        show_message(self.problem, text, "fieldError")
        self.panel.hide()
        show_message(self.blocker, "")
        self.completeChanged.emit()

    def _on_panel_options_changed(self) -> None:
        if self.owner.preview is not None and not self.owner.preview.problems:
            show_message(self.blocker, self.panel.blocker(), "formNotice")
        self.completeChanged.emit()


class ImportPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.setTitle("Import")
        self.owner = wizard
        self.progress = ProgressPanel()
        self.result = message_label("formNotice")
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addStretch(1)

    def initializePage(self) -> None:
        self.setTitle("Importing")
        self.setSubTitle(
            f"Importing {self.owner.file_page.chosen().name}, in one go: "
            "every row lands, or none does."
        )
        show_message(self.result, "")
        self.owner.run_import()

    def isComplete(self) -> bool:
        return self.owner.finished_import

    def show_result(self, text: str, problem: bool = False) -> None:
        name = self.owner.file_page.chosen().name
        self.setTitle("Not imported" if problem else "Imported")
        self.setSubTitle(
            f"Nothing of {name} was written." if problem else f"{name} is in the catalog."
        )
        show_message(self.result, text, "fieldError" if problem else "formNotice")
        self.completeChanged.emit()
