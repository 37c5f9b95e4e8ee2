"""The window's actions, its menu bar and its toolbar, with the platform's standard
shortcuts.

Each action is created once here; the window connects them. A standard key
(QKeySequence.StandardKey) is used wherever Qt has one, so macOS gets Cmd+[ for Back and
Linux gets Alt+Left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QSizePolicy, QToolBar, QToolButton, QWidget

from explorer.ui.theme import MODE_TITLES, MODES

Key = QKeySequence.StandardKey


def _keys(*keys: Key | str, drop: tuple[str, ...] = ()) -> list[QKeySequence]:
    """Standard keys (all their platform bindings) and plain key strings, in order."""
    out: list[QKeySequence] = []
    for key in keys:
        found = QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
        out += [k for k in found if k.toString() not in drop and k not in out]
    return out


@dataclass
class Actions:
    open_lessons_folder: QAction
    reload: QAction
    quit: QAction
    copy: QAction
    select_all: QAction
    find: QAction
    find_next: QAction
    find_previous: QAction
    search: QAction
    show_read: QAction
    show_timeline: QAction
    show_partners: QAction
    toggle_sidebar: QAction
    zoom_in: QAction
    zoom_out: QAction
    zoom_reset: QAction
    full_screen: QAction
    back: QAction
    forward: QAction
    previous_lesson: QAction
    next_lesson: QAction
    topics: QAction
    shortcuts: QAction
    about: QAction
    themes: dict[str, QAction]

    def all(self) -> list[QAction]:
        found: list[QAction] = []
        for field in fields(self):
            value = getattr(self, field.name)
            found += list(value.values()) if isinstance(value, dict) else [value]
        return found


def _action(
    window: QMainWindow,
    text: str,
    keys: list[QKeySequence] | None = None,
    tip: str = "",
    checkable: bool = False,
) -> QAction:
    made = QAction(text, window)
    made.setShortcuts(keys or [])
    made.setCheckable(checkable)
    made.setStatusTip(tip)
    made.setToolTip(_tool_tip(text.replace("&", "").rstrip("…"), keys or []))
    window.addAction(made)  # shortcuts work even where the menu bar is hidden
    return made


def _group(window: QMainWindow, actions: list[QAction]) -> None:
    """Exactly one of `actions` is checked at a time."""
    group = QActionGroup(window)
    for item in actions:
        group.addAction(item)


def make_actions(window: QMainWindow) -> Actions:
    def action(
        text: str, keys: list[QKeySequence] | None = None, tip: str = "", checkable: bool = False
    ) -> QAction:
        return _action(window, text, keys, tip, checkable)

    themes = {mode: action(MODE_TITLES[mode], checkable=True) for mode in MODES}
    _group(window, list(themes.values()))
    made = Actions(
        open_lessons_folder=action(
            "Open My &Lessons Folder", tip="Show the folder where your own lessons live"
        ),
        reload=action(
            "&Reload Lessons",
            _keys(Key.Refresh, "Ctrl+R", drop=("F5",)),  # F5 presents (explorer.ui.present)
            "Read the lesson files again after editing them",
        ),
        quit=action("&Quit", _keys(Key.Quit, "Ctrl+Q")),
        copy=action("&Copy", _keys(Key.Copy)),
        select_all=action("Select &All", _keys(Key.SelectAll)),
        find=action("&Find in Page…", _keys(Key.Find), "Find words in the page you are reading"),
        find_next=action("Find &Next", _keys(Key.FindNext)),
        find_previous=action("Find Pre&vious", _keys(Key.FindPrevious)),
        search=action("&Search…", _keys("Ctrl+K"), "Search lessons and partnerships"),
        show_read=action("&Read", _keys("Ctrl+1"), "Lessons and partnership pages", checkable=True),
        show_timeline=action(
            "&Timeline", _keys("Ctrl+2"), "Partnerships on a timeline", checkable=True
        ),
        show_partners=action(
            "&Partners",
            _keys("Ctrl+3"),
            "Agencies, companies and governments, linked by the partnerships they share",
            checkable=True,
        ),
        toggle_sidebar=action("Show &Sidebar", _keys("Ctrl+Shift+L"), checkable=True),
        zoom_in=action("Zoom &In", _keys(Key.ZoomIn, "Ctrl+="), "Larger text"),
        zoom_out=action("Zoom &Out", _keys(Key.ZoomOut), "Smaller text"),
        zoom_reset=action("&Actual Size", _keys("Ctrl+0"), "Default text size"),
        full_screen=action("&Full Screen", _keys(Key.FullScreen), checkable=True),
        back=action("&Back", _keys(Key.Back, drop=("Backspace",)), "Go back"),
        forward=action("&Forward", _keys(Key.Forward, drop=("Shift+Backspace",)), "Go forward"),
        previous_lesson=action("&Previous Lesson", _keys("Ctrl+PgUp")),
        next_lesson=action("&Next Lesson", _keys("Ctrl+PgDown")),
        topics=action(
            "All &Topics", _keys("Ctrl+T"), "Benefits, challenges and types of partnership"
        ),
        shortcuts=action("&Keyboard Shortcuts", _keys("Ctrl+/", Key.HelpContents)),
        about=action("&About Space Partnerships Explorer"),
        themes=themes,
    )
    _group(window, [made.show_read, made.show_timeline, made.show_partners])
    made.toggle_sidebar.setChecked(True)
    return made


def _tool_tip(text: str, keys: list[QKeySequence]) -> str:
    if not keys:
        return text
    shown = keys[0].toString(QKeySequence.SequenceFormat.NativeText)
    return f"{text} ({shown})"


@dataclass
class Menus:
    file: QMenu
    edit: QMenu
    view: QMenu
    go: QMenu
    help: QMenu
    #: File menu entries added by other parts of the app go before this separator
    file_end: QAction


def build_menus(window: QMainWindow, a: Actions) -> Menus:
    bar = window.menuBar()
    file = bar.addMenu("&File")
    file.addAction(a.open_lessons_folder)
    file.addAction(a.reload)
    file_end = file.addSeparator()
    file.addAction(a.quit)
    edit = bar.addMenu("&Edit")
    for item in (a.copy, a.select_all, None, a.find, a.find_next, a.find_previous, None, a.search):
        edit.addAction(item) if item else edit.addSeparator()
    view = bar.addMenu("&View")
    for item in (
        a.show_read,
        a.show_timeline,
        None,
        a.toggle_sidebar,
        None,
        a.zoom_in,
        a.zoom_out,
        a.zoom_reset,
        None,
    ):
        view.addAction(item) if item else view.addSeparator()
    theme = view.addMenu("T&heme")
    for theme_action in a.themes.values():
        theme.addAction(theme_action)
    view.addSeparator()
    view.addAction(a.full_screen)
    go = bar.addMenu("&Go")
    for item in (
        a.back,
        a.forward,
        None,
        a.previous_lesson,
        a.next_lesson,
        None,
        a.topics,
        a.show_partners,
    ):
        go.addAction(item) if item else go.addSeparator()
    help_menu = bar.addMenu("&Help")
    help_menu.addAction(a.shortcuts)
    help_menu.addSeparator()
    help_menu.addAction(a.about)
    return Menus(file, edit, view, go, help_menu, file_end)


def build_toolbar(window: QMainWindow, a: Actions) -> QToolBar:
    """Back and Forward, the Read and Timeline switches, and the sidebar toggle."""
    bar = QToolBar("Navigation")
    bar.setObjectName("navigation")
    bar.setMovable(False)
    bar.setFloatable(False)
    bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
    bar.toggleViewAction().setVisible(False)
    bar.addAction(a.back)
    bar.addAction(a.forward)
    bar.addSeparator()
    for action in (a.show_read, a.show_timeline):
        bar.addAction(action)
        button = bar.widgetForAction(action)
        assert isinstance(button, QToolButton)
        button.setObjectName("viewSwitch")
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(f"{action.text().replace('&', '')} view")
    spacer = QWidget()
    spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    bar.addWidget(spacer)
    bar.addAction(a.toggle_sidebar)
    return bar


def set_icons(a: Actions, icon: Callable[[str], QIcon]) -> None:
    """The actions' icons, drawn in the theme's colours (again when the scheme changes)."""
    for action, name in (
        (a.back, "back"),
        (a.forward, "forward"),
        (a.show_read, "read"),
        (a.show_timeline, "timeline"),
        (a.search, "search"),
        (a.toggle_sidebar, "sidebar"),
    ):
        action.setIcon(icon(name))
