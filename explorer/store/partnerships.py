"""The partnership catalog: queries and edits that speak in core.models records."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from sqlite_utils import Database

from explorer.core.changes import EVERYTHING, Changes
from explorer.core.models import Citation, Milestone, Participant, Partner, Partnership, Plan
from explorer.core.search import FacetRow

CHILD_TABLES = ("partnership_partners", "partnership_countries", "milestones", "tags", "citations")


class PartnershipStore:
    """Reads and writes partnerships.

    It caches the partner registry and the filter rows; `forget(changes)` drops them and
    moves `generation` on, so that whatever caches more on top of the store (the search
    index, the window's page builder) can tell that it must forget too. Nobody subscribes
    to the store: the window broadcasts the `Changes` (explorer.ui.catalog_events).
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        #: moves on whenever cached data may be stale
        self.generation = 0
        self._partners: dict[str, Partner] | None = None
        self._facets: dict[int, FacetRow] | None = None

    def forget(self, changes: Changes = EVERYTHING) -> None:
        """Drop what is cached about what changed."""
        if not changes:
            return
        self._partners = None
        self._facets = None
        self.generation += 1

    # -- partners -----------------------------------------------------------------
    def partners(self, cached: bool = True) -> dict[str, Partner]:
        if self._partners is None or not cached:
            aliases: dict[str, list[str]] = defaultdict(list)
            for row in self.db.query("select partner_slug, alias from partner_aliases"):
                aliases[row["partner_slug"]].append(row["alias"])
            self._partners = {
                row["slug"]: Partner(
                    slug=row["slug"],
                    name=row["name"],
                    full_name=row["full_name"] or "",
                    country=row["country"] or "",
                    kind=row["kind"] or "other",
                    aliases=tuple(aliases.get(row["slug"], ())),
                    region=row.get("region") or "",
                )
                for row in self.db.query("select * from partners order by name collate nocase")
            }
        return self._partners

    def write_partners(
        self, partners: Iterable[Partner], origin: str = "bundled", layer: str = ""
    ) -> None:
        """Upsert partners (inside the caller's transaction); `layer` is the teacher file
        that brought them ('' for bundled ones)."""
        rows, alias_rows = [], []
        for p in partners:
            rows.append(
                {
                    "slug": p.slug,
                    "name": p.name,
                    "full_name": p.full_name,
                    "country": p.country,
                    "kind": p.kind,
                    "region": p.region,
                    "origin": origin,
                    "layer": layer,
                }
            )
            alias_rows += [{"partner_slug": p.slug, "alias": a} for a in p.aliases]
        self.db.table("partners").upsert_all(rows, pk="slug")
        self.db.table("partner_aliases").upsert_all(alias_rows, pk=("partner_slug", "alias"))

    # -- partnerships: reads ------------------------------------------------------
    def count(self) -> int:
        return self.db.table("partnerships").count

    def get(self, slug: str) -> Partnership | None:
        found = self._load("where slug = ?", [slug])
        return found[0] if found else None

    def all(self) -> list[Partnership]:
        return self._load("", [])

    def many(self, slugs: Iterable[str]) -> list[Partnership]:
        wanted = list(slugs)
        by_slug = (
            {p.slug: p for p in self.all()}
            if len(wanted) > 50
            else {
                p.slug: p
                for p in self._load(f"where slug in ({','.join('?' * len(wanted))})", wanted)
            }
        )
        return [by_slug[s] for s in wanted if s in by_slug]

    def _load(self, where: str, params: list[Any]) -> list[Partnership]:
        rows = list(
            self.db.query(f"select * from partnerships {where} order by start_year, name", params)
        )
        if not rows:
            return []
        scope = f"where partnership_slug in (select slug from partnerships {where})"
        children: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
        partners = self.partners()
        for row in self.db.query(
            f"select * from partnership_partners {scope} order by position", params
        ):
            partner = partners.get(row["partner_slug"]) or Partner(
                row["partner_slug"], row["partner_slug"]
            )
            children[row["partnership_slug"]]["partners"].append(
                Participant(partner, row["role"] or "")
            )
            children[row["partnership_slug"]]["side_of"].append((row.get("side"), partner.slug))
        for row in self.db.query(
            f"select * from partnership_countries {scope} order by position", params
        ):
            children[row["partnership_slug"]]["countries"].append(row["country"])
        for row in self.db.query(f"select * from milestones {scope} order by position", params):
            children[row["partnership_slug"]]["milestones"].append(
                Milestone(row["year"], row["event"], row.get("source"))
            )
        for row in self.db.query(f"select * from tags {scope} order by rowid", params):
            children[row["partnership_slug"]][row["kind"]].append(row["tag"])
        for row in self.db.query(f"select * from citations {scope} order by position", params):
            children[row["partnership_slug"]]["citations"].append(
                Citation(row["publisher"] or "", row["title"] or "", row["url"] or "")
            )
        return [_partnership(row, children[row["slug"]]) for row in rows]

    def facet_rows(self) -> dict[int, FacetRow]:
        """What filters and facets need, keyed by the partnerships table's rowid."""
        if self._facets is None:
            this_year = date.today().year
            members: dict[str, set[str]] = defaultdict(set)
            for slug, partner in self.db.execute(
                "select partnership_slug, partner_slug from partnership_partners"
            ):
                members[slug].add(partner)
            self._facets = {
                rowid: FacetRow.make(
                    slug, kind, domain, status, start, end, frozenset(members[slug]), this_year
                )
                for rowid, slug, kind, domain, status, start, end in self.db.execute(
                    "select rowid, slug, type, domain, status, start_year, end_year "
                    "from partnerships"
                )
            }
        return self._facets

    def origin_of(self, slug: str) -> tuple[str, bool] | None:
        rows = list(self.db.query("select origin, edited from partnerships where slug = ?", [slug]))
        return (rows[0]["origin"], bool(rows[0]["edited"])) if rows else None

    def names(self) -> dict[str, str]:
        """slug -> name of every partnership (to find names close to a new one)."""
        return {row[0]: row[1] for row in self.db.execute("select slug, name from partnerships")}

    # -- partnerships: writes -----------------------------------------------------
    def write(
        self, records: Iterable[Partnership], layers: Mapping[str, str] | None = None
    ) -> None:
        """Insert or replace records with their child rows (inside the caller's transaction);
        `layers` names the teacher file each slug came from (none: bundled)."""
        records = list(records)
        slugs = [r.slug for r in records]
        self._delete_children(slugs)
        where = layers or {}
        self.db.table("partnerships").upsert_all(
            ({**_row(r), "layer": where.get(r.slug, "")} for r in records), pk="slug"
        )
        for table, rows in _child_rows(records).items():
            self.db.table(table).insert_all(rows)

    def erase(self, slugs: Iterable[str]) -> None:
        """Delete records and their child rows (inside the caller's transaction)."""
        slugs = list(slugs)
        self._delete_children(slugs)
        for chunk in _chunks(slugs):
            self.db.execute(
                f"delete from partnerships where slug in ({','.join('?' * len(chunk))})", chunk
            )

    def _delete_children(self, slugs: list[str]) -> None:
        for chunk in _chunks(slugs):
            marks = ",".join("?" * len(chunk))
            for table in CHILD_TABLES:
                self.db.execute(f"delete from {table} where partnership_slug in ({marks})", chunk)


def _chunks(items: list[str], size: int = 500) -> Iterable[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _row(p: Partnership) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "name": p.name,
        "type": p.type,
        "start_year": p.start_year,
        "end_year": p.end_year,
        "status": p.status,
        "domain": p.domain,
        "description": p.description,
        "caveats": p.caveats,
        "checked": p.checked,
        "years_source": p.years_source,
        **_plan_columns(p.planned),
        "origin": p.origin,
        "edited": int(p.edited),
        "partner_names": " ".join(
            f"{x.partner.name} {x.partner.full_name} {' '.join(x.partner.aliases)} {x.role}"
            for x in p.partners
        ),
        "milestone_text": " ".join(f"{m.year} {m.event}" for m in p.milestones),
    }


def _plan_columns(plan: Plan | None) -> dict[str, Any]:
    """The planned dates as columns of the partnerships table (all null without a plan)."""
    return {
        "planned_start_year": plan.start_year if plan else None,
        "planned_end_year": plan.end_year if plan else None,
        "planned_source": plan.source if plan else None,
        "planned_note": plan.note if plan else None,
        "planned_event": plan.event if plan else None,
    }


def _plan(row: dict[str, Any]) -> Plan | None:
    start, end = row.get("planned_start_year"), row.get("planned_end_year")
    if start is None and end is None:
        return None
    return Plan(
        start,
        end,
        row.get("planned_source"),
        row.get("planned_note") or "",
        row.get("planned_event") or "start",
    )


def _child_rows(records: list[Partnership]) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {table: [] for table in CHILD_TABLES}
    for p in records:
        side_of = {slug: number for number, side in enumerate(p.sides) for slug in side}
        out["partnership_partners"] += [
            {
                "partnership_slug": p.slug,
                "position": i,
                "partner_slug": x.partner.slug,
                "role": x.role,
                "side": side_of.get(x.partner.slug),
            }
            for i, x in enumerate(p.partners)
        ]
        out["partnership_countries"] += [
            {"partnership_slug": p.slug, "position": i, "country": c}
            for i, c in enumerate(p.countries)
        ]
        out["milestones"] += [
            {
                "partnership_slug": p.slug,
                "position": i,
                "year": m.year,
                "event": m.event,
                "source": m.source,
            }
            for i, m in enumerate(p.milestones)
        ]
        out["tags"] += [
            {"partnership_slug": p.slug, "kind": "benefits", "tag": t}
            for t in dict.fromkeys(p.benefits)
        ]
        out["tags"] += [
            {"partnership_slug": p.slug, "kind": "challenges", "tag": t}
            for t in dict.fromkeys(p.challenges)
        ]
        out["citations"] += [
            {
                "partnership_slug": p.slug,
                "position": i,
                "publisher": c.publisher,
                "title": c.title,
                "url": c.url,
            }
            for i, c in enumerate(p.citations)
        ]
    return out


def _sides(side_of: list[tuple[int | None, str]]) -> tuple[tuple[str, ...], ...]:
    """(side number, partner slug) rows -> the sides in order; () when none was given."""
    sides: dict[int, list[str]] = defaultdict(list)
    for number, slug in side_of:
        if number is not None:
            sides[number].append(slug)
    return tuple(tuple(sides[number]) for number in sorted(sides))


def _partnership(row: dict[str, Any], children: dict[str, list[Any]]) -> Partnership:
    return Partnership(
        slug=row["slug"],
        name=row["name"],
        type=row["type"],
        start_year=row["start_year"],
        end_year=row["end_year"],
        status=row["status"],
        domain=row["domain"],
        partners=tuple(children["partners"]),
        countries=tuple(children["countries"]),
        milestones=tuple(children["milestones"]),
        benefits=tuple(children["benefits"]),
        challenges=tuple(children["challenges"]),
        description=row["description"] or "",
        caveats=row["caveats"] or "",
        citations=tuple(children["citations"]),
        checked=row["checked"] or "",
        years_source=row.get("years_source"),
        sides=_sides(children["side_of"]),
        planned=_plan(row),
        origin=row["origin"],
        edited=bool(row["edited"]),
    )
