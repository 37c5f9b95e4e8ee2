"""The timeline's filter bar: words, the type legend (which doubles as the type filter),
menus for domain, status, decade and partner with counts, and a clear button."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QMenu, QToolButton, QWidget

from explorer.core.models import DOMAINS, PARTNERSHIP_TYPES, STATUSES, topic_title
from explorer.core.search import Filters
from explorer.ui.timeline.style import TimelineStyle

MENUS = ("domain", "status", "decade", "partner")
TYPING_PAUSE_MS = 250


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawRoundedRect(0, 2, size, size - 4, 2, 2)
    painter.end()
    return QIcon(pixmap)


class FilterBar(QWidget):
    #: the user changed a filter or the words (after a pause in typing)
    filters_changed = Signal()

    def __init__(
        self, style: TimelineStyle, partners: Mapping[str, str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.partners = dict(partners)  # slug -> name
        self.text = QLineEdit()
        self.text.setPlaceholderText("Filter by words…")
        self.text.setClearButtonEnabled(True)
        self.text.setAccessibleName("Filter the timeline by words")
        self.text.setMaximumWidth(260)
        self._typing = QTimer(self, singleShot=True, interval=TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.filters_changed)
        self.text.textChanged.connect(self._on_text_text_changed)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.text)
        self.types = {kind: self._type_button(kind) for kind in PARTNERSHIP_TYPES}
        self.menus = {name: self._menu_button(name) for name in MENUS}
        for button in (*self.types.values(), *self.menus.values()):
            layout.addWidget(button)
        self.clear_button = QToolButton(text="Clear filters")
        self.clear_button.setAccessibleName("Clear all timeline filters")
        self.clear_button.clicked.connect(self._on_clear_button_clicked)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self._chosen: dict[str, set[object]] = {name: set() for name in MENUS}
        self._counts: Mapping[str, Counter[object]] = {}
        self.set_style(style)
        self.set_counts({})

    def _type_button(self, kind: str) -> QToolButton:
        button = QToolButton(checkable=True, checked=True)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(f"Show {topic_title(kind).lower()} partnerships")
        button.setToolTip(
            f"Show or hide {topic_title(kind).lower()} partnerships (the colour of their bars)"
        )
        button.toggled.connect(self._on_type_toggled)
        return button

    def _menu_button(self, name: str) -> QToolButton:
        button = QToolButton()
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(button)
        menu.aboutToShow.connect(lambda: self._fill_menu(name))
        button.setMenu(menu)
        button.setAccessibleName(f"Filter by {name}")
        return button

    # -- state ---------------------------------------------------------------------------------
    def filters(self) -> Filters:
        shown = {k for k, b in self.types.items() if b.isChecked()}
        return Filters(
            type=frozenset() if len(shown) == len(self.types) else frozenset(shown),
            domain=frozenset(str(v) for v in self._chosen["domain"]),
            status=frozenset(str(v) for v in self._chosen["status"]),
            decade=frozenset(int(str(v)) for v in self._chosen["decade"]),
            partner=frozenset(str(v) for v in self._chosen["partner"]),
        )

    def words(self) -> str:
        return self.text.text().strip()

    def set_filters(self, filters: Filters, words: str | None = None) -> None:
        """Show `filters` (and `words`) without emitting filters_changed."""
        self.blockSignals(True)
        try:
            for kind, button in self.types.items():
                button.setChecked(not filters.type or kind in filters.type)
            self._chosen = {
                "domain": set(filters.domain),
                "status": set(filters.status),
                "decade": set(filters.decade),
                "partner": set(filters.partner),
            }
            if words is not None:
                self.text.setText(words)
            self._typing.stop()
        finally:
            self.blockSignals(False)
        self._refresh_titles()

    def is_filtered(self) -> bool:
        return not self.filters().is_empty() or bool(self.words())

    def set_style(self, style: TimelineStyle) -> None:
        for kind, button in self.types.items():
            button.setIcon(swatch(style.colour(kind)))

    def set_partners(self, partners: Mapping[str, str]) -> None:
        self.partners = dict(partners)

    def set_counts(self, counts: Mapping[str, Counter[object]]) -> None:
        """Counts per filter value (core.search.facet_counts) shown beside each value."""
        self._counts = counts
        for kind, button in self.types.items():
            n = counts.get("type", Counter()).get(kind, 0)
            button.setText(f"{topic_title(kind)} {n}")
        self._refresh_titles()

    # -- menus ---------------------------------------------------------------------------------
    def _values(self, name: str) -> list[object]:
        counts = self._counts.get(name, Counter())
        if name == "domain":
            return [d for d in DOMAINS if d in counts or d in self._chosen[name]]
        if name == "status":
            return [s for s in STATUSES if s in counts or s in self._chosen[name]]
        if name == "decade":
            return sorted(set(counts) | self._chosen[name], key=lambda d: int(str(d)))
        found = set(counts) | self._chosen[name]
        return sorted(found, key=lambda p: (-counts.get(p, 0), self._label(name, p).casefold()))

    def _label(self, name: str, value: object) -> str:
        if name == "decade":
            return f"{value}s"
        if name == "partner":
            return self.partners.get(str(value), str(value))
        return topic_title(str(value))

    def _refresh_titles(self) -> None:
        for name, button in self.menus.items():
            chosen = self._chosen[name]
            title = name.capitalize()
            button.setText(f"{title} ({len(chosen)})" if chosen else title)
            button.setToolTip(f"Show only partnerships with the {name}s you tick")
        self.clear_button.setEnabled(self.is_filtered())

    def _fill_menu(self, name: str) -> None:
        """Build a menu when it opens, so that it is never rebuilt while in use."""
        menu = self.menus[name].menu()
        menu.clear()
        counts = self._counts.get(name, Counter())
        for value in self._values(name):
            action = QAction(f"{self._label(name, value)}  ({counts.get(value, 0)})", menu)
            action.setCheckable(True)
            action.setChecked(value in self._chosen[name])
            action.toggled.connect(
                lambda on, n=name, v=value: self._on_menu_action_toggled(n, v, on)
            )
            menu.addAction(action)

    # -- slots -----------------------------------------------------------------------------------
    def _on_text_text_changed(self, _text: str) -> None:
        self._typing.start()
        self.clear_button.setEnabled(True)

    def _on_type_toggled(self, _checked: bool) -> None:
        if not any(b.isChecked() for b in self.types.values()):
            sender = self.sender()
            if isinstance(sender, QToolButton):  # at least one type stays shown
                sender.blockSignals(True)
                sender.setChecked(True)
                sender.blockSignals(False)
            return
        self.clear_button.setEnabled(self.is_filtered())
        self.filters_changed.emit()

    def _on_menu_action_toggled(self, name: str, value: object, on: bool) -> None:
        (self._chosen[name].add if on else self._chosen[name].discard)(value)
        self._refresh_titles()
        self.filters_changed.emit()

    def _on_clear_button_clicked(self) -> None:
        self.set_filters(Filters(), "")
        self.filters_changed.emit()
