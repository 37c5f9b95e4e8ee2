"""Backups of the teacher's files: a zip of everything they made, to go back in time.

The teacher's files (explorer.core.teacher_files.TEACHER_AREAS: lessons, partnership
files, imports, partners, drafts) are the source of truth and the database only indexes
them, so a backup is for going back after a mistake (a deleted lesson, an edit gone wrong)
or for moving to another machine, not for a damaged database. One zip per backup in
`<data dir>/backups/`: `manifest.json` and the files under their own paths. Taken once a
day when something changed, before a restore, and by hand; the newest 10 automatic ones
are kept, and the newest 10 made by hand besides. A restore makes the files what they were
in one file batch (explorer.core.file_batch), after backing up what is there now.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from explorer.core.changes import NOTHING, Changes
from explorer.core.file_batch import FileBatch
from explorer.core.pack_format import MANIFEST, ZipLimits, entry_problem
from explorer.core.paths import AppPaths
from explorer.core.teacher_files import import_bytes, import_name, now_stamp, teacher_files
from explorer.store.maintenance import committing
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import PackError, read_zip, write_zip
from explorer.store.teacher_data import dumps, read_document, sha256
from explorer.store.teacher_index import sync_teacher_files

BACKUP_FORMAT = "space-explorer-backup"
BACKUP_VERSION = 2
KEEP = 10
GiB = 1024**3
LIMITS = ZipLimits(max_entries=50_000, max_file=GiB, max_total=4 * GiB, max_ratio=10_000)
AUTOMATIC = ("daily", "before-restore")


class BackupError(Exception):
    """A backup that cannot be found or used: one line for the user."""


@dataclass(frozen=True, slots=True)
class BackupInfo:
    id: str  # the file name without .zip, e.g. 20261126-101500-daily
    path: Path
    created: str  # ISO date and time
    reason: str  # daily, manual, before-restore (or damaged)
    partnerships: int  # partnerships the teacher made or changed
    files: int  # lesson and image files
    size: int
    fingerprint: str = ""


@dataclass(frozen=True, slots=True)
class RestoreReport:
    backup: str
    partnerships: int
    files: int
    removed_files: int
    safety_backup: str  # the backup of what was there just before the restore
    changes: Changes = NOTHING


@dataclass(frozen=True, slots=True)
class _Snapshot:
    files: dict[str, bytes]  # path relative to the data folder -> bytes
    partnerships: int
    lessons: int
    fingerprint: str


def _snapshot(store: PartnershipStore, paths: AppPaths) -> _Snapshot:
    files = {name: path.read_bytes() for name, path in teacher_files(paths.data_dir).items()}
    digest = sha256(b"".join(name.encode() + sha256(data).encode() for name, data in files.items()))
    sync_teacher_files(store, paths)
    count = store.db.execute("select count(*) from partnerships where layer != ''").fetchone()[0]
    lessons = sum(1 for name in files if name.startswith("lessons/"))
    return _Snapshot(files, count, lessons, digest)


def create_backup(
    store: PartnershipStore, paths: AppPaths, reason: str = "manual", keep: int = KEEP
) -> BackupInfo:
    """Back up the teacher's files now, then prune old backups."""
    return _write(paths, _snapshot(store, paths), reason, keep)


def daily_backup(
    store: PartnershipStore, paths: AppPaths, now: datetime | None = None
) -> BackupInfo | None:
    """Back up what the teacher has, at most once a day and only when it differs from the
    newest backup (whatever its reason); nothing when the teacher has made nothing yet."""
    now = now or datetime.now()
    backups = list_backups(paths)
    snapshot = _snapshot(store, paths)
    if backups and backups[0].fingerprint == snapshot.fingerprint:
        return None
    today = now.date().isoformat()
    if any(b.reason == "daily" and b.created.startswith(today) for b in backups):
        return None
    if not snapshot.files:
        return None
    return _write(paths, snapshot, "daily", KEEP, now)


def _write(
    paths: AppPaths, snapshot: _Snapshot, reason: str, keep: int, now: datetime | None = None
) -> BackupInfo:
    now = now or datetime.now()
    reason = re.sub(r"[^a-z0-9-]+", "-", reason.lower()).strip("-") or "manual"
    manifest = {
        "format": BACKUP_FORMAT,
        "version": BACKUP_VERSION,
        "created": now.isoformat(timespec="microseconds"),
        "reason": reason,
        "partnerships": snapshot.partnerships,
        "files": snapshot.lessons,
        "fingerprint": snapshot.fingerprint,
    }
    folder = paths.backups
    folder.mkdir(parents=True, exist_ok=True)
    hidden = folder / f".{now:%Y%m%d-%H%M%S}-{reason}.{os.getpid()}.zip.part"
    write_zip(hidden, [(MANIFEST, dumps(manifest)), *snapshot.files.items()], level=1)
    try:
        path = _publish(hidden, folder, f"{now:%Y%m%d-%H%M%S}-{reason}")
    finally:
        hidden.unlink(missing_ok=True)
    prune(paths, keep)
    return _info(path)


