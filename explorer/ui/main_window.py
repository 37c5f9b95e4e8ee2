"""The main window: menus, toolbar, and two views side by side in a stack (Read, Timeline).

The window is a frame that paints before the catalog is open: its views start as
placeholders and are installed with `set_read_view` and `set_timeline_view` once they
exist (docs/decisions/008-paint-the-window-first.md). It owns navigation (history, Back
and Forward, deep links) and remembers where the reader was, through QSettings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from explorer.core.location import VIEW_KINDS, Location
from explorer.ui.menus import Actions, Menus, build_menus, build_toolbar, make_actions, set_icons
from explorer.ui.mouse_navigation import MouseNavigation
from explorer.ui.navigation import History
from explorer.ui.placeholders import ReadPlaceholder, TimelinePlaceholder, restore_state
from explorer.ui.theme import DEFAULT_ZOOM, Theme, zoom_step

if TYPE_CHECKING:  # the read view imports the store and Markdown: not needed to paint
    from explorer.ui.catalog_events import CatalogEvents
    from explorer.ui.lesson_editor.actions import AuthoringActions
    from explorer.ui.read_view import ReadView
    from explorer.ui.timeline.panel import TimelinePanel
    from explorer.ui.transfer.actions import TransferActions

APP_TITLE = "Space Partnerships Explorer"
#: the places the Read view shows (the last one is where Read returns to)
READ_KINDS = ("lesson", "partnership", "topic", "glossary", "compare", "partner")
VIEWS = ("read", "timeline", "partners")


class MainWindow(QMainWindow):
    #: the reader asked to see partnerships on the timeline (tuple of partnership slugs)
    show_on_timeline_requested = Signal(tuple)
    #: the window shows a new place (a navigation.Location)
    location_changed = Signal(object)
    #: a reading trail was chosen (in the library or by a `trail:SLUG` link): its slug
    trail_requested = Signal(str)

    def __init__(self, settings: QSettings, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.theme = theme
        self.history = History()
        self.read_view: ReadView | None = None
        self.timeline_view: TimelinePanel | None = None
        #: what changed in the catalog, broadcast (installed with the views)
        self.events: CatalogEvents | None = None
        #: progress, bookmarks and the teacher-tools switch (explorer/ui/classroom)
        self.study: QObject | None = None  # a classroom.install.Study
        #: teacher tools installed by the composition root (explorer/app.py), if any
        self.authoring: AuthoringActions | None = None
        self.transfer: TransferActions | None = None
        #: print, PDF handouts and quiz export (a handouts.actions.ClassroomActions),
        #: installed by the composition root after the first paint
        self.classroom: QObject | None = None
        #: reading trails (a trails.follow.TrailFollower) and presenter mode (a
        #: present.install.PresentActions), installed after the first paint
        self.trails: QObject | None = None
        self.presenting: QObject | None = None
        #: Compare (a compare.actions.CompareActions), installed after the first paint
        self.compare: QObject | None = None
        #: builds the partner network view the first time it is shown (explorer/app.py)
        self.network_factory: Callable[[], QWidget] | None = None
        self.network_view: QWidget | None = None
        self.zoom = _int(settings.value("article/zoom"), DEFAULT_ZOOM)
        self.setWindowTitle(APP_TITLE)
        self.setObjectName("mainWindow")
        #: the window's own actions, by name (QWidget.actions() lists every action added)
        self.menu_actions: Actions = make_actions(self)
        self.menus: Menus = build_menus(self, self.menu_actions)
        self.menus.file.aboutToShow.connect(self._on_file_menu_about_to_show)
        self._build_toolbar()
        self.views = QStackedWidget()
        self.views.addWidget(ReadPlaceholder(settings.value("read/splitter")))
        self.views.addWidget(TimelinePlaceholder())
        self.views.addWidget(QWidget())  # the partner network, built when first shown
        self.setCentralWidget(self.views)
        self._mouse = MouseNavigation(self, self.step)
        self.installEventFilter(self._mouse)
        self._connect_actions()
        self._restore_geometry()
        self.menu_actions.toggle_sidebar.setChecked(
            settings.value("view/sidebar", "true") != "false"
        )
        self.theme.scheme_changed.connect(self._on_theme_scheme_changed)
        self.menu_actions.themes[theme.mode].setChecked(True)
        self._update_actions()

    # -- building ---------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        self.toolbar = build_toolbar(self, self.menu_actions)
        self.addToolBar(self.toolbar)
        self._set_icons()

    def _set_icons(self) -> None:
        set_icons(self.menu_actions, self.theme.icon)

    def _connect_actions(self) -> None:
        a = self.menu_actions
        a.back.triggered.connect(lambda: self.step(-1))
        a.forward.triggered.connect(lambda: self.step(1))
        a.show_read.triggered.connect(self._on_show_read_triggered)
        a.show_timeline.triggered.connect(lambda: self.go_to(Location("timeline")))
        a.show_partners.triggered.connect(lambda: self.go_to(Location("partners")))
        a.quit.triggered.connect(self.close)
        a.zoom_in.triggered.connect(lambda: self.set_zoom(zoom_step(self.zoom, 1)))
        a.zoom_out.triggered.connect(lambda: self.set_zoom(zoom_step(self.zoom, -1)))
        a.zoom_reset.triggered.connect(lambda: self.set_zoom(DEFAULT_ZOOM))
        a.full_screen.toggled.connect(self._on_full_screen_toggled)
        a.toggle_sidebar.toggled.connect(self._on_toggle_sidebar_toggled)
        a.previous_lesson.triggered.connect(lambda: self._lesson_step(-1))
        a.next_lesson.triggered.connect(lambda: self._lesson_step(1))
        a.topics.triggered.connect(lambda: self.go_to(Location("topic")))
        a.shortcuts.triggered.connect(self.show_shortcuts)
        a.about.triggered.connect(self.show_about)
        for mode, action in a.themes.items():
            action.triggered.connect(lambda _=False, m=mode: self._on_theme_chosen(m))

    def _connect_read_view_actions(self, view: ReadView) -> None:
        """The actions that act on the reading view (disabled until it is installed);
        search and find bring the reading view forward first."""
        a = self.menu_actions
        commands: list[tuple[QAction, Callable[[], object]]] = [
            (a.search, lambda: self._in_read_view(view.focus_search)),
            (a.find, lambda: self._in_read_view(view.open_find)),
            (a.find_next, view.find_next),
            (a.find_previous, view.find_previous),
            (a.copy, view.copy),
            (a.select_all, view.select_all),
            (a.reload, view.reload_lessons),
            (a.open_lessons_folder, view.open_lessons_folder),
        ]
        for action, command in commands:
            action.triggered.connect(lambda _checked=False, run=command: run())

    # -- views ------------------------------------------------------------------------
    def set_read_view(self, view: ReadView, start: Location | None = None) -> None:
        """Install the reading view (library, search, article) and show `start`, else the
        place the reader left last time, else the first lesson."""
        self._replace_view(0, view)
        self.read_view = view
        restore_state(view.splitter, self.settings.value("read/splitter"))
        view.set_zoom(self.zoom)
        view.set_sidebar_visible(self.menu_actions.toggle_sidebar.isChecked())
        view.target_requested.connect(self._on_read_view_target_requested)
        view.timeline_requested.connect(self._on_read_view_timeline_requested)
        view.page_changed.connect(self._on_read_view_page_changed)
        self._connect_read_view_actions(view)
        self._mouse.watch(view)
        self._open_start(start)
        self._update_actions()

    def set_timeline_view(self, widget: TimelinePanel) -> None:
        """Install the timeline in the Timeline slot (a placeholder until then)."""
        showing = self.views.currentIndex() == 1
        self._replace_view(1, widget)
        self.timeline_view = widget
        self._mouse.watch(widget)
        if showing:
            self.views.setCurrentIndex(1)

    def _replace_view(self, index: int, widget: QWidget) -> None:
        """Put `widget` in the stack's slot `index`, deleting what was there before."""
        old = self.views.widget(index)
        self.views.insertWidget(index, widget)
        if old is not None:
            self.views.removeWidget(old)
            old.deleteLater()

    def current_view(self) -> str:
        return VIEWS[self.views.currentIndex()]

    def current_location(self) -> Location | None:
        entry = self.history.current
        return entry.location if entry else None

    def _open_start(self, start: Location | None) -> None:
        assert self.read_view is not None
        saved = Location.parse(str(self.settings.value("read/location") or ""))
        scroll = _int(self.settings.value("read/scroll"), 0)
        reopen = start is None and saved is not None and self.read_view.has(saved)
        if reopen and saved is not None and self.go_to(saved, scroll=scroll):
            if self.settings.value("window/view") == "timeline":
                self.go_to(Location("timeline"))
            return
        if start is not None and self.go_to(start):
            return
        first = self.read_view.first_lesson()
        if first is not None:
            self.go_to(first)

    # -- navigation -------------------------------------------------------------------
    def go_to(self, location: Location, *, record: bool = True, scroll: int = 0) -> bool:
        """Open a page (lesson, partnership, topic, glossary, comparison, partner) or a
        view (the timeline, the partner network); False (with a message) when there is no
        such page."""
        if location.kind == "trail":  # followed by explorer.ui.trails, which comes here
            self.trail_requested.emit(location.slug)
            return True
        if location.kind in VIEW_KINDS:
            if location.kind == "partners" and not self._network_ready():
                return False
            self._remember_scroll()
            self.views.setCurrentIndex(VIEWS.index(location.kind))
        else:
            view = self.read_view
            if view is None:
                return False
            if not view.has(location):
                from PySide6.QtWidgets import QMessageBox

                QMessageBox.information(
                    self, "Not found", f"There is no {location.kind} called '{location.slug}'."
                )
                return False
            if record:
                self._remember_scroll()
            view.show_page(location, scroll)
            self.views.setCurrentIndex(0)
        if record:
            self.history.visit(location, scroll)
        self._after_move(location)
        return True

    def _network_ready(self) -> bool:
        """Build the partner network view the first time it is asked for."""
        if self.network_view is None and self.network_factory is not None:
            self.network_view = self.network_factory()
            old = self.views.widget(2)
            self.views.insertWidget(2, self.network_view)
            if old is not None:
                self.views.removeWidget(old)
                old.deleteLater()
            self._mouse.watch(self.network_view)
        return self.network_view is not None

    def step(self, delta: int) -> None:
        """Back (-1) or forward (+1), to the place and scroll position left there."""
        self._remember_scroll()
        entry = self.history.go(delta)
        if entry is not None:
            self.go_to(entry.location, record=False, scroll=entry.scroll)

    def _remember_scroll(self) -> None:
        if self.read_view is not None and self.current_view() == "read":
            self.history.remember_scroll(self.read_view.scroll_position())

    def _after_move(self, location: Location) -> None:
        self._update_actions()
        title = (
            self.read_view.title_of(location)
            if self.read_view and location.kind not in VIEW_KINDS
            else {"timeline": "Timeline", "partners": "Partners"}.get(location.kind, "")
        )
        self.setWindowTitle(f"{title} — {APP_TITLE}" if title else APP_TITLE)
        self.location_changed.emit(location)

    def _lesson_step(self, delta: int) -> None:
        if self.read_view is not None:
            target = self.read_view.neighbour(delta)
            if target is not None:
                self.go_to(target)

    def _update_actions(self) -> None:
        a = self.menu_actions
        a.back.setEnabled(self.history.can_go(-1))
        a.forward.setEnabled(self.history.can_go(1))
        reading = self.current_view() == "read"
        a.show_read.setChecked(reading)
        a.show_timeline.setChecked(self.current_view() == "timeline")
        a.show_partners.setChecked(self.current_view() == "partners")
        ready = self.read_view is not None
        for action in (
            a.find,
            a.find_next,
            a.find_previous,
            a.copy,
            a.select_all,
            a.zoom_in,
            a.zoom_out,
            a.zoom_reset,
        ):
            action.setEnabled(ready and reading)
        for action in (a.search, a.reload, a.open_lessons_folder, a.topics, a.show_partners):
            action.setEnabled(ready)
        location, view = self.current_location(), self.read_view
        lesson = view is not None and location is not None and location.kind == "lesson"
        a.previous_lesson.setEnabled(lesson and view is not None and bool(view.neighbour(-1)))
        a.next_lesson.setEnabled(lesson and view is not None and bool(view.neighbour(1)))

    # -- slots ------------------------------------------------------------------------
    @Slot()
    def _on_file_menu_about_to_show(self) -> None:
        if self.transfer is not None:
            self.transfer.refresh()  # a command-line import may have happened meanwhile

    @Slot(object)
    def _on_read_view_target_requested(self, location: Location) -> None:
        self.go_to(location)

    @Slot(object)
    def _on_read_view_timeline_requested(self, slugs: tuple[str, ...]) -> None:
        self.go_to(Location("timeline"))
        self.show_on_timeline_requested.emit(tuple(slugs))

    @Slot(object)
    def _on_read_view_page_changed(self, location: Location) -> None:
        """The page redrew itself (a new sort order): keep history in step."""
        self.history.replace(location, self.read_view.scroll_position() if self.read_view else 0)

    @Slot()
    def _on_show_read_triggered(self) -> None:
        last = self.history.last_of(READ_KINDS)
        if last is not None:
            self.go_to(last, scroll=self._scroll_of(last))
        elif self.read_view is not None and (first := self.read_view.first_lesson()):
            self.go_to(first)
        else:
            self.views.setCurrentIndex(0)
            self._update_actions()

    def _scroll_of(self, location: Location) -> int:
        entry = self.history.current
        return entry.scroll if entry and entry.location == location else 0

    def _on_theme_chosen(self, mode: str) -> None:
        self.theme.set_mode(mode)
        self.settings.setValue("view/theme", mode)

    @Slot(str)
    def _on_theme_scheme_changed(self, _scheme: str) -> None:
        self._set_icons()
        if self.read_view is not None:
            self.read_view.apply_theme()

    @Slot(bool)
    def _on_full_screen_toggled(self, on: bool) -> None:
        self.showFullScreen() if on else self.showNormal()

    @Slot(bool)
    def _on_toggle_sidebar_toggled(self, on: bool) -> None:
        if self.read_view is not None:
            self.read_view.set_sidebar_visible(on)

    def _in_read_view(self, command: Callable[[], None]) -> None:
        if self.current_view() != "read":
            self._on_show_read_triggered()
        command()

    def set_zoom(self, size: int) -> None:
        """Article text size in px; remembered."""
        self.zoom = size
        self.settings.setValue("article/zoom", size)
        if self.read_view is not None:
            self.read_view.set_zoom(size)

    def show_shortcuts(self) -> None:
        from explorer.ui.dialogs import ShortcutsDialog  # dialogs load when first opened

        ShortcutsDialog(self.shortcut_groups(), self).exec()

    def shortcut_groups(self) -> list[tuple[str, list[QAction]]]:
        """Each menu's title and actions, for Help > Keyboard Shortcuts."""
        menus = (self.menus.file, self.menus.edit, self.menus.view, self.menus.go, self.menus.help)
        return [(menu.title(), list(menu.actions())) for menu in menus]

    def show_about(self) -> None:
        from explorer.ui.dialogs import AboutDialog

        AboutDialog(self).exec()

    # -- state --------------------------------------------------------------------------
    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            return
        screen = QGuiApplication.primaryScreen()
        free = screen.availableGeometry() if screen else None
        width = min(1400, int(free.width() * 0.9)) if free else 1200
        height = min(900, int(free.height() * 0.9)) if free else 800
        self.resize(width, height)

    def save_state(self) -> None:
        s = self.settings
        s.setValue("window/geometry", self.saveGeometry())
        s.setValue("window/view", self.current_view())
        s.setValue(
            "view/sidebar", "true" if self.menu_actions.toggle_sidebar.isChecked() else "false"
        )
        if self.read_view is not None:
            s.setValue("read/splitter", self.read_view.splitter.saveState())
            last = self.history.last_of(READ_KINDS)
            if last is not None:
                current = self.current_location() == last and self.current_view() == "read"
                s.setValue("read/location", str(last))
                s.setValue("read/scroll", self.read_view.scroll_position() if current else 0)
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.authoring is not None and not self.authoring.close_editors():
            event.ignore()  # the teacher chose to keep editing an unsaved lesson
            return
        self.save_state()
        if self.authoring is not None:
            self.authoring.shutdown()
        if self.transfer is not None:
            self.transfer.shutdown()  # a running undo or backup finishes first
        super().closeEvent(event)


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
