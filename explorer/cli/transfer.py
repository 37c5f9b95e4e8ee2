"""Command line: import, export, backup and undo-import (registered by explorer.cli; the
import itself runs in explorer.cli.importing).

    space-explorer import FILE.csv [--map FIELD=COLUMN ...] [--set FIELD=VALUE ...]
                                   [--on-existing update|skip] [--update-bundled]
                                   [--dry-run] [--skip-invalid] [--json]
    space-explorer import PACK.zip [--on-existing update|skip] [--dry-run] [--json]
    space-explorer export --format csv|json|pack OUT [--teacher-only] [--slug SLUG ...]
    space-explorer export --format html lesson:SLUG OUT.html
    space-explorer backup list [--json] | create | restore ID
    space-explorer export --format pdf|gift|moodle-xml|qti ...   (explorer.cli.classroom)
    space-explorer undo-import

Exit codes: 0 done; 1 bad input in a file (each problem printed as FILE:ROW: column:
message) or nothing to do; 2 a bad request.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from explorer.cli import classroom
from explorer.cli.common import UsageError, open_catalog, print_error, print_json
from explorer.cli.importing import cmd_import
from explorer.core.csv_columns import FIELDS, NOT_FIXABLE
from explorer.core.csv_format import ENCODING_NAMES
from explorer.core.paths import AppPaths
from explorer.store import importers as im


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the subcommands to `commands` (the parser's subparsers); each sets `handler`."""
    _add_import(commands, common)
    _add_export(commands, common)
    _add_backup(commands, common)
    undo = commands.add_parser(
        "undo-import", parents=[common], help="undo the last import (CSV or pack)"
    )
    undo.set_defaults(handler=cmd_undo_import)


def _add_import(commands: Any, common: argparse.ArgumentParser) -> None:
    importer = commands.add_parser(
        "import",
        parents=[common],
        help="import partnerships from a CSV file, or a content pack (.zip)",
    )
    importer.add_argument("file", type=Path, metavar="FILE", help="a .csv file or a .zip pack")
    _add_csv_options(importer)
    importer.add_argument(
        "--on-existing",
        choices=("update", "skip"),
        help="for a slug of your own that exists with other values: update it or skip "
        "the row (CSV default: update; a pack's conflicts: skip)",
    )
    importer.add_argument(
        "--dry-run", action="store_true", help="check and show what would happen; write nothing"
    )
    importer.add_argument("--json", action="store_true", help="print JSON")
    importer.set_defaults(handler=cmd_import)


def _add_csv_options(importer: argparse.ArgumentParser) -> None:
    """The options only a CSV file takes."""
    importer.add_argument(
        "--map",
        type=_field_column,
        action="append",
        default=[],
        metavar="FIELD=COLUMN",
        help="fill FIELD from the file's COLUMN (repeatable; FIELD= leaves "
        f"it out). Fields: {', '.join(FIELDS)}",
    )
    importer.add_argument(
        "--set",
        type=_field_value,
        action="append",
        default=[],
        metavar="FIELD=VALUE",
        help="give FIELD one VALUE for every row, e.g. --set status=active (repeatable)",
    )
    importer.add_argument(
        "--update-bundled",
        action="store_true",
        help="also change partnerships that come with the app (CSV; without it, rows "
        "that match one are kept as they are)",
    )
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import the valid rows even when others are invalid",
    )
    importer.add_argument(
        "--encoding", choices=sorted(ENCODING_NAMES), help="the file's encoding (default: detected)"
    )
    importer.add_argument(
        "--delimiter",
        choices=("comma", "semicolon", "tab"),
        help="the file's delimiter (default: detected)",
    )


