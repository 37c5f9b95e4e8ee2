"""Handouts and quiz export in the window: the File menu, the dialogs driven with the
keyboard, the files they write, and the handout's layout on paper."""

from __future__ import annotations

import base64
import xml.etree.ElementTree as ElementTree
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, QSizeF, Qt
from PySide6.QtGui import QTextTable
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFileDialog,
    QLabel,
    QWidget,
)

from explorer.core.handouts import HandoutOptions, handout_style_sheet
from explorer.core.location import Location
from explorer.ui.handouts.content import make_handout
from explorer.ui.handouts.dialog import HandoutDialog
from explorer.ui.handouts.document import HandoutDocument
from explorer.ui.handouts.printing import page_layout
from explorer.ui.handouts.quiz_dialog import QuizExportDialog

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
)
WIDE = """---
title: A wide picture and a wide table
section: foundations
partnerships: [apollo-soyuz-test-project]
questions:
{questions}
---

![A very wide strip](fig/strip.png)

| Mission | Partners | Years | What it did |
|---|---|---|---|
{rows}
"""


def write_wide_lesson(folder: Path, questions: int = 12) -> None:
    from PySide6.QtGui import QImage

    (folder / "fig").mkdir(parents=True, exist_ok=True)
    strip = QImage(2400, 300, QImage.Format.Format_RGB32)
    strip.fill(0x336699)
    strip.save(str(folder / "fig" / "strip.png"))
    rows = "\n".join(
        f"| Mission{'Unbreakable' * 8 if n == 3 else ''} {n} | NASA, ESA, JAXA, CSA, Roscosmos"
        f" | 19{n:02d} | " + "A long description of what it did. " * 3 + "|"
        for n in range(40)
    )
    asked = "\n".join(
        f"  - question: Question number {n}, about orbits?\n"
        f"    choices: [Low orbit, High orbit, Lagrange point, Lunar orbit]\n"
        f"    answer: 0"
        if n % 2
        else f"  - question: Explain thing number {n}.\n    answer: {'Because. ' * 30}"
        for n in range(questions)
    )
    (folder / "wide.md").write_text(WIDE.format(questions=asked, rows=rows), encoding="utf-8")


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "handouts.ini"), QSettings.Format.IniFormat)


def save_as(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(path), ""))
    )


def show(qtbot, dialog) -> None:
    """Shown and active: shortcut keys (Alt+letter) reach an active window only."""
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    with qtbot.waitActive(dialog):
        dialog.activateWindow()


def menu_texts(window) -> list[str]:
    return [a.text().replace("&", "") for a in window.menus.file.actions()]


# -- the window -----------------------------------------------------------------------------


def test_the_file_menu_prints_the_page_being_read(make_window):
    window = make_window(Location("lesson", "why-partner"))
    texts = menu_texts(window)
    assert {"Print…", "Export as PDF…", "Export Quiz…"} <= set(texts)
    assert texts.index("Print…") < texts.index("Quit")
    classroom = window.classroom
    assert classroom.print_action.isEnabled() and classroom.pdf_action.isEnabled()
    window.go_to(Location("glossary", "barter"))
    assert not classroom.print_action.isEnabled()
    window.go_to(Location("topic", "cost-sharing"))
    assert classroom.pdf_action.isEnabled()
    window.go_to(Location("timeline"))
    assert not classroom.pdf_action.isEnabled()
    assert classroom.quiz_action.isEnabled()  # the quiz is for any lesson, from anywhere


