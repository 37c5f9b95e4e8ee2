"""The classroom's files in the data folder, and the files students and teachers exchange.

    <data>/progress/progress.json     a student's progress (explorer.core.classroom)
    <data>/bookmarks/bookmarks.json   their bookmarks

Both are small JSON documents, written atomically (explorer.core.atomic) after every
change, and both folders are teacher areas, so backups hold them. Before each write the
file is read again if another process (a second window, a restore) changed it since, so
its change is kept. A file that cannot be read is never overwritten blindly: a damaged
one is renamed `NAME.damaged-<time>` beside itself and a new one started; one written by
a newer version of the app is left alone and nothing is saved to it. Either way
`notice` says so, in one sentence for the student.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from explorer import __version__
from explorer.core.atomic import atomic_write_bytes
from explorer.core.classroom import bookmarks as marks
from explorer.core.classroom import progress as study
from explorer.core.classroom.documents import (
    PROGRESS_FORMAT,
    PROGRESS_VERSION,
    DocumentError,
    export_document,
    progress_document,
    progress_from_document,
    version_of,
)
from explorer.core.models import Lesson
from explorer.store.teacher_data import dumps

if TYPE_CHECKING:  # the teacher's merge is not needed to start the window
    from explorer.core.classroom.merge import StudentFile, Table

PROGRESS_DIR, PROGRESS_FILE = "progress", "progress.json"
BOOKMARKS_DIR, BOOKMARKS_FILE = "bookmarks", "bookmarks.json"
#: the copy of the progress file kept by the last reset
BEFORE_RESET = "before-reset.json"
MAX_BYTES = 8 * 2**20  # a progress file is a few kilobytes; a bigger one is not ours

T = TypeVar("T")


class NewerFileError(Exception):
    """A file written by a newer version of the app: read it with that version."""


def now() -> str:
    return datetime.now().isoformat(timespec="seconds")


class JsonFile(Generic[T]):
    """One JSON document of a known format, read tolerantly and written atomically."""

    def __init__(
        self, path: Path, fmt: str, version: int, what: str, parse: Callable[[Any], T]
    ) -> None:
        self.path, self.format, self.version, self.what = path, fmt, version, what
        self.parse = parse
        self.writable = True
        self.notice = ""
        self._signature: tuple[int, int] | None = None

    def _stat(self) -> tuple[int, int] | None:
        try:
            info = self.path.stat()
        except OSError:
            return None
        return (info.st_mtime_ns, info.st_size)

    def changed(self) -> bool:
        """Whether the file is not the one this object last read or wrote."""
        return self._stat() != self._signature

    def peek(self) -> T | None:
        """The document's value, read without changing anything: None when the file is
        missing; NewerFileError, DocumentError or OSError when it cannot be used."""
        if self._stat() is None:
            return None
        if self.path.stat().st_size > MAX_BYTES:
            raise DocumentError(f"it is larger than a {self.what} file can be")
        try:
            document = json.loads(self.path.read_bytes().decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            raise DocumentError("it is not valid JSON") from None
        version = version_of(document, self.format)
        if version > self.version:
            raise NewerFileError(f"{self.path} was written by a newer version of the app")
        return self.parse(document)

    def load(self) -> T | None:
        """The document's value; None when there is none yet or it cannot be used (a
        damaged file is set aside, a newer one left alone: `notice` says which)."""
        self._signature = self._stat()
        if self._signature is None:
            return None
        try:
            return self.peek()
        except NewerFileError:
            self.writable = False
            self.notice = (
                f"Your {self.what} file was written by a newer version of the app. It is "
                f"kept as it is ({self.path}), and nothing is saved to it until you "
                "update the app."
            )
        except OSError as exc:
            self.writable = False
            self.notice = (
                f"Your {self.what} file {self.path} cannot be read ({exc.strerror or exc}); "
                "nothing is saved to it until that is fixed."
            )
        except (DocumentError, TypeError, ValueError, KeyError) as exc:
            self.notice = self._set_aside(str(exc) or type(exc).__name__)
        return None

    def _set_aside(self, reason: str) -> str:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        for counter in range(1, 100):
            kept = self.path.with_name(
                f"{self.path.name}.damaged-{stamp}" + (f"-{counter}" if counter > 1 else "")
            )
            if not kept.exists():
                break
        try:
            os.replace(self.path, kept)
        except OSError as exc:
            self.writable = False
            return (
                f"Your {self.what} file {self.path} could not be read ({reason}) and could "
                f"not be moved aside ({exc.strerror or exc}); nothing is saved to it."
            )
        self._signature = None
        return (
            f"Your {self.what} file could not be read ({reason}). It was kept as "
            f"{kept.name} in {kept.parent}, and a new one was started."
        )

    def write(self, document: dict[str, Any]) -> bool:
        """Write the document atomically; False (and a notice) when it cannot be saved."""
        if not self.writable:
            return False
        try:
            atomic_write_bytes(self.path, dumps(document))
        except OSError as exc:
            self.notice = (
                f"Your {self.what} could not be saved to {self.path} "
                f"({exc.strerror or exc}); it is kept until the app closes."
            )
            return False
        self._signature = self._stat()
        return True


def progress_file(data_dir: Path) -> JsonFile[study.Progress]:
    return JsonFile(
        data_dir / PROGRESS_DIR / PROGRESS_FILE,
        PROGRESS_FORMAT,
        PROGRESS_VERSION,
        "progress",
        progress_from_document,
    )


def read_progress(data_dir: Path) -> study.Progress:
    """The progress saved in a data folder, read without changing anything; NewerFileError,
    DocumentError or OSError when it cannot be used."""
    return progress_file(data_dir).peek() or study.Progress()


def write_export(
    out: Path, progress: study.Progress, lessons: Sequence[Lesson], student: str
) -> Path:
    """Write the file a student hands to their teacher (atomically)."""
    document = export_document(progress, lessons, student.strip(), now(), __version__)
    atomic_write_bytes(out, dumps(document))
    return out


class ProgressStore:
    """The student's progress, in memory and in `<data>/progress/progress.json`."""

    def __init__(self, data_dir: Path) -> None:
        self.folder = data_dir / PROGRESS_DIR
        self.file = progress_file(data_dir)
        self.progress = self.file.load() or study.Progress()

    @property
    def notice(self) -> str:
        return self.file.notice

    def refresh(self) -> bool:
        """Read the file again if someone else changed it; True if it was read."""
        if not self.file.changed():
            return False
        self.progress = self.file.load() or study.Progress()
        return True

    def update(self, change: Callable[[study.Progress], study.Progress]) -> bool:
        """Apply a change to the newest progress and save it; True if anything changed."""
        self.refresh()
        changed = change(self.progress)
        if changed == self.progress:
            return False
        self.progress = changed
        self.file.write(progress_document(changed))
        return True

    def opened(self, slug: str) -> bool:
        return self.update(lambda p: study.opened(p, slug, now()))

    def finished(self, slug: str) -> bool:
        return self.update(lambda p: study.finished(p, slug, now()))

    def answered(self, lesson: Lesson, number: int, state: int) -> bool:
        return self.update(lambda p: study.answered(p, lesson, number, state, now()))

    def reset(self) -> Path | None:
        """Start again: the file is first copied to before-reset.json (the one copy of the
        last reset), then emptied. Returns that copy, if there was anything to keep."""
        self.refresh()
        kept = None
        if self.file.path.is_file() and self.file.writable:
            kept = self.folder / BEFORE_RESET
            atomic_write_bytes(kept, self.file.path.read_bytes())
        self.progress = study.Progress()
        self.file.write(progress_document(self.progress))
        return kept

    def export(self, out: Path, lessons: Sequence[Lesson], student: str) -> Path:
        """Write the file a student hands to their teacher (atomically)."""
        self.refresh()
        return write_export(out, self.progress, lessons, student)


