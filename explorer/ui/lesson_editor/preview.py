"""The lesson editor's live preview: the page exactly as the reader will see it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from explorer.core.lessons import cited_partnerships
from explorer.core.mdx.context import RenderContext
from explorer.core.models import Lesson, Problem
from explorer.core.pages import lesson_page, link_titles
from explorer.store.catalog import Catalog
from explorer.ui.article.view import ArticleView

if TYPE_CHECKING:
    from explorer.core.render import MarkdownRenderer, Rendered


class LessonPreview(ArticleView):
    """An article view that redraws a lesson in place, keeping the scroll position."""

    def __init__(
        self,
        catalog: Catalog,
        style_sheet: str = "",
        text_size: int = 15,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(style_sheet, text_size, parent)
        self.setObjectName("preview")
        self.setAccessibleName("Preview")
        self.catalog = catalog
        self._renderer: MarkdownRenderer | None = None
        self._last: tuple[str, Rendered] | None = None  # the body rendered last time

    @property
    def renderer(self) -> MarkdownRenderer:
        if self._renderer is None:
            from explorer.core.render import MarkdownRenderer

            self._renderer = MarkdownRenderer()
        return self._renderer

    def show_lesson(self, lesson: Lesson) -> None:
        """The lesson's page; its problems are listed beside the text, not here."""
        lesson = replace(lesson, problems=())
        cited = self.catalog.partnerships.many(cited_partnerships(lesson))
        titles = link_titles(self.catalog.glossary, self.catalog.library.lessons, cited)
        again = self._last[1] if self._last and self._last[0] == lesson.body else None
        html, rendered = lesson_page(
            lesson,
            None if again else self.renderer,
            cited,
            titles=titles,
            rendered=again,
            context=RenderContext(image_roots=(self.catalog.paths.teacher_lessons,)),
        )
        self._last = (lesson.body, rendered)
        self.redraw(html)

    def show_unreadable(self, problems: Sequence[Problem]) -> None:
        """The text cannot be read as a lesson yet: say why instead of a page."""
        items = "".join(f"<li>Line {p.line}: {escape(p.message)}</li>" for p in problems)
        self.redraw(
            "<h1>No preview yet</h1><p>The lesson cannot be read until this is "
            f"fixed:</p><ul>{items}</ul>"
        )
