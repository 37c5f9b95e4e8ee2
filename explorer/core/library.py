"""The lesson library: bundled lessons, teacher lessons that override them, all checked."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from explorer.core.lessons import (
    KnownTargets,
    check_links,
    cited_partnerships,
    duplicate_slug,
    load_lesson_folder,
    merge_lessons,
    read_lesson,
)
from explorer.core.models import Lesson, Problem


@dataclass(frozen=True, slots=True)
class LessonLibrary:
    lessons: tuple[Lesson, ...] = ()
    problems: tuple[Problem, ...] = ()
    by_slug: dict[str, Lesson] = field(default_factory=dict, compare=False)

    @classmethod
    def load(
        cls,
        bundled_dir: Path,
        teacher_dir: Path | None,
        partnerships: Iterable[str],
        glossary: Iterable[str],
    ) -> LessonLibrary:
        bundled, problems = load_lesson_folder(bundled_dir, "bundled")
        teacher: list[Lesson] = []
        if teacher_dir is not None:
            teacher, found = load_lesson_folder(teacher_dir, "teacher")
            problems += found
        merged = merge_lessons(bundled, teacher)
        known = KnownTargets(
            lessons=frozenset(lesson.slug for lesson in merged),
            partnerships=frozenset(partnerships),
            glossary=frozenset(glossary),
        )
        checked = []
        for lesson in merged:
            link_problems = check_links(lesson, known)
            problems += link_problems
            checked.append(replace(lesson, problems=lesson.problems + tuple(link_problems)))
        return cls(tuple(checked), tuple(problems), {lesson.slug: lesson for lesson in checked})

    def get(self, slug: str) -> Lesson | None:
        return self.by_slug.get(slug)

    def neighbours(self, slug: str) -> tuple[Lesson | None, Lesson | None]:
        """The previous and next lesson in reading order."""
        slugs = [lesson.slug for lesson in self.lessons]
        if slug not in slugs:
            return None, None
        index = slugs.index(slug)
        before = self.lessons[index - 1] if index > 0 else None
        after = self.lessons[index + 1] if index + 1 < len(self.lessons) else None
        return before, after

    def citing(self, partnership_slug: str) -> list[Lesson]:
        """Lessons that cite a partnership (its backlinks)."""
        return [lesson for lesson in self.lessons if partnership_slug in cited_partnerships(lesson)]

    def teaching(self, tag: str) -> list[Lesson]:
        return [lesson for lesson in self.lessons if tag in lesson.tags]


def validate_files(paths: Iterable[Path], known: KnownTargets) -> list[Problem]:
    """Check lesson files or folders given on the command line."""
    problems: list[Problem] = []
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.md")) if path.is_dir() else [path])
    lessons = []
    for file in files:
        lesson, found = read_lesson(file)
        problems.extend(found)
        if lesson is not None:
            lessons.append(lesson)
    seen: dict[str, Path] = {}
    local = set(known.lessons) | {lesson.slug for lesson in lessons}
    known = replace(known, lessons=frozenset(local))
    for lesson in lessons:
        assert lesson.source_path is not None
        if lesson.slug in seen:
            problems.append(duplicate_slug(lesson.source_path, lesson.slug, seen[lesson.slug]))
        seen[lesson.slug] = lesson.source_path
        problems.extend(check_links(lesson, known))
    return problems
