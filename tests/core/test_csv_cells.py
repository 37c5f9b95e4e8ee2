"""Values a sheet leaves out, worked out from the others: status, type, domain."""

import pytest

from explorer.core.csv_cells import derive, derived_status, derived_type
from explorer.core.models import Partner

THIS_YEAR = 2026
PARTNERS = {
    "nasa": Partner("nasa", "NASA", kind="space-agency"),
    "esa": Partner("esa", "ESA", kind="intergovernmental"),
    "jaxa": Partner("jaxa", "JAXA", kind="space-agency"),
    "cnes": Partner("cnes", "CNES", kind="space-agency"),
    "spacex": Partner("spacex", "SpaceX", kind="company"),
    "mit": Partner("mit", "MIT", kind="academic"),
}


@pytest.mark.parametrize(
    ("start", "end", "status", "why"),
    [
        (1975, 1975, "completed", "ended in 1975"),
        (1998, None, "active", "no end year"),
        (2020, 2030, "active", "runs until 2030"),
        (2020, THIS_YEAR, "active", f"runs until {THIS_YEAR}"),
        (2031, None, "planned", "starts in 2031"),
        (2031, 2040, "planned", "starts in 2031"),
    ],
)
def test_the_status_comes_from_the_years(start, end, status, why):
    assert derived_status(start, end, THIS_YEAR) == (status, why)


def test_no_status_without_a_start_year():
    assert derived_status("soon", None, THIS_YEAR) is None


@pytest.mark.parametrize(
    ("kinds", "kind", "why"),
    [
        (["space-agency", "company"], "public-private", "a company is a partner"),
        (["company"], "public-private", "the one partner is a company"),
        (["space-agency", "intergovernmental"], "multilateral", "a body of nations is a partner"),
        (["space-agency"] * 3, "multilateral", "3 partners"),
        (["space-agency", "space-agency"], "bilateral", "2 partners"),
        (["space-agency", "academic"], "bilateral", "2 partners"),
        (["other"], "bilateral", "one partner"),
    ],
)
def test_the_type_comes_from_the_kinds_of_partners(kinds, kind, why):
    assert derived_type(kinds) == (kind, why)


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        (
            {"start_year": 1990, "end_year": 2000, "partners": ["nasa", "jaxa"]},
            {"status": "completed", "type": "bilateral", "domain": "not-set"},
        ),
        (
            {"start_year": 2024, "partners": [{"partner": "spacex", "role": "lander"}, "nasa"]},
            {"status": "active", "type": "public-private", "domain": "not-set"},
        ),
        (
            {"start_year": 2024, "status": "cancelled", "type": "bilateral", "domain": "lunar"},
            {},
        ),
        ({"start_year": 2024, "domain": ""}, {"status": "active", "domain": "not-set"}),
        (
            {"start_year": 2024, "partners": ["unknown-partner"]},
            {"status": "active", "type": "bilateral", "domain": "not-set"},
        ),
    ],
)
def test_only_empty_fields_are_worked_out(values, expected):
    found = derive(values, PARTNERS, THIS_YEAR)
    assert {field: value for field, (value, _) in found.items()} == expected
