"""Reading CSV files and their columns: encodings, delimiters, row numbers, cells."""

import codecs

import pytest

from explorer.core import csv_columns as cols
from explorer.core.csv_format import CsvError, decode, detect_delimiter, read_table


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        ("name,type\nCoopération,bilateral\n".encode(), "utf-8", "Coopération"),
        (codecs.BOM_UTF8 + "name\nÉté\n".encode(), "utf-8-sig", "Été"),
        ("name\nCoopération – “spatiale”\n".encode("cp1252"), "cp1252", "“spatiale”"),
        ("name\tx\nZürich\t1\n".encode("utf-16"), "utf-16", "Zürich"),
    ],
)
def test_the_encoding_is_detected(data, encoding, text):
    decoded, found = decode(data, "f.csv")
    assert found == encoding
    assert text in decoded and not decoded.startswith("\ufeff")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "f.csv:1: the file is empty"),
        (b"  \n\n", "f.csv:1: the file is empty"),
        (
            b"PK\x03\x04rest",
            "f.csv:1: this is a zip file (an Excel workbook?), not a spreadsheet saved as "
            "CSV; save it from the spreadsheet as 'CSV UTF-8'",
        ),
        (
            b"name\nok\n\x81\x8d\n",
            "f.csv:3: the file is not Windows-1252 text; "
            "save it from the spreadsheet as 'CSV UTF-8'",
        ),
        (b"a\x00b\x00c", "f.csv:1: this is a binary file, not CSV text"),
    ],
)
def test_unreadable_files_name_the_file_and_line(data, message):
    with pytest.raises(CsvError) as raised:
        decode(data, "f.csv")
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("name,type,start_year\n", ","),
        ("name;type;start_year\n", ";"),
        ("name\ttype\tstart_year\n", "\t"),
        ('"name;x",type,start\n', ","),
        ("name;type\nA, B;bilateral\n", ";"),
        ("name\nApollo\n", ","),
        ("name\n", ","),
    ],
)
def test_the_delimiter_comes_from_the_header_line(text, delimiter):
    assert detect_delimiter(text) == delimiter


def test_row_numbers_count_rows_as_a_spreadsheet_shows_them():
    text = 'name,description\n"A","two\nlines"\n\nB,"x"\r\nC,y\n'
    table = read_table(text.encode(), "f.csv")
    assert table.header == ("name", "description")
    assert table.rows == ((2, ("A", "two\nlines")), (4, ("B", "x")), (5, ("C", "y")))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'name,description\nA,ok\nB,"never closed\nC,d\n',
            "f.csv:3: a quoted cell is never closed (a '\"' is missing)",
        ),
        (
            'name,description\nA,"say "hi"",x\n',
            "f.csv:2: a '\"' inside a quoted cell must be doubled ('\"\"')",
        ),
    ],
)
def test_broken_quotes_name_the_row(text, message):
    with pytest.raises(CsvError) as raised:
        read_table(text.encode(), "f.csv")
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["slug", "name", "type", "start_year", "status", "domain"],
            {
                "slug": "slug",
                "name": "name",
                "type": "type",
                "start_year": "start_year",
                "status": "status",
                "domain": "domain",
            },
        ),
        (
            ["Title", "Kind", "Start year (YYYY)", "End", "State", "Area", "Agencies", "Sources"],
            {
                "name": "Title",
                "type": "Kind",
                "start_year": "Start year (YYYY)",
                "end_year": "End",
                "status": "State",
                "domain": "Area",
                "partners": "Agencies",
                "citations": "Sources",
            },
        ),
        (["NAME", "Name", "Notes"], {"name": "NAME", "description": "Notes"}),
        (
            ["Name", "Caveats", "Notes"],
            {"name": "Name", "caveats": "Caveats", "description": "Notes"},
        ),
        (
            ["Company", "Location", "Date", "Time", "Rocket", "Mission", "RocketStatus", "Price"],
            {"name": "Mission", "start_year": "Date", "partners": "Company"},
        ),
        (["Mission", "Notes", "Notes"], {"name": "Mission"}),
        (["", "whatever"], {}),
    ],
)
def test_file_columns_are_matched_to_fields(header, expected):
    assert cols.auto_mapping(header) == expected


def test_an_explicit_map_wins_and_an_empty_column_unmaps():
    header = ["Title", "Kind", "Year", "Status", "Domain", "Summary"]
    mapping, problems = cols.build_mapping(
        header, {"description": "", "caveats": "summary", "start_year": "Year"}, "f.csv"
    )
    assert problems == []
    assert mapping.columns["caveats"] == "Summary" and "description" not in mapping.columns
    assert mapping.ignored(header) == []


