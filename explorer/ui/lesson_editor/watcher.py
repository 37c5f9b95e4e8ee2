"""The teacher's lessons folder, watched: files added, changed or removed there, or in
its subfolders (collections), show in the app within a second, without a restart.

QFileSystemWatcher reports the folder (a file added, removed or renamed, which is how
editors save atomically) and each lesson file (changed in place). Events come in bursts,
so a 200 ms timer gathers them; the folder is then fingerprinted
(explorer.core.lesson_authoring.folder_state) and the catalog reloads only when what the
app reads really changed. A lesson with problems still loads and carries them
(Lesson.problems, each `file:line: message`).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, Signal, Slot

from explorer.core.collections import is_lesson_file
from explorer.core.lesson_authoring import folder_state, watched_files, watched_folders
from explorer.store.catalog import Catalog
from explorer.ui.widgets import quiet_timer

#: quiet time after the last file event before the folder is read again (ms)
DEBOUNCE_MS = 200
#: the most lesson files watched one by one (folders are always watched)
MAX_WATCHED_FILES = 2000


class LessonFolderWatcher(QObject):
    #: the lesson library was reloaded because files in the lessons folder changed
    lessons_changed = Signal()

    def __init__(self, catalog: Catalog, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.folder = catalog.paths.teacher_lessons
        self.folder.mkdir(parents=True, exist_ok=True)
        self._state = folder_state(self.folder)
        self._watcher = QFileSystemWatcher(self)
        self._timer = quiet_timer(self, DEBOUNCE_MS, self._on_timer_timeout)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watch()

    def watched(self) -> list[str]:
        return sorted(self._watcher.directories() + self._watcher.files())

    def stop(self) -> None:
        """Stop watching (before the catalog closes)."""
        self._timer.stop()
        paths = self._watcher.directories() + self._watcher.files()
        if paths:
            self._watcher.removePaths(paths)

    def rescan(self) -> bool:
        """Read the folder now; reload the lessons and tell listeners if it changed.
        Returns whether it did."""
        self._timer.stop()
        self._watch()
        state = folder_state(self.folder)
        if state == self._state:
            return False
        self._state = state
        self.catalog.reload_lessons()
        self.lessons_changed.emit()
        return True

    def _watch(self) -> None:
        """Watch the folder, its subfolders (collections, images) and every lesson file
        in them (a file replaced by an atomic save is a new file, and must be watched
        again). While the folder is missing, its parent is watched so that a new one is
        noticed."""
        data_dir = str(self.catalog.paths.data_dir)
        current = set(self._watcher.directories() + self._watcher.files())
        if not self.folder.is_dir():
            if data_dir not in current and self.catalog.paths.data_dir.is_dir():
                self._watcher.addPath(data_dir)
            return
        if data_dir in current:  # the database's own writes would wake us up
            self._watcher.removePath(data_dir)
        folders = watched_folders(self.folder)
        lessons = [p for p in watched_files(self.folder) if is_lesson_file(p)]
        wanted = [*folders, *lessons[:MAX_WATCHED_FILES]]
        missing = [str(p) for p in wanted if str(p) not in current]
        if missing:
            self._watcher.addPaths(missing)

    @Slot(str)
    def _on_watcher_changed(self, _path: str) -> None:
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        if self.watched():
            self.rescan()


class FileWatch(QObject):
    """One file, watched while it is open in an editor: `touched` after any change on
    disk (written, replaced, removed), once a burst of events has settled."""

    #: the file changed, was replaced or disappeared on disk; read it to see which
    touched = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self._watcher = QFileSystemWatcher(self)
        self._timer = quiet_timer(self, DEBOUNCE_MS, self._on_timer_timeout)
        self._watcher.fileChanged.connect(self._on_watcher_changed)
        self._watcher.directoryChanged.connect(self._on_watcher_changed)
        self.rewatch()

    def rewatch(self) -> None:
        """Watch the file (again, after an atomic save replaced it) and its folder."""
        current = set(self._watcher.files() + self._watcher.directories())
        for path in (self.path, self.path.parent):
            if path.exists() and str(path) not in current:
                self._watcher.addPath(str(path))

    @Slot(str)
    def _on_watcher_changed(self, _path: str) -> None:
        self._timer.start()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.rewatch()
        self.touched.emit()
