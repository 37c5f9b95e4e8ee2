"""Writing a content pack: the teacher's lessons, their images and their partnerships.

A pack is a zip (written atomically) with `manifest.json` (format version, lessons,
images, partners, partnerships, and the teacher's bookmarks when chosen) and the files
under `lessons/`; see docs/import-export.md. Bundled content is never packed: every
install has it.
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
    PACK_VERSION,
)
from explorer.core.paths import AppPaths
from explorer.store.classroom_files import read_bookmarks
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import write_zip
from explorer.store.teacher_data import data_document, dumps, lesson_files, partners_for, select


@dataclass(frozen=True, slots=True)
class PackSummary:
    path: Path
    lessons: int
    images: int
    partnerships: int
    partners: int
    skipped: tuple[str, ...] = ()  # files in the lessons folder that are neither
    bookmarks: int = 0


def export_pack(
    store: PartnershipStore,
    paths: AppPaths,
    out: Path,
    title: str = "",
    *,
    bookmarks: bool = False,
) -> PackSummary:
    """Pack every teacher lesson (with the images under the lessons folder) and every
    partnership the teacher added or edited; with `bookmarks`, the teacher's bookmarks."""
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
    document = data_document(records, partners)
    manifest = {
        "format": PACK_FORMAT,
        "format_version": PACK_VERSION,
        "title": title,
        "created": datetime.now().isoformat(timespec="seconds"),
        "app_version": __version__,
        "lessons": lessons,
        "images": images,
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
        len(marks),
    )
