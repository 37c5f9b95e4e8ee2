"""Records as plain mappings (the shape of docs/content-format.md) and how two records differ.

The mapping shape is what the bundled YAML files, JSON export and content packs use, so
`partnership_from_mapping` (explorer.core.content) reads back what `partnership_to_mapping`
writes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields, replace
from typing import Any, Literal

from explorer.core.models import PARTNER_KINDS, Milestone, Partner, Partnership
from explorer.core.plans import plan_to_mapping

Status = Literal["new", "changed", "unchanged"]
#: the fields of a Partnership a teacher edits (origin and edited are bookkeeping)
CONTENT_FIELDS: tuple[str, ...] = tuple(
    f.name for f in fields(Partnership) if f.name not in {"origin", "edited"}
)


#: the fields that open a content file's record, as they are
HEAD_FIELDS = ("slug", "name", "type", "start_year", "end_year", "status", "domain")


def partnership_to_mapping(p: Partnership) -> dict[str, Any]:
    """Partnership -> the content-file mapping (without origin bookkeeping)."""
    return {
        **{name: getattr(p, name) for name in HEAD_FIELDS},
        "partners": [
            x.partner.slug if not x.role else {"partner": x.partner.slug, "role": x.role}
            for x in p.partners
        ],
        "countries": list(p.countries),
        "milestones": [_milestone_mapping(m) for m in p.milestones],
        "benefits": list(p.benefits),
        "challenges": list(p.challenges),
        "description": p.description,
        "caveats": p.caveats,
        "citations": [
            {"publisher": c.publisher, "title": c.title, "url": c.url} for c in p.citations
        ],
        "checked": p.checked,
        **({"years_source": p.years_source} if p.years_source is not None else {}),
        **({"sides": [list(side) for side in p.sides]} if p.sides else {}),
        **({"planned": plan_to_mapping(p.planned)} if p.planned else {}),
    }


def _milestone_mapping(m: Milestone) -> dict[str, Any]:
    out: dict[str, Any] = {"year": m.year, "event": m.event}
    if m.source is not None:
        out["source"] = m.source
    return out


def partner_to_mapping(p: Partner) -> dict[str, Any]:
    return {
        "slug": p.slug,
        "name": p.name,
        "full_name": p.full_name,
        "country": p.country,
        "kind": p.kind,
        "aliases": list(p.aliases),
    }


def partner_from_mapping(item: Any) -> Partner | None:
    """A partner record from JSON or a pack, or None when it lacks a slug or a name."""
    if not isinstance(item, Mapping) or not item.get("slug") or not item.get("name"):
        return None
    kind = str(item.get("kind") or "other")
    return Partner(
        slug=str(item["slug"]),
        name=str(item["name"]),
        full_name=str(item.get("full_name") or item["name"]),
        country=str(item.get("country") or ""),
        kind=kind if kind in PARTNER_KINDS else "other",
        aliases=tuple(str(a) for a in item.get("aliases") or ()),
    )


def normalised(p: Partnership) -> Partnership:
    """The record as the database gives it back (tags once each, in order)."""
    return replace(
        p, benefits=tuple(dict.fromkeys(p.benefits)), challenges=tuple(dict.fromkeys(p.challenges))
    )


def changed_fields(new: Partnership, old: Partnership) -> tuple[str, ...]:
    """The content fields whose values differ, in field order."""
    return tuple(name for name in CONTENT_FIELDS if getattr(new, name) != getattr(old, name))


def classify(new: Partnership, old: Partnership | None) -> tuple[Status, tuple[str, ...]]:
    """new / changed (with the changed fields) / unchanged, against the stored record."""
    if old is None:
        return "new", ()
    diff = changed_fields(new, old)
    return ("changed", diff) if diff else ("unchanged", ())


def as_teacher_version(new: Partnership, old: Partnership | None) -> Partnership:
    """How a teacher's version is stored: a new slug is the teacher's own (origin 'user');
    a changed bundled one stays 'bundled' and is marked edited, so refreshes leave it."""
    if old is None or old.origin in ("user", "shared"):  # a shared one: the teacher's copy
        return replace(new, origin="user", edited=False)
    return replace(new, origin=old.origin, edited=True)
