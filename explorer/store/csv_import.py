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

A row whose slug belongs to a partnership that comes with the app is never written unless
the teacher asks for it (`update_bundled=True`): a public dataset that happens to list
"Cassini-Huygens" must not replace the app's checked record. The preview names each such
record and what would change in it, field by field (explorer.core.csv_summary).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core.changes import NOTHING, Changes
from explorer.core.csv_cells import PartnerResolver
from explorer.core.csv_columns import ColumnMapping, build_mapping
from explorer.core.csv_format import CsvError, Table, read_table
from explorer.core.csv_rows import RowOutcome, fixed_values, plan_rows, row_slugs
from explorer.core.csv_summary import ReasonCount, reasons
from explorer.core.models import Partner, Problem
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.core.regions import countries
from explorer.core.similar_names import NameIndex
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

    def reasons(self) -> list[ReasonCount]:
        """The problems of invalid rows, then the notes, counted by reason."""
        return reasons(self.rows, self.mapping)

    def bundled_changes(self) -> list[RowOutcome]:
        """Rows that would change a partnership that comes with the app (kept as it is
        unless the teacher chooses to update them)."""
        return [row for row in self.rows if row.status == "changed" and row.bundled]

    def rows_to_write(
        self, on_existing: str = "update", update_bundled: bool = False
    ) -> list[RowOutcome]:
        """The rows an import writes: new ones; changed ones of the teacher's own unless
        `on_existing` is "skip"; changed bundled ones only with `update_bundled`."""
        return [
            row
            for row in self.rows
            if row.record is not None
            and (
                row.status == "new"
                or (
                    row.status == "changed"
                    and (update_bundled if row.bundled else on_existing == "update")
                )
            )
        ]


@dataclass(frozen=True, slots=True)
class ImportResult:
    added: int
    updated: int
    unchanged: int
    skipped: int  # changed rows left alone (on_existing="skip", or bundled ones)
    invalid: int  # invalid rows left out (skip_invalid=True)
    partners_created: int
    file: str  # the import file in the data folder (undo moves it away)
    changes: Changes = NOTHING
    kept_bundled: int = 0  # of `skipped`: rows that would have changed the app's own records


def preview_csv(
    path: Path,
    store: PartnershipStore,
    mapping: Mapping[str, str] | None = None,
    *,
    fixed: Mapping[str, str] | None = None,
    encoding: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Read and check a CSV file against the catalog. `mapping` is field -> file column,
    overriding the automatic matches (an empty column leaves the field out); `fixed` is
    field -> one value for every row."""
    name = str(path)
    if progress is not None:
        progress("reading", 0, 1)
    try:
        table = read_table(_file_bytes(path, name), name, encoding, delimiter)
    except OSError as exc:
        return ImportPreview(
            path, problems=(Problem(name, 1, f"cannot read the file: {exc.strerror or exc}"),)
        )
    except CsvError as exc:
        return ImportPreview(path, problems=(exc.problem,))
    columns, problems = build_mapping(table.header, mapping or {}, name, fixed)
    if not problems and columns.fixed:
        _, wrong = fixed_values(columns, PartnerResolver(store.partners()))
        problems += [Problem(name, 1, f"{columns.label(p.field)}: {p.message}") for p in wrong]
    preview = ImportPreview(
        path, table.encoding, table.delimiter, table.header, columns, problems=tuple(problems)
    )
    if problems:
        return preview
    return _with_rows(preview, table, store, progress)


def _file_bytes(path: Path, name: str) -> bytes:
    """The file's bytes; a folder or an oversized file is refused in words."""
    if path.is_dir():
        raise CsvError(
            Problem(name, 1, "this is a folder, not a spreadsheet; choose a .csv file in it")
        )
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CsvError(
            Problem(name, 1, f"the file is too large (over {MAX_FILE_BYTES // 2**20} MiB)")
        )
    return path.read_bytes()


def catalog_names(store: PartnershipStore, partners: Mapping[str, Partner]) -> NameIndex:
    """The catalog's partnership names, to flag a new name close to one of them; partner
    and country names are words many partnerships share."""
    shared = [text for p in partners.values() for text in (p.slug, p.name, *p.aliases)]
    shared += [c.name for c in countries().values()]
    return NameIndex(lambda: store.names().items(), shared)


def _with_rows(
    preview: ImportPreview, table: Table, store: PartnershipStore, progress: Progress | None
) -> ImportPreview:
    slugs = {slug for slug, _ in row_slugs(table, preview.mapping)} - {""}
    existing = {p.slug: p for p in store.many(slugs)}
    partners = store.partners()
    resolver = PartnerResolver(partners)
    rows = plan_rows(
        table,
        preview.mapping,
        str(preview.source),
        existing,
        resolver,
        progress,
        names=catalog_names(store, partners),
    )
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
    update_bundled: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """Write the previewed rows as one import file and index them; undoable.

    Raises ImportRefusedError (writing nothing) when the file has problems, or when rows are
    invalid and `skip_invalid` is false. `on_existing` is "update" or "skip" for rows
    whose slug is one of the teacher's own and whose values differ; a row that would
    change a partnership that comes with the app is only written with `update_bundled`.
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
    rows = preview.rows_to_write(on_existing, update_bundled)
    records = [row.record for row in rows if row.record is not None]
    landed = land_import(
        store, paths, records, list(preview.new_partners), preview.source.name, progress
    )
    used = {x.partner.slug for r in records for x in r.partners}
    return ImportResult(
        added=sum(1 for row in rows if row.status == "new"),
        updated=sum(1 for row in rows if row.status == "changed"),
        unchanged=counts["unchanged"],
        skipped=counts["changed"] - sum(1 for row in rows if row.status == "changed"),
        invalid=counts["invalid"],
        partners_created=sum(1 for p in preview.new_partners if p.slug in used),
        file=landed.file,
        changes=landed.changes,
        kept_bundled=0 if update_bundled else len(preview.bundled_changes()),
    )
