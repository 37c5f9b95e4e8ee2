"""Partnership and glossary pages: benefits linked to lessons, countries, sources."""

from __future__ import annotations

from explorer.core.models import Citation, Lesson, Participant, Partner, Partnership
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
    assert "NASA</b> (National Aeronautics)" in html and "United States" in html
    assert "Soviet Union" in html
    assert "Facts checked on 2026-01-02." in html
    assert 'href="timeline:astp"' in html
