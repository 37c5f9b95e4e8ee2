"""The timeline panel, driven like a user: clicks, the wheel, keys, filters, the list."""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication

from explorer.core.models import Participant, Partner, Partnership
from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.timeline.panel import TimelinePanel

TODAY = date(2026, 11, 26)
ASTP, EXOMARS, CREW = (
    "apollo-soyuz-test-project",
    "exomars-esa-roscosmos",
    "nasa-commercial-crew-program",
)
NASA, ESA, JAXA = Partner("nasa", "NASA"), Partner("esa", "ESA"), Partner("jaxa", "JAXA")


def record(
    slug,
    start,
    end=None,
    kind="multilateral",
    partners=(NASA, ESA, JAXA),
    status="completed",
    domain="lunar",
) -> Partnership:
    return Partnership(
        slug=slug,
        name=slug.replace("-", " ").title(),
        type=kind,
        start_year=start,
        end_year=end,
        status=status,
        domain=domain,
        partners=tuple(Participant(p) for p in partners),
        origin="user",
    )


@pytest.fixture
def make_panel(qtbot, catalog):
    def make(extra: list[Partnership] = (), size=(1200, 700)) -> TimelinePanel:
        if extra:
            with catalog.db.atomic():
                catalog.partnerships.write_partners([NASA, ESA, JAXA], origin="user")
                catalog.partnerships.write(extra)
        events = CatalogEvents(catalog)
        panel = TimelinePanel(catalog.partnerships, catalog.search, today=TODAY, events=events)
        panel.events = events  # the window's broadcaster, for the tests
        qtbot.add_widget(panel)
        panel.resize(*size)
        with qtbot.wait_exposed(panel):
            panel.show()
        return panel

    return make


@pytest.fixture
def panel(make_panel):
    return make_panel()


def point_of(panel: TimelinePanel, slug: str, box: int | None = None) -> QPoint:
    """Where on the timeline's viewport the bar (or point) of `slug` is drawn."""
    view, scene = panel.view, panel.scene
    place = scene.place_of(slug, box)
    assert place is not None and not scene.is_hidden(place)
    lane = scene.boxes[place.box]
    top = view.mapToScene(QPoint(0, 0)).y()
    y = lane.row_top(place.row, scene.metrics) + scene.metrics.row / 2 - top
    x = view.time_scale().x(place.entry.start + 0.5)
    return QPoint(round(x), round(y))


