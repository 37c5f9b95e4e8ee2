"""The teacher's class table, merged from the files students exported.

    files = [student_file(document, "ada.json"), ...]     # DocumentError if one is bad
    class_table(files)       # one row per student file: read, started, score, each lesson
    question_table(files)    # one row per question and choice: how many chose it first

A question is known by its lesson and its text (not its number), so files from a lesson
that a teacher reordered still count together. The tables are plain rows of strings
that explorer.store.classroom_files writes as CSV.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from explorer.core.classroom.documents import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    DocumentError,
    index_of,
    letter,
    version_of,
)
from explorer.core.classroom.progress import READ, STARTED, STATUSES

NOT_ANSWERED = "(no answer yet)"


@dataclass(frozen=True, slots=True)
class StudentQuestion:
    number: int  # from 1, as the lesson showed it
    question: str
    choices: tuple[str, ...]
    right: int  # index of the right choice
    first: int | None  # the student's first choice, None if none
    answered: bool

    @property
    def is_right(self) -> bool:
        return self.first == self.right


@dataclass(frozen=True, slots=True)
class StudentLesson:
    slug: str
    title: str
    section: str
    status: str
    questions: tuple[StudentQuestion, ...]


@dataclass(frozen=True, slots=True)
class StudentFile:
    student: str
    source: str  # the file's name, for the row
    exported: str
    lessons: tuple[StudentLesson, ...]

    def count(self, status: str) -> int:
        return sum(1 for x in self.lessons if x.status == status)

    def questions(self) -> list[StudentQuestion]:
        return [q for x in self.lessons for q in x.questions]


def student_file(document: Any, source: str) -> StudentFile:
    """Read an exported progress document; DocumentError (one line) when it is not one,
    is damaged, or comes from a newer version of the app."""
    version = version_of(document, EXPORT_FORMAT)
    if version > EXPORT_VERSION:
        raise DocumentError(
            f"it was exported by a newer version of the app (format {version}); update the app"
        )
    student = document.get("student")
    if not isinstance(student, str) or not student.strip():
        raise DocumentError("it has no student's name")
    lessons = document.get("lessons")
    if not isinstance(lessons, list):
        raise DocumentError("'lessons' must be a list")
    return StudentFile(
        student.strip(),
        source,
        str(document.get("exported") or ""),
        tuple(_lesson(item, number) for number, item in enumerate(lessons, start=1)),
    )


def _lesson(item: Any, number: int) -> StudentLesson:
    if not isinstance(item, Mapping) or not isinstance(item.get("slug"), str):
        raise DocumentError(f"lesson {number}: must be an object with a 'slug'")
    status = item.get("status")
    if status not in STATUSES:
        raise DocumentError(f"lesson {item['slug']!r}: status {status!r} is not known")
    questions = item.get("questions") or []
    if not isinstance(questions, list):
        raise DocumentError(f"lesson {item['slug']!r}: 'questions' must be a list")
    try:
        parsed = tuple(_question(q) for q in questions)
    except (DocumentError, TypeError, ValueError) as exc:
        raise DocumentError(f"lesson {item['slug']!r}: {exc}") from None
    return StudentLesson(
        item["slug"],
        str(item.get("title") or item["slug"]),
        str(item.get("section") or ""),
        str(status),
        parsed,
    )


def _question(item: Any) -> StudentQuestion:
    if not isinstance(item, Mapping) or not isinstance(item.get("question"), str):
        raise DocumentError("each question must be an object with its 'question' text")
    choices = item.get("choices")
    if not isinstance(choices, list) or not all(isinstance(c, str) for c in choices):
        raise DocumentError(f"question {item['question']!r}: 'choices' must be a list of text")
    first = item.get("first_choice")
    return StudentQuestion(
        int(item.get("number") or 0),
        item["question"],
        tuple(choices),
        index_of(item.get("right_choice")),
        None if first is None else index_of(first),
        bool(item.get("answered")),
    )


# -- the class table ----------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


CLASS_COLUMNS = (
    "student",
    "file",
    "exported",
    "lessons read",
    "lessons started",
    "questions",
    "answered",
    "right first time",
    "score %",
)


def class_table(files: Sequence[StudentFile]) -> Table:
    """One row per student file (in the order given): totals, then for each lesson (in the
    order the files list them) its status and how many questions were right first time."""
    lessons = _lesson_order(files)
    header = [*CLASS_COLUMNS]
    for slug in lessons:
        header += [f"{slug}: status", f"{slug}: right first time"]
    rows = []
    for f in files:
        questions = f.questions()
        right = sum(q.is_right for q in questions)
        row = [
            f.student,
            f.source,
            f.exported.replace("T", " ")[:16],  # 2026-12-04 10:15, as spreadsheets read it
            str(f.count(READ)),
            str(f.count(STARTED)),
            str(len(questions)),
            str(sum(q.answered for q in questions)),
            str(right),
            _percent(right, len(questions)),
        ]
        by_slug = {x.slug: x for x in f.lessons}
        for slug in lessons:
            lesson = by_slug.get(slug)
            if lesson is None:
                row += ["", ""]
            else:
                row += [lesson.status, str(sum(q.is_right for q in lesson.questions))]
        rows.append(tuple(row))
    return Table(tuple(header), tuple(rows))


def _lesson_order(files: Sequence[StudentFile]) -> list[str]:
    seen: dict[str, None] = {}
    for f in files:
        for lesson in f.lessons:
            seen.setdefault(lesson.slug, None)
    return list(seen)


def _percent(part: int, whole: int) -> str:
    return str(round(100 * part / whole)) if whole else ""


# -- the per-question view ----------------------------------------------------------------
QUESTION_COLUMNS = (
    "lesson",
    "lesson title",
    "question",
    "question text",
    "choice",
    "choice text",
    "right choice",
    "students who chose it first",
    "students",
    "students who answered",
    "question % right first time",
)


@dataclass(frozen=True, slots=True)
class QuestionCount:
    """How the class answered one question: first choices counted by choice."""

    lesson: str
    lesson_title: str
    number: int
    question: str
    choices: tuple[str, ...]
    right: int
    picks: tuple[int, ...]  # per choice: students whose first choice it was
    unanswered: int  # students with no first choice yet
    students: int

    @property
    def right_first_time(self) -> int:
        return self.picks[self.right] if 0 <= self.right < len(self.picks) else 0

    @property
    def answered(self) -> int:
        return self.students - self.unanswered

    @property
    def percent_right(self) -> str:
        """Of the students who answered it; '' when nobody has yet."""
        return _percent(self.right_first_time, self.answered)


def question_counts(files: Sequence[StudentFile]) -> tuple[QuestionCount, ...]:
    """Every question any file holds, in the files' order, with the class's first choices."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for f in files:
        for lesson in f.lessons:
            for q in lesson.questions:
                entry = found.setdefault(
                    (lesson.slug, q.question),
                    {"lesson": lesson, "question": q, "picks": {}, "unanswered": 0, "n": 0},
                )
                entry["n"] += 1
                if q.first is None or q.first >= len(q.choices):
                    entry["unanswered"] += 1
                else:  # counted by the choice's text: choices may be in another order
                    text = q.choices[q.first]
                    entry["picks"][text] = entry["picks"].get(text, 0) + 1
    return tuple(_count(entry) for entry in found.values())


