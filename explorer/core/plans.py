"""Plans versus what happened: a partnership's `planned` dates, read and checked, the slips
they show ("planned for 2018, launched 2021") and where the timeline draws them.

The format is in docs/content-format.md: `planned: {start_year: 2018, end_year: 2020,
source: 2, note: ..., event: launch}`, where `source` is a 1-based citation number (as a
milestone's) and `event` says what the start year marks. Pure Python.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from explorer.core.models import PLAN_EVENTS, FieldProblem, Partnership, Plan

PLAN_KEYS = frozenset({"start_year", "end_year", "source", "note", "event"})
#: what the page says for each event: (planned ..., what happened)
EVENT_WORDS = {"start": ("Planned to start in", "started"), "launch": ("Planned for", "launched")}
#: how the page names what happened at the end, by status
END_WORDS = {"completed": "ended", "cancelled": "cancelled", "suspended": "suspended"}


# -- reading, checking and writing ---------------------------------------------------------
def plan_from_mapping(value: Any) -> Plan | None:
    """The `planned` mapping of a checked record as a Plan (None when there is none)."""
    if not isinstance(value, Mapping) or not value:
        return None
    return Plan(
        start_year=_year(value.get("start_year")),
        end_year=_year(value.get("end_year")),
        source=_year(value.get("source")),
        note=" ".join(str(value.get("note") or "").split()),
        event=str(value.get("event") or "start"),
    )


def _year(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def plan_to_mapping(plan: Plan) -> dict[str, Any]:
    """A Plan as the content files write it (empty keys left out)."""
    out: dict[str, Any] = {}
    for key in ("start_year", "end_year", "source"):
        if getattr(plan, key) is not None:
            out[key] = getattr(plan, key)
    if plan.note:
        out["note"] = plan.note
    if plan.event != "start":
        out["event"] = plan.event
    return out


def check_plan(item: Mapping[str, Any]) -> list[FieldProblem]:
    """Problems with a record's `planned` field: its shape, years, source and event."""
    value = item.get("planned")
    if value in (None, "", {}):
        return []
    if not isinstance(value, Mapping):
        return [_problem("planned must be a mapping such as {start_year: 2018, source: 1}")]
    errors = [_problem(f"planned has an unknown key '{k}'") for k in value if k not in PLAN_KEYS]
    start, end = value.get("start_year"), value.get("end_year")
    if start in (None, "") and end in (None, ""):
        errors.append(_problem("planned needs a start_year or an end_year"))
    for key in ("start_year", "end_year"):
        year = value.get(key)
        if year not in (None, "") and not _is_year(year):
            errors.append(_problem(f"planned {key} must be a year between 1900 and 2100"))
    if _year_pair(start, end) and end < start:  # type: ignore[operator]
        errors.append(_problem(f"planned end_year {end} is before its start_year {start}"))
    if value.get("event", "start") not in PLAN_EVENTS:
        errors.append(_problem(f"planned event must be one of {', '.join(PLAN_EVENTS)}"))
    return errors + _source_problems(item, value.get("source"))


def _year_pair(start: Any, end: Any) -> bool:
    return _is_year(start) and _is_year(end)


def _source_problems(item: Mapping[str, Any], source: Any) -> list[FieldProblem]:
    count = len(item.get("citations") or ())
    if source in (None, ""):
        return []
    if not _is_year_like(source):
        return [_problem(f"planned source must be a citation number (1, 2, ...), not {source!r}")]
    if not 1 <= source <= count:
        return [_problem(f"planned names source {source}, but the record has {count} citations")]
    return []


