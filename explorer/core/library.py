"""The lesson library: bundled lessons, the teacher's lessons and collections (folders of
lessons) that come beside or over them, all checked."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote

from explorer.core.collections import (
    Collection,
    LessonFile,
    is_lesson_file,
    scan_lessons_folder,
)
from explorer.core.front_matter import split_front_matter
from explorer.core.lessons import (
    HEADING_RE,
    MAX_LESSON_BYTES,
    TEMPLATE_RE,
    KnownTargets,
    Placement,
    check_links,
    cited_partnerships,
    duplicate_slug,
    load_lesson_folder,
    local_links,
    merge_lessons,
    prose,
    read_lesson,
    read_path_title,
    slugify_part,
)
from explorer.core.models import Lesson, Problem

#: folders of a Carpentries lesson whose pictures any of its pages may show
PICTURE_FOLDERS = ("episodes", "_episodes", "learners", "instructors", "profiles")
PLACEHOLDER_TITLES = frozenset({"fixme", "todo", "tbd", "placeholder"})
TITLE_LINE_RE = re.compile(r"""^title[ \t]*:[ \t]*["']?(.+?)["']?[ \t]*$""", re.I | re.M)
TEMPLATE_ONLY_RE = re.compile(
    r"\{%-?\s*comment\s*-?%\}.*?\{%-?\s*endcomment\s*-?%\}|<!--.*?-->"
    r"|\{%.*?%\}|\{\{.*?\}\}|<script\b.*?</script>|<style\b.*?</style>|<[^>]+>",
    re.S,
)


@dataclass(frozen=True, slots=True)
class TeacherLessons:
    """What the teacher's lessons folder holds, read."""

    lessons: tuple[Lesson, ...] = ()
    problems: tuple[Problem, ...] = ()
    collections: tuple[Collection, ...] = ()
    #: resolved file path -> where it sits (its slug when it has no slug field)
    placements: Mapping[str, Placement] = field(default_factory=dict)
    files: int = 0  # lesson files looked at


@dataclass(frozen=True, slots=True)
class LessonLibrary:
    lessons: tuple[Lesson, ...] = ()
    problems: tuple[Problem, ...] = ()
    by_slug: dict[str, Lesson] = field(default_factory=dict, compare=False)
    collections: tuple[Collection, ...] = ()
    placements: Mapping[str, Placement] = field(default_factory=dict, compare=False)

    @classmethod
    def load(
        cls,
        bundled_dir: Path,
        teacher_dir: Path | None,
        partnerships: Iterable[str],
        glossary: Iterable[str],
        shared_dirs: Iterable[Path] = (),
    ) -> LessonLibrary:
        """Bundled lessons, then each shared folder's (the first listed winning), then the
        teacher's own: a lesson with the slug of an earlier one replaces it."""
        bundled, problems = load_lesson_folder(bundled_dir, "bundled")
        merged = bundled
        collections: list[Collection] = []
        placements: dict[str, Placement] = {}
        for folder in reversed(list(shared_dirs)):
            shared = load_teacher_folder(folder, origin="shared")
            problems += shared.problems
            merged = merge_lessons(merged, list(shared.lessons))
            collections += shared.collections
            placements.update(shared.placements)
        teacher = load_teacher_folder(teacher_dir) if teacher_dir else TeacherLessons()
        problems += teacher.problems
        merged = merge_lessons(merged, list(teacher.lessons))
        collections += teacher.collections
        placements.update(teacher.placements)
        known = KnownTargets(
            lessons=frozenset(lesson.slug for lesson in merged),
            partnerships=frozenset(partnerships),
            glossary=frozenset(glossary),
            lesson_files=lesson_files(merged),
        )
        checked = []
        for lesson in merged:
            link_problems = check_links(lesson, known)
            problems += link_problems
            checked.append(replace(lesson, problems=lesson.problems + tuple(link_problems)))
        return cls(
            tuple(checked),
            tuple(problems),
            {lesson.slug: lesson for lesson in checked},
            _unique_collections(collections),
            placements,
        )

    def get(self, slug: str) -> Lesson | None:
        return self.by_slug.get(slug)

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.is_error)

    def slug_at(self, path: Path) -> str | None:
        """The slug of the lesson read from `path` (for relative links between the
        lessons of a collection, and the editor); None when no lesson comes from it."""
        resolved = path.resolve()
        return next((x.slug for x in self.lessons if _resolved(x.source_path) == resolved), None)

    def placement_of(self, path: Path) -> Placement | None:
        """Where a teacher's file sits (its collection, its slug without a slug field)."""
        return self.placements.get(str(path.resolve()))

    def neighbours(self, slug: str) -> tuple[Lesson | None, Lesson | None]:
        """The previous and next lesson in reading order; a collection's lessons lead
        only to each other."""
        slugs = [lesson.slug for lesson in self.lessons]
        if slug not in slugs:
            return None, None
        index = slugs.index(slug)
        here = self.lessons[index]
        before = self.lessons[index - 1] if index > 0 else None
        after = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return _same_shelf(here, before), _same_shelf(here, after)

    def citing(self, partnership_slug: str) -> list[Lesson]:
        """Lessons that cite a partnership (its backlinks)."""
        return [lesson for lesson in self.lessons if partnership_slug in cited_partnerships(lesson)]

    def teaching(self, tag: str) -> list[Lesson]:
        return [lesson for lesson in self.lessons if tag in lesson.tags]


