"""The Read view: a sidebar (search field, lesson library or search results) beside the
article (lessons, partnership, topic and glossary pages) with its find bar."""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices, QFocusEvent
from PySide6.QtWidgets import QMessageBox, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from explorer.core.changes import Changes
from explorer.core.location import Location
from explorer.store.catalog import Catalog
from explorer.ui.article.builder import PageBuilder
from explorer.ui.article.find_bar import FindBar
from explorer.ui.article.view import ArticleView
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.library import LibraryTree
from explorer.ui.search.panel import SearchPanel
from explorer.ui.theme import DEFAULT_ZOOM, Theme

LIBRARY, SEARCH = 0, 1
WARM_UP_MS = 400


class ReadView(QWidget):
    #: a link, the library or a search result asked to open a page: its Location
    target_requested = Signal(object)
    #: "show on the timeline" was clicked (tuple of partnership slugs)
    timeline_requested = Signal(tuple)
    #: the page redrew itself in place, e.g. in a new sort order (navigation.Location)
    page_changed = Signal(object)
    #: a page action for others to carry out (compare-add, compare-remove, lane,
    #: network): (scheme, value)
    page_action_requested = Signal(str, str)

    def __init__(
        self,
        catalog: Catalog,
        theme: Theme,
        text_size: int = DEFAULT_ZOOM,
        parent: QWidget | None = None,
        events: CatalogEvents | None = None,
    ) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.theme = theme
        self.pages = PageBuilder(catalog)
        self.location: Location | None = None
        self.article = ArticleView(theme.article_css(text_size), text_size)
        self.article.set_scheme(theme.scheme)
        self.find_bar = FindBar(self.article, theme)
        self.library = LibraryTree(catalog.library.lessons, theme)
        names = {slug: p.name for slug, p in catalog.partnerships.partners().items()}
        self.search = SearchPanel(catalog.search, names, theme, self.pages.hit_detail)
        self.sidebar_stack = QStackedWidget()
        self.sidebar_stack.addWidget(self.library)
        self.sidebar_stack.addWidget(self.search)
        self.splitter = QSplitter()
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setHandleWidth(1)
        self.splitter.addWidget(self._sidebar())
        self.splitter.addWidget(self._reading_pane())
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        self._idle_check = QTimer(self, singleShot=True, interval=0)
        self._idle_check.timeout.connect(self._back_to_library_if_idle)
        #: builds the Markdown renderer soon after start when the first page needs none
        self._warm_up = QTimer(self, singleShot=True, interval=WARM_UP_MS)
        self._warm_up.timeout.connect(self._on_warm_up_timeout)
        self._connect()
        self._set_tab_order()
        if events is not None:
            events.catalog_changed.connect(self._on_events_catalog_changed)

    def _sidebar(self) -> QWidget:
        sidebar = QWidget(objectName="sidebar")
        sidebar.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        sidebar.setMinimumWidth(220)
        layout = QVBoxLayout(sidebar)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.setSpacing(6)
        field_row = QVBoxLayout()
        field_row.setContentsMargins(8, 0, 8, 0)
        field_row.addWidget(self.search.field)
        layout.addLayout(field_row)
        layout.addWidget(self.sidebar_stack, 1)
        self.sidebar_widget = sidebar
        return sidebar

    def _reading_pane(self) -> QWidget:
        pane = QWidget()
        layout = QVBoxLayout(pane)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.article, 1)
        layout.addWidget(self.find_bar)
        pane.setMinimumWidth(360)
        return pane

    def _set_tab_order(self) -> None:
        """Field, filters and results (while searching), library, page, find bar: hidden
        widgets are skipped, so Tab goes from the field to the library when not searching."""
        chain = [
            self.search.field,
            *self.search.buttons,
            self.search.clear_filters,
            self.search.list,
            self.library,
            self.article,
            self.find_bar.field,
        ]
        for before, after in pairwise(chain):
            self.setTabOrder(before, after)

    def _connect(self) -> None:
        self.article.target_requested.connect(self.target_requested)
        self.article.action_requested.connect(self._on_article_action_requested)
        self.library.page_chosen.connect(self.target_requested)
        self.search.result_activated.connect(self.target_requested)
        self.search.close_requested.connect(self._on_search_close_requested)
        self.search.results_changed.connect(self._on_search_results_changed)
        self.search.field.installEventFilter(self)
        self.find_bar.closed.connect(self.article.setFocus)

    # -- pages ----------------------------------------------------------------------------
    def has(self, location: Location) -> bool:
        return self.pages.has(location)

    def show_page(self, location: Location, scroll: int = 0) -> bool:
        html = self.pages.html(location)
        if html is None:
            return False
        if self.location is None and location.kind != "lesson":
            self._warm_up.start()
        self.location = location
        self.article.show_html(html, scroll)
        self.library.select(location)
        if self.find_bar.isVisible():
            self.find_bar.search_again()
        return True

    def redraw(self) -> None:
        if self.location is not None and (html := self.pages.html(self.location)):
            self.article.redraw(html)
            if self.find_bar.isVisible():
                self.find_bar.search_again()

    def title_of(self, location: Location) -> str:
        return self.pages.title(location)

    def first_lesson(self) -> Location | None:
        lessons = self.catalog.library.lessons
        return Location("lesson", lessons[0].slug) if lessons else None

    def neighbour(self, step: int) -> Location | None:
        if self.location is None or self.location.kind != "lesson":
            return None
        lesson = self.pages.neighbour(self.location.slug, step)
        return Location("lesson", lesson.slug) if lesson else None

    def scroll_position(self) -> int:
        """How far down the page the reader has scrolled (pixels)."""
        return self.article.verticalScrollBar().value()

    # -- commands (menu actions) ------------------------------------------------------------
    def focus_search(self) -> None:
        self.sidebar_stack.setCurrentIndex(SEARCH)
        self.search.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.field.selectAll()

    def open_find(self) -> None:
        self.find_bar.open()

    def find_next(self) -> None:
        self.find_bar.find_next()

    def find_previous(self) -> None:
        self.find_bar.find_previous()

    def copy(self) -> None:
        self.article.copy()

    def select_all(self) -> None:
        self.article.selectAll()

    def set_zoom(self, size: int) -> None:
        self.article.set_style(self.theme.article_css(size), size)

    def apply_theme(self) -> None:
        self.article.set_scheme(self.theme.scheme)
        self.article.set_style(
            self.theme.article_css(self.article.text_size), self.article.text_size
        )
        self.library.set_lessons(self.catalog.library.lessons)
        self.find_bar.refresh_icons()
        self.search.list.viewport().update()

    def set_sidebar_visible(self, visible: bool) -> None:
        self.sidebar_widget.setVisible(visible)

    def reload_lessons(self) -> None:
        """Read the lesson files again (File > Reload Lessons)."""
        self.catalog.reload_lessons()
        self.show_reloaded_lessons()

    def show_reloaded_lessons(self) -> None:
        """The catalog's lessons changed (reloaded here or by a folder watcher): refill the
        library and draw the open page again, or the first lesson if it is gone."""
        self.pages.forget()
        self.library.set_lessons(self.catalog.library.lessons)
        if self.location is not None and self.has(self.location):
            self.redraw()
            self.library.select(self.location)
        elif (first := self.first_lesson()) is not None:
            self.target_requested.emit(first)

    def open_lessons_folder(self) -> bool:
        """Show the teacher's lessons folder in the file manager, or say where it is."""
        folder = self.catalog.paths.teacher_lessons
        folder.mkdir(parents=True, exist_ok=True)
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            return True
        QMessageBox.information(
            self, "My lessons folder", f"Your lessons live in this folder:\n\n{folder}"
        )
        return False

    # -- slots ----------------------------------------------------------------------------
    @Slot(object)
    def _on_events_catalog_changed(self, changes: Changes) -> None:
        """Lessons changed: refill the library; partnerships changed: draw the page again
        (its facts, backlinks or topic lists may be different now)."""
        if changes.lessons or changes.everything:
            self.show_reloaded_lessons()
        elif changes.catalog and self.location is not None:
            self.pages.forget()
            if self.has(self.location):
                self.redraw()

    @Slot()
    def _on_warm_up_timeout(self) -> None:
        _ = self.pages.renderer  # about 80 ms once, so that the first lesson opens at once

    @Slot(str, str)
    def _on_article_action_requested(self, scheme: str, value: str) -> None:
        location = self.location
        if scheme == "timeline":
            slugs = tuple(s for s in value.split(",") if s)
            self.timeline_requested.emit(slugs)
        elif scheme == "quiz" and location and location.kind == "lesson":
            if self.pages.answer(location.slug, value):
                self.redraw()
        elif scheme == "reveal" and location and location.kind == "lesson":
            if self.pages.toggle_block(location.slug, value):
                self.redraw()
                self.article.focus_link(f"reveal:{value}")
        elif scheme in ("compare-add", "compare-remove", "lane", "network"):
            self.page_action_requested.emit(scheme, value)
        elif (
            scheme == "sort"
            and location
            and location.kind == "topic"
            and self.pages.set_sort(value)
        ):
            self.redraw()
            self.page_changed.emit(location)

    @Slot(int)
    def _on_search_results_changed(self, _count: int) -> None:
        if not self.search.is_idle() or self.search.field.hasFocus():
            self.sidebar_stack.setCurrentIndex(SEARCH)

    @Slot()
    def _on_search_close_requested(self) -> None:
        self.search.clear_all_filters()
        self.search.field.clear()
        self.sidebar_stack.setCurrentIndex(LIBRARY)
        self.article.setFocus()

    def _back_to_library_if_idle(self) -> None:
        focus = self.window().focusWidget()
        inside = focus is not None and (
            focus is self.search.field or self.search.isAncestorOf(focus)
        )
        if self.search.is_idle() and not inside:
            self.sidebar_stack.setCurrentIndex(LIBRARY)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search.field:
            tabbed = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason)
            if event.type() == QEvent.Type.FocusIn:
                assert isinstance(event, QFocusEvent)
                if event.reason() not in tabbed:  # passing through with Tab keeps the library
                    self.sidebar_stack.setCurrentIndex(SEARCH)
            elif event.type() == QEvent.Type.FocusOut:
                self._idle_check.start()  # once the focus has landed
        return False
