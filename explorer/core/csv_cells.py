"""One CSV cell -> a content value, and the values a row leaves out worked out from the
others (the status from the years, the type from the partners, an empty domain).

Each reader returns the value and what it found (`sheet_values.Finding`: a problem, or a
note the teacher should see). Partner names are resolved by `PartnerResolver`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from explorer.core import csv_columns as cols
from explorer.core.lessons import SLUG_RE
from explorer.core.models import Partner
from explorer.core.sheet_values import Finding, country_code, date_of, year_of

#: what a type is worked out as, by the kinds of the partners
PUBLIC_KINDS = frozenset({"space-agency", "intergovernmental", "government", "academic"})
NOT_SET = "not-set"


class PartnerResolver:
    """Partner names in cells -> partners; remembers the ones it had to create."""

    def __init__(self, partners: Mapping[str, Partner]) -> None:
        self.partners: dict[str, Partner] = dict(partners)
        self.created: dict[str, Partner] = {}
        self._index: dict[str, str] = {}
        for attribute in ("name", "full_name", "aliases"):
            for partner in partners.values():
                value = getattr(partner, attribute)
                for text in value if isinstance(value, tuple) else (value,):
                    if text:
                        self._index.setdefault(text.casefold(), partner.slug)

    def resolve(self, text: str) -> str | None:
        text = text.strip()
        if text in self.partners:
            return text
        found = self._index.get(text.casefold())
        if found is None and cols.slugify(text) in self.partners:
            found = cols.slugify(text)
        return found

    def resolve_or_create(self, text: str) -> Partner:
        slug = self.resolve(text)
        if slug is not None:
            return self.partners[slug]
        slug = cols.slugify(text) or "partner-" + hashlib.sha1(text.encode()).hexdigest()[:8]
        partner = Partner(slug=slug, name=text.strip(), full_name=text.strip())
        self.partners[slug] = self.created[slug] = partner
        self._index[text.strip().casefold()] = slug
        return partner

    def display(self, partner: Partner) -> str:
        """The name to write in a cell: the short name when it reads back as this partner."""
        return partner.name if self.resolve(partner.name) == partner.slug else partner.slug


Reader = Callable[[str, PartnerResolver], tuple[Any, list[Finding]]]


def _slug(cell: str, _: PartnerResolver) -> tuple[str, list[Finding]]:
    if cell and not SLUG_RE.match(cell):
        return cell, [
            Finding(
                f"'{cell}' is not a valid slug (lowercase letters, digits and hyphens, "
                "e.g. my-mission)",
                "not a valid slug",
            )
        ]
    return cell, []


def _tags(cell: str, _: PartnerResolver) -> tuple[list[str], list[Finding]]:
    return list(dict.fromkeys(cols.token(t) for t in cols.split_list(cell))), []


def _partners(cell: str, resolver: PartnerResolver) -> tuple[list[Any], list[Finding]]:
    out: list[Any] = []
    for entry in cols.split_list(cell):
        text, role = cols.partner_entry(entry)
        slug = resolver.resolve_or_create(text).slug
        out.append({"partner": slug, "role": role} if role else slug)
    return out, []


def _countries(cell: str, _: PartnerResolver) -> tuple[list[str], list[Finding]]:
    codes, findings = [], []
    for entry in cols.split_list(cell):
        code, finding = country_code(entry)
        codes.append(code)
        findings += [finding] if finding else []
    return list(dict.fromkeys(codes)), findings


def _milestones(cell: str, _: PartnerResolver) -> tuple[list[dict[str, Any]], list[Finding]]:
    out, findings = [], []
    for entry in cols.split_list(cell):
        milestone = cols.milestone_entry(entry)
        if milestone is None:
            findings.append(Finding(f"'{entry}' should be 'YEAR: event'", "not 'YEAR: event'"))
        else:
            out.append(milestone)
    return out, findings


def _citations(cell: str, _: PartnerResolver) -> tuple[list[dict[str, str]], list[Finding]]:
    return [cols.citation_entry(entry) for entry in cols.split_list(cell)], []


def _year(cell: str, _: PartnerResolver) -> tuple[int | str | None, list[Finding]]:
    value, finding = year_of(cell)
    return value, [finding] if finding else []


def _date(cell: str, _: PartnerResolver) -> tuple[str, list[Finding]]:
    value, finding = date_of(cell)
    return value, [finding] if finding else []


def _token(cell: str, _: PartnerResolver) -> tuple[str, list[Finding]]:
    return cols.token(cell), []


#: how each list or typed column is read: (cell, resolver) -> (value, findings)
READERS: dict[str, Reader] = {
    "slug": _slug,
    "start_year": _year,
    "end_year": _year,
    "type": _token,
    "status": _token,
    "domain": _token,
    "benefits": _tags,
    "challenges": _tags,
    "partners": _partners,
    "countries": _countries,
    "milestones": _milestones,
    "citations": _citations,
    "checked": _date,
}


def read_cell(field: str, cell: str, resolver: PartnerResolver) -> tuple[Any, list[Finding]]:
    reader = READERS.get(field)
    return (cell, []) if reader is None else reader(cell, resolver)


# -- values worked out from the others ----------------------------------------------------


def derive(
    values: dict[str, Any], partners: Mapping[str, Partner], this_year: int
) -> dict[str, tuple[str, str]]:
    """The empty ones of status, type and domain, worked out: field -> (value, why)."""
    found: dict[str, tuple[str, str]] = {}
    if values.get("status") in (None, ""):
        status = derived_status(values.get("start_year"), values.get("end_year"), this_year)
        if status is not None:
            found["status"] = status
    if values.get("type") in (None, ""):
        kinds = [_kind(entry, partners) for entry in values.get("partners") or ()]
        if kinds:
            found["type"] = derived_type(kinds)
    if values.get("domain") in (None, ""):
        found["domain"] = (NOT_SET, "no domain given")
    return found


def derived_status(start: Any, end: Any, this_year: int) -> tuple[str, str] | None:
    """From the years: ended in the past -> completed; starts in the future -> planned;
    no end -> active. None when the start year is not a year."""
    if not isinstance(start, int):
        return None
    if start > this_year:
        return "planned", f"starts in {start}"
    if isinstance(end, int) and end < this_year:
        return "completed", f"ended in {end}"
    return "active", f"runs until {end}" if isinstance(end, int) else "no end year"


def derived_type(kinds: Sequence[str]) -> tuple[str, str]:
    """From the kinds of the partners: a company beside anyone -> public-private; three
    or more, or a body of nations -> multilateral; else bilateral."""
    one = len(kinds) == 1
    if "company" in kinds:
        return "public-private", "the one partner is a company" if one else "a company is a partner"
    if "intergovernmental" in kinds:
        return "multilateral", "a body of nations is a partner"
    if len(kinds) >= 3:
        return "multilateral", f"{len(kinds)} partners"
    return "bilateral", "one partner" if one else "2 partners"


def _kind(entry: Any, partners: Mapping[str, Partner]) -> str:
    slug = entry if isinstance(entry, str) else str(entry.get("partner", ""))
    partner = partners.get(slug)
    return partner.kind if partner is not None else "other"
