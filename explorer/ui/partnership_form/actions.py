"""The Edit menu's partnership actions: new, edit, delete and revert, acting on the
partnership being read (`set_location`), else on one chosen from a list.

Part of the teacher's tools (explorer.ui.lesson_editor.actions.AuthoringActions, which
puts these actions in the menus); every change is announced through CatalogEvents.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QWidget

from explorer.core.changes import Changes
from explorer.core.location import Location
from explorer.store.catalog import Catalog
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.partnership_form.form import PartnershipForm
from explorer.ui.partnership_form.ops import confirm_delete, confirm_revert
from explorer.ui.pickers import ChoicePicker, partnership_choices
from explorer.ui.widgets import command_action


class PartnershipActions(QObject):
    #: a partnership was saved, or reverted to the app's version (its slug)
    partnership_saved = Signal(str)
    #: a partnership the teacher made was deleted (its slug)
    partnership_deleted = Signal(str)

    def __init__(self, parent: QWidget, catalog: Catalog, events: CatalogEvents) -> None:
        super().__init__(parent)
        self.window, self.catalog, self.events = parent, catalog, events
        self.location: Location | None = None
        #: the form open last (tests and the Check My Content dialog reach it)
        self.form: PartnershipForm | None = None
        window = parent
        self.new_partnership_action = command_action(
            window, "New &Partnership…", self.new_partnership, "Add a partnership", "Ctrl+Shift+N"
        )
        self.edit_partnership_action = command_action(
            window,
            "Edit P&artnership…",
            self.edit_partnership,
            "Edit this partnership, or choose one",
        )
        self.delete_partnership_action = command_action(
            window,
            "&Delete Partnership…",
            self.delete_partnership,
            "Delete a partnership you added",
        )
        self.revert_partnership_action = command_action(
            window,
            "Re&vert Partnership to Original…",
            self.revert_partnership,
            "Replace your version with the one that comes with the app",
        )
        self.update()

    def edit_menu_actions(self) -> list[QAction]:
        return [
            self.edit_partnership_action,
            self.delete_partnership_action,
            self.revert_partnership_action,
        ]

    def set_location(self, location: Location | None) -> None:
        self.location = location
        self.update()

    def _current(self) -> str:
        here = self.location
        return here.slug if here is not None and here.kind == "partnership" else ""

    def update(self) -> None:
        """Delete acts on a partnership the teacher added, Revert on an edited one."""
        origin = self.catalog.partnerships.origin_of(self._current())
        self.delete_partnership_action.setEnabled(origin is not None and origin[0] == "user")
        self.revert_partnership_action.setEnabled(origin == ("bundled", True))

    # -- the form ---------------------------------------------------------------------------
    def new_partnership(self) -> PartnershipForm:
        return self._open_form(None)

    def edit_partnership(self, slug: str = "") -> PartnershipForm | None:
        """Edit `slug`, else the partnership being read, else one chosen from a list."""
        slug = slug or self._current() or self._pick_partnership()
        return self._open_form(slug) if slug else None

    def _pick_partnership(self) -> str:
        picker = ChoicePicker(
            partnership_choices(self.catalog.partnerships.all()),
            self.window,
            title="Edit Partnership",
            accept_text="Edit",
            placeholder="Type a partnership's name…",
        )
        chosen = picker.chosen() if picker.exec() == QDialog.DialogCode.Accepted else None
        return chosen.slug if chosen else ""

    def _open_form(self, slug: str | None) -> PartnershipForm:
        form = PartnershipForm(self.catalog, slug, self.window)
        form.partnership_saved.connect(self._on_form_partnership_saved)
        form.partnership_deleted.connect(self._on_form_partnership_deleted)
        form.finished.connect(form.deleteLater)
        self.form = form
        form.open()
        return form

    # -- delete and revert ------------------------------------------------------------------
    def delete_partnership(self, slug: str = "") -> bool:
        slug = slug or self._current()
        if not slug or not confirm_delete(self.window, self.catalog, slug):
            return False
        self._on_form_partnership_deleted(slug)
        return True

    def revert_partnership(self, slug: str = "") -> bool:
        slug = slug or self._current()
        if not slug or not confirm_revert(self.window, self.catalog, slug):
            return False
        self._on_form_partnership_saved(slug)
        return True

    @Slot(str)
    def _on_form_partnership_saved(self, slug: str) -> None:
        self._after_change(slug)
        self.partnership_saved.emit(slug)

    @Slot(str)
    def _on_form_partnership_deleted(self, slug: str) -> None:
        self._after_change(slug)
        self.partnership_deleted.emit(slug)

    def _after_change(self, slug: str) -> None:
        """Tell every view; lessons are checked against the partnerships, so they are
        read again too."""
        self.events.apply(Changes(partnerships=frozenset({slug}), lessons=True))
        self.update()
