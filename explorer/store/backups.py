"""Backups of the teacher's data: their partnership rows and their lesson files.

One zip per backup in `<data dir>/backups/` (`manifest.json`, `partnerships.json` in the
data-document shape with origin and edited, and `lessons/...`), written atomically. Taken
before every import, undo and restore, and once a day; the newest 10 are kept. A restore
makes the teacher's data what it was, after first backing up what it is now.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from explorer.core.atomic import atomic_write_bytes
from explorer.core.models import Partner, Partnership
from explorer.core.pack_format import MANIFEST, ZipLimits, entry_problem
from explorer.core.paths import AppPaths
from explorer.store import journal
from explorer.store.bundled import refresh_bundled
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import PackError, inside, read_zip, write_zip
from explorer.store.teacher_data import (
    data_document,
    dumps,
    lesson_files,
    partners_for,
    read_document,
    select,
    sha256,
    teacher_slugs,
)

BACKUP_FORMAT = "space-explorer-backup"
BACKUP_VERSION = 1
DATA = "partnerships.json"
KEEP = 10
GiB = 1024**3
LIMITS = ZipLimits(max_entries=20_000, max_file=GiB, max_total=4 * GiB, max_ratio=10_000)


class BackupError(Exception):
    """A backup that cannot be found or used: one line for the user."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    id: str  # the file name without .zip, e.g. 20261126-101500-before-import
    path: Path
    created: str  # ISO date and time
    reason: str  # before-import, before-undo, before-restore, daily, manual (or damaged)
    partnerships: int
    files: int
    size: int
    fingerprint: str = ""


@dataclass(frozen=True, slots=True)
class RestoreReport:
    backup: str
    partnerships: int
    files: int
    removed_files: int
    safety_backup: str  # the backup of what was there just before the restore


@dataclass(frozen=True, slots=True)
class _Snapshot:
    data: bytes
    files: list[tuple[str, bytes]]
    partnerships: int
    fingerprint: str


def _snapshot(store: PartnershipStore, paths: AppPaths) -> _Snapshot:
    records = select(store, teacher_only=True)
    data = dumps(
        data_document(records, partners_for(store, records), bookkeeping=True), compact=True
    )
    folder = paths.teacher_lessons
    files = [
        (f"lessons/{p.relative_to(folder).as_posix()}", p.read_bytes())
        for p in lesson_files(folder)
    ]
    digest = sha256(data + b"".join(name.encode() + sha256(b).encode() for name, b in files))
    return _Snapshot(data, files, len(records), digest)


def begin_import(
    store: PartnershipStore,
    paths: AppPaths,
    kind: str,
    source: str,
    records: list[Partnership],
    new_partners: list[Partner],
) -> tuple[list[Partner], journal.Journal]:
    """What every import does first: keep only the new partners its records use, back
    up the teacher's data, and open the undo journal that names that backup."""
    used = {x.partner.slug for record in records for x in record.partners}
    partners = [p for p in new_partners if p.slug in used]
    backup = create_backup(store, paths, "before-import")
    entry = journal.Journal(kind, source, backup.id, partners_created=[p.slug for p in partners])
    return partners, entry


def create_backup(
    store: PartnershipStore, paths: AppPaths, reason: str = "manual", keep: int = KEEP
) -> BackupInfo:
    """Back up the teacher's data now, then keep only the newest `keep` backups."""
    return _write(paths, _snapshot(store, paths), reason, keep)


def daily_backup(
    store: PartnershipStore, paths: AppPaths, now: datetime | None = None
) -> BackupInfo | None:
    """Back up once a day: not when today has a backup already, nor when nothing changed
    since the newest backup, nor when the teacher has no data at all."""
    now = now or datetime.now()
    backups = list_backups(paths)
    if any(b.created.startswith(now.date().isoformat()) for b in backups):
        return None
    snapshot = _snapshot(store, paths)
    if backups and backups[0].fingerprint == snapshot.fingerprint:
        return None
    if not backups and not snapshot.partnerships and not snapshot.files:
        return None
    return _write(paths, snapshot, "daily", KEEP, now)


