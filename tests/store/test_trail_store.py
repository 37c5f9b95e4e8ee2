"""Trails on disk: saved atomically in the teacher's data, checked by `validate` with
file and line, kept in backups, and carried by content packs (plan, import, undo)."""

from __future__ import annotations

import json
import zipfile
from dataclasses import replace

import pytest

from explorer.core.trails import Trail, TrailStep, read_trail
from explorer.store.backups import create_backup, restore_backup
from explorer.store.catalog import Catalog
from explorer.store.import_files import undo_last_import
from explorer.store.pack_export import export_pack
from explorer.store.pack_import import import_pack, read_pack
from explorer.store.safe_zip import PackError
from explorer.store.trail_files import TrailShelf, delete_trail, save_trail, trail_problems

TRAIL = Trail(
    "rivals",
    "Rivals in orbit",
    "Cold War cooperation.",
    (
        TrailStep("partnership", "apollo-soyuz-test-project", note="The handshake."),
        TrailStep("section", "why-partner", section="Sharing the load"),
        TrailStep("question", "why-partner", question=1),
    ),
    origin="teacher",
)


@pytest.fixture
def elsewhere(tmp_path, paths):
    other = Catalog.open(replace(paths, data_dir=tmp_path / "colleague"))
    yield other
    other.close()


def test_a_saved_trail_is_one_file_in_the_teachers_data_and_reads_back(paths):
    saved = save_trail(paths, TRAIL)
    path = paths.data_dir / "trails" / "rivals.yaml"
    assert saved.source_path == path
    assert sorted(p.name for p in path.parent.iterdir()) == ["rivals.yaml"]  # no temp file
    assert TrailShelf.load(paths).get("rivals") == TRAIL
    assert read_trail(path)[0] == TRAIL


def test_deleting_a_trail_moves_it_to_the_trash(paths):
    save_trail(paths, TRAIL)
    moved = delete_trail(paths, "rivals")
    assert not (paths.data_dir / "trails" / "rivals.yaml").exists()
    assert read_trail(paths.data_dir / moved)[0] == TRAIL
    assert TrailShelf.load(paths).get("rivals") is None
    with pytest.raises(FileNotFoundError):
        delete_trail(paths, "rivals")


