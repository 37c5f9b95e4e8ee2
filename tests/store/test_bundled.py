from dataclasses import replace

from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog


def test_first_start_builds_the_catalog_from_bundled_content(catalog):
    assert catalog.refresh.added == 3
    iss = catalog.partnerships.get("apollo-soyuz-test-project")
    assert iss is not None and iss.partner_names == ("NASA", "Soviet Academy of Sciences")
    assert [m.year for m in iss.milestones] == [1972, 1975]
    crew = catalog.partnerships.get("nasa-commercial-crew-program")
    assert crew.partners[1].role == "Crew Dragon" and crew.end_year is None


def test_unchanged_content_is_not_reloaded(paths, catalog):
    catalog.close()
    again = Catalog.open(paths)
    assert again.refresh.changed is False
    again.close()


def test_a_refresh_keeps_teacher_rows_and_teacher_edits(paths, catalog, content_dir):
    store = catalog.partnerships
    mine = replace(store.get("exomars-esa-roscosmos"), slug="my-mission", name="My mission")
    save_partnership(store, paths, mine)
    edited = replace(store.get("apollo-soyuz-test-project"), name="ASTP (my notes)")
    save_partnership(store, paths, edited)
    catalog.close()
    source = content_dir / "partnerships" / "apollo-soyuz-test-project.yaml"
    source.write_text(source.read_text().replace("docked in orbit", "joined up"))
    (content_dir / "partnerships" / "exomars-esa-roscosmos.yaml").unlink()
    crew = content_dir / "partnerships" / "nasa-commercial-crew-program.yaml"
    crew.write_text(crew.read_text().replace("start_year: 2010", "start_year: 2011"))

    reopened = Catalog.open(paths)
    store = reopened.partnerships
    assert reopened.refresh.changed and reopened.refresh.removed == 1
    assert store.get("my-mission").name == "My mission"
    assert store.get("apollo-soyuz-test-project").name == "ASTP (my notes)"
    assert store.get("nasa-commercial-crew-program").start_year == 2011
    assert store.get("exomars-esa-roscosmos") is None
    reopened.close()


def test_deleting_the_database_keeps_teacher_lesson_files(paths, catalog):
    lesson = paths.teacher_lessons / "mine.md"
    lesson.write_text("---\ntitle: Mine\nsection: outlook\n---\n\nHello.\n", encoding="utf-8")
    catalog.close()
    paths.database.unlink()
    reopened = Catalog.open(paths)
    assert reopened.library.get("mine").title == "Mine"
    reopened.close()


def test_deleting_the_database_keeps_every_teacher_partnership(paths, catalog):
    store = catalog.partnerships
    mine = replace(store.get("exomars-esa-roscosmos"), slug="my-mission", name="My mission")
    save_partnership(store, paths, mine)
    save_partnership(store, paths, replace(store.get("apollo-soyuz-test-project"), name="Mine"))
    before = {p.slug: p for p in store.all()}
    catalog.close()
    paths.database.unlink()
    reopened = Catalog.open(paths)
    assert {p.slug: p for p in reopened.partnerships.all()} == before
    assert reopened.notices == []
    reopened.close()
