"""Sources per fact: a milestone (and a record's years) names the citation it comes from;
`sides` groups the partners that act as one."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from explorer.core.content import load_partnership_folder, partnership_from_mapping
from explorer.core.models import Milestone, Partner
from explorer.core.records import partnership_to_mapping

PARTNERS = {slug: Partner(slug, slug.upper()) for slug in ("esa", "nasa", "consortium")}


def record(**changes) -> dict:
    base = {
        "slug": "euclid",
        "name": "Euclid",
        "type": "bilateral",
        "start_year": 2023,
        "status": "active",
        "domain": "astronomy",
        "partners": ["esa", "nasa", "consortium"],
        "milestones": [{"year": 2023, "event": "Launched", "source": 2}],
        "citations": [
            {"publisher": "ESA", "title": "Euclid", "url": "https://www.esa.int/euclid"},
            {"publisher": "NASA", "title": "Euclid launch"},
        ],
    }
    return {**base, **changes}


def problems_of(item: dict) -> list[str]:
    found, problems = partnership_from_mapping(item, PARTNERS, "euclid.yaml")
    assert (found is None) == bool(problems)
    return [p.message for p in problems]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({}, []),
        ({"years_source": 1}, []),
        ({"milestones": [{"year": 2023, "event": "Launched"}]}, []),
        (
            {"milestones": [{"year": 2023, "event": "Launched", "source": 3}]},
            ["milestones: milestone 1 (2023) names source 3, but the record has 2 citations"],
        ),
        (
            {"milestones": [{"year": 2023, "event": "Launched", "source": 0}]},
            ["milestones: milestone 1 (2023) names source 0, but the record has 2 citations"],
        ),
        (
            {"milestones": [{"year": 2023, "event": "Launched", "source": "two"}]},
            [
                "milestones: milestone 1 (2023) source must be a citation number (1, 2, ...), "
                "not 'two'"
            ],
        ),
        (
            {"years_source": 5},
            ["years_source: the years' source names source 5, but the record has 2 citations"],
        ),
        (
            {"citations": [], "years_source": 1},
            [
                "years_source: the years' source names source 1, but the record has 0 citations",
                "milestones: milestone 1 (2023) names source 2, but the record has 0 citations",
            ],
        ),
        ({"sides": [["esa", "consortium"], ["nasa"]]}, []),
        ({"sides": [["esa"], ["nasa"]]}, ["sides: the sides leave out the partner 'consortium'"]),
        (
            {"sides": [["esa", "consortium"], ["nasa", "esa"]]},
            ["sides: the sides put 'esa' on more than one side"],
        ),
        (
            {"sides": [["esa", "consortium"], ["nasa", "jaxa"]]},
            ["sides: the sides name 'jaxa', not a partner"],
        ),
        (
            {"sides": ["esa", "nasa"]},
            ["sides: the sides must be a list of sides, each a list of partner slugs"],
        ),
    ],
)
def test_sources_and_sides_are_checked(changes, expected):
    assert problems_of(record(**changes)) == expected


def test_sources_and_sides_survive_a_round_trip_through_the_mapping():
    item = record(years_source=1, sides=[["nasa"], ["consortium", "esa"]])
    first, _ = partnership_from_mapping(item, PARTNERS, "euclid.yaml")
    assert first is not None
    assert first.milestones == (Milestone(2023, "Launched", 2),)
    assert first.years_source == 1
    assert first.sides == (("esa", "consortium"), ("nasa",))  # in the partners' order
    again, _ = partnership_from_mapping(partnership_to_mapping(first), PARTNERS, "x")
    assert again == first
    assert first.citation(2) is not None and first.citation(2).publisher == "NASA"
    assert first.citation(3) is None and first.citation(None) is None


def test_a_record_without_sources_writes_no_source_keys():
    found, _ = partnership_from_mapping(
        record(milestones=[{"year": 2023, "event": "Launched"}]), PARTNERS, "x"
    )
    mapping = partnership_to_mapping(found)
    assert mapping["milestones"] == [{"year": 2023, "event": "Launched"}]
    assert "years_source" not in mapping and "sides" not in mapping


def test_a_bad_source_in_a_file_is_reported_with_the_file_name(tmp_path: Path):
    folder = tmp_path / "partnerships"
    folder.mkdir()
    bad = record(milestones=[{"year": 2023, "event": "Launched", "source": 4}])
    (folder / "euclid.yaml").write_text(yaml.safe_dump(bad), encoding="utf-8")
    records, problems = load_partnership_folder(folder, PARTNERS)
    assert records == []
    assert [str(p) for p in problems] == [
        f"{folder / 'euclid.yaml'}:1: milestones: milestone 1 (2023) names source 4, "
        "but the record has 2 citations"
    ]
