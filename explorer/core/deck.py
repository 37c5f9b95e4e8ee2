"""Moving through a presentation: which slide and stage Page Down and Page Up lead to.

Pure rules, tested as tables: forward shows a slide's next stage (a question's answer)
before the next slide; back hides it again, and from a slide's first stage goes to the
previous slide as it was left (its last stage).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explorer.core.slides import Slide


@dataclass(frozen=True, slots=True)
class Place:
    slide: int
    stage: int = 0


@dataclass(frozen=True, slots=True)
class Deck:
    slides: tuple[Slide, ...]

    @classmethod
    def of(cls, slides: Sequence[Slide]) -> Deck:
        return cls(tuple(slides))

    def __len__(self) -> int:
        return len(self.slides)

    def _stages(self, index: int) -> int:
        return len(self.slides[index].stages)

    def forward(self, place: Place) -> Place:
        if not self.slides:
            return place
        if place.stage + 1 < self._stages(place.slide):
            return Place(place.slide, place.stage + 1)
        if place.slide + 1 < len(self.slides):
            return Place(place.slide + 1)
        return place

    def back(self, place: Place) -> Place:
        if place.stage > 0:
            return Place(place.slide, place.stage - 1)
        if place.slide > 0:
            return Place(place.slide - 1, self._stages(place.slide - 1) - 1)
        return place

    def first(self) -> Place:
        return Place(0)

    def last(self) -> Place:
        return Place(max(0, len(self.slides) - 1))

    def reveal(self, place: Place) -> Place:
        """Show the answer (every stage), or hide it again when it is shown."""
        stages = self._stages(place.slide) if self.slides else 1
        if stages == 1:
            return place
        return Place(place.slide, 0 if place.stage == stages - 1 else stages - 1)

    def html(self, place: Place) -> str:
        return self.slides[place.slide].stages[place.stage]

    def counter(self, place: Place) -> str:
        """'Slide 3 of 12'."""
        return f"Slide {place.slide + 1} of {len(self.slides)}"

    def coming(self, place: Place) -> str:
        """What Page Down shows next, in words, for the presenter's notes."""
        if not self.slides:
            return ""
        if place.stage + 1 < self._stages(place.slide):
            hidden = "the answer" if self.slides[place.slide].kind == "question" else "the solution"
            return f"Next: {hidden}"
        if place.slide + 1 < len(self.slides):
            return f"Next: {self.slides[place.slide + 1].title}"
        return "This is the last slide"

    def start_of_step(self, step: int) -> Place:
        """The first slide of a trail step (the first slide when none shows it)."""
        for index, slide in enumerate(self.slides):
            if slide.step is not None and slide.step >= step:
                return Place(index)
        return self.first()
