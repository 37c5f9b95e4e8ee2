"""Spreadsheet (CSV) import of partnerships: preview, then import in one transaction.

    preview = preview_csv(path, store)                # nothing written
    result = import_csv(preview, store, paths)        # all or nothing, undoable

Both take a plain `progress(stage, done, total)` callable (stages: reading, checking,
writing, indexing), so the window can run them in a worker thread (with a database
connection of the thread's own; WAL mode allows it) and tell its own store `changed()`
afterwards. A progress callable may raise to cancel: the transaction is then rolled back
and nothing is written.

Import a preview right away (the window's import dialog is modal): rows are written as
previewed, and the undo journal keeps the stored versions the preview compared them with.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core.changes import NOTHING, Changes
from explorer.core.csv_columns import ColumnMapping, build_mapping
from explorer.core.csv_format import CsvError, Table, read_table
from explorer.core.csv_rows import (
    PartnerResolver,
    Progress,
    RowOutcome,
    column_index,
    plan_rows,
    row_slug,
)
from explorer.core.models import Partner, Problem
from explorer.core.paths import AppPaths
from explorer.store.import_files import land_import
from explorer.store.partnerships import PartnershipStore

STATUSES = ("new", "changed", "unchanged", "invalid")
MAX_FILE_BYTES = 256 * 2**20  # 10,000 rows are about 10 MiB: more is surely a mistake


class ImportRefusedError(Exception):
    """The import was not started; `problems` say why (nothing was written)."""

    def __init__(self, message: str, problems: tuple[Problem, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ImportPreview:
    source: Path
    encoding: str = ""
    delimiter: str = ""
    header: tuple[str, ...] = ()
    mapping: ColumnMapping = field(default_factory=lambda: ColumnMapping({}))
    rows: tuple[RowOutcome, ...] = ()
    #: problems with the file as a whole (unreadable, a required column missing):
    #: nothing can be imported while there are any
    problems: tuple[Problem, ...] = ()
    new_partners: tuple[Partner, ...] = ()

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(STATUSES, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def all_problems(self) -> list[Problem]:
        """File problems, then every invalid row's problems in row order."""
        return [*self.problems, *(p for row in self.rows for p in row.problems)]

    @property
    def ignored_columns(self) -> list[str]:
        return self.mapping.ignored(self.header)


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int  # changed rows left alone (on_existing="skip")
    invalid: int  # invalid rows left out (skip_invalid=True)
    partners_created: int
    file: str  # the import file in the data folder (undo moves it away)
    changes: Changes = NOTHING


def preview_csv(
    path: Path,
    store: PartnershipStore,
    mapping: Mapping[str, str] | None = None,
    *,
    encoding: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read and check a CSV file against the catalog. `mapping` is field -> file column,
    overriding the automatic matches (an empty column leaves the field out)."""
    name = str(path)
    if progress is not None:
        progress("reading", 0, 1)
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return ImportPreview(
                path,
                problems=(
                    Problem(name, 1, f"the file is too large (over {MAX_FILE_BYTES // 2**20} MiB)"),
                ),
            )
        table = read_table(path.read_bytes(), name, encoding, delimiter)
    except OSError as exc:
        return ImportPreview(
            path, problems=(Problem(name, 1, f"cannot read the file: {exc.strerror or exc}"),)
        )
    except CsvError as exc:
        return ImportPreview(path, problems=(exc.problem,))
    columns, problems = build_mapping(table.header, mapping or {}, name)
    preview = ImportPreview(
        path, table.encoding, table.delimiter, table.header, columns, problems=tuple(problems)
    )
    if problems:
        return preview
    return _with_rows(preview, table, store, progress)


def _with_rows(
    preview: ImportPreview, table: Table, store: PartnershipStore, progress: Progress | None
) -> ImportPreview:
    index = column_index(table.header, preview.mapping)
    slugs = {row_slug(cells, index) for _, cells in table.rows} - {""}
    existing = {p.slug: p for p in store.many(slugs)}
    resolver = PartnerResolver(store.partners())
    rows = plan_rows(table, preview.mapping, str(preview.source), existing, resolver, progress)
    return ImportPreview(
        preview.source,
        preview.encoding,
        preview.delimiter,
        preview.header,
        preview.mapping,
        tuple(rows),
        (),
        tuple(resolver.created.values()),
    )


def import_csv(
    preview: ImportPreview,
    store: PartnershipStore,
    paths: AppPaths,
    *,
    on_existing: str = "update",
    skip_invalid: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the previewed rows as one import file and index them; undoable.

    Raises ImportRefusedError (writing nothing) when the file has problems, or when rows are
    invalid and `skip_invalid` is false. `on_existing` is "update" or "skip" for rows
    whose slug exists and whose values differ.
    """
    if on_existing not in ("update", "skip"):
        raise ValueError(f"on_existing must be 'update' or 'skip', not {on_existing!r}")
    counts = preview.counts()
    if preview.problems:
        raise ImportRefusedError("the file cannot be imported", preview.problems)
    if counts["invalid"] and not skip_invalid:
        raise ImportRefusedError(
            f"{counts['invalid']} row(s) are invalid; nothing was imported",
            tuple(preview.all_problems()),
        )
    wanted = {"new", "changed"} if on_existing == "update" else {"new"}
    rows = [row for row in preview.rows if row.status in wanted and row.record is not None]
    records = [row.record for row in rows if row.record is not None]
    landed = land_import(
        store, paths, records, list(preview.new_partners), preview.source.name, progress
    )
    used = {x.partner.slug for r in records for x in r.partners}
    return ImportResult(
        added=sum(1 for row in rows if row.status == "new"),
        updated=sum(1 for row in rows if row.status == "changed"),
        unchanged=counts["unchanged"],
        skipped=counts["changed"] if on_existing == "skip" else 0,
        invalid=counts["invalid"],
        partners_created=sum(1 for p in preview.new_partners if p.slug in used),
        file=landed.file,
        changes=landed.changes,
    )
