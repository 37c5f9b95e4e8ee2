"""Content packs: export -> import elsewhere gives the same content; plans, choices, undo;
unsafe or broken zips are refused and nothing is written anywhere."""

import json
import re
import stat
import zipfile
from dataclasses import replace

import pytest

from explorer.core.pack_format import ZipLimits
from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from explorer.store.import_files import undo_last_import
from explorer.store.pack_export import export_pack
from explorer.store.pack_import import import_pack, read_pack
from explorer.store.safe_zip import PackError
from explorer.store.teacher_data import teacher_slugs
from tests.store.conftest import database_rows, files_under

LESSON = """---
title: Our moon base
section: case-studies
partnerships: [moon-base]
---

![The base](images/base.png)

Read about [the base](partnership:moon-base).
"""
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


@pytest.fixture
def teacher_world(catalog, paths):
    """A teacher's own lesson with an image, their partnership with a new partner, and an
    edit of a bundled partnership."""
    store = catalog.partnerships
    (paths.teacher_lessons / "images").mkdir(parents=True)
    (paths.teacher_lessons / "our-moon-base.md").write_text(LESSON, encoding="utf-8")
    (paths.teacher_lessons / "images" / "base.png").write_bytes(PNG)
    from explorer.core.models import Participant, Partner

    blue = Partner("blue-origin", "Blue Origin", "Blue Origin LLC", "US", "company")
    base = replace(
        store.get("exomars-esa-roscosmos"),
        slug="moon-base",
        name="Moon Base",
        partners=(Participant(blue, "lander"),),
    )
    save_partnership(store, paths, base, [blue])
    save_partnership(
        store, paths, replace(store.get("apollo-soyuz-test-project"), name="ASTP (mine)")
    )
    catalog.reload_lessons()
    return catalog


@pytest.fixture
def elsewhere(tmp_path, paths):
    """A colleague's fresh install: another data dir, the same bundled content."""
    other = Catalog.open(replace(paths, data_dir=tmp_path / "colleague"))
    yield other
    other.close()


def test_a_pack_imported_into_a_fresh_data_dir_gives_the_same_content(
    teacher_world, paths, elsewhere, tmp_path
):
    pack = tmp_path / "pack.zip"
    summary = export_pack(teacher_world.partnerships, paths, pack, title="Moon unit")
    assert (summary.lessons, summary.images, summary.partnerships) == (1, 1, 2)
    plan = read_pack(pack, elsewhere.partnerships, elsewhere.paths)
    assert {(i.id, i.status) for i in plan.items} == {
        ("partnership:moon-base", "new"),
        ("partnership:apollo-soyuz-test-project", "changed"),
        ("lesson:our-moon-base", "new"),
        ("image:images/base.png", "new"),
    }
    result = import_pack(plan, elsewhere.partnerships, elsewhere.paths)
    elsewhere.reload_lessons()
    assert (result.partnerships, result.lessons, result.images) == (2, 1, 1)
    assert files_under(elsewhere.paths.teacher_lessons) == files_under(paths.teacher_lessons)
    mine, theirs = teacher_world.partnerships, elsewhere.partnerships
    assert teacher_slugs(theirs) == teacher_slugs(mine)
    assert theirs.many(teacher_slugs(mine)) == mine.many(teacher_slugs(mine))
    assert theirs.partners()["blue-origin"] == mine.partners()["blue-origin"]
    lesson = elsewhere.library.get("our-moon-base")
    assert lesson.origin == "teacher" and lesson.problems == ()


def test_importing_the_same_pack_again_changes_nothing(teacher_world, paths, tmp_path):
    pack = tmp_path / "pack.zip"
    export_pack(teacher_world.partnerships, paths, pack)
    plan = read_pack(pack, teacher_world.partnerships, paths)
    assert {i.status for i in plan.items} == {"unchanged"}


def test_conflicts_keep_the_teachers_version_unless_chosen(
    teacher_world, paths, elsewhere, tmp_path
):
    pack = tmp_path / "pack.zip"
    export_pack(teacher_world.partnerships, paths, pack)
    theirs = elsewhere.partnerships
    mine = replace(theirs.get("exomars-esa-roscosmos"), slug="moon-base", name="Their base")
    save_partnership(theirs, elsewhere.paths, mine)
    lesson = elsewhere.paths.teacher_lessons / "our-moon-base.md"
    lesson.write_text(LESSON.replace("Our moon base", "Their moon base"), encoding="utf-8")
    plan = read_pack(pack, theirs, elsewhere.paths)
    statuses = {i.id: i.status for i in plan.items}
    assert statuses["partnership:moon-base"] == statuses["lesson:our-moon-base"] == "conflict"
    import_pack(plan, theirs, elsewhere.paths)
    assert theirs.get("moon-base").name == "Their base"
    assert "Their moon base" in lesson.read_text(encoding="utf-8")
    plan = read_pack(pack, theirs, elsewhere.paths)
    import_pack(
        plan, theirs, elsewhere.paths, {"partnership:moon-base": True, "lesson:our-moon-base": True}
    )
    assert theirs.get("moon-base").name == "Moon Base"
    assert lesson.read_text(encoding="utf-8") == LESSON


