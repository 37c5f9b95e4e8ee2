"""Countries and world regions: names for codes, and where a partnership is led from.

The table is data, `content/countries.yaml` (ISO 3166-1 codes with a short name and a UN
M49 region, made by scripts/make_countries.py), read once when first asked for.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from explorer.core.models import Partner, Partnership
from explorer.core.paths import bundled_content_dir

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

REGIONS = (
    "africa",
    "middle-east",
    "latin-america",
    "south-asia",
    "southeast-asia",
    "oceania",
    "east-asia",
    "russia-and-central-asia",
    "europe",
    "north-america",
)
#: the regions the catalog once left out; issue 12 asks for partnerships led from them
UNDER_REPRESENTED = frozenset(
    {"africa", "middle-east", "latin-america", "south-asia", "southeast-asia", "oceania"}
)


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    region: str


def load_countries(path: Path) -> dict[str, Country]:
    rows = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or []
    return {
        str(row["code"]): Country(str(row["code"]), str(row["name"]), str(row.get("region") or ""))
        for row in rows
    }


@functools.cache
def countries() -> Mapping[str, Country]:
    return load_countries(bundled_content_dir() / "countries.yaml")


def country_name(code: str) -> str:
    """'GB' -> 'United Kingdom'; an unknown code is shown as it is."""
    found = countries().get(code)
    return found.name if found else code


def partner_region(partner: Partner) -> str:
    """A national partner's region comes from its country; a body of nations (country
    'intl') names its own region in partners.yaml, or has none ('')."""
    if partner.country == "intl":
        return partner.region
    found = countries().get(partner.country)
    return found.region if found else ""


def lead_region(partnership: Partnership) -> str:
    """Where a partnership is led from: the region of its first-listed (lead) partner."""
    if not partnership.partners:
        return ""
    return partner_region(partnership.partners[0].partner)
