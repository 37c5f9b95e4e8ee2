"""publish datasette: a read-only copy of the database, described table by table and column
by column (here, in metadata.json and in docs/database.md), with canned queries that
answer what teachers ask. Datasette itself serves it in tests/publish/."""

from __future__ import annotations

import json
import re
import sqlite3
import stat
from pathlib import Path

import pytest

from explorer.store.publish_datasette import publish_datasette, serve_command
from explorer.store.publish_metadata import DATABASE_NAME, HIDDEN, QUERIES, SEARCHABLE, TABLES

DOC = Path(__file__).resolve().parents[2] / "docs" / "database.md"
FTS_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")


def tables_and_columns(connection: sqlite3.Connection) -> dict[str, set[str]]:
    """Every table a reader sees (FTS5's own storage tables left out), with its columns."""
    names = [
        row[0]
        for row in connection.execute("select name from sqlite_master where type = 'table'")
        if not row[0].startswith("sqlite_") and not FTS_SHADOW.search(row[0])
    ]
    return {
        name: {row[1] for row in connection.execute(f"pragma table_info([{name}])")}
        for name in names
    }


def documented() -> dict[str, set[str]]:
    """docs/database.md's table: each table with the columns named in its row."""
    found: dict[str, set[str]] = {}
    for line in DOC.read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        without_notes = re.sub(r"\([^()]*\)", "", cells[2])
        columns = set(re.findall(r"`([^`]+)`", without_notes))
        for table in re.findall(r"`([^`]+)`", cells[0]):
            found[table] = columns
    return found


@pytest.fixture
def published(catalog, tmp_path):
    return publish_datasette(catalog, tmp_path / "datasette")


@pytest.fixture
def copy(published):
    connection = sqlite3.connect(f"{published.database.as_uri()}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    yield connection
    connection.close()


def query(copy: sqlite3.Connection, name: str, **params: str) -> list[dict]:
    return [dict(row) for row in copy.execute(QUERIES[name]["sql"], params)]


def test_every_table_and_column_of_the_live_database_is_described(catalog):
    live = tables_and_columns(catalog.db.conn)
    doc = documented()
    for table, columns in live.items():
        assert table in TABLES, f"{table}: add it to explorer/store/publish_metadata.py"
        assert set(TABLES[table][1]) == columns, f"{table}: metadata columns differ"
        assert table in doc, f"{table}: add it to docs/database.md"
        if not table.endswith("_fts"):
            assert doc[table] == columns, f"{table}: docs/database.md columns differ"


def test_every_table_of_the_published_copy_is_described_and_nothing_else(copy):
    tables = tables_and_columns(copy)
    assert set(tables) == set(TABLES)
    for table, columns in tables.items():
        assert set(TABLES[table][1]) == columns, table
    assert set(documented()) == set(TABLES)


def test_metadata_json_carries_licence_sources_search_and_queries(published):
    metadata = json.loads(published.metadata.read_text(encoding="utf-8"))
    assert metadata["license"] == "MIT" and metadata["source"]
    database = metadata["databases"][DATABASE_NAME]
    assert set(database["queries"]) == set(QUERIES)
    for table, entry in database["tables"].items():
        assert entry["description"] and all(entry["columns"].values()), table
        assert entry.get("hidden", False) == (table in HIDDEN)
    for table, index in SEARCHABLE.items():
        assert database["tables"][table]["fts_table"] == index
    readme = (published.folder / "README.txt").read_text(encoding="utf-8")
    assert "datasette serve --immutable space-partnerships.db --metadata metadata.json" in readme


def test_the_copy_is_read_only_without_a_write_ahead_log(published, copy):
    mode = stat.S_IMODE(published.database.stat().st_mode)
    assert mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) == 0
    assert copy.execute("pragma journal_mode").fetchone()[0] == "delete"
    assert sorted(p.name for p in published.folder.iterdir()) == [
        "README.txt",
        "metadata.json",
        "space-explorer-publish.json",
        "space-partnerships.db",
    ]
    assert (published.partnerships, published.lessons) == (3, 2)


def test_the_copy_keeps_lesson_file_names_not_the_publishers_folders(copy, paths):
    rows = {row["slug"]: row["path"] for row in copy.execute("select slug, path from lessons")}
    assert rows == {"why-partner": "why-partner.md", "sharing-the-cost": "sharing-the-cost.md"}
    assert str(paths.content_dir) not in json.dumps(rows)


