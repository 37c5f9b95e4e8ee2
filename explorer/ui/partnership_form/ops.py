"""Deleting a partnership and reverting one to the app's version: ask, do, report.

Used by the partnership form's buttons and by the Edit menu's actions alike.
"""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget

from explorer.store.authoring import AuthoringError, delete_partnership, revert_partnership
from explorer.store.catalog import Catalog

Buttons = QMessageBox.StandardButton


def confirm_revert(parent: QWidget, catalog: Catalog, slug: str) -> bool:
    """Ask, then put the app's version of an edited partnership back; True if done."""
    record = catalog.partnerships.get(slug)
    if record is None:
        return False
    answer = QMessageBox.question(
        parent,
        "Revert to the original?",
        f"Replace your version of “{record.name}” with the one that comes with the app? "
        "Your changes to it will be lost.",
        Buttons.Yes | Buttons.Cancel,
        Buttons.Cancel,
    )
    if answer != Buttons.Yes:
        return False
    try:
        revert_partnership(catalog.partnerships, catalog.paths, slug)
    except AuthoringError as exc:
        QMessageBox.critical(parent, "Cannot revert", str(exc))
        return False
    return True


def confirm_delete(parent: QWidget, catalog: Catalog, slug: str) -> bool:
    """Ask, then delete a partnership the teacher added; True if done."""
    record = catalog.partnerships.get(slug)
    if record is None:
        return False
    citing = catalog.library.citing(slug)
    warning = (
        (
            f" {len(citing)} lesson{'s' * (len(citing) != 1)} cite it and will show a "
            "problem until the citation is removed."
        )
        if citing
        else ""
    )
    answer = QMessageBox.question(
        parent,
        "Delete this partnership?",
        f"Delete “{record.name}”?{warning}",
        Buttons.Yes | Buttons.Cancel,
        Buttons.Cancel,
    )
    if answer != Buttons.Yes:
        return False
    try:
        delete_partnership(catalog.partnerships, catalog.paths, slug)
    except AuthoringError as exc:
        QMessageBox.critical(parent, "Cannot delete", str(exc))
        return False
    return True
