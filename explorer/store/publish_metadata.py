"""What Datasette shows about the published catalog: every table and column described,
licences and sources, and the canned queries teachers asked for.

The same tables are documented for people in docs/database.md; a test checks that every
table and column of the database is described here and there, so neither drifts.
"""

from __future__ import annotations

from typing import Any

from explorer.core.models import SECTIONS

LICENSE = "MIT"
LICENSE_URL = "https://opensource.org/licenses/MIT"
SOURCE = "Space Partnerships Explorer: each partnership's sources are in the citations table"
PARTNERSHIP_SOURCE = (
    "Agencies' and operators' own pages and encyclopedias, listed per partnership in citations"
)
#: the published database's file name; Datasette names the database after it
DATABASE_NAME = "space-partnerships"

#: table -> (description, {column: description}); a table with hidden=True is left out of
#: Datasette's table list (bookkeeping, or a search index Datasette uses on its own)
TABLES: dict[str, tuple[str, dict[str, str]]] = {
    "partnerships": (
        "One row per partnership: who worked together in space, when, and how it went.",
        {
            "slug": "Short name that identifies the partnership (its key)",
            "name": "The partnership's name",
            "type": "bilateral (two partners), multilateral (three or more) or public-private",
            "start_year": "Year the partnership began (an agreement signed or work started)",
            "end_year": "Year it ended; empty while it is active or planned",
            "status": "active, completed, cancelled, suspended or planned",
            "domain": "Field of work, e.g. human-spaceflight, lunar, planetary, astronomy",
            "description": "What the partnership did, written for students aged 14-18",
            "caveats": "Where sources disagree or a detail is unsure",
            "checked": "Date the facts were last checked against the sources",
            "years_source": "Number of the citation the years come from (empty: not given)",
            "planned_start_year": "Year an earlier plan had it start (empty: no slip recorded)",
            "planned_end_year": "Year an earlier plan had it end (empty: no slip recorded)",
            "planned_source": "Number of the citation the planned years come from",
            "planned_note": "Which plan that was, and what moved it",
            "planned_event": "What the planned start marks: start or launch",
            "origin": "bundled (comes with the app) or user (added by a teacher)",
            "edited": "1 when a teacher changed a bundled partnership",
            "partner_names": "The partners' names in one text, for search",
            "milestone_text": "The milestones in one text, for search",
            "layer": "The teacher's file this version comes from (empty: the app's own)",
        },
    ),
    "partners": (
        "Agencies, organisations, companies and governments that take part in partnerships.",
        {
            "slug": "Short name that identifies the partner (its key), e.g. esa",
            "name": "Usual name, e.g. ESA",
            "full_name": "Full name, e.g. European Space Agency",
            "country": "ISO 3166 alpha-2 country code, or intl for a body of nations",
            "kind": "space-agency, intergovernmental, company, academic, government or other",
            "origin": "bundled or user",
            "region": "World region of a body of nations (country intl); empty otherwise",
            "layer": "The teacher's file that brought this partner (empty: the app's own)",
        },
    ),
    "partner_aliases": (
        "Other names and spellings of a partner, so a search for either finds it.",
        {"partner_slug": "The partner (partners.slug)", "alias": "Another name for it"},
    ),
    "partnership_partners": (
        "Which partners took part in which partnership, and their role.",
        {
            "partnership_slug": "The partnership (partnerships.slug)",
            "position": "Order of the partner in the partnership's list",
            "partner_slug": "The partner (partners.slug)",
            "role": "What this partner did or contributed",
            "side": "Number of the side the partner sits on (sides count for the type)",
        },
    ),
    "partnership_countries": (
        "Countries involved in each partnership.",
        {
            "partnership_slug": "The partnership (partnerships.slug)",
            "position": "Order in the partnership's list",
            "country": "ISO 3166 alpha-2 code; SU, DD and CS for the Soviet Union, East "
            "Germany and Czechoslovakia; intl for a body of nations",
        },
    ),
    "milestones": (
        "Dated events in each partnership's history.",
        {
            "partnership_slug": "The partnership (partnerships.slug)",
            "position": "Order in the partnership's list",
            "year": "Year of the event",
            "event": "What happened",
            "source": "Number of the partnership's citation this event comes from",
        },
    ),
    "tags": (
        "Benefits a partnership illustrates and challenges it ran into.",
        {
            "partnership_slug": "The partnership (partnerships.slug)",
            "kind": "benefits or challenges",
            "tag": "The benefit or challenge, e.g. cost-sharing or technology-transfer-ip",
        },
    ),
    "citations": (
        "The sources of each partnership's facts.",
        {
            "partnership_slug": "The partnership (partnerships.slug)",
            "position": "Order in the partnership's list",
            "publisher": "Who published the source, e.g. NASA or ESA",
            "title": "Title of the source",
            "url": "Web address of the source",
        },
    ),
    "lessons": (
        "The lessons (an index; the lesson files are the originals).",
        {
            "slug": "Short name that identifies the lesson (its key)",
            "title": "The lesson's title",
            "section": "Part of the course: " + ", ".join(SECTIONS),
            "ord": "Position of the lesson within its section",
            "summary": "One or two sentences on what the lesson teaches",
            "body_text": "The lesson's text without formatting, for search",
            "path": "The lesson's file (in a published copy: its file name only)",
            "origin": "bundled or teacher",
            "hash": "Fingerprint of the lesson's text, to notice changes",
        },
    ),
    "lesson_partnerships": (
        "Which lessons cite which partnerships (in a published copy only).",
        {
            "lesson_slug": "The lesson (lessons.slug)",
            "partnership_slug": "The partnership (partnerships.slug)",
            "position": "Order in which the lesson cites it",
        },
    ),
    "vocabulary": (
        "Known words, for the app's 'did you mean' suggestions.",
        {"word": "A word that occurs in a name, a description or a lesson"},
    ),
    "layers": (
        "The teacher's partnership files this database indexes (the files are the truth).",
        {
            "name": "The file, relative to the data folder, e.g. imports/...-missions.json",
            "kind": "edit (one partnership), import (a spreadsheet or pack) or partners",
            "stamp": "When it was written; for each partnership the newest file wins",
            "size": "Size in bytes when indexed",
            "mtime_ns": "Modification time when indexed",
            "title": "What an import came from, e.g. missions.csv",
        },
    ),
    "layer_slugs": (
        "Which partnerships each teacher file holds or withdraws.",
        {
            "layer": "The file (layers.name)",
            "slug": "The partnership",
            "removed": "1 when the file withdraws the partnership",
        },
    ),
    "layer_problems": (
        "What is wrong in a teacher's file (shown to the teacher, never lost silently).",
        {"layer": "The file (layers.name)", "line": "Line", "message": "The problem"},
    ),
    "meta": (
        "Facts about the database itself.",
        {"key": "Name of the fact, e.g. content_hash", "value": "Its value"},
    ),
    "_sqlite_migrations": (
        "Schema changes applied to the database (kept by sqlite-utils).",
        {
            "id": "Row number",
            "migration_set": "The set of migrations (space-explorer)",
            "name": "The migration's name",
            "applied_at": "When it was applied",
        },
    ),
    "partnerships_fts": (
        "Full-text search index over partnerships (FTS5, porter stemming).",
        {
            "name": "partnerships.name",
            "partner_names": "partnerships.partner_names",
            "description": "partnerships.description",
            "milestone_text": "partnerships.milestone_text",
        },
    ),
    "lessons_fts": (
        "Full-text search index over lessons (FTS5, porter stemming).",
        {
            "title": "lessons.title",
            "summary": "lessons.summary",
            "body_text": "lessons.body_text",
        },
    ),
}
HIDDEN = frozenset({"vocabulary", "meta", "_sqlite_migrations"})
#: table -> its full-text search table (Datasette's search box on the table's page)
SEARCHABLE = {"partnerships": "partnerships_fts", "lessons": "lessons_fts"}
TABLE_SOURCES = {"partnerships": PARTNERSHIP_SOURCE, "citations": PARTNERSHIP_SOURCE}

