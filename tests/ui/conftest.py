"""Window fixtures: a fresh data dir, a fresh settings file, a shown window."""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QTextBrowser

from explorer.core.location import Location
from explorer.core.paths import AppPaths
from explorer.store.catalog import Catalog

LONG_LESSON = """---
slug: long-read
title: A long read about docking
section: outlook
order: 9
summary: Many sections, so it gets a table of contents.
topics: [technical]
---

{sections}

Read more on [the NASA site](https://www.nasa.gov/) or see
[Apollo-Soyuz](partnership:apollo-soyuz-test-project).
"""


def write_long_lesson(folder: Path, sections: int = 6) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(
        f"## Part {n}\n\n" + " ".join(["Docking adapters join two spacecraft."] * 40)
        for n in range(1, sections + 1)
    )
    path = folder / "long-read.md"
    path.write_text(LONG_LESSON.format(sections=body), encoding="utf-8")
    return path


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "settings.ini"


@pytest.fixture
def make_window(qtbot, paths: AppPaths, settings_file: Path) -> Iterator[Callable[..., object]]:
    """Build and show a whole window over the test's data dir; call again to 'restart'.

    The window has View > Teacher Tools on (most tests act as a teacher); pass
    `teacher=False` for the student's window, or `teacher=None` to keep the settings as
    they are (a new install's, or what the last window remembered)."""
    from explorer.app import build_window

    catalogs: list[Catalog] = []
    windows = []

    def make(
        wanted: Location | None = None,
        size: tuple[int, int] | None = None,
        teacher: bool | None = True,
    ):
        catalog = Catalog.open(paths)
        catalogs.append(catalog)
        settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
        if teacher is not None:
            settings.setValue("view/teacher_tools", "true" if teacher else "false")
        window = build_window(paths, catalog, wanted, settings)
        windows.append(window)
        if size:
            window.resize(*size)
        with qtbot.wait_exposed(window):
            window.show()
        with qtbot.wait_active(window):
            window.activateWindow()
        return window

    app = QApplication.instance()
    style_sheet, palette = app.styleSheet(), app.palette()
    yield make
    # Delete the windows now: left to Python's garbage collector, a window could be
    # deleted in the middle of a later test (say, while Qt polishes every widget).
    for window in windows:
        window.close()
        window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    windows.clear()
    gc.collect()
    for catalog in catalogs:
        catalog.close()
    app.setStyleSheet(style_sheet)  # the theme styles the whole application
    app.setPalette(palette)


@pytest.fixture
def window(make_window):
    return make_window()


@pytest.fixture
def long_lesson(paths: AppPaths) -> Path:
    """A teacher lesson long enough to scroll, with a web link and a partnership link."""
    return write_long_lesson(paths.teacher_lessons)


def link_point(view: QTextBrowser, text: str):
    """Where on screen (viewport coordinates) the link with this text is drawn."""
    cursor = view.document().find(text)
    assert not cursor.isNull(), f"{text!r} is not on the page"
    middle = QTextCursor(cursor)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    view.setTextCursor(middle)
    view.ensureCursorVisible()
    return view.cursorRect(middle).center()


def click_link(qtbot, view: QTextBrowser, text: str) -> None:
    from PySide6.QtCore import Qt

    point = link_point(view, text)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
