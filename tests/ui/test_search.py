"""Search as you type, from the keyboard, with filters and their counts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer

from explorer.core.location import Location
from explorer.core.models import SearchHit
from explorer.ui.search.model import SearchResultsModel, build_rows

# popup menus on the offscreen platform: harmless platform notices
pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "grabbing the keyboard"
)


def kinds(panel):
    return [panel.model.row_at(panel.model.index(r)).kind for r in range(panel.model.rowCount())]


def titles(panel, kind):
    rows = [panel.model.row_at(panel.model.index(r)) for r in range(panel.model.rowCount())]
    return [row.title for row in rows if row.kind == kind]


def focus_search(qtbot, window):
    qtbot.keyClick(window.read_view.article, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    return window.read_view.search


def choose_in_menu(qtbot, button, value):
    """Open a filter button's menu with a real click and click one of its entries."""

    def click_entry():
        menu = button.menu_
        action = button.action_for(value)
        qtbot.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
        menu.close()

    with qtbot.wait_signal(button.selection_changed):
        QTimer.singleShot(50, click_entry)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_ctrl_k_focuses_search_and_shows_suggestions(qtbot, window):
    panel = focus_search(qtbot, window)
    assert panel.field.hasFocus()
    assert window.read_view.sidebar_stack.currentWidget() is panel
    assert panel.pages.currentIndex() == 1  # suggestions
    suggestion = next(
        b
        for b in panel.pages.widget(1).findChildren(type(panel.clear_filters))
        if b.text() == "Apollo Soyuz"
    )
    qtbot.mouseClick(suggestion, Qt.MouseButton.LeftButton)
    assert panel.field.text() == "Apollo Soyuz"
    assert "Apollo-Soyuz Test Project (ASTP)" in titles(panel, "partnership")


def test_search_as_you_type_and_open_a_hit_with_the_keyboard(qtbot, window):
    panel = focus_search(qtbot, window)
    qtbot.keyClicks(panel.field, "apoll")
    assert kinds(panel)[:2] == ["heading", "lesson"]
    assert "Apollo-Soyuz Test Project (ASTP)" in titles(panel, "partnership")
    assert panel.list.currentIndex().row() == 1  # the first hit is chosen
    qtbot.keyClick(panel.field, Qt.Key.Key_Down)
    assert panel.field.hasFocus()  # arrows move the choice while the typing goes on
    with qtbot.wait_signal(panel.result_activated):
        qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert window.current_location() == Location("partnership", "apollo-soyuz-test-project")


def test_matched_words_are_highlighted_in_the_snippet(qtbot, window):
    panel = focus_search(qtbot, window)
    qtbot.keyClicks(panel.field, "docked")
    row = panel.model.row_at(panel.model.index(panel.model.navigable_rows()[0]))
    assert "[[docked]]" in row.snippet
    assert row.detail == "1975 · Bilateral · Human spaceflight"


def test_a_filter_changes_the_results_and_the_counts(qtbot, window):
    panel = focus_search(qtbot, window)
    with qtbot.wait_signal(panel.facets_updated):
        qtbot.keyClicks(panel.field, "nasa")
    assert set(titles(panel, "partnership")) == {
        "Apollo-Soyuz Test Project (ASTP)",
        "NASA Commercial Crew Program",
    }
    domain = panel.button("domain")
    assert domain.count_of("human-spaceflight") == 2
    with qtbot.wait_signal(panel.facets_updated):
        choose_in_menu(qtbot, panel.button("type"), "public-private")
    assert titles(panel, "partnership") == ["NASA Commercial Crew Program"]
    assert panel.button("type").text() == "Type · 1"
    assert panel.chosen.text() == "Only: Public-private"
    assert domain.count_of("human-spaceflight") == 1
    assert panel.button("type").count_of("bilateral") == 1  # what switching would show


def test_a_value_no_partnership_has_is_greyed_out(qtbot, window):
    panel = focus_search(qtbot, window)
    with qtbot.wait_signal(panel.facets_updated):
        qtbot.keyClicks(panel.field, "apollo")
    assert not panel.button("type").action_for("public-private").isEnabled()
    assert panel.button("type").action_for("bilateral").text() == "Bilateral\t1"


def test_filters_alone_browse_the_partnerships(qtbot, window):
    panel = focus_search(qtbot, window)
    with qtbot.wait_signal(panel.facets_updated):
        choose_in_menu(qtbot, panel.button("status"), "cancelled")
    assert titles(panel, "partnership") == ["ExoMars (ESA-Roscosmos)"]


def test_nothing_found_says_why_and_offers_to_clear_the_filters(qtbot, window):
    panel = focus_search(qtbot, window)
    choose_in_menu(qtbot, panel.button("type"), "public-private")
    qtbot.keyClicks(panel.field, "apollo")
    assert panel.pages.currentWidget() is panel.nothing
    assert panel.nothing_title.text() == "Nothing matches “apollo”"
    assert "Type: Public-private" in panel.nothing_text.text()
    qtbot.mouseClick(panel.nothing_clear, Qt.MouseButton.LeftButton)
    assert panel.filters().is_empty()
    assert "Apollo-Soyuz Test Project (ASTP)" in titles(panel, "partnership")


def test_nothing_found_without_filters_suggests_other_words(qtbot, window):
    panel = focus_search(qtbot, window)
    qtbot.keyClicks(panel.field, "qqqzzz")
    assert panel.pages.currentWidget() is panel.nothing
    assert "Check the spelling" in panel.nothing_text.text()
    assert not panel.nothing_clear.isVisibleTo(panel)


def test_escape_clears_then_returns_to_the_library(qtbot, window):
    panel = focus_search(qtbot, window)
    qtbot.keyClicks(panel.field, "mars")
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert panel.field.text() == ""
    qtbot.keyClick(panel.field, Qt.Key.Key_Escape)
    assert window.read_view.sidebar_stack.currentWidget() is window.read_view.library


def hit(kind, slug):
    return SearchHit(kind, slug, slug.title(), f"about [[{slug}]]")


def test_many_lessons_are_folded_above_the_partnerships():
    hits = [hit("lesson", f"l{n}") for n in range(7)] + [hit("partnership", "p")]
    rows = build_rows(hits, 1, lambda h: "")
    assert [r.kind for r in rows] == ["heading"] + ["lesson"] * 4 + [
        "expand",
        "heading",
        "partnership",
    ]
    assert rows[5].title == "Show all 7 lessons"
    assert len(build_rows(hits, 1, lambda h: "", expanded={"lesson"})) == 10


def test_a_partial_list_says_there_are_more():
    rows = build_rows([hit("partnership", "p")], 120, lambda h: "")
    assert rows[0].title == "120 partnerships"
    assert rows[-1].kind == "more" and "first 1 of 120" in rows[-1].title


def test_the_results_model_is_a_well_behaved_model(qtmodeltester):
    model = SearchResultsModel()
    model.set_rows(build_rows([hit("lesson", "a"), hit("partnership", "b")], 1, lambda h: "x"))
    qtmodeltester.check(model)
    assert model.flags(model.index(0)) == Qt.ItemFlag.NoItemFlags  # headings cannot be chosen
