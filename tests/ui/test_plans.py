"""Plans versus what happened in the window: the partnership page says how it slipped,
and the timeline draws the planned years beside the bar, with the slip in its tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, QRect

from explorer.core.location import Location
from explorer.ui.timeline.plans import PlanLayer

CREW = "nasa-commercial-crew-program"


@pytest.fixture
def planned(content_dir):
    path = content_dir / "partnerships" / f"{CREW}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace(
            "checked:", "planned: {start_year: 2007, source: 1, note: An older plan.}\nchecked:"
        ),
        encoding="utf-8",
    )


def test_the_partnership_page_says_planned_and_what_happened(planned, window):
    window.go_to(Location("partnership", CREW))
    text = window.read_view.article.toPlainText()
    assert (
        "Plans and what happened: Planned to start in 2007, started 2010 (3 years later)." in text
    )
    assert "An older plan." in text


def test_the_timeline_draws_the_planned_years_beside_the_bar(qtbot, planned, window):
    window.go_to(Location("timeline"))
    timeline = window.timeline_view
    view = timeline.view
    view.select(CREW)
    layers = [i for i in timeline.scene.items() if isinstance(i, PlanLayer)]
    assert [[p.entry.slug for p in layer.planned] for layer in layers] == [[CREW]]
    marks = layers[0].planned[0].marks
    assert (marks.gap, marks.gap_label) == ((2007.0, 2010.0), "3 yr late")
    place = timeline.scene.place_of(CREW)
    middle = timeline.scene.row_rect(place).center().y()
    gap = view.mapFromScene(QPointF(2008.5, middle))
    assert "Planned to start in 2007, started 2010 (3 years later)" in view._tip(QPointF(gap))
    area = QRect(gap.x() - 10, gap.y() - 5, 20, 10)
    with_plan = view.viewport().grab(area).toImage()
    layers[0].setVisible(False)
    without = view.viewport().grab(area).toImage()
    assert with_plan != without
