"""Page HTML: quiz states, callouts, previews, the table of contents, partnership pages."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.core.models import (
    Citation,
    GlossaryEntry,
    Lesson,
    Milestone,
    Participant,
    Partner,
    Partnership,
    Question,
)
from explorer.core.pages import (
    add_link_titles,
    lesson_page,
    link_titles,
    partnership_page,
)
from explorer.core.quiz import REVEALED
from explorer.core.render import MarkdownRenderer

CHOICE = Question("Who built Huygens?", 1, ("NASA", "ESA", "JAXA"), "ESA built the probe.")
OPEN = Question("Why share?", "Because space is expensive.", (), "Cost matters.")


def page(lesson: Lesson, **kw) -> str:
    return lesson_page(lesson, MarkdownRenderer(), **kw)[0]


@pytest.mark.parametrize(
    ("state", "present", "absent"),
    [
        (None, ['href="quiz:0-1"', "Choose an answer."], ["ESA built the probe."]),
        (
            0,
            ["Not quite", "<s>NASA</s>", 'href="quiz:0-show"', 'href="quiz:0-1"'],
            ["ESA built the probe."],
        ),
        (1, ["<b>Correct.</b> ESA built the probe.", "<b>ESA</b> ✓"], ['href="quiz:0-2"']),
        (REVEALED, ["Answer: B.", "ESA built the probe."], ['href="quiz:0-0"']),
    ],
)
def test_a_multiple_choice_question_in_each_state(state, present, absent):
    lesson = Lesson("l", "L", "benefits", questions=(CHOICE,))
    html = page(lesson, quiz={} if state is None else {0: state})
    for text in present:
        assert text in html
    for text in absent:
        assert text not in html


@pytest.mark.parametrize("folded", [False, True])
@pytest.mark.parametrize(
    ("objective", "shown"),
    [
        (2, "Checks objective 2: Name who built Huygens."),
        (None, None),
        (3, None),  # a number the lesson has no objective for (reported by the validator)
    ],
)
def test_a_question_says_which_objective_it_checks(folded, objective, shown):
    lesson = Lesson(
        "l",
        "L",
        "benefits",
        objectives=("Explain barter.", "Name who built Huygens."),
        questions=(replace(CHOICE, objective=objective),),
    )
    html = page(lesson, folded_answers=folded)
    question = html.split('<p class="question">')[1]
    if shown is None:
        assert "Checks objective" not in html
    else:
        assert f'</p><p class="objective">{shown}</p>' in question.split("</li>")[0]


def test_an_open_question_hides_its_model_answer_until_asked():
    lesson = Lesson("l", "L", "benefits", questions=(CHOICE, OPEN))
    assert "Because space is expensive." not in page(lesson)
    assert 'href="quiz:1-show"' in page(lesson)
    shown = page(lesson, quiz={1: REVEALED})
    assert "Model answer:</b> Because space is expensive. Cost matters." in shown


def test_admonitions_become_callout_boxes():
    lesson = Lesson("l", "L", "benefits", body='!!! tip "Follow the money"\n    Ask who paid.\n')
    html = page(lesson)
    assert '<table class="callout tip"' in html
    assert "Follow the money" in html and "Ask who paid." in html
    assert "<div" not in html.split("Follow the money")[1].split("</table>")[0]


@pytest.mark.parametrize(("sections", "has_toc"), [(2, False), (3, True)])
def test_lessons_with_three_sections_get_a_table_of_contents(sections, has_toc):
    body = "\n\n".join(f"## Part {n}\n\nText." for n in range(sections))
    html = page(Lesson("l", "L", "benefits", body=body))
    assert ("On this page" in html) is has_toc
    if has_toc:
        assert 'href="#part-1"' in html


def test_a_lone_image_gets_its_alt_text_as_a_caption(tmp_path):
    (tmp_path / "iss.png").write_bytes(b"")
    lesson = Lesson(
        "l", "L", "benefits", body="![The ISS in 2021](iss.png)", source_path=tmp_path / "l.md"
    )
    assert '<span class="caption">The ISS in 2021</span>' in page(lesson)


def test_internal_links_get_a_hover_preview_and_web_links_keep_theirs():
    titles = link_titles({"barter": GlossaryEntry("barter", "Barter", "A swap.")})
    html = add_link_titles(
        '<a class="internal glossary" href="glossary:barter">b</a> '
        '<a href="https://x.org" title="https://x.org">x</a>',
        titles,
    )
    assert 'title="Barter: A swap." href="glossary:barter"' in html
    assert html.count("title=") == 2


def test_a_teacher_lesson_is_marked_as_mine():
    assert "my lesson" in page(Lesson("l", "L", "benefits", origin="teacher"))
    assert "my lesson" not in page(Lesson("l", "L", "benefits"))


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
