"""`space-explorer publish site OUT/`: the pages as a folder of static HTML.

Any web server serves the folder as it is, and a browser opens `index.html` straight from
a USB stick: every link is a relative file link, the style sheet and the figures are in
the folder, and no page has a script or loads anything from the network.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from explorer.core.site_pages import STYLE_PATH
from explorer.store.catalog import Catalog
from explorer.store.publish_output import new_folder
from explorer.store.publish_pages import Site, build_site


@dataclass(frozen=True, slots=True)
class PublishedSite:
    folder: Path
    pages: int
    figures: int

    @property
    def index(self) -> Path:
        return self.folder / "index.html"


def publish_site(catalog: Catalog, out: Path, *, force: bool = False) -> PublishedSite:
    """Write every page into the folder `out` (missing, empty, or with `force` an earlier
    copy, which is replaced whole)."""
    site = build_site(catalog)
    with new_folder(out, force, "site") as work:
        write_site(site, work)
    return PublishedSite(out, len(site.pages), len(site.figures))


def write_site(site: Site, folder: Path) -> None:
    for page in site.pages:
        target = folder / page.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.html, encoding="utf-8")
    (folder / STYLE_PATH).write_text(site.stylesheet, encoding="utf-8")
    for figure in site.figures:
        target = folder / figure.path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(figure.source, target)
