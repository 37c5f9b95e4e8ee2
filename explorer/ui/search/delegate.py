"""Draws a search result: its title, a detail line, and the matched words highlighted."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from explorer.core.search import split_highlights
from explorer.ui.search.model import DETAIL_ROLE, KIND_ROLE, SNIPPET_ROLE
from explorer.ui.theme import Theme

PAD_X, PAD_Y = 10, 7
SNIPPET_LINES = 3
Index = QModelIndex | QPersistentModelIndex


class ResultDelegate(QStyledItemDelegate):
    def __init__(self, view: QListView, theme: Theme) -> None:
        super().__init__(view)
        self._view = view
        self._theme = theme

    def _width(self, option: QStyleOptionViewItem) -> int:
        width = option.rect.width() or self._view.viewport().width()
        return max(80, width - 2 * PAD_X)

    def _documents(self, index: Index, width: int, selected: bool) -> list[QTextDocument]:
        c = self._theme.colour
        text = c("accent_text") if selected else c("text")
        muted = c("accent_text") if selected else c("muted")
        kind = index.data(KIND_ROLE)
        title = escape(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if kind == "heading":
            html = f'<span style="color:{c("muted")}; font-weight:bold">{title.upper()}</span>'
            return [self._document(html, width, 0.8)]
        if kind == "more":
            return [self._document(f'<i style="color:{c("muted")}">{title}</i>', width, 0.9)]
        if kind == "expand":
            colour = text if selected else c("link")
            return [self._document(f'<span style="color:{colour}">{title} ▾</span>', width, 0.92)]
        detail = escape(str(index.data(DETAIL_ROLE) or ""))
        head = f'<span style="color:{text}; font-weight:bold">{title}</span>'
        if detail:
            head += f'<br><span style="color:{muted}">{detail}</span>'
        parts = []
        for piece, matched in split_highlights(str(index.data(SNIPPET_ROLE) or "")):
            piece = escape(piece)
            parts.append(
                f'<span style="background-color:{c("mark")}; color:{c("mark_text")}">{piece}</span>'
                if matched and not selected
                else f"<b><u>{piece}</u></b>"
                if matched
                else piece
            )
        snippet = f'<span style="color:{text}">{"".join(parts)}</span>'
        return [self._document(head, width, 0.92), self._document(snippet, width, 0.88)]

    def _document(self, html: str, width: int, scale: float) -> QTextDocument:
        document = QTextDocument()
        font = self._view.font()
        font.setPointSizeF(max(7.0, font.pointSizeF() * scale))
        document.setDefaultFont(font)
        document.setDocumentMargin(0)
        document.setHtml(html)
        document.setTextWidth(width)
        return document

    def _heights(self, documents: list[QTextDocument]) -> list[float]:
        heights = [d.size().height() for d in documents]
        if len(documents) == 2:
            line = documents[1].documentLayout().blockBoundingRect(documents[1].begin()).height()
            lines = max(1, documents[1].begin().layout().lineCount())
            limit = line / lines * SNIPPET_LINES if line else heights[1]
            heights[1] = min(heights[1], limit)
        return heights

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        documents = self._documents(index, self._width(option), False)
        heights = self._heights(documents)
        kind = index.data(KIND_ROLE)
        top = 12 if kind == "heading" and index.row() else PAD_Y
        gap = 3 * (len(heights) - 1)
        return QSize(self._width(option), int(sum(heights) + gap + top + PAD_Y))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        rect = option.rect
        if selected:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.color(QPalette.ColorRole.Highlight))
            painter.drawRoundedRect(QRectF(rect.adjusted(4, 1, -4, -1)), 5, 5)
        elif option.state & QStyle.StateFlag.State_MouseOver and index.data(KIND_ROLE) in (
            "lesson",
            "partnership",
            "expand",
        ):
            painter.fillRect(
                rect.adjusted(4, 1, -4, -1), option.palette.color(QPalette.ColorRole.Midlight)
            )
        documents = self._documents(index, rect.width() - 2 * PAD_X, selected)
        heights = self._heights(documents)
        kind = index.data(KIND_ROLE)
        y: float = rect.top() + (12 if kind == "heading" and index.row() else PAD_Y)
        for document, height in zip(documents, heights, strict=True):
            painter.save()
            painter.translate(rect.left() + PAD_X, y)
            clip = QRectF(0, 0, rect.width() - 2 * PAD_X, height)
            painter.setClipRect(clip)
            context = QAbstractTextDocumentLayout.PaintContext()
            context.clip = clip
            document.documentLayout().draw(painter, context)
            painter.restore()
            y += height + 3
        painter.restore()
