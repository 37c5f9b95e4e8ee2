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
