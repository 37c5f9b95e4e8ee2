"""Start-up fills the window in steps: the lesson first, then the timeline and the teacher
tools. Whichever view the reader left open, both arrive."""

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtWidgets import QApplication

from explorer.app import install_views, make_window
from explorer.store.catalog import Catalog
from explorer.ui.timeline.panel import TimelinePanel


@pytest.mark.parametrize("left_on", ["read", "timeline"])
def test_the_timeline_and_teacher_tools_arrive_after_the_first_lesson(
    qtbot, paths, settings_file, left_on
):
    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    settings.setValue("read/location", "lesson:why-partner")
    settings.setValue("window/view", left_on)
    window = make_window(QApplication.instance(), paths, settings)
    catalog = Catalog.open(paths)
    with qtbot.wait_exposed(window):
        window.show()
    install_views(window, catalog, None, deferred=True)
    qtbot.wait_until(lambda: window.authoring is not None, timeout=5000)
    assert isinstance(window.timeline_view, TimelinePanel)
    assert window.current_view() == left_on
    file_menu = [action.text() for action in window.menus.file.actions()]
    assert "Import &Spreadsheet (CSV)…" in file_menu and "&New Lesson…" in file_menu
    window.authoring.shutdown()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
