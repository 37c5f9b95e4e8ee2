"""Compare in the window: choosing partnerships (menus, page links, the Go menu) and
opening the compare page once two are chosen; the compare page shown is what is chosen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction

from explorer.core.compare import MIN_COMPARED, compare_slugs, compare_target, without
from explorer.core.location import Location
from explorer.ui.compare.basket import CompareBasket
from explorer.ui.compare.menus import PartnershipMenus
from explorer.ui.search.model import KIND_ROLE, SLUG_ROLE

if TYPE_CHECKING:
    from explorer.ui.main_window import MainWindow
    from explorer.ui.read_view import ReadView
    from explorer.ui.timeline.panel import TimelinePanel

MESSAGE_MS = 8000


class CompareActions(QObject):
    def __init__(self, window: MainWindow, name_of: Callable[[str], str]) -> None:
        super().__init__(window)
        self.window = window
        self.name_of = name_of
        self.basket = CompareBasket(self)
        self.menus = PartnershipMenus(self.basket, name_of, self)
        self.add_current = QAction("Add Partnership to Co&mparison", window)
        self.add_current.setStatusTip("Choose the partnership shown to compare with others")
        self.open_comparison = QAction("Open Co&mparison", window)
        self.clear_comparison = QAction("Clear Comparison", window)
        self.add_current.triggered.connect(self._on_add_current_triggered)
        self.open_comparison.triggered.connect(self.open)
        self.clear_comparison.triggered.connect(self.basket.clear)
        self.menus.compare_requested.connect(self.compare)
        self.menus.open_requested.connect(lambda slug: window.go_to(Location("partnership", slug)))
        self.basket.changed.connect(self._on_basket_changed)
        window.location_changed.connect(self._on_window_location_changed)
        self._on_basket_changed(())

    def actions(self) -> list[QAction]:
        """For the Go menu."""
        return [self.add_current, self.open_comparison, self.clear_comparison]

    # -- where Compare is offered -----------------------------------------------------------
    def watch_read_view(self, view: ReadView) -> None:
        def slug_of(index) -> str | None:  # a search result that is a partnership
            return index.data(SLUG_ROLE) if index.data(KIND_ROLE) == "partnership" else None

        self.menus.watch_list(view.search.list, slug_of)
        view.page_action_requested.connect(self._on_read_view_page_action_requested)

    def watch_timeline(self, panel: TimelinePanel) -> None:
        from explorer.ui.timeline.table import SLUG_ROLE as ROW_SLUG

        self.menus.watch_timeline(panel.view)
        self.menus.watch_list(panel.table, lambda index: index.data(ROW_SLUG))

    # -- choosing ---------------------------------------------------------------------------
    def compare(self, slug: str) -> None:
        """Choose a partnership; with two or more chosen, show them side by side."""
        choice = self.basket.choose(slug)
        if choice.ready:
            self.open()
        else:
            self.tell(
                f"{self.name_of(slug)} is chosen to compare. Choose Compare on one more "
                "partnership (in search, on the timeline or its list, or on its page)."
            )

    def open(self) -> bool:
        if len(self.basket.slugs) < MIN_COMPARED:
            self.tell("Choose at least two partnerships to compare.")
            return False
        return self.window.go_to(Location("compare", compare_target(self.basket.slugs)))

    def tell(self, text: str) -> None:
        self.window.statusBar().showMessage(text, MESSAGE_MS)

    # -- slots ----------------------------------------------------------------------------
    @Slot()
    def _on_add_current_triggered(self) -> None:
        here = self.window.current_location()
        if here is not None and here.kind == "partnership":
            self.compare(here.slug)

    @Slot(str, str)
    def _on_read_view_page_action_requested(self, scheme: str, value: str) -> None:
        here = self.window.current_location()
        if scheme == "compare-add":
            self.compare(value)
        elif scheme == "compare-remove" and here is not None and here.kind == "compare":
            rest = without(compare_slugs(here.slug), value)
            self.window.go_to(Location("compare", compare_target(rest)))

    @Slot(object)
    def _on_window_location_changed(self, location: Location) -> None:
        if location.kind == "compare":
            self.basket.set_slugs(compare_slugs(location.slug))
        self.add_current.setEnabled(location.kind == "partnership")

    @Slot(tuple)
    def _on_basket_changed(self, slugs: tuple[str, ...]) -> None:
        count = len(slugs)
        self.open_comparison.setText(f"Open Co&mparison ({count} chosen)")
        self.open_comparison.setEnabled(count >= MIN_COMPARED)
        self.clear_comparison.setEnabled(count > 0)
