"""Bookmarks: adding, renaming, removing, merging a pack's, and their document."""

from __future__ import annotations

import pytest

from explorer.core.classroom import bookmarks as marks
from explorer.core.classroom.documents import DocumentError
from explorer.core.search import Filters

NOW = "2026-12-04T10:00:00"
VIEW = marks.TimelineState(
    1990.0,
    2010.5,
    "partner",
    Filters(
        type=frozenset({"public-private"}), decade=frozenset({2000}), partner=frozenset({"esa"})
    ),
    "crew",
    as_list=False,
    highlighted=("iss",),
)


def mark(target: str = "lesson:why-partner", title: str = "Why partner?", **kw):
    return marks.Bookmark.new(target, title, kw.pop("created", NOW), kw.pop("view", None))


def test_a_place_is_bookmarked_once():
    one = marks.add(marks.Bookmarks(), mark())
    again = marks.add(one, mark(title="Other title", created="2026-12-05T09:00:00"))
    assert again is one
    timeline = marks.add(one, mark("timeline", "A view", view=VIEW))
    other_view = marks.add(
        timeline, mark("timeline", "B", view=marks.TimelineState(1960, 1970), created="x")
    )
    assert [m.title for m in other_view.items] == ["Why partner?", "A view", "B"]


def test_rename_and_remove():
    first, second = mark(), mark("partnership:iss", "ISS")
    kept = marks.add(marks.add(marks.Bookmarks(), first), second)
    renamed = marks.rename(kept, second.id, "  The   station ")
    assert [m.title for m in renamed.items] == ["Why partner?", "The station"]
    assert marks.rename(renamed, second.id, "   ") == renamed  # an empty title is refused
    assert [m.id for m in marks.remove(renamed, first.id).items] == [second.id]


def test_merging_a_packs_bookmarks_adds_only_new_places():
    mine = marks.add(marks.Bookmarks(), mark())
    theirs = [
        mark(created="other"),
        mark("topic:cost-sharing", "Costs"),
        mark("timeline", "V", view=VIEW),
    ]
    merged, added = marks.merge(mine, theirs)
    assert added == 2 and [m.target for m in merged.items] == [
        "lesson:why-partner",
        "topic:cost-sharing",
        "timeline",
    ]


def test_the_document_reads_back_the_same():
    kept = marks.Bookmarks((mark(), mark("timeline", "View", view=VIEW), mark("topic:", "All")))
    document = marks.bookmarks_document(kept)
    assert document["bookmarks"][1]["timeline"]["filters"]["decade"] == [2000]
    assert marks.bookmarks_from_document(document) == kept


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        ("lesson:x", "must be an object"),
        ({"title": "X", "target": "nowhere:x"}, "not a page of the app"),
        ({"title": "X", "target": "lesson:"}, "names no lesson"),
        ({"title": " ", "target": "lesson:x"}, "no title"),
        ({"title": "X", "target": "timeline", "timeline": {"first": 2000, "last": 1990}}, "before"),
        (
            {
                "title": "X",
                "target": "timeline",
                "timeline": {"first": 1, "last": 2, "group_by": "x"},
            },
            "group_by 'x'",
        ),
        (
            {
                "title": "X",
                "target": "timeline",
                "timeline": {"first": 1, "last": 2, "filters": {"type": ["friendly"]}},
            },
            "'friendly' is not known",
        ),
        ({"title": "X", "target": "timeline", "timeline": {"last": 2}}, "bookmark 1"),
    ],
)
def test_a_bad_bookmark_says_what_is_wrong(entry, message):
    with pytest.raises(DocumentError, match=message):
        marks.bookmarks_from_entries([entry])


@pytest.mark.parametrize(
    ("state", "text"),
    [
        (marks.TimelineState(1990.2, 2010.6), "1990–2011 · grouped by type"),
        (
            VIEW,
            "1990–2010 · public-private · 2000s · with esa · “crew” · grouped by partner"
            " · 1 highlighted",
        ),
        (marks.TimelineState(1957, 1975, as_list=True), "1957–1975 · grouped by type · as a list"),
    ],
)
def test_a_timeline_view_is_described_in_words(state, text):
    assert marks.describe(state) == text
