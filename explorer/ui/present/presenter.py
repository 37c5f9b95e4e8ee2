"""Presenter mode: a deck of slides full screen, moved through with the keys a
presentation clicker sends, with notes on the laptop when there is a second screen.

The main window is hidden while the talk runs and given back as it was on Esc. Keys are
read by an application event filter, so that they work whichever part of the slide (the
page, the timeline) or the notes window has the focus.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, QRect, QSettings, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QApplication, QMainWindow, QVBoxLayout, QWidget

from explorer.core.deck import Deck, Place
from explorer.core.html import Markup
from explorer.ui.present.notes import PREVIEW_TEXT, NotesPanel, NotesWindow
from explorer.ui.present.screens import (
    SCALE_STEP,
    PresenterLayout,
    ScreenArea,
    choose_screens,
    presenter_scale,
)
from explorer.ui.present.slide_view import SlideView
from explorer.ui.theme import Theme

Key = Qt.Key
#: what each key does; clickers send Page Down / Page Up, some B or . for a blank screen
KEYS: dict[int, str] = {
    Key.Key_PageDown: "forward",
    Key.Key_Right: "forward",
    Key.Key_Down: "down",
    Key.Key_Space: "forward",
    Key.Key_Return: "forward",
    Key.Key_Enter: "forward",
    Key.Key_PageUp: "back",
    Key.Key_Left: "back",
    Key.Key_Up: "up",
    Key.Key_Backspace: "back",
    Key.Key_Home: "first",
    Key.Key_End: "last",
    Key.Key_A: "reveal",
    Key.Key_B: "blank",
    Key.Key_Period: "blank",
    Key.Key_N: "notes",
    Key.Key_Escape: "leave",
    Key.Key_F5: "leave",
}
ZOOM_KEYS: dict[int, int] = {Key.Key_Plus: 1, Key.Key_Equal: 1, Key.Key_Minus: -1, Key.Key_0: 0}


class SlideWindow(QWidget):
    """The projector's screen: the slide, and (one screen only) the notes strip."""

    #: the window was closed (Alt+F4, the window manager): presenter mode ends
    closed = Signal()

    def __init__(self, slide: SlideView, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("slideWindow")
        self.setWindowTitle("Presentation — Space Partnerships Explorer")
        self.setAccessibleName("Presentation")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.slide = slide
        self.strip = NotesPanel()
        self.strip.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(slide, 1)
        layout.addWidget(self.strip)

    def closeEvent(self, event: QCloseEvent) -> None:
        super().closeEvent(event)
        self.closed.emit()


class Presenter(QObject):
    #: presenter mode ended and the window is back
    finished = Signal()
    #: a slide, or a stage of one, is shown (a core.deck.Place)
    moved = Signal(object)

    def __init__(
        self,
        window: QMainWindow,
        deck: Deck,
        theme: Theme,
        settings: QSettings,
        make_timeline: Callable[[], object],
        start: Place | None = None,
        step_count: int = 0,
    ) -> None:
        super().__init__(window)
        self.window, self.deck, self.settings, self.theme = window, deck, settings, theme
        self.place = start or deck.first()
        self.step_count = step_count
        self.zoom_steps = _int(settings.value("present/zoom"), 0)
        self.slide = SlideView(theme, make_timeline)  # type: ignore[arg-type]
        self.slide_window = SlideWindow(self.slide)
        self.notes_window: NotesWindow | None = None
        self.layout = PresenterLayout(0, None)
        self._saved_geometry = QRect()
        self._saved_state = Qt.WindowState.WindowNoState
        self._running = False
        self.slide_window.closed.connect(self._on_slide_window_closed)
        self.slide.article.action_requested.connect(self._on_article_action_requested)

    # -- starting and leaving ---------------------------------------------------------------
    def begin(self, screens: Sequence[QScreen] | None = None) -> None:
        """Hide the window; the slides go full screen on the projector, the notes on the
        window's screen when there are two."""
        found = list(screens if screens is not None else _all_screens())
        areas = [_area(s) for s in found]
        here = found.index(self.window.screen()) if self.window.screen() in found else 0
        self.layout = choose_screens(areas, here)
        self._saved_geometry = self.window.geometry()
        self._saved_state = self.window.windowState()
        if found:
            self._put_on(self.slide_window, found[self.layout.slide])
            self.slide.set_scale(self._scale())
        if self.layout.notes is not None:
            self.notes_window = NotesWindow(self.theme.article_css(PREVIEW_TEXT))
            self._put_on(self.notes_window, found[self.layout.notes])
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self._running = True
        self.slide_window.showFullScreen()
        if self.notes_window is not None:
            self.notes_window.showMaximized()
        self.window.hide()
        self.slide_window.activateWindow()
        self.slide.article.setFocus()
        self.show_place(self.place)

    def _put_on(self, widget: QWidget, screen: QScreen) -> None:
        widget.setScreen(screen)
        widget.setGeometry(screen.geometry())

    def leave(self) -> None:
        """Back to the window, as it was before the talk."""
        if not self._running:
            return
        self._running = False
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.window.setWindowState(self._saved_state)
        self.window.show()
        if self._saved_state == Qt.WindowState.WindowNoState:
            self.window.setGeometry(self._saved_geometry)
        self.window.activateWindow()
        for widget in (self.slide_window, self.notes_window):
            if widget is not None:
                widget.hide()
                widget.deleteLater()
        self.finished.emit()

    @property
    def running(self) -> bool:
        return self._running

    # -- moving -------------------------------------------------------------------------------
    def act(self, action: str) -> None:
        """Do what a key asks: forward, back, first, last, reveal, blank, notes, leave."""
        if action == "leave":
            self.leave()
            return
        if action == "blank":
            self.slide.set_blank(not self.slide.blanked)
            return
        if action == "notes":
            self.slide_window.strip.setVisible(not self.slide_window.strip.isVisible())
            return
        if self.slide.blanked:  # the first press after a blank screen brings it back
            self.slide.set_blank(False)
            return
        if action in ("down", "up"):  # a slide taller than the screen scrolls first
            if self.slide.scroll_slide(1 if action == "down" else -1):
                return
            action = "forward" if action == "down" else "back"
        moves = {
            "forward": self.deck.forward,
            "back": self.deck.back,
            "reveal": self.deck.reveal,
            "first": lambda _p: self.deck.first(),
            "last": lambda _p: self.deck.last(),
        }
        if action in moves and self.deck.slides:
            self.show_place(moves[action](self.place))

    def show_place(self, place: Place) -> None:
        if not self.deck.slides:
            return
        self.place = place
        slide = self.deck.slides[place.slide]
        if slide.view is not None:
            self.slide.show_timeline(slide.view)
        else:
            self.slide.show_html(self.deck.html(place))
        self.slide.article.setAccessibleDescription(slide.title)
        self._show_notes()
        self.moved.emit(place)

    def _show_notes(self) -> None:
        slide = self.deck.slides[self.place.slide]
        counter = self.deck.counter(self.place)
        if slide.step is not None and self.step_count:
            counter += f" · Step {slide.step + 1} of {self.step_count}"
        panels = [self.slide_window.strip]
        if self.notes_window is not None:
            panels.append(self.notes_window.panel)
        for panel in panels:
            panel.show_place(counter, slide.title, slide.note, self.deck.coming(self.place))
        if self.notes_window is not None:
            self.notes_window.show_next(self._next_html())

    def _next_html(self) -> str:
        after = self.deck.forward(self.place)
        if after == self.place:
            return ""
        coming = self.deck.slides[after.slide]
        if coming.view is not None:
            return str(Markup("<h1>{}</h1>").format(coming.title))
        return self.deck.html(after)

    def zoom(self, direction: int) -> None:
        """One zoom for the whole slide (its text, the timeline); 0 goes back to the
        size that suits the screen."""
        automatic = presenter_scale(self._height())
        wanted = (
            presenter_scale(self._height(), self.zoom_steps + direction) if direction else automatic
        )
        self.zoom_steps = round((wanted - automatic) / SCALE_STEP)  # within the bounds
        self.settings.setValue("present/zoom", self.zoom_steps)
        self.slide.set_scale(wanted)
        self.show_place(self.place)

    def _scale(self) -> float:
        return presenter_scale(self._height(), self.zoom_steps)

    def _height(self) -> int:
        screen = self.slide_window.screen()
        return screen.geometry().height() if screen is not None else 768

    # -- keys -----------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not self._ours(watched):
            return False
        assert isinstance(event, QKeyEvent)
        return self.handle_key(event)

    def handle_key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        if modifiers & Qt.KeyboardModifier.ControlModifier and key in ZOOM_KEYS:
            self.zoom(ZOOM_KEYS[key])
            return True
        if modifiers & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            return False
        action = KEYS.get(key)
        if action is None:
            return False
        self.act(action)
        return True

    def _ours(self, watched: QObject) -> bool:
        if not isinstance(watched, QWidget):
            return False
        top = watched.window()
        return top is self.slide_window or (
            self.notes_window is not None and top is self.notes_window
        )

    def _on_slide_window_closed(self) -> None:
        self.leave()

    def _on_article_action_requested(self, scheme: str, _value: str) -> None:
        """A click on "Show the solution" or "show the answer" on the slide."""
        if scheme in ("reveal", "quiz"):
            self.act("reveal")


def _all_screens() -> list[QScreen]:
    return list(QGuiApplication.screens())


def _area(screen: QScreen) -> ScreenArea:
    g = screen.geometry()
    return ScreenArea(g.x(), g.y(), g.width(), g.height())


def _int(value: object, default: int) -> int:
    try:
        return int(str(value))
    except ValueError:
        return default
