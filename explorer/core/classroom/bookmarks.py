"""Bookmarks: a lesson, a partnership, a topic, a glossary entry or a view of the timeline
(its years, grouping, filters, list or timeline, highlight), kept with a title the
student can change.

    marks = add(Bookmarks(), Bookmark.new("lesson:why-partner", "Why partner?", now))
    marks = rename(marks, mark.id, "Read again")
    marks = remove(marks, mark.id)

The document (docs/classroom.md) is what `<data>/bookmarks/bookmarks.json` holds and what
a content pack carries when the teacher chooses.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from explorer.core.classroom.documents import DocumentError, version_of
from explorer.core.models import DOMAINS, PARTNERSHIP_TYPES, STATUSES, topic_title
from explorer.core.search import Filters

BOOKMARKS_FORMAT = "space-explorer-bookmarks"
BOOKMARKS_VERSION = 1
GROUPINGS = ("type", "domain", "partner")
TIMELINE = "timeline"
TITLE_LIMIT = 200


@dataclass(frozen=True, slots=True)
class TimelineState:
    """What a timeline view shows: its years, lanes, filters, and what is highlighted."""

    first: float
    last: float
    group_by: str = "type"
    filters: Filters = field(default_factory=Filters)
    words: str = ""
    as_list: bool = False
    highlighted: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Bookmark:
    id: str
    title: str
    target: str  # "lesson:SLUG", "partnership:SLUG", "topic:TAG", "glossary:SLUG", "timeline"
    created: str = ""
    timeline: TimelineState | None = None  # only for the timeline

    @classmethod
    def new(
        cls, target: str, title: str, created: str, timeline: TimelineState | None = None
    ) -> Bookmark:
        return cls(
            bookmark_id(target, timeline, created), clean_title(title), target, created, timeline
        )

    def same_place(self, other: Bookmark) -> bool:
        return self.target == other.target and self.timeline == other.timeline


@dataclass(frozen=True, slots=True)
class Bookmarks:
    items: tuple[Bookmark, ...] = ()

    def get(self, mark_id: str) -> Bookmark | None:
        return next((m for m in self.items if m.id == mark_id), None)

    def find(self, wanted: Bookmark) -> Bookmark | None:
        """The bookmark of the same place, if there is one."""
        return next((m for m in self.items if m.same_place(wanted)), None)


def bookmark_id(target: str, timeline: TimelineState | None, created: str) -> str:
    digest = hashlib.sha256(f"{target}|{timeline}|{created}".encode()).hexdigest()
    return digest[:12]


def clean_title(title: str) -> str:
    return " ".join(title.split())[:TITLE_LIMIT]


def add(marks: Bookmarks, mark: Bookmark) -> Bookmarks:
    """Add a bookmark at the end; a bookmark of the same place is not added twice."""
    if marks.find(mark) is not None or marks.get(mark.id) is not None:
        return marks
    return Bookmarks((*marks.items, mark))


def remove(marks: Bookmarks, mark_id: str) -> Bookmarks:
    return Bookmarks(tuple(m for m in marks.items if m.id != mark_id))


def rename(marks: Bookmarks, mark_id: str, title: str) -> Bookmarks:
    title = clean_title(title)
    if not title:
        return marks
    return Bookmarks(tuple(replace(m, title=title) if m.id == mark_id else m for m in marks.items))


def merge(mine: Bookmarks, theirs: Iterable[Bookmark]) -> tuple[Bookmarks, int]:
    """Add the bookmarks of places not bookmarked yet (a pack's); returns how many."""
    merged, added = mine, 0
    for mark in theirs:
        grown = add(merged, mark)
        added += grown is not merged
        merged = grown
    return merged, added


def describe(state: TimelineState) -> str:
    """'1990–2010 · public-private · grouped by partner': a view's line for the user."""
    parts = [f"{round(state.first)}–{round(state.last)}"]
    f = state.filters
    chosen = [
        *(topic_title(t).lower() for t in sorted(f.type)),
        *(d.replace("-", " ") for d in sorted(f.domain)),
        *sorted(f.status),
        *(f"{d}s" for d in sorted(f.decade)),
        *(f"with {p}" for p in sorted(f.partner)),
    ]
    if state.words:
        chosen.append(f"“{state.words}”")
    parts += chosen
    parts.append(f"grouped by {state.group_by}")
    if state.highlighted:
        parts.append(f"{len(state.highlighted)} highlighted")
    if state.as_list:
        parts.append("as a list")
    return " · ".join(parts)


# -- the document -----------------------------------------------------------------------------
def bookmark_entry(mark: Bookmark) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": mark.id,
        "title": mark.title,
        "target": mark.target,
        "created": mark.created,
    }
    if mark.timeline is not None:
        entry["timeline"] = _timeline_entry(mark.timeline)
    return entry


