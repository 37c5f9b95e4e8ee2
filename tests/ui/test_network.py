"""The partner network in the window: Go > Partners, filters, arrow keys and Enter, the
name and counts a screen reader hears, the partner page beside it and its links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt

from explorer.core.location import Location
from explorer.core.network_layout import nearest_in_direction
from explorer.ui.network.panel import NetworkPanel
from explorer.ui.network.view import ARROWS

ASTP, CREW = "apollo-soyuz-test-project", "nasa-commercial-crew-program"


@pytest.fixture
def network(qtbot, window) -> NetworkPanel:
    window.menu_actions.show_partners.trigger()
    panel = window.network_view
    assert isinstance(panel, NetworkPanel) and window.current_view() == "partners"
    panel.threshold.setValue(1)  # the small test catalog: every partner
    return panel


def nodes(panel: NetworkPanel) -> list[str]:
    return [n.slug for n in panel.view.network.nodes]


def test_go_partners_shows_every_partner_linked_by_shared_partnerships(network, window):
    assert nodes(network) == ["nasa", "soviet-academy-of-sciences", "spacex"]  # ESA: alone
    assert {(x.a, x.b): x.weight for x in network.view.network.links} == {
        ("nasa", "soviet-academy-of-sciences"): 1,
        ("nasa", "spacex"): 1,
    }
    assert network.status.text().startswith("3 of 4 partners shown")
    assert window.windowTitle().startswith("Partners")


def test_filters_by_type_and_threshold(network):
    network.type.setCurrentIndex(network.type.findData("public-private"))
    assert nodes(network) == ["nasa", "spacex"]
    network.type.setCurrentIndex(0)
    network.threshold.setValue(2)
    assert nodes(network) == []
    assert network.status.text().startswith("No partners to show")


def test_arrow_keys_move_between_partners_and_enter_opens_the_page_beside(qtbot, network):
    view = network.view
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.selected == "nasa"
    assert view.accessibleName() == (
        "Partner network: NASA, space agency: 2 partnerships, linked to 2 partners"
    )
    key, expected = next(
        (key, found)
        for key, direction in ARROWS.items()
        if (found := nearest_in_direction(view.item.at, "nasa", direction))
    )
    with qtbot.waitSignal(view.selection_moved) as moved:
        qtbot.keyClick(view, key)
    assert moved.args == [expected] and view.selected == expected
    with qtbot.waitSignal(network.partner_opened) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == [view.selected]
    assert network.detail.isVisible()
    assert "Its partnerships" in network.detail.toPlainText()


def test_a_click_on_a_partner_opens_its_page(qtbot, network):
    view = network.view
    p = view.item.at["spacex"]
    point = view.mapFromScene(QPointF(p.x, p.y))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert view.selected == "spacex"
    text = network.detail.toPlainText()
    assert "SpaceX" in text and "NASA Commercial Crew Program" in text


def test_the_partner_page_opens_its_lane_on_the_timeline(qtbot, window):
    window.go_to(Location("partner", "nasa"))
    assert "2 partnerships in the catalog" in window.read_view.article.toPlainText()
    window.read_view.article.action_requested.emit("lane", "nasa")
    timeline = window.timeline_view
    assert window.current_view() == "timeline"
    assert timeline.group_by == "partner"
    assert timeline.highlighted == {ASTP, CREW}
    assert timeline.view.selected in {ASTP, CREW}
    box = timeline.scene.boxes[timeline.view.selected_box]
    assert box.lane.key == "nasa"


def test_a_partner_name_on_a_partnership_page_opens_the_partner_page(qtbot, window):
    from tests.ui.test_compare import click_href

    window.go_to(Location("partnership", CREW))
    click_href(qtbot, window.read_view.article, "partner:spacex")
    assert window.current_location() == Location("partner", "spacex")
    window.read_view.article.action_requested.emit("network", "spacex")
    assert window.current_view() == "partners"
    assert window.network_view.view.selected == "spacex"


def test_open_partners_starts_in_the_network(make_window):
    window = make_window(Location("partners"))
    assert window.current_view() == "partners"
    assert isinstance(window.network_view, NetworkPanel)


def test_opened_on_the_network_the_rest_of_the_window_still_arrives(qtbot, paths, settings_file):
    from PySide6.QtCore import QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from explorer.app import install_views, make_window
    from explorer.store.catalog import Catalog
    from explorer.ui.timeline.panel import TimelinePanel

    settings = QSettings(str(settings_file), QSettings.Format.IniFormat)
    window = make_window(QApplication.instance(), paths, settings)
    catalog = Catalog.open(paths)
    with qtbot.waitExposed(window):
        window.show()
    install_views(window, catalog, Location("partners"), deferred=True)
    assert window.current_view() == "partners"
    qtbot.waitUntil(lambda: window.authoring is not None, timeout=5000)
    assert isinstance(window.timeline_view, TimelinePanel) and window.compare is not None
    window.authoring.shutdown()
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    catalog.close()


def test_a_new_partnership_shows_in_the_network(qtbot, network, window):
    from dataclasses import replace

    from explorer.core.changes import EVERYTHING
    from explorer.store.authoring import save_partnership

    store = window.read_view.catalog.partnerships
    crew = store.get(CREW)
    esa = store.partners()["esa"]
    joint = replace(crew, slug="joint-study", name="Joint study", partners=(*crew.partners,))
    joint = replace(joint, partners=(*joint.partners, replace(joint.partners[0], partner=esa)))
    save_partnership(store, window.read_view.catalog.paths, joint)
    window.events.catalog_changed.emit(EVERYTHING)
    assert ("esa", "nasa") in {(x.a, x.b) for x in network.view.network.links}
    assert network.view.network.node("nasa").partnerships == 3
