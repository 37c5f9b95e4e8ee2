import pytest

from explorer.ui.lesson_editor.watcher import LessonFolderWatcher

LESSON = "---\ntitle: {title}\nsection: types\n---\n\n## Body\n\nText.\n"


@pytest.fixture
def watcher(qtbot, catalog):
    made = LessonFolderWatcher(catalog)
    yield made
    made.stop()
    made.deleteLater()


def titles(catalog):
    return {lesson.slug: lesson.title for lesson in catalog.library.lessons}


def test_a_new_lesson_file_appears(qtbot, watcher, catalog):
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        (catalog.paths.teacher_lessons / "mine.md").write_text(LESSON.format(title="Mine"))
    assert titles(catalog)["mine"] == "Mine"
    assert catalog.library.get("mine").origin == "teacher"


def test_a_changed_lesson_file_is_read_again(qtbot, watcher, catalog):
    path = catalog.paths.teacher_lessons / "mine.md"
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.write_text(LESSON.format(title="First"))
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.write_text(LESSON.format(title="Second"))
    assert titles(catalog)["mine"] == "Second"


def test_a_file_replaced_atomically_is_still_watched(qtbot, watcher, catalog):
    path = catalog.paths.teacher_lessons / "mine.md"
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.write_text(LESSON.format(title="First"))
    for title in ("Second", "Third"):
        temp = path.with_name(".mine.md.tmp")
        temp.write_text(LESSON.format(title=title))
        with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
            temp.replace(path)
        assert titles(catalog)["mine"] == title
    assert str(path) in watcher.watched()


def test_a_removed_lesson_file_disappears(qtbot, watcher, catalog):
    path = catalog.paths.teacher_lessons / "mine.md"
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.write_text(LESSON.format(title="Mine"))
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.unlink()
    assert "mine" not in titles(catalog)


def test_a_lesson_with_problems_still_appears_with_its_messages(qtbot, watcher, catalog):
    text = "---\ntitle: Broken links\nsection: types\n---\n\nSee [x](partnership:nope).\n"
    path = catalog.paths.teacher_lessons / "broken.md"
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.write_text(text)
    lesson = catalog.library.get("broken")
    assert lesson is not None
    assert [str(p) for p in lesson.problems] == [f"{path}:6: link to unknown partnership 'nope'"]


def test_a_teacher_lesson_overrides_the_bundled_one_and_removing_it_restores(
    qtbot, watcher, catalog
):
    path = catalog.paths.teacher_lessons / "why-partner.md"
    bundled_title = catalog.library.get("why-partner").title
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.write_text(LESSON.format(title="My version"))
    assert titles(catalog)["why-partner"] == "My version"
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        path.unlink()
    assert titles(catalog)["why-partner"] == bundled_title


def test_files_the_app_does_not_read_cause_no_reload(watcher, catalog):
    (catalog.paths.teacher_lessons / "notes.txt").write_text("x")
    (catalog.paths.teacher_lessons / ".mine.md.tmp").write_text("x")
    assert watcher.rescan() is False
    (catalog.paths.teacher_lessons / "mine.md").write_text(LESSON.format(title="Mine"))
    assert watcher.rescan() is True
    assert watcher.rescan() is False


def test_a_deleted_and_recreated_folder_is_watched_again(qtbot, watcher, catalog):
    folder = catalog.paths.teacher_lessons
    folder.rmdir()
    watcher.rescan()
    assert str(catalog.paths.data_dir) in watcher.watched()
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        folder.mkdir()
        (folder / "mine.md").write_text(LESSON.format(title="Back"))
    assert titles(catalog)["mine"] == "Back"


def test_a_lesson_added_in_a_subfolder_appears_in_its_collection(qtbot, watcher, catalog):
    unit = catalog.paths.teacher_lessons / "unit" / "episodes"
    unit.mkdir(parents=True)  # an empty folder changes nothing in the library...
    qtbot.wait_until(lambda: str(unit) in watcher.watched(), timeout=5000)  # ...but is watched
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        (unit / "01-first.md").write_text(
            LESSON.format(title="First").replace("section: types\n", "")
        )
    lesson = catalog.library.get("unit/episodes/01-first")
    assert (lesson.title, lesson.group_title) == ("First", "Unit")
    with qtbot.wait_signal(watcher.lessons_changed, timeout=5000):
        (unit / "01-first.md").write_text(LESSON.format(title="Changed"))
    assert catalog.library.get("unit/episodes/01-first").title == "Changed"
