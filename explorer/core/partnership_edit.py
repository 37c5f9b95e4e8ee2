"""The partnership form's rules, without Qt: each problem filed under the field it belongs
to (so the form shows it next to that field)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from explorer.core.content import check_partnership_fields
from explorer.core.lessons import SLUG_RE
from explorer.core.models import Partner

#: fields a check names that the form shows in another place
_FORM_PLACE = {"years_source": "citations", "sides": "partners", "planned": "citations"}
COUNTRY_RE = re.compile(r"^(?:[A-Z]{2}|intl)$")


def field_errors(
    item: Mapping[str, Any],
    partners: Mapping[str, Partner],
    *,
    taken: Iterable[str] = (),
) -> dict[str, list[str]]:
    """Every problem with a form's values, by field. `taken` are slugs already in use
    (for a new record)."""
    errors: dict[str, list[str]] = {}
    for field, message in [
        *_shared_checks(item),
        *_slug_checks(item, taken),
        *_list_checks(item, partners),
    ]:
        if not (field == "slug" and "slug" in errors):
            errors.setdefault(field, []).append(message)
    return errors


def _shared_checks(item: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """check_partnership_fields, as sentences for the form (a milestone without a year or
    event, and an unknown partner, are said better by the form's own checks below)."""
    for problem in check_partnership_fields(item):
        if problem.field == "partners" or problem.reason == "a milestone needs a year and an event":
            continue
        place = _FORM_PLACE.get(problem.field, problem.field)
        yield place, "Required." if problem.missing else _sentence(problem.message)


def _slug_checks(item: Mapping[str, Any], taken: Iterable[str]) -> Iterator[tuple[str, str]]:
    slug = str(item.get("slug") or "")
    if slug and not SLUG_RE.match(slug):
        yield "slug", "Use lowercase words joined by hyphens, like 'mars-sample-return'."
    elif slug and slug in set(taken):
        yield "slug", f"A partnership with the slug '{slug}' already exists."


def _list_checks(
    item: Mapping[str, Any], partners: Mapping[str, Partner]
) -> Iterator[tuple[str, str]]:
    for entry in item.get("partners") or ():
        slug = entry if isinstance(entry, str) else str(entry.get("partner", ""))
        if slug not in partners:
            yield "partners", f"Unknown partner '{slug}'."
    for number, milestone in enumerate(item.get("milestones") or (), start=1):
        if not isinstance(milestone, Mapping):
            yield "milestones", f"Milestone {number} needs a year and an event."
            continue
        year = milestone.get("year")
        if not isinstance(year, int) or isinstance(year, bool):
            yield "milestones", f"Milestone {number} needs a year (a whole number)."
        if not str(milestone.get("event") or "").strip():
            yield "milestones", f"Milestone {number} needs an event."
    for code in item.get("countries") or ():
        if not COUNTRY_RE.match(str(code)):
            yield "countries", f"'{code}' is not a two-letter country code (or 'intl')."


def _sentence(message: str) -> str:
    """A check's message as a sentence for the form: 'end year 1990 is before ...' ->
    'End year 1990 is before ...'."""
    text = message[0].upper() + message[1:]
    return text if text.endswith((".", "?", "!")) else text + "."


def year_value(text: str) -> int | str | None:
    """What a year box holds: a whole number, None when empty, else the text itself (so
    the check can say what is wrong with it)."""
    stripped = text.strip()
    if not stripped:
        return None
    return int(stripped) if re.fullmatch(r"-?\d{1,6}", stripped) else stripped
