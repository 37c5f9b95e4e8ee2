"""The class table and the per-question view, merged from students' exported files."""

from __future__ import annotations

import pytest

from explorer.core.classroom import progress as study
from explorer.core.classroom.documents import DocumentError, export_document
from explorer.core.classroom.merge import (
    CLASS_COLUMNS,
    NOT_ANSWERED,
    class_table,
    question_counts,
    question_summary,
    question_table,
    student_file,
)
from explorer.core.models import Lesson, Question

NOW = "2026-12-04T10:00:00"
Q1 = Question("Who built Huygens?", 1, ("NASA", "ESA", "JAXA"))
Q2 = Question("Where is the ISS?", 0, ("Low Earth orbit", "The Moon"))
HUYGENS = Lesson("huygens", "Huygens", "benefits", questions=(Q1, Q2))
ISS = Lesson("iss", "The ISS", "cooperation", questions=(Q2,))


def exported(student: str, *steps: tuple[Lesson, int, int], read: tuple[str, ...] = ()):
    progress = study.Progress()
    for lesson, number, choice in steps:
        progress = study.answered(progress, lesson, number, choice, NOW)
    for slug in read:
        progress = study.finished(progress, slug, NOW)
    document = export_document(progress, [HUYGENS, ISS], student, NOW)
    return student_file(document, f"{student.lower()}.json")


@pytest.fixture
def three():
    return [
        exported("Ada", (HUYGENS, 0, 1), (HUYGENS, 1, 0), (ISS, 0, 0), read=("huygens", "iss")),
        exported("Ben", (HUYGENS, 0, 0), (HUYGENS, 0, 1), (HUYGENS, 1, 1), read=("huygens",)),
        exported("Cy", (HUYGENS, 0, 2)),
    ]


def test_three_students_make_three_rows(three):
    table = class_table(three)
    assert table.header[: len(CLASS_COLUMNS)] == CLASS_COLUMNS
    assert table.header[len(CLASS_COLUMNS) :] == (
        "huygens: status",
        "huygens: right first time",
        "iss: status",
        "iss: right first time",
    )
    rows = {row[0]: row for row in table.rows}
    #             file        read started questions answered right score
    assert rows["Ada"][1:2] + rows["Ada"][3:9] == ("ada.json", "2", "0", "3", "3", "3", "100")
    assert rows["Ben"][3:9] == ("1", "0", "3", "2", "0", "0")
    assert rows["Cy"][3:9] == ("0", "1", "3", "1", "0", "0")
    assert rows["Ada"][9:] == ("read", "2", "read", "1")
    assert rows["Cy"][9:] == ("started", "0", "not-yet", "0")
    assert [row[0] for row in table.rows] == ["Ada", "Ben", "Cy"]  # in the order given


def test_the_per_question_view_counts_first_choices(three):
    counts = {(c.lesson, c.number): c for c in question_counts(three)}
    huygens = counts[("huygens", 1)]
    assert huygens.picks == (1, 1, 1)  # NASA (Ben), ESA (Ada), JAXA (Cy)
    assert (huygens.right_first_time, huygens.unanswered, huygens.students) == (1, 0, 3)
    assert huygens.percent_right == "33"
    where = counts[("huygens", 2)]
    assert (where.picks, where.unanswered, where.percent_right) == ((1, 1), 1, "50")  # of 2
    iss = counts[("iss", 1)]
    assert (iss.picks, iss.unanswered) == ((1, 0), 2)


def test_the_per_question_table_has_a_row_per_choice_and_one_for_no_answer(three):
    rows = question_table(three).rows
    first = [row for row in rows if row[0] == "huygens" and row[2] == "1"]
    assert [(r[4], r[5], r[6], r[7]) for r in first] == [
        ("A", "NASA", "", "1"),
        ("B", "ESA", "yes", "1"),
        ("C", "JAXA", "", "1"),
        ("", NOT_ANSWERED, "", "0"),
    ]
    assert {r[8] for r in rows} == {"3"} and (first[0][9], first[0][10]) == ("3", "33")
    (iss_none,) = [r for r in rows if r[0] == "iss" and r[5] == NOT_ANSWERED]
    assert iss_none[7:] == ("2", "3", "1", "100")


def test_a_question_is_known_by_its_text_when_a_teacher_reordered_them():
    moved = Lesson("huygens", "Huygens", "benefits", questions=(Q2, Q1))
    document = export_document(
        study.answered(study.Progress(), moved, 1, 1, NOW), [moved], "Dee", NOW
    )
    files = [exported("Ada", (HUYGENS, 0, 1)), student_file(document, "dee.json")]
    counts = {c.question: c for c in question_counts(files)}
    assert counts[Q1.question].picks == (0, 2, 0)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(format="space-explorer-progress"), "not a space explorer student"),
        (lambda d: d.update(format_version=99), "newer version of the app"),
        (lambda d: d.update(student=" "), "no student's name"),
        (lambda d: d.update(lessons={}), "'lessons' must be a list"),
        (lambda d: d["lessons"][0].update(status="done"), "status 'done' is not known"),
        (lambda d: d["lessons"][0]["questions"][0].update(right_choice="?"), "not a choice"),
        (lambda d: d["lessons"][0]["questions"][0].update(choices="A"), "list of text"),
    ],
)
def test_a_bad_student_file_says_what_is_wrong(change, message):
    document = export_document(study.Progress(), [HUYGENS], "Ada", NOW)
    change(document)
    with pytest.raises(DocumentError, match=message):
        student_file(document, "ada.json")


def test_the_window_lists_the_hardest_question_first(three):
    dee = exported("Dee", (HUYGENS, 0, 1), (HUYGENS, 1, 1), (ISS, 0, 0))
    table = question_summary([*three, dee])
    assert [r[:4] for r in table.rows] == [
        ("33", "3 of 4", "Huygens", "2"),  # Ada only of the three who answered
        ("50", "4 of 4", "Huygens", "1"),
        ("100", "2 of 4", "The ISS", "1"),
    ]
    assert table.rows[1][5:] == ("B: ESA", "A 1 · B 2 · C 1", "0")
    nobody = exported("Eve")
    assert question_summary([nobody]).rows[0][:2] == ("", "0 of 1")