def _add_export(commands: Any, common: argparse.ArgumentParser) -> None:
    exporter = commands.add_parser(
        "export",
        parents=[common],
        help="export partnerships (CSV, JSON), a content pack, one lesson page (HTML), "
        "a handout (PDF) or a quiz (GIFT, Moodle XML, QTI)",
    )
    exporter.add_argument(
        "--format", required=True, choices=("csv", "json", "pack", "html", *classroom.FORMATS)
    )
    exporter.add_argument(
        "out",
        nargs="+",
        metavar="OUT",
        help="the file to write ('-': standard output); for html: lesson:SLUG OUT.html; "
        "for pdf: lesson:SLUG (or partnership:SLUG, topic:TAG) OUT.pdf; "
        "for gift, moodle-xml and qti: lesson:SLUG or all, then OUT",
    )
    exporter.add_argument(
        "--teacher-only",
        action="store_true",
        help="only partnerships you added or edited (a pack always is)",
    )
    exporter.add_argument(
        "--slug",
        action="append",
        metavar="SLUG",
        help="only this partnership (repeatable; CSV and JSON)",
    )
    for flag, meta, text in (
        ("--title", "TEXT", "a pack's title, shown to whoever imports it"),
        ("--pack-name", "NAME", "what identifies a pack across its versions (default: its title)"),
        ("--pack-version", "VERSION", "a pack's version, e.g. 2: importing it replaces version 1"),
        ("--author", "NAME", "who made the pack"),
    ):
        exporter.add_argument(flag, metavar=meta, help=text)
    classroom.add_export_options(exporter)
    exporter.add_argument(
        "--bookmarks", action="store_true", help="a pack also carries your bookmarks"
    )
    exporter.set_defaults(handler=cmd_export)


def _add_backup(commands: Any, common: argparse.ArgumentParser) -> None:
    backup = commands.add_parser(
        "backup", parents=[common], help="list, create or restore backups of your data"
    )
    actions = backup.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="list backups, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    actions.add_parser("create", parents=[common], help="back up your data now")
    restore = actions.add_parser(
        "restore", parents=[common], help="restore a backup (what is there now is backed up first)"
    )
    restore.add_argument("id", metavar="ID", help="a backup id from 'backup list'")
    backup.set_defaults(handler=cmd_backup)


def _field_column(text: str) -> tuple[str, str]:
    field, equals, column = text.partition("=")
    field = field.strip()
    if not equals:
        raise argparse.ArgumentTypeError(f"expected FIELD=COLUMN, got {text!r}")
    if field not in FIELDS:
        raise argparse.ArgumentTypeError(f"unknown field {field!r} (fields: {', '.join(FIELDS)})")
    return field, column.strip()


def _field_value(text: str) -> tuple[str, str]:
    field, equals, value = text.partition("=")
    field = field.strip()
    if not equals or not value.strip():
        raise argparse.ArgumentTypeError(f"expected FIELD=VALUE, got {text!r}")
    if field not in FIELDS or field in NOT_FIXABLE:
        allowed = ", ".join(f for f in FIELDS if f not in NOT_FIXABLE)
        raise argparse.ArgumentTypeError(f"cannot set {field!r} for every row (fields: {allowed})")
    return field, value.strip()


def cmd_export(paths: AppPaths, args: argparse.Namespace) -> int:
    classroom.check_options(args)
    if args.format in classroom.FORMATS:
        return classroom.cmd_export(paths, args)
    if args.format == "html":
        return _export_page(paths, args.out)
    if len(args.out) != 1:
        raise UsageError(f"export --format {args.format} takes one OUT file")
    args.out = args.out[0]
    catalog = open_catalog(paths)
    store = catalog.partnerships
    if args.format == "pack":
        if args.out == "-" or args.slug:
            raise UsageError("a pack is written to a file and holds all your own content")
        summary = im.export_pack(
            store,
            paths,
            Path(args.out),
            args.title or "",
            name=args.pack_name or "",
            version=args.pack_version or "",
            author=args.author or "",
            bookmarks=args.bookmarks,
        )
        marks = f", {summary.bookmarks} bookmarks" if args.bookmarks else ""
        print(
            f"Wrote {args.out}: {summary.lessons} lessons, {summary.images} images, "
            f"{summary.trails} trails, {summary.partnerships} partnerships{marks}."
        )
        for skipped in summary.skipped:
            print(f"left out {skipped} (not a lesson or an image)", file=sys.stderr)
        return 0
    text_of = im.csv_text if args.format == "csv" else im.json_text
    try:
        text, count = text_of(store, args.slug, args.teacher_only)
    except im.SelectionError as exc:
        raise UsageError(str(exc)) from None
    if args.out == "-":
        sys.stdout.write(text)
        return 0
    write = im.export_csv if args.format == "csv" else im.export_json
    write(store, Path(args.out), args.slug, args.teacher_only)
    print(f"Wrote {args.out}: {count} partnerships.")
    return 0


