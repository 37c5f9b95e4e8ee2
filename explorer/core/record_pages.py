"""Partnership and glossary pages for the article view, built with MarkupSafe."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date

from explorer.core import links
from explorer.core.html import Markup, callout, items, join
from explorer.core.models import GlossaryEntry, Lesson, Participant, Partnership
from explorer.core.pages import label
from explorer.core.plans import slip_sentence, slips
from explorer.core.regions import country_name
from explorer.core.sources_html import numbered_sources, source_mark

#: the page action that adds a partnership to the comparison being built
COMPARE_ADD_SCHEME = "compare-add"
#: kinds of partner with country 'intl' that are one body (not a group of states)
BODY_KINDS = frozenset({"space-agency", "intergovernmental", "academic"})


def partnership_page(
    p: Partnership,
    citing: Sequence[Lesson] = (),
    topic_lessons: Callable[[str], Sequence[Lesson]] = lambda tag: (),
    printed: bool = False,
    this_year: int | None = None,
) -> str:
    """Facts, how it slipped from its plan, partners, milestones, what it shows (with the
    lesson that teaches each), the lessons that cite it, and its sources with the date
    they were checked. `printed` leaves out what only works on screen (the links to the
    timeline and the comparison)."""
    milestones = join(
        Markup('<tr><td class="year">{}</td><td>{}{}</td></tr>').format(
            m.year, m.event, source_mark(p, m.source)
        )
        for m in p.milestones
    )
    parts = [
        Markup('<p class="eyebrow">Partnership · {} · {}</p>').format(
            label(p.type), label(p.domain)
        ),
        Markup("<h1>{}</h1>").format(p.name),
        _facts(p, printed),
        plan_html(p, this_year or date.today().year),
        Markup("<p>{}</p>").format(p.description) if p.description else "",
        callout(
            "note",
            "Sources disagree or a detail is unsure",
            Markup("<p>{}</p>").format(p.caveats),
        )
        if p.caveats
        else "",
        _partners(p),
        Markup('<h2>Milestones</h2><table class="milestones" cellspacing="0">{}</table>').format(
            milestones
        )
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
        numbered_sources(p, printed),
    ]
    return str(join(parts, "\n"))


def _facts(p: Partnership, printed: bool = False) -> Markup:
    facts = [
        Markup("<b>{}</b>{}").format(p.years_label(), source_mark(p, p.years_source)),
        Markup("{}").format(label(p.status)),
        links.topic(p.type, label(p.type) + " partnership"),
    ]
    if p.origin == "user":
        facts.append(Markup('<span class="mine">added by a teacher</span>'))
    elif p.origin == "shared":
        facts.append(Markup('<span class="mine">from the shared content folder</span>'))
    elif p.edited:
        facts.append(Markup('<span class="mine">edited by a teacher</span>'))
    if printed:
        return Markup('<p class="facts">{}</p>').format(join(facts, " · "))
    timeline = links.action("timeline", p.slug, "Show on the timeline")
    compare = links.action(COMPARE_ADD_SCHEME, p.slug, "Add to comparison")
    return Markup('<p class="facts">{} &nbsp; {} &nbsp; {}</p>').format(
        join(facts, " · "), timeline, compare
    )


def plan_html(p: Partnership, this_year: int) -> Markup:
    """'Planned for 2018, launched 2021 (3 years later) [2]', with the plan's note."""
    found = [s for s in slips(p, this_year) if s.years != 0]
    if not found or p.planned is None:
        return Markup()
    said = Markup("; ").join(Markup("{}").format(slip_sentence(p, s, this_year)) for s in found)
    note = Markup(' <span class="muted">{}</span>').format(p.planned.note) if p.planned.note else ""
    return Markup('<p class="plan"><b>Plans and what happened:</b> {}.{}{}</p>').format(
        said, source_mark(p, p.planned.source), note
    )


def _partners(p: Partnership) -> Markup:
    partners = [_partner_item(x) for x in p.partners]
    if not partners:
        return Markup()
    return Markup("<h2>Partners</h2>{}{}").format(items(partners, css="partners"), _involved(p))


def _involved(p: Partnership) -> Markup:
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
    said = [f"Countries involved: {countries}." if countries else ""]
    said.append(f"International bodies: {bodies}." if bodies else "")
    text = " ".join(x for x in said if x)
    return Markup('<p class="muted">{}</p>').format(text) if text else Markup()


def _partner_item(x: Participant) -> Markup:
    partner = x.partner
    text = Markup("<b>{}</b>").format(links.internal("partner", partner.slug, partner.name))
    if partner.full_name not in ("", partner.name):
        text += Markup(" ({})").format(partner.full_name)
    if partner.country:
        place = Markup("&nbsp;").join(country_name(partner.country).split(" "))
        text += Markup(' <span class="muted">·&nbsp;{}</span>').format(place)
    if x.role:
        text += Markup("<br>{}").format(x.role)
    return text


def _tag_list(
    title: str,
    intro: str,
    tags: Sequence[str],
    topic_lessons: Callable[[str], Sequence[Lesson]],
) -> Markup:
    if not tags:
        return Markup()
    entries = []
    for tag in tags:
        taught = join((links.lesson(x) for x in list(topic_lessons(tag))[:2]), " and ")
        where = (
            Markup(' <span class="muted">— taught in</span> {}').format(taught) if taught else ""
        )
        entries.append(Markup("{}{}").format(links.topic(tag), where))
    return Markup('<h2>{}</h2><p class="muted">{}</p>{}').format(
        title, intro, items(entries, css="tags")
    )


def _citing(citing: Sequence[Lesson]) -> Markup:
    if not citing:
        return Markup()
    return Markup("<h2>Lessons that cite it</h2>{}").format(items(map(links.lesson, citing)))


def glossary_page(
    entry: GlossaryEntry, entries: Mapping[str, GlossaryEntry], used_in: Sequence[Lesson] = ()
) -> str:
    see = items(links.glossary(s, entries[s].term if s in entries else s) for s in entry.see_also)
    lessons = items(map(links.lesson, used_in))
    return str(
        join(
            [
                Markup('<p class="eyebrow">Glossary</p><h1>{}</h1><p class="lead">{}</p>').format(
                    entry.term, entry.definition
                ),
                Markup("<h2>See also</h2>{}").format(see) if see else "",
                Markup("<h2>Lessons that use this term</h2>{}").format(lessons) if lessons else "",
            ]
        )
    )
