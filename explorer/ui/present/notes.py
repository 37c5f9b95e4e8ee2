"""The presenter's notes: where the talk is, the step's note and what comes next.

On a second screen they fill a window of their own (the laptop); with one screen they are
a strip under the slide, hidden until the presenter asks (N).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from explorer.ui.article.view import ArticleView

#: the preview's text size (px): a slide seen small
PREVIEW_TEXT = 13
KEYS_HINT = (
    "Page Down, → or Space: next · Page Up or ←: back · A: answer · B or .: blank screen · "
    "N: notes · Ctrl+= and Ctrl+-: size · Esc: leave"
)


class NotesPanel(QFrame):
    def __init__(self, large: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterNotes")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName("Presenter notes")
        self.counter = QLabel(objectName="notesCounter")
        self.title = QLabel(objectName="notesTitle", wordWrap=True)
        self.note = QLabel(objectName="notesNote", wordWrap=True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAccessibleName("Note for this slide")
        self.coming = QLabel(objectName="notesComing", wordWrap=True)
        self.coming.setAccessibleName("What comes next")
        self.hint = QLabel(KEYS_HINT, objectName="hint", wordWrap=True)
        for label in (self.counter, self.title, self.note, self.coming):
            label.setTextFormat(Qt.TextFormat.PlainText)
        layout = QVBoxLayout(self)
        side, top = (24, 16) if large else (16, 8)
        layout.setContentsMargins(side, top, side, top)
        layout.setSpacing(10 if large else 4)
        for widget in (self.counter, self.title, self.note, self.coming):
            layout.addWidget(widget)
        if large:
            layout.addWidget(self.hint)
            self._enlarge(self.note, 1.6)
            self._enlarge(self.title, 1.3)
            self._enlarge(self.coming, 1.2)
        else:
            self.hint.hide()

    def _enlarge(self, label: QLabel, factor: float) -> None:
        font = QFont(label.font())
        font.setPointSizeF(font.pointSizeF() * factor)
        label.setFont(font)

    def show_place(self, counter: str, title: str, note: str, coming: str) -> None:
        self.counter.setText(counter)
        self.title.setText(title)
        self.note.setText(note or "No note for this slide.")
        self.note.setProperty("empty", not note)
        self.note.style().unpolish(self.note)
        self.note.style().polish(self.note)
        self.coming.setText(coming)
        self.setAccessibleDescription(f"{counter}. {note} {coming}")


class NotesWindow(QWidget):
    """The laptop's screen while the projector shows the slides: the notes, and a
    preview of what the next press shows."""

    def __init__(self, style_sheet: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("notesWindow")
        self.setWindowTitle("Presenter notes — Space Partnerships Explorer")
        self.setAccessibleName("Presenter notes")
        self.setAttribute(Qt.WidgetAttribute.WA_QuitOnClose, False)
        self.panel = NotesPanel(large=True)
        self.next_label = QLabel("Next", objectName="sectionLabel")
        self.preview = ArticleView(style_sheet, PREVIEW_TEXT)
        self.preview.setObjectName("slidePreview")
        self.preview.setAccessibleName("Next slide")
        self.preview.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.panel)
        below = QVBoxLayout()
        below.setContentsMargins(24, 8, 24, 16)
        below.addWidget(self.next_label)
        below.addWidget(self.preview, 1)
        layout.addLayout(below, 1)

    def show_next(self, html: str) -> None:
        """The HTML the next press shows ('' at the end: the preview empties)."""
        self.preview.show_html(html)
