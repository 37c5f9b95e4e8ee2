"""Find in page: a bar under the article, like a web browser's (Ctrl+F, F3, Esc)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QWidget,
)

from explorer.ui.theme import Theme
from explorer.ui.widgets import text_field


class FindBar(QWidget):
    #: the bar was closed (Esc or its close button); the article should get the focus
    closed = Signal()

    def __init__(self, view: QTextBrowser, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._view = view
        self._theme = theme
        self._matches: list[QTextCursor] = []
        self._current = -1
        self.field = text_field("findField", "Find in page", "Find in page")
        self.field.setMaximumWidth(320)
        self.count = QLabel("", objectName="hint")
        self.count.setAccessibleName("Matches")
        self.previous = self._button("up", "Previous match (Shift+F3)", self.find_previous)
        self.next = self._button("down", "Next match (F3)", self.find_next)
        self.close_button = self._button("close", "Close the find bar (Esc)", self.close_bar)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.field)
        layout.addWidget(self.previous)
        layout.addWidget(self.next)
        layout.addWidget(self.count)
        layout.addStretch()
        layout.addWidget(self.close_button)
        self.field.textChanged.connect(self._on_field_text_changed)
        self.field.installEventFilter(self)
        self.hide()

    def _button(self, icon: str, tip: str, slot: object) -> QToolButton:
        button = QToolButton()
        button.setIcon(self._theme.icon(icon))
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def refresh_icons(self) -> None:
        for button, name in (
            (self.previous, "up"),
            (self.next, "down"),
            (self.close_button, "close"),
        ):
            button.setIcon(self._theme.icon(name))
        self.search_again()

    def open(self) -> None:
        """Show the bar with the selected words (if any) and select the field's text."""
        selected = self._view.textCursor().selectedText().strip()
        if selected and "\u2029" not in selected:
            self.field.setText(selected)
        self.show()
        self.field.setFocus()
        self.field.selectAll()
        self.search_again()

    def close_bar(self) -> None:
        self.hide()
        self._view.setExtraSelections([])
        self.closed.emit()

    def search_again(self) -> None:
        """Find every match in the current page (after typing or a new page)."""
        text = self.field.text()
        self._matches = []
        if text and self.isVisible():
            document = self._view.document()
            cursor = document.find(text, 0)
            while not cursor.isNull() and len(self._matches) < 1000:
                self._matches.append(cursor)
                cursor = document.find(text, cursor)
        self._current = -1
        start = self._view.verticalScrollBar().value()
        for index, match in enumerate(self._matches):
            if self._view.cursorRect(match).top() >= 0 or start == 0:
                self._current = index
                break
        if self._matches and self._current < 0:
            self._current = 0
        self._show_current()

    def find_next(self) -> None:
        self._move(1)

    def find_previous(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        if not self.isVisible():
            self.open()
            return
        if self._matches:
            self._current = (self._current + step) % len(self._matches)
        self._show_current()

    def _show_current(self) -> None:
        text = self.field.text()
        missing = bool(text) and not self._matches
        self.field.setProperty("missing", "true" if missing else "false")
        self.field.style().unpolish(self.field)
        self.field.style().polish(self.field)
        if not text:
            self.count.setText("")
        elif not self._matches:
            self.count.setText("No matches")
        else:
            self.count.setText(f"{self._current + 1} of {len(self._matches)}")
        self._highlight()

    def _highlight(self) -> None:
        everything = QTextCharFormat()
        everything.setBackground(QColor(self._theme.colour("mark")))
        everything.setForeground(QColor(self._theme.colour("mark_text")))
        current = QTextCharFormat()
        current.setBackground(QColor(self._theme.colour("accent")))
        current.setForeground(QColor(self._theme.colour("accent_text")))
        selections = []
        for index, match in enumerate(self._matches):
            selection = QTextEdit.ExtraSelection()
            selection.cursor = match
            selection.format = current if index == self._current else everything
            selections.append(selection)
        self._view.setExtraSelections(selections)
        if 0 <= self._current < len(self._matches):
            cursor = QTextCursor(self._matches[self._current])
            cursor.clearSelection()
            self._view.setTextCursor(cursor)
            self._view.ensureCursorVisible()

    @Slot(str)
    def _on_field_text_changed(self, _text: str) -> None:
        self.search_again()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.find_previous() if shift else self.find_next()
                return True
        return False
