"""Autosaved drafts of lessons being edited, so that a crash loses nothing.

One JSON file per lesson file in `<data dir>/drafts/`, named after the lesson and a hash
of its full path: `{"format", "path", "text", "saved", "base"}`. `base` is a hash of the
file's text when the draft was made, so the editor can tell whether the file changed
since. Every write is atomic; a damaged draft is ignored, never fatal.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from explorer.core.atomic import atomic_write_bytes

DRAFT_FORMAT = "space-explorer-draft"


@dataclass(frozen=True, slots=True)
class Draft:
    path: Path  # the lesson file the draft belongs to (it may not exist yet)
    text: str  # the editor's text (\n line breaks)
    saved: str  # ISO date and time of the autosave
    base: str  # text_hash of the file's text when the draft was made ('' for a new file)

    @property
    def saved_label(self) -> str:
        """'26 Nov 2026 at 10:15' for messages."""
        try:
            when = datetime.fromisoformat(self.saved)
        except ValueError:
            return self.saved
        return f"{when.day} {when:%b %Y} at {when:%H:%M}"


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def draft_file(drafts_dir: Path, lesson_path: Path) -> Path:
    key = hashlib.sha1(str(lesson_path.resolve()).encode()).hexdigest()[:12]
    return drafts_dir / f"{lesson_path.stem}-{key}.json"


def write_draft(drafts_dir: Path, lesson_path: Path, text: str, base: str = "") -> Path:
    target = draft_file(drafts_dir, lesson_path)
    document = {
        "format": DRAFT_FORMAT,
        "path": str(lesson_path.resolve()),
        "text": text,
        "saved": datetime.now().isoformat(timespec="seconds"),
        "base": base,
    }
    atomic_write_bytes(target, json.dumps(document, ensure_ascii=False).encode("utf-8"))
    return target


def read_draft(drafts_dir: Path, lesson_path: Path) -> Draft | None:
    return _load(draft_file(drafts_dir, lesson_path))


def remove_draft(drafts_dir: Path, lesson_path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        draft_file(drafts_dir, lesson_path).unlink()


def list_drafts(drafts_dir: Path) -> list[Draft]:
    """Every readable draft, newest first."""
    if not drafts_dir.is_dir():
        return []
    found = [d for d in map(_load, drafts_dir.glob("*.json")) if d is not None]
    return sorted(found, key=lambda d: d.saved, reverse=True)


def _load(file: Path) -> Draft | None:
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("format") != DRAFT_FORMAT:
        return None
    if not isinstance(data.get("text"), str) or not isinstance(data.get("path"), str):
        return None
    return Draft(
        Path(data["path"]), data["text"], str(data.get("saved") or ""), str(data.get("base") or "")
    )
