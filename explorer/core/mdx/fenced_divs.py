"""Pandoc fenced divs (`::: challenge` ... `:::`), as Carpentries Workbench, Quarto and
R Markdown lessons write callouts, challenges and solutions.

A div opens with three or more colons and a class (`::: callout`, `:::: {.solution}`,
`::: {.callout-tip title="Heads up"}`) and closes at a line of colons only; the number
of colons does not have to match (Pandoc's rule), so a closing line closes the innermost
open div. The div's first heading becomes its title. `callouts` turns the divs into boxes.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

from markdown.blockprocessors import BlockProcessor

OPEN_RE = re.compile(r"^[ ]{0,3}:{3,}[ ]*(?:\{(?P<attrs>[^}]*)\}|(?P<name>[\w.-]+))[ ]*:*[ ]*$")
CLOSE_RE = re.compile(r"^[ ]{0,3}:{3,}[ ]*$")
TITLE_RE = re.compile(r"""title\s*=\s*(?:"([^"]*)"|'([^']*)'|(\S+))""")
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


class FencedDivProcessor(BlockProcessor):  # type: ignore[misc]
    def test(self, parent: ElementTree.Element, block: str) -> bool:
        return OPEN_RE.match(block.split("\n", 1)[0]) is not None

    def run(self, parent: ElementTree.Element, blocks: list[str]) -> None:
        first, _, rest = blocks.pop(0).partition("\n")
        opened = OPEN_RE.match(first)
        assert opened is not None
        inner, after = _collect(rest, blocks)
        if after.strip():
            blocks.insert(0, after)
        classes, title, anchor = _attributes(opened)
        div = ElementTree.SubElement(parent, "div", {"class": " ".join(["fenced", *classes])})
        if anchor:
            div.set("id", anchor)
        self.parser.parseChunk(div, inner)
        _take_title(div, title)


def _collect(rest: str, blocks: list[str]) -> tuple[str, str]:
    """The div's text up to its closing line, and what follows that line in its block."""
    depth = 1
    out: list[str] = []
    pending: str | None = rest
    while pending is not None:
        lines = pending.split("\n")
        for number, line in enumerate(lines):
            if CLOSE_RE.match(line):
                depth -= 1
                if depth == 0:
                    out.extend(lines[:number])
                    return "\n".join(out).strip("\n"), "\n".join(lines[number + 1 :])
            elif OPEN_RE.match(line):
                depth += 1
        out.extend([*lines, ""])
        pending = blocks.pop(0) if blocks else None
    return "\n".join(out).strip("\n"), ""  # never closed: the div runs to the end, as in Pandoc


def _attributes(opened: re.Match[str]) -> tuple[list[str], str, str]:
    """(classes, title, id) from `name` or `{#id .class .other title="..."}`."""
    if opened["name"]:
        return [opened["name"].lower()], "", ""
    attrs = opened["attrs"] or ""
    title = TITLE_RE.search(attrs)
    words = TITLE_RE.sub("", attrs).split()
    classes = [w[1:].lower() for w in words if w.startswith(".")]
    anchor = next((w[1:] for w in words if w.startswith("#")), "")
    if not classes and words and "=" not in words[0]:
        classes = [words[0].lower()]  # `::: {challenge}`
    return classes, next((g for g in title.groups() if g), "") if title else "", anchor


def _take_title(div: ElementTree.Element, title: str) -> None:
    """A `title=` attribute, or the first heading inside, becomes the box's title line."""
    first = div[0] if len(div) else None
    if not title and (first is None or first.tag not in HEADINGS):
        return
    line = ElementTree.Element("p", {"class": "admonition-title"})
    if title:
        line.text = title
        div.insert(0, line)
        return
    assert first is not None
    line.text, line.tail = first.text, None
    line.extend(list(first))
    div.remove(first)
    div.insert(0, line)
