"""The bundled lessons teach the whole catalog, from every region, and their questions test
understanding: each names the objective it checks, none repeats another, none has an answer
that goes out of date.

Issue 12 found 85 partnerships that no lesson linked, 58% of the lessons' links pointing at
partnerships led from North America, and the same questions asked in three or four lessons.
Each test collects every case that breaks its rule, so one run lists them all.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from itertools import combinations

import pytest

from explorer.core.lessons import cited_partnerships
from explorer.core.regions import lead_region
from explorer.store.catalog import Catalog

#: the largest share of lesson links that may point at partnerships led from one region
MOST_LINKS_TO_ONE_REGION = {"north-america": 0.45}
#: questions at least this similar (difflib ratio of their normalised text) are repeats
REPEAT_RATIO = 0.8
MIN_CHOICES = 3


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from explorer.core.paths import AppPaths

    catalog = Catalog.open(AppPaths.resolve(tmp_path_factory.mktemp("data")))
    yield catalog
    catalog.close()


@pytest.fixture(scope="module")
def lessons(bundled):
    return [lesson for lesson in bundled.library.lessons if lesson.origin == "bundled"]


@pytest.fixture(scope="module")
def partnerships(bundled):
    return {p.slug: p for p in bundled.partnerships.all()}


def test_every_partnership_is_linked_from_at_least_one_lesson(lessons, partnerships):
    linked = {slug for lesson in lessons for slug in cited_partnerships(lesson)}
    assert sorted(set(partnerships) - linked) == []


def test_the_lessons_links_are_not_dominated_by_one_region(lessons, partnerships):
    """Each lesson's cited partnerships (front matter and body, once each), counted by the
    region of the partnership's lead partner."""
    regions = Counter(
        lead_region(partnerships[slug]) for lesson in lessons for slug in cited_partnerships(lesson)
    )
    total = sum(regions.values())
    for region, most in MOST_LINKS_TO_ONE_REGION.items():
        assert regions[region] / total <= most, dict(regions.most_common())


def test_every_question_names_an_objective_of_its_lesson(lessons):
    wrong = [
        f"{lesson.slug}: {q.question[:60]}"
        for lesson in lessons
        for q in lesson.questions
        if q.objective is None or not 1 <= q.objective <= len(lesson.objectives)
    ]
    assert wrong == []


def test_every_objective_is_checked_by_a_question(lessons):
    unchecked = [
        f"{lesson.slug}: objective {number}"
        for lesson in lessons
        for number in range(1, len(lesson.objectives) + 1)
        if all(q.objective != number for q in lesson.questions)
    ]
    assert unchecked == []


def test_every_multiple_choice_question_offers_at_least_three_choices(lessons):
    short = [
        f"{lesson.slug}: {q.question[:60]}"
        for lesson in lessons
        for q in lesson.questions
        if q.choices and len(q.choices) < MIN_CHOICES
    ]
    assert short == []


def normalised(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]+", " ", text.lower()).split())


@pytest.mark.parametrize(
    ("a", "b", "repeat"),
    [
        ("What did ESA get in return for Orion's module?", "What did ESA get in return?", False),
        (
            "Why did NASA pay two companies to build crew capsules?",
            "Why did NASA pay two companies to build crew capsules instead of one?",
            True,
        ),
    ],
)
def test_the_repeat_rule_catches_rewordings_but_not_shared_topics(a, b, repeat):
    ratio = difflib.SequenceMatcher(None, normalised(a), normalised(b)).ratio()
    assert (ratio >= REPEAT_RATIO) is repeat


def test_no_two_questions_in_the_bundle_are_nearly_the_same(lessons):
    asked = [(lesson.slug, q.question) for lesson in lessons for q in lesson.questions]
    repeats = []
    for (slug_a, a), (slug_b, b) in combinations(asked, 2):
        matcher = difflib.SequenceMatcher(None, normalised(a), normalised(b))
        if matcher.quick_ratio() >= REPEAT_RATIO and matcher.ratio() >= REPEAT_RATIO:
            repeats.append(f"{slug_a} / {slug_b}: {a[:60]}")
    assert repeats == []


def test_no_answer_is_a_count_that_goes_out_of_date(lessons):
    """A signatory count, a number of parties or an age changes; a question must not rest
    on one."""
    dated = [
        f"{lesson.slug}: {q.question[:60]}"
        for lesson in lessons
        for q in lesson.questions
        if re.search(r"\bhow many\b|\bhow old\b", q.question, re.I)
        or (
            q.choices
            and isinstance(q.answer, int)
            and re.fullmatch(r"\s*(about |over |more than )?[\d,]+\s*", q.choices[q.answer])
        )
    ]
    assert dated == []
