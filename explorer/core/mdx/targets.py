"""Where links go and where pictures come from.

Links: internal ones are marked (and get their hover preview), web ones (http, https,
mailto) too; a relative link to another lesson file becomes a `lesson:` link through the
context's resolver; every other link (javascript:, file:, an empty target left by a
Liquid value, a file that is not a lesson) is shown as plain text and reported.

Pictures: only files inside the lesson's folder or the teacher's content folder are
shown; online pictures are never fetched, and any other source (`file://host/...`,
`../../../etc/hostname`) becomes a plain-text placeholder. Raw <img> tags in the
lesson's HTML get the same treatment before the sanitiser sees them.
"""

from __future__ import annotations

import base64
import mimetypes
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

from explorer.core.links import INTERNAL_KINDS, WEB_SCHEMES, is_web_url, scheme_of
from explorer.core.mdx.context import DeadLink, RenderContext, RenderState

INLINE_IMAGE_LIMIT = 8 * 1024 * 1024


class TargetTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: object, state: RenderState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: ElementTree.Element) -> None:
        for tag, handle in (("img", self._image_at), ("a", self._link)):  # a link may hold an img
            if next(root.iter(tag), None) is None:
                continue
            for parent in list(root.iter()):
                for index, child in enumerate(list(parent)):
                    if child.tag == tag:
                        handle(parent, index, child)
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, raw in enumerate(stash):
            if isinstance(raw, str) and "<img" in raw.lower():
                stash[index] = raw_images(raw, self.state.context)

    def _link(self, parent: ElementTree.Element, index: int, link: ElementTree.Element) -> None:
        href = (link.get("href") or "").strip()
        scheme = scheme_of(href)
        titles = self.state.context.link_titles
        if scheme in INTERNAL_KINDS:
            _add_class(link, f"internal {scheme}")
            if titles.get(href) and not link.get("title"):
                link.set("title", titles[href])
        elif scheme in WEB_SCHEMES and is_web_url(href):
            _add_class(link, "external")
            link.set("title", href)
        elif (href.startswith("#") and len(href) > 1) or _is_reveal(link, scheme):
            return
        elif not scheme and href and (slug := self._lesson(href)):
            fragment = urlsplit(href).fragment
            link.set("href", f"lesson:{slug}" + (f"#{fragment}" if fragment else ""))
            _add_class(link, "internal lesson")
        else:
            self.state.dead_links.append(DeadLink(_text(link), href, _reason(href, scheme)))
            parent[index] = _plain(link)

    def _lesson(self, href: str) -> str | None:
        resolve = self.state.context.resolve_lesson
        return resolve(href) if resolve else None

    def _image_at(self, parent: ElementTree.Element, index: int, img: ElementTree.Element) -> None:
        parent[index] = self._image(img)

    def _image(self, img: ElementTree.Element) -> ElementTree.Element:
        alt = img.get("alt") or img.get("title") or ""
        source = image_source(img.get("src", ""), self.state.context)
        if source.startswith("["):
            placeholder = ElementTree.Element("span", {"class": "remote-image"})
            placeholder.text = source.format(alt or _file_name(img.get("src", "")))
            placeholder.tail = img.tail
            return placeholder
        img.set("src", source)
        return img


def _is_reveal(link: ElementTree.Element, scheme: str) -> bool:
    """The callouts' own 'Show the solution' links."""
    return scheme == "reveal" and link.get("class") == "reveal"


def _reason(href: str, scheme: str) -> str:
    if not href:
        return "the link has no target"
    if scheme:
        return f"only web links (http, https, mailto) can be opened, not {scheme}:"
    return "no lesson file is there"


def _add_class(element: ElementTree.Element, names: str) -> None:
    element.set("class", f"{element.get('class', '')} {names}".strip())


def _text(element: ElementTree.Element) -> str:
    return "".join(element.itertext()).strip()


def _plain(link: ElementTree.Element) -> ElementTree.Element:
    span = ElementTree.Element("span", {"class": "dead-link"})
    span.text, span.tail = link.text, link.tail
    span.extend(list(link))
    return span


def _file_name(src: str) -> str:
    """What a placeholder calls a picture without alt text: its file name, never a host."""
    return PurePosixPath(urlsplit(src).path).name or "a picture"


def image_source(src: str, context: RenderContext) -> str:
    """The URI to show for an image source, or a placeholder text ('[...{}...]' for alt)."""
    src = src.strip()
    if scheme_of(src):
        if is_web_url(src) and not src.startswith("mailto"):
            return "[Online image not loaded: {}]"
        return "[Image not shown: {}]"
    if not src or src.startswith("//") or src.startswith("\\\\"):
        return "[Image not shown: {}]"
    path = local_image(unquote(urlsplit(src).path), context)
    if path is None:
        return "[Image from outside the lesson's folder not shown: {}]"
    if context.self_contained:
        return data_uri(path) or "[Image missing: {}]"
    return path.as_uri()


def local_image(src: str, context: RenderContext) -> Path | None:
    """The image file inside one of the allowed folders, or None."""
    if context.base_dir is None:
        return None
    path = (context.base_dir / src).resolve()
    if any(path.is_relative_to(folder) for folder in context.image_folders()):
        return path
    return None


def allowed_file_uri(uri: str, context: RenderContext) -> bool:
    """True for a file:/// URI this renderer made (a file inside the allowed folders)."""
    parts = urlsplit(uri)
    if parts.scheme != "file" or parts.netloc not in ("", "localhost"):
        return False
    path = Path(unquote(parts.path)).resolve()
    return any(path.is_relative_to(folder) for folder in context.image_folders())


def data_uri(path: Path) -> str:
    try:
        if path.stat().st_size > INLINE_IMAGE_LIMIT:
            return ""
        data = path.read_bytes()
    except OSError:
        return ""
    kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if not kind.startswith("image/"):
        return ""
    return f"data:{kind};base64,{base64.b64encode(data).decode('ascii')}"


def raw_images(html: str, context: RenderContext) -> str:
    """The lesson's own HTML with each <img> resolved as above (placeholders included)."""
    parser = _RawImages(context)
    parser.feed(html)
    parser.close()
    return "".join(parser.out)


class _RawImages(HTMLParser):
    def __init__(self, context: RenderContext) -> None:
        super().__init__(convert_charrefs=False)
        self.context = context
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag != "img":
            self.out.append(self.get_starttag_text() or "")
            return
        values = {name: value or "" for name, value in attrs}
        alt = values.get("alt", "")
        source = image_source(values.get("src", ""), self.context)
        if source.startswith("["):
            text = source.format(alt or _file_name(values.get("src", "")))
            self.out.append(Markup('<span class="remote-image">{}</span>').format(text))
            return
        size = "".join(
            Markup(' {}="{}"').format(name, values[name])
            for name in ("width", "height")
            if values.get(name, "").isdigit()
        )
        self.out.append(Markup('<img src="{}" alt="{}"{}>').format(source, alt, Markup(size)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        self.out.append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")
