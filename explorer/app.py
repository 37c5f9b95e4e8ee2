"""Composition root: paths -> settings, theme, window frame -> catalog -> views, wired here.

Start-up paints the window frame first and opens the catalog on the next turn of the
event loop, so the window appears in about the time of a bare Qt window and fills a
moment later (docs/decisions/008-paint-the-window-first.md).
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from explorer.core.paths import AppPaths

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QWidget

    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow
    from explorer.ui.read_view import ReadView

TARGET_KINDS = (
    "lesson",
    "partnership",
    "topic",
    "glossary",
    "compare",
    "partner",
    "timeline",
    "partners",
)
TARGET_HELP = (
    "lesson:SLUG, partnership:SLUG, topic:TAG, glossary:SLUG, compare:SLUG,SLUG[,...], "
    "partner:SLUG, timeline or partners"
)
APP_NAME = "Space Partnerships Explorer"
ORGANISATION = "space-explorer"


class TargetError(ValueError):
    """A deep link the app cannot open; the message is one line for the user."""


def parse_target(target: str | None) -> tuple[str, str] | None:
    """'lesson:why-partner' -> ('lesson', 'why-partner'); 'timeline' -> ('timeline', '')."""
    if not target:
        return None
    from explorer.ui.navigation import Location

    location = Location.parse(target)
    if location is None:
        raise TargetError(f"unknown target {target!r} (use {TARGET_HELP})")
    return location.kind, location.slug


def run_gui(paths: AppPaths, target: str | None = None) -> int:
    """Start the window (at `target` if given); returns the exit code."""
    try:
        wanted = parse_target(target)
    except TargetError as exc:
        print(f"space-explorer: error: {exc}", file=sys.stderr)
        return 2
    catalog = None
    if wanted and wanted[0] not in ("timeline", "partners"):  # a page must exist first
        catalog = open_catalog(paths)
        problem = target_problem(catalog, *wanted)
        if problem is not None:
            catalog.close()
            print(f"space-explorer: error: {problem}", file=sys.stderr)
            return 2
    start_gui(paths, wanted, catalog)
    return make_application().exec()


def start_gui(
    paths: AppPaths, wanted: tuple[str, str] | None = None, catalog: Catalog | None = None
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
    wanted: tuple[str, str] | None = None,
    *,
    deferred: bool = False,
) -> None:
    """Put the catalog's views into the window and show `wanted` (else the last place)."""
    from explorer.ui.catalog_events import CatalogEvents
    from explorer.ui.navigation import Location
    from explorer.ui.read_view import ReadView

    events = window.events = CatalogEvents(catalog, window)
    read_view = ReadView(catalog, window.theme, window.zoom, events=events)
    start = Location(*wanted) if wanted else None
    to_timeline = start is not None and start.kind == "timeline"
    if (start is not None and start.kind == "partners") or not deferred:
        install_compare(window, catalog, read_view)
    if to_timeline or not deferred:
        install_timeline(window, catalog)
    window.set_read_view(read_view, None if to_timeline else start)
    if to_timeline:
        window.go_to(Location("timeline"))
    elif start is not None and start.kind == "partners":
        window.go_to(start)
    read_view.article.setFocus()
    window.destroyed.connect(catalog.close)
    if not deferred:
        install_authoring(window, catalog, read_view)
        events.start()
        return
    # The lesson is painted first; the timeline and the teacher tools (about 0.2 s)
    # are built right after that paint.
    from PySide6.QtCore import QTimer

    def install_rest() -> None:
        if window.timeline_view is None:
            install_timeline(window, catalog)
        if window.compare is None:
            install_compare(window, catalog, read_view)
        install_authoring(window, catalog, read_view, deferred=True)
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
    from explorer.ui.main_window import READ_KINDS
    from explorer.ui.navigation import Location
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

    if window.compare is not None:
        window.compare.watch_timeline(timeline)
    timeline.partnership_open_requested.connect(show_detail)
    detail.target_requested.connect(lambda kind, slug: window.go_to(Location(kind, slug)))
    window.show_on_timeline_requested.connect(highlight)
    window.location_changed.connect(follow)


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
    from explorer.ui.authoring.actions import AuthoringActions
    from explorer.ui.navigation import Location

    authoring = AuthoringActions(window, catalog, window.theme, window.events)
    window.authoring = authoring
    menus = window.menus
    first = menus.file.actions()[0]
    menus.file.insertAction(first, authoring.new_lesson_action)
    menus.file.insertAction(first, authoring.new_partnership_action)
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
    window.location_changed.connect(lambda loc: authoring.set_location(loc.kind, loc.slug))
    if (here := window.current_location()) is not None:
        authoring.set_location(here.kind, here.slug)
    authoring.lesson_saved.connect(lambda slug: window.go_to(Location("lesson", slug)))
    authoring.partnership_saved.connect(lambda slug: window.go_to(Location("partnership", slug)))
    install_transfer(window, catalog, read_view, deferred)


def install_transfer(
    window: MainWindow, catalog: Catalog, read_view: ReadView, deferred: bool = False
) -> None:
    """Spreadsheet and content-pack import and export, undo, backups (File menu)."""
    from PySide6.QtCore import QTimer

    from explorer.ui.authoring.transfer_actions import TransferActions

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
    if deferred:  # the daily backup of teacher data, in the background, once started
        QTimer.singleShot(2000, window, transfer.back_up_daily)


def build_window(
    paths: AppPaths,
    catalog: Catalog | None = None,
    wanted: tuple[str, str] | None = None,
    settings: QSettings | None = None,
) -> MainWindow:
    """The whole window, filled at once (tests and benchmarks). Needs a QApplication."""
    app = make_application()
    window = make_window(app, paths, settings)
    install_views(window, catalog or open_catalog(paths), wanted)
    return window


def target_exists(catalog: Catalog, kind: str, slug: str) -> bool:
    return target_problem(catalog, kind, slug) is None


def target_problem(catalog: Catalog, kind: str, slug: str) -> str | None:
    """Why a deep link cannot be opened, as the one line the command prints (None: it can)."""
    from explorer.ui.article.builder import PageBuilder
    from explorer.ui.navigation import VIEW_KINDS, Location

    location = Location(kind, slug)
    pages = PageBuilder(catalog)
    if kind in VIEW_KINDS or pages.has(location):
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
        wanted: tuple[str, str] | None,
    ) -> None:
        self.window, self.paths, self.catalog, self.wanted = window, paths, catalog, wanted

    def __call__(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        catalog = self.catalog or open_catalog(self.paths)
        install_views(self.window, catalog, self.wanted, deferred=True)
        for notice in catalog.notices:
            QMessageBox.warning(self.window, "Database rebuilt", notice)


def when_painted(window: QWidget, callback: object) -> None:
    """Call `callback` once, right after the widget's first paint."""
    from PySide6.QtCore import QEvent, QObject

    class _FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                self.deleteLater()
                callback()  # type: ignore[operator]
            return False

    window.installEventFilter(_FirstPaint(window))
