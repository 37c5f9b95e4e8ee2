"""A partner's page: who it is, its partnerships in time order, the partners it works with
most and the countries of its partnerships, with links to its lane on the timeline (the
timeline grouped by partner) and to its place in the partner network. MarkupSafe."""

from __future__ import annotations

from collections.abc import Sequence

from explorer.core import links
from explorer.core.html import Markup, items, join
from explorer.core.models import Partner, Partnership
from explorer.core.network import partner_summary
from explorer.core.pages import label
from explorer.core.regions import country_name

#: page actions: the partner's lane on the timeline, its node in the network
LANE_SCHEME = "lane"
NETWORK_SCHEME = "network"
MOST = 12  # co-partners listed


def partner_page(partner: Partner, partnerships: Sequence[Partnership]) -> str:
    summary = partner_summary(partner, partnerships)
    count = len(summary.partnerships)
    parts = [
        Markup('<p class="eyebrow">Partner · {}</p>').format(label(partner.kind)),
        Markup("<h1>{}</h1>").format(partner.name),
        Markup('<p class="lead">{}</p>').format(partner.full_name)
        if partner.full_name not in ("", partner.name)
        else "",
        Markup('<p class="facts"><b>{}</b> · {} &nbsp; {} &nbsp; {}</p>').format(
            f"{count} partnership{'' if count == 1 else 's'} in the catalog",
            _where(partner),
            links.action(LANE_SCHEME, partner.slug, "Show its lane on the timeline"),
            links.action(NETWORK_SCHEME, partner.slug, "Show it in the partner network"),
        ),
        Markup("<h2>Its partnerships</h2>"),
        _partnerships(summary.partnerships),
        _co_partners(summary.co_partners),
        _countries(summary.countries, partner.country),
    ]
    return str(join(parts, "\n"))


def _where(partner: Partner) -> str:
    if partner.country == "intl":
        region = f" ({region_title(partner.region)})" if partner.region else ""
        return f"an international body{region}"
    return country_name(partner.country) if partner.country else "country not given"


def region_title(region: str) -> str:
    """'russia-and-central-asia' -> 'Russia and Central Asia'."""
    words = region.split("-")
    return " ".join(w if w == "and" else w.capitalize() for w in words)


def _partnerships(own: Sequence[Partnership]) -> Markup:
    if not own:
        return Markup('<p class="muted">No partnership in the catalog names it.</p>')
    rows = join(
        Markup(
            '<tr><td class="year">{}</td><td>{}<br><span class="muted">{} · {}</span></td></tr>'
        ).format(p.years_label(), links.partnership(p), label(p.type), label(p.status))
        for p in own
    )
    return Markup(
        '<table class="list" width="100%" cellspacing="0"><tr>'
        '<th width="22%">Years</th><th width="78%">Partnership</th></tr>{}</table>'
    ).format(rows)


def _co_partners(co: Sequence[tuple[Partner, int]]) -> Markup:
    if not co:
        return Markup()
    shown = [
        Markup('{} <span class="muted">{} shared</span>').format(
            links.internal("partner", other.slug, other.name), n
        )
        for other, n in co[:MOST]
    ]
    more = len(co) - MOST
    tail = Markup('<p class="muted">and {} more.</p>').format(more) if more > 0 else ""
    return Markup("<h2>Partners it works with most</h2>{}{}").format(items(shown), tail)


def _countries(places: Sequence[tuple[str, int]], own: str) -> Markup:
    others = [(c, n) for c, n in places if c != own]
    if not others:
        return Markup()
    text = ", ".join(f"{country_name(c)} ({n})" for c, n in others)
    return Markup('<h2>Countries of its partnerships</h2><p>{}</p><p class="muted">{}</p>').format(
        text, "Besides its own: how many of its partnerships each country takes part in."
    )
