import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from explorer.core.drafts import write_draft
from explorer.core.location import Location
from explorer.ui.lesson_editor.actions import AuthoringActions

Button = QMessageBox.StandardButton


@pytest.fixture
def window(qtbot):
    made = QMainWindow()
    qtbot.add_widget(made)
    made.show()
    qtbot.wait_exposed(made)
    return made


@pytest.fixture
def authoring(qtbot, window, catalog, monkeypatch):
    # whatever is left open at the end closes without a question
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: Button.Discard))
    made = AuthoringActions(window, catalog)
    yield made
    made.close_editors()
    made.shutdown()


def answer_question(monkeypatch, button, asked=None):
    def answer(*args, **kwargs):
        if asked is not None:
            asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))


def in_dialog(qtbot, steps):
    """Run `steps(dialog)` once the modal dialog that is about to open is up."""

    def run():
        steps(QApplication.activeModalWidget())

    QTimer.singleShot(0, run)


def test_actions_follow_the_page_being_read(authoring, catalog):
    authoring.set_location(Location("lesson", "why-partner"))
    assert authoring.edit_copy_action.isEnabled()
    assert not authoring.revert_lesson_action.isEnabled()
    authoring.set_location(Location("partnership", "apollo-soyuz-test-project"))
    assert not authoring.edit_copy_action.isEnabled()
    partnerships = authoring.partnerships
    assert not partnerships.delete_partnership_action.isEnabled()  # bundled: never deleted
    assert not partnerships.revert_partnership_action.isEnabled()  # not edited yet
    assert all(a.text() for a in authoring.all_actions())


def test_edit_a_copy_then_revert_to_the_original(qtbot, authoring, catalog, monkeypatch):
    bundled = catalog.library.get("why-partner")
    authoring.set_location(Location("lesson", "why-partner"))
    with qtbot.wait_signal(authoring.events.catalog_changed):
        authoring.edit_copy_action.trigger()
    copy = catalog.paths.teacher_lessons / "why-partner.md"
    assert copy.read_bytes() == bundled.source_path.read_bytes()
    assert catalog.library.get("why-partner").origin == "teacher"
    assert list(authoring.editors) == [copy.resolve()]
    assert authoring.revert_lesson_action.isEnabled()

    answer_question(monkeypatch, Button.Yes, asked := [])
    with qtbot.wait_signal(authoring.events.catalog_changed):
        authoring.revert_lesson_action.trigger()
    assert "instead of your version" in asked[0]
    assert not copy.exists() and authoring.editors == {}
    kept = list((catalog.paths.drafts / "replaced").glob("why-partner-*.md"))
    assert len(kept) == 1 and kept[0].read_bytes() == bundled.source_path.read_bytes()
    assert catalog.library.get("why-partner").origin == "bundled"


def test_revert_cancelled_keeps_the_teachers_version(authoring, catalog, monkeypatch):
    authoring.edit_copy("why-partner")
    answer_question(monkeypatch, Button.Cancel)
    assert authoring.revert_lesson("why-partner") is False
    assert (catalog.paths.teacher_lessons / "why-partner.md").exists()


def test_editing_a_bundled_lesson_offers_a_copy(authoring, catalog, monkeypatch):
    answer_question(monkeypatch, Button.Cancel, asked := [])
    assert authoring.edit_lesson("why-partner") is None
    assert "comes with the app, so it cannot be changed" in asked[0]
    assert list(catalog.paths.teacher_lessons.iterdir()) == []


def test_a_new_lesson_is_written_saved_and_appears(qtbot, authoring, catalog):
    in_dialog(
        qtbot,
        lambda dialog: (
            qtbot.keyClicks(dialog.title, "Why partner at all?"),
            qtbot.keyClick(dialog.title, Qt.Key.Key_Return),
        ),
    )
    authoring.new_lesson_action.trigger()
    (editor,) = authoring.editors.values()
    # the bundled "why-partner" keeps its slug: the new lesson must not override it
    assert editor.path == catalog.paths.teacher_lessons / "why-partner-at-all.md"
    with qtbot.wait_signal(authoring.lesson_saved) as saved:
        editor.save_action.trigger()
    assert saved.args == ["why-partner-at-all"]
    assert catalog.library.get("why-partner-at-all").title == "Why partner at all?"


