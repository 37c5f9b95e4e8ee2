"""The words of the import preview: what each row would do, what was worked out or
guessed, and the reasons counted (explorer.core.csv_summary has the counting)."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.csv_columns import ColumnMapping
from explorer.core.csv_rows import RowOutcome
from explorer.core.csv_summary import field_changes
from explorer.core.pages import label
from explorer.store.csv_import import ImportPreview
from explorer.ui.authoring.import_mapping import FIELD_TITLES
from explorer.ui.authoring.transfer_widgets import plural

#: reasons shown above the table (the rest are counted in one line)
SHOWN_REASONS = 6


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
    """The problems and notes counted by reason, most first, a line each."""
    found = preview.reasons()
    lines = [
        f"{plural(len(r.rows), 'row')}: {r.column}: {r.reason}" + ("" if r.problem else " (a note)")
        for r in found[:SHOWN_REASONS]
    ]
    if len(found) > SHOWN_REASONS:
        lines.append(f"… and {plural(len(found) - SHOWN_REASONS, 'other reason')}")
    return "\n".join(lines)
