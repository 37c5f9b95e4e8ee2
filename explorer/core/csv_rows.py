"""CSV rows -> checked partnership records classified new / changed / unchanged / invalid.

Every problem is a `Problem(file, row, "column: message")`, printed `FILE:ROW: column:
message`, with the column as the file names it. A row only fills the columns the file has
(and the fields given one value for every row): for a slug that exists, the other fields
keep their stored values; for a new one, an empty status, type or domain is worked out
(explorer.core.csv_cells.derive) and the row says so. Partners are matched by slug, name,
full name or alias; unknown names become new teacher partners. Each new row is compared
with the catalog's names (explorer.core.similar_names), and notes say what the teacher
should look at: a guessed date, a formula cell, characters read as Windows-1252.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any

from explorer.core import csv_columns as cols
from explorer.core.content import (
    check_partnership_fields,
    partnership_from_mapping,
    unknown_partners,
)
from explorer.core.csv_cells import READERS, PartnerResolver, derive, read_cell
from explorer.core.csv_format import Table
from explorer.core.models import Citation, FieldProblem, Partnership, Problem
from explorer.core.progress import Progress
from explorer.core.records import as_teacher_version, classify, partnership_to_mapping
from explorer.core.sheet_values import looks_like_formula, unneutralised
from explorer.core.similar_names import NameIndex

__all__ = ["PartnerResolver", "RowNote", "RowOutcome", "plan_rows", "record_cells"]

#: progress(stage, done, total): a plain callable, so a UI can run the work in a thread
PROGRESS_STEP = 500
#: the first characters of a cell that may be a formula, or one our export quoted
FORMULA_LEADERS = "'=+-@"


@dataclass(frozen=True, slots=True)
class RowNote:
    """Something a row's values made us guess or keep, for the teacher to look at."""

    field: str  # the content field ('row' for the row as a whole)
    message: str  # the value quoted
    reason: str  # the same without the value, to count the rows that share it


@dataclass(frozen=True, slots=True)
class RowOutcome:
    row: int  # the spreadsheet's row number (the header is row 1)
    slug: str
    status: str  # "new" | "changed" | "unchanged" | "invalid"
    record: Partnership | None = None  # what would be stored, origin and edited set
    problems: tuple[Problem, ...] = ()
    changed: tuple[str, ...] = ()  # the fields that differ from the stored record
    #: the stored record this row was compared with (None for a new slug)
    previous: Partnership | None = dataclass_field(default=None, compare=False, repr=False)
    #: the problems by content field, before they are worded with the file's columns
    issues: tuple[FieldProblem, ...] = dataclass_field(default=(), compare=False, repr=False)
    notes: tuple[RowNote, ...] = ()
    #: fields the file left empty and the import worked out: field -> why
    derived: Mapping[str, str] = dataclass_field(default_factory=dict, compare=False)
    #: (slug, name) of partnerships in the catalog whose names are close to this new row's
    similar: tuple[tuple[str, str], ...] = ()

    @property
    def bundled(self) -> bool:
        """The row would change a partnership that comes with the app."""
        return self.previous is not None and self.previous.origin == "bundled"


@dataclass(frozen=True, slots=True)
class _Plan:
    mapping: cols.ColumnMapping
    name: str
    existing: Mapping[str, Partnership]
    resolver: PartnerResolver
    names: NameIndex | None
    this_year: int
    fixed: Mapping[str, Any]
    repaired: frozenset[int]


def column_index(header: tuple[str, ...], mapping: cols.ColumnMapping) -> dict[str, int]:
    return {field: header.index(column) for field, column in mapping.columns.items()}


def row_slugs(table: Table, mapping: cols.ColumnMapping) -> list[tuple[str, str]]:
    """(slug, the slug it would have had) per row. A slug made from the name is made
    unique ('test-flight-2'), since a sheet may name two launches alike; a slug the file
    gives is kept (a repeat is then a problem)."""
    index = column_index(table.header, mapping)
    from_name = "slug" not in index
    taken: set[str] = set()
    out = []
    for _, cells in table.rows:
        slug = _cell(cells, index, "slug") or cols.slugify(_cell(cells, index, "name"))
        wanted, number = slug, 2
        while from_name and slug and slug in taken:
            slug, number = f"{wanted}-{number}", number + 1
        taken.add(slug)
        out.append((slug, wanted if slug != wanted else ""))
    return out


