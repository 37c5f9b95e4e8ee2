"""The mouse's back and forward buttons, anywhere in the window."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget


class MouseNavigation(QObject):
    """The mouse's back and forward buttons go back and forward anywhere in the window.

    Item views would take those buttons as clicks, so the filter sits on every widget of
    a view (installed with `watch`) and on the window itself.
    """

    def __init__(self, window: QObject, step: Callable[[int], None]) -> None:
        """`step(-1)` goes back, `step(1)` forward."""
        super().__init__(window)
        self._step = step

    def watch(self, root: QWidget) -> None:
        for widget in [root, *root.findChildren(QWidget)]:
            widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
            return False
        assert isinstance(event, QMouseEvent)
        step = {Qt.MouseButton.BackButton: -1, Qt.MouseButton.ForwardButton: 1}.get(event.button())
        if step is None:
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self._step(step)
        return True
