"""Timeline math: year <-> x, zoom around a point, ticks, bar spans, packing, labels."""

from __future__ import annotations

import itertools
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.core.models import Milestone, Partnership
from explorer.core.timeline import (
    MAX_PPY,
    MIN_PPY,
    TimeScale,
    cluster_years,
    decimal_year,
    describe_window,
    entries_for,
    entry_for,
    pack_rows,
    place_label,
    tick_step,
    ticks,
    year_span_label,
    zoom_level,
)

TODAY = 2026.9


def record(
    slug="p", start=2000, end=None, status="completed", kind="bilateral", milestones=(), name=None
) -> Partnership:
    return Partnership(
        slug=slug,
        name=name or slug.upper(),
        type=kind,
        start_year=start,
        end_year=end,
        status=status,
        domain="lunar",
        milestones=tuple(Milestone(y, "event") for y in milestones),
    )


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (date(2000, 1, 1), 2000.0),
        (date(2001, 7, 2), 2001 + 182 / 365),
        (date(2000, 7, 2), 2000 + 183 / 366),  # a leap year
        (date(2026, 11, 26), 2026 + 329 / 365),
        (date(1957, 10, 4), 1957 + 276 / 365),
    ],
)
def test_decimal_year(day, expected):
    assert decimal_year(day) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("left", "ppy", "year", "x"),
    [
        (1950.0, 10.0, 1950.0, 0.0),
        (1950.0, 10.0, 1960.0, 100.0),
        (1950.0, 10.0, 1945.5, -45.0),
        (1998.0, 365.0, 1998.5, 182.5),
        (2000.25, 1200.0, 2001.0, 900.0),
    ],
)
def test_year_and_x_convert_both_ways(left, ppy, year, x):
    scale = TimeScale(left, ppy)
    assert scale.x(year) == pytest.approx(x)
    assert scale.year(x) == pytest.approx(year)


@pytest.mark.parametrize("factor", [0.25, 0.8, 1.0, 1.2, 3.0, 40.0])
@pytest.mark.parametrize("at_x", [0.0, 137.5, 700.0, 1399.0])
def test_zooming_keeps_the_year_under_the_cursor(factor, at_x):
    scale = TimeScale(1960.0, 17.0)
    zoomed = scale.zoomed(factor, at_x)
    assert zoomed.year(at_x) == pytest.approx(scale.year(at_x))
    assert zoomed.ppy == pytest.approx(min(MAX_PPY, max(MIN_PPY, 17.0 * factor)))


def test_zoom_is_clamped_and_still_keeps_the_anchor():
    scale = TimeScale(1960.0, 100.0)
    inward = scale.zoomed(1e6, 300.0)
    outward = scale.zoomed(1e-6, 300.0, lowest=5.0)
    assert inward.ppy == MAX_PPY and outward.ppy == 5.0
    assert inward.year(300.0) == pytest.approx(scale.year(300.0))
    assert outward.year(300.0) == pytest.approx(scale.year(300.0))


def test_pan_and_fit():
    assert TimeScale(1990.0, 10.0).panned(50.0).left == pytest.approx(1995.0)
    fitted = TimeScale.fit(1957.0, 2037.0, 1000.0, margin=20.0)
    assert fitted.x(1957.0) == pytest.approx(20.0)
    assert fitted.x(2037.0) == pytest.approx(980.0)
    first, last = fitted.window(1000.0)
    assert first < 1957.0 < 2037.0 < last


@pytest.mark.parametrize(
    ("ppy", "months"),
    [
        (0.5, 1200),  # 100 years = 50 px: the coarsest step even though it is narrow
        (2.0, 600),  # 50 years = 100 px
        (4.0, 240),
        (8.0, 120),  # decades
        (17.0, 60),  # the whole catalog on a laptop screen: every 5 years
        (40.0, 24),
        (80.0, 12),  # years
        (200.0, 6),
        (300.0, 3),  # quarters
        (900.0, 1),  # months
        (2400.0, 1),
    ],
)
def test_tick_step_is_the_finest_that_keeps_labels_apart(ppy, months):
    assert tick_step(ppy, 72.0) == months


def test_ticks_of_years_have_minor_ticks_and_year_labels():
    found = ticks(1995.0, 2001.0, 100.0)
    majors = [t for t in found if t.major]
    assert [t.label for t in majors] == ["1995", "1996", "1997", "1998", "1999", "2000", "2001"]
    assert all(t.label == "" for t in found if not t.major)
    assert any(t.year == pytest.approx(1995.5) for t in found if not t.major)


def test_ticks_of_months_name_the_year_in_january():
    found = [t for t in ticks(1997.9, 1998.3, 1000.0) if t.major]
    # from the last tick at or before the first year to the first at or after the last
    assert [t.label for t in found] == ["Nov", "Dec", "Jan 1998", "Feb", "Mar", "Apr", "May"]


@pytest.mark.parametrize(
    ("ppy", "level", "cluster"),
    [
        (3.0, "overview", 20),
        (17.0, "overview", 5),
        (35.9, "overview", 2),
        (36.0, "detail", 2),
        (50.0, "detail", 1),
        (500.0, "detail", 1),
    ],
)
def test_zoom_levels_and_count_buckets(ppy, level, cluster):
    assert zoom_level(ppy) == level
    assert cluster_years(ppy) == cluster


