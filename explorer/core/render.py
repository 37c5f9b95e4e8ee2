"""Markdown -> safe HTML for the article view.

Python-Markdown does the parsing (with pymdown-extensions for extras), a small
extension marks our `partnership:` / `lesson:` / `glossary:` / `topic:` links and
resolves images next to the lesson file, and nh3 sanitises the result so teacher HTML
cannot run scripts, load frames or fetch anything.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import markdown
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

INTERNAL_SCHEMES = ("partnership", "lesson", "glossary", "topic")
URL_SCHEMES = {"http", "https", "mailto", "file", *INTERNAL_SCHEMES}
ALLOWED_TAGS = {
    "a",
    "abbr",
    "b",
    "blockquote",
    "br",
    "caption",
    "code",
    "dd",
    "del",
    "details",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "pre",
    "s",
    "small",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "u",
    "ul",
}
ALLOWED_ATTRIBUTES = {
    "*": {"class", "id", "title"},
    "a": {"href"},
    "img": {"src", "alt", "width", "height"},
    "td": {"align", "colspan", "rowspan"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}
EXTENSIONS = [
    "tables",
    "footnotes",
    "admonition",
    "def_list",
    "abbr",
    "sane_lists",
    "attr_list",
    "toc",
    "pymdownx.tilde",
    "pymdownx.mark",
]


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    anchor: str
    title: str


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    headings: tuple[Heading, ...]


class _LinkTreeprocessor(Treeprocessor):  # type: ignore[misc]
    """Class internal/external links; resolve local images; never fetch remote ones."""

    def __init__(self, md: markdown.Markdown, owner: LinkExtension) -> None:
        super().__init__(md)
        self.owner = owner

    def run(self, root: ElementTree.Element) -> None:
        for link in root.iter("a"):
            href = link.get("href", "")
            scheme = href.split(":", 1)[0] if ":" in href else ""
            if scheme in INTERNAL_SCHEMES:
                _add_class(link, f"internal {scheme}")
            elif scheme in {"http", "https", "mailto"}:
                _add_class(link, "external")
                link.set("title", href)
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img":
                    parent[index] = self._image(child)

    def _image(self, img: ElementTree.Element) -> ElementTree.Element:
        src = img.get("src", "")
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src):
            placeholder = ElementTree.Element("span", {"class": "remote-image"})
            placeholder.text = f"[Online image not loaded: {img.get('alt') or src}]"
            placeholder.tail = img.tail
            return placeholder
        base = self.owner.base_dir
        if base is not None:
            img.set("src", (base / src).resolve().as_uri())
        return img


def _add_class(element: ElementTree.Element, names: str) -> None:
    element.set("class", f"{element.get('class', '')} {names}".strip())


class LinkExtension(Extension):  # type: ignore[misc]
    def __init__(self, **kwargs: Any) -> None:
        self.base_dir: Path | None = None
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.treeprocessors.register(_LinkTreeprocessor(md, self), "explorer_links", 5)


class MarkdownRenderer:
    """Reusable renderer: building Python-Markdown once keeps each render fast."""

    def __init__(self) -> None:
        self._links = LinkExtension()
        self._md = markdown.Markdown(
            extensions=[*EXTENSIONS, self._links],
            extension_configs={"toc": {"permalink": False, "toc_depth": "2-3"}},
            output_format="html",
        )

    def render(self, text: str, base_dir: Path | None = None) -> Rendered:
        self._md.reset()
        self._links.base_dir = base_dir
        raw = self._md.convert(text)
        headings = tuple(_flatten(getattr(self._md, "toc_tokens", [])))
        return Rendered(html=sanitize(raw, base_dir), headings=headings)


def _flatten(tokens: list[dict[str, Any]]) -> list[Heading]:
    out: list[Heading] = []
    for token in tokens:
        out.append(Heading(int(token["level"]), str(token["id"]), _plain(str(token["name"]))))
        out.extend(_flatten(token.get("children", [])))
    return out


def _plain(html: str) -> str:
    return nh3.clean(html, tags=set()).replace("&amp;", "&")


def sanitize(html: str, base_dir: Path | None = None) -> str:
    """Strip anything that could run code or fetch from the network.

    Raw `<img>` tags in teacher HTML skip the Markdown tree, so their `src` is checked
    here too: remote images are dropped and relative ones resolved next to the lesson.
    """

    def filter_attribute(tag: str, attribute: str, value: str) -> str | None:
        if tag != "img" or attribute != "src":
            return value
        if value.startswith("file:"):
            return value
        if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", value) or base_dir is None:
            return None
        return (base_dir / value).resolve().as_uri()

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=None,
        strip_comments=True,
        attribute_filter=filter_attribute,
    )


def render_markdown(text: str, base_dir: Path | None = None) -> Rendered:
    """One-off render; callers that render often keep a MarkdownRenderer."""
    return MarkdownRenderer().render(text, base_dir)