_ACTIVE_UNTIL = (
    "coalesce(p.end_year, case when p.status = 'planned' then p.start_year "
    "else max(cast(strftime('%Y', 'now') as integer), p.start_year) end)"
)
_READING_ORDER = (
    "case l.section "
    + " ".join(f"when '{section}' then {index}" for index, section in enumerate(SECTIONS))
    + f" else {len(SECTIONS)} end, l.ord"
)
QUERIES: dict[str, dict[str, str]] = {
    "partnerships_by_agency": {
        "title": "Partnerships of one agency or company",
        "description": "Type a partner's usual name (ESA, NASA, JAXA, SpaceX), its full name "
        "or another name for it.",
        "sql": "select p.start_year, p.end_year, p.name, p.slug, p.type, p.status, "
        "p.domain, pp.role from partners a "
        "join partnership_partners pp on pp.partner_slug = a.slug "
        "join partnerships p on p.slug = pp.partnership_slug "
        "where lower(:agency) in (lower(a.slug), lower(a.name), lower(a.full_name)) "
        "or a.slug in (select partner_slug from partner_aliases "
        "where lower(alias) = lower(:agency)) "
        "order by p.start_year, p.name",
    },
    "partnerships_by_decade": {
        "title": "Partnerships active in one decade",
        "description": "Type a decade, e.g. 1990. A partnership counts when any of its years "
        "falls in the decade; one still active runs to this year.",
        "sql": "select p.start_year, p.end_year, p.name, p.slug, p.type, p.status, p.domain "
        "from partnerships p "
        "where p.start_year <= cast(:decade as integer) / 10 * 10 + 9 "
        f"and {_ACTIVE_UNTIL} >= cast(:decade as integer) / 10 * 10 "
        "order by p.start_year, p.name",
    },
    "partnerships_by_type": {
        "title": "Partnerships of one type",
        "description": "Type bilateral, multilateral or public-private.",
        "sql": "select p.start_year, p.end_year, p.name, p.slug, p.status, p.domain "
        "from partnerships p where p.type = lower(trim(:type)) "
        "order by p.start_year, p.name",
    },
    "partnerships_per_decade": {
        "title": "How many partnerships began in each decade, by type",
        "description": "One row per decade: partnerships that began in it, of each type.",
        "sql": "select p.start_year / 10 * 10 as decade, count(*) as partnerships, "
        "sum(p.type = 'bilateral') as bilateral, sum(p.type = 'multilateral') as multilateral, "
        "sum(p.type = 'public-private') as public_private "
        "from partnerships p group by decade order by decade",
    },
    "lessons_citing_partnership": {
        "title": "Lessons that cite a partnership",
        "description": "Type part of a partnership's name (e.g. Space Station) or its slug.",
        "sql": "select p.name as partnership, l.title as lesson, l.slug, l.section, l.summary "
        "from lesson_partnerships lp join lessons l on l.slug = lp.lesson_slug "
        "join partnerships p on p.slug = lp.partnership_slug "
        "where p.slug = lower(trim(:partnership)) "
        "or p.name like '%' || trim(:partnership) || '%' "
        f"order by p.name, {_READING_ORDER}",
    },
}


def datasette_metadata(title: str, description: str) -> dict[str, Any]:
    """The whole metadata.json for Datasette 0.x (`datasette serve --metadata`)."""
    tables: dict[str, Any] = {}
    for table, (text, columns) in TABLES.items():
        entry: dict[str, Any] = {"description": text, "columns": dict(columns)}
        if table in HIDDEN:
            entry["hidden"] = True
        if table in SEARCHABLE:
            entry["fts_table"] = SEARCHABLE[table]
        if table in TABLE_SOURCES:
            entry["source"] = TABLE_SOURCES[table]
        tables[table] = entry
    return {
        "title": title,
        "description": description,
        "license": LICENSE,
        "license_url": LICENSE_URL,
        "source": SOURCE,
        "databases": {
            DATABASE_NAME: {
                "title": "The partnership catalog and the lessons",
                "description": description,
                "tables": tables,
                "queries": QUERIES,
            }
        },
    }
