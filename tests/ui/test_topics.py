"""Topic pages in the window: the lessons that teach a topic and the partnerships that show it."""

from __future__ import annotations

from explorer.core.location import Location
from tests.ui.conftest import click_link


def test_a_topic_page_lists_the_right_partnerships(qtbot, window):
    window.go_to(Location("partnership", "exomars-esa-roscosmos"))
    click_link(qtbot, window.read_view.article, "Cost sharing")
    assert window.current_location() == Location("topic", "cost-sharing")
    text = window.read_view.article.toPlainText()
    assert "Partnerships that show it (2)" in text
    assert "ExoMars (ESA-Roscosmos)" in text and "NASA Commercial Crew Program" in text
    assert "Apollo-Soyuz" not in text
    assert "Sharing the cost" in text and "Why partner at all?" in text  # lessons teaching it


def test_a_type_topic_lists_the_partnerships_of_that_type(window):
    window.go_to(Location("topic", "bilateral"))
    text = window.read_view.article.toPlainText()
    assert "Partnerships that show it (2)" in text
    assert "Apollo-Soyuz Test Project (ASTP)" in text and "ExoMars (ESA-Roscosmos)" in text


def test_sorting_by_year_redraws_the_page_without_a_history_step(qtbot, window):
    window.go_to(Location("topic", "cost-sharing"))
    article = window.read_view.article

    def order():
        text = article.toPlainText()
        return text.index("ExoMars") < text.index("NASA Commercial Crew")

    assert not order()  # oldest first: Commercial Crew (2010) before ExoMars (2013)
    click_link(qtbot, article, "Newest first")
    assert order()
    assert window.current_location() == Location("topic", "cost-sharing")
    window.menu_actions.back.trigger()  # one step back leaves the topic page
    assert window.current_location() == Location("lesson", "why-partner")


def test_all_topics_counts_lessons_and_partnerships(window):
    window.menu_actions.topics.trigger()
    text = window.read_view.article.toPlainText()
    assert "Cost sharing · 2 partnerships · 2 lessons" in text
