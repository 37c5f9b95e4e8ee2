"""Teacher rows that live only in a database, saved as a file so the files hold everything.

Two cases: a database from before the teacher's files were the source of truth (its
teacher rows are moved into one import file when it is first opened), and a damaged
database set aside (whatever teacher rows can still be read from it are recovered the
same way). A row that came from a teacher file (its `layer` is set) is safe already.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from explorer.core.atomic import atomic_write_bytes
from explorer.core.models import Partner, Partnership
from explorer.core.paths import AppPaths
from explorer.core.teacher_files import import_bytes, import_name, now_stamp
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore

MARK = "teacher_files"  # meta key: this database's teacher rows are all in files


@dataclass(frozen=True, slots=True)
class Rescued:
    partnerships: int
    file: str = ""  # the import file written, relative to the data folder
    unreadable: str = ""  # why the rows could not be read, when they could not


def move_rows_into_files(store: PartnershipStore, paths: AppPaths) -> Rescued:
    """Once per database: teacher rows not from a file become an import file."""
    db = store.db
    if db.execute("select 1 from meta where key = ?", [MARK]).fetchone():
        return Rescued(0)
    rescued = _save(_teacher_rows(store), paths, "from an earlier version")
    with writing(db):
        db.table("meta").upsert({"key": MARK, "value": "1"}, pk="key")
    return rescued


def recover_from(damaged: Path, paths: AppPaths) -> Rescued:
    """Read what teacher rows a damaged, set-aside database still gives up."""
    try:
        connection = sqlite3.connect(f"{damaged.as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        return Rescued(0, unreadable=str(exc))
    try:
        old = PartnershipStore(Database(connection, execute_plugins=False))
        records, partners = _teacher_rows(old)
    except (sqlite3.Error, KeyError, TypeError, ValueError) as exc:
        return Rescued(0, unreadable=str(exc))
    finally:
        connection.close()
    return _save((records, partners), paths, "recovered from a damaged database")


def _teacher_rows(store: PartnershipStore) -> tuple[list[Partnership], list[Partner]]:
    columns = {row[1] for row in store.db.execute("pragma table_info(partnerships)")}
    where = "(origin != 'bundled' or edited = 1)"
    if "layer" in columns:
        where += " and layer = ''"
    slugs = [row[0] for row in store.db.execute(f"select slug from partnerships where {where}")]
    records = store.many(slugs)
    used = {x.partner.slug for r in records for x in r.partners}
    bundled = {
        row[0] for row in store.db.execute("select slug from partners where origin = 'bundled'")
    }
    partners = [p for slug, p in store.partners().items() if slug in used - bundled]
    return records, partners


def _save(
    found: tuple[list[Partnership], list[Partner]],
    paths: AppPaths,
    title: str,
) -> Rescued:
    records, partners = found
    if not records:
        return Rescued(0)
    created = now_stamp()
    name = import_name(created, title)
    atomic_write_bytes(
        paths.data_dir / name, import_bytes(records, partners, created=created, title=title)
    )
    return Rescued(len(records), name)
