"""The classroom in the window: progress and bookmarks survive a restart, reading marks a
lesson, a damaged progress file is reported and kept, the teacher-tools switch, the My
progress page's reset and export, and a bookmarked timeline view comes back as it was."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from explorer.core.location import Location
from explorer.core.search import Filters
from explorer.ui.library import MARK_ROLE
from tests.ui.conftest import click_link

Button = QMessageBox.StandardButton


def mark_of(window, slug):
    item = window.read_view.library.item_for(Location("lesson", slug))
    return item.data(0, MARK_ROLE), item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole)


def test_progress_and_bookmarks_survive_a_restart(qtbot, make_window):
    window = make_window(Location("lesson", "why-partner"))
    article = window.read_view.article
    click_link(qtbot, article, "Mir and Shuttle")  # wrong first
    click_link(qtbot, article, "Apollo and Soyuz")
    assert "So far 0 of" not in article.toPlainText()
    assert "Your score: 0 of 1 right at the first try." in article.toPlainText()
    article.setFocus()
    qtbot.keyClick(article, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert [m.title for m in window.study.keeper.items()] == ["Why partner at all?"]
    window.close()

    again = make_window()
    assert again.current_location() == Location("lesson", "why-partner")
    text = again.read_view.article.toPlainText()
    assert "Correct. The Apollo-Soyuz Test Project." in text  # the answer is still there
    assert "Your score: 0 of 1 right at the first try." in text
    assert mark_of(again, "why-partner") == (  # read: the quiz is at its end
        ("read", "0/1"),
        "read, quiz 0 of 1 right",
    )
    panel = again.study.panel
    assert [panel.list.item(i).text() for i in range(panel.list.count())] == ["Why partner at all?"]


def test_reading_to_the_end_marks_a_lesson_read(qtbot, make_window, long_lesson):
    window = make_window(Location("lesson", "long-read"))
    tracker = window.study.tracker
    assert tracker.progress.status("long-read") == "started"
    assert not tracker.check_reading()  # only the top of the page seen
    assert mark_of(window, "long-read")[0] == ("started", "")
    bar = window.read_view.article.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    assert tracker.progress.status("long-read") == "started"
    bar.setValue(bar.maximum())
    assert tracker.progress.status("long-read") == "read"
    assert mark_of(window, "long-read")[0] == ("read", "")


def test_a_short_lesson_counts_as_read_once_it_has_been_on_screen(make_window):
    window = make_window(Location("lesson", "sharing-the-cost"), size=(1400, 2000))
    tracker = window.study.tracker
    assert tracker.progress.status("sharing-the-cost") == "started"
    assert tracker._short_page.isActive()
    tracker._short_page.timeout.emit()
    assert tracker.progress.status("sharing-the-cost") == "read"


def test_a_damaged_progress_file_is_reported_and_kept_aside(make_window, paths):
    folder = paths.data_dir / "progress"
    folder.mkdir(parents=True)
    (folder / "progress.json").write_text('{"format": "space-explorer-progress", "format_versi')
    window = make_window(Location("progress"))
    text = window.read_view.article.toPlainText()
    assert "Your progress file could not be read (it is not valid JSON)." in text
    (kept,) = folder.glob("progress.json.damaged-*")
    assert kept.read_text().startswith('{"format"')
    assert window.study.notices()


def test_teacher_tools_are_off_for_a_new_install_and_their_shortcuts_do_nothing(
    qtbot, make_window, monkeypatch
):
    from explorer.ui.lesson_editor.new_lesson import NewLessonDialog

    asked = []
    monkeypatch.setattr(NewLessonDialog, "exec", lambda self: asked.append(self) or 0)
    window = make_window(teacher=None)  # a new install's settings
    tools = window.study.teacher_tools
    teacher_actions = [*window.authoring.all_actions(), *window.transfer.all_actions()]
    assert not tools.action.isChecked()
    assert all(not a.isVisible() and not a.isEnabled() for a in teacher_actions)
    assert window.menu_actions.open_lessons_folder in tools.actions()
    menus = {m.title().replace("&", ""): m for m in (a.menu() for a in window.menuBar().actions())}
    assert not menus["Tools"].menuAction().isVisible()
    visible = [a.text() for a in window.menus.file.actions() if a.isVisible()]
    assert "&New Lesson…" not in visible and "Export My &Progress…" in visible
    for hidden in ("New &Trail…", "Installed &Packs…"):  # installed by other parts
        assert hidden not in visible
    assert "Content &Sources…" not in [
        a.text() for a in window.menus.view.actions() if a.isVisible()
    ]
    window.read_view.article.setFocus()
    qtbot.keyClick(window.read_view.article, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert asked == []

    tools.action.trigger()  # View > Teacher Tools
    assert all(a.isVisible() for a in teacher_actions) and menus["Tools"].menuAction().isVisible()
    assert window.authoring.new_lesson_action.isEnabled()
    qtbot.keyClick(window.read_view.article, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert len(asked) == 1
    window.close()
    assert make_window(teacher=None).study.teacher_tools.on  # remembered


def test_the_student_view_leaves_out_the_teachers_marks(make_window, paths):
    lesson = paths.teacher_lessons / "why-partner.md"
    lesson.parent.mkdir(parents=True, exist_ok=True)
    lesson.write_text("---\ntitle: Why partner (mine)\nsection: foundations\n---\n\nMine.\n")
    window = make_window(Location("lesson", "why-partner"), teacher=False)
    text = window.read_view.article.toPlainText()
    assert "Why partner (mine)" in text and "my lesson" not in text
    item = window.read_view.library.item_for(Location("lesson", "why-partner"))
    assert item.icon(0).isNull() and "My lesson" not in item.toolTip(0)
    window.study.teacher_tools.action.trigger()
    assert "my lesson" in window.read_view.article.toPlainText()
    assert "My lesson" in window.read_view.library.item_for(
        Location("lesson", "why-partner")
    ).toolTip(0)


def test_the_progress_page_sums_up_and_resets_after_asking(qtbot, make_window, monkeypatch):
    window = make_window(Location("lesson", "why-partner"))
    click_link(qtbot, window.read_view.article, "Apollo and Soyuz")
    window.study.tracker.progress_action.trigger()
    article = window.read_view.article
    assert window.current_location() == Location("progress")
    text = article.toPlainText()
    assert "You have read 0 of 2 lessons and started 1 more." in text
    assert "answered 1 of the 1 quiz questions and got 1 right" in text
    answers = iter([Button.Cancel, Button.Reset])
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: next(answers)))
    click_link(qtbot, article, "Start again (reset my progress)…")
    assert window.study.tracker.progress.status("why-partner") == "started"  # cancelled
    click_link(qtbot, article, "Start again (reset my progress)…")
    assert "You have read 0 of 2 lessons." in article.toPlainText()
    assert mark_of(window, "why-partner")[0] is None
    window.go_to(Location("lesson", "why-partner"))
    assert "Choose an answer." in article.toPlainText()


def test_export_my_progress_writes_the_students_file(make_window, tmp_path, monkeypatch):
    told = []
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: told.append(a[2])))
    window = make_window(Location("lesson", "why-partner"))
    window.read_view.pages.answer("why-partner", "0-0")
    out = window.study.tracker.export_to(tmp_path / "ada.json", "Ada")
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["student"] == "Ada"
    (lesson,) = [x for x in document["lessons"] if x["slug"] == "why-partner"]
    assert lesson["questions"][0]["first_choice"] == "A" and lesson["status"] == "started"
    assert "Give this file to your teacher" in told[0]


def test_a_bookmarked_timeline_view_comes_back_with_its_range_and_filters(qtbot, make_window):
    window = make_window()
    window.go_to(Location("timeline"))
    panel = window.timeline_view
    filters = Filters(type=frozenset({"bilateral"}), decade=frozenset({1970}))
    panel.set_filters(filters, "")
    panel.set_group_by("domain")
    panel.view.show_years(1965, 1985)
    first, last = panel.view.window()
    qtbot.keyClick(panel.view, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    (mark,) = window.study.keeper.items()
    assert mark.target == "timeline" and mark.title.startswith("Timeline 1965–1985 · bilateral")

    panel.set_filters(Filters(), "")
    panel.set_group_by("type")
    panel.view.fit_all()
    window.go_to(Location("lesson", "why-partner"))
    window.study.open_bookmark(mark)
    assert window.current_view() == "timeline"
    assert panel.filters() == (filters, "") and panel.group_by == "domain"
    assert panel.view.window() == pytest.approx((first, last), abs=0.05)


def test_bookmarks_are_opened_renamed_and_removed_from_the_sidebar(qtbot, make_window):
    window = make_window(Location("lesson", "why-partner"))
    study = window.study
    study.add_bookmark_action.trigger()
    window.go_to(Location("partnership", "apollo-soyuz-test-project"))
    study.add_bookmark_action.trigger()
    listed = study.panel.list
    assert listed.count() == 2 and listed.currentRow() == 1
    listed.setFocus()
    listed.setCurrentRow(0)
    qtbot.keyClick(listed, Qt.Key.Key_Return)
    assert window.current_location() == Location("lesson", "why-partner")
    listed.setFocus()
    qtbot.keyClick(listed, Qt.Key.Key_F2)
    editor = window.focusWidget()  # the title, editable in place
    editor.selectAll()
    qtbot.keyClicks(editor, "Read first")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the list takes the edit on its next turn
    qtbot.waitUntil(lambda: study.keeper.items()[0].title == "Read first")
    assert [m.title for m in study.keeper.items()] == [
        "Read first",
        "Apollo-Soyuz Test Project (ASTP)",
    ]
    listed.setFocus()
    listed.setCurrentRow(1)
    qtbot.keyClick(listed, Qt.Key.Key_Delete)
    assert [m.title for m in study.keeper.items()] == ["Read first"]
    assert study.panel.heading.text() == "BOOKMARKS (1)"


def test_the_merge_dialog_shows_the_class_and_saves_csv(qtbot, make_window, tmp_path):
    from explorer.store.classroom_files import ProgressStore

    window = make_window()
    lessons = window.read_view.catalog.library.lessons
    why = window.read_view.catalog.library.get("why-partner")
    files = []
    for name, choice in (("Ada", 0), ("Ben", 1), ("Cy", 0)):
        store = ProgressStore(tmp_path / name)
        store.answered(why, 0, choice)
        files.append(store.export(tmp_path / f"{name}.json", lessons, name))
    dialog = window.study.open_merge_dialog()
    qtbot.addWidget(dialog)
    dialog.add_files(files)
    assert dialog.class_view.rowCount() == 3
    assert dialog.class_view.horizontalHeaderItem(0).text() == "student"
    view = dialog.question_view
    assert view.rowCount() == 1  # one question, its first choices counted
    row = {view.horizontalHeaderItem(c).text(): view.item(0, c).text() for c in range(8)}
    assert row["% right first time"] == "67" and row["first choices"] == "A 2 · B 1"
    assert row["right answer"] == "A: Apollo and Soyuz" and row["no answer yet"] == "0"
    out = dialog.save("questions", tmp_path / "questions.csv")
    assert "Apollo and Soyuz" in out.read_text(encoding="utf-8-sig")


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def test_export_my_progress_asks_for_the_name_and_the_file(make_window, tmp_path, monkeypatch):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("Zoë Ng", True)))
    offered = []

    def save_as(_parent, _title, suggested, _filter):
        offered.append(Path(suggested).name)
        return str(tmp_path / "zoe"), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: None))
    window = make_window(Location("lesson", "why-partner"), teacher=False)
    window.study.tracker.export_action.trigger()  # File > Export My Progress…
    assert offered == ["zoe-ng-progress.json"]
    document = json.loads((tmp_path / "zoe.json").read_text(encoding="utf-8"))
    assert document["student"] == "Zoë Ng"


def test_the_pack_export_carries_bookmarks_when_ticked(
    qtbot, catalog, paths, tmp_path, monkeypatch
):
    from explorer.core.classroom.bookmarks import Bookmark
    from explorer.store.classroom_files import BookmarkStore
    from explorer.ui.transfer.export_dialog import ExportDialog

    BookmarkStore(paths.data_dir).add(Bookmark.new("topic:", "All topics", "t"))
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(catalog, settings, [])
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.bookmarks_box.isVisible()  # only a pack carries them
    assert dialog.format_buttons["pack"].isEnabled()  # bookmarks alone make a pack
    tick(qtbot, dialog.format_buttons["pack"])
    assert dialog.bookmarks_box.isVisible() and dialog.bookmarks_box.text().endswith("(1)")
    tick(qtbot, dialog.bookmarks_box)
    out = tmp_path / "share.zip"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a: (str(out), "")))
    with qtbot.waitSignal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    manifest = json.loads(zipfile.ZipFile(out).read("manifest.json"))
    assert [m["title"] for m in manifest["bookmarks"]] == ["All topics"]
    assert "1 bookmark and 0 partnerships." in dialog.message.text()


def test_a_restore_or_another_window_shows_in_the_library_and_bookmarks(make_window, paths):
    from explorer.core.classroom.bookmarks import Bookmark
    from explorer.store.classroom_files import BookmarkStore, ProgressStore

    window = make_window(Location("lesson", "why-partner"))
    ProgressStore(paths.data_dir).finished("sharing-the-cost")  # another process
    BookmarkStore(paths.data_dir).add(Bookmark.new("topic:", "All topics", "t"))
    window.study.refresh()  # what the folder watcher calls
    assert mark_of(window, "sharing-the-cost")[0] == ("read", "")
    assert window.study.panel.list.count() == 1
