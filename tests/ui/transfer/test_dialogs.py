"""The content-pack import, export and backups dialogs, and the File menu's actions."""

from __future__ import annotations

import csv
import json
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTreeWidget

from explorer.core.csv_format import CsvError
from explorer.core.models import Problem
from explorer.store.authoring import save_partnership
from explorer.store.csv_import import ImportRefusedError
from explorer.store.pack_export import export_pack
from explorer.store.safe_zip import PackError
from explorer.ui.transfer.actions import TransferActions
from explorer.ui.transfer.backups_dialog import BackupsDialog
from explorer.ui.transfer.export_dialog import ExportDialog
from explorer.ui.transfer.pack_dialog import PackImportDialog
from explorer.ui.transfer.widgets import error_text
from explorer.ui.worker import CancelledError

LESSON = """---
title: Our moon base
section: case-studies
---

We are going to the Moon together.
"""


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def teacher_world(catalog, paths):
    """A lesson of the teacher's own and a partnership they added."""
    paths.teacher_lessons.mkdir(parents=True, exist_ok=True)
    (paths.teacher_lessons / "our-moon-base.md").write_text(LESSON, encoding="utf-8")
    store = catalog.partnerships
    moon = replace(store.get("exomars-esa-roscosmos"), slug="moon-base", name="Moon Base")
    save_partnership(store, paths, moon)
    catalog.reload_lessons()
    return catalog


def tick(qtbot, box) -> None:
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def save_as(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def row_texts(tree: QTreeWidget) -> list[list[str]]:
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


def click_row(qtbot, tree: QTreeWidget, index: int, column: int = 1) -> None:
    """Click a row's cell (the first column has a check box: the second by default)."""
    rect = tree.visualItemRect(tree.topLevelItem(index))
    x = tree.header().sectionViewportPosition(column) + tree.header().sectionSize(column) // 2
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


# -- content packs ----------------------------------------------------------------------------


def open_pack(qtbot, paths, pack: Path) -> PackImportDialog:
    dialog = PackImportDialog(paths, pack)
    qtbot.add_widget(dialog)
    dialog.show()
    dialog.load()
    qtbot.wait_until(lambda: dialog.work.job is None)
    return dialog


def test_a_pack_shows_each_item_with_a_choice(qtbot, teacher_world, paths, tmp_path):
    pack = tmp_path / "pack.zip"
    export_pack(teacher_world.partnerships, paths, pack, title="Moon unit")
    lesson = paths.teacher_lessons / "our-moon-base.md"
    shared = lesson.read_bytes()
    lesson.write_text(LESSON + "\nMy own ending.\n", encoding="utf-8")  # now a conflict
    teacher_world.partnerships.erase(["moon-base"])  # now new again

    dialog = open_pack(qtbot, paths, pack)
    assert dialog.heading.text() == "Moon unit"
    rows = {r[0]: r for r in row_texts(dialog.tree)}
    assert rows["Moon Base"][1:] == ["Partnership", "New: a new partnership", "Added"]
    assert rows["Our moon base"][2:] == [
        "Conflict: your lesson file our-moon-base.md differs",
        "Keeps your version",
    ]
    assert dialog.choices() == {"partnership:moon-base": True, "lesson:our-moon-base": False}
    assert dialog.import_button.text() == "&Import 1 Item"

    index = [r[0] for r in row_texts(dialog.tree)].index("Our moon base")
    click_row(qtbot, dialog.tree, index, column=0)
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Space)  # tick the conflict: take the pack's
    assert dialog.tree.topLevelItem(index).text(3) == "Replaces your version"
    assert dialog.import_button.text() == "&Import 2 Items"

    with qtbot.wait_signal(dialog.imported, timeout=20_000) as blocker:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert (blocker.args[0].partnerships, blocker.args[0].lessons) == (1, 1)
    assert lesson.read_bytes() == shared
    assert teacher_world.partnerships.get("moon-base").name == "Moon Base"
    assert dialog.message.text().startswith("Imported 1 partnership, 1 lesson and 0 images.")
    assert not dialog.import_button.isVisible()


def test_a_broken_pack_is_reported_in_the_dialog(qtbot, catalog, paths, tmp_path):
    pack = tmp_path / "notes.zip"
    pack.write_bytes(b"these are not the droids")
    dialog = open_pack(qtbot, paths, pack)
    assert dialog.message.isVisible()
    assert "notes.zip" in dialog.message.text()
    assert "Traceback" not in dialog.message.text()
    assert dialog.heading.text() == "notes.zip cannot be imported"
    assert not dialog.import_button.isVisible() and not dialog.tree.isVisible()


# -- export -------------------------------------------------------------------------------------


@pytest.fixture
def open_export(qtbot, settings):
    def open_(catalog, filtered=()):
        dialog = ExportDialog(catalog, settings, list(filtered))
        qtbot.add_widget(dialog)
        dialog.show()
        return dialog

    return open_


def test_export_writes_the_current_filter_as_csv(
    qtbot, catalog, open_export, tmp_path, monkeypatch
):
    dialog = open_export(catalog, ["apollo-soyuz-test-project"])
    assert not dialog.format_buttons["pack"].isEnabled()  # nothing of the teacher's yet
    assert not dialog.scope_buttons["mine"].isEnabled()
    tick(qtbot, dialog.scope_buttons["filtered"])
    save_as(monkeypatch, tmp_path / "out")  # the suffix is added
    with qtbot.wait_signal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    out = tmp_path / "out.csv"
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    assert [r["slug"] for r in rows] == ["apollo-soyuz-test-project"]
    assert dialog.message.text() == f"Wrote 1 partnership to {out}."