def _unique_collections(collections: list[Collection]) -> tuple[Collection, ...]:
    """One collection a slug: the teacher's own over a shared folder's."""
    return tuple({c.slug: c for c in collections}.values())


def _same_shelf(here: Lesson, other: Lesson | None) -> Lesson | None:
    if other is None:
        return None
    in_collection = here.group.startswith("collection:")
    if in_collection or other.group.startswith("collection:"):
        return other if other.group == here.group else None
    return other


def _resolved(path: Path | None) -> Path | None:
    return path.resolve() if path is not None else None


def lesson_files(lessons: Iterable[Lesson]) -> frozenset[str]:
    return frozenset(str(x.source_path.resolve()) for x in lessons if x.source_path is not None)


def load_teacher_folder(folder: Path, origin: str = "teacher") -> TeacherLessons:
    """Read the teacher's lessons folder (or a shared folder's, `origin` 'shared'): loose
    lessons and collections, each collection in reading order (Lesson.order becomes the
    place in it)."""
    contents = scan_lessons_folder(folder)
    problems: list[Problem] = list(contents.notes)
    lessons: list[Lesson] = []
    keys: dict[str, tuple[object, ...]] = {}
    seen: dict[str, Path] = {}
    files = (*contents.loose, *contents.files)
    folders = {c.slug: c.folder for c in contents.collections}
    for file in files:
        lesson, found = _read(file, origin)
        problems += found
        if lesson is None:
            continue
        if lesson.collection in folders:
            lesson = replace(lesson, assets_dir=pictures_folder(lesson, folders[lesson.collection]))
        if lesson.slug in seen:
            problems.append(duplicate_slug(file.path, lesson.slug, seen[lesson.slug]))
            continue
        seen[lesson.slug] = file.path
        keys[lesson.slug] = (*file.rank[:2], lesson.order, *file.rank[2:])
        lessons.append(lesson)
    placements = {str(f.path.resolve()): f.placement for f in files}
    return TeacherLessons(
        tuple(_in_reading_order(lessons, keys)),
        tuple(problems),
        contents.collections,
        placements,
        len(files),
    )


def _read(file: LessonFile, origin: str = "teacher") -> tuple[Lesson | None, list[Problem]]:
    """A lesson file as the library lists it: a file whose front matter cannot be read
    stays listed (with its problem) so that it can be opened and fixed; a file that is
    clearly not a lesson is left out with a note."""
    lesson, found = read_lesson(file.path, origin, file.placement)
    if lesson is None:
        lesson = _stand_in(file, found, origin)
        return lesson, found
    reason = not_a_lesson(lesson)
    if reason:
        return None, [
            Problem(str(file.path), 1, f"not read as a lesson: {reason}", "note", "skipped-file")
        ]
    return replace(lesson, problems=tuple(found)), found


