"""Following a reading trail in the window: the steps in order, the trail bar's words,
the Trails group of the library, a deep link, and the step kept across a restart."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from explorer.app import build_window, parse_target
from explorer.core.location import Location

TRAIL = """title: Docking in four steps
summary: A short walk for a test.
steps:
  - lesson: long-read
    section: Part 4
    note: Read the fourth part first.
  - partnership: apollo-soyuz-test-project
    note: The flight itself.
  - lesson: why-partner
    question: 1
  - timeline:
      from: 1970
      to: 1980
      highlight: [apollo-soyuz-test-project]
    note: The seventies.
"""


@pytest.fixture
def trail_file(paths, long_lesson) -> Path:
    folder = paths.data_dir / "trails"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "docking.yaml"
    path.write_text(TRAIL, encoding="utf-8")
    return path


def test_a_trail_plays_in_order_with_next_and_previous(qtbot, make_window, trail_file):
    window = make_window()
    follower = window.trails
    window.go_to(Location("trail", "docking"))
    bar = follower.bar
    assert follower.bar.isVisible()
    assert window.read_view.article.isVisible()
    assert bar.title.text() == "Docking in four steps"
    assert bar.text() == "Step 1 of 4 · Read the fourth part first."
    assert window.current_location() == Location("lesson", "long-read")
    assert window.read_view.scroll_position() > 0  # scrolled down to Part 4
    assert not bar.previous_button.isEnabled()

    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.text() == "Step 2 of 4 · The flight itself."
    assert window.current_location() == Location("partnership", "apollo-soyuz-test-project")

    qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.AltModifier)
    assert bar.text() == "Step 3 of 4"
    assert window.current_location() == Location("lesson", "why-partner")

    qtbot.mouseClick(bar.next_button, Qt.MouseButton.LeftButton)
    assert bar.text() == "Step 4 of 4 · The seventies."
    assert window.current_view() == "timeline"
    assert window.timeline_view.highlighted == {"apollo-soyuz-test-project"}
    first, last = window.timeline_view.view.window()
    assert 1969 <= first <= 1971 and 1980 <= last <= 1982
    assert not bar.next_button.isEnabled()

    qtbot.mouseClick(bar.previous_button, Qt.MouseButton.LeftButton)
    assert bar.text() == "Step 3 of 4"
    assert window.current_location() == Location("lesson", "why-partner")


def test_leaving_a_trail_hides_the_bar_and_forgets_it(qtbot, make_window, trail_file):
    window = make_window()
    follower = window.trails
    follower.start("docking")
    qtbot.mouseClick(follower.bar.leave_button, Qt.MouseButton.LeftButton)
    assert not follower.bar.isVisible()
    assert follower.trail is None
    window.close()
    assert make_window().trails.trail is None


def test_the_trail_and_its_step_survive_a_restart(qtbot, make_window, trail_file):
    window = make_window()
    follower = window.trails
    follower.start("docking", 1)
    window.close()
    again = make_window()
    follower = again.trails
    assert follower.trail is not None and follower.trail.slug == "docking"
    assert follower.bar.text() == "Step 2 of 4 · The flight itself."
    assert again.current_location() == Location("partnership", "apollo-soyuz-test-project")


def test_trails_have_their_own_group_in_the_library(qtbot, make_window, trail_file):
    window = make_window()
    library = window.read_view.library
    groups = [library.topLevelItem(i).text(0) for i in range(library.topLevelItemCount())]
    assert "TRAILS" in groups
    item = library.item_for(Location("trail", "docking"))
    assert item is not None and item.text(0) == "Docking in four steps"
    library.setCurrentItem(item)
    assert window.trails.bar.text().startswith("Step 1 of 4")
    assert window.current_location() == Location("lesson", "long-read")


def test_a_deep_link_opens_the_trail_at_its_first_step(qtbot, paths, trail_file, settings_file):
    from PySide6.QtCore import QSettings

    assert parse_target("trail:docking") == Location("trail", "docking")
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = build_window(paths, wanted=Location("trail", "docking"), settings=settings)
    qtbot.addWidget(window)
    assert window.trails.trail.slug == "docking"
    assert window.current_location() == Location("lesson", "long-read")


def test_a_trail_edited_on_disk_is_followed_in_its_new_version(qtbot, make_window, trail_file):
    window = make_window()
    follower = window.trails
    follower.start("docking", 3)
    trail_file.write_text(TRAIL.split("  - lesson: why-partner")[0], encoding="utf-8")
    follower.trails.reload()
    assert follower.bar.text() == "Step 2 of 2 · The flight itself."
    trail_file.unlink()
    follower.trails.reload()
    assert follower.trail is None and not follower.bar.isVisible()


def test_a_restart_keeps_the_page_the_reader_went_on_to_with_the_trail_bar(
    qtbot, make_window, trail_file
):
    window = make_window()
    window.trails.start("docking", 1)
    window.go_to(Location("lesson", "sharing-the-cost"))  # a link followed from the step
    window.close()
    again = make_window()
    assert again.current_location() == Location("lesson", "sharing-the-cost")
    assert again.trails.bar.text() == "Step 2 of 4 · The flight itself."
    qtbot.mouseClick(again.trails.bar.next_button, Qt.MouseButton.LeftButton)
    assert again.current_location() == Location("lesson", "why-partner")
