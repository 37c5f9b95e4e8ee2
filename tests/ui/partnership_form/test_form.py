import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from explorer.ui.partnership_form.form import PartnershipForm

Button = QMessageBox.StandardButton
ASTP = "apollo-soyuz-test-project"


@pytest.fixture
def open_form(qtbot, catalog, monkeypatch):
    # a form left with changes must not ask when the test's widgets close
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: Button.Discard))

    def open_(slug=None):
        form = PartnershipForm(catalog, slug)
        qtbot.add_widget(form)
        form.show()
        qtbot.wait_exposed(form)
        form.activateWindow()
        qtbot.wait_until(form.isActiveWindow)  # keys go to the focused cell of the active window
        return form

    return open_


def answer_with(monkeypatch, button, asked=None):
    def answer(*args, **kwargs):
        if asked is not None:
            asked.append(args[2])
        return button

    monkeypatch.setattr(QMessageBox, "question", staticmethod(answer))


def click(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def shown_errors(form):
    return {field: label.text() for field, label in form.errors.items() if label.isVisibleTo(form)}


def add_partner(qtbot, form, name, key=False):
    form.partners.chooser.setFocus()
    qtbot.keyClicks(form.partners.chooser.lineEdit(), name)
    if key:
        qtbot.keyClick(form.partners.chooser.lineEdit(), Qt.Key.Key_Return)
    else:
        click(qtbot, form.partners.add_button)


def fill_new(qtbot, form):
    qtbot.keyClicks(form.name, "Lunar Relay Club")
    qtbot.keyClicks(form.start_year, "2028")
    add_partner(qtbot, form, "NASA")
    add_partner(qtbot, form, "ESA", key=True)  # Enter adds it and does not save
    click(qtbot, form.milestones.add_button)  # opens the new row's first cell
    qtbot.keyClicks(QApplication.focusWidget(), "2028")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait_until(lambda: form.milestones.rows() == [["2028", "", ""]])  # the cell is committed
    form.milestones.table.setCurrentCell(0, 1)
    qtbot.keyClick(form.milestones.table, Qt.Key.Key_F2)  # edit the event cell
    qtbot.keyClicks(QApplication.focusWidget(), "Agreement signed")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait_until(lambda: form.milestones.rows() == [["2028", "Agreement signed", ""]])


def test_a_new_partnership_is_saved_and_found_by_search(qtbot, open_form, catalog):
    form = open_form()
    fill_new(qtbot, form)
    assert form.slug.text() == "lunar-relay-club"
    assert form.partners.entries() == [("nasa", ""), ("esa", "")]
    assert form.isVisible() and catalog.partnerships.get("lunar-relay-club") is None, (
        "Enter in a table cell must finish the cell, not save the form"
    )
    with qtbot.wait_signal(form.partnership_saved) as saved:
        click(qtbot, form.save_button)
    assert saved.args == ["lunar-relay-club"]
    record = catalog.partnerships.get("lunar-relay-club")
    assert (record.origin, record.start_year, record.partner_names) == (
        "user",
        2028,
        ("NASA", "ESA"),
    )
    assert [(m.year, m.event) for m in record.milestones] == [(2028, "Agreement signed")]
    hits = catalog.search.search("relay club").of_kind("partnership")
    assert [hit.slug for hit in hits] == ["lunar-relay-club"]
    assert form.isHidden()


def test_save_shows_every_problem_next_to_its_field(qtbot, open_form, catalog):
    form = open_form()
    click(qtbot, form.save_button)
    assert shown_errors(form) == {"name": "Required.", "start_year": "Required."}
    assert form.isVisible() and catalog.partnerships.get("") is None
    assert form.name.hasFocus()


def test_a_problem_shows_as_soon_as_its_field_is_touched(qtbot, open_form):
    form = open_form()
    qtbot.keyClicks(form.end_year, "1990")
    assert shown_errors(form) == {}  # other fields untouched, nothing to say yet
    qtbot.keyClicks(form.start_year, "2000")
    assert shown_errors(form) == {"end_year": "End year 1990 is before start year 2000."}
    form.start_year.clear()
    qtbot.keyClicks(form.start_year, "1850")
    assert shown_errors(form) == {
        "start_year": "Start year must be a year between 1900 and 2100, not 1850."
    }


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("countries", "US, France", "'France' is not a two-letter country code (or 'intl')."),
        ("slug", "Not A Slug", "Use lowercase words joined by hyphens, like 'mars-sample-return'."),
        ("slug", ASTP, f"A partnership with the slug '{ASTP}' already exists."),
    ],
)
def test_field_checks(qtbot, open_form, field, text, message):
    form = open_form()
    qtbot.keyClicks(getattr(form, field), text)
    assert shown_errors(form) == {field: message}


