"""Where the reader is, and where they have been: locations and a back/forward history.

Plain Python (no Qt), so the rules are tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the kinds of place the window can show
PAGE_KINDS = ("lesson", "partnership", "topic", "glossary", "compare", "partner")
#: views that are not pages of the read view: the timeline and the partner network
VIEW_KINDS = ("timeline", "partners")
KINDS = (*PAGE_KINDS, *VIEW_KINDS)


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the app: a page (kind and slug) or the timeline."""

    kind: str
    slug: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.slug}" if self.slug or self.kind not in VIEW_KINDS else self.kind

    @classmethod
    def parse(cls, text: str) -> Location | None:
        """'lesson:why-partner' -> Location; 'timeline', 'partners' and 'topic:' (all
        topics) too.

        None when the text is not a location this app knows.
        """
        kind, colon, slug = text.strip().partition(":")
        if kind in VIEW_KINDS and not slug:
            return cls(kind)
        if kind not in PAGE_KINDS or not colon:
            return None
        if not slug and kind != "topic":
            return None
        return cls(kind, slug)


@dataclass(slots=True)
class Entry:
    location: Location
    scroll: int = 0


class History:
    """Browser-style history: visiting a new place drops everything after the current one."""

    LIMIT = 200

    def __init__(self) -> None:
        self._entries: list[Entry] = []
        self._index = -1

    @property
    def current(self) -> Entry | None:
        return self._entries[self._index] if self._index >= 0 else None

    def visit(self, location: Location, scroll: int = 0) -> None:
        """Go to a new place; visiting the current place again only updates it."""
        if self.current is not None and self.current.location == location:
            self.current.scroll = scroll
            return
        del self._entries[self._index + 1 :]
        self._entries.append(Entry(location, scroll))
        if len(self._entries) > self.LIMIT:
            del self._entries[0]
        self._index = len(self._entries) - 1

    def replace(self, location: Location, scroll: int = 0) -> None:
        """Change the current entry (a page that redraws itself, such as a new sort order)."""
        if self.current is None:
            self.visit(location, scroll)
        else:
            self._entries[self._index] = Entry(location, scroll)

    def remember_scroll(self, scroll: int) -> None:
        if self.current is not None:
            self.current.scroll = scroll

    def can_go(self, step: int) -> bool:
        return 0 <= self._index + step < len(self._entries)

    def go(self, step: int) -> Entry | None:
        """Move back (-1) or forward (+1); None when there is nowhere to go."""
        if not self.can_go(step):
            return None
        self._index += step
        return self._entries[self._index]

    def last_of(self, kinds: tuple[str, ...]) -> Location | None:
        """The most recent place of one of `kinds`, looking back from the current entry."""
        for entry in reversed(self._entries[: self._index + 1]):
            if entry.location.kind in kinds:
                return entry.location
        return None
