"""Exporting partnerships as CSV (the import's columns, so it reads back the same) or JSON.

Both choose all partnerships, the teacher's own and edited ones (`teacher_only`), or the
given slugs (a filter's result, say). A file is written atomically; `out=None` returns
the text instead (for stdout).

A CSV cell that starts like a spreadsheet formula (=, +, -, @, a tab or a carriage
return) is written with a leading single quote, so that a spreadsheet opening the file
shows it instead of running it (OWASP's rule against CSV injection); the import takes
the quote off again, so an exported file reads back unchanged.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path

from explorer.core.atomic import atomic_write_bytes
from explorer.core.csv_columns import FIELDS
from explorer.core.csv_rows import PartnerResolver, record_cells
from explorer.core.sheet_values import neutralised
from explorer.store.partnerships import PartnershipStore
from explorer.store.teacher_data import data_document, partners_for, select


def csv_text(
    store: PartnershipStore, slugs: Iterable[str] | None = None, teacher_only: bool = False
) -> tuple[str, int]:
    """The CSV text (comma-separated, a header row of our field names) and the row count."""
    records = select(store, slugs, teacher_only)
    resolver = PartnerResolver(store.partners())
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\r\n")
    writer.writeheader()
    for record in records:
        cells = record_cells(record, resolver)
        writer.writerow({field: neutralised(cell) for field, cell in cells.items()})
    return buffer.getvalue(), len(records)


def json_text(
    store: PartnershipStore, slugs: Iterable[str] | None = None, teacher_only: bool = False
) -> tuple[str, int]:
    """The JSON data document (partners and partnerships) and the partnership count."""
    records = select(store, slugs, teacher_only)
    document = data_document(records, partners_for(store, records))
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n", len(records)


def export_csv(
    store: PartnershipStore,
    out: Path,
    slugs: Iterable[str] | None = None,
    teacher_only: bool = False,
) -> int:
    """Write a CSV file in UTF-8 with a BOM (so that Excel reads the accents right)."""
    text, count = csv_text(store, slugs, teacher_only)
    atomic_write_bytes(out, text.encode("utf-8-sig"))
    return count


def export_json(
    store: PartnershipStore,
    out: Path,
    slugs: Iterable[str] | None = None,
    teacher_only: bool = False,
) -> int:
    text, count = json_text(store, slugs, teacher_only)
    atomic_write_bytes(out, text.encode("utf-8"))
    return count
