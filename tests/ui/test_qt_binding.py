"""The Qt binding itself: guards against a PySide6 build that corrupts Python's state."""

import sys

from PySide6.QtWidgets import QGraphicsRectItem


def test_qt_calls_returning_nothing_keep_none_alive(qapp):
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on each such call and
    aborted the app after a few thousand timeline updates (decision 007)."""
    item = QGraphicsRectItem(0, 0, 10, 10)
    before = sys.getrefcount(None)
    for step in range(2000):
        item.setPos(step, step)
    assert sys.getrefcount(None) >= before - 10
