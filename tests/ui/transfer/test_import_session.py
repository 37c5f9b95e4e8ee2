"""The import wizard's session without its pages: requests in, outcomes out as signals;
and the requests as plain values that run without Qt."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, QSettings

from explorer.store.csv_import import preview_csv
from explorer.ui.transfer.import_requests import (
    CheckRequest,
    ImportRequest,
    MappingChoice,
    ReadRequest,
)
from explorer.ui.transfer.import_session import CANCELLED, ImportSession

HEADER = "Slug,Title,Kind,From,Until,State,Area,Agencies\n"
GOOD = "moon-base,Moon Base,multilateral,2030,,planned,lunar,NASA; ESA\n"
BAD = "mars-relay,Mars Relay,bilateral,nineteen,,active,planetary,NASA\n"
COLUMNS = {
    "slug": "Slug",
    "name": "Title",
    "type": "Kind",
    "start_year": "From",
    "end_year": "Until",
    "status": "State",
    "domain": "Area",
    "partners": "Agencies",
}


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def session(qtbot, paths, settings, catalog):  # the window has opened its catalog
    owner = QObject()
    made = ImportSession(paths, settings, owner)
    yield made
    made.close()


def test_a_session_reads_checks_and_imports_and_remembers_the_columns(
    qtbot, session, settings, catalog, paths, tmp_path
):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    session.choose_file(sheet)
    with qtbot.wait_signal(session.file_read) as read:
        session.read(ReadRequest(sheet))
    sample = read.args[0]
    assert (sample.header[1], sample.rows) == ("Title", 2)
    assert session.detected == ("utf-8", ",") and not session.busy

    chosen = MappingChoice({**COLUMNS, "domain": ""}, {"domain": "astronomy"})
    session.choose_mapping(chosen)
    owner = QObject()
    again = ImportSession(paths, settings, owner)
    assert again.remembered_mapping(sample.header) == chosen
    assert again.last_folder() == str(tmp_path)

    with qtbot.wait_signal(session.rows_checked) as checked:
        session.check(CheckRequest(sample, session.mapping))
    preview = checked.args[0]
    assert preview.counts()["new"] == 1 and preview.counts()["invalid"] == 1

    with qtbot.wait_signal(session.imported, timeout=20_000) as imported:
        session.run(ImportRequest(preview, skip_invalid=True))
    assert imported.args[0].added == 1 and session.finished and session.task == ""
    assert catalog.partnerships.get("moon-base").domain == "astronomy"  # the value chosen


def test_an_import_refused_is_told_in_words(qtbot, session, catalog, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(HEADER + GOOD + BAD, encoding="utf-8")
    preview = preview_csv(sheet, catalog.partnerships, COLUMNS)
    with qtbot.wait_signal(session.import_failed, timeout=20_000) as failed:
        session.run(ImportRequest(preview))  # an invalid row, and not told to skip it
    assert "invalid" in failed.args[0] and failed.args[0] != CANCELLED
    assert session.finished and session.result is None
    assert catalog.partnerships.get("moon-base") is None


def test_a_file_that_cannot_be_read_says_how_it_was_read(qtbot, session, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(HEADER + 'x,"Moon Base,multilateral\n', encoding="utf-8")
    with qtbot.wait_signal(session.read_failed) as failed:
        session.read(ReadRequest(sheet, "utf-8", ","))
    failure = failed.args[0]
    assert failure.message.startswith("sheet.csv, row 2: a quoted cell is never closed")
    assert failure.request == ReadRequest(sheet, "utf-8", ",") and session.sample is None


def test_an_import_request_is_a_value_that_runs_without_qt(catalog, paths, tmp_path):
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(HEADER + GOOD, encoding="utf-8")
    preview = preview_csv(sheet, catalog.partnerships, COLUMNS)
    stages: list[str] = []
    result = ImportRequest(preview).run(
        catalog.partnerships, paths, lambda stage, _done, _total: stages.append(stage)
    )
    assert result.added == 1 and "writing" in stages
    assert catalog.partnerships.get("moon-base").name == "Moon Base"
