"""View > Content Sources: the user's own list of shared folders, kept in a plain file."""

from __future__ import annotations

from dataclasses import replace

from explorer.core.paths import read_sources
from explorer.ui.content_sources import ContentSourcesDialog


def test_a_folder_added_and_removed_is_kept_in_the_users_list(qtbot, catalog, tmp_path):
    dialog = ContentSourcesDialog(catalog)
    qtbot.addWidget(dialog)
    share = tmp_path / "school-share"
    share.mkdir()
    dialog.add(share)
    assert read_sources(catalog.paths.sources_file) == [share]
    assert "from the next start" in dialog.list.item(0).text()
    dialog.list.setCurrentRow(0)
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert read_sources(catalog.paths.sources_file) == []


def test_a_folder_the_school_set_is_shown_and_cannot_be_removed(qtbot, catalog, tmp_path):
    share = tmp_path / "preset"
    share.mkdir()
    catalog.paths = replace(catalog.paths, shared=(share,))
    dialog = ContentSourcesDialog(catalog)
    qtbot.addWidget(dialog)
    text = dialog.list.item(0).text()
    assert "in use" in text and "set by your school" in text
    dialog.list.setCurrentRow(0)
    assert not dialog.remove_button.isEnabled()


def test_a_shared_lesson_says_where_it_comes_from(qtbot, paths, tmp_path):
    from explorer.core.location import Location
    from explorer.store.catalog import Catalog
    from explorer.ui.article.builder import PageBuilder

    share = tmp_path / "share"
    (share / "lessons").mkdir(parents=True)
    (share / "lessons" / "ours.md").write_text("---\ntitle: Ours\nsection: outlook\n---\nHi.\n")
    catalog = Catalog.open(replace(paths, shared=(share,)))
    html = PageBuilder(catalog).html(Location("lesson", "ours"))
    assert "from the shared content folder" in html
    catalog.close()
