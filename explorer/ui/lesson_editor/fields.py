"""A lesson's front matter as form fields: title, section, summary, objectives, topics and
the partnerships it cites.

The panel only shows values and reports edits; the editor turns an edit into a surgical
change of the front matter text (explorer.core.front_matter_edit), and shows the text's
values here again after the teacher types in the text itself. A widget whose value is
already right is never set again, so typing in a field never moves its cursor.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from explorer.core.models import (
    BENEFITS,
    CHALLENGES,
    PARTNERSHIP_TYPES,
    SECTION_TITLES,
    SECTIONS,
    topic_title,
)
from explorer.ui.pickers import Choice, SearchableChecklist

TOPIC_GROUPS = (("Benefits", BENEFITS), ("Challenges", CHALLENGES), ("Types", PARTNERSHIP_TYPES))


def _lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def as_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value]
    return [str(value)]


def _space_paragraphs(widget: QPlainTextEdit) -> None:
    """A little space after each line, so that wrapped objectives read as separate items
    (a new line typed with Enter takes the same format)."""
    cursor = QTextCursor(widget.document())
    cursor.select(QTextCursor.SelectionType.Document)
    block = QTextBlockFormat()
    block.setBottomMargin(5)
    cursor.mergeBlockFormat(block)


class LessonFieldsPanel(QScrollArea):
    #: the teacher changed a field (read them all with values())
    fields_edited = Signal()

    def __init__(self, partnerships: Iterable[Choice], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.title = QLineEdit()
        self.section = QComboBox()
        for section in SECTIONS:
            self.section.addItem(SECTION_TITLES[section], section)
        self.summary = QPlainTextEdit()
        self.summary.setTabChangesFocus(True)
        self.summary.setPlaceholderText("One or two sentences for the library and search")
        self.objectives = QPlainTextEdit()
        self.objectives.setTabChangesFocus(True)
        self.objectives.setPlaceholderText(
            "One per line, e.g. Explain how a barter agreement replaces an exchange of money."
        )
        self.topics: dict[str, QCheckBox] = {}
        self.partnerships = SearchableChecklist(partnerships, "Filter partnerships…")
        self.notice = QLabel(objectName="fieldsNotice", wordWrap=True)
        self.notice.hide()
        self._extra_topics: list[str] = []
        self._build()
        self._connect()

    # -- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        for widget, name, lines in (
            (self.summary, "Summary", 4),
            (self.objectives, "Objectives", 7),
        ):
            widget.setAccessibleName(name)
            height = widget.fontMetrics().lineSpacing() * lines + 14
            widget.setFixedHeight(height)
        self.title.setAccessibleName("Title")
        self.section.setAccessibleName("Section")
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        form.addRow("&Title", self.title)
        form.addRow("S&ection", self.section)
        form.addRow("Su&mmary", self.summary)
        form.addRow("&Objectives", self.objectives)
        page = QWidget(objectName="fieldsPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addWidget(self._topics_box())
        cited = QGroupBox("Partnerships this lesson cites")
        cited_layout = QVBoxLayout(cited)
        self.partnerships.setMinimumHeight(220)
        cited_layout.addWidget(self.partnerships)
        layout.addWidget(cited, 1)
        self.setWidget(page)

    def _topics_box(self) -> QGroupBox:
        box = QGroupBox("Topics this lesson teaches")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(18)
        for column, (heading, tags) in enumerate(TOPIC_GROUPS):
            label = QLabel(f"<b>{heading}</b>")
            grid.addWidget(label, 0, column, Qt.AlignmentFlag.AlignTop)
            for row, tag in enumerate(tags, start=1):
                box_ = QCheckBox(topic_title(tag))
                box_.setToolTip(tag)
                self.topics[tag] = box_
                grid.addWidget(box_, row, column)
        grid.setRowStretch(len(BENEFITS) + 1, 1)
        return box

    def _connect(self) -> None:
        self.title.textEdited.connect(self._on_field_edited)
        self.section.activated.connect(self._on_field_edited)
        self.summary.textChanged.connect(self._on_text_field_changed)
        self.objectives.textChanged.connect(self._on_text_field_changed)
        for box in self.topics.values():
            box.clicked.connect(self._on_field_edited)
        self.partnerships.checked_changed.connect(self._on_field_edited)

    # -- values ---------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The front matter the fields say; None for an empty optional field (removed)."""
        topics = [tag for tag, box in self.topics.items() if box.isChecked()]
        return {
            "title": self.title.text().strip(),
            "section": self.section.currentData(),
            "summary": " ".join(self.summary.toPlainText().split()) or None,
            "objectives": _lines(self.objectives.toPlainText()) or None,
            "topics": [*topics, *self._extra_topics] or None,
            "partnerships": self.partnerships.checked() or None,
        }

    def show_fields(self, fields: Mapping[str, Any] | None) -> None:
        """Show the text's front matter; None when it cannot be read (fields disabled)."""
        readable = fields is not None
        page = self.widget()
        if page is not None:
            page.setEnabled(True)
        for widget in self._editors():
            widget.setEnabled(readable)
        self.notice.setVisible(not readable)
        self.notice.setText(
            "The details cannot be shown while the front matter has a "
            "problem. Fix it in the Text tab (see Problems)."
        )
        if fields is None:
            return
        self._show(fields)

    def _show(self, fields: Mapping[str, Any]) -> None:
        shown = self.values()
        title = str(fields.get("title") or "").strip()
        if shown["title"] != title:
            self.title.setText(title)
        index = self.section.findData(fields.get("section"))
        if index >= 0 and index != self.section.currentIndex():
            self.section.setCurrentIndex(index)
        summary = " ".join(str(fields.get("summary") or "").split())
        if (shown["summary"] or "") != summary:
            self._set_quietly(self.summary, summary)
        objectives = [o.strip() for o in as_list(fields.get("objectives")) if o.strip()]
        if (shown["objectives"] or []) != objectives:
            self._set_quietly(self.objectives, "\n".join(objectives))
        tags = as_list(fields.get("topics")) + as_list(fields.get("tags"))
        for tag, box in self.topics.items():
            box.setChecked(tag in tags)
        self._extra_topics = [t for t in tags if t not in self.topics]
        self.partnerships.set_checked(as_list(fields.get("partnerships")))

    def _set_quietly(self, widget: QPlainTextEdit, text: str) -> None:
        widget.blockSignals(True)
        widget.setPlainText(text)
        if widget is self.objectives:
            _space_paragraphs(widget)
        widget.blockSignals(False)

    def _editors(self) -> list[QWidget]:
        return [
            self.title,
            self.section,
            self.summary,
            self.objectives,
            *self.topics.values(),
            self.partnerships,
        ]

    @Slot()
    def _on_text_field_changed(self) -> None:
        self.fields_edited.emit()

    @Slot()
    def _on_field_edited(self, *_args: object) -> None:
        self.fields_edited.emit()
