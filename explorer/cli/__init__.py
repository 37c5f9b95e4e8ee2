"""Command line: the GUI by default, subcommands for scripts.

Every subcommand takes --data-dir, prints one-line errors on stderr and exits non-zero
on bad input; none prints a traceback for a user mistake.
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__
from explorer.core.lessons import KnownTargets
from explorer.core.library import lesson_files, validate_files
from explorer.core.models import DOMAINS, PARTNERSHIP_TYPES, STATUSES
from explorer.core.paths import AppPaths
from explorer.core.search import Filters

PROG = "space-explorer"


class UsageError(Exception):
    """A mistake in what the user asked for: one line on stderr, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # see main
        help="where the database and teacher lessons live "
        "(default: $SPACE_EXPLORER_DATA_DIR or the platform's data folder)",
    )
    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="Learn how nations, agencies and companies explore space together. "
        "With no command, the app's window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    commands.add_parser("gui", parents=[common], help="open the app's window (the default)")

    opener = commands.add_parser(
        "open",
        parents=[common],
        help="open the app at a lesson, partnership, topic or the timeline",
    )
    opener.add_argument(
        "target", help="lesson:SLUG, partnership:SLUG, topic:TAG, glossary:SLUG or timeline"
    )

    info = commands.add_parser(
        "info", parents=[common], help="show the version, data folder and content counts"
    )
    info.add_argument("--json", action="store_true", help="print JSON")

    search = commands.add_parser("search", parents=[common], help="search lessons and partnerships")
    search.add_argument("query", help='words to look for, e.g. "ESA Mars"')
    search.add_argument(
        "--type",
        choices=PARTNERSHIP_TYPES,
        action="append",
        help="only partnerships of this type (repeatable)",
    )
    search.add_argument(
        "--domain",
        choices=DOMAINS,
        action="append",
        help="only partnerships in this domain (repeatable)",
    )
    search.add_argument(
        "--status",
        choices=STATUSES,
        action="append",
        help="only partnerships with this status (repeatable)",
    )
    search.add_argument(
        "--partner",
        action="append",
        metavar="SLUG",
        help="only partnerships with this partner, e.g. esa (repeatable)",
    )
    search.add_argument(
        "--decade",
        type=_decade,
        action="append",
        metavar="YEAR",
        help="only partnerships active in this decade, e.g. 2010 (repeatable)",
    )
    search.add_argument("--limit", type=_positive, default=20, help="most hits (default 20)")
    search.add_argument("--json", action="store_true", help="print JSON")

    validate = commands.add_parser(
        "validate",
        parents=[common],
        help="check lesson files; prints path:line: message and exits 1 on any problem",
    )
    validate.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="a lesson file or folder (default: bundled and teacher lessons)",
    )

    check = commands.add_parser(
        "check",
        parents=[common],
        help="check the teacher's lessons, collections and partnerships: broken links, "
        "missing pictures, sources, dates; exits 1 when something is broken",
    )
    check.add_argument("--json", action="store_true", help="print JSON")

    from explorer.cli.transfer import add_commands  # import, export, backup, undo-import

    add_commands(commands, common)
    from explorer.cli import publish as cli_publish  # publish datasette | site | zim

    cli_publish.add_commands(commands, common)
    return parser


def _decade(text: str) -> int:
    year = text.rstrip("s")
    if not year.isdigit() or int(year) % 10 or not 1900 <= int(year) <= 2100:
        raise argparse.ArgumentTypeError(f"expected a decade such as 1990, got {text!r}")
    return int(year)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        # SUPPRESS above: a subcommand's parser must not reset a --data-dir given before it
        paths = AppPaths.resolve(getattr(args, "data_dir", None))
        command = args.command or "gui"
        if command in {"gui", "open"}:
            from explorer.app import run_gui  # Qt is imported only for the window

            return run_gui(paths, getattr(args, "target", None))
        handler = (
            getattr(args, "handler", None)
            or {
                "info": cmd_info,
                "search": cmd_search,
                "validate": cmd_validate,
                "check": cmd_check,
            }[command]
        )
        return handler(paths, args)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except (OSError, sqlite3.Error) as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1


def _open_catalog(paths: AppPaths):  # type: ignore[no-untyped-def]
    from explorer.store.catalog import Catalog

    catalog = Catalog.open(paths)
    for notice in catalog.notices:
        print(f"{PROG}: {notice}", file=sys.stderr)
    return catalog


