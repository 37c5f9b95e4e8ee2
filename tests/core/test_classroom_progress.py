"""A student's progress: statuses, saved quiz answers, scores, the documents, the page."""

from __future__ import annotations

import pytest

from explorer.core.classroom import progress as study
from explorer.core.classroom.documents import (
    DocumentError,
    export_document,
    progress_document,
    progress_from_document,
)
from explorer.core.classroom.pages import progress_page, score_note
from explorer.core.models import Lesson, Question
from explorer.core.quiz import REVEALED

NOW = "2026-12-04T10:00:00"
Q1 = Question("Who built Huygens?", 1, ("NASA", "ESA", "JAXA"))
Q2 = Question("Where is the ISS?", 0, ("Low Earth orbit", "The Moon"))
Q3 = Question("Which launched first?", 2, ("Artemis I", "Gaia", "Sputnik 1"))
OPEN = Question("Why share?", "Because space is expensive.")
LESSON = Lesson("huygens", "Huygens", "benefits", questions=(Q1, Q2, OPEN, Q3))


def answer(*steps: tuple[int, int]) -> study.Progress:
    progress = study.Progress()
    for number, state in steps:
        progress = study.answered(progress, LESSON, number, state, NOW)
    return progress


@pytest.mark.parametrize(
    ("steps", "expected"),
    [
        ((), study.Score(0, 0, 3)),
        (((0, 1),), study.Score(1, 1, 3)),  # right at once
        (((0, 0), (0, 1)), study.Score(0, 1, 3)),  # wrong first: found later, not right
        (((0, 0), (0, 2), (0, 1)), study.Score(0, 1, 3)),
        (((0, REVEALED),), study.Score(0, 1, 3)),  # asked for the answer
        (((0, 0), (0, REVEALED)), study.Score(0, 1, 3)),
        (((0, 1), (1, 0), (3, 2)), study.Score(3, 3, 3)),
        (((0, 1), (1, 1), (3, 2)), study.Score(2, 3, 3)),
        (((2, REVEALED),), study.Score(0, 0, 3)),  # an open question is not scored
        (((9, 1),), study.Score(0, 0, 3)),  # no such question: nothing kept
    ],
)
def test_the_score_counts_the_first_choice(steps, expected):
    assert study.score_of(answer(*steps), LESSON) == expected


@pytest.mark.parametrize(
    ("steps", "shown"),
    [
        (((0, 0),), {0: 0}),
        (((0, 0), (0, 2)), {0: 2}),  # the page shows the last choice
        (((0, 0), (0, REVEALED)), {0: REVEALED}),
        (((2, REVEALED), (1, 1)), {2: REVEALED, 1: 1}),
    ],
)
def test_the_page_shows_the_last_state_of_each_question(steps, shown):
    assert study.quiz_state(answer(*steps), LESSON) == shown


def test_an_answer_to_a_question_that_changed_is_dropped():
    progress = answer((0, 1), (1, 0))
    edited = Lesson("huygens", "Huygens", "benefits", questions=(Q2, Q1))  # swapped
    assert study.quiz_state(progress, edited) == {}
    assert study.score_of(progress, edited) == study.Score(0, 0, 2)
    reworded = Lesson("huygens", "H", "benefits", questions=(Q1, Question("Where?", 0, ("A",))))
    assert study.quiz_state(progress, reworded) == {0: 1}


@pytest.mark.parametrize(
    ("steps", "status"),
    [
        ((), study.NOT_YET),
        (("open",), study.STARTED),
        (("open", "open"), study.STARTED),
        (("open", "read"), study.READ),
        (("read", "open"), study.READ),  # opening again keeps it read
        (("answer",), study.STARTED),  # answering a question opens the lesson
    ],
)
def test_a_lesson_is_not_yet_started_or_read(steps, status):
    progress = study.Progress()
    for step in steps:
        if step == "open":
            progress = study.opened(progress, "huygens", NOW)
        elif step == "read":
            progress = study.finished(progress, "huygens", NOW)
        else:
            progress = study.answered(progress, LESSON, 0, 1, NOW)
    assert progress.status("huygens") == status


@pytest.mark.parametrize(
    ("top", "window", "page", "fraction"),
    [
        (0, 800, 600, 1.0),  # fits the window
        (0, 800, 0, 1.0),
        (0, 500, 5000, 0.1),
        (3950, 500, 5000, 0.89),
        (4000, 500, 5000, 0.9),
        (4500, 500, 5000, 1.0),
    ],
)
def test_how_much_of_a_page_was_seen(top, window, page, fraction):
    assert study.reading_fraction(top, window, page) == pytest.approx(fraction)


