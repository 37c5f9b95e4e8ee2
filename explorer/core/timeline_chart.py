"""A small timeline of some partnerships as an SVG picture, for printed handouts.

One row per partnership, oldest first: its name on the left, a bar over the years it ran
on a shared axis, and its years at the bar's end. The colour says the type (a legend is
drawn below), and the three colours differ in lightness too, so that a black-and-white
copy still tells them apart. A partnership still running reaches this year and ends in
an arrow; a planned one is an outline. Sizes are CSS pixels (96 per inch) for a page
column; the caller renders the SVG at print resolution (QtSvg draws SVG Tiny 1.2, so
only rectangles, lines, polygons and text are used). Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup

from explorer.core.models import Partnership
from explorer.core.pages import label

#: type -> fill colour (dark, middle and light, for black-and-white printers too)
TYPE_COLOURS = {"bilateral": "#1d4e9e", "multilateral": "#3c9a5f", "public-private": "#f0a93b"}
OTHER_COLOUR = "#8a93a3"
TEXT = "#1c2230"
MUTED = "#5d6778"
GRID = "#d3d8e0"
FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
#: rows drawn at most; the rest are counted under the chart
MAX_ROWS = 30
ROW = 22
BAR = 12
AXIS = 26
LEGEND = 30
NAME_SIZE = 11
#: average width of a character of the name font, as a share of its size (generous)
CHAR_WIDTH = 0.6
YEARS_ROOM = 74


@dataclass(frozen=True, slots=True)
class Chart:
    svg: str
    width: int
    height: int
    #: partnerships drawn, and those left out for room (listed in the table instead)
    shown: int
    left_out: int


@dataclass(frozen=True, slots=True)
class Axis:
    first: int
    last: int  # the axis ends at the end of this year
    step: int
    left: float
    right: float

    def x(self, year: float) -> float:
        span = self.last + 1 - self.first
        return self.left + (year - self.first) / span * (self.right - self.left)

    def ticks(self) -> range:
        return range(self.first, self.last + 2, self.step)


def _end(p: Partnership, this_year: int) -> int:
    """The last year a bar covers."""
    if p.end_year is not None:
        return p.end_year
    return p.start_year if p.status == "planned" else max(this_year, p.start_year)


def make_axis(
    partnerships: Sequence[Partnership], this_year: int, left: float, right: float
) -> Axis:
    first = min(p.start_year for p in partnerships)
    last = max(_end(p, this_year) for p in partnerships)
    span = last - first + 1
    step = 5 if span <= 40 else 10 if span <= 90 else 20
    first -= first % step
    last = last - last % step + step - 1  # the axis ends where a tick would be
    return Axis(first, last, step, left, right)


def shorten(text: str, room: float, size: float = NAME_SIZE) -> str:
    """`text` cut to fit `room` pixels at `size`, ending in an ellipsis when cut."""
    fits = int(room / (size * CHAR_WIDTH))
    return text if len(text) <= fits else text[: max(1, fits - 1)].rstrip() + "…"


def timeline_chart(
    partnerships: Sequence[Partnership], this_year: int, width: int = 640
) -> Chart | None:
    """The chart of `partnerships` (None when there are none)."""
    if not partnerships:
        return None
    ordered = sorted(partnerships, key=lambda p: (p.start_year, p.name.casefold()))
    shown, left_out = ordered[:MAX_ROWS], len(ordered) - MAX_ROWS
    names_width = round(width * 0.36)
    axis = make_axis(shown, this_year, names_width + 10, width - YEARS_ROOM)
    height = AXIS + ROW * len(shown) + LEGEND
    parts = [_grid(axis, AXIS + ROW * len(shown))]
    for row, p in enumerate(shown):
        parts.append(_row(p, axis, AXIS + row * ROW, names_width, this_year))
    parts.append(_legend(shown, AXIS + ROW * len(shown) + 8, left_out, width))
    svg = Markup(
        '<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
        'width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="{font}">'
        '<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff"/>{body}</svg>'
    ).format(w=width, h=height, font=FONT, body=Markup("").join(parts))
    return Chart(str(svg), width, height, len(shown), max(0, left_out))


def _grid(axis: Axis, bottom: float) -> Markup:
    out = []
    for year in axis.ticks():
        x = round(axis.x(year), 1)
        out.append(
            Markup(
                '<line x1="{x}" y1="{top}" x2="{x}" y2="{bottom}" stroke="{grid}" '
                'stroke-width="1"/><text x="{x}" y="{label}" font-size="10" fill="{muted}" '
                'text-anchor="middle">{year}</text>'
            ).format(
                x=x, top=AXIS - 6, bottom=bottom, grid=GRID, label=AXIS - 10, muted=MUTED, year=year
            )
        )
    return Markup("").join(out)


def _row(p: Partnership, axis: Axis, top: float, names_width: int, this_year: int) -> Markup:
    middle = top + ROW / 2
    x0, x1 = axis.x(p.start_year), axis.x(_end(p, this_year) + 1)
    colour = TYPE_COLOURS.get(p.type, OTHER_COLOUR)
    name = Markup('<text x="0" y="{y}" font-size="{size}" fill="{text}">{name}</text>').format(
        y=middle + 4, size=NAME_SIZE, text=TEXT, name=shorten(p.name, names_width)
    )
    planned = p.status == "planned"
    bar = Markup(
        '<rect x="{x}" y="{y}" width="{w}" height="{h}" fill="{fill}" stroke="{colour}" '
        'stroke-width="1.2"{dash}/>'
    ).format(
        x=round(x0, 1),
        y=middle - BAR / 2,
        w=round(max(x1 - x0, 2.0), 1),
        h=BAR,
        fill="#ffffff" if planned else colour,
        colour=colour,
        dash=Markup(' stroke-dasharray="3,2"') if planned else "",
    )
    arrow = _arrow(x1, middle, colour) if p.end_year is None and not planned else ""
    years = Markup('<text x="{x}" y="{y}" font-size="10" fill="{muted}">{years}</text>').format(
        x=round(x1 + (9 if arrow else 4), 1), y=middle + 4, muted=MUTED, years=p.years_label()
    )
    return Markup("").join([name, bar, arrow, years])


def _arrow(x: float, middle: float, colour: str) -> Markup:
    """A small arrowhead: still running."""
    points = f"{x:.1f},{middle - 6:.1f} {x + 6:.1f},{middle:.1f} {x:.1f},{middle + 6:.1f}"
    return Markup('<polygon points="{}" fill="{}"/>').format(points, colour)


def _legend(shown: Sequence[Partnership], top: float, left_out: int, width: int) -> Markup:
    types = [t for t in TYPE_COLOURS if any(p.type == t for p in shown)]
    out, x = [], 0
    for kind in types:
        out.append(
            Markup(
                '<rect x="{x}" y="{y}" width="14" height="10" fill="{fill}"/>'
                '<text x="{tx}" y="{ty}" font-size="10" fill="{text}">{name}</text>'
            ).format(
                x=x,
                y=top,
                fill=TYPE_COLOURS[kind],
                tx=x + 19,
                ty=top + 9,
                text=TEXT,
                name=label(kind),
            )
        )
        x += 30 + len(label(kind)) * 7
    notes = ["outline: planned"] if any(p.status == "planned" for p in shown) else []
    if any(p.end_year is None and p.status != "planned" for p in shown):
        notes.append("arrow: still running")
    if left_out > 0:
        notes.append(f"{left_out} more in the table")
    out.append(
        Markup(
            '<text x="{x}" y="{y}" font-size="10" fill="{muted}" text-anchor="end">{note}</text>'
        ).format(x=width, y=top + 9, muted=MUTED, note=" · ".join(notes))
    )
    return Markup("").join(out)
