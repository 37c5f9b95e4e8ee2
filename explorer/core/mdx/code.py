"""Code blocks as boxes Qt draws well.

Qt's rich text gives a <pre> no padding and shows the newline before </code> as an empty
line, so every code block (Pygments' highlighted ones, stashed as HTML by superfences,
and plain indented ones) goes into a one-cell table (padding comes from its cell) without
that last newline. The code text itself is escaped by Pygments or Python-Markdown, so
markup-like text such as `<Table ...>` stays text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markdown import util
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

HIGHLIGHTED = '<div class="highlight"'
BOX_OPEN = Markup(
    '<table class="code" width="100%" cellspacing="0" cellpadding="0"><tr><td class="code">'
)
BOX_CLOSE = Markup("</td></tr></table>")


class CodeBlockTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def run(self, root: ElementTree.Element) -> None:
        if next(root.iter("pre"), None) is not None:
            for parent in list(root.iter()):
                for index, child in enumerate(list(parent)):
                    if child.tag == "pre":
                        parent[index] = _boxed(child)
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, raw in enumerate(stash):
            if isinstance(raw, str) and raw.lstrip().startswith(HIGHLIGHTED):
                code = raw.rstrip().replace("\n</code></pre>", "</code></pre>")
                stash[index] = BOX_OPEN + Markup(code) + BOX_CLOSE


def _boxed(pre: ElementTree.Element) -> ElementTree.Element:
    table = ElementTree.Element(
        "table", {"class": "code", "width": "100%", "cellspacing": "0", "cellpadding": "0"}
    )
    table.tail, pre.tail = pre.tail, None
    cell = ElementTree.SubElement(ElementTree.SubElement(table, "tr"), "td", {"class": "code"})
    cell.append(pre)
    code = pre[0] if len(pre) and pre[0].tag == "code" else pre
    if code.text:
        code.text = util.AtomicString(code.text.rstrip("\n"))
    return table
