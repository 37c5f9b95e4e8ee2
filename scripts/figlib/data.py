"""The bundled catalog, read through explorer.core, for the data-driven figures."""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.core.content import load_partners, load_partnership_folder
from explorer.core.models import Milestone, Partnership
from explorer.core.paths import bundled_content_dir


@dataclass(frozen=True)
class Catalog:
    partnerships: dict[str, Partnership]

    def __getitem__(self, slug: str) -> Partnership:
        return self.partnerships[slug]

    def milestone(self, slug: str, year: int, words: str = "") -> Milestone:
        """The milestone of `slug` in `year` whose text holds `words`. A figure that names
        an event asks for it here, so the figure fails loudly if the catalog changes."""
        for milestone in self.partnerships[slug].milestones:
            if milestone.year == year and words.lower() in milestone.event.lower():
                return milestone
        raise LookupError(f"{slug} has no {year} milestone mentioning {words!r}")


def load_catalog() -> Catalog:
    content = bundled_content_dir()
    partners, problems = load_partners(content / "partners.yaml")
    records, found = load_partnership_folder(content / "partnerships", partners)
    problems.extend(found)
    if problems:
        raise ValueError("the bundled catalog has problems:\n" + "\n".join(map(str, problems)))
    return Catalog({p.slug: p for p in records})


def short_name(p: Partnership) -> str:
    """'Shuttle-Mir Program (Phase One)' -> 'Shuttle-Mir Program'."""
    name = re.sub(r"\s*\([^)]*\)", "", p.name)
    return re.split(r"\s+-\s+", name)[0].strip()
