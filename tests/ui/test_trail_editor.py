"""The trail editor: steps picked with the app's pickers, notes typed, reordered and
removed with the keyboard, saved as the teacher's trail file; a bundled trail edited is
saved as the teacher's own version; a teacher's trail can be deleted (to the trash)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from explorer.core.location import Location
from explorer.core.trails import read_trail
from explorer.ui.pickers import ChoicePicker
from explorer.ui.trails.editor import TrailEditor
from explorer.ui.trails.step_pickers import TimelineViewDialog


@pytest.fixture
def picks(monkeypatch):
    """What the teacher types into each picker that opens, in order; Enter accepts."""
    typed: list[str] = []

    def exec_(self):
        self.filter.setText(typed.pop(0))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ChoicePicker, "exec", exec_)
    return typed


def steps_shown(editor) -> list[str]:
    return [editor.list.item(row).text() for row in range(editor.list.count())]


def test_a_new_trail_is_built_with_the_pickers_and_saved_as_a_file(
    qtbot, window, catalog, paths, picks
):
    editor = TrailEditor(window.read_view.catalog, None, window)
    qtbot.addWidget(editor)
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.title, "Rivals in orbit")
    picks += ["apollo soyuz", "why partner", "sharing the load", "why partner", "docked"]
    assert editor.add_step("partnership")
    qtbot.keyClicks(editor.note, "The handshake in orbit.")
    assert editor.add_step("section")
    assert editor.add_step("question")
    assert steps_shown(editor) == [
        "1. Partnership · Apollo-Soyuz Test Project (ASTP)",
        "2. Sharing the load · Why partner at all?",
        "3. Question 1 · Why partner at all?",
    ]
    editor.list.setCurrentRow(2)
    qtbot.keyClick(editor.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert steps_shown(editor)[1] == "2. Question 1 · Why partner at all?"
    qtbot.keyClick(editor.list, Qt.Key.Key_Delete)
    assert len(steps_shown(editor)) == 2
    with qtbot.wait_signal(editor.saved) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["rivals-in-orbit"]
    trail, problems = read_trail(paths.data_dir / "trails" / "rivals-in-orbit.yaml")
    assert problems == []
    assert trail.title == "Rivals in orbit"
    assert [(s.kind, s.slug, s.section, s.note) for s in trail.steps] == [
        ("partnership", "apollo-soyuz-test-project", "", "The handshake in orbit."),
        ("section", "why-partner", "Sharing the load", ""),
    ]


def test_a_timeline_view_step_keeps_its_years_and_highlight(qtbot, window, paths, monkeypatch):
    def exec_(self):
        self.first.setValue(1970)
        self.last.setValue(1980)
        self.highlight.set_checked(["apollo-soyuz-test-project"])
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(TimelineViewDialog, "exec", exec_)
    editor = TrailEditor(window.read_view.catalog, None, window)
    qtbot.addWidget(editor)
    editor.title.setText("Seventies")
    assert editor.add_step("timeline")
    assert steps_shown(editor) == ["1. Timeline · 1970–1980 · 1 highlighted"]
    editor.save()
    trail, _ = read_trail(paths.data_dir / "trails" / "seventies.yaml")
    assert trail.steps[0].view.highlight == ("apollo-soyuz-test-project",)
    assert (trail.steps[0].view.first, trail.steps[0].view.last) == (1970, 1980)


def test_a_cancelled_picker_adds_nothing(qtbot, window, monkeypatch):
    monkeypatch.setattr(ChoicePicker, "exec", lambda self: QDialog.DialogCode.Rejected)
    editor = TrailEditor(window.read_view.catalog, None, window)
    qtbot.addWidget(editor)
    assert not editor.add_step("lesson")
    assert steps_shown(editor) == []


def test_editing_a_bundled_trail_saves_the_teachers_own_version(
    qtbot, make_window, paths, content_dir
):
    (content_dir / "trails").mkdir()
    bundled = content_dir / "trails" / "intro.yaml"
    bundled.write_text("title: Intro\nsteps:\n  - lesson: why-partner\n", encoding="utf-8")
    window = make_window()
    follower = window.trails
    trail = follower.trails.shelf.get("intro")
    editor = TrailEditor(window.read_view.catalog, trail, window)
    qtbot.addWidget(editor)
    editor.list.setCurrentRow(0)
    qtbot.keyClicks(editor.note, "Start here.")
    editor.save()
    mine, _ = read_trail(paths.data_dir / "trails" / "intro.yaml")
    assert mine.steps[0].note == "Start here."
    assert "note" not in bundled.read_text(encoding="utf-8")  # never changed
    follower.trails.reload()
    assert follower.trails.shelf.get("intro").origin == "teacher"


def test_a_teachers_trail_is_deleted_to_the_trash(qtbot, make_window, paths, monkeypatch):
    folder = paths.data_dir / "trails"
    folder.mkdir(parents=True)
    (folder / "mine.yaml").write_text(
        "title: Mine\nsteps:\n  - lesson: why-partner\n", encoding="utf-8"
    )
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes)
    )
    window = make_window()
    follower = window.trails
    editor = TrailEditor(window.read_view.catalog, follower.trails.shelf.get("mine"), window)
    qtbot.addWidget(editor)
    editor.deleted.connect(lambda _slug: follower.trails.reload())
    qtbot.mouseClick(editor.delete_button, Qt.MouseButton.LeftButton)
    assert not (folder / "mine.yaml").exists()
    assert list((paths.data_dir / "trash").rglob("mine.yaml"))
    assert follower.trails.shelf.get("mine") is None
    assert window.read_view.library.item_for(Location("trail", "mine")) is None


def test_every_control_of_the_editor_has_a_name_for_screen_readers(qtbot, window):
    from PySide6.QtWidgets import QAbstractButton, QWidget

    editor = TrailEditor(window.read_view.catalog, None, window)
    qtbot.addWidget(editor)
    editor.show()
    unnamed = [
        w
        for w in editor.findChildren(QWidget)
        if w.isVisible()
        and w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
        and not (w.parent() is not editor and w.parent().accessibleName())  # inner parts
    ]
    assert unnamed == []
