"""The thread under explorer.ui.store_op.StoreOp, which is how the window starts one.

`Job(work)` runs `work(progress)` in a thread; `Job.with_store(paths, work)` runs
`work(store, progress)` with a `PartnershipStore` over a database connection of the job's
own (SQLite in WAL mode lets the window keep reading meanwhile). `progress` is the
store's `progress(stage, done, total)` callable. Signals reach the window's objects on
the UI thread, where StoreOp hands the result's Changes to the window's CatalogEvents.
`cancel()` makes the next progress call raise `CancelledError`, which rolls the
transaction back, except in the last stage (`indexing`), which runs after the rows are
written and so always completes.

A job is a child of the dialog that started it and is deleted with it (a dialog waits for
its job before it closes); it is never `deleteLater`-ed on its own, which can crash
PySide when the dialog goes at the same moment.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal

from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.database import connect
from explorer.store.partnerships import PartnershipStore

#: the work: (its own store, a progress callable) -> a result for `succeeded`
Work = Callable[[PartnershipStore, Progress], object]
#: stages that run once the data is written: cancelling then would change nothing
UNSTOPPABLE = frozenset({"indexing"})


def _spent(_progress: Progress) -> object:
    raise RuntimeError("a job runs once")


class CancelledError(Exception):
    """The user cancelled; nothing was written."""

    def __init__(self) -> None:
        super().__init__("cancelled: nothing was changed")


class Job(QThread):
    #: the work moved on: (stage, done, total); total 0 while the amount is unknown
    progressed = Signal(str, int, int)
    #: the work finished; its result (a store result dataclass, or None)
    succeeded = Signal(object)
    #: the work raised: the exception (CancelledError when the user cancelled)
    failed = Signal(Exception)

    def __init__(self, work: Callable[[Progress], object], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.work = work
        #: what started the job (a StoreOp), kept alive with it: Qt holds only weak
        #: references to the Python objects whose methods its signals call
        self.op: object = None
        self._cancel = threading.Event()

    @classmethod
    def with_store(cls, paths: AppPaths, work: Work, parent: QObject | None = None) -> Job:
        """A job whose work gets a store over a database connection of its own."""

        def run(progress: Progress) -> object:
            db = connect(paths.database)
            try:
                return work(PartnershipStore(db), progress)
            finally:
                db.close()

        return cls(run, parent)

    def cancel(self) -> None:
        self._cancel.set()

    def _progress(self, stage: str, done: int, total: int) -> None:
        if self._cancel.is_set() and stage not in UNSTOPPABLE:
            raise CancelledError()
        self.progressed.emit(stage, done, total)

    def run(self) -> None:  # in the job's thread
        work, self.work = self.work, _spent  # let go of what the work held (a preview...)
        try:
            result = work(self._progress)
        except Exception as exc:  # shown in the dialog (it carries its traceback along)
            self.failed.emit(exc)
        else:
            self.succeeded.emit(result)

    def finish(self) -> None:
        """Cancel if still running and wait for the thread to end (before closing a
        dialog that owns the job)."""
        if self.isRunning():
            self.cancel()
            self.wait()
