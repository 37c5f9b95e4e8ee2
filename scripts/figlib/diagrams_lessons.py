"""Diagrams for the lessons on benefits and types, drawn from small tables of facts.

Sources (also listed in each lesson's front matter):
- launch sites: ASI, "Luigi Broglio" Space Center (2.99 S); ESA Kids, Europe's Spaceport
  (close to the equator, a free push of about 1,650 km/h); NASA Mission Control answers
  (KSC 28.5 N, Baikonur 45.6 N); David Darling's encyclopedia, Sriharikota (13.9 N). The
  speeds are computed: the ground moves east at 2 pi x 6,378 km per sidereal day
  (about 1,674 km/h) times the cosine of the latitude.
- Webb: ESA, "Europe's role in Webb"; Canadian Space Agency, "Canada's contribution to
  the James Webb Space Telescope".
- crew to the ISS: NASA History, "Expedition 1 crew launches" (Soyuz, 31 October 2000);
  ARD alpha (Columbia lost 1 February 2003, next Shuttle flight 26 July 2005); BBC,
  "Space shuttle timeline" (final flight 2011); the catalog (Demo-2, Starliner's test).
- deal shapes: the catalog records alouette-1, nisar, orion-european-service-module.
- ISS nations: JAXA, "ISS partners" (the eleven ESA states); the catalog record
  international-space-station (15 countries, 1998).
"""

from __future__ import annotations

import math

from .data import Catalog
from .svg import WIDTH, Figure, wrap

# -- pooling-expertise: the free push from Earth's spin ------------------------------------
EQUATOR_KMH = 2 * math.pi * 6378.137 / 23.9345
#: (site, who launched from it, latitude in degrees, negative south)
LAUNCH_SITES = (
    ("San Marco platform, Kenya", "Italy, with NASA rockets", -3.0),
    ("Kourou, French Guiana", "Europe", 5.0),
    ("Sriharikota, India", "ISRO", 14.0),
    ("Cape Canaveral, USA", "NASA and companies", 28.5),
    ("Baikonur, Kazakhstan", "Russia", 45.6),
)


def ground_speed(latitude: float) -> int:
    """Eastward speed of the ground at `latitude`, km/h, rounded to tens."""
    return round(EQUATOR_KMH * math.cos(math.radians(latitude)) / 10) * 10


def launch_latitudes(_catalog: Catalog) -> Figure:
    top, row_h, left = 78, 46, 250
    fig = Figure(top + row_h * len(LAUNCH_SITES) + 44, "The free push from Earth's spin")
    fig.text(20, 28, "The free push east that Earth's spin gives a rocket", 15, bold=True)
    fig.text(
        20,
        48,
        "The ground near the equator moves fastest; at the poles it does not move.",
        13,
        "muted",
    )
    scale = (WIDTH - left - 100) / EQUATOR_KMH
    for index, (site, who, latitude) in enumerate(LAUNCH_SITES):
        y = top + index * row_h
        side = "S" if latitude < 0 else "N"
        fig.text(20, y + 16, site, 13, bold=True)
        fig.text(20, y + 33, f"{abs(latitude):g}° {side} · {who}", 12, "muted")
        speed = ground_speed(latitude)
        fig.rect(left, y + 8, speed * scale, 20, fill="blue", rx=3)
        fig.text(left + speed * scale + 8, y + 23, f"{speed:,} km/h", 13, bold=True)
    bottom = top + row_h * len(LAUNCH_SITES)
    equator = f"{round(EQUATOR_KMH, -1):,.0f}"
    fig.text(
        20,
        bottom + 14,
        f"At the equator the ground moves east at about {equator} km/h.",
        12,
        "muted",
    )
    fig.text(20, bottom + 32, "Elsewhere: that speed × the cosine of the latitude.", 12, "muted")
    return fig


