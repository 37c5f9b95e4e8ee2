"""File > Import Content Pack: what the pack holds (new, changed, conflicting, unchanged,
invalid), a choice for each item, then the import in one go (undoable).

The pack is checked and imported in background jobs; a pack that is unsafe or broken
gets its one-line reason (naming the file and entry) in the dialog.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.models import Problem
from explorer.core.pack_format import MANIFEST
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.store.importers import PackItem, PackPlan, PackResult, import_pack, read_pack
from explorer.store.pack_plan import IMPORTABLE
from explorer.store.partnerships import PartnershipStore
from explorer.ui.transfer.widgets import (
    DialogJob,
    ProgressPanel,
    RowHeight,
    error_text,
    height_for_width,
    message_label,
    plural,
    show_message,
)

ID_ROLE = Qt.ItemDataRole.UserRole
ROW_HEIGHT = 26
KINDS = {
    "partnership": "Partnership",
    "lesson": "Lesson",
    "image": "Image",
    "trail": "Trail",
    "bookmark": "Bookmark",
}
STATUS_TITLES = {
    "new": "New",
    "changed": "Changed",
    "conflict": "Conflict",
    "unchanged": "Unchanged",
    "invalid": "Invalid",
    "removed": "Removed",
}
#: status -> (what happens when chosen, when not)
OUTCOMES = {
    "removed": ("Taken away (to the trash)", "Kept as it is"),
    "new": ("Added", "Left out"),
    "changed": ("Replaces what is here (undoable)", "Left out"),
    "conflict": ("Replaces your version", "Keeps your version"),
}


def outcome_text(item: PackItem, chosen: bool) -> str:
    if item.status in OUTCOMES:
        return OUTCOMES[item.status][0 if chosen else 1]
    return "Nothing to do" if item.status == "unchanged" else "Left out"


def pack_heading(plan: PackPlan) -> str:
    """'Space week, version 2, by Ms Okafor: replaces version 1, installed before'."""
    text = plan.title or plan.source.name
    if plan.version:
        text += f", version {plan.version}"
    if plan.author:
        text += f", by {plan.author}"
    if plan.previous is not None:
        before = f"version {plan.previous.version}" if plan.previous.version else "the copy"
        text += f": replaces {before} installed before"
    return text


def pack_problem_text(problem: Problem) -> str:
    """'manifest.json: partnership 3: ...' or 'our-lesson.md, line 7: ...'."""
    member = problem.file.partition(".zip:")[2] or Path(problem.file).name
    if member.startswith(MANIFEST):
        return f"{member}: {problem.message}"
    return f"{member}, line {problem.line}: {problem.message}"


class PackImportDialog(QDialog):
    #: the pack's chosen items were imported (the window must reload): the result
    imported = Signal(PackResult)

    def __init__(self, paths: AppPaths, source: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import Content Pack")
        self.paths, self.source = paths, source
        self.plan: PackPlan | None = None
        self.heading = QLabel(source.name, objectName="emptyTitle", wordWrap=True)
        self.counts = QLabel(objectName="hint", wordWrap=True)
        self.tree = self._make_tree()
        self.progress = ProgressPanel()
        self.message = message_label()
        update = self._update_import_button
        self.work = DialogJob(self, paths, self.progress, self.message, update, update)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = QPushButton("&Import")
        self.import_button.setDefault(True)
        self.import_button.setEnabled(False)
        self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.rejected.connect(self.reject)
        self.import_button.clicked.connect(self._on_import_button_clicked)
        self.tree.itemChanged.connect(self._on_tree_item_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.counts)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(820, 520)

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget(objectName="packItems")
        tree.setAccessibleName("Items in the pack")
        tree.setItemDelegate(RowHeight(ROW_HEIGHT, tree))
        tree.setColumnCount(4)
        tree.setHeaderLabels(["Item", "Kind", "Status", "On import"])
        tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        tree.setAlternatingRowColors(True)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return tree

    # -- reading ---------------------------------------------------------------------------
    def load(self) -> None:
        """Check the pack in the background, then show its plan."""
        source, paths = self.source, self.paths

        def work(store: PartnershipStore, _progress: Progress) -> PackPlan:
            return read_pack(source, store, paths)

        self.work.run("Checking the pack…", work, self.show_plan, self._on_job_failed)

    def show_plan(self, plan: PackPlan) -> None:
        self.plan = plan
        self.heading.setText(pack_heading(plan))
        counts = ", ".join(f"{n} {STATUS_TITLES[s].lower()}" for s, n in plan.counts().items() if n)
        self.counts.setText(
            f"{plan.source.name}: {plural(len(plan.items), 'item')} "
            f"({counts or 'empty'}). Untick what you do not want; a "
            "conflict keeps your version unless you tick it."
        )
        self.tree.blockSignals(True)
        self.tree.clear()
        for item in plan.items:
            row = self._row(item)
            self.tree.addTopLevelItem(row)
            for index in range(row.childCount()):  # a problem spans the columns
                if (problem := row.child(index)) is not None:
                    problem.setFirstColumnSpanned(True)
            row.setExpanded(bool(item.problems))  # the problems show at once
        self.tree.blockSignals(False)
        self._update_import_button()

    def _row(self, item: PackItem) -> QTreeWidgetItem:
        row = QTreeWidgetItem(
            [
                item.title or item.key,
                KINDS.get(item.kind, item.kind),
                f"{STATUS_TITLES[item.status]}: {item.reason}",
                outcome_text(item, item.default),
            ]
        )
        row.setData(0, ID_ROLE, item.id)
        row.setToolTip(0, item.id)
        if item.diff:  # what this version changes in a lesson, line by line
            row.setToolTip(2, item.diff)
        if item.status in IMPORTABLE:
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            state = Qt.CheckState.Checked if item.default else Qt.CheckState.Unchecked
            row.setCheckState(0, state)
        else:
            row.setForeground(0, self.palette().placeholderText())
        for problem in item.problems:
            child = QTreeWidgetItem([pack_problem_text(problem)])
            child.setToolTip(0, str(problem))
            row.addChild(child)
        return row

    def choices(self) -> dict[str, bool]:
        """item id -> import it, for every item that can be imported."""
        found = {}
        for index in range(self.tree.topLevelItemCount()):
            row = self.tree.topLevelItem(index)
            if row is not None and row.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                found[row.data(0, ID_ROLE)] = row.checkState(0) == Qt.CheckState.Checked
        return found

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_changed(self, row: QTreeWidgetItem, column: int) -> None:
        if column != 0 or self.plan is None:
            return
        item = next((i for i in self.plan.items if i.id == row.data(0, ID_ROLE)), None)
        if item is not None:
            row.setText(3, outcome_text(item, row.checkState(0) == Qt.CheckState.Checked))
        self._update_import_button()

    def _update_import_button(self) -> None:
        chosen = sum(self.choices().values())
        self.import_button.setEnabled(self.work.job is None and bool(chosen))
        self.import_button.setText(f"&Import {plural(chosen, 'Item')}" if chosen else "&Import")

    # -- importing ---------------------------------------------------------------------------
    @Slot()
    def _on_import_button_clicked(self) -> None:
        plan, paths, choices = self.plan, self.paths, self.choices()
        if plan is None:
            return

        def work(store: PartnershipStore, _progress: Progress) -> PackResult:
            return import_pack(plan, store, paths, choices)

        self.tree.setEnabled(False)
        self.work.run("Importing…", work, self._on_import_job_succeeded, self._on_job_failed)

    def _on_import_job_succeeded(self, result: PackResult) -> None:
        skipped = f"; {result.skipped} left out" if result.skipped else ""
        if result.bookmarks:
            skipped = f", {plural(result.bookmarks, 'bookmark')}{skipped}"
        show_message(
            self.message,
            (
                f"Imported {_imported(result)}{skipped}. "
                "To take this import back, choose File › Undo Last Import."
            ),
            "formNotice",
        )
        self.import_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
        self.imported.emit(result)

    # -- jobs ------------------------------------------------------------------------------
    def _on_job_failed(self, exc: Exception) -> None:
        show_message(self.message, error_text(exc), "fieldError")
        self.tree.setEnabled(True)
        if self.plan is None:  # the pack could not be read: nothing to choose from
            self.heading.setText(f"{self.source.name} cannot be imported")
            self.tree.hide()
            self.counts.hide()
            self.import_button.hide()
            self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Close")
            self.resize(self.width(), height_for_width(self))

    def done(self, result: int) -> None:
        self.work.wait()  # an import always completes or rolls back whole
        super().done(result)


def _imported(result: PackResult) -> str:
    """'1 partnership, 1 lesson and 0 images' (and the trails, when there are some)."""
    parts = [
        plural(result.partnerships, "partnership"),
        plural(result.lessons, "lesson"),
        plural(result.images, "image"),
    ]
    if result.trails:
        parts.append(plural(result.trails, "trail"))
    return ", ".join(parts[:-1]) + " and " + parts[-1]
