"""Imports as files: each import lands as one file and is undone by moving it away.

    landed = land_import(store, paths, records, partners, "missions.csv", progress)
    report = undo_last_import(store, paths)     # the newest import goes to trash/

An import file is written whole and atomically (explorer.core.atomic), then the index is
brought in step; a crash before the rename leaves nothing, a crash after it leaves the
import, which the next start indexes. Undo moves the file to `<data>/trash/` (so even an
undo can be taken back by moving it again) in one rename. Records the teacher changed
after the import live in files of their own that are newer, so an undo never loses them.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from explorer.core.atomic import atomic_write_bytes
from explorer.core.changes import NOTHING, Changes
from explorer.core.file_batch import FileBatch
from explorer.core.models import Partner, Partnership
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.core.teacher_files import import_bytes, import_name, now_stamp
from explorer.store.maintenance import committing
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import PackError, inside
from explorer.store.teacher_data import sha256
from explorer.store.teacher_index import sync_teacher_files


class NothingToUndoError(Exception):
    """There is no import to undo (none yet, or every one was undone already)."""


@dataclass(frozen=True, slots=True)
class Landed:
    file: str  # the import file, relative to the data folder
    changes: Changes


@dataclass(frozen=True, slots=True)
class LastImport:
    """What "Undo import" would undo, for a menu item or a confirmation."""

    file: str
    source: str  # what it came from: a spreadsheet's or a pack's name
    created: str
    partnerships: int


@dataclass(frozen=True, slots=True)
class UndoReport:
    source: str
    restored: int  # partnerships that show their earlier version again
    removed: int  # partnerships the import had added, gone again
    files: int  # lesson and image files put back or taken away
    kept: tuple[str, ...]  # items changed since the import, left as they are
    moved_to: str  # where the import file went, relative to the data folder
    changes: Changes = NOTHING


def land_import(
    store: PartnershipStore,
    paths: AppPaths,
    records: Sequence[Partnership],
    partners: Sequence[Partner],
    title: str,
    progress: Progress | None = None,
) -> Landed:
    """Write one import file and index it. Only the `writing` stage may be cancelled (by
    `progress` raising): once the file is in place the indexing always completes."""
    used = {x.partner.slug for r in records for x in r.partners}
    created = now_stamp()
    name = import_name(created, title)
    if progress is not None:
        progress("writing", 0, len(records))
    data = import_bytes(
        records, [p for p in partners if p.slug in used], created=created, title=title
    )
    if progress is not None:
        progress("writing", len(records), len(records))
    atomic_write_bytes(paths.data_dir / name, data)

    def indexing(stage: str, done: int, total: int) -> None:
        if progress is not None and stage == "writing":
            progress("indexing", done, total)

    changes = sync_teacher_files(store, paths, indexing).changes
    return Landed(name, changes)


def last_import(store: PartnershipStore) -> LastImport | None:
    row = store.db.execute(
        "select l.name, l.title, l.stamp, count(s.slug) from layers l "
        "left join layer_slugs s on s.layer = l.name where l.kind = 'import' "
        "group by l.name order by l.stamp desc, l.name desc limit 1"
    ).fetchone()
    return None if row is None else LastImport(row[0], row[1] or row[0], row[2], row[3])


def undo_last_import(store: PartnershipStore, paths: AppPaths) -> UndoReport:
    """Take the newest import back in one file batch: its file goes to the trash, and the
    lesson files it wrote are taken away (or the ones they replaced put back) unless they
    changed since. Records changed since live in newer files and stay."""
    sync_teacher_files(store, paths)  # judge what is newest by what is on disk now
    last = last_import(store)
    if last is None:
        raise NothingToUndoError("there is no import to undo")
    slugs = [
        row[0]
        for row in store.db.execute("select slug from layer_slugs where layer = ?", [last.file])
    ]
    won = {
        row[0]
        for row in store.db.execute("select slug from partnerships where layer = ?", [last.file])
    }
    batch = FileBatch(paths.data_dir, "undo")
    with committing(batch, paths):
        batch.take(last.file)
        files, kept_files = _take_back_files(paths, last.file, batch)
    changes = sync_teacher_files(store, paths).changes
    present = {r.slug for r in store.many(won)}
    kept = tuple(f"partnership:{slug}" for slug in slugs if slug not in won) + kept_files
    return UndoReport(
        last.source,
        restored=len(won & present),
        removed=len(won - present),
        files=files,
        kept=kept,
        moved_to=f"{batch.trash}/{last.file}",
        changes=changes,
    )


def _take_back_files(paths: AppPaths, name: str, batch: FileBatch) -> tuple[int, tuple[str, ...]]:
    """Plan, in `batch`, taking back the files a pack import wrote; returns how many and
    the ones kept because they changed since."""
    try:
        document = json.loads((paths.data_dir / name).read_bytes())
    except (OSError, ValueError, RecursionError):
        return 0, ()
    done, kept = 0, []
    for entry in document.get("files") or ():
        relative = str(entry.get("path") or "")
        try:
            target = inside(paths.data_dir, relative)
        except PackError:
            continue
        now = sha256(target.read_bytes()) if target.is_file() else None
        if now != entry.get("sha256"):
            kept.append(f"file:{relative}")
            continue
        replaced = paths.data_dir / str(entry.get("replaced") or "-")
        if entry.get("replaced") and replaced.is_file():
            batch.put(relative, replaced.read_bytes())
        else:
            batch.take(relative)
        done += 1
    return done + _put_back_older_version(paths, document, batch), tuple(kept)


def _put_back_older_version(paths: AppPaths, document: Any, batch: FileBatch) -> int:
    """Undoing a pack's update brings back the version it replaced (kept in the trash by
    the update's own batch)."""
    older = document.get("updated_from") if isinstance(document, dict) else None
    if not isinstance(older, dict) or not older.get("trash"):
        return 0
    try:
        folder = inside(paths.data_dir, str(older["trash"]))
    except PackError:
        return 0
    count = 0
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file():
            batch.put(path.relative_to(folder).as_posix(), path.read_bytes())
            count += 1
    return count
