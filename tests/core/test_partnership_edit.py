import pytest

from explorer.core.content import check_partnership_fields
from explorer.core.models import Partner
from explorer.core.partnership_edit import field_errors, year_value

PARTNERS = {"nasa": Partner("nasa", "NASA"), "esa": Partner("esa", "ESA")}
GOOD = {
    "slug": "mars-link",
    "name": "Mars Link",
    "type": "bilateral",
    "status": "planned",
    "domain": "planetary",
    "start_year": 2030,
    "end_year": None,
    "partners": ["nasa", {"partner": "esa", "role": "orbiter"}],
    "countries": ["US", "intl"],
    "milestones": [{"year": 2030, "event": "Launch"}],
    "benefits": ["cost-sharing"],
    "challenges": ["funding"],
}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": ""}, [("name", "required", True)]),
        (
            {"start_year": None, "type": ""},
            [("type", "required", True), ("start_year", "required", True)],
        ),
        (
            {"type": "trilateral"},
            [("type", "type must be one of bilateral, multilateral, public-private", False)],
        ),
        ({"end_year": 2020}, [("end_year", "end year 2020 is before start year 2030", False)]),
        (
            {"start_year": "x"},
            [("start_year", "start year must be a year between 1900 and 2100, not 'x'", False)],
        ),
        ({"benefits": ["x"]}, [("benefits", "unknown benefit tag 'x'", False)]),
        ({"milestones": ["x"]}, [("milestones", "milestone 'x' needs a year and an event", False)]),
        (
            {"status": "completed"},
            [("end_year", "a completed partnership needs an end year", False)],
        ),
        (
            {"checked": "26/11/2026"},
            [("checked", "'26/11/2026' is not a date written like 2026-11-26", False)],
        ),
        (
            {"citations": [{"publisher": "ESA", "title": "x", "url": "www.esa.int/x"}]},
            [
                (
                    "citations",
                    "'www.esa.int/x' is not a web address; did you mean 'https://www.esa.int/x'?",
                    False,
                )
            ],
        ),
        (
            {"citations": [{"publisher": "", "title": "x", "url": "javascript:alert(1)"}]},
            [
                (
                    "citations",
                    "'javascript:alert(1)' is not a web address; it must start with https://",
                    False,
                )
            ],
        ),
    ],
)
def test_the_shared_checks_say_which_field(changes, expected):
    problems = check_partnership_fields({**GOOD, **changes})
    assert [(p.field, p.message, p.missing) for p in problems] == expected


def test_a_good_record_has_no_errors():
    assert field_errors(GOOD, PARTNERS) == {}


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"name": ""}, {"name": ["Required."]}),
        ({"start_year": None}, {"start_year": ["Required."]}),
        (
            {"start_year": 1800},
            {"start_year": ["Start year must be a year between 1900 and 2100, not 1800."]},
        ),
        (
            {"start_year": "soon"},
            {"start_year": ["Start year must be a year between 1900 and 2100, not 'soon'."]},
        ),
        ({"end_year": 2020}, {"end_year": ["End year 2020 is before start year 2030."]}),
        (
            {"type": "trilateral"},
            {"type": ["Type must be one of bilateral, multilateral, public-private."]},
        ),
        (
            {"slug": "Mars Link"},
            {"slug": ["Use lowercase words joined by hyphens, like 'mars-sample-return'."]},
        ),
        ({"partners": ["nasa", "jaxa"]}, {"partners": ["Unknown partner 'jaxa'."]}),
        (
            {"milestones": [{"year": 2031, "event": " "}]},
            {"milestones": ["Milestone 1 needs an event."]},
        ),
        (
            {"milestones": [{"year": 2031, "event": "A"}, {"year": "soon", "event": "B"}]},
            {"milestones": ["Milestone 2 needs a year (a whole number)."]},
        ),
        ({"milestones": ["just text"]}, {"milestones": ["Milestone 1 needs a year and an event."]}),
        (
            {"countries": ["USA"]},
            {"countries": ["'USA' is not a two-letter country code (or 'intl')."]},
        ),
        ({"benefits": ["fun"]}, {"benefits": ["Unknown benefit tag 'fun'."]}),
        (
            {"milestones": [{"year": 2030, "event": "Launch", "source": 2}]},
            {"milestones": ["Milestone 1 (2030) names source 2, but the record has 0 citations."]},
        ),
        (
            {"years_source": 1},
            {"citations": ["The years' source names source 1, but the record has 0 citations."]},
        ),
        ({"sides": [["nasa"]]}, {"partners": ["The sides leave out the partner 'esa'."]}),
    ],
)
def test_each_problem_is_filed_under_its_field(changes, expected):
    assert field_errors({**GOOD, **changes}, PARTNERS) == expected


def test_other_fields_are_checked_while_required_ones_are_missing():
    item = {**GOOD, "name": "", "slug": "", "end_year": 2020, "type": "trilateral"}
    assert field_errors(item, PARTNERS) == {
        "name": ["Required."],
        "slug": ["Required."],
        "end_year": ["End year 2020 is before start year 2030."],
        "type": ["Type must be one of bilateral, multilateral, public-private."],
    }


def test_no_end_year_comparison_without_a_start_year():
    item = {**GOOD, "start_year": None, "end_year": 1990}
    assert field_errors(item, PARTNERS) == {"start_year": ["Required."]}


def test_a_taken_slug_is_an_error_for_a_new_record():
    errors = field_errors(GOOD, PARTNERS, taken={"mars-link"})
    assert errors == {"slug": ["A partnership with the slug 'mars-link' already exists."]}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("  ", None),
        ("1998", 1998),
        (" 2030 ", 2030),
        ("19x8", "19x8"),
    ],
)
def test_year_value(text, value):
    assert year_value(text) == value
