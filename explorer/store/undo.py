"""Undo the last import (CSV or content pack) from its journal.

Each partnership and file goes back to what it was before the import, unless it changed
since: then it is kept as it is and named in the report, so an undo never loses a later
edit. What is there before the undo is backed up first.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from explorer.core.atomic import atomic_write_bytes
from explorer.core.content import partnership_from_mapping
from explorer.core.models import Partnership
from explorer.core.paths import AppPaths
from explorer.store import journal
from explorer.store.backups import create_backup
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import PackError, inside
from explorer.store.search_index import refresh_vocabulary


@dataclass(frozen=True, slots=True)
class UndoReport:
    source: str
    restored: int  # partnerships put back to their earlier version
    removed: int  # partnerships the import had added, removed again
    files: int  # lesson and image files put back or removed
    kept: tuple[str, ...]  # items changed since the import, left as they are
    backup: str  # the backup taken just before the undo


def undo_last_import(store: PartnershipStore, paths: AppPaths) -> UndoReport:
    """Raises journal.NothingToUndoError when there is nothing to undo."""
    document = journal.load(paths)
    backup = create_backup(store, paths, "before-undo")
    entries = document.get("partnerships") or []
    with writing(store.db):
        current = {p.slug: p for p in store.many(e["slug"] for e in entries)}
        erase, write, kept = _partnership_changes(entries, current, store)
        store.erase(erase)
        store.write(write)
        _drop_unused_partners(store, document.get("partners_created") or [])
        refresh_vocabulary(store.db)
        files, kept_files = _restore_files(paths, document.get("files") or [])
        journal.clear(paths)
    store.changed()
    return UndoReport(
        str(document.get("source")),
        len(write),
        len(erase),
        files,
        tuple(kept + kept_files),
        backup.id,
    )


def _partnership_changes(
    entries: list[dict[str, Any]], current: dict[str, Partnership], store: PartnershipStore
) -> tuple[list[str], list[Partnership], list[str]]:
    erase, write, kept = [], [], []
    partners = store.partners()
    for entry in entries:
        slug = entry["slug"]
        if journal.fingerprint(current.get(slug)) != entry["after"]:
            kept.append(f"partnership:{slug}")
            continue
        before = entry.get("before")
        if before is None:
            erase.append(slug)
            continue
        record, _ = partnership_from_mapping(before, partners, "undo")
        if record is None:
            kept.append(f"partnership:{slug}")
        else:
            write.append(
                replace(
                    record,
                    origin=str(before.get("origin") or "user"),
                    edited=bool(before.get("edited")),
                )
            )
    return erase, write, kept


def _drop_unused_partners(store: PartnershipStore, slugs: list[str]) -> None:
    for slug in slugs:
        store.db.execute(
            "delete from partners where slug = ? and origin != 'bundled' and not exists "
            "(select 1 from partnership_partners where partner_slug = ?)",
            [slug, slug],
        )
        store.db.execute(
            "delete from partner_aliases where partner_slug = ? and not exists "
            "(select 1 from partners where slug = ?)",
            [slug, slug],
        )


def _restore_files(paths: AppPaths, entries: list[dict[str, Any]]) -> tuple[int, list[str]]:
    done, kept = 0, []
    for entry in entries:
        try:
            target = inside(paths.data_dir, str(entry["path"]))
        except PackError:
            kept.append(f"file:{entry.get('path')}")
            continue
        now = target.read_bytes() if target.is_file() else None
        if journal.file_fingerprint(now) != entry.get("after"):
            kept.append(f"file:{entry['path']}")
            continue
        before = journal.decode_file(entry)
        if before is None:
            target.unlink(missing_ok=True)
        else:
            atomic_write_bytes(target, before)
        done += 1
    return done, kept
