"""Lesson files: YAML front matter + Markdown body -> Lesson, and validation -> Problems.

Nothing here raises on bad content: every problem comes back as a `Problem` naming the
file and line, so the app and `space-explorer validate` can show it and carry on.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from explorer.core.front_matter import FIELD_ORDER, FrontMatter, read_front_matter
from explorer.core.lesson_links import (
    IMAGE_RE,
    INTERNAL_LINK_RE,
    LESSON_SUFFIXES,
    TEMPLATE_RE,
    KnownTargets,
    check_links,
    key_line,
    local_links,
    prose,
)
from explorer.core.models import SECTIONS, TOPICS, Citation, Lesson, Problem, Question

#: where lessons are read, their links are checked: these come from lesson_links too
__all__ = [
    "IMAGE_RE",
    "INTERNAL_LINK_RE",
    "LESSON_SUFFIXES",
    "TEMPLATE_RE",
    "KnownTargets",
    "Placement",
    "check_links",
    "local_links",
    "parse_lesson",
    "prose",
    "read_lesson",
]

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
HEADING_RE = re.compile(r"^#{1,3}[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
NUMBER_PREFIX_RE = re.compile(r"^\d+[-_. ]*")
#: the largest lesson file read (a long lesson is about 50 KB)
MAX_LESSON_BYTES = 5 * 2**20
#: unknown fields listed one by one before "and N more"
MAX_UNKNOWN_LISTED = 10
#: the fields a lesson may have: the editor's, and keypoints (which it leaves alone)
LESSON_FIELDS = {*FIELD_ORDER, "keypoints"}
#: fields other lesson tools write (Carpentries, Jekyll, Hugo, R Markdown, Obsidian):
#: known, and ignored without a note (`description` stands in for a missing summary)
OTHER_TOOLS_FIELDS = {
    "aliases",
    "author",
    "authors",
    "categories",
    "date",
    "description",
    "draft",
    "editor_options",
    "exercises",
    "lang",
    "layout",
    "math",
    "output",
    "permalink",
    "root",
    "site",
    "subtitle",
    "teaching",
    "toc",
    "weight",
}


@dataclass(frozen=True, slots=True)
class Placement:
    """Where a lesson file sits in the lessons folder: the slug it gets when it has no
    `slug` field, its collection (slug and title, '' for none), and the title it shows
    when it has none of its own ('' to take its first heading or file name)."""

    slug: str
    collection: str = ""
    collection_title: str = ""
    title: str = ""


def slugify_part(text: str) -> str:
    """'Additional_Material' -> 'additional-material' ('' when it has no letters)."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def read_lesson(
    path: Path, origin: str = "bundled", placement: Placement | None = None
) -> tuple[Lesson | None, list[Problem]]:
    """Read one lesson file. Returns (lesson or None, problems found in the file itself)."""
    name = str(path)
    try:
        if path.stat().st_size > MAX_LESSON_BYTES:
            limit = MAX_LESSON_BYTES // 2**20
            return None, [Problem(name, 1, f"the file is too large for a lesson (over {limit} MB)")]
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "the file is not UTF-8 text; save it as UTF-8")]
    return parse_lesson(text, path, origin, placement)


def parse_lesson(
    text: str, path: Path, origin: str = "bundled", placement: Placement | None = None
) -> tuple[Lesson | None, list[Problem]]:
    """Parse lesson text (front matter + body) that came from `path`; None (and the
    problem) when its front matter cannot be read."""
    name = str(path)
    placement = placement or Placement(slugify_part(path.stem) or "lesson")
    read = read_front_matter(text, path)
    if read.fields is None:
        return None, list(read.problems)
    meta = _fold_case(read.fields)
    problems: list[Problem] = list(read.problems)

    def problem(key: str, message: str, severity: str = "error") -> None:
        problems.append(Problem(name, read.line_of(_written(read, key)), message, severity))

    slug, title, section, order = _identity(meta, read, placement, problems, problem)
    _unknown_fields(read, problem)
    tags = _str_list(meta, "topics", problem) + _str_list(meta, "tags", problem)
    for tag in tags:
        if tag not in TOPICS:
            problem("topics" if "topics" in meta else "tags", f"unknown topic tag {tag!r}")
    objectives = tuple(_str_list(meta, "objectives", problem))
    quiz, discussion = _questions(meta, _QuestionPlace(read, name, problems), len(objectives))
    lesson = Lesson(
        slug=slug,
        title=title,
        section=section,
        order=order,
        summary=_text(meta.get("summary") or meta.get("description")),
        objectives=objectives,
        tags=tuple(dict.fromkeys(tags)),
        partnerships=tuple(_str_list(meta, "partnerships", problem)),
        key_terms=tuple(_str_list(meta, "key_terms", problem)),
        questions=tuple(quiz),
        sources=tuple(_sources(meta, problem)),
        body=read.body,
        source_path=path,
        body_line=read.body_line,
        origin=origin,
        discussion=tuple(discussion),
        key_points=tuple(_str_list(meta, "keypoints", problem)),
        collection=placement.collection,
        collection_title=placement.collection_title,
    )
    return lesson, problems


