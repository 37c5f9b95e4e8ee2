"""The timeline's keys as a table: key, modifiers and selection -> the command."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from explorer.ui.timeline.keys import (
    ACTIONS,
    CLEAR,
    FIRST,
    FIT,
    KEYS,
    LAST,
    OPEN,
    PAN_ACROSS,
    PAN_ALONG,
    STEP,
    STEP_ROW,
    ZOOM,
    ZOOM_STEP,
    Command,
    command_for,
)

K = Qt.Key
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.mark.parametrize(
    ("key", "mods", "selected", "expected"),
    [
        (K.Key_Left, NONE, True, Command(STEP, -1)),
        (K.Key_Right, NONE, True, Command(STEP, 1)),
        (K.Key_Right, NONE, False, Command(STEP, 1)),  # selects the first
        (K.Key_Left, CTRL, True, Command(PAN_ACROSS, -1)),
        (K.Key_Right, SHIFT, False, Command(PAN_ACROSS, 1)),
        (K.Key_Up, NONE, True, Command(STEP_ROW, -1)),
        (K.Key_Down, NONE, True, Command(STEP_ROW, 1)),
        (K.Key_Down, NONE, False, Command(PAN_ALONG, 1)),  # nothing to move from
        (K.Key_Up, SHIFT, True, Command(PAN_ALONG, -1)),
        (K.Key_Plus, NONE, False, Command(ZOOM, ZOOM_STEP)),
        (K.Key_Equal, CTRL, False, Command(ZOOM, ZOOM_STEP)),
        (K.Key_Minus, NONE, True, Command(ZOOM, 1 / ZOOM_STEP)),
        (K.Key_Underscore, SHIFT, True, Command(ZOOM, 1 / ZOOM_STEP)),
        (K.Key_0, NONE, False, Command(FIT)),
        (K.Key_Home, NONE, True, Command(FIRST)),
        (K.Key_End, NONE, False, Command(LAST)),
        (K.Key_Return, NONE, True, Command(OPEN)),
        (K.Key_Enter, NONE, False, Command(OPEN)),
        (K.Key_Escape, NONE, True, Command(CLEAR)),
        (K.Key_Escape, NONE, False, None),  # left to the window
        (K.Key_A, NONE, True, None),
        (K.Key_Tab, NONE, True, None),
    ],
)
def test_a_key_gives_a_command(key, mods, selected, expected):
    assert command_for(key, mods, selected) == expected


def test_every_command_in_the_table_has_an_action():
    commands = {
        command.action
        for row in KEYS.values()
        for command in (row.plain, row.panning, row.unselected)
        if command is not None
    }
    assert commands == set(ACTIONS)
