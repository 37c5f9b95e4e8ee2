"""Help > Keyboard Shortcuts and Help > About."""

from __future__ import annotations

import re
from collections.abc import Sequence

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer import __version__

#: keys that belong to a widget rather than to an action, shown after the menus' keys
WIDGET_KEYS = (
    ("Search: move through the results", "Up, Down"),
    ("Search: open the chosen result", "Enter"),
    ("Search or find: leave it", "Esc"),
    ("Page: move between links, open one", "Tab, Shift+Tab, Enter"),
    ("Go back or forward with the mouse", "The mouse's back and forward buttons"),
)
#: a key typed with modifiers, or a function key (not a media key such as "Copy")
TYPED_KEY = re.compile(r".+\+.+|F\d+|Esc")


def shortcut_rows(groups: Sequence[tuple[str, Sequence[QAction]]]) -> list[tuple[str, str]]:
    """A heading row ("", title) per menu, then (what it does, keys) for each action of it
    that has a keyboard shortcut; then the keys that work inside the panes."""
    rows: list[tuple[str, str]] = []
    for title, actions in groups:
        found = []
        for action in actions:
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()]
            keys = [k for k in keys if TYPED_KEY.fullmatch(k)]
            if keys:
                found.append((action.text().replace("&", "").rstrip("…"), ", ".join(keys)))
        if found:
            rows += [("", title.replace("&", "")), *found]
    return [*rows, ("", "In the panes"), *WIDGET_KEYS]


class ShortcutsDialog(QDialog):
    def __init__(
        self, groups: Sequence[tuple[str, Sequence[QAction]]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard Shortcuts")
        rows = shortcut_rows(groups)
        self.table = QTableWidget(len(rows), 2)
        self.table.setObjectName("shortcuts")
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setHorizontalHeaderLabels(["Action", "Keys"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        for row, (what, keys) in enumerate(rows):
            if what:
                self.table.setItem(row, 0, QTableWidgetItem(what))
                self.table.setItem(row, 1, QTableWidgetItem(keys))
            else:  # a menu's heading across both columns
                heading = QTableWidgetItem(keys)
                font = heading.font()
                font.setBold(True)
                heading.setFont(font)
                heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(row, 0, heading)
                self.table.setSpan(row, 0, 1, 2)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 560)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("About Space Partnerships Explorer")
        text = QLabel(about_html())
        text.setWordWrap(True)
        text.setTextFormat(Qt.TextFormat.RichText)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text.setAccessibleName("About this app")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.addWidget(text)
        layout.addWidget(buttons)
        self.setFixedWidth(480)


def about_html() -> str:
    return (
        f"<h2>Space Partnerships Explorer</h2><p>Version {__version__}</p>"
        "<p>An offline app for learning how nations, agencies and companies explore space "
        "together: lessons on the benefits, challenges and types of partnership, and a "
        "catalog of real partnerships from the Sputnik era to the Artemis Accords.</p>"
        "<p><b>Content.</b> The course follows the article “The Dynamics of Space "
        "Exploration Partnerships: Forging Frontiers Together” (TechGolly). Partnership "
        "facts were checked against the agencies' own pages and encyclopedias, cited on "
        "each partnership page; all descriptions and lessons were written for this "
        "project.</p>"
        f"<p>Built with Qt for Python {pyside_version}, Python-Markdown, SQLite and "
        "sqlite-utils. Nothing is fetched from the network.</p>"
    )
