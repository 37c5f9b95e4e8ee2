"""CSV rows -> checked partnership records classified new / changed / unchanged / invalid.

Every problem is a `Problem(file, row, "column: message")`, printed `FILE:ROW: column: message`.
A row only fills the columns the file has: for a slug that exists, the other fields keep
their stored values. Partners are matched by slug, name, full name or alias; unknown names
become new teacher partners.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from dataclasses import field as dataclass_field
from datetime import date
from typing import Any

from explorer.core import csv_columns as cols
from explorer.core.content import check_partnership_fields, partnership_from_mapping
from explorer.core.csv_format import Table
from explorer.core.lessons import SLUG_RE
from explorer.core.models import Citation, Partner, Partnership, Problem
from explorer.core.records import as_teacher_version, classify, partnership_to_mapping

#: progress(stage, done, total): a plain callable, so a UI can run the work in a thread
Progress = Callable[[str, int, int], None]
PROGRESS_STEP = 500


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
    #: (field, message) pairs, before they are worded for the file's own column names
    problems_by_field: tuple[tuple[str, str], ...] = dataclass_field(
        default=(), compare=False, repr=False
    )


class PartnerResolver:
    """Partner names in cells -> partners; remembers the ones it had to create."""

    def __init__(self, partners: Mapping[str, Partner]) -> None:
        self.partners: dict[str, Partner] = dict(partners)
        self.created: dict[str, Partner] = {}
        self._index: dict[str, str] = {}
        for attribute in ("name", "full_name", "aliases"):
            for partner in partners.values():
                value = getattr(partner, attribute)
                for text in value if isinstance(value, tuple) else (value,):
                    if text:
                        self._index.setdefault(text.casefold(), partner.slug)

    def resolve(self, text: str) -> str | None:
        text = text.strip()
        if text in self.partners:
            return text
        found = self._index.get(text.casefold())
        if found is None and cols.slugify(text) in self.partners:
            found = cols.slugify(text)
        return found

    def resolve_or_create(self, text: str) -> Partner:
        slug = self.resolve(text)
        if slug is not None:
            return self.partners[slug]
        slug = cols.slugify(text) or "partner-" + hashlib.sha1(text.encode()).hexdigest()[:8]
        partner = Partner(slug=slug, name=text.strip(), full_name=text.strip())
        self.partners[slug] = self.created[slug] = partner
        self._index[text.strip().casefold()] = slug
        return partner

    def display(self, partner: Partner) -> str:
        """The name to write in a cell: the short name when it reads back as this partner."""
        return partner.name if self.resolve(partner.name) == partner.slug else partner.slug


def row_slug(cells: tuple[str, ...], index: Mapping[str, int]) -> str:
    slug = _cell(cells, index, "slug")
    return slug or cols.slugify(_cell(cells, index, "name"))


def column_index(header: tuple[str, ...], mapping: cols.ColumnMapping) -> dict[str, int]:
    return {field: header.index(column) for field, column in mapping.columns.items()}


def plan_rows(
    table: Table,
    mapping: cols.ColumnMapping,
    name: str,
    existing: Mapping[str, Partnership],
    resolver: PartnerResolver,
    progress: Progress | None = None,
) -> list[RowOutcome]:
    """Check and classify every row against the stored records in `existing`."""
    index = column_index(table.header, mapping)
    seen: dict[str, int] = {}
    outcomes = []
    total = len(table.rows)
    for done, (row, cells) in enumerate(table.rows):
        if progress is not None and done % PROGRESS_STEP == 0:
            progress("checking", done, total)
        slug = row_slug(cells, index)
        values, errors = parse_cells(cells, index, resolver)
        if slug and slug in seen:
            errors.append(("slug", f"the slug '{slug}' is also on row {seen[slug]}"))
        seen.setdefault(slug, row)
        old = existing.get(slug)
        merged = {**(partnership_to_mapping(old) if old else {}), **values, "slug": slug}
        outcome = _outcome(row, slug, merged, errors, old, resolver)
        if outcome.status == "invalid":
            outcome = replace(
                outcome,
                problems=tuple(
                    Problem(name, row, f"{_label(field, mapping)}: {message}")
                    for field, message in outcome.problems_by_field
                ),
            )
        outcomes.append(outcome)
    if progress is not None:
        progress("checking", total, total)
    return outcomes


def _outcome(
    row: int,
    slug: str,
    merged: dict[str, Any],
    errors: list[tuple[str, str]],
    old: Partnership | None,
    resolver: PartnerResolver,
) -> RowOutcome:
    """Build the record (the shared checks run inside partnership_from_mapping)."""
    record = None
    if not errors:
        record, problems = partnership_from_mapping(merged, resolver.partners, "")
        messages = [p.message for p in problems]
    else:  # report the shared checks too, so that a row shows all its problems at once
        messages = check_partnership_fields(merged)
    if record is None:
        found = [
            (_field_of(m), _reword(m))
            for m in messages
            if slug or m != "missing required field 'slug'"
        ]
        return RowOutcome(row, slug, "invalid", problems_by_field=tuple(found + errors))
    status, changed = classify(record, old)
    return RowOutcome(
        row, slug, status, as_teacher_version(record, old), changed=changed, previous=old
    )


def _label(field: str, mapping: cols.ColumnMapping) -> str:
    if field == "slug" and mapping.column_for("slug") is None:
        return mapping.column_for("name") or "slug"
    return mapping.column_for(field) or field


def _cell(cells: tuple[str, ...], index: Mapping[str, int], field: str) -> str:
    position = index.get(field)
    return cells[position] if position is not None and position < len(cells) else ""


def parse_cells(
    cells: tuple[str, ...], index: Mapping[str, int], resolver: PartnerResolver
) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The mapped cells as content-file values, with (field, message) for unreadable cells."""
    values: dict[str, Any] = {}
    errors: list[tuple[str, str]] = []
    count = len(cells)
    for field, position in index.items():
        cell = cells[position] if position < count else ""
        parser = PARSERS.get(field)
        if parser is None:
            values[field] = cell
            continue
        value, found = parser(cell, resolver)
        if field != "slug":
            values[field] = value
        if found:
            errors += [(field, message) for message in found]
    return values, errors


