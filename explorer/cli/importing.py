"""Command line: `space-explorer import FILE.csv | PACK.zip` (the parser is in
explorer.cli.transfer): check the file, import it unless asked for a dry run, and print
what happened, as text or JSON.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from explorer.cli.common import PROG, UsageError, open_catalog, print_error, print_json
from explorer.cli.csv_report import csv_json, print_csv
from explorer.core.paths import AppPaths
from explorer.store import importers as im


def cmd_import(paths: AppPaths, args: argparse.Namespace) -> int:
    if args.file.is_dir():
        raise UsageError(f"{args.file} is a folder, not a spreadsheet: choose a .csv file in it")
    if not args.file.is_file():
        raise UsageError(f"no such file: {args.file}")
    if args.file.suffix.lower() == ".json":
        raise UsageError(
            "a JSON export cannot be imported; share partnerships as a CSV file "
            "or a content pack (export --format csv|pack)"
        )
    catalog = open_catalog(paths)
    if args.file.suffix.lower() == ".zip":
        return _import_pack(catalog, args)
    return _import_csv(catalog, args)


def _import_csv(catalog: Any, args: argparse.Namespace) -> int:
    delimiter = {"comma": ",", "semicolon": ";", "tab": "\t"}.get(args.delimiter or "")
    preview = im.preview_csv(
        args.file,
        catalog.partnerships,
        dict(args.map),
        fixed=dict(args.set),
        encoding=args.encoding,
        delimiter=delimiter,
    )
    problems = preview.all_problems()
    result = None
    on_existing = args.on_existing or "update"
    refused = bool(preview.problems) or (bool(problems) and not args.skip_invalid)
    if not args.dry_run and not refused:
        result = im.import_csv(
            preview,
            catalog.partnerships,
            catalog.paths,
            on_existing=on_existing,
            skip_invalid=args.skip_invalid,
            update_bundled=args.update_bundled,
        )
    if args.json:
        print_json(csv_json(preview, result, args.dry_run))
    else:
        print_csv(preview, args.update_bundled, on_existing, prog=PROG)
        _print_outcome(preview, result, args.dry_run, refused)
    return 1 if problems else 0


def _print_outcome(
    preview: im.ImportPreview, result: im.ImportResult | None, dry_run: bool, refused: bool
) -> None:
    counts = preview.counts()
    if dry_run:
        print("Dry run: nothing was written.", file=sys.stderr)
    elif refused:
        reason = (
            "the file cannot be imported"
            if preview.problems
            else f"{counts['invalid']:,} row(s) are invalid (fix them, or use --skip-invalid "
            "to import the others)"
        )
        print(f"Nothing was imported: {reason}.", file=sys.stderr)
    elif result is not None:
        skipped = f", {result.skipped:,} changed rows skipped" if result.skipped else ""
        print(
            f"Imported: {result.added:,} added, {result.updated:,} updated{skipped}, "
            f"{result.partners_created:,} new partners. Saved as {result.file} in the data "
            f"folder; undo with '{PROG} undo-import'."
        )


def _import_pack(catalog: Any, args: argparse.Namespace) -> int:
    if args.map or args.set or args.skip_invalid or args.encoding or args.delimiter:
        raise UsageError(
            "--map, --set, --skip-invalid, --encoding and --delimiter are for CSV files"
        )
    try:
        plan = im.read_pack(args.file, catalog.partnerships, catalog.paths)
    except im.PackError as exc:
        print_error(exc)
        return 1
    take_conflicts = args.on_existing == "update"
    choices = {i.id: take_conflicts for i in plan.items if i.status == "conflict"}
    result = None
    if not args.dry_run:
        result = im.import_pack(plan, catalog.partnerships, catalog.paths, choices)
        catalog.reload_lessons()
    if args.json:
        print_json(_pack_json(plan, result, choices, args.dry_run))
    else:
        _print_pack(plan, result)
    return 1 if plan.counts()["invalid"] else 0


def _pack_json(
    plan: im.PackPlan, result: im.PackResult | None, choices: dict[str, bool], dry_run: bool
) -> dict[str, Any]:
    return {
        "file": str(plan.source),
        "title": plan.title,
        "counts": plan.counts(),
        "items": [
            {
                "kind": i.kind,
                "key": i.key,
                "title": i.title,
                "status": i.status,
                "reason": i.reason,
                "problems": [str(p) for p in i.problems],
                "imported": bool(result) and i.status != "invalid" and choices.get(i.id, i.default),
            }
            for i in plan.items
        ],
        "dry_run": dry_run,
    }


def _print_pack(plan: im.PackPlan, result: im.PackResult | None) -> None:
    print(f"{plan.source}: {plan.title or 'content pack'}, {len(plan.items)} items")
    for item in plan.items:
        print(f"{item.status:<10} {item.kind:<12} {item.key:<40} {item.reason}")
        for problem in item.problems:
            print(f"{'':<10} {problem}")
    if result is None:
        print("Dry run: nothing was written.", file=sys.stderr)
        return
    print(
        f"Imported: {result.partnerships} partnerships, {result.lessons} lessons, "
        f"{result.images} images, {result.trails} trails, {result.bookmarks} bookmarks; "
        f"{result.skipped} left out; "
        f"undo with '{PROG} undo-import'."
    )
