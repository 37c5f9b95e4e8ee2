"""Figures computed from the catalog: counts by topic and decade, and partnership timelines."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from explorer.core.models import BENEFITS, PARTNERSHIP_TYPES, Partnership, topic_title

from .data import Catalog, short_name
from .svg import WIDTH, Figure, text_width

TYPE_LABELS = {
    "bilateral": "Bilateral",
    "multilateral": "Multilateral",
    "public-private": "Public-private",
}


def legend(fig: Figure, x: float, y: float, entries: Sequence[tuple[str, str]]) -> None:
    """Colour swatches with their labels in a row starting at (x, y)."""
    for colour, label in entries:
        fig.rect(x, y - 11, 14, 14, fill=colour, rx=2)
        fig.text(x + 20, y, label, 13)
        x += 20 + text_width(label, 13) + 22


def type_legend(fig: Figure, x: float, y: float, types: Iterable[str] = PARTNERSHIP_TYPES) -> None:
    legend(fig, x, y, [(t, TYPE_LABELS[t]) for t in types])


# -- why-partner: how often each benefit appears -------------------------------------------
def benefit_counts(catalog: Catalog) -> Figure:
    counts = Counter(b for p in catalog.partnerships.values() for b in p.benefits)
    rows = sorted(BENEFITS, key=lambda b: (-counts[b], b))
    total = len(catalog.partnerships)
    top, row_h, left = 58, 34, 190
    fig = Figure(top + row_h * len(rows) + 30, "What partnerships in the catalog gain")
    fig.text(
        20, 28, f"Benefits shown by the {total} partnerships in this app's catalog", 15, bold=True
    )
    fig.text(
        20,
        47,
        "Most partnerships show several, so the bars add up to more than the total.",
        13,
        "muted",
    )
    scale = (WIDTH - left - 80) / max(counts.values())
    for index, benefit in enumerate(rows):
        y = top + index * row_h
        fig.text(left - 12, y + 18, topic_title(benefit), 14, anchor="end")
        width = counts[benefit] * scale
        fig.rect(left, y + 4, width, row_h - 12, fill="blue", rx=3)
        fig.text(left + width + 8, y + 18, str(counts[benefit]), 14, bold=True)
    return fig


# -- choosing-a-type: partnerships by type and decade ---------------------------------------
def types_by_decade(catalog: Catalog) -> Figure:
    counts = Counter((p.start_year // 10 * 10, p.type) for p in catalog.partnerships.values())
    decades = sorted({decade for decade, _ in counts})
    totals = {d: sum(counts[(d, t)] for t in PARTNERSHIP_TYPES) for d in decades}
    top, bottom, left = 86, 290, 56
    fig = Figure(bottom + 46, "Partnerships in the catalog by type and decade")
    fig.text(20, 28, "Partnerships in the catalog, by the decade they began", 15, bold=True)
    type_legend(fig, 20, 56)
    peak = max(totals.values())
    step = 5 if peak <= 40 else 10
    ceiling = -(-peak // step) * step
    scale = (bottom - top) / ceiling
    for tick in range(0, ceiling + 1, step):
        y = bottom - tick * scale
        fig.line(left, y, WIDTH - 20, y, "grid", 1)
        fig.text(left - 8, y + 4, str(tick), 12, "muted", anchor="end")
    slot = (WIDTH - 20 - left) / len(decades)
    for index, decade in enumerate(decades):
        x, base = left + index * slot + slot * 0.18, bottom
        for kind in PARTNERSHIP_TYPES:
            height = counts[(decade, kind)] * scale
            if height:
                fig.rect(x, base - height, slot * 0.64, height, fill=kind)
                base -= height
        fig.text(x + slot * 0.32, base - 6, str(totals[decade]), 13, bold=True, anchor="middle")
        fig.text(x + slot * 0.32, bottom + 20, f"{decade}s", 13, anchor="middle")
    fig.line(left, bottom, WIDTH - 20, bottom, "line", 1.5)
    return fig


# -- timelines of partnerships --------------------------------------------------------------
@dataclass(frozen=True)
class Lane:
    slug: str
    label: str = ""  # defaults to the partnership's short name
    #: (year, words in the milestone) for dots with a short note drawn beside them
    notes: tuple[tuple[int, str, str], ...] = ()


@dataclass(frozen=True)
class Timeline:
    title: str
    heading: str
    first: int
    last: int
    lanes: tuple[Lane, ...]
    tick: int = 10
    left: int = 210


def timeline(catalog: Catalog, spec: Timeline) -> Figure:
    """One lane per partnership: a bar for its years in its type's colour (an arrow when it
    is still going on), a dot for every milestone, and short notes for the chosen ones."""
    top, lane_h = 84, 46
    fig = Figure(top + lane_h * len(spec.lanes) + 40, spec.title)
    fig.text(20, 28, spec.heading, 15, bold=True)
    records = [catalog[lane.slug] for lane in spec.lanes]
    type_legend(fig, 20, 56, [t for t in PARTNERSHIP_TYPES if any(p.type == t for p in records)])
    right = WIDTH - 24
    scale = (right - spec.left) / (spec.last - spec.first)

    def x_of(year: float) -> float:
        return spec.left + (min(max(year, spec.first), spec.last) - spec.first) * scale

    bottom = top + lane_h * len(spec.lanes)
    for year in range(spec.first, spec.last + 1, spec.tick):
        fig.line(x_of(year), top - 4, x_of(year), bottom, "grid", 1)
        fig.text(x_of(year), bottom + 18, str(year), 12, "muted", anchor="middle")
    for index, (lane, p) in enumerate(zip(spec.lanes, records, strict=True)):
        _lane(fig, catalog, lane, p, top + index * lane_h, x_of, spec.last)
    return fig


def lane_room(x_of) -> float:
    """Pixels available to a lane's label, left of the first year."""
    return x_of(-10_000) - 26


def _lane(
    fig: Figure, catalog: Catalog, lane: Lane, p: Partnership, y: float, x_of, last: int
) -> None:
    label = lane.label or short_name(p)
    if text_width(label, 13, bold=True) > lane_room(x_of):
        raise ValueError(f"lane label {label!r} is too long for the label column")
    fig.text(20, y + 18, label, 13, bold=True)
    fig.text(20, y + 34, p.years_label(), 12, "muted")
    start, end = x_of(p.start_year), x_of(p.end_year + 1 if p.end_year else last)
    end = max(end, start + 10)
    middle = y + 22
    if p.status == "planned":
        fig.rect(start, middle - 6, end - start, 12, fill="none", stroke=p.type, rx=3)
    else:
        fig.rect(start, middle - 6, end - start, 12, fill=p.type, rx=3)
    if p.end_year is None and p.status != "planned":
        fig.polygon([(end, middle - 9), (end + 10, middle), (end, middle + 9)], p.type)
    for milestone in p.milestones:
        fig.circle(x_of(milestone.year + 0.5), middle, 3.5, "bg", stroke="text")
    for year, words, note in lane.notes:
        catalog.milestone(lane.slug, year, words)  # the note must match a catalog event
        x = x_of(year + 0.5)
        anchor = "end" if x > WIDTH - 150 else "start"
        fig.text(x + (-4 if anchor == "end" else 4), y + 6, note, 12, anchor=anchor)
