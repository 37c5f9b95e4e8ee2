"""Pieces of the partnership form: the message under a field, an editable table of rows
(milestones, citations), the partners with their roles, tag checkboxes, a new partner."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.core.csv_columns import slugify
from explorer.core.models import PARTNER_KINDS, Partner, topic_title
from explorer.core.pages import label
from explorer.ui.pickers import plain_buttons

#: what a screen reader calls each field
FIELD_NAMES = {
    "name": "Name",
    "slug": "Slug",
    "type": "Type",
    "status": "Status",
    "domain": "Domain",
    "start_year": "Start year",
    "end_year": "End year",
    "partners": "Partners",
    "countries": "Countries",
    "milestones": "Milestones",
    "benefits": "Benefits",
    "challenges": "Challenges",
    "description": "Description",
    "caveats": "Caveats",
    "citations": "Sources",
    "checked": "Date the facts were checked",
}
SLUG_ROLE = Qt.ItemDataRole.UserRole
#: columns of tag checkboxes
COLUMNS = 3


def choice_combo(values: Sequence[str]) -> QComboBox:
    """A drop-down of content values (types, statuses, domains) shown as words."""
    combo = QComboBox()
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for value in values:
        combo.addItem(label(value), value)
    return combo


class FieldError(QLabel):
    """The message under a field; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fieldError")
        self.setWordWrap(True)
        self.hide()

    def show_errors(self, messages: Sequence[str]) -> None:
        self.setText(" ".join(messages))
        self.setVisible(bool(messages))


class RowsTable(QWidget):
    """A small editable table with Add and Remove buttons (milestones, citations)."""

    #: a cell was edited or a row added or removed
    rows_changed = Signal()

    def __init__(
        self, headers: Sequence[str], noun: str, stretch: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, len(headers))
        self.table.setHorizontalHeaderLabels(list(headers))
        self.table.setAccessibleName(f"{noun.capitalize()}s")
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        triggers = QAbstractItemView.EditTrigger
        self.table.setEditTriggers(
            triggers.DoubleClicked
            | triggers.EditKeyPressed
            | triggers.AnyKeyPressed
            | triggers.SelectedClicked
        )
        header = self.table.horizontalHeader()
        for column in range(len(headers)):
            mode = (
                QHeaderView.ResizeMode.Stretch
                if column == stretch
                else QHeaderView.ResizeMode.ResizeToContents
            )
            header.setSectionResizeMode(column, mode)
        self.add_button = QPushButton(f"Add {noun.capitalize()}", autoDefault=False)
        self.remove_button = QPushButton("Remove", autoDefault=False)
        self.remove_button.setEnabled(False)
        #: the row of buttons under the table (Add, Remove)
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.add_button)
        self.buttons.addWidget(self.remove_button)
        self.buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        layout.addLayout(self.buttons)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)

    def rows(self) -> list[list[str]]:
        """Every row's cells (stripped); rows left wholly empty are skipped."""
        out = []
        for row in range(self.table.rowCount()):
            cells = [self._text(row, c) for c in range(self.table.columnCount())]
            if any(cells):
                out.append(cells)
        return out

    def _text(self, row: int, column: int) -> str:
        """A cell's text, stripped ('' for a cell never filled)."""
        item = self.table.item(row, column)
        return item.text().strip() if item is not None else ""

    def set_rows(self, rows: Sequence[Sequence[str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for cells in rows:
            self._append(cells)
        self.table.blockSignals(False)

    def _append(self, cells: Sequence[str]) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for column in range(self.table.columnCount()):
            text = cells[column] if column < len(cells) else ""
            self.table.setItem(row, column, QTableWidgetItem(text))
        return row

    @Slot()
    def _on_add_button_clicked(self) -> None:
        row = self._append([])
        self.table.setCurrentCell(row, 0)
        self.table.setFocus()
        item = self.table.item(row, 0)
        if item is not None:  # _append filled every cell
            self.table.editItem(item)
        self.rows_changed.emit()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)
        self.rows_changed.emit()

    @Slot(QTableWidgetItem)
    def _on_table_item_changed(self, _item: QTableWidgetItem) -> None:
        self.rows_changed.emit()

    @Slot()
    def _on_table_selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.table.selectedIndexes()))


