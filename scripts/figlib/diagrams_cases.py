"""Diagrams for the case studies: who built what, and how partners changed.

Sources (also listed in each lesson's front matter):
- ISS: JAXA, "ISS partners" (what each partner provides); ESA, "International Space
  Station" (Columbus); ESA, "The Node-2 connecting module" (built for NASA under an ESA
  contract); NASA, "Zarya module launch" (US-funded, Russian-built, a US component);
  NASA, "Zvezda Service Module" (the first fully Russian contribution).
- Apollo-Soyuz: Smithsonian National Air and Space Museum, "Docking Module, ASTP Backup"
  (5 psi pure oxygen against about 14.7 psi oxygen-nitrogen); California Science Center,
  "Apollo-Soyuz Command Module" (one-third atmosphere; Soyuz lowered to two-thirds); the
  catalog record apollo-soyuz-test-project (shared docking system, dates).
- Cassini-Huygens: NASA JPL, "Cassini" mission page (masses, Titan IV launch); the catalog
  record cassini-huygens (who built which part, dates).
- ExoMars: the catalog records exomars-esa-roscosmos and
  exomars-rosalind-franklin-esa-nasa; The Jerusalem Post (Reuters), "US tells Europe to go
  solo on Martian mission" (2012: NASA out, launches then planned for 2016 and 2018);
  WFDD (NPR), "Mars rover launch delayed until 2022" (the July 2020 launch postponed).
"""

from __future__ import annotations

from .charts import legend
from .data import Catalog
from .svg import WIDTH, Figure

PARTNER_KEY = (
    ("nasa", "NASA"),
    ("roscosmos", "Roscosmos"),
    ("esa", "ESA"),
    ("jaxa", "JAXA"),
    ("csa", "CSA"),
)


# -- case-iss: who built which part --------------------------------------------------------
#: (name, owner colour, x, y, width, height)
ISS_MODULES = (
    ("Zvezda", "roscosmos", 30, 214, 92, 40),
    ("Zarya*", "nasa", 126, 214, 84, 40),
    ("Unity", "nasa", 214, 214, 64, 40),
    ("Destiny", "nasa", 282, 214, 92, 40),
    ("Harmony†", "nasa", 378, 214, 96, 40),
    ("Kibo", "jaxa", 386, 152, 80, 56),
    ("Columbus", "esa", 386, 260, 80, 56),
)


def iss_parts(_catalog: Catalog) -> Figure:
    fig = Figure(420, "Who built which part of the ISS")
    fig.text(20, 28, "Who provides which part of the International Space Station", 15, bold=True)
    fig.text(
        20,
        46,
        "A simplified plan, not to scale; colours show the partner each part belongs to.",
        12,
        "muted",
    )
    for x in (40, 530):
        for y in (66, 140):
            fig.rect(x, y, 70, 44, fill="nasa_tint", stroke="nasa", width=1.5)
    fig.rect(40, 114, 560, 22, fill="nasa_tint", stroke="nasa", rx=3, width=1.5)
    fig.text(320, 130, "Truss with solar arrays (NASA)", 13, bold=True, anchor="middle")
    fig.line(246, 136, 246, 214, "nasa", 3)
    fig.polyline([(170, 114), (150, 86), (205, 70)], "csa", 6)
    fig.text(214, 76, "Canadarm2 robotic arm (CSA)", 13, bold=True)
    for name, colour, x, y, w, h in ISS_MODULES:
        fig.rect(x, y, w, h, fill=f"{colour}_tint", stroke=colour, rx=5, width=2)
        fig.text(x + w / 2, y + h / 2 + 5, name, 13, bold=True, anchor="middle")
    fig.text(378, 184, "Japan's laboratory", 12, anchor="end")
    fig.text(484, 292, "Europe's laboratory", 12)
    fig.text(30, 280, "Russia's service module:", 12)
    fig.text(30, 296, "living quarters", 12)
    fig.text(290, 280, "US laboratory", 12)
    legend(fig, 20, 346, PARTNER_KEY)
    fig.text(
        20,
        376,
        "* Zarya was built in Russia but paid for by the USA, so it is a US module.",
        12,
        "muted",
    )
    fig.text(
        20,
        394,
        "† Harmony was built in Italy for NASA, under a contract placed by ESA.",
        12,
        "muted",
    )
    return fig


