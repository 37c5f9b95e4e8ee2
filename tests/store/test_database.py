import sqlite3

import pytest
from sqlite_utils import Database

from explorer.store.database import APPLICATION_ID, NewerDatabaseError, open_database
from explorer.store.migrations import migrations

TABLES = {
    "partnerships",
    "partners",
    "partner_aliases",
    "partnership_partners",
    "partnership_countries",
    "milestones",
    "tags",
    "citations",
    "lessons",
    "meta",
    "vocabulary",
    "partnerships_fts",
    "lessons_fts",
}


def test_a_new_database_has_every_table(tmp_path):
    opened = open_database(tmp_path / "explorer.db")
    assert set(opened.db.table_names()) >= TABLES
    assert opened.notice == ""
    assert not migrations.pending(opened.db)


def test_an_earlier_schema_is_migrated_and_keeps_its_rows(tmp_path):
    path = tmp_path / "explorer.db"
    old = Database(path)
    old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations.apply(old, stop_before="m002_lesson_index")
    old["partnerships"].insert(
        {
            "slug": "mine",
            "name": "My partnership",
            "type": "bilateral",
            "start_year": 2001,
            "status": "active",
            "domain": "lunar",
            "origin": "user",
        }
    )
    old.close()
    opened = open_database(path)
    assert "lessons" in opened.db.table_names()
    assert opened.db["partnerships"].get("mine")["name"] == "My partnership"
    assert opened.notice == ""


def test_a_corrupt_file_is_set_aside_and_rebuilt(tmp_path):
    path = tmp_path / "explorer.db"
    open_database(path).db.close()
    data = bytearray(path.read_bytes())
    data[100:4000] = b"\xff" * 3900
    path.write_bytes(bytes(data))
    opened = open_database(path)
    kept = [
        p for p in tmp_path.glob("explorer.db.broken-*") if not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1 and kept[0].read_bytes() == bytes(data)
    assert "could not be used" in opened.notice and kept[0].name in opened.notice
    assert set(opened.db.table_names()) >= TABLES


def test_a_text_file_in_its_place_is_kept_not_deleted(tmp_path):
    path = tmp_path / "explorer.db"
    path.write_text("my shopping list", encoding="utf-8")
    opened = open_database(path)
    assert "not an SQLite database" in opened.notice
    kept = list(tmp_path.glob("explorer.db.broken-*"))
    assert kept[0].read_text(encoding="utf-8") == "my shopping list"


def test_another_programs_database_is_not_touched(tmp_path):
    path = tmp_path / "explorer.db"
    other = sqlite3.connect(path)
    other.execute("create table recipes (name text)")
    other.execute("insert into recipes values ('soup')")
    other.commit()
    other.close()
    opened = open_database(path)
    assert "another program" in opened.notice
    kept = next(tmp_path.glob("explorer.db.broken-*"))
    assert sqlite3.connect(kept).execute("select name from recipes").fetchall() == [("soup",)]


def test_a_database_from_a_newer_app_is_left_untouched(tmp_path):
    path = tmp_path / "explorer.db"
    open_database(path).db.close()
    newer = sqlite3.connect(path)
    newer.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('space-explorer', 'm999_from_the_future', '2030-01-01')"
    )
    newer.commit()
    newer.close()
    before = path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before
    assert not list(tmp_path.glob("explorer.db.broken-*"))


@pytest.mark.parametrize("table", ["milestones", "partnerships", "lessons_fts"])
def test_a_dropped_table_is_noticed_and_the_database_rebuilt(tmp_path, table):
    path = tmp_path / "explorer.db"
    open_database(path).db.close()
    damaged = sqlite3.connect(path)
    damaged.execute(f"drop table {table}")
    damaged.commit()
    damaged.close()
    opened = open_database(path)
    assert table in opened.db.table_names()
    assert f"the table {table} is missing" in opened.notice
    assert len(list(tmp_path.glob("explorer.db.broken-*"))) == 1


