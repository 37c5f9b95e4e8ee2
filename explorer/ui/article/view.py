"""The article view: a QTextBrowser that shows lesson, partnership and topic pages.

Links never navigate by themselves (setOpenLinks(False)); the view turns each click into a
typed request that the read view routes: internal links open inside the app, web links only
after the user confirms. Text is set in a column of about 70 characters, centred, at the
size the reader chose.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QPointF, Qt, QUrl, Signal, Slot
from PySide6.QtGui import (
    QDesktopServices,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QPixmap,
    QResizeEvent,
    QShowEvent,
    QTextCursor,
    QTextDocument,
    QTextImageFormat,
)
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QToolTip, QWidget

from explorer.core.location import Location

INTERNAL = ("lesson", "partnership", "glossary", "topic", "progress", "compare", "partner")
#: links that change the page in place or elsewhere: quiz answers, sort order, timeline,
#: opening a hidden solution, the progress page's own (export, reset), choosing what to
#: compare, a partner's lane or network node
ACTIONS = (
    "quiz",
    "sort",
    "timeline",
    "reveal",
    "classroom",
    "compare-add",
    "compare-remove",
    "lane",
    "network",
)
WEB = ("http", "https", "mailto")
#: characters per line of the reading column
MEASURE = 72
#: a page with a table of this class is laid out in a wider column
WIDE_MARK = 'class="compare'
WIDE_MEASURE = 130
MIN_MARGIN = 28
#: a figure `name.svg` may have a sibling `name.dark.svg`, drawn for the dark theme
DARK_SUFFIX = ".dark.svg"


def dark_variant(path: Path) -> Path | None:
    """The dark-theme sibling of an SVG picture, if one exists next to it."""
    if path.suffix.lower() != ".svg" or path.name.lower().endswith(DARK_SUFFIX):
        return None
    sibling = path.with_name(path.name[: -len(".svg")] + DARK_SUFFIX)
    return sibling if sibling.is_file() else None


class ArticleView(QTextBrowser):
    #: an internal link was clicked: its Location (a lesson, partnership, glossary term
    #: or topic)
    target_requested = Signal(object)
    #: a page action link was clicked: (quiz|sort|timeline|reveal, value)
    action_requested = Signal(str, str)
    #: the user confirmed opening a web link in the system browser
    external_link_opened = Signal(QUrl)

    def __init__(
        self, style_sheet: str = "", text_size: int = 16, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("article")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Article")
        self._html = ""
        self._pending_scroll: int | None = None
        self._text_size = text_size
        self._dark = False
        self.document().setDefaultStyleSheet(style_sheet)
        self._set_font_size(text_size)
        self.anchorClicked.connect(self._on_self_anchor_clicked)

    # -- content ----------------------------------------------------------------------
    def show_html(self, html: str, scroll: int = 0) -> None:
        """Show a page and scroll to `scroll` (pixels from the top)."""
        self._html = html
        self.setHtml(html)
        self._fit_column()
        self._fit_images()
        if self.isVisible():
            self._scroll_to(scroll)
        else:  # the real width is not known yet: scroll once the view is shown
            self._pending_scroll = scroll

    def _scroll_to(self, scroll: int) -> None:
        if scroll:
            self.document().size()  # lay the document out so the scroll range is known
        self.verticalScrollBar().setValue(scroll)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._pending_scroll is not None:
            self._fit_column()
            self._scroll_to(self._pending_scroll)
            self._pending_scroll = None

    def redraw(self, html: str) -> None:
        """Replace the page by a new version of itself, keeping the reading position."""
        position = self.verticalScrollBar().value()
        self.show_html(html, position)

    def set_style(self, style_sheet: str, text_size: int) -> None:
        """New article CSS (theme or text size); the page is laid out again in place."""
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() else 0.0
        self.document().setDefaultStyleSheet(style_sheet)
        self._text_size = text_size
        self._set_font_size(text_size)
        if self._html:
            self.setHtml(self._html)
            self._fit_column()
            self.document().size()
            bar.setValue(round(fraction * bar.maximum()))

    @property
    def text_size(self) -> int:
        return self._text_size

    def set_scheme(self, scheme: str) -> None:
        """'dark' shows the `.dark.svg` variant of pictures that have one; takes effect at
        the next page shown or `set_style` (both lay the page out again)."""
        self._dark = scheme == "dark"

    def loadResource(self, kind: int, name: QUrl | str) -> object:
        """Pictures load from local files only; in the dark theme, from their dark variant."""
        url = QUrl(name)
        if (
            self._dark
            and kind == QTextDocument.ResourceType.ImageResource.value
            and url.isLocalFile()
            and (dark := dark_variant(Path(url.toLocalFile()))) is not None
        ):
            return QByteArray(dark.read_bytes())
        return super().loadResource(kind, url)

    def _set_font_size(self, size: int) -> None:
        font = QFont(self.font())
        font.setPixelSize(size)
        self.document().setDefaultFont(font)

    # -- the reading column -------------------------------------------------------------
    def column_width(self) -> float:
        """About MEASURE characters; pages of side-by-side columns (a comparison) get
        WIDE_MEASURE."""
        font = QFont(self.document().defaultFont())
        wide = WIDE_MARK in self._html
        return QFontMetricsF(font).averageCharWidth() * (WIDE_MEASURE if wide else MEASURE)

    def _fit_column(self) -> None:
        """Centre a column of about MEASURE characters; wide windows get wide margins."""
        width = self.viewport().width()
        margin = max(MIN_MARGIN, (width - self.column_width()) / 2)
        root = self.document().rootFrame()
        frame = root.frameFormat()
        if abs(frame.leftMargin() - margin) < 1:
            return
        frame.setLeftMargin(margin)
        frame.setRightMargin(margin)
        frame.setTopMargin(22)
        frame.setBottomMargin(40)
        root.setFrameFormat(frame)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_column()
        self._fit_images()

    def _fit_images(self) -> None:
        """Scale pictures wider than the column down to its width (never up)."""
        if "<img" not in self._html:
            return
        width = self.viewport().width() - 2 * self.document().rootFrame().frameFormat().leftMargin()
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                image = fragment.charFormat().toImageFormat()
                if image.isValid() and fragment.isValid():
                    self._fit_image(fragment.position(), image, width)
                fragments += 1
            block = block.next()

    def _fit_image(self, position: int, image: QTextImageFormat, width: float) -> None:
        picture = self.document().resource(
            QTextDocument.ResourceType.ImageResource, QUrl(image.name())
        )
        if isinstance(picture, QByteArray | bytes):
            picture = QImage.fromData(picture)
        if not isinstance(picture, QImage | QPixmap) or not picture.width():
            return
        width = min(width, picture.width())
        if abs(image.width() - width) < 1:
            return
        scaled = QTextImageFormat(image)
        scaled.setWidth(width)
        scaled.setHeight(picture.height() * width / picture.width())
        cursor = QTextCursor(self.document())
        cursor.setPosition(position)
        cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
        cursor.setCharFormat(scaled)

    # -- hover previews -------------------------------------------------------------------
    def viewportEvent(self, event: QEvent) -> bool:
        """Link previews (a glossary definition, a lesson's summary) wrap like a note."""
        if event.type() != QEvent.Type.ToolTip:
            return super().viewportEvent(event)
        assert isinstance(event, QHelpEvent)
        tip = self.tip_at(event.pos())
        if tip:
            QToolTip.showText(event.globalPos(), f"<p>{escape(tip)}</p>", self.viewport())
        else:
            QToolTip.hideText()
        return True

    def tip_at(self, point: object) -> str:
        """The preview text of the link under a viewport point ('' when there is none)."""
        if not self.anchorAt(point):  # type: ignore[arg-type]
            return ""
        offset = QPointF(self.horizontalScrollBar().value(), self.verticalScrollBar().value())
        position = (
            self.document()
            .documentLayout()
            .hitTest(QPointF(point) + offset, Qt.HitTestAccuracy.FuzzyHit)
        )
        cursor = QTextCursor(self.document())
        cursor.setPosition(min(position + 1, self.document().characterCount() - 1))
        return cursor.charFormat().toolTip()

    # -- links --------------------------------------------------------------------------
    @Slot(QUrl)
    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme in INTERNAL:
            self.target_requested.emit(Location(scheme, url.path()))
        elif scheme in ACTIONS:
            self.action_requested.emit(scheme, url.path())
        elif scheme in WEB:
            self.confirm_external(url)
        elif not scheme and url.fragment():
            self.scroll_to(url.fragment())

    def scroll_to(self, anchor: str) -> None:
        """Bring a heading to the top of the view."""
        self.scrollToAnchor(anchor)

    def confirm_external(self, url: QUrl) -> bool:
        """Ask before anything leaves the computer; open the browser only on Open."""
        answer = QMessageBox.question(
            self,
            "Open web page?",
            f"This link goes to a web page outside the app:\n\n{url.toString()}\n\n"
            "Open it in your web browser? This needs an internet connection.",
            QMessageBox.StandardButton.Open | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Open:
            return False
        QDesktopServices.openUrl(url)
        self.external_link_opened.emit(url)
        return True

    def focus_link(self, href: str) -> None:
        """Give the keyboard focus to the link to `href` (after the page was drawn again,
        so that Enter on "Show the solution" can be followed by Enter on "Hide")."""
        block = self.document().begin()
        while block.isValid():
            fragments = block.begin()
            while not fragments.atEnd():
                fragment = fragments.fragment()
                if fragment.charFormat().anchorHref() == href:
                    cursor = QTextCursor(self.document())
                    cursor.setPosition(fragment.position())
                    cursor.setPosition(
                        fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor
                    )
                    position = self.verticalScrollBar().value()
                    self.setTextCursor(cursor)
                    self.verticalScrollBar().setValue(position)
                    return
                fragments += 1
            block = block.next()