# -- case-apollo-soyuz: two ships, two atmospheres, one docking module ----------------------
def astp_docking(catalog: Catalog) -> Figure:
    catalog.milestone("apollo-soyuz-test-project", 1975, "docked")
    fig = Figure(372, "Apollo, the docking module and Soyuz")
    fig.text(20, 28, "Apollo-Soyuz, 1975: two ships, two kinds of air, one airlock", 15, bold=True)
    fig.box(
        20,
        46,
        220,
        96,
        "nasa",
        "Apollo (USA)",
        ["pure oxygen at about", "one third of sea-level", "pressure (5 psi)"],
    )
    fig.box(
        250,
        46,
        150,
        96,
        "grey",
        "Docking module",
        ["built by the USA;", "an airlock between", "the two cabins"],
    )
    fig.box(
        420,
        46,
        200,
        96,
        "ussr",
        "Soyuz 19 (USSR)",
        ["nitrogen and oxygen", "at sea-level pressure", "(about 14.7 psi)"],
    )
    fig.rect(402, 74, 16, 40, fill="text", rx=2)
    fig.text(410, 162, "a docking system the two sides designed together", 12, anchor="middle")
    fig.line(410, 116, 410, 150, "line", 1.5)
    fig.text(20, 198, "Cabin pressure, as a share of sea-level air pressure", 14, bold=True)
    rows = (
        ("Apollo", "nasa", 1 / 3, "about 1/3"),
        ("Soyuz, usually", "ussr", 1.0, "1 (sea level)"),
        ("Soyuz, for the visit", "ussr", 2 / 3, "lowered to about 2/3"),
    )
    for index, (name, colour, share, label) in enumerate(rows):
        y = 214 + index * 40
        fig.text(20, y + 19, name, 13)
        fig.rect(180, y + 4, share * 300, 22, fill=colour, rx=3)
        fig.text(190 + share * 300, y + 20, label, 13, bold=True)
    fig.text(
        20,
        354,
        "With Soyuz's pressure lowered, crews could cross without first breathing pure oxygen.",
        12,
        "muted",
    )
    return fig


# -- case-cassini-huygens: the parts by partner ----------------------------------------------
MASSES = (("Cassini orbiter", "nasa", 2125), ("Huygens probe", "esa", 320), ("fuel", "grey", 3132))
LAUNCH_MASS = 5712


def cassini_parts(catalog: Catalog) -> Figure:
    catalog.milestone("cassini-huygens", 1997, "15 October")
    fig = Figure(400, "Cassini-Huygens: the parts by partner")
    fig.text(20, 28, "Cassini-Huygens: three agencies, one spacecraft", 15, bold=True)
    fig.ellipse(130, 78, 70, 16, "asi_tint", "asi")
    fig.line(130, 94, 130, 104, "line", 2)
    fig.rect(95, 104, 70, 150, fill="nasa_tint", stroke="nasa", rx=4, width=2)
    fig.ellipse(190, 180, 22, 30, "esa_tint", "esa")
    fig.rect(72, 236, 14, 40, fill="grey_tint", stroke="line", rx=2, width=1.5)
    fig.rect(174, 236, 14, 40, fill="grey_tint", stroke="line", rx=2, width=1.5)
    labels = (
        (200, 78, 300, 70, "High-gain antenna", "supplied by Italy's space agency (ASI)"),
        (165, 130, 300, 128, "Cassini orbiter", "built and run by NASA"),
        (212, 180, 300, 186, "Huygens probe, for Titan", "built and run by ESA"),
        (188, 256, 300, 244, "Power units", "warmed by decaying plutonium"),
    )
    for x1, y1, x2, y2, name, what in labels:
        fig.line(x1, y1, x2 - 6, y2 - 4, "line", 1.2)
        fig.text(x2, y2, name, 14, bold=True)
        fig.text(x2, y2 + 17, what, 13)
    fig.text(20, 312, f"Mass at launch: {LAUNCH_MASS:,} kg", 14, bold=True)
    x, unit = 20, 600 / LAUNCH_MASS
    for _name, colour, kg in MASSES:
        fig.rect(x, 322, kg * unit - 2, 22, fill=colour)
        x += kg * unit
    legend(fig, 20, 366, [(colour, f"{name} {kg:,} kg") for name, colour, kg in MASSES])
    fig.text(
        20, 388, "The rest (135 kg) was the adapter joining it to its Titan IV rocket.", 12, "muted"
    )
    return fig


