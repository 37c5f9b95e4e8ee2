"""Partnership and glossary pages: benefits linked to lessons, countries, sources."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.core.models import Citation, Lesson, Milestone, Participant, Partner, Partnership
from explorer.core.record_pages import partnership_page

ASTP = Partnership(
    "astp",
    "Apollo-Soyuz",
    "bilateral",
    1975,
    1975,
    "completed",
    "human-spaceflight",
    partners=(
        Participant(Partner("nasa", "NASA", "National Aeronautics", "US"), "Apollo"),
        Participant(Partner("su", "Soviet Academy", "", "SU")),
    ),
    countries=("US", "SU"),
    benefits=("diplomacy",),
    challenges=("cultural",),
    citations=(Citation("NASA", "ASTP", "https://nasa.gov/astp"),),
    checked="2026-01-02",
)


def test_a_partnership_page_links_each_benefit_to_the_lesson_that_teaches_it():
    teaches = {"diplomacy": [Lesson("diplomacy-and-cooperation", "Diplomacy", "benefits")]}
    html = partnership_page(ASTP, (), lambda tag: teaches.get(tag, []))
    assert (
        'href="topic:diplomacy">Diplomacy</a> <span class="muted">— taught in</span> '
        '<a class="internal lesson" href="lesson:diplomacy-and-cooperation">' in html
    )
    assert 'href="topic:cultural">Cultural</a></li>' in html  # no lesson: no "taught in"


def test_a_partnership_page_names_countries_and_the_checked_date():
    html = partnership_page(ASTP)
    assert 'href="partner:nasa">NASA</a></b> (National Aeronautics)' in html
    assert "United States" in html
    assert "Soviet Union" in html
    assert "Facts checked on 2026-01-02." in html
    assert 'href="timeline:astp"' in html


SOURCED = replace(
    ASTP,
    citations=(
        Citation("NASA", "ASTP", "https://nasa.gov/astp"),
        Citation("Roscosmos", "Soyuz 19"),
    ),
    milestones=(
        Milestone(1975, "Docked on 17 July", 1),
        Milestone(1975, "Crews shook hands", 2),
        Milestone(1975, "Undocked"),
    ),
    years_source=1,
)


@pytest.mark.parametrize(
    ("event", "mark"),
    [
        (
            "Docked on 17 July",
            '<sup><a class="external cite" href="https://nasa.gov/astp" '
            'title="Source 1: NASA: ASTP">[1]</a></sup>',
        ),
        (
            "Crews shook hands",
            '<sup><a class="cite" href="#source-2" title="Source 2: Roscosmos: Soyuz 19">'
            "[2]</a></sup>",
        ),
        ("Undocked", ""),
    ],
)
def test_each_sourced_milestone_links_to_its_citation(event, mark):
    html = partnership_page(SOURCED)
    assert f"<td>{event}{mark}</td>" in html


def test_the_years_name_their_source_and_the_sources_are_numbered_to_match():
    html = partnership_page(SOURCED)
    assert '<b>1975</b><sup><a class="external cite" href="https://nasa.gov/astp"' in html
    assert html.index('<a id="source-1" name="source-1"></a>NASA: ') < html.index(
        '<a id="source-2" name="source-2"></a>Roscosmos: Soyuz 19'
    )
    assert '<ol class="sources">' in html


def test_a_source_number_past_the_citations_shows_no_mark():
    html = partnership_page(replace(SOURCED, milestones=(Milestone(1975, "Docked", 7),)))
    assert "<td>Docked</td>" in html and "[7]" not in html


def test_an_esa_led_page_names_the_countries_and_the_international_bodies():
    esa = Partner("esa", "ESA", "European Space Agency", "intl", "space-agency")
    signatories = Partner("signatories", "Signatories", "", "intl", "other")
    rover = replace(
        ASTP,
        partners=(Participant(esa), Participant(signatories), ASTP.partners[0]),
        countries=("US", "IT", "intl"),
    )
    html = partnership_page(rover)
    assert (
        '<p class="muted">Countries involved: United States, Italy. '
        "International bodies: ESA.</p>" in html
    )
