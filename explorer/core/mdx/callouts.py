"""Callout boxes from admonitions (`!!! tip`) and fenced divs (`::: challenge`).

Qt's rich text draws a box only as a table, so a callout is a one-row table: a thin
coloured bar and the body. Solutions, hints and spoilers are hidden until the reader
opens them: QTextBrowser has no working <details>, so a closed one shows its title and a
`reveal:N` link (N counts the hidden blocks in the text), and the page is drawn again
with that block open, the same way quiz answers stay hidden until answered. A page
rendered for a file uses <details>, which a browser opens without any script.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree

from markdown.treeprocessors import Treeprocessor

from explorer.core.html import CALLOUT_BAR, CALLOUT_TABLE
from explorer.core.mdx.context import RenderState

#: a div's class -> (the box's look in the article CSS, its title when it has none)
KINDS: dict[str, tuple[str, str]] = {
    "challenge": ("challenge", "Challenge"),
    "exercise": ("challenge", "Exercise"),
    "solution": ("solution", "Solution"),
    "hint": ("solution", "Hint"),
    "spoiler": ("solution", "More"),
    "objectives": ("objectives", "Objectives"),
    "questions": ("questions", "Questions"),
    "keypoints": ("keypoints", "Key points"),
    "prereq": ("note", "Prerequisite"),
    "discussion": ("discussion", "Discussion"),
    "checklist": ("tip", "Checklist"),
    "callout": ("note", "Note"),
    "testimonial": ("discussion", "Testimonial"),
    "instructor": ("instructor", "Instructor note"),
    "tab": ("tab", ""),
    "group-tab": ("tab", ""),
    "caution": ("warning", "Caution"),
    "note": ("note", "Note"),
    "tip": ("tip", "Tip"),
    "warning": ("warning", "Warning"),
    "important": ("important", "Important"),
    "info": ("note", "Note"),
    "example": ("tip", "Example"),
    "question": ("questions", "Question"),
}
QUARTO_PREFIX = "callout-"
#: hidden kinds -> the link that opens one
HIDDEN = {"solution": "Show the solution", "hint": "Show the hint", "spoiler": "Show it"}
TITLE_CLASS = "admonition-title"


def kind_of(classes: list[str]) -> str:
    """The first class that names a known kind ('callout-tip' is Quarto's tip); '' if none."""
    for name in classes:
        name = name.removeprefix(QUARTO_PREFIX) if name != "callout" else name
        if name in KINDS:
            return name
    return ""


class CalloutTreeprocessor(Treeprocessor):  # type: ignore[misc]
    def __init__(self, md: object, state: RenderState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, root: ElementTree.Element) -> None:
        boxes = [div for div in root.iter("div") if _is_box(div)]
        if not boxes:
            return
        parents = {child: parent for parent in root.iter() for child in parent}
        numbers: dict[ElementTree.Element, int] = {}
        self.state.hidden_blocks = 0
        for div in boxes:
            if kind_of(_classes(div)) in HIDDEN:
                numbers[div] = len(numbers)
        self.state.hidden_blocks = len(numbers)
        for div in reversed(boxes):  # innermost first: a box may hold boxes
            table = self._box(div, numbers.get(div))
            parent = parents[div]
            parent[list(parent).index(div)] = table

    def _box(self, div: ElementTree.Element, number: int | None) -> ElementTree.Element:
        kind = kind_of(_classes(div))
        look, label = KINDS.get(kind, ("note", ""))
        table = ElementTree.Element("table", {"class": f"callout {look}", **CALLOUT_TABLE})
        table.tail = div.tail
        row = ElementTree.SubElement(table, "tr")
        ElementTree.SubElement(row, "td", {"class": f"bar {look}", **CALLOUT_BAR})
        body = ElementTree.SubElement(row, "td", {"class": "callout-body"})
        if div.get("id"):
            body.set("id", div.get("id", ""))
        title = _title(div, label, prefix=kind not in HIDDEN)
        content = [x for x in div if x is not title]
        if number is None:
            _fill(body, title, div.text, content)
        elif self.state.context.printed:
            _fill(body, title, None, [_not_printed(kind)])
        elif self.state.context.self_contained:
            details = ElementTree.SubElement(body, "details")
            summary = ElementTree.SubElement(details, "summary")
            _move_text(title, summary)
            _fill(details, None, div.text, content)
        else:
            opened = number in self.state.context.open_blocks
            if title is not None and "".join(title.itertext()).strip().lower() == label.lower():
                title = None  # "Show the solution" says it all
            _fill(body, title, None, [_reveal(number, kind, opened)])
            if opened:
                _fill(body, None, div.text, content)
        return table


def _is_box(div: ElementTree.Element) -> bool:
    classes = _classes(div)
    return bool(classes) and classes[0] in ("fenced", "admonition")


def _classes(div: ElementTree.Element) -> list[str]:
    return div.get("class", "").split()


def _title(div: ElementTree.Element, label: str, prefix: bool) -> ElementTree.Element | None:
    """The title line: the div's own, given the kind's name ('Challenge: Slicing') unless
    `prefix` is off (a hidden block's link says what it is), or else the kind's name."""
    first = div[0] if len(div) else None
    if first is not None and TITLE_CLASS in first.get("class", "").split():
        text = "".join(first.itertext()).strip()
        fenced = _classes(div)[0] == "fenced"
        if prefix and fenced and label and label.lower() not in text.lower():
            first.text = f"{label}: {first.text or ''}"
        return first
    if not label:
        return None
    title = ElementTree.Element("p", {"class": TITLE_CLASS})
    title.text = label
    return title


def _fill(
    target: ElementTree.Element,
    title: ElementTree.Element | None,
    text: str | None,
    content: list[ElementTree.Element],
) -> None:
    if title is not None:
        target.append(title)
    if text and text.strip():
        paragraph = ElementTree.SubElement(target, "p")
        paragraph.text = text
    target.extend(content)


def _move_text(source: ElementTree.Element | None, target: ElementTree.Element) -> None:
    if source is None:
        target.text = "Show"
        return
    target.text = source.text
    target.extend(list(source))


def _not_printed(kind: str) -> ElementTree.Element:
    line = ElementTree.Element("p", {"class": "muted"})
    what = {"solution": "solution", "hint": "hint"}.get(kind, "hidden part")
    line.text = f"(The {what} is not printed: it is in the lesson in the app.)"
    return line


def _reveal(number: int, kind: str, opened: bool) -> ElementTree.Element:
    line = ElementTree.Element("p", {"class": "reveal"})
    link = ElementTree.SubElement(line, "a", {"class": "reveal", "href": f"reveal:{number}"})
    shown = HIDDEN[kind]
    link.text = shown.replace("Show", "Hide", 1) if opened else shown
    return line
