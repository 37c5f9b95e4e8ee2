"""Presenter mode in the window: a lesson section by section, questions revealed one at a
time, the blank screen, the notes strip, one zoom for the slide, a trail as a talk, and
Esc giving the window back as it was."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from explorer.core.location import Location

LESSON = """---
slug: docking-talk
title: Docking in orbit
section: case-studies
summary: How two ships join up.
objectives: [Name the parts of a docking system.]
keypoints: [Both halves must fit.]
questions:
  - question: Which year did Apollo meet Soyuz?
    choices: ["1969", "1975", "1998"]
    answer: 1
    explanation: The docking was in July 1975.
  - question: Why design the two halves together?
    answer: So that either ship could be the active one.
---

Two ships must meet at the same place and time.

## Finding each other

Radar and radio bring them close.

## Making contact

Soft capture first, then hard latches.

## Opening the hatch

Only when the pressure is equal.
"""
TRAIL = """title: A docking talk
steps:
  - partnership: apollo-soyuz-test-project
    note: Tell the story of the flight.
  - lesson: docking-talk
    section: Making contact
    note: Show the latches.
  - lesson: docking-talk
    question: 1
  - timeline: {from: 1970, to: 1980}
    note: Point at 1975.
"""


@pytest.fixture
def talk(paths):
    paths.teacher_lessons.mkdir(parents=True, exist_ok=True)
    (paths.teacher_lessons / "docking-talk.md").write_text(LESSON, encoding="utf-8")
    (paths.data_dir / "trails").mkdir(parents=True, exist_ok=True)
    (paths.data_dir / "trails" / "docking.yaml").write_text(TRAIL, encoding="utf-8")


def slide_text(presenter) -> str:
    return presenter.slide.article.toPlainText()


def press(qtbot, presenter, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(presenter.slide.article, key, modifier)


@pytest.fixture
def presenting(qtbot, make_window, talk):
    window = make_window()
    window.go_to(Location("lesson", "docking-talk"))
    presenter = window.presenting.present()
    yield window, presenter
    if presenter.running:
        presenter.leave()


def test_a_lesson_is_split_into_its_sections_then_its_questions(presenting):
    _window, presenter = presenting
    titles = [slide.title for slide in presenter.deck.slides]
    assert titles == [
        "Docking in orbit",
        "Docking in orbit",  # the introduction, before the first ## heading
        "Finding each other",
        "Making contact",
        "Opening the hatch",
        "Key points",
        "Which year did Apollo meet Soyuz?",
        "Why design the two halves together?",
    ]
    assert presenter.slide_window.isFullScreen()
    assert not presenter.window.isVisible()
    assert "How two ships join up." in slide_text(presenter)


def test_page_down_and_page_up_move_through_the_slides(qtbot, presenting):
    _window, presenter = presenting
    for _ in range(3):
        press(qtbot, presenter, Qt.Key.Key_PageDown)
    assert slide_text(presenter).splitlines()[1] == "Making contact"
    assert "Soft capture first" in slide_text(presenter)
    assert "Radar and radio" not in slide_text(presenter)
    press(qtbot, presenter, Qt.Key.Key_PageUp)
    assert "Radar and radio" in slide_text(presenter)
    press(qtbot, presenter, Qt.Key.Key_Right)  # clickers and keyboards send these too
    press(qtbot, presenter, Qt.Key.Key_Right)
    assert "Only when the pressure is equal." in slide_text(presenter)
    press(qtbot, presenter, Qt.Key.Key_Home)
    assert presenter.place.slide == 0


def test_questions_are_revealed_one_at_a_time_with_their_answers(qtbot, presenting):
    _window, presenter = presenting
    for _ in range(6):  # title, introduction, three sections, key points
        press(qtbot, presenter, Qt.Key.Key_PageDown)
    assert "Which year did Apollo meet Soyuz?" in slide_text(presenter)
    assert "Answer" not in slide_text(presenter)
    assert "Why design" not in slide_text(presenter)
    press(qtbot, presenter, Qt.Key.Key_PageDown)
    assert "Answer: B, 1975. The docking was in July 1975." in slide_text(presenter)
    assert presenter.slide_window.strip.coming.text() == (
        "Next: Why design the two halves together?"
    )
    press(qtbot, presenter, Qt.Key.Key_PageDown)
    assert "Why design the two halves together?" in slide_text(presenter)
    assert "either ship" not in slide_text(presenter)
    assert presenter.slide_window.strip.coming.text() == "Next: the answer"
    press(qtbot, presenter, Qt.Key.Key_A)
    assert "A model answer: So that either ship could be the active one." in slide_text(presenter)
    press(qtbot, presenter, Qt.Key.Key_A)
    assert "either ship" not in slide_text(presenter)
    press(qtbot, presenter, Qt.Key.Key_PageUp)
    assert "Answer: B, 1975." in slide_text(presenter)  # back to the slide as it was left
    press(qtbot, presenter, Qt.Key.Key_PageUp)
    assert "Answer" not in slide_text(presenter)


@pytest.mark.parametrize("key", [Qt.Key.Key_B, Qt.Key.Key_Period])
def test_b_or_period_blanks_the_screen_and_brings_it_back(qtbot, presenting, key):
    _window, presenter = presenting
    press(qtbot, presenter, key)
    assert presenter.slide.showing() == "blank"
    press(qtbot, presenter, Qt.Key.Key_PageDown)  # the first press only brings it back
    assert presenter.slide.showing() == "slide"
    assert presenter.place.slide == 0
    press(qtbot, presenter, key)
    press(qtbot, presenter, key)
    assert presenter.slide.showing() == "slide"


def test_with_one_screen_the_notes_are_a_strip_that_n_toggles(qtbot, presenting):
    _window, presenter = presenting
    assert presenter.notes_window is None
    strip = presenter.slide_window.strip
    assert not strip.isVisible()
    press(qtbot, presenter, Qt.Key.Key_N)
    assert strip.isVisible()
    assert strip.counter.text() == "Slide 1 of 8"
    assert strip.coming.text() == "Next: Docking in orbit"
    press(qtbot, presenter, Qt.Key.Key_N)
    assert not strip.isVisible()


def test_one_zoom_makes_the_slide_text_larger(qtbot, presenting):
    _window, presenter = presenting
    before = presenter.slide.scale
    font = presenter.slide.font().pointSizeF()
    press(qtbot, presenter, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert presenter.slide.scale == before + 0.25
    assert presenter.slide.font().pointSizeF() > font
    assert presenter.slide.text_size > round(16 * before)
    press(qtbot, presenter, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert presenter.slide.scale == before


def test_escape_leaves_and_gives_the_window_back_as_it_was(qtbot, make_window, talk):
    window = make_window(size=(1100, 720))
    window.go_to(Location("lesson", "docking-talk"))
    geometry = window.geometry()
    presenter = window.presenting.present()
    assert not window.isVisible()
    press(qtbot, presenter, Qt.Key.Key_PageDown)
    press(qtbot, presenter, Qt.Key.Key_Escape)
    assert not presenter.running
    assert window.isVisible() and not window.isFullScreen()
    assert window.geometry() == geometry
    assert not presenter.slide_window.isVisible()
    assert window.current_location() == Location("lesson", "docking-talk")


def test_f5_presents_the_trail_being_followed_from_its_step(qtbot, make_window, talk):
    window = make_window()
    follower = window.trails
    follower.start("docking", 1)
    qtbot.keyClick(window, Qt.Key.Key_F5)
    presenter = window.presenting.presenter
    assert presenter is not None and presenter.running
    assert [s.title for s in presenter.deck.slides] == [
        "Apollo-Soyuz Test Project (ASTP)",
        "Making contact",
        "Which year did Apollo meet Soyuz?",
        "Timeline · 1970–1980",
    ]
    assert presenter.place.slide == 1
    strip = presenter.slide_window.strip
    assert strip.counter.text() == "Slide 2 of 4 · Step 2 of 4"
    assert strip.note.text() == "Show the latches."
    press(qtbot, presenter, Qt.Key.Key_PageDown)
    press(qtbot, presenter, Qt.Key.Key_PageDown)  # the answer
    press(qtbot, presenter, Qt.Key.Key_PageDown)
    assert presenter.slide.showing() == "timeline"
    assert strip.note.text() == "Point at 1975."
    press(qtbot, presenter, Qt.Key.Key_Escape)
    assert follower.bar.text() == "Step 4 of 4 · Point at 1975."  # the talk's last step


def test_nothing_to_present_on_a_topic_page_is_said(qtbot, make_window, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[1]))
    window = make_window()
    window.go_to(Location("topic"))
    assert window.presenting.present() is None
    assert told == ["Nothing to present"]
    assert window.isVisible()


def test_down_scrolls_a_slide_taller_than_the_screen_before_moving_on(qtbot, make_window, paths):
    paths.teacher_lessons.mkdir(parents=True, exist_ok=True)
    words = " ".join(["Docking adapters join two spacecraft in orbit."] * 400)
    (paths.teacher_lessons / "tall.md").write_text(
        "---\ntitle: Tall\nsection: outlook\n---\n\n"
        f"## Long part\n\n{words}\n\n## Short part\n\nEnd.\n",
        encoding="utf-8",
    )
    window = make_window()
    window.go_to(Location("lesson", "tall"))
    presenter = window.presenting.present()
    press(qtbot, presenter, Qt.Key.Key_PageDown)
    assert presenter.deck.slides[presenter.place.slide].title == "Long part"
    bar = presenter.slide.article.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    press(qtbot, presenter, Qt.Key.Key_Down)
    assert bar.value() > 0 and presenter.place.slide == 1
    while bar.value() < bar.maximum():
        press(qtbot, presenter, Qt.Key.Key_Down)
    press(qtbot, presenter, Qt.Key.Key_Down)
    assert presenter.deck.slides[presenter.place.slide].title == "Short part"
    press(qtbot, presenter, Qt.Key.Key_PageUp)  # Page Up always moves a whole slide
    assert presenter.place.slide == 1
    presenter.leave()


def test_f5_on_the_timeline_presents_the_view_shown(qtbot, make_window):
    window = make_window()
    window.go_to(Location("timeline"))
    window.timeline_view.highlight(["apollo-soyuz-test-project"])
    window.timeline_view.view.show_years(1960, 1990)
    presenter = window.presenting.present()
    assert [s.kind for s in presenter.deck.slides] == ["timeline"]
    view = presenter.deck.slides[0].view
    assert view.highlight == ("apollo-soyuz-test-project",)
    assert 1959 <= view.first <= 1961 and 1989 <= view.last <= 1991
    assert presenter.slide.showing() == "timeline"
    assert presenter.slide.timeline.shown_slugs() == ["apollo-soyuz-test-project"]
    presenter.leave()
    assert window.current_view() == "timeline"
