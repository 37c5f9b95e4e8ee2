"""The trail bar above the article: which trail, "Step 3 of 8 · note", Previous and Next."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QToolButton, QWidget


class TrailBar(QFrame):
    #: the reader asked for the trail's previous step
    previous_requested = Signal()
    #: the reader asked for the trail's next step
    next_requested = Signal()
    #: the reader asked to leave the trail (the bar closes)
    leave_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trailBar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAccessibleName("Reading trail")
        self.title = QLabel(objectName="trailTitle")
        self.step = QLabel(objectName="trailStep")
        self.step.setWordWrap(True)
        self.step.setTextFormat(Qt.TextFormat.PlainText)
        self.step.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.previous_button = QPushButton("‹ Previous")
        self.previous_button.setAccessibleName("Previous step")
        self.next_button = QPushButton("Next ›")
        self.next_button.setAccessibleName("Next step")
        self.next_button.setDefault(True)
        self.leave_button = QToolButton(text="×", objectName="trailLeave")
        self.leave_button.setAccessibleName("Leave the trail")
        self.leave_button.setToolTip("Leave the trail")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 6, 8, 6)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.step, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.leave_button)
        self.previous_button.clicked.connect(self.previous_requested)
        self.next_button.clicked.connect(self.next_requested)
        self.leave_button.clicked.connect(self.leave_requested)

    def show_step(self, title: str, number: int, count: int, note: str, where: str) -> None:
        """Trail `title`, step `number` of `count` (from 1), its note and what it shows."""
        self.title.setText(title)
        text = f"Step {number} of {count}"
        if note:
            text += f" · {note}"
        self.step.setText(text)
        self.step.setToolTip(where)
        self.setAccessibleDescription(f"{title}: {text}. {where}")
        self.previous_button.setEnabled(number > 1)
        self.next_button.setEnabled(number < count)
        self.next_button.setToolTip("Next step" if number < count else "This is the last step")

    def text(self) -> str:
        return self.step.text()