def test_a_milestone_year_that_is_not_a_number_is_shown(qtbot, open_form):
    form = open_form()
    fill_new(qtbot, form)
    form.milestones.table.item(0, 0).setText("soon")
    assert shown_errors(form) == {"milestones": "Milestone 1 needs a year (a whole number)."}


def test_a_new_partner_is_added_and_saved_with_it(qtbot, open_form, catalog):
    form = open_form()
    fill_new(qtbot, form)

    def fill_partner():
        dialog = QApplication.activeModalWidget()
        qtbot.keyClicks(dialog.name, "ISRO")
        qtbot.keyClicks(dialog.country, "IN")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    QTimer.singleShot(0, fill_partner)
    click(qtbot, form.partners.new_button)
    assert form.partners.entries()[-1] == ("isro", "")
    click(qtbot, form.save_button)
    assert catalog.partnerships.partners()["isro"].country == "IN"
    assert catalog.partnerships.get("lunar-relay-club").partner_names[-1] == "ISRO"


def test_editing_a_bundled_one_keeps_it_revertible(qtbot, open_form, catalog, monkeypatch):
    original = catalog.partnerships.get(ASTP)
    form = open_form(ASTP)
    assert form.slug.isReadOnly() and form.notice.isVisibleTo(form)
    assert form.delete_button.isHidden() and not form.revert_button.isEnabled()
    form.name.selectAll()
    qtbot.keyClicks(form.name, "ASTP, my way")
    click(qtbot, form.save_button)
    assert catalog.partnerships.origin_of(ASTP) == ("bundled", True)
    assert catalog.partnerships.get(ASTP).name == "ASTP, my way"

    again = open_form(ASTP)
    assert again.revert_button.isEnabled() and "You have changed it." in again.notice.text()
    answer_with(monkeypatch, Button.Yes, asked := [])
    with qtbot.wait_signal(again.partnership_saved):
        click(qtbot, again.revert_button)
    assert "Replace your version of “ASTP, my way”" in asked[0]
    assert catalog.partnerships.get(ASTP) == original


def test_a_teachers_partnership_can_be_deleted(qtbot, open_form, catalog, monkeypatch):
    form = open_form()
    fill_new(qtbot, form)
    click(qtbot, form.save_button)
    again = open_form("lunar-relay-club")
    assert again.delete_button.isVisible() and again.revert_button.isHidden()
    answer_with(monkeypatch, Button.Cancel)
    click(qtbot, again.delete_button)
    assert catalog.partnerships.get("lunar-relay-club") is not None
    answer_with(monkeypatch, Button.Yes)
    with qtbot.wait_signal(again.partnership_deleted) as deleted:
        click(qtbot, again.delete_button)
    assert deleted.args == ["lunar-relay-club"]
    assert catalog.partnerships.get("lunar-relay-club") is None


def test_cancel_with_changes_asks_first(qtbot, open_form, monkeypatch):
    form = open_form(ASTP)
    qtbot.keyClicks(form.name, " changed")
    answer_with(monkeypatch, Button.Cancel, asked := [])
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == ["Close the form and lose your changes?"] and form.isVisible()
    answer_with(monkeypatch, Button.Discard)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert form.isHidden()


def test_cancel_without_changes_just_closes(qtbot, open_form, monkeypatch):
    form = open_form(ASTP)
    answer_with(monkeypatch, Button.Cancel, asked := [])
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked == [] and form.isHidden()


def test_a_save_is_in_the_store_when_the_form_says_so(qtbot, open_form, catalog):
    heard = []
    form = open_form()
    form.partnership_saved.connect(lambda slug: heard.append(catalog.partnerships.count()))
    fill_new(qtbot, form)
    click(qtbot, form.save_button)
    assert heard == [4]


