"""`space-explorer validate` checks reading trails: a step that points nowhere is an error
with the trail file and the step's line; `open trail:SLUG` refuses an unknown trail."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.cli import main

BROKEN = """title: A broken trail
steps:
  - lesson: why-partner
    note: This one exists.
  - lesson: no-such-lesson
    note: This one does not.
"""


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "trails"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path / "data"


def test_validate_reports_a_trail_step_that_points_nowhere_with_file_and_line(capsys, data_dir):
    code, out, _ = run(capsys, "validate", "--data-dir", str(data_dir))
    trail = (data_dir / "trails" / "broken.yaml").resolve()
    assert code == 1
    assert out.splitlines() == [f"{trail}:5: step 2: no lesson 'no-such-lesson'"]


def test_validate_checks_a_trail_file_given_by_path(capsys, data_dir, tmp_path):
    loose = tmp_path / "draft.yaml"
    loose.write_text(BROKEN.replace("no-such-lesson", "why-partner"), encoding="utf-8")
    code, out, err = run(capsys, "validate", str(loose), "--data-dir", str(data_dir))
    assert (code, out) == (0, "")
    assert err == "0 lesson files and 1 trail checked: 0 errors, 0 notes.\n"
    code, out, _ = run(
        capsys, "validate", str(data_dir / "trails" / "broken.yaml"), "--data-dir", str(data_dir)
    )
    assert code == 1 and out.endswith("step 2: no lesson 'no-such-lesson'\n")


def test_the_bundled_content_and_its_trails_validate(capsys, tmp_path):
    code, out, _ = run(capsys, "validate", "--data-dir", str(tmp_path / "fresh"))
    assert (code, out) == (0, "")


def test_open_refuses_a_trail_that_does_not_exist(capsys, tmp_path):
    code = main(["open", "trail:no-such-trail", "--data-dir", str(tmp_path / "data")])
    err = capsys.readouterr().err
    assert code == 2
    assert err == "space-explorer: error: unknown target 'trail:no-such-trail' (no such trail)\n"


def test_check_lists_a_broken_step_of_the_teachers_trail(capsys, data_dir):
    code, out, _ = run(capsys, "check", "--data-dir", str(data_dir))
    trail = (data_dir / "trails" / "broken.yaml").resolve()
    assert code == 1
    assert f"{trail}:5: step 2: no lesson 'no-such-lesson'" in out.splitlines()
