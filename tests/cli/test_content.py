"""`validate` and `check` over a lessons folder with collections, as scripts use them."""

import json
from pathlib import Path

import pytest

from explorer.cli import main

EPISODE = "---\ntitle: {title}\nteaching: 10\nquestions:\n- Why?\n---\n\n{body}\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    unit = tmp_path / "data" / "lessons" / "rockets"
    (unit / "episodes").mkdir(parents=True)
    (unit / "config.yaml").write_text("title: Rockets\nepisodes:\n- 01-thrust.md\n")
    (unit / "LICENSE.md").write_text("---\ntitle: Licenses\n---\nCC BY 4.0\n")
    (unit / "episodes" / "01-thrust.md").write_text(
        EPISODE.format(
            title="Thrust", body="Thrust pushes a rocket. See [ref]({{ page.root }}/r.html)."
        )
    )
    return tmp_path / "data"


def test_validate_notes_do_not_fail_and_the_summary_counts_both(capsys, data_dir):
    code, out, err = run(capsys, "validate", "--data-dir", str(data_dir))
    assert code == 0
    assert all(": note: " in line for line in out.splitlines()) and len(out.splitlines()) == 2
    bundled = len(list((Path(__file__).parents[2] / "content" / "lessons").glob("*.md")))
    trails = len(list((Path(__file__).parents[2] / "content" / "trails").glob("*.yaml")))
    assert err.strip() == (
        f"{bundled + 1} lesson files and {trails} trails checked: 0 errors, 2 notes."
    )


def test_validate_a_folder_reads_its_subfolders_and_fails_on_an_error(capsys, data_dir):
    broken = data_dir / "lessons" / "rockets" / "episodes" / "02-broken.md"
    broken.write_text("---\ntitle: [oops\n---\n")
    code, out, err = run(capsys, "validate", str(data_dir / "lessons"), "--data-dir", str(data_dir))
    assert code == 1
    assert f"{broken}:2: front matter is not valid YAML" in out
    assert "2 lesson files checked: 1 error" in err


def test_search_json_reports_a_collection_lesson_by_its_slug(capsys, data_dir):
    code, out, _ = run(capsys, "search", "thrust", "--json", "--data-dir", str(data_dir))
    assert code == 0
    assert json.loads(out)[0]["slug"] == "rockets/episodes/01-thrust"


def test_check_json_names_kind_file_line_and_what_to_open(capsys, data_dir):
    code, out, _ = run(capsys, "check", "--json", "--data-dir", str(data_dir))
    findings = json.loads(out)
    assert code == 0  # notes only
    episode = str(data_dir / "lessons" / "rockets" / "episodes" / "01-thrust.md")
    assert {
        "kind": "template-code",
        "severity": "note",
        "file": episode,
        "line": 8,
        "message": "link '{{ page.root }}/r.html' uses the original website's template code",
        "lesson": "rockets/episodes/01-thrust",
        "partnership": "",
    } in findings
    assert {f["kind"] for f in findings} == {"template-code", "no-sources", "skipped-file"}


def test_check_exits_1_when_students_would_meet_a_problem(capsys, data_dir):
    (data_dir / "lessons" / "mine.md").write_text(
        "---\ntitle: Mine\n---\n\n![a rocket](gone.png)\n"
    )
    code, out, err = run(capsys, "check", "--data-dir", str(data_dir))
    assert code == 1
    assert f"{data_dir / 'lessons' / 'mine.md'}:5: image 'gone.png' not found" in out
    assert err.startswith("1 error, ")
