"""The trail editor: a title and summary, the steps in order (added with the pickers,
moved with Alt+Up and Alt+Down, removed with Delete), and a note for each step.

Saving writes the teacher's trail file, `<data>/trails/<slug>.yaml`, in one atomic write
(explorer.store.trail_files); a bundled trail edited here is saved as the teacher's own
version, which replaces it and can be deleted to bring the bundled one back.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.trail_checks import step_label, step_problem
from explorer.core.trails import MAX_NOTE, TimelineView, Trail, TrailStep, trail_slug
from explorer.store.trail_files import TrailShelf, delete_trail, save_trail, trail_targets
from explorer.ui.pickers import Choice, plain_buttons
from explorer.ui.trails.step_pickers import StepPickers, pick

if TYPE_CHECKING:
    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow
    from explorer.ui.trails.follow import TrailFollower, TrailShelfModel


def open_trail_editor(
    window: MainWindow,
    catalog: Catalog,
    model: TrailShelfModel,
    follower: TrailFollower,
    editing: bool,
) -> None:
    """New Trail (`editing` False), or Edit Trail: the trail being followed, else the one
    the teacher picks."""
    chosen = follower.trail if editing else None
    if editing and chosen is None:
        choices = [Choice("trail", t.slug, t.title, t.summary) for t in model.shelf.trails]
        picked = pick(window, choices, "Edit Trail", "Type a trail…")
        if picked is None:
            return
        chosen = model.shelf.get(picked.slug)
    editor = TrailEditor(catalog, chosen, window)
    editor.saved.connect(lambda slug: _after_save(model, follower, slug))
    editor.deleted.connect(lambda _slug: model.reload())
    editor.exec()


def _after_save(model: TrailShelfModel, follower: TrailFollower, slug: str) -> None:
    model.reload()
    if follower.trail is None or follower.trail.slug != slug:
        follower.start(slug)


class TrailEditor(QDialog):
    #: the trail was saved to its file: its slug
    saved = Signal(str)
    #: the teacher's trail file was moved to the trash: its slug
    deleted = Signal(str)

    def __init__(self, catalog: Catalog, trail: Trail | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.catalog = catalog
        self.original = trail
        self.steps: list[TrailStep] = list(trail.steps) if trail else []
        self.pickers = StepPickers(self, catalog)
        self.setWindowTitle(f"Edit Trail: {trail.title}" if trail else "New Trail")
        self.setAccessibleName("Trail editor")
        self.title = QLineEdit(trail.title if trail else "")
        self.title.setAccessibleName("Trail title")
        self.title.setPlaceholderText("The ISS in 20 minutes")
        self.summary = QLineEdit(trail.summary if trail else "")
        self.summary.setAccessibleName("Trail summary")
        self.summary.setPlaceholderText("One sentence: what the trail is about")
        self.list = QListWidget(objectName="trailSteps")
        self.list.setAccessibleName("Steps")
        self.list.setAccessibleDescription("Alt+Up and Alt+Down move a step, Delete removes it")
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.note = QPlainTextEdit()
        self.note.setAccessibleName("Note for the selected step")
        self.note.setPlaceholderText("A sentence or two for the student at this step")
        self.note.setMaximumHeight(90)
        self.problem = QLabel(objectName="fieldError", wordWrap=True)
        self._build()
        self._refill(0)
        self.resize(640, 600)

    # -- building -------------------------------------------------------------------------
    def _build(self) -> None:
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("S&ummary", self.summary)
        steps_label = QLabel("&Steps")
        steps_label.setBuddy(self.list)
        note_label = QLabel("&Note for this step")
        note_label.setBuddy(self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(steps_label)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(self._step_buttons())
        layout.addLayout(row, 1)
        layout.addWidget(note_label)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons())
        self.list.installEventFilter(self)
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.note.textChanged.connect(self._on_note_text_changed)
        self.title.textChanged.connect(self._check)

    def _step_buttons(self) -> QVBoxLayout:
        self.add_button = QToolButton(text="Add Step")
        self.add_button.setAccessibleName("Add a step")
        self.add_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.add_button)
        self.add_actions: dict[str, QAction] = {}
        for kind, text in (
            ("lesson", "&Lesson…"),
            ("section", "Lesson &Section…"),
            ("question", "&Question…"),
            ("partnership", "&Partnership…"),
            ("timeline", "&Timeline View…"),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=kind: self.add_step(k))
            self.add_actions[kind] = action
        self.add_button.setMenu(menu)
        self.up_button = self._button("Move &Up", "Alt+Up", lambda: self.move_step(-1))
        self.down_button = self._button("Move &Down", "Alt+Down", lambda: self.move_step(1))
        self.remove_button = self._button("&Remove", "Delete", self.remove)
        column = QVBoxLayout()
        for widget in (self.add_button, self.up_button, self.down_button, self.remove_button):
            column.addWidget(widget)
        column.addStretch(1)
        return column

    def _button(self, text: str, key: str, run: object) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setToolTip(f"{text.replace('&', '')} ({key})")
        button.clicked.connect(run)
        return button

    def _buttons(self) -> QDialogButtonBox:
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = box.button(QDialogButtonBox.StandardButton.Save)
        if self.original is not None and self.original.origin == "teacher":
            self.delete_button = box.addButton(
                "Delete Trail…", QDialogButtonBox.ButtonRole.DestructiveRole
            )
            self.delete_button.clicked.connect(self._on_delete_button_clicked)
        plain_buttons(box)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        return box

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the list of steps: Alt+Up and Alt+Down move the step, Delete removes it."""
        if watched is self.list and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt = event.modifiers() == Qt.KeyboardModifier.AltModifier
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_step(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
            if event.key() == Qt.Key.Key_Delete and not event.modifiers():
                self.remove()
                return True
        return super().eventFilter(watched, event)

    # -- steps ----------------------------------------------------------------------------
    def add_step(self, kind: str) -> bool:
        """Ask for a step of `kind` and put it after the selected one."""
        ask = {
            "lesson": self.pickers.lesson_step,
            "section": self.pickers.section_step,
            "question": self.pickers.question_step,
            "partnership": self.pickers.partnership_step,
            "timeline": lambda: self.pickers.timeline_step(self._current_view()),
        }[kind]
        step = ask()
        if step is None:
            return False
        at = self.list.currentRow() + 1 if self.steps else 0
        self.steps.insert(at, step)
        self._refill(at)
        self.note.setFocus()
        return True

    def move_step(self, delta: int) -> None:
        row = self.list.currentRow()
        to = row + delta
        if 0 <= row < len(self.steps) and 0 <= to < len(self.steps):
            self.steps[row], self.steps[to] = self.steps[to], self.steps[row]
            self._refill(to)

    def remove(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.steps):
            del self.steps[row]
            self._refill(min(row, len(self.steps) - 1))

    def _refill(self, row: int) -> None:
        names = self.catalog.partnerships.names()
        lessons = self.catalog.library.by_slug
        self.list.blockSignals(True)
        self.list.clear()
        for number, step in enumerate(self.steps, start=1):
            item = QListWidgetItem(f"{number}. {step_label(step, lessons, names)}")
            item.setToolTip(step.note or "No note yet")
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.steps:
            self.list.setCurrentRow(max(0, row))
        self._on_list_current_row_changed(self.list.currentRow())

    def _current_view(self) -> TimelineView | None:
        window = self.parent()
        timeline = getattr(window, "timeline_view", None)
        if timeline is None:
            return None
        first, last = timeline.view.window()
        return TimelineView(
            int(first), int(last), timeline.group_by, tuple(sorted(timeline.highlighted or ()))
        )

    def _on_list_current_row_changed(self, row: int) -> None:
        has = 0 <= row < len(self.steps)
        self.note.blockSignals(True)
        self.note.setPlainText(self.steps[row].note if has else "")
        self.note.blockSignals(False)
        self.note.setEnabled(has)
        self.up_button.setEnabled(has and row > 0)
        self.down_button.setEnabled(has and row + 1 < len(self.steps))
        self.remove_button.setEnabled(has)
        self._check()

    def _on_note_text_changed(self) -> None:
        row = self.list.currentRow()
        if 0 <= row < len(self.steps):
            note = " ".join(self.note.toPlainText().split())[:MAX_NOTE]
            self.steps[row] = replace(self.steps[row], note=note)
            self.list.item(row).setToolTip(note or "No note yet")

    def _check(self) -> None:
        """Say what stops a save, or what a step points at that is missing."""
        targets = trail_targets(self.catalog.library, self.catalog.partnerships)
        problems = [
            f"Step {n}: {message}"
            for n, step in enumerate(self.steps, start=1)
            if (message := step_problem(step, targets))
        ]
        if not self.title.text().strip():
            problems.insert(0, "Give the trail a title.")
        if not self.steps:
            problems.insert(0, "Add at least one step.")
        self.problem.setText(" ".join(problems[:2]))
        self.save_button.setEnabled(bool(self.title.text().strip() and self.steps))

    # -- saving -----------------------------------------------------------------------------
    def trail(self) -> Trail:
        title = " ".join(self.title.text().split())
        if self.original is not None:
            slug = self.original.slug
        else:
            taken = [t.slug for t in TrailShelf.load(self.catalog.paths).trails]
            slug = trail_slug(title, taken)
        summary = " ".join(self.summary.text().split())
        return Trail(slug, title, summary, tuple(self.steps), origin="teacher")

    def save(self) -> None:
        if not self.save_button.isEnabled():
            return
        try:
            saved = save_trail(self.catalog.paths, self.trail())
        except OSError as exc:
            QMessageBox.warning(self, "Trail not saved", f"The trail could not be saved: {exc}")
            return
        self.saved.emit(saved.slug)
        self.accept()

    def _on_delete_button_clicked(self) -> None:
        assert self.original is not None
        answer = QMessageBox.question(
            self,
            "Delete trail?",
            f"Move your trail “{self.original.title}” to the trash in your data folder?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        delete_trail(self.catalog.paths, self.original.slug)
        self.deleted.emit(self.original.slug)
        self.reject()
