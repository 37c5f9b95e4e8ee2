"""The database keeps which citation each fact comes from, and who sits on which side."""

from __future__ import annotations

from dataclasses import replace

from sqlite_utils import Database

from explorer.core.content import load_partnership_folder
from explorer.core.models import Citation, Milestone
from explorer.store.authoring import save_partnership
from explorer.store.bundled import refresh_bundled
from explorer.store.database import APPLICATION_ID, open_database
from explorer.store.migrations import migrations

ASTP = "apollo-soyuz-test-project"


def test_sources_and_sides_are_stored_and_read_back(store, paths):
    astp = store.get(ASTP)
    changed = replace(
        astp,
        citations=(Citation("NASA", "ASTP"), Citation("Roscosmos", "Soyuz 19")),
        milestones=(Milestone(1975, "Docked on 17 July", 2), Milestone(1975, "Undocked")),
        years_source=1,
        sides=tuple((x.partner.slug,) for x in astp.partners),
    )
    save_partnership(store, paths, changed)
    again = store.get(ASTP)
    assert again.milestones == changed.milestones
    assert (again.years_source, again.sides) == (1, changed.sides)
    row = next(store.db.query("select source from milestones where partnership_slug = ?", [ASTP]))
    assert row["source"] == 2


def test_a_bundled_file_with_sources_and_sides_reads_back_as_written(store, content_dir):
    path = content_dir / "partnerships" / f"{ASTP}.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("docked in orbit}", "docked in orbit, source: 1}")
    text = text.replace(
        "checked:", "years_source: 1\nsides: [[soviet-academy-of-sciences], [nasa]]\nchecked:"
    )
    path.write_text(text, encoding="utf-8")
    assert refresh_bundled(store, content_dir).problems == ()
    records, _ = load_partnership_folder(content_dir / "partnerships", store.partners())
    from_file = next(r for r in records if r.slug == ASTP)
    assert from_file.milestones[1].source == 1
    assert store.get(ASTP) == from_file


def test_a_database_from_before_sources_gains_the_columns_and_keeps_its_rows(tmp_path):
    path = tmp_path / "explorer.db"
    old = Database(path)
    old.execute(f"PRAGMA application_id={APPLICATION_ID}")
    migrations.apply(old, stop_before="m005_sources_per_fact")
    old["milestones"].insert(
        {"partnership_slug": "mine", "position": 0, "year": 2001, "event": "Signed"}
    )
    old.close()
    opened = open_database(path)
    rows = list(opened.db.query("select year, event, source from milestones"))
    assert rows == [{"year": 2001, "event": "Signed", "source": None}]
    assert "years_source" in opened.db["partnerships"].columns_dict
    assert "side" in opened.db["partnership_partners"].columns_dict
