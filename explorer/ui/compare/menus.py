"""The partnership menu: right-click (or the menu key) on a partnership in the search
results, on the timeline or in its list gives Open, Compare and the partnerships chosen so
far. The widgets are watched from outside, so they need not know about comparing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QPointF, Signal
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtWidgets import QAbstractItemView, QGraphicsView, QMenu, QWidget

from explorer.core.compare import MAX_COMPARED
from explorer.ui.compare.basket import CompareBasket

if TYPE_CHECKING:  # the timeline is built after the window's first paint: not imported here
    from explorer.ui.timeline.view import TimelineView

#: the partnership at a point of the widget, or (None) the current one
SlugAt = Callable[["QPoint | None"], "str | None"]


class PartnershipMenus(QObject):
    #: the reader chose Compare on a partnership: its slug
    compare_requested = Signal(str)
    #: the reader chose Open on a partnership: its slug
    open_requested = Signal(str)

    def __init__(
        self, basket: CompareBasket, name_of: Callable[[str], str], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.basket = basket
        self.name_of = name_of
        self._sources: dict[QObject, SlugAt] = {}

    # -- which widgets ----------------------------------------------------------------------
    def watch_list(
        self, view: QAbstractItemView, slug_of: Callable[[QModelIndex], str | None]
    ) -> None:
        """An item view whose rows are partnerships where `slug_of` gives a slug."""

        def at(pos: QPoint | None) -> str | None:
            index = view.indexAt(pos) if pos is not None else view.currentIndex()
            return slug_of(index) if index.isValid() else None

        self._watch(view, at)

    def watch_timeline(self, view: TimelineView) -> None:
        def at(pos: QPoint | None) -> str | None:
            if pos is None:
                return view.selected  # the menu key: the selected partnership
            hit = view.hit_at(QPointF(pos))
            return hit.entry.slug if hit is not None and hit.entry is not None else None

        self._watch(view, at)

    def _watch(self, view: QAbstractItemView | QGraphicsView, at: SlugAt) -> None:
        """Context menu events reach the viewport from the mouse, the view itself from the
        keyboard (the menu key, Shift+F10): both are watched."""
        self._sources[view] = at
        self._sources[view.viewport()] = at
        view.installEventFilter(self)
        view.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.ContextMenu or watched not in self._sources:
            return False
        assert isinstance(event, QContextMenuEvent) and isinstance(watched, QWidget)
        keyboard = event.reason() == QContextMenuEvent.Reason.Keyboard
        slug = self._sources[watched](None if keyboard else event.pos())
        if slug:
            where = event.globalPos() if not keyboard else watched.mapToGlobal(QPoint(24, 24))
            self.show_menu(self.menu_for(slug, watched), where)
        return True

    # -- the menu ------------------------------------------------------------------------------
    def menu_for(self, slug: str, parent: QWidget) -> QMenu:
        """Open, Compare and, when some are chosen, what is chosen so far."""
        menu = QMenu(parent)
        menu.setAccessibleName(f"Actions for {self.name_of(slug)}")
        opened = menu.addAction("Open")
        opened.triggered.connect(lambda: self.open_requested.emit(slug))
        compare = menu.addAction(self._compare_text(slug))
        compare.setObjectName("compare")
        compare.setEnabled(slug not in self.basket.slugs)
        compare.triggered.connect(lambda: self.compare_requested.emit(slug))
        chosen = self.basket.slugs
        if chosen:
            menu.addSeparator()
            names = ", ".join(self.name_of(s) for s in chosen)
            note = QAction(f"Chosen to compare: {names}", menu)
            note.setEnabled(False)
            menu.addAction(note)
        return menu

    def _compare_text(self, slug: str) -> str:
        chosen = self.basket.slugs
        if slug in chosen:
            return "Compare (already chosen)"
        if len(chosen) >= MAX_COMPARED:
            return f"Compare (replaces the first of {MAX_COMPARED})"
        return "Compare" if chosen else "Compare (then choose another)"

    def show_menu(self, menu: QMenu, where: QPoint) -> None:
        """Open the menu at a screen point, until the reader chooses or leaves it."""
        menu.exec(where)
