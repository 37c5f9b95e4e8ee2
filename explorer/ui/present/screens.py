"""Which screen shows the slides and which the notes, and how large a slide's text is.

Plain Python over screen rectangles (no Qt), so that the rules are tested with tables of
made-up screens: the offscreen test platform has only one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

#: the body text size (px) of the article that the presenter's scale multiplies
BASE_TEXT = 16
MIN_SCALE, MAX_SCALE, SCALE_STEP = 1.0, 4.0, 0.25


@dataclass(frozen=True, slots=True)
class ScreenArea:
    """A screen's place on the desktop, in device-independent pixels."""

    x: int
    y: int
    width: int
    height: int

    @property
    def area(self) -> int:
        return self.width * self.height


@dataclass(frozen=True, slots=True)
class PresenterLayout:
    """The screen (an index into the list given) for the slides, and the one for the
    notes; `notes` is None when there is only one screen to use."""

    slide: int
    notes: int | None


def choose_screens(screens: Sequence[ScreenArea], window_screen: int = 0) -> PresenterLayout:
    """With two screens or more, the notes stay where the window is (the laptop, where
    the teacher looks) and the slides go to the largest other screen (the projector).
    Mirrored screens (the same place and size) count as one."""
    if not screens:
        return PresenterLayout(0, None)
    here = window_screen if 0 <= window_screen < len(screens) else 0
    others = [i for i, s in enumerate(screens) if s != screens[here]]
    if not others:
        return PresenterLayout(here, None)
    largest = max(screens[i].area for i in others)
    slide = next(i for i in others if screens[i].area == largest)
    return PresenterLayout(slide, here)


def presenter_scale(height: int, steps: int = 0) -> float:
    """How much larger than in the window everything is drawn on a screen `height` pixels
    tall (1080 -> 2.0, 768 -> 1.5), plus `steps` of the presenter's own zoom."""
    automatic = round(height / 540 / SCALE_STEP) * SCALE_STEP
    return min(MAX_SCALE, max(MIN_SCALE, automatic + steps * SCALE_STEP))


def slide_text_size(scale: float) -> int:
    """The body text size (px) of a slide at a scale."""
    return round(BASE_TEXT * scale)
