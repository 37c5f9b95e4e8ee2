"""Reading trails put into the window: the Trails group in the library, the trail bar,
Go menu entries, and New Trail / Edit Trail for teachers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction

from explorer.ui.trails.follow import TrailFollower, TrailShelfModel

if TYPE_CHECKING:
    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow


def install_trails(
    window: MainWindow, catalog: Catalog, ensure_timeline: Callable[[], None]
) -> TrailFollower:
    model = TrailShelfModel(catalog.paths, window)
    follower = TrailFollower(window, catalog, model, ensure_timeline)

    def list_trails() -> None:
        if window.read_view is not None:
            entries = [(t.slug, t.title, t.summary) for t in model.shelf.trails]
            window.read_view.library.set_trails(entries)

    list_trails()
    model.trails_changed.connect(list_trails)
    window.trail_requested.connect(lambda slug: follower.start(slug))
    if window.events is not None:
        window.events.catalog_changed.connect(model._on_events_catalog_changed)
    go = window.menus.go
    go.addSeparator()
    for action in (follower.previous_action, follower.next_action, follower.leave_action):
        go.addAction(action)
    new_trail = QAction("New &Trail…", window)
    new_trail.setStatusTip("Make a reading trail: steps through lessons, partnerships and views")
    edit_trail = QAction("Edit T&rail…", window)
    edit_trail.setStatusTip("Change the trail you are following, or pick one to change")
    new_trail.triggered.connect(lambda: _open_editor(window, catalog, model, follower, False))
    edit_trail.triggered.connect(lambda: _open_editor(window, catalog, model, follower, True))
    window.menus.file.insertAction(window.menus.file_end, new_trail)
    window.menus.edit.addSeparator()
    window.menus.edit.addAction(edit_trail)
    follower.new_trail_action, follower.edit_trail_action = new_trail, edit_trail
    window.trails = follower  # presenter mode and tests use it
    return follower


def _open_editor(
    window: MainWindow,
    catalog: Catalog,
    model: TrailShelfModel,
    follower: TrailFollower,
    editing: bool,
) -> None:
    from explorer.ui.trails.editor import open_trail_editor  # loads when first opened

    open_trail_editor(window, catalog, model, follower, editing)
