"""Search as you type over 10,000 partnerships and 1,000 lessons: p50/p95 per keystroke."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

import pytest

from explorer.core.search import Filters
from explorer.store.database import open_database
from explorer.store.partnerships import PartnershipStore
from explorer.store.search_index import SearchIndex, index_lessons, refresh_vocabulary
from tests.benchmarks import generate

QUERIES = [
    "esa mars",
    "commercial crew",
    "lunar station",
    "apollo soyuz",
    "telescope data",
    "export control",
    "nasa jaxa rover",
    "climate satellite",
    "budget schedule",
    "docking module crew",
]


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


@pytest.mark.benchmark
def test_search_as_you_type(tmp_path: Path):
    db = open_database(tmp_path / "bench.db").db
    store = PartnershipStore(db)
    records = generate.partnerships(10_000)
    start = time.perf_counter()
    with db.atomic():
        store.write_partners(
            {p.partner.slug: p.partner for r in records for p in r.partners}.values()
        )
        store.write(records)
    index_lessons(db, generate.lessons(1_000))
    refresh_vocabulary(db)
    print(f"\nbuilt 10,000 partnerships + 1,000 lessons in {time.perf_counter() - start:.1f} s")
    search = SearchIndex(db, store)
    search.search("warm up")
    timings: list[float] = []
    filtered: list[float] = []
    facets: list[float] = []
    narrow = Filters(type=frozenset({"public-private"}), decade=frozenset({2010}))
    for query in QUERIES:
        for end in range(1, len(query) + 1):
            t0 = time.perf_counter()
            results = search.search(query[:end])
            timings.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            search.search(query[:end], narrow)
            filtered.append((time.perf_counter() - t0) * 1000)
        t0 = time.perf_counter()
        search.facets(results.query, narrow)  # once typing pauses
        facets.append((time.perf_counter() - t0) * 1000)
    for label, values in (
        ("search per keystroke, no filter", timings),
        ("search per keystroke, type + decade filter", filtered),
        ("facet counts once typing pauses", facets),
    ):
        print(
            f"{label} ({len(values)} runs): p50 {statistics.median(values):.1f} ms, "
            f"p95 {percentile(values, 95):.1f} ms, max {max(values):.1f} ms"
        )
