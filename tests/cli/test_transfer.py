"""import, export, backup and undo-import on the command line: output and exit codes."""

import json
import zipfile
from pathlib import Path

import pytest

from explorer.cli import main

HEADER = "slug,name,type,start_year,end_year,status,domain,partners\n"
GOOD = "moon-base,Moon Base,multilateral,2030,,planned,lunar,NASA; ESA\n"
BAD = "mars,Mars,bilateral,twenty,,active,planetary,NASA\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    return str(tmp_path / "data")


@pytest.fixture
def csv_file(tmp_path):
    def write(text: str) -> Path:
        path = tmp_path / "sheet.csv"
        path.write_text(text, encoding="utf-8")
        return path

    return write


def teacher_slugs(capsys, data_dir) -> list[str]:
    code, out, _ = run(
        capsys, "export", "--format", "json", "-", "--teacher-only", "--data-dir", data_dir
    )
    assert code == 0
    return [p["slug"] for p in json.loads(out)["partnerships"]]


def test_a_valid_csv_imports_and_exits_0(capsys, data_dir, csv_file):
    path = csv_file(HEADER + GOOD)
    code, out, _ = run(capsys, "import", path, "--data-dir", data_dir)
    assert code == 0
    assert f"{path}: 1 rows, UTF-8, comma-separated" in out
    assert "new 1, changed 0, unchanged 0, invalid 0" in out
    assert "Imported: 1 added, 0 updated" in out
    assert teacher_slugs(capsys, data_dir) == ["moon-base"]


def test_an_invalid_row_is_printed_exit_1_and_nothing_is_written(capsys, data_dir, csv_file):
    path = csv_file(HEADER + GOOD + BAD)
    code, out, err = run(capsys, "import", path, "--data-dir", data_dir)
    assert code == 1
    assert (f"{path}:3: start_year: 'twenty' is not a year or a date") in out.splitlines()
    assert "Nothing was imported: 1 row(s) are invalid" in err
    assert teacher_slugs(capsys, data_dir) == []


def test_skip_invalid_imports_the_rest_and_still_exits_1(capsys, data_dir, csv_file):
    code, _, _ = run(
        capsys, "import", csv_file(HEADER + GOOD + BAD), "--skip-invalid", "--data-dir", data_dir
    )
    assert code == 1
    assert teacher_slugs(capsys, data_dir) == ["moon-base"]


def test_dry_run_writes_nothing(capsys, data_dir, csv_file):
    code, _, err = run(
        capsys, "import", csv_file(HEADER + GOOD), "--dry-run", "--data-dir", data_dir
    )
    assert code == 0 and "Dry run" in err
    assert teacher_slugs(capsys, data_dir) == []


def test_json_output_and_an_explicit_map(capsys, data_dir, csv_file):
    path = csv_file(
        "Id,Label,Type,Began,Status,Domain\nmoon-base,Moon Base,multilateral,2030,planned,lunar\n"
    )
    code, out, _ = run(
        capsys, "import", path, "--map", "name=Label", "--json", "--data-dir", data_dir
    )
    report = json.loads(out)
    assert code == 0
    assert report["columns"] == {
        "slug": "Id",
        "name": "Label",
        "type": "Type",
        "start_year": "Began",
        "status": "Status",
        "domain": "Domain",
    }
    assert report["counts"] == {"new": 1, "changed": 0, "unchanged": 0, "invalid": 0}
    assert report["written"] is True and report["result"]["added"] == 1


def test_json_problems_name_row_and_column(capsys, data_dir, csv_file):
    path = csv_file(HEADER + BAD)
    code, out, _ = run(capsys, "import", path, "--json", "--data-dir", data_dir)
    assert code == 1
    assert json.loads(out)["problems"] == [
        {
            "file": str(path),
            "row": 2,
            "column": "start_year",
            "message": "'twenty' is not a year or a date",
        }
    ]


def test_a_missing_required_column_exits_1(capsys, data_dir, csv_file):
    path = csv_file("type,start_year,domain\nbilateral,2000,lunar\n")
    code, out, _ = run(capsys, "import", path, "--data-dir", data_dir)
    assert code == 1
    assert f"{path}:1: name: required column is missing (map one with name=COLUMN)" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "no/such.csv"], "no such file: no/such.csv"),
        (["backup", "restore", "nope"], "no backup with the id 'nope'"),
    ],
)
def test_bad_requests_exit_2_with_one_line(capsys, data_dir, args, message):
    code, _, err = run(capsys, *args, "--data-dir", data_dir)
    assert code == 2
    assert err.strip().startswith(f"space-explorer: error: {message}")


@pytest.mark.parametrize(
    "args",
    [
        ["import", "x.csv", "--map", "colour=Name"],
        ["import", "x.csv", "--map", "name"],
        ["import", "x.csv", "--on-existing", "merge"],
        ["export", "out.csv"],
    ],
)
def test_argparse_errors_exit_2(capsys, args):
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 2


