"""What the lesson editor asks the teacher: a lesson or partnership to link to, a picture
to insert, whether to save over a file another program changed, and whether to save
before closing. Each returns the answer; the editor acts on it."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from explorer.core.lesson_authoring import copy_image, image_markdown, link_markdown
from explorer.ui.pickers import Choice, ChoicePicker

IMAGE_FILTER = "Images (*.png *.jpg *.jpeg *.gif *.svg *.webp *.bmp)"
Buttons = QMessageBox.StandardButton


def choose_link(parent: QWidget, choices: Sequence[Choice], selected: str) -> str | None:
    """Markdown linking `selected` (or the title) to a lesson or partnership chosen from
    `choices`; None when cancelled."""
    picker = ChoicePicker(list(choices), parent)
    if selected:
        picker.filter.setText(selected)
    if picker.exec() != ChoicePicker.DialogCode.Accepted:
        return None
    choice = picker.chosen()
    if choice is None:
        return None
    return link_markdown(choice.kind, choice.slug, selected or choice.title)


def choose_image(parent: QWidget, lesson_folder: Path) -> str | None:
    """Markdown showing a picture chosen on disk and copied next to the lesson; None when
    cancelled, or when it could not be copied (the teacher is told why)."""
    source, _ = QFileDialog.getOpenFileName(parent, "Insert Image", str(Path.home()), IMAGE_FILTER)
    if not source:
        return None
    try:
        relative = copy_image(Path(source), lesson_folder)
    except OSError as exc:
        QMessageBox.critical(
            parent, "Could not copy the picture", f"{source}: {exc.strerror or exc}"
        )
        return None
    alt = Path(source).stem.replace("-", " ").replace("_", " ")
    return image_markdown(alt, relative)


def save_over_changed_file(parent: QWidget, name: str) -> bool:
    """Whether to save over `name`, which another program changed since it was opened."""
    answer = QMessageBox.warning(
        parent,
        "The file changed on disk",
        f"{name} was changed by another program since you opened it.\n\n"
        "Save your version over it? The other changes will be lost.",
        Buttons.Save | Buttons.Cancel,
        Buttons.Cancel,
    )
    return answer == Buttons.Save


def save_before_closing(parent: QWidget, title: str) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel, for a lesson with unsaved changes."""
    return QMessageBox.warning(
        parent,
        "Unsaved changes",
        f"Save your changes to “{title}” before closing?",
        Buttons.Save | Buttons.Discard | Buttons.Cancel,
        Buttons.Save,
    )
