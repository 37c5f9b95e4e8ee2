"""What a teacher reads first about a checked sheet: the problems and notes counted by
reason ("4,629 rows: Date: not a year or a date"), and each change to a stored record,
field by field ("Name: 'Cassini-Huygens mission to Saturn' -> 'Cassini-Huygens'")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from explorer.core.csv_columns import ColumnMapping
from explorer.core.csv_rows import RowOutcome
from explorer.core.models import Partnership
from explorer.core.pages import label
from explorer.core.records import partnership_to_mapping

#: how a field is called in a sentence when the file has no column for it
FIELD_WORDS = {
    "slug": "slug",
    "start_year": "start year",
    "end_year": "end year",
    "citations": "sources",
    "checked": "date checked",
}
SHOWN_CHARACTERS = 60
#: how a value the file left empty was worked out
DERIVED_REASONS = {
    "status": "worked out from the years (the file gives no status)",
    "type": "worked out from the partners (the file gives no type)",
    "domain": "not set (the file gives no domain)",
}


@dataclass(frozen=True, slots=True)
class ReasonCount:
    """Rows that share one reason: a problem (the row is invalid) or a note."""

    column: str  # as the file names it
    reason: str
    rows: tuple[int, ...]
    example: str  # the first row's message, its value quoted
    problem: bool

    def __str__(self) -> str:
        rows = "row" if len(self.rows) == 1 else "rows"
        first = ", ".join(str(r) for r in self.rows[:5]) + (" …" if len(self.rows) > 5 else "")
        return (
            f"{len(self.rows):,} {rows}: {self.column}: {self.reason} "
            f"({rows} {first}; e.g. {self.example})"
        )


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    before: str
    after: str

    def __str__(self) -> str:
        return f"{FIELD_WORDS.get(self.field, self.field)}: {self.before} -> {self.after}"


def reasons(outcomes: Iterable[RowOutcome], mapping: ColumnMapping) -> list[ReasonCount]:
    """Problems of invalid rows, then notes, each counted by (column, reason), most first."""
    groups: dict[tuple[bool, str, str], list[tuple[int, str]]] = {}
    for outcome in outcomes:
        for problem in outcome.issues if outcome.status == "invalid" else ():
            reason = "required, but empty" if problem.missing else problem.summary
            key = (True, mapping.label(problem.field), reason)
            groups.setdefault(key, []).append((outcome.row, problem.message))
        for column, reason, message in row_notes(outcome, mapping):
            groups.setdefault((False, column, reason), []).append((outcome.row, message))
    counted = [
        ReasonCount(column, reason, tuple(dict.fromkeys(r for r, _ in found)), found[0][1], flag)
        for (flag, column, reason), found in groups.items()
    ]
    return sorted(counted, key=lambda c: (not c.problem, -len(c.rows), c.column, c.reason))


def row_notes(outcome: RowOutcome, mapping: ColumnMapping) -> list[tuple[str, str, str]]:
    """(column, reason, message) for each thing the teacher should look at in a row: its
    notes, the values worked out, and names close to one in the catalog."""
    found = [
        ("the row" if n.field == "row" else mapping.label(n.field), n.reason, n.message)
        for n in outcome.notes
    ]
    if outcome.record is not None:
        for field, why in outcome.derived.items():
            value = label(getattr(outcome.record, field))
            found.append(
                (
                    FIELD_WORDS.get(field, field),
                    DERIVED_REASONS[field],
                    f"{value} ({why})",
                )
            )
    if outcome.similar:
        names = "; ".join(f"'{name}' ({slug})" for slug, name in outcome.similar[:3])
        mine = outcome.record.name if outcome.record else outcome.slug
        found.append(
            (
                mapping.label("name"),
                "close to the name of a partnership already in the catalog",
                f"'{mine}' is close to {names}",
            )
        )
    return found


def field_changes(outcome: RowOutcome) -> list[FieldChange]:
    """What the row would change in the stored record, each field's old and new value."""
    if outcome.previous is None or outcome.record is None:
        return []
    before, after = _values(outcome.previous), _values(outcome.record)
    return [FieldChange(f, _shown(before.get(f)), _shown(after.get(f))) for f in outcome.changed]


def _values(record: Partnership) -> dict[str, Any]:
    values = partnership_to_mapping(record)
    values["partners"] = [x.partner.name for x in record.partners]
    values["milestones"] = [f"{m.year}: {m.event}" for m in record.milestones]
    values["citations"] = [c.url or c.title for c in record.citations]
    return values


def _shown(value: Any) -> str:
    if value in (None, "", [], ()):
        return "(empty)"
    if isinstance(value, Sequence) and not isinstance(value, str):
        text = "; ".join(str(v) for v in value)
    else:
        text = str(value)
    if len(text) > SHOWN_CHARACTERS:
        text = text[: SHOWN_CHARACTERS - 1] + "…"
    return f"'{text}'" if not isinstance(value, int) else text
