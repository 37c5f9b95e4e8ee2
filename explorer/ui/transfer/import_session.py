"""The spreadsheet import wizard's state and its background work, apart from its pages.

The pages never call each other or the wizard: each reads the session (the file, the
sample read from it, the checked rows, the result) and emits a request
(explorer.ui.transfer.import_requests); the wizard hands each request to the session,
which runs it as a StoreOp (its own database connection, in a thread) and announces the
outcome with signals the pages receive. Only the newest job counts: a request made while
another runs replaces it, and the replaced job's late result is dropped. The import is
one transaction: it lands whole or not at all (`cancel` rolls it back).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QSettings, Signal, Slot

from explorer.core.csv_columns import FIELDS
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.csv_import import ImportPreview, ImportResult
from explorer.store.partnerships import PartnershipStore
from explorer.ui.store_op import StoreOp
from explorer.ui.transfer.import_requests import FIXABLE, MappingChoice, ReadFailure
from explorer.ui.transfer.widgets import error_text
from explorer.ui.worker import CancelledError, Job

if TYPE_CHECKING:  # the requests the pages make
    from explorer.ui.transfer.import_requests import (
        CheckRequest,
        FileSample,
        ImportRequest,
        ReadRequest,
    )

#: the tasks a session runs, one at a time ('' when it runs none)
READING, CHECKING, IMPORTING = "reading", "checking", "importing"
FOLDER_KEY = "csv-import/folder"
MAPPINGS_GROUP = "csv-import/mappings"
CANCELLED = "Cancelled: nothing was imported."


class ImportSession(QObject):
    #: a job started (READING, CHECKING or IMPORTING), or the current one ended ('')
    task_changed = Signal(str)
    #: the current job moved on: (stage, done, total); total 0 while unknown
    progressed = Signal(str, int, int)
    #: the file was read: the FileSample (`detected` says what detection found)
    file_read = Signal(object)
    #: the file could not be read: a ReadFailure
    read_failed = Signal(object)
    #: every row was checked: the ImportPreview (also in `preview`)
    rows_checked = Signal(object)
    #: the rows could not be checked: why, in words for the user
    check_failed = Signal(str)
    #: the rows landed: the ImportResult (also in `result`)
    imported = Signal(object)
    #: nothing was imported (cancelled, or refused): why, in words for the user
    import_failed = Signal(str)

    def __init__(self, paths: AppPaths, settings: QSettings, parent: QObject) -> None:
        super().__init__(parent)
        self.paths, self.settings = paths, settings
        self.path: Path | None = None
        self.sample: FileSample | None = None
        #: the encoding and delimiter detection found, shown as "(detected)"
        self.detected: tuple[str, str] = ("", "")
        #: the columns chosen for the fields, and the values for every row
        self.mapping = MappingChoice({})
        self.preview: ImportPreview | None = None
        self.result: ImportResult | None = None
        #: the import ended, landed or not (the last page can close)
        self.finished = False
        self.job: Job | None = None
        self.task = ""

    @property
    def busy(self) -> bool:
        return self.job is not None

    # -- what the teacher chose, remembered ------------------------------------------------
    @Slot(object)
    def choose_file(self, path: Path) -> None:
        """The file to import; its folder is where the next file dialog opens."""
        self.path = path
        self.settings.setValue(FOLDER_KEY, str(path.parent))

    def last_folder(self) -> str:
        return str(self.settings.value(FOLDER_KEY) or "")

    def remembered_mapping(self, header: Sequence[str]) -> MappingChoice:
        """The choices made last time for a file with this header row."""
        columns, fixed = remembered_mapping(self.settings, header)
        return MappingChoice(columns, fixed)

    @Slot(object)
    def choose_mapping(self, mapping: MappingChoice) -> None:
        """The columns to import with; remembered for files with the sample's header."""
        self.mapping = mapping
        if self.sample is not None:
            remember_mapping(self.settings, self.sample.header, mapping.columns, mapping.fixed)

    # -- requests ----------------------------------------------------------------------------
    @Slot(object)
    def read(self, request: ReadRequest) -> None:
        self.sample = None
        self._start(
            READING,
            StoreOp(self, None, request.run),
            lambda job, sample: self._on_read_succeeded(job, request, sample),
            lambda job, exc: self._on_read_failed(job, request, exc),
        )

    @Slot(object)
    def check(self, request: CheckRequest) -> None:
        self.preview = None
        self._start(
            CHECKING,
            StoreOp(self, self.paths, request.run),
            self._on_check_succeeded,
            self._on_check_failed,
        )

    @Slot(object)
    def run(self, request: ImportRequest) -> None:
        paths = self.paths

        def work(store: PartnershipStore, progress: Progress) -> ImportResult:
            return request.run(store, paths, progress)

        self.finished = False
        self._start(
            IMPORTING,
            StoreOp(self, paths, work),
            self._on_import_succeeded,
            self._on_import_failed,
        )

    def stop(self) -> None:
        """Stop the job in hand (a page left with Back); its results are dropped."""
        if self.job is not None:
            job, self.job = self.job, None
            job.finish()
            self._set_task("")

    def cancel_import(self) -> bool:
        """Roll the import in hand back (it then fails with CANCELLED); False if none runs."""
        if self.job is None or self.task != IMPORTING:
            return False
        self.job.cancel()
        return True

    def close(self) -> None:
        """Cancel the job in hand and wait until every job's thread has ended (the wizard
        is closing): a job that has reported may still be on its way out, and Qt aborts
        when a running thread is deleted with its parent."""
        for job in self.findChildren(Job):
            job.finish()

    # -- jobs ----------------------------------------------------------------------------------
    def _start(
        self,
        task: str,
        op: StoreOp[Any],
        succeeded: Callable[[Job, Any], object],
        failed: Callable[[Job, Exception], object],
    ) -> None:
        """Run `op` in place of the job in hand; its outcome goes to `succeeded(job,
        result)` or `failed(job, exception)`, with the job, so that a replaced job's late
        result can be dropped."""
        if self.job is not None:
            self.job.finish()
        holder: list[Job] = []
        op.with_progress(self._on_job_progressed)
        op.success(lambda result: succeeded(holder[0], result))
        op.failure(lambda exc: failed(holder[0], exc))
        holder.append(job := op.run())
        self.job = job
        self._set_task(task)

    def _ended(self, job: Job) -> bool:
        """True when `job` is the current job, which has now ended."""
        if job is not self.job:
            return False
        self.job = None
        self._set_task("")
        return True

    def _set_task(self, task: str) -> None:
        self.task = task
        self.task_changed.emit(task)

    @Slot(str, int, int)
    def _on_job_progressed(self, stage: str, done: int, total: int) -> None:
        self.progressed.emit(stage, done, total)

    def _on_read_succeeded(self, job: Job, request: ReadRequest, sample: FileSample) -> None:
        if self._ended(job):
            self.sample = sample
            if request.detecting:
                self.detected = (sample.encoding, sample.delimiter)
            self.file_read.emit(sample)

    def _on_read_failed(self, job: Job, request: ReadRequest, exc: Exception) -> None:
        if self._ended(job):
            self.read_failed.emit(ReadFailure(error_text(exc), request))

    def _on_check_succeeded(self, job: Job, preview: ImportPreview) -> None:
        if self._ended(job):
            self.preview = preview
            self.rows_checked.emit(preview)

    def _on_check_failed(self, job: Job, exc: Exception) -> None:
        if self._ended(job):
            self.check_failed.emit(error_text(exc))

    def _on_import_succeeded(self, job: Job, result: ImportResult) -> None:
        if self._ended(job):
            self.result, self.finished = result, True
            self.imported.emit(result)

    def _on_import_failed(self, job: Job, exc: Exception) -> None:
        if self._ended(job):
            self.finished = True
            cancelled = isinstance(exc, CancelledError)
            self.import_failed.emit(CANCELLED if cancelled else error_text(exc))