def _is_year_like(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_year(value: Any) -> bool:
    return _is_year_like(value) and 1900 <= value <= 2100


def _problem(message: str) -> FieldProblem:
    return FieldProblem("planned", message, "the planned dates are not valid")


# -- slips ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Slip:
    """How far one part of a partnership moved from its plan."""

    part: str  # "start" or "end"
    planned: int
    #: the year it happened (or, for a planned record's start, the year now planned);
    #: None for an end that has not come yet
    actual: int | None
    years: int  # later (positive) or earlier (negative); for an end not yet come, so far


def slips(p: Partnership, this_year: int) -> tuple[Slip, ...]:
    """The start and end slips of a partnership's plan (none without a plan)."""
    plan = p.planned
    if plan is None:
        return ()
    found = []
    if plan.start_year is not None:
        found.append(Slip("start", plan.start_year, p.start_year, p.start_year - plan.start_year))
    if plan.end_year is not None:
        if p.end_year is not None:
            found.append(Slip("end", plan.end_year, p.end_year, p.end_year - plan.end_year))
        elif p.status == "active" and this_year > plan.end_year:
            found.append(Slip("end", plan.end_year, None, this_year - plan.end_year))
    return tuple(found)


def years_text(years: int, later: str = "later", earlier: str = "earlier") -> str:
    """3 -> '3 years later', -1 -> '1 year earlier', 0 -> 'on time'."""
    if years == 0:
        return "on time"
    n = abs(years)
    return f"{n} year{'' if n == 1 else 's'} {later if years > 0 else earlier}"


def slip_sentence(p: Partnership, slip: Slip, this_year: int) -> str:
    """'Planned for 2018, launched 2021 (3 years later)' and the like."""
    plan = p.planned
    event = plan.event if plan is not None else "start"
    if slip.part == "start":
        planned, happened = EVENT_WORDS.get(event, EVENT_WORDS["start"])
        if p.status == "planned":
            happened = "now planned for"
        return f"{planned} {slip.planned}, {happened} {slip.actual} ({years_text(slip.years)})"
    if slip.actual is None:
        longer = years_text(slip.years, "longer so far")
        return f"Planned to end in {slip.planned}, still going in {this_year} ({longer})"
    ended = END_WORDS.get(p.status, "ended")
    return (
        f"Planned to end in {slip.planned}, {ended} {slip.actual} "
        f"({years_text(slip.years, 'longer', 'sooner')})"
    )


def slip_label(slip: Slip) -> str:
    """The short label the timeline draws: '3 yr late', '+9 yr'."""
    if slip.part == "start":
        return f"{slip.years} yr late" if slip.years > 0 else f"{-slip.years} yr early"
    return f"+{slip.years} yr" if slip.years > 0 else f"−{-slip.years} yr"


# -- where the timeline draws a plan ---------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PlanMarks:
    """A plan on the time axis, in fractional years (1998.0 is the start of 1998).

    `gap` is the stretch between the planned and the actual start (drawn faintly beside
    the bar, with `gap_label`); `strip` the planned years from start to end (a thin line
    under the bar) and `end_tick` where the plan had it end, with `end_label`.
    """

    gap: tuple[float, float] | None = None
    gap_label: str = ""
    strip: tuple[float, float] | None = None
    end_tick: float | None = None
    end_label: str = ""

    @property
    def reach(self) -> tuple[float, float] | None:
        """The years the marks cover, so that packing keeps room for them."""
        spans = [s for s in (self.gap, self.strip) if s is not None]
        if not spans:
            return None
        return min(a for a, _ in spans), max(b for _, b in spans)


def plan_marks(p: Partnership, this_year: int) -> PlanMarks | None:
    """Where a partnership's plan goes on the timeline; None when it has no slip."""
    found = {s.part: s for s in slips(p, this_year) if s.years != 0}
    if not found or p.planned is None:
        return None
    start, end = found.get("start"), found.get("end")
    gap = (float(start.planned), float(p.start_year)) if start and start.years > 0 else None
    strip = end_tick = None
    if end is not None:
        first = float(p.planned.start_year or p.start_year)
        end_tick = end.planned + 1.0
        strip = (min(first, end_tick - 1.0), end_tick)
    return PlanMarks(
        gap=gap,
        gap_label=slip_label(start) if gap and start else "",
        strip=strip,
        end_tick=end_tick,
        end_label=slip_label(end) if end else "",
    )
