"""The trail file: steps read with their lines, problems named with file and line,
steps checked against the content, and a saved trail read back the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.core.models import Lesson, Question
from explorer.core.trail_checks import check_trail, step_label
from explorer.core.trails import (
    TimelineView,
    Trail,
    TrailStep,
    TrailTargets,
    load_trail_folder,
    merge_trails,
    parse_trail,
    trail_bytes,
    trail_slug,
)

GOOD = """title: The ISS in brief
summary: A short trail.
steps:
  - lesson: case-iss
    note: Start here.
  - lesson: case-iss
    section: Who does what
  - lesson: case-iss
    question: 2
  - partnership: international-space-station
  - timeline:
      from: 1993
      to: 2030
      group: partner
      highlight: [shuttle-mir]
"""
ISS = Lesson(
    "case-iss",
    "Case study: the ISS",
    "case-studies",
    body="Intro.\n\n## Who does what\n\nA table.\n\n## What worked\n\nA list.\n",
    questions=(Question("One?", 0, ("a", "b")), Question("Two?", "An answer.")),
)
TARGETS = TrailTargets({"case-iss": ISS}, frozenset({"international-space-station", "shuttle-mir"}))


def test_a_trail_is_read_with_every_kind_of_step_and_its_line():
    trail, problems = parse_trail(GOOD, "iss.yaml", "iss")
    assert problems == []
    assert trail.title == "The ISS in brief" and trail.summary == "A short trail."
    assert [(s.kind, s.slug, s.line) for s in trail.steps] == [
        ("lesson", "case-iss", 4),
        ("section", "case-iss", 6),
        ("question", "case-iss", 8),
        ("partnership", "international-space-station", 10),
        ("timeline", "", 11),
    ]
    assert trail.steps[0].note == "Start here."
    assert trail.steps[1].section == "Who does what"
    assert trail.steps[2].question == 2
    assert trail.steps[4].view == TimelineView(1993, 2030, "partner", ("shuttle-mir",))


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("title: [oops\n", "t.yaml:2: invalid YAML"),
        ("- a list\n", "t.yaml:1: a trail file must hold a title and steps"),
        ("steps:\n  - lesson: a\n", "t.yaml:1: the trail has no title"),
        ("title: T\n", "t.yaml:1: the trail has no steps"),
        ("title: T\nsteps: lesson\n", "t.yaml:2: 'steps' must be a list of steps"),
        ("title: T\nsteps:\n  - just words\n", "t.yaml:3: step 1 must be a mapping"),
        (
            "title: T\nsteps:\n  - note: only a note\n",
            "t.yaml:3: step 1 needs exactly one of 'lesson', 'partnership' or 'timeline'",
        ),
        (
            "title: T\nsteps:\n  - lesson: a\n  - lesson: a\n    question: 0\n",
            "t.yaml:4: step 2: 'question' must be a question's number (1 for the first)",
        ),
        (
            "title: T\nsteps:\n  - lesson: a\n    section: S\n    question: 1\n",
            "t.yaml:3: step 1: a step shows a section or a question, not both",
        ),
        (
            "title: T\nsteps:\n  - timeline: {from: 2000, to: 1990}\n",
            "t.yaml:3: step 1: the timeline goes from 2000 to 1990, which is backwards",
        ),
        (
            "title: T\nsteps:\n  - timeline: {group: colour}\n",
            "t.yaml:3: step 1: timeline 'group' must be one of type, domain, partner",
        ),
        (
            "title: T\nsteps:\n  - partnership: iss\n    section: S\n",
            "t.yaml:3: step 1: 'section' belongs to a lesson step, not a partnership",
        ),
        (
            "title: T\nsteps:\n  - lesson: a\n    colour: red\n",
            "t.yaml:3: note: step 1: unknown field 'colour'",
        ),
        ("title: T\nauthor: me\nsteps:\n  - lesson: a\n", "t.yaml:2: note: unknown field 'author'"),
    ],
)
def test_a_broken_trail_file_is_reported_with_file_and_line(text, problem):
    _trail, problems = parse_trail(text, "t.yaml", "t")
    assert any(str(p).startswith(problem) for p in problems), [str(p) for p in problems]


def test_a_file_name_that_is_not_a_slug_is_a_problem():
    _trail, problems = parse_trail("title: T\nsteps:\n  - lesson: a\n", "My Trail.yaml", "My Trail")
    assert [p.message for p in problems] == [
        "the file name 'My Trail' is not a slug (lower-case words and -)"
    ]


@pytest.mark.parametrize(
    ("step", "message"),
    [
        ("  - lesson: nope", "step 1: no lesson 'nope'"),
        ("  - partnership: mir-2", "step 1: no partnership 'mir-2'"),
        (
            "  - lesson: case-iss\n    section: Who did what",
            "step 1: lesson 'case-iss' has no section 'Who did what' "
            "(its sections: Who does what; What worked)",
        ),
        (
            "  - lesson: case-iss\n    question: 3",
            "step 1: lesson 'case-iss' has 2 questions, not 3",
        ),
        (
            "  - timeline: {highlight: [shuttle-mir, skylab]}",
            "step 1: the timeline highlights unknown partnership 'skylab'",
        ),
    ],
)
def test_a_step_that_points_nowhere_is_a_problem_at_its_line(step, message):
    trail, _ = parse_trail(f"title: T\n# a comment\nsteps:\n{step}\n", "t.yaml", "t")
    assert [str(p) for p in check_trail(trail, TARGETS)] == [f"t.yaml:4: {message}"]


def test_steps_that_exist_are_no_problem():
    trail, _ = parse_trail(GOOD, "iss.yaml", "iss")
    assert check_trail(trail, TARGETS) == []


def test_a_saved_trail_reads_back_the_same():
    trail, _ = parse_trail(GOOD, "iss.yaml", "iss")
    again, problems = parse_trail(trail_bytes(trail).decode("utf-8"), "iss.yaml", "iss")
    assert problems == []
    assert again == trail


def test_a_trail_made_in_the_app_reads_back_the_same():
    made = Trail(
        "rivals",
        "Rivals: «a» <b>",
        "",
        (
            TrailStep("section", "case-iss", section="What: worked", note="Note: with a colon"),
            TrailStep("timeline", view=TimelineView(None, 1990)),
            TrailStep("timeline", view=TimelineView()),
        ),
        origin="teacher",
    )
    again, problems = parse_trail(trail_bytes(made).decode("utf-8"), "r.yaml", "rivals")
    assert problems == [] and again == made


def test_a_teachers_trail_replaces_a_bundled_one_of_the_same_slug(tmp_path: Path):
    bundled, teacher = tmp_path / "bundled", tmp_path / "teacher"
    for folder, title in ((bundled, "Bundled"), (teacher, "Mine")):
        folder.mkdir()
        (folder / "iss.yaml").write_text(f"title: {title}\nsteps:\n  - lesson: a\n")
    (bundled / "other.yaml").write_text("title: Another\nsteps:\n  - lesson: a\n")
    (teacher / ".iss.yaml.123.tmp").write_text("half a file")
    ours, _ = load_trail_folder(teacher, "teacher")
    theirs, _ = load_trail_folder(bundled, "bundled")
    merged = merge_trails(theirs, ours)
    assert [(t.slug, t.title, t.origin) for t in merged] == [
        ("other", "Another", "bundled"),
        ("iss", "Mine", "teacher"),
    ]


@pytest.mark.parametrize(
    ("title", "taken", "slug"),
    [
        ("The ISS in 20 minutes", (), "the-iss-in-20-minutes"),
        ("Coopération spatiale", (), "cooperation-spatiale"),
        ("!!!", (), "trail"),
        ("Moon", ("moon",), "moon-2"),
        ("Moon", ("moon", "moon-2"), "moon-3"),
    ],
)
def test_a_new_trail_gets_a_free_readable_slug(title, taken, slug):
    assert trail_slug(title, taken) == slug


@pytest.mark.parametrize(
    ("step", "label"),
    [
        (TrailStep("lesson", "case-iss"), "Lesson · Case study: the ISS"),
        (
            TrailStep("section", "case-iss", section="What worked"),
            "What worked · Case study: the ISS",
        ),
        (TrailStep("question", "case-iss", question=2), "Question 2 · Case study: the ISS"),
        (TrailStep("partnership", "shuttle-mir"), "Partnership · Shuttle-Mir"),
        (TrailStep("partnership", "gone"), "Partnership · gone"),
        (
            TrailStep("timeline", view=TimelineView(1957, 1991, "partner", ("a", "b"))),
            "Timeline · 1957–1991 · grouped by partner · 2 highlighted",
        ),
        (TrailStep("timeline", view=TimelineView(first=2000)), "Timeline · from 2000"),
    ],
)
def test_a_step_is_described_in_words(step, label):
    assert step_label(step, {"case-iss": ISS}, {"shuttle-mir": "Shuttle-Mir"}) == label


def test_a_trails_groupings_are_the_timelines():
    from explorer.core.timeline_layout import GROUPINGS
    from explorer.core.trails import TIMELINE_GROUPS

    assert TIMELINE_GROUPS == GROUPINGS
