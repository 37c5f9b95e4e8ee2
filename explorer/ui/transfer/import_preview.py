"""The wizard's check step: every row of the file as new, changed, unchanged or invalid,
with the reason (row and column), counts that filter the table, the problems and notes
counted by reason, and the import options. A row that would change a partnership that
comes with the app is kept unless the teacher ticks the box for it; rows with something
worked out or doubtful (a name close to one in the catalog) are flagged."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QStyle,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.csv_format import DELIMITER_NAMES, ENCODING_NAMES
from explorer.core.csv_rows import RowOutcome
from explorer.store.csv_import import STATUSES, ImportPreview, ImportRefusedError, ImportResult
from explorer.ui.transfer.import_details import reasons_text, row_details
from explorer.ui.transfer.widgets import error_text, plural, problem_text
from explorer.ui.widgets import text_field

FLAGGED = "flagged"
STATUS_TITLES = {
    "new": "New",
    "changed": "Changed",
    "unchanged": "Unchanged",
    "invalid": "Invalid",
    FLAGGED: "Flagged",
}
COLUMNS = ("Row", "Status", "Partnership", "Details")
STATUS_ROLE = Qt.ItemDataRole.UserRole
FLAGGED_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """One line per row of the file, or per problem of an invalid row."""

    def __init__(self, preview: ImportPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: outcome, details, tooltip, flagged
        self.lines: list[tuple[RowOutcome, str, str, bool]] = []
        for outcome in preview.rows:
            if outcome.status == "invalid" and outcome.problems:
                self.lines += [
                    (outcome, p.message, problem_text(p), False) for p in outcome.problems
                ]
            else:
                details = row_details(outcome, preview.mapping)
                self.lines.append((outcome, details.text, details.tooltip, details.flagged))
        warning = QStyle.StandardPixmap.SP_MessageBoxWarning
        self._icon = parent.style().standardIcon(warning) if parent else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        outcome, details, tip, flagged = self.lines[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            name = outcome.record.name if outcome.record else outcome.slug
            return (outcome.row, STATUS_TITLES[outcome.status], name, details)[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        if role == STATUS_ROLE:
            return outcome.status
        if role == FLAGGED_ROLE:
            return flagged
        if role == Qt.ItemDataRole.DecorationRole and column == 1:
            return self._icon if outcome.status == "invalid" or flagged else None
        return None


class PreviewFilter(QSortFilterProxyModel):
    """Lines of one status (or all), containing some text in any column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status = ""
        self.setFilterKeyColumn(-1)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:
        model = self.sourceModel()
        index = model.index(row, 0, parent)
        if self.status == FLAGGED:
            if not index.data(FLAGGED_ROLE):
                return False
        elif self.status and index.data(STATUS_ROLE) != self.status:
            return False
        return super().filterAcceptsRow(row, parent)


