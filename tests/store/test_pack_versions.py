"""Packs that update: version 2 of a pack replaces version 1 (added, changed and removed
items, a diff of a changed lesson), nothing is there twice; a pack can be removed as a
whole and put back; undoing an update brings version 1 back."""

from __future__ import annotations

from dataclasses import replace

import pytest

from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.store.import_files import undo_last_import
from explorer.store.pack_export import export_pack
from explorer.store.pack_import import import_pack, read_pack
from explorer.store.packs import installed_packs, remove_pack, undo_remove
from tests.store.conftest import files_under

LESSON = "---\ntitle: {title}\nsection: outlook\n---\n\n{body}\n"


@pytest.fixture
def author(catalog, paths):
    """The teacher who makes the pack: two lessons and a partnership."""
    lessons = paths.teacher_lessons
    (lessons / "moon.md").write_text(LESSON.format(title="The Moon", body="First words."))
    (lessons / "mars.md").write_text(LESSON.format(title="Mars", body="Red planet."))
    base = replace(
        catalog.partnerships.get("exomars-esa-roscosmos"), slug="moon-base", name="Moon Base"
    )
    save_partnership(catalog.partnerships, paths, base)
    catalog.reload_lessons()
    return catalog


@pytest.fixture
def colleague(tmp_path, paths):
    other = Catalog.open(replace(paths, data_dir=tmp_path / "colleague"))
    yield other
    other.close()


def make(author, paths, out, version):
    return export_pack(
        author.partnerships, paths, out, "Space week", name="space-week", version=version,
        author="Ms Okafor",
    )  # fmt: skip


def version_two(author, paths, tmp_path):
    """Version 2: the Moon lesson rewritten, Mars gone, a new lesson, the base renamed."""
    lessons = paths.teacher_lessons
    (lessons / "moon.md").write_text(LESSON.format(title="The Moon", body="Better words."))
    (lessons / "mars.md").unlink()
    (lessons / "venus.md").write_text(LESSON.format(title="Venus", body="Hot planet."))
    base = replace(author.partnerships.get("moon-base"), name="Moon Base, phase 2")
    save_partnership(author.partnerships, paths, base)
    pack = tmp_path / "v2.zip"
    make(author, paths, pack, "2")
    return pack


def test_version_two_shows_what_changed_and_replaces_version_one(
    author, paths, colleague, tmp_path
):
    first = tmp_path / "v1.zip"
    make(author, paths, first, "1")
    import_pack(
        read_pack(first, colleague.partnerships, colleague.paths),
        colleague.partnerships,
        colleague.paths,
    )
    second = version_two(author, paths, tmp_path)
    plan = read_pack(second, colleague.partnerships, colleague.paths)
    statuses = {i.id: i.status for i in plan.items}
    assert statuses["lesson:moon"] == "changed"
    assert statuses["lesson:venus"] == "new"
    assert statuses["lesson:mars.md"] == "removed"
    assert statuses["partnership:moon-base"] == "changed"
    moon = next(i for i in plan.items if i.id == "lesson:moon")
    assert "-First words." in moon.diff and "+Better words." in moon.diff
    import_pack(plan, colleague.partnerships, colleague.paths)
    colleague.reload_lessons()
    theirs = colleague.paths.teacher_lessons
    assert sorted(files_under(theirs)) == ["moon.md", "venus.md"]
    assert "Better words." in (theirs / "moon.md").read_text()
    assert colleague.partnerships.get("moon-base").name == "Moon Base, phase 2"
    packs = installed_packs(colleague.paths)
    assert [(p.name, p.version, p.author) for p in packs] == [("space-week", "2", "Ms Okafor")]
    assert len(list((colleague.paths.data_dir / "imports").glob("*.json"))) == 1


def test_a_lesson_the_teacher_changed_since_version_one_is_a_conflict(
    author, paths, colleague, tmp_path
):
    first = tmp_path / "v1.zip"
    make(author, paths, first, "1")
    import_pack(
        read_pack(first, colleague.partnerships, colleague.paths),
        colleague.partnerships,
        colleague.paths,
    )
    mine = colleague.paths.teacher_lessons / "moon.md"
    mine.write_text(LESSON.format(title="The Moon", body="My own words."))
    plan = read_pack(version_two(author, paths, tmp_path), colleague.partnerships, colleague.paths)
    assert {i.id: i.status for i in plan.items}["lesson:moon"] == "conflict"
    import_pack(plan, colleague.partnerships, colleague.paths)
    assert "My own words." in mine.read_text()


def test_undoing_an_update_brings_version_one_back(author, paths, colleague, tmp_path):
    first = tmp_path / "v1.zip"
    make(author, paths, first, "1")
    import_pack(
        read_pack(first, colleague.partnerships, colleague.paths),
        colleague.partnerships,
        colleague.paths,
    )
    before = files_under(colleague.paths.teacher_lessons)
    second = version_two(author, paths, tmp_path)
    import_pack(
        read_pack(second, colleague.partnerships, colleague.paths),
        colleague.partnerships,
        colleague.paths,
    )
    undo_last_import(colleague.partnerships, colleague.paths)
    assert files_under(colleague.paths.teacher_lessons) == before
    assert colleague.partnerships.get("moon-base").name == "Moon Base"
    assert [p.version for p in installed_packs(colleague.paths)] == ["1"]


def test_a_pack_is_removed_as_a_whole_and_put_back(author, paths, colleague, tmp_path):
    first = tmp_path / "v1.zip"
    make(author, paths, first, "1")
    import_pack(
        read_pack(first, colleague.partnerships, colleague.paths),
        colleague.partnerships,
        colleague.paths,
    )
    own = colleague.paths.teacher_lessons / "mine.md"
    own.write_text(LESSON.format(title="Mine", body="Not from the pack."))
    before = files_under(colleague.paths.teacher_lessons)
    removed = remove_pack(colleague.partnerships, colleague.paths, "space-week")
    assert (removed.partnerships, removed.files) == (1, 2)
    assert files_under(colleague.paths.teacher_lessons) == {"mine.md": own.read_bytes()}
    assert (
        colleague.partnerships.get("moon-base") is None and installed_packs(colleague.paths) == []
    )
    undo_remove(colleague.partnerships, colleague.paths, removed.trash)
    assert files_under(colleague.paths.teacher_lessons) == before
    assert colleague.partnerships.get("moon-base").name == "Moon Base"
