"""The spreadsheet import wizard: columns, preview, import in the background, undo."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QTimer
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWizard

from explorer.store.csv_import import import_csv, preview_csv
from explorer.ui.transfer import import_requests
from explorer.ui.transfer.actions import TransferActions
from explorer.ui.transfer.import_preview import PreviewModel
from explorer.ui.transfer.import_wizard import ImportWizard
from tests.benchmarks.test_import_speed import generated_csv

Button = QWizard.WizardButton
HEADER = "Slug,Title,Kind,From,Until,State,Area,Agencies,Notes\n"
GOOD = "moon-base,Moon Base,multilateral,2030,,planned,lunar,NASA; ESA,fine\n"
BAD = "mars-relay,Mars Relay,bilateral,nineteen,,active,planetary,NASA,\n"
BAD_MESSAGE = "From: 'nineteen' is not a year or a date"


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def sheet(tmp_path):
    def write(text: str, name: str = "sheet.csv") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def open_wizard(qtbot, paths, settings, catalog):  # the window has opened its catalog
    made: list[ImportWizard] = []

    def open_(path: Path) -> ImportWizard:
        wizard = ImportWizard(paths, settings, None, path)
        qtbot.add_widget(wizard)
        wizard.show()
        made.append(wizard)
        return wizard

    yield open_
    for wizard in made:
        if wizard.session.job is not None:
            wizard.session.job.wait()


def click(qtbot, wizard: ImportWizard, which: QWizard.WizardButton) -> None:
    button = wizard.button(which)
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def tick(qtbot, box) -> None:
    """Click a check box or radio button on its indicator."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(6, box.height() // 2))


def to_columns(qtbot, wizard: ImportWizard) -> None:
    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: wizard.session.sample is not None and not wizard.session.busy)


def to_check(qtbot, wizard: ImportWizard) -> None:
    to_columns(qtbot, wizard)
    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: wizard.session.preview is not None and not wizard.session.busy)


def test_wizard_maps_columns_and_previews_a_bad_row(qtbot, open_wizard, sheet):
    wizard = open_wizard(sheet(HEADER + GOOD + BAD))
    to_columns(qtbot, wizard)
    mapping = wizard.columns_page.mapping
    chosen = mapping.choices()
    assert (chosen["name"], chosen["start_year"], chosen["partners"]) == (
        "Title",
        "From",
        "Agencies",
    )
    assert chosen["countries"] == ""
    assert mapping.table.item(1, 0).text() == "Name *"  # required fields are marked
    assert mapping.table.item(3, 2).text() == "2030"  # an example from the file
    assert mapping.encoding.currentText() == "UTF-8 (detected)"
    assert mapping.delimiter.currentText() == "comma (detected)"
    assert mapping.ignored.text() == "Every column is imported."  # Notes -> description
    assert chosen["description"] == "Notes"

    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: wizard.session.preview is not None and not wizard.session.busy)
    panel = wizard.check_page.panel
    assert panel.filter_buttons["invalid"].text() == "Invalid 1"
    assert panel.filter_buttons["invalid"].isChecked()  # the problems come first
    assert panel.visible_details() == [BAD_MESSAGE]
    assert panel.table.model().index(0, 0).data() == 3  # the spreadsheet's row number
    assert not wizard.button(Button.CommitButton).isEnabled()
    assert "1 row is invalid" in wizard.check_page.blocker.text()

    qtbot.mouseClick(panel.filter_buttons["new"], Qt.MouseButton.LeftButton)
    assert panel.visible_details() == ["A new partnership"]
    qtbot.mouseClick(panel.filter_buttons[""], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(panel.search, "mars")
    assert panel.visible_details() == [BAD_MESSAGE]

    tick(qtbot, panel.skip_invalid)
    assert wizard.button(Button.CommitButton).isEnabled()


def test_a_missing_required_column_is_chosen_and_remembered(qtbot, open_wizard, sheet):
    header = "Name,Type,Beginn,Status,Domain\n"
    wizard = open_wizard(sheet(header + "Moon Base,bilateral,2030,planned,lunar\n"))
    to_columns(qtbot, wizard)
    page = wizard.columns_page
    assert page.problem.text() == "Choose a column for Start year."
    assert not wizard.button(Button.NextButton).isEnabled()
    combo = page.mapping.combos["start_year"]
    combo.setFocus()
    qtbot.keyClicks(combo, "Beginn")
    assert page.mapping.choices()["start_year"] == "Beginn"
    assert not page.problem.isVisible()
    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: wizard.session.preview is not None and not wizard.session.busy)
    wizard.reject()

    again = open_wizard(sheet(header + "Mars,bilateral,2031,planned,planetary\n", "two.csv"))
    to_columns(qtbot, again)
    assert again.columns_page.mapping.choices()["start_year"] == "Beginn"
    assert again.button(Button.NextButton).isEnabled()


