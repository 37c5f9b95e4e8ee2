"""Plans versus what happened: the `planned` field read, checked and written back, the
slips it shows, the sentence on the page and where the timeline draws it."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.core.content import check_partnership_fields, partnership_from_mapping
from explorer.core.models import Partner, Plan
from explorer.core.plans import plan_marks, slip_sentence, slips
from explorer.core.record_pages import partnership_page
from explorer.core.records import partnership_to_mapping
from explorer.core.timeline import entry_for

PARTNERS = {"nasa": Partner("nasa", "NASA"), "esa": Partner("esa", "ESA")}
WEBB = {
    "slug": "webb",
    "name": "Webb",
    "type": "bilateral",
    "start_year": 2021,
    "status": "active",
    "domain": "astronomy",
    "partners": ["nasa", "esa"],
    "citations": [
        {"publisher": "NASA", "title": "Launch"},
        {"publisher": "SpacePolicyOnline", "title": "Delayed again"},
    ],
    "planned": {"start_year": 2018, "source": 2, "note": "The 2011 plan.", "event": "launch"},
}


def record(**changes):
    found, problems = partnership_from_mapping({**WEBB, **changes}, PARTNERS, "webb.yaml")
    assert problems == []
    return found


def test_planned_dates_are_read_and_written_back_the_same():
    webb = record()
    assert webb.planned == Plan(2018, None, 2, "The 2011 plan.", "launch")
    mapping = partnership_to_mapping(webb)
    assert mapping["planned"] == WEBB["planned"]
    again, _ = partnership_from_mapping(mapping, PARTNERS, "again")
    assert again == webb


def test_a_record_without_a_plan_writes_no_planned_key():
    plain = record(planned=None)
    assert plain.planned is None
    assert "planned" not in partnership_to_mapping(plain)


@pytest.mark.parametrize(
    ("planned", "message"),
    [
        ({"start_year": 2018, "source": 3}, "planned names source 3, but the record has 2"),
        ({"start_year": 2018, "source": "two"}, "planned source must be a citation number"),
        ({"source": 1}, "planned needs a start_year or an end_year"),
        ({"start_year": 1850}, "planned start_year must be a year between 1900 and 2100"),
        ({"start_year": 2020, "end_year": 2019}, "planned end_year 2019 is before"),
        ({"start_year": 2018, "event": "landing"}, "planned event must be one of start, launch"),
        ({"start_year": 2018, "when": 1}, "planned has an unknown key 'when'"),
        ("2018", "planned must be a mapping"),
    ],
)
def test_a_bad_plan_is_reported_under_planned(planned, message):
    problems = [p for p in check_partnership_fields({**WEBB, "planned": planned})]
    assert [p.field for p in problems] == ["planned"]
    assert problems[0].message.startswith(message)


THIS_YEAR = 2026


@pytest.mark.parametrize(
    ("changes", "plan", "sentence"),
    [
        ({}, Plan(2018, event="launch"), "Planned for 2018, launched 2021 (3 years later)"),
        ({}, Plan(2017), "Planned to start in 2017, started 2021 (4 years later)"),
        ({}, Plan(2020, event="launch"), "Planned for 2020, launched 2021 (1 year later)"),
        (
            {"status": "planned", "start_year": 2028},
            Plan(2018, event="launch"),
            "Planned for 2018, now planned for 2028 (10 years later)",
        ),
        (
            {"start_year": 1997, "end_year": 2017, "status": "completed"},
            Plan(end_year=2008),
            "Planned to end in 2008, ended 2017 (9 years longer)",
        ),
        (
            {"start_year": 1998},
            Plan(end_year=2020),
            "Planned to end in 2020, still going in 2026 (6 years longer so far)",
        ),
        (
            {"start_year": 2021, "end_year": 2026, "status": "cancelled"},
            Plan(end_year=2033),
            "Planned to end in 2033, cancelled 2026 (7 years sooner)",
        ),
    ],
)
def test_each_slip_reads_as_a_sentence(changes, plan, sentence):
    p = replace(record(), **changes, planned=plan)
    (slip,) = slips(p, THIS_YEAR)
    assert slip_sentence(p, slip, THIS_YEAR) == sentence


def test_the_page_says_how_it_slipped_with_its_source_and_note():
    html = partnership_page(record(), this_year=THIS_YEAR)
    assert "Planned for 2018, launched 2021 (3 years later)." in html
    assert 'href="#source-2"' in html and "The 2011 plan." in html


def test_a_plan_that_held_says_nothing():
    html = partnership_page(record(planned={"start_year": 2021}), this_year=THIS_YEAR)
    assert "Planned" not in html
    assert plan_marks(record(planned={"start_year": 2021}), THIS_YEAR) is None


@pytest.mark.parametrize(
    ("changes", "plan", "gap", "label", "strip", "end"),
    [
        ({}, Plan(2018), (2018.0, 2021.0), "3 yr late", None, ("", None)),
        (
            {"start_year": 1997, "end_year": 2017, "status": "completed"},
            Plan(end_year=2008),
            None,
            "",
            (1997.0, 2009.0),
            ("+9 yr", 2009.0),
        ),
        (
            {"start_year": 2021, "end_year": 2026, "status": "cancelled"},
            Plan(2020, 2033),
            (2020.0, 2021.0),
            "1 yr late",
            (2020.0, 2034.0),
            ("−7 yr", 2034.0),
        ),
    ],
)
def test_the_timeline_draws_the_planned_years_beside_the_actual_ones(
    changes, plan, gap, label, strip, end
):
    p = replace(record(), **changes, planned=plan)
    marks = plan_marks(p, THIS_YEAR)
    assert (marks.gap, marks.gap_label, marks.strip) == (gap, label, strip)
    assert (marks.end_label, marks.end_tick) == end


def test_packing_keeps_room_for_the_planned_years():
    webb = record()
    plain = entry_for(replace(webb, planned=None), 2026.5)
    planned = entry_for(webb, 2026.5)
    assert plain.reach_start == 2021.0
    assert planned.reach_start == 2018.0
