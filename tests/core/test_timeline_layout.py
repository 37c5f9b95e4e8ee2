"""Timeline layout: lanes by type, domain and partner, folding, hit tests, keyboard order."""

from __future__ import annotations

import itertools

import pytest

from explorer.core.models import Participant, Partner, Partnership
from explorer.core.search import Filters
from explorer.core.timeline import entries_for
from explorer.core.timeline_layout import (
    Metrics,
    apply_filters,
    build_lanes,
    clusters,
    hit_test,
    nearest_in_row,
    places,
    stack_lanes,
    step,
    time_order,
    total_height,
    used_rows,
)

TODAY = 2026.9
NASA, ESA, JAXA = (Partner("nasa", "NASA"), Partner("esa", "ESA"), Partner("jaxa", "JAXA"))


def record(
    slug, start, end=None, kind="bilateral", domain="lunar", partners=(NASA,), status="completed"
) -> Partnership:
    return Partnership(
        slug=slug,
        name=slug.upper(),
        type=kind,
        start_year=start,
        end_year=end,
        status=status,
        domain=domain,
        partners=tuple(Participant(p) for p in partners),
    )


CATALOG = [
    record("iss", 1998, None, "multilateral", "human-spaceflight", (NASA, ESA, JAXA), "active"),
    record("hubble", 1977, 2020, "bilateral", "astronomy", (NASA, ESA)),
    record("cots", 2006, 2013, "public-private", "launch", (NASA,)),
    record("hayabusa", 2003, 2010, "bilateral", "planetary", (JAXA, NASA)),
    record("rosetta", 2004, 2016, "multilateral", "planetary", (ESA,)),
]


@pytest.fixture
def entries():
    return entries_for(CATALOG, TODAY)


@pytest.mark.parametrize(
    ("by", "lanes"),
    [
        (
            "type",
            [
                ("bilateral", {"hubble", "hayabusa"}),
                ("multilateral", {"iss", "rosetta"}),
                ("public-private", {"cots"}),
            ],
        ),
        # in the catalog's order of domains
        (
            "domain",
            [
                ("human-spaceflight", {"iss"}),
                ("planetary", {"hayabusa", "rosetta"}),
                ("astronomy", {"hubble"}),
                ("launch", {"cots"}),
            ],
        ),
        # most partnerships first; a multilateral one appears in each partner's lane
        (
            "partner",
            [
                ("nasa", {"iss", "hubble", "cots", "hayabusa"}),
                ("esa", {"iss", "hubble", "rosetta"}),
                ("jaxa", {"iss", "hayabusa"}),
            ],
        ),
    ],
)
def test_lanes_group_by_type_domain_or_partner(entries, by, lanes):
    found = build_lanes(entries, by)
    assert [(lane.key, {e.slug for row in lane.rows for e in row}) for lane in found] == lanes


def test_lane_titles(entries):
    assert [lane.title for lane in build_lanes(entries, "type")] == [
        "Bilateral",
        "Multilateral",
        "Public-private",
    ]
    assert [lane.title for lane in build_lanes(entries, "partner")] == ["NASA", "ESA", "JAXA"]


def test_rows_in_a_lane_never_overlap(entries):
    for by in ("type", "domain", "partner"):
        for lane in build_lanes(entries, by):
            for row in lane.rows:
                for a, b in itertools.pairwise(row):
                    assert a.room_end <= b.reach_start


def crowded(count: int):
    """`count` partnerships that all overlap: each needs a row of its own."""
    return entries_for([record(f"p{i}", 2000 + i, 2020) for i in range(count)], TODAY)


@pytest.mark.parametrize(
    ("count", "expanded", "shown", "folded", "height"),
    [
        (3, False, 3, False, 26 + 3 * 24),  # few rows: nothing to fold
        (9, False, 6, True, 26 + 6 * 24 + 24),  # the first 6 rows, then a row of counts
        (9, True, 9, False, 26 + 9 * 24),
    ],
)
def test_stacking_folds_crowded_lanes(count, expanded, shown, folded, height):
    lanes = build_lanes(crowded(count), "type")
    (box,) = stack_lanes(lanes, lambda lane: expanded, Metrics())
    assert (box.shown_rows, box.folded, box.height) == (shown, folded, height)


def test_lanes_stack_one_under_the_other(entries):
    boxes = stack_lanes(build_lanes(entries, "type"), lambda lane: True, Metrics())
    assert [b.top for b in boxes] == [0.0, boxes[0].bottom + 10, boxes[1].bottom + 10]
    assert total_height(boxes) == boxes[-1].bottom + 10


def test_counts_of_a_folded_lane_by_period_of_start():
    lanes = build_lanes(crowded(9), "type")
    (box,) = stack_lanes(lanes, lambda lane: False)
    found = clusters(box, 5)
    assert [(c.start, c.end, c.count) for c in found] == [(2005.0, 2010.0, 3)]
    assert {e.slug for e in found[0].entries} == {"p6", "p7", "p8"}
    assert clusters(stack_lanes(lanes, lambda lane: True)[0], 5) == []


