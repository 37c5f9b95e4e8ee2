"""A stand-in for the window's process: opens the catalog as the window does (plus a
background job's connection), then obeys one command a line on stdin and answers on stdout.

    python -m tests.processes.holder DATA_DIR
    commands: wal (are the -wal/-shm files we hold still on disk?), count, quit
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from explorer.core.paths import AppPaths
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
        elif command == "quit":
            break
    catalog.close()


if __name__ == "__main__":
    main()
