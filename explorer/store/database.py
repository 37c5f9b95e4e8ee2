"""Open the catalog database: create, migrate, check, set aside a bad file; write safely.

The database is an index: everything in it is rebuilt from the bundled content and the
teacher's files. Any number of processes may use it at once (the window, the command
line, sqlite3, Datasette), so three rules hold here (docs/decisions/011-one-database-many-
processes.md):

- The database file is only ever opened through SQLite. Opening it with plain file
  calls and closing that handle drops every POSIX lock the process holds on it, after
  which another process believes it is the last user and deletes the write-ahead log
  under our feet (the cause of the corruption seen with the window and `info` at once).
- Checking, setting aside, creating and migrating happen under an inter-process lock on
  a separate file (`explorer.db.lock`), so one process never judges another's database
  while it is being created.
- Writers wait for each other (a busy timeout) and take the write lock when their
  transaction begins (`BEGIN IMMEDIATE`), so a transaction that read first can never fail
  with "database is locked" when it comes to write.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from filelock import FileLock
from sqlite_utils import Database

from explorer.store.migrations import migrations

APPLICATION_ID = 0x53504558  # "SPEX": tells our database from any other SQLite file
BUSY_TIMEOUT_S = 30.0  # how long a writer waits for another process's transaction
LOCK_TIMEOUT_S = 120.0  # how long a process waits for another one's first build
MIGRATIONS_TABLE = "_sqlite_migrations"
#: the tables every healthy catalog has (a database missing one was damaged)
REQUIRED_TABLES = frozenset(
    {
        "meta",
        "partners",
        "partner_aliases",
        "partnerships",
        "partnership_partners",
        "partnership_countries",
        "milestones",
        "tags",
        "citations",
        "partnerships_fts",
        "lessons",
        "lessons_fts",
        "vocabulary",
    }
)


class NewerDatabaseError(Exception):
    """The database was made by a newer version of the app: it is left untouched."""


@dataclass(frozen=True, slots=True)
class SetAside:
    """A database file that could not be used and was moved aside (never deleted)."""

    reason: str  # for the user, e.g. "it is not an SQLite database"
    moved_to: Path


@dataclass(frozen=True, slots=True)
class OpenedDatabase:
    db: Database
    set_aside: SetAside | None = None

    @property
    def notice(self) -> str:
        """A sentence for the user when the old file had to be set aside, else ''."""
        if self.set_aside is None:
            return ""
        return (
            f"The app's index of lessons and partnerships could not be used "
            f"({self.set_aside.reason}), so it was rebuilt from the app's content and "
            f"the files in your data folder. The old file was kept as "
            f"{self.set_aside.moved_to.name}."
        )


def connect(path: Path) -> Database:
    """A further connection to a database that `open_database` has opened already (for a
    background job): no checks, no migrations."""
    connection = sqlite3.connect(path, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
    db = Database(connection, execute_plugins=False)
    db.execute("PRAGMA foreign_keys=ON")
    return db


def open_database(path: Path) -> OpenedDatabase:
    """Open (or create) the database at `path`, migrated to the current schema.

    A corrupt, damaged or foreign file is renamed `<name>.broken-<time>` (never deleted)
    and a fresh database is built in its place; `set_aside` then says what happened.
    Raises NewerDatabaseError, touching nothing, when a newer app made the file.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(str(path) + ".lock", timeout=LOCK_TIMEOUT_S):
        moved = None
        problem = _problem_with(path)
        if problem:
            moved = SetAside(problem, set_aside(path))
        db = _create_or_migrate(path)
        missing = REQUIRED_TABLES - set(db.table_names())
        if missing:  # a table was dropped: the file is damaged in a way checks miss
            db.close()
            reason = f"the table {sorted(missing)[0]} is missing"
            moved = SetAside(reason, set_aside(path))
            db = _create_or_migrate(path)
    return OpenedDatabase(db, moved)


def _create_or_migrate(path: Path) -> Database:
    db = connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    if db.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        db.execute(f"PRAGMA application_id={APPLICATION_ID}")
    if migrations.pending(db):
        with writing(db):
            migrations.apply(db)
    return db


def _problem_with(path: Path) -> str:
    """'' when `path` is missing, empty or a healthy database of ours; else the reason.

    Raises NewerDatabaseError for a database of ours with migrations this version lacks.
    """
    if path.is_dir():
        return "there is a folder where the file should be"
    if not path.exists() or path.stat().st_size == 0:
        return ""
    try:
        connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    except sqlite3.Error as exc:
        return f"it cannot be opened: {exc}"
    try:
        return _judge(connection)
    except sqlite3.DatabaseError as exc:
        if "not a database" in str(exc):
            return "it is not an SQLite database"
        return f"it is damaged: {exc}"
    finally:
        connection.close()


def _judge(connection: sqlite3.Connection) -> str:
    tables = {row[0] for row in connection.execute("select name from sqlite_master")}
    app_id = connection.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID:
        # a file sqlite3 created empty is fine to build on; anything else is not ours
        return "" if not tables else "it belongs to another program"
    if MIGRATIONS_TABLE in tables:
        applied = {
            row[0]
            for row in connection.execute(
                f"select name from {MIGRATIONS_TABLE} where migration_set = ?",
                [migrations.name],
            )
        }
        unknown = applied - _known_migrations()
        if unknown:
            raise NewerDatabaseError(
                "the database was made by a newer version of Space Partnerships Explorer; "
                "update the app to use it (it was left untouched)"
            )
    result = connection.execute("PRAGMA quick_check").fetchone()[0]
    return "" if result == "ok" else f"the integrity check failed: {result}"


def _known_migrations() -> set[str]:
    """Every migration this version has (all of them are pending on an empty database)."""
    return {m.name for m in migrations.pending(Database(memory=True))}


def set_aside(path: Path) -> Path:
    """Rename a database (and its -wal and -shm files) to `<name>.broken-<time>`."""
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


@contextlib.contextmanager
def writing(db: Database) -> Iterator[Database]:
    """A write transaction that holds the write lock from its start (`BEGIN IMMEDIATE`),
    waiting up to the busy timeout for another process's; nested, a savepoint."""
    if db.conn.in_transaction:
        with db.atomic():
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.rollback()
        raise
    db.conn.commit()
