"""CSV rows -> checked records: per-row problems, partner matching, and export cells."""

from dataclasses import replace

import pytest

from explorer.core.csv_columns import FIELDS, build_mapping
from explorer.core.csv_format import read_table
from explorer.core.csv_rows import PartnerResolver, plan_rows, record_cells
from explorer.core.models import Citation, Milestone, Participant, Partner, Partnership

PARTNERS = {
    "nasa": Partner(
        "nasa",
        "NASA",
        "National Aeronautics and Space Administration",
        "US",
        "space-agency",
        ("NASA/JPL",),
    ),
    "esa": Partner("esa", "ESA", "European Space Agency", "intl", "intergovernmental"),
}
HEADER = "slug,name,type,start_year,end_year,status,domain,partners,milestones,checked\n"


def plan(text: str, existing=None):
    table = read_table(text.encode(), "f.csv")
    mapping, problems = build_mapping(table.header, {}, "f.csv")
    assert problems == []
    resolver = PartnerResolver(PARTNERS)
    return plan_rows(table, mapping, "f.csv", existing or {}, resolver), resolver


@pytest.mark.parametrize(
    ("row", "messages"),
    [
        (
            "x,X,bilateral,abc,,active,lunar,,,",
            ["f.csv:2: start_year: 'abc' is not a year or a date"],
        ),
        (
            "x,X,bilateral,2000,1990,completed,lunar,,,",
            ["f.csv:2: end_year: end year 1990 is before start year 2000"],
        ),
        (
            "x,X,bilateral,1800,,active,lunar,,,",
            ["f.csv:2: start_year: start year must be a year between 1900 and 2100, not 1800"],
        ),
        (
            "x,X,trilateral,2000,,active,moon,,,",
            [
                "f.csv:2: type: type must be one of bilateral, multilateral, public-private",
                "f.csv:2: domain: domain must be one of human-spaceflight, lunar, planetary, "
                "astronomy, earth-observation, heliophysics, launch, navigation, policy, "
                "technology, not-set",
            ],
        ),
        (
            "x,,bilateral,2000,,,lunar,,,",
            ["f.csv:2: name: required, but empty"],
        ),
        (
            "My Slug,X,bilateral,2000,,active,lunar,,,",
            [
                "f.csv:2: slug: 'My Slug' is not a valid slug (lowercase letters, digits and "
                "hyphens, e.g. my-mission)"
            ],
        ),
        (
            "x,X,bilateral,2000,,active,lunar,,Launched,26/13/2026",
            [
                "f.csv:2: milestones: 'Launched' should be 'YEAR: event'",
                "f.csv:2: checked: '26/13/2026' is not a year or a date",
            ],
        ),
    ],
)
def test_invalid_rows_say_row_column_and_why(row, messages):
    outcomes, _ = plan(HEADER + row + "\n")
    assert outcomes[0].status == "invalid"
    assert [str(p) for p in outcomes[0].problems] == messages


def test_a_missing_slug_is_made_from_the_name_and_a_repeated_name_kept_apart():
    outcomes, _ = plan(
        "name,type,start_year,status,domain\n"
        "Moon Base,bilateral,2030,planned,lunar\n"
        "Moon base,bilateral,2031,planned,lunar\n"
    )
    assert [(o.slug, o.status) for o in outcomes] == [("moon-base", "new"), ("moon-base-2", "new")]
    assert [n.message for n in outcomes[1].notes] == [
        "the same name as row 2; kept as a partnership of its own (slug 'moon-base-2')"
    ]


def test_a_repeated_slug_the_file_gives_is_a_problem():
    outcomes, _ = plan(
        "slug,name,type,start_year\nmoon,Moon Base,bilateral,2030\nmoon,Moon 2,bilateral,2031\n"
    )
    assert [str(p) for p in outcomes[1].problems] == [
        "f.csv:3: slug: the slug 'moon' is also on row 2"
    ]


def test_partners_match_by_slug_name_full_name_or_alias_and_unknown_ones_are_created():
    outcomes, resolver = plan(
        HEADER + "x,X,multilateral,2000,,active,lunar,"
        '"nasa; esa; european space agency; NASA/JPL; Blue Origin [lander]",,\n'
    )
    record = outcomes[0].record
    assert [(p.partner.slug, p.role) for p in record.partners] == [
        ("nasa", ""),
        ("esa", ""),
        ("esa", ""),
        ("nasa", ""),
        ("blue-origin", "lander"),
    ]
    assert list(resolver.created) == ["blue-origin"]
    assert record.origin == "user" and outcomes[0].status == "new"


def test_a_row_fills_only_its_columns_of_an_existing_record():
    stored = Partnership(
        "x",
        "Old name",
        "bilateral",
        2000,
        None,
        "active",
        "lunar",
        partners=(Participant(PARTNERS["nasa"]),),
        description="Kept.",
        citations=(Citation("NASA", "Page"),),
        origin="bundled",
    )
    outcomes, _ = plan(
        "slug,name,type,start_year,status,domain\nx,New name,bilateral,2000,active,lunar\n",
        {"x": stored},
    )
    outcome = outcomes[0]
    assert outcome.status == "changed" and outcome.changed == ("name",)
    assert outcome.record == replace(stored, name="New name", edited=True)


def test_an_identical_row_is_unchanged():
    stored = Partnership("x", "X", "bilateral", 2000, None, "active", "lunar", origin="user")
    outcomes, _ = plan(
        "slug,name,type,start_year,status,domain\nx,X,Bilateral,2000.0,Active,Lunar\n",
        {"x": stored},
    )
    assert outcomes[0].status == "unchanged"


def test_export_cells_read_back_to_the_same_record():
    record = Partnership(
        "joint-probe",
        "Joint probe; phase 2",
        "multilateral",
        1997,
        2017,
        "completed",
        "planetary",
        partners=(Participant(PARTNERS["nasa"], "orbiter"), Participant(PARTNERS["esa"])),
        countries=("US", "intl"),
        milestones=(Milestone(1997, "Launched; on time"), Milestone(2004, "Arrived")),
        benefits=("cost-sharing", "science-return"),
        challenges=("funding",),
        description="Two agencies, one probe.",
        caveats="Dates vary by source.",
        citations=(
            Citation("ESA", "Cassini | Huygens", "https://esa.int/c"),
            Citation("", "A book"),
        ),
        checked="2026-11-26",
        origin="user",
    )
    cells = record_cells(record, PartnerResolver(PARTNERS))
    row = ",".join('"' + cells[f].replace('"', '""') + '"' for f in FIELDS)
    outcomes, _ = plan(",".join(FIELDS) + "\n" + row + "\n")
    assert outcomes[0].problems == ()
    assert outcomes[0].record == record
