"""Hints in the partnership form that do not stop a save: names close to one already in
the catalog, and web addresses written without https:// (completed with one click)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QPushButton, QTableWidget, QWidget

from explorer.core.content import suggested_url
from explorer.core.similar_names import NameIndex


class SimilarNames(QLabel):
    """'Close to “Rosetta comet mission”, already in the catalog.' under the name."""

    def __init__(self, names: NameIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("hint")
        self.setWordWrap(True)
        self.setAccessibleName("Similar partnerships")
        self.names = names
        self.hide()

    def show_for(self, name: str, slug: str) -> None:
        close = self.names.similar(name, slug)[:3]
        shown = ", ".join(f"“{self.names.name(s)}”" for s in close)
        self.setText(
            f"Close to {shown}, already in the catalog. Is this the same partnership?"
            if close
            else ""
        )
        self.setVisible(bool(close))


def url_fixes(rows: Sequence[Sequence[str]], column: int = 2) -> dict[int, str]:
    """Row -> the web address with https:// for each row's address written without it."""
    found = {}
    for row, cells in enumerate(rows):
        fixed = suggested_url(cells[column]) if cells[column] else ""
        if fixed:
            found[row] = fixed
    return found


def complete_urls(table: QTableWidget, column: int = 2) -> None:
    """Give https:// to each address in `column` written without it, cell by cell."""
    for row in range(table.rowCount()):
        item = table.item(row, column)
        fixed = suggested_url(item.text().strip()) if item is not None else ""
        if item is not None and fixed:
            item.setText(fixed)


class FixUrlsButton(QPushButton):
    """Offers https:// for the sources' web addresses that lack it."""

    #: the teacher asked to complete the addresses
    fix_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Add https:// to the web addresses", parent)
        self.setAutoDefault(False)
        self.setToolTip("A web address opens only when it starts with https:// (or http://)")
        self.clicked.connect(self.fix_requested)
        self.hide()
