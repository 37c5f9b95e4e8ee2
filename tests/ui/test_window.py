"""The main window as a student uses it: library, links, Back and Forward, deep links."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from explorer.core.location import Location
from tests.ui.conftest import click_link


def lesson_item(window, title):
    return next(i for i in window.read_view.library.lesson_items() if i.text(0) == title)


def test_opening_a_lesson_from_the_library_shows_and_highlights_it(qtbot, window):
    library = window.read_view.library
    item = lesson_item(window, "Sharing the cost")
    qtbot.mouseClick(
        library.viewport(), Qt.MouseButton.LeftButton, pos=library.visualItemRect(item).center()
    )
    assert window.current_location() == Location("lesson", "sharing-the-cost")
    assert "Splitting the bill for Mars" in window.read_view.article.toPlainText()
    assert library.currentItem() is item and item.isSelected()
    assert window.windowTitle().startswith("Sharing the cost")


def test_the_library_groups_lessons_by_section_in_reading_order(window):
    library = window.read_view.library
    groups = [library.topLevelItem(i) for i in range(library.topLevelItemCount())]
    assert [g.text(0) for g in groups] == ["FOUNDATIONS", "BENEFITS", "BROWSE"]
    assert [g.child(0).text(0) for g in groups] == [
        "Why partner at all?",
        "Sharing the cost",
        "All topics",
    ]


def test_all_topics_opens_from_the_library(qtbot, window):
    library = window.read_view.library
    item = next(i for i in library.page_items() if i.text(0) == "All topics")
    qtbot.mouseClick(
        library.viewport(), Qt.MouseButton.LeftButton, pos=library.visualItemRect(item).center()
    )
    assert window.current_location() == Location("topic", "")
    assert item.isSelected()


def test_a_partnership_link_opens_its_page_and_back_returns(qtbot, window):
    window.go_to(Location("lesson", "why-partner"))
    click_link(qtbot, window.read_view.article, "Apollo-Soyuz")
    text = window.read_view.article.toPlainText()
    assert window.current_location() == Location("partnership", "apollo-soyuz-test-project")
    assert "Apollo-Soyuz Test Project (ASTP)" in text
    assert "Why partner at all?" in text  # the backlink to the citing lesson
    qtbot.keyClick(window.read_view.article, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_location() == Location("lesson", "why-partner")
    assert window.menu_actions.forward.isEnabled() and not window.menu_actions.back.isEnabled()
    qtbot.keyClick(window.read_view.article, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_location() == Location("partnership", "apollo-soyuz-test-project")


def test_the_mouse_back_button_goes_back_even_over_the_library(qtbot, window):
    window.go_to(Location("lesson", "why-partner"))
    window.go_to(Location("partnership", "exomars-esa-roscosmos"))
    library = window.read_view.library
    item = lesson_item(window, "Sharing the cost")
    qtbot.mouseClick(
        library.viewport(), Qt.MouseButton.BackButton, pos=library.visualItemRect(item).center()
    )
    assert window.current_location() == Location("lesson", "why-partner")
    assert library.currentItem() is not item  # the press was not taken as a click


def test_back_returns_to_the_scroll_position_left(qtbot, make_window, long_lesson):
    window = make_window(size=(900, 600))
    window.go_to(Location("lesson", "long-read"))
    bar = window.read_view.article.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    left_at = bar.value()
    window.go_to(Location("partnership", "apollo-soyuz-test-project"))
    window.menu_actions.back.trigger()
    assert window.current_location() == Location("lesson", "long-read")
    assert bar.value() == left_at


def test_previous_and_next_lesson_links_at_the_foot_of_a_lesson(qtbot, window):
    window.go_to(Location("lesson", "why-partner"))
    assert "Next" in window.read_view.article.toPlainText()
    click_link(qtbot, window.read_view.article, "Sharing the cost →")
    assert window.current_location() == Location("lesson", "sharing-the-cost")
    window.menu_actions.previous_lesson.trigger()
    assert window.current_location() == Location("lesson", "why-partner")
    assert not window.menu_actions.previous_lesson.isEnabled()


def test_an_external_link_asks_before_anything_opens(qtbot, monkeypatch, make_window, long_lesson):
    asked, opened = [], []

    def cancel(*args, **kw):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", cancel)
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    window = make_window(Location("lesson", "long-read"))
    click_link(qtbot, window.read_view.article, "the NASA site")
    assert asked and "https://www.nasa.gov/" in asked[0]
    assert opened == []
    assert window.current_location() == Location("lesson", "long-read")
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Open
    )
    with qtbot.wait_signal(window.read_view.article.external_link_opened):
        click_link(qtbot, window.read_view.article, "the NASA site")
    assert opened == [QUrl("https://www.nasa.gov/")]


def test_a_long_lesson_has_a_table_of_contents_that_scrolls_to_its_part(
    qtbot, make_window, long_lesson
):
    window = make_window(Location("lesson", "long-read"), size=(900, 600))
    article = window.read_view.article
    assert "On this page" in article.toPlainText()
    click_link(qtbot, article, "Part 5")
    assert article.verticalScrollBar().value() > 0
    assert window.current_location() == Location("lesson", "long-read")


def test_the_quiz_tells_right_from_wrong(qtbot, window):
    window.go_to(Location("lesson", "why-partner"))
    article = window.read_view.article
    assert "The Apollo-Soyuz Test Project." not in article.toPlainText()  # no spoilers
    click_link(qtbot, article, "Mir and Shuttle")
    assert "Not quite" in article.toPlainText()
    click_link(qtbot, article, "Apollo and Soyuz")
    text = article.toPlainText()
    assert "Correct. The Apollo-Soyuz Test Project." in text
    assert window.current_location() == Location("lesson", "why-partner")
    assert not window.menu_actions.back.isEnabled()  # answering is not navigation


def test_glossary_links_preview_their_definition_on_hover(window):
    window.go_to(Location("lesson", "why-partner"))
    cursor = window.read_view.article.document().find("barter")
    assert "Partners swap goods or services" in cursor.charFormat().toolTip()


def test_show_on_timeline_switches_view_and_asks_the_timeline(qtbot, window):
    window.go_to(Location("partnership", "exomars-esa-roscosmos"))
    with qtbot.wait_signal(window.show_on_timeline_requested) as signal:
        click_link(qtbot, window.read_view.article, "Show on the timeline")
    assert signal.args == [("exomars-esa-roscosmos",)]
    assert window.current_view() == "timeline"
    window.menu_actions.back.trigger()
    assert window.current_view() == "read"
    assert window.current_location() == Location("partnership", "exomars-esa-roscosmos")


def test_a_timeline_widget_can_be_installed_in_its_slot(qtbot, window):
    from PySide6.QtWidgets import QLabel

    timeline = QLabel("the real timeline")
    window.set_timeline_view(timeline)
    window.menu_actions.show_timeline.trigger()
    assert window.views.currentWidget() is timeline
    window.menu_actions.show_read.trigger()
    assert window.current_view() == "read"


def test_find_in_page_counts_and_steps_through_matches(qtbot, window):
    window.go_to(Location("lesson", "why-partner"))
    qtbot.keyClick(window.read_view.article, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.read_view.find_bar
    assert bar.isVisible() and bar.field.hasFocus()
    qtbot.keyClicks(bar.field, "apollo")
    assert bar.count.text() == f"1 of {len(bar._matches)}"
    assert len(bar._matches) >= 2
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text().startswith("2 of")
    qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible() and window.read_view.article.hasFocus()


def test_text_zoom_keys_change_the_size_and_it_is_remembered(qtbot, make_window):
    window = make_window()
    article = window.read_view.article
    start = article.text_size
    qtbot.keyClick(article, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert article.text_size > start
    qtbot.keyClick(article, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(article, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    smaller = article.text_size
    assert smaller < start
    window.close()
    assert make_window().read_view.article.text_size == smaller


def test_state_is_restored_after_closing_and_reopening(qtbot, make_window, long_lesson):
    window = make_window(size=(760, 560))  # the offscreen screen is 800 x 600
    window.go_to(Location("lesson", "long-read"))
    bar = window.read_view.article.verticalScrollBar()
    bar.setValue(bar.maximum() // 3)
    scroll = bar.value()
    window.read_view.splitter.setSizes([340, 660])
    sidebar = window.read_view.splitter.sizes()[0]
    window.close()
    again = make_window()
    assert again.current_location() == Location("lesson", "long-read")
    assert (again.size().width(), again.size().height()) == (760, 560)
    assert again.read_view.splitter.sizes()[0] == sidebar
    assert again.read_view.article.verticalScrollBar().value() == scroll


def test_a_deep_link_wins_over_the_remembered_place(make_window):
    window = make_window()
    window.go_to(Location("lesson", "sharing-the-cost"))
    window.close()
    again = make_window(Location("partnership", "nasa-commercial-crew-program"))
    assert again.current_location() == Location("partnership", "nasa-commercial-crew-program")


def test_open_timeline_starts_in_the_timeline_view(make_window):
    window = make_window(Location("timeline", ""))
    assert window.current_view() == "timeline"
    assert window.menu_actions.show_timeline.isChecked()


def test_an_unknown_internal_link_says_so_and_stays(qtbot, monkeypatch, window):
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: told.append(args[2]))
    window.go_to(Location("lesson", "why-partner"))
    window.read_view.article.anchorClicked.emit(QUrl("partnership:mir-2"))
    assert told == ["There is no partnership called 'mir-2'."]
    assert window.current_location() == Location("lesson", "why-partner")


def test_theme_can_be_switched_and_the_article_follows(qtbot, window):
    window.menu_actions.themes["dark"].trigger()
    assert window.theme.scheme == "dark"
    css = window.read_view.article.document().defaultStyleSheet()
    assert window.theme.colour("text") in css
    window.menu_actions.themes["light"].trigger()
    assert window.theme.colour("text") in window.read_view.article.document().defaultStyleSheet()
    assert window.settings.value("view/theme") == "light"


def test_every_control_in_the_read_view_has_an_accessible_name(window):
    from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLineEdit, QTextBrowser

    kinds = (QAbstractButton, QAbstractItemView, QLineEdit, QTextBrowser)
    controls = [w for kind in kinds for w in window.read_view.findChildren(kind)]
    unnamed = [w for w in controls if w.isVisibleTo(window) and not w.accessibleName()]
    assert unnamed == []


def test_the_keyboard_shortcuts_dialog_lists_the_real_shortcuts(window):
    from explorer.ui.dialogs import shortcut_rows

    rows = shortcut_rows(window.shortcut_groups())
    keys = dict(rows)
    assert keys["Back"] == "Alt+Left"  # the media key "Back" is not something one types
    assert keys["Search"] == "Ctrl+K"
    assert keys["Zoom In"] == "Ctrl++, Ctrl+="
    headings = [title for what, title in rows if not what]
    assert headings == ["File", "Edit", "View", "Go", "Help", "In the panes"]


def test_a_wide_picture_is_scaled_to_the_column_and_keeps_its_caption(qtbot, make_window, paths):
    from PySide6.QtGui import QImage

    folder = paths.teacher_lessons
    folder.mkdir(parents=True, exist_ok=True)
    picture = QImage(2400, 600, QImage.Format.Format_RGB32)
    picture.fill(0x3366AA)
    picture.save(str(folder / "wide.png"))
    (folder / "pictures.md").write_text(
        "---\ntitle: Pictures\nsection: outlook\n---\n\n![A wide picture](wide.png)\n",
        encoding="utf-8",
    )
    window = make_window(Location("lesson", "pictures"), size=(760, 560))
    article = window.read_view.article
    cursor = article.document().find("A wide picture")
    assert not cursor.isNull()  # the caption
    block = article.document().begin()
    widths = []
    while block.isValid():
        fragments = block.begin()
        while not fragments.atEnd():
            image = fragments.fragment().charFormat().toImageFormat()
            if image.isValid():
                widths.append(image.width())
            fragments += 1
        block = block.next()
    assert widths and 0 < widths[0] < article.viewport().width()


def test_a_changed_lesson_folder_shows_in_the_library_and_the_page(qtbot, make_window, paths):
    window = make_window(Location("lesson", "why-partner"))
    paths.teacher_lessons.mkdir(parents=True, exist_ok=True)
    (paths.teacher_lessons / "why-partner.md").write_text(
        "---\ntitle: Why partner (my version)\nsection: foundations\n---\n\nMine.\n",
        encoding="utf-8",
    )
    window.menu_actions.reload.trigger()
    assert "Why partner (my version)" in window.read_view.article.toPlainText()
    item = window.read_view.library.currentItem()
    assert item.text(0) == "Why partner (my version)"
    assert "My lesson" in item.toolTip(0)


def test_the_sidebar_can_be_hidden_and_stays_hidden(qtbot, make_window):
    window = make_window()
    qtbot.keyClick(
        window.read_view.article,
        Qt.Key.Key_L,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert not window.read_view.sidebar_widget.isVisible()
    window.close()
    assert not make_window().read_view.sidebar_widget.isVisible()


def test_tab_order_runs_field_library_bookmarks_page(qtbot, window):
    view = window.read_view
    view.library.setFocus()
    qtbot.keyClick(view.library, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert view.search.field.hasFocus()
    assert view.sidebar_stack.currentWidget() is view.library  # passing through keeps it
    qtbot.keyClick(view.search.field, Qt.Key.Key_Tab)
    assert view.library.hasFocus()
    qtbot.keyClick(view.library, Qt.Key.Key_Tab)
    assert window.study.panel.heading.hasFocus()  # the Bookmarks, under the library
    qtbot.keyClick(window.study.panel.heading, Qt.Key.Key_Tab)  # no bookmarks: no list
    assert view.article.hasFocus()


def test_open_my_lessons_folder(window, paths, monkeypatch):
    opened = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        staticmethod(lambda url: opened.append(url.toLocalFile()) or True),
    )
    window.menu_actions.open_lessons_folder.trigger()
    assert opened == [str(paths.teacher_lessons)]


def test_a_lessons_folder_that_cannot_be_shown_is_named(window, paths, monkeypatch):
    told = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: False))
    monkeypatch.setattr(
        QMessageBox,
        "information",
        staticmethod(lambda *a, **k: told.append(a[2]) or QMessageBox.StandardButton.Ok),
    )
    window.menu_actions.open_lessons_folder.trigger()
    assert told == [f"Your lessons live in this folder:\n\n{paths.teacher_lessons}"]
