"""Handouts on paper: pages laid out, numbered and footed, to a printer or a PDF file.

The page size and margins come from the device (A4 or Letter, set by `page_layout` or
the print dialog). The document is laid out in CSS pixels to the page's width, with the
bottom of each page kept for the footer: a rule, the title and "Page N of M", then the
source line. Each page is drawn scaled from CSS pixels to the device's resolution.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
)

from explorer.core.article_style import COLOURS
from explorer.core.atomic import atomic_write_bytes
from explorer.core.handouts import Handout
from explorer.core.quiz_export import APP_NAME
from explorer.ui.handouts.document import HandoutDocument

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
#: left, top, right, bottom in millimetres (the footer sits inside the bottom margin's top)
MARGINS_MM = (18.0, 16.0, 18.0, 12.0)
SCREEN_DPI = 96.0
#: CSS px kept at the bottom of each page for the footer
FOOTER = 38.0
FOOTER_TEXT = 10
#: CSS px trimmed off the bottom of the area whose lines are drawn on a page
EDGE = 0.5


class HandoutError(RuntimeError):
    """The handout could not be drawn (no printer, an unusable page)."""


def page_layout(paper: str) -> QPageLayout:
    left, top, right, bottom = MARGINS_MM
    return QPageLayout(
        QPageSize(PAGE_SIZES.get(paper, PAGE_SIZES["a4"])),
        QPageLayout.Orientation.Portrait,
        QMarginsF(left, top, right, bottom),
        QPageLayout.Unit.Millimeter,
    )


def ensure_gui_application() -> QGuiApplication:
    """The running application, or an offscreen one (the command line has no display)."""
    app = QGuiApplication.instance()
    if isinstance(app, QGuiApplication):
        return app
    return QGuiApplication(["space-explorer", "-platform", "offscreen"])


def paint_handout(handout: Handout, style_sheet: str, device: QPagedPaintDevice) -> int:
    """Draw every page onto `device` (a QPdfWriter or QPrinter); returns the page count."""
    document = HandoutDocument(handout, style_sheet)
    painter = QPainter()
    if not painter.begin(device):
        raise HandoutError("the printer or file could not be opened for drawing")
    try:
        return _paint_pages(document, device, painter)
    finally:
        painter.end()


def _paint_pages(document: HandoutDocument, device: QPagedPaintDevice, painter: QPainter) -> int:
    area = device.pageLayout().paintRectPixels(device.logicalDpiX())
    scale = device.logicalDpiX() / SCREEN_DPI
    width, height = area.width() / scale, area.height() / scale
    body = height - FOOTER
    if body < 100 or width < 100:
        raise HandoutError("the page is too small for a handout")
    document.setPageSize(QSizeF(width, body))
    document.fit_pictures(width)
    document.keep_together(body)
    pages = document.pageCount()
    layout = document.documentLayout()
    context = QAbstractTextDocumentLayout.PaintContext()
    context.palette.setColor(QPalette.ColorRole.Text, QColor(COLOURS["light"]["text"]))
    for page in range(pages):
        if page and not device.newPage():
            raise HandoutError(f"page {page + 1} could not be started")
        painter.save()
        painter.scale(scale, scale)
        painter.save()
        painter.translate(0, -page * body)
        painter.setClipRect(QRectF(0, page * body, width, body))
        # a line that starts the next page touches this one's edge: keep it off this page
        # (clipped away it would still be text in the PDF, found by search and readers)
        context.clip = QRectF(0, page * body, width, body - EDGE)
        layout.draw(painter, context)
        painter.restore()
        _footer(painter, document.handout, QRectF(0, body, width, FOOTER), page + 1, pages)
        painter.restore()
    return pages


def _footer(painter: QPainter, handout: Handout, area: QRectF, page: int, pages: int) -> None:
    colours = COLOURS["light"]
    font = QFont(painter.font())
    font.setPixelSize(FOOTER_TEXT)
    painter.setFont(font)
    metrics = QFontMetricsF(font)
    top = area.top() + 10
    painter.setPen(QColor(colours["strong_border"]))
    painter.drawLine(area.left(), top, area.right(), top)
    number = f"Page {page} of {pages}"
    room = area.width() - metrics.horizontalAdvance(number) - 24
    line = QRectF(area.left(), top + 4, area.width(), metrics.height())
    painter.setPen(QColor(colours["text"]))
    title = metrics.elidedText(handout.title, Qt.TextElideMode.ElideRight, room)
    painter.drawText(line, Qt.AlignmentFlag.AlignLeft, title)
    painter.drawText(line, Qt.AlignmentFlag.AlignRight, number)
    painter.setPen(QColor(colours["muted"]))
    source = metrics.elidedText(handout.source_line, Qt.TextElideMode.ElideRight, area.width())
    painter.drawText(line.translated(0, metrics.height() + 1), Qt.AlignmentFlag.AlignLeft, source)


def pdf_bytes(handout: Handout, style_sheet: str, paper: str) -> tuple[bytes, int]:
    """The handout as a PDF file's bytes, and its page count."""
    ensure_gui_application()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(handout.title)
    writer.setCreator(APP_NAME)
    pages = paint_handout(handout, style_sheet, writer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data()), pages


def write_pdf(handout: Handout, style_sheet: str, paper: str, path: Path) -> int:
    """Write the PDF atomically (the old file stays whole if anything fails); returns the
    page count."""
    data, pages = pdf_bytes(handout, style_sheet, paper)
    atomic_write_bytes(path, data)
    return pages
