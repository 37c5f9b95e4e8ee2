"""A teacher's folder of lessons in the window: its own group in reading order, pages a
student can read (no problem lists), a broken file still listed and fixable, and the
content checker opening the place to fix."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from explorer.core.location import Location

EPISODE = "---\ntitle: {title}\nteaching: 10\nquestions:\n- {question}\n---\n\n{body}\n"


@pytest.fixture
def collection(paths):
    unit = paths.teacher_lessons / "rockets"
    (unit / "episodes").mkdir(parents=True)
    (unit / "learners").mkdir()
    (unit / "config.yaml").write_text(
        "title: Rockets step by step\nepisodes:\n- 02-staging.md\n- 01-thrust.md\n"
    )
    (unit / "LICENSE.md").write_text("---\ntitle: Licenses\n---\nCC BY 4.0\n")
    for name, title, body in (
        ("01-thrust", "Thrust", "Thrust pushes. See [the ISS](partnership:nope)."),
        ("02-staging", "Staging", "Stages fall away."),
    ):
        (unit / "episodes" / f"{name}.md").write_text(
            EPISODE.format(title=title, question=f"What is {title.lower()}?", body=body)
        )
    (unit / "learners" / "setup.md").write_text("---\ntitle: Setup\n---\n\nInstall nothing.\n")
    return unit


@pytest.fixture
def no_message_boxes(monkeypatch):
    shown: list[str] = []

    def record(*args, **_kwargs):
        shown.append(str(args[2]))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", staticmethod(record))
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(record))
    return shown


def groups(window):
    library = window.read_view.library
    tops = [library.topLevelItem(i) for i in range(library.topLevelItemCount())]
    return [(g.text(0), [g.child(i).text(0) for i in range(g.childCount())]) for g in tops]


def test_a_collection_in_subfolders_is_its_own_group_in_reading_order(collection, make_window):
    window = make_window()
    shown = groups(window)
    titles = [title for title, _ in shown]
    assert titles[-2:] == ["ROCKETS STEP BY STEP", "BROWSE"]  # after the bundled sections
    assert shown[-2][1] == ["Setup", "Staging", "Thrust"]  # setup first, then config order
    assert all("Licenses" not in lessons for _, lessons in shown)


def test_a_collection_lesson_reads_as_a_page_without_a_problem_list(qtbot, collection, make_window):
    window = make_window(Location("lesson", "rockets/episodes/01-thrust"))
    text = window.read_view.article.toPlainText()
    assert "ROCKETS STEP BY STEP" in text.upper() and "Thrust pushes." in text
    assert "Questions to think about" in text and "What is thrust?" in text
    assert "problems" not in text.lower() and str(collection) not in text
    item = window.read_view.library.currentItem()
    described = item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole).split(", ")
    assert described[0] == "has problems"  # then the reader's progress: "started"
    window.read_view.library.setCurrentItem(
        next(i for i in window.read_view.library.lesson_items() if i.text(0) == "Staging")
    )
    assert window.current_location() == Location("lesson", "rockets/episodes/02-staging")


def test_a_lesson_with_broken_yaml_stays_listed_opens_and_saves(
    qtbot, collection, make_window, no_message_boxes
):
    broken = collection / "episodes" / "03-orbits.md"
    broken.write_text("---\ntitle: Orbits\nsection: [types\n---\n\nRound and round.\n")
    window = make_window(Location("lesson", "rockets/episodes/03-orbits"))
    assert "Round and round." in window.read_view.article.toPlainText()
    editor = window.authoring.edit_lesson("rockets/episodes/03-orbits")
    assert editor is not None and editor.path == broken
    editor.editor.setPlainText(editor.text().replace("section: [types\n", ""))
    assert editor.save()
    assert no_message_boxes == []  # no "There is no lesson called ..."
    assert window.current_location() == Location("lesson", "rockets/episodes/03-orbits")
    assert [t for t, _ in groups(window)].count("ROCKETS STEP BY STEP") == 1
    editor.close()


def test_saving_a_lesson_with_broken_yaml_keeps_it_in_the_window(
    qtbot, collection, make_window, no_message_boxes
):
    window = make_window(Location("lesson", "rockets/episodes/02-staging"))
    editor = window.authoring.edit_lesson("rockets/episodes/02-staging")
    editor.editor.setPlainText(editor.text().replace("teaching: 10", "teaching: [10"))
    assert editor.save()
    assert no_message_boxes == []
    assert window.current_location() == Location("lesson", "rockets/episodes/02-staging")
    assert "Staging" in dict(groups(window))["ROCKETS STEP BY STEP"]
    editor.close()


def test_check_my_content_lists_findings_and_enter_opens_the_lesson_at_the_line(
    qtbot, collection, make_window
):
    window = make_window()
    tools = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Tools")
    assert [a.text() for a in tools.actions()] == ["Check My &Content…"]
    dialog = window.authoring.check_content()
    listed = dialog.findings()
    assert [f.kind for f in listed if f.severity == "error"] == ["broken-link"]
    assert dialog.tree.topLevelItem(0).text(1) == "rockets/episodes/01-thrust.md, line 8"
    dialog.show_notes.setChecked(False)
    assert len(dialog.findings()) == 1
    dialog.tree.setFocus()
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Return)
    editor = window.authoring.editors[(collection / "episodes" / "01-thrust.md").resolve()]
    assert editor.editor.textCursor().blockNumber() == 7  # line 8
    editor.close()
    dialog.close()
