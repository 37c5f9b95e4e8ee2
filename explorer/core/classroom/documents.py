"""The JSON documents of the classroom files: a student's progress (kept in the data
folder) and the file a student exports for their teacher. See docs/classroom.md.

Reading is strict about shape and tolerant of extra keys: a damaged document raises
DocumentError with one line for the user; a document from a newer version of the app is
recognised by `version_of` before it is read, so that it is never overwritten.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from explorer.core.classroom.progress import (
    STATUSES,
    Answer,
    LessonProgress,
    Progress,
    is_scored,
    valid_answers,
)
from explorer.core.models import Lesson
from explorer.core.quiz import REVEALED

PROGRESS_FORMAT = "space-explorer-progress"
PROGRESS_VERSION = 1
EXPORT_FORMAT = "space-explorer-student-progress"
EXPORT_VERSION = 1
SHOWN_ANSWER = "answer"  # `shown` when the student asked to see the answer
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class DocumentError(ValueError):
    """A document that is not what it should be: one line saying what is wrong."""


def letter(index: int) -> str:
    """0 -> 'A': choices as the student sees them."""
    return LETTERS[index] if 0 <= index < len(LETTERS) else str(index + 1)


def index_of(text: object) -> int:
    """'B' -> 1 (or '27' -> 26); DocumentError for anything else."""
    if isinstance(text, str) and len(text) == 1 and text.upper() in LETTERS:
        return LETTERS.index(text.upper())
    if isinstance(text, str) and text.isdigit() and int(text) > 0:
        return int(text) - 1
    raise DocumentError(f"{text!r} is not a choice (A, B, C, ...)")


def version_of(document: Any, expected_format: str) -> int:
    """The document's format version; DocumentError when it is not of `expected_format`."""
    if not isinstance(document, Mapping) or document.get("format") != expected_format:
        raise DocumentError(f"it is not a {expected_format.replace('-', ' ')} file")
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise DocumentError("it has no valid format_version")
    return version


# -- the progress file ----------------------------------------------------------------------
def progress_document(progress: Progress) -> dict[str, Any]:
    lessons = {}
    for slug, known in sorted(progress.lessons.items()):
        entry: dict[str, Any] = {"status": known.status, "opened": known.opened}
        if known.finished:
            entry["finished"] = known.finished
        if known.answers:
            entry["answers"] = [
                {
                    "question": number + 1,
                    "text": answer.question,
                    "first_choice": None if answer.first is None else letter(answer.first),
                    "shown": SHOWN_ANSWER if answer.shown == REVEALED else letter(answer.shown),
                }
                for number, answer in sorted(known.answers.items())
            ]
        lessons[slug] = entry
    return {"format": PROGRESS_FORMAT, "format_version": PROGRESS_VERSION, "lessons": lessons}


def progress_from_document(document: Any) -> Progress:
    """Read a progress document of this version or an older one (DocumentError if bad)."""
    version_of(document, PROGRESS_FORMAT)
    lessons = document.get("lessons", {})
    if not isinstance(lessons, Mapping):
        raise DocumentError("'lessons' must be an object of lessons by slug")
    found = {}
    for slug, entry in lessons.items():
        if not isinstance(entry, Mapping):
            raise DocumentError(f"lesson {slug!r}: must be an object")
        try:
            found[str(slug)] = _lesson_progress(entry)
        except DocumentError as exc:
            raise DocumentError(f"lesson {slug!r}: {exc}") from None
    return Progress(found)


def _lesson_progress(entry: Mapping[str, Any]) -> LessonProgress:
    status = entry.get("status")
    if status not in STATUSES:
        raise DocumentError(f"status {status!r} is not one of {', '.join(STATUSES)}")
    answers = {}
    listed = entry.get("answers") or []
    if not isinstance(listed, list):
        raise DocumentError("'answers' must be a list")
    for item in listed:
        number, answer = _answer(item)
        answers[number] = answer
    return LessonProgress(
        str(status), str(entry.get("opened") or ""), str(entry.get("finished") or ""), answers
    )


def _answer(item: Any) -> tuple[int, Answer]:
    if not isinstance(item, Mapping):
        raise DocumentError("each answer must be an object")
    number = item.get("question")
    if not isinstance(number, int) or isinstance(number, bool) or number < 1:
        raise DocumentError(f"answer to question {number!r}: 'question' is a number from 1")
    first = item.get("first_choice")
    shown = item.get("shown")
    return number - 1, Answer(
        str(item.get("text") or ""),
        None if first is None else index_of(first),
        REVEALED if shown == SHOWN_ANSWER else index_of(shown),
    )


# -- the file a student exports -----------------------------------------------------------
def export_document(
    progress: Progress,
    lessons: Sequence[Lesson],
    student: str,
    exported: str,
    app_version: str = "",
) -> dict[str, Any]:
    """Everything a teacher's merge needs, self-contained: every lesson with its status
    and each multiple-choice question with its choices, the right one and the student's
    first choice."""
    return {
        "format": EXPORT_FORMAT,
        "format_version": EXPORT_VERSION,
        "student": student,
        "exported": exported,
        "app_version": app_version,
        "lessons": [_exported_lesson(progress, lesson) for lesson in lessons],
    }


def _exported_lesson(progress: Progress, lesson: Lesson) -> dict[str, Any]:
    answers = valid_answers(progress, lesson)
    questions = []
    for number, question in enumerate(lesson.questions):
        if not is_scored(question):
            continue
        answer = answers.get(number)
        first = answer.first if answer else None
        assert isinstance(question.answer, int)
        questions.append(
            {
                "number": number + 1,
                "question": question.question,
                "choices": list(question.choices),
                "right_choice": letter(question.answer),
                "first_choice": None if first is None else letter(first),
                "answered": answer is not None,
            }
        )
    return {
        "slug": lesson.slug,
        "title": lesson.title,
        "section": lesson.group_title,
        "status": progress.status(lesson.slug),
        "questions": questions,
    }
