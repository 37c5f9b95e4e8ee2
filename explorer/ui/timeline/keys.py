"""Keyboard control of the timeline view: a table from key to command.

Left/Right step through partnerships in time order, Up/Down move to the nearest one in
the row above or below, Control or Shift with the arrows pans, + and - zoom, 0 fits
everything, Home/End jump to the first and last partnership, Enter opens the selected
one and Escape clears the selection.

`KEYS` says what each key asks for (a `Command`), with Control or Shift held and with
nothing selected; `command_for` looks a key press up in it, and `ACTIONS` says how the
view carries each command out. The view's keyPressEvent calls `handle_key`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Protocol

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtWidgets import QScrollBar, QWidget

from explorer.core.timeline_layout import nearest_in_row, step
from explorer.ui.timeline.scene import TimelineScene

ZOOM_STEP = 1.5  # one press of + or -, one zoom button click
PAN_KEYS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
#: the commands a key can give
STEP, STEP_ROW, FIRST, LAST = "step", "step-row", "first", "last"
PAN_ACROSS, PAN_ALONG, ZOOM, FIT = "pan-across", "pan-along", "zoom", "fit"
OPEN, CLEAR = "open", "clear"


@dataclass(frozen=True, slots=True)
class Command:
    """What a key asks of the timeline: an action and how far (steps, a direction, a
    zoom factor)."""

    action: str
    amount: float = 0


@dataclass(frozen=True, slots=True)
class KeyRow:
    """A key's command, its command with Control or Shift held (`panning`) and with
    nothing selected (`unselected`), each the plain one where not given; a key
    `only_when_selected` is not the timeline's while nothing is selected."""

    plain: Command
    panning: Command | None = None
    unselected: Command | None = None
    only_when_selected: bool = False


_ZOOM_IN, _ZOOM_OUT = Command(ZOOM, ZOOM_STEP), Command(ZOOM, 1 / ZOOM_STEP)
Key = Qt.Key
KEYS: Mapping[Qt.Key, KeyRow] = {
    Key.Key_Left: KeyRow(Command(STEP, -1), Command(PAN_ACROSS, -1)),
    Key.Key_Right: KeyRow(Command(STEP, 1), Command(PAN_ACROSS, 1)),
    Key.Key_Up: KeyRow(
        Command(STEP_ROW, -1), Command(PAN_ALONG, -1), unselected=Command(PAN_ALONG, -1)
    ),
    Key.Key_Down: KeyRow(
        Command(STEP_ROW, 1), Command(PAN_ALONG, 1), unselected=Command(PAN_ALONG, 1)
    ),
    Key.Key_Plus: KeyRow(_ZOOM_IN),
    Key.Key_Equal: KeyRow(_ZOOM_IN),
    Key.Key_Minus: KeyRow(_ZOOM_OUT),
    Key.Key_Underscore: KeyRow(_ZOOM_OUT),
    Key.Key_0: KeyRow(Command(FIT)),
    Key.Key_Home: KeyRow(Command(FIRST)),
    Key.Key_End: KeyRow(Command(LAST)),
    Key.Key_Return: KeyRow(Command(OPEN)),
    Key.Key_Enter: KeyRow(Command(OPEN)),
    Key.Key_Escape: KeyRow(Command(CLEAR), only_when_selected=True),
}


def command_for(key: Qt.Key, mods: Qt.KeyboardModifier, selected: bool) -> Command | None:
    """The command of a key press (`selected`: a partnership is selected); None when the
    key is not the timeline's."""
    row = KEYS.get(key)
    if row is None or (row.only_when_selected and not selected):
        return None
    if mods & PAN_KEYS and row.panning is not None:
        return row.panning
    if not selected and row.unselected is not None:
        return row.unselected
    return row.plain


class KeyTarget(Protocol):
    """What the commands use of the timeline view (explorer.ui.timeline.view)."""

    @property
    def timeline(self) -> TimelineScene: ...
    @property
    def entry_activated(self) -> SignalInstance: ...
    @property
    def selected(self) -> str | None: ...
    @property
    def selected_box(self) -> int | None: ...
    def zoom(self, factor: float) -> None: ...
    def fit_all(self) -> None: ...
    def select(self, slug: str | None, box: int | None = None, reveal: bool = True) -> bool: ...
    def move_selection(self, slug: str, box: int | None = None) -> None: ...
    def horizontalScrollBar(self) -> QScrollBar: ...
    def verticalScrollBar(self) -> QScrollBar: ...
    def viewport(self) -> QWidget: ...


def handle_key(view: KeyTarget, key: Qt.Key, mods: Qt.KeyboardModifier) -> bool:
    """Act on a key press; False when the key is not the timeline's."""
    command = command_for(key, mods, view.selected is not None)
    if command is None:
        return False
    ACTIONS[command.action](view, command.amount)
    return True


def pan_across(view: KeyTarget, sign: float) -> None:
    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + int(sign) * view.viewport().width() // 6)


def pan_along(view: KeyTarget, sign: float) -> None:
    bar = view.verticalScrollBar()
    bar.setValue(bar.value() + int(sign) * round(view.timeline.metrics.row * 3))


def step_selection(view: KeyTarget, delta: float) -> None:
    """Select the partnership `delta` steps away in time order."""
    found = step(view.timeline.order, view.selected, int(delta))
    if found is not None:
        view.move_selection(found.slug)


def step_row(view: KeyTarget, delta: float) -> None:
    """Select the partnership nearest in time in the row above or below (crossing into
    the next lane at a lane's edge)."""
    scene = view.timeline
    place = scene.place_of(view.selected or "", view.selected_box)
    if place is None:
        step_selection(view, 0)
        return
    box = scene.boxes[place.box]
    line = (box.line_of(place.row) or 0) + int(delta)
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


def _open(view: KeyTarget, _amount: float) -> None:
    if view.selected is not None:
        view.entry_activated.emit(view.selected)


def _clear(view: KeyTarget, _amount: float) -> None:
    view.select(None)


#: how the view carries out each command: (view, the command's amount)
ACTIONS: Mapping[str, Callable[[KeyTarget, float], None]] = {
    STEP: step_selection,
    STEP_ROW: step_row,
    FIRST: lambda view, _a: step_selection(view, -len(view.timeline.order)),
    LAST: lambda view, _a: step_selection(view, len(view.timeline.order)),
    PAN_ACROSS: pan_across,
    PAN_ALONG: pan_along,
    ZOOM: lambda view, factor: view.zoom(factor),
    FIT: lambda view, _a: view.fit_all(),
    OPEN: _open,
    CLEAR: _clear,
}
