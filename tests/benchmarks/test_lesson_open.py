"""Open a lesson in the real window: build the page, show it, paint it.

Three figures: every bundled lesson opened for the first time (Markdown rendered), opened
again (the render is kept), and a generated 3,000-word teacher lesson (the budget case).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from explorer.core.location import Location
from explorer.core.paths import AppPaths
from explorer.store.catalog import Catalog
from tests.benchmarks.generate import lesson_body

LONG = """---
slug: long-benchmark
title: A long lesson
section: outlook
order: 99
---

{body}
"""


def open_and_paint(window, slug: str) -> float:
    start = time.perf_counter()
    window.go_to(Location("lesson", slug))
    window.read_view.article.viewport().repaint()
    return (time.perf_counter() - start) * 1000


def summary(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"p50 {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {max(times):.1f} ms"


@pytest.mark.benchmark
def test_open_a_lesson_in_the_window(qtbot, tmp_path: Path):
    from explorer.app import build_window

    paths = AppPaths.resolve(tmp_path / "data")
    paths.teacher_lessons.mkdir(parents=True)
    (paths.teacher_lessons / "long-benchmark.md").write_text(
        LONG.format(body=lesson_body(3000)), encoding="utf-8"
    )
    catalog = Catalog.open(paths)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = build_window(paths, catalog, Location("topic"), settings)
    qtbot.add_widget(window)
    window.resize(1200, 800)
    with qtbot.wait_exposed(window):
        window.show()
    qtbot.wait(600)  # as in the app, the renderer is built while the reader looks around
    slugs = [x.slug for x in catalog.library.lessons if x.slug != "long-benchmark"]
    first = [open_and_paint(window, slug) for slug in slugs]
    again = [open_and_paint(window, slug) for _ in range(3) for slug in slugs]
    long_first = open_and_paint(window, "long-benchmark")
    long_times = []
    for _ in range(20):
        window.read_view.pages.forget()  # render the Markdown every time
        window.go_to(Location("topic", ""))
        long_times.append(open_and_paint(window, "long-benchmark"))
    words = len(catalog.library.get("long-benchmark").body.split())
    print(f"\nbundled lessons ({len(slugs)}), first open: {summary(first)}")
    print(f"bundled lessons, opened again (render kept): {summary(again)}")
    print(
        f"{words:,}-word lesson, rendered each time: {summary(long_times)} "
        f"(first {long_first:.1f} ms; budget 30 ms)"
    )