def _count(entry: Mapping[str, Any]) -> QuestionCount:
    lesson: StudentLesson = entry["lesson"]
    q: StudentQuestion = entry["question"]
    picks = tuple(entry["picks"].get(choice, 0) for choice in q.choices)
    return QuestionCount(
        lesson.slug,
        lesson.title,
        q.number,
        q.question,
        q.choices,
        q.right,
        picks,
        entry["unanswered"],
        entry["n"],
    )


def question_table(files: Sequence[StudentFile]) -> Table:
    """One row per question and choice, then one for the students with no answer yet."""
    rows = []
    for c in question_counts(files):
        base = (c.lesson, c.lesson_title, str(c.number), c.question)
        for index, choice in enumerate(c.choices):
            rows.append(
                (
                    *base,
                    letter(index),
                    choice,
                    "yes" if index == c.right else "",
                    str(c.picks[index]),
                    str(c.students),
                    str(c.answered),
                    c.percent_right,
                )
            )
        rows.append(
            (
                *base,
                "",
                NOT_ANSWERED,
                "",
                str(c.unanswered),
                str(c.students),
                str(c.answered),
                c.percent_right,
            )
        )
    return Table(QUESTION_COLUMNS, tuple(rows))


QUESTION_SUMMARY_COLUMNS = (
    "% right first time",
    "answered",
    "lesson",
    "question",
    "question text",
    "right answer",
    "first choices",
    "no answer yet",
)


def question_summary(files: Sequence[StudentFile]) -> Table:
    """One row per question, the hardest first (the smallest share of the students who
    answered it right at the first try; questions nobody answered last): the window's
    view of the per-question table."""
    counts = sorted(
        question_counts(files),
        key=lambda c: c.right_first_time / c.answered if c.answered else 2.0,
    )
    rows = tuple(
        (
            c.percent_right,
            f"{c.answered} of {c.students}",
            c.lesson_title,
            str(c.number),
            c.question,
            f"{letter(c.right)}: {c.choices[c.right]}" if 0 <= c.right < len(c.choices) else "",
            " · ".join(f"{letter(i)} {n}" for i, n in enumerate(c.picks)),
            str(c.unanswered),
        )
        for c in counts
    )
    return Table(QUESTION_SUMMARY_COLUMNS, rows)
