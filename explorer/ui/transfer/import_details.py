"""The words of the import preview: what each row would do, what was worked out or
guessed, and the reasons counted (explorer.core.csv_summary has the counting)."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.csv_columns import ColumnMapping
from explorer.core.csv_rows import RowOutcome
from explorer.core.csv_summary import DERIVED_REASONS, ReasonCount, field_changes
from explorer.core.pages import label
from explorer.store.csv_import import ImportPreview
from explorer.ui.transfer.import_mapping import FIELD_TITLES
from explorer.ui.transfer.widgets import plural

#: reasons shown in a group above the table (the rest are counted)
SHOWN_REASONS = 4
#: the reasons for values worked out, as the preview names them
DERIVED = {
    DERIVED_REASONS["status"]: "the status from the years",
    DERIVED_REASONS["type"]: "the type from the partners",
    DERIVED_REASONS["domain"]: "no domain (Not set)",
}


@dataclass(frozen=True, slots=True)
class RowDetails:
    text: str  # the Details column
    tooltip: str  # all of it, one item a line
    flagged: bool  # something for the teacher to look at


def row_details(outcome: RowOutcome, mapping: ColumnMapping) -> RowDetails:
    """What a valid row would do, with what was worked out and what looks doubtful."""
    parts = [_action(outcome)]
    flags: list[str] = []
    if outcome.record is not None:
        for field, why in outcome.derived.items():
            value = label(getattr(outcome.record, field))
            parts.append(f"{FIELD_TITLES[field]}: {value} (worked out: {why})")
    for _slug, name in outcome.similar[:2]:
        flags.append(f"Close to “{name}”, already in the catalog")
    for note in outcome.notes:
        column = "Row" if note.field == "row" else mapping.label(note.field)
        flags.append(f"{column}: {note.message}")
    text = " · ".join(flags + parts)
    flagged = bool(flags) or (outcome.bundled and outcome.status == "changed")
    return RowDetails(text, "\n".join(flags + parts), flagged)


def _action(outcome: RowOutcome) -> str:
    if outcome.status == "changed":
        changes = "; ".join(
            f"{FIELD_TITLES.get(c.field, c.field)}: {c.before} → {c.after}"
            for c in field_changes(outcome)
        )
        if outcome.bundled:
            return f"Comes with the app, kept unless you choose to change it: {changes}"
        return f"Changes {changes}"
    if outcome.status == "new":
        return "A new partnership"
    return "Already in the catalog, the same"


def reasons_text(preview: ImportPreview) -> str:
    """The reasons counted, most first, in three groups: what stops rows, what to look
    at, and what was worked out."""
    found = preview.reasons()
    problems = [r for r in found if r.problem]
    derived = [r for r in found if not r.problem and r.reason in DERIVED]
    notes = [r for r in found if not r.problem and r.reason not in DERIVED]
    lines = [f"Cannot be imported: {_counted(problems)}"] if problems else []
    lines += [f"To look at: {_counted(notes)}"] if notes else []
    if derived:
        worked = "; ".join(f"{DERIVED[r.reason]} ({plural(len(r.rows), 'row')})" for r in derived)
        lines.append(f"Worked out, as the file has no value: {worked}")
    return "\n".join(lines)


def _counted(found: list[ReasonCount]) -> str:
    shown = "; ".join(
        f"{r.column}: {r.reason} ({plural(len(r.rows), 'row')})" for r in found[:SHOWN_REASONS]
    )
    more = len(found) - SHOWN_REASONS
    return shown + (f"; and {plural(more, 'other reason')}" if more > 0 else "")
