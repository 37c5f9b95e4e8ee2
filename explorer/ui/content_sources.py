"""View > Content Sources: the shared content folders this app reads, and the user's own
list of them.

Folders given on the command line (`--content`), in $SPACE_EXPLORER_CONTENT or in the
system-wide list are set by whoever started the app or by the school: they are shown,
marked, and cannot be removed here. The user's own list is a plain file in their data
folder (`content-sources.txt`), written atomically; it takes effect the next time the app
starts. Nothing is ever written into a shared folder.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from explorer.core.atomic import atomic_write_text
from explorer.core.paths import read_sources
from explorer.store.catalog import Catalog

MINE_ROLE = Qt.ItemDataRole.UserRole


class ContentSourcesDialog(QDialog):
    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        self.setWindowTitle("Content Sources")
        self.setAccessibleName("Content sources")
        self.mine = read_sources(catalog.paths.sources_file)
        intro = QLabel(
            "Shared folders of lessons and partnerships this app reads, for example your "
            "school's network share. Nothing is ever written into them; what you make stays "
            "in your own data folder. Your own lessons win over a shared folder's, and a "
            "shared folder's over the app's. Changes take effect the next time the app starts."
        )
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setAccessibleName("Shared content folders")
        self.list.currentRowChanged.connect(self._on_list_current_row_changed)
        self.add_button = QPushButton("&Add Folder…")
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.remove_button = QPushButton("&Remove")
        self.remove_button.clicked.connect(self._on_remove_button_clicked)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(620, 380)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        reachable = set(self.catalog.reachable_sources())
        folders = list(dict.fromkeys([*self.catalog.paths.shared, *self.mine]))
        for folder in folders:
            mine = folder in self.mine
            state = "in use" if folder in reachable else "unavailable"
            if folder not in self.catalog.paths.shared:
                state = "from the next start"
            who = "" if mine else " · set by your school or at start-up"
            item = QListWidgetItem(f"{folder}  ({state}{who})")
            item.setData(MINE_ROLE, mine)
            item.setToolTip(str(folder))
            self.list.addItem(item)
        if not folders:
            self.list.addItem(QListWidgetItem("No shared folders: only your own and the app's."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._on_list_current_row_changed(self.list.currentRow())

    def _save(self) -> None:
        text = "".join(f"{folder}\n" for folder in self.mine)
        atomic_write_text(self.catalog.paths.sources_file, text)
        self.refresh()

    @Slot()
    def _on_add_button_clicked(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Add a Shared Content Folder")
        if chosen:
            self.add(Path(chosen))

    def add(self, folder: Path) -> None:
        if folder not in self.mine and folder != self.catalog.paths.data_dir:
            self.mine.append(folder)
            self._save()

    @Slot()
    def _on_remove_button_clicked(self) -> None:
        item = self.list.currentItem()
        if item is None or not item.data(MINE_ROLE):
            return
        folder = Path(item.toolTip())
        self.mine = [f for f in self.mine if f != folder]
        self._save()

    @Slot(int)
    def _on_list_current_row_changed(self, row: int) -> None:
        item = self.list.item(row) if row >= 0 else None
        self.remove_button.setEnabled(bool(item is not None and item.data(MINE_ROLE)))
