"""Tooltip texts (Qt rich text) for the timeline's bars and counts."""

from __future__ import annotations

import html
from datetime import date

from explorer.core.models import topic_title
from explorer.core.plans import slip_sentence, slips
from explorer.core.timeline import Entry
from explorer.core.timeline_layout import Cluster

MAX_PARTNERS = 8
MAX_NAMES = 6
MAX_MILESTONES = 5


def entry_tip(entry: Entry, copies: int = 1) -> str:
    """Name, years, type/domain/status and partners; notes lanes it is repeated in."""
    p = entry.record
    names = list(p.partner_names)
    partners = ", ".join(names[:MAX_PARTNERS])
    if len(names) > MAX_PARTNERS:
        partners += f" and {len(names) - MAX_PARTNERS} more"
    facts = " · ".join(
        [p.years_label(), topic_title(p.type), topic_title(p.domain), p.status.capitalize()]
    )
    lines = [f"<b>{html.escape(p.name)}</b>", html.escape(facts)]
    if partners:
        lines.append("Partners: " + html.escape(partners))
    this_year = date.today().year
    for slip in slips(p, this_year):
        if slip.years:
            lines.append("⧖ " + html.escape(slip_sentence(p, slip, this_year)))
    for milestone in p.milestones[:MAX_MILESTONES]:
        lines.append(f"◆ {milestone.year}: {html.escape(milestone.event)}")
    if len(p.milestones) > MAX_MILESTONES:
        lines.append(f"◆ and {len(p.milestones) - MAX_MILESTONES} more milestones")
    if copies > 1:
        lines.append(f"<i>Shown in each of its {copies} partners' lanes</i>")
    lines.append("<i>Click to open</i>")
    return "<br>".join(lines)


def cluster_tip(cluster: Cluster, lane: str) -> str:
    years = (
        f"{int(cluster.start)}–{int(cluster.end) - 1}"
        if cluster.end - cluster.start > 1
        else str(int(cluster.start))
    )
    first = sorted(cluster.entries, key=lambda e: (e.start, e.name))[:MAX_NAMES]
    names = [html.escape(e.name) for e in first]
    more = cluster.count - len(names)
    listing = "<br>".join(f"• {n}" for n in names)
    if more > 0:
        listing += f"<br>• and {more} more"
    noun = "partnership" if cluster.count == 1 else "partnerships"
    return (
        f"<b>{cluster.count} more {noun} starting {years}</b> in {html.escape(lane)}"
        f"<br>{listing}<br><i>Click to show every row of this lane</i>"
    )
