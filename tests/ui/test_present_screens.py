"""Which screen gets the slides and which the notes, for made-up screen layouts (the
test platform has one screen), and how large a projector's slide is drawn."""

from __future__ import annotations

import pytest

from explorer.ui.present.screens import (
    PresenterLayout,
    ScreenArea,
    choose_screens,
    presenter_scale,
    slide_text_size,
)

LAPTOP = ScreenArea(0, 0, 1366, 768)
PROJECTOR = ScreenArea(1366, 0, 1024, 768)
BIG_TV = ScreenArea(-1920, 0, 1920, 1080)


@pytest.mark.parametrize(
    ("screens", "window_on", "layout"),
    [
        ([LAPTOP], 0, PresenterLayout(0, None)),  # one screen: notes hidden (a strip on N)
        ([LAPTOP, PROJECTOR], 0, PresenterLayout(1, 0)),  # slides on the projector
        ([LAPTOP, PROJECTOR], 1, PresenterLayout(0, 1)),  # the window was on the other one
        ([PROJECTOR, LAPTOP], 1, PresenterLayout(0, 1)),  # the primary screen is no matter
        ([LAPTOP, PROJECTOR, BIG_TV], 0, PresenterLayout(2, 0)),  # the largest other screen
        ([LAPTOP, LAPTOP], 0, PresenterLayout(0, None)),  # mirrored: really one picture
        ([LAPTOP, LAPTOP, PROJECTOR], 1, PresenterLayout(2, 1)),
        ([LAPTOP, PROJECTOR], 5, PresenterLayout(1, 0)),  # a screen that went away
        ([], 0, PresenterLayout(0, None)),
    ],
)
def test_the_notes_stay_with_the_window_and_the_slides_go_to_another_screen(
    screens, window_on, layout
):
    assert choose_screens(screens, window_on) == layout


@pytest.mark.parametrize(
    ("height", "steps", "scale", "text"),
    [
        (1080, 0, 2.0, 32),
        (768, 0, 1.5, 24),
        (700, 0, 1.25, 20),
        (2160, 0, 4.0, 64),
        (480, 0, 1.0, 16),
        (1080, 2, 2.5, 40),
        (1080, -9, 1.0, 16),  # never smaller than the window's own size
        (2160, 3, 4.0, 64),  # nor larger than four times
    ],
)
def test_one_scale_for_the_whole_slide_follows_the_screen(height, steps, scale, text):
    assert presenter_scale(height, steps) == scale
    assert slide_text_size(scale) == text
