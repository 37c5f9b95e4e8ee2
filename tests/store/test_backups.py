"""Backups: what they hold, keeping the newest 10, once a day, and restoring."""

from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from explorer.store.authoring import delete_partnership, save_partnership
from explorer.store.backups import (
    BackupError,
    create_backup,
    daily_backup,
    list_backups,
    restore_backup,
)
from tests.store.conftest import database_rows, files_under

LESSON = "---\ntitle: Mine\nsection: outlook\n---\n\nHello.\n"


@pytest.fixture
def teacher_data(store, paths):
    moon = replace(store.get("exomars-esa-roscosmos"), slug="moon-base", name="Moon Base")
    save_partnership(store, paths, moon)
    save_partnership(store, paths, replace(store.get("apollo-soyuz-test-project"), name="Mine"))
    (paths.teacher_lessons / "images").mkdir(parents=True, exist_ok=True)
    (paths.teacher_lessons / "mine.md").write_text(LESSON, encoding="utf-8")
    (paths.teacher_lessons / "images" / "a.png").write_bytes(b"\x89PNG fake")
    return store


def test_a_backup_holds_the_teachers_rows_and_files(teacher_data, paths):
    info = create_backup(teacher_data, paths, "manual")
    assert (info.reason, info.partnerships, info.files) == ("manual", 2, 2)
    assert [b.id for b in list_backups(paths)] == [info.id]
    assert info.path.parent == paths.backups and info.id.endswith("-manual")


def test_only_the_newest_ten_of_each_kind_are_kept(store, paths):
    made = [create_backup(store, paths, "manual").id for _ in range(12)]
    kept = [b.id for b in list_backups(paths)]
    assert kept == list(reversed(made))[:10]
    automatic = [create_backup(store, paths, "before-restore").id for _ in range(11)]
    kept = [b.id for b in list_backups(paths)]
    assert kept == list(reversed(automatic))[:10] + list(reversed(made))[:10]


def test_two_backups_in_the_same_second_both_stay(store, paths):
    moment = datetime(2026, 12, 1, 10, 0, 0)
    from explorer.store import backups

    first = backups._write(paths, backups._snapshot(store, paths), "manual", 10, moment)
    second = backups._write(paths, backups._snapshot(store, paths), "manual", 10, moment)
    assert first.id != second.id and first.path.is_file() and second.path.is_file()


def test_restore_brings_back_rows_and_files_and_backs_up_the_present(teacher_data, paths, catalog):
    store = teacher_data
    info = create_backup(store, paths)
    rows_then, files_then = database_rows(store.db), files_under(paths.teacher_lessons)
    delete_partnership(store, paths, "moon-base")
    save_partnership(store, paths, replace(store.get("exomars-esa-roscosmos"), name="ExoMars 2"))
    save_partnership(
        store, paths, replace(store.get("apollo-soyuz-test-project"), slug="astp-copy")
    )
    (paths.teacher_lessons / "mine.md").write_text(LESSON.replace("Hello", "Bye"), "utf-8")
    (paths.teacher_lessons / "extra.md").write_text(LESSON, encoding="utf-8")
    report = restore_backup(store, paths, info.id)
    assert database_rows(store.db) == rows_then
    assert files_under(paths.teacher_lessons) == files_then
    assert (report.partnerships, report.files, report.removed_files) == (2, 2, 1)
    assert report.safety_backup.endswith("-before-restore")
    safety = {b.id: b for b in list_backups(paths)}[report.safety_backup]
    assert (safety.partnerships, safety.files) == (3, 3)
    assert store.get("exomars-esa-roscosmos").edited is False  # back to the bundled version


def test_restoring_an_unknown_or_damaged_backup_is_refused(store, paths):
    with pytest.raises(BackupError, match="no backup with the id 'nope'"):
        restore_backup(store, paths, "nope")
    paths.backups.mkdir(parents=True)
    (paths.backups / "20200101-000000-manual.zip").write_bytes(b"not a zip")
    assert [b.reason for b in list_backups(paths)] == ["damaged"]
    before = database_rows(store.db)
    with pytest.raises(BackupError, match="cannot be read"):
        restore_backup(store, paths, "20200101-000000-manual")
    assert database_rows(store.db) == before


def test_a_daily_backup_is_made_once_a_day_and_only_when_something_changed(teacher_data, paths):
    store = teacher_data
    day = datetime(2026, 11, 26, 9, 0)
    from explorer.store import backups

    backups._write(paths, backups._snapshot(store, paths), "before-restore", 10, day)
    save_partnership(store, paths, replace(store.get("moon-base"), name="Moon Base 1"))
    first = daily_backup(store, paths, day)
    assert first is not None and first.reason == "daily"
    assert daily_backup(store, paths, day + timedelta(hours=5)) is None
    assert daily_backup(store, paths, day + timedelta(days=1)) is None  # nothing changed
    save_partnership(store, paths, replace(store.get("moon-base"), name="Moon Base 2"))
    assert daily_backup(store, paths, day + timedelta(days=1)) is not None


def test_no_daily_backup_without_teacher_data(store, paths):
    assert daily_backup(store, paths) is None
    assert list_backups(paths) == []
