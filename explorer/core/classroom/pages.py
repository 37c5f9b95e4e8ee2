"""The "My progress" page and the score line of a lesson's quiz, as HTML built with
MarkupSafe (every value escaped), for the article view."""

from __future__ import annotations

from collections.abc import Sequence

from explorer.core import links
from explorer.core.classroom.progress import (
    NO_SCORE,
    READ,
    READ_FRACTION,
    STARTED,
    STATUS_TITLES,
    Score,
    SectionSummary,
)
from explorer.core.html import Markup, callout, join

#: the page's own actions (links the article view hands to the classroom)
ACTION = "classroom"


def score_note(score: Score) -> Markup:
    """The line under "Check your understanding": nothing until a question is answered."""
    if not score.total or not score.answered:
        return Markup()
    if score.answered < score.total:
        text = (
            f"So far {score.right} of the {score.answered} you answered were right at the "
            f"first try ({score.total - score.answered} still to do)."
        )
    else:
        text = f"Your score: {score.right} of {score.total} right at the first try."
    return Markup('<p class="muted score">{}</p>').format(text)


def progress_page(
    sections: Sequence[SectionSummary], notice: str = "", teacher_tools: bool = False
) -> str:
    """What the student has read and scored, section by section, with the page's actions
    (export for the teacher, start again)."""
    rows = [row for section in sections for row in section.lessons]
    read = sum(1 for row in rows if row.status == READ)
    started = sum(1 for row in rows if row.status == STARTED)
    score = _total(sections)
    parts = [
        Markup('<p class="eyebrow">Your progress</p><h1>My progress</h1>'),
        Markup('<p class="summary">{}</p>').format(_overall(len(rows), read, started, score)),
        callout("warning", "About your progress file", Markup("<p>{}</p>").format(notice))
        if notice
        else Markup(),
        _actions(teacher_tools),
        *(_section(section) for section in sections),
        Markup('<h2 id="how-it-counts">How it counts</h2><p>{}</p>').format(
            f"A lesson is started when you open it and read when you have scrolled through "
            f"{round(READ_FRACTION * 100)}% of it. Your score counts the first answer you "
            "chose for each question, even if you tried again. Your progress stays on this "
            "computer, in the app's data folder; nobody else sees it unless you export it."
        ),
    ]
    return str(join(parts, "\n"))


def _total(sections: Sequence[SectionSummary]) -> Score:
    total = NO_SCORE
    for section in sections:
        total = total + section.score
    return total


def _overall(lessons: int, read: int, started: int, score: Score) -> str:
    text = f"You have read {read} of {lessons} lessons"
    text += f" and started {started} more." if started else "."
    if score.answered:
        text += (
            f" You have answered {score.answered} of the {score.total} quiz questions and "
            f"got {score.right} right at the first try."
        )
    elif score.total:
        text += f" The lessons have {score.total} quiz questions; you have not answered any yet."
    return text


def _actions(teacher_tools: bool) -> Markup:
    export = links.action(ACTION, "export", "Export my progress for my teacher…")
    reset = links.action(ACTION, "reset", "Start again (reset my progress)…")
    out = [export, reset]
    if teacher_tools:
        out.append(links.action(ACTION, "merge", "Merge students' files into a class table…"))
    return Markup('<p class="actions">{}</p>').format(join(out, Markup("<br>")))


def _section(section: SectionSummary) -> Markup:
    read = section.count(READ)
    score = section.score
    count = len(section.lessons)
    facts = f"{read} of {count} lesson{'s' * (count != 1)} read"
    if score.answered:
        facts += f" · {score.right} of {score.total} quiz questions right at the first try"
    rows = join(
        Markup('<tr><td>{}</td><td class="{}">{}</td><td class="count">{}</td></tr>').format(
            links.internal("lesson", row.slug, row.title),
            f"status {row.status}",
            STATUS_TITLES[row.status],
            _score_cell(row.score),
        )
        for row in section.lessons
    )
    return Markup(
        '<h2>{}</h2><p class="muted">{}</p>'
        '<table class="list progress" width="100%" cellspacing="0"><tr>'
        '<th width="62%">Lesson</th><th width="16%">Status</th><th width="22%">Quiz</th>'
        "</tr>{}</table>"
    ).format(section.title, facts, rows)


def _score_cell(score: Score) -> str:
    if not score.total:
        return "no quiz"
    if not score.answered:
        return f"{score.total} questions"
    return f"{score.right} of {score.total} right" + (
        "" if score.answered == score.total else f" ({score.total - score.answered} to do)"
    )
