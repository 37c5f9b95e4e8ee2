"""A message bar across the top of an editor, with buttons: for things the teacher must
decide (restore a draft, the file changed on disk) without a dialog in their way."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class Banner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.label = QLabel(wordWrap=True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(12, 8, 12, 8)
        self._layout.setSpacing(8)
        self._layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.kind = ""
        self.hide()

    def show_message(
        self, kind: str, text: str, buttons: Sequence[tuple[str, Callable[[], object]]]
    ) -> None:
        """Show `text` with buttons; a button runs its callback and hides the bar.
        `kind` names the message (tests and callers ask `banner.kind`)."""
        for button in self.buttons:
            button.deleteLater()
        self.buttons = []
        self.kind = kind
        self.label.setText(text)
        for caption, callback in buttons:
            button = QPushButton(caption)
            button.clicked.connect(lambda _=False, run=callback: self._run(run))
            self._layout.addWidget(button)
            self.buttons.append(button)
        self.show()

    def button(self, caption: str) -> QPushButton:
        return next(b for b in self.buttons if b.text() == caption)

    def dismiss(self) -> None:
        self.kind = ""
        self.hide()

    def _run(self, callback: Callable[[], object]) -> None:
        self.dismiss()
        callback()
