"""Command line: publish the catalog and the lessons with engines schools already run
(registered by explorer.cli).

    space-explorer publish datasette OUT/ [--force] [--json]   a folder for Datasette
    space-explorer publish site OUT/ [--force] [--json]        a static HTML folder
    space-explorer publish zim OUT.zim [--force] [--json]      a ZIM file for Kiwix

OUT must not exist or be empty; `--force` replaces an earlier copy (never a folder of
other files). Exit codes: 0 done; 2 a bad request (OUT in the way, an optional package
missing), with one line on stderr.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
from pathlib import Path
from typing import Any

from explorer.cli.common import UsageError, open_catalog
from explorer.core.paths import AppPaths
from explorer.store.publish_output import PublishError, check_file, check_folder

EXTRA = '"space-partnerships-explorer[publish]" (from the source folder: pip install ".[publish]")'


def add_commands(commands: Any, common: argparse.ArgumentParser) -> None:
    """Add `publish` with its three targets to `commands` (the parser's subparsers)."""
    publish = commands.add_parser(
        "publish",
        parents=[common],
        help="publish the catalog and lessons for Datasette, a web server or Kiwix",
        description="Publish the catalog and the lessons with engines schools already run.",
    )
    targets = publish.add_subparsers(dest="target", metavar="TARGET", required=True)
    for name, out, text, handler in (
        ("datasette", "OUT", "a folder Datasette serves read-only", cmd_datasette),
        ("site", "OUT", "every page as a static HTML folder", cmd_site),
        ("zim", "OUT.zim", "every page as a ZIM file for Kiwix (needs libzim)", cmd_zim),
    ):
        target = targets.add_parser(name, parents=[common], help=text, description=text)
        target.add_argument("out", type=Path, metavar=out, help="where to write it")
        target.add_argument(
            "--force", action="store_true", help="replace a copy published there before"
        )
        target.add_argument("--json", action="store_true", help="print JSON")
        target.set_defaults(handler=handler)


def cmd_datasette(paths: AppPaths, args: argparse.Namespace) -> int:
    from explorer.store.publish_datasette import publish_datasette

    _checked(check_folder, args.out, args.force)
    catalog = open_catalog(paths)
    result = _checked(publish_datasette, catalog, args.out, force=args.force)
    command = result.serve_command()
    if args.json:
        return _print_json(
            folder=result.folder,
            database=result.database,
            metadata=result.metadata,
            partnerships=result.partnerships,
            lessons=result.lessons,
            serve=command,
        )
    print(
        f"Published {result.partnerships} partnerships and {result.lessons} lessons "
        f"for Datasette in {result.folder}"
    )
    print(f"Serve it read-only on the school network with:\n  {command}")
    if not result.datasette_installed:
        print(f"(Datasette is not installed here; to serve it from here: pip install {EXTRA})")
    return 0


def cmd_site(paths: AppPaths, args: argparse.Namespace) -> int:
    from explorer.store.publish_site import publish_site

    _checked(check_folder, args.out, args.force)
    catalog = open_catalog(paths)
    result = _checked(publish_site, catalog, args.out, force=args.force)
    if args.json:
        return _print_json(
            folder=result.folder, index=result.index, pages=result.pages, figures=result.figures
        )
    print(f"Published {result.pages} pages and {result.figures} figures in {result.folder}")
    print(f"Open {result.index} in a browser, or serve the folder with any web server.")
    return 0


def cmd_zim(paths: AppPaths, args: argparse.Namespace) -> int:
    _checked(check_file, args.out, args.force, ".zim")
    if importlib.util.find_spec("libzim") is None:
        raise UsageError(f"writing a ZIM file needs the libzim package: pip install {EXTRA}")
    from explorer.store.publish_zim import publish_zim

    catalog = open_catalog(paths)
    result = _checked(publish_zim, catalog, args.out, force=args.force)
    if args.json:
        return _print_json(path=result.path, pages=result.pages, figures=result.figures)
    print(f"Published {result.pages} pages and {result.figures} figures in {result.path}")
    print("Open it in Kiwix, or add it to the library of a Kiwix server or Internet-in-a-Box.")
    return 0


def _checked(function: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return function(*args, **kwargs)
    except PublishError as exc:
        raise UsageError(str(exc)) from None


def _print_json(**facts: object) -> int:
    print(json.dumps({k: str(v) if isinstance(v, Path) else v for k, v in facts.items()}))
    return 0