# -- sharing-the-cost: Webb's partners give hardware and get observing time ---------------
def webb_give_get(_catalog: Catalog) -> Figure:
    fig = Figure(350, "Webb: what ESA and Canada gave and got")
    fig.text(20, 28, "Webb: each partner pays for its own piece", 15, bold=True)
    fig.box(240, 118, 160, 66, "nasa", "James Webb", ["led by NASA"])
    esa = [
        "NIRSpec instrument",
        "half of the MIRI instrument",
        "the Ariane 5 launch",
        "15 scientists for operations",
    ]
    fig.box(20, 48, 196, 186, "esa", "ESA gives", bullets=esa)
    csa = ["Fine Guidance Sensor, which keeps Webb pointed", "NIRISS instrument"]
    fig.box(424, 48, 196, 186, "csa", "Canada (CSA) gives", bullets=csa)
    fig.arrow(218, 140, 238, 148, "line")
    fig.arrow(422, 140, 402, 148, "line")
    fig.arrow(290, 186, 150, 256, "line")
    fig.arrow(350, 186, 490, 256, "line")
    fig.box(20, 258, 280, 76, "esa", "ESA gets", ["at least 15% of observing time"])
    fig.box(340, 258, 280, 76, "csa", "Canada gets", ["a guaranteed share of", "observing time"])
    return fig


# -- sharing-the-risk: more than one way to fly people to the ISS -------------------------
#: (vehicle, colour, [(from, to)] in fractional years, note)
CREW_RIDES = (
    (
        "Space Shuttle (USA)",
        "nasa",
        ((2000.0, 2003.1), (2005.55, 2011.55)),
        "grounded 2003-2005 after Columbia; retired 2011",
    ),
    (
        "Soyuz (Russia)",
        "roscosmos",
        ((2000.83, 2025.25),),
        "first ISS crew launched on 31 October 2000",
    ),
    (
        "Crew Dragon (SpaceX)",
        "company",
        ((2020.41, 2025.25),),
        "Demo-2 carried NASA astronauts on 30 May 2020",
    ),
    ("Starliner (Boeing)", "company", ((2024.43, 2024.7),), "crewed test in 2024; came home empty"),
)


#: the rides still flying at the last event shown (Crew-9's return, March 2025) get an arrow
CREW_RIDES_TO = 2025.25


def crew_rides(catalog: Catalog) -> Figure:
    catalog.milestone("crew-dragon-demo-2", 2020, "30 May")
    catalog.milestone("boeing-starliner-crew-flight-test", 2024, "uncrewed")
    catalog.milestone("boeing-starliner-crew-flight-test", 2025, "Crew-9")
    top, lane_h, left, first, last = 70, 62, 190, 2000, 2026
    fig = Figure(top + lane_h * len(CREW_RIDES) + 34, "Ways to fly people to the ISS")
    fig.text(20, 28, "Ways to fly people to the International Space Station", 15, bold=True)
    scale = (WIDTH - 30 - left) / (last - first)

    def x_of(year: float) -> float:
        return left + (year - first) * scale

    bottom = top + lane_h * len(CREW_RIDES)
    fig.rect(
        x_of(2011.55), top - 12, x_of(2020.41) - x_of(2011.55), bottom - top + 12, fill="red_tint"
    )
    fig.text(x_of(2015.9), top - 1, "only Soyuz", 12, anchor="middle")
    for year in range(first, last, 5):
        fig.line(x_of(year), top + 4, x_of(year), bottom, "grid", 1)
        fig.text(x_of(year), bottom + 18, str(year), 12, "muted", anchor="middle")
    for index, (vehicle, colour, spans, note) in enumerate(CREW_RIDES):
        y = top + index * lane_h + 12
        fig.text(20, y + 18, vehicle, 13, bold=True)
        for start, end in spans:
            fig.rect(x_of(start), y + 8, max(x_of(end) - x_of(start), 6), 14, fill=colour, rx=3)
        if spans[-1][1] >= CREW_RIDES_TO:
            end = x_of(spans[-1][1])
            fig.polygon([(end, y + 5), (end + 9, y + 15), (end, y + 25)], colour)
        x = x_of(spans[0][0])
        anchor = "end" if x > WIDTH - 240 else "start"
        fig.text(
            x if anchor == "start" else x_of(spans[-1][1]), y + 40, note, 12, "muted", anchor=anchor
        )
    return fig


