"""The timeline with 10,000 partnerships: scene build time, and the time of every frame
(the move itself plus a synchronous repaint of the view) while panning and zooming.

Run: .venv/bin/python -m pytest -m benchmark -s tests/benchmarks/test_timeline_speed.py
"""

from __future__ import annotations

import os
import statistics
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from explorer.store.database import open_database
from explorer.store.partnerships import PartnershipStore
from explorer.store.search_index import SearchIndex
from tests.benchmarks import generate
from tests.benchmarks.test_search_speed import percentile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FRAME_BUDGET_MS = 16.0


def frames(view, steps: list[Callable[[], None]]) -> list[float]:
    """Milliseconds per frame: one step (scroll, zoom) and the repaint it causes."""
    times = []
    viewport = view.viewport()
    for step in steps:
        t0 = time.perf_counter()
        step()
        viewport.repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return times


def pans(view, count: int = 60, dx: int = 24, dy: int = 0) -> list[Callable[[], None]]:
    h, v = view.horizontalScrollBar(), view.verticalScrollBar()

    def step(sign: int) -> Callable[[], None]:
        return lambda: (h.setValue(h.value() + sign * dx), v.setValue(v.value() + sign * dy))

    return [step(1 if i < count // 2 else -1) for i in range(count)]


def zooms(view, count: int = 40) -> list[Callable[[], None]]:
    width = view.viewport().width()
    return [
        (
            lambda i=i: view.zoom_at(
                1.15 if i < count // 2 else 1 / 1.15, width * (0.3 + 0.4 * (i % 3) / 2)
            )
        )
        for i in range(count)
    ]


def report(label: str, times: list[float]) -> float:
    over = sum(1 for t in times if t > FRAME_BUDGET_MS)
    print(
        f"  {label:<44} p50 {statistics.median(times):5.1f} ms  "
        f"p95 {percentile(times, 95):5.1f} ms  max {max(times):5.1f} ms  "
        f"({len(times)} frames, {over} over {FRAME_BUDGET_MS:.0f} ms)"
    )
    return percentile(times, 95)


@pytest.mark.benchmark
def test_timeline_with_ten_thousand_partnerships(qtbot, tmp_path: Path, monkeypatch):
    from explorer.core.timeline import entries_for
    from explorer.core.timeline_layout import build_lanes
    from explorer.ui.timeline import items
    from explorer.ui.timeline.panel import TimelinePanel

    painted = [0]
    paint = items.LaneLayer.paint

    def counted(self, *args):  # make sure every frame measured really painted lanes
        painted[0] += 1
        return paint(self, *args)

    monkeypatch.setattr(items.LaneLayer, "paint", counted)

    db = open_database(tmp_path / "bench.db").db
    store = PartnershipStore(db)
    records = generate.partnerships(10_000)
    with db.atomic():
        store.write_partners(
            {p.partner.slug: p.partner for r in records for p in r.partners}.values()
        )
        store.write(records)
    search = SearchIndex(db, store)

    t0 = time.perf_counter()
    loaded = store.all()
    t_load = time.perf_counter() - t0
    t0 = time.perf_counter()
    entries = entries_for(loaded, 2026.9)
    t_entries = time.perf_counter() - t0
    t0 = time.perf_counter()
    for by in ("type", "domain", "partner"):
        build_lanes(entries, by)
    t_lanes = (time.perf_counter() - t0) / 3
    t0 = time.perf_counter()
    panel = TimelinePanel(store, search, today=date(2026, 11, 26))
    qtbot.add_widget(panel)
    panel.resize(1400, 900)
    with qtbot.wait_exposed(panel):
        panel.show()
    qtbot.wait(50)
    t_panel = time.perf_counter() - t0
    view = panel.view
    t0 = time.perf_counter()
    view.viewport().repaint()
    t_first = time.perf_counter() - t0
    print(
        f"\n10,000 partnerships: load from SQLite {t_load * 1000:.0f} ms, entries "
        f"{t_entries * 1000:.0f} ms, lanes (pack) {t_lanes * 1000:.0f} ms; whole panel "
        f"built and shown {t_panel * 1000:.0f} ms; first paint {t_first * 1000:.1f} ms"
    )

    worst = []
    view.fit_all()
    print("frame times (move + repaint):")
    worst.append(report("overview, all years: pan", frames(view, pans(view))))
    worst.append(report("overview: zoom in/out at the cursor", frames(view, zooms(view))))
    view.show_years(1990, 2010)
    worst.append(report("detail 1990-2010: pan across and down", frames(view, pans(view, dy=30))))
    worst.append(report("detail 1990-2010: zoom", frames(view, zooms(view))))
    view.show_years(1995, 2001)
    worst.append(report("zoomed 1995-2000: pan", frames(view, pans(view))))
    view.show_years(1998.0, 1998.5)
    worst.append(report("months (1998): pan", frames(view, pans(view))))
    panel.set_group_by("partner")
    view.show_years(1990, 2010)
    worst.append(report("by partner (17 lanes), 1990-2010: pan", frames(view, pans(view, dy=30))))
    worst.append(report("by partner: zoom", frames(view, zooms(view))))
    panel.set_group_by("type")
    view.fit_all()
    view.restack(lambda: panel.scene.toggle_lane(panel.scene.lanes[0].key))
    worst.append(
        report("overview with a lane of 1,400 rows unfolded: pan", frames(view, pans(view, dy=30)))
    )
    assert painted[0] > 500
    print(f"worst p95 {max(worst):.1f} ms (budget: every frame under {FRAME_BUDGET_MS:.0f} ms)")
