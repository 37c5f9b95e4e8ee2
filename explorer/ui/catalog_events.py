"""One object that tells the window what changed in the catalog, whoever changed it.

    events = CatalogEvents(catalog, parent)
    events.catalog_changed.connect(view._on_events_catalog_changed)
    events.apply(result.changes)        # after a store operation in this window

A store operation returns the `Changes` it made (explorer.core.changes); whoever ran it
hands them to `apply`, which drops the catalog's caches and broadcasts them once. Views
refresh only what concerns them, and a hidden view when it is shown. Changes made
elsewhere reach the window too: another process (the command line, a second window)
moves SQLite's `PRAGMA data_version`, which is polled once a second (a cheap read of a
counter in shared memory), and files the teacher edits by hand in `partnerships/` or
`imports/` are watched and indexed.
"""

from __future__ import annotations

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal, Slot

from explorer.core.changes import EVERYTHING, Changes
from explorer.core.lesson_authoring import folder_state
from explorer.core.teacher_files import IMPORTS, PARTNERSHIPS
from explorer.store.catalog import Catalog

POLL_MS = 1000
DEBOUNCE_MS = 250
#: how often shared content folders are looked at (network shares send no file events)
SHARED_MS = 30_000


class CatalogEvents(QObject):
    #: the catalog changed: a `Changes` saying what (records, partners, lessons)
    catalog_changed = Signal(object)

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self._version = self._data_version()
        self._poll = QTimer(self, interval=POLL_MS)
        self._poll.timeout.connect(self._on_poll_timeout)
        self._settle = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self._files = QFileSystemWatcher(self)
        self._files.directoryChanged.connect(self._on_files_directory_changed)
        self._shared = QTimer(self, interval=SHARED_MS)
        self._shared.timeout.connect(self._on_shared_timeout)
        self._shared_state = self._shared_lessons()

    def start(self) -> None:
        """Start noticing other processes and hand edits (after the first paint)."""
        data = self.catalog.paths.data_dir
        folders = [data, data / PARTNERSHIPS, data / IMPORTS]
        for folder in folders:
            folder.mkdir(parents=True, exist_ok=True)
        self._files.addPaths([str(f) for f in folders])
        self._poll.start()
        if self.catalog.paths.shared:
            self._shared.start()

    def stop(self) -> None:
        self._poll.stop()
        self._shared.stop()
        self._settle.stop()
        watched = self._files.directories()
        if watched:
            self._files.removePaths(watched)

    def apply(self, changes: Changes) -> None:
        """A store operation made `changes` (here, in a job, or elsewhere): drop the
        caches they concern and tell every view."""
        if not changes:
            return
        if changes.lessons or changes.everything:
            self.catalog.reload_lessons()
        if changes.catalog:
            self.catalog.partnerships.forget(changes)
        self._version = self._data_version()
        self.catalog_changed.emit(changes)

    def announce(self, changes: Changes) -> None:
        """Broadcast changes whose caches were already brought up to date."""
        if changes:
            self._version = self._data_version()
            self.catalog_changed.emit(changes)

    def _data_version(self) -> int:
        return int(self.catalog.db.execute("PRAGMA data_version").fetchone()[0])

    def _shared_lessons(self) -> dict[str, dict[str, str]]:
        """A fingerprint of each reachable shared folder's lessons."""
        return {
            str(folder): folder_state(folder / "lessons")
            for folder in self.catalog.reachable_sources()
        }

    @Slot()
    def _on_shared_timeout(self) -> None:
        """A shared folder changed, came back or went offline: index it and its lessons."""
        state = self._shared_lessons()
        lessons = state != self._shared_state
        self._shared_state = state
        self.apply(self.catalog.sync() | Changes(lessons=lessons))

    @Slot()
    def _on_poll_timeout(self) -> None:
        version = self._data_version()
        if version != self._version:
            self._version = version
            self.apply(EVERYTHING)

    @Slot(str)
    def _on_files_directory_changed(self, _path: str) -> None:
        self._settle.start()

    @Slot()
    def _on_settle_timeout(self) -> None:
        self.apply(self.catalog.sync())
