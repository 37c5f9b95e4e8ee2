"""HTML built by construction: every value goes through MarkupSafe, so nothing a lesson,
a partnership record or a teacher typed can open a tag.

`Markup("<p>{}</p>").format(text)` escapes `text` unless it is already `Markup`; the
helpers here are the few shapes the article pages repeat. Qt's rich text engine draws
boxes only as tables, so a callout is a one-row table with a coloured bar.
"""

from __future__ import annotations

from collections.abc import Iterable

from markupsafe import Markup, escape

__all__ = ["Markup", "callout", "callout_close", "callout_open", "escape", "items", "join"]

#: the attributes of a callout's table and of its two cells (also used for Markdown callouts)
CALLOUT_TABLE = {"width": "100%", "cellspacing": "0", "cellpadding": "0"}
CALLOUT_BAR = {"width": "4"}


def join(parts: Iterable[Markup | str], separator: str = "") -> Markup:
    """Join the non-empty parts (plain strings are escaped)."""
    return Markup(separator).join(part for part in parts if part)


def items(values: Iterable[Markup | str], tag: str = "ul", css: str = "") -> Markup:
    """`<ul><li>...</li></ul>` of the values, or nothing when there are none."""
    inner = join(Markup("<li>{}</li>").format(value) for value in values)
    if not inner:
        return Markup()
    if css:
        return Markup('<{0} class="{1}">{2}</{0}>').format(Markup(tag), css, inner)
    return Markup("<{0}>{1}</{0}>").format(Markup(tag), inner)


def callout_open(kind: str) -> Markup:
    return Markup(
        '<table class="callout {0}" width="100%" cellspacing="0" cellpadding="0">'
        '<tr><td class="bar {0}" width="4"></td><td class="callout-body">'
    ).format(kind)


def callout_close() -> Markup:
    return Markup("</td></tr></table>")


def callout(kind: str, title: str, content: Markup) -> Markup:
    """A titled box; nothing when there is no content."""
    if not content:
        return Markup()
    return Markup('{}<p class="admonition-title">{}</p>{}{}').format(
        callout_open(kind), title, content, callout_close()
    )
