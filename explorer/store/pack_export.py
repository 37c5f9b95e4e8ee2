"""Writing a content pack: the teacher's lessons, their images, their trails and their
partnerships.

A pack is a zip (written atomically) with `manifest.json` (format version, lessons,
images, trails, partners, partnerships, and the teacher's bookmarks when chosen) and the
files under `lessons/` and `trails/`; see docs/import-export.md. Bundled content is never
packed: every install has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from explorer import __version__
from explorer.core.classroom.bookmarks import bookmark_entry
from explorer.core.lessons import read_lesson
from explorer.core.pack_format import (
    IMAGE_SUFFIXES,
    LESSONS_PREFIX,
    MANIFEST,
    PACK_FORMAT,
    TRAILS_PREFIX,
    TRAILS_VERSION,
)
from explorer.core.paths import AppPaths
from explorer.core.trails import load_trail_folder
from explorer.store.classroom_files import read_bookmarks
from explorer.store.packs import pack_name
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import write_zip
from explorer.store.teacher_data import data_document, dumps, lesson_files, partners_for, select
from explorer.store.trail_files import teacher_trails_dir


@dataclass(frozen=True, slots=True)
class PackSummary:
    path: Path
    lessons: int
    images: int
    partnerships: int
    partners: int
    skipped: tuple[str, ...] = ()  # files in the lessons folder that are neither
    trails: int = 0
    bookmarks: int = 0


def export_pack(
    store: PartnershipStore,
    paths: AppPaths,
    out: Path,
    title: str = "",
    *,
    name: str = "",
    version: str = "",
    author: str = "",
    bookmarks: bool = False,
) -> PackSummary:
    """Pack every teacher lesson (with the images under the lessons folder), every trail
    of the teacher's and every partnership the teacher added or edited, and with
    `bookmarks` the teacher's bookmarks. `name` identifies the pack across versions (made
    from the title when not given): a colleague who imports version 2 of a pack gets
    version 1 replaced, not a second copy."""
    records = select(store, teacher_only=True)
    partners = partners_for(store, records)
    folder = paths.teacher_lessons
    lessons: list[dict[str, Any]] = []
    images: list[dict[str, Any]] = []
    members: list[tuple[str, bytes]] = []
    skipped = []
    for path in lesson_files(folder):
        relative = path.relative_to(folder).as_posix()
        suffix = path.suffix.lower()
        if suffix == ".md" and "/" not in relative:
            lesson, _ = read_lesson(path, "teacher")
            lessons.append(
                {
                    "path": LESSONS_PREFIX + relative,
                    "slug": lesson.slug if lesson else path.stem,
                    "title": lesson.title if lesson else "",
                }
            )
        elif suffix in IMAGE_SUFFIXES:
            images.append({"path": LESSONS_PREFIX + relative})
        else:
            skipped.append(relative)
            continue
        members.append((LESSONS_PREFIX + relative, path.read_bytes()))
    trails = _trail_members(paths)
    members += [(entry["path"], data) for entry, data in trails]
    document = data_document(records, partners)
    manifest = {
        "format": PACK_FORMAT,
        "format_version": TRAILS_VERSION if trails else 1,
        "title": title,
        "name": pack_name({"name": name, "title": title}),
        "version": version,
        "author": author,
        "created": datetime.now().isoformat(timespec="seconds"),
        "app_version": __version__,
        "lessons": lessons,
        "images": images,
        **({"trails": [entry for entry, _ in trails]} if trails else {}),
        "partners": document["partners"],
        "partnerships": document["partnerships"],
    }
    marks = read_bookmarks(paths.data_dir).items if bookmarks else ()
    if marks:
        manifest["bookmarks"] = [bookmark_entry(mark) for mark in marks]
    write_zip(out, [(MANIFEST, dumps(manifest)), *members])
    return PackSummary(
        out,
        len(lessons),
        len(images),
        len(records),
        len(partners),
        tuple(skipped),
        len(trails),
        len(marks),
    )


def _trail_members(paths: AppPaths) -> list[tuple[dict[str, Any], bytes]]:
    """The teacher's trail files that read as trails, with their manifest entries."""
    trails, _ = load_trail_folder(teacher_trails_dir(paths), "teacher")
    out = []
    for trail in trails:
        assert trail.source_path is not None
        entry = {
            "path": f"{TRAILS_PREFIX}{trail.slug}.yaml",
            "slug": trail.slug,
            "title": trail.title,
        }
        out.append((entry, trail.source_path.read_bytes()))
    return out
