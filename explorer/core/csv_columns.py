"""The columns of a partnership CSV: our fields, matching a file's columns, cells <-> values.

Documented for teachers in docs/csv-import.md. Pure logic: no files, no database.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from explorer.core.models import Problem

#: our fields, in the order an export writes them
FIELDS: tuple[str, ...] = (
    "slug",
    "name",
    "type",
    "start_year",
    "end_year",
    "status",
    "domain",
    "partners",
    "countries",
    "benefits",
    "challenges",
    "milestones",
    "description",
    "caveats",
    "citations",
    "checked",
)
#: a file must have these columns (slug is made from the name when the file has none)
REQUIRED: tuple[str, ...] = ("name", "type", "start_year", "status", "domain")
LIST_FIELDS = frozenset(
    {"partners", "countries", "benefits", "challenges", "milestones", "citations"}
)
#: other headings spreadsheets use for our fields (compared without case, spaces or marks)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "slug": ("id", "key", "identifier"),
    "name": ("title", "partnership", "partnershipname", "mission", "project"),
    "type": ("partnershiptype", "kind"),
    "start_year": ("start", "from", "began", "year", "yearstarted", "begin", "startdate"),
    "end_year": ("end", "to", "until", "ended", "yearended", "enddate"),
    "status": ("state",),
    "domain": ("area", "field", "category"),
    "partners": (
        "partner",
        "agencies",
        "participants",
        "members",
        "organisations",
        "organizations",
    ),
    "countries": ("country", "nations"),
    "benefits": ("benefit",),
    "challenges": ("challenge",),
    "milestones": ("milestone", "events", "timeline", "keydates"),
    "description": ("summary", "about", "text"),
    "caveats": ("caveat", "notes", "note", "uncertainty"),
    "citations": ("citation", "sources", "source", "references", "reference", "refs"),
    "checked": ("lastchecked", "checkedon", "verified", "factchecked", "datechecked"),
}
YEAR_RE = re.compile(r"^\d{1,4}(?:\.0+)?$")
MILESTONE_RE = re.compile(r"^(\d{3,4})\s*[:\-–]\s*(.+)$", re.DOTALL)
PARTNER_ROLE_RE = re.compile(r"^(.*?)\s*\[([^\]]*)\]$")
COUNTRY_RE = re.compile(r"^(?:[A-Z]{2}|intl)$")
SEPARATORS_RE = re.compile(r"[\s_]+")


def _key(heading: str) -> str:
    heading = re.sub(r"\([^)]*\)", "", heading)
    return re.sub(r"[\W_]+", "", heading.casefold())


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which file column fills each of our fields (field -> column heading)."""

    columns: Mapping[str, str]

    def column_for(self, field: str) -> str | None:
        return self.columns.get(field)

    def missing_required(self) -> list[str]:
        return [f for f in REQUIRED if f not in self.columns]

    def ignored(self, header: Sequence[str]) -> list[str]:
        used = set(self.columns.values())
        return [h for h in header if h and h not in used]


def auto_mapping(header: Sequence[str]) -> dict[str, str]:
    """Match file headings to our fields: exact field names first, then synonyms."""
    found: dict[str, str] = {}
    keys = {_key(h): h for h in reversed(header) if h}  # first heading wins on a tie
    for field in FIELDS:
        for candidate in (_key(field), *SYNONYMS.get(field, ())):
            heading = keys.get(candidate)
            if heading is not None and heading not in found.values():
                found[field] = heading
                break
    return found


def build_mapping(
    header: Sequence[str], overrides: Mapping[str, str], name: str
) -> tuple[ColumnMapping, list[Problem]]:
    """The automatic matches, changed by explicit `field -> column` choices (an empty column
    unmaps the field). Problems name the file, row 1 and the column."""
    problems = [
        Problem(name, 1, f"{h}: the column appears more than once")
        for i, h in enumerate(header)
        if h and h in header[:i]
    ]
    columns = auto_mapping(header)
    by_key = {h.casefold(): h for h in header if h}
    for field, wanted in overrides.items():
        if field not in FIELDS:
            problems.append(
                Problem(name, 1, f"{field}: not a field we import (fields: {', '.join(FIELDS)})")
            )
            continue
        if not wanted:
            columns.pop(field, None)
            continue
        heading = wanted if wanted in header else by_key.get(wanted.casefold())
        if heading is None:
            known = ", ".join(h for h in header if h)
            problems.append(Problem(name, 1, f"{wanted}: no such column (the file has: {known})"))
            continue
        columns = {f: c for f, c in columns.items() if c != heading}
        columns[field] = heading
    mapping = ColumnMapping({f: columns[f] for f in FIELDS if f in columns})
    problems += [
        Problem(name, 1, f"{field}: required column is missing (map one with {field}=COLUMN)")
        for field in mapping.missing_required()
    ]
    return mapping, problems


# -- cells -> values ----------------------------------------------------------------------


def split_list(cell: str) -> list[str]:
    """Entries of a list cell: one per line in a multi-line cell, else separated by ';'."""
    parts = cell.split("\n") if "\n" in cell else cell.split(";")
    return [p.strip() for p in parts if p.strip()]


def join_list(entries: Sequence[str]) -> str:
    """The inverse of split_list: '; ' between entries, or line breaks when one has a ';'."""
    if any(";" in e for e in entries):
        return "\n".join(entries)
    return "; ".join(entries)


def token(text: str) -> str:
    """'Public Private' -> 'public-private', 'Human_Spaceflight' -> 'human-spaceflight'."""
    text = text.strip().lower()
    return SEPARATORS_RE.sub("-", text) if " " in text or "_" in text or "\t" in text else text


def year(text: str) -> int | str | None:
    """'1997' or '1997.0' -> 1997; '' -> None; anything else is returned for the checks
    to report."""
    text = text.strip()
    if not text:
        return None
    return int(float(text)) if YEAR_RE.match(text) else text


def slugify(text: str) -> str:
    """'Apollo–Soyuz (ASTP)' -> 'apollo-soyuz-astp'; 'Coopération' -> 'cooperation'."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", bare.lower()).strip("-")


def partner_entry(text: str) -> tuple[str, str]:
    """'SpaceX [Crew Dragon]' -> ('SpaceX', 'Crew Dragon'); 'NASA' -> ('NASA', '')."""
    match = PARTNER_ROLE_RE.match(text)
    return (match.group(1).strip(), match.group(2).strip()) if match else (text.strip(), "")


def milestone_entry(text: str) -> dict[str, object] | None:
    match = MILESTONE_RE.match(text)
    if not match:
        return None
    return {"year": int(match.group(1)), "event": " ".join(match.group(2).split())}


def citation_entry(text: str) -> dict[str, str]:
    """'Publisher | Title | https://...' (publisher and URL optional)."""
    parts = [p.strip() for p in text.split("|")]
    url = parts.pop() if looks_like_url(parts[-1]) else ""
    if len(parts) <= 1:
        return {"publisher": "", "title": parts[0] if parts else "", "url": url}
    return {"publisher": parts[0], "title": " | ".join(parts[1:]), "url": url}


def looks_like_url(text: str) -> bool:
    return "://" in text or bool(re.match(r"^(?:javascript|data|mailto|file):", text, re.I))


def country(text: str) -> str:
    return "intl" if text.casefold() == "intl" else text.upper()
