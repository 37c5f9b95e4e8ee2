"""Bundled data files (partners, partnerships, glossary) -> core records, with problems.

The file formats are documented in docs/content-format.md.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Mapping
from datetime import date
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
    FieldProblem,
    GlossaryEntry,
    Milestone,
    Participant,
    Partner,
    Partnership,
    Problem,
)
from explorer.core.plans import check_plan, plan_from_mapping

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
    item: Mapping[str, Any], partners: Mapping[str, Partner], where: str, origin: str = "bundled"
) -> tuple[Partnership | None, list[Problem]]:
    """Build and check one partnership record (from a YAML file, a form or an import).
    A problem reads `field: message` (the key as the file spells it)."""
    entries = _participants(item)
    errors = check_partnership_fields(item)
    errors += [_unknown(slug) for slug, _ in entries if slug not in partners]
    if errors:
        return None, [Problem(where, 1, f"{e.field}: {e.message}") for e in errors]
    end = item.get("end_year")
    record = Partnership(
        slug=str(item["slug"]),
        name=str(item["name"]),
        type=str(item["type"]),
        start_year=int(item["start_year"]),
        end_year=int(end) if end not in (None, "") else None,
        status=str(item["status"]),
        domain=str(item["domain"]),
        partners=tuple(Participant(partners[slug], role) for slug, role in entries),
        countries=tuple(str(c) for c in item.get("countries") or ()),
        milestones=tuple(
            Milestone(int(m["year"]), str(m["event"]), _source_number(m.get("source")))
            for m in item.get("milestones") or ()
        ),
        benefits=tuple(item.get("benefits") or ()),
        challenges=tuple(item.get("challenges") or ()),
        description=_one_line(item.get("description")),
        caveats=_one_line(item.get("caveats")),
        citations=tuple(
            Citation(
                str(c.get("publisher") or ""), str(c.get("title") or ""), str(c.get("url") or "")
            )
            for c in item.get("citations") or ()
        ),
        checked=str(item.get("checked") or ""),
        origin=origin,
        years_source=_source_number(item.get("years_source")),
        sides=_ordered_sides(item.get("sides") or (), [slug for slug, _ in entries]),
        planned=plan_from_mapping(item.get("planned")),
    )
    return record, []


def _ordered_sides(sides: Any, order: list[str]) -> tuple[tuple[str, ...], ...]:
    """Sides in the partners' order (as the database gives them back)."""
    place = {slug: order.index(slug) for slug in order}
    ordered = [tuple(sorted(map(str, side), key=place.__getitem__)) for side in sides]
    return tuple(sorted(ordered, key=lambda side: place[side[0]]))


def _source_number(value: Any) -> int | None:
    return None if value in (None, "") else int(value)


def _one_line(value: Any) -> str:
    """Text with each run of spaces and line breaks made one space."""
    text = str(value or "")
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or text != text.strip():
        return " ".join(text.split())
    return text


