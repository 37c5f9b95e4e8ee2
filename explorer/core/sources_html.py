"""The sources of a partnership page: its numbered list of citations, and the superscript
[N] after a fact that opens the citation it comes from. Built with MarkupSafe."""

from __future__ import annotations

from explorer.core import links
from explorer.core.html import Markup
from explorer.core.models import Citation, Partnership


def citation(c: Citation) -> Markup:
    """'Publisher: title', the title a web link when the source has an http(s) address."""
    title = links.external(c.url, c.title) if c.url else Markup("{}").format(c.title)
    return Markup("{}: {}").format(c.publisher, title) if c.publisher else title


def numbered_sources(p: Partnership, printed: bool = False) -> Markup:
    """A partnership's citations, numbered as its superscripts number them, each with an
    anchor a superscript can jump to when the source has no web address; `printed`
    writes each web address out (paper has no links)."""
    if not p.citations:
        return Markup()
    checked = (
        Markup('<p class="muted">Facts checked on {}.</p>').format(p.checked) if p.checked else ""
    )
    entries = Markup("").join(
        Markup('<li><a id="source-{0}" name="source-{0}"></a>{1}{2}</li>').format(
            n,
            citation(c),
            Markup(' <span class="muted">{}</span>').format(c.url) if printed and c.url else "",
        )
        for n, c in enumerate(p.citations, start=1)
    )
    return Markup('<h2>Sources</h2><ol class="sources">{}</ol>{}').format(entries, checked)


def source_mark(p: Partnership, number: int | None) -> Markup:
    """A small superscript [N] that opens the citation a fact comes from: its web page, or
    its place in the list of sources when it has no address."""
    found = p.citation(number)
    if found is None or number is None:
        return Markup()
    web = links.is_web_url(found.url)
    href = found.url if web else f"#source-{number}"
    kind = "external cite" if web else "cite"
    named = ": ".join(x for x in (found.publisher, found.title) if x)
    return Markup('<sup><a class="{}" href="{}" title="Source {}: {}">[{}]</a></sup>').format(
        kind, href, number, named, number
    )
