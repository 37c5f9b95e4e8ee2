"""The trails on disk: bundled ones in `content/trails/`, the teacher's in `<data>/trails/`.

A teacher's trail is one YAML file, written atomically (explorer.core.atomic); deleting
one moves it to the data folder's trash, so nothing a teacher made is ever destroyed.
The database plays no part: trails are few and small, read straight from their files.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from explorer.core.atomic import atomic_write_bytes
from explorer.core.file_batch import FileBatch
from explorer.core.library import LessonLibrary
from explorer.core.models import Problem
from explorer.core.paths import AppPaths
from explorer.core.trail_checks import check_trail
from explorer.core.trails import (
    TRAILS,
    Trail,
    TrailTargets,
    load_trail_folder,
    merge_trails,
    read_trail,
    trail_bytes,
    trail_name,
)
from explorer.store.maintenance import data_lock
from explorer.store.partnerships import PartnershipStore


def bundled_trails_dir(paths: AppPaths) -> Path:
    return paths.content_dir / TRAILS


def teacher_trails_dir(paths: AppPaths) -> Path:
    return paths.data_dir / TRAILS


@dataclass(frozen=True, slots=True)
class TrailShelf:
    """Every trail, by title, with what is wrong in their files."""

    trails: tuple[Trail, ...] = ()
    problems: tuple[Problem, ...] = ()
    by_slug: dict[str, Trail] = field(default_factory=dict, compare=False)

    @classmethod
    def load(cls, paths: AppPaths) -> TrailShelf:
        bundled, problems = load_trail_folder(bundled_trails_dir(paths), "bundled")
        teacher, found = load_trail_folder(teacher_trails_dir(paths), "teacher")
        trails = merge_trails(bundled, teacher)
        return cls(tuple(trails), tuple(problems + found), {t.slug: t for t in trails})

    def get(self, slug: str) -> Trail | None:
        return self.by_slug.get(slug)

    def bundled_slugs(self, paths: AppPaths) -> frozenset[str]:
        folder = bundled_trails_dir(paths)
        return frozenset(p.stem for p in folder.glob("*.yaml")) if folder.is_dir() else frozenset()


def trail_targets(library: LessonLibrary, store: PartnershipStore) -> TrailTargets:
    slugs = frozenset(row.slug for row in store.facet_rows().values())
    return TrailTargets(library.by_slug, slugs)


def trail_problems(
    paths: AppPaths, library: LessonLibrary, store: PartnershipStore, teacher_only: bool = False
) -> list[Problem]:
    """What `validate` reports about trails (`check`: the teacher's only): broken files
    and steps that point nowhere."""
    shelf = TrailShelf.load(paths)
    targets = trail_targets(library, store)
    mine = str(teacher_trails_dir(paths))
    problems = [p for p in shelf.problems if not teacher_only or p.file.startswith(mine)]
    for trail in shelf.trails:
        if not teacher_only or trail.origin == "teacher":
            problems += check_trail(trail, targets)
    return problems


def save_trail(paths: AppPaths, trail: Trail) -> Trail:
    """Write the teacher's trail (a new one, an edit, or their version of a bundled one)."""
    target = paths.data_dir / trail_name(trail.slug)
    atomic_write_bytes(target, trail_bytes(trail))
    return replace(trail, origin="teacher", source_path=target, problems=())


def delete_trail(paths: AppPaths, slug: str) -> str:
    """Move the teacher's trail file to the trash; returns where it went (relative to the
    data folder). A bundled trail of that slug shows again."""
    relative = trail_name(slug)
    if not (paths.data_dir / relative).is_file():
        raise FileNotFoundError(f"there is no trail of yours called '{slug}'")
    batch = FileBatch(paths.data_dir, "trail")
    try:
        batch.take(relative)
        with data_lock(paths):
            batch.commit()
    except BaseException:
        batch.abandon()
        raise
    return f"{batch.trash}/{relative}"


def validate_trail_files(
    files: list[Path], library: LessonLibrary, store: PartnershipStore
) -> list[Problem]:
    """Trail files named on the command line, checked against the content."""
    targets = trail_targets(library, store)
    problems: list[Problem] = []
    for path in files:
        trail, found = read_trail(path, "teacher")
        problems += found
        if trail is not None:
            problems += check_trail(trail, targets)
    return problems
