"""The teacher's lessons folder as it really comes: loose lessons, and folders of lessons.

Every folder directly inside the lessons folder is a **collection**: a group of its own
in the library, titled from its `config.yaml` / `_config.yml` (`title:`), else its
`index.md`, else the folder's name, in a reading order: the `episodes:` (and
`learners:`, `instructors:`, `profiles:`) lists of a Carpentries `config.yaml`, else the
`NN-` number at the start of the file names, else the names; the overview (`index.md`)
and setup first, reference and instructor pages after the episodes. When the lessons
folder itself is a Carpentries lesson (a config file and an `episodes/` folder), the
whole folder is one collection.

A collection lesson's slug is `<collection>/<path inside it, without .md>`, every part
lowercased with hyphens: `python-novice/episodes/01-intro`. It depends only on where the
file is, so it stays the same when other files come and go; a `slug:` field wins.

Files that are clearly not lessons (licences, codes of conduct, contribution guides,
READMEs, Jekyll includes and layouts, an R Markdown file whose Markdown twin is there)
are skipped, each with a note that says why.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import Any

from explorer.core.front_matter import load_yaml_file
from explorer.core.lessons import LESSON_SUFFIXES, Placement, slugify_part
from explorer.core.models import Problem

CONFIG_FILES = ("config.yaml", "_config.yml", "_config.yaml")
#: file stems (lowercase) that are about a project, not lessons
NOT_LESSONS: Mapping[str, str] = {
    "license": "a licence",
    "licence": "a licence",
    "code_of_conduct": "a code of conduct",
    "conduct": "a code of conduct",
    "contributing": "a guide for contributors",
    "readme": "a README about the files",
    "authors": "a list of authors",
    "citation": "how to cite the lesson",
    "changelog": "a change log",
    "news": "a change log",
    "aio": "all episodes on one page (a copy of them)",
    "404": "a website's error page",
}
#: folders never read: templates, generated sites, tools, packages
SKIPPED_FOLDERS = frozenset(
    {"_includes", "_layouts", "_site", "site", "bin", "renv", "node_modules", "__pycache__"}
)
#: Carpentries folders -> where their pages come in the reading order
ROLE_RANK = {"": 2, "episodes": 2, "learners": 3, "instructors": 4, "extras": 4, "profiles": 5}
CONFIG_LISTS = ("episodes", "learners", "instructors", "profiles")
NUMBER_RE = re.compile(r"^(\d+)")
#: the most lesson files read from one lessons folder
MAX_FILES = 2000
#: the title of a collection's index.md when it has none
OVERVIEW_TITLE = "About this lesson"


@dataclass(frozen=True, slots=True)
class Collection:
    """A folder of lessons: one group in the library."""

    slug: str
    title: str
    folder: Path


@dataclass(frozen=True, slots=True)
class LessonFile:
    """A file to read as a lesson: where it sits, and its place in the reading order."""

    path: Path
    placement: Placement
    rank: tuple[Any, ...] = ()


@dataclass(frozen=True, slots=True)
class FolderContents:
    loose: tuple[LessonFile, ...]  # lessons directly in the lessons folder
    collections: tuple[Collection, ...]
    files: tuple[LessonFile, ...]  # collection lessons, each collection in reading order
    notes: tuple[Problem, ...]  # files skipped, and why


def is_lesson_file(path: Path) -> bool:
    return path.suffix.lower() in LESSON_SUFFIXES and not path.name.startswith(".")


def scan_lessons_folder(folder: Path) -> FolderContents:
    """What the app reads from a teacher's lessons folder."""
    if not folder.is_dir():
        return FolderContents((), (), (), ())
    notes: list[Problem] = []
    if _is_lesson_root(folder):
        slug = slugify_part(_config_title(folder)) or slugify_part(folder.name) or "lessons"
        collection = _collection(folder, slug)
        return FolderContents((), (collection,), tuple(_files(collection, notes)), tuple(notes))
    loose = [
        LessonFile(path, Placement(slugify_part(path.stem) or "lesson"))
        for path in sorted(folder.iterdir())
        if path.is_file() and is_lesson_file(path) and not _skip_reason(path, folder, notes)
    ]
    collections: list[Collection] = []
    files: list[LessonFile] = []
    taken: set[str] = set()
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and _readable_folder(p.name)):
        collection = _collection(sub, _unique_slug(sub.name, taken))
        found = list(_files(collection, notes))
        if found:
            taken.add(collection.slug)
            collections.append(collection)
            files.extend(found)
    files = _told_apart(collections, files)
    return FolderContents(tuple(loose), tuple(collections), tuple(files), tuple(notes))


def _told_apart(collections: list[Collection], files: list[LessonFile]) -> list[LessonFile]:
    """Two collections with one title (two copies of a lesson) get their folder's name
    after it: 'Programming with Python (python-novice)'."""
    titles = [c.title for c in collections]
    renamed = {
        c.slug: f"{c.title} ({c.folder.name})" for c in collections if titles.count(c.title) > 1
    }
    if not renamed:
        return files
    collections[:] = [replace(c, title=renamed.get(c.slug, c.title)) for c in collections]
    return [
        replace(f, placement=replace(f.placement, collection_title=renamed[f.placement.collection]))
        if f.placement.collection in renamed
        else f
        for f in files
    ]


