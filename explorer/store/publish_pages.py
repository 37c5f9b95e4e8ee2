"""Every page of the catalog for a published copy: the same HTML the app shows, as files.

`build_site(catalog)` makes the library (the front page), every lesson, partnership, topic
and glossary page, and the lists of all partnerships and glossary terms, each a whole HTML
document whose internal links point at the other files and whose figures are copied in.
`explorer.store.publish_site` writes it as a folder and `explorer.store.publish_zim` as a
ZIM file for Kiwix; both take the same `Site`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from urllib.parse import quote, urlparse
from urllib.request import url2pathname

from explorer import __version__
from explorer.core.lessons import cited_partnerships
from explorer.core.models import TOPICS, Lesson, Partnership, topic_title
from explorer.core.pages import lesson_page, link_titles
from explorer.core.record_pages import glossary_page, partnership_page
from explorer.core.render import MarkdownRenderer
from explorer.core.site_links import (
    LIBRARY_PATH,
    page_path,
    relative_href,
    rewrite_links,
    site_href,
)
from explorer.core.site_pages import (
    SitePage,
    document,
    glossary_index_page,
    library_page,
    partnership_index_page,
)
from explorer.core.topics import (
    DEFAULT_SORT,
    illustrating,
    teaching_order,
    topic_counts,
    topic_index_page,
    topic_page,
)
from explorer.store.catalog import Catalog

GENERATOR = f"Space Partnerships Explorer {__version__}"
FIGURE_FOLDER = "figures"
FIGURE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"})
ILLUSTRATION = "images/zim-illustration-48.png"


@dataclass(frozen=True, slots=True)
class Figure:
    """An image a page shows: the file on this computer, and its path in the copy."""

    source: Path
    path: str


@dataclass(frozen=True, slots=True)
class Site:
    pages: tuple[SitePage, ...]
    figures: tuple[Figure, ...]
    stylesheet: str
    #: the path of the front page (the library)
    main_path: str = LIBRARY_PATH

    def page(self, path: str) -> SitePage | None:
        return next((p for p in self.pages if p.path == path), None)


def build_site(catalog: Catalog) -> Site:
    """Every page, as whole documents with links between the files."""
    raw = list(_pages(catalog))
    known = frozenset(p.path for p in raw)
    shelf = _FigureShelf((catalog.paths.content_dir, catalog.paths.teacher_lessons))
    pages = []
    for page in raw:
        here = page.path
        html = rewrite_links(
            page.html,
            partial(_link, here=here, known=known),
            partial(shelf.place, here=here),
        )
        pages.append(replace(page, html=document(replace(page, html=html), GENERATOR)))
    stylesheet = (catalog.paths.resources_dir / "site.css").read_text(encoding="utf-8")
    return Site(tuple(pages), tuple(shelf.figures.values()), stylesheet)


def _link(href: str, *, here: str, known: frozenset[str]) -> str | None:
    return site_href(href, here, known)


def illustration(catalog: Catalog) -> bytes:
    """The 48x48 PNG that Kiwix shows for the ZIM in its library."""
    return (catalog.paths.resources_dir / ILLUSTRATION).read_bytes()


def _pages(catalog: Catalog) -> Iterator[SitePage]:
    lessons = catalog.library.lessons
    partnerships = catalog.partnerships.all()
    yield SitePage(
        LIBRARY_PATH,
        "Lessons",
        library_page(lessons, len(partnerships), len(catalog.glossary), len(TOPICS)),
    )
    yield from _lesson_pages(catalog)
    yield from _partnership_pages(catalog, partnerships)
    yield SitePage(
        page_path("topic", ""), "All topics", topic_index_page(topic_counts(partnerships), lessons)
    )
    for tag in TOPICS:
        html = topic_page(
            tag, teaching_order(tag, lessons), illustrating(tag, partnerships), DEFAULT_SORT
        )
        yield SitePage(page_path("topic", tag), topic_title(tag), html)
    yield from _glossary_pages(catalog)


def _lesson_pages(catalog: Catalog) -> Iterator[SitePage]:
    renderer = MarkdownRenderer()
    library = catalog.library
    for lesson in library.lessons:
        cited = catalog.partnerships.many(cited_partnerships(lesson))
        html, _ = lesson_page(
            lesson,
            renderer,
            cited,
            library.neighbours(lesson.slug),
            titles=link_titles(catalog.glossary, library.lessons, cited),
            folded_answers=True,
        )
        yield SitePage(page_path("lesson", lesson.slug), lesson.title, html)


def _partnership_pages(catalog: Catalog, partnerships: list[Partnership]) -> Iterator[SitePage]:
    lessons = catalog.library.lessons
    citing: dict[str, list[Lesson]] = {}
    for lesson in lessons:
        for slug in cited_partnerships(lesson):
            citing.setdefault(slug, []).append(lesson)
    for p in partnerships:
        html = partnership_page(p, citing.get(p.slug, []), lambda tag: teaching_order(tag, lessons))
        yield SitePage(page_path("partnership", p.slug), p.name, html)
    yield SitePage(
        page_path("partnership", ""), "All partnerships", partnership_index_page(partnerships)
    )


def _glossary_pages(catalog: Catalog) -> Iterator[SitePage]:
    glossary = catalog.glossary
    lessons = catalog.library.lessons
    for slug, entry in glossary.items():
        used = [x for x in lessons if slug in x.key_terms or f"glossary:{slug}" in x.body]
        yield SitePage(
            page_path("glossary", slug), entry.term, glossary_page(entry, glossary, used)
        )
    yield SitePage(page_path("glossary", ""), "Glossary", glossary_index_page(glossary))


class _FigureShelf:
    """Figures found on pages: each image file under one of `roots` gets one path in the
    copy; anything else (a file elsewhere on the computer, not an image) is left out."""

    def __init__(self, roots: tuple[Path, ...]) -> None:
        self.roots = tuple(root.resolve() for root in roots)
        self.figures: dict[Path, Figure] = {}

    def place(self, src: str, here: str) -> str | None:
        source = self._source(src)
        if source is None:
            return None
        if source not in self.figures:
            digest = hashlib.sha1(str(source).encode()).hexdigest()[:10]
            name = quote(source.name, safe="-_.~")
            self.figures[source] = Figure(source, f"{FIGURE_FOLDER}/{digest}-{name}")
        return relative_href(here, self.figures[source].path)

    def _source(self, src: str) -> Path | None:
        url = urlparse(src)
        if url.scheme != "file":
            return None
        path = Path(url2pathname(url.path)).resolve()
        if path.suffix.lower() not in FIGURE_SUFFIXES or not path.is_file():
            return None
        return path if any(path.is_relative_to(root) for root in self.roots) else None
