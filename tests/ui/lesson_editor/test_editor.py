import os

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from explorer.core.drafts import draft_file, read_draft
from explorer.core.lesson_authoring import lesson_template
from explorer.ui.lesson_editor.editor import DETAILS_TAB, LessonEditor

Button = QMessageBox.StandardButton
# BOM, CRLF line endings, a comment, a folded summary, odd spacing, a non-breaking space
ORIGINAL = (
    "\ufeff---\r\n"
    "title: Mine   # my own lesson\r\n"
    "section: types\r\n"
    "summary: >\r\n"
    "  Two sides,\r\n"
    "  one deal.\r\n"
    "topics: [bilateral]\r\n"
    "---\r\n"
    "\r\n"
    "## Who\u00a0signs\r\n"
    "\r\n"
    "Text   with  spaces.\t\r\n"
).encode()


@pytest.fixture
def lesson_file(catalog):
    path = catalog.paths.teacher_lessons / "mine.md"
    path.write_bytes(ORIGINAL)
    return path


@pytest.fixture
def open_editor(qtbot, catalog, monkeypatch):
    # an editor left with unsaved changes must not ask when the test's widgets close
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: Button.Discard))

    def open_(path, new_text=None):
        editor = LessonEditor(catalog, path, new_text)
        qtbot.add_widget(editor)
        editor.show()
        qtbot.wait_exposed(editor)
        editor.activateWindow()
        qtbot.wait_until(editor.isActiveWindow)  # shortcuts reach the active window only
        return editor

    return open_


def press_save(qtbot, editor):
    qtbot.keyClick(editor.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def type_at_end(qtbot, editor, text):
    editor.tabs.setCurrentIndex(0)
    editor.editor.setFocus()
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.End)
    qtbot.keyClicks(editor.editor, text)


def problems(editor):
    return editor.problems.messages()


def answer_with(monkeypatch, name, button, asked=None):
    def answer(*args, **kwargs):
        if asked is not None:
            asked.append(args[2] if len(args) > 2 else "")
        return button

    monkeypatch.setattr(QMessageBox, name, staticmethod(answer))


def test_opening_shows_text_fields_preview_and_no_problems(open_editor, lesson_file):
    editor = open_editor(lesson_file)
    assert editor.text().startswith("---\ntitle: Mine   # my own lesson\n")
    assert editor.fields.title.text() == "Mine"
    assert editor.fields.section.currentData() == "types"
    assert editor.fields.topics["bilateral"].isChecked()
    assert editor.problems.label.text() == "No problems"
    assert "Two sides, one deal." in editor.preview.toPlainText()
    assert not editor.isWindowModified()


