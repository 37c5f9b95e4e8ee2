"""The classroom's part of the composition root (explorer/app.py calls it): progress,
bookmarks and the teacher-tools switch, made and wired into the window.

    study = install_study(window, catalog, read_view)   # once the read view exists
    adopt_teacher_tools(window)       # once the authoring and transfer actions exist

Menus: File > Export My Progress… (and Merge Class Progress…, a teacher tool); View >
Teacher Tools; Go > My Progress, Add Bookmark (Ctrl+D) and a Bookmarks submenu. The
Bookmarks list goes under the library in the sidebar.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from explorer.core.classroom.bookmarks import TIMELINE, Bookmark, describe
from explorer.core.location import Location
from explorer.store.catalog import Catalog
from explorer.store.classroom_files import (
    BOOKMARKS_DIR,
    PROGRESS_DIR,
    BookmarkStore,
    ProgressStore,
    now,
)
from explorer.ui.classroom.bookmarks import BookmarkKeeper, BookmarksPanel, bookmark_menu_actions
from explorer.ui.classroom.progress import ProgressTracker
from explorer.ui.classroom.teacher_tools import TeacherTools
from explorer.ui.classroom.timeline_state import show_timeline_state, timeline_state

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow
    from explorer.ui.read_view import ReadView

BOOKMARKABLE = ("lesson", "partnership", "topic", "glossary", TIMELINE)
#: teacher actions other parts of the window keep, where they are installed: (the window's
#: attribute holding them, or "" for the window itself; the action's attribute). The quiz
#: export for a learning platform, installed packs, shared content sources, and the
#: trail editor.
OTHER_TEACHER_ACTIONS = (
    ("classroom", "quiz_action"),
    ("", "installed_packs_action"),
    ("", "content_sources_action"),
    ("trails", "new_trail_action"),
    ("trails", "edit_trail_action"),
)
SETTLE_MS = 250


class Study(QObject):
    """Progress, bookmarks and the teacher-tools switch, as the window holds them."""

    def __init__(self, window: MainWindow, catalog: Catalog, read_view: ReadView) -> None:
        super().__init__(window)
        self.window, self.catalog, self.read_view = window, catalog, read_view
        data = catalog.paths.data_dir
        self.tracker = ProgressTracker(
            ProgressStore(data), catalog, read_view, window.settings, window, window.events
        )
        self.keeper = BookmarkKeeper(BookmarkStore(data), self)
        self.panel = BookmarksPanel(self.keeper, window.theme)
        self.teacher_tools = TeacherTools(window, window.settings)
        self.add_bookmark_action = QAction("Add &Bookmark", window)
        self.add_bookmark_action.setShortcut(QKeySequence("Ctrl+D"))
        self.add_bookmark_action.setStatusTip("Bookmark the page or the timeline view you are on")
        self.add_bookmark_action.setToolTip("Add a bookmark (Ctrl+D)")
        window.addAction(self.add_bookmark_action)  # works where the menu bar is hidden
        self.merge_dialog: QWidget | None = None
        self._watch = QFileSystemWatcher(self)
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._connect()

    def _connect(self) -> None:
        self.add_bookmark_action.triggered.connect(self._on_add_bookmark_action_triggered)
        self.panel.bookmark_activated.connect(self.open_bookmark)
        self.tracker.merge_requested.connect(self.open_merge_dialog)
        self.teacher_tools.toggled.connect(self._on_teacher_tools_toggled)
        self.window.location_changed.connect(self._on_window_location_changed)
        self.window.theme.scheme_changed.connect(self._on_theme_scheme_changed)
        self._watch.directoryChanged.connect(lambda _path: self._settle.start())
        self._settle.timeout.connect(self.refresh)
        data = self.catalog.paths.data_dir
        for folder in (data / PROGRESS_DIR, data / BOOKMARKS_DIR):
            folder.mkdir(parents=True, exist_ok=True)
            self._watch.addPath(str(folder))

    def notices(self) -> list[str]:
        return [n for n in (self.tracker.store.notice, self.keeper.store.notice) if n]

    @Slot()
    def refresh(self) -> None:
        """The files changed on disk (a pack import, a restore, another window)."""
        self.keeper.refresh()
        self.tracker.refresh()

    # -- bookmarks ----------------------------------------------------------------------------
    def current_bookmark(self) -> Bookmark | None:
        """A bookmark of the place on screen (not saved), or None where none can be made."""
        window = self.window
        if window.current_view() == "timeline":
            panel = window.timeline_view
            if panel is None:
                return None
            state = timeline_state(panel)
            return Bookmark.new(TIMELINE, f"Timeline {describe(state)}", now(), state)
        here = window.current_location()
        if here is None or here.kind not in BOOKMARKABLE or window.read_view is None:
            return None
        return Bookmark.new(str(here), window.read_view.title_of(here) or str(here), now())

    def add_bookmark(self) -> Bookmark | None:
        mark = self.current_bookmark()
        if mark is None:
            return None
        kept = self.keeper.add(mark)
        self.panel.select(kept.id)
        return kept

    @Slot(Bookmark)
    def open_bookmark(self, mark: Bookmark) -> bool:
        window = self.window
        if mark.target != TIMELINE:
            location = Location.parse(mark.target)
            return location is not None and window.go_to(location)
        window.go_to(Location(TIMELINE))
        if window.timeline_view is not None and mark.timeline is not None:
            show_timeline_state(window.timeline_view, mark.timeline)
        return True

    @Slot()
    def _on_add_bookmark_action_triggered(self) -> None:
        self.add_bookmark()

    @Slot(object)
    def _on_window_location_changed(self, location: Location) -> None:
        self.add_bookmark_action.setEnabled(location.kind in BOOKMARKABLE)
        self.tracker.page_shown(location.kind, location.slug)

    @Slot(str)
    def _on_theme_scheme_changed(self, _scheme: str) -> None:
        self.panel.refill()  # its icons in the new colours

    # -- teacher tools ------------------------------------------------------------------------
    @Slot(bool)
    def _on_teacher_tools_toggled(self, on: bool) -> None:
        self.show_teacher_view(on)

    def show_teacher_view(self, on: bool) -> None:
        """Pages and the library with the teacher's marks (on) or without (the student's)."""
        self.read_view.pages.state.teacher_view = on
        self.read_view.library.set_teacher_view(on)
        self.tracker.teacher_tools = on
        self.read_view.redraw()
        self.tracker.show_marks()
        if not on and self.merge_dialog is not None:
            self.merge_dialog.close()

    @Slot()
    def open_merge_dialog(self) -> QWidget:
        from explorer.ui.classroom.merge_dialog import MergeDialog

        if self.merge_dialog is None:
            self.merge_dialog = MergeDialog(self.window.settings, self.window)
            self.merge_dialog.finished.connect(self._on_merge_dialog_finished)
        self.merge_dialog.show()
        self.merge_dialog.raise_()
        return self.merge_dialog

    @Slot()
    def _on_merge_dialog_finished(self) -> None:
        if self.merge_dialog is not None:
            self.merge_dialog.deleteLater()
            self.merge_dialog = None


def install_study(
    window: MainWindow, catalog: Catalog, read_view: ReadView, *, deferred: bool = False
) -> Study:
    """Make the classroom's parts and put them in the window's menus and sidebar; best
    before the read view shows its first page, which then opens as the student's."""
    study = Study(window, catalog, read_view)
    window.study = study
    _install_menus(window, study)
    if (sidebar := read_view.sidebar_widget.layout()) is not None:
        sidebar.addWidget(study.panel)
    QWidget.setTabOrder(read_view.library, study.panel.heading)
    QWidget.setTabOrder(study.panel.heading, study.panel.list)
    tools = study.teacher_tools
    tools.adopt([study.tracker.merge_action, window.menu_actions.open_lessons_folder])
    tools.adopt([window.menu_actions.reload])
    study.show_teacher_view(tools.on)
    if (here := window.current_location()) is not None:
        study._on_window_location_changed(here)
    if deferred and study.notices():  # the real start; tests read the notices
        QTimer.singleShot(0, window, lambda: _warn(window, study.notices()))
    return study


