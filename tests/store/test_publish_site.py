"""publish site: every page as a file, every internal link to a file in the folder, the
figures copied, nothing that runs or loads from the network."""

from __future__ import annotations

import posixpath
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest

from explorer.core.models import TOPICS
from explorer.core.site_links import page_path
from explorer.store.catalog import Catalog
from explorer.store.publish_output import MANIFEST, PublishError
from explorer.store.publish_site import publish_site

TEACHER_LESSON = """---
title: My own lesson
section: foundations
order: 99
summary: A lesson with a figure.
---

![A diagram of the station](images/diagram.png)

Not this one: ![a file outside](../../elsewhere.png) nor ![online](https://example.org/a.png).

See [the cost lesson](lesson:sharing-the-cost).
"""


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.sources: list[str] = []
        self.tags: set[str] = set()
        self.handlers: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        values = dict(attrs)
        self.handlers += [name for name, _ in attrs if name.startswith("on")]
        if tag == "a" and values.get("href"):
            self.hrefs.append(values["href"])
        if tag == "link" and values.get("href"):
            self.sources.append(values["href"])
        if tag == "img":
            self.sources.append(values.get("src") or "")


def links_of(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def target_of(folder: Path, page: Path, href: str) -> Path:
    here = page.relative_to(folder).as_posix()
    path = unquote(urlparse(href).path)
    if not path:  # "#anchor": this page
        return page
    return folder / posixpath.normpath(posixpath.join(posixpath.dirname(here), path))


@pytest.fixture
def bundled_catalog(bundled_paths):
    catalog = Catalog.open(bundled_paths)
    yield catalog
    catalog.close()


def test_every_page_of_the_catalog_is_a_file_and_every_link_resolves(bundled_catalog, tmp_path):
    out = tmp_path / "site"
    result = publish_site(bundled_catalog, out)

    expected = {
        "index.html",
        "topics.html",
        "partnerships.html",
        "glossary.html",
        *(page_path("lesson", x.slug) for x in bundled_catalog.library.lessons),
        *(page_path("partnership", p.slug) for p in bundled_catalog.partnerships.all()),
        *(page_path("topic", tag) for tag in TOPICS),
        *(page_path("glossary", slug) for slug in bundled_catalog.glossary),
    }
    pages = {p.relative_to(out).as_posix() for p in out.rglob("*.html")}
    assert pages == expected
    assert result.pages == len(expected)
    for name in sorted(pages):
        page = out / name
        links = links_of(page)
        for href in links.hrefs:
            if href.startswith(("https:", "http:", "mailto:")):
                continue
            assert not re.match(r"^[a-z]+:", href), f"{name}: app link left: {href}"
            target = target_of(out, page, href)
            assert target.is_file(), f"{name}: {href} points nowhere"
            fragment = urlparse(href).fragment
            if fragment:
                assert f'id="{fragment}"' in target.read_text(encoding="utf-8"), (name, href)
        for src in links.sources:
            assert target_of(out, page, src).is_file(), f"{name}: {src} is not in the folder"
        assert "script" not in links.tags and "iframe" not in links.tags, name
        assert links.handlers == [], name


def test_the_library_is_the_front_page_and_lists_every_lesson(bundled_catalog, tmp_path):
    publish_site(bundled_catalog, tmp_path / "site")
    index = tmp_path / "site" / "index.html"
    hrefs = links_of(index).hrefs
    for lesson in bundled_catalog.library.lessons:
        assert page_path("lesson", lesson.slug) in hrefs
    assert {"topics.html", "partnerships.html", "glossary.html"} <= set(hrefs)
    assert "<title>Space Partnerships Explorer</title>" in index.read_text(encoding="utf-8")


def test_a_partnership_page_shows_what_the_app_shows_without_the_timeline(catalog, tmp_path):
    publish_site(catalog, tmp_path / "site")
    html = (tmp_path / "site" / "partnerships" / "apollo-soyuz-test-project.html").read_text(
        encoding="utf-8"
    )
    assert "<h1>Apollo-Soyuz Test Project" in html
    assert "<title>Apollo-Soyuz Test Project" in html
    assert "Show on the timeline" not in html
    assert 'href="../style.css"' in html


def test_figures_are_copied_and_files_elsewhere_are_left_out(catalog, paths, tmp_path):
    images = paths.teacher_lessons / "images"
    images.mkdir(parents=True)
    (images / "diagram.png").write_bytes(b"\x89PNG diagram")
    (tmp_path / "elsewhere.png").write_bytes(b"\x89PNG private")
    (paths.teacher_lessons / "mine.md").write_text(TEACHER_LESSON, encoding="utf-8")
    catalog.reload_lessons()

    out = tmp_path / "site"
    result = publish_site(catalog, out)

    page = out / "lessons" / "mine.html"
    sources = links_of(page).sources
    figures = [s for s in sources if "figures/" in s]
    assert len(figures) == 1 and figures[0].endswith("-diagram.png")
    assert target_of(out, page, figures[0]).read_bytes() == b"\x89PNG diagram"
    assert result.figures == 1
    assert [p.name for p in (out / "figures").iterdir()] == [Path(figures[0]).name]
    html = page.read_text(encoding="utf-8")
    assert "elsewhere.png" not in html and "private" not in html
    assert "Online image not loaded" in html  # the app's placeholder, as in the window
    assert 'href="sharing-the-cost.html"' in html


def test_a_folder_with_files_is_refused_and_left_alone(catalog, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "homework.txt").write_text("keep me", encoding="utf-8")
    for force in (False, True):
        with pytest.raises(PublishError):
            publish_site(catalog, out, force=force)
    assert [p.name for p in out.iterdir()] == ["homework.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_force_replaces_an_earlier_copy_whole(catalog, tmp_path):
    out = tmp_path / "site"
    publish_site(catalog, out)
    (out / "lessons" / "old-lesson.html").write_text("gone soon", encoding="utf-8")
    with pytest.raises(PublishError, match="not empty; choose an empty folder, or add --force"):
        publish_site(catalog, out)

    publish_site(catalog, out, force=True)

    assert not (out / "lessons" / "old-lesson.html").exists()
    assert (out / "index.html").is_file() and (out / MANIFEST).is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "data", "site"]


def test_an_empty_folder_is_filled(catalog, tmp_path):
    out = tmp_path / "usb"
    out.mkdir()
    publish_site(catalog, out)
    assert (out / "index.html").is_file()