def _timeline_entry(state: TimelineState) -> dict[str, Any]:
    f = state.filters
    return {
        "first": round(state.first, 2),
        "last": round(state.last, 2),
        "group_by": state.group_by,
        "filters": {
            "type": sorted(f.type),
            "domain": sorted(f.domain),
            "status": sorted(f.status),
            "decade": sorted(f.decade),
            "partner": sorted(f.partner),
        },
        "words": state.words,
        "as_list": state.as_list,
        "highlighted": list(state.highlighted),
    }


def bookmarks_document(marks: Bookmarks) -> dict[str, Any]:
    return {
        "format": BOOKMARKS_FORMAT,
        "format_version": BOOKMARKS_VERSION,
        "bookmarks": [bookmark_entry(m) for m in marks.items],
    }


def bookmarks_from_document(document: Any) -> Bookmarks:
    version_of(document, BOOKMARKS_FORMAT)
    return Bookmarks(bookmarks_from_entries(document.get("bookmarks")))


def bookmarks_from_entries(entries: Any) -> tuple[Bookmark, ...]:
    """The bookmarks of a document's (or a pack manifest's) list; DocumentError if bad."""
    if entries is None:
        return ()
    if not isinstance(entries, list):
        raise DocumentError("'bookmarks' must be a list")
    found: list[Bookmark] = []
    for number, entry in enumerate(entries, start=1):
        try:
            found.append(_bookmark(entry))
        except (DocumentError, TypeError, ValueError, KeyError) as exc:
            raise DocumentError(f"bookmark {number}: {exc}") from None
    return tuple(found)


def _bookmark(entry: Any) -> Bookmark:
    if not isinstance(entry, Mapping):
        raise DocumentError("must be an object")
    target, title = entry.get("target"), entry.get("title")
    problem = target_problem(target) if isinstance(target, str) else "it has no target"
    if problem:
        raise DocumentError(problem)
    assert isinstance(target, str)
    if not isinstance(title, str) or not clean_title(title):
        raise DocumentError("it has no title")
    raw = entry.get("timeline")
    timeline = _timeline(raw) if target == TIMELINE and raw is not None else None
    created = str(entry.get("created") or "")
    mark_id = str(entry.get("id") or bookmark_id(target, timeline, created))
    return Bookmark(mark_id, clean_title(title), target, created, timeline)


def target_problem(target: str) -> str | None:
    kind, colon, slug = target.partition(":")
    if target == TIMELINE:
        return None
    if kind not in ("lesson", "partnership", "topic", "glossary") or not colon:
        return f"{target!r} is not a page of the app (lesson:, partnership:, topic:, ...)"
    if not slug and kind != "topic":
        return f"{target!r} names no {kind}"
    return None


def _timeline(raw: Any) -> TimelineState:
    if not isinstance(raw, Mapping):
        raise DocumentError("'timeline' must be an object")
    if not isinstance(raw.get("first"), int | float) or not isinstance(
        raw.get("last"), int | float
    ):
        raise DocumentError("the timeline needs its 'first' and 'last' years as numbers")
    first, last = float(raw["first"]), float(raw["last"])
    if not first < last:
        raise DocumentError("the timeline's 'first' year must come before its 'last'")
    group_by = raw.get("group_by") or "type"
    if group_by not in GROUPINGS:
        raise DocumentError(f"group_by {group_by!r} is not one of {', '.join(GROUPINGS)}")
    filters = raw.get("filters") or {}
    if not isinstance(filters, Mapping):
        raise DocumentError("'filters' must be an object")
    return TimelineState(
        first,
        last,
        str(group_by),
        _filters(filters),
        str(raw.get("words") or ""),
        bool(raw.get("as_list")),
        tuple(str(s) for s in raw.get("highlighted") or ()),
    )


def _filters(raw: Mapping[str, Any]) -> Filters:
    def chosen(key: str, allowed: Iterable[str] | None = None) -> frozenset[str]:
        values = raw.get(key) or []
        if not isinstance(values, list):
            raise DocumentError(f"filter {key!r} must be a list")
        picked = frozenset(str(v) for v in values)
        unknown = picked - set(allowed) if allowed is not None else set()
        if unknown:
            raise DocumentError(f"filter {key!r}: {sorted(unknown)[0]!r} is not known")
        return picked

    decades = raw.get("decade") or []
    if not isinstance(decades, list) or not all(isinstance(d, int) for d in decades):
        raise DocumentError("filter 'decade' must be a list of years such as 1990")
    return Filters(
        type=chosen("type", PARTNERSHIP_TYPES),
        domain=chosen("domain", DOMAINS),
        status=chosen("status", STATUSES),
        decade=frozenset(decades),
        partner=chosen("partner"),
    )
