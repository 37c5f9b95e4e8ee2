"""Diagrams of ideas: contracts, layers of law, interfaces, units and lunar coalitions.

Sources (also listed in each lesson's front matter):
- contracts: the definitions in content/glossary.yaml (cost-plus, fixed-price, anchor
  customer) and the catalog record nasa-cots (milestone payments, companies own their
  vehicles); the numbers in the overrun chart are an example, and say so.
- layers of space law: the catalog records outer-space-treaty, un-copuos,
  international-space-station, saral-altika and skyroot-vikram-s-prarambh.
- interfaces: the catalog record double-star (eight European instruments on two
  Chinese satellites).
- units: NASA, Mars Climate Orbiter Mishap Investigation Board Phase I Report
  (10 November 1999): Small Forces output in pound-force seconds where the interface
  specification asked for newton-seconds, a factor of 4.45.
- lunar coalitions: the catalog records artemis-accords and
  international-lunar-research-station.
"""

from __future__ import annotations

from .data import Catalog
from .svg import Figure, text_width, wrap


# -- public-private-partnerships: the old way and the new way ------------------------------
def anchor_customer(_catalog: Catalog) -> Figure:
    fig = Figure(330, "The old way and the new way")
    fig.text(20, 28, "Who designs, who pays, who owns", 15, bold=True)
    for column, (heading, steps) in enumerate(
        (
            (
                "Traditional contract",
                (
                    ("nasa", "Agency", "sets a detailed design and pays the costs plus a fee"),
                    ("grey", "Contractor", "builds to order"),
                    ("nasa", "Agency owns the vehicle", "if costs rise, mostly the agency pays"),
                ),
            ),
            (
                "Commercial partnership",
                (
                    ("nasa", "Agency", "sets goals; pays per milestone or buys a service"),
                    ("company", "Company", "designs, and puts in its own money"),
                    (
                        "company",
                        "Company owns the vehicle",
                        "sells rides to the agency and to other customers",
                    ),
                ),
            ),
        )
    ):
        x = 20 + column * 310
        fig.text(x, 60, heading, 14, bold=True)
        for row, (colour, who, what) in enumerate(steps):
            y = 74 + row * 86
            fig.box(x, y, 290, 66, colour, who, wrap(what, 266, 13))
            if row < len(steps) - 1:
                fig.arrow(x + 145, y + 66, x + 145, y + 84, "line", head=8)
    return fig


# -- funding-and-resources: who pays for an overrun ----------------------------------------
def overrun(_catalog: Catalog) -> Figure:
    fig = Figure(330, "Who pays when a project costs more than planned")
    fig.text(20, 28, "A project planned at 100 costs 130: who pays the extra 30?", 15, bold=True)
    fig.text(20, 48, "An example with round numbers, not a real project.", 13, "muted")
    for colour, label, x in (
        ("nasa", "paid by the agency", 20),
        ("company", "paid by the company", 200),
    ):
        fig.rect(x, 64, 14, 14, fill=colour, rx=2)
        fig.text(x + 20, 76, label, 13)
    unit = 3.5
    for row, (heading, note, extra_payer, totals) in enumerate(
        (
            (
                "Cost-plus contract",
                "the agency pays every cost, plus a fee",
                "nasa",
                ("agency: 130", "plus the fee"),
            ),
            (
                "Fixed-price contract",
                "the agency pays the agreed price",
                "company",
                ("agency: 100", "company: 30"),
            ),
        )
    ):
        y = 112 + row * 106
        fig.text(20, y, heading, 14, bold=True)
        fig.text(20 + text_width(heading, 14, True) + 10, y, note, 13, "muted")
        fig.rect(20, y + 12, 100 * unit, 28, fill="nasa")
        fig.rect(20 + 100 * unit + 2, y + 12, 30 * unit, 28, fill=extra_payer)
        fig.text(20 + 50 * unit, y + 58, "planned: 100", 12, anchor="middle")
        fig.text(22 + 115 * unit, y + 58, "extra: 30", 12, anchor="middle")
        fig.lines(40 + 130 * unit, y + 24, list(totals), 13, bold=True)
    return fig


# -- policy-and-regulation: the layers of space law ----------------------------------------
LAW_LAYERS = (
    ("Global treaty", "outer-space-treaty", "Outer Space Treaty, 1967"),
    ("UN forum", "un-copuos", "COPUOS, since 1959: drafted the UN space treaties"),
    (
        "Intergovernmental agreement",
        "international-space-station",
        "ISS agreement, 1998: 15 countries",
    ),
    ("Agency agreement", "saral-altika", "CNES-ISRO memorandum for SARAL, 2007"),
    ("National licence", "skyroot-vikram-s-prarambh", "IN-SPACe authorised Vikram-S, 2022"),
)


