"""The type rule: a partnership's type follows from its sides.

A side is a country or an agency acting as one (ESA and its member states, a national
agency with its contractors, a consortium). A record lists its sides in `sides`; without
them each partner is a side of its own. A partner that stands for a group of states or
organisations (kind `other`, country `intl`: "ESA member states", "Artemis Accords
signatories") counts as three sides or more.

- bilateral: two sides, none of them commercial;
- multilateral: three sides or more, none of them commercial;
- public-private: a government side and a commercial side (a company that owns what is
  built or puts its own money at risk; a contractor paid to build sits on its customer's
  side instead).

docs/content-format.md states the same rule for authors; the lesson
`multilateral-initiatives` teaches it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from explorer.core.models import Partner, Partnership

#: kinds of partner that make a side public (a government's, an agency's, a body of states)
PUBLIC_KINDS = frozenset({"space-agency", "government", "intergovernmental"})
#: how many sides a group partner counts as (at least)
GROUP_SIDES = 3


@dataclass(frozen=True, slots=True)
class Side:
    partners: tuple[Partner, ...]

    @property
    def is_group(self) -> bool:
        return any(p.kind == "other" and p.country == "intl" for p in self.partners)

    @property
    def is_commercial(self) -> bool:
        return all(p.kind == "company" for p in self.partners)

    @property
    def is_public(self) -> bool:
        return any(p.kind in PUBLIC_KINDS for p in self.partners)

    def names(self) -> str:
        return " + ".join(p.name for p in self.partners)


def sides_of(p: Partnership) -> tuple[Side, ...]:
    """The record's sides: as it declares them, else one per partner."""
    by_slug = {x.partner.slug: x.partner for x in p.partners}
    if p.sides:
        return tuple(Side(tuple(by_slug[s] for s in side if s in by_slug)) for side in p.sides)
    return tuple(Side((partner,)) for partner in dict.fromkeys(x.partner for x in p.partners))


def side_count(sides: Sequence[Side]) -> int:
    """How many sides, a group partner counting as GROUP_SIDES."""
    return sum(GROUP_SIDES if side.is_group else 1 for side in sides)


def type_problem(p: Partnership) -> str:
    """Why the record's type does not fit its sides ('' when it does)."""
    sides = sides_of(p)
    listed = "; ".join(side.names() for side in sides)
    commercial = [side for side in sides if side.is_commercial]
    if p.type == "public-private":
        if not commercial:
            return f"public-private, but no side is a company ({listed})"
        if not any(side.is_public for side in sides):
            return f"public-private, but no side is a government or agency ({listed})"
        return ""
    if commercial:
        return (
            f"{p.type}, but {commercial[0].names()} is a commercial side: a company that "
            "carries risk makes it public-private; a contractor belongs on its customer's side"
        )
    count = side_count(sides)
    if p.type == "bilateral" and count != 2:
        return f"bilateral needs two sides, not {count} ({listed})"
    if p.type == "multilateral" and count < GROUP_SIDES:
        return f"multilateral needs three sides or more, not {count} ({listed})"
    return ""
