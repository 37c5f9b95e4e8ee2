"""StoreOp: work off the UI thread, its Changes broadcast once, then its handlers."""

from __future__ import annotations

from dataclasses import dataclass

from explorer.core.changes import Changes
from explorer.ui.catalog_events import CatalogEvents
from explorer.ui.store_op import StoreOp


@dataclass(frozen=True)
class Result:
    count: int
    changes: Changes


def test_the_result_reaches_success_after_its_changes_reach_every_view(qtbot, catalog, paths):
    events = CatalogEvents(catalog)
    order = []
    events.catalog_changed.connect(lambda changes: order.append(("views", changes)))
    seen = []

    def work(store, progress):
        progress("counting", 1, 1)
        return Result(store.count(), Changes(partnerships=frozenset({"x"})))

    with qtbot.wait_signal(events.catalog_changed, timeout=5000):
        job = (
            StoreOp(events, paths, work)
            .with_progress(lambda *step: seen.append(step))
            .success(lambda result: order.append(("success", result.count)))
            .changes_to(events)
            .run()
        )
    job.wait()
    qtbot.wait_until(lambda: len(order) == 2)
    assert order == [("views", Changes(partnerships=frozenset({"x"}))), ("success", 3)]
    assert seen == [("counting", 1, 1)]


def test_a_failure_reaches_failure_and_nothing_is_broadcast(qtbot, catalog, paths):
    events = CatalogEvents(catalog)
    heard, failed = [], []
    events.catalog_changed.connect(heard.append)

    def work(store, progress):
        raise OSError("disk unplugged")

    job = StoreOp(events, paths, work).failure(failed.append).changes_to(events).run()
    job.wait()
    qtbot.wait_until(lambda: bool(failed))
    assert str(failed[0]) == "disk unplugged" and heard == []