# -- bilateral-agreements: three deal shapes -----------------------------------------------
DEALS = (
    (
        "You build, we launch",
        "alouette-1",
        ("csa", "Canada", "designed and built the satellite"),
        ("nasa", "NASA", "launched it in 1962"),
        "Alouette 1",
    ),
    (
        "Split the spacecraft",
        "nisar",
        ("nasa", "NASA", "L-band radar and the big mesh antenna"),
        ("isro", "ISRO", "S-band radar, spacecraft body, rocket"),
        "NISAR",
    ),
    (
        "Barter",
        "orion-european-service-module",
        ("esa", "ESA", "builds Orion's service module"),
        ("nasa", "NASA", "counts it instead of part of ESA's ISS costs"),
        "Orion module",
    ),
)


def deal_shapes(catalog: Catalog) -> Figure:
    panel_h = 104
    fig = Figure(44 + panel_h * len(DEALS), "Three shapes of a bilateral deal")
    fig.text(20, 28, "Three shapes of a two-partner deal", 15, bold=True)
    for index, (shape, slug, first, second, example) in enumerate(DEALS):
        y = 44 + index * panel_h
        p = catalog[slug]
        fig.text(20, y + 30, shape, 14, bold=True)
        fig.text(20, y + 48, f"{example} ({p.years_label()})", 12, "muted")
        for column, (colour, who, what) in enumerate((first, second)):
            x = 200 + column * 220
            body = wrap(what, 180, 13)
            fig.box(x, y + 8, 200, 80, colour, who, body)
        if shape == "Barter":
            fig.arrow(402, y + 38, 418, y + 38, "line", head=8)
            fig.arrow(418, y + 58, 402, y + 58, "line", head=8)
        else:
            fig.arrow(400, y + 48, 420, y + 48, "line", head=8)
    return fig


# -- multilateral-initiatives: 15 nations acting as 5 partners -----------------------------
ESA_STATES = (
    "Belgium",
    "Denmark",
    "France",
    "Germany",
    "Italy",
    "Netherlands",
    "Norway",
    "Spain",
    "Sweden",
    "Switzerland",
    "United Kingdom",
)
OTHER_PARTNERS = (
    ("nasa", "NASA", "United States"),
    ("roscosmos", "Roscosmos", "Russia"),
    ("jaxa", "JAXA", "Japan"),
    ("csa", "CSA", "Canada"),
)


def iss_nations(catalog: Catalog) -> Figure:
    catalog.milestone("international-space-station", 1998, "15 countries")
    fig = Figure(318, "The ISS agreement: 15 nations, 5 partners")
    fig.text(20, 28, "The 1998 station agreement: 15 nations acting as 5 partners", 15, bold=True)
    fig.box(20, 48, 300, 236, "esa", "ESA: 11 European nations", [])
    for index, state in enumerate(ESA_STATES):
        column, row = divmod(index, 6)
        fig.text(34 + column * 140, 100 + row * 29, state, 13)
    for index, (colour, agency, nation) in enumerate(OTHER_PARTNERS):
        y = 48 + index * 62
        fig.rect(340, y, 280, 50, fill=f"{colour}_tint", stroke=colour, rx=6, width=1.5)
        fig.text(352, y + 30, agency, 14, bold=True)
        fig.text(606, y + 30, f"{nation}: 1 nation", 13, anchor="end")
    fig.text(
        20,
        304,
        "11 + 1 + 1 + 1 + 1 = 15 nations, signed in Washington on 29 January 1998",
        12,
        "muted",
    )
    return fig


FIGURES = {
    "launch-site-latitudes": launch_latitudes,
    "webb-give-and-get": webb_give_get,
    "crew-rides-to-the-iss": crew_rides,
    "bilateral-deal-shapes": deal_shapes,
    "iss-nations-and-partners": iss_nations,
}
