"""A handout as a QTextDocument laid out for paper.

The document is laid out in CSS pixels (96 per inch) with design metrics, so that it can
be drawn scaled to any printer's resolution without the text moving. Pictures load only
from local files (the renderer already allowed only the lesson's folders); an SVG figure
and the timeline picture are drawn at three times their size (a device pixel ratio of
3), sharp on paper, and every picture wider than the page is scaled down to fit it.
A question and its choices or writing lines start a new page rather than break across
two (`keep_together`).
"""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

from PySide6.QtCore import QByteArray, QSizeF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPainter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtSvg import QSvgRenderer

from explorer.core.handouts import CHART_SOURCE, KEEP_PREFIX, PRINT_TEXT_SIZE, Handout

IMAGE = QTextDocument.ResourceType.ImageResource
#: how much sharper than its CSS size a drawn picture is (about 290 dpi)
PICTURE_SCALE = 3


def svg_image(data: bytes, scale: int = PICTURE_SCALE) -> QImage:
    """An SVG drawn on white at `scale` times its own size (a null image if unreadable)."""
    renderer = QSvgRenderer(QByteArray(data))
    size = renderer.defaultSize()
    if not renderer.isValid() or size.isEmpty():
        return QImage()
    image = QImage(size * scale, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    image.setDevicePixelRatio(scale)
    return image


class HandoutDocument(QTextDocument):
    def __init__(self, handout: Handout, style_sheet: str) -> None:
        super().__init__()
        self.handout = handout
        self.setUseDesignMetrics(True)
        self.setDocumentMargin(0)
        font = QFont(self.defaultFont())
        font.setPixelSize(PRINT_TEXT_SIZE)
        self.setDefaultFont(font)
        self.setDefaultStyleSheet(style_sheet)
        self.setMetaInformation(QTextDocument.MetaInformation.DocumentTitle, handout.title)
        if handout.chart is not None:
            chart = svg_image(handout.chart.svg.encode("utf-8"))
            self.addResource(IMAGE, QUrl(CHART_SOURCE), chart)
        self.setHtml(handout.html)

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Local pictures only, SVG drawn sharp; nothing is fetched from anywhere else."""
        url = QUrl(name)
        if kind != IMAGE.value or not url.isLocalFile():
            return None
        path = Path(url.toLocalFile())
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if path.suffix.lower() == ".svg":
            return svg_image(data)
        image = QImage.fromData(data)
        return image if not image.isNull() else None

    def fit_pictures(self, width: float) -> None:
        """Scale every picture wider than `width` (CSS px) down to it (never up)."""
        block = self.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                image = fragment.charFormat().toImageFormat()
                if fragment.isValid() and image.isValid():
                    self._fit(fragment.position(), image, width)
                fragments += 1
            block = block.next()

    def _fit(self, position: int, image: QTextImageFormat, width: float) -> None:
        picture = self.resource(IMAGE, QUrl(image.name()))
        if not isinstance(picture, QImage) or picture.isNull():
            return
        size = picture.deviceIndependentSize()
        wanted = image.width() or size.width()
        ratio = (image.height() / image.width()) if image.width() and image.height() else None
        ratio = ratio or size.height() / size.width()
        fitted = QSizeF(min(wanted, width), min(wanted, width) * ratio)
        if (
            abs(image.width() - fitted.width()) < 0.5
            and abs(image.height() - fitted.height()) < 0.5
        ):
            return
        scaled = QTextImageFormat(image)
        scaled.setWidth(fitted.width())
        scaled.setHeight(fitted.height())
        cursor = QTextCursor(self)
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(scaled)

    def keep_together(self, page_height: float) -> int:
        """Move each kept part (from a `keep-N` anchor to the next `keep-` anchor) that
        would break across pages to the next page, if it fits on one; returns how many
        moved. Call after the page size is set."""
        layout = self.documentLayout()
        moved = 0
        for (start, name), (end, _) in pairwise(self._keep_marks()):
            if name == f"{KEEP_PREFIX}end":
                continue
            top = layout.blockBoundingRect(start).top()
            bottom = layout.blockBoundingRect(end.previous()).bottom()
            if bottom - top >= page_height or int(top // page_height) == int(
                (bottom - 1) // page_height
            ):
                continue
            wanted = QTextBlockFormat(start.blockFormat())
            wanted.setPageBreakPolicy(QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)
            QTextCursor(start).setBlockFormat(wanted)
            moved += 1
        return moved

    def _keep_marks(self) -> list[tuple[QTextBlock, str]]:
        found = []
        block = self.begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                names = fragments.fragment().charFormat().anchorNames()
                kept = [n for n in names if n.startswith(KEEP_PREFIX)]
                if kept:
                    found.append((block, kept[0]))
                    break
                fragments += 1
            block = block.next()
        return found
