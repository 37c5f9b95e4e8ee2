"""The bundled plans versus what happened: enough of them, each sourced, each a real slip."""

from __future__ import annotations

from datetime import date

import pytest

from explorer.core.paths import AppPaths
from explorer.core.plans import slips
from explorer.store.catalog import Catalog

#: well-documented slips the catalog must keep (issue 14, point 9)
AT_LEAST = 15


@pytest.fixture(scope="module")
def planned(tmp_path_factory):
    catalog = Catalog.open(AppPaths.resolve(tmp_path_factory.mktemp("data")))
    found = [p for p in catalog.partnerships.all() if p.planned is not None]
    catalog.close()
    return found


def test_the_catalog_bundles_enough_slips(planned):
    assert len(planned) >= AT_LEAST


def test_every_plan_names_a_citation_with_a_web_address(planned):
    broken = [
        p.slug
        for p in planned
        if p.planned.source is None
        or p.citation(p.planned.source) is None
        or not p.citation(p.planned.source).url.startswith(("http://", "https://"))
    ]
    assert broken == []


def test_every_planned_date_lies_before_what_happened(planned):
    """A plan records a slip: the planned start came before the actual (or now planned)
    start, the planned end before the actual end or, for one still going, before now."""
    this_year = date.today().year
    wrong = []
    for p in planned:
        found = slips(p, this_year)
        if not found:
            wrong.append(f"{p.slug}: no slip to show")
        wrong += [
            f"{p.slug}: {s.part} planned {s.planned}, actual {s.actual}"
            for s in found
            if s.years <= 0
        ]
    assert wrong == []


def test_every_plan_says_which_plan_it_was(planned):
    assert [p.slug for p in planned if len(p.planned.note) < 40] == []