def wheel(widget, pos: QPoint, notches: float) -> None:
    event = QWheelEvent(
        QPointF(pos),
        QPointF(widget.mapToGlobal(pos)),
        QPoint(0, 0),
        QPoint(0, round(120 * notches)),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_every_partnership_is_shown_with_a_count_and_a_description(panel):
    assert set(panel.shown_slugs()) == {ASTP, EXOMARS, CREW}
    assert panel.count_label.text() == "Showing 3 of 3 partnerships"
    assert panel.description.text().startswith("19")
    assert "3 partnerships, 2 bilateral, 1 public-private" in panel.description.text()
    assert [box.lane.title for box in panel.scene.boxes] == ["Bilateral", "Public-private"]


def test_the_wheel_zooms_keeping_the_year_under_the_cursor(panel):
    view = panel.view
    for x, notches in ((300, 2), (850, 3), (120, -1)):
        before = view.time_scale()
        wheel(view.viewport(), QPoint(x, 200), notches)
        after = view.time_scale()
        assert after.ppy == pytest.approx(before.ppy * 1.2**notches, rel=1e-6)
        assert after.year(x) == pytest.approx(before.year(x), abs=1.0 / after.ppy)


def test_zoom_buttons_and_fit_all(qtbot, panel):
    view = panel.view
    start = view.time_scale().ppy
    qtbot.mouseClick(panel.zoom_in_button, Qt.MouseButton.LeftButton)
    assert view.time_scale().ppy == pytest.approx(start * 1.5)
    qtbot.mouseClick(panel.fit_button, Qt.MouseButton.LeftButton)
    first, last = view.window()
    assert first <= 1975.0 and last >= 2026.9


def test_a_click_on_a_bar_selects_it_and_asks_to_open_its_page(qtbot, panel):
    with qtbot.wait_signals(
        [panel.partnership_selected, panel.partnership_open_requested],
        check_params_cbs=[lambda s: s == EXOMARS, lambda s: s == EXOMARS],
    ):
        qtbot.mouseClick(
            panel.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(panel, EXOMARS)
        )
    assert panel.view.selected == EXOMARS
    assert panel.table.current_slug() == EXOMARS


def test_dragging_pans_instead_of_clicking(qtbot, panel):
    view = panel.view
    view.zoom(4.0)
    before = view.time_scale().left
    start = point_of(panel, EXOMARS) if panel.scene.place_of(EXOMARS) else QPoint(400, 200)
    with qtbot.assert_not_emitted(panel.partnership_open_requested):
        qtbot.mousePress(view.viewport(), Qt.MouseButton.LeftButton, pos=start)
        qtbot.mouseMove(view.viewport(), start + QPoint(120, 0))
        qtbot.mouseRelease(view.viewport(), Qt.MouseButton.LeftButton, pos=start + QPoint(120, 0))
    assert view.time_scale().left == pytest.approx(
        before - 120 / view.time_scale().ppy, abs=1.5 / view.time_scale().ppy
    )


def test_arrow_keys_visit_partnerships_in_time_order_and_enter_opens(qtbot, make_panel):
    panel = make_panel(
        [
            record("gateway", 2020, status="active"),
            record("igy", 1957, 1958),
            record("mir", 1995, 1998),
        ]
    )
    view = panel.view
    view.setFocus()
    visited = []
    panel.partnership_selected.connect(visited.append)
    for _ in range(8):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert visited[:6] == ["igy", ASTP, "mir", CREW, EXOMARS, "gateway"]
    assert set(visited[6:]) == {"gateway"}  # stays at the end
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.selected == "igy"
    qtbot.keyClick(view, Qt.Key.Key_Left)
    assert view.selected == "igy"
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.selected == "gateway"
    with qtbot.wait_signal(
        panel.partnership_open_requested, check_params_cb=lambda s: s == "gateway"
    ):
        qtbot.keyClick(view, Qt.Key.Key_Return)


def test_keys_zoom_pan_and_fit(qtbot, panel):
    view = panel.view
    view.setFocus()
    start = view.time_scale()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert view.time_scale().ppy == pytest.approx(start.ppy * 1.5)
    left = view.time_scale().left
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert view.time_scale().left > left
    assert view.selected is None  # panning does not select
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    qtbot.keyClick(view, Qt.Key.Key_0)
    first, last = view.window()
    assert first <= 1975.0 and last >= 2026.9


def test_up_and_down_move_between_rows(qtbot, make_panel):
    panel = make_panel([record(f"crowd-{i}", 2000 + i, 2020, kind="bilateral") for i in range(3)])
    view = panel.view
    view.show_years(1995, 2025)
    view.select("crowd-0")
    view.setFocus()
    rows = [panel.scene.place_of("crowd-0").row]
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Down)
        rows.append(panel.scene.place_of(view.selected).row)
    assert rows == [0, 1, 2]
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert panel.scene.place_of(view.selected).row == 1


def test_type_legend_filters_what_is_shown_and_the_count(qtbot, panel):
    with qtbot.wait_signal(panel.filters_changed):
        qtbot.mouseClick(panel.filter_bar.types["bilateral"], Qt.MouseButton.LeftButton)
    assert panel.shown_slugs() == [CREW]
    assert panel.count_label.text() == "Showing 1 of 3 partnerships"
    filters, words = panel.filters()
    assert filters.type == frozenset({"multilateral", "public-private"}) and words == ""
    qtbot.mouseClick(panel.filter_bar.clear_button, Qt.MouseButton.LeftButton)
    assert len(panel.shown_slugs()) == 3


def test_menu_filters_and_words(qtbot, panel):
    bar = panel.filter_bar
    menu = bar.menus["domain"].menu()
    menu.aboutToShow.emit()
    planetary = next(a for a in menu.actions() if a.text().startswith("Planetary"))
    assert planetary.text() == "Planetary  (1)"
    planetary.setChecked(True)
    assert panel.shown_slugs() == [EXOMARS]
    assert bar.menus["domain"].text() == "Domain (1)"
    bar.clear_button.click()
    with qtbot.wait_signal(panel.filters_changed, timeout=2000):
        qtbot.keyClicks(bar.text, "commercial crew")
    assert panel.shown_slugs() == [CREW]
    assert panel.count_label.text() == "Showing 1 of 3 partnerships"


