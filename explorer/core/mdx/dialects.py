"""Lessons written for other tools, brought to the Markdown the rest of the pipeline reads.

A preprocessor over the lines, before code blocks are parsed, that leaves code alone:

- Liquid (Jekyll): `{% include links.md %}` brings in the link definitions of the
  lesson's `_includes/links.md`; `{% highlight x %}` becomes a code fence; `{{ page.root }}`
  becomes the path to the lesson's root; every other tag or value is dropped.
- kramdown attribute lines: `{: .language-python}` after a code block gives it its
  language; `{: .challenge}` after a blockquote makes the blockquote that callout (a
  Pandoc fenced div, read by fenced_divs); any other attribute line is dropped.
- R Markdown and Quarto chunks: ```` ```{r label, echo=FALSE} ```` becomes ```` ```r ````.
"""

from __future__ import annotations

import re
from pathlib import Path

from markdown.preprocessors import Preprocessor

from explorer.core.mdx.context import RenderState

FENCE_RE = re.compile(r"^(?P<indent>[ ]{0,3})(?P<fence>`{3,}|~{3,})(?P<info>.*)$")
QUOTE_RE = re.compile(r"^(?:[ ]{0,3}>[ ]?)*")
MARKER_RE = re.compile(r"[ ]{0,3}>[ ]?")
IAL_RE = re.compile(r"^[ ]{0,3}\{:\s*(?P<attrs>[^}]*)\}\s*$")
CHUNK_RE = re.compile(r"^\{\s*\.?(?P<lang>[A-Za-z][\w+-]*)[^}]*\}\s*$")
TAG_RE = re.compile(r"\{%-?\s*(?P<body>.*?)\s*-?%\}")
VALUE_RE = re.compile(r"\{\{-?\s*(?P<name>.*?)\s*-?\}\}")
CODE_SPAN_RE = re.compile(r"(`+).+?\1")
LINK_DEFINITION_RE = re.compile(r"^[ ]{0,3}\[[^\]]+\]:[ ]*\S")
ROOT_VALUES = {"page.root", "site.baseurl", "relative_root_path", "base_path"}
#: kramdown classes of code blocks that are not a language
PLAIN_CODE = {"output", "error", "warning", "source"}
INCLUDE_LIMIT = 256 * 1024
HIGHLIGHT = "{% highlight %}"


class DialectPreprocessor(Preprocessor):  # type: ignore[misc]
    def __init__(self, md: object, state: RenderState) -> None:
        super().__init__(md)
        self.state = state

    def run(self, lines: list[str]) -> list[str]:
        if not any("{" in line for line in lines):
            return lines  # nothing of Liquid, kramdown or R Markdown: the common case
        lines = self._liquid(lines)
        return kramdown_attributes(lines) if any("{:" in x for x in lines) else lines

    def _liquid(self, lines: list[str]) -> list[str]:
        root = _root_path(self.state.context.base_dir)
        out: list[str] = []
        fence = ""  # the open code fence; HIGHLIGHT inside {% highlight %}
        commented = False
        for line in lines:
            if "{" not in line and "`" not in line and "~" not in line:
                if not commented:
                    out.append(line)
                continue
            prefix = QUOTE_RE.match(line).group(0)  # type: ignore[union-attr]
            rest = line[len(prefix) :]
            opened = FENCE_RE.match(rest)
            tag = TAG_RE.fullmatch(rest.strip())
            word = tag["body"].split()[0] if tag and tag["body"] else ""
            if fence == HIGHLIGHT and word == "endhighlight":
                fence = ""
                out.append(prefix + "```")
            elif fence:
                if opened and opened["fence"].startswith(fence) and not opened["info"].strip():
                    fence = ""
                out.append(line)
            elif commented:
                commented = word != "endcomment"
            elif opened:
                fence = opened["fence"]
                out.append(_chunk_header(line, opened))
            elif tag:
                commented = word == "comment"
                fence = HIGHLIGHT if word == "highlight" else ""
                out.extend(self._tag_lines(prefix, tag["body"]))
            else:
                out.append(_outside_code_spans(line, lambda text: _strip_liquid(text, root)))
        return out

    def _tag_lines(self, prefix: str, body: str) -> list[str]:
        words = body.split()
        if words[:1] == ["highlight"]:
            return [prefix + "```" + _lang(body)]
        if words[:1] == ["endhighlight"]:
            return [prefix + "```"]
        if words[:1] == ["include"] and len(words) > 1:
            return _included_definitions(self.state.context.base_dir, words[1])
        return []


def _lang(body: str) -> str:
    words = body.split()
    return words[1] if len(words) > 1 and words[0] == "highlight" else ""


def _chunk_header(line: str, fence: re.Match[str]) -> str:
    """```{r label, echo=FALSE} -> ```r (R Markdown, Quarto); other fences unchanged."""
    chunk = CHUNK_RE.match(fence["info"].strip())
    if chunk is None or not fence["info"].strip().startswith("{"):
        return line
    start = line[: fence.start("info") + len(line) - len(fence.string)]
    return start + chunk["lang"].lower()