def test_a_pack_import_can_be_undone(teacher_world, paths, elsewhere, tmp_path):
    pack = tmp_path / "pack.zip"
    export_pack(teacher_world.partnerships, paths, pack)
    before_rows = database_rows(elsewhere.db)
    import_pack(
        read_pack(pack, elsewhere.partnerships, elsewhere.paths),
        elsewhere.partnerships,
        elsewhere.paths,
    )
    report = undo_last_import(elsewhere.partnerships, elsewhere.paths)
    assert (report.removed, report.restored, report.files) == (1, 1, 2)
    assert database_rows(elsewhere.db) == before_rows
    assert files_under(elsewhere.paths.teacher_lessons) == {}


def _zip(path, entries, manifest=True, symlink=None):
    names = [name for name, _ in entries]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if manifest:
            archive.writestr(
                "manifest.json",
                json.dumps(
                    {
                        "format": "space-explorer-pack",
                        "format_version": 1,
                        "lessons": [{"path": n} for n in names if n.endswith(".md")],
                        "images": [{"path": n} for n in names if not n.endswith(".md")],
                    }
                ),
            )
        for name, data in entries:
            archive.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            archive.writestr(info, "/etc/passwd")
    return path


@pytest.mark.parametrize(
    ("entries", "kwargs", "reason"),
    [
        ([("../evil.md", LESSON)], {}, "../evil.md: a path with '..' or '.' is not allowed"),
        ([("lessons/../../evil.md", LESSON)], {}, "a path with '..' or '.' is not allowed"),
        ([("/tmp/evil.md", LESSON)], {}, "/tmp/evil.md: an absolute path is not allowed"),
        ([("C:/evil.md", LESSON)], {}, "C:/evil.md: an absolute path is not allowed"),
        ([("lessons\\..\\evil.md", LESSON)], {}, "a name with a backslash"),
        (
            [],
            {"symlink": "lessons/images/link.png"},
            "lessons/images/link.png: symbolic links are not allowed",
        ),
        ([("lessons/.hidden.md", LESSON)], {}, "hidden files are not allowed"),
        ([("lessons/run.exe", "MZ")], {}, "only lessons (.md) and images"),
        ([("evil.md", LESSON)], {}, "only manifest.json and files under lessons/"),
        ([("lessons/a.md", LESSON)], {"manifest": False}, "no manifest.json"),
    ],
)
def test_unsafe_packs_are_refused_and_nothing_is_written(
    catalog, paths, tmp_path, entries, kwargs, reason
):
    pack = _zip(tmp_path / "evil.zip", entries, **kwargs)
    before_disk = files_under(tmp_path)
    with pytest.raises(PackError) as refused:
        read_pack(pack, catalog.partnerships, paths)
    assert reason in str(refused.value) and str(refused.value).startswith(str(pack))
    assert files_under(tmp_path) == before_disk


