"""Atomic file writes: a reader (or a crash) sees the old file or the new one, never half.

Every write of teacher data goes through here: the bytes go to a temporary file in the
same folder, are flushed to disk (fsync), and the temporary file is renamed over the
target with `os.replace`, which is atomic on POSIX and Windows.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

NEW_FILE_MODE = 0o644
TEMP_SUFFIX = ".tmp"


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Write `path` through a binary file; it appears (whole) only if the block succeeds.

    The temporary file is hidden (`.NAME.PID.XXXX.tmp`) and removed if anything fails, so
    an interrupted write leaves the previous file untouched; one left by a killed process
    is removed at the next start (`sweep_temporary_files`).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = stat.S_IMODE(path.stat().st_mode) if path.is_file() else NEW_FILE_MODE
    fd, temp = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMP_SUFFIX
    )
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    fsync_folder(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as handle:
        handle.write(data)


def atomic_write_text(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write text as-is (no newline translation), atomically."""
    atomic_write_bytes(path, text.encode(encoding))


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX); a no-op where folders cannot be opened."""
    if os.name != "posix":  # pragma: no cover
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def sweep_temporary_files(folder: Path, alive: Callable[[int], bool]) -> int:
    """Remove temporary files that killed writers left under `folder` (hidden
    `.NAME.PID.XXXX.tmp` files whose process `alive(pid)` says is gone)."""
    removed = 0
    if not folder.is_dir():
        return 0
    for path in folder.rglob(f".*{TEMP_SUFFIX}"):
        parts = path.name.rsplit(".", 3)
        pid = int(parts[1]) if len(parts) == 4 and parts[1].isdigit() else 0
        if path.is_file() and not alive(pid):
            with contextlib.suppress(OSError):
                path.unlink()
                removed += 1
    return removed
