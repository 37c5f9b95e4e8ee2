"""Command line for the classroom: handouts as PDF and quizzes for a learning platform.
Registered through `export` (explorer.cli.transfer):

    space-explorer export --format pdf lesson:SLUG OUT.pdf [--answers separate|none]
                          [--paper a4|letter] [--no-timeline]      (also partnership:, topic:)
    space-explorer export --format gift|moodle-xml|qti lesson:SLUG|all OUT

A PDF needs Qt's fonts and painting but no display: an offscreen QGuiApplication is made
when none is running. Exit codes as for every export: 0 written, 1 nothing to export
(a lesson without questions), 2 a bad request.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from explorer.cli.common import UsageError, open_catalog
from explorer.core.handouts import ANSWERS, PAPERS, HandoutOptions
from explorer.core.paths import AppPaths
from explorer.core.quiz_export import QUIZ_FORMATS

PDF = "pdf"
FORMATS = (PDF, *QUIZ_FORMATS)
HANDOUT_TARGETS = "lesson:SLUG, partnership:SLUG or topic:TAG"


def add_export_options(exporter: argparse.ArgumentParser) -> None:
    """The options of `export --format pdf`."""
    exporter.add_argument(
        "--answers",
        choices=tuple(ANSWERS),
        help="pdf: the answer key on a separate last page (default) or left out",
    )
    exporter.add_argument(
        "--paper", choices=tuple(PAPERS), help="pdf: the paper size (default: a4)"
    )
    exporter.add_argument(
        "--no-timeline", action="store_true", help="pdf: leave out the timeline picture"
    )


def check_options(args: argparse.Namespace) -> None:
    """The PDF options are refused for other formats (a one-line mistake, exit 2)."""
    if args.format != PDF and (args.answers or args.paper or args.no_timeline):
        raise UsageError("--answers, --paper and --no-timeline are for --format pdf")


def cmd_export(paths: AppPaths, args: argparse.Namespace) -> int:
    if len(args.out) != 2:
        what = HANDOUT_TARGETS if args.format == PDF else "lesson:SLUG or all"
        raise UsageError(f"export --format {args.format} takes {what}, then OUT")
    target, out = args.out
    if args.format == PDF:
        return _export_pdf(paths, target, out, args)
    return _export_quiz(paths, target, out, args.format)


def _write(out: str, data: bytes) -> None:
    from explorer.core.atomic import atomic_write_bytes

    if out == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    else:
        atomic_write_bytes(Path(out), data)


def _export_pdf(paths: AppPaths, target: str, out: str, args: argparse.Namespace) -> int:
    from explorer.core.handouts import handout_style_sheet
    from explorer.core.location import Location
    from explorer.ui.handouts.content import make_handout, printable
    from explorer.ui.handouts.printing import pdf_bytes

    location = Location.parse(target)
    if location is None or not printable(location):
        raise UsageError(f"cannot make a handout of {target!r} (use {HANDOUT_TARGETS})")
    options = HandoutOptions(
        paper=args.paper or "a4", answers=args.answers or "separate", timeline=not args.no_timeline
    )
    handout = make_handout(open_catalog(paths), location, options)
    if handout is None:
        raise UsageError(f"there is no {location.kind} called {location.slug!r}")
    data, pages = pdf_bytes(handout, handout_style_sheet(paths.resources_dir), options.paper)
    _write(out, data)
    key = ", the answer key on the last page" if handout.answer_key else ""
    _say(out, f"Wrote {out}: {pages} pages ({PAPERS[options.paper]}), {target}{key}.")
    return 0


def _export_quiz(paths: AppPaths, target: str, out: str, format_name: str) -> int:
    from explorer.core.quiz_export import NoQuestionsError, quiz_set
    from explorer.core.quiz_writers import write_quiz

    catalog = open_catalog(paths)
    lessons: list[Any]
    if target == "all":
        lessons = list(catalog.library.lessons)
    elif target.startswith("lesson:") and (found := catalog.library.get(target[7:])):
        lessons = [found]
    elif target.startswith("lesson:"):
        raise UsageError(f"there is no lesson called {target[7:]!r}")
    else:
        raise UsageError(f"export --format {format_name} takes lesson:SLUG or all, not {target!r}")
    try:
        quiz = quiz_set(lessons)
    except NoQuestionsError as exc:
        print(f"space-explorer: error: {exc}", file=sys.stderr)
        return 1
    _write(out, write_quiz(format_name, quiz))
    count = len(quiz.items)
    _say(
        out,
        f"Wrote {out}: {count} question{'s' * (count != 1)} from {len(quiz.lessons)} "
        f"lesson{'s' * (len(quiz.lessons) != 1)} ({QUIZ_FORMATS[format_name][0]}).",
    )
    return 0


def _say(out: str, message: str) -> None:
    """The summary; on standard error when the file itself went to standard output."""
    print(message, file=sys.stderr if out == "-" else sys.stdout)
