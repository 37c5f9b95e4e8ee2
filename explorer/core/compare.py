"""Comparing partnerships: which ones (2 to 4, named in a `compare:SLUG,SLUG` link), the
rules for choosing them, and what they have in common. Pure Python; the page is in
explorer.core.compare_page.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from explorer.core.models import Partnership

MIN_COMPARED = 2
MAX_COMPARED = 4


def compare_slugs(text: str) -> tuple[str, ...]:
    """'iss, rosetta,,iss' -> ('iss', 'rosetta'): the slugs of a compare link, each once."""
    return tuple(dict.fromkeys(s.strip() for s in text.split(",") if s.strip()))


def compare_target(slugs: Iterable[str]) -> str:
    """('iss', 'rosetta') -> 'iss,rosetta', the slug part of a compare link."""
    return ",".join(slugs)


def compare_problem(slugs: Sequence[str], known: Collection[str]) -> str | None:
    """Why these slugs cannot be compared, in words for the user; None when they can."""
    unknown = [s for s in slugs if s not in known]
    if unknown:
        names = ", ".join(f"'{s}'" for s in unknown)
        said = "is no partnership" if len(unknown) == 1 else "are no partnerships"
        return f"there {said} called {names}"
    if not MIN_COMPARED <= len(slugs) <= MAX_COMPARED:
        given = "only 1 was given" if len(slugs) == 1 else f"{len(slugs)} were given"
        return f"compare {MIN_COMPARED} to {MAX_COMPARED} partnerships ({given})"
    return None


@dataclass(frozen=True, slots=True)
class Choice:
    """What choosing a partnership to compare did: the slugs chosen now, whether it was
    added (False when it was already there), and the one it replaced in a full
    comparison ('' when none)."""

    slugs: tuple[str, ...]
    added: bool
    dropped: str = ""

    @property
    def ready(self) -> bool:
        """Enough partnerships to show a comparison."""
        return len(self.slugs) >= MIN_COMPARED


def choose(chosen: Sequence[str], slug: str) -> Choice:
    """Add `slug` to the partnerships being compared, at the end; in a full comparison
    (MAX_COMPARED) it takes the place of the one chosen first."""
    if slug in chosen:
        return Choice(tuple(chosen), added=False)
    if len(chosen) >= MAX_COMPARED:
        return Choice((*chosen[1:], slug), added=True, dropped=chosen[0])
    return Choice((*chosen, slug), added=True)


def without(chosen: Sequence[str], slug: str) -> tuple[str, ...]:
    return tuple(s for s in chosen if s != slug)


@dataclass(frozen=True, slots=True)
class Shared:
    """What every compared partnership has: partners (by slug, in the first one's order),
    countries, benefits, challenges, and whether they are all of one type."""

    partners: tuple[str, ...]
    countries: tuple[str, ...]
    benefits: tuple[str, ...]
    challenges: tuple[str, ...]
    type: str = ""

    def is_empty(self) -> bool:
        return not (self.partners or self.countries or self.benefits or self.challenges)


def shared(compared: Sequence[Partnership]) -> Shared:
    if not compared:
        return Shared((), (), (), ())
    first, rest = compared[0], compared[1:]

    def common(values: Iterable[str], of: str) -> tuple[str, ...]:
        return tuple(v for v in dict.fromkeys(values) if all(v in of_values(p, of) for p in rest))

    types = {p.type for p in compared}
    return Shared(
        partners=common((x.partner.slug for x in first.partners), "partners"),
        countries=common((c for c in first.countries if c != "intl"), "countries"),
        benefits=common(first.benefits, "benefits"),
        challenges=common(first.challenges, "challenges"),
        type=first.type if len(types) == 1 else "",
    )


def of_values(p: Partnership, field: str) -> tuple[str, ...]:
    if field == "partners":
        return tuple(x.partner.slug for x in p.partners)
    return tuple(getattr(p, field))


def milestone_years(compared: Sequence[Partnership]) -> list[int]:
    """Every year in which one of the compared partnerships has a milestone, in order."""
    return sorted({m.year for p in compared for m in p.milestones})
