"""Import, export, undo and backups, as one object the main window wires into its File menu.

    transfer = TransferActions(window, catalog, paths, current_slugs, settings, events)
    for action in transfer.file_menu_actions(): ...      # None: a separator

Every slow step runs in a background job with a database connection of its own; once an
import, undo or restore lands, its `Changes` go to the window's CatalogEvents, which drops
the caches they concern and tells every view.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QProgressDialog, QWidget

from explorer.core.changes import EVERYTHING, Changes
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.catalog import Catalog
from explorer.store.importers import (
    ImportResult,
    PackResult,
    UndoReport,
    daily_backup,
    last_import,
    undo_last_import,
)
from explorer.store.partnerships import PartnershipStore
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.store_op import StoreOp
from explorer.ui.transfer.backups_dialog import BackupsDialog
from explorer.ui.transfer.export_dialog import ExportDialog
from explorer.ui.transfer.import_wizard import ImportWizard
from explorer.ui.transfer.pack_dialog import PackImportDialog
from explorer.ui.transfer.widgets import error_text, plural, when_text
from explorer.ui.widgets import command_action
from explorer.ui.worker import Job

Buttons = QMessageBox.StandardButton
PACK_FOLDER_KEY = "pack-import/folder"
PACK_FILTER = "Content packs (*.zip);;All files (*)"
BUSY_DELAY_MS = 300  # a quick undo finishes before its progress window would flash


class TransferActions(QObject):
    def __init__(
        self,
        parent: QWidget,
        catalog: Catalog,
        paths: AppPaths,
        current_slugs: Callable[[], list[str]],
        settings: QSettings | None = None,
        events: CatalogEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.catalog, self.paths = catalog, paths
        self.events = events or CatalogEvents(catalog, self)
        self.current_slugs = current_slugs
        self.settings = settings if settings is not None else QSettings()
        self.dialog: QDialog | None = None  # the import, export or backups dialog open
        self.job: Job | None = None  # an undo or the daily backup
        self._make_actions()
        self.refresh()

    def _make_actions(self) -> None:
        def action(text: str, command: Callable[[], object], tip: str) -> QAction:
            return command_action(self.window, text, command, tip)

        self.import_csv_action = action(
            "Import &Spreadsheet (CSV)…",
            self.import_spreadsheet,
            "Add or update partnerships from a CSV file",
        )
        self.import_pack_action = action(
            "Import Content &Pack…",
            self.import_pack,
            "Add the lessons and partnerships a colleague shared",
        )
        self.export_action = action(
            "E&xport…", self.export, "Save partnerships as CSV or JSON, or a content pack"
        )
        self.undo_import_action = action(
            "&Undo Last Import…", self.undo_last_import, "Take the last import back"
        )
        self.backups_action = action(
            "&Backups…", self.backups, "See the backups of your data, or restore one"
        )

    def file_menu_actions(self) -> list[QAction | None]:
        """For the File menu, in order (None: a separator)."""
        return [
            self.import_csv_action,
            self.import_pack_action,
            self.export_action,
            None,
            self.undo_import_action,
            self.backups_action,
        ]

    def all_actions(self) -> list[QAction]:
        return [a for a in self.file_menu_actions() if a is not None]

    def refresh(self) -> None:
        """Name the import that Undo would take back (or disable it); call when the File
        menu opens, since a command-line import may have happened meanwhile."""
        last = last_import(self.catalog.partnerships)
        self.undo_import_action.setEnabled(last is not None and self.job is None)
        self.undo_import_action.setText(
            f"&Undo Import of “{Path(last.source).name}”…" if last else "&Undo Last Import…"
        )

    # -- dialogs ---------------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> None:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def import_spreadsheet(self, path: Path | None = None) -> ImportWizard:
        wizard = ImportWizard(self.paths, self.settings, self.window, path)
        wizard.imported.connect(self._on_dialog_imported)
        self._show(wizard)
        return wizard

    def import_pack(self, path: Path | None = None) -> PackImportDialog | None:
        if path is None:
            start = str(self.settings.value(PACK_FOLDER_KEY) or Path.home())
            name, _ = QFileDialog.getOpenFileName(
                self.window, "Import Content Pack", start, PACK_FILTER
            )
            if not name:
                return None
            path = Path(name)
            self.settings.setValue(PACK_FOLDER_KEY, str(path.parent))
        dialog = PackImportDialog(self.paths, path, self.window)
        dialog.imported.connect(self._on_dialog_imported)
        self._show(dialog)
        dialog.load()
        return dialog

    def export(self) -> ExportDialog:
        dialog = ExportDialog(self.catalog, self.settings, self.current_slugs(), self.window)
        self._show(dialog)
        return dialog

    def backups(self) -> BackupsDialog:
        dialog = BackupsDialog(self.paths, self.window)
        dialog.restored.connect(self._on_dialog_restored)
        self._show(dialog)
        return dialog

    @Slot(object)
    def _on_dialog_imported(self, result: ImportResult | PackResult) -> None:
        self._catalog_changed(result.changes)

    @Slot(str)
    def _on_dialog_restored(self, _backup_id: str) -> None:
        self._catalog_changed(EVERYTHING)

    def _catalog_changed(self, changes: Changes) -> None:
        """Lessons are checked against partnerships, so they are read again too."""
        self.events.apply(changes | Changes(lessons=True))
        self.refresh()

    # -- undo ------------------------------------------------------------------------------
    def undo_last_import(self) -> Job | None:
        """Ask, then undo the last import in the background; None when nothing started."""
        last = last_import(self.catalog.partnerships)
        if last is None or self.job is not None:
            self.refresh()
            QMessageBox.information(self.window, "Undo Last Import", "There is no import to undo.")
            return None
        what = plural(last.partnerships, "partnership")
        answer = QMessageBox.question(
            self.window,
            "Undo the last import?",
            f"Undo the import of {Path(last.source).name} made on {when_text(last.created)} "
            f"({what})? Each goes back to what it was before, except what you changed "
            "since, which stays as it is. The import is kept in the trash folder.",
            Buttons.Yes | Buttons.Cancel,
            Buttons.Yes,
        )
        if answer != Buttons.Yes:
            return None
        paths = self.paths

        def work(store: PartnershipStore, _progress: Progress) -> UndoReport:
            return undo_last_import(store, paths)

        busy = QProgressDialog("Undoing the import…", "", 0, 0, self.window)
        busy.setWindowTitle("Undo Last Import")
        busy.setCancelButton(None)
        busy.setWindowModality(Qt.WindowModality.WindowModal)
        QTimer.singleShot(BUSY_DELAY_MS, busy, busy.show)
        self.undo_import_action.setEnabled(False)
        self.job = job = (
            StoreOp(self, paths, work)
            .success(self._on_undo_job_succeeded)
            .failure(self._on_undo_job_failed)
            .run()
        )
        job.finished.connect(busy.deleteLater)
        job.finished.connect(self._on_job_finished)
        return job

    def _on_undo_job_succeeded(self, report: UndoReport) -> None:
        self._catalog_changed(report.changes)
        lines = [
            f"Undone: {plural(report.restored, 'partnership')} put back, "
            f"{report.removed:,} removed, {plural(report.files, 'file')} put back or "
            "removed."
        ]
        if report.kept:
            kept = ", ".join(report.kept[:10]) + (" …" if len(report.kept) > 10 else "")
            lines.append(f"Kept as they are, because they changed after the import: {kept}.")
        QMessageBox.information(self.window, "Import undone", "\n\n".join(lines))

    def _on_undo_job_failed(self, exc: Exception) -> None:
        QMessageBox.warning(self.window, "The import was not undone", error_text(exc))

    @Slot()
    def _on_job_finished(self) -> None:
        self.job = None
        self.refresh()

    # -- daily backup ------------------------------------------------------------------------
    def back_up_daily(self) -> Job | None:
        """Back up the teacher's data once a day, in the background (call after start-up);
        a failure is only logged: the teacher can still back up from File > Backups."""
        if self.job is not None:
            return None
        paths = self.paths
        self.job = job = StoreOp(self, paths, lambda store, _p: daily_backup(store, paths)).run()
        job.finished.connect(self._on_job_finished)
        return job

    def shutdown(self) -> None:
        """Wait for a job in hand (call when the window closes, before the catalog does)."""
        if self.dialog is not None:
            self.dialog.close()
        if self.job is not None:
            self.job.wait()
