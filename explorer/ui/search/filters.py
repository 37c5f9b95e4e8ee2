"""Filter buttons: each opens a menu of values with how many partnerships each would show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QLineEdit,
    QMenu,
    QSizePolicy,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from explorer.ui.widgets import text_field

#: most values a long filter (partners) lists before the reader types to narrow it
LONG_LIST = 25


class StayOpenMenu(QMenu):
    """A menu of check boxes that stays open while the reader ticks several of them."""

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        action = self.activeAction()
        if action is not None and action.isCheckable() and action.isEnabled():
            action.trigger()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        action = self.activeAction()
        if (
            event.key() == Qt.Key.Key_Space
            and action is not None
            and action.isCheckable()
            and action.isEnabled()
        ):
            action.trigger()
            return
        super().keyPressEvent(event)


class FacetButton(QToolButton):
    #: the reader ticked or unticked a value of this filter
    selection_changed = Signal()
    #: the menu is opening: its counts must be up to date now
    counts_requested = Signal()

    def __init__(
        self,
        facet: str,
        title: str,
        label: Callable[[object], str],
        order: Sequence[object] = (),
        searchable: bool = False,
        every_value: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        """`order` lists known values in the order shown; with `every_value` they are all
        listed, greyed out at 0, else only the values some partnership has."""
        super().__init__(parent)
        self.facet = facet
        self.title = title
        self._label = label
        self._order = list(order)
        self._every_value = every_value
        self._counts: Counter[object] = Counter()
        self._selected: set[object] = set()
        self._actions: dict[object, QAction] = {}
        self._items: list[QAction] = []  # everything in the menu but the find field
        self.setProperty("facet", "true")
        self.setAccessibleName(f"Filter by {title.lower()}")
        self.setToolTip(f"Show only partnerships with this {title.lower()}")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(60)
        self.menu_ = StayOpenMenu(self)
        self.menu_.setAccessibleName(f"{title} filter")
        self.menu_.aboutToShow.connect(self._on_menu_about_to_show)
        self.setMenu(self.menu_)
        self.narrow: QLineEdit | None = None
        if searchable:
            self.narrow = text_field(
                "", f"Type to find a {title.lower()}", f"Find a {title.lower()}"
            )
            self.narrow.textChanged.connect(self._on_narrow_text_changed)
            holder = QWidgetAction(self)
            holder.setDefaultWidget(self.narrow)
            self.menu_.addAction(holder)
        self._update_text()

    # -- state --------------------------------------------------------------------------
    def selected(self) -> frozenset[object]:
        return frozenset(self._selected)

    def set_selected(self, values: Sequence[object]) -> None:
        self._selected = set(values)
        self._sync_checks()
        self._update_text()

    def clear(self) -> None:
        self.set_selected(())

    def set_counts(self, counts: Counter[object]) -> None:
        """New counts (after the search text or another filter changed)."""
        self._counts = counts
        for value, action in self._actions.items():
            action.setText(self._action_text(value))
            action.setEnabled(counts.get(value, 0) > 0 or value in self._selected)

    def describe(self) -> str:
        """'Type: Bilateral, Multilateral' (the chosen values)."""
        chosen = sorted(self._labels())
        return f"{self.title}: {', '.join(chosen)}" if chosen else ""

    def chosen_labels(self) -> list[str]:
        return sorted(self._labels())

    def _labels(self) -> list[str]:
        return [self._label(v) for v in self._selected]

    def count_of(self, value: object) -> int:
        return self._counts.get(value, 0)

    def action_for(self, value: object) -> QAction | None:
        """The menu entry of a value (the menu is filled when it opens)."""
        if not self._actions:
            self._fill_menu()
        return self._actions.get(value)

    # -- menu -----------------------------------------------------------------------------
    def _values(self) -> list[object]:
        present = set(self._counts) | self._selected
        known = [v for v in self._order if v in present or self._every_value]
        rest = sorted(
            present - set(known), key=lambda v: (-self._counts.get(v, 0), self._label(v).casefold())
        )
        return known + rest

    def _fill_menu(self) -> None:
        for item in self._items:
            self.menu_.removeAction(item)
            item.deleteLater()
        self._items = []
        self._actions = {}
        text = self.narrow.text().casefold() if self.narrow is not None else ""
        values = [v for v in self._values() if text in self._label(v).casefold()]
        if self.narrow is not None and not text:
            values = [v for v in values if v in self._selected] + [
                v for v in values if v not in self._selected
            ][:LONG_LIST]
        for value in values:
            action = QAction(self._action_text(value), self.menu_)
            action.setCheckable(True)
            action.setChecked(value in self._selected)
            action.setEnabled(self._counts.get(value, 0) > 0 or value in self._selected)
            action.toggled.connect(lambda on, v=value: self._on_value_toggled(v, on))
            self._actions[value] = action
            self._items.append(action)
        if not values:
            empty = QAction("Nothing to choose", self.menu_)
            empty.setEnabled(False)
            self._items.append(empty)
        if self._selected:
            self._items.append(QAction(self.menu_))
            self._items[-1].setSeparator(True)
            clear = QAction(f"Any {self.title.lower()}", self.menu_)
            clear.triggered.connect(self._on_clear_triggered)
            self._items.append(clear)
        self.menu_.addActions(self._items)

    def _action_text(self, value: object) -> str:
        return f"{self._label(value)}\t{self._counts.get(value, 0)}"

    def _sync_checks(self) -> None:
        for value, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(value in self._selected)
            action.blockSignals(False)

    def _update_text(self) -> None:
        chosen = sorted(self._labels())
        self.setText(f"{self.title} · {len(chosen)}" if chosen else self.title)
        self.setToolTip(
            f"{self.title}: {', '.join(chosen)}"
            if chosen
            else f"Show only partnerships with this {self.title.lower()}"
        )
        self.setAccessibleDescription(", ".join(chosen) or f"any {self.title.lower()}")
        self.setProperty("active", "true" if chosen else "false")
        self.style().unpolish(self)
        self.style().polish(self)

    # -- slots ----------------------------------------------------------------------------
    @Slot()
    def _on_menu_about_to_show(self) -> None:
        self.counts_requested.emit()
        self._fill_menu()
        if self.narrow is not None:
            self.narrow.setFocus()

    @Slot(str)
    def _on_narrow_text_changed(self, _text: str) -> None:
        self._fill_menu()
        if self.narrow is not None:
            self.narrow.setFocus()

    def _on_value_toggled(self, value: object, on: bool) -> None:
        if on:
            self._selected.add(value)
        else:
            self._selected.discard(value)
        self._update_text()
        self.selection_changed.emit()

    @Slot()
    def _on_clear_triggered(self) -> None:
        self.clear()
        self.selection_changed.emit()
