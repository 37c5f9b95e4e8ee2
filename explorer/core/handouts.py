"""Printed handouts: a lesson, a partnership or a topic page as HTML for paper.

A lesson's handout is its text (hidden solutions left out), a table of the partnerships
it cites (name, type, years, partners), a timeline picture of them (timeline_chart.py,
drawn where CHART_SOURCE is named), its sources with their web addresses written out,
then its questions as a worksheet on a new page, with boxes to tick and lines to write
on, and, when asked, the answer key on a separate last page. Partnership and topic
handouts are their pages without the links that only work on screen. The footer's
words (title, source line) are part of the result; the UI lays out the pages, numbers
them and draws the footer. Plain Python, built with MarkupSafe.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from string import Template

from explorer.core.article_style import COLOURS, article_sizes, article_style_sheet
from explorer.core.html import Markup, callout, items, join
from explorer.core.models import Citation, Lesson, Partnership, Question
from explorer.core.pages import label, lesson_header
from explorer.core.quiz_export import APP_NAME, LETTERS
from explorer.core.timeline_chart import Chart, timeline_chart

PAPERS = {"a4": "A4", "letter": "Letter"}
ANSWERS = {"separate": "On a separate last page", "none": "Left out"}
#: the picture's address in the handout HTML; the UI supplies the image
CHART_SOURCE = "handout:timeline"
#: body text size of a handout in CSS px (10.5 pt), smaller than on screen
PRINT_TEXT_SIZE = 14
BREAK = Markup(' style="page-break-before: always"')
BOX = "☐"
#: anchors that start a part the layout keeps on one page (a question and its answers)
KEEP_PREFIX = "keep-"


@dataclass(frozen=True, slots=True)
class HandoutOptions:
    paper: str = "a4"
    answers: str = "separate"
    timeline: bool = True


@dataclass(frozen=True, slots=True)
class Handout:
    title: str
    #: the page it comes from: 'lesson:slug', 'partnership:slug', 'topic:tag'
    target: str
    html: str
    #: the timeline picture the HTML names (None: no picture)
    chart: Chart | None
    #: the footer's second line: 'Space Partnerships Explorer · lesson: slug · 4 December 2026'
    source_line: str
    #: where the worksheet and the answer key are (for tests and the dialog's summary)
    questions: int = 0
    answer_key: bool = False


def source_line(target: str, day: date) -> str:
    kind, _, slug = target.partition(":")
    return f"{APP_NAME} · {kind}: {slug} · {day.day} {day:%B %Y}"


def handout_style_sheet(resources: Path, base: int = PRINT_TEXT_SIZE) -> str:
    """The light article sheet at print size, then the handout's own rules (print.css)."""
    extra = (resources / "print.css").read_text(encoding="utf-8")
    values = {**COLOURS["light"], **article_sizes(base)}
    return article_style_sheet(resources, "light", base) + Template(extra).safe_substitute(values)


# -- lesson ---------------------------------------------------------------------------------


def lesson_handout(
    lesson: Lesson,
    body_html: str,
    cited: Sequence[Partnership],
    options: HandoutOptions,
    day: date,
) -> Handout:
    """`body_html` is the lesson's Markdown rendered for paper (RenderContext.printed)."""
    chart = timeline_chart(cited, day.year) if options.timeline else None
    key = options.answers == "separate" and bool(lesson.questions)
    parts = [
        lesson_header(lesson),
        callout("question", "Questions to think about", items(lesson.discussion)),
        callout("objectives", "In this lesson you will", items(lesson.objectives)),
        Markup(body_html),
        callout("tip", "Key points", items(lesson.key_points)),
        partnership_table(cited),
        chart_html(chart, "The partnerships of this lesson over the years."),
        printed_sources(lesson.sources),
        worksheet(lesson.title, lesson.questions),
        answer_key(lesson.questions) if key else "",
    ]
    target = f"lesson:{lesson.slug}"
    return Handout(
        lesson.title,
        target,
        str(join(parts, "\n")),
        chart,
        source_line(target, day),
        len(lesson.questions),
        key,
    )


def partnership_table(cited: Sequence[Partnership]) -> Markup:
    if not cited:
        return Markup()
    rows = join(
        Markup("<tr><td><b>{}</b></td><td>{}</td><td>{}</td><td>{}</td></tr>").format(
            p.name, label(p.type), p.years_label(), ", ".join(p.partner_names) or "—"
        )
        for p in cited
    )
    return Markup(
        '<h2>Partnerships in this lesson</h2><table class="list handout" width="100%" '
        'cellspacing="0"><thead><tr><th width="30%">Partnership</th><th width="15%">Type</th>'
        '<th width="14%">Years</th><th width="41%">Partners</th></tr></thead>{}</table>'
    ).format(rows)


