"""File › Print…, File › Export as PDF… and File › Export Quiz…, as one object the
composition root puts into the File menu.

    classroom = ClassroomActions(window, catalog, settings)
    for action in classroom.file_menu_actions(): ...      # None: a separator
    window.location_changed.connect(classroom.set_location)

Print and PDF work on the lesson, partnership or topic page being read (they are off
elsewhere); the quiz export is open to every lesson. Dialogs load when first opened.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QWidget

from explorer.core.location import Location
from explorer.store.catalog import Catalog
from explorer.ui.handouts.content import printable


class ClassroomActions(QObject):
    def __init__(self, parent: QWidget, catalog: Catalog, settings: QSettings) -> None:
        super().__init__(parent)
        self.window, self.catalog, self.settings = parent, catalog, settings
        self.location: Location | None = None
        self.dialog: QDialog | None = None

        def action(text: str, slot: Callable[[], object], tip: str) -> QAction:
            made = QAction(text, parent)
            made.setStatusTip(tip)
            made.setToolTip(tip)
            made.triggered.connect(lambda _checked=False: slot())
            return made

        self.print_action = action(
            "Pr&int…", self.print_handout, "Print this page as a handout, with a worksheet"
        )
        self.print_action.setShortcuts(QKeySequence.keyBindings(QKeySequence.StandardKey.Print))
        self.pdf_action = action(
            "Export as P&DF…", self.export_pdf, "Save this page as a PDF handout"
        )
        self.pdf_action.setShortcut(QKeySequence("Ctrl+Shift+P"))
        self.quiz_action = action(
            "Export Qui&z…",
            self.export_quiz,
            "Save lesson questions for Moodle, Canvas or another learning platform",
        )
        self.set_location(None)

    def file_menu_actions(self) -> list[QAction | None]:
        return [self.print_action, self.pdf_action, self.quiz_action]

    def all_actions(self) -> list[QAction]:
        return [a for a in self.file_menu_actions() if a is not None]

    def set_location(self, location: Location | None) -> None:
        """The page now shown: print and PDF are for lessons, partnerships and topics."""
        self.location = location
        on = printable(location)
        for made in (self.print_action, self.pdf_action):
            made.setEnabled(on)
        self.quiz_action.setEnabled(any(x.questions for x in self.catalog.library.lessons))

    # -- dialogs ---------------------------------------------------------------------------
    def _show(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda _result: self._forget(dialog))
        dialog.open()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def _handout(self, mode: str) -> QDialog | None:
        from explorer.ui.handouts.dialog import HandoutDialog

        if not printable(self.location):
            return None
        assert self.location is not None
        return self._show(
            HandoutDialog(self.catalog, self.location, self.settings, mode, self.window)
        )

    def print_handout(self) -> QDialog | None:
        return self._handout("print")

    def export_pdf(self) -> QDialog | None:
        return self._handout("pdf")

    def export_quiz(self) -> QDialog:
        from explorer.ui.handouts.quiz_dialog import QuizExportDialog

        here = self.location.slug if self.location and self.location.kind == "lesson" else ""
        lessons = list(self.catalog.library.lessons)
        return self._show(QuizExportDialog(lessons, self.settings, here, self.window))
