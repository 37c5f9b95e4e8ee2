"""The partner network: nodes and weighted links from the partnerships, the filters, a
layout that is the same every time and has no overlapping nodes, and arrow-key moves."""

from __future__ import annotations

import math

import pytest

from explorer.core.models import Participant, Partner, Partnership
from explorer.core.network import (
    NetworkFilter,
    build_network,
    decades,
    partner_summary,
    under_way_in,
)
from explorer.core.network_layout import (
    Point,
    layout,
    nearest_in_direction,
    node_radius,
    overlaps,
    radii,
)
from explorer.core.partner_page import partner_page

P = {
    s: Partner(s, s.upper(), country=c, kind=k)
    for s, c, k in [
        ("nasa", "US", "space-agency"),
        ("esa", "intl", "space-agency"),
        ("jaxa", "JP", "space-agency"),
        ("spacex", "US", "company"),
        ("csa", "CA", "space-agency"),
    ]
}


def make(slug, kind, start, end, *partners, status="completed", countries=()):
    return Partnership(
        slug,
        slug.title(),
        kind,
        start,
        end,
        status,
        "astronomy",
        partners=tuple(Participant(P[x]) for x in partners),
        countries=countries,
    )


CATALOG = [
    make(
        "iss",
        "multilateral",
        1998,
        None,
        "nasa",
        "esa",
        "jaxa",
        "csa",
        status="active",
        countries=("US", "JP", "CA", "intl"),
    ),
    make("hubble", "bilateral", 1990, None, "nasa", "esa", status="active", countries=("US",)),
    make("webb", "multilateral", 2021, None, "nasa", "esa", "csa", status="active"),
    make("crew", "public-private", 2014, None, "nasa", "spacex", status="active"),
    make("cots", "public-private", 2006, 2013, "nasa", "spacex"),
    make("bepi", "bilateral", 2018, None, "esa", "jaxa", status="active"),
    make("plan", "bilateral", 2030, None, "jaxa", "csa", status="planned"),
]


def links_of(network):
    return {(x.a, x.b): x.weight for x in network.links}


def test_links_are_weighted_by_the_partnerships_two_partners_share():
    network = build_network(CATALOG, NetworkFilter(min_partnerships=1), 2026)
    assert links_of(network) == {
        ("esa", "nasa"): 3,
        ("esa", "jaxa"): 2,
        ("jaxa", "nasa"): 1,
        ("csa", "nasa"): 2,
        ("csa", "esa"): 2,
        ("csa", "jaxa"): 2,
        ("nasa", "spacex"): 2,
    }
    assert [(n.slug, n.partnerships) for n in network.nodes] == [
        ("nasa", 5),
        ("esa", 4),
        ("csa", 3),
        ("jaxa", 3),
        ("spacex", 2),
    ]
    assert network.neighbours("spacex") == {"nasa": 2}


@pytest.mark.parametrize(
    ("filters", "nodes", "counted"),
    [
        (NetworkFilter(min_partnerships=1, type="public-private"), ["nasa", "spacex"], 2),
        (NetworkFilter(min_partnerships=1, decade=1990), ["esa", "nasa", "csa", "jaxa"], 2),
        (NetworkFilter(min_partnerships=1, decade=2030), ["csa", "jaxa"], 1),
        (NetworkFilter(min_partnerships=4), ["nasa", "esa"], 7),
        (NetworkFilter(min_partnerships=5), [], 7),  # NASA alone: no link, left out
        (NetworkFilter(min_partnerships=5, hide_isolated=False), ["nasa"], 7),
    ],
)
def test_filters_choose_the_partnerships_and_the_threshold_the_partners(filters, nodes, counted):
    network = build_network(CATALOG, filters, 2026)
    assert [n.slug for n in network.nodes] == nodes
    assert network.counted == counted


