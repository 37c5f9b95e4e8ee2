"""Keyboard control of the timeline view.

Left/Right step through partnerships in time order, Up/Down move to the nearest one in
the row above or below, Control or Shift with the arrows pans, + and - zoom, 0 fits
everything, Home/End jump to the first and last partnership, Enter opens the selected
one and Escape clears the selection.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

from explorer.core.timeline_layout import nearest_in_row, step

if TYPE_CHECKING:
    from explorer.ui.timeline.view import TimelineView

ZOOM_STEP = 1.5  # one press of + or -, one zoom button click
PAN_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def handle_key(view: TimelineView, key: Qt.Key, mods: Qt.KeyboardModifier) -> bool:
    """Act on a key press; False when the key is not the timeline's."""
    pan = bool(mods & PAN_KEYS)
    k = Qt.Key
    if key in (k.Key_Left, k.Key_Right):
        arrow_across(view, -1 if key == k.Key_Left else 1, pan)
    elif key in (k.Key_Up, k.Key_Down):
        arrow_along(view, -1 if key == k.Key_Up else 1, pan)
    elif key in (k.Key_Plus, k.Key_Equal):
        view.zoom(ZOOM_STEP)
    elif key in (k.Key_Minus, k.Key_Underscore):
        view.zoom(1 / ZOOM_STEP)
    elif key == k.Key_0:
        view.fit_all()
    elif key in (k.Key_Home, k.Key_End):
        count = len(view.timeline.order)
        step_selection(view, -count if key == k.Key_Home else count)
    elif key in (k.Key_Return, k.Key_Enter):
        if view.selected is not None:
            view.entry_activated.emit(view.selected)
    elif key == k.Key_Escape and view.selected is not None:
        view.select(None)
    else:
        return False
    return True


def arrow_across(view: TimelineView, sign: int, pan: bool) -> None:
    if pan:
        bar = view.horizontalScrollBar()
        bar.setValue(bar.value() + sign * view.viewport().width() // 6)
    else:
        step_selection(view, sign)


def arrow_along(view: TimelineView, sign: int, pan: bool) -> None:
    if pan or view.selected is None:
        bar = view.verticalScrollBar()
        bar.setValue(bar.value() + sign * round(view.timeline.metrics.row * 3))
    else:
        step_row(view, sign)


def step_selection(view: TimelineView, delta: int) -> None:
    """Select the partnership `delta` steps away in time order."""
    found = step(view.timeline.order, view.selected, delta)
    if found is not None:
        view.move_selection(found.slug)


def step_row(view: TimelineView, delta: int) -> None:
    """Select the partnership nearest in time in the row above or below (crossing into
    the next lane at a lane's edge)."""
    scene = view.timeline
    place = scene.place_of(view.selected or "", view.selected_box)
    if place is None:
        step_selection(view, 0)
        return
    box = scene.boxes[place.box]
    line = (box.line_of(place.row) or 0) + delta
    middle = (place.entry.start + place.entry.end) / 2
    while True:
        found = nearest_in_row(box, box.rows[line], middle) if 0 <= line < box.shown_rows else None
        if found is not None:
            break
        index = box.index + (1 if delta > 0 else -1)
        if not 0 <= index < len(scene.boxes):
            return
        box = scene.boxes[index]
        line = 0 if delta > 0 else box.shown_rows - 1
    view.move_selection(found.slug, box.index)