# -- case-exomars: partners over time ---------------------------------------------------------
#: (partner, colour, from, to, what it brought)
EXOMARS_PARTNERS = (
    ("NASA", "nasa", 2009, 2012, "planned partner; withdrew in 2012 over its budget"),
    ("Roscosmos", "roscosmos", 2013, 2022.5, "rocket, landing platform; ended in 2022"),
    ("NASA again", "nasa", 2024.4, 2028.5, "launch, braking engines, heaters"),
)
#: planned launch years of the rover, as the plan stood in turn
LAUNCH_PLANS = (2018, 2020, 2022, 2028)


def exomars_partners(catalog: Catalog) -> Figure:
    catalog.milestone("exomars-esa-roscosmos", 2013, "14 March")
    catalog.milestone("exomars-esa-roscosmos", 2022, "termination")
    catalog.milestone("exomars-rosalind-franklin-esa-nasa", 2024, "memorandum")
    catalog.milestone("exomars-rosalind-franklin-esa-nasa", 2028, "Launch planned")
    top, lane_h, left, first, last = 56, 50, 130, 2008, 2030
    fig = Figure(top + lane_h * (len(EXOMARS_PARTNERS) + 1) + 44, "ExoMars: partners over time")
    fig.text(20, 28, "ExoMars: ESA builds the rover; who was its partner, and when?", 15, bold=True)
    scale = (WIDTH - 24 - left) / (last - first)

    def x_of(year: float) -> float:
        return left + (year - first) * scale

    bottom = top + lane_h * (len(EXOMARS_PARTNERS) + 1)
    for year in range(2010, last + 1, 5):
        fig.line(x_of(year), top, x_of(year), bottom, "grid", 1)
        fig.text(x_of(year), bottom + 18, str(year), 12, "muted", anchor="middle")
    for index, (partner, colour, start, end, what) in enumerate(EXOMARS_PARTNERS):
        y = top + index * lane_h
        fig.text(20, y + 24, partner, 13, bold=True)
        fig.rect(x_of(start), y + 10, x_of(end) - x_of(start), 12, fill=colour, rx=3)
        anchor = "end" if x_of(start) > 400 else "start"
        fig.text(x_of(end) if anchor == "end" else x_of(start), y + 40, what, 12, anchor=anchor)
    y = top + len(EXOMARS_PARTNERS) * lane_h
    fig.text(20, y + 20, "Rover launch", 13, bold=True)
    fig.text(20, y + 36, "each plan in turn", 12, "muted")
    points = [(x_of(year + 0.5), y + 16) for year in LAUNCH_PLANS]
    fig.polyline(points, "muted", 1.5)
    for (x, cy), year in zip(points, LAUNCH_PLANS, strict=True):
        fig.circle(x, cy, 6, "bg", stroke="text")
        fig.text(x, cy + 24, str(year), 12, bold=True, anchor="middle")
    return fig


FIGURES = {
    "iss-who-built-what": iss_parts,
    "apollo-soyuz-docking": astp_docking,
    "cassini-huygens-parts": cassini_parts,
    "exomars-partners": exomars_partners,
}