class BookmarkStore:
    """The bookmarks, in memory and in `<data>/bookmarks/bookmarks.json`."""

    def __init__(self, data_dir: Path) -> None:
        self.file = bookmarks_file(data_dir)
        self.bookmarks = self.file.load() or marks.Bookmarks()

    @property
    def notice(self) -> str:
        return self.file.notice

    def refresh(self) -> bool:
        if not self.file.changed():
            return False
        self.bookmarks = self.file.load() or marks.Bookmarks()
        return True

    def update(self, change: Callable[[marks.Bookmarks], marks.Bookmarks]) -> bool:
        self.refresh()
        changed = change(self.bookmarks)
        if changed == self.bookmarks:
            return False
        self.bookmarks = changed
        self.file.write(marks.bookmarks_document(changed))
        return True

    def add(self, mark: marks.Bookmark) -> marks.Bookmark:
        """Bookmark a place; returns the bookmark of that place (an older one if any)."""
        self.update(lambda b: marks.add(b, mark))
        return self.bookmarks.find(mark) or mark

    def remove(self, mark_id: str) -> bool:
        return self.update(lambda b: marks.remove(b, mark_id))

    def rename(self, mark_id: str, title: str) -> bool:
        return self.update(lambda b: marks.rename(b, mark_id, title))


def bookmarks_file(data_dir: Path) -> JsonFile[marks.Bookmarks]:
    return JsonFile(
        data_dir / BOOKMARKS_DIR / BOOKMARKS_FILE,
        marks.BOOKMARKS_FORMAT,
        marks.BOOKMARKS_VERSION,
        "bookmarks",
        marks.bookmarks_from_document,
    )


def read_bookmarks(data_dir: Path) -> marks.Bookmarks:
    """The bookmarks saved in a data folder, read without changing anything (none when
    the file is missing or cannot be used)."""
    try:
        return bookmarks_file(data_dir).peek() or marks.Bookmarks()
    except (NewerFileError, DocumentError, OSError, TypeError, KeyError):
        return marks.Bookmarks()


# -- files between students and teachers ------------------------------------------------------
def read_student_files(files: Iterable[Path]) -> tuple[list[StudentFile], list[str]]:
    """The exported progress files that can be read, and one line per file that cannot
    (`path: what is wrong`)."""
    from explorer.core.classroom.merge import student_file

    found, problems = [], []
    for path in files:
        try:
            if path.stat().st_size > MAX_BYTES:
                raise DocumentError("it is too large to be a progress file")
            document = json.loads(path.read_bytes().decode("utf-8-sig"))
            found.append(student_file(document, path.name))
        except OSError as exc:
            problems.append(f"{path}: cannot be read ({exc.strerror or exc})")
        except DocumentError as exc:
            problems.append(f"{path}: {exc}")
        except (UnicodeDecodeError, ValueError, RecursionError):
            problems.append(f"{path}: it is not a progress file (not valid JSON)")
    return found, problems


def table_bytes(table: Table) -> bytes:
    """CSV as spreadsheets open it: UTF-8 with a byte order mark, CRLF line ends."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(table.header)
    writer.writerows(table.rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_table(out: Path, table: Table) -> Path:
    atomic_write_bytes(out, table_bytes(table))
    return out
