"""Small widget helpers shared by the views."""

from __future__ import annotations

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QLineEdit, QToolButton


def text_field(
    name: str, placeholder: str, accessible: str, icon: QIcon | None = None
) -> QLineEdit:
    """A line edit with a clear button; its inner buttons get accessible names too."""
    field = QLineEdit(objectName=name)
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(accessible)
    if icon is not None:
        _named(
            field,
            lambda: field.addAction(icon, QLineEdit.ActionPosition.LeadingPosition),
            accessible,
        )
    _named(field, lambda: field.setClearButtonEnabled(True), f"Clear {accessible.lower()}")
    return field


def _named(field: QLineEdit, add: object, name: str) -> None:
    before = set(field.findChildren(QToolButton))
    add()  # type: ignore[operator]
    for button in set(field.findChildren(QToolButton)) - before:
        button.setAccessibleName(name)
