"""Figures and table captions.

A picture alone in its paragraph is a figure: its caption is the image's title
(`![alt](src "caption")`), or else its alt text. A paragraph `Table: caption` just before
or after a table (Pandoc's way) becomes that table's caption, drawn above it.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markdown.treeprocessors import Treeprocessor

CAPTION_PREFIXES = ("Table:", ": ")


class FigureTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def run(self, root: ElementTree.Element) -> None:
        for paragraph in root.iter("p"):
            if len(paragraph) != 1 or (paragraph.text or "").strip():
                continue
            image = paragraph[0]
            if image.tag != "img" or (image.tail or "").strip():
                continue
            caption = image.get("title") or image.get("alt") or ""
            if not caption:
                continue
            paragraph.set("class", "figure")
            image.tail = None
            ElementTree.SubElement(paragraph, "br")
            ElementTree.SubElement(paragraph, "span", {"class": "caption"}).text = caption


class TableCaptionTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def run(self, root: ElementTree.Element) -> None:
        if next(root.iter("table"), None) is None:
            return
        for parent in list(root.iter()):
            for table in [x for x in parent if x.tag == "table"]:
                children = list(parent)
                index = children.index(table)
                for near in (index - 1, index + 1):
                    if 0 <= near < len(children) and _is_caption(children[near]):
                        _make_caption(parent, children[near], table)
                        break


def _is_caption(element: ElementTree.Element) -> bool:
    text = element.text or ""
    return element.tag == "p" and not element.get("class") and text.startswith(CAPTION_PREFIXES)


def _make_caption(
    parent: ElementTree.Element, paragraph: ElementTree.Element, table: ElementTree.Element
) -> None:
    """The caption, without its 'Table:', goes just above the table."""
    text = paragraph.text or ""
    prefix = next(p for p in CAPTION_PREFIXES if text.startswith(p))
    paragraph.text = text[len(prefix) :].lstrip()
    paragraph.set("class", "table-caption")
    parent.remove(paragraph)
    parent.insert(list(parent).index(table), paragraph)
