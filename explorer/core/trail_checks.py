"""Whether a trail's steps point at something, and what each shows, in words."""

from __future__ import annotations

from collections.abc import Mapping

from explorer.core.lesson_sections import find_section, section_titles
from explorer.core.models import Lesson, Problem
from explorer.core.trails import TimelineView, Trail, TrailStep, TrailTargets


def check_trail(trail: Trail, targets: TrailTargets) -> list[Problem]:
    """Every step must point at something that exists."""
    name = trail.file or str(trail.source_path or trail.slug)
    problems = []
    for number, step in enumerate(trail.steps, start=1):
        message = step_problem(step, targets)
        if message:
            problems.append(
                Problem(name, step.line or 1, f"step {number}: {message}", kind="broken-link")
            )
    return problems


def step_problem(step: TrailStep, targets: TrailTargets) -> str:
    """What is wrong with where a step points ('' when nothing)."""
    if step.kind == "partnership":
        return "" if step.slug in targets.partnerships else f"no partnership '{step.slug}'"
    if step.kind == "timeline":
        assert step.view is not None
        unknown = [s for s in step.view.highlight if s not in targets.partnerships]
        return f"the timeline highlights unknown partnership '{unknown[0]}'" if unknown else ""
    lesson = targets.lessons.get(step.slug)
    if lesson is None:
        return f"no lesson '{step.slug}'"
    if step.kind == "section" and find_section(lesson, step.section) is None:
        known = "; ".join(section_titles(lesson)) or "none"
        return f"lesson '{step.slug}' has no section '{step.section}' (its sections: {known})"
    if step.kind == "question" and step.question > len(lesson.questions):
        count = len(lesson.questions)
        return f"lesson '{step.slug}' has {count} question{'s' * (count != 1)}, not {step.question}"
    return ""


def step_label(
    step: TrailStep, lessons: Mapping[str, Lesson], partnership_names: Mapping[str, str]
) -> str:
    """What a step shows, in words: 'Who does what · Case study: the ISS'."""
    if step.kind == "timeline":
        return f"Timeline · {(step.view or TimelineView()).label()}"
    if step.kind == "partnership":
        return f"Partnership · {partnership_names.get(step.slug, step.slug)}"
    lesson = lessons.get(step.slug)
    title = lesson.title if lesson else step.slug
    if step.kind == "section":
        return f"{step.section} · {title}"
    if step.kind == "question":
        return f"Question {step.question} · {title}"
    return f"Lesson · {title}"
