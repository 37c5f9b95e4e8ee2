"""HTML pages for the article view: a lesson, a partnership, a glossary entry.

Pure functions from core records to sanitised HTML; the UI only displays them. Qt's rich
text engine shows a subset of HTML 4 and CSS 2, so callouts are one-row tables (the only
boxes it can draw) and every size comes from the article style sheet.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING

from explorer.core.models import (
    MY_LESSONS,
    GlossaryEntry,
    Lesson,
    Participant,
    Partnership,
    topic_title,
)
from explorer.core.quiz import questions_folded_html, questions_html
from explorer.core.regions import country_name
from explorer.core.sources_html import numbered_sources, source_mark, sources_list

if TYPE_CHECKING:  # rendering imports Markdown; the window's first paint must not wait for it
    from explorer.core.render import MarkdownRenderer, Rendered

#: lessons with at least this many sections get an "On this page" list
TOC_MIN_SECTIONS = 3
INTERNAL_HREF_RE = re.compile(r'<a ([^>]*?)href="((?:partnership|lesson|glossary|topic):[^"]*)"')
FIGURE_RE = re.compile(r'<p>\s*(<img [^>]*?alt="([^"]*)"[^>]*>)\s*</p>')
DIV_TAG_RE = re.compile(r"<div\b[^>]*>|</div>")
ADMONITION_RE = re.compile(r'<div class="admonition ?([^"]*)">')
#: kinds of partner with country 'intl' that are one body (not a group of states)
BODY_KINDS = frozenset({"space-agency", "intergovernmental", "academic"})
CALLOUT_KINDS = {"note", "tip", "warning", "important", "info", "example", "question"}


def label(value: str) -> str:
    """'earth-observation' -> 'Earth observation' (types, domains, statuses)."""
    return value.replace("-", " ").capitalize() if value != "public-private" else "Public-private"


# -- lesson ----------------------------------------------------------------------------


def lesson_page(
    lesson: Lesson,
    renderer: MarkdownRenderer | None,
    cited: Sequence[Partnership] = (),
    neighbours: tuple[Lesson | None, Lesson | None] = (None, None),
    *,
    rendered: Rendered | None = None,
    quiz: Mapping[int, int] | None = None,
    titles: Mapping[str, str] | None = None,
    folded_answers: bool = False,
) -> tuple[str, Rendered]:
    """The whole lesson page. `rendered` reuses an earlier render of the body; `quiz` maps a
    question's index to the choice the student picked (or REVEALED); `folded_answers`
    writes the questions for a published copy, where no link can answer them."""
    if rendered is None:
        assert renderer is not None, "pass a renderer or an earlier render"
        base = lesson.assets_dir or (lesson.source_path.parent if lesson.source_path else None)
        rendered = renderer.render(lesson.body, base)
    parts = [
        _lesson_header(lesson),
        _callout("question", "Questions to think about", _list(lesson.discussion)),
        _callout("objectives", "In this lesson you will", _list(lesson.objectives)),
        _toc(rendered, lesson, cited),
        _body(rendered.html),
        _callout("tip", "Key points", _list(lesson.key_points)),
        questions_folded_html(lesson.questions, lesson.objectives)
        if folded_answers
        else questions_html(lesson.questions, quiz or {}, lesson.objectives),
        _cited(cited),
        sources_list(lesson.sources),
        _neighbour_links(neighbours),
    ]
    html = "\n".join(p for p in parts if p)
    return (add_link_titles(html, titles) if titles else html), rendered


def _lesson_header(lesson: Lesson) -> str:
    section = escape(lesson.group_title)
    mine = (
        ' · <span class="mine">my lesson</span>'
        if lesson.origin == "teacher" and lesson.group != MY_LESSONS
        else ""
    )
    out = [f'<p class="eyebrow">{section}{mine}</p>', f"<h1>{escape(lesson.title)}</h1>"]
    if lesson.summary:
        out.append(f'<p class="summary">{escape(lesson.summary)}</p>')
    if lesson.tags:
        links = " · ".join(_topic_link(tag) for tag in lesson.tags)
        out.append(f'<p class="topics">Topics: {links}</p>')
    return "\n".join(out)


def _toc(rendered: Rendered, lesson: Lesson, cited: Sequence[Partnership]) -> str:
    sections = [(h.anchor, h.title) for h in rendered.headings if h.level == 2]
    if len(sections) < TOC_MIN_SECTIONS:
        return ""
    if lesson.questions:
        sections.append(("check-your-understanding", "Check your understanding"))
    if cited:
        sections.append(("partnerships-in-this-lesson", "Partnerships in this lesson"))
    items = "".join(
        f'<li><a class="toc" href="#{escape(anchor)}">{escape(title)}</a></li>'
        for anchor, title in sections
    )
    return _callout("toc", "On this page", f'<ul class="toc">{items}</ul>')


def _body(html: str) -> str:
    """Admonitions become callout boxes and lone images become captioned figures."""
    html = FIGURE_RE.sub(
        lambda m: (
            f'<p class="figure">{m.group(1)}<br><span class="caption">{m.group(2)}</span></p>'
            if m.group(2)
            else m.group(0)
        ),
        html,
    )
    return _admonitions_to_callouts(html)


def _admonitions_to_callouts(html: str) -> str:
    out: list[str] = []
    stack: list[bool] = []  # for each open <div>: is it an admonition?
    position = 0
    for match in DIV_TAG_RE.finditer(html):
        out.append(html[position : match.start()])
        position = match.end()
        tag = match.group(0)
        if tag == "</div>":
            was_callout = stack.pop() if stack else False
            out.append("</td></tr></table>" if was_callout else tag)
            continue
        admonition = ADMONITION_RE.match(tag)
        stack.append(admonition is not None)
        if admonition is None:
            out.append(tag)
            continue
        kinds = admonition.group(1).split()
        kind = next((k for k in kinds if k in CALLOUT_KINDS), "note")
        out.append(_callout_open(kind))
    out.append(html[position:])
    return "".join(out)


def _callout_open(kind: str) -> str:
    return (
        f'<table class="callout {kind}" width="100%" cellspacing="0" cellpadding="0">'
        f'<tr><td class="bar {kind}" width="4"></td><td class="callout-body">'
    )


def _callout(kind: str, title: str, content: str) -> str:
    if not content:
        return ""
    return (
        f'{_callout_open(kind)}<p class="admonition-title">{escape(title)}</p>'
        f"{content}</td></tr></table>"
    )


def _list(items: Sequence[str]) -> str:
    return f"<ul>{''.join(f'<li>{escape(i)}</li>' for i in items)}</ul>" if items else ""


def _cited(cited: Sequence[Partnership]) -> str:
    if not cited:
        return ""
    items = "".join(
        f'<li>{_partnership_link(p)} <span class="muted">{escape(p.years_label())} · '
        f"{escape(label(p.type))}</span></li>"
        for p in cited
    )
    return (
        '<h2 id="partnerships-in-this-lesson">Partnerships in this lesson</h2>'
        f'<ul class="cited">{items}</ul>'
        f'<p><a class="action" href="timeline:{",".join(escape(p.slug) for p in cited)}">'
        "Show these on the timeline</a></p>"
    )


def _neighbour_links(neighbours: tuple[Lesson | None, Lesson | None]) -> str:
    before, after = neighbours
    if not before and not after:
        return ""
    left = (
        (
            f'<span class="muted">Previous</span><br>'
            f'<a class="internal lesson" href="lesson:{escape(before.slug)}">'
            f"← {escape(before.title)}</a>"
        )
        if before
        else ""
    )
    right = (
        (
            f'<span class="muted">Next</span><br>'
            f'<a class="internal lesson" href="lesson:{escape(after.slug)}">'
            f"{escape(after.title)} →</a>"
        )
        if after
        else ""
    )
    return (
        '<hr><table class="pager" width="100%" cellspacing="0"><tr>'
        f'<td class="pager" width="50%">{left}</td>'
        f'<td class="pager" width="50%" align="right">{right}</td></tr></table>'
    )


def add_link_titles(html: str, titles: Mapping[str, str]) -> str:
    """Give internal links a hover preview: `titles` maps 'glossary:barter' to its text."""

    def add(match: re.Match[str]) -> str:
        before, href = match.group(1), match.group(2)
        text = titles.get(href)
        if not text or "title=" in before:
            return match.group(0)
        return f'<a {before}title="{escape(text)}" href="{href}"'

    return INTERNAL_HREF_RE.sub(add, html)


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


# -- partnership ------------------------------------------------------------------------


def partnership_page(
    p: Partnership,
    citing: Sequence[Lesson] = (),
    topic_lessons: Callable[[str], Sequence[Lesson]] = lambda tag: (),
) -> str:
    """Facts, partners, milestones, what it shows (with the lesson that teaches each), the
    lessons that cite it, and its sources with the date they were checked."""
    milestones = "".join(
        f'<tr><td class="year">{m.year}</td>'
        f"<td>{escape(m.event)}{source_mark(p, m.source)}</td></tr>"
        for m in p.milestones
    )
    parts = [
        f'<p class="eyebrow">Partnership · {escape(label(p.type))} · {escape(label(p.domain))}</p>',
        f"<h1>{escape(p.name)}</h1>",
        _facts(p),
        f"<p>{escape(p.description)}</p>" if p.description else "",
        _callout("note", "Sources disagree or a detail is unsure", f"<p>{escape(p.caveats)}</p>")
        if p.caveats
        else "",
        _partners(p),
        f'<h2>Milestones</h2><table class="milestones" cellspacing="0">{milestones}</table>'
        if milestones
        else "",
        _tag_list(
            "What it shows",
            "Benefits of partnership this one illustrates.",
            p.benefits,
            topic_lessons,
        ),
        _tag_list(
            "What made it hard",
            "Challenges of partnership this one ran into.",
            p.challenges,
            topic_lessons,
        ),
        _citing(citing),
        numbered_sources(p),
    ]
    return "\n".join(x for x in parts if x)


def _facts(p: Partnership) -> str:
    facts = [
        f"<b>{escape(p.years_label())}</b>{source_mark(p, p.years_source)}",
        escape(label(p.status)),
        _topic_link(p.type, label(p.type) + " partnership"),
    ]
    if p.origin == "user":
        facts.append('<span class="mine">added by a teacher</span>')
    elif p.edited:
        facts.append('<span class="mine">edited by a teacher</span>')
    timeline = f'<a class="action" href="timeline:{escape(p.slug)}">Show on the timeline</a>'
    return f'<p class="facts">{" · ".join(facts)} &nbsp; {timeline}</p>'


def _partners(p: Partnership) -> str:
    partners = "".join(_partner_item(x) for x in p.partners)
    if not partners:
        return ""
    return f'<h2>Partners</h2><ul class="partners">{partners}</ul>{_involved(p)}'


def _involved(p: Partnership) -> str:
    """The countries, then the international bodies (ESA, EUMETSAT, UN offices) that take
    part as themselves, so an ESA-led mission does not read as one country's."""
    countries = ", ".join(country_name(c) for c in p.countries if c != "intl")
    bodies = ", ".join(
        dict.fromkeys(
            x.partner.name
            for x in p.partners
            if x.partner.country == "intl" and x.partner.kind in BODY_KINDS
        )
    )
    said = [f"Countries involved: {escape(countries)}." if countries else ""]
    said.append(f"International bodies: {escape(bodies)}." if bodies else "")
    text = " ".join(x for x in said if x)
    return f'<p class="muted">{text}</p>' if text else ""


