"""Lesson files: YAML front matter + Markdown body -> Lesson, and validation -> Problems.

Nothing here raises on bad content: every problem comes back as a `Problem` naming the
file and line, so the app and `space-explorer validate` can show it and carry on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import frontmatter
import yaml

from explorer.core.models import SECTIONS, TOPICS, Citation, Lesson, Problem, Question

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
FENCE_RE = re.compile(r"^(?:---|\.\.\.)\s*$")
INTERNAL_LINK_RE = re.compile(
    r"""(?:\]\(\s*<?|href\s*=\s*["']|^\s*\[[^\]]+\]:\s*<?)"""
    r"(partnership|lesson|glossary|topic):([^)\s>\"'#]*)",
    re.MULTILINE,
)
IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
LESSON_FIELDS = {
    "slug",
    "title",
    "section",
    "order",
    "summary",
    "objectives",
    "topics",
    "tags",
    "partnerships",
    "key_terms",
    "questions",
    "sources",
}


@dataclass(frozen=True, slots=True)
class KnownTargets:
    """Everything an internal link may point at."""

    lessons: frozenset[str] = frozenset()
    partnerships: frozenset[str] = frozenset()
    glossary: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset(TOPICS)

    def has(self, kind: str, slug: str) -> bool:
        pool = {
            "lesson": self.lessons,
            "partnership": self.partnerships,
            "glossary": self.glossary,
            "topic": self.topics,
        }[kind]
        return slug in pool


def read_lesson(path: Path, origin: str = "bundled") -> tuple[Lesson | None, list[Problem]]:
    """Read one lesson file. Returns (lesson or None, problems found in the file itself)."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, [Problem(name, 1, f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return None, [Problem(name, line, "the file is not UTF-8 text; save it as UTF-8")]
    return parse_lesson(text, path, origin)


def parse_lesson(
    text: str, path: Path, origin: str = "bundled"
) -> tuple[Lesson | None, list[Problem]]:
    """Parse lesson text (front matter + body) that came from `path`."""
    name = str(path)
    body_line = _body_start_line(text)
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        # the start of the broken construct is where a person looks first
        mark = getattr(exc, "context_mark", None) or getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1  # the YAML text starts after '---'
        reason = getattr(exc, "problem", None) or "invalid YAML"
        return None, [Problem(name, line, f"front matter is not valid YAML: {reason}")]
    meta: Mapping[str, Any] = post.metadata
    if not isinstance(meta, Mapping):
        return None, [Problem(name, 1, "front matter must be a set of `key: value` fields")]
    problems: list[Problem] = []

    def line_of(key: str) -> int:
        return _key_line(text, key)

    def problem(key: str, message: str) -> None:
        problems.append(Problem(name, line_of(key), message))

    slug, title, section, order = _identity(meta, path, problems, problem)
    for key in meta:
        if key not in LESSON_FIELDS:
            problem(str(key), f"unknown front matter field {key!r}")
    tags = _str_list(meta, "topics", problem) + _str_list(meta, "tags", problem)
    for tag in tags:
        if tag not in TOPICS:
            problem("topics" if "topics" in meta else "tags", f"unknown topic tag {tag!r}")
    lesson = Lesson(
        slug=slug,
        title=title,
        section=section,
        order=order,
        summary=str(meta.get("summary") or "").strip(),
        objectives=tuple(_str_list(meta, "objectives", problem)),
        tags=tuple(dict.fromkeys(tags)),
        partnerships=tuple(_str_list(meta, "partnerships", problem)),
        key_terms=tuple(_str_list(meta, "key_terms", problem)),
        questions=tuple(_questions(meta, problem)),
        sources=tuple(_sources(meta, problem)),
        body=post.content,
        source_path=path,
        body_line=body_line,
        origin=origin,
    )
    return lesson, problems


def _identity(
    meta: Mapping[str, Any], path: Path, problems: list[Problem], problem: Any
) -> tuple[str, str, str, int]:
    """slug, title, section and order, each checked, with a usable fallback."""
    name = str(path)
    title = meta.get("title")
    if not isinstance(title, str) or not title.strip():
        problems.append(Problem(name, 1, "missing required field 'title' in the front matter"))
        title = path.stem.replace("-", " ").capitalize()
    slug = meta.get("slug", path.stem)
    if not isinstance(slug, str) or not SLUG_RE.match(slug):
        problem("slug", f"slug {slug!r} must be lowercase words joined by hyphens")
        slug = re.sub(r"[^a-z0-9]+", "-", str(path.stem).lower()).strip("-") or "lesson"
    section = meta.get("section")
    if section is None:
        problems.append(Problem(name, 1, "missing required field 'section' in the front matter"))
        section = "foundations"
    elif section not in SECTIONS:
        problem("section", f"unknown section {section!r}; use one of: {', '.join(SECTIONS)}")
        section = "foundations"
    order = meta.get("order", 0)
    if not isinstance(order, int) or isinstance(order, bool):
        problem("order", f"order must be a whole number, not {order!r}")
        order = 0
    return slug, str(title).strip(), str(section), order


def _str_list(meta: Mapping[str, Any], key: str, problem: Any) -> list[str]:
    value = meta.get(key)
    if value is None:
        return []
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        problem(key, f"'{key}' must be a list of text items")
        return []
    return [str(v) for v in value]


def _questions(meta: Mapping[str, Any], problem: Any) -> Iterable[Question]:
    items = meta.get("questions") or []
    if not isinstance(items, list):
        problem("questions", "'questions' must be a list")
        return
    for number, item in enumerate(items, start=1):
        if not isinstance(item, Mapping) or "question" not in item or "answer" not in item:
            problem("questions", f"question {number} needs 'question' and 'answer'")
            continue
        choices = item.get("choices") or []
        answer = item["answer"]
        if choices and not (isinstance(answer, int) and 0 <= answer < len(choices)):
            problem("questions", f"question {number}: answer must be a choice number from 0")
            continue
        yield Question(
            question=str(item["question"]),
            answer=answer if isinstance(answer, int) else str(answer),
            choices=tuple(str(c) for c in choices),
            explanation=str(item.get("explanation") or ""),
        )


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


def _body_start_line(text: str) -> int:
    lines = text.splitlines()
    if not lines or not FENCE_RE.match(lines[0]):
        return 1
    for index, line in enumerate(lines[1:], start=2):
        if FENCE_RE.match(line):
            rest = lines[index:]
            blank = next((i for i, text in enumerate(rest) if text.strip()), len(rest))
            return index + 1 + blank  # python-frontmatter strips the blank lines
    return 1


def _key_line(text: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def check_links(lesson: Lesson, known: KnownTargets, text: str | None = None) -> list[Problem]:
    """Every internal link, cited partnership, key term and local image must resolve.

    `text` is the lesson's whole text when it is not (yet) the file's, as in an editor."""
    name = str(lesson.source_path or lesson.slug)
    problems = []
    for match in INTERNAL_LINK_RE.finditer(lesson.body):
        kind, slug = match.group(1), match.group(2)
        if not known.has(kind, slug):
            line = lesson.body_line + lesson.body.count("\n", 0, match.start())
            problems.append(Problem(name, line, f"link to unknown {kind} '{slug}'"))
    text = _front_matter_text(lesson) if text is None else text
    for slug in lesson.partnerships:
        if slug not in known.partnerships:
            line = _key_line(text, "partnerships")
            problems.append(Problem(name, line, f"cites unknown partnership '{slug}'"))
    for slug in lesson.key_terms:
        if known.glossary and slug not in known.glossary:
            line = _key_line(text, "key_terms")
            problems.append(Problem(name, line, f"unknown glossary term '{slug}'"))
    problems.extend(_check_images(lesson, name))
    return problems


def _front_matter_text(lesson: Lesson) -> str:
    if lesson.source_path is None:
        return ""
    try:
        return lesson.source_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""


def _check_images(lesson: Lesson, name: str) -> list[Problem]:
    if lesson.source_path is None:
        return []
    problems = []
    folder = lesson.source_path.parent
    for match in IMAGE_RE.finditer(lesson.body):
        src = match.group(1)
        if re.match(r"^[a-z]+:", src):
            continue  # remote images are shown as a placeholder, never fetched
        if not (folder / src).is_file():
            line = lesson.body_line + lesson.body.count("\n", 0, match.start())
            problems.append(Problem(name, line, f"image '{src}' not found next to the lesson"))
    return problems


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
    line = _key_line(path.read_text("utf-8", "replace"), "slug")
    return Problem(str(path), line, f"duplicate slug '{slug}' (also used by {first.name})")


def merge_lessons(bundled: list[Lesson], teacher: list[Lesson]) -> list[Lesson]:
    """Teacher lessons override bundled ones with the same slug; reading order kept."""
    by_slug = {lesson.slug: lesson for lesson in bundled}
    by_slug.update({lesson.slug: lesson for lesson in teacher})
    return sorted(by_slug.values(), key=reading_order)


def reading_order(lesson: Lesson) -> tuple[int, int, str]:
    section = SECTIONS.index(lesson.section) if lesson.section in SECTIONS else len(SECTIONS)
    return (section, lesson.order, lesson.title.lower())


def cited_partnerships(lesson: Lesson) -> tuple[str, ...]:
    """Partnerships named in the front matter, then those linked in the body, once each."""
    linked = [
        m.group(2) for m in INTERNAL_LINK_RE.finditer(lesson.body) if m.group(1) == "partnership"
    ]
    return tuple(dict.fromkeys([*lesson.partnerships, *linked]))
