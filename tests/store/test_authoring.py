from dataclasses import replace

import pytest

from explorer.core.models import Milestone, Participant, Partner, Partnership
from explorer.store import authoring
from explorer.store.authoring import (
    AuthoringError,
    delete_partnership,
    revert_partnership,
    save_partnership,
)
from explorer.store.bundled import refresh_bundled
from explorer.store.catalog import Catalog
from tests.store.conftest import database_rows

ASTP = "apollo-soyuz-test-project"


def _new(store, slug="moon-club", partner=None):
    partner = partner or store.partners()["nasa"]
    return Partnership(
        slug,
        "Moon Club",
        "bilateral",
        2030,
        None,
        "planned",
        "lunar",
        partners=(Participant(partner, "lead"),),
        milestones=(Milestone(2030, "Agreement signed"),),
    )


def test_a_new_partnership_is_the_teachers_and_the_change_says_so(store, paths):
    generation = store.generation
    saved = save_partnership(store, paths, _new(store))
    assert (saved.record.origin, saved.record.edited) == ("user", False)
    assert saved.changes.partnerships == {"moon-club"}
    assert store.generation > generation  # whoever caches on top of the store forgets
    found = store.db.query(
        "select p.slug from partnerships p join partnerships_fts f "
        "on f.rowid = p.rowid where partnerships_fts match 'club'"
    )
    assert [row["slug"] for row in found] == ["moon-club"]


def test_a_new_partner_is_saved_with_the_partnership(store, paths):
    isro = Partner("isro", "ISRO", "Indian Space Research Organisation", "IN", "space-agency")
    save_partnership(store, paths, _new(store, partner=isro), [isro])
    assert store.partners()["isro"] == isro
    assert store.get("moon-club").partners[0].partner == isro
    assert store.origin_of("moon-club") == ("user", False)


def test_a_failed_save_changes_nothing(store, paths, monkeypatch):
    before = database_rows(store.db)

    def broken_write(path, data):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(authoring, "atomic_write_bytes", broken_write)
    isro = Partner("isro", "ISRO")
    with pytest.raises(OSError, match="No space left"):
        save_partnership(store, paths, _new(store, partner=isro), [isro])
    assert database_rows(store.db) == before
    assert not (paths.data_dir / "partnerships").exists()


def test_a_saved_partnership_is_a_file_that_outlives_the_database(store, paths):
    isro = Partner("isro", "ISRO", "Indian Space Research Organisation", "IN", "space-agency")
    save_partnership(store, paths, _new(store, partner=isro), [isro])
    text = (paths.data_dir / "partnerships" / "moon-club.yaml").read_text(encoding="utf-8")
    assert "name: Moon Club" in text and "saved:" in text
    assert "slug: isro" in (paths.data_dir / "partners.yaml").read_text(encoding="utf-8")
    store.db.close()
    paths.database.unlink()
    reopened = Catalog.open(paths)
    assert reopened.partnerships.get("moon-club").partners[0].partner == isro
    reopened.close()


def test_editing_a_bundled_one_marks_it_edited_and_a_refresh_leaves_it(store, paths, content_dir):
    edited = replace(store.get(ASTP), name="ASTP, as I teach it")
    save_partnership(store, paths, edited)
    assert store.origin_of(ASTP) == ("bundled", True)
    (content_dir / "partnerships" / f"{ASTP}.yaml").write_text(
        (content_dir / "partnerships" / f"{ASTP}.yaml").read_text() + "\n# changed\n"
    )
    refresh_bundled(store, content_dir)
    assert store.get(ASTP).name == "ASTP, as I teach it"


def test_revert_puts_the_bundled_version_back(store, paths):
    original = store.get(ASTP)
    save_partnership(store, paths, replace(original, name="Mine", milestones=()))
    reverted = revert_partnership(store, paths, ASTP)
    assert store.get(ASTP) == original == reverted.record
    assert store.origin_of(ASTP) == ("bundled", False)


def test_revert_of_a_teachers_own_partnership_is_refused(store, paths):
    save_partnership(store, paths, _new(store))
    with pytest.raises(AuthoringError, match="no partnership 'moon-club' to revert to"):
        revert_partnership(store, paths, "moon-club")


def test_delete_removes_a_teachers_partnership_and_its_rows(store, paths):
    save_partnership(store, paths, _new(store))
    delete_partnership(store, paths, "moon-club")
    assert store.get("moon-club") is None
    assert (
        list(store.db.query("select * from milestones where partnership_slug = 'moon-club'")) == []
    )


@pytest.mark.parametrize(
    ("slug", "message"),
    [
        (ASTP, "comes with the app and cannot be deleted"),
        ("nothing-here", "there is no partnership 'nothing-here'"),
    ],
)
def test_delete_refuses_bundled_and_missing_ones(store, paths, slug, message):
    before = database_rows(store.db)
    with pytest.raises(AuthoringError, match=message):
        delete_partnership(store, paths, slug)
    assert database_rows(store.db) == before
