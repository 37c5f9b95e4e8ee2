"""A school's shared content folder: read by many data folders, written by none; the
teacher's own content over the shared folder's over the app's; an offline share loses
nothing."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from explorer.core.teacher_files import edit_bytes, now_stamp
from explorer.store.authoring import save_partnership
from explorer.store.catalog import Catalog
from tests.store.conftest import files_under

LESSON = (
    "---\ntitle: {title}\nsection: outlook\n---\n\nRead about [the base](partnership:moon-base).\n"
)


@pytest.fixture
def share(tmp_path, catalog):
    """A shared folder: a lesson, a collection and two partnership files (one of them
    the school's version of a bundled record)."""
    root = tmp_path / "share"
    (root / "lessons" / "space-week").mkdir(parents=True)
    (root / "lessons" / "school-moon.md").write_text(LESSON.format(title="Our school's moon"))
    (root / "lessons" / "space-week" / "01-day-one.md").write_text(LESSON.format(title="Day one"))
    (root / "partnerships").mkdir()
    store = catalog.partnerships
    moon = replace(store.get("exomars-esa-roscosmos"), slug="moon-base", name="Moon Base")
    astp = replace(store.get("apollo-soyuz-test-project"), name="ASTP, as the school has it")
    for record in (moon, astp):
        (root / "partnerships" / f"{record.slug}.yaml").write_bytes(edit_bytes(record, now_stamp()))
    return root


def read_only(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        mode = stat.S_IMODE(path.stat().st_mode)
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def writable(folder: Path) -> None:
    for path in [folder, *folder.rglob("*")]:
        path.chmod(stat.S_IMODE(path.stat().st_mode) | stat.S_IWUSR)


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (
            p.read_bytes() if p.is_file() else b"",
            p.stat().st_mtime_ns,
        )
        for p in sorted(folder.rglob("*"))
    }


def open_with(paths, share: Path, data: Path) -> Catalog:
    return Catalog.open(replace(paths, data_dir=data, shared=(share,)))


def test_two_data_folders_on_one_share_see_the_same_and_write_nothing_there(paths, share, tmp_path):
    read_only(share)
    before = snapshot(share)
    try:
        first = open_with(paths, share, tmp_path / "alice")
        second = open_with(paths, share, tmp_path / "bob")
        for catalog in (first, second):
            assert catalog.library.get("school-moon").origin == "shared"
            assert catalog.library.get("space-week/01-day-one").title == "Day one"
            assert catalog.partnerships.get("moon-base").origin == "shared"
            assert catalog.partnerships.get("apollo-soyuz-test-project").name == (
                "ASTP, as the school has it"
            )
        # a teacher's own change goes to their own folder, never to the share
        mine = replace(first.partnerships.get("moon-base"), name="Moon Base (Alice's notes)")
        save_partnership(first.partnerships, first.paths, mine)
        assert first.partnerships.get("moon-base").name == "Moon Base (Alice's notes)"
        assert second.partnerships.get("moon-base").name == "Moon Base"
        first.close()
        second.close()
    finally:
        writable(share)
    assert snapshot(share) == before
    assert not list(share.rglob("*.db*")) and not list(share.rglob(".*"))


def test_the_teachers_own_over_the_shared_over_the_bundled(paths, share, tmp_path, catalog):
    data = tmp_path / "carol"
    (data / "lessons").mkdir(parents=True)
    (data / "lessons" / "school-moon.md").write_text(LESSON.format(title="Carol's moon"))
    opened = open_with(paths, share, data)
    assert opened.library.get("school-moon").title == "Carol's moon"  # local over shared
    astp = opened.partnerships.get("apollo-soyuz-test-project")
    assert astp.name == "ASTP, as the school has it"  # shared over bundled
    own = replace(astp, name="ASTP, as Carol teaches it")
    save_partnership(opened.partnerships, opened.paths, own)
    assert opened.partnerships.get("apollo-soyuz-test-project").name == own.name
    opened.close()


def test_an_offline_share_is_unavailable_and_nothing_is_lost(paths, share, tmp_path):
    data = tmp_path / "dave"
    opened = open_with(paths, share, data)
    mine = replace(opened.partnerships.get("moon-base"), slug="dave-base", name="Dave's base")
    save_partnership(opened.partnerships, opened.paths, mine)
    opened.close()
    share.rename(tmp_path / "share-offline")  # the network share goes away
    again = open_with(paths, share, data)
    assert again.reachable_sources() == []
    assert again.partnerships.get("dave-base").name == "Dave's base"
    assert again.partnerships.get("moon-base").name == "Moon Base"  # what was indexed stays
    assert again.library.get("school-moon") is None  # its lessons cannot be read now
    again.close()
    (tmp_path / "share-offline").rename(share)
    back = open_with(paths, share, data)
    assert back.library.get("school-moon").origin == "shared"
    back.close()


def test_a_share_that_stops_holding_a_partnership_gives_the_bundled_one_back(
    paths, share, tmp_path
):
    data = tmp_path / "erin"
    open_with(paths, share, data).close()
    (share / "partnerships" / "apollo-soyuz-test-project.yaml").unlink()
    again = open_with(paths, share, data)
    astp = again.partnerships.get("apollo-soyuz-test-project")
    assert (astp.origin, astp.name) == ("bundled", "Apollo-Soyuz Test Project (ASTP)")
    again.close()


def test_the_shared_folders_come_from_the_command_line_the_environment_and_the_lists(
    tmp_path, monkeypatch
):
    from explorer.core.paths import CONTENT_ENV, AppPaths

    data = tmp_path / "data"
    data.mkdir()
    (data / "content-sources.txt").write_text("# mine\n/srv/mine\n\n", encoding="utf-8")
    monkeypatch.setenv(CONTENT_ENV, os.pathsep.join(["/srv/a", "/srv/b"]))
    paths = AppPaths.resolve(data, ["/srv/given"])
    assert [str(p) for p in paths.shared][:4] == ["/srv/given", "/srv/a", "/srv/b", "/srv/mine"]
    assert files_under(data) == {"content-sources.txt": b"# mine\n/srv/mine\n\n"}