def test_set_filters_from_search_does_not_echo(qtbot, panel):
    from explorer.core.search import Filters

    with qtbot.assert_not_emitted(panel.filters_changed):
        panel.set_filters(Filters(status=frozenset({"active"})))
    assert panel.shown_slugs() == [CREW]
    assert panel.filter_bar.menus["status"].text() == "Status (1)"


def test_the_list_shows_exactly_what_the_timeline_shows(qtbot, panel, qtmodeltester):
    qtmodeltester.check(panel.table.source)
    qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    assert panel.stack.currentWidget() is panel.table
    assert panel.table.slugs() == panel.shown_slugs()
    panel.filter_bar.types["public-private"].click()
    assert panel.table.slugs() == panel.shown_slugs() == [ASTP, EXOMARS]
    table = panel.table
    table.setFocus()  # the first row becomes current
    with qtbot.wait_signal(panel.partnership_selected, check_params_cb=lambda s: s == EXOMARS):
        qtbot.keyClick(table, Qt.Key.Key_Down)
    assert panel.view.selected == EXOMARS  # the timeline follows the list
    with qtbot.wait_signal(
        panel.partnership_open_requested, check_params_cb=lambda s: s == EXOMARS
    ):
        qtbot.keyClick(table, Qt.Key.Key_Return)
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert table.slugs() == [EXOMARS, ASTP]


def test_grouped_by_partner_a_partnership_is_in_each_partners_lane(qtbot, make_panel):
    panel = make_panel([record("iss", 1998, status="active")])
    panel.group_combo.setCurrentIndex(panel.group_combo.findData("partner"))
    lanes = [box.lane.title for box in panel.scene.boxes]
    assert lanes[:3] == ["NASA", "ESA", "JAXA"]
    copies = panel.scene.where["iss"]
    assert len(copies) == 3 and len({p.box for p in copies}) == 3
    panel.view.show_years(1990, 2030)
    qtbot.mouseMove(panel.view.viewport(), point_of(panel, "iss", copies[1].box))
    assert panel.scene.state.hovered == "iss"  # every copy is drawn hovered together
    assert panel.shown_slugs().count("iss") == 1


def test_focus_partnership_scrolls_it_into_view_and_clears_filters_hiding_it(panel):
    panel.view.show_years(1960, 1980)
    panel.filter_bar.types["bilateral"].click()
    assert CREW in panel.shown_slugs() and EXOMARS not in panel.shown_slugs()
    assert panel.focus_partnership(EXOMARS)
    assert EXOMARS in panel.shown_slugs()
    assert panel.view.selected == EXOMARS
    first, last = panel.view.window()
    assert first <= 2013.0 and last >= 2014.0
    assert panel.focus_partnership("no-such-thing") is False


def test_highlight_fades_the_rest_and_shows_a_caption(qtbot, panel):
    panel.highlight([ASTP, CREW], "Partnerships cited in “Why partner?”")
    assert panel.highlight_bar.isVisible()
    assert "Why partner?" in panel.highlight_label.text()
    state = panel.scene.state
    assert state.faded(EXOMARS) and not state.faded(ASTP)
    first, last = panel.view.window()
    assert first <= 1975.0 and last >= 2026.0
    qtbot.mouseClick(panel.clear_highlight_button, Qt.MouseButton.LeftButton)
    assert not panel.highlight_bar.isVisible() and not state.faded(EXOMARS)


def test_highlighted_rows_show_even_in_a_folded_lane(make_panel):
    panel = make_panel([record(f"crowd-{i}", 1990 + i, 2020, kind="bilateral") for i in range(9)])
    panel.view.fit_all()
    hidden = panel.scene.place_of("crowd-8")
    assert panel.scene.is_hidden(hidden)
    panel.highlight(["crowd-8", ASTP])
    place = panel.scene.place_of("crowd-8")
    assert not panel.scene.is_hidden(place)
    assert panel.scene.boxes[place.box].folded  # only that row came back
    assert "2 highlighted" in panel.description.text()
    panel.clear_highlight()
    assert panel.scene.is_hidden(panel.scene.place_of("crowd-8"))