def test_ctrl_p_opens_the_print_dialog_for_the_lesson(qtbot, make_window):
    window = make_window(Location("lesson", "why-partner"))
    qtbot.keyClick(window, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    dialog = window.classroom.dialog
    assert isinstance(dialog, HandoutDialog) and dialog.mode == "print"
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Print Handout"
    assert dialog.go_button.text().replace("&", "") == "Print…"


def test_every_choice_has_a_name_for_screen_readers(qapp, catalog, settings):
    for dialog in (
        HandoutDialog(catalog, Location("lesson", "why-partner"), settings),
        QuizExportDialog(list(catalog.library.lessons), settings),
    ):
        for widget in dialog.findChildren(QWidget):
            if isinstance(widget, QAbstractButton | QComboBox):
                name = widget.accessibleName() or getattr(widget, "text", lambda: "")()
                assert name.replace("&", "").strip(), widget


# -- the handout dialog, by keyboard ------------------------------------------------------------


def test_a_pdf_on_letter_paper_without_the_key_chosen_by_keyboard(
    qtbot, catalog, settings, tmp_path, monkeypatch
):
    out = tmp_path / "why.pdf"
    save_as(monkeypatch, out)
    dialog = HandoutDialog(catalog, Location("lesson", "why-partner"), settings, "pdf")
    show(qtbot, dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # Paper size
    assert dialog.focusWidget() is dialog.paper
    qtbot.keyClick(dialog.paper, Qt.Key.Key_Down)
    qtbot.keyClick(dialog, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # Left out
    qtbot.keyClick(dialog, Qt.Key.Key_T, Qt.KeyboardModifier.AltModifier)  # no timeline
    wanted = HandoutOptions("letter", "none", False)
    qtbot.waitUntil(lambda: dialog.options() == wanted)  # a shortcut key clicks after a moment
    with qtbot.wait_signal(dialog.saved):
        qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # Save PDF…
    reader = PdfReader(out)
    page = reader.pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (612, 792)
    text = "".join("".join(p.extract_text() for p in reader.pages).split())
    assert "Whodockedin1975?" in text and "Answerkey" not in text
    assert sum(len(p.images) for p in reader.pages) == 0
    assert "Saved" in dialog.message.text() and "Letter" in dialog.message.text()
    again = HandoutDialog(catalog, Location("lesson", "why-partner"), settings, "pdf")
    assert again.options() == HandoutOptions("letter", "none", False)  # remembered


def test_a_page_without_questions_or_picture_offers_neither(qapp, catalog, settings):
    dialog = HandoutDialog(catalog, Location("partnership", "apollo-soyuz-test-project"), settings)
    assert dialog.answer_buttons["separate"].parentWidget().isHidden()
    assert dialog.timeline.isHidden() and not dialog.options().timeline
    lesson = HandoutDialog(catalog, Location("lesson", "sharing-the-cost"), settings)
    assert not lesson.answer_buttons["none"].parentWidget().isEnabled()  # no questions
    assert "it has no questions for a worksheet" in " ".join(
        label.text() for label in lesson.findChildren(QLabel)
    )


def test_printing_goes_through_the_same_pages(qtbot, catalog, settings, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    printer.setPageLayout(page_layout("a4"))
    dialog = HandoutDialog(catalog, Location("lesson", "why-partner"), settings, "print")
    qtbot.addWidget(dialog)
    with qtbot.wait_signal(dialog.printed) as printed:
        pages = dialog.print_handout(HandoutOptions(), printer)
    assert pages == printed.args[0] == len(PdfReader(out).pages) >= 2
    text = "".join(PdfReader(out).pages[-1].extract_text().split())
    assert "Answerkey" in text and "TheApollo-SoyuzTestProject." in text


# -- the handout on paper -------------------------------------------------------------------------


def laid_out(catalog, slug: str, width: float = 657, height: float = 960) -> HandoutDocument:
    handout = make_handout(catalog, Location("lesson", slug), HandoutOptions(), date(2026, 1, 5))
    assert handout is not None
    document = HandoutDocument(handout, handout_style_sheet(catalog.paths.resources_dir))
    document.setPageSize(QSizeF(width, height))
    document.fit_pictures(width)
    document.keep_together(height)
    return document


def test_wide_pictures_and_tables_fit_the_page(qapp, catalog, paths):
    write_wide_lesson(paths.teacher_lessons)
    catalog.reload_lessons()
    document = laid_out(catalog, "wide")
    layout = document.documentLayout()
    widths, tables = [], set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            image = it.fragment().charFormat().toImageFormat()
            if image.isValid():
                widths.append(image.width())
            it += 1
        frame = document.frameAt(block.position())
        if isinstance(frame, QTextTable):
            assert layout.frameBoundingRect(frame).width() <= 657 + 1, block.text()
            tables.add(frame.firstPosition())
        block = block.next()
    assert len(tables) >= 3  # the lesson's, the partnerships' and the writing lines' tables
    assert widths and max(widths) <= 657  # the 2400 px strip and the chart, scaled to fit
    assert document.pageCount() >= 4


def test_a_question_never_breaks_across_two_pages(qapp, catalog, paths):
    write_wide_lesson(paths.teacher_lessons, questions=24)
    catalog.reload_lessons()
    height = 700.0
    document = laid_out(catalog, "wide", height=height)
    layout = document.documentLayout()
    marks = document._keep_marks()
    assert len(marks) == 2 * 24 + 2  # worksheet and answer key, each with its end
    for (start, name), (end, _) in pairwise(marks):
        if name.endswith("end"):
            continue
        top = layout.blockBoundingRect(start).top()
        bottom = layout.blockBoundingRect(end.previous()).bottom() - 1
        assert int(top // height) == int(bottom // height), name


def test_the_handout_footer_names_the_page_and_the_day(catalog):
    handout = make_handout(catalog, Location("lesson", "why-partner"), None, date(2026, 1, 5))
    line = "Space Partnerships Explorer · lesson: why-partner · 5 January 2026"
    assert handout.source_line == line


# -- the quiz dialog ----------------------------------------------------------------------------


def test_the_quiz_dialog_starts_at_the_lesson_and_writes_the_chosen_format(
    qtbot, catalog, settings, tmp_path, monkeypatch
):
    out = tmp_path / "quiz.xml"
    save_as(monkeypatch, out)
    dialog = QuizExportDialog(list(catalog.library.lessons), settings, "why-partner")
    show(qtbot, dialog)
    assert dialog.chosen()[0] == "why-partner"
    assert dialog.which.count() == 2  # all lessons, and the one lesson with questions
    qtbot.keyClick(dialog, Qt.Key.Key_F, Qt.KeyboardModifier.AltModifier)
    assert dialog.focusWidget() is dialog.format
    dialog.format.setCurrentIndex(dialog.format.findData("moodle-xml"))
    assert "Moodle XML" in dialog.where.text()
    with qtbot.wait_signal(dialog.exported):
        qtbot.keyClick(dialog, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    quiz = ElementTree.parse(out).getroot()
    assert [q.get("type") for q in quiz] == ["category", "multichoice"]
    assert quiz.findtext("question/questiontext/text") == "Who docked in 1975?"
    assert "1 question from 1 lesson" in dialog.message.text()
