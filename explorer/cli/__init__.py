"""Command line: the GUI by default, subcommands for scripts.

Every subcommand takes --data-dir, prints one-line errors on stderr and exits non-zero
on bad input; none prints a traceback for a user mistake. The commands live by what they
do: `read` (open, info, search, validate, check), `transfer` (import, export, backup,
undo-import; `classroom` for handouts and quizzes), `progress`, `publish` and `packs`;
`common` holds what they share.
"""

from __future__ import annotations

import argparse
import sqlite3
from collections.abc import Sequence

from explorer import __version__
from explorer.cli import packs, progress, publish, read, transfer
from explorer.cli.common import PROG, UsageError, common_parser, print_error
from explorer.core.paths import AppPaths


def build_parser() -> argparse.ArgumentParser:
    common = common_parser()
    parser = argparse.ArgumentParser(
        prog=PROG,
        parents=[common],
        description="Learn how nations, agencies and companies explore space together. "
        "With no command, the app's window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    read.add_commands(commands, common)  # gui, open, info, search, validate, check
    transfer.add_commands(commands, common)  # import, export, backup, undo-import
    progress.add_commands(commands, common)  # progress merge | export
    publish.add_commands(commands, common)  # publish datasette | site | zim
    packs.add_commands(commands, common)  # packs list | remove | undo-remove
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        # common_parser's SUPPRESS: a subcommand's parser must not reset a --data-dir
        # given before it
        paths = AppPaths.resolve(getattr(args, "data_dir", None), getattr(args, "content", ()))
        handler = getattr(args, "handler", None)
        if handler is None:  # gui (the default) or open
            from explorer.app import run_gui  # Qt is imported only for the window

            return run_gui(paths, getattr(args, "target", None))
        return int(handler(paths, args))
    except UsageError as exc:
        print_error(exc)
        return 2
    except (OSError, sqlite3.Error) as exc:
        print_error(exc)
        return 1