def plan_rows(
    table: Table,
    mapping: cols.ColumnMapping,
    name: str,
    existing: Mapping[str, Partnership],
    resolver: PartnerResolver,
    progress: Progress | None = None,
    *,
    names: NameIndex | None = None,
    this_year: int | None = None,
) -> list[RowOutcome]:
    """Check and classify every row against the stored records in `existing`; `names`
    finds the catalog's partnerships with names close to a new row's."""
    fixed, _ = fixed_values(mapping, resolver)
    plan = _Plan(
        mapping,
        name,
        existing,
        resolver,
        names,
        this_year or date.today().year,
        fixed,
        frozenset(table.repaired_rows),
    )
    index = column_index(table.header, mapping)
    seen: dict[str, int] = {}
    outcomes = []
    total = len(table.rows)
    for done, ((row, cells), (slug, wanted)) in enumerate(
        zip(table.rows, row_slugs(table, mapping), strict=True)
    ):
        if progress is not None and done % PROGRESS_STEP == 0:
            progress("checking", done, total)
        outcome = _plan_row(plan, row, cells, index, slug, seen)
        if wanted:
            note = RowNote(
                "name",
                f"the same name as row {seen[wanted]}; kept as a partnership of its own "
                f"(slug '{slug}')",
                "the same name as an earlier row; kept as a partnership of its own",
            )
            outcome = replace(outcome, notes=(note, *outcome.notes))
        seen.setdefault(slug, row)
        outcomes.append(outcome)
    if progress is not None:
        progress("checking", total, total)
    return outcomes


def _plan_row(
    plan: _Plan,
    row: int,
    cells: tuple[str, ...],
    index: Mapping[str, int],
    slug: str,
    seen: Mapping[str, int],
) -> RowOutcome:
    values, errors, notes = parse_cells(cells, index, plan.resolver)
    if slug and slug in seen and "slug" in index:
        errors.append(
            FieldProblem(
                "slug", f"the slug '{slug}' is also on row {seen[slug]}", "the slug is repeated"
            )
        )
    if row in plan.repaired:
        notes.append(
            RowNote(
                "row",
                "a few characters were not UTF-8 and were read as Windows-1252; check them",
                "characters read as Windows-1252",
            )
        )
    old = plan.existing.get(slug)
    merged = {
        **(partnership_to_mapping(old) if old else {}),
        **plan.fixed,
        **values,
        "slug": slug,
    }
    derived = derive(merged, plan.resolver.partners, plan.this_year)
    merged.update({f: value for f, (value, _) in derived.items()})
    found_notes, why = tuple(notes), {f: reason for f, (_, reason) in derived.items()}
    record, issues = _record(slug, merged, errors, plan.resolver)
    if record is None:
        problems = tuple(
            Problem(plan.name, row, f"{plan.mapping.label(p.field)}: {worded(p)}") for p in issues
        )
        return RowOutcome(
            row, slug, "invalid", problems=problems, issues=issues, notes=found_notes, derived=why
        )
    status, changed = classify(record, old)
    similar: tuple[tuple[str, str], ...] = ()
    if status == "new" and plan.names is not None:
        found = plan.names.similar(record.name, slug)
        similar = tuple((other, plan.names.name(other)) for other in found)
    return RowOutcome(
        row,
        slug,
        status,
        record if old is None else as_teacher_version(record, old),
        changed=changed,
        previous=old,
        notes=found_notes,
        derived=why,
        similar=similar,
    )


def _record(
    slug: str, merged: dict[str, Any], errors: list[FieldProblem], resolver: PartnerResolver
) -> tuple[Partnership | None, tuple[FieldProblem, ...]]:
    """The record (the shared checks run inside partnership_from_mapping), or every
    problem of the row at once: its unreadable cells and the shared checks."""
    if not errors:  # a new slug is the teacher's own (as_teacher_version says the same)
        record, _ = partnership_from_mapping(merged, resolver.partners, "", origin="user")
        if record is not None:
            return record, ()
    said = {e.field for e in errors}
    found = [
        _explained(p, merged)
        for p in check_partnership_fields(merged)
        if p.field not in said and (slug or p.field != "slug")
    ]
    if any(p.field == "start_year" for p in (*errors, *found)):  # the status follows it
        found = [p for p in found if not (p.field == "status" and p.missing)]
    if not errors:
        found += unknown_partners(merged, resolver.partners)
    return None, tuple(found + errors)


