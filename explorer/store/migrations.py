"""The database schema as code. Add a new function for each change; never edit an old one.

Tables (documented in docs/database.md):
- partnerships, partners, partner_aliases, partnership_partners, partnership_countries,
  milestones, tags, citations: the partnership catalog
- lessons: an index of lesson files for search (the files stay the source of truth)
- vocabulary: known words, for "did you mean" suggestions
- meta: key/value facts about the database (bundled content hash)
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("space-explorer")


@migrations()
def m001_catalog(db: Database) -> None:
    db.table("meta").create({"key": str, "value": str}, pk="key")
    db.table("partners").create(
        {"slug": str, "name": str, "full_name": str, "country": str, "kind": str, "origin": str},
        pk="slug",
    )
    db.table("partner_aliases").create(
        {"partner_slug": str, "alias": str}, pk=("partner_slug", "alias")
    )
    db.table("partnerships").create(
        {
            "slug": str,
            "name": str,
            "type": str,
            "start_year": int,
            "end_year": int,
            "status": str,
            "domain": str,
            "description": str,
            "caveats": str,
            "checked": str,
            "origin": str,
            "edited": int,
            "partner_names": str,
            "milestone_text": str,
        },
        pk="slug",
        not_null={"name", "type", "start_year", "status", "domain", "origin"},
        defaults={"origin": "bundled", "edited": 0},
    )
    db.table("partnership_partners").create(
        {"partnership_slug": str, "position": int, "partner_slug": str, "role": str},
        pk=("partnership_slug", "position"),
    )
    db.table("partnership_countries").create(
        {"partnership_slug": str, "position": int, "country": str},
        pk=("partnership_slug", "position"),
    )
    db.table("milestones").create(
        {"partnership_slug": str, "position": int, "year": int, "event": str},
        pk=("partnership_slug", "position"),
    )
    db.table("tags").create(
        {"partnership_slug": str, "kind": str, "tag": str},
        pk=("partnership_slug", "kind", "tag"),
    )
    db.table("citations").create(
        {"partnership_slug": str, "position": int, "publisher": str, "title": str, "url": str},
        pk=("partnership_slug", "position"),
    )
    for table in (
        "partnership_partners",
        "partnership_countries",
        "milestones",
        "tags",
        "citations",
    ):
        db.table(table).create_index(["partnership_slug"], if_not_exists=True)
    db.table("partnership_partners").create_index(["partner_slug"], if_not_exists=True)
    db.table("partnerships").enable_fts(
        ["name", "partner_names", "description", "milestone_text"],
        fts_version="FTS5",
        tokenize="porter",
        create_triggers=True,
    )


@migrations()
def m002_lesson_index(db: Database) -> None:
    db.table("lessons").create(
        {
            "slug": str,
            "title": str,
            "section": str,
            "ord": int,
            "summary": str,
            "body_text": str,
            "path": str,
            "origin": str,
            "hash": str,
        },
        pk="slug",
    )
    db.table("lessons").enable_fts(
        ["title", "summary", "body_text"],
        fts_version="FTS5",
        tokenize="porter",
        create_triggers=True,
    )
    db.table("vocabulary").create({"word": str}, pk="word")


@migrations()
def m003_partner_region(db: Database) -> None:
    """A body of nations (country 'intl') names the world region it belongs to."""
    db.table("partners").add_column("region", str)


@migrations()
def m004_teacher_layers(db: Database) -> None:
    """The index of the teacher's files (explorer.store.teacher_index): each file, the
    slugs it holds, its problems; and which file each partnership and partner came from."""
    db.table("layers").create(
        {"name": str, "kind": str, "stamp": str, "size": int, "mtime_ns": int, "title": str},
        pk="name",
    )
    db.table("layer_slugs").create(
        {"layer": str, "slug": str, "removed": int}, pk=("layer", "slug")
    )
    db.table("layer_slugs").create_index(["slug"])
    db.table("layer_problems").create({"layer": str, "line": int, "message": str})
    db.table("partnerships").add_column("layer", str, not_null_default="")
    db.table("partners").add_column("layer", str, not_null_default="")


# numbered 005: it follows m004_teacher_layers, from another branch of the same round
@migrations()
def m005_sources_per_fact(db: Database) -> None:
    """A milestone names the citation it comes from (1-based), as may a record's years;
    a partner may sit on a numbered side of the partnership (docs/content-format.md)."""
    db.table("milestones").add_column("source", int)
    db.table("partnerships").add_column("years_source", int)
    db.table("partnership_partners").add_column("side", int)


@migrations()
def m006_planned_dates(db: Database) -> None:
    """Where a partnership slipped from an earlier plan: the planned start and end years,
    the citation they come from, a note, and what the start marks (docs/content-format.md)."""
    table = db.table("partnerships")
    for column, kind in (
        ("planned_start_year", int),
        ("planned_end_year", int),
        ("planned_source", int),
        ("planned_note", str),
        ("planned_event", str),
    ):
        table.add_column(column, kind)
