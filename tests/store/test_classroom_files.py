"""The classroom's files: progress and bookmarks survive a restart, a damaged or newer
file is never lost or overwritten, two writers keep each other's changes, backups hold
them, packs carry bookmarks when asked, and students' files merge into CSV."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from dataclasses import replace

import pytest

from explorer.core.classroom import bookmarks as marks
from explorer.core.classroom.merge import class_table
from explorer.core.search import Filters
from explorer.store.backups import create_backup
from explorer.store.catalog import Catalog
from explorer.store.classroom_files import (
    BEFORE_RESET,
    BookmarkStore,
    ProgressStore,
    read_student_files,
    table_bytes,
)
from explorer.store.import_files import undo_last_import
from explorer.store.pack_export import export_pack
from explorer.store.pack_import import import_pack, read_pack

VIEW = marks.TimelineState(1990, 2010, "domain", Filters(type=frozenset({"bilateral"})))


@pytest.fixture
def lesson(catalog):
    return catalog.library.get("why-partner")  # one question: Apollo and Soyuz (A)


def test_progress_survives_a_restart(paths, lesson):
    store = ProgressStore(paths.data_dir)
    store.opened("why-partner")
    store.answered(lesson, 0, 1)
    store.finished("why-partner")
    store.opened("sharing-the-cost")
    again = ProgressStore(paths.data_dir)
    assert again.progress == store.progress and again.notice == ""
    assert again.progress.status("why-partner") == "read"
    assert again.progress.status("sharing-the-cost") == "started"
    assert again.progress.of("why-partner").answers[0].first == 1


def test_nothing_is_written_until_something_changes(paths):
    store = ProgressStore(paths.data_dir)
    assert not store.file.path.exists()
    store.opened("why-partner")
    written = store.file.path.stat().st_mtime_ns
    assert not store.opened("why-partner")
    assert store.file.path.stat().st_mtime_ns == written


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"{not json", "not valid JSON"),
        (b"\xff\xfe\x00", "not valid JSON"),
        (b'{"format": "something-else", "format_version": 1}', "not a space explorer progress"),
        (
            b'{"format": "space-explorer-progress", "format_version": 1, "lessons": {"x": 1}}',
            "must be an object",
        ),
    ],
)
def test_a_damaged_progress_file_is_kept_aside_and_a_new_one_started(paths, content, reason):
    path = paths.data_dir / "progress" / "progress.json"
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    store = ProgressStore(paths.data_dir)
    assert reason in store.notice and "was kept as progress.json.damaged-" in store.notice
    (kept,) = path.parent.glob("progress.json.damaged-*")
    assert kept.read_bytes() == content  # nothing lost
    store.opened("why-partner")
    assert json.loads(path.read_bytes())["lessons"]["why-partner"]["status"] == "started"
    assert kept.read_bytes() == content


def test_a_progress_file_from_a_newer_app_is_never_overwritten(paths):
    path = paths.data_dir / "progress" / "progress.json"
    path.parent.mkdir(parents=True)
    newer = b'{"format": "space-explorer-progress", "format_version": 7, "lessons": {}}'
    path.write_bytes(newer)
    store = ProgressStore(paths.data_dir)
    assert "newer version of the app" in store.notice
    store.opened("why-partner")  # kept in memory for this session only
    assert store.progress.status("why-partner") == "started"
    assert store.reset() is None
    assert path.read_bytes() == newer
    assert list(path.parent.iterdir()) == [path]


def test_two_windows_keep_each_others_progress(paths, lesson):
    first, second = ProgressStore(paths.data_dir), ProgressStore(paths.data_dir)
    first.opened("why-partner")
    second.opened("sharing-the-cost")  # reads the first one's change before writing
    first.answered(lesson, 0, 0)
    final = ProgressStore(paths.data_dir).progress
    assert final.status("why-partner") == final.status("sharing-the-cost") == "started"
    assert final.of("why-partner").answers[0].first == 0


def test_a_reset_keeps_one_copy_of_what_was_there(paths):
    store = ProgressStore(paths.data_dir)
    store.opened("why-partner")
    before = store.file.path.read_bytes()
    kept = store.reset()
    assert kept == store.folder / BEFORE_RESET and kept.read_bytes() == before
    assert ProgressStore(paths.data_dir).progress.lessons == {}


def test_bookmarks_survive_a_restart_and_a_rename(paths):
    store = BookmarkStore(paths.data_dir)
    lesson = store.add(marks.Bookmark.new("lesson:why-partner", "Why partner?", "t1"))
    view = store.add(marks.Bookmark.new("timeline", "Bilateral", "t2", VIEW))
    assert store.add(marks.Bookmark.new("lesson:why-partner", "Again", "t3")) == lesson
    store.rename(view.id, "Bilateral by domain")
    again = BookmarkStore(paths.data_dir).bookmarks
    assert [(m.title, m.timeline) for m in again.items] == [
        ("Why partner?", None),
        ("Bilateral by domain", VIEW),
    ]


def test_backups_hold_progress_and_bookmarks(catalog, paths):
    ProgressStore(paths.data_dir).opened("why-partner")
    BookmarkStore(paths.data_dir).add(marks.Bookmark.new("topic:", "All topics", "t"))
    info = create_backup(catalog.partnerships, paths)
    names = zipfile.ZipFile(info.path).namelist()
    assert "progress/progress.json" in names and "bookmarks/bookmarks.json" in names


def test_a_pack_carries_bookmarks_only_when_asked(catalog, paths, tmp_path):
    BookmarkStore(paths.data_dir).add(marks.Bookmark.new("timeline", "Bilateral", "t", VIEW))
    (paths.teacher_lessons / "mine.md").write_text("---\ntitle: Mine\n---\n\nText.\n")
    plain, with_marks = tmp_path / "plain.zip", tmp_path / "marks.zip"
    assert export_pack(catalog.partnerships, paths, plain).bookmarks == 0
    assert export_pack(catalog.partnerships, paths, with_marks, bookmarks=True).bookmarks == 1
    assert "bookmarks" not in json.loads(zipfile.ZipFile(plain).read("manifest.json"))

    other = Catalog.open(replace(paths, data_dir=tmp_path / "colleague"))
    try:
        own = BookmarkStore(other.paths.data_dir)
        own.add(marks.Bookmark.new("partnership:apollo-soyuz-test-project", "ASTP", "t0"))
        plan = read_pack(with_marks, other.partnerships, other.paths)
        assert {(i.kind, i.status) for i in plan.items} == {("lesson", "new"), ("bookmark", "new")}
        result = import_pack(plan, other.partnerships, other.paths)
        assert result.bookmarks == 1
        titles = [m.title for m in BookmarkStore(other.paths.data_dir).bookmarks.items]
        assert titles == ["ASTP", "Bilateral"]  # added to the colleague's own
        again = read_pack(with_marks, other.partnerships, other.paths)
        assert {i.status for i in again.items if i.kind == "bookmark"} == {"unchanged"}
        undo_last_import(other.partnerships, other.paths)
        titles = [m.title for m in BookmarkStore(other.paths.data_dir).bookmarks.items]
        assert titles == ["ASTP"]
    finally:
        other.close()


def test_a_pack_never_replaces_a_bookmarks_file_it_cannot_read(catalog, paths, tmp_path):
    BookmarkStore(paths.data_dir).add(marks.Bookmark.new("topic:", "All topics", "t"))
    pack = tmp_path / "marks.zip"
    export_pack(catalog.partnerships, paths, pack, bookmarks=True)
    other = Catalog.open(replace(paths, data_dir=tmp_path / "colleague"))
    try:
        damaged = other.paths.data_dir / "bookmarks" / "bookmarks.json"
        damaged.parent.mkdir(parents=True)
        damaged.write_bytes(b"{oops")
        plan = read_pack(pack, other.partnerships, other.paths)
        (item,) = plan.items
        assert item.status == "invalid" and "cannot be read" in item.reason
        import_pack(plan, other.partnerships, other.paths)
        assert damaged.read_bytes() == b"{oops"
    finally:
        other.close()


def test_students_files_merge_and_bad_ones_are_named(paths, catalog, lesson, tmp_path):
    files = []
    for number, (name, choice) in enumerate((("Ada", 0), ("Ben", 1), ("Cy", 0))):
        data = tmp_path / f"student-{number}"
        store = ProgressStore(data)
        store.answered(lesson, 0, choice)
        files.append(store.export(tmp_path / f"{name}.json", catalog.library.lessons, name))
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    found, problems = read_student_files([*files, tmp_path / "bad.json", tmp_path / "none.json"])
    assert [f.student for f in found] == ["Ada", "Ben", "Cy"]
    assert problems[0].startswith(f"{tmp_path / 'bad.json'}: it is not a space explorer")
    assert "none.json: cannot be read" in problems[1]
    data = table_bytes(class_table(found))
    assert data.startswith(b"\xef\xbb\xbf")  # spreadsheets read it as UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert [row[0] for row in rows] == ["student", "Ada", "Ben", "Cy"]
    assert [row[7] for row in rows[1:]] == ["1", "0", "1"]  # right first time
