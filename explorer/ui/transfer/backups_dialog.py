"""File > Backups: the backups of the teacher's data, newest first; back up now, or
restore one (after asking; what is there now is backed up first)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.importers import (
    BackupInfo,
    RestoreReport,
    create_backup,
    list_backups,
    restore_backup,
)
from explorer.store.partnerships import PartnershipStore
from explorer.ui.transfer.widgets import (
    DialogJob,
    ProgressPanel,
    RowHeight,
    error_text,
    message_label,
    plural,
    show_message,
    size_text,
    when_text,
)

Buttons = QMessageBox.StandardButton
REASONS = {
    "before-import": "Before an import",
    "before-undo": "Before undoing an import",
    "before-restore": "Before a restore",
    "daily": "Daily backup",
    "manual": "Backed up by you",
    "damaged": "Damaged: cannot be restored",
}
ID_ROLE = Qt.ItemDataRole.UserRole
ROW_HEIGHT = 26


def reason_text(reason: str) -> str:
    return REASONS.get(reason, reason.replace("-", " ").capitalize())


def holds_text(info: BackupInfo) -> str:
    if info.reason == "damaged":
        return "—"
    if not info.partnerships and not info.files:
        return "Nothing of yours yet"
    return f"{plural(info.partnerships, 'partnership')}, {plural(info.files, 'lesson file')}"


class BackupsDialog(QDialog):
    #: a backup was restored (the window's catalog must be told): its id
    restored = Signal(str)

    def __init__(self, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.paths = paths
        self.backups: list[BackupInfo] = []
        intro = QLabel(
            "Your own partnerships and lesson files are backed up before every import, "
            "undo and restore, and once a day when something changed. The newest 10 are "
            f"kept, in {paths.backups}.",
            objectName="hint",
            wordWrap=True,
        )
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = self._make_tree()
        self.progress = ProgressPanel()
        self.message = message_label()
        self.work = DialogJob(
            self, paths, self.progress, self.message, self._update_buttons, self.refresh
        )
        self.create_button = QPushButton("&Back Up Now")
        self.restore_button = QPushButton("&Restore…")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.create_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.create_button.clicked.connect(self._on_create_button_clicked)
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self.tree.itemActivated.connect(lambda *_: self._on_restore_button_clicked())
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.refresh()
        self.resize(720, 460)

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget(objectName="backups")
        tree.setAccessibleName("Backups")
        tree.setRootIsDecorated(False)
        tree.setUniformRowHeights(True)
        tree.setAlternatingRowColors(True)
        tree.setItemDelegate(RowHeight(ROW_HEIGHT, tree))
        tree.setColumnCount(4)
        tree.setHeaderLabels(["When", "Why", "What it holds", "Size"])
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = tree.header()
        header.setStretchLastSection(False)
        for column in (0, 1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        return tree

    def refresh(self) -> None:
        """List the backups again (newest first), keeping the selection where it can."""
        chosen = self.chosen()
        self.backups = list_backups(self.paths)
        self.tree.clear()
        for info in self.backups:
            item = QTreeWidgetItem(
                [
                    when_text(info.created),
                    reason_text(info.reason),
                    holds_text(info),
                    size_text(info.size),
                ]
            )
            item.setData(0, ID_ROLE, info.id)
            item.setToolTip(0, info.id)
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
            if chosen is not None and info.id == chosen.id:
                self.tree.setCurrentItem(item)
        if not self.backups:
            item = QTreeWidgetItem(["No backups yet", "", "", ""])
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.tree.addTopLevelItem(item)
        self._update_buttons()

    def chosen(self) -> BackupInfo | None:
        item = self.tree.currentItem()
        backup_id = item.data(0, ID_ROLE) if item is not None and item.isSelected() else None
        return next((b for b in self.backups if b.id == backup_id), None)

    def _update_buttons(self) -> None:
        chosen = self.chosen()
        idle = self.work.job is None
        self.create_button.setEnabled(idle)
        self.restore_button.setEnabled(idle and chosen is not None and chosen.reason != "damaged")

    # -- work --------------------------------------------------------------------------------
    @Slot()
    def _on_create_button_clicked(self) -> None:
        def work(store: PartnershipStore, _progress: Progress) -> BackupInfo:
            return create_backup(store, self.paths, "manual")

        self.work.run("Backing up…", work, self._on_create_job_succeeded, self._on_job_failed)

    def _on_create_job_succeeded(self, info: BackupInfo) -> None:
        show_message(self.message, f"Backed up {holds_text(info).lower()}.", "formNotice")

    @Slot()
    def _on_restore_button_clicked(self) -> None:
        chosen = self.chosen()
        if chosen is None or chosen.reason == "damaged" or self.work.job is not None:
            return
        answer = QMessageBox.question(
            self,
            "Restore this backup?",
            f"Make your partnerships and lesson files what they were on "
            f"{when_text(chosen.created)} ({holds_text(chosen).lower()})? Lesson files "
            "that are not in the backup are removed, and partnerships of yours that are "
            "not in it go back to the app's version or away. What you have now is backed "
            "up first, so you can restore it again.",
            Buttons.Yes | Buttons.Cancel,
            Buttons.Cancel,
        )
        if answer != Buttons.Yes:
            return
        backup_id = chosen.id

        def work(store: PartnershipStore, _progress: Progress) -> RestoreReport:
            return restore_backup(store, self.paths, backup_id)

        self.work.run("Restoring…", work, self._on_restore_job_succeeded, self._on_job_failed)

    def _on_restore_job_succeeded(self, report: RestoreReport) -> None:
        removed = (
            f", removed {plural(report.removed_files, 'lesson file')}"
            if report.removed_files
            else ""
        )
        show_message(
            self.message,
            (
                f"Restored {plural(report.partnerships, 'partnership')} and "
                f"{plural(report.files, 'lesson file')}{removed}. What you had before is in "
                "the newest backup."
            ),
            "formNotice",
        )
        self.restored.emit(report.backup)

    def _on_job_failed(self, exc: Exception) -> None:
        show_message(self.message, error_text(exc), "fieldError")

    def done(self, result: int) -> None:
        self.work.wait()  # a backup or restore always completes
        super().done(result)
