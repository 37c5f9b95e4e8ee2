"""Composition root: paths -> settings, theme, window frame -> catalog -> views, wired here.

Start-up paints the window frame first and opens the catalog on the next turn of the
event loop, so the window appears in about the time of a bare Qt window and fills a
moment later (docs/decisions/008-paint-the-window-first.md).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from explorer.core.location import VIEW_KINDS, Location
from explorer.core.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow
    from explorer.ui.read_view import ReadView
    from explorer.ui.trails.follow import TrailFollower

TARGET_HELP = (
    "lesson:SLUG, partnership:SLUG, topic:TAG, glossary:SLUG, compare:SLUG,SLUG[,...], "
    "partner:SLUG, trail:SLUG, progress:, timeline or partners"
)
APP_NAME = "Space Partnerships Explorer"
ORGANISATION = "space-explorer"


class TargetError(ValueError):
    """A deep link the app cannot open; the message is one line for the user."""


def parse_target(target: str | None) -> Location | None:
    """'lesson:why-partner' -> Location('lesson', 'why-partner'); 'timeline', 'progress:'
    and 'trail:SLUG' too."""
    if not target:
        return None
    location = Location.parse(target)
    if location is None:
        raise TargetError(f"unknown target {target!r} (use {TARGET_HELP})")
    return location


def run_gui(paths: AppPaths, target: str | None = None) -> int:
    """Start the window (at `target` if given); returns the exit code."""
    try:
        wanted = parse_target(target)
    except TargetError as exc:
        print(f"space-explorer: error: {exc}", file=sys.stderr)
        return 2
    catalog = None
    if wanted and wanted.kind not in VIEW_KINDS:  # a page must exist before a window opens
        catalog = open_catalog(paths)
        problem = target_problem(catalog, wanted)
        if problem is not None:
            catalog.close()
            print(f"space-explorer: error: {problem}", file=sys.stderr)
            return 2
    start_gui(paths, wanted, catalog)
    return make_application().exec()


def start_gui(
    paths: AppPaths, wanted: Location | None = None, catalog: Catalog | None = None
) -> MainWindow:
    """Show the window frame now; open the catalog and fill the window after its first
    paint. Returns the window; the caller runs the event loop."""
    from PySide6.QtCore import QTimer

    app = make_application()
    window = make_window(app, paths)
    window.show()
    fill = _Filler(window, paths, catalog, wanted)
    when_painted(window, lambda: QTimer.singleShot(0, fill))
    return window


def make_application() -> QApplication:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(ORGANISATION)
    app.setDesktopFileName("space-explorer")
    return app


def make_window(
    app: QApplication, paths: AppPaths, settings: QSettings | None = None
) -> MainWindow:
    """The window frame, themed, at its remembered size; its views are placeholders."""
    from PySide6.QtCore import QSettings

    from explorer.ui.main_window import MainWindow
    from explorer.ui.theme import Theme

    settings = settings if settings is not None else QSettings()
    theme = Theme(app, paths.resources_dir, str(settings.value("view/theme") or "system"))
    window = MainWindow(settings, theme)
    theme.setParent(window)
    return window


def open_catalog(paths: AppPaths) -> Catalog:
    from explorer.store.catalog import Catalog

    return Catalog.open(paths)


def install_views(
    window: MainWindow,
    catalog: Catalog,
    wanted: Location | None = None,
    *,
    deferred: bool = False,
) -> None:
    """Put the catalog's views into the window and show `wanted` (else the last place)."""
    from explorer.ui.catalog_events import CatalogEvents
    from explorer.ui.read_view import ReadView

    events = window.events = CatalogEvents(catalog, window)
    read_view = ReadView(catalog, window.theme, window.zoom, events=events)
    install_study(window, catalog, read_view, deferred=deferred)
    trail = wanted.slug if wanted and wanted.kind == "trail" else None
    start = wanted if wanted and not trail else None
    to_timeline = start is not None and start.kind == "timeline"
    if (start is not None and start.kind == "partners") or not deferred:
        install_compare(window, catalog, read_view)
    if to_timeline or not deferred:
        install_timeline(window, catalog)
    window.set_read_view(read_view, None if to_timeline else start)
    restore = wanted is None  # the trail step left open last time
    if trail is not None or not deferred:
        install_reading_trails(window, catalog, trail, restore=restore)
    if to_timeline:
        window.go_to(Location("timeline"))
    elif start is not None and start.kind == "partners":
        window.go_to(start)
    read_view.article.setFocus()
    window.destroyed.connect(catalog.close)
    if not deferred:
        install_classroom(window, catalog)
        install_authoring(window, catalog, read_view)
        install_presenter_mode(window, catalog)
        adopt_teacher_tools(window)  # the trail editor's actions, installed just now
        events.start()
        return
    # The lesson is painted first; the timeline, print and quiz export, and the teacher
    # tools (about 0.2 s) are built right after that paint.
    from PySide6.QtCore import QTimer

    def install_rest() -> None:
        if window.timeline_view is None:
            install_timeline(window, catalog)
        install_classroom(window, catalog)
        if window.compare is None:
            install_compare(window, catalog, read_view)
        install_authoring(window, catalog, read_view, deferred=True)
        if getattr(window, "trails", None) is None:
            install_reading_trails(window, catalog, restore=restore)
        install_presenter_mode(window, catalog)
        adopt_teacher_tools(window)  # the trail editor's actions, installed just now
        events.start()

    if window.current_view() != "read":  # the timeline or the network is shown: no lesson
        install_rest()
    else:
        when_painted(
            read_view.article.viewport(), lambda: QTimer.singleShot(0, window, install_rest)
        )