@pytest.mark.parametrize(
    ("start", "end", "status", "decade", "expected"),
    [
        (1998, None, "active", 2020, True),
        (1990, 1999, "completed", 2000, False),
        (1995, 2001, "completed", 2000, True),
        (2030, None, "planned", 2020, False),
        (2026, None, "planned", 2020, True),
    ],
)
def test_a_partnership_counts_in_every_decade_it_was_under_way(
    start, end, status, decade, expected
):
    p = make("x", "bilateral", start, end, "nasa", "esa", status=status)
    assert under_way_in(p, decade, 2026) is expected


def test_decades_run_from_the_first_partnership_to_now():
    assert decades(CATALOG, 2026) == [1990, 2000, 2010, 2020]


def big_network(count=60):
    """A ring of partners with a few hubs: enough nodes for the layout to work at."""
    partners = {f"p{i:02d}": Partner(f"p{i:02d}", f"Partner {i}") for i in range(count)}

    def make(slug, kind, start, end, *members):
        return Partnership(
            slug,
            slug,
            kind,
            start,
            end,
            "completed",
            "astronomy",
            partners=tuple(Participant(partners[x]) for x in members),
        )

    records = [
        make(f"r{i}", "bilateral", 2000, 2001, f"p{i:02d}", f"p{(i + 1) % count:02d}")
        for i in range(count)
    ] + [
        make(f"h{i}", "multilateral", 2000, 2001, "p00", f"p{i:02d}", "p07")
        for i in range(1, count, 3)
    ]
    return build_network(records, NetworkFilter(min_partnerships=1), 2026)


@pytest.mark.parametrize("kind", ["force", "circle"])
def test_the_layout_is_the_same_for_the_same_network(kind):
    network = big_network()
    assert layout(network, kind) == layout(network, kind)


@pytest.mark.parametrize("kind", ["force", "circle"])
def test_no_two_nodes_overlap(kind):
    network = big_network()
    at = layout(network, kind)
    assert set(at) == {n.slug for n in network.nodes}
    assert overlaps(at, radii(network), tolerance=0.5) == []


def test_linked_partners_end_up_closer_than_unlinked_ones():
    network = big_network()
    at = layout(network, "force")
    linked = [math.dist((at[x.a].x, at[x.a].y), (at[x.b].x, at[x.b].y)) for x in network.links]
    slugs = sorted(at)
    every = [
        math.dist((at[a].x, at[a].y), (at[b].x, at[b].y))
        for i, a in enumerate(slugs)
        for b in slugs[i + 1 :]
    ]
    assert sum(linked) / len(linked) < 0.6 * sum(every) / len(every)


def test_a_node_grows_with_its_partnerships():
    assert node_radius(1) < node_radius(4) < node_radius(88)
    assert node_radius(4) - node_radius(1) == pytest.approx(4.0 * math.sqrt(3))


AT = {
    "mid": Point(0, 0),
    "right": Point(10, 1),
    "far": Point(30, 0),
    "up": Point(0, -10),
    "down-right": Point(8, 9),
}


@pytest.mark.parametrize(
    ("direction", "expected"),
    [((1, 0), "right"), ((0, -1), "up"), ((0, 1), "down-right"), ((-1, 0), None)],
)
def test_arrow_keys_move_to_the_nearest_node_that_way(direction, expected):
    assert nearest_in_direction(AT, "mid", direction) == expected


def test_the_partner_summary_counts_co_partners_and_countries():
    summary = partner_summary(P["esa"], CATALOG)
    assert [p.slug for p in summary.partnerships] == ["hubble", "iss", "bepi", "webb"]
    assert [(x.slug, n) for x, n in summary.co_partners] == [("nasa", 3), ("csa", 2), ("jaxa", 2)]
    assert summary.countries == (("US", 2), ("CA", 1), ("JP", 1))


def test_the_partner_page_lists_its_partnerships_and_links_to_its_lane():
    html = partner_page(P["spacex"], CATALOG)
    assert "<h1>SPACEX</h1>" in html and "2 partnerships in the catalog" in html
    assert 'href="partnership:cots"' in html and 'href="partnership:crew"' in html
    assert 'href="lane:spacex">Show its lane on the timeline' in html
    assert 'href="network:spacex"' in html
    assert 'href="partner:nasa">NASA</a> <span class="muted">2 shared' in html
