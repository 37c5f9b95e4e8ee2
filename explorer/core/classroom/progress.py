"""A student's progress: which lessons they opened and read, and their quiz answers.

    progress = opened(progress, "why-partner", now)        # the lesson was shown
    progress = finished(progress, "why-partner", now)      # scrolled (nearly) to its end
    progress = answered(progress, lesson, 0, 2, now)       # picked choice C of question 1
    score_of(progress, lesson)                             # Score(right=1, answered=1, total=3)

A lesson is *started* when it was opened and *read* when the student has seen all but the
last tenth of the page (READ_FRACTION), or a page short enough to fit the window. A quiz
answer remembers the question's text, so an answer never lands on a question that a
teacher edited or moved, and the first choice picked, which is what the score counts:
a question is *answered* once the student picked a choice or asked for the answer, and
*right* when the first choice was the right one. Open questions (a model answer, no
choices) are remembered but not scored.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from explorer.core.models import MY_LESSONS, SECTIONS, Lesson, Question
from explorer.core.quiz import REVEALED

NOT_YET, STARTED, READ = "not-yet", "started", "read"
STATUSES = (NOT_YET, STARTED, READ)
STATUS_TITLES = {NOT_YET: "Not yet", STARTED: "Started", READ: "Read"}
#: the share of a lesson's page the student must have seen for it to count as read
READ_FRACTION = 0.9


@dataclass(frozen=True, slots=True)
class Answer:
    """One question's answer: its text when answered, the first choice picked (None when
    the answer was shown before any choice, or for an open question) and what the page
    shows now (the last choice picked, or REVEALED)."""

    question: str
    first: int | None
    shown: int


@dataclass(frozen=True, slots=True)
class LessonProgress:
    status: str = STARTED
    opened: str = ""  # ISO date and time of the first opening
    finished: str = ""  # when it was read to the end ("" while only started)
    answers: Mapping[int, Answer] = field(default_factory=dict)  # question index -> answer


@dataclass(frozen=True, slots=True)
class Progress:
    lessons: Mapping[str, LessonProgress] = field(default_factory=dict)  # by lesson slug

    def of(self, slug: str) -> LessonProgress | None:
        return self.lessons.get(slug)

    def status(self, slug: str) -> str:
        found = self.lessons.get(slug)
        return found.status if found else NOT_YET

    def _with(self, slug: str, lesson: LessonProgress) -> Progress:
        return Progress({**self.lessons, slug: lesson})


@dataclass(frozen=True, slots=True)
class Score:
    right: int  # right at the first choice
    answered: int  # a choice picked or the answer shown
    total: int  # multiple-choice questions in the lesson

    def __add__(self, other: Score) -> Score:
        return Score(
            self.right + other.right, self.answered + other.answered, self.total + other.total
        )

    @property
    def label(self) -> str:
        """'2/3' (right of total), '' when there is nothing to score."""
        return f"{self.right}/{self.total}" if self.total and self.answered else ""


NO_SCORE = Score(0, 0, 0)


def is_scored(question: Question) -> bool:
    """A multiple-choice question with a valid right choice."""
    return bool(question.choices) and isinstance(question.answer, int)


def reading_fraction(top: float, window: float, page: float) -> float:
    """How much of a page has been seen: the bottom of the window (`top` of the window
    plus its height, in the page's coordinates) over the page's height; 1.0 for a page
    that fits the window."""
    if page <= 0 or top + window >= page:
        return 1.0
    return max(0.0, (top + window) / page)


def opened(progress: Progress, slug: str, now: str) -> Progress:
    """The lesson was shown; a lesson already started or read stays as it is."""
    if slug in progress.lessons:
        return progress
    return progress._with(slug, LessonProgress(STARTED, now))


def finished(progress: Progress, slug: str, now: str) -> Progress:
    """The lesson was read to (nearly) its end."""
    known = progress.lessons.get(slug) or LessonProgress(STARTED, now)
    if known.status == READ:
        return progress
    return progress._with(slug, replace(known, status=READ, finished=now))


def answered(progress: Progress, lesson: Lesson, number: int, state: int, now: str) -> Progress:
    """Question `number` of `lesson` was answered: a choice picked, or REVEALED."""
    if not 0 <= number < len(lesson.questions):
        return progress
    question = lesson.questions[number]
    known = opened(progress, lesson.slug, now).lessons[lesson.slug]
    before = _valid(known.answers.get(number), question)
    if before is not None:
        answer = replace(before, shown=state)
    else:
        first = state if is_scored(question) and state != REVEALED else None
        answer = Answer(question.question, first, state)
    answers = {**known.answers, number: answer}
    return progress._with(lesson.slug, replace(known, answers=answers))


def _valid(answer: Answer | None, question: Question) -> Answer | None:
    return answer if answer is not None and answer.question == question.question else None


def valid_answers(progress: Progress, lesson: Lesson) -> dict[int, Answer]:
    """The lesson's answers that still fit its questions (same index, same text)."""
    known = progress.lessons.get(lesson.slug)
    if known is None:
        return {}
    return {
        number: answer
        for number, answer in known.answers.items()
        if 0 <= number < len(lesson.questions)
        and _valid(answer, lesson.questions[number]) is not None
    }


def quiz_state(progress: Progress, lesson: Lesson) -> dict[int, int]:
    """What the lesson page shows for each question answered: the choice, or REVEALED."""
    return {number: answer.shown for number, answer in valid_answers(progress, lesson).items()}


def score_of(progress: Progress, lesson: Lesson) -> Score:
    answers = valid_answers(progress, lesson)
    right = answered_count = total = 0
    for number, question in enumerate(lesson.questions):
        if not is_scored(question):
            continue
        total += 1
        answer = answers.get(number)
        if answer is None:
            continue
        right += answer.first == question.answer
        answered_count += 1
    return Score(right, answered_count, total)


@dataclass(frozen=True, slots=True)
class LessonRow:
    slug: str
    title: str
    status: str
    score: Score


@dataclass(frozen=True, slots=True)
class SectionSummary:
    key: str  # the library group: a section, MY_LESSONS or collection:SLUG
    title: str
    lessons: tuple[LessonRow, ...]

    def count(self, status: str) -> int:
        return sum(1 for row in self.lessons if row.status == status)

    @property
    def score(self) -> Score:
        total = NO_SCORE
        for row in self.lessons:
            total = total + row.score
        return total


def summarise(progress: Progress, lessons: Sequence[Lesson]) -> tuple[SectionSummary, ...]:
    """Every lesson's status and score, grouped as the library groups them (in its order)."""
    groups: dict[str, tuple[str, list[LessonRow]]] = {}
    for lesson in lessons:
        row = LessonRow(
            lesson.slug, lesson.title, progress.status(lesson.slug), score_of(progress, lesson)
        )
        groups.setdefault(lesson.group, (lesson.group_title, []))[1].append(row)
    ranked = sorted(groups, key=group_rank)  # stable: collections keep the lessons' order
    return tuple(SectionSummary(key, groups[key][0], tuple(groups[key][1])) for key in ranked)


def group_rank(group: str) -> tuple[int, int]:
    """The library's order of groups: bundled sections in their order, then My lessons,
    then the collections."""
    if group in SECTIONS:
        return (0, SECTIONS.index(group))
    return (1, 0) if group == MY_LESSONS else (2, 0)
