"""The content checker: each finding names its place, its kind and what to open."""

from dataclasses import replace
from pathlib import Path

import pytest

from explorer.core.checker import check_content, is_date, name_words
from explorer.core.lessons import KnownTargets, check_links, parse_lesson
from explorer.core.models import Citation, Partnership, Problem

ROSETTA = Partnership(
    "rosetta",
    "Rosetta",
    "multilateral",
    2004,
    2016,
    "completed",
    "planetary",
    citations=(Citation("ESA", "Rosetta", "https://www.esa.int/rosetta"),),
)


def mine(name: str, **changes) -> Partnership:
    slug = name.lower().replace(" ", "-")
    return replace(ROSETTA, slug=slug, name=name, origin="user", **changes)


def teacher_lesson(tmp_path: Path, front: str, body: str):
    path = tmp_path / "lesson.md"
    text = f"---\ntitle: T\n{front}---\n\n{body}\n"
    path.write_text(text, encoding="utf-8")
    lesson, problems = parse_lesson(text, path, "teacher")
    problems += check_links(lesson, KnownTargets(), text)
    return replace(lesson, problems=tuple(problems))


SOURCED = "sources:\n  - {publisher: ESA, title: Rosetta, url: 'https://www.esa.int/'}\n"


@pytest.mark.parametrize(
    ("front", "body", "expected"),
    [
        (SOURCED, "Fine text.", []),
        (SOURCED, "![](pic.png)", [("missing-image", 7, "error"), ("image-alt", 7, "note")]),
        (SOURCED, "[x](lesson:ghost)", [("broken-link", 7, "error")]),
        (SOURCED, "See [ref]({{ page.root }}/ref.html).", [("template-code", 7, "note")]),
        ("", "Text.", [("no-sources", 1, "note")]),
        (
            "sources:\n  - {title: ESA page, url: www.esa.int/rosetta}\n",
            "Text.",
            [("source-url", 1, "error")],
        ),
        ("title: again\n" + SOURCED, "Text.", [("front-matter", 3, "error")]),
    ],
    ids=["clean", "picture", "link", "template", "no-sources", "url", "duplicate-key"],
)
def test_lesson_findings(tmp_path, front, body, expected):
    lesson = teacher_lesson(tmp_path, front, body)
    findings = check_content([lesson], lesson.problems, [])
    assert [(f.kind, f.line, f.severity) for f in findings] == expected
    assert all(f.file == str(tmp_path / "lesson.md") and f.lesson == "lesson" for f in findings)


def test_bundled_lessons_are_not_checked(tmp_path):
    lesson = replace(teacher_lesson(tmp_path, "", "![](x.png)"), origin="bundled")
    assert check_content([lesson], lesson.problems, []) == []


def test_problems_of_files_that_are_not_listed_are_findings_too():
    skipped = Problem("/l/LICENSE.md", 1, "not read as a lesson: a licence", "note", "skipped-file")
    (finding,) = check_content([], [skipped], [])
    assert (finding.kind, finding.file, finding.severity, finding.lesson) == (
        "skipped-file",
        "/l/LICENSE.md",
        "note",
        "",
    )


@pytest.mark.parametrize(
    ("partnership", "expected"),
    [
        (mine("Lunar Pathfinder Club"), []),
        (mine("Lunar Pathfinder Club", citations=()), [("partnership-no-source", "note")]),
        (
            mine("Lunar Pathfinder Club", citations=(Citation("ESA", "x", "www.esa.int/x"),)),
            [("source-url", "error")],
        ),
        (
            mine("Lunar Pathfinder Club", citations=(Citation("x", "x", "javascript:alert(1)"),)),
            [("source-url", "error")],
        ),
        (mine("Lunar Pathfinder Club", checked="last spring"), [("date", "error")]),
        (mine("Lunar Pathfinder Club", checked="2026-03"), []),
        (mine("Rosetta comet mission"), [("near-duplicate", "note")]),
        (mine("Rosetta (ESA)"), [("near-duplicate", "note")]),
        (mine("Rosseta"), [("near-duplicate", "note")]),
    ],
    ids=["clean", "no-source", "www", "javascript", "date", "month", "longer", "brackets", "typo"],
)
def test_partnership_findings(partnership, expected):
    findings = check_content([], [], [ROSETTA, partnership])
    assert [(f.kind, f.severity) for f in findings] == expected
    assert all(f.partnership == partnership.slug and f.file == "" for f in findings)


@pytest.mark.parametrize(
    ("name", "other"),
    [("Jason-3 altimetry", "Jason-1 altimetry"), ("CRS-2", "CRS-1"), ("Lunar Gateway", "Gaia")],
)
def test_names_of_one_family_are_not_duplicates(name, other):
    assert check_content([], [], [replace(ROSETTA, slug="o", name=other), mine(name)]) == []


@pytest.mark.parametrize(
    ("partnership", "expected"),
    [(replace(mine("Rosetta"), slug="rosetta-again"), [("near-duplicate", "note")])],
)
def test_a_name_the_same_as_a_bundled_one(partnership, expected):
    findings = check_content([], [], [ROSETTA, partnership])
    assert [(f.kind, f.severity) for f in findings] == expected


def test_the_bundled_catalog_alone_has_no_findings():
    edited_elsewhere = replace(ROSETTA, slug="cassini", name="Cassini-Huygens")
    assert check_content([], [], [ROSETTA, edited_elsewhere]) == []


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("BepiColombo (ESA-JAXA)", ("bepicolombo",)),
        ("The Rosetta Mission", ("rosetta",)),
        ("Ørsted satellite", ("ørsted", "satellite")),
    ],
)
def test_names_are_compared_by_their_distinctive_words(name, words):
    assert name_words(name) == words


@pytest.mark.parametrize(
    ("text", "ok"),
    [("2026-03-01", True), ("2026-3", True), ("2026", True), ("01/03/2026", False), ("", False)],
)
def test_facts_checked_dates(text, ok):
    assert is_date(text) is ok
