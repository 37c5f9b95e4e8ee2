"""What every subcommand shares: the program's name, the usage error, the --data-dir
parent parser, opening the catalog, argument types and printing.

A command module (read, transfer, publish) adds its subcommands with `add_commands`,
each setting `handler`; explorer.cli.main runs the handler and turns `UsageError` into one
line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from explorer.core.paths import AppPaths
    from explorer.store.catalog import Catalog

PROG = "space-explorer"


class UsageError(Exception):
    """A mistake in what the user asked for: one line on stderr, exit code 2."""


def common_parser() -> argparse.ArgumentParser:
    """The options every command takes (a parent parser)."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,  # a subcommand must not reset a --data-dir given before it
        help="where the database and teacher lessons live "
        "(default: $SPACE_EXPLORER_DATA_DIR or the platform's data folder)",
    )
    common.add_argument(
        "--content",
        metavar="DIR",
        action="append",
        default=argparse.SUPPRESS,
        help="a shared content folder to read (never written), e.g. a network share of "
        "the school's lessons; repeatable (also $SPACE_EXPLORER_CONTENT)",
    )
    return common


def open_catalog(paths: AppPaths) -> Catalog:
    """The catalog of the data folder; a notice (a database rebuilt) goes to stderr."""
    from explorer.store.catalog import Catalog

    catalog = Catalog.open(paths)
    for notice in catalog.notices:
        print(f"{PROG}: {notice}", file=sys.stderr)
    return catalog


def print_error(message: object) -> None:
    """One line on stderr, as every command reports a failure."""
    print(f"{PROG}: error: {message}", file=sys.stderr)


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False))


def counted(number: int, word: str) -> str:
    """'1 error', '3 notes'."""
    return f"{number} {word}{'s' * (number != 1)}"


def positive(text: str) -> int:
    """An argument type: a whole number, 1 or more."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def decade(text: str) -> int:
    """An argument type: a decade such as 1990 (or 1990s)."""
    year = text.rstrip("s")
    if not year.isdigit() or int(year) % 10 or not 1900 <= int(year) <= 2100:
        raise argparse.ArgumentTypeError(f"expected a decade such as 1990, got {text!r}")
    return int(year)
