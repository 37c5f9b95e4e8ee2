"""The sources of a page as HTML: a lesson's list, a partnership's numbered list, and the
superscript [N] after a fact that opens the citation it comes from."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from explorer.core.models import Citation, Partnership


def citation_item(citation: Citation, anchor: str = "") -> str:
    """One source as a list item; its title opens its web page (after the user confirms)."""
    publisher, title, url = citation.publisher, citation.title, citation.url
    text = (f"{escape(publisher)}: " if publisher else "") + (
        f'<a class="external" href="{escape(url)}" title="{escape(url)}">{escape(title)}</a>'
        if url
        else escape(title)
    )
    target = f'<a id="{escape(anchor)}" name="{escape(anchor)}"></a>' if anchor else ""
    return f"<li>{target}{text}</li>"


def sources_list(sources: Sequence[Citation]) -> str:
    """A lesson's sources."""
    items = "".join(citation_item(c) for c in sources)
    return f'<h2>Sources</h2><ul class="sources">{items}</ul>' if items else ""


def numbered_sources(p: Partnership) -> str:
    """A partnership's citations, numbered as its superscripts number them."""
    if not p.citations:
        return ""
    checked = f'<p class="muted">Facts checked on {escape(p.checked)}.</p>' if p.checked else ""
    items = "".join(citation_item(c, f"source-{n}") for n, c in enumerate(p.citations, start=1))
    return f'<h2>Sources</h2><ol class="sources">{items}</ol>{checked}'


def source_mark(p: Partnership, number: int | None) -> str:
    """A small superscript [N] that opens the citation a fact comes from: its web page, or
    its place in the list of sources when it has no address."""
    citation = p.citation(number)
    if citation is None:
        return ""
    href = citation.url or f"#source-{number}"
    kind = "external cite" if citation.url else "cite"
    named = ": ".join(x for x in (citation.publisher, citation.title) if x)
    return (
        f'<sup><a class="{kind}" href="{escape(href)}" title="Source {number}: {escape(named)}">'
        f"[{number}]</a></sup>"
    )