def test_a_symlink_already_on_disk_cannot_lead_outside(catalog, paths, tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (paths.teacher_lessons / "images").symlink_to(outside)
    pack = _zip(tmp_path / "p.zip", [("lessons/images/x.png", PNG)])
    with pytest.raises(PackError, match="would be written outside"):
        read_pack(pack, catalog.partnerships, paths)
    assert list(outside.iterdir()) == []


@pytest.mark.parametrize(
    ("make", "limits", "reason"),
    [
        (lambda p: p.write_bytes(b"this is not a zip at all"), None, "not a valid zip file"),
        (
            lambda p: p.write_bytes(_zip(p, [("lessons/a.md", LESSON)]).read_bytes()[:60]),
            None,
            "not a valid zip file",
        ),
        (
            lambda p: _zip(p, [("lessons/images/zeros.png", b"\0" * 200_000)]),
            ZipLimits(ratio_floor=1000),
            "compressed suspiciously well (a zip bomb?)",
        ),
        (
            lambda p: _zip(p, [("lessons/images/big.png", PNG * 50)]),
            ZipLimits(max_file=10_000),
            "too large",
        ),
        (
            lambda p: _zip(p, [(f"lessons/l{i}.md", LESSON) for i in range(5)]),
            ZipLimits(max_entries=3),
            "too many entries",
        ),
        (
            lambda p: _zip(p, [(f"lessons/l{i}.md", LESSON * 20) for i in range(5)]),
            ZipLimits(max_total=10_000),
            "the contents are too large (over 10 KiB unpacked)",
        ),
    ],
    ids=["not a zip", "truncated", "zip bomb", "huge entry", "too many entries", "huge total"],
)
def test_malformed_or_huge_zips_get_a_clear_error(catalog, paths, tmp_path, make, limits, reason):
    pack = tmp_path / "p.zip"
    make(pack)
    before = database_rows(catalog.db)
    with pytest.raises(PackError, match=re.escape(reason)):
        read_pack(pack, catalog.partnerships, paths, limits)
    assert database_rows(catalog.db) == before
    assert files_under(paths.teacher_lessons) == {}


@pytest.mark.parametrize(
    ("manifest", "reason"),
    [
        (
            {"format": "space-explorer-pack", "format_version": 99},
            "made by a newer version of the app",
        ),
        ({"format": "something-else"}, "does not describe a content pack"),
        (
            {"format": "space-explorer-pack", "format_version": 1, "lessons": []},
            "lessons/a.md: not listed in manifest.json",
        ),
        (
            {
                "format": "space-explorer-pack",
                "format_version": 1,
                "lessons": [{"path": "lessons/a.md"}, {"path": "lessons/gone.md"}],
            },
            "'lessons' lists 'lessons/gone.md', which is not in the pack",
        ),
    ],
)
def test_a_bad_manifest_is_refused(catalog, paths, tmp_path, manifest, reason):
    pack = tmp_path / "p.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("manifest.json", json.dumps(manifest))
        archive.writestr("lessons/a.md", LESSON)
    with pytest.raises(PackError, match=re.escape(reason)):
        read_pack(pack, catalog.partnerships, paths)


def test_an_invalid_partnership_in_a_pack_is_shown_and_never_imported(catalog, paths, tmp_path):
    pack = tmp_path / "p.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr(
            "manifest.json",
            json.dumps(
                {
                    "format": "space-explorer-pack",
                    "format_version": 1,
                    "partnerships": [
                        {
                            "slug": "odd",
                            "name": "Odd",
                            "type": "bilateral",
                            "start_year": 1800,
                            "status": "active",
                            "domain": "lunar",
                        }
                    ],
                }
            ),
        )
    plan = read_pack(pack, catalog.partnerships, paths)
    item = plan.items[0]
    assert (item.id, item.status) == ("partnership:odd", "invalid")
    assert "start year must be a year between 1900 and 2100" in str(item.problems[0])
    import_pack(plan, catalog.partnerships, paths, {"partnership:odd": True})
    assert catalog.partnerships.get("odd") is None


def test_a_failure_while_writing_files_puts_everything_back(
    teacher_world, paths, elsewhere, tmp_path, monkeypatch
):
    from explorer.core import file_batch

    pack = tmp_path / "pack.zip"
    export_pack(teacher_world.partnerships, paths, pack)
    plan = read_pack(pack, elsewhere.partnerships, elsewhere.paths)
    before_rows = database_rows(elsewhere.db)
    real_write = file_batch.atomic_write_bytes
    written = []

    def write_then_fail(target, data):
        if written:
            raise OSError(28, "No space left on device")
        written.append(target)
        real_write(target, data)

    monkeypatch.setattr(file_batch, "atomic_write_bytes", write_then_fail)
    with pytest.raises(OSError, match="No space left"):
        import_pack(plan, elsewhere.partnerships, elsewhere.paths)
    assert written  # one file was staged, then taken back
    assert files_under(elsewhere.paths.teacher_lessons) == {}
    assert files_under(elsewhere.paths.data_dir / "imports") == {}
    assert not list((elsewhere.paths.data_dir / ".pending").iterdir())
    assert database_rows(elsewhere.db) == before_rows


def test_a_manifest_nested_too_deeply_is_refused_in_one_line(catalog, paths, tmp_path):
    pack = tmp_path / "deep.zip"
    with zipfile.ZipFile(pack, "w") as archive:
        archive.writestr("manifest.json", "[" * 100_000)
    with pytest.raises(PackError, match="nested too deeply"):
        read_pack(pack, catalog.partnerships, paths)