def _settings_key(header: Sequence[str]) -> str:
    digest = hashlib.sha1("\x1f".join(header).encode("utf-8")).hexdigest()[:20]
    return f"{MAPPINGS_GROUP}/{digest}"


def remembered_mapping(
    settings: QSettings, header: Sequence[str]
) -> tuple[dict[str, str], dict[str, str]]:
    """The field -> column choices saved for this header row ('' = left out), and the
    field -> value ones for every row."""
    try:
        saved = json.loads(str(settings.value(_settings_key(header)) or "{}"))
    except ValueError:
        return {}, {}
    if not isinstance(saved, dict):
        return {}, {}
    columns, fixed = (
        (saved.get("columns"), saved.get("fixed")) if "columns" in saved else (saved, {})
    )
    columns = {
        f: c
        for f, c in (columns if isinstance(columns, dict) else {}).items()
        if f in FIELDS and isinstance(c, str) and (c == "" or c in header)
    }
    fixed = {
        f: v
        for f, v in (fixed if isinstance(fixed, dict) else {}).items()
        if f in FIXABLE and v in FIXABLE[f]
    }
    return columns, fixed


def remember_mapping(
    settings: QSettings,
    header: Sequence[str],
    mapping: Mapping[str, str],
    fixed: Mapping[str, str] | None = None,
) -> None:
    data = {"columns": dict(mapping), "fixed": dict(fixed or {})}
    settings.setValue(_settings_key(header), json.dumps(data, sort_keys=True))
