"""The main window: the lesson library beside the article view."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from explorer.core.lessons import cited_partnerships
from explorer.core.models import SECTION_TITLES, SECTIONS
from explorer.core.pages import glossary_page, lesson_page, partnership_page
from explorer.core.render import MarkdownRenderer
from explorer.store.catalog import Catalog
from explorer.ui.article.view import ArticleView

SLUG_ROLE = Qt.ItemDataRole.UserRole


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog, style_sheet: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.renderer = MarkdownRenderer()
        self.history: list[tuple[str, str]] = []
        self.position = -1
        self.setWindowTitle("Space Partnerships Explorer")
        self.library = QTreeWidget()
        self.library.setHeaderHidden(True)
        self.library.setAccessibleName("Lesson library")
        self.article = ArticleView(style_sheet)
        splitter = QSplitter()
        splitter.addWidget(self.library)
        splitter.addWidget(self.article)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 900])
        self.setCentralWidget(splitter)
        self._build_toolbar()
        self._fill_library()
        self.library.currentItemChanged.connect(self._on_library_current_item_changed)
        self.article.target_requested.connect(self._on_article_target_requested)
        self.resize(1200, 800)

    def _build_toolbar(self) -> None:
        bar = QToolBar("Navigation")
        bar.setObjectName("navigation")
        self.back_action = QAction("Back", self, shortcut=QKeySequence.StandardKey.Back)
        self.forward_action = QAction("Forward", self,
                                      shortcut=QKeySequence.StandardKey.Forward)
        self.back_action.triggered.connect(lambda: self._step(-1))
        self.forward_action.triggered.connect(lambda: self._step(1))
        bar.addAction(self.back_action)
        bar.addAction(self.forward_action)
        self.addToolBar(bar)
        self._update_actions()

    def _fill_library(self) -> None:
        self.library.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for section in SECTIONS:
            item = QTreeWidgetItem([SECTION_TITLES[section]])
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            groups[section] = item
        for lesson in self.catalog.library.lessons:
            title = lesson.title + ("  ✎" if lesson.origin == "teacher" else "")
            child = QTreeWidgetItem(groups[lesson.section], [title])
            child.setData(0, SLUG_ROLE, lesson.slug)
            child.setToolTip(0, lesson.summary)
        for item in groups.values():
            if item.childCount():
                self.library.addTopLevelItem(item)
        self.library.expandAll()

    def show_target(self, kind: str, slug: str, *, record: bool = True) -> bool:
        html = self._page(kind, slug)
        if html is None:
            QMessageBox.information(self, "Not found", f"There is no {kind} called '{slug}'.")
            return False
        self.article.show_html(html)
        if record:
            del self.history[self.position + 1 :]
            self.history.append((kind, slug))
            self.position = len(self.history) - 1
        self._select_in_library(kind, slug)
        self._update_actions()
        return True

    def current_target(self) -> tuple[str, str] | None:
        return self.history[self.position] if self.position >= 0 else None

    def _page(self, kind: str, slug: str) -> str | None:
        library = self.catalog.library
        if kind == "lesson" and (lesson := library.get(slug)):
            cited = self.catalog.partnerships.many(cited_partnerships(lesson))
            html, _ = lesson_page(lesson, self.renderer, cited, library.neighbours(slug))
            return html
        if kind == "partnership" and (p := self.catalog.partnerships.get(slug)):
            return partnership_page(p, library.citing(slug), library.teaching)
        if kind == "glossary" and (entry := self.catalog.glossary.get(slug)):
            return glossary_page(entry, self.catalog.glossary)
        return None

    def _select_in_library(self, kind: str, slug: str) -> None:
        self.library.blockSignals(True)
        self.library.setCurrentItem(None)
        if kind == "lesson":
            for item in self._lesson_items():
                if item.data(0, SLUG_ROLE) == slug:
                    self.library.setCurrentItem(item)
        self.library.blockSignals(False)

    def _lesson_items(self) -> list[QTreeWidgetItem]:
        top = [self.library.topLevelItem(i) for i in range(self.library.topLevelItemCount())]
        return [group.child(i) for group in top for i in range(group.childCount())]

    def _step(self, delta: int) -> None:
        target = self.position + delta
        if 0 <= target < len(self.history):
            self.position = target
            self.show_target(*self.history[target], record=False)

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self.position > 0)
        self.forward_action.setEnabled(self.position < len(self.history) - 1)

    def _on_library_current_item_changed(self, item: QTreeWidgetItem | None) -> None:
        if item is not None and (slug := item.data(0, SLUG_ROLE)):
            self.show_target("lesson", slug)

    def _on_article_target_requested(self, kind: str, slug: str) -> None:
        self.show_target(kind, slug)
