"""Reading a zip we did not make, safely; writing one atomically.

Nothing is extracted to disk here: entries are checked (names, symlinks, sizes,
compression ratio, count) and read into memory with a hard cap on every read, so a zip
that lies about its sizes cannot fill the disk or the memory. Callers decide where the
bytes go (always inside the data dir, see `inside`).
"""

from __future__ import annotations

import stat
import time
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path

from explorer.core.atomic import atomic_writer
from explorer.core.pack_format import ZipLimits, entry_problem


class PackError(Exception):
    """A zip that cannot be used: one line naming the file (and the entry)."""


def read_zip(
    path: Path, limits: ZipLimits, allowed: Callable[[str], str | None]
) -> dict[str, bytes]:
    """Every file entry's bytes, by name, or PackError on the first unsafe or broken entry."""
    try:
        if path.stat().st_size > limits.max_total:
            raise PackError(f"{path}: the file is too large (over {_size(limits.max_total)})")
        with zipfile.ZipFile(path) as archive:
            infos = _checked_infos(path, archive.infolist(), limits, allowed)
            return {info.filename: _read(path, archive, info) for info in infos}
    except PackError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as exc:
        raise PackError(f"{path}: not a valid zip file ({exc})") from None
    except OSError as exc:
        raise PackError(f"{path}: cannot read the file ({exc.strerror or exc})") from None


def _checked_infos(
    path: Path,
    infos: list[zipfile.ZipInfo],
    limits: ZipLimits,
    allowed: Callable[[str], str | None],
) -> list[zipfile.ZipInfo]:
    if len(infos) > limits.max_entries:
        raise PackError(f"{path}: too many entries ({len(infos)}; at most {limits.max_entries})")
    seen: set[str] = set()
    total = 0
    files = []
    for info in infos:
        name = info.filename
        problem = (
            entry_problem(name) or _kind_problem(info) or (None if info.is_dir() else allowed(name))
        )
        if problem is None and name in seen:
            problem = "the entry appears twice"
        if problem is None:
            problem = _size_problem(info, limits)
        if problem:
            raise PackError(f"{path}: {name}: {problem}")
        seen.add(name)
        total += info.file_size
        if total > limits.max_total:
            raise PackError(
                f"{path}: the contents are too large (over {_size(limits.max_total)} unpacked)"
            )
        if not info.is_dir():
            files.append(info)
    return files


def _kind_problem(info: zipfile.ZipInfo) -> str | None:
    mode = info.external_attr >> 16
    if stat.S_ISLNK(mode):
        return "symbolic links are not allowed"
    if stat.S_IFMT(mode) not in (0, stat.S_IFREG, stat.S_IFDIR):
        return "only plain files are allowed"
    if info.flag_bits & 0x1:
        return "encrypted entries are not supported"
    return None


def _size_problem(info: zipfile.ZipInfo, limits: ZipLimits) -> str | None:
    if info.file_size > limits.max_file:
        return f"too large ({_size(info.file_size)}; at most {_size(limits.max_file)})"
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(
        info.compress_size, 1
    ):
        return "compressed suspiciously well (a zip bomb?)"
    return None


def _size(count: int) -> str:
    return f"{count / 2**20:.0f} MiB" if count >= 2**20 else f"{count / 1024:.0f} KiB"


def _read(path: Path, archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    try:
        with archive.open(info) as handle:
            data = handle.read(info.file_size + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
        raise PackError(f"{path}: {info.filename}: damaged ({exc})") from None
    if len(data) != info.file_size:
        raise PackError(f"{path}: {info.filename}: its size does not match the zip's directory")
    return data


def write_zip(path: Path, members: Iterable[tuple[str, bytes]], level: int = 6) -> None:
    """Write a zip atomically: the file appears whole or not at all. `level` is the
    deflate level (1 is fastest)."""
    with (
        atomic_writer(path) as handle,
        zipfile.ZipFile(
            handle, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level
        ) as archive,
    ):
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            archive.writestr(info, data)


def inside(folder: Path, relative: str) -> Path:
    """`folder / relative`, resolved, or PackError if it would land outside `folder`
    (through '..', an absolute path or a symlink already on disk)."""
    root = folder.resolve()
    target = (root / relative).resolve()
    if target == root or root not in target.parents:
        raise PackError(f"{relative}: would be written outside {folder}")
    return target
