"""File > Export: partnerships as CSV or JSON (all, the teacher's own, or the current
filter), or a content pack for colleagues. Files are written atomically by the store, in
a background job; the outcome or the error is shown in the dialog."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QSettings, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.progress import Progress
from explorer.store.catalog import Catalog
from explorer.store.classroom_files import read_bookmarks
from explorer.store.importers import PackSummary, export_csv, export_json, export_pack
from explorer.store.partnerships import PartnershipStore
from explorer.store.teacher_data import teacher_slugs
from explorer.ui.store_op import StoreOp
from explorer.ui.transfer.widgets import (
    ProgressPanel,
    error_text,
    height_for_width,
    message_label,
    plural,
    show_message,
)
from explorer.ui.worker import Job

FOLDER_KEY = "export/folder"
#: format -> (title, explanation, file name, file-dialog filter)
FORMATS = {
    "csv": (
        "Partnerships as a spreadsheet (CSV)",
        "Opens in Excel, LibreOffice or Google Sheets, and imports back unchanged.",
        "partnerships.csv",
        "Spreadsheets (*.csv)",
    ),
    "json": (
        "Partnerships as JSON",
        "For scripts and other programs.",
        "partnerships.json",
        "JSON files (*.json)",
    ),
    "pack": (
        "A content pack for colleagues",
        "Your own lessons, their images, your trails and your partnerships, in one .zip file "
        "that File › Import Content Pack reads.",
        "my-content-pack.zip",
        "Content packs (*.zip)",
    ),
}


class ExportDialog(QDialog):
    #: a file was written: its path
    exported = Signal(Path)

    def __init__(
        self,
        catalog: Catalog,
        settings: QSettings,
        filtered: Sequence[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export")
        self.catalog, self.settings = catalog, settings
        self.filtered = list(filtered)
        self.job: Job | None = None
        self.formats = QButtonGroup(self)
        self.scopes = QButtonGroup(self)
        self.format_buttons: dict[str, QRadioButton] = {}
        self.scope_buttons: dict[str, QRadioButton] = {}
        self.progress = ProgressPanel()
        self.message = message_label()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = QPushButton("&Export…")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.export_button.clicked.connect(self._on_export_button_clicked)
        layout = QVBoxLayout(self)
        layout.addWidget(self._format_box())
        layout.addWidget(self._scope_box())
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.format_buttons["csv"].setChecked(True)
        self._on_formats_changed()
        self.resize(560, self.sizeHint().height())

    def _format_box(self) -> QGroupBox:
        box = QGroupBox("What to export")
        layout = QVBoxLayout(box)
        teacher_lessons = sum(1 for x in self.catalog.library.lessons if x.origin == "teacher")
        self.mine = len(teacher_slugs(self.catalog.partnerships))
        marks = len(read_bookmarks(self.catalog.paths.data_dir).items)
        for key, (title, about, _name, _filter) in FORMATS.items():
            button = QRadioButton(title)
            self.formats.addButton(button)
            self.format_buttons[key] = button
            if key == "pack":
                about += (
                    f" You have {plural(teacher_lessons, 'lesson')} and "
                    f"{plural(self.mine, 'partnership')} of your own."
                )
                button.setEnabled(bool(teacher_lessons or self.mine or marks))
            note = QLabel(about, objectName="hint", wordWrap=True)
            note.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(button)
            layout.addWidget(note)
            if key == "pack":  # the teacher's bookmarks travel only when chosen
                self.bookmarks_box = QCheckBox(f"Include my bookmarks ({marks})")
                self.bookmarks_box.setAccessibleName("Include my bookmarks in the pack")
                self.bookmarks_box.setContentsMargins(24, 0, 0, 6)
                self.bookmarks_box.setEnabled(bool(marks))
                layout.addWidget(self.bookmarks_box)
            button.toggled.connect(lambda _on: self._on_formats_changed())
        return box

    def _scope_box(self) -> QGroupBox:
        self.scope_box = QGroupBox("Which partnerships")
        layout = QVBoxLayout(self.scope_box)
        total = self.catalog.partnerships.count()
        choices = {
            "all": f"All {plural(total, 'partnership')}",
            "mine": (
                f"Only yours: the {plural(self.mine, 'partnership')} you added or edited"
                if self.mine
                else "Only yours (you have not added or edited any yet)"
            ),
            "filtered": (
                f"The current filter: {plural(len(self.filtered), 'partnership')}"
                if self.filtered
                else "The current filter (none is set)"
            ),
        }
        for key, text in choices.items():
            button = QRadioButton(text)
            self.scopes.addButton(button)
            self.scope_buttons[key] = button
            layout.addWidget(button)
        self.scope_buttons["mine"].setEnabled(bool(self.mine))
        self.scope_buttons["filtered"].setEnabled(bool(self.filtered))
        self.scope_buttons["all"].setChecked(True)
        return self.scope_box

    def chosen_format(self) -> str:
        return next(k for k, b in self.format_buttons.items() if b.isChecked())

    def chosen_scope(self) -> str:
        return next(k for k, b in self.scope_buttons.items() if b.isChecked())

    def _on_formats_changed(self) -> None:
        self.scope_box.setEnabled(self.chosen_format() != "pack")
        self.bookmarks_box.setVisible(self.chosen_format() == "pack")

    @Slot()
    def _on_export_button_clicked(self) -> None:
        kind = self.chosen_format()
        _title, _about, name, pattern = FORMATS[kind]
        folder = str(self.settings.value(FOLDER_KEY) or Path.home())
        chosen, _ = QFileDialog.getSaveFileName(self, "Export", str(Path(folder) / name), pattern)
        if not chosen:
            return
        out = Path(chosen)
        if out.suffix.lower() != Path(name).suffix:
            out = out.with_name(out.name + Path(name).suffix)
        self.settings.setValue(FOLDER_KEY, str(out.parent))
        self.export_to(out)

    def export_to(self, out: Path) -> None:
        """Write the chosen export to `out` in the background."""
        kind, scope = self.chosen_format(), self.chosen_scope()
        slugs = self.filtered if scope == "filtered" else None
        teacher_only = scope == "mine"
        paths = self.catalog.paths
        bookmarks = self.bookmarks_box.isChecked() and self.bookmarks_box.isEnabled()

        def work(store: PartnershipStore, _progress: Progress) -> object:
            if kind == "pack":
                return export_pack(store, paths, out, bookmarks=bookmarks)
            write = export_csv if kind == "csv" else export_json
            return write(store, out, slugs, teacher_only)

        show_message(self.message, "")
        self.export_button.setEnabled(False)
        self.progress.busy(f"Writing {out.name}…")
        self.job = (
            StoreOp(self, paths, work)
            .success(lambda result: self._on_job_succeeded(out, result))
            .failure(lambda exc: self._on_job_failed(out, exc))
            .run()
        )

    def _idle(self) -> None:
        self.job = None
        self.progress.stop()
        self.export_button.setEnabled(True)

    def _on_job_succeeded(self, out: Path, result: object) -> None:
        self._idle()
        if isinstance(result, PackSummary):
            parts = [plural(result.lessons, "lesson"), plural(result.images, "image")]
            if result.trails:
                parts.append(plural(result.trails, "trail"))
            if result.bookmarks:
                parts.append(plural(result.bookmarks, "bookmark"))
            partnerships = plural(result.partnerships, "partnership")
            text = f"Wrote {out}: {', '.join(parts)} and {partnerships}."
            if result.skipped:
                text += f" Left out (not a lesson or an image): {', '.join(result.skipped)}."
        else:
            count = result if isinstance(result, int) else 0
            text = f"Wrote {plural(count, 'partnership')} to {out}."
        self._show(text, "formNotice")
        self.exported.emit(out)

    def _on_job_failed(self, out: Path, exc: Exception) -> None:
        self._idle()
        text = error_text(exc)
        if isinstance(exc, OSError):
            text = (
                f"{out} could not be written ({exc.strerror or exc}). Nothing was "
                "changed; choose another folder or name."
            )
        self._show(text, "fieldError")

    def _show(self, text: str, kind: str) -> None:
        """Show the outcome, growing the dialog if the text needs the room."""
        show_message(self.message, text, kind)
        needed = height_for_width(self)
        if needed > self.height():
            self.resize(self.width(), needed)

    def done(self, result: int) -> None:
        if self.job is not None:
            self.job.wait()  # a file being written is finished, never left half-done
        super().done(result)