def _write(
    paths: AppPaths, snapshot: _Snapshot, reason: str, keep: int, now: datetime | None = None
) -> BackupInfo:
    now = now or datetime.now()
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    folder = paths.backups
    backup_id = f"{now:%Y%m%d-%H%M%S}-{reason}"
    counter = 1
    while (folder / f"{backup_id}.zip").exists():
        counter += 1
        backup_id = f"{now:%Y%m%d-%H%M%S}-{reason}-{counter}"
    manifest = {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "created": now.isoformat(timespec="microseconds"),
        "reason": reason,
        "partnerships": snapshot.partnerships,
        "files": len(snapshot.files),
        "fingerprint": snapshot.fingerprint,
    }
    path = folder / f"{backup_id}.zip"
    write_zip(path, [(MANIFEST, dumps(manifest)), (DATA, snapshot.data), *snapshot.files], level=1)
    prune(paths, keep)
    return _info(path)


def _info(path: Path) -> BackupInfo:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(MANIFEST)
            if info.file_size > 2**20:
                raise ValueError("manifest too large")
            manifest: Any = json.loads(archive.read(info))
        return BackupInfo(
            path.stem,
            path,
            str(manifest["created"]),
            str(manifest["reason"]),
            int(manifest["partnerships"]),
            int(manifest["files"]),
            path.stat().st_size,
            str(manifest.get("fingerprint") or ""),
        )
    except (zipfile.BadZipFile, KeyError, TypeError, ValueError, OSError):
        created = datetime.fromtimestamp(path.stat().st_mtime).isoformat(timespec="seconds")
        return BackupInfo(path.stem, path, created, "damaged", 0, 0, path.stat().st_size)


def _manifest_only(name: str) -> str | None:
    return None if name in (MANIFEST, DATA) or name.startswith("lessons/") else "unexpected"


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """Every backup, newest first."""
    if not paths.backups.is_dir():
        return []
    infos = [_info(p) for p in paths.backups.glob("*.zip") if not p.name.startswith(".")]
    return sorted(infos, key=lambda b: (b.created, b.id), reverse=True)


def prune(paths: AppPaths, keep: int = KEEP) -> list[str]:
    """Delete all but the newest `keep` backups; returns the ids deleted."""
    old = list_backups(paths)[keep:]
    for info in old:
        info.path.unlink(missing_ok=True)
    return [info.id for info in old]


def restore_backup(store: PartnershipStore, paths: AppPaths, backup_id: str) -> RestoreReport:
    """Make the teacher's rows and lesson files what they were in the backup.

    What is there now is backed up first. The database changes in one transaction;
    bundled rows the teacher had edited, and that the backup does not hold, go back to
    the bundled version.
    """
    known = {b.id: b for b in list_backups(paths)}
    if backup_id not in known:
        raise BackupError(f"no backup with the id {backup_id!r} (see 'space-explorer backup list')")
    partners, records, files = _read_backup(known[backup_id].path, store)
    safety = create_backup(store, paths, "before-restore")
    existing = store.partners()
    with writing(store.db):
        store.erase(teacher_slugs(store))
        store.write_partners([p for p in partners if p.slug not in existing], origin="user")
        store.write(records)
        store.db.execute("delete from meta where key = 'content_hash'")
        refresh_bundled(store, paths.content_dir)
    removed = _sync_files(paths.teacher_lessons, files)
    journal.clear(paths)
    store.changed()
    return RestoreReport(backup_id, len(records), len(files), removed, safety.id)


def _read_backup(path: Path, store: PartnershipStore) -> tuple[Any, Any, dict[str, bytes]]:
    try:
        members = read_zip(path, LIMITS, _manifest_only)
        manifest = json.loads(members[MANIFEST])
        document = json.loads(members[DATA])
    except (PackError, KeyError, ValueError) as exc:
        raise BackupError(f"the backup {path.name} cannot be read ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise BackupError(f"{path.name} is not a backup of this app")
    partners, records, problems = read_document(document, store.partners(), path.name)
    if problems:
        raise BackupError(f"the backup {path.name} has a bad record: {problems[0]}")
    files = {
        name.removeprefix("lessons/"): data
        for name, data in members.items()
        if name.startswith("lessons/") and not entry_problem(name)
    }
    return partners, records, files


def _sync_files(folder: Path, files: dict[str, bytes]) -> int:
    """Write each file that differs (atomically) and remove teacher files not in `files`."""
    folder.mkdir(parents=True, exist_ok=True)
    for relative, data in files.items():
        target = inside(folder, relative)
        if not target.is_file() or target.read_bytes() != data:
            atomic_write_bytes(target, data)
    removed = 0
    wanted = {inside(folder, relative) for relative in files}
    for path in lesson_files(folder):
        if path.resolve() not in wanted:
            path.unlink()
            removed += 1
    return removed
