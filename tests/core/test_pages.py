"""Lesson page HTML: quiz states, callouts, previews, the table of contents."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.core.models import Citation, GlossaryEntry, Lesson, Question
from explorer.core.pages import lesson_page, link_titles
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
    assert '<table cellpadding="0" cellspacing="0" class="callout tip"' in html  # nh3's order
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
    lesson = Lesson("l", "L", "benefits", body="[b](glossary:barter) [x](https://x.org)")
    html = page(lesson, titles=titles)
    assert 'href="glossary:barter" title="Barter: A swap."' in html
    assert html.count("title=") == 2


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://www.esa.int/x", True),
        ("mailto:teacher@example.org", True),
        ("javascript:alert(1)", False),
        ("www.esa.int/x", False),
        ("file:///etc/passwd", False),
    ],
)
def test_a_source_links_only_to_a_web_address(url, linked):
    lesson = Lesson("l", "L", "benefits", sources=(Citation("ESA", "A page", url),))
    html = page(lesson)
    assert "A page" in html
    assert (f'href="{url}"' in html) is linked
    assert 'href="javascript' not in html


def test_a_teacher_lesson_is_marked_as_mine():
    assert "my lesson" in page(Lesson("l", "L", "benefits", origin="teacher"))
    assert "my lesson" not in page(Lesson("l", "L", "benefits"))