def _publish(hidden: Path, folder: Path, stem: str) -> Path:
    """Give the finished zip its name without ever replacing another backup (two
    processes backing up in the same second get two names)."""
    for counter in range(1, 1000):
        path = folder / (f"{stem}.zip" if counter == 1 else f"{stem}-{counter}.zip")
        try:
            os.link(hidden, path)
        except FileExistsError:
            continue
        return path
    raise BackupError("too many backups with the same time")


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


def list_backups(paths: AppPaths) -> list[BackupInfo]:
    """Every backup, newest first."""
    if not paths.backups.is_dir():
        return []
    infos = [_info(p) for p in paths.backups.glob("*.zip") if not p.name.startswith(".")]
    return sorted(infos, key=lambda b: (b.created, b.id), reverse=True)


def prune(paths: AppPaths, keep: int = KEEP) -> list[str]:
    """Keep the newest `keep` automatic backups and the newest `keep` others; returns the
    ids deleted. A damaged file is never deleted."""
    backups = [b for b in list_backups(paths) if b.reason != "damaged"]
    automatic = [b for b in backups if b.reason in AUTOMATIC]
    others = [b for b in backups if b.reason not in AUTOMATIC]
    old = automatic[keep:] + others[keep:]
    for info in old:
        info.path.unlink(missing_ok=True)
    return [info.id for info in old]


def restore_backup(store: PartnershipStore, paths: AppPaths, backup_id: str) -> RestoreReport:
    """Make the teacher's files what they were in the backup, all together or not at all,
    after first backing up what is there now."""
    known = {b.id: b for b in list_backups(paths)}
    if backup_id not in known:
        raise BackupError(f"no backup with the id {backup_id!r} (see 'space-explorer backup list')")
    wanted = _read_backup(known[backup_id].path, store)
    safety = create_backup(store, paths, "before-restore")
    present = {name: path for name, path in teacher_files(paths.data_dir).items()}
    batch = FileBatch(paths.data_dir, "restore")
    with committing(batch, paths):
        for name, data in wanted.items():
            if name not in present or present[name].read_bytes() != data:
                batch.put(name, data)
        removed = [name for name in present if name not in wanted]
        for name in removed:
            batch.take(name)
    changes = sync_teacher_files(store, paths).changes
    count = store.db.execute("select count(*) from partnerships where layer != ''").fetchone()[0]
    lessons = sum(1 for name in wanted if name.startswith("lessons/"))
    gone = sum(1 for name in removed if name.startswith("lessons/"))
    return RestoreReport(backup_id, count, lessons, gone, safety.id, changes)


def _allowed(name: str) -> str | None:
    if name == MANIFEST:
        return None
    return entry_problem(name)


def _read_backup(path: Path, store: PartnershipStore) -> dict[str, bytes]:
    """The files a backup holds, by path under the data folder."""
    try:
        members = read_zip(path, LIMITS, _allowed)
        manifest = json.loads(members.pop(MANIFEST))
    except (PackError, KeyError, ValueError, RecursionError) as exc:
        raise BackupError(f"the backup {path.name} cannot be read ({exc})") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BACKUP_FORMAT:
        raise BackupError(f"{path.name} is not a backup of this app")
    if manifest.get("version") == 1:
        return _from_version_1(path, members, store)
    if not isinstance(manifest.get("version"), int) or manifest["version"] > BACKUP_VERSION:
        raise BackupError(f"{path.name} was made by a newer version of the app; update it")
    return members


def _from_version_1(
    path: Path, members: dict[str, bytes], store: PartnershipStore
) -> dict[str, bytes]:
    """A backup from before the teacher's partnerships were files: its rows become one
    import file, its lessons stay lessons."""
    files = {name: data for name, data in members.items() if name.startswith("lessons/")}
    with contextlib.suppress(KeyError):
        document = json.loads(members["partnerships.json"])
        partners, records, problems = read_document(document, store.partners(), path.name)
        if problems:
            raise BackupError(f"the backup {path.name} has a bad record: {problems[0]}")
        created = now_stamp()
        title = f"backup {path.stem}"
        files[import_name(created, title)] = import_bytes(
            records, partners, created=created, title=title
        )
    return files
