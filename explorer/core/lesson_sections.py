"""A lesson's body cut at its `##` headings: the sections a trail step can point at and
the slides a presenter shows one at a time.

The cut is made in the Markdown, not in the HTML: headings inside code blocks are not
headings, and the text before the first `##` is the lesson's introduction. Reference-style
link definitions (`[nasa]: https://...`) are shared by every section, so that a link whose
address is written at the end of the lesson still works in the section that uses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.core.lesson_links import prose
from explorer.core.models import Lesson

SECTION_RE = re.compile(r"^##[ \t]+(.+?)[ \t#]*$")
LINK_DEFINITION_RE = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:[ \t]*\S.*$", re.MULTILINE)
#: inline Markdown in a heading, taken away to leave the words a reader sees
IMAGE_MD_RE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
LINK_MD_RE = re.compile(r"\[([^\]]*)\](?:\([^)]*\)|\[[^\]]*\])")
EMPHASIS_RE = re.compile(r"(\*{1,3}|_{1,3}|`+|~~|==)(?=\S)(.+?)(?<=\S)\1")
ATTRIBUTES_RE = re.compile(r"[ \t]*\{[:#.][^}]*\}[ \t]*$")


@dataclass(frozen=True, slots=True)
class LessonSection:
    """One part of a lesson: its heading's words ('' for the introduction), the Markdown
    under the heading (without the heading line), and the file line of its heading."""

    title: str
    markdown: str
    line: int

    @property
    def is_introduction(self) -> bool:
        return not self.title


def heading_words(markdown: str) -> str:
    """'The [ISS](partnership:iss) *today*' -> 'The ISS today'."""
    text = ATTRIBUTES_RE.sub("", markdown)
    text = IMAGE_MD_RE.sub(r"\1", text)
    text = LINK_MD_RE.sub(r"\1", text)
    for _ in range(3):  # nested emphasis, such as ***both***
        text = EMPHASIS_RE.sub(r"\2", text)
    return " ".join(text.split())


def same_title(a: str, b: str) -> bool:
    """Whether two section titles name the same section (case and spacing aside)."""
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def split_sections(lesson: Lesson) -> tuple[LessonSection, ...]:
    """The introduction (when the lesson has text before its first `##`), then each
    `##` section in order."""
    body = lesson.body
    blanked = prose(body).splitlines(keepends=True)
    lines = body.splitlines(keepends=True)
    cuts = [i for i, line in enumerate(blanked) if SECTION_RE.match(line.rstrip("\n"))]
    definitions = "\n".join(m.group(0) for m in LINK_DEFINITION_RE.finditer(prose(body)))
    sections = []
    starts = [0, *cuts]
    for number, start in enumerate(starts):
        end = starts[number + 1] if number + 1 < len(starts) else len(lines)
        title, text_start = "", start
        if number:
            match = SECTION_RE.match(lines[start].rstrip("\n"))
            title = heading_words(match.group(1)) if match else ""
            text_start = start + 1
        text = "".join(lines[text_start:end]).strip("\n")
        if not number and not text.strip():
            continue  # no introduction
        if definitions:
            text = f"{text}\n\n{definitions}"
        sections.append(LessonSection(title, text, lesson.body_line + start))
    return tuple(sections)


def section_titles(lesson: Lesson) -> tuple[str, ...]:
    """The titles of the lesson's `##` sections, in order."""
    return tuple(s.title for s in split_sections(lesson) if not s.is_introduction)


def find_section(lesson: Lesson, title: str) -> LessonSection | None:
    return next((s for s in split_sections(lesson) if s.title and same_title(s.title, title)), None)


def section_anchor(title: str) -> str:
    """The id the rendered page gives a section's heading (Python-Markdown's toc)."""
    from markdown.extensions.toc import slugify  # Markdown loads only when a page needs it

    return str(slugify(title, "-"))