def _participants(item: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(partner slug, role) for each entry of 'partners' (a slug, or partner and role)."""
    return [
        (entry, "")
        if isinstance(entry, str)
        else (str(entry.get("partner", "")), str(entry.get("role") or ""))
        for entry in item.get("partners") or []
    ]


def unknown_partners(
    item: Mapping[str, Any], partners: Mapping[str, Partner]
) -> list[FieldProblem]:
    return [_unknown(slug) for slug, _ in _participants(item) if slug not in partners]


def _unknown(slug: str) -> FieldProblem:
    return FieldProblem("partners", f"unknown partner '{slug}'", "unknown partner")


REQUIRED_FIELDS = ("slug", "name", "type", "start_year", "status", "domain")
FIELD_WORDS = {"start_year": "start year", "end_year": "end year"}
CHOICES = {"type": PARTNERSHIP_TYPES, "status": STATUSES, "domain": DOMAINS}
ALLOWED = {key: frozenset(values) for key, values in CHOICES.items()}
TAGS = {"benefits": frozenset(BENEFITS), "challenges": frozenset(CHALLENGES)}
URL_RE = re.compile(r"^https?://\S+$", re.IGNORECASE)


def check_partnership_fields(item: Mapping[str, Any]) -> list[FieldProblem]:
    """Field-level checks shared by the bundled files, the form and CSV import: every
    field is looked at, so a required one missing does not hide the others."""
    errors = [
        FieldProblem(key, "required", "required", missing=True)
        for key in REQUIRED_FIELDS
        if item.get(key) in (None, "")
    ]
    for key, allowed in ALLOWED.items():
        value = item.get(key)
        if value not in allowed and value is not None and value != "":
            errors.append(
                FieldProblem(
                    key, f"{key} must be one of {', '.join(CHOICES[key])}", f"unknown {key}"
                )
            )
    errors += _year_checks(item)
    for key, known in TAGS.items():
        for tag in item.get(key) or ():
            if tag not in known:
                errors.append(
                    FieldProblem(key, f"unknown {key[:-1]} tag '{tag}'", f"unknown {key[:-1]} tag")
                )
    for milestone in item.get("milestones") or ():
        if not isinstance(milestone, Mapping) or not isinstance(milestone.get("year"), int):
            errors.append(
                FieldProblem(
                    "milestones",
                    f"milestone {milestone!r} needs a year and an event",
                    "a milestone needs a year and an event",
                )
            )
    return (
        errors + _source_checks(item) + check_sources(item) + check_sides(item) + check_plan(item)
    )


def _is_number(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_sources(item: Mapping[str, Any]) -> list[FieldProblem]:
    """Each `source` (a milestone's, and `years_source`) names one of the record's citations."""
    count = len(item.get("citations") or ())
    have = f"the record has {count} citation{'' if count == 1 else 's'}"
    named = [("years_source", "the years' source", item.get("years_source"))] + [
        ("milestones", f"milestone {number} ({m.get('year')})", m.get("source"))
        for number, m in enumerate(item.get("milestones") or (), start=1)
        if isinstance(m, Mapping)
    ]
    errors = []
    for field, what, value in named:
        if value in (None, ""):
            continue
        lead = f"{what} "
        if not _is_number(value):
            message = f"{lead}source must be a citation number (1, 2, ...), not {value!r}"
            errors.append(FieldProblem(field, message, "a source must be a citation number"))
        elif not 1 <= value <= count:
            message = f"{lead}names source {value}, but {have}"
            errors.append(FieldProblem(field, message, "a source number past the citations"))
    return errors


def check_sides(item: Mapping[str, Any]) -> list[FieldProblem]:
    """`sides` groups the record's partners: each partner on exactly one side."""
    sides = item.get("sides")
    if sides in (None, "", []):
        return []
    if not isinstance(sides, list) or not all(isinstance(side, list) and side for side in sides):
        message = "the sides must be a list of sides, each a list of partner slugs"
        return [FieldProblem("sides", message, message)]
    listed = [slug for slug, _ in _participants(item)]
    placed = Counter(str(slug) for side in sides for slug in side)
    messages = [f"the sides name '{slug}', not a partner" for slug in placed if slug not in listed]
    messages += [
        f"the sides put '{slug}' on more than one side" for slug, n in placed.items() if n > 1
    ]
    messages += [
        f"the sides leave out the partner '{slug}'" for slug in listed if slug not in placed
    ]
    return [FieldProblem("sides", m, "each partner must be on exactly one side") for m in messages]


def _year_checks(item: Mapping[str, Any]) -> list[FieldProblem]:
    start, end = item.get("start_year"), item.get("end_year")
    errors = []
    for key, value in (("start_year", start), ("end_year", end)):
        if value is not None and value != "" and not _is_year(value):
            errors.append(
                FieldProblem(
                    key,
                    f"{FIELD_WORDS[key]} must be a year between 1900 and 2100, not {value!r}",
                    f"{FIELD_WORDS[key]} must be a year between 1900 and 2100",
                )
            )
    if end is not None and _is_year(start) and _is_year(end) and end < start:
        errors.append(
            FieldProblem(
                "end_year",
                f"end year {end} is before start year {start}",
                "the end year is before the start year",
            )
        )
    if item.get("status") == "completed" and end in (None, ""):
        errors.append(
            FieldProblem(
                "end_year",
                "a completed partnership needs an end year",
                "a completed partnership needs an end year",
            )
        )
    return errors


def _is_year(value: Any) -> bool:
    return type(value) is int and 1900 <= value <= 2100


def _source_checks(item: Mapping[str, Any]) -> list[FieldProblem]:
    """Web addresses of the sources must be http(s); the facts-checked date a real date."""
    errors = []
    for citation in item.get("citations") or ():
        url = str(citation.get("url") or "") if isinstance(citation, Mapping) else ""
        if url and not URL_RE.match(url):
            fix = suggested_url(url)
            hint = f"did you mean '{fix}'?" if fix else "it must start with https://"
            errors.append(
                FieldProblem(
                    "citations",
                    f"'{url}' is not a web address; {hint}",
                    "a source's web address must start with http:// or https://",
                )
            )
    checked = item.get("checked")
    if checked not in (None, "") and not _is_iso_date(str(checked)):
        errors.append(
            FieldProblem(
                "checked",
                f"'{checked}' is not a date written like 2026-11-26",
                "the date checked must be a date written like 2026-11-26",
            )
        )
    return errors


HOST_RE = re.compile(r"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:[/?#:]\S*)?$", re.I)


def suggested_url(url: str) -> str:
    """'www.esa.int/Science' -> 'https://www.esa.int/Science': what was surely meant by a
    web address written without its scheme ('' when the text is not one)."""
    text = url.strip()
    if URL_RE.match(text) or "://" in text or " " in text:
        return ""
    return f"https://{text}" if HOST_RE.match(text) else ""


def _is_iso_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text))


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
