"""Content packs and backups as zip files: which entry names are safe, size limits, manifest.

Pure checks; reading and writing zips is explorer.store.safe_zip. The layout is documented
in docs/import-export.md.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

PACK_FORMAT = "space-explorer-pack"
#: 1: lessons, images, partnerships; 2: trails too (a pack is written as 1 when it has none,
#: so that older versions of the app still read it)
PACK_VERSION = 2
TRAILS_VERSION = 2
MANIFEST = "manifest.json"
LESSONS_PREFIX = "lessons/"
TRAILS_PREFIX = "trails/"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})
MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class ZipLimits:
    """What a zip may hold before it is refused as huge or as a zip bomb."""

    max_entries: int = 1000
    max_file: int = 20 * MiB  # uncompressed size of one entry
    max_total: int = 100 * MiB  # uncompressed size of all entries
    max_ratio: int = 100  # uncompressed / compressed, for entries above ratio_floor
    ratio_floor: int = MiB


def entry_problem(name: str) -> str | None:
    """Why a zip entry name may not be written under the data dir, or None if it may."""
    if not name or "\x00" in name:
        return "an empty or invalid name"
    if "\\" in name:
        return "a name with a backslash (made on Windows by hand?) is not allowed"
    if name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return "an absolute path is not allowed"
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".") for part in name.rstrip("/").split("/")):
        return "a path with '..' or '.' is not allowed"
    if any(part.startswith(".") for part in parts):
        return "hidden files are not allowed"
    return None


def lesson_entry_problem(name: str) -> str | None:
    """Pack entries other than the manifest are lessons (.md) and images under lessons/,
    and trails (.yaml) directly under trails/."""
    if name == MANIFEST:
        return None
    if name.startswith(TRAILS_PREFIX) and name != TRAILS_PREFIX:
        return trail_entry_problem(name)
    if not name.startswith(LESSONS_PREFIX) or name == LESSONS_PREFIX:
        return (
            f"only {MANIFEST} and files under {LESSONS_PREFIX} and {TRAILS_PREFIX} belong in a pack"
        )
    suffix = PurePosixPath(name).suffix.lower()
    if suffix == ".md" and "/" in relative_to_lessons(name):
        return f"lessons go directly in {LESSONS_PREFIX}, not in a subfolder"
    if suffix != ".md" and suffix not in IMAGE_SUFFIXES:
        return (
            f"only lessons (.md) and images ({', '.join(sorted(IMAGE_SUFFIXES))}) belong in a pack"
        )
    return None


def trail_entry_problem(name: str) -> str | None:
    relative = name[len(TRAILS_PREFIX) :]
    if "/" in relative:
        return f"trails go directly in {TRAILS_PREFIX}, not in a subfolder"
    if not relative.endswith(".yaml"):
        return f"only trails (.yaml files) belong in {TRAILS_PREFIX}"
    return None


def is_trail(name: str) -> bool:
    return name.startswith(TRAILS_PREFIX)


def relative_to_lessons(name: str) -> str:
    return name[len(LESSONS_PREFIX) :]


def is_lesson(name: str) -> bool:
    return name.lower().endswith(".md")


def manifest_problems(manifest: Any, names: set[str]) -> list[str]:
    """What is wrong with a pack's manifest, given the entry names of the zip."""
    if not isinstance(manifest, Mapping):
        return [f"{MANIFEST} must hold a JSON object"]
    if manifest.get("format") != PACK_FORMAT:
        return [f"{MANIFEST} does not describe a content pack of this app"]
    version = manifest.get("format_version")
    if not isinstance(version, int) or version < 1:
        return [f"{MANIFEST} has no valid format_version"]
    if version > PACK_VERSION:
        return [
            f"the pack was made by a newer version of the app (format {version}); "
            "update the app to import it"
        ]
    problems = []
    listed = set()
    for key in ("lessons", "images", "trails"):
        entries = manifest.get(key) or []
        if not isinstance(entries, list):
            problems.append(f"{MANIFEST}: '{key}' must be a list")
            continue
        for entry in entries:
            path = entry.get("path") if isinstance(entry, Mapping) else None
            if not isinstance(path, str) or path not in names:
                problems.append(f"{MANIFEST}: '{key}' lists {path!r}, which is not in the pack")
            else:
                listed.add(path)
    unlisted = sorted(n for n in names - listed - {MANIFEST} if not n.endswith("/"))
    problems += [f"{name}: not listed in {MANIFEST}" for name in unlisted]
    for key in ("partners", "partnerships", "bookmarks"):
        if not isinstance(manifest.get(key) or [], list):
            problems.append(f"{MANIFEST}: '{key}' must be a list")
    return problems
