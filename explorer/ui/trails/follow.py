"""Following a trail in the window: each step opens its page, section, question or
timeline view, and the trail bar says where the reader is.

The trail and step are remembered in QSettings (like the page left open), so a restart
comes back to the same step. The trails themselves are files (explorer.store.trail_files).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from explorer.core.changes import Changes
from explorer.core.lesson_sections import find_section, section_anchor
from explorer.core.location import Location
from explorer.core.paths import AppPaths
from explorer.core.trail_checks import step_label
from explorer.core.trails import TimelineView, Trail, TrailStep
from explorer.store.trail_files import TrailShelf
from explorer.ui.article.view import ArticleView
from explorer.ui.trails.bar import TrailBar

if TYPE_CHECKING:
    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow

QUESTIONS_ANCHOR = "check-your-understanding"


class TrailShelfModel(QObject):
    """The trails on disk, read again when the content may have changed."""

    #: the list of trails changed (a trail was saved, deleted, imported or reloaded)
    trails_changed = Signal()

    def __init__(self, paths: AppPaths, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.paths = paths
        self.shelf = TrailShelf.load(paths)

    def reload(self) -> None:
        self.shelf = TrailShelf.load(self.paths)
        self.trails_changed.emit()

    @Slot(object)
    def _on_events_catalog_changed(self, _changes: Changes) -> None:
        self.reload()  # a pack import or a restore may have brought trails


class TrailFollower(QObject):
    #: a trail step is shown: (trail slug, step index from 0)
    step_shown = Signal(str, int)
    #: the reader left the trail
    left = Signal()

    def __init__(
        self,
        window: MainWindow,
        catalog: Catalog,
        trails: TrailShelfModel,
        ensure_timeline: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window, self.catalog, self.trails = window, catalog, trails
        self.settings: QSettings = window.settings
        self._ensure_timeline = ensure_timeline
        self.trail: Trail | None = None
        self.index = 0
        #: File > New Trail and Edit > Edit Trail (set by trails.install)
        self.new_trail_action: QAction | None = None
        self.edit_trail_action: QAction | None = None
        self._bar: TrailBar | None = None  # made when a trail is first followed
        self.next_action = self._action("Next Step in Trail", "Alt+PgDown", lambda: self.step(1))
        self.previous_action = self._action(
            "Previous Step in Trail", "Alt+PgUp", lambda: self.step(-1)
        )
        self.leave_action = self._action("Leave Trail", "", self.leave)
        trails.trails_changed.connect(self._on_trails_trails_changed)
        self._update_actions()

    @property
    def bar(self) -> TrailBar:
        """The trail bar above the window's views, made the first time it is needed
        (putting it there lays the window out again: not at start-up)."""
        if self._bar is None:
            self._bar = TrailBar()
            self._bar.hide()
            focus = QApplication.focusWidget()
            _put_above_views(self.window, self._bar)
            if focus is not None:
                focus.setFocus()  # moving the views into the holder took it away
            self._bar.next_requested.connect(lambda: self.step(1))
            self._bar.previous_requested.connect(lambda: self.step(-1))
            self._bar.leave_requested.connect(self.leave)
        return self._bar

    def _action(self, text: str, key: str, run: Callable[[], None]) -> QAction:
        action = QAction(text, self.window)
        if key:
            action.setShortcut(QKeySequence(key))
        action.triggered.connect(run)
        self.window.addAction(action)
        return action

    # -- following ------------------------------------------------------------------------
    def start(self, slug: str, index: int = 0, *, navigate: bool = True) -> bool:
        """Start (or go on with) a trail at step `index`, opening what it shows unless
        `navigate` is False; False when there is no such trail or it has no steps."""
        trail = self.trails.shelf.get(slug)
        if trail is None or not trail.steps:
            return False
        self.trail = trail
        self.bar.show()
        self.show_step(max(0, min(index, len(trail.steps) - 1)), navigate=navigate)
        return True

    def step(self, delta: int) -> None:
        if self.trail is not None and 0 <= self.index + delta < len(self.trail.steps):
            self.show_step(self.index + delta)

    def leave(self) -> None:
        self.trail = None
        if self._bar is not None:
            self._bar.hide()
        self.settings.remove("trail/slug")
        self.settings.remove("trail/step")
        self._update_actions()
        self.left.emit()

    def restore(self) -> bool:
        """Show the trail and step left open last time, if there was one; the window
        has already reopened at the page left (the step's, or one the reader went on
        to from it), so nothing else opens."""
        slug = str(self.settings.value("trail/slug") or "")
        try:
            index = int(str(self.settings.value("trail/step") or 0))
        except ValueError:
            index = 0
        return bool(slug) and self.start(slug, index, navigate=False)

    def show_step(self, index: int, *, navigate: bool = True) -> None:
        assert self.trail is not None
        self.index = index
        if navigate:
            self._open(self.trail.steps[index])
        self._show_bar()
        self.settings.setValue("trail/slug", self.trail.slug)
        self.settings.setValue("trail/step", index)
        self._update_actions()
        self.step_shown.emit(self.trail.slug, index)

    def current_step(self) -> TrailStep | None:
        return self.trail.steps[self.index] if self.trail is not None else None

    def _show_bar(self) -> None:
        assert self.trail is not None
        step = self.trail.steps[self.index]
        where = step_label(step, self.catalog.library.by_slug, self.catalog.partnerships.names())
        self.bar.show_step(
            self.trail.title, self.index + 1, len(self.trail.steps), step.note, where
        )

    def _open(self, step: TrailStep) -> None:
        if step.kind == "timeline":
            self._open_timeline(step.view or TimelineView())
            return
        kind = "partnership" if step.kind == "partnership" else "lesson"
        if not self.window.go_to(Location(kind, step.slug)):
            return
        article = self.window.read_view.article if self.window.read_view else None
        lesson = self.catalog.library.get(step.slug)
        if article is None or lesson is None:
            return
        if step.kind == "section" and (section := find_section(lesson, step.section)):
            _scroll_when_shown(article, section_anchor(section.title))
        elif step.kind == "question":
            _scroll_when_shown(article, QUESTIONS_ANCHOR)

    def _open_timeline(self, view: TimelineView) -> None:
        self._ensure_timeline()
        timeline = self.window.timeline_view
        self.window.go_to(Location("timeline"))
        if timeline is None:
            return
        timeline.set_group_by(view.group)
        if view.highlight:
            caption = f"{len(view.highlight)} partnerships on this step of the trail"
            timeline.highlight(view.highlight, caption)
        else:
            timeline.clear_highlight()
        first, last = timeline.view.data_range()
        first = view.first if view.first is not None else first
        last = view.last if view.last is not None else last
        timeline.view.show_years(first, last + 1)

    def _update_actions(self) -> None:
        on = self.trail is not None
        self.next_action.setEnabled(on and self.index + 1 < len(self.trail.steps))  # type: ignore[union-attr]
        self.previous_action.setEnabled(on and self.index > 0)
        self.leave_action.setEnabled(on)

    @Slot()
    def _on_trails_trails_changed(self) -> None:
        """A trail being followed was edited or removed: follow the new version."""
        if self.trail is None:
            return
        fresh = self.trails.shelf.get(self.trail.slug)
        if fresh is None or not fresh.steps:
            self.leave()
            return
        self.trail = fresh
        self.index = min(self.index, len(fresh.steps) - 1)
        self._show_bar()
        self._update_actions()


def _put_above_views(window: MainWindow, bar: TrailBar) -> None:
    """The bar goes above the window's views (the reading view and the timeline), so that
    it stays in sight on a timeline step too."""
    views = window.takeCentralWidget()
    if views is None:  # the views are installed before the trails
        return
    holder = QWidget(objectName="trailHolder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(bar)
    layout.addWidget(views, 1)
    window.setCentralWidget(holder)
    views.show()
    holder.show()  # a widget put into a window already shown stays hidden until told


def _scroll_when_shown(article: ArticleView, anchor: str) -> None:
    """Bring `anchor` to the top now, or once the page is first shown (a window that
    opens at a trail step lays its page out only then)."""
    if article.isVisible():
        article.scroll_to(anchor)
        return

    class _Shown(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Show:
                watched.removeEventFilter(self)
                self.deleteLater()
                QTimer.singleShot(0, article, lambda: article.scroll_to(anchor))
            return False

    article.installEventFilter(_Shown(article))
