"""Every link a page holds, built in one place.

Internal links (`partnership:`, `lesson:`, `glossary:`, `topic:`) open inside the app and
may carry a hover preview; web links (http, https, mailto only) open the browser after the
reader confirms; anything else is shown as plain text. Relative links between lesson
files (`../learners/reference.md#x`, `02-numpy.md`) are turned into `lesson:` links by a
resolver the library supplies (`LessonFiles` until then).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from markupsafe import Markup

from explorer.core.models import Lesson, Partnership, topic_title

INTERNAL_KINDS = ("partnership", "lesson", "glossary", "topic")
WEB_SCHEMES = ("http", "https", "mailto")
#: page actions the article view handles itself
ACTION_SCHEMES = ("quiz", "sort", "timeline", "reveal")
LESSON_SUFFIXES = (".md", ".Rmd", ".rmd", ".markdown")

#: a link path relative to the lesson file -> a lesson slug, or None
LessonResolver = Callable[[str], "str | None"]


def scheme_of(href: str) -> str:
    """'lesson:x' -> 'lesson'; '' for a relative link or an in-page anchor."""
    scheme = urlsplit(href).scheme
    return scheme.lower() if len(scheme) > 1 else ""  # 'C:' is a Windows drive, not a scheme


def is_web_url(url: str) -> bool:
    parts = urlsplit(url.strip())
    if parts.scheme.lower() == "mailto":
        return bool(parts.path)
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def internal(
    kind: str,
    slug: str,
    text: str | Markup,
    titles: Mapping[str, str] | None = None,
    css: str = "",
) -> Markup:
    """A link that opens a page of the app, with its hover preview when `titles` has one."""
    href = f"{kind}:{slug}"
    classes = f"internal {kind} {css}".strip()
    title = titles.get(href) if titles else None
    if title:
        return Markup('<a class="{}" href="{}" title="{}">{}</a>').format(
            classes, href, title, text
        )
    return Markup('<a class="{}" href="{}">{}</a>').format(classes, href, text)


def lesson(x: Lesson, titles: Mapping[str, str] | None = None, text: str = "") -> Markup:
    return internal("lesson", x.slug, text or x.title, titles)


def partnership(p: Partnership, titles: Mapping[str, str] | None = None) -> Markup:
    return internal("partnership", p.slug, p.name, titles)


def topic(tag: str, text: str | None = None) -> Markup:
    return internal("topic", tag, text or topic_title(tag))


def glossary(slug: str, term: str) -> Markup:
    return internal("glossary", slug, term)


def action(scheme: str, value: str, text: str | Markup, css: str = "action") -> Markup:
    """A link that changes the page in place or elsewhere (quiz, sort, timeline, reveal)."""
    return Markup('<a class="{}" href="{}:{}">{}</a>').format(css, scheme, value, text)


def external(url: str, text: str | Markup) -> Markup:
    """A web link, or the text alone when `url` is not an http(s) or mailto address."""
    if not is_web_url(url):
        return Markup("{}").format(text)
    return Markup('<a class="external" href="{0}" title="{0}">{1}</a>').format(url.strip(), text)


class LessonFiles:
    """Lesson files by path and by file name, to resolve relative links between lessons."""

    def __init__(self, lessons: Iterable[Lesson]) -> None:
        self._by_path: dict[Path, str] = {}
        self._by_stem: dict[str, list[tuple[Path, str]]] = {}
        for x in lessons:
            if x.source_path is None:
                continue
            path = x.source_path.resolve()
            self._by_path[path] = x.slug
            self._by_stem.setdefault(path.stem.lower(), []).append((path, x.slug))

    def resolver(self, lesson_file: Path | None) -> LessonResolver:
        """Resolve links written in `lesson_file` (relative to its folder)."""
        folder = lesson_file.resolve().parent if lesson_file else None
        return lambda target: self.resolve(folder, target)

    def resolve(self, folder: Path | None, target: str) -> str | None:
        path = unquote(urlsplit(target).path)
        if folder is None or not path or urlsplit(target).scheme:
            return None
        written = PurePosixPath(path)
        wanted = (folder / path.lstrip("/")).resolve()
        for candidate in _candidates(wanted, path.endswith("/")):
            if candidate in self._by_path:
                return self._by_path[candidate]
        stem = written.name if path.endswith("/") else written.stem
        tree = folder.parent
        matches = [
            slug for file, slug in self._by_stem.get(stem.lower(), []) if file.is_relative_to(tree)
        ]
        return matches[0] if len(matches) == 1 else None


def _candidates(wanted: Path, folder_link: bool) -> list[Path]:
    if folder_link:
        return [wanted.with_suffix(s) for s in LESSON_SUFFIXES] + [wanted / "index.md"]
    if wanted.suffix in LESSON_SUFFIXES:
        return [wanted]
    if wanted.suffix in ("", ".html", ".htm"):
        return [wanted.with_suffix(s) for s in LESSON_SUFFIXES] + [wanted / "index.md"]
    return []
