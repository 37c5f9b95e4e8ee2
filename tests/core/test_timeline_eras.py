"""Eras behind the timeline: sourced dates, bands in order and never overlapping."""

from __future__ import annotations

import itertools
from datetime import date

import pytest

from explorer.core.eras import ERAS, era_bands
from explorer.core.timeline import decimal_year

TODAY = decimal_year(date(2026, 11, 26))


@pytest.mark.parametrize(
    ("name", "start", "end"),
    [
        ("Space Race", date(1957, 10, 4), date(1969, 7, 20)),  # Sputnik 1 -> Apollo 11
        ("Détente in space", date(1972, 5, 24), date(1975, 7, 24)),  # agreement -> ASTP
        ("Shuttle–Mir", date(1994, 2, 3), date(1998, 6, 12)),  # STS-60 -> STS-91
        ("ISS era", date(1998, 11, 20), None),  # Zarya
        ("Commercial era", date(2006, 1, 18), None),  # COTS announced
        ("Artemis era", date(2017, 12, 11), None),  # Space Policy Directive 1
    ],
)
def test_era_dates(name, start, end):
    era = next(e for e in ERAS if e.name == name)
    assert (era.start, era.end) == (start, end)
    assert era.source and era.started_by


def test_bands_are_in_order_and_never_overlap():
    bands = era_bands(ERAS, TODAY, 2040.0)
    assert [b.era.name for b in bands] == [e.name for e in ERAS]
    for a, b in itertools.pairwise(bands):
        assert a.start < a.end <= b.start
    assert bands[-1].end == 2040.0


def test_an_era_that_continues_gives_way_to_the_next_and_says_so():
    bands = {b.era.name: b for b in era_bands(ERAS, TODAY, 2030.0)}
    assert bands["ISS era"].end == pytest.approx(decimal_year(date(2006, 1, 18)))
    assert bands["ISS era"].era.label() == "ISS era 1998–"
    assert "continues today" in bands["ISS era"].era.summary()
    assert bands["Space Race"].era.label() == "Space Race 1957–1969"
    assert "4 October 1957" in bands["Space Race"].era.summary()
