"""The partnerships chosen for comparing, while the reader picks them one by one."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QObject, Signal

from explorer.core.compare import Choice, choose, without


class CompareBasket(QObject):
    #: the partnerships chosen changed: a tuple of slugs, in the order chosen
    changed = Signal(tuple)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._slugs: tuple[str, ...] = ()

    @property
    def slugs(self) -> tuple[str, ...]:
        return self._slugs

    def choose(self, slug: str) -> Choice:
        """Add a partnership (core.compare.choose: at the end, at most four)."""
        choice = choose(self._slugs, slug)
        self._set(choice.slugs)
        return choice

    def remove(self, slug: str) -> None:
        self._set(without(self._slugs, slug))

    def set_slugs(self, slugs: Iterable[str]) -> None:
        """Take these as the chosen ones (the compare page shown is what is chosen)."""
        self._set(tuple(dict.fromkeys(slugs)))

    def clear(self) -> None:
        self._set(())

    def _set(self, slugs: tuple[str, ...]) -> None:
        if slugs != self._slugs:
            self._slugs = slugs
            self.changed.emit(slugs)
