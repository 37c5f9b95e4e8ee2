from pathlib import Path

import pytest

from explorer.core.lessons import KnownTargets, check_links, read_lesson
from explorer.core.library import validate_files

KNOWN = KnownTargets(
    lessons=frozenset({"intro"}),
    partnerships=frozenset({"international-space-station"}),
    glossary=frozenset({"barter"}),
)

GOOD = """---
title: Good lesson
section: benefits
order: 3
summary: Short.
objectives: [Explain barter.]
topics: [cost-sharing]
partnerships: [international-space-station]
key_terms: [barter]
questions:
  - question: Who?
    choices: [A, B]
    answer: 1
sources:
  - {publisher: NASA, title: ISS}
---

## Heading

See [the ISS](partnership:international-space-station) and [intro](lesson:intro).
"""


def write(tmp_path: Path, text: str | bytes, name: str = "lesson.md") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[tuple[int, str]]:
    lesson, problems = read_lesson(path)
    if lesson is not None:
        problems += check_links(lesson, KNOWN)
    return [(p.line, p.message) for p in problems]


def test_a_good_lesson_has_no_problems_and_keeps_its_fields(tmp_path):
    path = write(tmp_path, GOOD)
    lesson, problems = read_lesson(path)
    assert problems == []
    assert lesson is not None
    assert (lesson.slug, lesson.title, lesson.section, lesson.order) == (
        "lesson",
        "Good lesson",
        "benefits",
        3,
    )
    assert lesson.questions[0].answer == 1
    assert lesson.sources[0].publisher == "NASA"
    assert lesson.body_line == 18
    assert check_links(lesson, KNOWN) == []


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (
            GOOD.replace("section: benefits\n", "section: [oops\n"),
            3,
            "front matter is not valid YAML",
        ),
        (GOOD.replace("title: Good lesson\n", ""), 1, "no title: the library shows 'Heading'"),
        (GOOD.replace("section: benefits", "section: gossip"), 3, "unknown section 'gossip'"),
        (GOOD.replace("order: 3", "order: third"), 4, "order must be a whole number"),
        (GOOD.replace("topics: [cost-sharing]", "topics: [vibes]"), 7, "unknown topic tag"),
        (
            GOOD.replace("(partnership:international-space-station)", "(partnership:mir-2)"),
            20,
            "link to unknown partnership 'mir-2'",
        ),
        (
            GOOD.replace("(lesson:intro)", "(lesson:nowhere)"),
            20,
            "link to unknown lesson 'nowhere'",
        ),
        (
            GOOD.replace("partnerships: [international-space-station]", "partnerships: [ghost]"),
            8,
            "cites unknown partnership 'ghost'",
        ),
        (
            GOOD.replace("key_terms: [barter]", "key_terms: [nonsense]"),
            9,
            "unknown glossary term 'nonsense'",
        ),
        (GOOD + "\n![a chart](missing.png)\n", 22, "image 'missing.png' not found"),
        (GOOD.replace("answer: 1", "answer: 7"), 13, "answer must be a choice number"),
        (
            GOOD.replace("answer: 1", "answer: 1\n    objective: 2"),
            14,
            "but the lesson has 1 objective (1 to 1)",
        ),
        (GOOD.replace("answer: 1", "answer: 1\n    objective: 0"), 14, "checks objective 0"),
        (
            GOOD.replace("answer: 1", "answer: 1\n    objective: two"),
            14,
            "objective must be a number",
        ),
        (
            GOOD.replace("objectives: [Explain barter.]\n", "").replace(
                "answer: 1", "answer: 1\n    objective: 1"
            ),
            13,
            "but the lesson has no objectives",
        ),
        (
            GOOD.replace("  - question: Who?\n", "  - query: Who?\n"),
            11,
            "needs 'question' and 'answer'",
        ),
        (GOOD.replace("summary: Short.", "colour: blue"), 5, "unknown front matter field"),
    ],
)
def test_each_problem_names_its_line(tmp_path, text, line, message):
    found = problems_of(write(tmp_path, text))
    assert any(ln == line and message in msg for ln, msg in found), found


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("", None),
        ("\n    objective: 1", 1),
        ("\n    objective: 2", None),  # out of range: reported, and the question still shown
    ],
)
def test_a_question_names_the_objective_it_checks(tmp_path, written, expected):
    lesson, _ = read_lesson(write(tmp_path, GOOD.replace("answer: 1", "answer: 1" + written)))
    assert lesson is not None and lesson.questions[0].objective == expected


def test_non_utf8_text_names_the_line_of_the_bad_byte(tmp_path):
    data = GOOD.encode("utf-8").replace(b"Heading", b"Caf\xe9")
    assert problems_of(write(tmp_path, data)) == [
        (18, "the file is not UTF-8 text; save it as UTF-8")
    ]


def test_unreadable_file_is_a_problem_not_a_crash(tmp_path):
    found = problems_of(tmp_path / "nope.md")
    assert found[0][0] == 1 and "cannot read the file" in found[0][1]


def test_duplicate_slugs_in_a_folder_are_reported(tmp_path):
    write(tmp_path, GOOD, "a.md")
    write(tmp_path, GOOD.replace("title: Good", "slug: a\ntitle: Good"), "b.md")
    problems, _ = validate_files([tmp_path], KNOWN)
    assert [str(p) for p in problems] == [
        f"{tmp_path / 'b.md'}:2: duplicate slug 'a' (also used by a.md)"
    ]


def test_a_folder_with_bad_yaml_and_an_unknown_partnership_reports_both(tmp_path):
    write(tmp_path, GOOD.replace("section: benefits\n", "section: [oops\n"), "broken.md")
    write(
        tmp_path,
        GOOD.replace("(partnership:international-space-station)", "(partnership:atlantis-base)"),
        "links.md",
    )
    problems = [str(p) for p in validate_files([tmp_path], KNOWN)[0]]
    assert len(problems) == 2
    assert problems[0].startswith(f"{tmp_path / 'broken.md'}:3: front matter is not valid YAML")
    assert problems[1] == f"{tmp_path / 'links.md'}:20: link to unknown partnership 'atlantis-base'"
