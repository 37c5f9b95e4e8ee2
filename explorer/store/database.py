"""Open the catalog database: create, migrate, check integrity, set aside a bad file."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from explorer.store.migrations import migrations

APPLICATION_ID = 0x53504558  # "SPEX": tells our database from any other SQLite file


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    db: Database
    #: a sentence for the user when the old file had to be set aside, else ""
    notice: str = ""


def open_database(path: Path) -> OpenedDatabase:
    """Open (or create) the database at `path`, migrated to the current schema.

    A corrupt or foreign file is renamed `<name>.broken-<timestamp>` (never deleted) and a
    fresh database is built in its place; `notice` then says what happened.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    notice = ""
    problem = _check_file(path) if path.exists() else ""
    if problem:
        moved = set_aside(path)
        notice = (
            f"The database {path} could not be used ({problem}). It was moved to "
            f"{moved.name} and a fresh one was built from the bundled content."
        )
    db = Database(path, execute_plugins=False)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA foreign_keys=ON")
    db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations.apply(db)
    return OpenedDatabase(db, notice)


def _check_file(path: Path) -> str:
    """'' when the file is a healthy database of ours (or an empty file), else the reason."""
    if path.stat().st_size == 0:
        return ""
    try:
        with open(path, "rb") as handle:
            if handle.read(16) != b"SQLite format 3\x00":
                return "it is not an SQLite database"
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            app_id = connection.execute("PRAGMA application_id").fetchone()[0]
            if app_id != APPLICATION_ID:
                return "it belongs to another program"
            result = connection.execute("PRAGMA quick_check").fetchone()[0]
            if result != "ok":
                return f"integrity check failed: {result}"
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        return f"it is damaged: {exc}"
    return ""


def set_aside(path: Path) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.broken-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.broken-{stamp}-{counter}")
        counter += 1
    path.rename(target)
    for suffix in ("-wal", "-shm"):
        sidecar = path.with_name(path.name + suffix)
        if sidecar.exists():
            sidecar.rename(target.with_name(target.name + suffix))
    return target
