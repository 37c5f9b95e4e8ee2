"""Installed content packs: which content came from which pack, updates, and removal.

Each pack import lands as one import file `imports/<stamp>-pack-<name>.json` that names
the pack (`pack: {name, version, author}`) and lists the lesson and image files it wrote.
So the installed packs are those files: `installed_packs` lists them, a newer version of a
pack replaces the older one's file in the same file batch (explorer.store.pack_import), and
`remove_pack` takes a pack away as a whole (its partnerships, and the files it wrote that
nobody changed since) into the trash, from where `undo_remove` puts it back.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from explorer.core.changes import NOTHING, Changes
from explorer.core.file_batch import FileBatch
from explorer.core.paths import AppPaths
from explorer.core.teacher_files import IMPORTS, TRASH
from explorer.store.maintenance import data_lock
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import PackError, inside
from explorer.store.teacher_data import sha256
from explorer.store.teacher_index import sync_teacher_files

PACK_FILE_RE = re.compile(r"^\d{8}-\d{6}-\d{6}-pack-.+\.json$")


class PackNotInstalledError(Exception):
    """No installed pack has that name."""


@dataclass(frozen=True, slots=True)
class InstalledPack:
    name: str  # what identifies the pack across versions
    version: str
    author: str
    title: str
    file: str  # its import file, relative to the data folder
    created: str
    partnerships: tuple[str, ...]  # slugs
    files: tuple[Mapping[str, Any], ...]  # {path, sha256, replaced}

    @property
    def lessons(self) -> tuple[str, ...]:
        return tuple(str(f["path"]) for f in self.files if str(f["path"]).endswith(".md"))


@dataclass(frozen=True, slots=True)
class Removed:
    name: str
    trash: str  # the batch's trash folder, for undo_remove
    partnerships: int
    files: int
    kept: tuple[str, ...]  # files changed since the pack wrote them: left in place
    changes: Changes = NOTHING


def pack_name(manifest: Mapping[str, Any]) -> str:
    """A pack's name: its `name`, else made from its title (older packs have only that)."""
    given = str(manifest.get("name") or manifest.get("title") or "").strip().lower()
    return re.sub(r"[^a-z0-9]+", "-", given).strip("-")[:60] or "pack"


def installed_packs(paths: AppPaths) -> list[InstalledPack]:
    """The newest installed version of each pack, by name."""
    found: dict[str, InstalledPack] = {}
    for path in sorted((paths.data_dir / IMPORTS).glob("*-pack-*.json")):
        pack = _read_installed(path, paths.data_dir)
        if pack is not None and (pack.name not in found or pack.created > found[pack.name].created):
            found[pack.name] = pack
    return sorted(found.values(), key=lambda p: p.title.lower() or p.name)


def installed(paths: AppPaths, name: str) -> InstalledPack | None:
    return next((p for p in installed_packs(paths) if p.name == name), None)


def _read_installed(path: Path, data_dir: Path) -> InstalledPack | None:
    if not PACK_FILE_RE.match(path.name):
        return None
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError):
        return None
    pack = document.get("pack") if isinstance(document, dict) else None
    if not isinstance(pack, dict):
        return None
    return InstalledPack(
        name=str(pack.get("name") or ""),
        version=str(pack.get("version") or ""),
        author=str(pack.get("author") or ""),
        title=str(document.get("title") or ""),
        file=path.relative_to(data_dir).as_posix(),
        created=str(document.get("created") or ""),
        partnerships=tuple(
            str(r.get("slug")) for r in document.get("partnerships") or () if isinstance(r, dict)
        ),
        files=tuple(f for f in document.get("files") or () if isinstance(f, dict)),
    )


def take_back(paths: AppPaths, pack: InstalledPack, batch: FileBatch, keep: set[str]) -> list[str]:
    """Plan, in `batch`, taking away the files `pack` wrote (putting back what they had
    replaced), except those in `keep` (written again by a newer version); returns the
    files left in place because they changed since."""
    changed = []
    for entry in pack.files:
        relative = str(entry.get("path") or "")
        if relative in keep:
            continue
        try:
            target = inside(paths.data_dir, relative)
        except PackError:
            continue
        now = sha256(target.read_bytes()) if target.is_file() else None
        if now is None:
            continue
        if now != entry.get("sha256"):
            changed.append(relative)
            continue
        replaced = paths.data_dir / str(entry.get("replaced") or "-")
        if entry.get("replaced") and replaced.is_file():
            batch.put(relative, replaced.read_bytes())
        else:
            batch.take(relative)
    return changed


def remove_pack(store: PartnershipStore, paths: AppPaths, name: str) -> Removed:
    """Take an installed pack away as a whole, into the trash (undo_remove puts it back)."""
    pack = installed(paths, name)
    if pack is None:
        raise PackNotInstalledError(f"no installed pack is called {name!r}")
    batch = FileBatch(paths.data_dir, "remove-pack")
    try:
        batch.take(pack.file)
        kept = take_back(paths, pack, batch, set())
        with data_lock(paths):
            batch.commit()
    except BaseException:
        batch.abandon()
        raise
    changes = sync_teacher_files(store, paths).changes | Changes(lessons=True)
    return Removed(
        pack.name, batch.trash, len(pack.partnerships), len(pack.files) - len(kept),
        tuple(kept), changes,
    )  # fmt: skip


def undo_remove(store: PartnershipStore, paths: AppPaths, trash: str) -> Changes:
    """Put back what a removal (or an undone import) moved into `trash`."""
    folder = inside(paths.data_dir, trash)
    if not folder.is_dir() or not folder.is_relative_to((paths.data_dir / TRASH).resolve()):
        raise PackNotInstalledError(f"nothing to put back from {trash!r}")
    batch = FileBatch(paths.data_dir, "undo-remove")
    try:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                batch.put(path.relative_to(folder).as_posix(), path.read_bytes())
        with data_lock(paths):
            batch.commit()
    except BaseException:
        batch.abandon()
        raise
    return sync_teacher_files(store, paths).changes | Changes(lessons=True)