def test_sections_follow_the_library_order_with_totals():
    lessons = [
        Lesson("mine", "Mine", "teacher"),
        Lesson("b", "B", "benefits", questions=(Q1,)),
        Lesson("a", "A", "foundations"),
        Lesson("b2", "B2", "benefits", questions=(Q2,)),
    ]
    progress = study.finished(study.opened(study.Progress(), "b", NOW), "b", NOW)
    progress = study.answered(progress, lessons[1], 0, 1, NOW)
    progress = study.opened(progress, "b2", NOW)
    sections = study.summarise(progress, lessons)
    assert [s.key for s in sections] == ["foundations", "benefits", "teacher"]
    benefits = sections[1]
    assert [(r.slug, r.status) for r in benefits.lessons] == [("b", "read"), ("b2", "started")]
    assert benefits.count(study.READ) == 1 and benefits.score == study.Score(1, 1, 2)


def test_the_progress_document_reads_back_the_same():
    progress = study.finished(answer((0, 0), (0, 1), (2, REVEALED), (3, REVEALED)), "huygens", NOW)
    progress = study.opened(progress, "other", NOW)
    document = progress_document(progress)
    assert document["lessons"]["huygens"]["answers"][0] == {
        "question": 1,
        "text": "Who built Huygens?",
        "first_choice": "A",
        "shown": "B",
    }
    assert progress_from_document(document) == progress


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "not a space explorer progress file"),
        ({"format": "space-explorer-progress"}, "no valid format_version"),
        ({"format": "space-explorer-progress", "format_version": 1, "lessons": []}, "'lessons'"),
        (
            {"format": "space-explorer-progress", "format_version": 1, "lessons": {"x": {}}},
            "lesson 'x': status None",
        ),
        (
            {
                "format": "space-explorer-progress",
                "format_version": 1,
                "lessons": {"x": {"status": "read", "answers": [{"question": 0}]}},
            },
            "'question' is a number from 1",
        ),
        (
            {
                "format": "space-explorer-progress",
                "format_version": 1,
                "lessons": {"x": {"status": "read", "answers": [{"question": 1, "shown": "?"}]}},
            },
            "'?' is not a choice",
        ),
    ],
)
def test_a_damaged_progress_document_says_what_is_wrong(document, message):
    with pytest.raises(DocumentError, match=message):
        progress_from_document(document)


def test_the_export_holds_every_lesson_and_its_scored_questions():
    progress = answer((0, 0), (0, 1), (1, 0))
    document = export_document(progress, [LESSON, Lesson("x", "X", "outlook")], "Ada", NOW)
    assert document["student"] == "Ada"
    first, second = document["lessons"]
    assert (first["slug"], first["status"], second["status"]) == ("huygens", "started", "not-yet")
    assert [q["question"] for q in first["questions"]] == [Q1.question, Q2.question, Q3.question]
    assert first["questions"][0] == {
        "number": 1,
        "question": "Who built Huygens?",
        "choices": ["NASA", "ESA", "JAXA"],
        "right_choice": "B",
        "first_choice": "A",
        "answered": True,
    }
    assert first["questions"][2]["number"] == 4 and first["questions"][2]["answered"] is False


@pytest.mark.parametrize(
    ("score", "text"),
    [
        (study.Score(0, 0, 3), ""),
        (study.Score(1, 2, 3), "So far 1 of the 2 you answered were right at the first try"),
        (study.Score(2, 3, 3), "Your score: 2 of 3 right at the first try."),
        (study.Score(0, 0, 0), ""),
    ],
)
def test_the_score_line_under_a_quiz(score, text):
    note = str(score_note(score))
    assert (text in note) if text else note == ""


def test_the_progress_page_sums_up_each_section_and_escapes_titles():
    lessons = [Lesson("a", "<Apollo> & co", "foundations", questions=(Q1,)), LESSON]
    progress = study.finished(answer((0, 1)), "huygens", NOW)
    html = progress_page(study.summarise(progress, lessons), notice="Kept <aside>.")
    assert "You have read 1 of 2 lessons." in html
    assert "answered 1 of the 4 quiz questions and got 1 right" in html
    assert "&lt;Apollo&gt; &amp; co" in html and "<Apollo>" not in html
    assert "Kept &lt;aside&gt;." in html
    assert 'href="classroom:reset"' in html and 'href="classroom:export"' in html
    assert 'href="classroom:merge"' not in html  # a teacher tool
    assert 'href="classroom:merge"' in progress_page((), teacher_tools=True)
