"""File > Import Spreadsheet: choose a CSV file, match its columns, check the rows, import.

The wizard only wires its pages to a session (explorer.ui.transfer.import_session): each
page's requests go to the session, which reads, checks and imports in background jobs
(StoreOp, a database connection of their own), so the window never freezes. The wizard
emits `imported` on the UI thread once the rows have landed, and whoever opened it tells
the window's views. The import is one transaction: it lands whole or not at all (Cancel
during the import rolls it back).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import QWidget, QWizard

from explorer.core.paths import AppPaths
from explorer.store.csv_import import ImportResult
from explorer.ui.transfer.import_pages import CheckPage, ColumnsPage, FilePage, ImportPage
from explorer.ui.transfer.import_session import ImportSession

Button = QWizard.WizardButton
Option = QWizard.WizardOption


class ImportWizard(QWizard):
    #: rows were imported (the window's views must be told what changed): the result
    imported = Signal(ImportResult)

    def __init__(
        self,
        paths: AppPaths,
        settings: QSettings,
        parent: QWidget | None = None,
        path: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Spreadsheet")
        self.setObjectName("importWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(Option.NoBackButtonOnLastPage, True)
        self.setButtonText(Button.FinishButton, "Close")
        self.session = session = ImportSession(paths, settings, self)
        self.file_page = FilePage(session)
        self.columns_page = ColumnsPage(session)
        self.check_page = CheckPage(session)
        self.import_page = ImportPage(session)
        for page in (self.file_page, self.columns_page, self.check_page, self.import_page):
            self.addPage(page)
        self.file_page.file_chosen.connect(session.choose_file)
        self.columns_page.read_requested.connect(session.read)
        self.columns_page.mapping_chosen.connect(session.choose_mapping)
        self.check_page.check_requested.connect(session.check)
        self.check_page.import_requested.connect(session.run)
        session.imported.connect(self._on_session_imported)
        session.import_failed.connect(self._on_session_import_failed)
        if path is not None:
            self.file_page.path.setText(str(path))
        self.resize(900, 640)

    @Slot(object)
    def _on_session_imported(self, result: ImportResult) -> None:
        self.setOption(Option.NoCancelButtonOnLastPage, True)
        self.imported.emit(result)

    @Slot(str)
    def _on_session_import_failed(self, _text: str) -> None:
        self.setOption(Option.NoCancelButtonOnLastPage, True)

    def cleanupPage(self, page_id: int) -> None:
        """Back: the job of the page left behind stops, and its results are dropped."""
        self.session.stop()
        super().cleanupPage(page_id)

    def reject(self) -> None:
        """Cancel: during the import, roll it back and stay open to say so; else close."""
        if self.currentPage() is self.import_page and self.session.cancel_import():
            self.import_page.progress.busy("Cancelling…")
            return
        self.session.close()
        super().reject()

    def done(self, result: int) -> None:
        self.session.close()  # the window is closing: an import rolls back
        super().done(result)
