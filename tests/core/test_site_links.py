"""A published page's links: internal ones become relative files, window-only ones go."""

from __future__ import annotations

import pytest

from explorer.core.models import Lesson, Question
from explorer.core.pages import lesson_page
from explorer.core.render import MarkdownRenderer
from explorer.core.site_links import page_path, relative_href, rewrite_links, site_href

KNOWN = frozenset(
    {
        "index.html",
        "lessons/why-partner.html",
        "partnerships/iss.html",
        "partnerships.html",
        "topics/cost-sharing.html",
        "topics.html",
        "glossary/barter.html",
    }
)


@pytest.mark.parametrize(
    ("kind", "slug", "path"),
    [
        ("lesson", "why-partner", "lessons/why-partner.html"),
        ("lesson", "", "index.html"),
        ("partnership", "iss", "partnerships/iss.html"),
        ("partnership", "", "partnerships.html"),
        ("topic", "cost-sharing", "topics/cost-sharing.html"),
        ("topic", "", "topics.html"),
        ("glossary", "barter", "glossary/barter.html"),
        ("glossary", "", "glossary.html"),
        ("partnership", "a/../b c", "partnerships/a%2F..%2Fb%20c.html"),  # never a folder
    ],
)
def test_each_page_has_one_file(kind, slug, path):
    assert page_path(kind, slug) == path


@pytest.mark.parametrize(
    ("href", "here", "expected"),
    [
        ("partnership:iss", "lessons/why-partner.html", "../partnerships/iss.html"),
        ("lesson:why-partner", "lessons/why-partner.html", "why-partner.html"),
        ("lesson:why-partner", "index.html", "lessons/why-partner.html"),
        ("topic:cost-sharing", "glossary/barter.html", "../topics/cost-sharing.html"),
        ("topic:", "topics/cost-sharing.html", "../topics.html"),
        ("partnership:", "index.html", "partnerships.html"),
        ("glossary:barter#use", "index.html", "glossary/barter.html#use"),
        ("#who-does-what", "lessons/why-partner.html", "#who-does-what"),
        ("https://www.esa.int/", "index.html", "https://www.esa.int/"),
        ("mailto:teacher@example.org", "index.html", "mailto:teacher@example.org"),
        ("partnership:missing", "index.html", None),  # a page the copy does not hold
        ("file:///home/teacher/notes.pdf", "index.html", None),  # a file on one computer
        ("notes.md", "index.html", None),
    ],
)
def test_links_point_at_the_files_of_the_copy(href, here, expected):
    assert site_href(href, here, KNOWN) == expected


def rewrite(html: str, here: str = "lessons/why-partner.html") -> str:
    return rewrite_links(html, lambda h: site_href(h, here, KNOWN), lambda src: None)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>See <a class="internal partnership" href="partnership:iss">the ISS</a>.</p>',
            '<p>See <a class="internal partnership" href="../partnerships/iss.html">'
            "the ISS</a>.</p>",
        ),
        (
            '<p><a class="action" href="timeline:iss,mir">Show these on the timeline</a></p>',
            "<p></p>",
        ),
        (
            '<p class="sortbar">Sort by: <b>Oldest</b> · <a href="sort:name">Name</a></p><p>x</p>',
            "<p>x</p>",
        ),
        ('<li><a class="choice" href="quiz:0-1">ESA</a></li>', "<li></li>"),
        ('<a href="partnership:missing">a lost <b>link</b></a> stays', "a lost <b>link</b> stays"),
        (
            '<a href="https://nasa.gov" title="a &amp; b">NASA &amp; ESA</a>&nbsp;&#8212;',
            '<a href="https://nasa.gov" title="a &amp; b">NASA &amp; ESA</a>&nbsp;&#8212;',
        ),
        ('<p>x<img src="file:///etc/passwd.png" alt="y"><br>z</p>', "<p>x<br>z</p>"),
        ("<!-- a note -->text", "text"),
    ],
)
def test_rewriting_keeps_everything_else_as_it_was(html, expected):
    assert rewrite(html) == expected


def test_a_kept_image_gets_the_path_it_is_given():
    html = '<p class="figure"><img src="file:///x/map.png" alt="A map" width="40"></p>'
    out = rewrite_links(html, lambda h: h, lambda src: "../figures/ab-map.png")
    assert out == '<p class="figure"><img src="../figures/ab-map.png" alt="A map" width="40"></p>'


def test_relative_href_quotes_what_a_url_cannot_hold():
    assert relative_href("index.html", "figures/a map.png") == "figures/a%20map.png"


def test_a_published_lesson_folds_its_answers_away_and_has_no_quiz_links():
    lesson = Lesson(
        "x",
        "X",
        "foundations",
        body="Text.",
        questions=(
            Question("Who built Huygens?", 1, ("NASA", "ESA"), "ESA built the probe."),
            Question("Why share?", "Because space is expensive."),
        ),
    )
    html, _ = lesson_page(lesson, MarkdownRenderer(), folded_answers=True)
    assert "quiz:" not in html
    assert "<li>NASA</li><li>ESA</li>" in html
    assert (
        '<details class="answer"><summary>Show the answer</summary><p class="answer">'
        "<b>Answer: B, ESA.</b> ESA built the probe.</p></details>"
    ) in html
    assert "<b>Model answer:</b> Because space is expensive." in html
