"""Bundled data files (partners, partnerships, glossary) -> core records, with problems.

The file formats are documented in docs/content-format.md.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from explorer.core.models import (
    BENEFITS,
    CHALLENGES,
    DOMAINS,
    PARTNER_KINDS,
    PARTNERSHIP_TYPES,
    STATUSES,
    Citation,
    GlossaryEntry,
    Milestone,
    Participant,
    Partner,
    Partnership,
    Problem,
)

try:  # the C loader is ten times faster where PyYAML was built with libyaml
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]


def load_yaml(path: Path) -> tuple[Any, list[Problem]]:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader), []
    except OSError as exc:
        return None, [Problem(str(path), 1, f"cannot read the file: {exc.strerror or exc}")]
    except UnicodeDecodeError:
        return None, [Problem(str(path), 1, "the file is not UTF-8 text")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return None, [Problem(str(path), line, f"invalid YAML: {getattr(exc, 'problem', exc)}")]


def load_partners(path: Path) -> tuple[dict[str, Partner], list[Problem]]:
    data, problems = load_yaml(path)
    partners: dict[str, Partner] = {}
    for number, item in enumerate(data or [], start=1):
        if not isinstance(item, Mapping) or not item.get("slug") or not item.get("name"):
            problems.append(Problem(str(path), 1, f"partner {number} needs a slug and a name"))
            continue
        kind = str(item.get("kind") or "other")
        if kind not in PARTNER_KINDS:
            problems.append(Problem(str(path), 1, f"partner {item['slug']}: unknown kind {kind}"))
        partners[str(item["slug"])] = Partner(
            slug=str(item["slug"]),
            name=str(item["name"]),
            full_name=str(item.get("full_name") or item["name"]),
            country=str(item.get("country") or ""),
            kind=kind,
            aliases=tuple(str(a) for a in item.get("aliases") or ()),
            region=str(item.get("region") or ""),
        )
    return partners, problems


def load_glossary(path: Path) -> tuple[dict[str, GlossaryEntry], list[Problem]]:
    data, problems = load_yaml(path)
    entries: dict[str, GlossaryEntry] = {}
    for item in data or []:
        if isinstance(item, Mapping) and item.get("slug") and item.get("term"):
            entries[str(item["slug"])] = GlossaryEntry(
                slug=str(item["slug"]),
                term=str(item["term"]),
                definition=str(item.get("definition") or "").strip(),
                see_also=tuple(str(s) for s in item.get("see_also") or ()),
            )
        else:
            problems.append(Problem(str(path), 1, "each glossary entry needs a slug and a term"))
    return entries, problems


def partnership_from_mapping(
    item: Mapping[str, Any], partners: Mapping[str, Partner], where: str
) -> tuple[Partnership | None, list[Problem]]:
    """Build and check one partnership record (from a YAML file, a form or an import)."""
    errors = check_partnership_fields(item)
    participants = []
    for entry in item.get("partners") or []:
        slug, role = (
            (entry, "")
            if isinstance(entry, str)
            else (str(entry.get("partner", "")), str(entry.get("role") or ""))
        )
        partner = partners.get(slug) or Partner(slug=slug, name=slug)
        if slug not in partners:
            errors.append(f"unknown partner '{slug}'")
        participants.append(Participant(partner, role))
    if errors:
        return None, [Problem(where, 1, message) for message in errors]
    end = item.get("end_year")
    record = Partnership(
        slug=str(item["slug"]),
        name=str(item["name"]),
        type=str(item["type"]),
        start_year=int(item["start_year"]),
        end_year=int(end) if end not in (None, "") else None,
        status=str(item["status"]),
        domain=str(item["domain"]),
        partners=tuple(participants),
        countries=tuple(str(c) for c in item.get("countries") or ()),
        milestones=tuple(
            Milestone(int(m["year"]), str(m["event"]), _source_number(m.get("source")))
            for m in item.get("milestones") or ()
        ),
        benefits=tuple(item.get("benefits") or ()),
        challenges=tuple(item.get("challenges") or ()),
        description=" ".join(str(item.get("description") or "").split()),
        caveats=" ".join(str(item.get("caveats") or "").split()),
        citations=tuple(
            Citation(
                str(c.get("publisher") or ""), str(c.get("title") or ""), str(c.get("url") or "")
            )
            for c in item.get("citations") or ()
        ),
        checked=str(item.get("checked") or ""),
        years_source=_source_number(item.get("years_source")),
        sides=_ordered_sides(item.get("sides") or (), [x.partner.slug for x in participants]),
    )
    return record, []


def _ordered_sides(sides: Any, order: list[str]) -> tuple[tuple[str, ...], ...]:
    """Sides in the partners' order (as the database gives them back)."""
    place = {slug: order.index(slug) for slug in order}
    ordered = [tuple(sorted(map(str, side), key=place.__getitem__)) for side in sides]
    return tuple(sorted(ordered, key=lambda side: place[side[0]]))


