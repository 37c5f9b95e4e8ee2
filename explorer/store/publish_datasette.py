"""`space-explorer publish datasette OUT/`: the catalog as a folder Datasette serves.

The folder holds a copy of the database made for reading, `metadata.json` (titles,
descriptions, licences and sources for every table and column, and canned queries), and
a README with the command that serves it. The copy is taken with `VACUUM INTO` from a
read-only connection, so the app (or anything else) may be writing the live database at
the same time; the copy is a consistent snapshot. It then gets what a reader needs: the
lessons' citations of partnerships as a table, links between tables (foreign keys),
rebuilt search indexes, no write-ahead log, and a read-only file.

Nothing here imports Datasette: the folder can be made on a teacher's computer and
served by a school server that has Datasette installed.
"""

from __future__ import annotations

import importlib.util
import json
import shlex
import sqlite3
import stat
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlite_utils import Database

from explorer.core.lessons import cited_partnerships
from explorer.core.models import Lesson
from explorer.store.catalog import Catalog
from explorer.store.publish_metadata import DATABASE_NAME, datasette_metadata
from explorer.store.publish_output import new_folder

METADATA_FILE = "metadata.json"
README_FILE = "README.txt"
TITLE = "Space Partnerships Explorer"
DESCRIPTION = (
    "Space exploration partnerships from the Space Race to the Artemis Accords: who worked "
    "with whom, when, and how it went, with the lessons that teach them."
)
#: (table, column, other table, other column) links for Datasette to follow
FOREIGN_KEYS = (
    ("partner_aliases", "partner_slug", "partners", "slug"),
    ("partnership_partners", "partnership_slug", "partnerships", "slug"),
    ("partnership_partners", "partner_slug", "partners", "slug"),
    ("partnership_countries", "partnership_slug", "partnerships", "slug"),
    ("milestones", "partnership_slug", "partnerships", "slug"),
    ("tags", "partnership_slug", "partnerships", "slug"),
    ("citations", "partnership_slug", "partnerships", "slug"),
)


@dataclass(frozen=True, slots=True)
class PublishedCatalog:
    folder: Path
    database: Path
    metadata: Path
    partnerships: int
    lessons: int
    #: whether Datasette is installed here (the folder is complete either way)
    datasette_installed: bool

    def serve_command(self, host: str = "0.0.0.0", port: int = 8001) -> str:
        """The command that serves the folder read-only."""
        return serve_command(self.database, self.metadata, host, port)


def serve_command(database: Path, metadata: Path, host: str, port: int) -> str:
    words = ["datasette", "serve", "--immutable", str(database), "--metadata", str(metadata)]
    return shlex.join([*words, "--host", host, "--port", str(port)])


def publish_datasette(catalog: Catalog, out: Path, *, force: bool = False) -> PublishedCatalog:
    """Write the Datasette folder `out` (missing, empty, or with `force` an earlier copy)."""
    name = f"{DATABASE_NAME}.db"
    with new_folder(out, force, "datasette") as work:
        copy_database(catalog.paths.database, work / name)
        counts = prepare_for_reading(work / name, catalog.library.lessons)
        metadata = datasette_metadata(TITLE, DESCRIPTION)
        (work / METADATA_FILE).write_text(
            json.dumps(metadata, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        (work / README_FILE).write_text(_readme(name), encoding="utf-8")
    return PublishedCatalog(
        folder=out,
        database=out / name,
        metadata=out / METADATA_FILE,
        partnerships=counts[0],
        lessons=counts[1],
        datasette_installed=importlib.util.find_spec("datasette") is not None,
    )


def copy_database(live: Path, target: Path) -> None:
    """A consistent copy of the live database, read through a read-only connection."""
    source = sqlite3.connect(f"{live.absolute().as_uri()}?mode=ro", uri=True)
    try:
        source.execute("VACUUM INTO ?", [str(target)])
    finally:
        source.close()


def prepare_for_reading(path: Path, lessons: Sequence[Lesson]) -> tuple[int, int]:
    """Make the copy at `path` ready to serve; returns (partnerships, lessons) in it."""
    db = Database(path)
    try:
        known = {row["slug"] for row in db.query("select slug from partnerships")}
        with db.conn:
            _lesson_partnerships(db, lessons, known)
            for lesson in lessons:  # the folder was on the publisher's computer
                if lesson.source_path is not None:
                    db.execute(
                        "update lessons set path = ? where slug = ?",
                        [lesson.source_path.name, lesson.slug],
                    )
        db.add_foreign_keys(list(FOREIGN_KEYS))
        for index in ("partnerships_fts", "lessons_fts"):
            db.execute(f"insert into {index}({index}) values ('rebuild')")
            db.execute(f"insert into {index}({index}) values ('optimize')")
        db.conn.commit()
        db.execute("PRAGMA journal_mode=DELETE")
        db.vacuum()
        counts = (db.table("partnerships").count, db.table("lessons").count)
    finally:
        db.close()
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    return counts


def _lesson_partnerships(db: Database, lessons: Sequence[Lesson], known: set[str]) -> None:
    db.table("lesson_partnerships").create(
        {"lesson_slug": str, "partnership_slug": str, "position": int},
        pk=("lesson_slug", "partnership_slug"),
        foreign_keys=[
            ("lesson_slug", "lessons", "slug"),
            ("partnership_slug", "partnerships", "slug"),
        ],
    )
    rows = [
        {"lesson_slug": lesson.slug, "partnership_slug": slug, "position": position}
        for lesson in lessons
        for position, slug in enumerate(
            [s for s in cited_partnerships(lesson) if s in known], start=1
        )
    ]
    db.table("lesson_partnerships").insert_all(rows)
    db.table("lesson_partnerships").create_index(["partnership_slug"])


def _readme(database: str) -> str:
    command = serve_command(Path(database), Path(METADATA_FILE), "0.0.0.0", 8001)
    return (
        f"{TITLE}: the partnership catalog and the lessons, for Datasette\n\n"
        "Serve this folder read-only on the school network (Datasette 0.x: pip install\n"
        '"datasette<1.0"), from inside the folder:\n\n'
        f"    {command}\n\n"
        "then open http://THIS-COMPUTER:8001/ in a browser. --immutable opens the\n"
        "database read-only; nothing is fetched from the internet. Use --host 127.0.0.1\n"
        "to serve this computer only.\n\n"
        "metadata.json describes every table and column and holds the canned queries:\n"
        "partnerships by agency, by decade, by type, per decade, and the lessons that cite\n"
        "a partnership. Made by space-explorer publish datasette.\n"
    )