def _export_page(paths: AppPaths, words: list[str]) -> int:
    """One lesson page as the article view shows it, in a self-contained HTML file."""
    from explorer.core.article_style import DEFAULT_TEXT_SIZE, article_style_sheet
    from explorer.core.atomic import atomic_write_text
    from explorer.core.location import Location
    from explorer.core.page_file import standalone_page
    from explorer.ui.article.builder import PageBuilder  # plain Python: no Qt

    if len(words) != 2 or not words[0].startswith("lesson:"):
        raise UsageError("export --format html takes lesson:SLUG and OUT.html")
    location = Location("lesson", words[0].removeprefix("lesson:"))
    pages = PageBuilder(open_catalog(paths), self_contained=True)
    body = pages.html(location)
    if body is None:
        raise UsageError(f"there is no lesson called {location.slug!r}")
    css = article_style_sheet(paths.resources_dir, "light", DEFAULT_TEXT_SIZE)
    text = standalone_page(pages.title(location), body, css)
    if words[1] == "-":
        sys.stdout.write(text)
        return 0
    atomic_write_text(Path(words[1]), text)
    print(f"Wrote {words[1]}: the page of lesson:{location.slug}.")
    return 0


def cmd_backup(paths: AppPaths, args: argparse.Namespace) -> int:
    if args.action == "list":
        backups = im.list_backups(paths)
        if args.json:
            print_json(
                [
                    {
                        "id": b.id,
                        "created": b.created,
                        "reason": b.reason,
                        "partnerships": b.partnerships,
                        "files": b.files,
                        "size": b.size,
                    }
                    for b in backups
                ]
            )
        for b in [] if args.json else backups:
            print(
                f"{b.id:<40} {b.created[:19]}  {b.partnerships:>6} partnerships {b.files:>5} files"
            )
        return 0
    catalog = open_catalog(paths)
    if args.action == "create":
        print(im.create_backup(catalog.partnerships, paths).id)
        return 0
    try:
        report = im.restore_backup(catalog.partnerships, paths, args.id)
    except im.BackupError as exc:
        if args.id not in {b.id for b in im.list_backups(paths)}:
            raise UsageError(str(exc)) from None
        print_error(exc)
        return 1
    catalog.reload_lessons()
    print(
        f"Restored {report.backup}: {report.partnerships} partnerships, {report.files} "
        f"files ({report.removed_files} removed). What was there before is in backup "
        f"{report.safety_backup}."
    )
    return 0


def cmd_undo_import(paths: AppPaths, args: argparse.Namespace) -> int:
    catalog = open_catalog(paths)
    try:
        report = im.undo_last_import(catalog.partnerships, paths)
    except im.NothingToUndoError as exc:
        print_error(exc)
        return 1
    catalog.reload_lessons()
    print(
        f"Undid the import of {report.source}: {report.removed} partnerships removed, "
        f"{report.restored} put back, {report.files} files. The import file is kept in "
        f"{report.moved_to} (in the data folder)."
    )
    for item in report.kept:
        print(f"kept {item}: it changed after the import")
    return 0
