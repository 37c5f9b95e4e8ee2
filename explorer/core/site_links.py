"""Where each page of a published copy (static site or ZIM) lives, and its links rewritten.

The app's pages link with `lesson:SLUG`, `partnership:SLUG`, `topic:TAG` and
`glossary:SLUG`; a published copy has files instead, so those links become relative file
links (`../partnerships/iss.html`) that work from a web server, a USB stick opened in a
browser, or Kiwix. Links that only mean something in the window (the timeline, a sort
order, a quiz answer) are left out with their text; a link to a page the copy does not
hold, or to a local file, keeps its text and loses the link. Web links stay links.

The rewriting walks the HTML's tags with the standard library's parser and writes every
tag it does not change back exactly as it was.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Collection
from html import escape
from html.parser import HTMLParser
from urllib.parse import quote

#: the folder of each kind of page, and the file of its index (the empty slug)
PAGE_FOLDERS = {
    "lesson": ("lessons", "index.html"),
    "partnership": ("partnerships", "partnerships.html"),
    "topic": ("topics", "topics.html"),
    "glossary": ("glossary", "glossary.html"),
}
LIBRARY_PATH = "index.html"
#: links that only work in the app's window: left out of a published page, text and all
WINDOW_ONLY_SCHEMES = frozenset(
    {"timeline", "sort", "quiz", "compare-add", "compare-remove", "lane", "network"}
)
WEB_SCHEMES = ("http:", "https:", "mailto:")
#: elements left out of a published page (the topic page's sort links, compare links)
LEFT_OUT_CLASSES = frozenset({"sortbar", "window-only"})
VOID_TAGS = frozenset({"area", "base", "br", "col", "hr", "img", "input", "link", "meta", "wbr"})


def page_path(kind: str, slug: str) -> str:
    """`('partnership', 'iss')` -> 'partnerships/iss.html'; an empty slug is the kind's
    index page ('topics.html'; the lesson index is the library, 'index.html')."""
    folder, index = PAGE_FOLDERS[kind]
    if not slug:
        return index
    return f"{folder}/{quote(slug, safe='-_.~')}.html"


def relative_href(from_path: str, to_path: str) -> str:
    """A link from the page at `from_path` to the file at `to_path` (both site paths)."""
    start = posixpath.dirname(from_path) or "."
    return quote(posixpath.relpath(to_path, start), safe="-_.~/")


def site_href(href: str, from_path: str, known: Collection[str]) -> str | None:
    """The link to write for `href` on the page at `from_path`: a relative file link, the
    web link or anchor unchanged, or None (keep the text, drop the link)."""
    if href.startswith("#") or href.startswith(WEB_SCHEMES):
        return href
    kind, colon, rest = href.partition(":")
    if not colon or kind not in PAGE_FOLDERS:
        return None
    slug, _, fragment = rest.partition("#")
    target = page_path(kind, slug)
    if target not in known:
        return None
    return relative_href(from_path, target) + (f"#{fragment}" if fragment else "")


def rewrite_links(
    html: str,
    link: Callable[[str], str | None],
    image: Callable[[str], str | None],
) -> str:
    """`html` with each `<a href>` passed through `link` (None: keep the text, drop the
    link) and each `<img src>` through `image` (None: leave the image out). Links in
    WINDOW_ONLY_SCHEMES and elements with a class in LEFT_OUT_CLASSES are left out whole."""
    rewriter = _Rewriter(link, image)
    rewriter.feed(html)
    rewriter.close()
    return "".join(rewriter.out)


def _scheme(href: str) -> str:
    scheme, colon, _ = href.partition(":")
    return scheme if colon else ""


class _Rewriter(HTMLParser):
    def __init__(
        self, link: Callable[[str], str | None], image: Callable[[str], str | None]
    ) -> None:
        super().__init__(convert_charrefs=False)
        self.link = link
        self.image = image
        self.out: list[str] = []
        self.skipping: list[str] = []  # the open tags of an element being left out
        self.unwrapped: list[bool] = []  # for each open <a>: was its tag dropped?

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            self.skipping.append(tag)
            return
        values = dict(attrs)
        classes = set((values.get("class") or "").split())
        href = values.get("href") or ""
        if classes & LEFT_OUT_CLASSES or (tag == "a" and _scheme(href) in WINDOW_ONLY_SCHEMES):
            if tag not in VOID_TAGS:  # a void element has no content to leave out
                self.skipping.append(tag)
            return
        if tag == "a" and "href" in values:
            target = self.link(href)
            self.unwrapped.append(target is None)
            if target is not None:
                self.out.append(_tag(tag, attrs, "href", target))
            return
        if tag == "a":
            self.unwrapped.append(False)
        if tag == "img":
            source = self.image(values.get("src") or "")
            if source is not None:
                self.out.append(_tag(tag, attrs, "src", source))
            return
        self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            return
        if tag == "img":
            self.handle_starttag(tag, attrs)
            return
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag in self.skipping:  # close it, and anything left open inside it
                del self.skipping[len(self.skipping) - 1 - self.skipping[::-1].index(tag) :]
            return
        if tag == "a" and self.unwrapped and self.unwrapped.pop():
            return
        self.out.append(f"</{tag}>")

    def _text(self, text: str) -> None:
        if not self.skipping:
            self.out.append(text)

    def handle_data(self, data: str) -> None:
        self._text(data)

    def handle_entityref(self, name: str) -> None:
        self._text(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._text(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        pass  # the app's pages carry none; a published page needs none

    def handle_decl(self, decl: str) -> None:
        self._text(f"<!{decl}>")


def _tag(tag: str, attrs: list[tuple[str, str | None]], name: str, value: str) -> str:
    parts = [tag]
    for key, old in attrs:
        new = value if key == name else old
        parts.append(key if new is None else f'{key}="{escape(new)}"')
    return f"<{' '.join(parts)}>"
