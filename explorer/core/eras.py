"""Eras drawn behind the timeline, each bounded by a dated, sourced event.

Why these boundaries: docs/decisions/timeline-eras.md.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from explorer.core.timeline import decimal_year


@dataclass(frozen=True, slots=True)
class Era:
    name: str
    start: date
    started_by: str
    end: date | None = None  # None: the era continues today
    ended_by: str = ""
    source: str = ""

    def label(self) -> str:
        """'Space Race 1957–1969', or 'ISS era 1998–' for one that continues."""
        end = str(self.end.year) if self.end else ""
        return f"{self.name} {self.start.year}–{end}"

    def summary(self) -> str:
        """One or two sentences for the tooltip."""
        begin = f"From {self.started_by} ({_day(self.start)})"
        if self.end is None:
            return f"{begin}; it continues today. Source: {self.source}."
        return f"{begin} to {self.ended_by} ({_day(self.end)}). Source: {self.source}."


def _day(day: date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


ERAS: tuple[Era, ...] = (
    Era(
        "Space Race",
        date(1957, 10, 4),
        "the launch of Sputnik 1",
        date(1969, 7, 20),
        "the Apollo 11 Moon landing",
        "NASA History Office; Sputnik 1 and Apollo 11 mission pages",
    ),
    Era(
        "Détente in space",
        date(1972, 5, 24),
        "the US–Soviet agreement on cooperation in space, signed in Moscow",
        date(1975, 7, 24),
        "the Apollo splashdown that ended the Apollo–Soyuz Test Project",
        "NASA, Apollo–Soyuz Test Project; the 1972 agreement's text",
    ),
    Era(
        "Shuttle–Mir",
        date(1994, 2, 3),
        "the launch of STS-60 with cosmonaut Sergei Krikalev",
        date(1998, 6, 12),
        "the landing of STS-91, the last Shuttle–Mir flight",
        "NASA Johnson Space Center, Shuttle-Mir history; NASA STS-91 mission page",
    ),
    Era(
        "ISS era",
        date(1998, 11, 20),
        "the launch of Zarya, the station's first module",
        source="NASA, International Space Station assembly timeline",
    ),
    Era(
        "Commercial era",
        date(2006, 1, 18),
        "NASA's announcement of Commercial Orbital Transportation Services (COTS)",
        source="NASA COTS programme history",
    ),
    Era(
        "Artemis era",
        date(2017, 12, 11),
        "Space Policy Directive 1, which sent NASA back to the Moon (named Artemis in May 2019)",
        source="White House Space Policy Directive 1; NASA Artemis programme",
    ),
)


@dataclass(frozen=True, slots=True)
class EraBand:
    era: Era
    start: float
    end: float


def era_bands(eras: tuple[Era, ...], today: float, until: float) -> list[EraBand]:
    """Background bands, one per era, in order and never overlapping.

    An era that continues (ISS, commercial, Artemis) is drawn up to the start of the
    next one, which took over the background; its label says it continues ('1998–').
    The last one runs to `until` (the right end of the axis), at least to `today`.
    """
    ordered = sorted(eras, key=lambda e: e.start)
    bands = []
    for i, era in enumerate(ordered):
        start = decimal_year(era.start)
        if era.end is not None:
            end = decimal_year(era.end)
        elif i + 1 < len(ordered):
            end = decimal_year(ordered[i + 1].start)
        else:
            end = max(today, until)
        bands.append(EraBand(era, start, end))
    return bands
