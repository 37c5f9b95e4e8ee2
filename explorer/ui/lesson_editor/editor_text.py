"""Plain text in and out of a QPlainTextEdit, exactly.

`toPlainText()` turns non-breaking spaces into spaces; the raw text keeps them, with
U+2029 between blocks. Qt counts positions in UTF-16 code units, Python in code points,
so a replacement converts between them (an emoji is two units).
"""

from __future__ import annotations

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

BLOCK_SEPARATOR = "\u2029"


def text_of(editor: QPlainTextEdit) -> str:
    """The editor's text with \\n line breaks, every other character as typed."""
    return editor.document().toRawText().replace(BLOCK_SEPARATOR, "\n")


def qt_position(text: str, index: int) -> int:
    """The Qt cursor position of the Python string index `index` in `text`."""
    return len(text[:index].encode("utf-16-le")) // 2


def replace_text(editor: QPlainTextEdit, new: str) -> bool:
    """Make the editor's text `new` by replacing only the part that differs: one undo
    step, and the cursor stays where it was when it is outside the change. Returns
    whether anything changed."""
    old = text_of(editor)
    if old == new:
        return False
    start = 0
    limit = min(len(old), len(new))
    while start < limit and old[start] == new[start]:
        start += 1
    end = 0
    while end < limit - start and old[-1 - end] == new[-1 - end]:
        end += 1
    cursor = QTextCursor(editor.document())
    cursor.beginEditBlock()
    cursor.setPosition(qt_position(old, start))
    cursor.setPosition(qt_position(old, len(old) - end), QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(new[start : len(new) - end])
    cursor.endEditBlock()
    return True