def test_zoomed_in_a_lane_leaves_out_trailing_rows_empty_in_the_window():
    early = [record(f"old{i}", 1960 + i, 1965) for i in range(4)]
    entries = entries_for([*early, record("new", 2010, 2012)], TODAY)
    (lane,) = build_lanes(entries, "type")
    assert len(lane.rows) == 4
    assert used_rows(lane, 2009.0, 2013.0) == 1  # only "new", in the top row
    assert used_rows(lane, 1962.0, 1964.0) == 4
    (box,) = stack_lanes([lane], lambda lane: True, Metrics(), window=(2009.0, 2013.0))
    assert box.shown_rows == 1 and not box.folded


@pytest.mark.parametrize(
    ("year", "y", "kind", "slug"),
    [
        (2000.0, 0.0, "header", None),  # the lane's title row
        (1980.0, 26 + 5, "entry", "hubble"),
        (2003.5, 26 + 24 + 5, "entry", "hayabusa"),
        (1960.0, 26 + 5, None, None),  # nothing there
        (2000.0, 2000.0, None, None),  # below every lane
    ],
)
def test_hit_test(entries, year, y, kind, slug):
    boxes = stack_lanes(build_lanes(entries, "type"), lambda lane: True)
    hit = hit_test(boxes, year, y, 0.1, 5)
    assert (hit.kind if hit else None) == kind
    assert (hit.entry.slug if hit and hit.entry else None) == slug


def test_hit_test_finds_counts_of_a_folded_lane():
    boxes = stack_lanes(build_lanes(crowded(9), "type"), lambda lane: False)
    hit = hit_test(boxes, 2007.0, 26 + 6 * 24 + 5, 0.1, 5)
    assert hit is not None and hit.kind == "cluster" and hit.cluster.count == 3


def test_places_list_every_copy_by_partner(entries):
    boxes = stack_lanes(build_lanes(entries, "partner"), lambda lane: True)
    found = places(boxes)
    assert [p.box for p in found["iss"]] == [0, 1, 2]
    assert [p.box for p in found["cots"]] == [0]


def test_keyboard_order_is_time_order_without_copies(entries):
    doubled = entries + entries  # as when grouped by partner
    order = time_order(doubled)
    assert [e.slug for e in order] == ["hubble", "iss", "hayabusa", "rosetta", "cots"]
    assert step(order, None, 1).slug == "hubble"
    assert step(order, None, -1).slug == "cots"
    assert step(order, "iss", 1).slug == "hayabusa"
    assert step(order, "iss", -1).slug == "hubble"
    assert step(order, "hubble", -1).slug == "hubble"  # stays at the ends
    assert step(order, "cots", 99).slug == "cots"
    assert step([], "x", 1) is None


def test_nearest_in_row():
    entries = entries_for(
        [record("a", 1960, 1970), record("b", 1990, 2000), record("c", 2010, 2015)], TODAY
    )
    (lane,) = build_lanes(entries, "type")
    (box,) = stack_lanes([lane], lambda lane: True)
    assert [e.slug for e in lane.rows[0]] == ["a", "b", "c"]
    assert nearest_in_row(box, 0, 1995.0).slug == "b"
    assert nearest_in_row(box, 0, 2008.0).slug == "c"
    assert nearest_in_row(box, 5, 2008.0) is None


@pytest.mark.parametrize(
    ("filters", "matches", "expected"),
    [
        (Filters(), None, {"iss", "hubble", "cots", "hayabusa", "rosetta"}),
        (Filters(type=frozenset({"bilateral"})), None, {"hubble", "hayabusa"}),
        (Filters(domain=frozenset({"planetary"})), None, {"hayabusa", "rosetta"}),
        (Filters(status=frozenset({"active"})), None, {"iss"}),
        (Filters(partner=frozenset({"jaxa"})), None, {"iss", "hayabusa"}),
        (Filters(decade=frozenset({1970})), None, {"hubble"}),
        (Filters(decade=frozenset({2000})), None, {"iss", "hubble", "cots", "hayabusa", "rosetta"}),
        (Filters(), {"iss", "cots"}, {"iss", "cots"}),  # the words matched these
        (Filters(type=frozenset({"multilateral"})), {"iss", "cots"}, {"iss"}),
    ],
)
def test_filters(entries, filters, matches, expected):
    assert {e.slug for e in apply_filters(entries, filters, 2026, matches)} == expected


def test_pinned_rows_show_in_a_folded_lane_after_the_first_rows():
    lanes = build_lanes(crowded(9), "type")
    (box,) = stack_lanes(lanes, lambda lane: False, Metrics(), pinned={"bilateral": {7}})
    assert box.rows == (0, 1, 2, 3, 4, 5, 7) and box.folded
    assert box.line_of(7) == 6 and box.line_of(6) is None and box.line_of(2) == 2
    assert box.row_top(7, Metrics()) == 26 + 6 * 24
    assert box.hidden == 2
    assert [c.count for c in clusters(box, 50)] == [2]
    hit = hit_test([box], 2007.5, 26 + 6 * 24 + 5, 0.1, 5)
    assert hit is not None and hit.entry.slug == "p7"
    (everything,) = stack_lanes(
        lanes, lambda lane: False, Metrics(), pinned={"bilateral": {6, 7, 8}}
    )
    assert not everything.folded and everything.shown_rows == 9
