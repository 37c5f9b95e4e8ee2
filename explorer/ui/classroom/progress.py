"""The student's progress in the window: lessons marked in the library as they are
opened and read, quiz answers kept across restarts (the page builder's quiz memory),
the score under each quiz, and the My progress page (`progress:`) with its actions:
export for the teacher, start again, and (teacher tools) merge the class's files.

A lesson is read once the student has seen READ_FRACTION of it: checked as they scroll,
and a moment after a page short enough to fit the window is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from explorer.core.changes import Changes
from explorer.core.classroom.pages import ACTION, progress_page, score_note
from explorer.core.classroom.progress import (
    NOT_YET,
    READ,
    READ_FRACTION,
    Progress,
    quiz_state,
    reading_fraction,
    score_of,
    summarise,
)
from explorer.core.html import Markup
from explorer.core.location import Location
from explorer.core.models import Lesson
from explorer.store.catalog import Catalog
from explorer.store.classroom_files import ProgressStore
from explorer.ui.catalog_events import CatalogEvents

if TYPE_CHECKING:
    from explorer.ui.read_view import ReadView

#: how long a short lesson (one that fits the window) is shown before it counts as read
SHORT_PAGE_MS = 1500
FOLDER_KEY = "classroom/export_folder"
PAGE = "progress"


class ProgressTracker(QObject):
    #: the student's progress changed (a lesson opened or read, an answer, a reset)
    progress_changed = Signal()
    #: the progress page asked for the teacher's merge dialog
    merge_requested = Signal()

    def __init__(
        self,
        store: ProgressStore,
        catalog: Catalog,
        read_view: ReadView,
        settings: QSettings,
        parent: QWidget,
        events: CatalogEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.catalog, self.read_view = store, catalog, read_view
        self.settings, self.window = settings, parent
        self.teacher_tools = False
        read_view.pages.quiz = self
        read_view.pages.extra[PAGE] = self
        self._short_page = QTimer(self, singleShot=True, interval=SHORT_PAGE_MS)
        self._short_page.timeout.connect(self.check_reading)
        read_view.article.verticalScrollBar().valueChanged.connect(self._on_bar_value_changed)
        read_view.article.action_requested.connect(self._on_article_action_requested)
        if events is not None:
            events.catalog_changed.connect(self._on_events_catalog_changed)
        self.progress_action = self._action("My &Progress", "What you have read and your scores")
        self.progress_action.triggered.connect(self._on_progress_action_triggered)
        self.export_action = self._action(
            "Export My &Progress…", "Save your progress in a file to give to your teacher"
        )
        self.export_action.triggered.connect(self.ask_and_export)
        self.merge_action = self._action(
            "&Merge Class Progress…", "Put students' progress files together in one class table"
        )
        self.merge_action.triggered.connect(self.merge_requested)
        self.show_marks()

    def _action(self, text: str, tip: str) -> QAction:
        made = QAction(text, self.window)
        made.setStatusTip(tip)
        made.setToolTip(tip)
        return made

    @property
    def progress(self) -> Progress:
        return self.store.progress

    # -- the page builder's quiz memory and the progress page -----------------------------
    def state(self, lesson: Lesson) -> Mapping[int, int]:
        return quiz_state(self.store.progress, lesson)

    def record(self, lesson: Lesson, number: int, state: int) -> None:
        if self.store.answered(lesson, number, state):
            self._changed()

    def note(self, lesson: Lesson) -> Markup:
        return score_note(score_of(self.store.progress, lesson))

    def has(self, slug: str) -> bool:
        return slug == ""

    def title(self, slug: str) -> str:
        return "My progress"

    def html(self, slug: str) -> str | None:
        if slug:
            return None
        self.store.refresh()
        sections = summarise(self.store.progress, self.catalog.library.lessons)
        return progress_page(sections, self.store.notice, self.teacher_tools)

    # -- reading ----------------------------------------------------------------------------
    def page_shown(self, kind: str, slug: str) -> None:
        """The window shows a new place: a lesson opened counts as started."""
        self._short_page.stop()
        if kind != "lesson":
            return
        if self.store.opened(slug):
            self._changed()
        if self.store.progress.status(slug) != READ:
            self._short_page.start()

    def check_reading(self) -> bool:
        """Mark the lesson on screen read if the student has seen enough of it."""
        location = self.read_view.location
        if location is None or location.kind != "lesson" or not self.read_view.isVisible():
            return False
        if self.store.progress.status(location.slug) == READ:
            return False
        article = self.read_view.article
        page = article.document().size().height()  # lays the page out, once
        top = article.verticalScrollBar().value()
        if reading_fraction(top, article.viewport().height(), page) < READ_FRACTION:
            return False
        if self.store.finished(location.slug):
            self._changed()
        return True

    @Slot(int)
    def _on_bar_value_changed(self, _value: int) -> None:
        self.check_reading()

    # -- marks and redraws ------------------------------------------------------------------
    def marks(self) -> dict[str, tuple[str, str, str]]:
        """Each lesson opened: (status, score label, words), for the library."""
        found = {}
        for lesson in self.catalog.library.lessons:
            status = self.store.progress.status(lesson.slug)
            if status == NOT_YET:
                continue
            score = score_of(self.store.progress, lesson)
            words = status
            if score.answered:
                words += f", quiz {score.right} of {score.total} right"
            found[lesson.slug] = (status, score.label, words)
        return found

    def show_marks(self) -> None:
        self.read_view.library.set_marks(self.marks())

    def _changed(self) -> None:
        self.show_marks()
        location = self.read_view.location
        if location is not None and location.kind == PAGE:
            self.read_view.redraw()
        self.progress_changed.emit()

    def refresh(self) -> None:
        """The file may have changed elsewhere (a restore, another window): show it."""
        if self.store.refresh():
            self._changed()

    @Slot(object)
    def _on_events_catalog_changed(self, changes: Changes) -> None:
        if changes.lessons or changes.everything:
            self.show_marks()

    # -- the page's actions -----------------------------------------------------------------
    @Slot(str, str)
    def _on_article_action_requested(self, scheme: str, value: str) -> None:
        if scheme != ACTION:
            return
        if value == "export":
            self.ask_and_export()
        elif value == "reset":
            self.ask_and_reset()
        elif value == "merge" and self.teacher_tools:
            self.merge_requested.emit()

    def _on_progress_action_triggered(self) -> None:
        go_to = getattr(self.window, "go_to", None)
        if go_to is not None:
            go_to(Location(PAGE))

    def ask_and_reset(self) -> bool:
        answer = QMessageBox.question(
            self.window,
            "Start again?",
            "Forget which lessons you have read and your quiz answers on this computer? "
            "A copy of your progress is kept in the data folder (progress/before-reset.json) "
            "until the next time you start again.",
            QMessageBox.StandardButton.Reset | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Reset:
            return False
        self.store.reset()
        self.read_view.pages.forget()
        self._changed()
        return True

    def ask_and_export(self) -> Path | None:
        name, ok = QInputDialog.getText(
            self.window,
            "Export My Progress",
            "Your name, as your teacher will see it in the class table:",
        )
        if not ok or not name.strip():
            return None
        from slugify import slugify  # only here: not needed to start

        folder = Path(str(self.settings.value(FOLDER_KEY) or Path.home()))
        suggested = folder / f"{slugify(name) or 'my'}-progress.json"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, "Export My Progress", str(suggested), "Progress files (*.json)"
        )
        if not chosen:
            return None
        out = Path(chosen) if chosen.lower().endswith(".json") else Path(chosen + ".json")
        self.settings.setValue(FOLDER_KEY, str(out.parent))
        return self.export_to(out, name)

    def export_to(self, out: Path, student: str) -> Path | None:
        try:
            self.store.export(out, self.catalog.library.lessons, student)
        except OSError as exc:
            QMessageBox.warning(
                self.window,
                "Export My Progress",
                f"{out} could not be written ({exc.strerror or exc}). Choose another folder.",
            )
            return None
        QMessageBox.information(
            self.window,
            "Export My Progress",
            f"Saved your progress as {out.name} in {out.parent}. Give this file to your teacher.",
        )
        return out
