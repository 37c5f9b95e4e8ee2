"""Links in a lesson, checked: internal links (`partnership:`, `lesson:`...), cited
partnerships and key terms, pictures, and relative links to other lesson files.

Text inside code (fenced blocks, `inline`) is never checked: it is shown as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from explorer.core.models import TOPICS, Lesson, Problem

INTERNAL_LINK_RE = re.compile(
    r"""(?:\]\(\s*<?|href\s*=\s*["']|^\s*\[[^\]]+\]:\s*<?)"""
    r"(partnership|lesson|glossary|topic):([^)\s>\"'#]*)",
    re.MULTILINE,
)
IMAGE_RE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
#: a link or image: (1) '!' for an image, (2) its text, (3) its target and title
LINK_RE = re.compile(r"(!?)\[([^\]\n]*)\]\(([^)\n]*)\)")
SCHEME_RE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
TEMPLATE_RE = re.compile(r"\{\{|\{%")
FENCE_OPEN_RE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
INLINE_CODE_RE = re.compile(r"(`+)[^`\n](?:.*?[^`])?\1(?!`)")
#: the files read as lessons (R Markdown is Markdown with code chunks, shown as code)
LESSON_SUFFIXES = (".md", ".rmd")


@dataclass(frozen=True, slots=True)
class KnownTargets:
    """Everything an internal link may point at."""

    lessons: frozenset[str] = frozenset()
    partnerships: frozenset[str] = frozenset()
    glossary: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset(TOPICS)
    #: the lesson files the app reads (resolved paths), for relative links between them
    lesson_files: frozenset[str] = frozenset()

    def has(self, kind: str, slug: str) -> bool:
        pool = {
            "lesson": self.lessons,
            "partnership": self.partnerships,
            "glossary": self.glossary,
            "topic": self.topics,
        }[kind]
        return slug in pool


def key_line(text: str, key: str) -> int:
    match = re.search(rf"^{re.escape(key)}\s*:", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def check_links(lesson: Lesson, known: KnownTargets, text: str | None = None) -> list[Problem]:
    """Every internal link, cited partnership, key term and local image must resolve.
    Text inside code (fenced blocks, `inline`) is not checked: it is shown as written.

    `text` is the lesson's whole text when it is not (yet) the file's, as in an editor."""
    name = str(lesson.source_path or lesson.slug)
    body = prose(lesson.body)
    problems = []

    def at(offset: int) -> int:
        return lesson.body_line + body.count("\n", 0, offset)

    for match in INTERNAL_LINK_RE.finditer(body):
        kind, slug = match.group(1), match.group(2)
        if not known.has(kind, slug):
            message = f"link to unknown {kind} '{slug}'"
            problems.append(Problem(name, at(match.start()), message, kind="broken-link"))
    text = _front_matter_text(lesson) if text is None else text
    for slug in lesson.partnerships:
        if slug not in known.partnerships:
            line = key_line(text, "partnerships")
            message = f"cites unknown partnership '{slug}'"
            problems.append(Problem(name, line, message, kind="broken-link"))
    for slug in lesson.key_terms:
        if known.glossary and slug not in known.glossary:
            line = key_line(text, "key_terms")
            message = f"unknown glossary term '{slug}'"
            problems.append(Problem(name, line, message, kind="broken-link"))
    problems += _check_local_links(lesson, body, known)
    return problems


def _check_local_links(lesson: Lesson, body: str, known: KnownTargets) -> list[Problem]:
    """Pictures and relative links to lesson files; links with template code (Liquid's
    `{{ page.root }}`) are one note for the whole lesson, not one per link."""
    if lesson.source_path is None:
        return []
    name = str(lesson.source_path)
    folder = assets_folder(lesson)
    problems = []
    templated = []
    for link in local_links(body):
        line = lesson.body_line + body.count("\n", 0, link.offset)
        if TEMPLATE_RE.search(link.target):
            templated.append(line)
            continue
        base = folder if link.image else lesson.source_path.parent
        problem = _check_local_link(link, base, known)
        if problem is not None:
            problems.append(Problem(name, line, *problem))
    if templated:
        count = len(templated)
        what = "link or picture uses" if count == 1 else f"{count} links or pictures use"
        problems.append(
            Problem(
                name,
                templated[0],
                f"{what} template code of the lesson's original website (such as "
                "{{ page.root }}), which the app cannot follow; write the path relative to "
                "the lesson file instead (the content checker lists each one)",
                "note",
                "template-code",
            )
        )
    return problems


def assets_folder(lesson: Lesson) -> Path:
    """The folder a lesson's pictures are relative to: its own, or the one chosen for it
    (Lesson.assets_dir) when its pictures live elsewhere in its collection."""
    assert lesson.source_path is not None
    return lesson.assets_dir or lesson.source_path.parent


@dataclass(frozen=True, slots=True)
class LocalLink:
    """A link or image in a lesson body whose target is not a web address."""

    target: str  # as written, without <> or a title
    offset: int  # in the body
    image: bool
    alt: str = ""


def local_links(body: str) -> Iterable[LocalLink]:
    """Links and images in `body` (already passed through `prose`) that point at files."""
    for match in LINK_RE.finditer(body):
        target = _link_target(match.group(3))
        if not target or target.startswith("#") or SCHEME_RE.match(target):
            continue
        yield LocalLink(target, match.start(), bool(match.group(1)), match.group(2))


def _link_target(raw: str) -> str:
    raw = raw.strip()
    if raw.startswith("<") and ">" in raw:
        return raw[1 : raw.index(">")].strip()
    if TEMPLATE_RE.search(raw):
        return raw  # '{{ page.root }}/fig/a.png' is one target, spaces and all
    return raw.split()[0] if raw.split() else ""


def _check_local_link(
    link: LocalLink, folder: Path, known: KnownTargets
) -> tuple[str, str, str] | None:
    """(message, severity, kind) for a link or image that will not work, else None."""
    path = unquote(link.target.split("#", 1)[0].split("?", 1)[0])
    if not path:
        return None
    if link.image:
        if not (folder / path).is_file():
            return f"image '{link.target}' not found next to the lesson", "error", "missing-image"
        return None
    if Path(path).suffix.lower() not in LESSON_SUFFIXES:
        return None  # a page of another site (.html) or a file to download
    target = (folder / path).resolve()
    if not target.is_file():
        return f"link to '{link.target}': there is no such lesson file", "error", "broken-link"
    if known.lesson_files and str(target) not in known.lesson_files:
        message = f"link to '{link.target}', which the app does not show as a lesson"
        return message, "note", "broken-link"
    return None


def prose(body: str) -> str:
    """`body` with the text of code blocks and inline code blanked out (same length,
    same line breaks), so that checks only look at what is read as Markdown."""
    out: list[str] = []
    fence = ""
    for line in body.splitlines(keepends=True):
        stripped = line.lstrip()
        if fence:
            if stripped.startswith(fence) and not stripped[len(fence) :].strip(fence[0]).strip():
                fence = ""
            out.append(_blank(line))
            continue
        opening = FENCE_OPEN_RE.match(line)
        if opening:
            fence = opening.group(1)
            out.append(_blank(line))
            continue
        out.append(line)
    return INLINE_CODE_RE.sub(lambda m: _blank(m.group(0)), "".join(out))


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def _front_matter_text(lesson: Lesson) -> str:
    if lesson.source_path is None:
        return ""
    try:
        return lesson.source_path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""
