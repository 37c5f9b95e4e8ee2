"""Slides for presenter mode, built with MarkupSafe: a lesson section by section, its
questions one at a time (the answer a press later), partnerships and timeline views.

A slide has one or more *stages*: the HTML shown at each press of Page Down. Most slides
have one; a question has two (the question, then the question with its answer), and so
has a section with a solution or a hint in it (hidden, then open). A
timeline slide has no HTML: the presenter shows the timeline at the slide's view.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from explorer.core.html import Markup, items, join
from explorer.core.lesson_sections import LessonSection, find_section, split_sections
from explorer.core.mdx.context import RenderContext
from explorer.core.models import Lesson, Partnership, Question
from explorer.core.pages import label
from explorer.core.trails import TimelineView, Trail, TrailStep

if TYPE_CHECKING:
    from explorer.core.render import MarkdownRenderer

SLIDE_KINDS = ("title", "section", "points", "question", "partnership", "timeline")
LETTERS = "ABCDEFGH"
#: the most milestones a partnership slide lists (the rest are on its page)
MAX_MILESTONES = 6


@dataclass(frozen=True, slots=True)
class Slide:
    kind: str
    title: str
    #: the HTML at each press; a timeline slide has one empty stage
    stages: tuple[str, ...] = ("",)
    #: the presenter's note (the trail step's), shown on the notes screen only
    note: str = ""
    view: TimelineView | None = None
    #: the trail step it shows (0-based), None outside a trail
    step: int | None = None

    @property
    def html(self) -> str:
        return self.stages[0]


@dataclass(frozen=True, slots=True)
class SlideSource:
    """What building slides needs: a Markdown renderer and, per lesson, the context its
    body renders in (images, links); partnerships by slug."""

    renderer: MarkdownRenderer
    context: Callable[[Lesson], RenderContext]
    lessons: Mapping[str, Lesson]
    partnerships: Callable[[str], Partnership | None]


# -- one lesson --------------------------------------------------------------------------


def lesson_slides(lesson: Lesson, source: SlideSource) -> list[Slide]:
    """A title slide, the introduction, each `##` section, the key points, and each
    question (its answer at the second press)."""
    slides = [title_slide(lesson)]
    sections = split_sections(lesson)
    count = sum(1 for s in sections if not s.is_introduction)
    number = 0
    for section in sections:
        number += 0 if section.is_introduction else 1
        slides.append(section_slide(lesson, section, source, number, count))
    if lesson.key_points:
        body = Markup("{}<h1>Key points</h1>{}").format(
            _eyebrow(lesson.title), items(lesson.key_points)
        )
        slides.append(Slide("points", "Key points", (str(body),)))
    slides += [question_slide(lesson, n) for n in range(1, len(lesson.questions) + 1)]
    return slides


def title_slide(lesson: Lesson) -> Slide:
    parts = [
        Markup('<p class="eyebrow">{}</p>').format(lesson.group_title),
        Markup("<h1>{}</h1>").format(lesson.title),
        Markup('<p class="summary">{}</p>').format(lesson.summary) if lesson.summary else "",
        Markup('<p class="admonition-title">In this lesson you will</p>{}').format(
            items(lesson.objectives)
        )
        if lesson.objectives
        else "",
    ]
    return Slide("title", lesson.title, (str(join(parts, "\n")),))


def section_slide(
    lesson: Lesson, section: LessonSection, source: SlideSource, number: int = 0, count: int = 0
) -> Slide:
    """One section: its heading as the slide's title, its text rendered. Solutions, hints
    and spoilers in it stay hidden at first, and open all together at the next press."""
    context = replace(source.context(lesson), open_blocks=frozenset())
    rendered = source.renderer.render(section.markdown, None, context)
    title = section.title or lesson.title
    where = f"{lesson.title} · {number} of {count}" if number else f"{lesson.title} · Introduction"
    head = Markup("{}<h1>{}</h1>").format(_eyebrow(where), title)
    stages = [head + Markup(rendered.html)]
    if rendered.hidden_blocks:
        opened = replace(context, open_blocks=frozenset(range(rendered.hidden_blocks)))
        stages.append(head + Markup(source.renderer.render(section.markdown, None, opened).html))
    return Slide("section", title, tuple(map(str, stages)))


def question_slide(lesson: Lesson, number: int) -> Slide:
    """Question `number` (from 1): the question and its choices, then with the answer."""
    question = lesson.questions[number - 1]
    where = f"Check your understanding · Question {number} of {len(lesson.questions)}"
    asked = Markup("{}<h2>{}</h2>{}").format(_eyebrow(where), question.question, _choices(question))
    answered = Markup("{}{}").format(asked, _answer(question))
    return Slide("question", question.question, (str(asked), str(answered)))


def _choices(q: Question) -> Markup:
    if not q.choices:
        return Markup('<p class="hint">Think about it, then talk it over.</p>')
    return Markup('<ol class="choices" type="A">{}</ol>').format(
        join(Markup("<li>{}</li>").format(choice) for choice in q.choices)
    )


def _answer(q: Question) -> Markup:
    explanation = Markup(" {}").format(q.explanation) if q.explanation else ""
    if not q.choices:
        return Markup('<p class="answer"><b>A model answer:</b> {}{}</p>').format(
            str(q.answer), explanation
        )
    correct = q.answer if isinstance(q.answer, int) else -1
    if not 0 <= correct < len(q.choices):
        return Markup('<p class="answer">{}</p>').format(explanation)
    letter = LETTERS[correct] if correct < len(LETTERS) else str(correct + 1)
    return Markup('<p class="answer"><b>Answer: {}, {}.</b>{}</p>').format(
        letter, q.choices[correct], explanation
    )


def _eyebrow(text: str) -> Markup:
    return Markup('<p class="eyebrow">{}</p>').format(text)


# -- partnerships and timeline views ---------------------------------------------------------


def partnership_slide(p: Partnership) -> Slide:
    """The facts a class needs on one screen: years, type, partners, what happened."""
    partners = ", ".join(p.partner_names)
    shown = p.milestones[:MAX_MILESTONES]
    milestones = join(
        Markup('<tr><td class="year">{}</td><td>{}</td></tr>').format(m.year, m.event)
        for m in shown
    )
    more = len(p.milestones) - len(shown)
    parts = [
        Markup('<p class="eyebrow">Partnership · {} · {}</p>').format(
            label(p.type), label(p.domain)
        ),
        Markup("<h1>{}</h1>").format(p.name),
        Markup('<p class="summary"><b>{}</b> · {}{}</p>').format(
            p.years_label(),
            label(p.status),
            Markup(" · {}").format(partners) if partners else "",
        ),
        Markup("<p>{}</p>").format(p.description) if p.description else "",
        Markup('<table class="milestones" cellspacing="0">{}</table>').format(milestones)
        if milestones
        else "",
        Markup('<p class="muted">{} more on its page</p>').format(
            f"{more} milestone{'s' * (more != 1)}"
        )
        if more > 0
        else "",
    ]
    return Slide("partnership", p.name, (str(join(parts, "\n")),))


def timeline_slide(view: TimelineView) -> Slide:
    return Slide("timeline", f"Timeline · {view.label()}", view=view)


# -- trails ------------------------------------------------------------------------------------


def trail_slides(trail: Trail, source: SlideSource) -> list[Slide]:
    """Each step as slides (a lesson step as all its slides), with the step's note;
    a step that points nowhere is left out."""
    slides = []
    for index, step in enumerate(trail.steps):
        made = step_slides(step, source)
        slides += [replace(slide, note=step.note, step=index) for slide in made]
    return slides


def step_slides(step: TrailStep, source: SlideSource) -> list[Slide]:
    if step.kind == "timeline":
        return [timeline_slide(step.view or TimelineView())]
    if step.kind == "partnership":
        record = source.partnerships(step.slug)
        return [partnership_slide(record)] if record is not None else []
    lesson = source.lessons.get(step.slug)
    if lesson is None:
        return []
    if step.kind == "lesson":
        return lesson_slides(lesson, source)
    if step.kind == "question":
        return (
            [question_slide(lesson, step.question)]
            if step.question <= len(lesson.questions)
            else []
        )
    section = find_section(lesson, step.section)
    if section is None:
        return []
    titled = [s for s in split_sections(lesson) if not s.is_introduction]
    number = titled.index(section) + 1 if section in titled else 0
    return [section_slide(lesson, section, source, number, len(titled))]


def single_page_slides(
    lesson: Lesson | None, partnership: Partnership | None, source: SlideSource
) -> Sequence[Slide]:
    """What F5 presents from a page: a lesson's slides, or a partnership's one slide."""
    if lesson is not None:
        return lesson_slides(lesson, source)
    return [partnership_slide(partnership)] if partnership is not None else []


def body_context(lesson: Lesson, base: RenderContext) -> RenderContext:
    """The context a lesson's body renders in: its pictures come from its folder."""
    folder = lesson.assets_dir or (lesson.source_path.parent if lesson.source_path else None)
    return replace(base, base_dir=folder)
