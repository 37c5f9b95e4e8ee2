"""The database keeps a partnership's planned dates, from a form, a teacher file or the
bundled content, and an older database gains the columns without losing a row."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from explorer.core.content import load_partnership_folder
from explorer.core.models import Citation, Plan
from explorer.store.authoring import save_partnership
from explorer.store.bundled import refresh_bundled
from explorer.store.database import APPLICATION_ID, open_database
from explorer.store.migrations import migrations

CREW = "nasa-commercial-crew-program"


def test_a_plan_is_stored_in_columns_and_read_back(store, paths):
    crew = store.get(CREW)
    changed = replace(
        crew,
        citations=(*crew.citations, Citation("NASA", "CCtCap award", "https://nasa.gov/x")),
        planned=Plan(2017, None, 2, "Crew flights were to begin in 2017.", "launch"),
    )
    save_partnership(store, paths, changed)
    assert store.get(CREW).planned == changed.planned
    row = next(
        store.db.query(
            "select planned_start_year, planned_end_year, planned_source, planned_event "
            "from partnerships where slug = ?",
            [CREW],
        )
    )
    assert row == {
        "planned_start_year": 2017,
        "planned_end_year": None,
        "planned_source": 2,
        "planned_event": "launch",
    }


def test_removing_a_plan_clears_it(store, paths):
    crew = store.get(CREW)
    save_partnership(store, paths, replace(crew, planned=Plan(end_year=2015)))
    save_partnership(store, paths, replace(crew, planned=None))
    assert store.get(CREW).planned is None


def test_a_bundled_file_with_a_plan_reads_back_as_written(store, content_dir):
    path = content_dir / "partnerships" / f"{CREW}.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("checked:", "planned: {start_year: 2017, source: 1}\nchecked:"),
        encoding="utf-8",
    )
    assert refresh_bundled(store, content_dir).problems == ()
    records, _ = load_partnership_folder(content_dir / "partnerships", store.partners())
    from_file = next(r for r in records if r.slug == CREW)
    assert from_file.planned == Plan(2017, source=1)
    assert store.get(CREW) == from_file


def test_a_database_from_before_plans_gains_the_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "explorer.db"
    old = Database(path)
    old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations.apply(old, stop_before="m006_planned_dates")
    old["partnerships"].insert(
        {
            "slug": "mine",
            "name": "Mine",
            "type": "bilateral",
            "start_year": 2001,
            "status": "active",
            "domain": "lunar",
            "origin": "user",
        }
    )
    old.close()
    opened = open_database(path)
    rows = list(opened.db.query("select slug, planned_start_year from partnerships"))
    assert rows == [{"slug": "mine", "planned_start_year": None}]
