"""What the lesson editor and the lessons folder need, without Qt: new lessons from a
template, checking text as it is typed, images copied next to a lesson, "edit a copy" of
a bundled lesson and reverting it, and a fingerprint of the lessons folder."""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import unicodedata
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from explorer.core.atomic import atomic_write_bytes
from explorer.core.collections import CONFIG_FILES, SKIPPED_FOLDERS, is_lesson_file
from explorer.core.front_matter_edit import read_fields, set_field
from explorer.core.lessons import (
    IMAGE_RE,
    KnownTargets,
    Placement,
    check_links,
    parse_lesson,
)
from explorer.core.models import Lesson, Problem

IMAGES = "images"
#: the most folders of a lessons folder watched for changes
MAX_WATCHED_FOLDERS = 500
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp")
TEMPLATE_BODY = """\
## A first heading

Write the lesson here in Markdown. The title, summary and objectives above come from the
lesson's details; headings in the text start at `##`.

- **Insert Link** links another lesson or a partnership.
- **Insert Image** copies a picture next to the lesson and shows it here.
"""


def slugify(text: str) -> str:
    """'Sharing the Cost: ESA & NASA' -> 'sharing-the-cost-esa-nasa' ('' when no letters)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def unique_path(folder: Path, stem: str, suffix: str = ".md") -> Path:
    """`folder/stem.suffix`, or `stem-2`, `stem-3`... when that exists."""
    candidate = folder / f"{stem}{suffix}"
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def new_lesson_path(folder: Path, title: str, taken: Iterable[str]) -> Path:
    """Where a new lesson titled `title` goes: a file named after its slug, which is
    neither a lesson's slug already (that would override it) nor an existing file."""
    base = slugify(title) or "my-lesson"
    taken = set(taken)
    slug, number = base, 2
    while slug in taken or (folder / f"{slug}.md").exists():
        slug, number = f"{base}-{number}", number + 1
    return folder / f"{slug}.md"


def lesson_template(title: str, section: str) -> str:
    """A new lesson's text: valid as it stands, with hints in place of the content."""
    text = f"---\n---\n\n{TEMPLATE_BODY}"
    text = set_field(text, "title", title.strip() or "Untitled lesson")
    text = set_field(text, "section", section)
    return set_field(text, "summary", "One or two sentences for the library and search.")


def check_lesson_text(
    text: str,
    path: Path,
    known: KnownTargets,
    origin: str = "teacher",
    placement: Placement | None = None,
) -> tuple[Lesson | None, list[Problem]]:
    """Parse and check unsaved lesson text as if it were the file at `path` (in its
    collection, when `placement` says so); problems are sorted by line."""
    lesson, problems = parse_lesson(text, path, origin, placement)
    if lesson is not None:
        known = replace(known, lessons=known.lessons | {lesson.slug})
        problems += check_links(lesson, known, text)
        lesson = replace(lesson, problems=tuple(problems))
    return lesson, sorted(problems, key=lambda p: p.line)


def link_markdown(kind: str, slug: str, text: str) -> str:
    label = text.replace("[", "(").replace("]", ")").strip() or slug
    return f"[{label}]({kind}:{slug})"


def image_markdown(alt: str, relative: str) -> str:
    target = f"<{relative}>" if " " in relative else relative
    return f"![{alt.replace(']', ')')}]({target})"


def copy_image(source: Path, lesson_dir: Path) -> str:
    """Copy a picture into `lesson_dir/images/` (atomically, under a safe unique name;
    an identical file already there is reused). Returns the path to link, relative to the
    lesson: 'images/name.png'."""
    data = source.read_bytes()
    stem = slugify(source.stem) or "image"
    suffix = source.suffix.lower()
    folder = lesson_dir / IMAGES
    target = folder / f"{stem}{suffix}"
    number = 2
    while target.exists() and target.read_bytes() != data:
        target = folder / f"{stem}-{number}{suffix}"
        number += 1
    if not target.exists():
        atomic_write_bytes(target, data)
    return f"{IMAGES}/{target.name}"


def teacher_copy(lesson: Lesson, teacher_dir: Path) -> Path:
    """'Edit a copy': the bundled lesson's file, unchanged, in the teacher's folder with
    the same slug (so it overrides the bundled one), with the local images it shows."""
    if lesson.source_path is None:
        raise ValueError(f"lesson '{lesson.slug}' has no file to copy")
    data = lesson.source_path.read_bytes()
    target = teacher_dir / f"{lesson.slug}.md"
    if target.exists():
        target = unique_path(teacher_dir, lesson.slug)
        fields = read_fields(data.decode("utf-8-sig")) or {}
        if "slug" not in fields:
            text = set_field(data.decode("utf-8-sig"), "slug", lesson.slug)
            data = text.encode("utf-8")
    _copy_images(lesson, teacher_dir)
    atomic_write_bytes(target, data)
    return target


def _copy_images(lesson: Lesson, teacher_dir: Path) -> None:
    assert lesson.source_path is not None
    source_dir = lesson.source_path.parent.resolve()
    for match in IMAGE_RE.finditer(lesson.body):
        src = match.group(1)
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src):
            continue
        source = (source_dir / src).resolve()
        target = (teacher_dir / src).resolve()
        inside = source.is_relative_to(source_dir) and target.is_relative_to(teacher_dir.resolve())
        if inside and source.is_file() and not target.exists():
            atomic_write_bytes(target, source.read_bytes())


def set_aside(path: Path, keep_dir: Path) -> Path:
    """Move a teacher's file out of the lessons folder into `keep_dir` (never deleted),
    under a name with the time: 'sharing-the-cost-20261126-101500.md'."""
    keep_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = unique_path(keep_dir, f"{path.stem}-{stamp}", path.suffix)
    shutil.move(str(path), str(target))
    return target


def folder_state(folder: Path) -> dict[str, str]:
    """A fingerprint of what the app reads from a lessons folder, subfolders (collections)
    included: lesson files (`.md`, `.Rmd`) and config files by content, pictures by size
    and time. Equal states, equal library."""
    state: dict[str, str] = {}
    for path in watched_files(folder):
        name = path.relative_to(folder).as_posix()
        try:
            if path.suffix.lower() in IMAGE_SUFFIXES:
                info = path.stat()
                state[name] = f"{info.st_size}:{info.st_mtime_ns}"
            else:
                state[name] = hashlib.sha1(path.read_bytes()).hexdigest()
        except OSError:  # removed while looking, or unreadable: still a change
            state[name] = ""
    return state


def watched_folders(folder: Path) -> list[Path]:
    """The lessons folder and every folder in it that the app reads from."""
    if not folder.is_dir():
        return []
    found = []
    for root, dirs, _files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if _readable(d))
        found.append(Path(root))
        if len(found) >= MAX_WATCHED_FOLDERS:
            break
    return found


def watched_files(folder: Path) -> list[Path]:
    """Lesson files, config files and pictures in the folders the app reads."""
    files = []
    for sub in watched_folders(folder):
        try:
            names = sorted(p for p in sub.iterdir() if p.is_file())
        except OSError:
            continue
        files += [p for p in names if not p.name.startswith(".") and _read_by_app(p)]
    return files


def _read_by_app(path: Path) -> bool:
    suffix = path.suffix.lower()
    return is_lesson_file(path) or suffix in IMAGE_SUFFIXES or path.name in CONFIG_FILES


def _readable(name: str) -> bool:
    return not name.startswith(".") and name not in SKIPPED_FOLDERS