def test_an_unreadable_file_is_reported_with_its_row(qtbot, open_wizard, sheet):
    wizard = open_wizard(sheet(HEADER + 'x,"Moon Base,multilateral\n'))
    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: not wizard.session.busy)
    problem = wizard.columns_page.problem
    assert problem.isVisible()
    assert problem.text() == "sheet.csv, row 2: a quoted cell is never closed (a '\"' is missing)"
    assert not wizard.button(Button.NextButton).isEnabled()


def test_a_file_read_wrongly_can_be_read_with_another_encoding(qtbot, open_wizard, tmp_path):
    path = tmp_path / "unicode.csv"  # Excel's "Unicode text", without its byte-order mark
    path.write_bytes((HEADER + GOOD).encode("utf-16-le"))
    wizard = open_wizard(path)
    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: not wizard.session.busy)
    page = wizard.columns_page
    assert page.problem.text() == "unicode.csv, row 1: this is a binary file, not CSV text"
    page.mapping.encoding.setFocus()
    qtbot.keyClicks(page.mapping.encoding, "UTF-16")
    qtbot.wait_until(lambda: wizard.session.sample is not None and not wizard.session.busy)
    assert page.mapping.choices()["name"] == "Title"
    assert page.mapping.encoding.currentText() == "UTF-16"
    assert not page.problem.isVisible()
    assert wizard.button(Button.NextButton).isEnabled()


def test_an_import_through_the_wizard_lands_and_can_be_undone(
    qtbot, catalog, paths, settings, sheet, monkeypatch
):
    window = QMainWindow()
    qtbot.add_widget(window)
    transfer = TransferActions(window, catalog, paths, lambda: [], settings)
    assert not transfer.undo_import_action.isEnabled()
    changed = (
        "apollo-soyuz-test-project,Apollo and Soyuz,bilateral,1975,1975,completed,"
        "human-spaceflight,NASA,\n"
    )
    wizard = transfer.import_spreadsheet(sheet(HEADER + GOOD + changed))
    qtbot.add_widget(wizard)
    to_check(qtbot, wizard)
    panel = wizard.check_page.panel
    assert panel.filter_buttons["changed"].text() == "Changed 1"
    qtbot.mouseClick(panel.filter_buttons["changed"], Qt.MouseButton.LeftButton)
    assert panel.visible_details() == [
        "Comes with the app, kept unless you choose to change it: Name: "
        "'Apollo-Soyuz Test Project (ASTP)' → 'Apollo and Soyuz'; Partners: 'NASA; Soviet "
        "Academy of Sciences' → 'NASA'; Description: 'An American Apollo capsule and a "
        "Soviet Soyuz met and docke…' → (empty)"
    ]
    assert panel.update_bundled.isVisible() and not panel.update_bundled.isChecked()
    tick(qtbot, panel.update_bundled)  # the teacher chooses to change it
    with qtbot.wait_signal(transfer.events.catalog_changed, timeout=20_000):
        click(qtbot, wizard, Button.CommitButton)
    store = catalog.partnerships
    assert store.get("moon-base").name == "Moon Base"
    assert store.get("apollo-soyuz-test-project").name == "Apollo and Soyuz"
    assert {"nasa", "esa"} <= {x.partner.slug for x in store.get("moon-base").partners}
    summary = wizard.import_page.result.text()
    assert summary.startswith("Added 1 partnership and updated 1.\n")
    assert "Undo Last Import" in summary
    assert wizard.button(Button.FinishButton).isEnabled()
    assert not wizard.button(Button.CancelButton).isVisible()
    assert transfer.undo_import_action.isEnabled()
    assert "sheet.csv" in transfer.undo_import_action.text()

    asked, told = [], []
    monkeypatch.setattr(
        QMessageBox,
        "question",
        staticmethod(lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Yes),
    )
    monkeypatch.setattr(
        QMessageBox,
        "information",
        staticmethod(lambda *a, **k: told.append(a[2]) or QMessageBox.StandardButton.Ok),
    )
    with qtbot.wait_signal(transfer.events.catalog_changed, timeout=20_000):
        transfer.undo_import_action.trigger()
    qtbot.wait_until(lambda: transfer.job is None)
    assert "Undo the import of sheet.csv" in asked[0]
    assert told and told[0].startswith("Undone: 1 partnership put back, 1 removed")
    assert store.get("moon-base") is None
    assert store.get("apollo-soyuz-test-project").name == "Apollo-Soyuz Test Project (ASTP)"
    assert not transfer.undo_import_action.isEnabled()


def test_a_partnership_that_comes_with_the_app_is_kept_by_default(
    qtbot, open_wizard, catalog, sheet
):
    changed = (
        "apollo-soyuz-test-project,Apollo and Soyuz,bilateral,1975,1975,completed,"
        "human-spaceflight,NASA,\n"
    )
    wizard = open_wizard(sheet(HEADER + GOOD + changed))
    to_check(qtbot, wizard)
    assert not wizard.check_page.panel.skip_existing.isEnabled()  # none of yours changes
    with qtbot.wait_signal(wizard.imported, timeout=20_000) as blocker:
        click(qtbot, wizard, Button.CommitButton)
    result = blocker.args[0]
    assert (result.added, result.skipped, result.kept_bundled) == (1, 1, 1)
    assert catalog.partnerships.get("apollo-soyuz-test-project").name != "Apollo and Soyuz"
    assert "Kept 1 partnership that comes with the app as it was" in (
        wizard.import_page.result.text()
    )


