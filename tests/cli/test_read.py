"""The command line as scripts use it: exit codes, one-line errors, JSON."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> str:
    return str(tmp_path / "data")


def test_info_json_reports_counts_and_paths(capsys, data_dir):
    code, out, _ = run(capsys, "info", "--json", "--data-dir", data_dir)
    facts = json.loads(out)
    assert code == 0
    assert {"version", "data_dir", "database", "partnerships", "lessons"} <= facts.keys()
    assert facts["data_dir"] == str(Path(data_dir).resolve())
    assert facts["partnerships"] >= 1 and facts["lessons"] >= 1
    assert facts["lessons_dir"] == str(Path(data_dir).resolve() / "lessons")


def test_info_prints_the_lessons_folder(capsys, data_dir):
    code, out, _ = run(capsys, "info", "--data-dir", data_dir)
    line = next(x for x in out.splitlines() if x.startswith("lessons dir"))
    assert code == 0 and line.split()[-1] == str(Path(data_dir).resolve() / "lessons")


def test_data_dir_comes_from_the_environment(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("SPACE_EXPLORER_DATA_DIR", str(tmp_path / "usb"))
    _, out, _ = run(capsys, "info", "--json")
    assert json.loads(out)["database"] == str((tmp_path / "usb" / "explorer.db").resolve())


def test_search_json_lists_apollo_soyuz_first(capsys, data_dir):
    code, out, _ = run(capsys, "search", "apollo soyuz", "--json", "--data-dir", data_dir)
    hits = json.loads(out)
    assert code == 0
    assert hits[0]["slug"] == "apollo-soyuz-test-project" and hits[0]["kind"] == "partnership"
    assert {"kind", "slug", "title", "snippet"} == set(hits[0])


def test_search_filters_by_type(capsys, data_dir):
    _, out, _ = run(
        capsys,
        "search",
        "nasa",
        "--type",
        "public-private",
        "--json",
        "--limit",
        "50",
        "--data-dir",
        data_dir,
    )
    slugs = [h["slug"] for h in json.loads(out) if h["kind"] == "partnership"]
    assert slugs and "apollo-soyuz-test-project" not in slugs


def test_search_filters_by_partner_and_decade(capsys, data_dir):
    _, out, _ = run(
        capsys,
        "search",
        "mars",
        "--partner",
        "esa",
        "--decade",
        "2010s",
        "--json",
        "--limit",
        "50",
        "--data-dir",
        data_dir,
    )
    slugs = {h["slug"] for h in json.loads(out) if h["kind"] == "partnership"}
    assert "exomars-esa-roscosmos" in slugs
    assert "insight-mars-lander" not in slugs  # NASA-led, ESA not a partner


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "   "], "the search query is empty"),
        (
            ["search", "mars", "--partner", "martians"],
            "unknown partner 'martians' (partners are named by slug, e.g. nasa, esa, jaxa)",
        ),
        (["validate", "no/such/file.md"], "no such file or folder: no/such/file.md"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(capsys, data_dir, args, message):
    code, _, err = run(capsys, *args, "--data-dir", data_dir)
    assert code == 2
    assert err.strip() == f"space-explorer: error: {message}"


@pytest.mark.parametrize(
    "args",
    [
        ["search", "x", "--limit", "0"],
        ["search", "x", "--type", "trilateral"],
        ["search", "x", "--decade", "1995"],
        ["frobnicate"],
    ],
)
def test_argparse_errors_exit_2_without_traceback(capsys, args):
    with pytest.raises(SystemExit) as raised:
        main(args)
    assert raised.value.code == 2
    assert "Traceback" not in capsys.readouterr().err


def test_validate_reports_path_and_line_and_exits_1(capsys, data_dir, tmp_path):
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "broken.md").write_text("---\ntitle: [Broken\n---\nText\n", encoding="utf-8")
    (folder / "links.md").write_text(
        "---\ntitle: Links\nsection: types\n---\n\nSee [Mir 2](partnership:mir-2).\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "validate", str(folder), "--data-dir", data_dir)
    assert code == 1
    lines = out.splitlines()
    assert lines[0].startswith(f"{folder / 'broken.md'}:2: front matter is not valid YAML")
    assert lines[1] == f"{folder / 'links.md'}:6: link to unknown partnership 'mir-2'"


def test_validate_of_a_clean_file_exits_0(capsys, data_dir, tmp_path):
    lesson = tmp_path / "fine.md"
    lesson.write_text("---\ntitle: Fine\nsection: outlook\n---\n\nAll good.\n", encoding="utf-8")
    code, out, _ = run(capsys, "validate", str(lesson), "--data-dir", data_dir)
    assert (code, out) == (0, "")


def test_the_installed_command_and_python_m_agree(data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-m", "explorer", "--help"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    for command in ("info", "search", "validate", "open"):
        assert command in result.stdout


def test_open_with_an_unknown_target_exits_2(capsys, data_dir):
    code, _, err = run(capsys, "open", "lesson:no-such-lesson", "--data-dir", data_dir)
    assert code == 2
    assert "unknown target 'lesson:no-such-lesson'" in err


def test_search_with_a_filter_lists_partnerships_only_as_the_window_does(capsys, tmp_path):
    data = str(tmp_path / "data")
    code = main(["search", "mars", "--json", "--data-dir", data])
    both = json.loads(capsys.readouterr().out)
    assert code == 0 and {"lesson", "partnership"} <= {hit["kind"] for hit in both}
    main(["search", "mars", "--type", "bilateral", "--json", "--data-dir", data])
    filtered = json.loads(capsys.readouterr().out)
    assert filtered and {hit["kind"] for hit in filtered} == {"partnership"}