def test_validate_reports_a_step_that_points_nowhere_with_file_and_line(catalog, paths):
    folder = paths.data_dir / "trails"
    folder.mkdir(parents=True)
    (folder / "broken.yaml").write_text(
        "title: Broken\nsteps:\n  - lesson: why-partner\n  - partnership: mir-2\n"
        "  - lesson: why-partner\n    section: No such heading\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in trail_problems(paths, catalog.library, catalog.partnerships)]
    assert problems == [
        f"{folder / 'broken.yaml'}:4: step 2: no partnership 'mir-2'",
        f"{folder / 'broken.yaml'}:5: step 3: lesson 'why-partner' has no section "
        "'No such heading' (its sections: Sharing the load)",
    ]
    assert [str(p) for p in catalog.problems if "broken.yaml" in p.file] == problems


def test_a_backup_keeps_the_teachers_trails_and_a_restore_brings_them_back(catalog, paths):
    save_trail(paths, TRAIL)
    backup = create_backup(catalog.partnerships, paths)
    delete_trail(paths, "rivals")
    restore_backup(catalog.partnerships, paths, backup.id)
    assert TrailShelf.load(paths).get("rivals") == TRAIL


def test_a_trail_travels_in_a_pack_and_lands_whole_in_a_colleagues_data(
    catalog, paths, elsewhere, tmp_path
):
    save_trail(paths, TRAIL)
    pack = tmp_path / "pack.zip"
    summary = export_pack(catalog.partnerships, paths, pack, title="Cold War")
    assert summary.trails == 1
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert (
            archive.read("trails/rivals.yaml")
            == (paths.data_dir / "trails" / "rivals.yaml").read_bytes()
        )
    assert manifest["format_version"] == 2
    assert manifest["trails"] == [
        {"path": "trails/rivals.yaml", "slug": "rivals", "title": "Rivals in orbit"}
    ]
    plan = read_pack(pack, elsewhere.partnerships, elsewhere.paths)
    assert [(i.id, i.status, i.title) for i in plan.items] == [
        ("trail:rivals", "new", "Rivals in orbit")
    ]
    result = import_pack(plan, elsewhere.partnerships, elsewhere.paths)
    assert result.trails == 1
    assert TrailShelf.load(elsewhere.paths).get("rivals") == TRAIL
    again = read_pack(pack, elsewhere.partnerships, elsewhere.paths)
    assert [i.status for i in again.items] == ["unchanged"]


def test_a_pack_trail_that_differs_from_the_teachers_is_a_conflict_kept_unless_chosen(
    catalog, paths, elsewhere, tmp_path
):
    save_trail(paths, TRAIL)
    pack = tmp_path / "pack.zip"
    export_pack(catalog.partnerships, paths, pack)
    theirs = save_trail(elsewhere.paths, replace(TRAIL, title="Their rivals"))
    plan = read_pack(pack, elsewhere.partnerships, elsewhere.paths)
    assert [(i.id, i.status) for i in plan.items] == [("trail:rivals", "conflict")]
    import_pack(plan, elsewhere.partnerships, elsewhere.paths)
    assert read_trail(theirs.source_path)[0].title == "Their rivals"
    import_pack(plan, elsewhere.partnerships, elsewhere.paths, {"trail:rivals": True})
    assert read_trail(theirs.source_path)[0].title == "Rivals in orbit"


def test_a_pack_trail_over_a_bundled_one_replaces_it_and_the_import_can_be_undone(
    catalog, paths, elsewhere, tmp_path
):
    (paths.content_dir / "trails").mkdir()
    (paths.content_dir / "trails" / "rivals.yaml").write_text(
        "title: Bundled\nsteps:\n  - lesson: why-partner\n", encoding="utf-8"
    )
    save_trail(paths, TRAIL)
    pack = tmp_path / "pack.zip"
    export_pack(catalog.partnerships, paths, pack)
    plan = read_pack(pack, elsewhere.partnerships, elsewhere.paths)
    assert [(i.id, i.status) for i in plan.items] == [("trail:rivals", "changed")]
    import_pack(plan, elsewhere.partnerships, elsewhere.paths)
    assert TrailShelf.load(elsewhere.paths).get("rivals").title == "Rivals in orbit"
    report = undo_last_import(elsewhere.partnerships, elsewhere.paths)
    assert report.files == 1
    assert TrailShelf.load(elsewhere.paths).get("rivals").title == "Bundled"


def test_a_pack_without_trails_stays_readable_by_older_versions(catalog, paths, tmp_path):
    pack = tmp_path / "pack.zip"
    export_pack(catalog.partnerships, paths, pack)
    with zipfile.ZipFile(pack) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format_version"] == 1 and "trails" not in manifest


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("trails/sub/x.yaml", "trails go directly in trails/, not in a subfolder"),
        ("trails/x.txt", "only trails [(].yaml files[)] belong in trails/"),
        ("bookmarks/x.yaml", "only manifest.json and files under lessons/ and trails/"),
    ],
)
def test_a_pack_with_a_misplaced_trail_is_refused(catalog, paths, tmp_path, name, message):
    pack = tmp_path / "bad.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        manifest = {
            "format": "space-explorer-pack",
            "format_version": 2,
            "trails": [{"path": name}],
        }
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr(name, "title: X\nsteps:\n  - lesson: why-partner\n")
    with pytest.raises(PackError, match=message):
        read_pack(pack, catalog.partnerships, paths)


def test_a_pack_trail_that_is_not_a_trail_cannot_be_imported(catalog, paths, tmp_path):
    pack = tmp_path / "bad.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        manifest = {
            "format": "space-explorer-pack",
            "format_version": 2,
            "trails": [{"path": "trails/x.yaml"}],
        }
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("trails/x.yaml", "title: [broken\n")
    plan = read_pack(pack, catalog.partnerships, paths)
    assert [(i.id, i.status) for i in plan.items] == [("trail:x", "invalid")]
    assert "invalid YAML" in str(plan.items[0].problems[0])
    import_pack(plan, catalog.partnerships, paths)
    assert not (paths.data_dir / "trails" / "x.yaml").exists()