def _source_number(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def check_partnership_fields(item: Mapping[str, Any]) -> list[str]:  # noqa: C901
    """Field-level checks shared by the bundled files, the form and CSV import."""
    errors = []
    for key in ("slug", "name", "type", "start_year", "status", "domain"):
        if item.get(key) in (None, ""):
            errors.append(f"missing required field '{key}'")
    if errors:
        return errors
    if item["type"] not in PARTNERSHIP_TYPES:
        errors.append(f"type must be one of {', '.join(PARTNERSHIP_TYPES)}")
    if item["status"] not in STATUSES:
        errors.append(f"status must be one of {', '.join(STATUSES)}")
    if item["domain"] not in DOMAINS:
        errors.append(f"domain must be one of {', '.join(DOMAINS)}")
    start, end = item.get("start_year"), item.get("end_year")
    if not isinstance(start, int) or not 1900 <= start <= 2100:
        errors.append(f"start_year must be a year between 1900 and 2100, not {start!r}")
    elif end not in (None, ""):
        if not isinstance(end, int) or not 1900 <= end <= 2100:
            errors.append(f"end_year must be a year between 1900 and 2100, not {end!r}")
        elif end < start:
            errors.append(f"end_year {end} is before start_year {start}")
    for key, allowed in (("benefits", BENEFITS), ("challenges", CHALLENGES)):
        for tag in item.get(key) or ():
            if tag not in allowed:
                errors.append(f"unknown {key[:-1]} tag '{tag}'")
    for milestone in item.get("milestones") or ():
        if not isinstance(milestone, Mapping) or not isinstance(milestone.get("year"), int):
            errors.append(f"milestone {milestone!r} needs a year and an event")
    return errors + check_sources(item) + check_sides(item)


def _is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_sources(item: Mapping[str, Any]) -> list[str]:
    """Each `source` (a milestone's, and `years_source`) names one of the record's citations."""
    count = len(item.get("citations") or ())
    have = f"the record has {count} citation{'' if count == 1 else 's'}"
    named = [("years_source", item.get("years_source"))] + [
        (f"milestone {number} ({m.get('year')})", m.get("source"))
        for number, m in enumerate(item.get("milestones") or (), start=1)
        if isinstance(m, Mapping)
    ]
    errors = []
    for what, value in named:
        if value in (None, ""):
            continue
        if not _is_number(value):
            errors.append(f"{what}: source must be a citation number (1, 2, ...), not {value!r}")
        elif not 1 <= value <= count:
            errors.append(f"{what} names source {value}, but {have}")
    return errors


def check_sides(item: Mapping[str, Any]) -> list[str]:
    """`sides` groups the record's partners: each partner on exactly one side."""
    sides = item.get("sides")
    if sides in (None, "", []):
        return []
    if not isinstance(sides, list) or not all(isinstance(side, list) and side for side in sides):
        return ["sides must be a list of sides, each a list of partner slugs"]
    listed = [
        entry if isinstance(entry, str) else str(entry.get("partner", ""))
        for entry in item.get("partners") or ()
        if isinstance(entry, str | Mapping)
    ]
    placed = Counter(str(slug) for side in sides for slug in side)
    errors = [f"sides name '{slug}', not a partner" for slug in placed if slug not in listed]
    errors += [f"sides put '{slug}' on more than one side" for slug, n in placed.items() if n > 1]
    errors += [f"sides leave out the partner '{slug}'" for slug in listed if slug not in placed]
    return errors


def load_partnership_folder(
    folder: Path, partners: Mapping[str, Partner]
) -> tuple[list[Partnership], list[Problem]]:
    records: list[Partnership] = []
    problems: list[Problem] = []
    for path in sorted(folder.glob("*.yaml")):
        data, found = load_yaml(path)
        problems.extend(found)
        if data is None:
            continue
        if not isinstance(data, Mapping):
            problems.append(Problem(str(path), 1, "a partnership file must hold one record"))
            continue
        record, found = partnership_from_mapping(data, partners, str(path))
        problems.extend(found)
        if record is not None:
            records.append(record)
    return records, problems


def content_hash(folder: Path) -> str:
    """A hash of every data file under `folder`, to notice when bundled content changed."""
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in {".yaml", ".md"}:
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()