def test_undo_import_then_nothing_left_to_undo(capsys, data_dir, csv_file):
    run(capsys, "import", csv_file(HEADER + GOOD), "--data-dir", data_dir)
    code, out, _ = run(capsys, "undo-import", "--data-dir", data_dir)
    assert code == 0 and "1 partnerships removed" in out
    assert teacher_slugs(capsys, data_dir) == []
    code, _, err = run(capsys, "undo-import", "--data-dir", data_dir)
    assert code == 1 and err.strip() == "space-explorer: error: there is no import to undo"


def test_backups_are_listed_created_and_restored(capsys, data_dir, csv_file):
    code, out, _ = run(capsys, "backup", "create", "--data-dir", data_dir)
    empty = out.strip()
    assert code == 0 and empty.endswith("-manual")
    run(capsys, "import", csv_file(HEADER + GOOD), "--data-dir", data_dir)
    code, out, _ = run(capsys, "backup", "create", "--data-dir", data_dir)
    code, out, _ = run(capsys, "backup", "list", "--json", "--data-dir", data_dir)
    assert [(b["reason"], b["partnerships"]) for b in json.loads(out)] == [
        ("manual", 1),
        ("manual", 0),
    ]
    code, out, _ = run(capsys, "--data-dir", data_dir, "backup", "restore", empty)
    assert code == 0 and out.startswith(f"Restored {empty}")
    assert teacher_slugs(capsys, data_dir) == []
    code, out, _ = run(capsys, "backup", "list", "--json", "--data-dir", data_dir)
    assert json.loads(out)[0]["reason"] == "before-restore"


def test_export_and_import_a_pack(capsys, data_dir, tmp_path, csv_file):
    run(capsys, "import", csv_file(HEADER + GOOD), "--data-dir", data_dir)
    pack = tmp_path / "mine.zip"
    code, out, _ = run(capsys, "export", "--format", "pack", pack, "--data-dir", data_dir)
    assert code == 0 and "1 partnerships" in out
    other = str(tmp_path / "other")
    code, out, _ = run(capsys, "import", pack, "--data-dir", other)
    assert code == 0 and "Imported: 1 partnerships" in out
    assert teacher_slugs(capsys, other) == ["moon-base"]


def test_an_unsafe_pack_exits_1_with_one_line(capsys, data_dir, tmp_path):
    pack = tmp_path / "evil.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("../../evil.md", "x")
    code, _, err = run(capsys, "import", pack, "--data-dir", data_dir)
    assert code == 1
    assert err.strip() == (
        f"space-explorer: error: {pack}: ../../evil.md: a path with '..' or '.' is not allowed"
    )
    assert not (tmp_path.parent / "evil.md").exists()


def test_export_csv_to_stdout_has_the_import_columns(capsys, data_dir):
    code, out, _ = run(
        capsys,
        "export",
        "--format",
        "csv",
        "-",
        "--slug",
        "international-space-station",
        "--data-dir",
        data_dir,
    )
    assert code == 0
    header, row = out.splitlines()[:2]
    assert header.startswith("slug,name,type,start_year,end_year,status,domain,partners")
    assert row.startswith("international-space-station,")


def test_export_of_an_unknown_slug_exits_2(capsys, data_dir):
    code, _, err = run(
        capsys, "export", "--format", "json", "-", "--slug", "nope", "--data-dir", data_dir
    )
    assert code == 2 and "no partnership with the slug nope" in err


def test_a_json_file_is_not_imported(capsys, data_dir, tmp_path):
    export = tmp_path / "partnerships.json"
    export.write_text("{}", encoding="utf-8")
    code, _, err = run(capsys, "import", export, "--data-dir", data_dir)
    assert code == 2 and "a JSON export cannot be imported" in err


def test_data_dir_may_come_before_the_command(capsys, tmp_path):
    code, out, _ = run(capsys, "--data-dir", tmp_path / "here", "backup", "create")
    assert code == 0 and (tmp_path / "here" / "backups" / f"{out.strip()}.zip").is_file()


LAUNCHES = (
    "Company,Location,Date,Mission\n"
    'NASA,"SLC-40, Cape Canaveral, USA","Wed Oct 15, 1997 08:43 UTC",Cassini-Huygens\n'
    'SpaceX,"LC-39A, Kennedy Space Center, USA","Fri Aug 07, 2020 05:12 UTC",Starlink V1 L9\n'
)


