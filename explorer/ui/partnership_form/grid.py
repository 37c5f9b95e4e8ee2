"""The partnership form's grid: a caption and the field (or fields) of each row, and
under each row the messages of its fields (a FieldError each, and extras such as the
similar-names note)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from explorer.ui.partnership_form.widgets import FIELD_NAMES, FieldError

#: one row of the form: (field, caption, widget) for each field on it
FieldRow = list[tuple[str, str, QWidget]]
END_YEAR_HINT = "(leave the end empty while active or planned)"


def fields_grid(
    rows: list[FieldRow], errors: Mapping[str, FieldError], extras: Mapping[str, QWidget]
) -> QGridLayout:
    """Caption | field(s), each row followed by the messages of its fields; each field is
    named for screen readers (FIELD_NAMES)."""
    grid = QGridLayout()
    grid.setColumnStretch(1, 1)
    grid.setVerticalSpacing(4)
    for index, row in enumerate(rows):
        caption = QLabel(row[0][1])
        caption.setBuddy(row[0][2])
        caption.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        caption.setContentsMargins(0, 5, 0, 0)
        grid.addWidget(caption, index * 2, 0)
        grid.addWidget(row_widget(row), index * 2, 1)
        messages = QVBoxLayout()
        messages.setSpacing(0)
        for field, _text, widget in row:
            widget.setAccessibleName(FIELD_NAMES[field])
            messages.addWidget(errors[field])
            if field in extras:
                messages.addWidget(extras[field], 0, Qt.AlignmentFlag.AlignLeft)
        grid.addLayout(messages, index * 2 + 1, 1)
        grid.setRowMinimumHeight(index * 2 + 1, 6)
    return grid


def row_widget(row: FieldRow) -> QWidget:
    """The field of a row, or its fields side by side, each after its own caption."""
    if len(row) == 1:
        return row[0][2]
    holder = QWidget()
    layout = QHBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(8)
    for position, (_field, text, widget) in enumerate(row):
        if position:
            caption = QLabel(text)
            caption.setBuddy(widget)
            layout.addSpacing(8)
            layout.addWidget(caption)
        layout.addWidget(widget)
    if row[0][0] == "start_year":
        layout.addWidget(QLabel(END_YEAR_HINT, objectName="hint"))
    layout.addStretch(1)
    return holder
