from PySide6.QtCore import QUrl

from explorer.ui.main_window import MainWindow


def lesson_item(window, title):
    return next(i for i in window._lesson_items() if i.text(0) == title)


def test_opening_a_lesson_from_the_library_shows_it(qtbot, catalog):
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.library.setCurrentItem(lesson_item(window, "Sharing the cost"))
    assert window.current_target() == ("lesson", "sharing-the-cost")
    assert "Splitting the bill for Mars" in window.article.toPlainText()


def test_a_partnership_link_opens_its_page_and_back_returns(qtbot, catalog):
    window = MainWindow(catalog)
    qtbot.addWidget(window)
    window.show_target("lesson", "why-partner")
    window.article.anchorClicked.emit(QUrl("partnership:apollo-soyuz-test-project"))
    text = window.article.toPlainText()
    assert "Apollo-Soyuz Test Project (ASTP)" in text
    assert "Why partner at all?" in text  # the backlink to the citing lesson
    window.back_action.trigger()
    assert window.current_target() == ("lesson", "why-partner")
    assert window.forward_action.isEnabled()
