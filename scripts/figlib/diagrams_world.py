"""Diagrams for the lessons on capacity building and regional space agencies.

Sources (also listed in each lesson's front matter): every step, satellite, year and
body comes from a catalog record, and each figure asks the catalog for the milestone it
shows, so a change in the record makes the figure fail loudly:
- the ladder from buying to building: vnredsat-1, theos-thailand-earth-observation,
  alsat-1-dmc, dubaisat-satrec (DubaiSat-2 2013, KhalifaSat 2018), lapan-tubsat
  (LAPAN-A3 2016) and emirates-mars-mission.
- regional bodies: european-space-agency, arabsat, aprsaf, apsco, gmes-and-africa,
  african-space-agency, arab-space-cooperation-group and alce.
"""

from __future__ import annotations

from .data import Catalog
from .svg import Figure, wrap

# -- learning-by-building: from buying to building -----------------------------------------
#: (colour, step, examples as (record, milestone year, words in the milestone, label))
LADDER = (
    ("grey", "Buy images", ()),
    (
        "blue",
        "Buy a satellite with training",
        (
            ("vnredsat-1", 2013, "launched", "VNREDSat-1, Vietnam, 2013"),
            ("theos-thailand-earth-observation", 2008, "THEOS-1", "THEOS-1, Thailand, 2008"),
        ),
    ),
    (
        "teal",
        "Build it in a partner's workshop",
        (
            ("alsat-1-dmc", 2002, "launched", "AlSAT-1, Algeria, with SSTL, 2002"),
            ("dubaisat-satrec", 2013, "DubaiSat-2", "DubaiSat-2, UAE, with Satrec, 2013"),
        ),
    ),
    (
        "green",
        "Build it at home",
        (
            ("dubaisat-satrec", 2018, "KhalifaSat", "KhalifaSat, UAE, 2018"),
            ("lapan-tubsat", 2016, "LAPAN-A3", "LAPAN-A3, Indonesia, 2016"),
        ),
    ),
    (
        "purple",
        "Lead a mission with partners",
        (("emirates-mars-mission", 2020, "launched", "Emirates Mars Mission, 2020"),),
    ),
)


def learning_ladder(catalog: Catalog) -> Figure:
    fig = Figure(414, "From buying to building: the steps of a new space nation")
    fig.text(20, 28, "From buying to building: five steps, each with a partner", 15, bold=True)
    step_w, gap, bottom = 112, 10, 380
    for index, (colour, step, examples) in enumerate(LADDER):
        x = 20 + index * (step_w + gap)
        top = (296, 200, 160, 120, 80)[index]
        fig.rect(
            x, top, step_w, bottom - top, fill=f"{colour}_tint", stroke=colour, rx=6, width=1.5
        )
        baseline = fig.lines(x + 8, top + 20, wrap(step, step_w - 16, 13, True), 13, bold=True)
        if not examples:
            fig.paragraph(x + 8, baseline + 20, "from other countries' satellites", 96, 12)
        for slug, year, words, label in examples:
            catalog.milestone(slug, year, words)
            baseline = fig.paragraph(x + 8, baseline + 22, label, step_w - 16, 12)
    fig.text(
        20, 404, "Each step hands more of the work to the newcomer's own engineers.", 12, "muted"
    )
    return fig


# -- regional-space-agencies: fifty years of regional bodies -------------------------------
FIRST_YEAR, LAST_YEAR = 1970, 2030
#: (region, colour, events as (record, year, words in the milestone, label, above or below,
#: text anchor))
REGIONS = (
    (
        "Europe",
        "esa",
        (("european-space-agency", 1975, "Convention", "ESA, 1975", "above", "middle"),),
    ),
    (
        "Arab world",
        "gold",
        (
            ("arabsat", 1976, "founded", "Arabsat, 1976", "above", "middle"),
            (
                "arab-space-cooperation-group",
                2019,
                "Charter",
                "Arab Space Cooperation Group, 2019",
                "below",
                "end",
            ),
        ),
    ),
    (
        "Asia-Pacific",
        "purple",
        (
            ("aprsaf", 1993, "First session", "APRSAF forum, 1993", "above", "middle"),
            ("apsco", 2005, "Convention", "APSCO convention, 2005", "below", "middle"),
            ("apsco", 2008, "established", "APSCO at work, 2008", "above", "start"),
        ),
    ),
    (
        "Africa",
        "green",
        (
            ("gmes-and-africa", 2007, "launched", "GMES & Africa, 2007", "below", "end"),
            ("african-space-agency", 2018, "Statute", "AfSA statute, 2018", "above", "end"),
            ("african-space-agency", 2025, "inaugurated", "headquarters, 2025", "below", "end"),
        ),
    ),
    (
        "Latin America",
        "orange",
        (("alce", 2021, "signed by 18", "ALCE treaty signed, 2021", "above", "end"),),
    ),
)


def _year_x(year: int) -> float:
    return 150 + (year - FIRST_YEAR) * 450 / (LAST_YEAR - FIRST_YEAR)


def regional_bodies(catalog: Catalog) -> Figure:
    row_h = 54
    top = 84
    fig = Figure(top + row_h * len(REGIONS), "Regional space bodies, 1975-2025")
    fig.text(20, 28, "Regional space bodies, from Europe's first to Africa's newest", 15, bold=True)
    for decade in range(FIRST_YEAR, LAST_YEAR + 1, 10):
        x = _year_x(decade)
        fig.line(x, 60, x, top + row_h * len(REGIONS) - 14, "grid", 1)
        fig.text(x, 54, str(decade), 12, "muted", anchor="middle")
    for row, (region, colour, events) in enumerate(REGIONS):
        y = top + row * row_h + 14
        fig.text(20, y + 4, region, 13, bold=True)
        fig.line(_year_x(FIRST_YEAR), y, _year_x(LAST_YEAR), y, "grid", 1)
        for slug, year, words, label, placement, anchor in events:
            catalog.milestone(slug, year, words)
            x = _year_x(year)
            fig.circle(x, y, 5, colour)
            label_y = y - 10 if placement == "above" else y + 20
            offset = {"start": -6, "end": 6, "middle": 0}[anchor]
            fig.text(x + offset, label_y, label, 12, anchor=anchor)
    return fig


FIGURES = {
    "learning-by-building": learning_ladder,
    "regional-space-agencies": regional_bodies,
}
