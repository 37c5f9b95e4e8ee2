"""A stand-in for the window's process: opens the catalog as the window does (plus a
background job's connection), then obeys one command a line on stdin and answers on stdout.

    python -m tests.processes.holder DATA_DIR
    commands: wal (are the -wal/-shm files we hold still on disk?), count,
              save SLUG (the partnership form saves a new partnership), sync, quit
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path

from explorer.core.paths import AppPaths
from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.store.database import connect


def held_files(pid: int) -> list[str]:
    folder = Path(f"/proc/{pid}/fd")
    found = []
    for fd in folder.iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if "explorer.db" in target:
            found.append(target)
    return found


def save(catalog: Catalog, slug: str) -> None:
    store = catalog.partnerships
    template = store.all()[0]
    record = replace(template, slug=slug, name=f"Window {slug}", origin="user", edited=False)
    save_partnership(store, catalog.paths, record)


def main() -> None:
    paths = AppPaths.resolve(sys.argv[1])
    catalog = Catalog.open(paths)
    catalog.db.execute("select count(*) from partnerships").fetchone()
    job = connect(paths.database)  # what a background job does in the window's process
    job.execute("select count(*) from partnerships").fetchone()
    job.close()
    print("ready", flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "wal":
            deleted = [f for f in held_files(os.getpid()) if f.endswith("(deleted)")]
            print("deleted:" + ",".join(deleted), flush=True)
        elif command == "count":
            count = catalog.db.execute("select count(*) from partnerships").fetchone()[0]
            print(f"count:{count}", flush=True)
        elif command.startswith("save "):
            save(catalog, command.split()[1])
            print("saved", flush=True)
        elif command == "sync":
            changes = catalog.sync()
            print(f"synced:{len(changes.partnerships)}", flush=True)
        elif command == "quit":
            break
    catalog.close()


if __name__ == "__main__":
    main()
