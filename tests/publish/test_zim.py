"""publish zim: read the ZIM back with libzim's reader: every page is an entry, every
internal link resolves to an entry, the library is the main page, figures are inside.

Marked `publish` (not in the default run): `pip install ".[publish]"`, then
`python -m pytest -m publish`. Skips when libzim is not installed.
"""

from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from urllib.parse import unquote, urlparse

import pytest

from explorer.store.catalog import Catalog
from explorer.store.publish_output import PublishError
from explorer.store.publish_pages import build_site

pytestmark = pytest.mark.publish
reader = pytest.importorskip(
    "libzim.reader", reason='libzim is not installed: pip install ".[publish]"'
)

from explorer.store.publish_zim import publish_zim  # noqa: E402 (needs libzim)


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name in ("href", "src"):
            ref = values.get(name)
            if ref and not ref.startswith(("http:", "https:", "mailto:", "#")):
                self.refs.append(ref)


def refs_of(html: str) -> list[str]:
    parser = _Refs()
    parser.feed(html)
    return parser.refs


@pytest.fixture
def bundled_catalog(bundled_paths):
    catalog = Catalog.open(bundled_paths)
    yield catalog
    catalog.close()


def test_every_page_is_an_entry_and_every_link_resolves(bundled_catalog, tmp_path):
    out = tmp_path / "space.zim"
    result = publish_zim(bundled_catalog, out)
    site = build_site(bundled_catalog)

    archive = reader.Archive(out)
    assert archive.main_entry.get_item().path == "index.html"
    assert archive.has_fulltext_index
    assert result.pages == len(site.pages) == archive.article_count
    for page in site.pages:
        entry = archive.get_entry_by_path(page.path)
        assert entry.title == page.title
        item = entry.get_item()
        assert item.mimetype == "text/html"
        html = bytes(item.content).decode("utf-8")
        for ref in refs_of(html):
            path = unquote(urlparse(ref).path)
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page.path), path))
            assert archive.has_entry_by_path(target), f"{page.path}: {ref} is not in the ZIM"
    main = bytes(archive.main_entry.get_item().content).decode("utf-8")
    assert "<h1>Lessons</h1>" in main
    assert archive.get_metadata("Title").decode() == "Space Partnerships Explorer"
    assert archive.get_metadata("Language").decode() == "eng"


def test_figures_are_inside_the_zim(catalog, paths, tmp_path):
    (paths.teacher_lessons / "images").mkdir(parents=True)
    (paths.teacher_lessons / "images" / "map.png").write_bytes(b"\x89PNG a map")
    (paths.teacher_lessons / "mine.md").write_text(
        "---\ntitle: Mine\nsection: foundations\n---\n\n![A map](images/map.png)\n",
        encoding="utf-8",
    )
    catalog.reload_lessons()
    out = tmp_path / "space.zim"
    assert publish_zim(catalog, out).figures == 1

    archive = reader.Archive(out)
    html = bytes(archive.get_entry_by_path("lessons/mine.html").get_item().content).decode()
    (src,) = [r for r in refs_of(html) if "figures/" in r]
    figure = archive.get_entry_by_path(posixpath.normpath(posixpath.join("lessons", src)))
    assert bytes(figure.get_item().content) == b"\x89PNG a map"
    assert figure.get_item().mimetype == "image/png"


def test_an_existing_zim_is_replaced_only_with_force(catalog, tmp_path):
    out = tmp_path / "space.zim"
    out.write_bytes(b"an older file")
    with pytest.raises(PublishError, match="exists"):
        publish_zim(catalog, out)
    assert out.read_bytes() == b"an older file"
    publish_zim(catalog, out, force=True)
    assert reader.Archive(out).main_entry.get_item().path == "index.html"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".zim"] == ["space.zim"]
