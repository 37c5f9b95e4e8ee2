"""A teacher's edits to partnerships: save (with new partners), delete, revert.

Each is one transaction and then tells the store's subscribers, so search, topic pages
and the timeline show the change at once. Bundled records are never deleted: a teacher's
change to one is stored with edited = 1 and can be reverted to the bundled file.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from explorer.core.content import load_partners
from explorer.core.models import Partner, Partnership
from explorer.core.partnership_edit import bundled_version
from explorer.core.records import as_teacher_version
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore


class AuthoringError(Exception):
    """An edit that cannot be made: one line for the user."""


def save_partnership(
    store: PartnershipStore, record: Partnership, new_partners: Iterable[Partner] = ()
) -> Partnership:
    """Store the teacher's version of `record` (a new slug is theirs; a bundled one is
    marked edited) with any partners they added, in one transaction."""
    stored = store.get(record.slug)
    version = as_teacher_version(record, stored)
    with writing(store.db):
        store.write_partners(new_partners, origin="user")
        store.write([version])
    store.changed()
    return version


def delete_partnership(store: PartnershipStore, slug: str) -> None:
    """Delete a partnership the teacher added. Bundled ones can only be reverted."""
    origin = store.origin_of(slug)
    if origin is None:
        raise AuthoringError(f"there is no partnership '{slug}'")
    if origin[0] == "bundled":
        raise AuthoringError(
            f"'{slug}' comes with the app and cannot be deleted; revert your changes instead"
        )
    store.delete([slug])


def revert_partnership(store: PartnershipStore, content_dir: Path, slug: str) -> Partnership:
    """Put the bundled version of an edited partnership back (edited = 0)."""
    partners, _ = load_partners(content_dir / "partners.yaml")
    record = bundled_version(content_dir, slug, {**store.partners(), **partners})
    if record is None:
        raise AuthoringError(f"the app's content has no partnership '{slug}' to revert to")
    record = replace(record, origin="bundled", edited=False)
    with writing(store.db):
        store.write_partners(
            [x.partner for x in record.partners if x.partner.slug in partners], origin="bundled"
        )
        store.write([record])
    store.changed()
    return record
