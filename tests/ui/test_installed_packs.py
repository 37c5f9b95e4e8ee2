"""File > Installed Packs: a pack removed as a whole and put back, the views told."""

from __future__ import annotations

from dataclasses import replace

from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.store.pack_export import export_pack
from explorer.store.pack_import import import_pack, read_pack
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.installed_packs import InstalledPacksDialog


def test_a_pack_is_listed_removed_and_put_back(qtbot, catalog, paths, tmp_path):
    (paths.teacher_lessons / "moon.md").write_text("---\ntitle: Moon\nsection: outlook\n---\nHi.\n")
    base = replace(catalog.partnerships.get("exomars-esa-roscosmos"), slug="moon-base")
    save_partnership(catalog.partnerships, paths, base)
    pack = tmp_path / "p.zip"
    export_pack(catalog.partnerships, paths, pack, "Moon week", version="3", author="Mr Lee")
    other = Catalog.open(replace(paths, data_dir=tmp_path / "other"))
    import_pack(read_pack(pack, other.partnerships, other.paths), other.partnerships, other.paths)
    events = CatalogEvents(other)
    dialog = InstalledPacksDialog(other, events)
    qtbot.addWidget(dialog)
    row = dialog.tree.topLevelItem(0)
    assert [row.text(c) for c in range(3)] == [
        "Moon week",
        "version 3, by Mr Lee",
        "1 partnerships, 1 lessons",
    ]
    dialog.tree.setCurrentItem(row)
    with qtbot.waitSignal(events.catalog_changed, timeout=10_000):
        dialog.remove_button.click()
    qtbot.waitUntil(lambda: dialog.put_back_button.isEnabled())
    assert dialog.tree.topLevelItemCount() == 0 and other.partnerships.get("moon-base") is None
    with qtbot.waitSignal(dialog.packs_changed, timeout=10_000):
        dialog.put_back_button.click()
    assert dialog.tree.topLevelItemCount() == 1 and other.partnerships.get("moon-base")
    other.close()
