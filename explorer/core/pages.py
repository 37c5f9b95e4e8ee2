"""HTML pages for the article view: a lesson, a partnership, a glossary entry.

Pure functions from core records to sanitised HTML; the UI only displays them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape

from explorer.core.models import (
    SECTION_TITLES,
    GlossaryEntry,
    Lesson,
    Participant,
    Partnership,
    topic_title,
)
from explorer.core.render import MarkdownRenderer, Rendered


def lesson_page(
    lesson: Lesson,
    renderer: MarkdownRenderer,
    cited: Sequence[Partnership] = (),
    neighbours: tuple[Lesson | None, Lesson | None] = (None, None),
) -> tuple[str, Rendered]:
    base = lesson.source_path.parent if lesson.source_path else None
    rendered = renderer.render(lesson.body, base)
    parts = [
        f'<p class="eyebrow">{escape(SECTION_TITLES.get(lesson.section, lesson.section))}'
        f'{" · my lesson" if lesson.origin == "teacher" else ""}</p>',
        f"<h1>{escape(lesson.title)}</h1>",
    ]
    if lesson.summary:
        parts.append(f'<p class="summary">{escape(lesson.summary)}</p>')
    if lesson.problems:
        items = "".join(f"<li>{escape(str(p))}</li>" for p in lesson.problems)
        parts.append(f'<div class="admonition warning"><p class="admonition-title">'
                     f"This lesson has problems</p><ul>{items}</ul></div>")
    if lesson.objectives:
        items = "".join(f"<li>{escape(o)}</li>" for o in lesson.objectives)
        parts.append(f'<div class="objectives"><p class="admonition-title">'
                     f"In this lesson you will</p><ul>{items}</ul></div>")
    parts.append(rendered.html)
    parts.append(_questions(lesson))
    if cited:
        items = "".join(
            f'<li><a class="internal partnership" href="partnership:{escape(p.slug)}">'
            f"{escape(p.name)}</a> <span class=\"muted\">{escape(p.years_label())} · "
            f"{escape(p.type)}</span></li>" for p in cited)
        parts.append(f"<h2>Partnerships in this lesson</h2><ul>{items}</ul>")
    parts.append(_sources(lesson))
    parts.append(_neighbour_links(neighbours))
    return "\n".join(p for p in parts if p), rendered


def _questions(lesson: Lesson) -> str:
    if not lesson.questions:
        return ""
    out = ['<h2 id="check-your-understanding">Check your understanding</h2><ol class="quiz">']
    for q in lesson.questions:
        out.append(f"<li><p>{escape(q.question)}</p>")
        if q.choices:
            letters = "ABCDEFGH"
            out.append("<ol class=\"choices\" type=\"A\">" + "".join(
                f"<li>{escape(c)}</li>" for c in q.choices) + "</ol>")
            answer = (f"{letters[q.answer]}. {q.choices[q.answer]}"
                      if isinstance(q.answer, int) else str(q.answer))
        else:
            answer = str(q.answer)
        explanation = f" {escape(q.explanation)}" if q.explanation else ""
        out.append(f'<p class="answer"><b>Answer:</b> {escape(answer)}.{explanation}</p></li>')
    out.append("</ol>")
    return "".join(out)


def _sources(lesson: Lesson) -> str:
    if not lesson.sources:
        return ""
    items = []
    for source in lesson.sources:
        label = escape(f"{source.publisher}: {source.title}" if source.publisher
                       else source.title)
        items.append(f'<li><a class="external" href="{escape(source.url)}">{label}</a></li>'
                     if source.url else f"<li>{label}</li>")
    return f'<h2>Sources</h2><ul class="sources">{"".join(items)}</ul>'


def _neighbour_links(neighbours: tuple[Lesson | None, Lesson | None]) -> str:
    before, after = neighbours
    cells = []
    if before:
        cells.append(f'<a class="internal lesson" href="lesson:{escape(before.slug)}">'
                     f"← {escape(before.title)}</a>")
    if after:
        cells.append(f'<a class="internal lesson" href="lesson:{escape(after.slug)}">'
                     f"{escape(after.title)} →</a>")
    if not cells:
        return ""
    return '<hr><p class="pager">' + " &nbsp;·&nbsp; ".join(cells) + "</p>"


def partnership_page(
    p: Partnership,
    citing: Sequence[Lesson] = (),
    topic_lessons: Callable[[str], Sequence[Lesson]] = lambda tag: (),
) -> str:
    partners = "".join(_partner_item(x) for x in p.partners)
    milestones = "".join(
        f"<tr><td class=\"year\">{m.year}</td><td>{escape(m.event)}</td></tr>"
        for m in p.milestones)
    parts = [
        f'<p class="eyebrow">Partnership · {escape(p.type)} · {escape(p.domain)}</p>',
        f"<h1>{escape(p.name)}</h1>",
        f'<p class="facts"><b>{escape(p.years_label())}</b> · {escape(p.status)}'
        f'{" · added by a teacher" if p.origin == "user" else ""}</p>',
        f"<p>{escape(p.description)}</p>" if p.description else "",
        f'<div class="admonition note"><p class="admonition-title">Sources disagree or a '
        f"detail is unsure</p><p>{escape(p.caveats)}</p></div>" if p.caveats else "",
        f"<h2>Partners</h2><ul>{partners}</ul>" if partners else "",
        f'<h2>Milestones</h2><table class="milestones">{milestones}</table>'
        if milestones
        else "",
        _tag_list("What it shows", p.benefits),
        _tag_list("What made it hard", p.challenges),
    ]
    if citing:
        items = "".join(f'<li><a class="internal lesson" href="lesson:{escape(x.slug)}">'
                        f"{escape(x.title)}</a></li>" for x in citing)
        parts.append(f"<h2>Lessons that cite it</h2><ul>{items}</ul>")
    cites = "".join(
        f'<li>{escape(c.publisher)}: '
        + (f'<a class="external" href="{escape(c.url)}">{escape(c.title)}</a>'
           if c.url else escape(c.title)) + "</li>" for c in p.citations)
    if cites:
        checked = (
            f' <span class="muted">Facts checked {escape(p.checked)}.</span>' if p.checked else ""
        )
        parts.append(f"<h2>Sources</h2><ul class=\"sources\">{cites}</ul><p>{checked}</p>")
    return "\n".join(x for x in parts if x)


def _partner_item(x: Participant) -> str:
    partner = x.partner
    text = escape(partner.name)
    if partner.full_name not in ("", partner.name):
        text += f" ({escape(partner.full_name)})"
    if x.role:
        text += f" — {escape(x.role)}"
    if partner.country:
        text += f' <span class="muted">{escape(partner.country)}</span>'
    return f"<li>{text}</li>"


def _tag_list(title: str, tags: Sequence[str]) -> str:
    if not tags:
        return ""
    items = "".join(f'<li><a class="internal topic" href="topic:{escape(t)}">'
                    f"{escape(topic_title(t))}</a></li>" for t in tags)
    return f"<h2>{escape(title)}</h2><ul class=\"tags\">{items}</ul>"


def glossary_page(entry: GlossaryEntry, entries: dict[str, GlossaryEntry]) -> str:
    see = "".join(
        f'<li><a class="internal glossary" href="glossary:{escape(s)}">'
        f"{escape(entries[s].term if s in entries else s)}</a></li>" for s in entry.see_also)
    return (f'<p class="eyebrow">Glossary</p><h1>{escape(entry.term)}</h1>'
            f"<p>{escape(entry.definition)}</p>"
            + (f"<h2>See also</h2><ul>{see}</ul>" if see else ""))
