"""One Python-Markdown extension that registers the app's processors on a renderer."""

from __future__ import annotations

from typing import Any

import markdown
from markdown.extensions import Extension

from explorer.core.mdx.callouts import CalloutTreeprocessor
from explorer.core.mdx.code import CodeBlockTreeprocessor
from explorer.core.mdx.context import RenderState
from explorer.core.mdx.dialects import DialectPreprocessor
from explorer.core.mdx.fenced_divs import FencedDivProcessor
from explorer.core.mdx.figures import FigureTreeprocessor, TableCaptionTreeprocessor
from explorer.core.mdx.targets import TargetTreeprocessor


class ExplorerExtension(Extension):  # type: ignore[misc]
    """Other tools' dialects in, callouts, figures and safe links out.

    Priorities: the dialect preprocessor runs before code fences are read (superfences is
    at 25); fenced divs before the other block processors; then, after inline processing
    (20), table captions, callouts, links and images, and figures last.
    """

    def __init__(self, **kwargs: Any) -> None:
        self.state = RenderState()
        super().__init__(**kwargs)

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.ESCAPED_CHARS.append("$")  # \$ is a dollar sign (Pandoc, R Markdown)
        md.preprocessors.register(DialectPreprocessor(md, self.state), "explorer_dialects", 27)
        md.parser.blockprocessors.register(FencedDivProcessor(md.parser), "fenced_div", 106)
        tree = md.treeprocessors
        tree.register(TableCaptionTreeprocessor(md), "explorer_table_captions", 16)
        tree.register(CalloutTreeprocessor(md, self.state), "explorer_callouts", 15)
        tree.register(TargetTreeprocessor(md, self.state), "explorer_targets", 4)
        tree.register(FigureTreeprocessor(md), "explorer_figures", 3)
        tree.register(CodeBlockTreeprocessor(md), "explorer_code_blocks", 2)
