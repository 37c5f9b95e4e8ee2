"""Command line: the commands that read the catalog and the lessons.

space-explorer open TARGET        the window at a lesson, partnership, topic or the timeline
space-explorer info [--json]      version, data folder, content counts
space-explorer search QUERY [--type T ...] [--domain D ...] [--status S ...]
                            [--partner SLUG ...] [--decade YEAR ...] [--limit N] [--json]
space-explorer validate [PATH ...]   lesson files: path:line: message, exit 1 on errors
space-explorer check [--json]     the teacher's content: broken links, pictures, sources
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from explorer import __version__
from explorer.cli.common import (
    UsageError,
    counted,
    decade,
    open_catalog,
    positive,
    print_json,
)
from explorer.core.library import validate_files
from explorer.core.models import DOMAINS, PARTNERSHIP_TYPES, STATUSES
from explorer.core.paths import AppPaths, system_sources_file
from explorer.core.search import Filters


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add the reading subcommands to `commands` (the parser's subparsers); each sets
    `handler` (gui and open have none: explorer.cli.main starts the window)."""
    commands.add_parser("gui", parents=[common], help="open the app's window (the default)")
    opener = commands.add_parser(
        "open",
        parents=[common],
        help="open the app at a lesson, partnership, topic or the timeline",
    )
    opener.add_argument(
        "target",
        help="lesson:SLUG, partnership:SLUG, topic:TAG, glossary:SLUG, trail:SLUG, progress: "
        "or timeline",
    )
    info = commands.add_parser(
        "info", parents=[common], help="show the version, data folder and content counts"
    )
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(handler=cmd_info)
    _add_search(commands, common)
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
        help="a lesson file or folder, or a trail file (.yaml) "
        "(default: bundled and teacher lessons and trails)",
    )
    validate.set_defaults(handler=cmd_validate)
    check = commands.add_parser(
        "check",
        parents=[common],
        help="check the teacher's lessons, collections and partnerships: broken links, "
        "missing pictures, sources, dates; exits 1 when something is broken",
    )
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(handler=cmd_check)


def _add_search(commands: Any, common: argparse.ArgumentParser) -> None:
    search = commands.add_parser("search", parents=[common], help="search lessons and partnerships")
    search.add_argument("query", help='words to look for, e.g. "ESA Mars"')
    for option, choices, what in (
        ("--type", PARTNERSHIP_TYPES, "of this type"),
        ("--domain", DOMAINS, "in this domain"),
        ("--status", STATUSES, "with this status"),
    ):
        search.add_argument(
            option, choices=choices, action="append", help=f"only partnerships {what} (repeatable)"
        )
    search.add_argument(
        "--partner",
        action="append",
        metavar="SLUG",
        help="only partnerships with this partner, e.g. esa (repeatable)",
    )
    search.add_argument(
        "--decade",
        type=decade,
        action="append",
        metavar="YEAR",
        help="only partnerships active in this decade, e.g. 2010 (repeatable)",
    )
    search.add_argument("--limit", type=positive, default=20, help="most hits (default 20)")
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=cmd_search)


def cmd_info(paths: AppPaths, args: argparse.Namespace) -> int:
    catalog = open_catalog(paths)
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
        "shared_lessons": sum(1 for x in catalog.library.lessons if x.origin == "shared"),
        "system_content_list": str(system_sources_file()),
        "content_sources": [
            {"folder": str(folder), "available": folder in catalog.reachable_sources()}
            for folder in paths.shared
        ],
        "glossary_terms": len(catalog.glossary),
    }
    if args.json:
        print(json.dumps(facts, indent=2))
    else:
        width = max(map(len, facts))
        for key, value in facts.items():
            if key == "content_sources":
                value = ", ".join(_source_text(s) for s in facts["content_sources"]) or "none"  # type: ignore[attr-defined]
            print(f"{key.replace('_', ' '):<{width}}  {value}")
    return 0


def _source_text(source: dict[str, Any]) -> str:
    return str(source["folder"]) + ("" if source["available"] else " (unavailable)")


def cmd_search(paths: AppPaths, args: argparse.Namespace) -> int:
    if not args.query.strip():
        raise UsageError("the search query is empty")
    catalog = open_catalog(paths)
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
        print_json(
            [{"kind": h.kind, "slug": h.slug, "title": h.title, "snippet": h.snippet} for h in hits]
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
    catalog = open_catalog(paths)
    if args.paths:
        missing = [p for p in args.paths if not p.exists()]
        if missing:
            raise UsageError(f"no such file or folder: {missing[0]}")
        known = catalog.known_targets()
        trails = [p for p in args.paths if p.is_file() and p.suffix in (".yaml", ".yml")]
        lessons = [p for p in args.paths if p not in trails]
        problems, checked = validate_files(lessons, known, catalog.library.placements)
        if trails:
            from explorer.store.trail_files import validate_trail_files

            problems += validate_trail_files(trails, catalog.library, catalog.partnerships)
        trail_count = len(trails)
    else:
        from explorer.store.trail_files import TrailShelf

        problems = list(catalog.problems)
        checked = len(catalog.library.lessons)
        trail_count = len(TrailShelf.load(paths).trails)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.is_error)
    notes = len(problems) - errors
    files = f"{checked} lesson file{'s' * (checked != 1)}"
    if trail_count:
        files += f" and {counted(trail_count, 'trail')}"
    print(
        f"{files} checked: {counted(errors, 'error')}, {counted(notes, 'note')}.", file=sys.stderr
    )
    return 1 if errors else 0


def cmd_check(paths: AppPaths, args: argparse.Namespace) -> int:
    """Findings one a line (`place: message`), or JSON for scripts; exit 1 on errors."""
    catalog = open_catalog(paths)
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
        print_json(rows)
    else:
        for finding in findings:
            print(finding)
        notes = len(findings) - errors
        print(f"{counted(errors, 'error')}, {counted(notes, 'note')}.", file=sys.stderr)
    return 1 if errors else 0