def _explained(problem: FieldProblem, merged: Mapping[str, Any]) -> FieldProblem:
    """A type left empty with no partners to work it out from says so."""
    if problem.field == "type" and problem.missing and not merged.get("partners"):
        return FieldProblem(
            "type",
            "no type, and no partners to work it out from",
            "no type, and no partners to work it out from",
        )
    return problem


def worded(problem: FieldProblem) -> str:
    """The message of a row's problem as the preview and the command line say it."""
    return "required, but empty" if problem.missing else problem.message


def _cell(cells: tuple[str, ...], index: Mapping[str, int], field: str) -> str:
    position = index.get(field)
    return cells[position] if position is not None and position < len(cells) else ""


def parse_cells(
    cells: tuple[str, ...], index: Mapping[str, int], resolver: PartnerResolver
) -> tuple[dict[str, Any], list[FieldProblem], list[RowNote]]:
    """The mapped cells as content-file values, with the problems of unreadable cells and
    the notes on cells read with a guess."""
    values: dict[str, Any] = {}
    errors: list[FieldProblem] = []
    notes: list[RowNote] = []
    count = len(cells)
    for field, position in index.items():
        cell = cells[position] if position < count else ""
        if cell and cell[0] in FORMULA_LEADERS:
            cell = unneutralised(cell)
            if looks_like_formula(cell):
                notes.append(_formula_note(field, cell))
        reader = READERS.get(field)
        if reader is None:
            values[field] = cell
            continue
        value, findings = reader(cell, resolver)
        if field != "slug":
            values[field] = value
        for finding in findings:
            if finding.problem:
                errors.append(FieldProblem(field, finding.message, finding.reason))
            else:
                notes.append(RowNote(field, finding.message, finding.reason))
    return values, errors, notes


def _formula_note(field: str, cell: str) -> RowNote:
    shown = cell if len(cell) <= 40 else cell[:39] + "…"
    return RowNote(
        field,
        f"'{shown}' starts like a spreadsheet formula; it is kept as text, and an export "
        "starts it with ' so that a spreadsheet shows it instead of running it",
        "starts like a spreadsheet formula (kept as text)",
    )


def fixed_values(
    mapping: cols.ColumnMapping, resolver: PartnerResolver
) -> tuple[dict[str, Any], list[FieldProblem]]:
    """The values given for every row, read like cells; problems with them."""
    values: dict[str, Any] = {}
    problems: list[FieldProblem] = []
    for field, text in mapping.fixed.items():
        value, findings = read_cell(field, text, resolver)
        values[field] = value
        problems += [FieldProblem(field, f.message, f.reason) for f in findings if f.problem]
    problems += [p for p in check_partnership_fields(values) if p.field in values and not p.missing]
    return values, problems


# -- records -> cells (export) ------------------------------------------------------------


def record_cells(p: Partnership, resolver: PartnerResolver) -> dict[str, str]:
    """One partnership as CSV cells that `plan_rows` reads back to the same record."""
    return {
        "slug": p.slug,
        "name": p.name,
        "type": p.type,
        "start_year": str(p.start_year),
        "end_year": "" if p.end_year is None else str(p.end_year),
        "status": p.status,
        "domain": p.domain,
        "partners": cols.join_list(
            [
                f"{resolver.display(x.partner)} [{x.role}]"
                if x.role
                else resolver.display(x.partner)
                for x in p.partners
            ]
        ),
        "countries": cols.join_list(list(p.countries)),
        "benefits": cols.join_list(list(p.benefits)),
        "challenges": cols.join_list(list(p.challenges)),
        "milestones": cols.join_list([f"{m.year}: {m.event}" for m in p.milestones]),
        "description": p.description,
        "caveats": p.caveats,
        "citations": cols.join_list([_citation_cell(c) for c in p.citations]),
        "checked": p.checked,
    }


def _citation_cell(c: Citation) -> str:
    parts = [c.publisher, c.title] if c.publisher else [c.title]
    return " | ".join([*parts, c.url] if c.url else parts)
