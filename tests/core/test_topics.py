"""Topic pages: which partnerships show a topic, in which order, and which lessons teach it."""

from __future__ import annotations

import pytest

from explorer.core.models import TOPICS, Lesson, Partnership
from explorer.core.topics import (
    TOPIC_SUMMARIES,
    illustrating,
    sort_partnerships,
    teaching_order,
    topic_counts,
    topic_kind,
    topic_page,
)


def p(slug, start, kind="bilateral", benefits=(), challenges=()):
    return Partnership(
        slug,
        slug.upper(),
        kind,
        start,
        None,
        "active",
        "planetary",
        benefits=benefits,
        challenges=challenges,
    )


CATALOG = [
    p("iss", 1998, "multilateral", ("cost-sharing", "diplomacy"), ("funding",)),
    p("astp", 1975, "bilateral", ("diplomacy",), ("cultural",)),
    p("cots", 2006, "public-private", ("cost-sharing",), ("schedule",)),
    p("cassini", 1997, "multilateral", ("science-return",), ("funding",)),
]


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("cost-sharing", {"iss", "cots"}),
        ("diplomacy", {"iss", "astp"}),
        ("funding", {"iss", "cassini"}),
        ("multilateral", {"iss", "cassini"}),
        ("public-private", {"cots"}),
        ("innovation", set()),
        ("not-a-topic", set()),
    ],
)
def test_the_partnerships_that_illustrate_a_topic(tag, expected):
    assert {x.slug for x in illustrating(tag, CATALOG)} == expected


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("oldest", ["astp", "cassini", "iss", "cots"]),
        ("newest", ["cots", "iss", "cassini", "astp"]),
        ("name", ["astp", "cassini", "cots", "iss"]),
    ],
)
def test_sorting(order, expected):
    assert [x.slug for x in sort_partnerships(CATALOG, order)] == expected


def test_every_topic_has_a_kind_and_a_summary():
    assert all(topic_kind(tag) for tag in TOPICS)
    assert set(TOPIC_SUMMARIES) == set(TOPICS)


def test_lessons_about_a_topic_come_before_case_studies():
    lessons = [
        Lesson("case", "Case", "case-studies", tags=("cost-sharing",)),
        Lesson("other", "Other", "benefits", tags=("diplomacy", "cost-sharing")),
        Lesson("broad", "Broad", "foundations", tags=("cost-sharing", "diplomacy")),
        Lesson("main", "Main", "benefits", tags=("cost-sharing",)),
        Lesson("none", "None", "benefits"),
    ]
    assert [x.slug for x in teaching_order("cost-sharing", lessons)] == [
        "main",
        "broad",
        "other",
        "case",
    ]


def test_the_topic_page_lists_its_partnerships_in_the_chosen_order():
    html = topic_page("diplomacy", [], illustrating("diplomacy", CATALOG), "newest")
    assert html.index("partnership:iss") < html.index("partnership:astp")
    assert "Partnerships that show it (2)" in html
    assert "No lesson teaches this topic yet." in html
    assert "<b>Newest first</b>" in html and 'href="sort:oldest"' in html


def test_topic_counts():
    counts = topic_counts(CATALOG)
    assert counts["cost-sharing"] == 2 and counts["multilateral"] == 2 and counts["funding"] == 2
