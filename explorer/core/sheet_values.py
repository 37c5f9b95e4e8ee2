"""Values as spreadsheets write them: years inside dates, dates in the common forms,
country names, and formula cells.

    year_of("Fri Aug 07, 2020 05:12 UTC")   -> (2020, None)
    year_of("8/6/2020")                      -> (2020, Finding(... ambiguous ..., problem=False))
    country_code("United States")            -> ("US", None)

Dates are read with python-dateutil; countries with content/countries.yaml and
content/country_aliases.yaml (both made from ISO 3166 through pycountry). Pure functions:
nothing here knows which column a value came from.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import yaml
from dateutil import parser as date_parser
from slugify import slugify

from explorer.core.paths import bundled_content_dir
from explorer.core.regions import countries

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover
    from yaml import SafeLoader  # type: ignore[assignment]

YEAR_RE = re.compile(r"^\d{1,4}(?:\.0+)?$")
#: Excel and LibreOffice store a date as the days since 1899-12-30; five digits cover
#: 1927-2173, and a time of day is the fraction
SERIAL_RE = re.compile(r"^\d{5}(?:\.\d+)?$")
SERIAL_EPOCH = date(1899, 12, 30)
ISO_DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")
NUMERIC_DATE_RE = re.compile(r"^(\d{1,2})([/.\-])(\d{1,2})\2(\d{2}|\d{4})\b")
FOUR_DIGITS_RE = re.compile(r"(?<!\d)\d{4}(?!\d)")
#: cells a spreadsheet would run as a formula (OWASP's CSV injection list)
FORMULA_LEADERS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_RE = re.compile(r"^[+-]?\d[\d,. ]*%?$")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True, slots=True)
class Finding:
    """What reading a cell found: a problem (the row cannot be imported as it is) or a
    note (it can, but the teacher should know)."""

    message: str  # the value quoted
    reason: str  # the same without the value, to count the rows that share it
    problem: bool = True


# -- years and dates --------------------------------------------------------------------


def year_of(text: str) -> tuple[int | str | None, Finding | None]:
    """A year cell: '1997', '1997.0', a date in a common form, or a spreadsheet's date
    number -> the year. Empty -> None. Anything else comes back as it is, with a problem."""
    text = text.strip()
    if not text:
        return None, None
    if YEAR_RE.match(text):
        return int(float(text)), None
    if SERIAL_RE.match(text):
        day = serial_date(text)
        return day.year, Finding(
            f"'{text}' was read as a spreadsheet date number: {day.isoformat()}",
            "a spreadsheet date number was read as a date",
            problem=False,
        )
    parsed, finding = _parse_date(text)
    if parsed is None:
        return text, finding
    return parsed.year, finding


def date_of(text: str) -> tuple[str, Finding | None]:
    """A date cell -> 'YYYY-MM-DD' ('' when empty); a form that is not ISO is converted,
    with a note when day and month could be either way round."""
    text = text.strip()
    if not text:
        return "", None
    iso = ISO_DATE_RE.match(text)
    if iso and _valid(*map(int, iso.groups())):
        return text[:10], None
    if SERIAL_RE.match(text):
        return serial_date(text).isoformat(), None
    if YEAR_RE.match(text):
        return text, Finding(
            f"'{text}' is a year, not a date (write it like 2026-11-26)", "a year, not a date"
        )
    parsed, finding = _parse_date(text)
    if parsed is None:
        return text, finding
    return parsed.date().isoformat(), finding


def serial_date(text: str) -> date:
    return SERIAL_EPOCH + timedelta(days=int(float(text)))


def _valid(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=4096)
def _parse_date(text: str) -> tuple[datetime | None, Finding | None]:
    numeric = NUMERIC_DATE_RE.match(text)
    if numeric and len(numeric.group(4)) == 2:
        return None, Finding(
            f"'{text}' has a two-digit year; write the year in full (1957, not 57)",
            "a date with a two-digit year",
        )
    dayfirst = numeric is not None and numeric.group(2) == "."  # 06.08.2020: day first
    try:
        parsed = date_parser.parse(text, dayfirst=dayfirst, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        parsed = None
    if parsed is None or str(parsed.year) not in FOUR_DIGITS_RE.findall(text):
        return None, Finding(f"'{text}' is not a year or a date", "not a year or a date")
    return parsed, _ambiguity(text, numeric, parsed)


def _ambiguity(text: str, numeric: re.Match[str] | None, parsed: datetime) -> Finding | None:
    """8/6/2020 is 6 August in the US and 8 June in Europe: say which was taken."""
    if numeric is None:
        return None
    first, second = int(numeric.group(1)), int(numeric.group(3))
    if first > 12 or second > 12 or first == second:
        return None
    other = date(parsed.year, parsed.day, parsed.month)
    return Finding(
        f"'{text}': day and month could be either way round; read as "
        f"{_spoken(parsed.date())}, not {_spoken(other)}",
        "day and month could be either way round",
        problem=False,
    )


def _spoken(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


# -- countries --------------------------------------------------------------------------


def _key(text: str) -> str:
    return slugify(text, separator="")


@functools.cache
def _country_index() -> Mapping[str, str]:
    """Every spelling we know (codes, names, aliases; case, accents and dots aside)."""
    path = bundled_content_dir() / "country_aliases.yaml"
    aliases = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader) or {}
    index = {_key(str(alias)): str(code) for alias, code in aliases.items()}
    for code, country in countries().items():
        index[_key(country.name)] = code
        index[_key(code)] = code
    index["intl"] = "intl"
    return index


@functools.lru_cache(maxsize=2048)
def country_code(text: str) -> tuple[str, Finding | None]:
    """'USA', 'United States', 'us' -> 'US'; 'intl' (a body of nations) stays 'intl'."""
    text = text.strip()
    found = _country_index().get(_key(text))
    if found is not None:
        return found, None
    return text, Finding(
        f"'{text}' is not a country we know (write a name like Japan or a code like JP)",
        "not a country we know",
    )


# -- formulas -----------------------------------------------------------------------------


def looks_like_formula(cell: str) -> bool:
    """A cell a spreadsheet would run ('=HYPERLINK(...)', '@SUM(A1)', '+cmd'); a plain
    negative or signed number ('-5', '+3.2') is not one."""
    if not cell or cell[0] not in FORMULA_LEADERS:
        return False
    return not (cell[0] in "+-" and NUMBER_RE.match(cell))


def neutralised(cell: str) -> str:
    """The cell as a CSV export writes it: one that starts like a formula gets a leading
    single quote, so a spreadsheet shows it as text instead of running it (OWASP)."""
    return "'" + cell if cell and cell[0] in FORMULA_LEADERS else cell


def unneutralised(cell: str) -> str:
    """The inverse on import: "'=SUM(A1)" as our export wrote it -> '=SUM(A1)'."""
    return cell[1:] if cell[:1] == "'" and cell[1:2] in FORMULA_LEADERS and cell[1:] else cell
