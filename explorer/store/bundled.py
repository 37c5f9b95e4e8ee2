"""Build the catalog from the bundled content, and refresh it when that content changes.

Rows a teacher added (origin 'user') or edited (edited = 1) are never touched.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.core.content import content_hash, load_partners, load_partnership_folder
from explorer.core.models import Problem
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore
from explorer.store.search_index import refresh_vocabulary


@dataclass(frozen=True, slots=True)
class RefreshReport:
    changed: bool
    added: int = 0
    updated: int = 0
    removed: int = 0
    kept: int = 0  # bundled slugs left alone because the teacher owns or edited them
    problems: tuple[Problem, ...] = ()


def refresh_bundled(store: PartnershipStore, content_dir: Path) -> RefreshReport:
    db = store.db
    digest = content_hash(content_dir)
    stored = db.table("meta").rows_where("key = ?", ["content_hash"])
    if any(row["value"] == digest for row in stored):
        return RefreshReport(changed=False)
    partners, problems = load_partners(content_dir / "partners.yaml")
    records, found = load_partnership_folder(content_dir / "partnerships", partners)
    problems += found
    existing = {
        row["slug"]: (row["origin"], bool(row["edited"]))
        for row in db.query("select slug, origin, edited from partnerships")
    }
    owned = {slug for slug, (origin, edited) in existing.items() if origin != "bundled" or edited}
    to_write = [r for r in records if r.slug not in owned]
    bundled_slugs = {r.slug for r in records}
    stale = [
        slug
        for slug, (origin, edited) in existing.items()
        if origin == "bundled" and not edited and slug not in bundled_slugs
    ]
    with writing(db):
        store.write_partners(partners.values(), origin="bundled")
        store.write(to_write)
        store.erase(stale)
        db.table("meta").upsert({"key": "content_hash", "value": digest}, pk="key")
        refresh_vocabulary(db)
    store.forget()
    return RefreshReport(
        changed=True,
        added=sum(1 for r in to_write if r.slug not in existing),
        updated=sum(1 for r in to_write if r.slug in existing),
        removed=len(stale),
        kept=len(bundled_slugs & owned),
        problems=tuple(problems),
    )
