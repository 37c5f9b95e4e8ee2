"""Planning a newer version of an installed pack: what it adds, changes and removes.

Against a version installed before, a lesson file that pack wrote and nobody changed since
is not the teacher's: the new version's text is a change ("updated in this version", with
a diff), not a conflict. A partnership whose current version comes from the older pack is
the same. What the older version held and the newer does not is `removed` (taken away by
default; the teacher may keep it).
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import replace
from pathlib import Path

from explorer.core.models import Partnership
from explorer.core.paths import AppPaths
from explorer.store.pack_plan import PackItem
from explorer.store.packs import InstalledPack
from explorer.store.partnerships import PartnershipStore
from explorer.store.teacher_data import sha256

DIFF_LINES = 400


def as_update(
    items: list[PackItem],
    records: Mapping[str, Partnership],
    files: Mapping[str, tuple[Path, bytes]],
    previous: InstalledPack,
    store: PartnershipStore,
    paths: AppPaths,
) -> list[PackItem]:
    version = f" (version {previous.version})" if previous.version else ""
    written = {str(f["path"]): f for f in previous.files}
    root = paths.data_dir.resolve()
    out = []
    for item in items:
        if item.status == "conflict" and item.kind == "partnership":
            item = _partnership_update(item, previous, store)
        elif item.status == "conflict" and item.id in files:
            target, data = files[item.id]
            entry = written.get(target.relative_to(root).as_posix())
            if entry is not None and sha256(target.read_bytes()) == entry.get("sha256"):
                item = replace(
                    item,
                    status="changed",
                    reason=f"updated since the version installed before{version}",
                    diff=_diff(target, data) if item.kind == "lesson" else "",
                )
        out.append(item)
    return out + _removed(items, records, files, previous, store, root)


def _partnership_update(
    item: PackItem, previous: InstalledPack, store: PartnershipStore
) -> PackItem:
    row = store.db.execute("select layer from partnerships where slug = ?", [item.key]).fetchone()
    if row is None or row[0] != previous.file:
        return item  # the teacher changed it since: a real conflict
    return replace(item, status="changed", reason="updated since the version installed before")


def _removed(
    items: list[PackItem],
    records: Mapping[str, Partnership],
    files: Mapping[str, tuple[Path, bytes]],
    previous: InstalledPack,
    store: PartnershipStore,
    root: Path,
) -> list[PackItem]:
    reason = "in the version installed before, no longer in this one"
    gone = [s for s in previous.partnerships if s not in records and s not in _keys(items)]
    out = [
        PackItem("partnership", slug, p.name if (p := store.get(slug)) else slug, "removed", reason)
        for slug in gone
    ]
    now = {target.relative_to(root).as_posix() for target, _ in files.values()}
    for entry in previous.files:
        relative = str(entry.get("path") or "")
        if relative in now or not (root / relative).is_file():
            continue
        kind = "lesson" if relative.endswith(".md") else "image"
        key = relative.removeprefix("lessons/")
        out.append(PackItem(kind, key, key, "removed", reason))
    return out


def _keys(items: list[PackItem]) -> set[str]:
    return {i.key for i in items if i.kind == "partnership"}


def _diff(target: Path, data: bytes) -> str:
    """A readable diff of a lesson from what is here to the new version."""
    old = target.read_text(encoding="utf-8", errors="replace").splitlines()
    new = data.decode("utf-8", errors="replace").splitlines()
    lines = list(difflib.unified_diff(old, new, "installed", "this version", lineterm="", n=2))
    if len(lines) > DIFF_LINES:
        lines = [*lines[:DIFF_LINES], f"… and {len(lines) - DIFF_LINES} more lines"]
    return "\n".join(lines)
