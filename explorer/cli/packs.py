"""`space-explorer packs`: the content packs installed, and taking one away (or back)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from explorer.cli.common import PROG
from explorer.core.paths import AppPaths


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    packs = commands.add_parser(
        "packs",
        parents=[common],
        help="list installed content packs, remove one as a whole, or put it back",
    )
    actions = packs.add_subparsers(dest="action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", parents=[common], help="the packs installed")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=cmd_list)
    remove = actions.add_parser("remove", parents=[common], help="remove a pack as a whole")
    remove.add_argument("name", help="the pack's name (see 'packs list')")
    remove.set_defaults(handler=cmd_remove)
    back = actions.add_parser(
        "undo-remove", parents=[common], help="put back a pack that was removed"
    )
    back.add_argument("trash", help="the trash folder 'packs remove' printed")
    back.set_defaults(handler=cmd_undo_remove)


def cmd_list(paths: AppPaths, args: argparse.Namespace) -> int:
    from explorer.store.packs import installed_packs

    packs = installed_packs(paths)
    if args.json:
        rows = [
            {
                "name": p.name, "version": p.version, "author": p.author, "title": p.title,
                "installed": p.created, "partnerships": list(p.partnerships),
                "lessons": list(p.lessons), "file": p.file,
            }
            for p in packs
        ]  # fmt: skip
        print(json.dumps(rows, indent=2, ensure_ascii=False))
        return 0
    if not packs:
        print("No content packs are installed.")
    for p in packs:
        version = f" version {p.version}" if p.version else ""
        by = f" by {p.author}" if p.author else ""
        print(
            f"{p.name}: {p.title or p.name}{version}{by}, installed {p.created[:16]}: "
            f"{len(p.partnerships)} partnerships, {len(p.lessons)} lessons"
        )
    return 0


def cmd_remove(paths: AppPaths, args: argparse.Namespace) -> int:
    from explorer.store.catalog import Catalog
    from explorer.store.packs import PackNotInstalledError, remove_pack

    catalog = Catalog.open(paths)
    try:
        removed = remove_pack(catalog.partnerships, paths, args.name)
    except PackNotInstalledError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"Removed {removed.name}: {removed.partnerships} partnerships, {removed.files} files. "
        f"Put it back with '{PROG} packs undo-remove {removed.trash}'."
    )
    for path in removed.kept:
        print(f"kept {path}: it changed after the pack was installed")
    return 0


def cmd_undo_remove(paths: AppPaths, args: argparse.Namespace) -> int:
    from explorer.store.catalog import Catalog
    from explorer.store.packs import PackNotInstalledError, undo_remove

    catalog = Catalog.open(paths)
    try:
        undo_remove(catalog.partnerships, paths, args.trash)
    except PackNotInstalledError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 1
    print(f"Put back what {args.trash} held.")
    return 0