@pytest.mark.parametrize(
    ("name", "params", "expected"),
    [
        ("partnerships_by_agency", {"agency": "esa"}, ["exomars-esa-roscosmos"]),
        ("partnerships_by_agency", {"agency": "European Space Agency"}, ["exomars-esa-roscosmos"]),
        (
            "partnerships_by_agency",
            {"agency": "NASA"},
            ["apollo-soyuz-test-project", "nasa-commercial-crew-program"],
        ),
        ("partnerships_by_agency", {"agency": "nobody"}, []),
        ("partnerships_by_decade", {"decade": "1970"}, ["apollo-soyuz-test-project"]),
        ("partnerships_by_decade", {"decade": "1970s"}, ["apollo-soyuz-test-project"]),
        (
            "partnerships_by_decade",
            {"decade": "2010"},
            ["nasa-commercial-crew-program", "exomars-esa-roscosmos"],
        ),
        # an active partnership runs to this year
        (
            "partnerships_by_decade",
            {"decade": "2020"},
            ["exomars-esa-roscosmos", "nasa-commercial-crew-program"],
        ),
        ("partnerships_by_type", {"type": "public-private"}, ["nasa-commercial-crew-program"]),
        (
            "partnerships_by_type",
            {"type": " Bilateral "},
            ["apollo-soyuz-test-project", "exomars-esa-roscosmos"],
        ),
    ],
)
def test_canned_queries_answer_by_agency_decade_and_type(copy, name, params, expected):
    assert sorted(row["slug"] for row in query(copy, name, **params)) == sorted(expected)


def test_lessons_that_cite_a_partnership(copy):
    rows = query(copy, "lessons_citing_partnership", partnership="ExoMars")
    assert [(row["lesson"], row["slug"]) for row in rows] == [
        ("Sharing the cost", "sharing-the-cost")
    ]
    rows = query(copy, "lessons_citing_partnership", partnership="apollo-soyuz-test-project")
    assert [row["slug"] for row in rows] == ["why-partner"]


def test_partnerships_per_decade_counts_each_partnership_once(copy):
    rows = query(copy, "partnerships_per_decade")
    assert [(r["decade"], r["partnerships"]) for r in rows] == [(1970, 1), (2010, 2)]
    assert all(
        r["bilateral"] + r["multilateral"] + r["public_private"] == r["partnerships"] for r in rows
    )


@pytest.mark.parametrize(
    ("table", "words", "expected"),
    [
        ("partnerships", "soyuz", ["apollo-soyuz-test-project"]),
        ("partnerships", "crews", ["nasa-commercial-crew-program"]),  # porter stemming
        ("lessons", "load", ["why-partner"]),
    ],
)
def test_full_text_search_works_on_the_copy(copy, table, words, expected):
    sql = (
        f"select slug from {table} where rowid in "
        f"(select rowid from {SEARCHABLE[table]} where {SEARCHABLE[table]} match ?)"
    )
    assert [row[0] for row in copy.execute(sql, [words])] == expected


def test_the_copy_is_a_snapshot_while_another_process_writes(catalog, paths, tmp_path):
    writer = sqlite3.connect(paths.database, isolation_level=None)
    writer.execute("begin immediate")
    writer.execute(
        "insert into partnerships (slug, name, type, start_year, status, domain, origin) "
        "values ('half-written', 'Half written', 'bilateral', 2030, 'planned', 'lunar', 'user')"
    )
    try:
        result = publish_datasette(catalog, tmp_path / "datasette")
    finally:
        writer.execute("rollback")
        writer.close()
    copy = sqlite3.connect(f"{result.database.as_uri()}?mode=ro", uri=True)
    slugs = {row[0] for row in copy.execute("select slug from partnerships")}
    copy.close()
    assert "half-written" not in slugs and len(slugs) == 3


def test_the_serve_command_is_the_one_the_readme_shows(tmp_path):
    command = serve_command(tmp_path / "a b.db", tmp_path / "metadata.json", "127.0.0.1", 9000)
    assert command.startswith("datasette serve --immutable ")
    assert f"'{tmp_path / 'a b.db'}'" in command
    assert command.endswith("--host 127.0.0.1 --port 9000")
