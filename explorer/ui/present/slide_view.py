"""One slide, large: a page of HTML (shrunk to fit the screen when it is long), the
timeline at a view, or a blank screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from explorer.core.trails import TimelineView
from explorer.ui.article.view import ArticleView
from explorer.ui.present.screens import slide_text_size
from explorer.ui.theme import Theme

if TYPE_CHECKING:
    from explorer.ui.timeline.panel import TimelinePanel

#: a long slide's text may shrink to this share of its size, then it scrolls
SMALLEST_SHARE = 0.6
SHRINK_STEP = 0.92


class SlideView(QWidget):
    def __init__(
        self,
        theme: Theme,
        make_timeline: Callable[[], TimelinePanel],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.theme = theme
        self._make_timeline = make_timeline
        self.scale = 1.0
        self.text_size = slide_text_size(1.0)
        self.article = ArticleView(theme.article_css(self.text_size), self.text_size)
        self.article.setObjectName("slide")
        self.article.setAccessibleName("Slide")
        self.article.set_scheme(theme.scheme)
        self.timeline: TimelinePanel | None = None
        self.view: TimelineView | None = None
        self.blank = QWidget(objectName="blankSlide")
        self.blank.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.blank.setAccessibleName("Blank screen")
        self.blank.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.article)
        self.stack.addWidget(self.blank)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self._html = ""
        self._blanked = False
        self._refit = QTimer(self, singleShot=True, interval=0)
        self._refit.timeout.connect(self._fit)

    # -- what is shown ----------------------------------------------------------------------
    def show_html(self, html: str) -> None:
        self._html = html
        self.view = None
        self.article.show_html(html)
        self._fit()
        if not self._blanked:
            self.stack.setCurrentWidget(self.article)

    def show_timeline(self, view: TimelineView) -> None:
        self.view = view
        timeline = self._timeline_panel()
        self._apply_view()
        if not self._blanked:
            self.stack.setCurrentWidget(timeline)
        QTimer.singleShot(0, self, self._apply_view)  # again, once it has its real width

    def set_blank(self, on: bool) -> None:
        self._blanked = on
        if on:
            self.stack.setCurrentWidget(self.blank)
        elif self.view is not None and self.timeline is not None:
            self.stack.setCurrentWidget(self.timeline)
        else:
            self.stack.setCurrentWidget(self.article)

    @property
    def blanked(self) -> bool:
        return self._blanked

    def showing(self) -> str:
        """'slide', 'timeline' or 'blank': what the screen shows now."""
        current = self.stack.currentWidget()
        if current is self.blank:
            return "blank"
        return "timeline" if current is self.timeline else "slide"

    # -- size ---------------------------------------------------------------------------------
    def set_scale(self, scale: float) -> None:
        """Draw everything `scale` times larger: the slide's text and the timeline."""
        self.scale = scale
        self.text_size = slide_text_size(scale)
        scale_font(self.window() if self.window() is not self else self, scale)
        if self._html and self.view is None:
            self._fit()

    def _fit(self) -> None:
        """The text at the scale's size, shrunk step by step while it is taller than the
        screen (never below SMALLEST_SHARE of it)."""
        size = self.text_size
        smallest = max(12, round(size * SMALLEST_SHARE))
        while True:
            self.article.set_style(self.theme.article_css(size), size)
            if self._fits() or size <= smallest:
                break
            size = max(smallest, round(size * SHRINK_STEP))
        self.article.verticalScrollBar().setValue(0)

    def scroll_slide(self, direction: int) -> bool:
        """Scroll a slide taller than the screen by most of a screen; False when it is
        already at that end (or fits), so that the key moves to the next slide."""
        if self.showing() != "slide":
            return False
        bar = self.article.verticalScrollBar()
        at_end = bar.value() >= bar.maximum() if direction > 0 else bar.value() <= 0
        if at_end:
            return False
        bar.setValue(bar.value() + direction * round(bar.pageStep() * 0.85))
        return True

    def _fits(self) -> bool:
        height = self.article.document().size().height()
        return height <= self.article.viewport().height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._html and self.view is None:
            self._refit.start()
        if self.view is not None:
            QTimer.singleShot(0, self, self._apply_view)

    def apply_theme(self) -> None:
        self.article.set_scheme(self.theme.scheme)
        if self._html:
            self._fit()

    # -- the timeline -------------------------------------------------------------------------
    def _timeline_panel(self) -> TimelinePanel:
        if self.timeline is None:
            self.timeline = self._make_timeline()
            _presentation_look(self.timeline)
            self.stack.addWidget(self.timeline)
        return self.timeline

    def _apply_view(self) -> None:
        view, timeline = self.view, self.timeline
        if view is None or timeline is None:
            return
        timeline.set_group_by(view.group)
        timeline.show_only(view.highlight or None)  # a class sees the few that matter
        if view.highlight:
            timeline.highlight(view.highlight, f"{len(view.highlight)} partnerships highlighted")
        else:
            timeline.clear_highlight()
        first, last = timeline.view.data_range()
        first = view.first if view.first is not None else first
        last = view.last if view.last is not None else last
        timeline.view.show_years(first, last + 1)


def _presentation_look(panel: TimelinePanel) -> None:
    """Only the timeline and its caption: no toolbar, filters or buttons on a projector."""
    outer = panel.layout()
    first = outer.itemAt(0) if outer is not None else None
    top = first.layout() if first is not None else None
    if top is not None:
        for index in range(top.count()):
            item = top.itemAt(index)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()
    panel.filter_bar.hide()
    panel.clear_highlight_button.hide()
    panel.count_label.hide()


def scale_font(widget: QWidget, scale: float) -> None:
    """The application's font, `scale` times larger, for `widget` and all it holds. A
    style sheet, because the app's own style sheet would keep the children's fonts from
    following a plain setFont."""
    size = QFont().pointSizeF() * scale
    widget.setStyleSheet(f"QWidget {{ font-size: {size:.1f}pt; }}")
