"""Wires the partner network into the window: Go > Partners builds it when first shown,
a click shows the partner's page beside it, and the partner page's links reach the
network and the partner's lane on the timeline."""

from __future__ import annotations

from typing import TYPE_CHECKING

from explorer.core.location import Location

if TYPE_CHECKING:
    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow
    from explorer.ui.network.panel import NetworkPanel
    from explorer.ui.read_view import ReadView
    from explorer.ui.timeline.panel import TimelinePanel


def install_network(window: MainWindow, catalog: Catalog, read_view: ReadView) -> None:
    def build() -> NetworkPanel:
        return build_network_panel(window, catalog)

    window.network_factory = build
    read_view.page_action_requested.connect(
        lambda scheme, value: partner_action(window, catalog, scheme, value)
    )


def build_network_panel(window: MainWindow, catalog: Catalog) -> NetworkPanel:
    from explorer.ui.article.builder import PageBuilder
    from explorer.ui.article.view import ArticleView
    from explorer.ui.network.panel import NetworkPanel

    panel = NetworkPanel(catalog.partnerships.all, events=window.events)
    detail = ArticleView(window.theme.article_css(window.zoom), window.zoom)
    detail.setAccessibleName("Partner beside the network")
    detail.set_scheme(window.theme.scheme)
    panel.set_detail_widget(detail)
    pages = PageBuilder(catalog)

    def open_partner(slug: str) -> None:
        html = pages.html(Location("partner", slug))
        if html is not None:
            detail.show_html(html)
            panel.show_detail(True)

    def restyle(scheme: str) -> None:
        detail.set_scheme(scheme)
        detail.set_style(window.theme.article_css(window.zoom), window.zoom)

    panel.partner_opened.connect(open_partner)
    detail.target_requested.connect(lambda kind, slug: window.go_to(Location(kind, slug)))
    detail.action_requested.connect(
        lambda scheme, value: partner_action(window, catalog, scheme, value)
    )
    window.theme.scheme_changed.connect(restyle)
    if window.events is not None:
        window.events.catalog_changed.connect(lambda _changes: pages.forget())
    return panel


def partner_action(window: MainWindow, catalog: Catalog, scheme: str, slug: str) -> None:
    """The partner page's own links: its node in the network, its lane on the timeline."""
    from explorer.ui.network.panel import NetworkPanel

    if scheme == "network" and window.go_to(Location("partners")):
        panel = window.network_view
        if isinstance(panel, NetworkPanel) and panel.open_partner(slug):
            panel.view.setFocus()
    elif scheme == "lane":
        show_lane(window, catalog, slug)


def show_lane(window: MainWindow, catalog: Catalog, slug: str) -> None:
    """The timeline grouped by partner, this partner's lane at the top, its partnerships
    highlighted."""
    from explorer.ui.timeline.chrome import HEADER

    timeline: TimelinePanel | None = window.timeline_view
    partner = catalog.partnerships.partners().get(slug)
    if timeline is None or partner is None:
        window.statusBar().showMessage("The timeline is not ready yet: try again.", 6000)
        return
    window.go_to(Location("timeline"))
    timeline.set_group_by("partner")
    own = [p.slug for p in timeline.records() if slug in {x.partner.slug for x in p.partners}]
    timeline.highlight(own, f"{len(own)} partnerships of {partner.name}, in its lane")
    box = next((b for b in timeline.scene.boxes if b.lane.key == slug), None)
    if box is not None and own:
        timeline.view.select(own[0], box=box.index, reveal=False)
        timeline.view.verticalScrollBar().setValue(round(box.top - HEADER))
    timeline.view.setFocus()