def test_the_same_lesson_opens_one_editor(authoring, catalog):
    path = catalog.paths.teacher_lessons / "mine.md"
    path.write_text("---\ntitle: Mine\nsection: types\n---\n")
    first = authoring.open_editor(path)
    assert authoring.open_editor(path) is first


def test_a_lesson_that_is_not_utf8_gets_a_message(authoring, catalog, monkeypatch):
    path = catalog.paths.teacher_lessons / "latin.md"
    path.write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda *a: shown.append(a[2])))
    assert authoring.open_editor(path) is None
    assert shown == [f"{path}: it is not UTF-8 text"]


def test_an_unsaved_new_lesson_is_listed_and_opened_from_its_draft(qtbot, authoring, catalog):
    path = catalog.paths.teacher_lessons / "half-written.md"
    write_draft(catalog.paths.drafts, path, "---\ntitle: Half\nsection: types\n---\nSo far\n")
    in_dialog(
        qtbot,
        lambda dialog: (
            qtbot.keyClicks(dialog.filter, "half"),
            qtbot.keyClick(dialog.filter, Qt.Key.Key_Return),
        ),
    )
    editor = authoring.edit_lesson()
    assert editor.path == path and editor.text().endswith("So far\n")
    assert editor.is_dirty()


def test_new_partnership_saved_through_the_actions(qtbot, authoring, catalog):
    authoring.partnerships.new_partnership_action.trigger()
    form = authoring.partnerships.form
    qtbot.keyClicks(form.name, "Relay")
    qtbot.keyClicks(form.start_year, "2030")
    with qtbot.wait_signal(authoring.partnerships.partnership_saved) as saved:
        qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert saved.args == ["relay"] and catalog.partnerships.get("relay").origin == "user"
    authoring.set_location(Location("partnership", "relay"))
    assert authoring.partnerships.delete_partnership_action.isEnabled()


def test_delete_and_revert_act_on_the_page_being_read(qtbot, authoring, catalog, monkeypatch):
    from dataclasses import replace

    from explorer.store.authoring import save_partnership

    store = catalog.partnerships
    save_partnership(
        store, catalog.paths, replace(store.get("apollo-soyuz-test-project"), name="Mine")
    )
    authoring.set_location(Location("partnership", "apollo-soyuz-test-project"))
    assert authoring.partnerships.revert_partnership_action.isEnabled()
    answer_question(monkeypatch, Button.Yes)
    with qtbot.wait_signal(authoring.partnerships.partnership_saved):
        authoring.partnerships.revert_partnership_action.trigger()
    assert store.origin_of("apollo-soyuz-test-project") == ("bundled", False)

    save_partnership(
        store, catalog.paths, replace(store.get("apollo-soyuz-test-project"), slug="mine")
    )
    authoring.set_location(Location("partnership", "mine"))
    with qtbot.wait_signal(authoring.partnerships.partnership_deleted) as deleted:
        authoring.partnerships.delete_partnership_action.trigger()
    assert deleted.args == ["mine"] and store.get("mine") is None


def test_close_editors_asks_and_can_be_refused(qtbot, authoring, catalog, monkeypatch):
    path = catalog.paths.teacher_lessons / "mine.md"
    path.write_text("---\ntitle: Mine\nsection: types\n---\n")
    editor = authoring.open_editor(path)
    editor.editor.appendPlainText("unsaved")
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: Button.Cancel))
    assert authoring.close_editors() is False
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: Button.Discard))
    assert authoring.close_editors() is True