@pytest.mark.parametrize(
    ("p", "start", "end", "solid_end", "point"),
    [
        (record(start=1998, end=2011), 1998.0, 2012.0, 2012.0, False),
        (record(start=1975, end=1975), 1975.0, 1976.0, 1976.0, True),  # one year: a point
        (record(start=1998, status="active"), 1998.0, TODAY, TODAY, False),  # open to today
        (record(start=2024, status="planned"), 2024.0, TODAY, 2024.0, False),  # all dashed
        # active with a milestone planned for 2028: solid to today, dashed after
        (
            record(start=2024, status="active", milestones=(2024, 2028)),
            2024.0,
            2029.0,
            TODAY,
            False,
        ),
        # an end year in the future: the years after today are dashed
        (record(start=2020, end=2030, status="active"), 2020.0, 2031.0, TODAY, False),
        # planned, with launch planned for 2035
        (
            record(start=2024, status="planned", milestones=(2017, 2035)),
            2024.0,
            2036.0,
            2024.0,
            False,
        ),
    ],
)
def test_entry_spans(p, start, end, solid_end, point):
    e = entry_for(p, TODAY)
    assert (e.start, e.end, e.solid_end, e.point) == (start, end, pytest.approx(solid_end), point)


def test_milestones_before_the_start_widen_the_reach():
    e = entry_for(record(start=1975, end=1975, milestones=(1972, 1975, 1975)), TODAY)
    assert e.milestones == (1972.5, 1975.5)  # one marker per year
    assert e.reach_start == 1972.0 and e.reach_end == 1976.0
    assert e.room_end >= e.reach_end


def test_entries_come_in_time_order():
    found = entries_for(
        [record("b", 2000, 2001), record("a", 1990, 2010), record("c", 1990, 1995)], TODAY
    )
    assert [e.slug for e in found] == ["c", "a", "b"]


@pytest.mark.parametrize(
    ("extents", "rows"),
    [
        ([], []),
        ([(0, 1)], [0]),
        ([(0, 1), (2, 3)], [0, 0]),  # one after the other share a row
        ([(0, 2), (1, 3)], [0, 1]),  # overlapping ones stack
        ([(0, 10), (1, 2), (3, 4), (5, 6)], [0, 1, 1, 1]),
        ([(0, 5), (1, 2), (3, 7), (6, 9)], [0, 1, 1, 0]),  # takes the lowest free row
        ([(1, 2), (0, 5)], [1, 0]),  # order of input does not matter: by start
        ([(0, 1), (1.2, 2)], [0, 1]),  # closer than the gap: next row
    ],
)
def test_pack_rows(extents, rows):
    assert pack_rows(extents, gap=0.35) == rows


@given(st.lists(st.tuples(st.floats(1950, 2050), st.floats(0.1, 30)), max_size=60))
def test_packed_rows_never_overlap_and_use_as_few_rows_as_the_busiest_moment(spans):
    extents = [(start, start + length) for start, length in spans]
    rows = pack_rows(extents, gap=0.0)
    for row in set(rows):
        mine = sorted(e for e, r in zip(extents, rows, strict=True) if r == row)
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(mine))
    busiest = max((sum(1 for s, e in extents if s <= t < e) for t, _ in extents), default=0)
    assert len(set(rows)) == max(busiest, 1 if extents else 0)


@pytest.mark.parametrize(
    ("bar", "slot", "text", "where", "x", "width"),
    [
        ((100, 400), 600, 150, "inside", 105, 290),  # fits in the bar
        ((100, 130), 600, 150, "beside", 135, 460),  # short bar: after it
        ((100, 300), 320, 250, "inside", 105, 190),  # fits nowhere: elided in the bar
        ((100, 300), 900, 250, "inside", 105, 190),  # a long bar keeps it at its start
        ((100, 160), 900, 250, "beside", 165, 730),  # a short one puts it after its end
        ((100, 130), 400, 300, "beside", 135, 260),  # elided beside, the larger room
        ((100, 110), 130, 80, "none", 0, 0),  # no room at all: no label
    ],
)
def test_label_placement(bar, slot, text, where, x, width):
    place = place_label(bar[0], bar[1], slot, text)
    assert (place.where, place.x, place.width) == (where, x, width)
    if where != "none":
        assert place.x + place.width <= slot  # never into the next item of the row


@pytest.mark.parametrize(
    ("first", "last", "label"),
    [
        (1998.0, 2012.0, "1998–2011"),
        (1994.96, 2001.05, "1995–2000"),
        (2000.2, 2000.8, "2000"),
        (1956.3, 2037.4, "1956–2037"),
    ],
)
def test_year_span_label(first, last, label):
    assert year_span_label(first, last) == label


def test_describe_window_counts_what_overlaps_by_type():
    entries = entries_for(
        [
            record("iss", 1998, None, "active", "multilateral"),
            record("mir", 1994, 1998, kind="bilateral"),
            record("cots", 2006, 2013, kind="public-private"),
            record("esa", 1975, None, "active", "multilateral"),
            record("igy", 1957, 1958, kind="multilateral"),
        ],
        TODAY,
    )
    assert describe_window(entries, 1998.0, 2012.0) == (
        "1998–2011: 4 partnerships, 2 multilateral, 1 bilateral, 1 public-private"
    )
    assert describe_window(entries, 1900.0, 1950.0) == "1900–1949: no partnerships shown"
    assert describe_window(entries, 1957.0, 1958.0) == "1957: 1 partnership, 1 multilateral"
