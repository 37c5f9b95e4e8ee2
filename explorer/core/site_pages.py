"""The pages a published copy adds to the app's own: the library as the front page, the
lists of all partnerships and glossary terms, and the HTML document around each page.

Everything a page of the copy needs is in the folder (or the ZIM): one style sheet, the
figures; no script, no font or image from the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from html import escape

from explorer.core.models import SECTION_TITLES, SECTIONS, GlossaryEntry, Lesson, Partnership
from explorer.core.pages import label
from explorer.core.site_links import LIBRARY_PATH, page_path, relative_href
from explorer.core.topics import sort_partnerships

SITE_TITLE = "Space Partnerships Explorer"
STYLE_PATH = "style.css"
#: the header's links, as (text, kind) of an index page
NAVIGATION = (
    ("Lessons", "lesson"),
    ("All topics", "topic"),
    ("Partnerships", "partnership"),
    ("Glossary", "glossary"),
)


@dataclass(frozen=True, slots=True)
class SitePage:
    """One page of a published copy: where it lives, its title, and its HTML (a whole
    document once `document` has wrapped it; links still `kind:slug` before that)."""

    path: str
    title: str
    html: str


def document(page: SitePage, generator: str) -> str:
    """The page as a whole HTML document: title, the site's style sheet, a header with the
    index pages, the page, and a footer saying where the copy came from."""
    here = page.path
    nav = " · ".join(
        f'<a href="{relative_href(here, page_path(kind, ""))}">{escape(text)}</a>'
        for text, kind in NAVIGATION
    )
    title = SITE_TITLE if page.path == LIBRARY_PATH else f"{page.title} · {SITE_TITLE}"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(generator)}">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="stylesheet" href="{relative_href(here, STYLE_PATH)}">\n'
        "</head>\n<body>\n"
        f'<header class="site"><a class="home" href="{relative_href(here, LIBRARY_PATH)}">'
        f"{escape(SITE_TITLE)}</a><nav>{nav}</nav></header>\n"
        f'<main class="article">\n{page.html}\n</main>\n'
        '<footer class="site"><p class="muted">An offline copy of the lessons and the '
        f"partnership catalog, made by {escape(generator)}. Links to web pages leave this "
        "copy and need the internet.</p></footer>\n"
        "</body>\n</html>\n"
    )


def library_page(
    lessons: Sequence[Lesson], partnerships: int, glossary_terms: int, topics: int
) -> str:
    """The front page: every lesson by section in reading order, then the index pages."""
    groups: dict[str, list[Lesson]] = {}
    for lesson in lessons:
        section = lesson.section if lesson.section in SECTIONS else "foundations"
        groups.setdefault(section, []).append(lesson)
    parts = [
        f'<p class="eyebrow">{escape(SITE_TITLE)}</p><h1>Lessons</h1>',
        '<p class="summary">How nations, agencies and companies explore space together: '
        "why they work as partners, what it gains them, the types of partnership, what makes "
        "it hard, and real partnerships from the Space Race to the Artemis Accords.</p>",
    ]
    for section in SECTIONS:
        if section in groups:
            items = "".join(_lesson_item(x) for x in groups[section])
            parts.append(
                f'<h2>{escape(SECTION_TITLES[section])}</h2><ul class="lessons">{items}</ul>'
            )
    browse = (
        ("topic:", "All topics", f"{topics} benefits, challenges and types of partnership"),
        ("partnership:", "All partnerships", f"{partnerships} partnerships, oldest first"),
        ("glossary:", "Glossary", f"{glossary_terms} terms explained"),
    )
    items = "".join(
        f'<li><a class="internal" href="{href}">{escape(text)}</a> '
        f'<span class="muted">· {escape(detail)}</span></li>'
        for href, text, detail in browse
    )
    parts.append(f'<h2>Browse</h2><ul class="browse">{items}</ul>')
    return "\n".join(parts)


def _lesson_item(lesson: Lesson) -> str:
    mine = ' <span class="mine">· a teacher\'s lesson</span>' if lesson.origin == "teacher" else ""
    summary = f'<br><span class="muted">{escape(lesson.summary)}</span>' if lesson.summary else ""
    return (
        f'<li><a class="internal lesson" href="lesson:{escape(lesson.slug)}">'
        f"{escape(lesson.title)}</a>{mine}{summary}</li>"
    )


def partnership_index_page(partnerships: Iterable[Partnership]) -> str:
    """Every partnership, oldest first, with its years, type and status."""
    ordered = sort_partnerships(partnerships, "oldest")
    rows = "".join(
        f'<tr><td class="year">{escape(p.years_label())}</td>'
        f'<td><a class="internal partnership" href="partnership:{escape(p.slug)}">'
        f"{escape(p.name)}</a></td>"
        f'<td class="muted">{escape(label(p.type))}</td>'
        f'<td class="muted">{escape(label(p.domain))}</td>'
        f'<td class="muted">{escape(label(p.status))}</td></tr>'
        for p in ordered
    )
    return (
        '<p class="eyebrow">Catalog</p>'
        f"<h1>All partnerships ({len(ordered)})</h1>"
        '<table class="list" width="100%" cellspacing="0"><tr><th>Years</th>'
        f"<th>Partnership</th><th>Type</th><th>Domain</th><th>Status</th></tr>{rows}</table>"
    )


def glossary_index_page(entries: Mapping[str, GlossaryEntry]) -> str:
    """Every glossary term, A to Z, with its definition."""
    ordered = sorted(entries.values(), key=lambda e: e.term.casefold())
    items = "".join(
        f'<dt><a class="internal glossary" href="glossary:{escape(e.slug)}">'
        f"{escape(e.term)}</a></dt><dd>{escape(e.definition)}</dd>"
        for e in ordered
    )
    return (
        f'<p class="eyebrow">Glossary</p><h1>Glossary ({len(ordered)} terms)</h1>'
        f'<dl class="glossary">{items}</dl>'
    )