def pictures_folder(lesson: Lesson, collection_dir: Path) -> Path | None:
    """Where a collection lesson's pictures are when they are not next to it: the
    collection's folder or one of its Carpentries folders (a Workbench page in learners/
    writes `fig/x.png` for episodes/fig/x.png). None: next to it, as usual."""
    assert lesson.source_path is not None
    pictures = [
        unquote(link.target.split("#", 1)[0])
        for link in local_links(prose(lesson.body))
        if link.image and not TEMPLATE_RE.search(link.target)
    ]
    own = lesson.source_path.parent

    def found(folder: Path) -> int:
        return sum((folder / picture).is_file() for picture in pictures)

    here = found(own)
    if here == len(pictures):
        return None
    candidates = [collection_dir, *(collection_dir / name for name in PICTURE_FOLDERS)]
    best = max(candidates, key=found)
    return best if found(best) > here else None


def not_a_lesson(lesson: Lesson) -> str:
    """Why a parsed file is not worth listing ('' when it is)."""
    if lesson.title.strip().lower() in PLACEHOLDER_TITLES or "placeholder file" in (
        lesson.body[:400].lower()
    ):
        return "a placeholder page with nothing in it yet"
    if TEMPLATE_RE.search(lesson.body) and not TEMPLATE_ONLY_RE.sub("", lesson.body).strip():
        return "only template code of the lesson's website, nothing to read"
    return ""


def _stand_in(file: LessonFile, problems: list[Problem], origin: str) -> Lesson | None:
    """A lesson in place of one whose front matter cannot be read: its body, a title
    from its title line, heading or file name, and its problems."""
    try:
        if file.path.stat().st_size > MAX_LESSON_BYTES:
            return None
        text = file.path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    yaml_text, _, body, body_line = split_front_matter(text)
    named = TITLE_LINE_RE.search(yaml_text or "")
    heading = HEADING_RE.search(body)
    title = (
        (named.group(1).strip() if named else "")
        or file.placement.title
        or (heading.group(1).strip() if heading else "")
        or read_path_title(file.placement.slug)
    )
    return Lesson(
        slug=file.placement.slug,
        title=title[:200],
        section="",
        body=body,
        source_path=file.path,
        body_line=body_line,
        origin=origin,
        problems=tuple(problems),
        collection=file.placement.collection,
        collection_title=file.placement.collection_title,
    )


def _in_reading_order(
    lessons: list[Lesson], keys: Mapping[str, tuple[object, ...]]
) -> list[Lesson]:
    """Loose lessons as they are; each collection's lessons numbered in reading order."""
    out = [x for x in lessons if not x.collection]
    by_collection: dict[str, list[Lesson]] = {}
    for lesson in lessons:
        if lesson.collection:
            by_collection.setdefault(lesson.collection, []).append(lesson)
    for members in by_collection.values():
        members.sort(key=lambda x: keys[x.slug])
        out += [replace(x, order=number) for number, x in enumerate(members, start=1)]
    return out


def validate_files(
    paths: Iterable[Path],
    known: KnownTargets,
    placements: Mapping[str, Placement] | None = None,
) -> tuple[list[Problem], int]:
    """Check lesson files or folders given on the command line (a folder is read as a
    lessons folder: its subfolders are collections). Returns (problems, files checked)."""
    problems: list[Problem] = []
    lessons: list[Lesson] = []
    count = 0
    for path in paths:
        if path.is_dir():
            found = load_teacher_folder(path)
            problems += found.problems
            lessons += found.lessons
            count += found.files
            if not found.files:
                problems.append(Problem(str(path), 1, "no lesson files (.md or .Rmd) in it"))
            continue
        count += 1
        placement = (placements or {}).get(str(path.resolve()))
        if placement is None and is_lesson_file(path):
            placement = Placement(slugify_part(path.stem) or "lesson")
        lesson, found_problems = read_lesson(path, "teacher", placement)
        problems += found_problems
        if lesson is not None:
            lessons.append(replace(lesson, problems=tuple(found_problems)))
    return problems + _check_together(lessons, known), count


def _check_together(lessons: list[Lesson], known: KnownTargets) -> list[Problem]:
    """Links and duplicate slugs across the lessons being checked."""
    known = replace(
        known,
        lessons=known.lessons | {lesson.slug for lesson in lessons},
        lesson_files=known.lesson_files | lesson_files(lessons),
    )
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    for lesson in lessons:
        assert lesson.source_path is not None
        if lesson.slug in seen and seen[lesson.slug] != lesson.source_path:
            problems.append(duplicate_slug(lesson.source_path, lesson.slug, seen[lesson.slug]))
        seen.setdefault(lesson.slug, lesson.source_path)
        problems.extend(check_links(lesson, known))
    return problems
