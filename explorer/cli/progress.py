"""Command line: students' progress and the class table (registered by explorer.cli).

    space-explorer progress merge FILE... --out class.csv [--by-question questions.csv]
    space-explorer progress export --student NAME OUT.json

`merge` reads the files students exported (File > Export My Progress) and writes the
class table, one row per file, and optionally the per-question table; a file that
cannot be read is named on stderr and left out, and the exit code is then 1. `export`
writes this data folder's progress as a student's file (for scripts and tests).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from explorer.cli.common import PROG, UsageError, open_catalog
from explorer.core.classroom.documents import DocumentError
from explorer.core.classroom.merge import class_table, question_table
from explorer.core.paths import AppPaths
from explorer.store.classroom_files import (
    NewerFileError,
    read_progress,
    read_student_files,
    write_export,
    write_table,
)


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    progress = commands.add_parser(
        "progress",
        parents=[common],
        help="merge students' progress files into a class table, or export this one",
        description="Students' progress: the class table a teacher merges, and exports.",
    )
    actions = progress.add_subparsers(dest="action", metavar="ACTION", required=True)
    merge = actions.add_parser(
        "merge", parents=[common], help="merge exported progress files into a class table (CSV)"
    )
    merge.add_argument("files", nargs="+", type=Path, metavar="FILE", help="a student's .json")
    merge.add_argument("--out", required=True, type=Path, metavar="CLASS.csv")
    merge.add_argument(
        "--by-question",
        type=Path,
        metavar="QUESTIONS.csv",
        help="also write how many students chose each answer first, per question",
    )
    merge.set_defaults(handler=cmd_merge)
    export = actions.add_parser(
        "export", parents=[common], help="export this data folder's progress for a teacher"
    )
    export.add_argument("--student", required=True, metavar="NAME", help="the student's name")
    export.add_argument("out", type=Path, metavar="OUT.json")
    export.set_defaults(handler=cmd_export)


def cmd_merge(_paths: AppPaths, args: argparse.Namespace) -> int:
    outputs = [args.out, *([args.by_question] if args.by_question else [])]
    if len(set(outputs)) < len(outputs) or set(outputs) & set(args.files):
        raise UsageError("the output files must differ from each other and from the inputs")
    files, problems = read_student_files(args.files)
    for problem in problems:
        print(f"{PROG}: {problem}", file=sys.stderr)
    if not files:
        raise UsageError("none of the files is a progress file a student exported")
    write_table(args.out, class_table(files))
    written = f"Wrote {args.out}: {len(files)} student file{'s' * (len(files) != 1)}"
    if args.by_question:
        table = question_table(files)
        write_table(args.by_question, table)
        written += f"; {args.by_question}: {len(table.rows)} rows"
    print(written + ".")
    return 1 if problems else 0


def cmd_export(paths: AppPaths, args: argparse.Namespace) -> int:
    if not args.student.strip():
        raise UsageError("the student's name is empty")
    catalog = open_catalog(paths)
    try:
        progress = read_progress(paths.data_dir)
        write_export(args.out, progress, catalog.library.lessons, args.student)
    except (NewerFileError, DocumentError) as exc:
        print(f"{PROG}: error: the progress file cannot be used ({exc})", file=sys.stderr)
        return 1
    finally:
        catalog.close()
    print(f"Wrote {args.out}.")
    return 0
