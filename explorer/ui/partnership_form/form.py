"""The partnership form: add, edit and delete the teacher's partnerships, and change the
bundled ones (kept as the teacher's version, edited = 1, and revertible).

Each problem shows under the field it is about, as soon as that field is touched and for
every field when Save is pressed (explorer.core.partnership_edit.field_errors); a name
close to one already in the catalog is noted under the name (it may be meant), and a
source's web address written without https:// can be completed with one click. Saving goes
through explorer.store.authoring, one transaction, and the store tells its subscribers, so
search, topic pages and the timeline show the change at once.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from explorer.core.content import partnership_from_mapping
from explorer.core.csv_columns import slugify
from explorer.core.models import BENEFITS, CHALLENGES, DOMAINS, PARTNERSHIP_TYPES, STATUSES
from explorer.core.partnership_edit import field_errors, year_value
from explorer.core.plans import plan_to_mapping
from explorer.core.records import partnership_to_mapping
from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.store.csv_import import catalog_names
from explorer.ui.partnership_form.grid import FieldRow, fields_grid
from explorer.ui.partnership_form.hints import (
    FixUrlsButton,
    SimilarNames,
    complete_urls,
    url_fixes,
)
from explorer.ui.partnership_form.ops import confirm_delete, confirm_revert
from explorer.ui.partnership_form.widgets import (
    FieldError,
    NewPartnerDialog,
    PartnersEditor,
    RowsTable,
    TagChecklist,
    choice_combo,
)
from explorer.ui.pickers import plain_buttons

Buttons = QMessageBox.StandardButton


class PartnershipForm(QDialog):
    #: the partnership was saved or reverted (its slug)
    partnership_saved = Signal(str)
    #: the teacher's partnership was deleted (its slug)
    partnership_deleted = Signal(str)

    def __init__(
        self, catalog: Catalog, slug: str | None = None, parent: QWidget | None = None
    ) -> None:
        """A new partnership, or the one with `slug`."""
        super().__init__(parent)
        self.setObjectName("partnershipForm")
        self.catalog = catalog
        self.store = catalog.partnerships
        self.record = self.store.get(slug) if slug else None
        self.names = catalog_names(self.store, self.store.partners())
        self.errors: dict[str, FieldError] = {}
        self.touched: set[str] = set()
        self._build()
        self._load()
        self._initial = self.values()
        self._connect()
        self.setWindowTitle(f"Edit “{self.record.name}”" if self.record else "New Partnership")
        self.resize(860, 780)

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.name = QLineEdit(placeholderText="e.g. Mars Sample Return")
        self.slug = QLineEdit(placeholderText="made from the name")
        self.type = choice_combo(PARTNERSHIP_TYPES)
        self.status = choice_combo(STATUSES)
        self.domain = choice_combo(DOMAINS)
        self.start_year = QLineEdit(placeholderText="e.g. 1998", maxLength=6)
        self.end_year = QLineEdit(maxLength=6)
        for year in (self.start_year, self.end_year):
            year.setFixedWidth(year.fontMetrics().horizontalAdvance("e.g. 1998") + 24)
        self.partners = PartnersEditor(self.store.partners())
        self.countries = QLineEdit(placeholderText="Two-letter codes, e.g. US, FR, intl")
        self.milestones = RowsTable(["Year", "Event", "Source"], "milestone", 1)
        self.benefits = TagChecklist(BENEFITS)
        self.challenges = TagChecklist(CHALLENGES)
        self.description = QPlainTextEdit(placeholderText="80-200 words for students aged 14-18")
        self.caveats = QPlainTextEdit(placeholderText="Where sources disagree (optional)")
        self.citations = RowsTable(["Publisher", "Title", "Web address"], "source", 1)
        self.checked = QLineEdit(placeholderText="YYYY-MM-DD")
        for widget, lines in ((self.description, 5), (self.caveats, 2)):
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * lines + 14)
        for table in (self.partners, self.milestones, self.citations):
            table.table.setMinimumHeight(120)
        self.notice = QLabel(objectName="formNotice", wordWrap=True)
        self.notice.hide()
        self.name_note = SimilarNames(self.names)
        self.fix_urls = FixUrlsButton()
        grid = self._fields_grid()
        page = QWidget(objectName="formPage")
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(16, 12, 16, 12)
        page_layout.addWidget(self.notice)
        page_layout.addLayout(grid)
        page_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 12)
        layout.addWidget(scroll, 1)
        layout.addWidget(self._buttons())

    def _fields_grid(self) -> QGridLayout:
        """Caption | field(s), each row followed by the messages of its fields."""
        rows: list[FieldRow] = [
            [("name", "&Name", self.name)],
            [("slug", "S&lug", self.slug)],
            [
                ("type", "&Type", self.type),
                ("status", "Stat&us", self.status),
                ("domain", "&Domain", self.domain),
            ],
            [("start_year", "&Years", self.start_year), ("end_year", "to", self.end_year)],
            [("partners", "&Partners", self.partners)],
            [("countries", "C&ountries", self.countries)],
            [("milestones", "&Milestones", self.milestones)],
            [("benefits", "Benefits", self.benefits)],
            [("challenges", "Challenges", self.challenges)],
            [("description", "Desc&ription", self.description)],
            [("caveats", "Ca&veats", self.caveats)],
            [("citations", "Sources", self.citations)],
            [("checked", "Facts chec&ked", self.checked)],
        ]
        self.errors.update({field: FieldError() for row in rows for field, _, _ in row})
        extras = {"name": self.name_note, "citations": self.fix_urls}
        return fields_grid(rows, self.errors, extras)

    def _buttons(self) -> QWidget:
        box = QDialogButtonBox()
        self.save_button = box.addButton("Save", QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setDefault(True)
        box.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.delete_button = QPushButton("Delete…")
        self.revert_button = QPushButton("Revert to Original…")
        box.addButton(self.delete_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        box.addButton(self.revert_button, QDialogButtonBox.ButtonRole.ResetRole)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        self.delete_button.clicked.connect(self.delete)
        self.revert_button.clicked.connect(self.revert)
        plain_buttons(box)
        holder = QWidget()
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(16, 0, 16, 0)
        layout.addWidget(box)
        return holder

    def _connect(self) -> None:
        edits: dict[str, Any] = {
            "name": self.name.textEdited,
            "slug": self.slug.textEdited,
            "type": self.type.activated,
            "status": self.status.activated,
            "domain": self.domain.activated,
            "start_year": self.start_year.textEdited,
            "end_year": self.end_year.textEdited,
            "partners": self.partners.rows_changed,
            "countries": self.countries.textEdited,
            "milestones": self.milestones.rows_changed,
            "benefits": self.benefits.tags_changed,
            "challenges": self.challenges.tags_changed,
            "citations": self.citations.rows_changed,
            "checked": self.checked.textEdited,
        }
        for field, signal in edits.items():
            signal.connect(lambda *_args, f=field: self._on_field_edited(f))
        self.name.textEdited.connect(self._on_name_text_edited)
        self.fix_urls.fix_requested.connect(self._on_fix_urls_fix_requested)
        self.partners.new_partner_requested.connect(self._on_partners_new_partner_requested)

    # -- values -------------------------------------------------------------------------
    def _load(self) -> None:
        p = self.record
        mapping = partnership_to_mapping(p) if p else {"checked": date.today().isoformat()}
        self.name.setText(mapping.get("name", ""))
        self.slug.setText(mapping.get("slug", ""))
        self.slug.setReadOnly(p is not None)
        for combo, key in ((self.type, "type"), (self.status, "status"), (self.domain, "domain")):
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(key))))
        self.start_year.setText(str(mapping.get("start_year") or ""))
        self.end_year.setText(str(mapping.get("end_year") or ""))
        if p:
            self.partners.set_entries([(x.partner.slug, x.role) for x in p.partners])
            self.milestones.set_rows(
                [[str(m.year), m.event, str(m.source or "")] for m in p.milestones]
            )
            self.citations.set_rows([[c.publisher, c.title, c.url] for c in p.citations])
        self.countries.setText(", ".join(mapping.get("countries") or ()))
        self.benefits.set_tags(mapping.get("benefits") or ())
        self.challenges.set_tags(mapping.get("challenges") or ())
        self.description.setPlainText(mapping.get("description", ""))
        self.caveats.setPlainText(mapping.get("caveats", ""))
        self.checked.setText(mapping.get("checked", ""))
        self._show_origin()

    def _show_origin(self) -> None:
        p = self.record
        bundled = p is not None and p.origin == "bundled"
        self.delete_button.setVisible(p is not None and not bundled)
        self.revert_button.setVisible(bundled)
        self.revert_button.setEnabled(bundled and p is not None and p.edited)
        if bundled:
            self.notice.setText(
                "This partnership comes with the app. Your changes are kept as your own "
                "version, and Revert to Original brings the app's version back."
                + (" You have changed it." if p is not None and p.edited else "")
            )
        self.notice.setVisible(bundled)

    def values(self) -> dict[str, Any]:
        """The form as a content mapping (docs/content-format.md)."""
        countries = [c.strip() for c in self.countries.text().replace(";", ",").split(",")]
        return {
            "slug": self.slug.text().strip(),
            "name": self.name.text().strip(),
            "type": self.type.currentData(),
            "status": self.status.currentData(),
            "domain": self.domain.currentData(),
            "start_year": year_value(self.start_year.text()),
            "end_year": year_value(self.end_year.text()),
            "partners": [
                slug if not role else {"partner": slug, "role": role}
                for slug, role in self.partners.entries()
            ],
            "countries": [c for c in countries if c],
            "milestones": [
                {"year": year_value(year), "event": event, "source": year_value(source)}
                for year, event, source in self.milestones.rows()
            ],
            "benefits": self.benefits.tags(),
            "challenges": self.challenges.tags(),
            "description": self.description.toPlainText().strip(),
            "caveats": self.caveats.toPlainText().strip(),
            "citations": [
                {"publisher": r[0], "title": r[1], "url": r[2]} for r in self.citations.rows()
            ],
            "checked": self.checked.text().strip(),
            **self._kept_from_record(),
        }

    def _kept_from_record(self) -> dict[str, Any]:
        """What the form does not edit but must not lose: the years' source, the planned
        dates, and the sides while the partners are the record's own
        (docs/content-format.md)."""
        p = self.record
        if p is None:
            return {}
        kept: dict[str, Any] = {"years_source": p.years_source}
        if p.planned is not None:
            kept["planned"] = plan_to_mapping(p.planned)
        same_partners = [slug for slug, _ in self.partners.entries()] == [
            x.partner.slug for x in p.partners
        ]
        if p.sides and same_partners:
            kept["sides"] = [list(side) for side in p.sides]
        return kept

    def check(self, fields: set[str] | None = None) -> dict[str, list[str]]:
        """Show the problems of `fields` (all when None) under them; returns all."""
        taken = [] if self.record else [p.slug for p in self.store.facet_rows().values()]
        found = field_errors(self.values(), self.partners.partners, taken=taken)
        if self.record is None and "name" in found and not self.slug.text().strip():
            found.pop("slug", None)  # the slug is made from the name: one message will do
        for field, error in self.errors.items():
            shown = fields is None or field in fields
            error.show_errors(found.get(field, []) if shown else [])
        self.fix_urls.setVisible(bool(url_fixes(self.citations.rows())) and "citations" in found)
        slug = self.record.slug if self.record else self.slug.text().strip()
        self.name_note.show_for(self.name.text().strip(), slug)
        return found

    @Slot()
    def _on_fix_urls_fix_requested(self) -> None:
        complete_urls(self.citations.table)  # each cell edit checks the form again

    def _on_field_edited(self, field: str) -> None:
        self.touched.add(field)
        if field == "status":  # a completed partnership needs an end year: say so now
            self.touched.add("end_year")
        self.check(self.touched)

    @Slot(str)
    def _on_name_text_edited(self, text: str) -> None:
        if self.record is None and "slug" not in self.touched:
            self.slug.setText(slugify(text))

    @Slot()
    def _on_partners_new_partner_requested(self) -> None:
        dialog = NewPartnerDialog(list(self.partners.partners), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.partners.add_partner(dialog.partner())

    # -- saving -------------------------------------------------------------------------
    def save(self) -> bool:
        found = self.check()
        if found:
            first = next(f for f in self.errors if f in found)
            self._focus(first)
            return False
        record, problems = partnership_from_mapping(
            self.values(), self.partners.partners, "the form"
        )
        if record is None:  # field_errors checks everything this does; never expected
            QMessageBox.critical(self, "Cannot save", "\n".join(str(p) for p in problems))
            return False
        known = self.store.partners()
        new = [
            self.partners.partners[slug] for slug, _ in self.partners.entries() if slug not in known
        ]
        save_partnership(self.store, self.catalog.paths, record, new)
        self._initial = self.values()
        self.partnership_saved.emit(record.slug)
        self.accept()
        return True

    def _focus(self, field: str) -> None:
        widget = getattr(self, field)
        widget.setFocus()
        scroll = self.findChild(QScrollArea)
        if scroll is not None:
            scroll.ensureWidgetVisible(widget)

    def revert(self) -> None:
        assert self.record is not None
        if confirm_revert(self, self.catalog, self.record.slug):
            self._initial = self.values()
            self.partnership_saved.emit(self.record.slug)
            self.accept()

    def delete(self) -> None:
        assert self.record is not None
        if confirm_delete(self, self.catalog, self.record.slug):
            self._initial = self.values()
            self.partnership_deleted.emit(self.record.slug)
            self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter in a table cell finishes that cell; it must not press Save too."""
        focus = QApplication.focusWidget()
        in_table = focus is not None and any(
            t.table.isAncestorOf(focus) for t in (self.partners, self.milestones, self.citations)
        )
        if in_table and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    # -- leaving ------------------------------------------------------------------------
    def reject(self) -> None:
        """Cancel, Esc or the close button: ask before throwing changes away."""
        if self.values() != self._initial:
            answer = QMessageBox.question(
                self,
                "Discard changes?",
                "Close the form and lose your changes?",
                Buttons.Discard | Buttons.Cancel,
                Buttons.Cancel,
            )
            if answer != Buttons.Discard:
                return
        super().reject()