def chart_html(chart: Chart | None, caption: str) -> Markup:
    if chart is None:
        return Markup()
    return Markup(
        '<p class="figure"><img src="{}" width="{}" height="{}" alt="{}"></p>'
        '<p class="caption">{}</p>'
    ).format(CHART_SOURCE, chart.width, chart.height, caption, caption)


def printed_sources(sources: Sequence[Citation]) -> Markup:
    """Sources with their web addresses written out, for a reader without a link."""
    entries = (
        Markup("{}{}").format(
            f"{c.publisher}: {c.title}" if c.publisher else c.title,
            Markup(' <span class="muted">{}</span>').format(c.url) if c.url else "",
        )
        for c in sources
    )
    found = items(entries, css="sources")
    return Markup("<h2>Sources</h2>{}").format(found) if found else Markup()


# -- worksheet and answer key -----------------------------------------------------------------


def worksheet(title: str, questions: Sequence[Question]) -> Markup:
    """The questions on a new page: a box to tick per choice, lines to write on."""
    if not questions:
        return Markup()
    name_line = Markup(
        '<table class="name-line" width="100%" cellspacing="0"><tr>'
        '<td width="8%">Name</td><td class="blank" width="42%">&nbsp;</td>'
        '<td width="8%">Class</td><td class="blank" width="14%">&nbsp;</td>'
        '<td width="8%">Date</td><td class="blank" width="20%">&nbsp;</td></tr></table>'
    )
    entries = join(_worksheet_question(n, q) for n, q in enumerate(questions, start=1))
    return Markup('<h1 class="worksheet"{}>Worksheet</h1><p class="summary">{}</p>{}{}{}').format(
        BREAK, title, name_line, entries, _keep_end()
    )


def _worksheet_question(number: int, q: Question) -> Markup:
    head = Markup('<p class="question">{}{}</p>').format(keep_mark(number), q.question)
    if q.choices:
        return head + join(
            Markup('<p class="choice">{} &nbsp;{}. {}</p>').format(BOX, _letter(i), choice)
            for i, choice in enumerate(q.choices)
        )
    lines = join(Markup('<tr><td class="line">&nbsp;</td></tr>') for _ in range(writing_lines(q)))
    return head + Markup('<table class="lines" width="100%" cellspacing="0">{}</table>').format(
        lines
    )


def keep_mark(number: int) -> Markup:
    """The question's number, named so that the layout keeps what follows it (up to the
    next mark) on one page: KEEP_PREFIX + number."""
    return Markup('<a name="{}{}">{}.</a> ').format(KEEP_PREFIX, number, number)


def _keep_end() -> Markup:
    return Markup('<p class="keep-end"><a name="{}end">&nbsp;</a></p>').format(KEEP_PREFIX)


def writing_lines(q: Question) -> int:
    """Room to answer an open question: about the model answer's length, 3 to 8 lines."""
    return max(3, min(8, len(str(q.answer)) // 70 + 2))


def _letter(index: int) -> str:
    return LETTERS[index] if index < len(LETTERS) else str(index + 1)


def answer_key(questions: Sequence[Question]) -> Markup:
    """For the teacher, on its own last page."""
    entries = join(_key_entry(n, q) for n, q in enumerate(questions, start=1))
    return Markup(
        '<h1 class="answer-key"{}>Answer key</h1><p class="muted">For the teacher: the right '
        "choice or a model answer for each question of the worksheet.</p>{}{}"
    ).format(BREAK, entries, _keep_end())


def _key_entry(number: int, q: Question) -> Markup:
    head = Markup('<p class="question">{}{}</p>').format(keep_mark(number), q.question)
    explanation = Markup(" {}").format(q.explanation.strip()) if q.explanation else ""
    if q.choices and isinstance(q.answer, int) and 0 <= q.answer < len(q.choices):
        answer = Markup("<b>{}. {}</b>").format(_letter(q.answer), q.choices[q.answer])
    else:
        answer = Markup("<b>Model answer:</b> {}").format(str(q.answer).strip())
    return head + Markup('<p class="key">{}{}</p>').format(answer, explanation)


# -- partnership and topic pages ----------------------------------------------------------------


def page_handout(
    target: str,
    title: str,
    page_html: str,
    day: date,
    pictured: Sequence[Partnership] = (),
    options: HandoutOptions | None = None,
) -> Handout:
    """A partnership or topic page built for paper (`printed=True`); a topic handout adds
    the timeline picture of the partnerships it lists."""
    options = options or HandoutOptions()
    chart = timeline_chart(pictured, day.year) if options.timeline else None
    caption = "These partnerships over the years."
    html = join([Markup(page_html), chart_html(chart, caption)], "\n")
    return Handout(title, target, str(html), chart, source_line(target, day))