def _partner_item(x: Participant) -> str:
    partner = x.partner
    text = f"<b>{escape(partner.name)}</b>"
    if partner.full_name not in ("", partner.name):
        text += f" ({escape(partner.full_name)})"
    if partner.country:
        place = escape(country_name(partner.country)).replace(" ", "&nbsp;")
        text += f' <span class="muted">·&nbsp;{place}</span>'
    if x.role:
        text += f"<br>{escape(x.role)}"
    return f"<li>{text}</li>"


def _tag_list(
    title: str,
    intro: str,
    tags: Sequence[str],
    topic_lessons: Callable[[str], Sequence[Lesson]],
) -> str:
    if not tags:
        return ""
    items = []
    for tag in tags:
        taught = list(topic_lessons(tag))[:2]
        lessons = " and ".join(
            f'<a class="internal lesson" href="lesson:{escape(x.slug)}">{escape(x.title)}</a>'
            for x in taught
        )
        where = f' <span class="muted">— taught in</span> {lessons}' if lessons else ""
        items.append(f"<li>{_topic_link(tag)}{where}</li>")
    return (
        f'<h2>{escape(title)}</h2><p class="muted">{escape(intro)}</p>'
        f'<ul class="tags">{"".join(items)}</ul>'
    )


def _citing(citing: Sequence[Lesson]) -> str:
    if not citing:
        return ""
    items = "".join(
        f'<li><a class="internal lesson" href="lesson:{escape(x.slug)}">{escape(x.title)}</a></li>'
        for x in citing
    )
    return f"<h2>Lessons that cite it</h2><ul>{items}</ul>"