def _fold_case(fields: Mapping[str, Any]) -> dict[str, Any]:
    """`Title:` and `TITLE:` read as `title:` (a field written in lowercase wins)."""
    folded = {key.lower(): value for key, value in fields.items() if key.lower() != key}
    folded.update({key: value for key, value in fields.items() if key.lower() == key})
    return folded


def _written(read: FrontMatter, key: str) -> str:
    """The key as the file writes it ('Title' for 'title')."""
    if key in read.key_lines:
        return key
    return next((k for k in read.key_lines if k.lower() == key), key)


def _unknown_fields(read: FrontMatter, problem: Any) -> None:
    assert read.fields is not None
    unknown = [k for k in read.fields if k.lower() not in LESSON_FIELDS | OTHER_TOOLS_FIELDS]
    for key in unknown[:MAX_UNKNOWN_LISTED]:
        hint = difflib.get_close_matches(key.lower(), sorted(LESSON_FIELDS), n=1)
        better = f"; did you mean '{hint[0]}'?" if hint else ""
        problem(key, f"unknown front matter field {key!r} is ignored{better}", "note")
    if len(unknown) > MAX_UNKNOWN_LISTED:
        more = len(unknown) - MAX_UNKNOWN_LISTED
        problem(unknown[MAX_UNKNOWN_LISTED], f"and {more} more unknown fields", "note")


def _identity(
    meta: Mapping[str, Any],
    read: FrontMatter,
    placement: Placement,
    problems: list[Problem],
    problem: Any,
) -> tuple[str, str, str, int]:
    """slug, title, section and order, each checked, with a usable fallback."""
    title = _title(meta, read, placement, problem)
    slug = meta.get("slug")
    if slug is None:
        slug = placement.slug
    elif not isinstance(slug, str) or not SLUG_RE.match(slug):
        problem("slug", f"slug {slug!r} must be lowercase words joined by hyphens")
        slug = placement.slug
    section = meta.get("section")
    if section is None:
        section = ""  # a collection's group, or My lessons
    elif section not in SECTIONS:
        problem("section", f"unknown section {section!r}; use one of: {', '.join(SECTIONS)}")
        section = ""
    order = meta.get("order", 0)
    if not isinstance(order, int) or isinstance(order, bool):
        problem("order", f"order must be a whole number, not {_shown(order)}")
        order = 0
    return slug, title, str(section), order


def _title(meta: Mapping[str, Any], read: FrontMatter, placement: Placement, problem: Any) -> str:
    title = meta.get("title")
    if isinstance(title, str | int | float) and not isinstance(title, bool) and str(title).strip():
        return str(title).strip()
    heading = HEADING_RE.search(read.body)
    fallback = (
        placement.title
        or (heading.group(1).strip("# ").strip() if heading else "")
        or (read_path_title(placement.slug))
    )
    if title is not None:
        problem("title", f"the title must be text; the library shows '{fallback}'")
    elif not placement.title:
        problem("title", f"no title: the library shows '{fallback}'", "note")
    return fallback


def read_path_title(slug: str) -> str:
    """'python-novice/episodes/01-intro' -> 'Intro'."""
    stem = slug.rsplit("/", 1)[-1]
    words = NUMBER_PREFIX_RE.sub("", stem).replace("-", " ").strip()
    return words.capitalize() or stem


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return str(value).strip()


def _str_list(meta: Mapping[str, Any], key: str, problem: Any) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return [str(value).strip()] if str(value).strip() else []
    if not isinstance(value, list) or not all(_plain(v) for v in value):
        problem(key, f"'{key}' must be a list of text items")
        return []
    return [str(v).strip() for v in value if v is not None and str(v).strip()]


def _plain(value: Any) -> bool:
    return value is None or (isinstance(value, str | int | float) and not isinstance(value, bool))


@dataclass(frozen=True, slots=True)
class _QuestionPlace:
    """Where the questions are written, to report a problem at the line it is on."""

    read: FrontMatter
    name: str
    problems: list[Problem]

    def report(self, index: int, item_key: str, message: str) -> None:
        line = self.read.item_line(_written(self.read, "questions"), index, item_key)
        self.problems.append(Problem(self.name, line, message))


