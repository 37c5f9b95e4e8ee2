"""Run a store operation off the UI thread: the one way the window does slow work.

    StoreOp(dialog, paths, lambda store, progress: import_csv(preview, store, paths,
                                                              progress=progress))
        .with_progress(panel.show_progress)
        .success(self._on_imported)
        .failure(self._on_import_failed)
        .changes_to(events)
        .run()

The work runs in a thread with a database connection of its own (explorer.ui.worker
.Job) and gets a `progress(stage, done, total)` callable; its result goes to `success`
on the UI thread, an exception to `failure`. With `changes_to(events)`, the result's
`Changes` (every store result carries them) go to the window's CatalogEvents first, so
every view hears of what changed exactly once. Modelled on Anki's CollectionOp.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QObject, Slot

from explorer.core.changes import Changes
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.partnerships import PartnershipStore
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.worker import Job

T = TypeVar("T")


class StoreOp(Generic[T]):
    def __init__(
        self,
        parent: QObject,
        paths: AppPaths | None,
        work: Callable[[PartnershipStore, Progress], T] | Callable[[Progress], T],
    ) -> None:
        """`paths` given: `work(store, progress)` on a connection of its own; None: plain
        `work(progress)` that needs no database (reading a file)."""
        self._parent, self._paths, self._work = parent, paths, work
        self._progress: Callable[[str, int, int], None] | None = None
        self._success: Callable[[T], object] | None = None
        self._failure: Callable[[Exception], object] | None = None
        self._finished: Callable[[], object] | None = None
        self._events: CatalogEvents | None = None

    def with_progress(self, show: Callable[[str, int, int], None]) -> StoreOp[T]:
        self._progress = show
        return self

    def success(self, handler: Callable[[T], object]) -> StoreOp[T]:
        self._success = handler
        return self

    def failure(self, handler: Callable[[Exception], object]) -> StoreOp[T]:
        self._failure = handler
        return self

    def finished(self, handler: Callable[[], object]) -> StoreOp[T]:
        """Called after success or failure, whichever came."""
        self._finished = handler
        return self

    def changes_to(self, events: CatalogEvents | None) -> StoreOp[T]:
        self._events = events
        return self

    def run(self) -> Job:
        """Start the work; returns its job (to cancel or wait for)."""
        if self._paths is None:
            job = Job(self._work, self._parent)  # type: ignore[arg-type]
        else:
            job = Job.with_store(self._paths, self._work, self._parent)  # type: ignore[arg-type]
        if self._progress is not None:
            job.progressed.connect(self._progress)
        job.op = self  # the job keeps its op alive: Qt holds only weak references to it
        job.succeeded.connect(self._on_job_succeeded)
        job.failed.connect(self._on_job_failed)
        job.start()  # only now: a quick job could end before a later connect
        return job

    @Slot(object)
    def _on_job_succeeded(self, result: Any) -> None:
        changes = getattr(result, "changes", None)
        if self._events is not None and isinstance(changes, Changes):
            self._events.apply(changes)
        if self._success is not None:
            self._success(result)
        if self._finished is not None:
            self._finished()

    @Slot(object)
    def _on_job_failed(self, exc: Exception) -> None:
        if self._failure is not None:
            self._failure(exc)
        if self._finished is not None:
            self._finished()
