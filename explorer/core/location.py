"""A place in the app: a page (kind and slug) or the timeline.

Plain Python: the window, its widgets, deep links on the command line and the page
builder all name a place with one `Location`.
"""

from __future__ import annotations

from dataclasses import dataclass

#: the kinds of place the window can show
PAGE_KINDS = ("lesson", "partnership", "topic", "glossary")
KINDS = (*PAGE_KINDS, "timeline")


@dataclass(frozen=True, slots=True)
class Location:
    """A place in the app: a page (kind and slug) or the timeline."""

    kind: str
    slug: str = ""

    def __str__(self) -> str:
        return f"{self.kind}:{self.slug}" if self.slug or self.kind != "timeline" else "timeline"

    @classmethod
    def parse(cls, text: str) -> Location | None:
        """'lesson:why-partner' -> Location; 'timeline' and 'topic:' (all topics) too.

        None when the text is not a location this app knows.
        """
        kind, colon, slug = text.strip().partition(":")
        if kind == "timeline" and not slug:
            return cls("timeline")
        if kind not in PAGE_KINDS or not colon:
            return None
        if not slug and kind != "topic":
            return None
        return cls(kind, slug)
