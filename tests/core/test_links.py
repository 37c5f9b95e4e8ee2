"""Links built in one place: web links only to web addresses; lesson files by path."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.core import links
from explorer.core.links import LessonFiles
from explorer.core.models import Lesson


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.esa.int/", True),
        ("http://example.org/a?b=c", True),
        ("mailto:someone@example.org", True),
        ("javascript:alert(1)", False),
        ("JavaScript:alert(1)", False),
        ("www.esa.int/page", False),
        ("https://", False),
        ("ftp://example.org/file", False),
        ("file:///etc/passwd", False),
    ],
)
def test_a_web_link_needs_a_web_address(url, linked):
    html = str(links.external(url, "<b>text</b>"))
    assert ("<a " in html) is linked
    assert "&lt;b&gt;text&lt;/b&gt;" in html


def test_internal_links_escape_their_text_and_carry_a_preview():
    html = links.internal("lesson", "a-b", "Costs & risks", {"lesson:a-b": 'Say "why"'})
    assert str(html) == (
        '<a class="internal lesson" href="lesson:a-b" title="Say &#34;why&#34;">'
        "Costs &amp; risks</a>"
    )


def lesson_at(path: Path, slug: str) -> Lesson:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return Lesson(slug, slug, "benefits", source_path=path)


@pytest.mark.parametrize(
    ("written_in", "target", "slug"),
    [
        ("episodes/02-numpy.md", "../learners/reference.md#library", "reference"),
        ("episodes/02-numpy.md", "03-matplotlib.md", "matplotlib"),
        ("episodes/02-numpy.md", "03-matplotlib.html", "matplotlib"),
        ("episodes/02-numpy.md", "./03-matplotlib/", "matplotlib"),
        ("_episodes/02-numpy.md", "../reference/", "jekyll-reference"),
        ("_episodes/02-numpy.md", "../setup.html", "setup"),
        ("flat/02-numpy.md", "../learners/glossary.md#term", "glossary"),  # by file name
        ("episodes/02-numpy.md", "../learners/missing.md", None),
        ("episodes/02-numpy.md", "data/inflammation.csv", None),
        ("episodes/02-numpy.md", "https://example.org/03-matplotlib.md", None),
    ],
)
def test_relative_links_find_the_lesson_file(tmp_path, written_in, target, slug):
    root = tmp_path / "course"
    lessons = [
        lesson_at(root / "episodes/03-matplotlib.md", "matplotlib"),
        lesson_at(root / "learners/reference.md", "reference"),
        lesson_at(root / "_episodes/reference.md", "jekyll-episode-reference"),
        lesson_at(root / "reference.md", "jekyll-reference"),
        lesson_at(root / "setup.md", "setup"),
        lesson_at(root / "flat/glossary.md", "glossary"),  # moved out of learners/
    ]
    resolve = LessonFiles(lessons).resolver(root / written_in)
    assert resolve(target) == slug
