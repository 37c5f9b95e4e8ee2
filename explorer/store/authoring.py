"""A teacher's edits to partnerships: save (with new partners), delete, revert.

Each writes the teacher's files first (explorer.core.teacher_files: one atomic file
write, so a crash leaves the old file or the new one) and then brings the database index
in step, returning what changed. Bundled records are never deleted: a teacher's version
of one is a file that wins over it, and reverting withdraws that version.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from explorer.core.atomic import atomic_write_bytes
from explorer.core.changes import Changes
from explorer.core.models import Partner, Partnership
from explorer.core.paths import AppPaths
from explorer.core.records import as_teacher_version
from explorer.core.teacher_files import (
    PARTNERS,
    edit_bytes,
    edit_name,
    now_stamp,
    partners_bytes,
    read_teacher_partners,
    removal_bytes,
)
from explorer.store.partnerships import PartnershipStore
from explorer.store.teacher_index import sync_teacher_files


class AuthoringError(Exception):
    """An edit that cannot be made: one line for the user."""


@dataclass(frozen=True, slots=True)
class Saved:
    record: Partnership  # as stored: origin and edited set
    changes: Changes


def save_partnership(
    store: PartnershipStore,
    paths: AppPaths,
    record: Partnership,
    new_partners: Iterable[Partner] = (),
) -> Saved:
    """Store the teacher's version of `record` (a new slug is theirs; a bundled one is
    marked edited) with any partners they added."""
    version = as_teacher_version(record, store.get(record.slug))
    _keep_partners(store, paths, version, list(new_partners))
    atomic_write_bytes(paths.data_dir / edit_name(record.slug), edit_bytes(version, now_stamp()))
    changes = sync_teacher_files(store, paths).changes
    return Saved(store.get(record.slug) or version, changes)


def _keep_partners(
    store: PartnershipStore, paths: AppPaths, record: Partnership, new: list[Partner]
) -> None:
    """Write to partners.yaml every partner the record uses that the app does not bundle
    (new ones, and ones an import brought), so the teacher's file stands on its own."""
    mine, _ = read_teacher_partners(paths.data_dir)
    known = store.partners()
    bundled = {
        row[0] for row in store.db.execute("select slug from partners where origin = 'bundled'")
    }
    wanted = {p.slug: p for p in new}
    for x in record.partners:
        slug = x.partner.slug
        if slug not in bundled and slug not in mine:
            wanted.setdefault(slug, known.get(slug, x.partner))
    wanted = {slug: p for slug, p in wanted.items() if slug not in mine or mine[slug] != p}
    if wanted:
        atomic_write_bytes(paths.data_dir / PARTNERS, partners_bytes({**mine, **wanted}.values()))


def delete_partnership(store: PartnershipStore, paths: AppPaths, slug: str) -> Changes:
    """Delete a partnership the teacher added. Bundled ones can only be reverted."""
    origin = store.origin_of(slug)
    if origin is None:
        raise AuthoringError(f"there is no partnership '{slug}'")
    if origin[0] == "bundled":
        raise AuthoringError(
            f"'{slug}' comes with the app and cannot be deleted; revert your changes instead"
        )
    return _withdraw(store, paths, slug)


def revert_partnership(store: PartnershipStore, paths: AppPaths, slug: str) -> Saved:
    """Put the bundled version of an edited partnership back."""
    if store.origin_of(slug) != ("bundled", True):
        raise AuthoringError(f"the app's content has no partnership '{slug}' to revert to")
    changes = _withdraw(store, paths, slug)
    record = store.get(slug)
    assert record is not None
    return Saved(record, changes)


def _withdraw(store: PartnershipStore, paths: AppPaths, slug: str) -> Changes:
    """Take the teacher's versions of `slug` away: remove its own file, or, when an
    import holds the slug too, write a removal marker that wins over the import."""
    held_elsewhere = store.db.execute(
        "select 1 from layer_slugs where slug = ? and layer != ?", [slug, edit_name(slug)]
    ).fetchone()
    target = paths.data_dir / edit_name(slug)
    if held_elsewhere:
        atomic_write_bytes(target, removal_bytes(slug, now_stamp()))
    else:
        target.unlink(missing_ok=True)
    return sync_teacher_files(store, paths).changes