def test_the_preview_shows_a_derived_type_and_a_near_duplicate(qtbot, open_wizard, catalog, sheet):
    wizard = open_wizard(
        sheet(
            "Mission,Company,Date\n"
            '"ExoMars Trace Gas Orbiter","ESA; Roscosmos","Mon Mar 14, 2016 09:31 UTC"\n'
            '"Moon Relay Demo","NASA; SpaceX","Thu Feb 15, 2024 06:05 UTC"\n'
        )
    )
    to_columns(qtbot, wizard)
    chosen = wizard.columns_page.mapping.choices()
    assert (chosen["name"], chosen["partners"], chosen["start_year"]) == (
        "Mission",
        "Company",
        "Date",
    )
    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: wizard.session.preview is not None and not wizard.session.busy)
    panel = wizard.check_page.panel
    details = panel.visible_details()
    assert details[0].startswith("Close to “ExoMars (ESA-Roscosmos)”, already in the catalog")
    assert "Type: Multilateral (worked out: a body of nations is a partner)" in details[0]
    assert "Type: Public-private (worked out: a company is a partner)" in details[1]
    assert "Status: Active (worked out: no end year)" in details[1]
    assert panel.filter_buttons["flagged"].text() == "Flagged 1"
    qtbot.mouseClick(panel.filter_buttons["flagged"], Qt.MouseButton.LeftButton)
    assert len(panel.visible_details()) == 1
    assert "the type from the partners (2 rows)" in panel.reasons.text()
    assert "To look at: Mission: close to the name of a partnership already in the catalog" in (
        panel.reasons.text()
    )
    assert wizard.button(Button.CommitButton).isEnabled()


def test_a_value_for_every_row_is_chosen_on_the_columns_step(qtbot, open_wizard, sheet):
    wizard = open_wizard(sheet("Mission,Company,Date\nMoon Relay,NASA,2024-02-15\n"))
    to_columns(qtbot, wizard)
    combo = wizard.columns_page.mapping.combos["status"]
    combo.setCurrentIndex(combo.findText("Every row: Planned"))
    combo.activated.emit(combo.currentIndex())
    assert wizard.columns_page.mapping.fixed() == {"status": "planned"}
    click(qtbot, wizard, Button.NextButton)
    qtbot.wait_until(lambda: wizard.session.preview is not None and not wizard.session.busy)
    assert wizard.session.preview.rows[0].record.status == "planned"
    assert "status" not in wizard.session.preview.rows[0].derived


def test_the_event_loop_keeps_running_during_an_import(qtbot, open_wizard, catalog, tmp_path):
    """The import runs in a worker thread: a timer keeps ticking and the bar moves."""
    wizard = open_wizard(generated_csv(tmp_path / "big.csv", rows=2_000))
    to_check(qtbot, wizard)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    bar = wizard.import_page.progress.bar
    moved: list[int] = []
    bar.valueChanged.connect(moved.append)
    with qtbot.wait_signal(wizard.imported, timeout=60_000):
        click(qtbot, wizard, Button.CommitButton)
    timer.stop()
    assert ticks, "the event loop did not run while the import did"
    assert moved, "the progress bar did not move"
    assert catalog.partnerships.get("bench-1999") is not None


def test_cancel_during_the_import_rolls_it_back(qtbot, open_wizard, catalog, tmp_path, monkeypatch):
    wizard = open_wizard(generated_csv(tmp_path / "big.csv", rows=2_000))
    to_check(qtbot, wizard)
    before = catalog.partnerships.count()
    # The import waits for the click on Cancel, so that a fast machine cannot finish it
    # first; then it runs as it would, and meets the cancel at its first progress step.
    cancelled = threading.Event()

    def import_after_cancel(*args, **kwargs):
        cancelled.wait(30)
        return import_csv(*args, **kwargs)

    monkeypatch.setattr(import_requests, "import_csv", import_after_cancel)
    click(qtbot, wizard, Button.CommitButton)
    click(qtbot, wizard, Button.CancelButton)
    cancelled.set()
    assert wizard.isVisible()  # stays open to say what happened
    qtbot.wait_until(lambda: wizard.session.finished, timeout=60_000)
    assert wizard.import_page.result.text() == "Cancelled: nothing was imported."
    assert catalog.partnerships.count() == before


def test_the_preview_model(qtmodeltester, catalog, sheet):
    preview = preview_csv(sheet(HEADER + GOOD + BAD), catalog.partnerships)
    model = PreviewModel(preview)
    qtmodeltester.check(model)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["New", "Invalid"]
