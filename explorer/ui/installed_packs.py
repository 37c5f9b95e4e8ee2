"""File > Installed Packs: which content came from which pack, and removing a pack as a
whole (into the trash, from where Put Back brings it again)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from explorer.store.catalog import Catalog
from explorer.store.packs import InstalledPack, Removed, installed_packs, remove_pack, undo_remove
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.store_op import StoreOp

NAME_ROLE = Qt.ItemDataRole.UserRole


def pack_line(pack: InstalledPack) -> list[str]:
    version = f"version {pack.version}" if pack.version else ""
    return [
        pack.title or pack.name,
        ", ".join(x for x in (version, f"by {pack.author}" if pack.author else "") if x),
        f"{len(pack.partnerships)} partnerships, {len(pack.lessons)} lessons",
        pack.created[:16].replace("T", " "),
    ]


class InstalledPacksDialog(QDialog):
    #: a pack was removed or put back (the window's views were told through events)
    packs_changed = Signal()

    def __init__(
        self, catalog: Catalog, events: CatalogEvents, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.catalog, self.events = catalog, events
        self.last_removed: Removed | None = None
        self.setWindowTitle("Installed Packs")
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Pack", "Version", "Holds", "Installed"])
        self.tree.setAccessibleName("Installed content packs")
        self.tree.currentItemChanged.connect(self._on_tree_current_item_changed)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.remove_button = QPushButton("&Remove Pack…")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        self.put_back_button = QPushButton("&Put Back")
        self.put_back_button.clicked.connect(self._on_put_back_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.remove_button)
        row.addWidget(self.put_back_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(720, 380)
        self.refresh()

    def refresh(self) -> None:
        self.tree.clear()
        for pack in installed_packs(self.catalog.paths):
            item = QTreeWidgetItem(pack_line(pack))
            item.setData(0, NAME_ROLE, pack.name)
            for lesson in pack.lessons:
                item.addChild(QTreeWidgetItem([lesson.removeprefix("lessons/")]))
            self.tree.addTopLevelItem(item)
        for column in range(4):
            self.tree.resizeColumnToContents(column)
        if not self.tree.topLevelItemCount():
            self.message.setText("No content packs are installed.")
        self.put_back_button.setEnabled(self.last_removed is not None)
        self._on_tree_current_item_changed(self.tree.currentItem(), None)

    def remove(self, name: str) -> None:
        """Remove a pack in the background; Put Back then brings it again."""
        paths = self.catalog.paths
        self.remove_button.setEnabled(False)
        StoreOp(self, paths, lambda store, _p: remove_pack(store, paths, name)).success(
            self._on_removed
        ).failure(self._on_failed).changes_to(self.events).run()

    def _on_removed(self, removed: Removed) -> None:
        self.last_removed = removed
        kept = (
            f" Kept, because you changed them: {', '.join(removed.kept)}." if removed.kept else ""
        )
        self.message.setText(
            f"Removed {removed.name}: {removed.partnerships} partnerships and "
            f"{removed.files} files went to the trash.{kept} Put Back brings them again."
        )
        self.refresh()
        self.packs_changed.emit()

    def _on_failed(self, exc: Exception) -> None:
        self.message.setText(str(exc))
        self.refresh()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        item = self.tree.currentItem()
        while item is not None and item.parent() is not None:
            item = item.parent()
        if item is not None:
            self.remove(str(item.data(0, NAME_ROLE)))

    @Slot()
    def _on_put_back_button_clicked(self) -> None:
        removed = self.last_removed
        if removed is None:
            return
        paths = self.catalog.paths
        self.last_removed = None
        StoreOp(self, paths, lambda store, _p: undo_remove(store, paths, removed.trash)).success(
            lambda _changes: self._on_put_back(removed)
        ).failure(self._on_failed).run()

    def _on_put_back(self, removed: Removed) -> None:
        self.events.apply(removed.changes)
        self.message.setText(f"Put back {removed.name}.")
        self.refresh()
        self.packs_changed.emit()

    @Slot(object, object)
    def _on_tree_current_item_changed(self, current: object, _previous: object) -> None:
        self.remove_button.setEnabled(current is not None)
