"""Where a published copy is written: a new folder or file appears whole, or not at all.

A folder is built beside its destination and renamed into place at the end, so a failure
half-way leaves nothing behind, and a reader of the old copy never sees a half-written
one. An existing folder is replaced only when asked (`force`) and only when it holds a
copy this command wrote before (it has the MANIFEST file): `--force` never deletes a
folder of someone's own files. A file (the ZIM) is written beside its destination and
renamed over it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

#: written into every published folder; marks a folder --force may replace
MANIFEST = "space-explorer-publish.json"


class PublishError(Exception):
    """A published copy cannot be written as asked; the message says why in one line."""


def check_folder(out: Path, force: bool) -> None:
    """Raise PublishError unless `out` may be written: missing, empty, or (with `force`)
    a copy published before."""
    if out.exists() and not out.is_dir():
        raise PublishError(f"{out} is a file, not a folder; choose a folder to publish into")
    if not out.is_dir() or not any(out.iterdir()):
        return
    if not force:
        raise PublishError(f"{out} is not empty; choose an empty folder, or add --force")
    if not (out / MANIFEST).is_file():
        raise PublishError(
            f"{out} holds files that were not published by space-explorer; "
            "--force replaces only an earlier copy, so choose an empty folder"
        )


@contextlib.contextmanager
def new_folder(out: Path, force: bool, kind: str) -> Iterator[Path]:
    """A temporary folder to fill; when the block ends it becomes `out` (with MANIFEST)."""
    check_folder(out, force)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(dir=out.parent, prefix=f".{out.name}.", suffix=".new"))
    try:
        yield work
        manifest = {
            "kind": kind,
            "published": datetime.now(UTC).isoformat(timespec="seconds"),
            "generator": "space-explorer publish",
        }
        (work / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        _swap_in(work, out)
    except BaseException:
        remove_tree(work)
        raise


def _swap_in(work: Path, out: Path) -> None:
    old = None
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
    work.chmod(0o755)  # mkdtemp made it private; a web server must read it
    work.rename(out)
    if old is not None:
        remove_tree(old)


def remove_tree(folder: Path) -> None:
    """Delete a folder, read-only files (the published database) included."""
    if not folder.exists():
        return
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            path.chmod(stat.S_IREAD | stat.S_IWRITE)  # Windows cannot delete read-only files
    shutil.rmtree(folder)


def check_file(out: Path, force: bool, suffix: str) -> None:
    if out.suffix.lower() != suffix:
        raise PublishError(f"{out}: the file name must end in {suffix}")
    if out.is_dir():
        raise PublishError(f"{out} is a folder; give the name of a {suffix} file")
    if out.exists() and not force:
        raise PublishError(f"{out} exists; choose another name, or add --force to replace it")


@contextlib.contextmanager
def new_file(out: Path, force: bool, suffix: str) -> Iterator[Path]:
    """A temporary path to write; when the block ends it is renamed to `out`."""
    check_file(out, force, suffix)
    out = out.absolute()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.stem}.", suffix=f".tmp{suffix}")
    os.close(fd)
    work = Path(name)
    work.unlink()  # the writer creates it
    try:
        yield work
        os.chmod(work, 0o644)
        os.replace(work, out)
    except BaseException:
        with contextlib.suppress(OSError):
            work.unlink()
        raise
