"""What a store operation changed: one value that every view reads to refresh itself.

Store operations return it; the window broadcasts it (one signal) and each view refreshes
only what concerns it, and only when it is visible (as Anki's OpChanges does).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Changes:
    #: slugs of partnerships added, changed or removed
    partnerships: frozenset[str] = frozenset()
    #: the partner registry changed (names, new or removed partners)
    partners: bool = False
    #: lesson files were added, changed or removed
    lessons: bool = False
    #: another process changed the database: anything may have changed
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(
            self.partnerships | other.partnerships,
            self.partners or other.partners,
            self.lessons or other.lessons,
            self.everything or other.everything,
        )

    def __bool__(self) -> bool:
        return bool(self.partnerships or self.partners or self.lessons or self.everything)

    @property
    def catalog(self) -> bool:
        """Partnership data (records or partners) may have changed."""
        return bool(self.partnerships or self.partners or self.everything)


NOTHING = Changes()
EVERYTHING = Changes(everything=True)
