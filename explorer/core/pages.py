"""The lesson page for the article view, and what every page shares (labels, sources).

Pure functions from core records to HTML, built with MarkupSafe so every value is
escaped; the UI only displays them. Qt's rich text engine shows a subset of HTML 4 and
CSS 2, so callouts are one-row tables (the only boxes it can draw) and every size comes
from the article style sheet. Partnership and glossary pages are in record_pages.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from explorer.core import links
from explorer.core.html import Markup, callout, items, join
from explorer.core.mdx.context import RenderContext
from explorer.core.models import (
    MY_LESSONS,
    Citation,
    GlossaryEntry,
    Lesson,
    Partnership,
)
from explorer.core.quiz import questions_folded_html, questions_html

if TYPE_CHECKING:  # rendering imports Markdown; the window's first paint must not wait for it
    from explorer.core.render import MarkdownRenderer, Rendered

#: lessons with at least this many sections get an "On this page" list
TOC_MIN_SECTIONS = 3


def label(value: str) -> str:
    """'earth-observation' -> 'Earth observation' (types, domains, statuses)."""
    return value.replace("-", " ").capitalize() if value != "public-private" else "Public-private"


def lesson_page(
    lesson: Lesson,
    renderer: MarkdownRenderer | None,
    cited: Sequence[Partnership] = (),
    neighbours: tuple[Lesson | None, Lesson | None] = (None, None),
    *,
    rendered: Rendered | None = None,
    quiz: Mapping[int, int] | None = None,
    titles: Mapping[str, str] | None = None,
    context: RenderContext | None = None,
    folded_answers: bool = False,
    quiz_note: Markup | None = None,
    teacher_marks: bool = True,
) -> tuple[str, Rendered]:
    """The whole lesson page. `rendered` reuses an earlier render of the body; `quiz` maps a
    question's index to the choice the student picked (or REVEALED); `titles` are the hover
    previews of internal links; `context` says where the body's links and images go;
    `folded_answers` writes the questions for a published copy, where no link answers;
    `quiz_note` goes after the questions (the student's score); `teacher_marks`
    off leaves out what only a teacher needs to see ("my lesson")."""
    titles = titles or {}
    if rendered is None:
        assert renderer is not None, "pass a renderer or an earlier render"
        rendered = renderer.render(lesson.body, None, _body_context(lesson, titles, context))
    parts = [
        lesson_header(lesson, teacher_marks),
        callout("question", "Questions to think about", items(lesson.discussion)),
        callout("objectives", "In this lesson you will", items(lesson.objectives)),
        _toc(rendered, lesson, cited),
        Markup(rendered.html),
        callout("tip", "Key points", items(lesson.key_points)),
        Markup(questions_folded_html(lesson.questions, lesson.objectives))
        if folded_answers
        else questions_html(lesson.questions, quiz or {}, lesson.objectives),
        (quiz_note or "") if lesson.questions and not folded_answers else "",
        _cited(cited, titles),
        sources_html(lesson.sources),
        _neighbour_links(neighbours, titles),
    ]
    return str(join(parts, "\n")), rendered


def _body_context(
    lesson: Lesson, titles: Mapping[str, str], context: RenderContext | None
) -> RenderContext:
    base = lesson.assets_dir or (lesson.source_path.parent if lesson.source_path else None)
    return replace(context or RenderContext(), base_dir=base, link_titles=titles)


def lesson_header(lesson: Lesson, teacher_marks: bool = True) -> Markup:
    """The section, the title, the summary and the topics (also a handout's header)."""
    section = lesson.group_title
    mine = (
        Markup(' · <span class="mine">my lesson</span>')
        if teacher_marks and lesson.origin == "teacher" and lesson.group != MY_LESSONS
        else Markup(' · <span class="mine">from the shared content folder</span>')
        if lesson.origin == "shared"
        else ""
    )
    out = [
        Markup('<p class="eyebrow">{}{}</p>').format(section, mine),
        Markup("<h1>{}</h1>").format(lesson.title),
    ]
    if lesson.summary:
        out.append(Markup('<p class="summary">{}</p>').format(lesson.summary))
    if lesson.tags:
        topics = join((links.topic(tag) for tag in lesson.tags), " · ")
        out.append(Markup('<p class="topics">Topics: {}</p>').format(topics))
    return join(out, "\n")


def _toc(rendered: Rendered, lesson: Lesson, cited: Sequence[Partnership]) -> Markup:
    sections = [(h.anchor, h.title) for h in rendered.headings if h.level == 2]
    if len(sections) < TOC_MIN_SECTIONS:
        return Markup()
    if lesson.questions:
        sections.append(("check-your-understanding", "Check your understanding"))
    if cited:
        sections.append(("partnerships-in-this-lesson", "Partnerships in this lesson"))
    entries = (
        Markup('<a class="toc" href="#{}">{}</a>').format(anchor, title)
        for anchor, title in sections
    )
    return callout("toc", "On this page", items(entries, css="toc"))


def _cited(cited: Sequence[Partnership], titles: Mapping[str, str]) -> Markup:
    if not cited:
        return Markup()
    entries = (
        Markup('{} <span class="muted">{} · {}</span>').format(
            links.partnership(p, titles), p.years_label(), label(p.type)
        )
        for p in cited
    )
    show = links.action("timeline", ",".join(p.slug for p in cited), "Show these on the timeline")
    return Markup(
        '<h2 id="partnerships-in-this-lesson">Partnerships in this lesson</h2>{}<p>{}</p>'
    ).format(items(entries, css="cited"), show)


def sources_html(sources: Sequence[Citation]) -> Markup:
    if not sources:
        return Markup()
    return Markup("<h2>Sources</h2>{}").format(items(map(citation, sources), css="sources"))


def citation(c: Citation) -> Markup:
    """'Publisher: title', the title a web link when the source has an http(s) address."""
    title = links.external(c.url, c.title) if c.url else Markup("{}").format(c.title)
    return Markup("{}: {}").format(c.publisher, title) if c.publisher else title


def _neighbour_links(
    neighbours: tuple[Lesson | None, Lesson | None], titles: Mapping[str, str]
) -> Markup:
    before, after = neighbours
    if not before and not after:
        return Markup()
    left = (
        Markup('<span class="muted">Previous</span><br>{}').format(
            links.lesson(before, titles, f"← {before.title}")
        )
        if before
        else ""
    )
    right = (
        Markup('<span class="muted">Next</span><br>{}').format(
            links.lesson(after, titles, f"{after.title} →")
        )
        if after
        else ""
    )
    return Markup(
        '<hr><table class="pager" width="100%" cellspacing="0"><tr>'
        '<td class="pager" width="50%">{}</td>'
        '<td class="pager" width="50%" align="right">{}</td></tr></table>'
    ).format(left, right)


def link_titles(
    glossary: Mapping[str, GlossaryEntry],
    lessons: Sequence[Lesson] = (),
    partnerships: Sequence[Partnership] = (),
) -> dict[str, str]:
    """Hover previews for internal links: a definition, a lesson's summary, a partnership."""
    titles = {f"glossary:{slug}": f"{e.term}: {e.definition}" for slug, e in glossary.items()}
    titles.update(
        {f"lesson:{x.slug}": f"{x.title}: {x.summary}" if x.summary else x.title for x in lessons}
    )
    titles.update(
        {
            f"partnership:{p.slug}": f"{p.name} ({p.years_label()}, {label(p.type)})"
            for p in partnerships
        }
    )
    return titles
