"""What the spreadsheet import wizard asks for, as values: read a file, check its rows,
import them. Each request is a frozen dataclass whose `run` is the work a StoreOp does
in the background (explorer.ui.transfer.import_session); no widget is involved.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core.csv_format import CsvError, read_table
from explorer.core.models import DOMAINS, PARTNERSHIP_TYPES, STATUSES, Problem
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.csv_import import (
    MAX_FILE_BYTES,
    ImportPreview,
    ImportResult,
    import_csv,
    preview_csv,
)
from explorer.store.partnerships import PartnershipStore

#: the fields that can be given one value for every row, and the values they can take
FIXABLE = {"type": PARTNERSHIP_TYPES, "status": STATUSES, "domain": DOMAINS[:-1]}
EXAMPLE_ROWS = 20


@dataclass(frozen=True, slots=True)
class FileSample:
    """What the column step needs from a file: how it reads, its header, an example each."""

    path: Path
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    rows: int
    examples: Mapping[str, str] = field(default_factory=dict)  # column -> a non-empty cell


def read_sample(
    path: Path,
    encoding: str | None = None,
    delimiter: str | None = None,
    progress: Progress | None = None,
) -> FileSample:
    """Read the whole table (so that detection and broken quotes are found now); raises
    CsvError (with file and row) or OSError."""
    if progress is not None:
        progress("reading", 0, 0)
    if path.stat().st_size > MAX_FILE_BYTES:
        raise CsvError(
            Problem(str(path), 1, f"the file is too large (over {MAX_FILE_BYTES // 2**20} MiB)")
        )
    table = read_table(path.read_bytes(), str(path), encoding, delimiter)
    examples: dict[str, str] = {}
    for _, cells in table.rows[:EXAMPLE_ROWS]:
        for heading, cell in zip(table.header, cells, strict=False):
            if cell and heading and heading not in examples:
                examples[heading] = " ".join(cell.split())
    return FileSample(
        path, table.encoding, table.delimiter, table.header, len(table.rows), examples
    )


@dataclass(frozen=True, slots=True)
class ReadRequest:
    """Read `path` with this encoding and delimiter ('' = detect them)."""

    path: Path
    encoding: str = ""
    delimiter: str = ""

    @property
    def detecting(self) -> bool:
        return not self.encoding

    def run(self, progress: Progress) -> FileSample:
        return read_sample(self.path, self.encoding or None, self.delimiter or None, progress)


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """A file that could not be read: why (for the user), and how it was read."""

    message: str
    request: ReadRequest


@dataclass(frozen=True, slots=True)
class MappingChoice:
    """The columns step's answer: field -> column (`columns`, '' = left out) and field ->
    one value for every row (`fixed`)."""

    columns: Mapping[str, str]
    fixed: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class CheckRequest:
    """Check every row of the sample's file with the chosen columns."""

    sample: FileSample
    mapping: MappingChoice

    def run(self, store: PartnershipStore, progress: Progress) -> ImportPreview:
        return preview_csv(
            self.sample.path,
            store,
            self.mapping.columns,
            fixed=self.mapping.fixed,
            encoding=self.sample.encoding,
            delimiter=self.sample.delimiter,
            progress=progress,
        )


@dataclass(frozen=True, slots=True)
class ImportRequest:
    """Import the checked rows, as the teacher chose: `on_existing` ('update' or 'skip')
    for their own partnerships with other values, whether to leave out invalid rows and
    whether to change partnerships that come with the app."""

    preview: ImportPreview
    on_existing: str = "update"
    skip_invalid: bool = False
    update_bundled: bool = False

    def run(self, store: PartnershipStore, paths: AppPaths, progress: Progress) -> ImportResult:
        return import_csv(
            self.preview,
            store,
            paths,
            on_existing=self.on_existing,
            skip_invalid=self.skip_invalid,
            update_bundled=self.update_bundled,
            progress=progress,
        )