def test_export_all_as_json_and_a_pack(qtbot, teacher_world, open_export, tmp_path, monkeypatch):
    dialog = open_export(teacher_world)
    tick(qtbot, dialog.format_buttons["json"])
    save_as(monkeypatch, tmp_path / "all.json")
    with qtbot.wait_signal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    document = json.loads((tmp_path / "all.json").read_text(encoding="utf-8"))
    assert len(document["partnerships"]) == 4

    tick(qtbot, dialog.format_buttons["pack"])
    assert not dialog.scope_box.isEnabled()
    save_as(monkeypatch, tmp_path / "share.zip")
    with qtbot.wait_signal(dialog.exported, timeout=20_000):
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "share.zip").is_file()
    assert dialog.message.text() == (
        f"Wrote {tmp_path / 'share.zip'}: 1 lesson, 0 images and 1 partnership."
    )


def test_an_export_that_cannot_be_written_says_where(
    qtbot, catalog, open_export, tmp_path, monkeypatch
):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    dialog = open_export(catalog)
    save_as(monkeypatch, blocker / "out.csv")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: dialog.job is None)
    assert dialog.message.objectName() == "fieldError"
    assert dialog.message.text().startswith(f"{blocker / 'out.csv'} could not be written (")
    assert "Nothing was changed" in dialog.message.text()


# -- backups ------------------------------------------------------------------------------------


def test_backups_are_listed_made_and_restored(qtbot, catalog, paths, settings, monkeypatch):
    lesson = paths.teacher_lessons / "our-moon-base.md"
    lesson.parent.mkdir(parents=True, exist_ok=True)
    lesson.write_text(LESSON, encoding="utf-8")
    window = QMainWindow()
    qtbot.add_widget(window)
    transfer = TransferActions(window, catalog, paths, lambda: [], settings)
    dialog = transfer.backups()
    qtbot.add_widget(dialog)
    assert row_texts(dialog.tree)[0][0] == "No backups yet"
    assert not dialog.restore_button.isEnabled()

    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: dialog.work.job is None)
    [made] = row_texts(dialog.tree)
    assert made[1:3] == ["Backed up by you", "0 partnerships, 1 lesson file"]
    assert dialog.message.text() == "Backed up 0 partnerships, 1 lesson file."

    lesson.write_text(LESSON + "\nChanged my mind.\n", encoding="utf-8")
    click_row(qtbot, dialog.tree, 0)
    asked = []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes),
    )
    with qtbot.wait_signal(transfer.events.catalog_changed, timeout=20_000):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: dialog.work.job is None)
    assert "what they were on" in asked[0]
    assert lesson.read_text(encoding="utf-8") == LESSON
    assert [r[1] for r in row_texts(dialog.tree)] == ["Before a restore", "Backed up by you"]
    assert dialog.message.text().startswith("Restored 0 partnerships and 1 lesson file.")


def test_a_restore_not_confirmed_changes_nothing(qtbot, catalog, paths, monkeypatch):
    lesson = paths.teacher_lessons / "our-moon-base.md"
    lesson.parent.mkdir(parents=True, exist_ok=True)
    lesson.write_text(LESSON, encoding="utf-8")
    dialog = BackupsDialog(paths)
    qtbot.add_widget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.wait_until(lambda: dialog.work.job is None)
    lesson.write_text("mine now", encoding="utf-8")
    click_row(qtbot, dialog.tree, 0)
    monkeypatch.setattr(
        QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    )
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.work.job is None
    assert lesson.read_text(encoding="utf-8") == "mine now"


# -- the actions --------------------------------------------------------------------------------


def test_the_file_menu_actions(qtbot, catalog, paths, settings, monkeypatch):
    window = QMainWindow()
    qtbot.add_widget(window)
    transfer = TransferActions(
        window, catalog, paths, lambda: ["apollo-soyuz-test-project"], settings
    )
    texts = [a.text() if a else None for a in transfer.file_menu_actions()]
    assert texts == [
        "Import &Spreadsheet (CSV)…",
        "Import Content &Pack…",
        "E&xport…",
        None,
        "&Undo Last Import…",
        "&Backups…",
    ]
    assert not transfer.undo_import_action.isEnabled()

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: ("", "")))
    assert transfer.import_pack() is None  # the teacher cancelled the file dialog
    transfer.export_action.trigger()
    assert isinstance(transfer.dialog, ExportDialog)
    assert transfer.dialog.scope_buttons["filtered"].text() == "The current filter: 1 partnership"
    transfer.dialog.reject()

    job = transfer.back_up_daily()
    qtbot.wait_until(lambda: transfer.job is None)
    assert job is not None
    transfer.shutdown()


# -- the words for errors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (CancelledError(), "Cancelled: nothing was changed."),
        (
            ImportRefusedError(
                "1 row(s) are invalid; nothing was imported",
                (Problem("/x/sheet.csv", 7, "From: not a year"),),
            ),
            "1 row(s) are invalid; nothing was imported.\nsheet.csv, row 7: From: not a year",
        ),
        (
            CsvError(Problem("/x/sheet.csv", 3, "a quoted cell is never closed")),
            "sheet.csv, row 3: a quoted cell is never closed",
        ),
        (
            PackError("/x/p.zip: ../evil.md: a path outside the pack"),
            "/x/p.zip: ../evil.md: a path outside the pack.",
        ),
        (
            PermissionError(13, "Permission denied", "/x/out.csv"),
            "/x/out.csv: Permission denied. Nothing was changed.",
        ),
        (RuntimeError("boom"), "Something went wrong (RuntimeError: boom). Nothing was changed."),
    ],
)
def test_errors_are_told_in_words_with_file_and_row(error, expected):
    assert error_text(error) == expected
