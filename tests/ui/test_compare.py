"""Compare in the window: the Compare action in the search results, on the timeline and
its list, on partnership and topic pages; the compare page; its deep link; and showing
the compared partnerships together on the timeline."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QContextMenuEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from explorer.core.location import Location
from explorer.ui.compare.menus import PartnershipMenus
from explorer.ui.search.model import KIND_ROLE, SLUG_ROLE

ASTP, EXOMARS, CREW = (
    "apollo-soyuz-test-project",
    "exomars-esa-roscosmos",
    "nasa-commercial-crew-program",
)


@pytest.fixture
def menus(monkeypatch):
    """Each partnership menu that would open: its texts; Compare is chosen in it."""
    shown: list[list[str]] = []

    def choose_compare(self: PartnershipMenus, menu: QMenu, where: object) -> None:
        shown.append([a.text() for a in menu.actions()])
        next(a for a in menu.actions() if a.objectName() == "compare").trigger()

    monkeypatch.setattr(PartnershipMenus, "show_menu", choose_compare)
    return shown


def click_href(qtbot, view, href: str) -> None:
    """Click the link to `href` in an article view, as a reader would."""
    view.focus_link(href)
    cursor = view.textCursor()
    assert cursor.hasSelection(), f"no link to {href}"
    middle = QTextCursor(cursor)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    view.setTextCursor(middle)
    view.ensureCursorVisible()
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(middle).center()
    )


def search_menu(qtbot, window, words: str, slug: str) -> None:
    search = window.read_view.search
    window.read_view.focus_search()
    search.field.clear()
    qtbot.keyClicks(search.field, words)
    model = search.list.model()

    def row():
        for r in range(model.rowCount()):
            index = model.index(r, 0)
            if index.data(KIND_ROLE) == "partnership" and index.data(SLUG_ROLE) == slug:
                return index
        return None

    qtbot.waitUntil(lambda: row() is not None)
    right_click(search.list.viewport(), search.list.visualRect(row()).center())


def right_click(widget, point) -> None:
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)


def menu_key(widget) -> None:
    point = QPoint(2, 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, point, widget.mapToGlobal(point))
    QApplication.sendEvent(widget, event)


def shown_text(window) -> str:
    return window.read_view.article.toPlainText()


def test_compare_from_two_search_results_shows_them_side_by_side(qtbot, window, menus):
    search_menu(qtbot, window, "apollo", ASTP)
    assert window.compare.basket.slugs == (ASTP,)
    assert "chosen to compare" in window.statusBar().currentMessage()
    search_menu(qtbot, window, "exomars", EXOMARS)
    assert menus[1][1] == "Compare"
    assert any("Chosen to compare: Apollo-Soyuz" in text for text in menus[1])
    assert window.current_location() == Location("compare", f"{ASTP},{EXOMARS}")
    text = shown_text(window)
    assert "2 partnerships side by side" in text
    assert "Apollo-Soyuz Test Project (ASTP)" in text and "ExoMars (ESA-Roscosmos)" in text
    assert window.windowTitle().startswith("Compare: Apollo-Soyuz Test Project (ASTP), ExoMars")


def test_compare_from_the_timeline_and_its_list(qtbot, window, menus):
    window.go_to(Location("timeline"))
    timeline = window.timeline_view
    view = timeline.view
    view.select(CREW)
    place = timeline.scene.place_of(CREW)
    rect = timeline.scene.row_rect(place)
    bar = QPointF(place.entry.start + 0.5, rect.center().y())
    right_click(view.viewport(), view.mapFromScene(bar))
    assert window.compare.basket.slugs == (CREW,)
    timeline.show_list()
    table = timeline.table
    table.select_slug(ASTP)
    table.setFocus()
    menu_key(table)  # the menu key on the current row
    assert window.current_location() == Location("compare", f"{CREW},{ASTP}")
    assert window.current_view() == "read"


def test_a_partnership_page_and_the_go_menu_add_to_the_comparison(qtbot, window):
    window.go_to(Location("partnership", ASTP))
    click_href(qtbot, window.read_view.article, f"compare-add:{ASTP}")
    assert window.compare.basket.slugs == (ASTP,)
    window.go_to(Location("partnership", CREW))
    assert window.compare.add_current.isEnabled()
    window.compare.add_current.trigger()
    assert window.current_location() == Location("compare", f"{ASTP},{CREW}")
    assert not window.compare.add_current.isEnabled()  # not on a partnership page
    assert window.compare.open_comparison.text() == "Open Co&mparison (2 chosen)"


def test_a_topic_page_offers_compare_for_each_partnership(qtbot, window):
    window.go_to(Location("topic", "cost-sharing"))
    click_href(qtbot, window.read_view.article, f"compare-add:{EXOMARS}")
    click_href(qtbot, window.read_view.article, f"compare-add:{CREW}")
    assert window.current_location() == Location("compare", f"{EXOMARS},{CREW}")


def test_the_deep_link_opens_the_comparison_and_remove_takes_one_out(qtbot, make_window):
    window = make_window(Location("compare", f"{ASTP},{EXOMARS},{CREW}"))
    assert window.current_location() == Location("compare", f"{ASTP},{EXOMARS},{CREW}")
    assert "3 partnerships side by side" in shown_text(window)
    click_href(qtbot, window.read_view.article, f"compare-remove:{EXOMARS}")
    assert window.current_location() == Location("compare", f"{ASTP},{CREW}")
    assert window.compare.basket.slugs == (ASTP, CREW)
    window.menu_actions.back.trigger()
    assert "3 partnerships side by side" in shown_text(window)


def test_show_these_on_the_timeline_highlights_the_compared_ones_together(qtbot, window):
    window.go_to(Location("compare", f"{ASTP},{CREW}"))
    click_href(qtbot, window.read_view.article, f"timeline:{ASTP},{CREW}")
    timeline = window.timeline_view
    assert window.current_view() == "timeline"
    assert timeline.highlighted == {ASTP, CREW}
    assert timeline.highlight_label.text() == "2 partnerships being compared"


def test_a_bad_compare_link_in_the_window_says_so(qtbot, window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: said.append(args[2]))
    assert not window.go_to(Location("compare", ASTP))
    assert said and ASTP in said[0]