class PartnersEditor(RowsTable):
    """The partners of a partnership, in order, each with an optional role. Partners are
    chosen from the known ones (type to find) or made with New Partner."""

    #: the teacher asked to create a partner that is not in the list yet
    new_partner_requested = Signal()

    def __init__(self, partners: Mapping[str, Partner], parent: QWidget | None = None) -> None:
        super().__init__(["Partner", "Role (optional)"], "partner", 1, parent)
        self.partners = dict(partners)
        self.chooser = QComboBox(editable=True)
        self.chooser.setAccessibleName("Partner to add")
        self.chooser.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.chooser.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.chooser.setMinimumContentsLength(16)
        field = self.chooser.lineEdit()
        assert field is not None  # an editable combo box has one
        field.setPlaceholderText("Type a partner's name…")
        field.installEventFilter(self)
        self.new_button = QPushButton("New Partner…", autoDefault=False)
        self._fill_chooser()
        self.buttons.insertWidget(0, self.chooser, 1)
        self.buttons.insertWidget(3, self.new_button)
        self.new_button.clicked.connect(self.new_partner_requested)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the partner field adds the partner (and does not press Save)."""
        if (
            watched is self.chooser.lineEdit()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            self._on_add_button_clicked()
            return True
        return super().eventFilter(watched, event)

    def _fill_chooser(self) -> None:
        self.chooser.clear()
        for slug, partner in sorted(self.partners.items(), key=lambda kv: kv[1].name.lower()):
            label = (
                partner.name
                if partner.full_name in ("", partner.name)
                else f"{partner.name} ({partner.full_name})"
            )
            self.chooser.addItem(label, slug)
        self.chooser.setCurrentIndex(-1)

    def add_partner(self, partner: Partner) -> None:
        """Make a partner known (a new one) and add it to the table."""
        if partner.slug not in self.partners:
            self.partners[partner.slug] = partner
            self._fill_chooser()
        self._add_row(partner.slug, "")
        self.rows_changed.emit()

    def entries(self) -> list[tuple[str, str]]:
        """(partner slug, role) for each row, in order."""
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            slug = str(item.data(SLUG_ROLE)) if item is not None else ""
            out.append((slug, self._text(row, 1)))
        return out

    def set_entries(self, entries: Sequence[tuple[str, str]]) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(0)
        for slug, role in entries:
            self._add_row(slug, role)
        self.table.blockSignals(False)

    def _add_row(self, slug: str, role: str) -> None:
        partner = self.partners.get(slug)
        row = self._append(["", role])
        name = QTableWidgetItem(partner.name if partner else slug)
        name.setData(SLUG_ROLE, slug)
        name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.table.setItem(row, 0, name)

    @Slot()
    def _on_add_button_clicked(self) -> None:
        index = self.chooser.findText(self.chooser.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:  # also accept a partner's short name or slug typed in full
            typed = self.chooser.currentText().strip().lower()
            index = next(
                (
                    i
                    for i in range(self.chooser.count())
                    if str(self.chooser.itemData(i)) == typed
                    or self.partners[str(self.chooser.itemData(i))].name.lower() == typed
                ),
                -1,
            )
        if index < 0:
            return
        slug = str(self.chooser.itemData(index))
        if slug not in [s for s, _ in self.entries()]:
            self._add_row(slug, "")
            self.rows_changed.emit()
        self.chooser.setCurrentIndex(-1)
        self.chooser.clearEditText()


class TagChecklist(QWidget):
    """Checkboxes for benefit or challenge tags, in columns."""

    #: a box was ticked or cleared
    tags_changed = Signal()

    def __init__(self, tags: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 4, 0, 0)
        grid.setHorizontalSpacing(24)
        rows = (len(tags) + COLUMNS - 1) // COLUMNS
        for index, tag in enumerate(tags):
            box = QCheckBox(topic_title(tag))
            box.setToolTip(tag)
            box.clicked.connect(self.tags_changed)
            self.boxes[tag] = box
            grid.addWidget(box, index % rows, index // rows)
        grid.setColumnStretch(COLUMNS, 1)

    def tags(self) -> list[str]:
        return [tag for tag, box in self.boxes.items() if box.isChecked()]

    def set_tags(self, tags: Sequence[str]) -> None:
        for tag, box in self.boxes.items():
            box.setChecked(tag in tags)


class NewPartnerDialog(QDialog):
    """Name a partner that the catalog does not know yet."""

    def __init__(self, taken: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("New Partner")
        self.taken = set(taken)
        self.name = QLineEdit(placeholderText="Short name, e.g. ISRO")
        self.full_name = QLineEdit(placeholderText="e.g. Indian Space Research Organisation")
        self.country = QLineEdit(placeholderText="Two letters, e.g. IN (or intl)")
        self.country.setMaxLength(4)
        self.kind = QComboBox()
        for kind in PARTNER_KINDS:
            self.kind.addItem(kind.replace("-", " ").capitalize(), kind)
        self.error = FieldError()
        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("&Full name", self.full_name)
        form.addRow("&Country", self.country)
        form.addRow("&Kind", self.kind)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Add Partner")
        plain_buttons(buttons)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)

    def partner(self) -> Partner:
        name = self.name.text().strip()
        return Partner(
            slug=slugify(name),
            name=name,
            full_name=self.full_name.text().strip() or name,
            country=self.country.text().strip(),
            kind=str(self.kind.currentData()),
        )

    @Slot()
    def _on_buttons_accepted(self) -> None:
        partner = self.partner()
        if not partner.slug:
            self.error.show_errors(["Give the partner a name with letters or digits."])
        elif partner.slug in self.taken:
            self.error.show_errors(
                [f"A partner called '{partner.name}' already exists; choose it from the list."]
            )
        else:
            self.accept()
