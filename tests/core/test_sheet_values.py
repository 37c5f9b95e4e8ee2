"""Values as spreadsheets write them: years in dates, dates, country names, formulas."""

import pytest

from explorer.core.sheet_values import (
    country_code,
    date_of,
    looks_like_formula,
    neutralised,
    unneutralised,
    year_of,
)


@pytest.mark.parametrize(
    ("cell", "year", "note"),
    [
        ("1997", 1997, None),
        (" 1997.0 ", 1997, None),
        ("", None, None),
        ("2020-08-06", 2020, None),
        ("2020-08-06T05:12:00Z", 2020, None),
        ("2020/08/06", 2020, None),
        ("Fri Aug 07, 2020 05:12 UTC", 2020, None),
        ("Fri Aug 07, 2020", 2020, None),
        ("15 October 1997", 1997, None),
        ("Aug 2020", 2020, None),
        ("12/25/2020", 2020, None),  # 25 cannot be a month: not ambiguous
        ("25.12.2020", 2020, None),
        (
            "8/6/2020",
            2020,
            "'8/6/2020': day and month could be either way round; read as 6 August 2020, "
            "not 8 June 2020",
        ),
        (
            "06.08.2020",
            2020,
            "'06.08.2020': day and month could be either way round; read as 6 August 2020, "
            "not 8 June 2020",
        ),
        ("44050", 2020, "'44050' was read as a spreadsheet date number: 2020-08-07"),
        ("35718.5", 1997, "'35718.5' was read as a spreadsheet date number: 1997-10-15"),
    ],
)
def test_years_come_from_dates_in_the_common_forms(cell, year, note):
    value, finding = year_of(cell)
    assert value == year
    assert (finding.message if finding else None) == note
    assert finding is None or not finding.problem


@pytest.mark.parametrize(
    ("cell", "message"),
    [
        ("soon", "'soon' is not a year or a date"),
        ("19th century", "'19th century' is not a year or a date"),
        ("2020-13-45", "'2020-13-45' is not a year or a date"),
        ("8/6/57", "'8/6/57' has a two-digit year; write the year in full (1957, not 57)"),
        ("12", None),  # a number: the range check says what is wrong with it
    ],
)
def test_a_cell_that_is_no_year_says_why(cell, message):
    value, finding = year_of(cell)
    assert (finding.message if finding else None) == message
    assert finding is None or (finding.problem and value == cell)


@pytest.mark.parametrize(
    ("cell", "date", "problem"),
    [
        ("2026-11-26", "2026-11-26", False),
        ("26.11.2026", "2026-11-26", False),
        ("Thu Nov 26, 2026", "2026-11-26", False),
        ("46352", "2026-11-26", False),
        ("3/4/2026", "2026-03-04", False),  # with a note: could be 3 April
        ("2026", "2026", True),
        ("next week", "next week", True),
        ("", "", False),
    ],
)
def test_dates_checked_are_written_as_iso(cell, date, problem):
    value, finding = date_of(cell)
    assert value == date
    assert bool(finding and finding.problem) == problem


@pytest.mark.parametrize(
    ("cell", "code"),
    [
        ("US", "US"),
        ("us", "US"),
        ("USA", "US"),
        ("U.S.A.", "US"),
        ("United States", "US"),
        ("United States of America", "US"),
        ("UK", "GB"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("Japan", "JP"),
        ("JPN", "JP"),
        ("Russia", "RU"),
        ("Russian Federation", "RU"),
        ("Soviet Union", "SU"),
        ("USSR", "SU"),
        ("Côte d'Ivoire", "CI"),
        ("Cote d’Ivoire", "CI"),
        ("south korea", "KR"),
        ("Türkiye", "TR"),
        ("intl", "intl"),
        ("INTL", "intl"),
    ],
)
def test_countries_by_name_common_form_or_code(cell, code):
    assert country_code(cell) == (code, None)


def test_an_unknown_country_is_a_problem_that_quotes_it():
    code, finding = country_code("Atlantis")
    assert code == "Atlantis" and finding is not None and finding.problem
    assert finding.message == (
        "'Atlantis' is not a country we know (write a name like Japan or a code like JP)"
    )


@pytest.mark.parametrize(
    ("cell", "formula", "exported"),
    [
        ("=cmd|' /C calc'!A0", True, "'=cmd|' /C calc'!A0"),
        (
            '=HYPERLINK("https://x.example","click")',
            True,
            '\'=HYPERLINK("https://x.example","click")',
        ),
        ("@SUM(A1:A9)", True, "'@SUM(A1:A9)"),
        ("+cmd", True, "'+cmd"),
        ("-2+3+cmd|' /C calc'!A0", True, "'-2+3+cmd|' /C calc'!A0"),
        ("\tTab first", True, "'\tTab first"),
        ("\rCR first", True, "'\rCR first"),
        ("-5", False, "'-5"),
        ("+3.25", False, "'+3.25"),
        ("NASA; ESA", False, "NASA; ESA"),
        ("", False, ""),
    ],
)
def test_formula_cells_are_noticed_and_neutralised_on_export(cell, formula, exported):
    assert looks_like_formula(cell) == formula
    assert neutralised(cell) == exported
    assert unneutralised(neutralised(cell)) == cell