def test_focus_shows_a_folded_partnership_without_unfolding_its_lane(make_panel):
    panel = make_panel([record(f"crowd-{i}", 1990 + i, 2020, kind="bilateral") for i in range(9)])
    panel.view.fit_all()
    assert panel.focus_partnership("crowd-7")
    place = panel.scene.place_of("crowd-7")
    assert not panel.scene.is_hidden(place) and panel.scene.boxes[place.box].folded
    assert panel.view.selected == "crowd-7"


def test_folded_lanes_unfold_on_a_click_on_their_count(qtbot, make_panel):
    crowd = [record(f"crowd-{i}", 1990 + i, 2020, kind="bilateral") for i in range(9)]
    panel = make_panel(crowd)
    panel.view.fit_all()
    box = panel.scene.boxes[0]
    assert box.folded and box.shown_rows == 6
    from explorer.core.timeline_layout import clusters

    for years in (1, 2, 5, 10):  # the cached counts, merged from yearly ones, are right
        assert [
            (c.start, c.end, {e.slug for e in c.entries})
            for c in panel.scene.state.clusters(box, years)
        ] == [(c.start, c.end, {e.slug for e in c.entries}) for c in clusters(box, years)]
    top = panel.view.mapToScene(QPoint(0, 0)).y()
    m = panel.scene.metrics
    y = box.top + m.header + 6 * m.row + m.overflow / 2 - top
    x = panel.view.time_scale().x(1997.0)
    qtbot.mouseClick(
        panel.view.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(round(x), round(y))
    )
    assert not panel.scene.boxes[0].folded
    assert panel.scene.boxes[0].shown_rows >= 9


def test_zooming_in_unfolds_and_zooming_out_folds(make_panel):
    panel = make_panel([record(f"crowd-{i}", 1990 + i, 2020, kind="bilateral") for i in range(9)])
    panel.view.fit_all()
    assert panel.scene.boxes[0].folded
    panel.view.show_years(1995, 2005)
    assert not panel.scene.boxes[0].folded
    panel.view.fit_all()
    assert panel.scene.boxes[0].folded


def test_a_partnership_saved_in_the_window_appears(catalog, panel):
    new = record("artemis-accords", 2020, status="active", kind="multilateral")
    panel.events.apply(save_partnership(catalog.partnerships, catalog.paths, new).changes)
    assert "artemis-accords" in panel.shown_slugs()
    assert panel.count_label.text() == "Showing 4 of 4 partnerships"


def test_a_hidden_timeline_refreshes_when_shown(qtbot, catalog, panel):
    panel.hide()
    new = record("artemis-accords", 2020, status="active", kind="multilateral")
    panel.events.apply(save_partnership(catalog.partnerships, catalog.paths, new).changes)
    assert "artemis-accords" not in panel.shown_slugs()  # no work while hidden
    with qtbot.wait_exposed(panel):
        panel.show()
    assert "artemis-accords" in panel.shown_slugs()


def test_an_import_by_another_process_appears_without_a_restart(qtbot, bundled_paths, tmp_path):
    catalog = Catalog.open(bundled_paths)  # the command line reads the same bundled content
    events = CatalogEvents(catalog)
    panel = TimelinePanel(catalog.partnerships, catalog.search, today=TODAY, events=events)
    qtbot.add_widget(panel)
    with qtbot.wait_exposed(panel):
        panel.show()
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "slug,name,type,start_year,status,domain\n"
        "moon-base,Moon Base,bilateral,2030,planned,lunar\n",
        encoding="utf-8",
    )
    events.start()
    data = str(bundled_paths.data_dir)
    done = subprocess.run(
        [sys.executable, "-m", "explorer", "import", str(sheet), "--data-dir", data],
        capture_output=True,
        text=True,
        timeout=60,
    )
    try:
        assert done.returncode == 0, done.stderr
        qtbot.wait_until(lambda: "moon-base" in panel.shown_slugs(), timeout=5000)
    finally:
        events.stop()
        catalog.close()