def _root_path(base_dir: Path | None) -> str:
    """`{{ page.root }}`: Jekyll episodes live in `_episodes/`, one folder below the root."""
    return ".." if base_dir is not None and base_dir.name.startswith("_") else "."


def _strip_liquid(text: str, root: str) -> str:
    text = TAG_RE.sub("", text)
    return VALUE_RE.sub(lambda m: root if m["name"] in ROOT_VALUES else "", text)


def _outside_code_spans(line: str, change: object) -> str:
    if "{" not in line:
        return line
    assert callable(change)
    out, position = [], 0
    for span in CODE_SPAN_RE.finditer(line):
        out.append(change(line[position : span.start()]))
        out.append(span.group(0))
        position = span.end()
    out.append(change(line[position:]))
    return "".join(out)


def _included_definitions(base_dir: Path | None, name: str) -> list[str]:
    """The link definitions (`[name]: url`) of `_includes/NAME` beside or above the lesson."""
    if base_dir is None or "/" in name or "\\" in name or name.startswith("."):
        return []
    for folder in (base_dir, base_dir.parent):
        path = folder / "_includes" / name
        try:
            if path.is_file() and path.stat().st_size <= INCLUDE_LIMIT:
                text = path.read_text(encoding="utf-8", errors="replace")
                break
        except OSError:
            return []
    else:
        return []
    root = _root_path(base_dir)
    found = [_strip_liquid(x, root) for x in text.splitlines() if LINK_DEFINITION_RE.match(x)]
    return ["", *(x for x in found if not x.rstrip().endswith(":"))]


# -- kramdown attribute lines -------------------------------------------------------------


def kramdown_attributes(lines: list[str]) -> list[str]:
    """Apply or drop every `{: ...}` line that stands alone, outside code."""
    out = list(lines)
    index = 0
    fence = ""
    while index < len(out):
        prefix = QUOTE_RE.match(out[index]).group(0)  # type: ignore[union-attr]
        rest = out[index][len(prefix) :]
        opened = FENCE_RE.match(rest)
        if opened and (not fence or opened["fence"].startswith(fence)):
            fence = "" if fence else opened["fence"]
        attributes = None if fence else IAL_RE.match(rest)
        if attributes is None:
            index += 1
            continue
        depth = prefix.count(">")
        classes = [c[1:] for c in attributes["attrs"].split() if c.startswith(".")]
        del out[index]
        if index and classes:
            index = _apply(out, index, depth, classes)
    return out


def _apply(out: list[str], index: int, depth: int, classes: list[str]) -> int:
    """Give the block that ends at `index - 1` the classes; return where to go on."""
    previous = out[index - 1]
    prefix = QUOTE_RE.match(previous).group(0)  # type: ignore[union-attr]
    if prefix.count(">") > depth:
        return _quote_to_div(out, index, depth, classes[0])
    closing = FENCE_RE.match(previous[len(prefix) :])
    if closing and prefix.count(">") == depth:
        _set_language(out, index - 1, depth, classes)
    return index


def _set_language(out: list[str], closing: int, depth: int, classes: list[str]) -> None:
    language = next(
        (c.removeprefix("language-") for c in classes if c.startswith("language-")),
        next((c for c in classes if c in PLAIN_CODE), ""),
    )
    for line_no in range(closing - 1, -1, -1):
        prefix = QUOTE_RE.match(out[line_no]).group(0)  # type: ignore[union-attr]
        opened = FENCE_RE.match(out[line_no][len(prefix) :])
        if opened and prefix.count(">") == depth:
            if language and not opened["info"].strip():
                out[line_no] = out[line_no].rstrip() + language
            return


def _quote_to_div(out: list[str], index: int, depth: int, kind: str) -> int:
    start = _quote_start(out, index, depth)
    outer = "> " * depth
    body = [outer + _drop_marker(line, depth) for line in out[start:index]]
    out[start:index] = [f"{outer}::: {kind}", *body, f"{outer}:::"]
    return start + len(body) + 2


def _quote_start(out: list[str], end: int, depth: int) -> int:
    """The first line of the quote (deeper than `depth`) that ends just before `end`,
    taking in lazy continuation lines (a paragraph's later lines written without `>`)."""
    start = end
    while start > 0:
        if _depth(out[start - 1]) > depth:
            start -= 1
            continue
        lazy = start - 1
        while lazy >= 0 and _depth(out[lazy]) <= depth and out[lazy].strip():
            lazy -= 1
        if lazy < 0 or lazy == start - 1 or _depth(out[lazy]) <= depth:
            return start
        start = lazy
    return start


def _depth(line: str) -> int:
    return QUOTE_RE.match(line).group(0).count(">")  # type: ignore[union-attr]


def _drop_marker(line: str, depth: int) -> str:
    """Remove the quote marker at nesting level depth + 1 (the ones before it stay)."""
    position = 0
    for _ in range(depth + 1):
        marker = MARKER_RE.match(line, position)
        if marker is None:
            break
        position = marker.end()
    return line[position:]
