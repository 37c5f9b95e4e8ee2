"""What a content pack would bring: its items, each with a status and a default choice.

(explorer.store.pack_import reads a pack into a PackPlan and imports it.)
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core.changes import NOTHING, Changes
from explorer.core.classroom.bookmarks import Bookmark
from explorer.core.models import Partner, Partnership, Problem
from explorer.store.packs import InstalledPack

IMPORTABLE = ("new", "changed", "conflict", "removed")


@dataclass(frozen=True, slots=True)
class PackItem:
    kind: str  # "partnership", "lesson", "image", "trail" or "bookmark"
    key: str  # a slug, or an image's path under the lessons folder
    title: str
    #: "new", "changed", "conflict", "unchanged", "invalid", or "removed" (in the version
    #: installed before, no longer in this one)
    status: str
    reason: str  # one sentence for the preview
    problems: tuple[Problem, ...] = ()
    #: for a lesson this version changes: a unified diff from what is here to the new text
    diff: str = ""

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"

    @property
    def default(self) -> bool:
        """Imported unless the teacher says otherwise."""
        return self.status in ("new", "changed", "removed")


@dataclass(frozen=True, slots=True)
class PackPlan:
    source: Path
    title: str
    items: tuple[PackItem, ...]
    records: Mapping[str, Partnership] = field(default_factory=dict)
    partners: tuple[Partner, ...] = ()  # partners of the pack this catalog lacks
    files: Mapping[str, tuple[Path, bytes]] = field(default_factory=dict)  # id -> target
    name: str = ""  # what identifies the pack across its versions
    version: str = ""
    author: str = ""
    #: the version of this pack installed now, which this one replaces
    previous: InstalledPack | None = None
    bookmarks: Mapping[str, Bookmark] = field(default_factory=dict)  # explorer.store.pack_bookmarks

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("new", "changed", "conflict", "unchanged", "invalid", "removed"), 0)
        for item in self.items:
            counts[item.status] += 1
        return counts


@dataclass(frozen=True, slots=True)
class PackResult:
    partnerships: int
    lessons: int
    images: int
    skipped: int  # importable items left out by choice
    changes: Changes = NOTHING
    trails: int = 0
    bookmarks: int = 0
