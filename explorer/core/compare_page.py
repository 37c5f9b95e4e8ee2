"""The compare page: 2 to 4 partnerships side by side, built with MarkupSafe.

Qt's rich text engine lays out columns only as tables, so the page is tables: one row per
fact (type, years, status, partners, countries, benefits, challenges, plans), then the
milestones of all of them aligned by year, then each one's sources. What every one of
them shares is in bold and said once under the table.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from explorer.core import links
from explorer.core.compare import (
    MAX_COMPARED,
    MIN_COMPARED,
    Shared,
    compare_target,
    milestone_years,
    shared,
)
from explorer.core.html import Markup, join
from explorer.core.models import Partnership, topic_title
from explorer.core.pages import label
from explorer.core.plans import slip_sentence, slips
from explorer.core.regions import country_name
from explorer.core.sources_html import citation

LABEL_WIDTH = 16  # percent of the table for the row titles
#: the page action that takes a partnership out of the comparison
REMOVE_SCHEME = "compare-remove"


def compare_page(compared: Sequence[Partnership], this_year: int | None = None) -> str:
    """The whole page for 2 to 4 partnerships, in the order given."""
    year = this_year or date.today().year
    common = shared(compared)
    named = [links.partnership(p) for p in compared]
    listed = join(named[:-1], ", ") + Markup(" and ") + named[-1] if len(named) > 1 else named[0]
    parts = [
        Markup('<p class="eyebrow">Compare</p><h1>{} partnerships side by side</h1>').format(
            len(compared)
        ),
        Markup('<p class="summary">{}.</p>').format(listed),
        Markup('<p class="facts">{} &nbsp; <span class="muted">{}</span></p>').format(
            links.action(
                "timeline", compare_target(p.slug for p in compared), "Show these on the timeline"
            ),
            _how_to_add(len(compared)),
        ),
        _facts_table(compared, common, year),
        _in_common(compared, common),
        Markup("<h2>Milestones by year</h2>"),
        _milestones_table(compared),
        Markup("<h2>Sources</h2>"),
        join(_sources(p) for p in compared),
    ]
    return str(join(parts, "\n"))


def _how_to_add(count: int) -> str:
    if count >= MAX_COMPARED:
        return f"A comparison holds up to {MAX_COMPARED} partnerships."
    return (
        "Add another with Compare on a search result, the timeline or its list "
        "(right-click, or the menu key), or on a partnership or topic page."
    )


def _table(
    compared: Sequence[Partnership], rows: Sequence[Markup], css: str, removable: bool = False
) -> Markup:
    width = (100 - LABEL_WIDTH) // max(1, len(compared))
    head = join(
        Markup('<th width="{}%">{}{}</th>').format(
            width, links.partnership(p), _remove(p, compared) if removable else ""
        )
        for p in compared
    )
    return Markup(
        '<table class="compare {}" width="100%" cellspacing="0"><tr><th width="{}%">{}</th>{}</tr>'
        "{}</table>"
    ).format(css, LABEL_WIDTH, "", head, join(rows))


def _remove(p: Partnership, compared: Sequence[Partnership]) -> Markup:
    if len(compared) <= MIN_COMPARED:
        return Markup()
    link = links.action(REMOVE_SCHEME, p.slug, "✕ remove", "action remove")
    return Markup('<br><span class="muted">{}</span>').format(link)


def _row(title: str | Markup, cells: Sequence[Markup | str]) -> Markup:
    return Markup('<tr><td class="label"><b>{}</b></td>{}</tr>').format(
        title, join(Markup("<td>{}</td>").format(cell or "—") for cell in cells)
    )


def _facts_table(compared: Sequence[Partnership], common: Shared, year: int) -> Markup:
    rows = [
        _row("Type", [_bold_if(label(p.type), bool(common.type)) for p in compared]),
        _row("Years", [p.years_label() for p in compared]),
        _row("Status", [label(p.status) for p in compared]),
        _row("Field", [label(p.domain) for p in compared]),
        _row("Partners", [_partners(p, common) for p in compared]),
        _row("Countries", [_countries(p, common) for p in compared]),
        _row("Benefits", [_tags(p.benefits, common.benefits) for p in compared]),
        _row("Challenges", [_tags(p.challenges, common.challenges) for p in compared]),
        _row(Markup("Plans and<br>what happened"), [_plans(p, year) for p in compared]),
    ]
    return _table(compared, rows, "facts", removable=True)


def _bold_if(text: str, bold: bool) -> Markup:
    return Markup("<b>{}</b>").format(text) if bold else Markup("{}").format(text)


def _partners(p: Partnership, common: Shared) -> Markup:
    return join(
        (_bold_if(x.partner.name, x.partner.slug in common.partners) for x in p.partners),
        Markup("<br>"),
    )


def _countries(p: Partnership, common: Shared) -> Markup:
    return join(
        (_bold_if(country_name(c), c in common.countries) for c in p.countries if c != "intl"),
        ", ",
    )


def _tags(tags: Sequence[str], common: Sequence[str]) -> Markup:
    """Topic links, one a line; those every compared partnership has in bold."""
    return join(
        (
            Markup("<b>{}</b>").format(links.topic(tag)) if tag in common else links.topic(tag)
            for tag in tags
        ),
        Markup("<br>"),
    )


def _plans(p: Partnership, year: int) -> Markup:
    said = [slip_sentence(p, s, year) for s in slips(p, year) if s.years]
    return join((Markup("{}").format(s) for s in said), Markup("<br>"))


def _in_common(compared: Sequence[Partnership], common: Shared) -> Markup:
    every = "Both" if len(compared) == 2 else f"All {len(compared)}"
    said = []
    if common.type:
        said.append(f"{every} are {label(common.type).lower()} partnerships.")
    names = {x.partner.slug: x.partner.name for x in compared[0].partners}
    for title, values in (
        ("Partners", [names[s] for s in common.partners]),
        ("Countries", [country_name(c) for c in common.countries]),
        ("Benefits", [topic_title(t) for t in common.benefits]),
        ("Challenges", [topic_title(t) for t in common.challenges]),
    ):
        if values:
            said.append(f"{title} they share: {', '.join(values)}.")
    if not said:
        said.append("They share no partner, country, benefit or challenge.")
    return Markup('<h2>In common</h2><p>{}</p><p class="muted">{}</p>').format(
        " ".join(said), "What they share is in bold in the table."
    )


def _milestones_table(compared: Sequence[Partnership]) -> Markup:
    years = milestone_years(compared)
    if not years:
        return Markup('<p class="muted">None of them lists milestones.</p>')
    rows = [
        Markup('<tr><td class="year">{}</td>{}</tr>').format(
            year, join(Markup("<td>{}</td>").format(_events(p, year)) for p in compared)
        )
        for year in years
    ]
    return _table(compared, rows, "milestones")


def _events(p: Partnership, year: int) -> Markup:
    return join(
        (Markup("{}").format(m.event) for m in p.milestones if m.year == year), Markup("<br>")
    )


def _sources(p: Partnership) -> Markup:
    if not p.citations:
        return Markup('<h3>{}</h3><p class="muted">No sources listed.</p>').format(p.name)
    entries = join(Markup("<li>{}</li>").format(citation(c)) for c in p.citations)
    return Markup('<h3>{}</h3><ol class="sources">{}</ol>').format(p.name, entries)
