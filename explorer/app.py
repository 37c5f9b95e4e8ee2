"""Composition root: paths -> catalog -> main window, wired in one place."""

from __future__ import annotations

import sys

from explorer.core.paths import AppPaths


def parse_target(target: str | None) -> tuple[str, str] | None:
    if not target:
        return None
    kind, _, slug = target.partition(":")
    return (kind, slug) if slug else (kind, "")


def run_gui(paths: AppPaths, target: str | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from explorer.store.catalog import Catalog

    catalog = Catalog.open(paths)
    wanted = parse_target(target)
    if wanted and not _exists(catalog, *wanted):
        print(f"space-explorer: error: unknown target {target!r} "
              "(use lesson:SLUG or partnership:SLUG)", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv)
    window = build_window(paths, catalog, wanted)
    window.show()
    for notice in catalog.notices:
        QMessageBox.warning(window, "Database rebuilt", notice)
    return app.exec()


def build_window(paths: AppPaths, catalog=None, wanted=None):  # type: ignore[no-untyped-def]
    """Catalog -> MainWindow showing `wanted` (or the first lesson). Needs a QApplication."""
    from PySide6.QtWidgets import QApplication

    from explorer.store.catalog import Catalog
    from explorer.ui.main_window import MainWindow

    app = QApplication.instance()
    app.setApplicationName("Space Partnerships Explorer")
    app.setOrganizationName("space-explorer")
    catalog = catalog or Catalog.open(paths)
    css = (paths.resources_dir / "article.css").read_text(encoding="utf-8")
    window = MainWindow(catalog, css)
    if wanted:
        window.show_target(*wanted)
    elif catalog.library.lessons:
        window.show_target("lesson", catalog.library.lessons[0].slug)
    return window


def _exists(catalog: object, kind: str, slug: str) -> bool:
    from explorer.store.catalog import Catalog

    assert isinstance(catalog, Catalog)
    if kind == "lesson":
        return catalog.library.get(slug) is not None
    if kind == "partnership":
        return catalog.partnerships.get(slug) is not None
    return False
