"""The data folder's lock, and tidying up after a process that was killed.

Every change to the teacher's files that spans several files (explorer.core.file_batch)
commits under the data folder's lock; at start, under the same lock, a batch that was
committed but not finished is finished, one that never committed is removed, and hidden
temporary files of writers that were killed are deleted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from filelock import FileLock

from explorer.core.atomic import sweep_temporary_files
from explorer.core.file_batch import FileBatch, pid_alive, recover
from explorer.core.paths import AppPaths

LOCK_TIMEOUT_S = 120.0


def data_lock(paths: AppPaths) -> FileLock:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    return FileLock(str(paths.data_dir / ".data.lock"), timeout=LOCK_TIMEOUT_S)


@contextmanager
def committing(batch: FileBatch, paths: AppPaths) -> Iterator[FileBatch]:
    """Fill `batch` in the with-block; it commits under the data folder's lock when the
    block ends, or is abandoned (nothing changes) if anything raises."""
    try:
        yield batch
        with data_lock(paths):
            batch.commit()
    except BaseException:
        batch.abandon()
        raise


def tidy_data_folder(paths: AppPaths) -> int:
    """Finish or remove interrupted batches and sweep dead writers' temporary files;
    returns how many interrupted batches were finished."""
    with data_lock(paths):
        finished = recover(paths.data_dir)
    sweep_temporary_files(paths.data_dir, pid_alive)
    return finished