def _is_lesson_root(folder: Path) -> bool:
    has_config = any((folder / name).is_file() for name in CONFIG_FILES)
    return has_config and ((folder / "episodes").is_dir() or (folder / "_episodes").is_dir())


def _readable_folder(name: str) -> bool:
    return not name.startswith(".") and name not in SKIPPED_FOLDERS and name != "images"


def _unique_slug(name: str, taken: set[str]) -> str:
    base = slugify_part(name) or "collection"
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _collection(folder: Path, slug: str) -> Collection:
    title = _config_title(folder) or _index_title(folder) or _folder_title(folder.name)
    return Collection(slug, title, folder)


def _config(folder: Path) -> Mapping[str, Any]:
    for name in CONFIG_FILES:
        data = load_yaml_file(folder / name) if (folder / name).is_file() else None
        if isinstance(data, Mapping):
            return data
    return {}


def _config_title(folder: Path) -> str:
    title = _config(folder).get("title")
    return str(title).strip() if isinstance(title, str | int) else ""


def _index_title(folder: Path) -> str:
    from explorer.core.front_matter import read_front_matter

    for name in ("index.md", "index.Rmd"):
        try:
            text = (folder / name).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError):
            continue
        fields = read_front_matter(text, folder / name).fields or {}
        title = fields.get("title") or fields.get("Title")
        if isinstance(title, str) and title.strip():
            return title.strip()
    return ""


def _folder_title(name: str) -> str:
    words = re.sub(r"[-_]+", " ", NUMBER_RE.sub("", name)).strip() or name
    return words[0].upper() + words[1:]


def _files(collection: Collection, notes: list[Problem]) -> Iterator[LessonFile]:
    folder = collection.folder
    config = _config(folder)
    order = _config_order(config)
    has_episodes = (folder / "episodes").is_dir() or (folder / "_episodes").is_dir()
    paths = [p for p in _walk(folder) if not _skip_reason(p, folder, notes)]
    for path in paths[:MAX_FILES]:
        rel = PurePosixPath(path.relative_to(folder).as_posix())
        parts = [slugify_part(part) or "page" for part in rel.with_suffix("").parts]
        title = OVERVIEW_TITLE if rel.with_suffix("").as_posix().lower() == "index" else ""
        placement = Placement(f"{collection.slug}/{'/'.join(parts)}", collection.slug,
                              collection.title, title)  # fmt: skip
        yield LessonFile(path, placement, _rank(rel, order, has_episodes))
    if len(paths) > MAX_FILES:
        notes.append(
            Problem(str(folder), 1, f"only the first {MAX_FILES} lesson files are read", "note")
        )


def _walk(folder: Path) -> list[Path]:
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if _readable_folder(d))
        found += [Path(root) / name for name in sorted(files) if is_lesson_file(Path(name))]
        if len(found) > MAX_FILES:
            break
    return found


def _config_order(config: Mapping[str, Any]) -> dict[str, int]:
    """'episodes/01-intro.md' -> its place in the config's lists."""
    order: dict[str, int] = {}
    for role in CONFIG_LISTS:
        items = config.get(role)
        if isinstance(items, list):
            for item in items:
                if isinstance(item, str):
                    order.setdefault(f"{role}/{item}", len(order))
    return order


def _rank(rel: PurePosixPath, order: Mapping[str, int], has_episodes: bool) -> tuple[Any, ...]:
    stem = rel.stem.lower()
    role = rel.parts[0].lstrip("_").lower() if len(rel.parts) > 1 else ""
    if role == "episodes-rmd":
        role = "episodes"
    if stem == "index" and len(rel.parts) == 1:
        rank = 0
    elif stem == "setup":
        rank = 1
    elif not role and has_episodes:
        rank = 3  # a page beside the episodes: reference, discussion
    else:
        rank = ROLE_RANK.get(role, 2)
    listed = order.get(f"{role}/{rel.name}", len(order))
    return (rank, listed, *(_natural(part) for part in rel.parts))


def _natural(part: str) -> tuple[int, str]:
    """'02-numpy.md' sorts as (2, ...), before '10-defensive.md'; unnumbered after."""
    match = NUMBER_RE.match(part)
    return (int(match.group(1)) if match else 10**9, part.lower())


def _skip_reason(path: Path, folder: Path, notes: list[Problem]) -> str:
    """Why a file is not read as a lesson ('' when it is); adds a note when skipped."""
    stem = path.stem.lower()
    reason = NOT_LESSONS.get(stem, "")
    if not reason and path.suffix.lower() == ".rmd":
        twins = [path.with_suffix(".md")]
        if path.parent.name == "_episodes_rmd":
            twins.append(path.parent.parent / "_episodes" / f"{path.stem}.md")
        if any(twin.is_file() for twin in twins):
            reason = "the R Markdown source of a lesson that is also there as Markdown"
    if reason:
        notes.append(
            Problem(str(path), 1, f"not read as a lesson: {reason}", "note", "skipped-file")
        )
    return reason
