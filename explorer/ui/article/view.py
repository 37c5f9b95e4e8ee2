"""The article view: a QTextBrowser that shows lesson and partnership pages.

Links never navigate by themselves (setOpenLinks(False)); the view turns each click into a
typed request that the window routes: internal links open inside the app, web links only
after the user confirms.
"""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox, QTextBrowser, QWidget

INTERNAL = ("lesson", "partnership", "glossary", "topic")


class ArticleView(QTextBrowser):
    #: an internal link was clicked: (kind, slug), kind in lesson/partnership/glossary/topic
    target_requested = Signal(str, str)
    #: the user confirmed opening a web link in the system browser
    external_link_opened = Signal(QUrl)

    def __init__(self, style_sheet: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setAccessibleName("Article")
        self.document().setDefaultStyleSheet(style_sheet)
        self.document().setDocumentMargin(24)
        self.anchorClicked.connect(self._on_self_anchor_clicked)

    def show_html(self, html: str) -> None:
        self.setHtml(html)
        self.verticalScrollBar().setValue(0)

    def _on_self_anchor_clicked(self, url: QUrl) -> None:
        scheme = url.scheme()
        if scheme in INTERNAL:
            self.target_requested.emit(scheme, url.path())
        elif scheme in {"http", "https", "mailto"}:
            self.confirm_external(url)
        elif not scheme and url.fragment():
            self.scrollToAnchor(url.fragment())

    def confirm_external(self, url: QUrl) -> bool:
        """Ask before anything leaves the computer; open the browser only on Yes."""
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
