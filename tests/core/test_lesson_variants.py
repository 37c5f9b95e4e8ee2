"""Front matter as other lesson tools write it: read without a wall of errors, and the
validator's split between errors (to fix) and notes (what the app ignores)."""

from pathlib import Path

import pytest

from explorer.core.lessons import KnownTargets, Placement, check_links, parse_lesson

KNOWN = KnownTargets(lessons=frozenset({"intro"}), partnerships=frozenset({"iss"}))

JEKYLL_EPISODE = """---
title: Python Fundamentals
teaching: 20
exercises: 10
questions:
- "What basic data types can I work with?"
- "How do I use a function?"
objectives:
- "Assign values to variables."
keypoints:
- "Use `variable = value` to assign."
- "Built-in functions are always available."
layout: episode
permalink: /01-intro/
---

## Variables

Text.
"""


def parse(text: str, placement: Placement | None = None, name: str = "lesson.md"):
    return parse_lesson(text, Path(name), "teacher", placement)


def test_a_carpentries_episode_reads_with_no_problems_and_keeps_what_it_says():
    lesson, problems = parse(JEKYLL_EPISODE)
    assert problems == []
    assert lesson.title == "Python Fundamentals"
    assert lesson.discussion == (
        "What basic data types can I work with?",
        "How do I use a function?",
    )
    assert lesson.questions == ()  # plain questions are for discussion, not a quiz
    assert lesson.objectives == ("Assign values to variables.",)
    assert lesson.key_points == (
        "Use `variable = value` to assign.",
        "Built-in functions are always available.",
    )
    assert lesson.section == ""  # no section: listed with its collection, or My lessons


@pytest.mark.parametrize(
    ("front", "expected"),
    [
        ("Title: Capital T", {"title": "Capital T"}),
        ("TITLE: Shouting\ntitle: Quiet", {"title": "Quiet"}),
        ("title: T\ndescription: From Hugo.", {"summary": "From Hugo."}),
        ("title: T\nsummary: Ours.\ndescription: Theirs.", {"summary": "Ours."}),
        ("title: T\nobjectives: One objective", {"objectives": ("One objective",)}),
        ("title: T\nquestions: Why orbit?", {"discussion": ("Why orbit?",)}),
        ("title: 2001", {"title": "2001"}),
        ("title: T\nsection: benefits", {"section": "benefits"}),
        (
            "title: T\nquestions:\n  - Why?\n  - question: Who?\n    answer: NASA",
            {"discussion": ("Why?",), "quiz": ("Who?",)},
        ),
    ],
)
def test_fields_as_other_tools_write_them(front, expected):
    lesson, problems = parse(f"---\n{front}\n---\n\nBody.\n")
    assert [p for p in problems if p.is_error] == []
    seen = {
        "title": lesson.title,
        "summary": lesson.summary,
        "objectives": lesson.objectives,
        "discussion": lesson.discussion,
        "section": lesson.section,
        "quiz": tuple(q.question for q in lesson.questions),
    }
    assert {key: seen[key] for key in expected} == expected


@pytest.mark.parametrize(
    ("front", "body", "severity", "line", "message"),
    [
        ("title: T\ncolour: blue", "", "note", 3, "unknown front matter field 'colour' is ignored"),
        ("title: T\nsummery: S", "", "note", 3, "did you mean 'summary'?"),
        ("layout: page", "## From the heading\n", "note", 1, "no title: the library shows 'From"),
        ("title: T\nslug: Not A Slug", "", "error", 3, "must be lowercase words"),
        ("title: T\nsection: gossip", "", "error", 3, "unknown section 'gossip'"),
        ("title: T\norder: third", "", "error", 3, "order must be a whole number"),
        ("title: [a, b]", "", "error", 2, "the title must be text"),
        ("title: T\nobjectives: {a: b}", "", "error", 3, "'objectives' must be a list"),
    ],
)
def test_problems_are_errors_or_notes(front, body, severity, line, message):
    _, problems = parse(f"---\n{front}\n---\n\n{body}")
    assert [(p.severity, p.line) for p in problems] == [(severity, line)]
    assert message in problems[0].message


def test_a_file_without_a_slug_field_gets_no_slug_error_whatever_its_name():
    lesson, problems = parse("---\ntitle: Licence\n---\nText\n", name="LICENSE.md")
    assert problems == [] and lesson.slug == "license"


def test_many_unknown_fields_are_a_few_notes_not_thousands():
    front = "".join(f"field{n}: {n}\n" for n in range(150))
    _, problems = parse(f"---\ntitle: T\n{front}---\nBody\n")
    assert len(problems) == 11 and problems[-1].message == "and 140 more unknown fields"
    assert not any(p.is_error for p in problems)


def test_a_collection_lesson_takes_its_slug_and_group_from_its_place():
    placement = Placement("unit/episodes/01-intro", "unit", "My unit")
    lesson, problems = parse("---\ntitle: Intro\n---\nBody\n", placement)
    assert problems == []
    assert (lesson.slug, lesson.group, lesson.group_title) == (
        "unit/episodes/01-intro",
        "collection:unit",
        "My unit",
    )
    explicit, _ = parse("---\ntitle: Intro\nslug: my-intro\n---\nBody\n", placement)
    assert explicit.slug == "my-intro"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("```python\n![not a picture](nope.png)\n[x](lesson:ghost)\n```\n", []),
        ("~~~\n![x]({{ page.root }}/a.png)\n~~~\n", []),
        ("Use `![x](nope.png)` to show a picture.\n", []),
        ("![chart](missing.png)\n", [("error", 6, "image 'missing.png' not found")]),
        ("[x](lesson:ghost)\n", [("error", 6, "link to unknown lesson 'ghost'")]),
        ("[next](02-next.md)\n", [("error", 6, "link to '02-next.md': there is no such")]),
        (
            "A\n\n[a]({{ page.root }}/ref.html#x) and ![b]({{ page.root }}{% link fig/b.png %})\n",
            [("note", 8, "2 links or pictures use template code")],
        ),
    ],
    ids=["fenced", "tilde-fenced", "inline-code", "missing", "unknown", "relative", "template"],
)
def test_links_and_pictures_are_checked_outside_code_only(tmp_path, body, expected):
    text = f"---\ntitle: T\nsection: types\n---\n\n{body}"
    lesson, _ = parse_lesson(text, tmp_path / "t.md", "teacher")
    found = check_links(lesson, KNOWN, text)
    assert len(found) == len(expected), found
    for problem, (severity, line, message) in zip(found, expected, strict=True):
        assert (problem.severity, problem.line) == (severity, line)
        assert message in problem.message


def test_a_relative_link_to_a_lesson_file_that_exists_is_fine(tmp_path):
    (tmp_path / "02-next.md").write_text("---\ntitle: Next\n---\n")
    text = "---\ntitle: T\n---\n\nSee [next](02-next.md#part) and [top](#top).\n"
    lesson, _ = parse_lesson(text, tmp_path / "01-first.md", "teacher")
    assert check_links(lesson, KNOWN, text) == []
