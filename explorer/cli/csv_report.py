"""What `space-explorer import FILE.csv` prints: the reading, the problems and notes counted
by reason before the first rows one by one, and every record the import would change,
field by field (text), or all of it as one JSON object (--json)."""

from __future__ import annotations

import sys
from typing import Any

from explorer.core.csv_format import DELIMITER_NAMES, ENCODING_NAMES
from explorer.core.csv_rows import worded
from explorer.core.csv_summary import field_changes, row_notes
from explorer.core.models import Problem
from explorer.store.csv_import import ImportPreview, ImportResult

#: rows listed one by one in text output (--json lists them all)
SHOWN_ROWS = 20
#: changed records listed one by one in text output
SHOWN_CHANGES = 50


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem of the file as a whole: build_mapping writes them 'column: message'."""
    column, _, message = problem.message.partition(": ")
    return {"file": problem.file, "row": problem.line, "column": column, "message": message}


def row_problems_json(preview: ImportPreview) -> list[dict[str, Any]]:
    """Each invalid row's problems, from the typed field problems (no text is parsed)."""
    return [
        {
            "file": str(preview.source),
            "row": row.row,
            "column": preview.mapping.label(issue.field),
            "message": worded(issue),
        }
        for row in preview.rows
        if row.status == "invalid"
        for issue in row.issues
    ]


def csv_json(preview: ImportPreview, result: ImportResult | None, dry_run: bool) -> dict[str, Any]:
    return {
        "file": str(preview.source),
        "encoding": preview.encoding,
        "delimiter": DELIMITER_NAMES.get(preview.delimiter, preview.delimiter),
        "columns": dict(preview.mapping.columns),
        "fixed": dict(preview.mapping.fixed),
        "ignored_columns": preview.ignored_columns,
        "counts": preview.counts(),
        "summary": [
            {
                "column": r.column,
                "reason": r.reason,
                "count": len(r.rows),
                "rows": list(r.rows),
                "example": r.example,
                "problem": r.problem,
            }
            for r in preview.reasons()
        ],
        "problems": [problem_json(p) for p in preview.problems] + row_problems_json(preview),
        "rows": [_row_json(preview, r) for r in preview.rows],
        "dry_run": dry_run,
        "written": result is not None,
        "result": None if result is None else _result_json(result),
    }


def _row_json(preview: ImportPreview, row: Any) -> dict[str, Any]:
    return {
        "row": row.row,
        "slug": row.slug,
        "status": row.status,
        "changed": list(row.changed),
        "bundled": row.bundled,
        "changes": [
            {"field": c.field, "before": c.before, "after": c.after} for c in field_changes(row)
        ],
        "derived": dict(row.derived),
        "similar": [slug for slug, _ in row.similar],
        "notes": [message for _, _, message in row_notes(row, preview.mapping)],
    }


def _result_json(result: ImportResult) -> dict[str, Any]:
    return {
        "added": result.added,
        "updated": result.updated,
        "skipped": result.skipped,
        "kept_bundled": result.kept_bundled,
        "partners_created": result.partners_created,
        "file": result.file,
    }


def print_csv(preview: ImportPreview, update_bundled: bool, on_existing: str, *, prog: str) -> None:
    """The reading, the reasons, the rows one by one and the changes, on stdout."""
    if preview.encoding:
        print(
            f"{preview.source}: {len(preview.rows):,} rows, "
            f"{ENCODING_NAMES.get(preview.encoding, preview.encoding)}, "
            f"{DELIMITER_NAMES.get(preview.delimiter, preview.delimiter)}-separated"
        )
    mapping = preview.mapping
    if mapping.columns or mapping.fixed:
        used = [f"{f} <- {c}" for f, c in mapping.columns.items()]
        used += [f"{f} = {v!r} (every row)" for f, v in mapping.fixed.items()]
        print(f"fields: {', '.join(used)}")
    if preview.ignored_columns:
        print(f"ignored columns: {', '.join(dict.fromkeys(preview.ignored_columns))}")
    _print_reasons(preview)
    problems = preview.all_problems()
    for problem in problems[: SHOWN_ROWS if len(problems) > SHOWN_ROWS else None]:
        print(problem)
    if len(problems) > SHOWN_ROWS:
        print(f"... and {len(problems) - SHOWN_ROWS:,} more problems (--json lists them all)")
    _print_changes(preview, update_bundled, on_existing, prog)
    counts = preview.counts()
    print(", ".join(f"{status} {count:,}" for status, count in counts.items()))


def _print_reasons(preview: ImportPreview) -> None:
    found = preview.reasons()
    if not found or (len(preview.all_problems()) <= 1 and all(r.problem for r in found)):
        return
    print("By reason:")
    for reason in found:
        print(f"  {'problem' if reason.problem else 'note'}: {reason}")


def _print_changes(
    preview: ImportPreview, update_bundled: bool, on_existing: str, prog: str
) -> None:
    changed = [row for row in preview.rows if row.status == "changed"]
    for row in changed[:SHOWN_CHANGES]:
        if row.bundled:
            what = "updated" if update_bundled else "kept (it comes with the app)"
        else:
            what = "updated" if on_existing == "update" else "skipped"
        changes = "; ".join(str(c) for c in field_changes(row))
        print(f"{preview.source}:{row.row}: {row.slug} would be {what}: {changes}")
    if len(changed) > SHOWN_CHANGES:
        print(f"... and {len(changed) - SHOWN_CHANGES:,} more changed (--json lists them all)")
    kept = len(preview.bundled_changes())
    if kept and not update_bundled:
        print(
            f"{kept:,} row(s) match partnerships that come with the app and are kept as "
            f"they are; add --update-bundled to change them.",
            file=sys.stderr,
        )