def _questions(
    meta: Mapping[str, Any], place: _QuestionPlace, objectives: int
) -> tuple[list[Question], list[str]]:
    """Quiz questions (mappings) and discussion questions (plain text, as other lesson
    tools write `questions:`)."""
    items = meta.get("questions") or []
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list):
        place.report(-1, "", "'questions' must be a list")
        return [], []
    quiz: list[Question] = []
    discussion: list[str] = []
    for index, item in enumerate(items):
        if _plain(item):
            if item is not None and str(item).strip():
                discussion.append(str(item).strip())
            continue
        question = _quiz_question(index, item, place, objectives)
        if question is not None:
            quiz.append(question)
    return quiz, discussion


def _quiz_question(
    index: int, item: Any, place: _QuestionPlace, objectives: int
) -> Question | None:
    number = index + 1
    if not isinstance(item, Mapping) or "question" not in item or "answer" not in item:
        place.report(index, "", f"question {number} needs 'question' and 'answer'")
        return None
    choices = item.get("choices") or []
    answer = item["answer"]
    if choices and not (isinstance(answer, int) and 0 <= answer < len(choices)):
        place.report(index, "answer", f"question {number}: answer must be a choice number from 0")
        return None
    return Question(
        question=str(item["question"]),
        answer=answer if isinstance(answer, int) else str(answer),
        choices=tuple(str(c) for c in choices),
        explanation=str(item.get("explanation") or ""),
        objective=_objective(index, item.get("objective"), place, objectives),
    )


def _objective(index: int, value: Any, place: _QuestionPlace, objectives: int) -> int | None:
    """The objective a question checks: a number from 1 to the number of objectives."""
    if value is None:
        return None
    number = index + 1
    if not isinstance(value, int) or isinstance(value, bool):
        message = f"question {number}: objective must be a number (1 for the first objective)"
    elif not objectives:
        message = f"question {number} checks objective {value}, but the lesson has no objectives"
    elif not 1 <= value <= objectives:
        message = (
            f"question {number} checks objective {value}, but the lesson has "
            f"{objectives} objective{'s' if objectives != 1 else ''} (1 to {objectives})"
        )
    else:
        return value
    place.report(index, "objective", message)
    return None


def _sources(meta: Mapping[str, Any], problem: Any) -> Iterable[Citation]:
    items = meta.get("sources") or []
    if not isinstance(items, list):
        problem("sources", "'sources' must be a list")
        return
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping) or not item.get("title"):
            problem("sources", f"source {number} needs at least a 'title'")
            continue
        yield Citation(
            publisher=str(item.get("publisher") or ""),
            title=str(item["title"]),
            url=str(item.get("url") or ""),
        )


def load_lesson_folder(folder: Path, origin: str = "bundled") -> tuple[list[Lesson], list[Problem]]:
    """Read every `*.md` in `folder` (sorted), reporting duplicate slugs."""
    lessons: list[Lesson] = []
    problems: list[Problem] = []
    seen: dict[str, Path] = {}
    if not folder.is_dir():
        return lessons, problems
    for path in sorted(folder.glob("*.md")):
        lesson, found = read_lesson(path, origin)
        problems.extend(found)
        if lesson is None:
            continue
        if lesson.slug in seen:
            problems.append(duplicate_slug(path, lesson.slug, seen[lesson.slug]))
            continue
        seen[lesson.slug] = path
        lessons.append(replace(lesson, problems=tuple(found)))
    return lessons, problems


def duplicate_slug(path: Path, slug: str, first: Path) -> Problem:
    line = key_line(path.read_text("utf-8", "replace"), "slug")
    message = f"duplicate slug '{slug}' (also used by {first.name})"
    return Problem(str(path), line, message, kind="duplicate-slug")


def merge_lessons(bundled: list[Lesson], teacher: list[Lesson]) -> list[Lesson]:
    """Teacher lessons override bundled ones with the same slug; reading order kept."""
    by_slug = {lesson.slug: lesson for lesson in bundled}
    by_slug.update({lesson.slug: lesson for lesson in teacher})
    return sorted(by_slug.values(), key=reading_order)


def reading_order(lesson: Lesson) -> tuple[int, str, int, str]:
    """The bundled sections in order, then the teacher's lessons without a section (My
    lessons), then each collection (by title) in its own order."""
    if lesson.section in SECTIONS:
        return (SECTIONS.index(lesson.section), "", lesson.order, lesson.title.lower())
    if not lesson.collection:
        return (len(SECTIONS), "", lesson.order, lesson.title.lower())
    shelf = f"{lesson.collection_title.lower()}\0{lesson.collection}"
    return (len(SECTIONS) + 1, shelf, lesson.order, lesson.title.lower())


def cited_partnerships(lesson: Lesson) -> tuple[str, ...]:
    """Partnerships named in the front matter, then those linked in the body, once each."""
    linked = [
        m.group(2) for m in INTERNAL_LINK_RE.finditer(lesson.body) if m.group(1) == "partnership"
    ]
    return tuple(dict.fromkeys([*lesson.partnerships, *linked]))
