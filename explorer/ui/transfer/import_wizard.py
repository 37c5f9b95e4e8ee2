"""File > Import Spreadsheet: choose a CSV file, match its columns, check the rows, import.

Reading, checking and importing run in a background job (explorer.ui.worker)
with a database connection of its own, so the window never freezes; the wizard emits
`imported` on the UI thread once the rows have landed, and whoever opened it tells the
window's store. The import is one transaction: it lands whole or not at all (Cancel
during the import rolls it back).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QWidget, QWizard

from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.csv_import import ImportPreview, ImportResult, import_csv, preview_csv
from explorer.store.partnerships import PartnershipStore
from explorer.ui.store_op import StoreOp
from explorer.ui.transfer.import_mapping import FileSample, read_sample
from explorer.ui.transfer.import_pages import CheckPage, ColumnsPage, FilePage, ImportPage
from explorer.ui.transfer.import_preview import result_text
from explorer.ui.transfer.widgets import ProgressPanel, error_text, show_message
from explorer.ui.worker import CancelledError, Job

Button = QWizard.WizardButton


class ImportWizard(QWizard):
    #: rows were imported (the window's store must be told it changed): the result
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
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setButtonText(Button.FinishButton, "Close")
        self.paths, self.settings = paths, settings
        self.job: Job | None = None
        self.sample: FileSample | None = None
        self.detected: tuple[str, str] = ("", "")
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        self.finished_import = False
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.check_page = CheckPage(self)
        self.import_page = ImportPage(self)
        for page in (self.file_page, self.columns_page, self.check_page, self.import_page):
            self.addPage(page)
        if path is not None:
            self.file_page.path.setText(str(path))
        self.resize(900, 640)

    @property
    def busy(self) -> bool:
        return self.job is not None

    # -- jobs ------------------------------------------------------------------------------
    def _start(
        self,
        op: StoreOp[Any],
        panel: ProgressPanel,
        text: str,
        succeeded: Callable[[Job, Any], None],
        failed: Callable[[Job, Exception], None],
    ) -> None:
        """Run `op` (after stopping the job in hand), showing its progress in `panel`;
        its outcome goes to `succeeded(job, result)` or `failed(job, exception)` (the
        job, so that a replaced job's late result is dropped)."""
        if self.job is not None:
            self.job.finish()
        panel.busy(text)
        holder: list[Job] = []
        op.with_progress(panel.show_progress).success(
            lambda result: succeeded(holder[0], result)
        ).failure(lambda exc: failed(holder[0], exc)).finished(panel.stop)
        holder.append(job := op.run())
        self.job = job
        self._update_pages()

    def _done(self, job: Job) -> bool:
        """True when `job` is the current job (a replaced one's results are dropped)."""
        if job is not self.job:
            return False
        self.job = None
        self._update_pages()
        return True

    def _update_pages(self) -> None:
        for page in (self.columns_page, self.check_page, self.import_page):
            page.completeChanged.emit()

    def stop(self) -> None:
        """Stop the job in hand (leaving a page with Back); its results are dropped."""
        if self.job is not None:
            job, self.job = self.job, None
            job.finish()

    def read_file(self, path: Path, encoding: str = "", delimiter: str = "") -> None:
        self.sample = None
        page = self.columns_page

        def work(progress: Progress) -> FileSample:
            return read_sample(path, encoding or None, delimiter or None, progress)

        self._start(
            StoreOp(self, None, work),
            page.progress,
            "Reading the file…",
            lambda job, sample: self._on_read_job_succeeded(job, sample, not encoding),
            lambda job, exc: self._on_read_job_failed(job, exc, encoding, delimiter),
        )

    def _on_read_job_succeeded(self, job: Job, sample: FileSample, detected: bool) -> None:
        if self._done(job):
            self.sample = sample
            if detected:
                self.detected = (sample.encoding, sample.delimiter)
            self.columns_page.show_sample(sample, self.detected)

    def _on_read_job_failed(self, job: Job, exc: Exception, encoding: str, delimiter: str) -> None:
        if self._done(job):
            self.columns_page.show_failure(error_text(exc), encoding, delimiter)

    def check_rows(self) -> None:
        self.preview = None
        sample = self.sample
        assert sample is not None
        choices = self.columns_page.mapping.choices()
        fixed = self.columns_page.mapping.fixed()

        def work(store: PartnershipStore, progress: Progress) -> ImportPreview:
            return preview_csv(
                sample.path,
                store,
                choices,
                fixed=fixed,
                encoding=sample.encoding,
                delimiter=sample.delimiter,
                progress=progress,
            )

        page = self.check_page
        page.panel.hide()
        show_message(page.blocker, "")
        self._start(
            StoreOp(self, self.paths, work),
            page.progress,
            "Checking the rows…",
            self._on_check_job_succeeded,
            self._on_check_job_failed,
        )

    def _on_check_job_succeeded(self, job: Job, preview: ImportPreview) -> None:
        if self._done(job):
            self.preview = preview
            self.check_page.show_preview(preview)

    def _on_check_job_failed(self, job: Job, exc: Exception) -> None:
        if self._done(job):
            self.check_page.show_failure(error_text(exc))

    def run_import(self) -> None:
        preview, panel = self.preview, self.check_page.panel
        assert preview is not None
        on_existing, skip_invalid = panel.on_existing(), panel.skip_invalid.isChecked()
        update_bundled = panel.update_bundled.isChecked()

        def work(store: PartnershipStore, progress: Progress) -> ImportResult:
            return import_csv(
                preview,
                store,
                self.paths,
                on_existing=on_existing,
                skip_invalid=skip_invalid,
                update_bundled=update_bundled,
                progress=progress,
            )

        self.finished_import = False
        self._start(
            StoreOp(self, self.paths, work),
            self.import_page.progress,
            "Importing…",
            self._on_import_job_succeeded,
            self._on_import_job_failed,
        )

    def _on_import_job_succeeded(self, job: Job, result: ImportResult) -> None:
        if self._done(job):
            self.result = result
            self.finished_import = True
            self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
            assert self.preview is not None
            self.import_page.show_result(result_text(result, self.preview))
            self.imported.emit(result)

    def _on_import_job_failed(self, job: Job, exc: Exception) -> None:
        if self._done(job):
            self.finished_import = True
            self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
            self.import_page.show_result(
                "Cancelled: nothing was imported."
                if isinstance(exc, CancelledError)
                else error_text(exc),
                problem=True,
            )

    # -- closing -----------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel: during the import, roll it back and stay open to say so; else close."""
        if self.job is not None and self.currentPage() is self.import_page:
            self.job.cancel()
            self.import_page.progress.busy("Cancelling…")
            return
        if self.job is not None:
            self.job.finish()
        super().reject()

    def done(self, result: int) -> None:
        if self.job is not None:  # the window is closing: an import rolls back
            self.job.finish()
        super().done(result)