class PreviewPanel(QWidget):
    """Counts (each a filter button), a text filter, the table and the import options."""

    #: the options changed: whether the import can go ahead may have changed too
    options_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview: ImportPreview | None = None
        self.filter = PreviewFilter(self)
        counts = self._counts_row()
        self.reasons = QLabel(objectName="hint", wordWrap=True)
        self.reasons.setAccessibleName("Problems and notes by reason")
        self.table = self._make_table()
        self.partners = QLabel(objectName="hint", wordWrap=True)
        self.update_existing = QRadioButton("Update them with the values in the file")
        self.skip_existing = QRadioButton("Keep them as they are (skip those rows)")
        self.update_existing.setChecked(True)
        self.update_bundled = QCheckBox()
        self.update_bundled.toggled.connect(lambda _on: self.options_changed.emit())
        self.skip_invalid = QCheckBox()
        self.skip_invalid.toggled.connect(lambda _on: self.options_changed.emit())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(counts)
        layout.addWidget(self.reasons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.partners)
        layout.addLayout(self._options_layout())

    def _counts_row(self) -> QHBoxLayout:
        """A filter button for each status (with its count, once checked) and a text filter."""
        self.filters = QButtonGroup(self)
        self.filter_buttons: dict[str, QToolButton] = {}
        counts = QHBoxLayout()
        counts.setSpacing(6)
        for status in ("", *STATUSES, FLAGGED):
            button = QToolButton(checkable=True)
            button.setProperty("facet", "true")
            button.setToolTip(
                f"Show the {STATUS_TITLES[status].lower()} rows" if status else "Show every row"
            )
            self.filters.addButton(button)
            self.filter_buttons[status] = button
            counts.addWidget(button)
            button.toggled.connect(lambda on, b=button: _mark_active(b, on))
            button.clicked.connect(lambda _c=False, s=status: self.filter.set_status(s))
        counts.addStretch(1)
        self.search = text_field("previewFilter", "Filter rows…", "Filter rows")
        self.search.setMaximumWidth(260)
        self.search.textChanged.connect(self.filter.setFilterFixedString)
        counts.addWidget(self.search)
        return counts

    def _make_table(self) -> QTableView:
        table = QTableView(objectName="importPreview")
        table.setAccessibleName("Rows of the file")
        table.setModel(self.filter)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setAlternatingRowColors(True)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(24)
        header = table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        return table

    def _options_layout(self) -> QVBoxLayout:
        self.existing_label = QLabel("Partnerships already in the catalog with other values:")
        existing = QHBoxLayout()
        existing.addSpacing(16)
        existing.addWidget(self.update_existing)
        existing.addSpacing(12)
        existing.addWidget(self.skip_existing)
        existing.addStretch(1)
        options = QVBoxLayout()
        options.setSpacing(4)
        options.addWidget(self.existing_label)
        options.addLayout(existing)
        options.addWidget(self.update_bundled)
        options.addWidget(self.skip_invalid)
        return options

    def show_preview(self, preview: ImportPreview) -> None:
        self.preview = preview
        model = PreviewModel(preview, self)
        old = self.filter.sourceModel()
        self.filter.setSourceModel(model)
        if old is not None:
            old.deleteLater()
        counts = preview.counts()
        self.filter_buttons[""].setText(f"All {len(preview.rows):,}")
        flagged = sum(1 for line in model.lines if line[3])
        for status, count in [*counts.items(), (FLAGGED, flagged)]:
            self.filter_buttons[status].setText(f"{STATUS_TITLES[status]} {count:,}")
            self.filter_buttons[status].setEnabled(bool(count))
        self.filter_buttons[FLAGGED].setToolTip(
            "Show the rows with something to look at: a name close to one already in the "
            "catalog, a guessed date, a formula, a partnership that comes with the app"
        )
        self.reasons.setText(reasons_text(preview))
        self.reasons.setVisible(bool(self.reasons.text()))
        first = "invalid" if counts["invalid"] else ""
        self.filter_buttons[first].setChecked(True)
        self.filter.set_status(first)
        self._size_columns()
        self._show_options(preview, counts)
        self.table.setFocus()

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        self.table.setColumnWidth(0, metrics.horizontalAdvance("Row 00000") + 8)
        self.table.setColumnWidth(1, metrics.horizontalAdvance("Unchanged") + 40)
        self.table.setColumnWidth(2, metrics.horizontalAdvance("M" * 18))

    def _show_options(self, preview: ImportPreview, counts: dict[str, int]) -> None:
        names = [p.name for p in preview.new_partners]
        shown = ", ".join(names[:12]) + (f" and {len(names) - 12} more" if len(names) > 12 else "")
        self.partners.setText(f"New partners to add: {shown}." if names else "")
        self.partners.setVisible(bool(names))
        bundled = len(preview.bundled_changes())
        for widget in (self.existing_label, self.update_existing, self.skip_existing):
            widget.setEnabled(bool(counts["changed"] - bundled))
        self.update_bundled.setText(
            f"Also change the {plural(bundled, 'partnership that comes', 'partnerships that come')}"
            " with the app (each change is listed under Changed; without this they are kept "
            "as they are)"
        )
        self.update_bundled.setChecked(False)
        self.update_bundled.setVisible(bool(bundled))
        invalid = counts["invalid"]
        self.skip_invalid.setText(
            f"Import the other rows and leave out the {plural(invalid, 'invalid row')}"
        )
        self.skip_invalid.setVisible(bool(invalid))
        self.skip_invalid.setChecked(False)

    # -- what the teacher chose ----------------------------------------------------------------
    def on_existing(self) -> str:
        return "skip" if self.skip_existing.isChecked() else "update"

    def rows_to_write(self) -> int:
        if self.preview is None:
            return 0
        return len(self.preview.rows_to_write(self.on_existing(), self.update_bundled.isChecked()))

    def blocker(self) -> str:
        """Why the import cannot go ahead ('' when it can)."""
        if self.preview is None:
            return "The file has not been checked yet."
        counts = self.preview.counts()
        if counts["invalid"] and not self.skip_invalid.isChecked():
            return (
                f"{plural(counts['invalid'], 'row is', 'rows are')} invalid, so nothing "
                "can be imported yet. Fix the file in your spreadsheet, save it and "
                "choose Check Again, or leave the invalid rows out."
            )
        if not self.rows_to_write():
            return "Nothing to import: every valid row is already in the catalog, or kept."
        return ""

    def visible_details(self) -> list[str]:
        """The Details column as shown (tests, and a check of what the user sees)."""
        return [self.filter.index(r, 3).data() for r in range(self.filter.rowCount())]


