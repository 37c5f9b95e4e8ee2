"""The columns of a partnership CSV: our fields, matching a file's columns, cells <-> values.

Documented for teachers in docs/csv-import.md. Pure logic: no files, no database.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from dataclasses import field as dataclass_field

from slugify import slugify as _slugify

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
#: a file must have these columns (or one value for every row); the slug is made from the
#: name, the status from the years, the type from the partners, and the domain may be empty
REQUIRED: tuple[str, ...] = ("name", "start_year")
#: fields that cannot be given one value for every row (each row needs its own)
NOT_FIXABLE = frozenset({"slug", "name"})
#: other headings spreadsheets use for our fields (compared without case, spaces or marks)
SYNONYMS: dict[str, tuple[str, ...]] = {
    "slug": ("id", "key", "identifier"),
    "name": ("title", "partnership", "partnershipname", "mission", "project"),
    "type": ("partnershiptype", "kind"),
    "start_year": (
        "start",
        "from",
        "began",
        "year",
        "yearstarted",
        "begin",
        "startdate",
        "date",
        "launchdate",
        "datum",
    ),
    "end_year": ("end", "to", "until", "ended", "yearended", "enddate"),
    "status": ("state",),
    "domain": ("area", "field", "category"),
    "partners": (
        "partner",
        "company",
        "companyname",
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
    "description": ("summary", "about", "text", "notes", "note", "comments", "details"),
    "caveats": ("caveat", "caveats", "uncertainty"),
    "citations": ("citation", "sources", "source", "references", "reference", "refs"),
    "checked": ("lastchecked", "checkedon", "verified", "factchecked", "datechecked"),
}
MILESTONE_RE = re.compile(r"^(\d{3,4})\s*[:\-–]\s*(.+)$", re.DOTALL)
PARTNER_ROLE_RE = re.compile(r"^(.*?)\s*\[([^\]]*)\]$")
SEPARATORS_RE = re.compile(r"[\s_]+")
SLUG_SEPARATORS_RE = re.compile(r"[^a-z0-9]+")


def _key(heading: str) -> str:
    heading = re.sub(r"\([^)]*\)", "", heading)
    return re.sub(r"[\W_]+", "", heading.casefold())


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    """Which file column fills each of our fields (field -> column heading), and the
    fields given one value for every row (field -> value)."""

    columns: Mapping[str, str]
    fixed: Mapping[str, str] = dataclass_field(default_factory=dict)

    def column_for(self, field: str) -> str | None:
        return self.columns.get(field)

    def label(self, field: str) -> str:
        """The field as the teacher knows it: their column, or the value they set."""
        if field in self.fixed:
            return f"{field.replace('_', ' ')} (set for every row)"
        if field == "slug" and "slug" not in self.columns:
            return self.columns.get("name", "slug")
        return self.columns.get(field, field.replace("_", " "))

    def provides(self, field: str) -> bool:
        return field in self.columns or field in self.fixed

    def missing_required(self) -> list[str]:
        return [f for f in REQUIRED if not self.provides(f)]

    def ignored(self, header: Sequence[str]) -> list[str]:
        used = set(self.columns.values())
        return [h for h in header if h and h not in used]


def auto_mapping(header: Sequence[str]) -> dict[str, str]:
    """Match file headings to our fields: exact field names first, then synonyms."""
    found: dict[str, str] = {}
    repeated = {h for h, n in Counter(header).items() if n > 1}
    keys = {_key(h): h for h in reversed(header) if h and h not in repeated}
    for field in FIELDS:
        for candidate in (_key(field), *SYNONYMS.get(field, ())):
            heading = keys.get(candidate)
            if heading is not None and heading not in found.values():
                found[field] = heading
                break
    return found


def build_mapping(
    header: Sequence[str],
    overrides: Mapping[str, str],
    name: str,
    fixed: Mapping[str, str] | None = None,
) -> tuple[ColumnMapping, list[Problem]]:
    """The automatic matches, changed by explicit `field -> column` choices (an empty column
    unmaps the field) and `field -> value` for every row. Problems name the file, row 1 and
    the column. A repeated heading is only a problem where it fills a field."""
    fixed = dict(fixed or {})
    problems = _fixed_problems(overrides, fixed, name)
    counts = Counter(header)
    columns = {f: c for f, c in auto_mapping(header).items() if f not in fixed}
    by_key = {h.casefold(): h for h in header if h}
    for field_name, wanted in overrides.items():
        if field_name not in FIELDS:
            problems.append(
                Problem(
                    name, 1, f"{field_name}: not a field we import (fields: {', '.join(FIELDS)})"
                )
            )
            continue
        if not wanted:
            columns.pop(field_name, None)
            continue
        heading = wanted if wanted in header else by_key.get(wanted.casefold())
        if heading is None:
            known = ", ".join(dict.fromkeys(h for h in header if h))
            problems.append(Problem(name, 1, f"{wanted}: no such column (the file has: {known})"))
            continue
        if counts[heading] > 1:
            problems.append(
                Problem(
                    name,
                    1,
                    f"{heading}: {counts[heading]} columns are called '{heading}'; rename "
                    "them in your spreadsheet so that each name is used once",
                )
            )
            continue
        columns = {f: c for f, c in columns.items() if c != heading}
        columns[field_name] = heading
    mapping = ColumnMapping(
        {f: columns[f] for f in FIELDS if f in columns},
        {f: fixed[f] for f in FIELDS if f in fixed},
    )
    return mapping, problems + _missing_problems(mapping, name, header)


def _fixed_problems(
    overrides: Mapping[str, str], fixed: Mapping[str, str], name: str
) -> list[Problem]:
    problems = []
    for field_name in fixed:
        if field_name not in FIELDS or field_name in NOT_FIXABLE:
            allowed = ", ".join(f for f in FIELDS if f not in NOT_FIXABLE)
            problems.append(
                Problem(name, 1, f"{field_name}: cannot be set for every row (fields: {allowed})")
            )
        elif overrides.get(field_name):
            problems.append(
                Problem(
                    name,
                    1,
                    f"{field_name}: comes from the column '{overrides[field_name]}' and is set "
                    "for every row too; choose one",
                )
            )
    return problems


def _missing_problems(mapping: ColumnMapping, name: str, header: Sequence[str]) -> list[Problem]:
    repeated = {h for h, n in Counter(header).items() if n > 1}
    problems = []
    for f in mapping.missing_required():
        twice = auto_mapping(sorted(repeated)).get(f)
        if twice is not None:
            message = (
                f"{twice}: {Counter(header)[twice]} columns are called '{twice}'; rename "
                "them in your spreadsheet so that each name is used once"
            )
        else:
            other = (
                "" if f in NOT_FIXABLE else f", or give every row one value with --set {f}=VALUE"
            )
            message = (
                f"{f.replace('_', ' ')}: required column is missing (map one with "
                f"{f}=COLUMN{other})"
            )
        problems.append(Problem(name, 1, message))
    return problems


# -- cells -> values ----------------------------------------------------------------------


def split_list(cell: str) -> list[str]:
    """Entries of a list cell: one per line in a multi-line cell, else separated by ';'."""
    parts = cell.split("\n") if "\n" in cell else cell.split(";")
    return [p for p in map(str.strip, parts) if p]


def join_list(entries: Sequence[str]) -> str:
    """The inverse of split_list: '; ' between entries, or line breaks when one has a ';'."""
    if any(";" in e for e in entries):
        return "\n".join(entries)
    return "; ".join(entries)


def token(text: str) -> str:
    """'Public Private' -> 'public-private', 'Human_Spaceflight' -> 'human-spaceflight'."""
    text = text.strip().lower()
    return SEPARATORS_RE.sub("-", text) if " " in text or "_" in text or "\t" in text else text


def slugify(text: str) -> str:
    """'Apollo–Soyuz (ASTP)' -> 'apollo-soyuz-astp'; 'Coopération' -> 'cooperation';
    'Ørsted' -> 'orsted' (python-slugify transliterates what accents alone do not)."""
    if text.isascii():  # the same result, ten times faster: most names are plain ASCII
        return SLUG_SEPARATORS_RE.sub("-", text.lower()).strip("-")
    return str(_slugify(text))


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
    """A web address, or something written where one belongs ('www.esa.int/...', a
    'javascript:' link): the checks then say what is wrong with it."""
    return (
        "://" in text
        or bool(re.match(r"^(?:javascript|data|mailto|file):", text, re.I))
        or bool(re.match(r"^www\.\S+$", text, re.I))
    )
