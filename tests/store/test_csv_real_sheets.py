"""Sheets as teachers and public datasets make them: a launch list that must not touch
the bundled catalog, the overwrite rule, formulas, stray bytes, folders and pictures."""

from __future__ import annotations

import csv
import io

import pytest

from explorer.core.paths import AppPaths
from explorer.store.catalog import Catalog
from explorer.store.csv_import import import_csv, preview_csv
from explorer.store.exporters import csv_text, export_csv
from tests.missions_sheet import BUNDLED_COLLISIONS, ROWS, missions_sheet
from tests.store.conftest import database_rows

APOLLO = "apollo-soyuz-test-project"


@pytest.fixture
def bundled_catalog(tmp_path):
    """The app's real catalog (118 partnerships), in a data folder of the test's own."""
    opened = Catalog.open(AppPaths.resolve(tmp_path / "real"))
    yield opened
    opened.close()


def bundled_rows(store) -> list[tuple]:
    return sorted(
        tuple(row)
        for row in store.db.execute("select * from partnerships where origin = 'bundled'")
    )


def test_a_public_launch_list_imports_without_touching_a_bundled_record(bundled_catalog, tmp_path):
    store, paths = bundled_catalog.partnerships, bundled_catalog.paths
    before = bundled_rows(store)
    sheet = missions_sheet(tmp_path / "Space_Missions.csv")
    preview = preview_csv(sheet, store)
    assert preview.problems == () and preview.all_problems() == []
    assert dict(preview.mapping.columns) == {
        "name": "Mission",
        "start_year": "Date",
        "partners": "Company",
    }
    assert preview.ignored_columns == [
        "Location",
        "Time",
        "Rocket",
        "RocketStatus",
        "Price",
        "MissionStatus",
    ]
    kept = preview.bundled_changes()
    assert sorted(row.slug for row in kept) == ["bepicolombo", "cassini-huygens", "rosetta"]
    assert len(BUNDLED_COLLISIONS) == len(kept)
    assert all(row.changed for row in kept)  # each named with what would change
    result = import_csv(preview, store, paths)
    assert (result.added, result.updated, result.kept_bundled) == (ROWS - 3, 0, 3)
    assert bundled_rows(store) == before
    assert store.get("cassini-huygens").name == "Cassini-Huygens mission to Saturn"
    launch = store.get("test-flight-2")
    assert launch is not None and launch.origin == "user" and launch.domain == "not-set"


@pytest.mark.parametrize(
    ("slug", "options", "written"),
    [
        (APOLLO, {}, False),  # comes with the app: kept
        (APOLLO, {"on_existing": "update"}, False),  # update is for the teacher's own
        (APOLLO, {"update_bundled": True}, True),  # the teacher chose to change it
        ("moon-base", {}, True),  # the teacher's own: updated
        ("moon-base", {"on_existing": "skip"}, False),
        ("moon-base", {"update_bundled": True, "on_existing": "skip"}, False),
    ],
)
def test_the_overwrite_rule(store, paths, write_csv, slug, options, written):
    first = (
        "slug,name,type,start_year,status,domain\n"
        "moon-base,Moon Base,bilateral,2030,planned,lunar\n"
    )
    import_csv(preview_csv(write_csv(first, "first.csv"), store), store, paths)
    name = store.get(slug).name
    year = store.get(slug).start_year
    sheet = write_csv(f"slug,name,start_year\n{slug},Renamed by a sheet,{year}\n")
    preview = preview_csv(sheet, store)
    assert [row.status for row in preview.rows] == ["changed"]
    import_csv(preview, store, paths, **options)
    assert store.get(slug).name == ("Renamed by a sheet" if written else name)


def test_formula_cells_are_exported_neutralised_and_read_back(store, paths, write_csv):
    cells = ['=HYPERLINK("https://x.example","x")', "@SUM(A1:A9)", "-cmd", "+1+cmd|' /C calc'!A0"]
    body = "".join(
        f'f-{i},"Formula {i}",bilateral,2001,active,lunar,"{c.replace(chr(34), chr(34) * 2)}"\n'
        for i, c in enumerate(cells)
    )
    sheet = write_csv("slug,name,type,start_year,status,domain,description\n" + body)
    preview = preview_csv(sheet, store)
    formula = next(r for r in preview.reasons() if "formula" in r.reason)
    assert (formula.column, formula.rows) == ("description", (2, 3, 4, 5))
    import_csv(preview, store, paths)
    assert store.get("f-0").description == cells[0]  # kept as text
    text, _ = csv_text(store, [f"f-{i}" for i in range(len(cells))])
    exported = [row["description"] for row in csv.DictReader(io.StringIO(text))]
    assert exported == ["'" + c for c in cells]
    again = preview_csv(write_csv(text, "again.csv"), store)
    assert again.counts()["unchanged"] == len(cells)


def test_stray_windows_1252_bytes_are_read_and_the_rows_named(store, tmp_path):
    sheet = tmp_path / "mixed.csv"
    sheet.write_bytes(
        "name,start_year,partners\nCassini–Huygens relay,1997,NASA\n".encode()
        + b"Caf\xe9 \x96 orbiter,2001,ESA\n"
    )
    preview = preview_csv(sheet, store)
    assert [r.record.name for r in preview.rows] == ["Cassini–Huygens relay", "Café – orbiter"]
    note = next(r for r in preview.reasons() if not r.problem and r.column == "the row")
    assert (note.reason, note.rows) == ("characters read as Windows-1252", (3,))


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "this is a folder, not a spreadsheet; choose a .csv file in it"),
        (
            lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64)),
            "this is a picture (PNG), not a spreadsheet saved as CSV; save it from the "
            "spreadsheet as 'CSV UTF-8'",
        ),
    ],
    ids=["folder", "picture"],
)
def test_a_folder_or_a_picture_is_refused_in_plain_words(store, tmp_path, make, message):
    target = tmp_path / "sheet.csv"
    make(target)
    preview = preview_csv(target, store)
    assert [str(p) for p in preview.problems] == [f"{target}:1: {message}"]


def test_a_value_set_for_every_row_that_is_not_allowed_stops_the_file(store, write_csv):
    before = database_rows(store.db)
    preview = preview_csv(
        write_csv("name,start_year,partners\nA,2001,NASA\n"), store, fixed={"status": "done"}
    )
    assert [p.message for p in preview.problems] == [
        "status (set for every row): status must be one of active, completed, cancelled, "
        "suspended, planned"
    ]
    assert database_rows(store.db) == before


def test_an_export_is_always_neutralised(store, tmp_path, paths, write_csv):
    sheet = write_csv("name,start_year,partners\n=1+1,2001,NASA\n")
    import_csv(preview_csv(sheet, store), store, paths)
    out = tmp_path / "out.csv"
    export_csv(store, out, teacher_only=True)
    assert "'=1+1" in out.read_text(encoding="utf-8-sig")
