"""View > Present (F5): what is presented is what the reader is on. A trail being
followed plays as a talk from its current step; otherwise the open lesson (section by
section), partnership or timeline view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from explorer.core.deck import Deck, Place
from explorer.core.links import LessonFiles
from explorer.core.mdx.context import RenderContext
from explorer.core.models import Lesson
from explorer.core.slides import (
    Slide,
    SlideSource,
    body_context,
    lesson_slides,
    partnership_slide,
    timeline_slide,
    trail_slides,
)
from explorer.core.trails import TimelineView
from explorer.ui.present.presenter import Presenter

if TYPE_CHECKING:
    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow
    from explorer.ui.timeline.panel import TimelinePanel
    from explorer.ui.trails.follow import TrailFollower


def install_presenter(
    window: MainWindow,
    catalog: Catalog,
    follower: TrailFollower,
    ensure_timeline: Callable[[], None],
) -> PresentActions:
    actions = PresentActions(window, catalog, follower, ensure_timeline)
    window.menus.view.insertAction(window.menu_actions.full_screen, actions.present_action)
    window.presenting = actions  # found by tests and menus
    return actions


class PresentActions(QObject):
    def __init__(
        self,
        window: MainWindow,
        catalog: Catalog,
        follower: TrailFollower,
        ensure_timeline: Callable[[], None],
    ) -> None:
        super().__init__(window)
        self.window, self.catalog, self.follower = window, catalog, follower
        self._ensure_timeline = ensure_timeline
        self.presenter: Presenter | None = None
        self.present_action = QAction("&Present", window)
        self.present_action.setShortcut(QKeySequence("F5"))
        self.present_action.setStatusTip(
            "Show the lesson, partnership, timeline or trail full screen, for a projector"
        )
        self.present_action.setToolTip("Present (F5)")
        self.present_action.triggered.connect(self._on_present_action_triggered)
        window.addAction(self.present_action)

    @Slot()
    def _on_present_action_triggered(self) -> None:
        self.present()

    def present(self) -> Presenter | None:
        """Start presenter mode on what the reader is on; None when there is nothing to
        present (the reader is told)."""
        slides, start, steps = self.slides_for_now()
        if not slides:
            QMessageBox.information(
                self.window,
                "Nothing to present",
                "Open a lesson, a partnership, the timeline or a reading trail, then "
                "choose View › Present (F5).",
            )
            return None
        presenter = Presenter(
            self.window,
            Deck.of(slides),
            self.window.theme,
            self.window.settings,
            self._make_timeline,
            start,
            steps,
        )
        presenter.finished.connect(self._on_presenter_finished)
        self.presenter = presenter
        presenter.begin()
        return presenter

    def slides_for_now(self) -> tuple[list[Slide], Place | None, int]:
        """The slides, the place to start and the trail's number of steps (0: no trail)."""
        source = self._source()
        trail = self.follower.trail
        if trail is not None:
            slides = trail_slides(trail, source)
            return slides, Deck.of(slides).start_of_step(self.follower.index), len(trail.steps)
        if self.window.current_view() == "timeline" and self.window.timeline_view is not None:
            return [timeline_slide(_current_view(self.window.timeline_view))], None, 0
        here = self.window.current_location()
        if here is not None and here.kind == "lesson" and (lesson := source.lessons.get(here.slug)):
            return lesson_slides(lesson, source), None, 0
        if here is not None and here.kind == "partnership":
            record = self.catalog.partnerships.get(here.slug)
            return ([partnership_slide(record)] if record else []), None, 0
        return [], None, 0

    def _source(self) -> SlideSource:
        library = self.catalog.library
        files = LessonFiles(library.lessons)
        roots = (self.catalog.paths.teacher_lessons,)

        def context(lesson: Lesson) -> RenderContext:
            base = RenderContext(
                image_roots=roots, resolve_lesson=files.resolver(lesson.source_path)
            )
            return body_context(lesson, base)

        read_view = self.window.read_view
        assert read_view is not None
        return SlideSource(
            read_view.pages.renderer, context, library.by_slug, self.catalog.partnerships.get
        )

    def _make_timeline(self) -> TimelinePanel:
        from explorer.ui.timeline.panel import TimelinePanel

        panel = TimelinePanel(self.catalog.partnerships, self.catalog.search)
        panel.setAccessibleName("Timeline slide")
        return panel

    @Slot()
    def _on_presenter_finished(self) -> None:
        """After a trail's talk, the trail bar shows the step the talk ended on."""
        presenter, self.presenter = self.presenter, None
        if presenter is None or self.follower.trail is None or not presenter.deck.slides:
            return
        step = presenter.deck.slides[presenter.place.slide].step
        if step is not None and step != self.follower.index:
            self.follower.show_step(step)


def _current_view(timeline: TimelinePanel) -> TimelineView:
    first, last = timeline.view.window()
    highlight = tuple(sorted(timeline.highlighted or ()))
    return TimelineView(int(first), int(last), timeline.group_by, highlight)
