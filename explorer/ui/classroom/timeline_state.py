"""A timeline view as a bookmark holds it (years, lanes, filters, list, highlight): read
from the timeline panel, and shown on it again."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.core.classroom.bookmarks import TimelineState

if TYPE_CHECKING:
    from explorer.ui.timeline.panel import TimelinePanel


def timeline_state(panel: TimelinePanel) -> TimelineState:
    first, last = panel.view.window()
    filters, words = panel.filters()
    return TimelineState(
        round(first, 2),
        round(last, 2),
        panel.group_by,
        filters,
        words,
        panel.list_button.isChecked(),
        tuple(sorted(panel.highlighted or ())),
    )


def show_timeline_state(panel: TimelinePanel, state: TimelineState) -> None:
    """Show the view again: lanes, filters, list or timeline, highlight, then the years."""
    panel.set_group_by(state.group_by)
    panel.set_filters(state.filters, state.words)
    panel.show_list(state.as_list)
    if state.highlighted:
        count = len(state.highlighted)
        panel.highlight(state.highlighted, f"{count} partnership{'s' * (count != 1)} bookmarked")
    elif panel.highlighted is not None:
        panel.clear_highlight()
    from explorer.core.timeline import TimeScale  # loaded with the timeline, after start

    view = panel.view  # the years saved are the years shown: no margin added around them
    view.set_time_scale(TimeScale.fit(state.first, state.last, view.viewport().width(), 0))
