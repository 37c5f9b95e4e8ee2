"""Everything the app and the command line read, opened in one call.

`Catalog.open(paths)` opens the database (setting aside a broken one), refreshes it
from the bundled content when that changed, loads the glossary and the lesson library,
and brings the lesson search index up to date.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from explorer.core.changes import Changes
from explorer.core.checker import Finding, check_content
from explorer.core.content import load_glossary
from explorer.core.lessons import KnownTargets
from explorer.core.library import LessonLibrary, lesson_files
from explorer.core.models import GlossaryEntry, Problem
from explorer.core.paths import AppPaths
from explorer.store.bundled import RefreshReport, refresh_bundled
from explorer.store.database import OpenedDatabase, open_database
from explorer.store.legacy import move_rows_into_files, recover_from
from explorer.store.maintenance import tidy_data_folder
from explorer.store.partnerships import PartnershipStore
from explorer.store.search_index import SearchIndex, index_lessons
from explorer.store.teacher_index import layer_problems, sync_teacher_files


@dataclass
class Catalog:
    paths: AppPaths
    db: Database
    partnerships: PartnershipStore
    search: SearchIndex
    library: LessonLibrary
    glossary: dict[str, GlossaryEntry]
    refresh: RefreshReport
    notices: list[str] = field(default_factory=list)

    @classmethod
    def open(cls, paths: AppPaths) -> Catalog:
        paths.ensure()
        tidy_data_folder(paths)  # finish or drop what a killed process left half-done
        opened = open_database(paths.database)
        store = PartnershipStore(opened.db)
        notices = [damage_notice(opened, paths)] if opened.set_aside else []
        move_rows_into_files(store, paths)
        report = refresh_bundled(store, paths.content_dir)
        sync_teacher_files(store, paths)
        glossary, _ = load_glossary(paths.content_dir / "glossary.yaml")
        catalog = cls(
            paths=paths,
            db=opened.db,
            partnerships=store,
            search=SearchIndex(opened.db, store),
            library=LessonLibrary(),
            glossary=glossary,
            refresh=report,
            notices=notices,
        )
        catalog.reload_lessons()
        return catalog

    def reload_lessons(self) -> LessonLibrary:
        """Re-read bundled and teacher lessons and re-index what changed."""
        slugs = [row["slug"] for row in self.db.query("select slug from partnerships")]
        self.library = LessonLibrary.load(
            self.paths.bundled_lessons,
            self.paths.teacher_lessons,
            slugs,
            self.glossary,
            [folder / "lessons" for folder in self.reachable_sources()],
        )
        index_lessons(self.db, self.library.lessons)
        return self.library

    def reachable_sources(self) -> list[Path]:
        """The shared content folders that can be read now (an offline share cannot)."""
        return [folder for folder in self.paths.shared if _reachable(folder)]

    def known_targets(self) -> KnownTargets:
        """What a lesson's links may point to now: its lessons, partnerships, glossary
        terms and lesson files (for checking a lesson outside the library)."""
        return KnownTargets(
            lessons=frozenset(self.library.by_slug),
            partnerships=frozenset(r.slug for r in self.partnerships.facet_rows().values()),
            glossary=frozenset(self.glossary),
            lesson_files=lesson_files(self.library.lessons),
        )

    def check_content(self) -> list[Finding]:
        """The content checker over the teacher's lessons, collections, partnerships and
        trails."""
        from explorer.store.trail_files import trail_problems  # only when checking

        trails = trail_problems(self.paths, self.library, self.partnerships, teacher_only=True)
        problems = (*self.library.problems, *trails)
        return check_content(self.library.lessons, problems, self.partnerships.all())

    @property
    def problems(self) -> tuple[Problem, ...]:
        """What is wrong in the bundled content, the lessons and the teacher's partnership
        files."""
        from explorer.store.trail_files import trail_problems  # only when checking

        teacher = tuple(layer_problems(self.partnerships, self.paths))
        trails = tuple(trail_problems(self.paths, self.library, self.partnerships))
        return self.refresh.problems + self.library.problems + teacher + trails

    def sync(self) -> Changes:
        """Bring the index in step with the teacher's partnership files (changed by hand,
        by another process or by a job); returns what changed."""
        return sync_teacher_files(self.partnerships, self.paths).changes

    def close(self) -> None:
        self.db.close()


def damage_notice(opened: OpenedDatabase, paths: AppPaths) -> str:
    """What to tell the user after a damaged index was set aside and rebuilt."""
    assert opened.set_aside is not None
    rescued = recover_from(opened.set_aside.moved_to, paths)
    told = opened.notice
    if rescued.partnerships:
        return (
            f"{told} {rescued.partnerships} partnership(s) that were only in the old file "
            "were recovered and are back in the app."
        )
    return (
        f"{told} Your lessons and partnerships are kept as files in your data folder, so "
        "nothing you made was lost."
    )


def _reachable(folder: Path) -> bool:
    try:
        return folder.is_dir()
    except OSError:
        return False
