"""Check-your-understanding questions for a school's learning platform.

A lesson's questions (or every lesson's) become a `QuizSet`, which each writer turns into
a file a platform imports: GIFT and Moodle XML (quiz_moodle.py) and a QTI 1.2 package
for Canvas, Blackboard and others (quiz_qti.py). A multiple-choice question becomes a
single-answer item with its explanation as feedback; an open question becomes an essay
item (marked by the teacher) with the model answer as feedback. Plain Python, no Qt.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from explorer.core.models import Lesson, Question

APP_NAME = "Space Partnerships Explorer"
#: format name -> (what the user reads, the file name's ending)
QUIZ_FORMATS: dict[str, tuple[str, str]] = {
    "gift": ("GIFT text for Moodle", ".txt"),
    "moodle-xml": ("Moodle XML", ".xml"),
    "qti": ("QTI 1.2 package for Canvas, Blackboard and others", ".zip"),
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


class NoQuestionsError(ValueError):
    """There is nothing to export: the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class QuizItem:
    """One question, with the lesson it comes from and its place there (1-based)."""

    lesson_slug: str
    lesson_title: str
    number: int
    question: Question

    @property
    def name(self) -> str:
        """What a platform lists it as: 'Lesson title · Q2'."""
        return f"{self.lesson_title} · Q{self.number}"

    @property
    def is_choice(self) -> bool:
        return bool(self.question.choices)

    @property
    def correct(self) -> int:
        """The index of the right choice (multiple choice only)."""
        answer = self.question.answer
        return answer if isinstance(answer, int) else -1

    @property
    def model_answer(self) -> str:
        return "" if self.is_choice else str(self.question.answer).strip()

    @property
    def feedback(self) -> str:
        """Shown to the student after answering: the explanation, and for an open
        question the model answer first."""
        explanation = self.question.explanation.strip()
        if self.is_choice:
            return explanation
        model = f"Model answer: {self.model_answer}"
        return f"{model} {explanation}" if explanation else model


@dataclass(frozen=True, slots=True)
class QuizLesson:
    slug: str
    title: str
    items: tuple[QuizItem, ...]


@dataclass(frozen=True, slots=True)
class QuizSet:
    """The questions to export, lesson by lesson, in reading order."""

    title: str
    lessons: tuple[QuizLesson, ...]

    @property
    def items(self) -> tuple[QuizItem, ...]:
        return tuple(item for lesson in self.lessons for item in lesson.items)


def quiz_set(lessons: Sequence[Lesson], title: str = "") -> QuizSet:
    """The questions of `lessons` (those without questions are left out); raises
    NoQuestionsError when none has any."""
    kept = tuple(
        QuizLesson(
            lesson.slug,
            lesson.title,
            tuple(
                QuizItem(lesson.slug, lesson.title, number, question)
                for number, question in enumerate(lesson.questions, start=1)
            ),
        )
        for lesson in lessons
        if lesson.questions
    )
    if not kept:
        names = ", ".join(lesson.slug for lesson in lessons) or "no lesson"
        raise NoQuestionsError(f"no check-your-understanding questions in {names}")
    if not title:
        title = kept[0].title if len(lessons) == 1 else f"{APP_NAME}: all lessons"
    return QuizSet(title, kept)


def html_text(text: str) -> str:
    """Plain text as HTML (the formats carry HTML): escaped, line breaks kept."""
    return "<br>".join(escape(line, quote=False) for line in text.strip().splitlines())


def category_path(*names: str) -> str:
    """A Moodle question category path on one line; a '/' inside a name is written '//'."""
    return "/".join(" ".join(name.split()).replace("/", "//") for name in ("$course$", *names))