def _mark_active(button: QToolButton, on: bool) -> None:
    button.setProperty("active", "true" if on else "false")
    button.style().unpolish(button)
    button.style().polish(button)


def reading_text(preview: ImportPreview) -> str:
    """'What the import will do with each row of sheet.csv (UTF-8, comma-separated).'"""
    how = ""
    if preview.encoding:
        how = (
            f" ({ENCODING_NAMES.get(preview.encoding, preview.encoding)}, "
            f"{DELIMITER_NAMES.get(preview.delimiter, preview.delimiter)}-separated)"
        )
    return f"What the import will do with each row of {preview.source.name}{how}."


def file_problems_text(preview: ImportPreview) -> str:
    """The problems of the file as a whole ('' when there are none)."""
    if not preview.problems:
        return ""
    return error_text(ImportRefusedError("the file cannot be imported", preview.problems))


def result_text(result: ImportResult, preview: ImportPreview) -> str:
    """What the import did, one sentence a line, for the wizard's last page."""
    if result.added and result.updated:
        done = f"Added {plural(result.added, 'partnership')} and updated {result.updated:,}."
    elif result.updated:
        done = f"Updated {plural(result.updated, 'partnership')}."
    else:
        done = f"Added {plural(result.added, 'partnership')}."
    lines = [done]
    if result.kept_bundled:
        kept = plural(result.kept_bundled, "partnership that comes", "partnerships that come")
        were = "it was" if result.kept_bundled == 1 else "they were"
        lines.append(f"Kept {kept} with the app as {were} (not changed by this file).")
    if result.skipped - result.kept_bundled:
        lines.append(
            f"Kept {plural(result.skipped - result.kept_bundled, 'partnership')} of yours as "
            "they were (their rows were skipped)."
        )
    if result.unchanged:
        lines.append(
            f"{plural(result.unchanged, 'row was', 'rows were')} already in the catalog, unchanged."
        )
    if result.invalid:
        lines.append(f"Left out {plural(result.invalid, 'invalid row')}.")
    if result.partners_created:
        names = [p.name for p in preview.new_partners][:12]
        more = " …" if result.partners_created > 12 else ""
        lines.append(f"New partner{'s' * (result.partners_created > 1)}: {', '.join(names)}{more}.")
    lines.append(
        "Your data was backed up first. To take this import back, choose File › Undo Last Import."
    )
    return "\n".join(lines)