def law_layers(catalog: Catalog) -> Figure:
    catalog.milestone("saral-altika", 2007, "memorandum")
    catalog.milestone("skyroot-vikram-s-prarambh", 2022, "authorised")
    catalog.milestone("international-space-station", 1998, "15 countries")
    row_h = 58
    fig = Figure(56 + row_h * len(LAW_LAYERS) + 12, "The layers of space law")
    fig.text(20, 28, "The layers of space law, from the whole world to one launch", 15, bold=True)
    for index, (layer, slug, example) in enumerate(LAW_LAYERS):
        inset = index * 22
        y = 44 + index * row_h
        colour = ("purple", "blue", "teal", "green", "gold")[index]
        fig.rect(
            20 + inset,
            y,
            600 - 2 * inset,
            row_h - 8,
            fill=f"{colour}_tint",
            stroke=colour,
            rx=6,
            width=1.5,
        )
        fig.text(34 + inset, y + 21, layer, 14, bold=True)
        fig.text(34 + inset, y + 40, example, 13)
        if slug not in catalog.partnerships:
            raise LookupError(slug)
    return fig


# -- technology-transfer-and-ip: share the interface, keep the design ----------------------
def interface(catalog: Catalog) -> Figure:
    catalog.milestone("double-star", 2004, "TC-2")
    fig = Figure(270, "Share the interface, keep the design")
    fig.text(20, 28, "Share the interface, keep the design", 15, bold=True)
    fig.box(
        20,
        50,
        220,
        150,
        "nasa",
        "Partner A's spacecraft",
        ["design and know-how", "stay with partner A"],
    )
    fig.box(
        400,
        50,
        220,
        150,
        "esa",
        "Partner B's instrument",
        ["design and know-how", "stay with partner B"],
    )
    fig.rect(256, 50, 128, 150, fill="grey_tint", stroke="line", rx=6, width=1.5)
    fig.text(320, 72, "The interface", 13, bold=True, anchor="middle")
    fig.text(320, 88, "is shared:", 13, bold=True, anchor="middle")
    for index, item in enumerate(("size and mass", "fixing points", "power", "data link", "heat")):
        fig.text(320, 110 + index * 19, item, 13, anchor="middle")
    fig.arrow(240, 125, 254, 125, "line", head=7)
    fig.arrow(400, 125, 386, 125, "line", head=7)
    fig.paragraph(
        20,
        226,
        "Example: in Double Star, two Chinese satellites carried eight European instruments. "
        "The partners agreed how each instrument connects, not how it is built.",
        600,
        13,
    )
    return fig


# -- working-across-cultures: one number, two units ----------------------------------------
def units(_catalog: Catalog) -> Figure:
    fig = Figure(330, "One number, two units: the lost Mars orbiter")
    fig.text(
        20, 28, "One number, two units: how Mars Climate Orbiter was lost (1999)", 15, bold=True
    )
    fig.box(
        20,
        48,
        180,
        112,
        "company",
        "Builder's software",
        wrap("wrote thruster pushes in pound-force seconds", 160, 13),
    )
    fig.box(
        230,
        48,
        180,
        112,
        "grey",
        "A shared file",
        wrap("the agreed format asked for newton-seconds", 160, 13),
    )
    fig.box(
        440,
        48,
        180,
        112,
        "nasa",
        "Navigation team",
        wrap("read the numbers as newton-seconds", 160, 13),
    )
    fig.arrow(200, 104, 228, 104, "line", head=8)
    fig.arrow(410, 104, 438, 104, "line", head=8)
    fig.text(20, 196, "The same push, in the two units:", 14, bold=True)
    fig.rect(20, 210, 60, 22, fill="company", rx=3)
    fig.text(90, 226, "1 pound-force second", 13)
    fig.rect(20, 244, 60 * 4.45, 22, fill="nasa", rx=3)
    fig.text(20 + 60 * 4.45 + 10, 260, "= 4.45 newton-seconds", 13)
    fig.paragraph(
        20,
        292,
        "Every small push was counted 4.45 times too weak, the path drifted, and the orbiter "
        "flew far too low at Mars.",
        600,
        13,
    )
    return fig


# -- the-next-chapter: two lunar coalitions ------------------------------------------------
def coalitions(catalog: Catalog) -> Figure:
    accords = catalog.milestone("artemis-accords", 2020, "founding")
    ilrs = catalog.milestone("international-lunar-research-station", 2021, "memorandum")
    founders = accords.event.split("(")[1].rstrip(")")
    joined = [
        x.partner.name
        for x in catalog["international-lunar-research-station"].partners
        if x.partner.kind == "government"
    ]
    columns = (
        (
            "nasa",
            "Artemis Accords",
            [
                "Began: 13 October 2020",
                f"Founders: {founders}",
                "What: shared principles, not a treaty, built on the Outer Space Treaty",
                "Joined by: many more nations since",
            ],
        ),
        (
            "china",
            "Lunar Research Station (ILRS)",
            [
                "Began: 9 March 2021",
                "Founders: China and Russia",
                "What: a planned research station on or around the Moon",
                "Joined by: other nations, such as " + ", ".join(joined),
            ],
        ),
    )
    if "13 October" not in accords.event or "9 March" not in ilrs.event:
        raise LookupError("the coalition dates no longer match the catalog")
    fig = Figure(236, "Two lunar coalitions")
    fig.text(20, 28, "Two plans for working together on the Moon", 15, bold=True)
    for index, (colour, name, items) in enumerate(columns):
        fig.box(20 + index * 310, 46, 290, 172, colour, name, bullets=items)
    return fig


FIGURES = {
    "old-way-new-way": anchor_customer,
    "who-pays-an-overrun": overrun,
    "layers-of-space-law": law_layers,
    "share-the-interface": interface,
    "one-number-two-units": units,
    "two-lunar-coalitions": coalitions,
}