def install_timeline(window: MainWindow, catalog: Catalog) -> None:
    """The timeline beside a partnership page; linked both ways to the reading view."""
    from explorer.ui.article.builder import PageBuilder
    from explorer.ui.article.view import ArticleView
    from explorer.ui.compare.actions import CompareActions
    from explorer.ui.main_window import READ_KINDS
    from explorer.ui.timeline.panel import TimelinePanel

    timeline = TimelinePanel(catalog.partnerships, catalog.search, events=window.events)
    detail = ArticleView(window.theme.article_css(window.zoom), window.zoom)
    detail.setAccessibleName("Partnership beside the timeline")
    builder = PageBuilder(catalog)
    timeline.set_detail_widget(detail)
    window.set_timeline_view(timeline)

    def show_detail(slug: str) -> None:
        html = builder.html(Location("partnership", slug))
        if html is not None:
            detail.show_html(html)
            timeline.show_detail(True)

    def highlight(slugs: tuple[str, ...]) -> None:
        page = window.history.last_of(READ_KINDS)  # the page the request came from
        what = "being compared" if page and page.kind == "compare" else "cited in the lesson"
        timeline.highlight(list(slugs), f"{len(slugs)} partnerships {what}")

    def follow(location: Location) -> None:
        if location.kind == "partnership":
            timeline.focus_partnership(location.slug)

    if isinstance(window.compare, CompareActions):
        window.compare.watch_timeline(timeline)
    timeline.partnership_open_requested.connect(show_detail)
    detail.target_requested.connect(window.go_to)
    window.show_on_timeline_requested.connect(highlight)
    window.location_changed.connect(follow)


def install_classroom(window: MainWindow, catalog: Catalog) -> None:
    """Print, PDF handouts and quiz export (File menu), for students and teachers alike."""
    from explorer.ui.handouts.actions import ClassroomActions

    classroom = ClassroomActions(window, catalog, window.settings)
    window.classroom = classroom
    window.menus.file.insertSeparator(window.menus.file_end)
    for action in classroom.file_menu_actions():
        if action is not None:
            window.menus.file.insertAction(window.menus.file_end, action)
    window.addActions(classroom.all_actions())
    window.location_changed.connect(classroom.set_location)
    classroom.set_location(window.current_location())


