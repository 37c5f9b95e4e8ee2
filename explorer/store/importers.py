"""Import, export, content packs, backups and undo: the one place the window and the
command line get them from. Each lives in its own module:

- csv_import: `preview_csv` -> `ImportPreview`, `import_csv` -> `ImportResult`
- exporters: `export_csv`, `export_json` (and `csv_text`, `json_text` for stdout)
- pack_export / pack_import: `export_pack`; `read_pack` -> `PackPlan`, `import_pack`
- import_files: `undo_last_import`, `last_import` (what an undo would undo)
- backups: `create_backup`, `daily_backup`, `list_backups`, `restore_backup`

The formats are documented in docs/csv-import.md and docs/import-export.md.
"""

from __future__ import annotations

from explorer.core.csv_rows import RowOutcome
from explorer.core.progress import Progress
from explorer.store.backups import (
    BackupError,
    BackupInfo,
    RestoreReport,
    create_backup,
    daily_backup,
    list_backups,
    restore_backup,
)
from explorer.store.csv_import import (
    ImportPreview,
    ImportRefusedError,
    ImportResult,
    import_csv,
    preview_csv,
)
from explorer.store.exporters import csv_text, export_csv, export_json, json_text
from explorer.store.import_files import (
    LastImport,
    NothingToUndoError,
    UndoReport,
    last_import,
    undo_last_import,
)
from explorer.store.pack_export import PackSummary, export_pack
from explorer.store.pack_import import import_pack, read_pack
from explorer.store.pack_plan import PackItem, PackPlan, PackResult
from explorer.store.safe_zip import PackError
from explorer.store.teacher_data import SelectionError

__all__ = [
    "BackupError",
    "BackupInfo",
    "ImportPreview",
    "ImportRefusedError",
    "ImportResult",
    "LastImport",
    "NothingToUndoError",
    "PackError",
    "PackItem",
    "PackPlan",
    "PackResult",
    "PackSummary",
    "Progress",
    "RestoreReport",
    "RowOutcome",
    "SelectionError",
    "UndoReport",
    "create_backup",
    "csv_text",
    "daily_backup",
    "export_csv",
    "export_json",
    "export_pack",
    "import_csv",
    "import_pack",
    "json_text",
    "last_import",
    "list_backups",
    "preview_csv",
    "read_pack",
    "restore_backup",
    "undo_last_import",
]
