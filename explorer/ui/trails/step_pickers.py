"""Choosing what a trail step points at, with the app's pickers: a lesson, one of its
sections or questions, a partnership, or a timeline view."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from explorer.core.lesson_sections import section_titles
from explorer.core.models import Lesson
from explorer.core.timeline_layout import GROUPINGS
from explorer.core.trails import TimelineView, TrailStep
from explorer.ui.pickers import Choice, ChoicePicker, SearchableChecklist, plain_buttons

if TYPE_CHECKING:
    from explorer.store.catalog import Catalog

GROUP_TITLES = {"type": "Type", "domain": "Domain", "partner": "Partner"}
FIRST_YEAR, LAST_YEAR = 1950, 2100


def pick(parent: QWidget, choices: Sequence[Choice], title: str, placeholder: str) -> Choice | None:
    picker = ChoicePicker(
        choices, parent, title=title, accept_text="Choose", placeholder=placeholder
    )
    if picker.exec() != QDialog.DialogCode.Accepted:
        return None
    return picker.chosen()


class StepPickers:
    """One method per kind of step: each asks, and returns the step (None: cancelled)."""

    def __init__(self, parent: QWidget, catalog: Catalog) -> None:
        self.parent, self.catalog = parent, catalog

    def lessons(self, having: str = "") -> list[Choice]:
        found = self.catalog.library.lessons
        if having == "sections":
            found = tuple(x for x in found if section_titles(x))
        elif having == "questions":
            found = tuple(x for x in found if x.questions)
        return [Choice("lesson", x.slug, x.title, x.group_title) for x in found]

    def partnerships(self) -> list[Choice]:
        names = self.catalog.partnerships.names()
        return [
            Choice("partnership", slug, name) for slug, name in sorted(names.items(), key=_by_name)
        ]

    def _lesson(self, having: str = "") -> Lesson | None:
        choice = pick(self.parent, self.lessons(having), "Choose a Lesson", "Type a lesson…")
        return self.catalog.library.get(choice.slug) if choice else None

    def lesson_step(self) -> TrailStep | None:
        lesson = self._lesson()
        return TrailStep("lesson", lesson.slug) if lesson else None

    def section_step(self) -> TrailStep | None:
        lesson = self._lesson("sections")
        if lesson is None:
            return None
        sections = [Choice("section", t, t, lesson.title) for t in section_titles(lesson)]
        choice = pick(self.parent, sections, "Choose a Section", "Type a section's heading…")
        return TrailStep("section", lesson.slug, section=choice.slug) if choice else None

    def question_step(self) -> TrailStep | None:
        lesson = self._lesson("questions")
        if lesson is None:
            return None
        questions = [
            Choice("question", str(n), q.question, f"Question {n}")
            for n, q in enumerate(lesson.questions, start=1)
        ]
        choice = pick(self.parent, questions, "Choose a Question", "Type words of a question…")
        return TrailStep("question", lesson.slug, question=int(choice.slug)) if choice else None

    def partnership_step(self) -> TrailStep | None:
        choice = pick(
            self.parent, self.partnerships(), "Choose a Partnership", "Type a partnership…"
        )
        return TrailStep("partnership", choice.slug) if choice else None

    def timeline_step(self, start: TimelineView | None = None) -> TrailStep | None:
        dialog = TimelineViewDialog(self.partnerships(), start or TimelineView(), self.parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return TrailStep("timeline", view=dialog.view())


def _by_name(item: tuple[str, str]) -> str:
    return item[1].casefold()


class TimelineViewDialog(QDialog):
    """Years, grouping and the partnerships to highlight: a timeline view for a step."""

    def __init__(
        self, partnerships: Sequence[Choice], start: TimelineView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Timeline View")
        self.setAccessibleName("Timeline view for a trail step")
        self.first = self._year(start.first or 1957, "First year shown")
        self.last = self._year(start.last or 2030, "Last year shown")
        self.group = QComboBox()
        self.group.setAccessibleName("Group lanes by")
        for key in GROUPINGS:
            self.group.addItem(GROUP_TITLES[key], key)
        self.group.setCurrentIndex(GROUPINGS.index(start.group))
        self.highlight = SearchableChecklist(partnerships, "Filter partnerships…")
        self.highlight.list.setAccessibleName("Partnerships to highlight")
        self.highlight.set_checked(start.highlight)
        form = QFormLayout()
        form.addRow("From", self.first)
        form.addRow("To", self.last)
        form.addRow("Group by", self.group)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        plain_buttons(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        highlight_label = QLabel("&Highlight these partnerships (the others fade):")
        highlight_label.setBuddy(self.highlight.filter)
        layout.addWidget(highlight_label)
        layout.addWidget(self.highlight, 1)
        layout.addWidget(buttons)
        self.resize(520, 560)

    def _year(self, value: int, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(FIRST_YEAR, LAST_YEAR)
        box.setValue(value)
        box.setAccessibleName(name)
        return box

    def view(self) -> TimelineView:
        first, last = sorted((self.first.value(), self.last.value()))
        group = str(self.group.currentData())
        return TimelineView(first, last, group, tuple(self.highlight.checked()))
