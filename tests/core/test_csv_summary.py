"""A checked sheet as a teacher reads it: values set for every row, notes, problems
counted by reason, and changes field by field."""

import pytest

from explorer.core.csv_columns import build_mapping
from explorer.core.csv_format import read_table
from explorer.core.csv_rows import PartnerResolver, plan_rows
from explorer.core.csv_summary import field_changes, reasons
from explorer.core.models import Participant, Partner, Partnership

PARTNERS = {
    "nasa": Partner("nasa", "NASA", kind="space-agency"),
    "spacex": Partner("spacex", "SpaceX", kind="company"),
}


def plan(text, fixed=None, existing=None):
    table = read_table(text.encode(), "f.csv")
    mapping, problems = build_mapping(table.header, {}, "f.csv", fixed)
    assert problems == []
    outcomes = plan_rows(
        table, mapping, "f.csv", existing or {}, PartnerResolver(PARTNERS), this_year=2026
    )
    return outcomes, mapping


def test_a_sheet_with_a_name_years_partners_and_a_description_imports():
    outcomes, _ = plan(
        "Name,Start,End,Partners,Notes\n"
        "Moon Relay,2024,,NASA; SpaceX,A relay for landers.\n"
        "Old Probe,1990,1999,NASA,Long done.\n"
        "Mars Hop,2031,,NASA,Later.\n"
    )
    records = [o.record for o in outcomes]
    assert [(r.status, r.type, r.domain) for r in records] == [
        ("active", "public-private", "not-set"),
        ("completed", "bilateral", "not-set"),
        ("planned", "bilateral", "not-set"),
    ]
    assert records[0].description == "A relay for landers." and records[0].caveats == ""
    assert outcomes[0].derived == {
        "status": "no end year",
        "type": "a company is a partner",
        "domain": "no domain given",
    }


@pytest.mark.parametrize(
    ("fixed", "field", "value"),
    [
        ({"status": "active"}, "status", "active"),
        ({"type": "Multilateral"}, "type", "multilateral"),
        ({"domain": "human spaceflight"}, "domain", "human-spaceflight"),
        ({"countries": "USA; Japan"}, "countries", ("US", "JP")),
        ({"checked": "26.11.2026"}, "checked", "2026-11-26"),
    ],
)
def test_a_field_can_be_given_one_value_for_every_row(fixed, field, value):
    outcomes, mapping = plan("Name,Start,Partners\nA,2000,NASA\nB,2001,NASA\n", fixed)
    assert [getattr(o.record, field) for o in outcomes] == [value, value]
    assert all(field not in o.derived for o in outcomes)
    assert mapping.label(field) == f"{field.replace('_', ' ')} (set for every row)"


def test_countries_by_name_and_code_in_one_cell():
    outcomes, _ = plan('Name,Start,Partners,Countries\nA,2000,NASA,"USA; UK; Japan; RU; intl"\n')
    assert outcomes[0].record.countries == ("US", "GB", "JP", "RU", "intl")


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ('=HYPERLINK("https://x.example","x")', '\'=HYPERLINK("https://x.example","x")\''),
        ("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0'"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)'"),
        ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0'"),
    ],
)
def test_formula_cells_are_kept_as_text_with_a_note_naming_the_row(cell, message):
    quoted = '"' + cell.replace('"', '""') + '"'
    outcomes, _ = plan(f"Name,Start,Partners,Notes\nA,2000,NASA,{quoted}\n")
    assert outcomes[0].record.description == cell
    assert [(n.field, n.message.partition(" starts like")[0]) for n in outcomes[0].notes] == [
        ("description", message)
    ]


def test_a_cell_our_export_quoted_reads_back_without_the_quote():
    outcomes, _ = plan("Name,Start,Partners,Notes\nA,2000,NASA,'=SUM(A1)\n")
    assert outcomes[0].record.description == "=SUM(A1)"


def test_problems_are_counted_by_reason_with_the_files_own_column_names():
    rows = "".join(f"M{i},Sometime {i},NASA\n" for i in range(4_629))
    rows += "Good,2001,NASA\nAlso,8/6/2020,NASA\nBad end,2001,NASA\n"
    outcomes, mapping = plan("Mission,Launch date,Company\n" + rows)
    found = reasons(outcomes, mapping)
    counted = [(r.problem, r.column, r.reason, len(r.rows)) for r in found]
    assert counted[0] == (True, "Launch date", "not a year or a date", 4_629)
    assert (False, "Launch date", "day and month could be either way round", 1) in counted
    assert not [c for c in counted if c[1] == "status" and c[0]]  # it follows the date
    assert str(found[0]) == (
        "4,629 rows: Launch date: not a year or a date (rows 2, 3, 4, 5, 6 …; e.g. "
        "'Sometime 0' is not a year or a date)"
    )
    assert [str(p) for p in outcomes[0].problems] == [
        "f.csv:2: Launch date: 'Sometime 0' is not a year or a date"
    ]


def test_a_change_to_a_stored_record_is_named_field_by_field():
    stored = Partnership(
        "cassini-huygens",
        "Cassini-Huygens mission to Saturn",
        "multilateral",
        1997,
        2017,
        "completed",
        "planetary",
        partners=(Participant(PARTNERS["nasa"]),),
        origin="bundled",
    )
    outcomes, _ = plan(
        'Mission,Date,Company\nCassini-Huygens,"Wed Oct 15, 1997 08:43 UTC",SpaceX\n',
        existing={"cassini-huygens": stored},
    )
    outcome = outcomes[0]
    assert outcome.status == "changed" and outcome.bundled
    assert [str(c) for c in field_changes(outcome)] == [
        "name: 'Cassini-Huygens mission to Saturn' -> 'Cassini-Huygens'",
        "partners: 'NASA' -> 'SpaceX'",
    ]


def test_a_new_row_without_type_or_partners_says_what_is_missing():
    outcomes, _ = plan("Name,Start\nA,2000\n")
    assert [str(p) for p in outcomes[0].problems] == [
        "f.csv:2: type: no type, and no partners to work it out from"
    ]
