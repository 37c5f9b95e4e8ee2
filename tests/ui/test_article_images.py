"""Figures follow the theme: a picture's `.dark.svg` sibling is shown in the dark theme."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor

from explorer.core.location import Location
from explorer.ui.article.view import ArticleView, dark_variant

LIGHT_FILL, DARK_FILL = "#ff0000", "#0000ff"


def write_svg(path: Path, fill: str) -> Path:
    path.write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="60" viewBox="0 0 120 60">'
        f'<rect x="0" y="0" width="120" height="60" fill="{fill}"/></svg>',
        encoding="utf-8",
    )
    return path


def colours_shown(view: ArticleView) -> set[str]:
    image = view.viewport().grab().toImage()
    return {
        QColor(image.pixel(x, y)).name()
        for x in range(0, image.width(), 4)
        for y in range(0, image.height(), 4)
    }


@pytest.fixture
def figure(tmp_path: Path) -> Path:
    write_svg(tmp_path / "figure.dark.svg", DARK_FILL)
    return write_svg(tmp_path / "figure.svg", LIGHT_FILL)


@pytest.fixture
def view(qtbot) -> ArticleView:
    view = ArticleView()
    qtbot.add_widget(view)
    view.resize(500, 300)
    view.show()
    qtbot.wait_exposed(view)
    return view


@pytest.mark.parametrize(
    ("scheme", "shown", "hidden"),
    [("light", LIGHT_FILL, DARK_FILL), ("dark", DARK_FILL, LIGHT_FILL)],
)
def test_a_figure_is_drawn_in_the_variant_of_the_theme(view, figure, scheme, shown, hidden):
    view.set_scheme(scheme)
    view.show_html(f'<p><img src="{figure.as_uri()}"></p>')
    colours = colours_shown(view)
    assert shown in colours
    assert hidden not in colours


def test_switching_theme_redraws_the_figure_in_place(view, figure):
    view.show_html(f'<p><img src="{figure.as_uri()}"></p>')
    view.set_scheme("dark")
    view.set_style("", 16)
    assert DARK_FILL in colours_shown(view)
    view.set_scheme("light")
    view.set_style("", 16)
    assert LIGHT_FILL in colours_shown(view)


def test_a_figure_without_a_dark_variant_keeps_its_only_drawing(view, tmp_path):
    plain = write_svg(tmp_path / "plain.svg", LIGHT_FILL)
    view.set_scheme("dark")
    view.show_html(f'<p><img src="{plain.as_uri()}"></p>')
    assert LIGHT_FILL in colours_shown(view)


@pytest.mark.parametrize(
    ("name", "sibling"),
    [
        ("figure.svg", "figure.dark.svg"),
        ("figure.dark.svg", None),  # already the dark one
        ("photo.png", None),  # only SVG figures have variants
        ("lonely.svg", None),  # no sibling on disk
    ],
)
def test_dark_variant_names_the_sibling_file(tmp_path, name, sibling):
    for existing in ("figure.svg", "figure.dark.svg", "photo.png", "photo.dark.svg", "lonely.svg"):
        (tmp_path / existing).write_text("<svg/>", encoding="utf-8")
    found = dark_variant(tmp_path / name)
    assert (found.name if found else None) == sibling


def test_the_window_shows_dark_figures_in_the_dark_theme(qtbot, make_window, paths):
    lessons = paths.teacher_lessons
    (lessons / "images").mkdir(parents=True)
    write_svg(lessons / "images" / "chart.svg", LIGHT_FILL)
    write_svg(lessons / "images" / "chart.dark.svg", DARK_FILL)
    (lessons / "pictures.md").write_text(
        "---\nslug: pictures\ntitle: Pictures\nsection: outlook\norder: 9\n"
        "summary: A lesson with one figure.\ntopics: [technical]\n---\n\n"
        '![A red chart](images/chart.svg "A chart")\n',
        encoding="utf-8",
    )
    window = make_window(Location("lesson", "pictures"))
    article = window.read_view.article
    window.menu_actions.themes["light"].trigger()
    qtbot.wait_until(lambda: LIGHT_FILL in colours_shown(article))
    window.menu_actions.themes["dark"].trigger()
    qtbot.wait_until(lambda: DARK_FILL in colours_shown(article))


def test_a_figure_sits_right_above_its_caption(qtbot, make_window, paths):
    """The article's 150% line height must not stretch the line that holds a picture."""
    lessons = paths.teacher_lessons
    (lessons / "images").mkdir(parents=True)
    write_svg(lessons / "images" / "chart.svg", LIGHT_FILL)
    (lessons / "pictures.md").write_text(
        "---\nslug: pictures\ntitle: Pictures\nsection: outlook\norder: 9\n"
        "summary: A lesson with one figure.\ntopics: [technical]\n---\n\n"
        "![A red chart that fills the whole picture](images/chart.svg)\n",
        encoding="utf-8",
    )
    window = make_window(Location("lesson", "pictures"))
    document = window.read_view.article.document()
    block = document.begin()
    while block.isValid() and "\ufffc" not in block.text():
        block = block.next()
    assert block.isValid(), "the figure is not on the page"
    picture, caption = block.layout().lineAt(0), block.layout().lineAt(1)
    assert caption.y() - picture.height() < 4
