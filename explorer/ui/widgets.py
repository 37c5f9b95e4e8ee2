"""Small widget helpers shared by the views."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QIcon, QKeySequence
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


def _named(field: QLineEdit, add: Callable[[], object], name: str) -> None:
    before = set(field.findChildren(QToolButton))
    add()
    for button in set(field.findChildren(QToolButton)) - before:
        button.setAccessibleName(name)


def command_action(
    parent: QObject,
    text: str,
    command: Callable[[], object],
    tip: str,
    keys: QKeySequence | QKeySequence.StandardKey | str | None = None,
    *,
    tip_names_keys: bool = False,
) -> QAction:
    """An action that runs `command` (its return value dropped), with a status tip and a
    tool tip (naming the shortcut too, with `tip_names_keys`)."""
    made = QAction(text, parent)
    made.setStatusTip(tip)
    made.setToolTip(tip)
    if keys is not None:
        made.setShortcut(QKeySequence(keys))
    if keys is not None and tip_names_keys:
        shown = made.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        made.setToolTip(f"{tip} ({shown})")
    made.triggered.connect(lambda _checked=False: command())
    return made


def quiet_timer(parent: QObject, interval_ms: int, timeout: Callable[[], None]) -> QTimer:
    """A single-shot timer: `start()` again and again while things happen, and `timeout`
    runs once they have been quiet for `interval_ms`."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(timeout)
    return timer