@pytest.mark.parametrize(
    ("args", "field", "value"),
    [
        (["--set", "status=planned"], "status", "planned"),
        (["--set", "domain=Launch"], "domain", "launch"),
        (["--set", "type=multilateral", "--set", "countries=USA"], "countries", ["US"]),
    ],
)
def test_set_gives_a_field_one_value_for_every_row(capsys, data_dir, csv_file, args, field, value):
    path = csv_file(LAUNCHES)
    code, out, _ = run(capsys, "import", path, *args, "--json", "--data-dir", data_dir)
    report = json.loads(out)
    given = dict(a.split("=") for a in args if "=" in a)
    assert code == 0 and report["fixed"] == given
    slugs = [r["slug"] for r in report["rows"] if r["status"] == "new"]
    _, exported, _ = run(
        capsys, "export", "--format", "json", "-", "--slug", slugs[0], "--data-dir", data_dir
    )
    assert json.loads(exported)["partnerships"][0][field] == value


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "status"], "expected FIELD=VALUE, got 'status'"),
        (["--set", "name=x"], "cannot set 'name' for every row"),
        (["--set", "colour=red"], "cannot set 'colour' for every row"),
    ],
)
def test_set_refuses_what_cannot_be_set(capsys, data_dir, csv_file, args, message):
    with pytest.raises(SystemExit) as raised:
        main(["import", str(csv_file(LAUNCHES)), *args, "--data-dir", data_dir])
    assert raised.value.code == 2 and message in capsys.readouterr().err


def test_set_with_a_value_not_allowed_names_it_and_writes_nothing(capsys, data_dir, csv_file):
    path = csv_file(LAUNCHES)
    code, out, err = run(capsys, "import", path, "--set", "status=done", "--data-dir", data_dir)
    assert code == 1
    assert (
        f"{path}:1: status (set for every row): status must be one of active, completed, "
        "cancelled, suspended, planned"
    ) in out.splitlines()
    assert "Nothing was imported" in err and teacher_slugs(capsys, data_dir) == []


def test_a_bundled_partnership_is_kept_unless_update_bundled(capsys, data_dir, csv_file):
    path = csv_file(LAUNCHES)
    code, out, err = run(capsys, "import", path, "--data-dir", data_dir)
    assert code == 0
    assert (
        f"{path}:2: cassini-huygens would be kept (it comes with the app): name: "
        "'Cassini-Huygens mission to Saturn' -> 'Cassini-Huygens'; partners: 'NASA; ESA; ASI' "
        "-> 'NASA'"
    ) in out.splitlines()
    assert "add --update-bundled to change them" in err
    assert teacher_slugs(capsys, data_dir) == ["starlink-v1-l9"]
    code, out, _ = run(capsys, "import", path, "--update-bundled", "--data-dir", data_dir)
    assert "Imported: 0 added, 1 updated" in out
    assert "cassini-huygens" in teacher_slugs(capsys, data_dir)


def test_many_bad_rows_are_counted_by_reason_before_the_first_ones(capsys, data_dir, csv_file):
    rows = "".join(f"Mission {i},someday,NASA\n" for i in range(30))
    code, out, _ = run(
        capsys, "import", csv_file("Mission,Launch date,Company\n" + rows), "--data-dir", data_dir
    )
    lines = out.splitlines()
    assert code == 1
    first = lines.index("By reason:") + 1
    assert lines[first].startswith("  problem: 30 rows: Launch date: not a year or a date")
    one_by_one = [
        x for x in lines if x.endswith(": Launch date: 'someday' is not a year or a date")
    ]
    assert len(one_by_one) == 20 and lines.index(one_by_one[0]) > first
    assert "... and 10 more problems (--json lists them all)" in lines


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p.mkdir(), "is a folder, not a spreadsheet: choose a .csv file in it"),
        (
            lambda p: p.write_bytes(b"\xff\xd8\xff\xe0" + bytes(32)),
            "this is a picture (JPEG), not a spreadsheet saved as CSV",
        ),
    ],
    ids=["folder", "picture"],
)
def test_a_folder_or_picture_says_so_plainly(capsys, data_dir, tmp_path, make, message):
    target = tmp_path / "holiday.jpg"
    make(target)
    code, out, err = run(capsys, "import", target, "--data-dir", data_dir)
    assert code in (1, 2) and message in out + err


def test_packs_are_listed_removed_and_put_back(capsys, data_dir, tmp_path, csv_file):
    run(capsys, "import", csv_file(HEADER + GOOD), "--data-dir", data_dir)
    pack = tmp_path / "week.zip"
    run(capsys, "export", "--format", "pack", pack, "--title", "Space week", "--pack-version",
        "1", "--author", "Ms Okafor", "--data-dir", data_dir)  # fmt: skip
    other = str(tmp_path / "other")
    run(capsys, "import", pack, "--data-dir", other)
    code, out, _ = run(capsys, "packs", "list", "--json", "--data-dir", other)
    listed = json.loads(out)
    assert [(p["name"], p["version"], p["author"]) for p in listed] == [
        ("space-week", "1", "Ms Okafor")
    ]
    code, out, _ = run(capsys, "packs", "remove", "space-week", "--data-dir", other)
    assert code == 0 and "Removed space-week: 1 partnerships" in out
    assert teacher_slugs(capsys, other) == []
    trash = out.split("undo-remove ")[1].split("'")[0]
    code, out, _ = run(capsys, "packs", "undo-remove", trash, "--data-dir", other)
    assert code == 0 and teacher_slugs(capsys, other) == ["moon-base"]
    code, _, err = run(capsys, "packs", "remove", "nothing", "--data-dir", other)
    assert code == 1 and "no installed pack is called 'nothing'" in err
