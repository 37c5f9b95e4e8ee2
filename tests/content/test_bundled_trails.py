"""The bundled reading trails: every step exists, each note is written for students, and
both trails play as talks."""

from __future__ import annotations

import pytest

from explorer.core.mdx.context import RenderContext
from explorer.core.render import MarkdownRenderer
from explorer.core.slides import SlideSource, trail_slides
from explorer.core.trail_checks import check_trail
from explorer.core.trails import MAX_NOTE
from explorer.store.catalog import Catalog
from explorer.store.trail_files import TrailShelf, trail_targets

TITLES = {
    "the-iss-in-20-minutes": "The ISS in 20 minutes",
    "cooperation-in-the-cold-war": "Cooperation in the Cold War",
}


@pytest.fixture(scope="module")
def bundled(tmp_path_factory):
    from explorer.core.paths import AppPaths

    catalog = Catalog.open(AppPaths.resolve(tmp_path_factory.mktemp("data")))
    yield catalog
    catalog.close()


@pytest.fixture(scope="module")
def shelf(bundled):
    return TrailShelf.load(bundled.paths)


def test_the_two_bundled_trails_are_there(shelf):
    assert {t.slug: t.title for t in shelf.trails} == TITLES
    assert all(t.origin == "bundled" and t.summary for t in shelf.trails)


@pytest.mark.parametrize("slug", sorted(TITLES))
def test_every_step_of_a_bundled_trail_exists(bundled, shelf, slug):
    trail = shelf.get(slug)
    assert shelf.problems == ()
    assert check_trail(trail, trail_targets(bundled.library, bundled.partnerships)) == []
    kinds = {step.kind for step in trail.steps}
    assert {"section", "partnership", "timeline", "question"} <= kinds
    assert 8 <= len(trail.steps) <= 14


@pytest.mark.parametrize("slug", sorted(TITLES))
def test_every_step_has_a_short_note_for_students(shelf, slug):
    for step in shelf.get(slug).steps:
        assert 10 <= len(step.note) <= MAX_NOTE, step


@pytest.mark.parametrize("slug", sorted(TITLES))
def test_a_bundled_trail_plays_as_a_talk_with_a_slide_for_every_step(bundled, shelf, slug):
    source = SlideSource(
        MarkdownRenderer(),
        lambda _lesson: RenderContext(),
        bundled.library.by_slug,
        bundled.partnerships.get,
    )
    trail = shelf.get(slug)
    slides = trail_slides(trail, source)
    assert {s.step for s in slides} == set(range(len(trail.steps)))