def adopt_teacher_tools(window: MainWindow) -> None:
    """The authoring and transfer actions are teacher tools: hidden in the student view."""
    study = window.study
    if not isinstance(study, Study):
        return
    for part in (window.authoring, window.transfer):
        if part is not None:
            study.teacher_tools.adopt(part.all_actions())
    for owner, name in OTHER_TEACHER_ACTIONS:
        action = getattr(getattr(window, owner, None) if owner else window, name, None)
        if isinstance(action, QAction):
            study.teacher_tools.adopt([action])


def _install_menus(window: MainWindow, study: Study) -> None:
    menus, tracker = window.menus, study.tracker
    menus.file.insertAction(menus.file_end, tracker.export_action)
    menus.file.insertAction(menus.file_end, tracker.merge_action)
    after_sidebar = _next_action(menus.view, window.menu_actions.toggle_sidebar)
    if after_sidebar is None:
        menus.view.addAction(study.teacher_tools.action)
    else:
        menus.view.insertAction(after_sidebar, study.teacher_tools.action)
    menus.go.addSeparator()
    menus.go.addAction(tracker.progress_action)
    menus.go.addSeparator()
    menus.go.addAction(study.add_bookmark_action)
    listed = QMenu("Book&marks", window)
    listed.aboutToShow.connect(
        lambda: bookmark_menu_actions(listed, study.keeper, study.open_bookmark)
    )
    menus.go.addMenu(listed)
    window.addActions([tracker.export_action, tracker.merge_action, tracker.progress_action])


def _next_action(menu: QMenu, action: QAction) -> QAction | None:
    entries = menu.actions()
    index = entries.index(action) if action in entries else -1
    return entries[index + 1] if 0 <= index < len(entries) - 1 else None


def _warn(window: QWidget, notices: list[str]) -> None:
    for notice in notices:
        QMessageBox.warning(window, "Your progress and bookmarks", notice)