def test_editing_keeps_each_milestones_source_the_years_source_the_sides_and_the_plan(
    qtbot, open_form, catalog
):
    from dataclasses import replace

    from explorer.core.models import Milestone, Plan

    store = catalog.partnerships
    astp = store.get(ASTP)
    sourced = replace(
        astp,
        milestones=(Milestone(1972, "Agreement signed", 1), Milestone(1975, "Docked")),
        years_source=1,
        sides=tuple((x.partner.slug,) for x in astp.partners),
        planned=Plan(1974, source=1, note="An earlier date."),
    )
    from explorer.store.authoring import save_partnership

    save_partnership(store, catalog.paths, sourced)
    form = open_form(ASTP)
    assert form.milestones.rows()[0] == ["1972", "Agreement signed", "1"]
    form.milestones.table.item(1, 2).setText("1")
    form.name.selectAll()
    qtbot.keyClicks(form.name, "ASTP, sourced")
    click(qtbot, form.save_button)
    saved = store.get(ASTP)
    assert [m.source for m in saved.milestones] == [1, 1]
    assert (saved.years_source, saved.sides) == (1, sourced.sides)
    assert saved.planned == sourced.planned


def type_in_cell(qtbot, table, row, column, text):
    table.table.setCurrentCell(row, column)
    qtbot.keyClick(table.table, Qt.Key.Key_F2)
    qtbot.keyClicks(QApplication.focusWidget(), text)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def test_a_web_address_without_https_is_offered_it(qtbot, open_form):
    form = open_form()
    click(qtbot, form.citations.add_button)
    qtbot.keyClicks(QApplication.focusWidget(), "ESA")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.wait_until(lambda: form.citations.rows() == [["ESA", "", ""]])
    type_in_cell(qtbot, form.citations, 0, 1, "Science")
    qtbot.wait_until(lambda: form.citations.rows() == [["ESA", "Science", ""]])
    type_in_cell(qtbot, form.citations, 0, 2, "www.esa.int/Science")
    qtbot.wait_until(lambda: "citations" in shown_errors(form))
    assert shown_errors(form)["citations"] == (
        "'www.esa.int/Science' is not a web address; did you mean 'https://www.esa.int/Science'?"
    )
    assert form.fix_urls.isVisible()
    click(qtbot, form.fix_urls)
    assert form.citations.rows() == [["ESA", "Science", "https://www.esa.int/Science"]]
    assert "citations" not in shown_errors(form) and not form.fix_urls.isVisible()


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("checked", "next week", "'next week' is not a date written like 2026-11-26."),
        ("checked", "2026-02-30", "'2026-02-30' is not a date written like 2026-11-26."),
    ],
)
def test_facts_checked_must_be_a_date(qtbot, open_form, field, text, message):
    form = open_form()
    form.checked.clear()
    qtbot.keyClicks(form.checked, text)
    assert shown_errors(form) == {field: message}


def test_a_completed_partnership_needs_an_end_year(qtbot, open_form):
    form = open_form()
    qtbot.keyClicks(form.start_year, "2001")
    form.status.setFocus()
    qtbot.keyClicks(form.status, "Completed")
    assert form.status.currentData() == "completed"
    assert shown_errors(form) == {"end_year": "A completed partnership needs an end year."}
    qtbot.keyClicks(form.end_year, "2009")
    assert shown_errors(form) == {}


def test_a_name_close_to_one_in_the_catalog_is_noted(qtbot, open_form):
    form = open_form()
    qtbot.keyClicks(form.name, "ExoMars Trace Gas Orbiter")
    assert form.name_note.isVisible()
    assert form.name_note.text() == (
        "Close to “ExoMars (ESA-Roscosmos)”, already in the catalog. Is this the same partnership?"
    )
    assert "name" not in shown_errors(form)  # a note, not a problem: it may be meant
    form.name.clear()
    qtbot.keyClicks(form.name, "Lunar Relay Club")
    assert not form.name_note.isVisible()


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Ørsted ocean mission", "orsted-ocean-mission"),
        ("Łódź–Kraków CubeSat", "lodz-krakow-cubesat"),
        ("Coopération spatiale", "cooperation-spatiale"),
    ],
)
def test_slugs_keep_names_in_other_alphabets_readable(qtbot, open_form, name, slug):
    form = open_form()
    form.name.setFocus()
    typed = QInputMethodEvent("", [])  # how a keyboard layout enters Ø or ł
    typed.setCommitString(name)
    QApplication.sendEvent(form.name, typed)
    assert form.name.text() == name
    assert form.slug.text() == slug