def test_tooltip_names_years_and_partners(panel):
    tip = panel.view._tip(QPointF(point_of(panel, CREW)))
    assert "NASA Commercial Crew Program" in tip
    assert "2010–" in tip and "NASA" in tip


def test_exported_png_and_svg_are_valid_and_not_empty(tmp_path, panel):
    from xml.etree import ElementTree

    from PySide6.QtGui import QImage

    png = panel.export_image(tmp_path / "view.png")
    image = QImage(str(png))
    assert not image.isNull() and image.width() >= panel.view.viewport().width()
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 23)
    }
    assert len(colours) > 5  # something was drawn, not a blank page
    svg = panel.export_image(tmp_path / "view.svg")
    root = ElementTree.parse(svg).getroot()
    assert root.tag.endswith("svg")
    text = "".join(root.itertext())
    assert "Commercial Crew" in text and "Space Partnerships Explorer" in text
    assert sorted(p.name for p in tmp_path.glob("view*")) == ["view.png", "view.svg"]
    assert not list(tmp_path.glob(".export-*"))  # no temporary file left behind


def test_export_to_an_unknown_format_names_the_file(tmp_path, panel):
    from explorer.ui.timeline.export import ExportError

    with pytest.raises(ExportError, match=r"view\.gif: choose a file name ending in .png"):
        panel.export_image(tmp_path / "view.gif")


def test_dark_palette_restyles(panel):
    from PySide6.QtGui import QColor, QPalette

    palette = QPalette(panel.palette())
    palette.setColor(QPalette.ColorRole.Base, QColor("#111111"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#eeeeee"))
    panel.setPalette(palette)
    assert panel.scene.state.style.dark
    assert not panel.view.viewport().grab().isNull()


def test_tab_reaches_every_control_then_the_timeline(qtbot, panel):
    panel.timeline_button.setFocus()
    seen = []
    for _ in range(20):
        seen.append(QApplication.focusWidget())
        if seen[-1] is panel.view:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert seen[-1] is panel.view
    for widget in (
        panel.group_combo,
        panel.fit_button,
        panel.filter_bar.text,
        panel.filter_bar.menus["partner"],
    ):
        assert widget in seen
    assert all(w.accessibleName() for w in seen)


def test_an_empty_catalog_shows_an_empty_timeline(qtbot, catalog, make_panel):
    from explorer.store.database import writing

    with writing(catalog.db):  # a catalog with nothing in it (no bundled content)
        catalog.partnerships.erase([ASTP, EXOMARS, CREW])
    panel = make_panel()
    assert panel.shown_slugs() == [] and panel.scene.boxes == []
    assert panel.count_label.text() == "Showing 0 of 0 partnerships"
    assert "no partnerships shown" in panel.description.text()
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_Right)
    qtbot.keyClick(panel.view, Qt.Key.Key_0)
    assert panel.view.selected is None
    assert not panel.view.viewport().grab().isNull()


def test_a_page_opens_beside_the_timeline(qtbot, panel):
    from PySide6.QtWidgets import QTextBrowser

    page = QTextBrowser()
    panel.set_detail_widget(page)
    panel.partnership_open_requested.connect(lambda slug: page.setPlainText(f"page of {slug}"))
    assert not page.isVisible()
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=point_of(panel, CREW))
    assert page.isVisible() and page.toPlainText() == f"page of {CREW}"
    assert page.geometry().left() >= panel.stack.geometry().right()  # beside, on the right


def test_the_export_menu_asks_for_a_file_and_saves_it(tmp_path, monkeypatch, panel):
    from explorer.ui.timeline import export

    asked = []

    def choose(parent, title, start, kind):  # stands in for the file dialog
        asked.append((title, start, kind))
        return str(tmp_path / "my timeline"), kind

    monkeypatch.setattr(export.QFileDialog, "getSaveFileName", choose)
    _png, svg = panel.export_button.menu().actions()
    svg.trigger()
    assert asked[0][2] == "SVG drawing (*.svg)" and asked[0][1].endswith(".svg")
    assert (tmp_path / "my timeline.svg").stat().st_size > 1000
