"""The wizard's column step: the file's columns matched to our fields.

A file's header is read in the background (import_requests.read_sample), the automatic
matches (or the ones the teacher chose last time for a file with the same header row,
which the session keeps in QSettings) fill the table, and the teacher can change any of
them, or the encoding and delimiter. Type, status and domain can also be given one value
for every row, or left to be worked out (the status from the years, the type from the
partners; an empty domain is "Not set").
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.csv_columns import FIELDS, REQUIRED, build_mapping
from explorer.core.csv_format import DELIMITER_NAMES, ENCODING_NAMES
from explorer.core.pages import label
from explorer.ui.transfer.import_requests import FIXABLE, FileSample

FIELD_TITLES = {
    "slug": "Slug (id)",
    "name": "Name",
    "type": "Type",
    "start_year": "Start year",
    "end_year": "End year",
    "status": "Status",
    "domain": "Domain",
    "partners": "Partners",
    "countries": "Countries",
    "benefits": "Benefits",
    "challenges": "Challenges",
    "milestones": "Milestones",
    "description": "Description",
    "caveats": "Caveats",
    "citations": "Sources",
    "checked": "Date checked",
}
FIELD_HINTS = {
    "slug": "Lowercase letters, digits and hyphens; made from the name when left out",
    "name": "The name shown in the app",
    "type": "bilateral, multilateral or public-private; worked out from the partners if left out",
    "start_year": "A year, 1900-2100, or a date (the year is taken)",
    "end_year": "A year; empty while active or planned",
    "status": "active, completed, cancelled, suspended or planned; worked out from the years "
    "if left out",
    "domain": "lunar, planetary, human-spaceflight, astronomy, …; 'Not set' if left out",
    "partners": "NASA; ESA; SpaceX [Crew Dragon]",
    "countries": "Names or codes: United States; FR; intl",
    "benefits": "Benefit tags: cost-sharing; science-return",
    "challenges": "Challenge tags: funding; schedule",
    "milestones": "2024: Agreement signed; 2027: First landing",
    "description": "Text for students",
    "caveats": "Where sources disagree",
    "citations": "Publisher | Title | https://…",
    "checked": "The date the facts were checked, e.g. 2026-11-26",
}
LEAVE_OUT = "(not imported)"
CHOOSE = "Choose a column…"
#: what a field left without a column becomes, and the values it can be given for every row
WORKED_OUT = {
    "type": "(work out from the partners)",
    "status": "(work out from the years)",
    "domain": "(leave empty: Not set)",
}
EVERY_ROW = "Every row: {}"


class MappingTable(QWidget):
    """Encoding and delimiter choices, and one row per field with the file's column."""

    #: the teacher chose another encoding or delimiter: (codec, delimiter) to read with
    reading_changed = Signal(str, str)
    #: a field's column was changed (the table's choices are in `choices()`)
    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sample: FileSample | None = None
        self.encoding = QComboBox()
        self.encoding.setAccessibleName("Encoding")
        self.delimiter = QComboBox()
        self.delimiter.setAccessibleName("Delimiter")
        for combo in (self.encoding, self.delimiter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.summary = QLabel(objectName="hint")
        self.table = QTableWidget(len(FIELDS), 3, objectName="columnMapping")
        self.table.setAccessibleName("Columns")
        self.table.setHorizontalHeaderLabels(["Field", "Column in your file", "Example"])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(1, 220)
        self.combos: dict[str, QComboBox] = {}
        for row, name in enumerate(FIELDS):
            self._add_field_row(row, name)
        self.legend = QLabel("* required", objectName="hint")
        self.ignored = QLabel(objectName="hint", wordWrap=True)
        self._build_layout()
        self.encoding.activated.connect(self._on_reading_activated)
        self.delimiter.activated.connect(self._on_reading_activated)

    def _add_field_row(self, row: int, name: str) -> None:
        title = FIELD_TITLES[name] + (" *" if name in REQUIRED else "")
        item = QTableWidgetItem(title)
        item.setToolTip(FIELD_HINTS[name])
        if name in REQUIRED:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        self.table.setItem(row, 0, item)
        combo = QComboBox()
        combo.setAccessibleName(f"Column for {FIELD_TITLES[name]}")
        combo.setToolTip(FIELD_HINTS[name])
        combo.activated.connect(lambda _index, f=name: self._on_combo_activated(f))
        self.combos[name] = combo
        self.table.setCellWidget(row, 1, combo)
        self.table.setItem(row, 2, QTableWidgetItem(""))

    def _build_layout(self) -> None:
        reading = QHBoxLayout()
        reading.addWidget(QLabel("&Encoding:", buddy=self.encoding))
        reading.addWidget(self.encoding)
        reading.addSpacing(16)
        reading.addWidget(QLabel("&Delimiter:", buddy=self.delimiter))
        reading.addWidget(self.delimiter)
        reading.addSpacing(16)
        reading.addWidget(self.summary, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.ignored, 1)
        footer.addWidget(self.legend, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(reading)
        layout.addWidget(self.table, 1)
        layout.addLayout(footer)

    # -- filling ---------------------------------------------------------------------------
    def show_sample(
        self, sample: FileSample, detected: tuple[str, str], choices: Mapping[str, str]
    ) -> None:
        """Show a file read with `sample.encoding` and `sample.delimiter` (`detected` is
        what detection found) and the field -> column `choices` ('' = left out)."""
        self.sample = sample
        _fill_reading(self.encoding, ENCODING_NAMES, sample.encoding, detected[0])
        _fill_reading(self.delimiter, DELIMITER_NAMES, sample.delimiter, detected[1])
        self.summary.setText(
            f"{sample.rows:,} row{'s' * (sample.rows != 1)} below the "
            f"header, {len(sample.header)} columns"
        )
        columns = list(dict.fromkeys(h for h in sample.header if h))
        for name, combo in self.combos.items():
            combo.clear()
            combo.addItem(CHOOSE if name in REQUIRED else WORKED_OUT.get(name, LEAVE_OUT), "")
            for column in columns:
                combo.addItem(column, column)
            for value in FIXABLE.get(name, ()):
                combo.addItem(EVERY_ROW.format(label(value)), f"={value}")
            wanted = choices.get(name, "")
            combo.setCurrentIndex(max(0, combo.findData(wanted)))
        self._refresh()

    def show_reading(self, encoding: str, delimiter: str) -> None:
        """Offer the encodings and delimiters after a failed read ('' = detected)."""
        _fill_reading(self.encoding, ENCODING_NAMES, encoding or "utf-8", "")
        _fill_reading(self.delimiter, DELIMITER_NAMES, delimiter or ",", "")
        self.summary.setText("Try another encoding or delimiter if the file was saved differently.")

    def choices(self) -> dict[str, str]:
        """field -> chosen column, '' for the fields left out (or given one value)."""
        return {name: _column(combo.currentData()) for name, combo in self.combos.items()}

    def fixed(self) -> dict[str, str]:
        """field -> the value chosen for every row."""
        found = {name: str(combo.currentData() or "") for name, combo in self.combos.items()}
        return {name: data[1:] for name, data in found.items() if data.startswith("=")}

    def missing_required(self) -> list[str]:
        chosen, fixed = self.choices(), self.fixed()
        return [FIELD_TITLES[f] for f in REQUIRED if not chosen[f] and f not in fixed]

    def reading(self) -> tuple[str, str]:
        return str(self.encoding.currentData()), str(self.delimiter.currentData())

    # -- changes ---------------------------------------------------------------------------
    def _on_combo_activated(self, name: str) -> None:
        column = _column(self.combos[name].currentData())
        if column:  # a column fills one field: take it from any other
            for other, combo in self.combos.items():
                if other != name and combo.currentData() == column:
                    combo.setCurrentIndex(0)
        self._refresh()
        self.mapping_changed.emit()

    @Slot(int)
    def _on_reading_activated(self, _index: int) -> None:
        self.reading_changed.emit(*self.reading())

    def _refresh(self) -> None:
        examples = self.sample.examples if self.sample else {}
        chosen = self.choices()
        fixed = self.fixed()
        for row, name in enumerate(FIELDS):
            example = examples.get(chosen[name], "") if chosen[name] else ""
            if name in fixed:
                example = f"{label(fixed[name])} on every row"
            cell = self.table.item(row, 2)
            cell.setText(example)
            cell.setToolTip(example)
        used = set(chosen.values())
        ignored = [h for h in (self.sample.header if self.sample else ()) if h and h not in used]
        self.ignored.setText(
            f"Not imported: {', '.join(ignored)}" if ignored else "Every column is imported."
        )


def _fill_reading(combo: QComboBox, names: Mapping[str, str], current: str, detected: str) -> None:
    combo.clear()
    for value, name in names.items():
        combo.addItem(f"{name} (detected)" if value == detected else name, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))


def initial_choices(
    sample: FileSample, remembered: Mapping[str, str], fixed: Mapping[str, str] | None = None
) -> dict[str, str]:
    """The automatic matches, changed by the remembered choices: field -> column, '' or
    '=value' for one value on every row (the combo boxes' data)."""
    mapping, _ = build_mapping(sample.header, remembered, str(sample.path))
    chosen = {name: mapping.column_for(name) or "" for name in FIELDS}
    return {**chosen, **{name: f"={value}" for name, value in (fixed or {}).items()}}


def _column(data: object) -> str:
    """A combo box's data as a column ('' for a value on every row, or none)."""
    text = str(data or "")
    return "" if text.startswith("=") else text