def cmd_info(paths: AppPaths, args: argparse.Namespace) -> int:
    catalog = _open_catalog(paths)
    facts = {
        "version": __version__,
        "data_dir": str(paths.data_dir),
        "database": str(paths.database),
        "lessons_dir": str(paths.teacher_lessons),
        "content_dir": str(paths.content_dir),
        "partnerships": catalog.partnerships.count(),
        "partners": len(catalog.partnerships.partners()),
        "lessons": len(catalog.library.lessons),
        "teacher_lessons": sum(1 for x in catalog.library.lessons if x.origin == "teacher"),
        "glossary_terms": len(catalog.glossary),
    }
    if args.json:
        print(json.dumps(facts, indent=2))
    else:
        width = max(map(len, facts))
        for key, value in facts.items():
            print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0


def cmd_search(paths: AppPaths, args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise UsageError("the search query is empty")
    catalog = _open_catalog(paths)
    partners = catalog.partnerships.partners()
    unknown = [slug for slug in args.partner or () if slug not in partners]
    if unknown:
        raise UsageError(
            f"unknown partner {unknown[0]!r} (partners are named by slug, e.g. nasa, esa, jaxa)"
        )
    filters = Filters(
        type=frozenset(args.type or ()),
        domain=frozenset(args.domain or ()),
        status=frozenset(args.status or ()),
        partner=frozenset(args.partner or ()),
        decade=frozenset(args.decade or ()),
    )
    results = catalog.search.search(args.query, filters, limit=args.limit)
    hits = list(results.hits)[: args.limit]
    if args.json:
        print(
            json.dumps(
                [
                    {"kind": h.kind, "slug": h.slug, "title": h.title, "snippet": h.snippet}
                    for h in hits
                ],
                indent=2,
                ensure_ascii=False,
            )
        )
        return 0
    if results.corrected:
        print(f"Showing results for: {results.corrected}")
    if not hits:
        print(f"No lessons or partnerships match {args.query!r}.")
    for hit in hits:
        snippet = hit.snippet.replace("[[", "").replace("]]", "")
        print(f"{hit.kind:<11} {hit.slug:<40} {hit.title}")
        if snippet:
            print(f"{'':<11} {snippet[:110]}")
    return 0


def cmd_validate(paths: AppPaths, args: argparse.Namespace) -> int:
    """Errors fail (exit 1); notes (what the app ignores or works around) are printed
    with `note:` and never fail."""
    catalog = _open_catalog(paths)
    if args.paths:
        missing = [p for p in args.paths if not p.exists()]
        if missing:
            raise UsageError(f"no such file or folder: {missing[0]}")
        known = KnownTargets(
            lessons=frozenset(catalog.library.by_slug),
            partnerships=frozenset(r.slug for r in catalog.partnerships.facet_rows().values()),
            glossary=frozenset(catalog.glossary),
            lesson_files=lesson_files(catalog.library.lessons),
        )
        problems, checked = validate_files(args.paths, known, catalog.library.placements)
    else:
        problems = list(catalog.problems)
        checked = len(catalog.library.lessons)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.is_error)
    notes = len(problems) - errors
    files = f"{checked} lesson file{'s' * (checked != 1)}"
    print(f"{files} checked: {_count(errors, 'error')}, {_count(notes, 'note')}.", file=sys.stderr)
    return 1 if errors else 0


def _count(number: int, word: str) -> str:
    return f"{number} {word}{'s' * (number != 1)}"


def cmd_check(paths: AppPaths, args: argparse.Namespace) -> int:
    """Findings one a line (`place: message`), or JSON for scripts; exit 1 on errors."""
    catalog = _open_catalog(paths)
    findings = catalog.check_content()
    errors = sum(1 for f in findings if f.severity == "error")
    if args.json:
        rows = [
            {
                "kind": f.kind,
                "severity": f.severity,
                "file": f.file,
                "line": f.line,
                "message": f.message,
                "lesson": f.lesson,
                "partnership": f.partnership,
            }
            for f in findings
        ]
        print(json.dumps(rows, indent=2, ensure_ascii=False))
    else:
        for finding in findings:
            print(finding)
        notes = len(findings) - errors
        print(f"{_count(errors, 'error')}, {_count(notes, 'note')}.", file=sys.stderr)
    return 1 if errors else 0
