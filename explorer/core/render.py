"""Markdown -> safe HTML for the article view.

Python-Markdown does the parsing, with pymdown-extensions for extras (code colours through
Pygments, emoji as Unicode) and the app's own extension (explorer.core.mdx: other tools'
dialects, fenced divs, callouts, figures, links and images); nh3 then sanitises the result
so teacher HTML cannot run scripts, load frames or fetch anything.

Pygments is imported only when a lesson has a code fence (see MarkdownRenderer).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import markdown
import nh3
import pymdownx.emoji

from explorer.core.links import ACTION_SCHEMES, INTERNAL_KINDS, WEB_SCHEMES, scheme_of
from explorer.core.mdx.context import DeadLink, RenderContext
from explorer.core.mdx.extension import ExplorerExtension
from explorer.core.mdx.targets import allowed_file_uri

__all__ = ["DeadLink", "Heading", "MarkdownRenderer", "RenderContext", "Rendered"]

URL_SCHEMES = {*WEB_SCHEMES, "file", *INTERNAL_KINDS, *ACTION_SCHEMES}
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
    "span": {"style"},  # code colours only: see CODE_STYLE_PROPERTIES
    "table": {"width", "cellspacing", "cellpadding"},  # callout boxes (Qt draws tables only)
    "td": {"align", "colspan", "rowspan", "width"},
    "th": {"align", "colspan", "rowspan"},
    "ol": {"start"},
}
#: what Pygments' inline styles may set; nothing that can load or hide anything
CODE_STYLE_PROPERTIES = {"color", "font-weight", "font-style"}
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
CODE_EXTENSIONS = ["pymdownx.highlight", "pymdownx.superfences"]
EMOJI_EXTENSIONS = ["pymdownx.emoji"]
#: one palette for code in both themes: code blocks are dark in both (docs/decisions/013)
CODE_STYLE = "github-dark"
EXTENSION_CONFIGS: dict[str, dict[str, Any]] = {
    "toc": {"permalink": False, "toc_depth": "2-3"},
    # Unicode characters, never pictures fetched from a CDN
    "pymdownx.emoji": {
        "emoji_index": pymdownx.emoji.gemoji,
        "emoji_generator": pymdownx.emoji.to_alt,
    },
    "pymdownx.highlight": {
        "noclasses": True,  # Qt's rich text shows inline styles
        "pygments_style": CODE_STYLE,
        "guess_lang": False,
        "use_pygments": True,
    },
}
#: a code fence (``` or ~~~, also inside a list or a quote) or a Liquid highlight tag
CODE_RE = re.compile(r"^[ \t>]*(?:```|~~~)|\{%-?\s*highlight\b", re.MULTILINE)
#: an emoji shortcode such as :rocket: (the emoji extension is left out of texts without one)
EMOJI_RE = re.compile(r":[+\-\w]+:")
#: where the text is cut when a part of it cannot be rendered
PART_RE = re.compile(r"^(?=#{1,6}[ \t])", re.MULTILINE)
UNSHOWN = (
    '<table class="callout warning" width="100%" cellspacing="0" cellpadding="0"><tr>'
    '<td class="bar warning" width="4"></td><td class="callout-body"><p class="unshown">'
    "This part of the lesson could not be shown: it is nested too deeply or is not "
    "Markdown this app can read. The rest of the lesson is below.</p></td></tr></table>"
)


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    anchor: str
    title: str


@dataclass(frozen=True, slots=True)
class Rendered:
    html: str
    headings: tuple[Heading, ...]
    #: solutions, hints and spoilers in the text (each opened by a `reveal:N` link)
    hidden_blocks: int = 0
    #: links shown as plain text because they cannot work (for the content checker)
    dead_links: tuple[DeadLink, ...] = ()
    #: parts of the text that could not be rendered and show a message instead
    unshown_parts: int = 0


class _Instance:
    """One configured Python-Markdown and the state its extension shares."""

    def __init__(self, code: bool, emoji: bool) -> None:
        self.explorer = ExplorerExtension()
        extras = [*(CODE_EXTENSIONS if code else ()), *(EMOJI_EXTENSIONS if emoji else ())]
        self.md = markdown.Markdown(
            extensions=[*EXTENSIONS, *extras, self.explorer],
            extension_configs=EXTENSION_CONFIGS,
            output_format="html",
        )

    def convert(self, text: str, context: RenderContext) -> Rendered:
        self.md.reset()
        self.explorer.state.start(context)
        raw = self.md.convert(text)
        headings = tuple(_flatten(getattr(self.md, "toc_tokens", [])))
        state = self.explorer.state
        return Rendered(
            html=sanitize(raw, context=context),
            headings=headings,
            hidden_blocks=state.hidden_blocks,
            dead_links=tuple(state.dead_links),
        )


class MarkdownRenderer:
    """Reusable renderer: building Python-Markdown once keeps each render fast.

    Code colours (Pygments) and emoji shortcodes cost time on every render and import,
    so a text gets them only when it has a code fence or a shortcode: one Markdown
    instance is kept for each combination a text needed.
    """

    def __init__(self) -> None:
        self._instances: dict[tuple[bool, bool], _Instance] = {}
        self._instance(code=False, emoji=False)

    def _instance(self, code: bool, emoji: bool) -> _Instance:
        if (code, emoji) not in self._instances:
            self._instances[code, emoji] = _Instance(code, emoji)
        return self._instances[code, emoji]

    def render(
        self, text: str, base_dir: Path | None = None, context: RenderContext | None = None
    ) -> Rendered:
        """The text as HTML. `base_dir` (the lesson's folder) overrides the context's."""
        context = context or RenderContext()
        if base_dir is not None:
            context = replace(context, base_dir=base_dir)
        instance = self._instance(
            code=CODE_RE.search(text) is not None, emoji=EMOJI_RE.search(text) is not None
        )
        try:
            return instance.convert(text, context)
        except RecursionError:
            return self._render_in_parts(instance, text, context)

    def _render_in_parts(self, instance: _Instance, text: str, context: RenderContext) -> Rendered:
        """Render section by section; a section that still fails shows a message."""
        html: list[str] = []
        headings: list[Heading] = []
        dead: list[DeadLink] = []
        unshown = 0
        for part in PART_RE.split(text):
            try:
                done = instance.convert(part, context)
            except RecursionError:
                html.append(UNSHOWN)
                unshown += 1
                continue
            html.append(done.html)
            headings.extend(done.headings)
            dead.extend(done.dead_links)
        return Rendered("\n".join(html), tuple(headings), 0, tuple(dead), unshown)


def _flatten(tokens: list[dict[str, Any]]) -> list[Heading]:
    out: list[Heading] = []
    for token in tokens:
        out.append(Heading(int(token["level"]), str(token["id"]), _plain(str(token["name"]))))
        out.extend(_flatten(token.get("children", [])))
    return out


def _plain(html: str) -> str:
    return nh3.clean(html, tags=set()).replace("&amp;", "&")


def sanitize(html: str, base_dir: Path | None = None, context: RenderContext | None = None) -> str:
    """Strip anything that could run code or fetch from the network.

    Links may only be web links, the app's own and in-page anchors; images only the
    local files the renderer resolved (inside the allowed folders), or the data: URIs it
    made for a self-contained page. Anything else loses its address.
    """
    context = context or RenderContext(base_dir=base_dir)

    def filter_attribute(tag: str, attribute: str, value: str) -> str | None:
        if tag == "img" and attribute == "src":
            return value if _allowed_image(value, context) else None
        if tag == "a" and attribute == "href":
            scheme = scheme_of(value)
            allowed = scheme in URL_SCHEMES and scheme != "file"
            return value if allowed or (value.startswith("#") and not scheme) else None
        return value

    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES | ({"data"} if context.self_contained else set()),
        link_rel=None,
        strip_comments=True,
        attribute_filter=filter_attribute,
        filter_style_properties=CODE_STYLE_PROPERTIES,
    )


def _allowed_image(src: str, context: RenderContext) -> bool:
    if src.startswith("data:image/"):
        return context.self_contained
    return allowed_file_uri(src, context)
