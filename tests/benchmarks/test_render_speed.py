"""Open a 3,000-word lesson: Markdown render + page assembly, and showing it in the view."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from explorer.core.models import Lesson
from explorer.core.pages import lesson_page
from explorer.core.render import MarkdownRenderer
from tests.benchmarks.generate import lesson_body


@pytest.mark.benchmark
def test_render_a_3000_word_lesson(qtbot):
    from explorer.ui.article.view import ArticleView

    body = lesson_body(3000)
    lesson = Lesson(
        slug="long",
        title="A long lesson",
        section="benefits",
        body=body,
        source_path=Path("/tmp/long.md"),
    )
    renderer = MarkdownRenderer()
    view = ArticleView()
    qtbot.add_widget(view)
    view.resize(900, 700)
    view.show()
    render, show = [], []
    for _ in range(30):
        t0 = time.perf_counter()
        html, _ = lesson_page(lesson, renderer)
        t1 = time.perf_counter()
        view.show_html(html)
        view.repaint()
        t2 = time.perf_counter()
        render.append((t1 - t0) * 1000)
        show.append((t2 - t1) * 1000)
    total = [a + b for a, b in zip(render, show, strict=True)]
    print(
        f"\n3,000-word lesson ({len(body.split())} words): render p50 "
        f"{statistics.median(render):.1f} ms, show p50 {statistics.median(show):.1f} ms, "
        f"total p50 {statistics.median(total):.1f} ms, max {max(total):.1f} ms "
        "(budget 30 ms)"
    )
