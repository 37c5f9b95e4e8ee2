"""Timelines drawn from the catalog: which partnerships, when, and what kind."""

from __future__ import annotations

from .charts import Lane, Timeline, timeline, type_legend
from .data import Catalog, short_name
from .svg import WIDTH, Figure


def us_soviet(catalog: Catalog) -> Figure:
    """Every catalog partnership led from one side with partners from the other (not, say,
    a Bangladeshi satellite that merely used an American launch and a Russian slot)."""
    sides = {"US", "SU", "RU"}
    slugs = sorted(
        (
            p
            for p in catalog.partnerships.values()
            if "US" in p.countries
            and {"SU", "RU"} & set(p.countries)
            and p.partners
            and p.partners[0].partner.country in sides
        ),
        key=lambda p: (p.start_year, p.slug),
    )
    spec = Timeline(
        title="Partnerships between the USA and the Soviet Union or Russia",
        heading="American and Soviet or Russian partners in the catalog",
        first=1960,
        last=2026,
        lanes=tuple(Lane(p.slug, _short(short_name(p))) for p in slugs),
        left=262,
    )
    return timeline(catalog, spec)


def _short(name: str) -> str:
    return {
        "Inter-Agency Consultative Group Halley's Comet campaign": "Halley's Comet group",
        "International Cospas-Sarsat Programme": "Cospas-Sarsat",
        "International Space Station partnership": "Space Station (ISS)",
        "NASA-Roscosmos integrated crew agreement": "NASA-Roscosmos seat swap",
        "First paying orbital tourist flight": "First space tourist (Soyuz)",
        "Dryden-Blagonravov agreement": "Dryden-Blagonravov deal",
        "Inter-Agency Space Debris Coordination Committee": "Space debris committee",
    }.get(name, name)


def commercial_crew(catalog: Catalog) -> Figure:
    spec = Timeline(
        title="From COTS to Commercial Crew",
        heading="NASA's commercial cargo and crew partnerships",
        first=2005,
        last=2026,
        tick=5,
        left=250,
        lanes=(
            Lane(
                "nasa-cots",
                "COTS: cargo development",
                ((2012, "first commercial", "Dragon berths"),),
            ),
            Lane(
                "commercial-resupply-services-1",
                "Cargo contracts, round 1",
                (
                    (2008, "contracts awarded", "fixed-price deals"),
                    (2014, "Antares", "Antares fails"),
                ),
            ),
            Lane("commercial-resupply-services-2", "Cargo contracts, round 2"),
            Lane(
                "nasa-commercial-crew-program",
                "Commercial Crew Program",
                ((2014, "fixed-price", "two crew contracts"),),
            ),
            Lane("crew-dragon-demo-2", "Crew Dragon Demo-2", ((2020, "Launched", "first crew"),)),
            Lane(
                "boeing-starliner-crew-flight-test",
                "Starliner crew test",
                ((2024, "uncrewed", "returns empty"),),
            ),
        ),
    )
    return timeline(catalog, spec)


#: firsts taught in innovation-and-technology: (slug, year, what was first); each year must
#: be the year of a catalog milestone, and each claim is in that record's text
FIRSTS = (
    ("telstar-1", 1962, "Live TV across the Atlantic by satellite", "Telstar 1"),
    ("trmm", 1997, "Rain radar flown in space", "TRMM"),
    ("cassini-huygens", 2005, "Landing in the outer Solar System", "Cassini-Huygens"),
    ("nasa-cots", 2012, "Commercial spacecraft berths at the ISS", "COTS"),
    ("saral-altika", 2013, "Ocean altimeter in the Ka radio band", "SARAL/AltiKa"),
    ("rosetta", 2014, "Orbiting a comet, and landing on it", "Rosetta"),
    ("intuitive-machines-im-1", 2024, "Commercial soft landing on the Moon", "IM-1"),
)


def firsts(catalog: Catalog) -> Figure:
    top, row_h, left, first, last = 84, 40, 310, 1960, 2025
    fig = Figure(top + row_h * len(FIRSTS) + 36, "Firsts made possible by partnerships")
    fig.text(20, 28, "Firsts made possible by partnerships, by type of partnership", 15, bold=True)
    type_legend(fig, 20, 56)
    scale = (WIDTH - 30 - left) / (last - first)
    bottom = top + row_h * len(FIRSTS)
    for year in range(first, last, 10):
        x = left + (year - first) * scale
        fig.line(x, top - 4, x, bottom, "grid", 1)
        fig.text(x, bottom + 18, str(year), 12, "muted", anchor="middle")
    for index, (slug, year, what, name) in enumerate(FIRSTS):
        p = catalog[slug]
        if year not in {m.year for m in p.milestones}:
            raise LookupError(f"{slug} has no milestone in {year}")
        y = top + index * row_h
        fig.text(20, y + 17, what, 13, bold=True)
        fig.text(20, y + 33, f"{year} · {name} · {p.type.replace('-', ' ')}", 12, "muted")
        x = left + (year - first) * scale
        fig.line(left, y + 22, x, y + 22, "grid", 2)
        fig.circle(x, y + 22, 7, p.type)
    return fig


FIGURES = {
    "us-soviet-partnerships": us_soviet,
    "commercial-crew-timeline": commercial_crew,
    "partnership-firsts": firsts,
}
