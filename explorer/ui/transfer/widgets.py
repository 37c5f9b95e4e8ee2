"""Pieces the import, export and backup dialogs share: a progress panel, a message line,
and the words for errors, problems, dates and sizes."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.csv_format import CsvError
from explorer.core.models import Problem
from explorer.core.paths import AppPaths
from explorer.store.importers import (
    BackupError,
    ImportRefusedError,
    NothingToUndoError,
    PackError,
    SelectionError,
)
from explorer.ui.store_op import StoreOp
from explorer.ui.worker import CancelledError, Job, Work

log = logging.getLogger(__name__)
STAGES = {
    "reading": "Reading the file…",
    "checking": "Checking the rows…",
    "writing": "Saving the partnerships…",
    "indexing": "Updating the search index…",
}
MAX_LISTED = 8  # problems listed in a message before "and N more"


def problem_text(problem: Problem, unit: str = "row") -> str:
    """'sheet.csv, row 7: Start year: ...' (the file's name, not its whole path)."""
    file, _, member = problem.file.partition(".zip:")
    name = Path(file + (".zip" if member else "")).name + (f" ({member})" if member else "")
    return f"{name}, {unit} {problem.line}: {problem.message}"


def error_text(exc: BaseException) -> str:
    """One or a few lines for the user, naming the file and row; never a traceback."""
    if isinstance(exc, CancelledError):
        return "Cancelled: nothing was changed."
    if isinstance(exc, ImportRefusedError):
        return _with_problems(_sentence(str(exc)), exc.problems)
    if isinstance(exc, CsvError):
        return problem_text(exc.problem)
    if isinstance(exc, (PackError, BackupError, NothingToUndoError, SelectionError)):
        return _sentence(str(exc))
    if isinstance(exc, OSError):
        where = f"{exc.filename}: " if exc.filename else ""
        return _sentence(f"{where}{exc.strerror or exc}") + " Nothing was changed."
    log.warning("unexpected error in a background job", exc_info=exc)  # for a bug report
    if isinstance(exc, sqlite3.Error):
        return f"The database refused the change ({exc}). Nothing was changed."
    return f"Something went wrong ({type(exc).__name__}: {exc}). Nothing was changed."


def _sentence(text: str) -> str:
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


def _with_problems(headline: str, problems: tuple[Problem, ...]) -> str:
    lines = [problem_text(p) for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        lines.append(f"…and {len(problems) - MAX_LISTED} more")
    return "\n".join([headline, *lines])


def when_text(iso: str) -> str:
    """'2026-11-26T10:15:00' -> '26 Nov 2026, 10:15'."""
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment.day} {moment:%b %Y, %H:%M}"


def size_text(size: int) -> str:
    if size < 1024:
        return f"{size} bytes"
    if size < 1024**2:
        return f"{size / 1024:.0f} KB"
    return f"{size / 1024**2:.1f} MB"


def plural(count: int, word: str, words: str | None = None) -> str:
    return f"{count:,} {word if count == 1 else words or word + 's'}"


def message_label(name: str = "formNotice") -> QLabel:
    """A wrapped, selectable line: 'formNotice' (a note) or 'fieldError' (a problem)."""
    label = QLabel(objectName=name, wordWrap=True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def show_message(label: QLabel, text: str, name: str | None = None) -> None:
    """Show `text` in `label` (hide it when empty); `name` switches note/problem style."""
    if name is not None and label.objectName() != name:
        label.setObjectName(name)
        label.style().unpolish(label)
        label.style().polish(label)
    label.setText(text)
    label.setVisible(bool(text))


def height_for_width(dialog: QWidget) -> int:
    """The height the dialog's layout needs at its present width."""
    layout = dialog.layout()
    return layout.totalHeightForWidth(dialog.width()) if layout is not None else dialog.height()


class RowHeight(QStyledItemDelegate):
    """Rows at least `height` pixels tall, so that lists of items are easy to read."""

    def __init__(self, height: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.height = height

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), self.height))


class ProgressPanel(QWidget):
    """What a background job is doing: a sentence and a bar (busy when the amount of work
    is not known)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = QLabel(objectName="hint")
        self.bar = QProgressBar()
        self.bar.setAccessibleName("Progress")
        self.bar.setTextVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.label, 1)
        layout.addLayout(row)
        layout.addWidget(self.bar)
        self.hide()

    def busy(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)
        self.show()

    def show_progress(self, stage: str, done: int, total: int) -> None:
        text = STAGES.get(stage, stage)
        if total > 1:
            text = f"{text} {done:,} of {total:,}"
        self.label.setText(text)
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(done)
        else:
            self.bar.setRange(0, 0)
        self.show()

    def stop(self) -> None:
        self.bar.setRange(0, 1)
        self.bar.setValue(1)
        self.hide()


class DialogJob:
    """A dialog's background work, one job at a time: its progress panel shows the job and
    its message line is cleared when one starts. `started` runs once a job has started and
    `ended` once it has ended, before the job's own success or failure handler (the
    buttons follow both)."""

    def __init__(
        self,
        dialog: QWidget,
        paths: AppPaths,
        progress: ProgressPanel,
        message: QLabel,
        started: Callable[[], None],
        ended: Callable[[], None],
    ) -> None:
        self.dialog, self.paths = dialog, paths
        self.progress, self.message = progress, message
        self.started, self.ended = started, ended
        self.job: Job | None = None

    def run(
        self,
        text: str,
        work: Work,
        succeeded: Callable[[Any], None],
        failed: Callable[[Exception], None],
    ) -> None:
        show_message(self.message, "")
        self.progress.busy(text)
        self.job = (
            StoreOp(self.dialog, self.paths, work)
            .success(lambda result: self._end_with(succeeded, result))
            .failure(lambda exc: self._end_with(failed, exc))
            .run()
        )
        self.started()

    def _end_with(self, handler: Callable[[Any], None], outcome: object) -> None:
        self.job = None
        self.progress.stop()
        self.ended()
        handler(outcome)

    def wait(self) -> None:
        """Wait for the dialog's jobs (before it closes): the one in hand completes or
        rolls back, and one that has reported may still be on its way out (Qt aborts when
        a running thread is deleted with its dialog)."""
        for job in self.dialog.findChildren(Job):
            job.wait()
