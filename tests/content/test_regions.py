"""The bundled catalog represents the whole world: partnerships led from every region.

Issue 12 found that Africa, the Middle East, Latin America and Oceania led none of the
partnerships. Each group of regions has one threshold below; raise it as the catalog grows.
"""

from __future__ import annotations

from collections import Counter

import pytest

from explorer.core.regions import lead_region
from explorer.store.catalog import Catalog

#: fewest bundled partnerships whose lead partner is African or Middle-Eastern (issue 12)
LED_FROM_AFRICA_AND_MIDDLE_EAST = 20


@pytest.fixture(scope="module")
def partnerships(tmp_path_factory):
    from explorer.core.paths import AppPaths

    catalog = Catalog.open(AppPaths.resolve(tmp_path_factory.mktemp("data")))
    yield {p.slug: p for p in catalog.partnerships.all()}
    catalog.close()


@pytest.fixture(scope="module")
def led_from(partnerships):
    return Counter(lead_region(p) for p in partnerships.values())


@pytest.mark.parametrize(
    ("regions", "at_least"),
    [
        ({"africa", "middle-east"}, LED_FROM_AFRICA_AND_MIDDLE_EAST),
    ],
)
def test_enough_partnerships_are_led_from_each_group_of_regions(led_from, regions, at_least):
    found = sum(led_from[region] for region in regions)
    assert found >= at_least, dict(led_from)


@pytest.mark.parametrize(
    ("slug", "region"),
    [
        # a body of nations names its own region in partners.yaml
        ("african-space-agency", "africa"),
        ("gmes-and-africa", "africa"),
        ("arabsat", "middle-east"),
        # a national lead partner takes the region of its country
        ("nigeriasat-sstl", "africa"),
        ("misrsat-2", "africa"),
        ("emirates-mars-mission", "middle-east"),
        ("beresheet", "middle-east"),
        # a partnership led from elsewhere with an African or Arab partner is not counted
        ("kibocube", ""),
        ("international-space-station", "north-america"),
    ],
)
def test_a_partnership_counts_for_the_region_of_its_lead_partner(partnerships, slug, region):
    assert lead_region(partnerships[slug]) == region


def test_every_partnership_led_from_africa_or_the_middle_east_names_the_lead_partners_country(
    partnerships,
):
    """The header's "countries involved" must include where the partnership is led from."""
    for p in partnerships.values():
        if lead_region(p) not in {"africa", "middle-east"}:
            continue
        lead = p.partners[0].partner
        assert lead.country in p.countries, p.slug