def install_reading_trails(
    window: MainWindow, catalog: Catalog, trail: str | None = None, *, restore: bool = False
) -> TrailFollower:
    """Reading trails (the Trails group, the trail bar, the trail editor); follows `trail`
    from its first step, or shows the trail step left open last time (`restore`)."""
    from explorer.ui.trails.install import install_trails

    def ensure_timeline() -> None:
        if window.timeline_view is None:
            install_timeline(window, catalog)

    follower = install_trails(window, catalog, ensure_timeline)
    if trail is not None:
        follower.start(trail)
    elif restore:
        follower.restore()
    return follower


def install_presenter_mode(window: MainWindow, catalog: Catalog) -> None:
    """View > Present (F5), built with the timeline and teacher tools, after the first
    page is painted."""
    from explorer.ui.present.install import install_presenter
    from explorer.ui.trails.follow import TrailFollower

    if not isinstance(follower := window.trails, TrailFollower):
        return

    def ensure_timeline() -> None:
        if window.timeline_view is None:
            install_timeline(window, catalog)

    install_presenter(window, catalog, follower, ensure_timeline)


def install_compare(window: MainWindow, catalog: Catalog, read_view: ReadView) -> None:
    """Compare: the partnership menu (search, timeline, list), page links, the Go menu;
    and the partner network (Go > Partners), built when first shown. Installed after the
    first paint, with the teacher tools, unless the window opens on the network."""
    from explorer.ui.compare.actions import CompareActions
    from explorer.ui.network.install import install_network

    names = catalog.partnerships.names
    compare = window.compare = CompareActions(window, lambda slug: names().get(slug, slug))
    compare.watch_read_view(read_view)
    if window.timeline_view is not None:  # built first (a deep link to the timeline)
        compare.watch_timeline(window.timeline_view)
    window.menus.go.addSeparator()
    for action in compare.actions():
        window.menus.go.addAction(action)
    install_network(window, catalog, read_view)


def install_authoring(
    window: MainWindow, catalog: Catalog, read_view: ReadView, deferred: bool = False
) -> None:
    """Teacher tools: lesson editor, partnership form, imports, exports and backups."""
    from explorer.ui.lesson_editor.actions import AuthoringActions

    authoring = AuthoringActions(window, catalog, window.theme, window.events)
    window.authoring = authoring
    menus = window.menus
    first = menus.file.actions()[0]
    menus.file.insertActions(first, authoring.file_menu_actions())
    menus.file.insertSeparator(first)
    menus.edit.addSeparator()
    for action in authoring.edit_menu_actions():
        if action is None:
            menus.edit.addSeparator()
        else:
            menus.edit.addAction(action)
    from PySide6.QtWidgets import QMenu

    tools = QMenu("&Tools", window)
    window.menuBar().insertMenu(menus.help.menuAction(), tools)  # before Help
    for action in authoring.tools_menu_actions():
        tools.addAction(action) if action else tools.addSeparator()
    window.addActions(authoring.all_actions())
    window.location_changed.connect(authoring.set_location)
    authoring.set_location(window.current_location())
    authoring.lesson_saved.connect(lambda slug: window.go_to(Location("lesson", slug)))
    authoring.partnerships.partnership_saved.connect(
        lambda slug: window.go_to(Location("partnership", slug))
    )
    install_transfer(window, catalog, read_view, deferred)
    adopt_teacher_tools(window)


def install_study(
    window: MainWindow, catalog: Catalog, read_view: ReadView, deferred: bool = False
) -> None:
    """Progress, bookmarks and View > Teacher Tools (explorer/ui/classroom/install.py),
    before the first page is shown: it opens with the student's saved answers."""
    from explorer.ui.classroom.install import install_study as install

    install(window, catalog, read_view, deferred=deferred)


def adopt_teacher_tools(window: MainWindow) -> None:
    """The teacher's actions hide in the student view (View > Teacher Tools off)."""
    from explorer.ui.classroom.install import adopt_teacher_tools as adopt

    adopt(window)


