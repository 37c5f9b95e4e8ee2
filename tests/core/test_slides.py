"""Slides built in core: a lesson as title, introduction, sections, key points and
questions (each answer a press later); partnerships and timeline views; a trail as a
talk with its notes; everything escaped."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.core.mdx.context import RenderContext
from explorer.core.models import Lesson, Milestone, Participant, Partner, Partnership, Question
from explorer.core.render import MarkdownRenderer
from explorer.core.slides import (
    SlideSource,
    body_context,
    lesson_slides,
    partnership_slide,
    question_slide,
    trail_slides,
)
from explorer.core.trails import TimelineView, Trail, TrailStep

LESSON = Lesson(
    "docking",
    "Docking <in> orbit",
    "case-studies",
    summary="How two ships join.",
    objectives=("Name the parts.",),
    key_points=("Both halves fit.",),
    questions=(
        Question("Which year?", 1, ("1969", "1975"), "July 1975."),
        Question("Why together?", "So either ship can lead."),
    ),
    body="Two ships meet.\n\n## Finding\n\nRadar.\n\n## Contact\n\nLatches <script>x</script>.\n",
)
ASTP = Partnership(
    "astp",
    "Apollo-Soyuz & friends",
    "bilateral",
    1975,
    1975,
    "completed",
    "human-spaceflight",
    partners=(Participant(Partner("nasa", "NASA")), Participant(Partner("ussr", "Soviet Union"))),
    description="Two rival ships docked.",
    milestones=tuple(Milestone(1970 + n, f"Event {n}") for n in range(8)),
)


@pytest.fixture(scope="module")
def source() -> SlideSource:
    return SlideSource(
        MarkdownRenderer(), lambda _lesson: RenderContext(), {"docking": LESSON}, {"astp": ASTP}.get
    )


def test_a_lesson_is_shown_section_by_section_then_question_by_question(source):
    slides = lesson_slides(LESSON, source)
    assert [(s.kind, s.title, len(s.stages)) for s in slides] == [
        ("title", "Docking <in> orbit", 1),
        ("section", "Docking <in> orbit", 1),
        ("section", "Finding", 1),
        ("section", "Contact", 1),
        ("points", "Key points", 1),
        ("question", "Which year?", 2),
        ("question", "Why together?", 2),
    ]
    assert "<h1>Docking &lt;in&gt; orbit</h1>" in slides[0].html
    assert "Name the parts." in slides[0].html
    assert "Introduction" in slides[1].html and "Two ships meet." in slides[1].html
    assert "2 of 2" in slides[3].html and "Radar" not in slides[3].html
    assert "<script>" not in slides[3].html


def test_a_question_shows_its_answer_only_at_the_second_stage():
    asked, answered = question_slide(LESSON, 1).stages
    assert "Which year?" in asked and "1975" in asked
    assert "Answer" not in asked
    assert "<b>Answer: B, 1975.</b> July 1975." in answered
    asked, answered = question_slide(LESSON, 2).stages
    assert "So either ship" not in asked
    assert "<b>A model answer:</b> So either ship can lead." in answered
    assert "Question 2 of 2" in asked


def test_a_partnership_slide_has_its_facts_and_only_the_first_milestones():
    slide = partnership_slide(ASTP)
    assert slide.title == "Apollo-Soyuz & friends"
    assert "<h1>Apollo-Soyuz &amp; friends</h1>" in slide.html
    assert "1975</b> · Completed · NASA, Soviet Union" in slide.html
    assert "Event 5" in slide.html and "Event 6" not in slide.html
    assert "2 milestones more on its page" in slide.html


def test_a_trail_plays_as_a_talk_with_each_steps_note(source):
    trail = Trail(
        "talk",
        "Talk",
        steps=(
            TrailStep("partnership", "astp", note="Tell the story."),
            TrailStep("section", "docking", section="Contact", note="Show the latches."),
            TrailStep("question", "docking", question=2),
            TrailStep("partnership", "gone", note="Points nowhere: left out."),
            TrailStep("timeline", view=TimelineView(1970, 1980), note="The seventies."),
            TrailStep("lesson", "docking"),
        ),
    )
    slides = trail_slides(trail, source)
    assert [(s.title, s.step, s.note) for s in slides[:4]] == [
        ("Apollo-Soyuz & friends", 0, "Tell the story."),
        ("Contact", 1, "Show the latches."),
        ("Why together?", 2, ""),
        ("Timeline · 1970–1980", 4, "The seventies."),
    ]
    assert slides[3].view == TimelineView(1970, 1980) and slides[3].stages == ("",)
    assert [s.step for s in slides[4:]] == [5] * 7  # the whole lesson, as one step
    assert "2 of 2" in slides[1].html


def test_a_lessons_pictures_come_from_its_own_folder():
    placed = Lesson("x", "X", "benefits", source_path=Path("/lessons/moon/x.md"))
    assert body_context(placed, RenderContext()).base_dir == Path("/lessons/moon")
    assets = Lesson("x", "X", "benefits", source_path=Path("/a/x.md"), assets_dir=Path("/a/fig"))
    assert body_context(assets, RenderContext()).base_dir == Path("/a/fig")


def test_a_solution_in_a_section_opens_at_the_next_press(source):
    lesson = Lesson(
        "ex",
        "Exercise",
        "benefits",
        body="## Try it\n\nWhat is 2 + 2?\n\n::: solution\n\nFour.\n\n:::\n",
    )
    slide = lesson_slides(lesson, source)[1]
    assert slide.title == "Try it" and len(slide.stages) == 2
    hidden, shown = slide.stages
    assert "Four." not in hidden and "Show the solution" in hidden
    assert "Four." in shown
