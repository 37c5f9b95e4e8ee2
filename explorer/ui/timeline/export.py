"""Save what the timeline shows as a PNG or SVG file, with a caption line under it."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QRect, QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPaintDevice, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QFileDialog, QGraphicsView, QMessageBox, QWidget

from explorer.ui.timeline.style import TimelineStyle

CAPTION = 26  # pixels under the view for the caption
FORMATS = {".png": "PNG image", ".svg": "SVG drawing"}


class ExportError(Exception):
    """The file could not be written; the message names it and says why."""


def export_view(
    view: QGraphicsView, path: Path, caption: str, style: TimelineStyle, scale: float = 2.0
) -> Path:
    """Render the visible part of `view` to `path` (.png or .svg), atomically: the file
    appears whole or not at all. PNGs are drawn at `scale` times the screen size."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise ExportError(f"{path}: choose a file name ending in .png or .svg")
    size = view.viewport().size()
    fd, temp_name = tempfile.mkstemp(suffix=suffix, prefix=".export-", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        if suffix == ".png":
            _png(view, temp, size, caption, style, scale)
        else:
            _svg(view, temp, size, caption, style)
        os.replace(temp, path)
    except OSError as exc:
        raise ExportError(f"{path}: could not be written ({exc.strerror or exc})") from exc
    finally:
        temp.unlink(missing_ok=True)
    return path


def ask_and_export(parent: QWidget, name: str, export: Callable[[Path], Path]) -> None:
    """Ask where to save `name` (.png or .svg), then `export` there; a failure is shown
    in a message that names the file."""
    suffix = Path(name).suffix
    kind = "PNG image (*.png)" if suffix == ".png" else "SVG drawing (*.svg)"
    chosen, _ = QFileDialog.getSaveFileName(
        parent, "Save the timeline view", str(Path.home() / name), kind
    )
    if not chosen:
        return
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    try:
        export(path)
    except ExportError as exc:
        QMessageBox.warning(parent, "Could not save the image", str(exc))


def _png(
    view: QGraphicsView, path: Path, size: QSize, caption: str, style: TimelineStyle, scale: float
) -> None:
    image = QImage(
        round(size.width() * scale),
        round((size.height() + CAPTION) * scale),
        QImage.Format.Format_ARGB32_Premultiplied,
    )
    image.setDevicePixelRatio(scale)
    image.fill(style.base)
    _paint(view, image, size, caption, style)
    if not image.save(str(path), "PNG"):
        raise OSError(0, "the image could not be encoded", str(path))


def _svg(view: QGraphicsView, path: Path, size: QSize, caption: str, style: TimelineStyle) -> None:
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(size.width(), size.height() + CAPTION))
    generator.setViewBox(QRect(0, 0, size.width(), size.height() + CAPTION))
    generator.setTitle("Space partnerships timeline")
    generator.setDescription(caption)
    _paint(view, generator, size, caption, style)


def _paint(
    view: QGraphicsView, device: QPaintDevice, size: QSize, caption: str, style: TimelineStyle
) -> None:
    painter = QPainter(device)
    try:
        painter.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        target = QRectF(0, 0, size.width(), size.height())
        painter.fillRect(QRectF(0, 0, size.width(), size.height() + CAPTION), style.base)
        view.render(
            painter,
            target,
            QRect(0, 0, size.width(), size.height()),
            Qt.AspectRatioMode.IgnoreAspectRatio,
        )
        painter.setPen(style.muted)
        painter.setFont(style.small)
        painter.drawText(
            QRectF(10, size.height(), size.width() - 20, CAPTION),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            caption,
        )
    finally:
        painter.end()
