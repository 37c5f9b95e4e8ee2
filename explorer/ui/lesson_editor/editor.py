"""The lesson editor: the Markdown file on the left (as text, or its details as fields),
the page as readers will see it on the right, and its problems as you type.

Nothing typed is ever lost: Ctrl+S writes the file atomically (a failed save leaves the old
file whole), a draft is autosaved to `<data dir>/drafts/` while there are unsaved changes
and offered back when the lesson is opened again, closing asks about unsaved changes, and
a change made to the file by another program is noticed and never silently overwritten.
A save changes only what the teacher changed: untouched bytes, line endings included,
stay as they were (explorer.core.lesson_text, explorer.core.front_matter_edit).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QFontDatabase, QKeySequence, QTextCursor
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from explorer.core.atomic import atomic_write_bytes
from explorer.core.drafts import read_draft, remove_draft, text_hash, write_draft
from explorer.core.front_matter_edit import apply_fields, locate, read_fields, same_value
from explorer.core.lesson_authoring import (
    check_lesson_text,
)
from explorer.core.lesson_text import LessonText
from explorer.store.catalog import Catalog
from explorer.ui.lesson_editor.asking import (
    choose_image,
    choose_link,
    save_before_closing,
    save_over_changed_file,
)
from explorer.ui.lesson_editor.banner import Banner
from explorer.ui.lesson_editor.editor_text import replace_text, text_of
from explorer.ui.lesson_editor.fields import LessonFieldsPanel, as_list
from explorer.ui.lesson_editor.preview import LessonPreview
from explorer.ui.lesson_editor.problems import ProblemsPane
from explorer.ui.lesson_editor.watcher import FileWatch
from explorer.ui.pickers import Choice, partnership_choices
from explorer.ui.widgets import command_action, quiet_timer

#: quiet time after typing before the problems, fields and preview catch up (ms)
CHECK_MS = 250
#: quiet time after typing before a draft is autosaved (ms)
DRAFT_MS = 1500
TEXT_TAB, DETAILS_TAB = 0, 1


class LessonEditor(QMainWindow):
    #: the lesson was written to its file (the lesson's slug)
    lesson_saved = Signal(str)
    #: the editor closed (the path of its file)
    closed = Signal(Path)

    def __init__(
        self,
        catalog: Catalog,
        path: Path,
        new_text: str | None = None,
        style_sheet: str = "",
        parent: QWidget | None = None,
    ) -> None:
        """Edit the lesson file at `path`; `new_text` starts a lesson not yet on disk.
        Raises OSError or UnicodeDecodeError when the file cannot be read."""
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setObjectName("lessonEditor")
        self.catalog = catalog
        self.path = path
        self.drafts = catalog.paths.drafts
        #: the file's bytes as last read or written (None: not on disk)
        self._disk: bytes | None = None
        if new_text is None:
            data = path.read_bytes()
            self._loaded, self._disk = LessonText.decode(data), data
        else:
            self._loaded = LessonText("")
        self._saved = self._loaded.editable if new_text is None else None
        self._partnerships = partnership_choices(catalog.partnerships.all())
        self._known = catalog.known_targets()
        #: where the file sits (its collection), so it is checked as the library reads it
        self._placement = catalog.library.placement_of(path)
        self._build(style_sheet)
        self.editor.setPlainText(self._loaded.editable if new_text is None else new_text)
        self.editor.document().setModified(False)
        self._connect()
        self._on_check_timer_timeout()
        self._offer_draft()
        self.resize(1280, 820)

    # -- building -----------------------------------------------------------------------
    def _build(self, style_sheet: str) -> None:
        self.editor = QPlainTextEdit(objectName="lessonText")
        self.editor.setAccessibleName("Lesson text (Markdown)")
        self.editor.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.fields = LessonFieldsPanel(self._partnerships)
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(self.editor, "&Text")
        self.tabs.addTab(self.fields, "&Details")
        self.problems = ProblemsPane()
        self.preview = LessonPreview(self.catalog, style_sheet)
        self.banner = Banner()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.setSpacing(0)
        left_layout.addWidget(self.tabs, 1)
        left_layout.addWidget(self.problems)
        main = QSplitter(childrenCollapsible=False)
        main.addWidget(left)
        main.addWidget(self.preview)
        main.setSizes([620, 620])
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.banner)
        layout.addWidget(main, 1)
        self.setCentralWidget(central)
        self._build_actions()
        self.statusBar().addPermanentWidget(QLabel(str(self.path), objectName="hint"))
        self.file_watch = FileWatch(self.path, self)
        self._check_timer = quiet_timer(self, CHECK_MS, self._on_check_timer_timeout)
        self._draft_timer = quiet_timer(self, DRAFT_MS, self._on_draft_timer_timeout)

    def _build_actions(self) -> None:
        bar = QToolBar("Lesson", objectName="editorBar", movable=False)
        self.addToolBar(bar)

        def action(
            text: str,
            keys: QKeySequence | QKeySequence.StandardKey | str,
            command: Callable[[], object],
            tip: str,
        ) -> QAction:
            made = command_action(self, text, command, tip, keys, tip_names_keys=True)
            self.addAction(made)
            return made

        self.save_action = action(
            "&Save", QKeySequence.StandardKey.Save, self.save, "Save the lesson file"
        )
        self.link_action = action(
            "Insert &Link…", "Ctrl+K", self.insert_link, "Link to a lesson or partnership"
        )
        self.image_action = action(
            "Insert &Image…",
            "Ctrl+Shift+I",
            self.insert_image,
            "Copy a picture next to the lesson and show it",
        )
        self.close_action = action(
            "&Close", QKeySequence.StandardKey.Close, self.close, "Close the editor"
        )
        for item in (self.save_action, None, self.link_action, self.image_action):
            bar.addAction(item) if item else bar.addSeparator()

    def _connect(self) -> None:
        self.editor.textChanged.connect(self._on_editor_text_changed)
        self.fields.fields_edited.connect(self._on_fields_fields_edited)
        self.problems.line_requested.connect(self.go_to_line)
        self.file_watch.touched.connect(self._on_file_watch_touched)

    # -- state --------------------------------------------------------------------------
    def text(self) -> str:
        """The text being edited (\\n line breaks)."""
        return text_of(self.editor)

    def is_dirty(self) -> bool:
        """True while there is something not on disk (a new lesson always has)."""
        return self._saved is None or self.text() != self._saved

    def lesson_title(self) -> str:
        fields = read_fields(self.text()) or {}
        return str(fields.get("title") or "").strip() or self.path.stem

    def _update_title(self) -> None:
        self.setWindowTitle(f"{self.lesson_title()}[*] — Edit Lesson")
        self.setWindowModified(self.is_dirty())

    # -- typing -------------------------------------------------------------------------
    @Slot()
    def _on_editor_text_changed(self) -> None:
        self.setWindowModified(self.is_dirty())
        self._check_timer.start()
        self._draft_timer.start()

    @Slot()
    def _on_fields_fields_edited(self) -> None:
        text = self.text()
        changes = self.fields.values()
        current = read_fields(text) if locate(text) else {}
        if current is None:
            return  # the fields are disabled while the front matter cannot be read
        merged = as_list(current.get("topics")) + as_list(current.get("tags"))
        if same_value(merged or None, changes["topics"]):
            del changes["topics"]
        elif "tags" in current:
            changes["tags"] = None  # the list is now written under 'topics' alone
        replace_text(self.editor, apply_fields(text, changes))

    @Slot()
    def _on_check_timer_timeout(self) -> None:
        """Problems, fields and preview catch up with the text."""
        self._check_timer.stop()
        text = self.text()
        lesson, problems = check_lesson_text(
            text, self.path, self._known, placement=self._placement
        )
        self.problems.show_problems(problems)
        self.fields.show_fields(read_fields(text) if locate(text) else {})
        if lesson is not None:
            self.preview.show_lesson(lesson)
        else:
            self.preview.show_unreadable(problems)
        self._update_title()

    def go_to_line(self, line: int) -> None:
        self.tabs.setCurrentIndex(TEXT_TAB)
        block = self.editor.document().findBlockByNumber(max(0, line - 1))
        cursor = QTextCursor(block)
        self.editor.setTextCursor(cursor)
        self.editor.centerCursor()
        self.editor.setFocus()

    # -- inserting ----------------------------------------------------------------------
    def link_choices(self) -> list[Choice]:
        lessons = [
            Choice("lesson", x.slug, x.title, x.group_title) for x in self.catalog.library.lessons
        ]
        return lessons + self._partnerships

    def insert_link(self) -> None:
        selected = self.editor.textCursor().selectedText().replace("\u2029", " ")
        markdown = choose_link(self, self.link_choices(), selected)
        if markdown is not None:
            self._insert(markdown)

    def insert_image(self) -> None:
        markdown = choose_image(self, self.path.parent)
        if markdown is not None:
            self._insert(markdown)

    def _insert(self, markdown: str) -> None:
        self.tabs.setCurrentIndex(TEXT_TAB)
        self.editor.textCursor().insertText(markdown)
        self.editor.setFocus()

    # -- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        """Write the file atomically; False (with a message) when it was not written."""
        if self._disk_now() != self._disk and not save_over_changed_file(self, self.path.name):
            return False
        text = self.text()
        new = self._loaded.edited(text)
        data = new.encode()
        try:
            atomic_write_bytes(self.path, data)
        except OSError as exc:
            self._write_draft()
            QMessageBox.critical(
                self,
                "Could not save the lesson",
                f"{self.path} could not be written: {exc.strerror or exc}.\n\n"
                "The file on disk is as it was. Your text is still here and is kept as a "
                "draft; try again, or save after freeing space or fixing permissions.",
            )
            return False
        self._loaded, self._saved, self._disk = new, text, data
        remove_draft(self.drafts, self.path)
        self.file_watch.rewatch()
        if self.banner.kind in ("changed", "deleted"):
            self.banner.dismiss()
        self._update_title()
        self.statusBar().showMessage("Saved", 4000)
        lesson, _ = check_lesson_text(text, self.path, self._known, placement=self._placement)
        self.lesson_saved.emit(lesson.slug if lesson else self.path.stem)
        return True

    def _disk_now(self) -> bytes | None:
        try:
            return self.path.read_bytes()
        except OSError:
            return None

    # -- drafts -------------------------------------------------------------------------
    @Slot()
    def _on_draft_timer_timeout(self) -> None:
        if self.is_dirty():
            self._write_draft()
        else:
            remove_draft(self.drafts, self.path)

    def _write_draft(self) -> None:
        try:
            write_draft(self.drafts, self.path, self.text(), text_hash(self._saved or ""))
        except OSError as exc:
            self.statusBar().showMessage(f"Could not autosave a draft: {exc.strerror}", 8000)

    def _offer_draft(self) -> None:
        draft = read_draft(self.drafts, self.path)
        if draft is None:
            return
        if draft.text == self.text():
            if not self.is_dirty():  # a new lesson opened from its draft keeps it
                remove_draft(self.drafts, self.path)
            return
        since = (
            ""
            if draft.base == text_hash(self._saved or "")
            else (" The file has been saved since, so check before restoring.")
        )
        self.banner.show_message(
            "draft",
            f"Unsaved changes from {draft.saved_label} were kept.{since}",
            [
                ("Restore", lambda: replace_text(self.editor, draft.text)),
                ("Discard", lambda: remove_draft(self.drafts, self.path)),
            ],
        )

    # -- the file on disk -----------------------------------------------------------------
    @Slot()
    def _on_file_watch_touched(self) -> None:
        data = self._disk_now()
        if data == self._disk:
            return  # our own save, or nothing that matters
        if data is None:
            self.banner.show_message(
                "deleted",
                f"{self.path.name} was deleted or moved by another program. "
                "Save to write it again.",
                [("Save", self.save)],
            )
            return
        try:
            loaded = LessonText.decode(data)
        except UnicodeDecodeError:
            loaded = None
        if loaded is not None and not self.is_dirty():
            self._adopt(loaded, data)
            self.statusBar().showMessage("Reloaded: the file was changed on disk", 6000)
            return
        buttons = [("Keep My Version", lambda: self._keep_mine(data))]
        if loaded is not None:
            buttons.insert(0, ("Reload", lambda: self._adopt(loaded, data)))
        self.banner.show_message(
            "changed",
            f"{self.path.name} was changed by another program while you were editing it.",
            buttons,
        )

    def _adopt(self, loaded: LessonText, data: bytes) -> None:
        """Take the file's new content: the editor shows it and nothing is unsaved."""
        self._loaded, self._disk, self._saved = loaded, data, loaded.editable
        replace_text(self.editor, loaded.editable)
        remove_draft(self.drafts, self.path)
        self._update_title()

    def _keep_mine(self, data: bytes) -> None:
        """Go on with the editor's text; the next save replaces the changed file."""
        self._disk = data

    # -- closing ------------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        if self.is_dirty() and not self._confirm_close():
            event.ignore()
            return
        self._draft_timer.stop()
        self._check_timer.stop()
        self.file_watch.blockSignals(True)
        event.accept()
        self.closed.emit(self.path)

    def _confirm_close(self) -> bool:
        answer = save_before_closing(self, self.lesson_title())
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            remove_draft(self.drafts, self.path)
            return True
        return False
