"""Teacher authoring, as one object the main window wires in: its actions (for the File,
Edit and Tools menus), the lessons folder watcher, the lesson editors, Check My Content,
and the partnership actions (explorer.ui.partnership_form.actions, in `partnerships`).

The window tells it where the reader is (`set_location`), so that "Edit Lesson…", "Edit a
Copy", "Revert…" and the partnership actions act on the page being read, and listens to
its signals to refresh the library and the page after an edit.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMessageBox, QWidget

from explorer.core.changes import Changes
from explorer.core.checker import Finding
from explorer.core.drafts import list_drafts, read_draft
from explorer.core.lesson_authoring import (
    lesson_template,
    set_aside,
    teacher_copy,
)
from explorer.core.lessons import load_lesson_folder
from explorer.core.location import Location
from explorer.core.models import Lesson
from explorer.store.catalog import Catalog
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.lesson_editor.check_dialog import CheckContentDialog
from explorer.ui.lesson_editor.editor import LessonEditor
from explorer.ui.lesson_editor.new_lesson import NewLessonDialog
from explorer.ui.lesson_editor.watcher import LessonFolderWatcher
from explorer.ui.partnership_form.actions import PartnershipActions
from explorer.ui.pickers import Choice, ChoicePicker
from explorer.ui.widgets import command_action

if TYPE_CHECKING:
    from explorer.ui.theme import Theme

Buttons = QMessageBox.StandardButton
#: where "Revert to Original" puts the teacher's version of a lesson (never deleted)
REPLACED = "replaced"


class AuthoringActions(QObject):
    #: a lesson file was saved from an editor (the lesson's slug)
    lesson_saved = Signal(str)

    def __init__(
        self,
        parent: QWidget,
        catalog: Catalog,
        theme: Theme | None = None,
        events: CatalogEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.catalog = catalog
        self.theme = theme
        self.events = events or CatalogEvents(catalog, self)
        #: the page being read (None before the first)
        self.location: Location | None = None
        self._bundled_slugs: frozenset[str] | None = None
        self.editors: dict[Path, LessonEditor] = {}
        self.partnerships = PartnershipActions(parent, catalog, self.events)
        self.check_dialog: CheckContentDialog | None = None
        self.watcher = LessonFolderWatcher(catalog, self)
        self.watcher.lessons_changed.connect(self._on_watcher_lessons_changed)
        self._make_actions()
        self._update_actions()

    # -- actions --------------------------------------------------------------------------
    def _make_actions(self) -> None:
        window = self.window
        self.new_lesson_action = command_action(
            window, "&New Lesson…", self.new_lesson, "Write a lesson of your own", "Ctrl+N"
        )
        self.edit_lesson_action = command_action(
            window, "&Edit Lesson…", self.edit_lesson, "Edit this lesson, or choose one", "Ctrl+E"
        )
        self.edit_copy_action = command_action(
            window,
            "Edit a &Copy of This Lesson",
            self.edit_copy,
            "Make your own version of a lesson that comes with the app",
        )
        self.revert_lesson_action = command_action(
            window,
            "&Revert Lesson to Original…",
            self.revert_lesson,
            "Remove your version and show the app's lesson again",
        )
        self.check_content_action = command_action(
            window,
            "Check My &Content…",
            self.check_content,
            "Look over your lessons and partnerships for broken links, missing pictures, "
            "sources and dates",
        )

    def file_menu_actions(self) -> list[QAction]:
        """For the top of the File menu, in order."""
        return [self.new_lesson_action, self.partnerships.new_partnership_action]

    def edit_menu_actions(self) -> list[QAction | None]:
        """For the Edit menu, in order (None: a separator)."""
        lessons = [self.edit_lesson_action, self.edit_copy_action, self.revert_lesson_action]
        return [*lessons, None, *self.partnerships.edit_menu_actions()]

    def tools_menu_actions(self) -> list[QAction | None]:
        """For the Tools menu, in order (None: a separator)."""
        return [self.check_content_action]

    def all_actions(self) -> list[QAction]:
        listed = self.file_menu_actions() + self.edit_menu_actions() + self.tools_menu_actions()
        return [a for a in listed if a]

    def set_location(self, location: Location | None) -> None:
        """The page the reader is on, for the actions that act on it."""
        self.location = location
        self.partnerships.set_location(location)
        self._update_actions()

    def _current(self, kind: str) -> str:
        """The slug of the page being read if it is a `kind` ('lesson', ...), else ''."""
        here = self.location
        return here.slug if here is not None and here.kind == kind else ""

    def _update_actions(self) -> None:
        lesson = self.catalog.library.get(self._current("lesson"))
        self.edit_copy_action.setEnabled(lesson is not None and lesson.origin == "bundled")
        self.revert_lesson_action.setEnabled(
            lesson is not None and lesson.origin == "teacher" and self._overrides(lesson)
        )

    def _overrides(self, lesson: Lesson) -> bool:
        """Whether a teacher lesson replaces a bundled one (bundled files never change
        while the app runs, so their slugs are read once, not on every page)."""
        if self._bundled_slugs is None:
            bundled, _ = load_lesson_folder(self.catalog.paths.bundled_lessons)
            self._bundled_slugs = frozenset(x.slug for x in bundled)
        return lesson.slug in self._bundled_slugs

    @Slot()
    def _on_watcher_lessons_changed(self) -> None:
        self._update_actions()
        self.events.announce(Changes(lessons=True))  # the watcher read them again

    # -- lessons ----------------------------------------------------------------------------
    def new_lesson(self) -> LessonEditor | None:
        taken = [x.slug for x in self.catalog.library.lessons]
        dialog = NewLessonDialog(self.catalog.paths.teacher_lessons, taken, self.window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        text = lesson_template(dialog.title.text(), dialog.chosen_section())
        return self.open_editor(dialog.path(), text)

    def edit_lesson(self, slug: str = "") -> LessonEditor | None:
        """Edit the lesson `slug` (else the one being read, else one chosen from a list).
        A lesson that comes with the app is offered as a copy."""
        slug = slug or self._current("lesson")
        if not slug:
            chosen = self._pick_lesson()
            if chosen is None:
                return None
            if chosen.kind == "draft":  # a new lesson never saved: its slug is its path
                return self._open_draft(Path(chosen.slug))
            slug = chosen.slug
        lesson = self.catalog.library.get(slug)
        if lesson is None or lesson.source_path is None:
            return None
        if lesson.origin == "teacher":
            return self.open_editor(lesson.source_path)
        answer = QMessageBox.question(
            self.window,
            "Edit a copy?",
            f"“{lesson.title}” comes with the app, so it cannot be changed. Edit a copy "
            "instead? Your copy takes its place in the library; Revert to Original brings "
            "the app's lesson back.",
            Buttons.Yes | Buttons.Cancel,
            Buttons.Yes,
        )
        return self.edit_copy(slug) if answer == Buttons.Yes else None

    def _pick_lesson(self) -> Choice | None:
        """A lesson, or the draft of a new one, chosen from a list (None: cancelled)."""
        lessons = sorted(
            self.catalog.library.lessons, key=lambda x: (x.origin != "teacher", x.title.lower())
        )
        choices = [
            Choice(
                "draft",
                str(d.path),
                f"{d.path.stem} (not saved yet)",
                f"autosaved {d.saved_label}",
            )
            for d in list_drafts(self.catalog.paths.drafts)
            if not d.path.exists()
        ]
        choices += [
            Choice(
                "lesson",
                x.slug,
                x.title,
                ("My lesson · " if x.origin == "teacher" else "") + x.group_title,
            )
            for x in lessons
        ]
        picker = ChoicePicker(
            choices,
            self.window,
            title="Edit Lesson",
            accept_text="Edit",
            placeholder="Type a lesson's title…",
        )
        return picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None

    def _open_draft(self, path: Path) -> LessonEditor | None:
        draft = read_draft(self.catalog.paths.drafts, path)
        return self.open_editor(path, draft.text) if draft else None

    def open_editor(self, path: Path, new_text: str | None = None) -> LessonEditor | None:
        """The editor of `path` (raised if it is open already); None, with a message, when
        the file cannot be read."""
        key = path.resolve()
        if key in self.editors:
            self.editors[key].raise_()
            self.editors[key].activateWindow()
            return self.editors[key]
        css = self.theme.article_css(15) if self.theme is not None else ""
        try:
            editor = LessonEditor(self.catalog, path, new_text, css, self.window)
        except (OSError, UnicodeDecodeError) as exc:
            reason = (
                "it is not UTF-8 text"
                if isinstance(exc, UnicodeDecodeError)
                else (exc.strerror or str(exc))
            )
            QMessageBox.critical(self.window, "Cannot open the lesson", f"{path}: {reason}")
            return None
        self.editors[key] = editor
        editor.lesson_saved.connect(lambda slug, p=path: self._on_editor_lesson_saved(slug, p))
        editor.closed.connect(lambda _path, k=key: self.editors.pop(k, None))
        editor.show()
        return editor

    def _on_editor_lesson_saved(self, slug: str, path: Path) -> None:
        """The library is read again; the lesson is named by the slug it has there (a
        collection lesson's comes from its place, a broken one's from its file name)."""
        self.watcher.rescan()
        self.lesson_saved.emit(self.catalog.library.slug_at(path) or slug)

    def edit_copy(self, slug: str = "") -> LessonEditor | None:
        lesson = self.catalog.library.get(slug or self._current("lesson"))
        if lesson is None or lesson.origin != "bundled":
            return None
        try:
            path = teacher_copy(lesson, self.catalog.paths.teacher_lessons)
        except OSError as exc:
            QMessageBox.critical(
                self.window,
                "Cannot copy the lesson",
                f"{lesson.source_path}: {exc.strerror or exc}",
            )
            return None
        self.watcher.rescan()
        return self.open_editor(path)

    def revert_lesson(self, slug: str = "") -> bool:
        """Remove the teacher's version of a bundled lesson (after asking); the file is
        moved to `<data dir>/drafts/replaced/`, never deleted."""
        lesson = self.catalog.library.get(slug or self._current("lesson"))
        if lesson is None or lesson.origin != "teacher" or lesson.source_path is None:
            return False
        keep = self.catalog.paths.drafts / REPLACED
        answer = QMessageBox.question(
            self.window,
            "Revert to the original?",
            f"Show the app's own “{lesson.title}” again instead of your version? Your "
            f"version is moved to {keep}.",
            Buttons.Yes | Buttons.Cancel,
            Buttons.Cancel,
        )
        if answer != Buttons.Yes:
            return False
        editor = self.editors.get(lesson.source_path.resolve())
        if editor is not None and not editor.close():
            return False
        set_aside(lesson.source_path, keep)
        self.watcher.rescan()
        return True

    def close_editors(self) -> bool:
        """Close every editor, asking about unsaved changes; False if the teacher kept
        one open (the window should then stay open too)."""
        return all(editor.close() for editor in list(self.editors.values()))

    def shutdown(self) -> None:
        """Stop watching files; call when the window closes, before the catalog does."""
        self.watcher.stop()

    # -- checking ---------------------------------------------------------------------------
    def check_content(self) -> CheckContentDialog:
        """Tools > Check My Content: the findings, each opening the place to fix it."""
        if self.check_dialog is not None:
            self.check_dialog.refresh()
            self.check_dialog.raise_()
            return self.check_dialog
        dialog = CheckContentDialog(
            self.catalog.check_content, self.catalog.paths.teacher_lessons, self.window
        )
        dialog.finding_opened.connect(self._on_check_dialog_finding_opened)
        dialog.finished.connect(self._on_check_dialog_finished)
        self.check_dialog = dialog
        dialog.show()
        return dialog

    @Slot(int)
    def _on_check_dialog_finished(self, _result: int) -> None:
        if self.check_dialog is not None:
            self.check_dialog.deleteLater()
            self.check_dialog = None

    @Slot(object)
    def _on_check_dialog_finding_opened(self, finding: Finding) -> None:
        if finding.partnership:
            self.partnerships.edit_partnership(finding.partnership)
            return
        lesson = self.catalog.library.get(finding.lesson)
        if lesson is None or lesson.source_path is None:
            return
        if lesson.origin != "teacher":
            self.edit_lesson(lesson.slug)
            return
        editor = self.open_editor(lesson.source_path)
        if editor is not None and finding.line > 1:
            editor.go_to_line(finding.line)