@pytest.mark.parametrize(
    ("header", "overrides", "messages"),
    [
        (
            ["type", "start_year", "domain"],
            {},
            ["f.csv:1: name: required column is missing (map one with name=COLUMN)"],
        ),
        (
            ["name", "domain"],
            {},
            [
                "f.csv:1: start year: required column is missing (map one with "
                "start_year=COLUMN, or give every row one value with --set start_year=VALUE)",
                "f.csv:1: type: no Type column, and no Partners column to work it out from "
                "(map one with type=COLUMN or partners=COLUMN, or --set type=bilateral)",
            ],
        ),
        (
            ["name", "type", "start_year", "status", "domain"],
            {"colour": "x"},
            ["f.csv:1: colour: not a field we import (fields: " + ", ".join(cols.FIELDS) + ")"],
        ),
        (
            ["name", "type", "start_year", "status", "domain"],
            {"end_year": "Finish"},
            [
                "f.csv:1: Finish: no such column (the file has: name, type, start_year, status, "
                "domain)"
            ],
        ),
        (
            ["name", "type", "start_year", "status", "domain", "name"],
            {},
            [
                "f.csv:1: name: 2 columns are called 'name'; rename them in your spreadsheet "
                "so that each name is used once"
            ],
        ),
        (["name", "type", "start_year", "Notes", "Notes"], {}, []),
        (
            ["name", "type", "start_year", "Notes", "Notes"],
            {"description": "Notes"},
            [
                "f.csv:1: Notes: 2 columns are called 'Notes'; rename them in your "
                "spreadsheet so that each name is used once"
            ],
        ),
    ],
)
def test_mapping_problems_name_the_column(header, overrides, messages):
    _, problems = cols.build_mapping(header, overrides, "f.csv")
    assert [str(p) for p in problems] == messages


@pytest.mark.parametrize(
    ("cell", "entries"),
    [
        ("NASA; ESA ;JAXA", ["NASA", "ESA", "JAXA"]),
        ("NASA\nESA", ["NASA", "ESA"]),
        ("1997: Launched; on time\n2004: Arrived", ["1997: Launched; on time", "2004: Arrived"]),
        (" ; ", []),
        ("", []),
    ],
)
def test_list_cells_split_on_semicolons_or_lines(cell, entries):
    assert cols.split_list(cell) == entries


@pytest.mark.parametrize("entries", [["a", "b"], ["a; b", "c"], ["x"], []])
def test_join_list_reads_back(entries):
    assert cols.split_list(cols.join_list(entries)) == entries


@pytest.mark.parametrize(
    ("function", "text", "expected"),
    [
        (cols.token, " Public Private ", "public-private"),
        (cols.token, "Human_Spaceflight", "human-spaceflight"),
        (cols.slugify, "Apollo–Soyuz Test Project (ASTP)", "apollo-soyuz-test-project-astp"),
        (cols.slugify, "Coopération spatiale", "cooperation-spatiale"),
        (cols.slugify, "Ørsted ocean mission", "orsted-ocean-mission"),
        (cols.slugify, "Łódź–Straße", "lodz-strasse"),
        (cols.partner_entry, "SpaceX [Crew Dragon]", ("SpaceX", "Crew Dragon")),
        (cols.partner_entry, "NASA (CLPS)", ("NASA (CLPS)", "")),
        (cols.milestone_entry, "1997: Launched", {"year": 1997, "event": "Launched"}),
        (
            cols.milestone_entry,
            "2004 – Arrived at Saturn",
            {"year": 2004, "event": "Arrived at Saturn"},
        ),
        (cols.milestone_entry, "Launched", None),
        (
            cols.citation_entry,
            "ESA | Cassini | https://esa.int/c",
            {"publisher": "ESA", "title": "Cassini", "url": "https://esa.int/c"},
        ),
        (
            cols.citation_entry,
            "Cassini at a glance",
            {"publisher": "", "title": "Cassini at a glance", "url": ""},
        ),
        (
            cols.citation_entry,
            "re:Invent | talk",
            {"publisher": "re:Invent", "title": "talk", "url": ""},
        ),
        (
            cols.citation_entry,
            "ESA | Science | www.esa.int/Science",
            {"publisher": "ESA", "title": "Science", "url": "www.esa.int/Science"},
        ),
    ],
)
def test_cells_become_values(function, text, expected):
    assert function(text) == expected
