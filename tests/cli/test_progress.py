"""progress merge and progress export on the command line: files, output, exit codes."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.core.classroom import progress as study
from explorer.core.classroom.documents import export_document
from explorer.core.models import Lesson, Question

Q = Question("Who docked in 1975?", 0, ("Apollo and Soyuz", "Mir and Shuttle"))
LESSON = Lesson("why-partner", "Why partner at all?", "foundations", questions=(Q,))


def run(capsys, *args: object) -> tuple[int, str, str]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def students(tmp_path: Path) -> list[Path]:
    files = []
    for name, choice in (("Ada", 0), ("Ben", 1), ("Cy", None)):
        progress = study.opened(study.Progress(), LESSON.slug, "t")
        if choice is not None:
            progress = study.answered(progress, LESSON, 0, choice, "t")
        path = tmp_path / f"{name.lower()}.json"
        path.write_text(json.dumps(export_document(progress, [LESSON], name, "t")))
        files.append(path)
    return files


def rows(path: Path) -> list[list[str]]:
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_merge_writes_the_class_table_and_the_per_question_view(capsys, students, tmp_path):
    out, questions = tmp_path / "class.csv", tmp_path / "questions.csv"
    code, printed, err = run(
        capsys, "progress", "merge", *students, "--out", out, "--by-question", questions
    )
    assert (code, err) == (0, "")
    assert printed == f"Wrote {out}: 3 student files; {questions}: 3 rows.\n"
    table = rows(out)
    assert [r[0] for r in table] == ["student", "Ada", "Ben", "Cy"]
    assert [r[table[0].index("right first time")] for r in table[1:]] == ["1", "0", "0"]
    per_question = rows(questions)
    assert [(r[4], r[7]) for r in per_question[1:]] == [("A", "1"), ("B", "1"), ("", "1")]


def test_merge_names_a_bad_file_and_fails(capsys, students, tmp_path):
    bad = tmp_path / "notes.json"
    bad.write_text("[1, 2]")
    code, _, err = run(capsys, "progress", "merge", *students, bad, "--out", tmp_path / "c.csv")
    assert code == 1
    assert err == f"space-explorer: {bad}: it is not a space explorer student progress file\n"
    assert len(rows(tmp_path / "c.csv")) == 4


@pytest.mark.parametrize("clash", ["input", "same"])
def test_merge_refuses_to_overwrite_its_inputs(capsys, students, tmp_path, clash):
    target = students[0] if clash == "input" else tmp_path / "x.csv"
    extra = ["--by-question", tmp_path / "x.csv"] if clash == "same" else []
    before = students[0].read_bytes()
    code, _, err = run(capsys, "progress", "merge", *students, "--out", target, *extra)
    assert code == 2 and "must differ" in err
    assert students[0].read_bytes() == before


def test_merge_with_no_readable_file_is_a_usage_error(capsys, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    code, _, err = run(capsys, "progress", "merge", bad, "--out", tmp_path / "c.csv")
    assert code == 2 and err.endswith("none of the files is a progress file a student exported\n")
    assert not (tmp_path / "c.csv").exists()


def test_export_writes_this_data_folders_progress(capsys, tmp_path):
    data = tmp_path / "data"
    (data / "progress").mkdir(parents=True)
    saved = {
        "format": "space-explorer-progress",
        "format_version": 1,
        "lessons": {"why-partner": {"status": "read", "opened": "t"}},
    }
    (data / "progress" / "progress.json").write_text(json.dumps(saved))
    out = tmp_path / "ada.json"
    code, printed, _ = run(
        capsys, "progress", "export", "--student", "Ada", out, "--data-dir", data
    )
    assert code == 0 and printed == f"Wrote {out}.\n"
    document = json.loads(out.read_text())
    statuses = {x["slug"]: x["status"] for x in document["lessons"]}
    assert statuses["why-partner"] == "read" and statuses["sharing-the-cost"] == "not-yet"
