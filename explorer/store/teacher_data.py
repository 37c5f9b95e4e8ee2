"""What belongs to the teacher: their partnership rows, the partners those need, their files.

Shared by export, content packs and backups. A "data document" is the JSON shape of
docs/import-export.md: `{"format", "version", "partners": [...], "partnerships": [...]}`
with records in the content-file shape (explorer.core.records).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from explorer.core.content import partnership_from_mapping
from explorer.core.models import Partner, Partnership, Problem
from explorer.core.records import (
    partner_from_mapping,
    partner_to_mapping,
    partnership_to_mapping,
)
from explorer.core.teacher_files import plain_files
from explorer.store.partnerships import PartnershipStore

DATA_FORMAT = "space-explorer-partnerships"
DATA_VERSION = 1


class SelectionError(ValueError):
    """Slugs asked for that the catalog does not have."""


def teacher_slugs(store: PartnershipStore) -> list[str]:
    return [
        row["slug"]
        for row in store.db.query(
            "select slug from partnerships where origin = 'user' or edited = 1 order by slug"
        )
    ]


def select(
    store: PartnershipStore, slugs: Iterable[str] | None = None, teacher_only: bool = False
) -> list[Partnership]:
    """All partnerships, the teacher's own and edited ones, or the given slugs (in order)."""
    if slugs is not None:
        wanted = list(dict.fromkeys(slugs))
        found = store.many(wanted)
        missing = sorted(set(wanted) - {p.slug for p in found})
        if missing:
            raise SelectionError(f"no partnership with the slug {', '.join(missing)}")
        return [p for p in found if not teacher_only or p.origin == "user" or p.edited]
    if teacher_only:
        return store.many(teacher_slugs(store))
    return store.all()


def partners_for(store: PartnershipStore, records: Iterable[Partnership]) -> list[Partner]:
    """The partners the records name, and every partner the teacher created."""
    used = {x.partner.slug for p in records for x in p.partners}
    mine = {
        row["slug"] for row in store.db.query("select slug from partners where origin = 'user'")
    }
    return [p for slug, p in store.partners().items() if slug in used | mine]


def data_document(
    records: Iterable[Partnership], partners: Iterable[Partner], *, bookkeeping: bool = False
) -> dict[str, Any]:
    """Records as a JSON-ready document; with `bookkeeping`, origin and edited too."""
    rows = []
    for p in records:
        row = partnership_to_mapping(p)
        if bookkeeping:
            row.update(origin=p.origin, edited=p.edited)
        rows.append(row)
    return {
        "format": DATA_FORMAT,
        "version": DATA_VERSION,
        "partners": [partner_to_mapping(p) for p in partners],
        "partnerships": rows,
    }


def dumps(document: Mapping[str, Any], *, compact: bool = False) -> bytes:
    """UTF-8 JSON; `compact` (one line) is several times faster for large documents."""
    if compact:
        return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def read_document(
    document: Any, known: Mapping[str, Partner], where: str
) -> tuple[list[Partner], list[Partnership], list[Problem]]:
    """A data document -> (its partners, its checked records, problems). Partnerships may
    name partners in `known` or in the document itself."""
    if not isinstance(document, Mapping) or document.get("format") != DATA_FORMAT:
        return [], [], [Problem(where, 1, "not a partnership data file of this app")]
    if not isinstance(document.get("version"), int) or document["version"] > DATA_VERSION:
        return [], [], [Problem(where, 1, "made by a newer version of the app; update it")]
    partners = [p for p in map(partner_from_mapping, document.get("partners") or ()) if p]
    pool = {**known, **{p.slug: p for p in partners if p.slug not in known}}
    records, problems = [], []
    for number, item in enumerate(document.get("partnerships") or (), start=1):
        if not isinstance(item, Mapping):
            problems.append(Problem(where, number, "a partnership must be a record"))
            continue
        record, found = partnership_from_mapping(item, pool, f"{where} partnership {number}")
        problems += found
        if record is not None:
            records.append(_with_bookkeeping(record, item))
    return partners, records, problems


def _with_bookkeeping(record: Partnership, item: Mapping[str, Any]) -> Partnership:
    origin = item.get("origin")
    return replace(
        record,
        origin=origin if origin in ("bundled", "user") else "user",
        edited=bool(item.get("edited")),
    )


def lesson_files(folder: Path) -> list[Path]:
    """The teacher's files under `folder` (recursively): regular files only, no hidden
    files (editor or temporary files) and no symlinks."""
    return plain_files(folder)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