def test_a_folder_in_the_databases_place_is_moved_aside(tmp_path):
    path = tmp_path / "explorer.db"
    path.mkdir()
    (path / "notes.txt").write_text("keep me", encoding="utf-8")
    opened = open_database(path)
    assert "folder" in opened.notice
    kept = next(tmp_path.glob("explorer.db.broken-*"))
    assert (kept / "notes.txt").read_text(encoding="utf-8") == "keep me"
    assert set(opened.db.table_names()) >= TABLES


def test_the_notice_names_no_folder_a_student_would_not_know(tmp_path):
    path = tmp_path / "explorer.db"
    path.write_text("not a database", encoding="utf-8")
    notice = open_database(path).notice
    assert str(tmp_path) not in notice and "rebuilt" in notice


def _truncate(path):
    path.write_bytes(path.read_bytes()[:3000])


def _zero_header(path):
    data = bytearray(path.read_bytes())
    data[:100] = bytes(100)
    path.write_bytes(bytes(data))


def _overwrite_pages(path):
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 6] = b"\x5a" * (4096 * 5)
    path.write_bytes(bytes(data))


def _foreign(path):
    path.unlink()
    other = sqlite3.connect(path)
    other.execute("create table notes (text)")
    other.commit()
    other.close()


@pytest.mark.parametrize(
    "damage",
    [
        lambda path: path.unlink(),
        _truncate,
        _zero_header,
        _overwrite_pages,
        lambda path: path.write_text("not a database", encoding="utf-8"),
        _foreign,
        lambda path: path.write_bytes(b""),
    ],
    ids=["deleted", "truncated", "zeroed header", "pages overwritten", "text", "foreign", "empty"],
)
def test_whatever_happens_to_the_database_every_teacher_partnership_is_back(paths, damage):
    from dataclasses import replace

    from explorer.store.authoring import save_partnership
    from explorer.store.catalog import Catalog

    catalog = Catalog.open(paths)
    store = catalog.partnerships
    mine = replace(store.get("exomars-esa-roscosmos"), slug="moon-base", name="Moon Base")
    save_partnership(store, paths, mine)
    save_partnership(store, paths, replace(store.get("apollo-soyuz-test-project"), name="Mine"))
    before = {p.slug: p for p in store.all()}
    catalog.close()
    for sidecar in ("-wal", "-shm"):
        paths.database.with_name(paths.database.name + sidecar).unlink(missing_ok=True)
    damage(paths.database)
    again = Catalog.open(paths)
    assert {p.slug: p for p in again.partnerships.all()} == before
    for notice in again.notices:
        assert "rebuilt" in notice and str(paths.data_dir) not in notice
    again.close()


def test_a_newer_apps_database_is_refused_and_the_teachers_files_are_untouched(paths):
    from dataclasses import replace

    from explorer.store.authoring import save_partnership
    from explorer.store.catalog import Catalog
    from tests.store.conftest import files_under

    catalog = Catalog.open(paths)
    mine = replace(catalog.partnerships.get("exomars-esa-roscosmos"), slug="moon-base")
    save_partnership(catalog.partnerships, paths, mine)
    catalog.close()
    newer = sqlite3.connect(paths.database)
    newer.execute(
        "insert into _sqlite_migrations (migration_set, name, applied_at) "
        "values ('space-explorer', 'm999_future', '2030-01-01')"
    )
    newer.commit()
    newer.close()
    files = files_under(paths.data_dir / "partnerships")
    with pytest.raises(NewerDatabaseError):
        Catalog.open(paths)
    assert files_under(paths.data_dir / "partnerships") == files


def test_a_killed_writers_temporary_files_are_swept_at_the_next_start(paths):
    import os

    from explorer.store.catalog import Catalog

    lessons = paths.teacher_lessons
    lessons.mkdir(parents=True, exist_ok=True)
    dead = lessons / ".mine.md.999999999.abc123.tmp"  # no process has this id
    alive = lessons / f".mine.md.{os.getppid()}.def456.tmp"  # a process that runs
    dead.write_text("half a lesson")
    alive.write_text("being written")
    Catalog.open(paths).close()
    assert not dead.exists() and alive.exists()