def install_transfer(
    window: MainWindow, catalog: Catalog, read_view: ReadView, deferred: bool = False
) -> None:
    """Spreadsheet and content-pack import and export, undo, backups (File menu)."""
    from PySide6.QtCore import QTimer

    from explorer.ui.transfer.actions import TransferActions

    transfer = TransferActions(
        window,
        catalog,
        catalog.paths,
        lambda: list(window.timeline_view.shown_slugs()) if window.timeline_view else [],
        window.settings,
        window.events,
    )
    window.transfer = transfer
    window.menus.file.insertSeparator(window.menus.file_end)
    for action in transfer.file_menu_actions():
        if action is None:
            window.menus.file.insertSeparator(window.menus.file_end)
        else:
            window.menus.file.insertAction(window.menus.file_end, action)
    window.addActions(transfer.all_actions())
    install_sources(window, catalog)
    if deferred:  # the daily backup of teacher data, in the background, once started
        QTimer.singleShot(2000, window, transfer.back_up_daily)


def install_sources(window: MainWindow, catalog: Catalog) -> None:
    """View > Content Sources: the shared content folders the app reads."""
    from PySide6.QtGui import QAction

    from explorer.ui.content_sources import ContentSourcesDialog

    action = QAction("Content &Sources…", window)
    action.setStatusTip("Shared folders of lessons and partnerships the app reads")
    action.triggered.connect(lambda: ContentSourcesDialog(catalog, window).open())
    window.menus.view.addSeparator()
    window.menus.view.addAction(action)
    window.content_sources_action = action  # type: ignore[attr-defined]

    packs = QAction("Installed &Packs…", window)
    packs.setStatusTip("Which content came from which pack; remove a pack as a whole")
    packs.triggered.connect(lambda: _open_installed_packs(window, catalog))
    window.menus.file.insertAction(window.menus.file_end, packs)
    window.installed_packs_action = packs  # type: ignore[attr-defined]


def build_window(
    paths: AppPaths,
    catalog: Catalog | None = None,
    wanted: Location | None = None,
    settings: QSettings | None = None,
) -> MainWindow:
    """The whole window, filled at once (tests and benchmarks). Needs a QApplication."""
    app = make_application()
    window = make_window(app, paths, settings)
    install_views(window, catalog or open_catalog(paths), wanted)
    return window


def target_exists(catalog: Catalog, location: Location) -> bool:
    return target_problem(catalog, location) is None


def target_problem(catalog: Catalog, location: Location) -> str | None:
    """Why a deep link cannot be opened, as the one line the command prints (None: it can)."""
    from explorer.ui.article.builder import PageBuilder

    kind, slug = location.kind, location.slug
    if kind == "trail":
        from explorer.store.trail_files import TrailShelf

        if TrailShelf.load(catalog.paths).get(slug) is not None:
            return None
        return f"unknown target '{location}' (no such trail)"
    if kind in VIEW_KINDS or kind == "progress":  # the progress page is always there
        return None
    pages = PageBuilder(catalog)
    if pages.has(location):
        return None
    if kind == "compare":
        return f"cannot open 'compare:{slug}': {pages.problem(location)}"
    return f"unknown target '{location}' (no such {kind})"


class _Filler:
    """Opens the catalog and installs the views, once, after the frame has painted."""

    def __init__(
        self,
        window: MainWindow,
        paths: AppPaths,
        catalog: Catalog | None,
        wanted: Location | None,
    ) -> None:
        self.window, self.paths, self.catalog, self.wanted = window, paths, catalog, wanted

    def __call__(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        catalog = self.catalog or open_catalog(self.paths)
        install_views(self.window, catalog, self.wanted, deferred=True)
        for notice in catalog.notices:
            QMessageBox.warning(self.window, "Database rebuilt", notice)


def when_painted(window: QWidget, callback: Callable[[], object]) -> None:
    """Call `callback` once, right after the widget's first paint."""
    from PySide6.QtCore import QEvent, QObject

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                self.deleteLater()
                callback()
            return False

    window.installEventFilter(_FirstPaint(window))


def _open_installed_packs(window: MainWindow, catalog: Catalog) -> None:
    from explorer.ui.installed_packs import InstalledPacksDialog

    if window.events is not None:
        InstalledPacksDialog(catalog, window.events, window).open()
