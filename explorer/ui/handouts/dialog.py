"""File › Print… and File › Export as PDF…: the handout's choices, then the printer or
the file.

The dialog names the page it prints and offers the paper size, where the answer key goes
(a separate last page, or left out) and the timeline picture; the choices are remembered.
"Print…" opens the system's print dialog (which may change the paper again); "Save
PDF…" asks for a file name and writes the file, saying how many pages it has. Every
choice has a label with a shortcut key and a name for screen readers.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.handouts import ANSWERS, PAPERS, HandoutOptions, handout_style_sheet
from explorer.core.lessons import cited_partnerships
from explorer.core.location import Location
from explorer.store.catalog import Catalog
from explorer.ui.handouts.content import has_picture, make_handout
from explorer.ui.transfer.widgets import message_label, plural, show_message

PAPER_KEY = "handouts/paper"
ANSWERS_KEY = "handouts/answers"
TIMELINE_KEY = "handouts/timeline"
FOLDER_KEY = "handouts/folder"
#: what the dialog is for: (window title, the button that goes on)
MODES = {"print": ("Print Handout", "P&rint…"), "pdf": ("Export Handout as PDF", "&Save PDF…")}


def default_paper() -> str:
    """Letter where the locale measures in inches (the US and its neighbours), else A4."""
    imperial = QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "letter" if imperial else "a4"


class HandoutDialog(QDialog):
    #: a PDF file was written: its path
    saved = Signal(Path)
    #: the handout went to the printer (its page count)
    printed = Signal(int)

    def __init__(
        self,
        catalog: Catalog,
        location: Location,
        settings: QSettings,
        mode: str = "pdf",
        parent: QWidget | None = None,
        today: Callable[[], date] = date.today,
    ) -> None:
        super().__init__(parent)
        self.catalog, self.location, self.settings, self.mode = catalog, location, settings, mode
        self.today = today
        title, button_text = MODES[mode]
        self.setWindowTitle(title)
        self.setObjectName("handoutDialog")
        self.questions = self._question_count()
        self.paper = QComboBox()
        self.answer_buttons: dict[str, QRadioButton] = {}
        self.answer_group = QButtonGroup(self)
        self.timeline = QCheckBox("Include the &timeline picture")
        self.message = message_label()
        self.go_button = QPushButton(button_text)
        self.go_button.setDefault(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.go_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.go_button.clicked.connect(self._on_go_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self._heading())
        layout.addLayout(self._paper_row())
        layout.addWidget(self._answers_box())
        layout.addWidget(self.timeline)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self._restore()
        self.resize(480, self.sizeHint().height())

    # -- building -----------------------------------------------------------------------
    def _question_count(self) -> int:
        if self.location.kind != "lesson":
            return 0
        lesson = self.catalog.library.get(self.location.slug)
        return len(lesson.questions) if lesson else 0

    def _has_partnerships(self) -> bool:
        """A lesson's picture shows the partnerships it cites: none, no picture."""
        if self.location.kind != "lesson":
            return True
        lesson = self.catalog.library.get(self.location.slug)
        return lesson is not None and bool(cited_partnerships(lesson))

    def _heading(self) -> QWidget:
        kind = self.location.kind.capitalize()
        name = QLabel(f"{kind}: {self._page_title()}", objectName="dialogTitle", wordWrap=True)
        name.setTextFormat(Qt.TextFormat.PlainText)
        what = {
            "lesson": "the lesson, a table of the partnerships it cites, a timeline picture "
            + (
                f"and its {plural(self.questions, 'question')} as a worksheet."
                if self.questions
                else "(it has no questions for a worksheet)."
            ),
            "partnership": "its facts, partners, milestones and sources.",
            "topic": "its lessons, the partnerships that show it and a timeline picture.",
        }[self.location.kind]
        label = QLabel(f"The handout holds {what}", objectName="hint", wordWrap=True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        heading = QWidget()
        column = QVBoxLayout(heading)
        column.setContentsMargins(0, 0, 0, 6)
        column.addWidget(name)
        column.addWidget(label)
        return heading

    def _page_title(self) -> str:
        from explorer.ui.article.builder import PageBuilder

        return PageBuilder(self.catalog).title(self.location) or str(self.location)

    def _paper_row(self) -> QFormLayout:
        for key, name in PAPERS.items():
            self.paper.addItem(name, key)
        self.paper.setAccessibleName("Paper size")
        form = QFormLayout()
        paper_label = QLabel("&Paper size:")
        paper_label.setBuddy(self.paper)
        form.addRow(paper_label, self.paper)
        return form

    def _answers_box(self) -> QGroupBox:
        box = QGroupBox("Answer key")
        box.setAccessibleName("Answer key")
        layout = QVBoxLayout(box)
        texts = {"separate": "&On a separate last page", "none": "&Left out"}
        for key in ANSWERS:
            button = QRadioButton(texts[key])
            button.setAccessibleName(f"Answer key: {ANSWERS[key].lower()}")
            self.answer_group.addButton(button)
            self.answer_buttons[key] = button
            layout.addWidget(button)
        box.setEnabled(self.questions > 0)
        box.setVisible(self.location.kind == "lesson")  # only a lesson has a worksheet
        return box

    def _restore(self) -> None:
        paper = str(self.settings.value(PAPER_KEY) or default_paper())
        self.paper.setCurrentIndex(max(0, self.paper.findData(paper)))
        answers = str(self.settings.value(ANSWERS_KEY) or "separate")
        self.answer_buttons.get(answers, self.answer_buttons["separate"]).setChecked(True)
        pictured = has_picture(self.location) and self._has_partnerships()
        self.timeline.setChecked(pictured and self.settings.value(TIMELINE_KEY) != "false")
        self.timeline.setEnabled(pictured)
        self.timeline.setVisible(has_picture(self.location))  # never on a partnership
        self.timeline.setAccessibleName("Include the timeline picture")

    # -- the choices ----------------------------------------------------------------------
    def options(self) -> HandoutOptions:
        answers = next(k for k, b in self.answer_buttons.items() if b.isChecked())
        return HandoutOptions(str(self.paper.currentData()), answers, self.timeline.isChecked())

    def _remember(self, options: HandoutOptions) -> None:
        self.settings.setValue(PAPER_KEY, options.paper)
        self.settings.setValue(ANSWERS_KEY, options.answers)
        if self.timeline.isEnabled():
            self.settings.setValue(TIMELINE_KEY, "true" if options.timeline else "false")

    def _on_go_button_clicked(self) -> None:
        options = self.options()
        self._remember(options)
        if self.mode == "print":
            self.print_handout(options)
        else:
            self._choose_file(options)

    # -- PDF ----------------------------------------------------------------------------------
    def _choose_file(self, options: HandoutOptions) -> None:
        folder = Path(str(self.settings.value(FOLDER_KEY) or Path.home()))
        name = f"{self.location.slug or 'handout'}.pdf".replace("/", "-")
        chosen, _ = QFileDialog.getSaveFileName(
            self, "Export Handout as PDF", str(folder / name), "PDF files (*.pdf)"
        )
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != ".pdf":
            out = out.with_name(out.name + ".pdf")
        self.settings.setValue(FOLDER_KEY, str(out.parent))
        self.save_pdf(out, options)

    def save_pdf(self, out: Path, options: HandoutOptions) -> int:
        """Write the handout to `out`; returns its page count (0 when it failed)."""
        from explorer.ui.handouts.printing import HandoutError, write_pdf

        handout = make_handout(self.catalog, self.location, options, self.today())
        if handout is None:
            self._show(f"There is no {self.location.kind} called {self.location.slug}.", True)
            return 0
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = write_pdf(handout, self._style_sheet(), options.paper, out)
        except (OSError, HandoutError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._show(f"{out} could not be written ({reason}). Nothing was changed.", True)
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._show(f"Saved {out} ({plural(pages, 'page')}, {PAPERS[options.paper]}).")
        self.saved.emit(out)
        return pages

    # -- printing -------------------------------------------------------------------------------
    def print_handout(self, options: HandoutOptions, printer: object | None = None) -> int:
        """Print through the system's print dialog (or straight to `printer`, set up by
        the caller); returns the page count (0 when nothing was printed)."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from explorer.ui.handouts.printing import HandoutError, page_layout, paint_handout

        handout = make_handout(self.catalog, self.location, options, self.today())
        if handout is None:
            return 0
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setPageLayout(page_layout(options.paper))
            printer.setDocName(handout.title)
            chooser = QPrintDialog(printer, self)
            chooser.setWindowTitle("Print Handout")
            if chooser.exec() != QDialog.DialogCode.Accepted:
                return 0
        assert isinstance(printer, QPrinter)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pages = paint_handout(handout, self._style_sheet(), printer)
        except HandoutError as exc:
            self._show(f"The handout was not printed: {exc}.", True)
            return 0
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.printed.emit(pages)
        self.accept()
        return pages

    def _style_sheet(self) -> str:
        return handout_style_sheet(self.catalog.paths.resources_dir)

    def _show(self, text: str, problem: bool = False) -> None:
        show_message(self.message, text, "fieldError" if problem else "formNotice")
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout is not None else 0
        if needed > self.height():
            self.resize(self.width(), needed)
