"""A place in the app, written as text and read back (deep links, saved settings)."""

from __future__ import annotations

import pytest

from explorer.core.location import Location


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lesson:why-partner", Location("lesson", "why-partner")),
        ("partnership:iss", Location("partnership", "iss")),
        ("topic:cost-sharing", Location("topic", "cost-sharing")),
        ("topic:", Location("topic", "")),
        ("glossary:barter", Location("glossary", "barter")),
        ("timeline", Location("timeline")),
        ("lesson:", None),
        ("lesson", None),
        ("timeline:x", None),
        ("frobnicate:x", None),
        ("", None),
    ],
)
def test_parsing_a_location(text, expected):
    assert Location.parse(text) == expected


@pytest.mark.parametrize(
    "location", [Location("lesson", "a"), Location("timeline"), Location("topic", "")]
)
def test_a_location_survives_a_round_trip_through_text(location):
    assert Location.parse(str(location)) == location
