"""The back/forward history of locations (plain Python)."""

from __future__ import annotations

from explorer.core.location import Location
from explorer.ui.navigation import History

A, B, C = Location("lesson", "a"), Location("lesson", "b"), Location("partnership", "c")


def test_back_and_forward_remember_scroll_positions():
    history = History()
    history.visit(A)
    history.remember_scroll(120)
    history.visit(B)
    assert history.go(-1).scroll == 120
    assert history.can_go(1) and not history.can_go(-1)
    assert history.go(1).location == B


def test_visiting_after_going_back_drops_the_forward_entries():
    history = History()
    for location in (A, B, C):
        history.visit(location)
    history.go(-1)
    history.go(-1)
    history.visit(C)
    assert not history.can_go(1)
    assert history.go(-1).location == A


def test_visiting_the_same_place_twice_is_one_entry():
    history = History()
    history.visit(A)
    history.visit(A)
    assert not history.can_go(-1)


def test_replace_changes_the_current_entry_only():
    history = History()
    history.visit(A)
    history.visit(B)
    history.replace(C)
    assert history.current.location == C
    assert history.go(-1).location == A


def test_last_of_finds_the_latest_page_behind_the_timeline():
    history = History()
    history.visit(A)
    history.visit(Location("timeline"))
    assert history.last_of(("lesson",)) == A


def test_history_is_bounded():
    history = History()
    for n in range(History.LIMIT + 20):
        history.visit(Location("lesson", str(n)))
    steps = 0
    while history.go(-1):
        steps += 1
    assert steps == History.LIMIT - 1
