"""A place in the app: a page (kind and slug) or a view (the timeline, the partner network).

Plain Python: the window, its widgets, deep links on the command line and the page
builder all name a place with one `Location`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the kinds of page the read view can show
PAGE_KINDS = ("lesson", "partnership", "topic", "glossary", "progress", "compare", "partner")
#: pages that need no slug: all topics, my progress
WHOLE_PAGES = ("topic", "progress")
#: views that are not pages of the read view: the timeline and the partner network
VIEW_KINDS = ("timeline", "partners")
#: a trail is followed (its steps are places), not shown as a page of its own
KINDS = (*PAGE_KINDS, *VIEW_KINDS, "trail")


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the app: a page (kind and slug) or a view."""

    kind: str
    slug: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.slug}" if self.slug or self.kind not in VIEW_KINDS else self.kind

    @classmethod
    def parse(cls, text: str) -> Location | None:
        """'lesson:why-partner' -> Location; 'timeline', 'partners', 'topic:' (all
        topics), 'progress:' (my progress) and 'trail:SLUG' (a reading trail to follow)
        too.

        None when the text is not a location this app knows.
        """
        kind, colon, slug = text.strip().partition(":")
        if kind in VIEW_KINDS and not slug:
            return cls(kind)
        if kind == "trail" and colon and slug:
            return cls("trail", slug)
        if kind not in PAGE_KINDS or not colon:
            return None
        if not slug and kind not in WHOLE_PAGES:
            return None
        return cls(kind, slug)