def _slug(cell: str, _: PartnerResolver) -> tuple[str, list[str]]:
    if cell and not SLUG_RE.match(cell):
        return cell, [
            f"'{cell}' is not a valid slug (lowercase letters, digits and hyphens, e.g. my-mission)"
        ]
    return cell, []


def _tags(cell: str, _: PartnerResolver) -> tuple[list[str], list[str]]:
    return list(dict.fromkeys(cols.token(t) for t in cols.split_list(cell))), []


def _partners(cell: str, resolver: PartnerResolver) -> tuple[list[Any], list[str]]:
    out: list[Any] = []
    for entry in cols.split_list(cell):
        text, role = cols.partner_entry(entry)
        slug = resolver.resolve_or_create(text).slug
        out.append({"partner": slug, "role": role} if role else slug)
    return out, []


def _countries(cell: str, _: PartnerResolver) -> tuple[list[str], list[str]]:
    codes = [cols.country(c) for c in cols.split_list(cell)]
    return codes, [
        f"'{c}' is not a two-letter country code (e.g. US) or intl"
        for c in codes
        if not cols.COUNTRY_RE.match(c)
    ]


def _milestones(cell: str, _: PartnerResolver) -> tuple[list[dict[str, Any]], list[str]]:
    out, errors = [], []
    for entry in cols.split_list(cell):
        milestone = cols.milestone_entry(entry)
        if milestone is None:
            errors.append(f"'{entry}' should be 'YEAR: event'")
        else:
            out.append(milestone)
    return out, errors


def _citations(cell: str, _: PartnerResolver) -> tuple[list[dict[str, str]], list[str]]:
    out = [cols.citation_entry(entry) for entry in cols.split_list(cell)]
    return out, [
        f"'{c['url']}' is not a web address (http:// or https://)"
        for c in out
        if c["url"] and not re.match(r"^https?://\S+$", c["url"])
    ]


def _checked(cell: str, _: PartnerResolver) -> tuple[str, list[str]]:
    if not cell:
        return cell, []
    try:
        date.fromisoformat(cell)
    except ValueError:
        return cell, [f"'{cell}' is not a date written like 2026-11-26"]
    return cell, []


#: how each list or typed column is read: (cell, resolver) -> (value, messages)
PARSERS: dict[str, Callable[[str, PartnerResolver], tuple[Any, list[str]]]] = {
    "slug": _slug,
    "start_year": lambda cell, _: (cols.year(cell), []),
    "end_year": lambda cell, _: (cols.year(cell), []),
    "type": lambda cell, _: (cols.token(cell), []),
    "status": lambda cell, _: (cols.token(cell), []),
    "domain": lambda cell, _: (cols.token(cell), []),
    "benefits": _tags,
    "challenges": _tags,
    "partners": _partners,
    "countries": _countries,
    "milestones": _milestones,
    "citations": _citations,
    "checked": _checked,
}


def _field_of(message: str) -> str:
    """Which field a message of check_partnership_fields is about."""
    missing = re.match(r"missing required field '(\w+)'", message)
    if missing:
        return missing.group(1)
    for field in ("type", "status", "domain", "start_year", "end_year"):
        if message.startswith(f"{field} "):
            return field
    for prefix, field in (
        ("unknown benefit", "benefits"),
        ("unknown challenge", "challenges"),
        ("milestone", "milestones"),
        ("unknown partner", "partners"),
    ):
        if message.startswith(prefix):
            return field
    return "row"


def _reword(message: str) -> str:
    return "required, but empty" if message.startswith("missing required field") else message


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