def test_saving_without_changes_writes_the_same_bytes(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    press_save(qtbot, editor)
    assert lesson_file.read_bytes() == ORIGINAL


def test_typing_in_the_body_changes_only_the_end_of_the_file(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "More.")
    assert editor.isWindowModified()
    with qtbot.wait_signal(editor.lesson_saved) as saved:
        press_save(qtbot, editor)
    assert saved.args == ["mine"]
    assert lesson_file.read_bytes() == ORIGINAL + b"More."
    assert not editor.isWindowModified()


def test_a_title_typed_in_its_field_changes_only_the_title_line(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    editor.tabs.setCurrentIndex(DETAILS_TAB)
    editor.fields.title.selectAll()
    qtbot.keyClicks(editor.fields.title, "Ours")
    assert editor.text().startswith("---\ntitle: Ours\nsection: types\n")
    press_save(qtbot, editor)
    assert lesson_file.read_bytes() == ORIGINAL.replace(
        b"title: Mine   # my own lesson\r\n", b"title: Ours\r\n"
    )


def test_a_topic_ticked_changes_only_the_topics_line(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    editor.tabs.setCurrentIndex(DETAILS_TAB)
    qtbot.mouseClick(editor.fields.topics["cost-sharing"], Qt.MouseButton.LeftButton)
    press_save(qtbot, editor)
    assert lesson_file.read_bytes() == ORIGINAL.replace(
        b"topics: [bilateral]", b"topics: [cost-sharing, bilateral]"
    )


def test_a_partnership_chosen_from_the_filtered_list_is_cited(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    editor.tabs.setCurrentIndex(DETAILS_TAB)
    checklist = editor.fields.partnerships
    qtbot.keyClicks(checklist.filter, "apollo")
    visible = [
        checklist.list.item(i)
        for i in range(checklist.list.count())
        if not checklist.list.item(i).isHidden()
    ]
    assert [item.text() for item in visible] == ["Apollo-Soyuz Test Project (ASTP)  ·  1975"]
    checklist.list.setFocus()
    checklist.list.setCurrentItem(visible[0])
    qtbot.keyClick(checklist.list, Qt.Key.Key_Space)
    assert "partnerships: [apollo-soyuz-test-project]\n---" in editor.text()
    assert checklist.count.text() == "1 chosen"


def test_typing_in_the_text_updates_the_fields(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    editor.editor.setFocus()
    cursor = editor.editor.textCursor()
    cursor.setPosition(len("---\ntitle: Mine"))
    editor.editor.setTextCursor(cursor)
    qtbot.keyClicks(editor.editor, "r")
    qtbot.wait_until(lambda: editor.fields.title.text() == "Miner")
    assert editor.windowTitle().startswith("Miner")


def test_problems_appear_as_you_type_and_a_click_goes_to_the_line(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "See [x](partnership:nope).")
    qtbot.wait_until(lambda: problems(editor) == ["Line 13: link to unknown partnership 'nope'"])
    assert editor.problems.label.text() == "1 problem"
    editor.editor.moveCursor(editor.editor.textCursor().MoveOperation.Start)
    listing = editor.problems.list
    rect = listing.visualItemRect(listing.item(0))
    qtbot.mouseClick(listing.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.editor.textCursor().blockNumber() == 12


def test_broken_front_matter_disables_the_fields_and_says_why(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    editor.editor.setFocus()
    cursor = editor.editor.textCursor()
    cursor.setPosition(len("---\ntitle: Mine   # my own lesson\nsection: "))
    editor.editor.setTextCursor(cursor)
    qtbot.keyClicks(editor.editor, "[")
    qtbot.wait_until(lambda: not editor.fields.title.isEnabled())
    assert "front matter is not valid YAML" in problems(editor)[0]
    assert editor.fields.notice.isVisibleTo(editor.fields)
    assert "No preview yet" in editor.preview.toPlainText()


def test_an_interrupted_save_leaves_the_old_file_whole(
    qtbot, open_editor, lesson_file, monkeypatch
):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "Half-way")

    real_replace = os.replace

    def fail(source, target):
        if os.fspath(target) == str(lesson_file):
            raise OSError(28, "No space left on device")
        real_replace(source, target)  # the draft is still written

    monkeypatch.setattr(os, "replace", fail)
    errors = []
    answer_with(monkeypatch, "critical", Button.Ok, errors)
    press_save(qtbot, editor)
    assert lesson_file.read_bytes() == ORIGINAL
    assert sorted(p.name for p in lesson_file.parent.iterdir()) == ["mine.md"]
    assert "No space left on device" in errors[0]
    assert editor.isWindowModified()
    assert read_draft(editor.drafts, lesson_file).text.endswith("Half-way")


@pytest.mark.parametrize(
    ("button", "closed", "file_ends"),
    [
        (Button.Cancel, False, b"spaces.\t\r\n"),
        (Button.Discard, True, b"spaces.\t\r\n"),
        (Button.Save, True, b"Unsaved"),
    ],
)
def test_closing_with_unsaved_changes_asks(
    qtbot, open_editor, lesson_file, monkeypatch, button, closed, file_ends
):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "Unsaved")
    asked = []
    answer_with(monkeypatch, "warning", button, asked)
    assert editor.close() is closed
    assert asked == ["Save your changes to “Mine” before closing?"]
    assert lesson_file.read_bytes().endswith(file_ends)
    if closed:
        assert not draft_file(editor.drafts, lesson_file).exists()


def test_closing_without_changes_does_not_ask(open_editor, lesson_file, monkeypatch):
    editor = open_editor(lesson_file)
    answer_with(monkeypatch, "warning", Button.Cancel, asked := [])
    assert editor.close() is True
    assert asked == []


def test_a_draft_survives_a_crash_and_is_offered_back(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "Typed before the crash")
    qtbot.wait_until(lambda: draft_file(editor.drafts, lesson_file).exists())
    editor.deleteLater()  # a crash: no close, no question
    again = open_editor(lesson_file)
    assert again.banner.kind == "draft"
    assert "Unsaved changes from" in again.banner.label.text()
    qtbot.mouseClick(again.banner.button("Restore"), Qt.MouseButton.LeftButton)
    assert again.text().endswith("Typed before the crash")
    assert again.isWindowModified() and again.banner.isHidden()


def test_a_discarded_draft_is_gone(qtbot, open_editor, lesson_file, catalog):
    from explorer.core.drafts import write_draft

    write_draft(catalog.paths.drafts, lesson_file, "---\ntitle: Old draft\n---\n")
    editor = open_editor(lesson_file)
    qtbot.mouseClick(editor.banner.button("Discard"), Qt.MouseButton.LeftButton)
    assert read_draft(catalog.paths.drafts, lesson_file) is None
    assert editor.text().startswith("---\ntitle: Mine")


def test_a_file_changed_on_disk_is_reloaded_when_nothing_is_unsaved(
    qtbot, open_editor, lesson_file
):
    editor = open_editor(lesson_file)
    lesson_file.write_bytes(ORIGINAL.replace(b"Mine", b"Theirs"))
    qtbot.wait_until(lambda: editor.text().startswith("---\ntitle: Theirs"))
    assert not editor.isWindowModified()


def test_a_file_changed_on_disk_while_editing_gives_a_warning(
    qtbot, open_editor, lesson_file, monkeypatch
):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "Mine wins")
    lesson_file.write_bytes(ORIGINAL.replace(b"Mine", b"Theirs"))
    qtbot.wait_until(lambda: editor.banner.kind == "changed")
    assert "was changed by another program" in editor.banner.label.text()
    qtbot.mouseClick(editor.banner.button("Keep My Version"), Qt.MouseButton.LeftButton)
    answer_with(monkeypatch, "warning", Button.Cancel, asked := [])
    press_save(qtbot, editor)
    assert asked == []  # already decided
    assert lesson_file.read_bytes().endswith(b"Mine wins")


def test_reload_from_the_warning_takes_the_other_version(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "Lost on purpose")
    lesson_file.write_bytes(ORIGINAL.replace(b"Mine", b"Theirs"))
    qtbot.wait_until(lambda: editor.banner.kind == "changed")
    qtbot.mouseClick(editor.banner.button("Reload"), Qt.MouseButton.LeftButton)
    assert editor.text().startswith("---\ntitle: Theirs") and not editor.is_dirty()


def test_saving_over_a_change_not_yet_noticed_asks_first(
    qtbot, open_editor, lesson_file, monkeypatch
):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "Mine")
    editor.file_watch.blockSignals(True)  # the change is not noticed before the save
    lesson_file.write_bytes(b"---\ntitle: Theirs\nsection: types\n---\n")
    answer_with(monkeypatch, "warning", Button.Cancel, asked := [])
    press_save(qtbot, editor)
    assert len(asked) == 1 and "was changed by another program" in asked[0]
    assert lesson_file.read_bytes() == b"---\ntitle: Theirs\nsection: types\n---\n"


def test_a_new_lesson_from_the_template_is_saved_as_a_new_file(qtbot, open_editor, catalog):
    path = catalog.paths.teacher_lessons / "fresh.md"
    editor = open_editor(path, lesson_template("Fresh", "outlook"))
    assert editor.isWindowModified() and editor.problems.label.text() == "No problems"
    with qtbot.wait_signal(editor.lesson_saved) as saved:
        press_save(qtbot, editor)
    assert saved.args == ["fresh"]
    assert path.read_text().startswith("---\ntitle: Fresh\nsection: outlook\n")


def test_insert_link_picks_a_partnership_by_typing(qtbot, open_editor, lesson_file):
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "")

    def pick():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.filter, "exomars")
        qtbot.keyClick(dialog.filter, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick)
    qtbot.keyClick(editor.editor, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert editor.text().endswith("[ExoMars (ESA-Roscosmos)](partnership:exomars-esa-roscosmos)")


def test_insert_image_copies_it_next_to_the_lesson(
    qtbot, open_editor, lesson_file, tmp_path, monkeypatch
):
    picture = tmp_path / "Launch Pad.png"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n")
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", staticmethod(lambda *args, **kwargs: (str(picture), ""))
    )
    editor = open_editor(lesson_file)
    type_at_end(qtbot, editor, "")
    editor.image_action.trigger()
    assert editor.text().endswith("![Launch Pad](images/launch-pad.png)")
    assert (lesson_file.parent / "images" / "launch-pad.png").read_bytes() == picture.read_bytes()
    qtbot.wait_until(lambda: editor.problems.label.text() == "No problems")
