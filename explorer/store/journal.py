"""The undo journal of the last import: `<data dir>/undo/last-import.json`.

For each partnership and file an import touched it keeps what was there before (or that
nothing was) and a fingerprint of what the import left, so that an undo restores only
what nobody changed since. Written atomically; one journal at a time.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from explorer.core.atomic import atomic_write_bytes
from explorer.core.models import Partnership
from explorer.core.paths import AppPaths
from explorer.core.records import partnership_to_mapping

JOURNAL_VERSION = 1


class NothingToUndoError(Exception):
    """There is no import to undo (none yet, or it was undone already)."""


def journal_path(paths: AppPaths) -> Path:
    return paths.data_dir / "undo" / "last-import.json"


def fingerprint(record: Partnership | None) -> str | None:
    """What a record holds (partners by slug and role), as a short digest."""
    if record is None:
        return None
    p = record
    key = (
        p.slug,
        p.name,
        p.type,
        p.start_year,
        p.end_year,
        p.status,
        p.domain,
        tuple((x.partner.slug, x.role) for x in p.partners),
        p.countries,
        p.milestones,
        p.benefits,
        p.challenges,
        p.description,
        p.caveats,
        p.citations,
        p.checked,
        p.origin,
        p.edited,
    )
    return hashlib.sha1(repr(key).encode()).hexdigest()


def file_fingerprint(data: bytes | None) -> str | None:
    return None if data is None else hashlib.sha256(data).hexdigest()


@dataclass
class Journal:
    """Built while an import runs, saved inside its transaction."""

    kind: str  # "csv" or "pack"
    source: str
    backup: str = ""
    partnerships: list[dict[str, Any]] = field(default_factory=list)
    partners_created: list[str] = field(default_factory=list)
    files: list[dict[str, Any]] = field(default_factory=list)

    def add_partnerships(
        self, records: list[Partnership], before: Mapping[str, Partnership | None]
    ) -> None:
        for record in records:
            old = before.get(record.slug)
            saved = None
            if old is not None:
                saved = partnership_to_mapping(old)
                saved.update(origin=old.origin, edited=old.edited)
            self.partnerships.append(
                {"slug": record.slug, "before": saved, "after": fingerprint(record)}
            )

    def add_file(self, relative: str, before: bytes | None, after: bytes) -> None:
        self.files.append(
            {
                "path": relative,
                "before": None if before is None else base64.b64encode(before).decode("ascii"),
                "after": file_fingerprint(after),
            }
        )

    def save(self, paths: AppPaths) -> None:
        document = {
            "version": JOURNAL_VERSION,
            "kind": self.kind,
            "source": self.source,
            "created": datetime.now().isoformat(timespec="seconds"),
            "backup": self.backup,
            "partnerships": self.partnerships,
            "partners_created": self.partners_created,
            "files": self.files,
        }
        atomic_write_bytes(journal_path(paths), json.dumps(document).encode("utf-8"))


@dataclass(frozen=True, slots=True)
class LastImport:
    """What "Undo import" would undo, for a menu item or a confirmation."""

    kind: str
    source: str
    created: str
    partnerships: int
    files: int


def load(paths: AppPaths) -> dict[str, Any]:
    path = journal_path(paths)
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise NothingToUndoError("there is no import to undo") from None
    except (OSError, ValueError) as exc:
        raise NothingToUndoError(f"the undo record {path} cannot be read ({exc})") from None
    if not isinstance(document, dict) or document.get("version") != JOURNAL_VERSION:
        raise NothingToUndoError(f"the undo record {path} is not one this version understands")
    return document


def last_import(paths: AppPaths) -> LastImport | None:
    try:
        document = load(paths)
    except NothingToUndoError:
        return None
    return LastImport(
        str(document.get("kind")),
        str(document.get("source")),
        str(document.get("created")),
        len(document.get("partnerships") or ()),
        len(document.get("files") or ()),
    )


def clear(paths: AppPaths) -> None:
    journal_path(paths).unlink(missing_ok=True)


def decode_file(entry: Mapping[str, Any]) -> bytes | None:
    before = entry.get("before")
    return None if before is None else base64.b64decode(before)
