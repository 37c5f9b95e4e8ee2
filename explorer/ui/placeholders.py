"""What the window shows in a view's place until the view exists."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget


class ReadPlaceholder(QWidget):
    """What the Read view looks like while the catalog opens: the same split, empty."""

    def __init__(self, splitter_state: object = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.splitter = QSplitter()
        self.splitter.setHandleWidth(1)
        sidebar = QWidget(objectName="sidebar")
        sidebar.setAutoFillBackground(True)
        page = QWidget(objectName="placeholder")
        page.setAutoFillBackground(True)
        self.splitter.addWidget(sidebar)
        self.splitter.addWidget(page)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        restore_state(self.splitter, splitter_state)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)


class TimelinePlaceholder(QWidget):
    """The Timeline slot until the timeline view is installed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholder")
        self.setAutoFillBackground(True)
        title = QLabel("Timeline", objectName="placeholderTitle")
        text = QLabel(
            "The timeline of partnerships is not part of this version yet.\n"
            "Choose Read to browse lessons and partnership pages.",
            objectName="placeholderText",
        )
        layout = QVBoxLayout(self)
        layout.addStretch()
        for label in (title, text):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(label)
        layout.addStretch()


def restore_state(splitter: QSplitter, state: object) -> None:
    """Sizes saved with QSplitter.saveState (nothing when there are none)."""
    if isinstance(state, QByteArray):
        splitter.restoreState(state)
