"""The partner network: agencies, companies and governments as nodes, the partnerships
they share as links weighted by how many, filtered by decade and type of partnership.

Pure Python; the layout is in explorer.core.network_layout and the drawing in
explorer.ui.network.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations

from explorer.core.models import Partner, Partnership

#: the decades the filter offers
FIRST_DECADE = 1950


@dataclass(frozen=True, slots=True)
class NetworkFilter:
    """Which partnerships count, and which partners are worth a node."""

    decade: int | None = None  # 1990: partnerships under way at some time in 1990-1999
    type: str = ""  # a partnership type; '' for all
    #: partners in fewer of the counted partnerships are left out
    min_partnerships: int = 2
    #: leave out partners that share no counted partnership with a shown partner
    hide_isolated: bool = True


@dataclass(frozen=True, slots=True)
class Node:
    slug: str
    name: str
    kind: str
    country: str
    partnerships: int  # how many of the counted partnerships it takes part in


@dataclass(frozen=True, slots=True)
class Link:
    """Two partners (slugs in alphabetical order) and the partnerships they share."""

    a: str
    b: str
    partnerships: tuple[str, ...]

    @property
    def weight(self) -> int:
        return len(self.partnerships)


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]  # biggest first, then by name
    links: tuple[Link, ...]  # heaviest first
    counted: int  # partnerships that passed the filter
    partners_total: int  # partners in those partnerships, shown or not

    def node(self, slug: str) -> Node | None:
        return next((n for n in self.nodes if n.slug == slug), None)

    def neighbours(self, slug: str) -> dict[str, int]:
        """The partners linked to `slug`, with the weight of each link."""
        found: dict[str, int] = {}
        for link in self.links:
            if slug in (link.a, link.b):
                found[link.b if link.a == slug else link.a] = link.weight
        return found


def under_way_in(p: Partnership, decade: int, this_year: int) -> bool:
    """True when the partnership ran at some time in the ten years from `decade`."""
    if p.status == "planned":
        last = p.start_year
    else:
        last = p.end_year if p.end_year is not None else max(this_year, p.start_year)
    return p.start_year <= decade + 9 and last >= decade


def counted(
    partnerships: Iterable[Partnership], filters: NetworkFilter, this_year: int
) -> list[Partnership]:
    return [
        p
        for p in partnerships
        if (not filters.type or p.type == filters.type)
        and (filters.decade is None or under_way_in(p, filters.decade, this_year))
    ]


def build_network(
    partnerships: Iterable[Partnership], filters: NetworkFilter, this_year: int
) -> Network:
    """The nodes and weighted links of the partnerships that pass `filters`."""
    chosen = counted(partnerships, filters, this_year)
    members = {p.slug: _members(p) for p in chosen}
    partners: dict[str, Partner] = {x.partner.slug: x.partner for p in chosen for x in p.partners}
    count = Counter(slug for slugs in members.values() for slug in slugs)
    big = {slug for slug, n in count.items() if n >= filters.min_partnerships}
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for p in chosen:
        for a, b in combinations(sorted(s for s in members[p.slug] if s in big), 2):
            shared[(a, b)].append(p.slug)
    links = [Link(a, b, tuple(slugs)) for (a, b), slugs in shared.items()]
    linked = {s for link in links for s in (link.a, link.b)}
    shown = [s for s in big if s in linked or not filters.hide_isolated]
    nodes = [
        Node(s, partners[s].name, partners[s].kind, partners[s].country, count[s]) for s in shown
    ]
    nodes.sort(key=lambda n: (-n.partnerships, n.name.casefold(), n.slug))
    links.sort(key=lambda x: (-x.weight, x.a, x.b))
    return Network(tuple(nodes), tuple(links), len(chosen), len(partners))


def _members(p: Partnership) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x.partner.slug for x in p.partners))


def decades(partnerships: Iterable[Partnership], this_year: int) -> list[int]:
    """The decades from the first partnership's to this one, for the filter."""
    starts = [p.start_year for p in partnerships]
    first = max(FIRST_DECADE, min(starts, default=this_year) // 10 * 10)
    return list(range(first, this_year // 10 * 10 + 1, 10))


# -- one partner --------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PartnerSummary:
    """What the partner page shows: its partnerships (in time order), the partners it
    shares most with, and the countries of its partnerships with how many each."""

    partner: Partner
    partnerships: tuple[Partnership, ...]
    co_partners: tuple[tuple[Partner, int], ...]
    countries: tuple[tuple[str, int], ...]


def partner_summary(partner: Partner, partnerships: Sequence[Partnership]) -> PartnerSummary:
    own = sorted(
        (p for p in partnerships if partner.slug in _members(p)),
        key=lambda p: (p.start_year, p.name.casefold()),
    )
    others: Counter[str] = Counter()
    by_slug: dict[str, Partner] = {}
    places: Counter[str] = Counter()
    for p in own:
        for x in p.partners:
            if x.partner.slug != partner.slug:
                by_slug.setdefault(x.partner.slug, x.partner)
        others.update(s for s in _members(p) if s != partner.slug)
        places.update(c for c in dict.fromkeys(p.countries) if c not in ("", "intl"))
    co = sorted(others.items(), key=lambda kv: (-kv[1], by_slug[kv[0]].name.casefold()))
    where = sorted(places.items(), key=lambda kv: (-kv[1], kv[0]))
    return PartnerSummary(partner, tuple(own), tuple((by_slug[s], n) for s, n in co), tuple(where))
