"""A lesson cut at its `##` headings: the introduction, then each section, with the
heading's words and its line; code blocks and deeper headings do not cut."""

from __future__ import annotations

import pytest

from explorer.core.lesson_sections import (
    find_section,
    heading_words,
    section_anchor,
    section_titles,
    split_sections,
)
from explorer.core.models import Lesson


def lesson(body: str, body_line: int = 10) -> Lesson:
    return Lesson("x", "X", "benefits", body=body, body_line=body_line)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "Intro.\n\n## One\n\nFirst.\n\n## Two\n\nSecond.\n",
            [("", "Intro."), ("One", "First."), ("Two", "Second.")],
        ),
        ("## One\n\nFirst.\n", [("One", "First.")]),
        ("Only an introduction.\n", [("", "Only an introduction.")]),
        ("## One\n\n### A smaller heading\n\nText.\n", [("One", "### A smaller heading\n\nText.")]),
        (
            "## Code\n\n```markdown\n## Not a heading\n```\n",
            [("Code", "```markdown\n## Not a heading\n```")],
        ),
        ("## Closing hashes ##\n\nText.\n", [("Closing hashes", "Text.")]),
        ("\n\n## After blank lines\n\nText.\n", [("After blank lines", "Text.")]),
    ],
)
def test_a_lesson_is_cut_at_its_level_two_headings(body, expected):
    assert [(s.title, s.markdown) for s in split_sections(lesson(body))] == expected


def test_each_section_knows_the_file_line_of_its_heading():
    sections = split_sections(lesson("Intro.\n\n## One\n\nFirst.\n\n## Two\n", body_line=20))
    assert [s.line for s in sections] == [20, 22, 26]


def test_reference_links_written_at_the_end_work_in_every_section():
    body = "## One\n\nSee [NASA][nasa].\n\n## Two\n\nMore.\n\n[nasa]: https://www.nasa.gov/\n"
    first = split_sections(lesson(body))[0]
    assert first.markdown.endswith("[nasa]: https://www.nasa.gov/")


@pytest.mark.parametrize(
    ("markdown", "words"),
    [
        ("Who does what", "Who does what"),
        ("The [ISS](partnership:international-space-station) today", "The ISS today"),
        ("*Really* **big** `code`", "Really big code"),
        ("Spaced   out", "Spaced out"),
        ("With attributes {#custom-id}", "With attributes"),
    ],
)
def test_heading_words_are_what_a_reader_sees(markdown, words):
    assert heading_words(markdown) == words


def test_a_section_is_found_by_its_words_whatever_their_case():
    x = lesson("## Who does what\n\nText.\n\n## What worked\n")
    assert section_titles(x) == ("Who does what", "What worked")
    assert find_section(x, "who  does WHAT").title == "Who does what"
    assert find_section(x, "Who did what") is None


def test_the_anchor_is_the_one_the_rendered_page_gives_the_heading():
    from explorer.core.render import MarkdownRenderer

    rendered = MarkdownRenderer().render("## Background: from rivals to roommates\n\nText.\n")
    assert rendered.headings[0].anchor == section_anchor("Background: from rivals to roommates")
