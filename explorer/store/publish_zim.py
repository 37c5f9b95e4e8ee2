"""`space-explorer publish zim OUT.zim`: the pages as one ZIM file for Kiwix.

Kiwix (and Internet-in-a-Box, which runs it) reads ZIM files: the same pages as the
static site, at the same paths, so the relative links work unchanged; the library is the
main page, and Kiwix's own search box searches the full-text index written with them.
Needs the `libzim` package (`pip install ".[publish]"`): importing this module without it
raises ImportError, so the command line checks first and says what to install.
"""

from __future__ import annotations

import contextlib
import datetime
import mimetypes
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from libzim.writer import (
    ContentProvider,
    Creator,
    FileProvider,
    Hint,
    Item,
    StringProvider,
)

from explorer import __version__
from explorer.core.site_pages import SITE_TITLE, STYLE_PATH
from explorer.store.catalog import Catalog
from explorer.store.publish_output import new_file
from explorer.store.publish_pages import Site, build_site, illustration

ZIM_NAME = "space-partnerships-explorer_en_all"
ZIM_DESCRIPTION = "Lessons and a catalog of real partnerships in space exploration"
ZIM_LONG_DESCRIPTION = (
    "How nations, agencies and companies explore space together: lessons for students "
    "aged 14-18 on why they partner, the benefits, the types of partnership and the "
    "challenges, with a catalog of real partnerships from the Space Race to the Artemis "
    "Accords, each with its partners, milestones and sources."
)


@dataclass(frozen=True, slots=True)
class PublishedZim:
    path: Path
    pages: int
    figures: int


def publish_zim(catalog: Catalog, out: Path, *, force: bool = False) -> PublishedZim:
    """Write every page into the ZIM file `out` (a new file, or with `force` replacing
    one); nothing is left behind if writing fails."""
    site = build_site(catalog)
    icon = illustration(catalog)
    with new_file(out, force, ".zim") as work, _quiet_stdout():
        write_zim(site, work, icon)
    return PublishedZim(out, len(site.pages), len(site.figures))


def write_zim(site: Site, path: Path, icon: bytes) -> None:
    creator = Creator(path).config_indexing(True, "eng").config_verbose(False)
    with creator:
        creator.set_mainpath(site.main_path)
        creator.add_illustration(48, icon)
        for name, value in _metadata().items():
            creator.add_metadata(name, value)
        for page in site.pages:
            creator.add_item(_Entry(page.path, page.title, "text/html", page.html.encode()))
        creator.add_item(_Entry(STYLE_PATH, "", "text/css", site.stylesheet.encode()))
        for figure in site.figures:
            kind = mimetypes.guess_type(figure.source.name)[0] or "application/octet-stream"
            creator.add_item(_Entry(figure.path, "", kind, figure.source))


@contextlib.contextmanager
def _quiet_stdout() -> Iterator[None]:
    """libzim prints its progress ("ZIM file is ready!") on the process's standard output,
    whatever config_verbose says; a command's output (or its --json) must stay clean."""
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "wb") as devnull:
            os.dup2(devnull.fileno(), 1)
        yield
    finally:
        os.dup2(saved, 1)
        os.close(saved)


def _metadata() -> dict[str, str]:
    return {
        "Name": ZIM_NAME,
        "Title": SITE_TITLE,
        "Description": ZIM_DESCRIPTION,
        "LongDescription": ZIM_LONG_DESCRIPTION,
        "Language": "eng",
        "Creator": SITE_TITLE,
        "Publisher": SITE_TITLE,
        "Date": datetime.date.today().isoformat(),
        "Tags": "education;space;partnerships",
        "Scraper": f"space-explorer publish zim {__version__}",
    }


class _Entry(Item):  # type: ignore[misc, unused-ignore]
    """One page, style sheet or figure; `content` is the bytes or the file to read."""

    def __init__(self, path: str, title: str, mimetype: str, content: bytes | Path) -> None:
        super().__init__()
        self.path = path
        self.title = title
        self.mimetype = mimetype
        self.content = content

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        return self.mimetype

    def get_contentprovider(self) -> ContentProvider:
        if isinstance(self.content, Path):
            return FileProvider(str(self.content))
        return StringProvider(self.content)

    def get_hints(self) -> dict[Hint, int]:
        page = self.mimetype == "text/html"
        textual = page or self.mimetype.startswith("text/") or self.mimetype.endswith("+xml")
        return {Hint.FRONT_ARTICLE: int(page), Hint.COMPRESS: int(textual)}