def _topic_link(tag: str, text: str | None = None) -> str:
    return (
        f'<a class="internal topic" href="topic:{escape(tag)}">'
        f"{escape(text or topic_title(tag))}</a>"
    )


def _partnership_link(p: Partnership) -> str:
    return (
        f'<a class="internal partnership" href="partnership:{escape(p.slug)}">{escape(p.name)}</a>'
    )


# -- glossary ---------------------------------------------------------------------------


def glossary_page(
    entry: GlossaryEntry, entries: Mapping[str, GlossaryEntry], used_in: Sequence[Lesson] = ()
) -> str:
    see = "".join(
        f'<li><a class="internal glossary" href="glossary:{escape(s)}">'
        f"{escape(entries[s].term if s in entries else s)}</a></li>"
        for s in entry.see_also
    )
    lessons = "".join(
        f'<li><a class="internal lesson" href="lesson:{escape(x.slug)}">{escape(x.title)}</a></li>'
        for x in used_in
    )
    return (
        f'<p class="eyebrow">Glossary</p><h1>{escape(entry.term)}</h1>'
        f'<p class="lead">{escape(entry.definition)}</p>'
        + (f"<h2>See also</h2><ul>{see}</ul>" if see else "")
        + (f"<h2>Lessons that use this term</h2><ul>{lessons}</ul>" if lessons else "")
    )
