"""Tools > Check My Content: the content checker's findings, one a row, for the teacher.

Problems (what students would meet: a broken link, a missing picture) come first; notes
(worth a look: no sources, a picture without a description) follow, and can be hidden.
Double-click or Enter on a finding opens the place to fix it: the lesson in the editor at
the line, or the partnership form.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.checker import Finding

FINDING_ROLE = Qt.ItemDataRole.UserRole
KIND_TITLES = {
    "front-matter": "Lesson details",
    "duplicate-slug": "Two lessons, one name",
    "broken-link": "Broken link",
    "missing-image": "Missing picture",
    "template-code": "Website template code",
    "image-alt": "Picture without a description",
    "source-url": "Source address",
    "no-sources": "No sources",
    "date": "Date",
    "partnership-no-source": "Partnership without a source",
    "near-duplicate": "Possible duplicate",
    "skipped-file": "Not a lesson",
}


class CheckContentDialog(QDialog):
    #: the teacher asked to fix a finding (open its lesson or partnership)
    finding_opened = Signal(object)

    def __init__(
        self,
        check: Callable[[], Sequence[Finding]],
        lessons_folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Check My Content")
        self.setObjectName("checkContent")
        self.resize(1000, 540)
        self._check = check
        self._folder = lessons_folder
        self._findings: list[Finding] = []
        self.summary = QLabel(objectName="checkSummary")
        self.summary.setWordWrap(True)
        self.tree = _findings_tree()
        self.show_notes = QCheckBox("Show &notes", checked=True)
        self.open_button = QPushButton("&Open to Fix")
        self.again_button = QPushButton("Check &Again")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        row = QHBoxLayout()
        row.addWidget(self.show_notes)
        row.addStretch(1)
        row.addWidget(self.again_button)
        row.addWidget(self.open_button)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(row)
        buttons.rejected.connect(self.reject)
        self.tree.itemActivated.connect(self._on_tree_item_activated)
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.again_button.clicked.connect(self.refresh)
        self.show_notes.toggled.connect(self._on_show_notes_toggled)
        self.refresh()

    def refresh(self) -> None:
        """Run the checker again and list what it finds."""
        self._findings = list(self._check())
        self._fill()

    def findings(self) -> list[Finding]:
        """The findings listed now (notes left out when hidden)."""
        rows = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        return [row.data(0, FINDING_ROLE) for row in rows if row is not None]

    def _fill(self) -> None:
        self.tree.clear()
        errors = [f for f in self._findings if f.severity == "error"]
        notes = [f for f in self._findings if f.severity != "error"]
        shown = errors + (notes if self.show_notes.isChecked() else [])
        for finding in shown:
            self.tree.addTopLevelItem(self._item(finding))
        self.summary.setText(_summary(len(errors), len(notes)))
        first = self.tree.topLevelItem(0)
        if first is not None:
            self.tree.setCurrentItem(first)
        self._on_tree_current_item_changed(self.tree.currentItem(), None)

    def _item(self, finding: Finding) -> QTreeWidgetItem:
        what = KIND_TITLES.get(finding.kind, finding.kind)
        if finding.severity != "error":
            what = f"Note: {what}"
        item = QTreeWidgetItem([what, self._where(finding), finding.message])
        item.setData(0, FINDING_ROLE, finding)
        item.setToolTip(2, finding.message)
        item.setToolTip(1, finding.file or finding.place)
        return item

    def _where(self, finding: Finding) -> str:
        """'python-novice/episodes/01-intro.md, line 12' or 'Partnership: slug'."""
        if not finding.file:
            return f"Partnership: {finding.partnership}"
        path = Path(finding.file)
        try:
            shown = path.resolve().relative_to(self._folder.resolve()).as_posix()
        except ValueError:
            shown = path.name
        return f"{shown}, line {finding.line}" if finding.line > 1 else shown

    @Slot(bool)
    def _on_show_notes_toggled(self, _on: bool) -> None:
        self._fill()

    @Slot(QTreeWidgetItem, QTreeWidgetItem)
    def _on_tree_current_item_changed(
        self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None
    ) -> None:
        finding = item.data(0, FINDING_ROLE) if item is not None else None
        self.open_button.setEnabled(bool(finding and (finding.lesson or finding.partnership)))

    @Slot(QTreeWidgetItem, int)
    def _on_tree_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        finding = item.data(0, FINDING_ROLE)
        if finding is not None and (finding.lesson or finding.partnership):
            self.finding_opened.emit(finding)

    @Slot()
    def _on_open_button_clicked(self) -> None:
        item = self.tree.currentItem()
        if item is not None:
            self._on_tree_item_activated(item, 0)


def _findings_tree() -> QTreeWidget:
    tree = QTreeWidget(objectName="findings")
    tree.setHeaderLabels(["What", "Where", "Details"])
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setAccessibleName("Findings")
    tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # keep the file name and line
    tree.setColumnWidth(0, 230)
    tree.setColumnWidth(1, 340)
    return tree


def _summary(errors: int, notes: int) -> str:
    if not errors and not notes:
        return "Nothing to fix: every link, picture and source checks out."
    said = (
        f"{errors} problem{'s' * (errors != 1)} students would meet"
        if errors
        else "No problems students would meet"
    )
    return (
        f"{said}; {notes} note{'s' * (notes != 1)} worth a look. "
        "Double-click one to open the place to fix it."
    )
