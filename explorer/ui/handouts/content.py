"""Which handout a page makes, read from the catalog. Plain Python (no Qt): the window
and the command line both use it.
"""

from __future__ import annotations

from datetime import date

from explorer.core.handouts import Handout, HandoutOptions, lesson_handout, page_handout
from explorer.core.lessons import cited_partnerships
from explorer.core.links import LessonFiles
from explorer.core.location import Location
from explorer.core.mdx.context import RenderContext
from explorer.core.models import topic_title
from explorer.core.record_pages import partnership_page
from explorer.core.topics import DEFAULT_SORT, illustrating, teaching_order, topic_kind, topic_page
from explorer.store.catalog import Catalog

#: the kinds of page that make a handout (a topic needs its tag: not the list of topics)
PRINTABLE = ("lesson", "partnership", "topic")


def printable(location: Location | None) -> bool:
    if location is None or location.kind not in PRINTABLE:
        return False
    return location.kind != "topic" or topic_kind(location.slug) is not None


def has_picture(location: Location | None) -> bool:
    """Whether the handout can hold a timeline picture (a lesson's or a topic's)."""
    return printable(location) and location is not None and location.kind != "partnership"


def make_handout(
    catalog: Catalog,
    location: Location,
    options: HandoutOptions | None = None,
    day: date | None = None,
) -> Handout | None:
    """The handout of a lesson, partnership or topic page; None if there is no such page."""
    options = options or HandoutOptions()
    day = day or date.today()
    if not printable(location):
        return None
    if location.kind == "lesson":
        return _lesson(catalog, location.slug, options, day)
    if location.kind == "partnership":
        p = catalog.partnerships.get(location.slug)
        if p is None:
            return None
        lessons = catalog.library.lessons
        html = partnership_page(
            p,
            catalog.library.citing(p.slug),
            lambda tag: teaching_order(tag, lessons),
            printed=True,
        )
        return page_handout(str(location), p.name, html, day)
    tag = location.slug
    shown = illustrating(tag, catalog.partnerships.all())
    html = topic_page(
        tag, teaching_order(tag, catalog.library.lessons), shown, DEFAULT_SORT, printed=True
    )
    return page_handout(str(location), topic_title(tag), html, day, shown, options)


def _lesson(catalog: Catalog, slug: str, options: HandoutOptions, day: date) -> Handout | None:
    from explorer.core.render import MarkdownRenderer  # Markdown loads only when printing

    lesson = catalog.library.get(slug)
    if lesson is None:
        return None
    base = lesson.assets_dir or (lesson.source_path.parent if lesson.source_path else None)
    context = RenderContext(
        base_dir=base,
        image_roots=(catalog.paths.teacher_lessons,),
        resolve_lesson=LessonFiles(catalog.library.lessons).resolver(lesson.source_path),
        printed=True,
    )
    body = MarkdownRenderer().render(lesson.body, None, context)
    cited = catalog.partnerships.many(cited_partnerships(lesson))
    return lesson_handout(lesson, body.html, cited, options, day)
