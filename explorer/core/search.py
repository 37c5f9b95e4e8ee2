"""Search text handling: user text -> a safe FTS5 query, typo suggestions, facets.

Any text a user can type is turned into quoted FTS5 terms, so quotes, `*`, `-`, `NEAR`,
`AND`, emoji or 10,000 characters can never become query syntax or an error.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

WORD_RE = re.compile(r"[^\W_]+", re.UNICODE)
MAX_WORDS = 16
MAX_WORD_LENGTH = 48
HIGHLIGHT_OPEN, HIGHLIGHT_CLOSE = "[[", "]]"


def query_words(text: str) -> list[str]:
    """The words of `text`, lowercased, punctuation and symbols dropped."""
    words = [w.lower()[:MAX_WORD_LENGTH] for w in WORD_RE.findall(text)]
    return words[:MAX_WORDS]


def fts_query(text: str, *, prefix_last: bool = True, any_word: bool = False) -> str | None:
    """Build an FTS5 MATCH expression; None when the text has no searchable word.

    The last word becomes a prefix (search as you type) unless the text ends in a space.
    """
    words = query_words(text)
    if not words:
        return None
    terms = [f'"{w}"' for w in words]
    if prefix_last and not text[-1:].isspace() and len(words[-1]) >= 2:
        terms[-1] += "*"
    return (" OR " if any_word else " ").join(terms)


def suggest_words(words: Iterable[str], vocabulary: Iterable[str]) -> list[str]:
    """Replace each word that is not in the vocabulary by its closest known word."""
    known = set(vocabulary)
    pool = sorted(known)
    out = []
    for word in words:
        if word in known or len(word) < 3:
            out.append(word)
            continue
        close = difflib.get_close_matches(word, pool, n=1, cutoff=0.75)
        out.append(close[0] if close else word)
    return out


def split_highlights(snippet: str) -> list[tuple[str, bool]]:
    """'a [[b]] c' -> [('a ', False), ('b', True), (' c', False)]."""
    parts: list[tuple[str, bool]] = []
    pattern = re.escape(HIGHLIGHT_OPEN) + r"(.*?)" + re.escape(HIGHLIGHT_CLOSE)
    position = 0
    for match in re.finditer(pattern, snippet, re.DOTALL):
        if match.start() > position:
            parts.append((snippet[position : match.start()], False))
        parts.append((match.group(1), True))
        position = match.end()
    if position < len(snippet):
        parts.append((snippet[position:], False))
    return parts


FACETS = ("type", "domain", "status", "decade", "partner")


@dataclass(frozen=True, slots=True)
class FacetRow:
    """What filters look at for one partnership."""

    slug: str
    type: str
    domain: str
    status: str
    start_year: int
    end_year: int | None
    partners: frozenset[str] = frozenset()

    def decades(self, this_year: int) -> range:
        last = self.end_year
        if last is None:
            last = self.start_year if self.status == "planned" else max(this_year, self.start_year)
        return range(self.start_year // 10 * 10, last // 10 * 10 + 1, 10)


@dataclass(frozen=True, slots=True)
class Filters:
    """Chosen filter values; an empty set means 'any'."""

    type: frozenset[str] = frozenset()
    domain: frozenset[str] = frozenset()
    status: frozenset[str] = frozenset()
    decade: frozenset[int] = frozenset()
    partner: frozenset[str] = frozenset()
    this_year: int = field(default=2026, compare=False)

    def is_empty(self) -> bool:
        return not (self.type or self.domain or self.status or self.decade or self.partner)

    def accepts(self, row: FacetRow, *, skip: str = "") -> bool:
        checks = {
            "type": lambda: row.type in self.type,
            "domain": lambda: row.domain in self.domain,
            "status": lambda: row.status in self.status,
            "decade": lambda: any(d in self.decade for d in row.decades(self.this_year)),
            "partner": lambda: bool(row.partners & self.partner),
        }
        return all(
            check() for name, check in checks.items() if name != skip and getattr(self, name)
        )


def facet_counts(rows: Iterable[FacetRow], filters: Filters) -> dict[str, Counter[object]]:
    """For each facet, how many rows each value would give with the *other* filters kept."""
    counts: dict[str, Counter[object]] = {name: Counter() for name in FACETS}
    for row in rows:
        for name in FACETS:
            if not filters.accepts(row, skip=name):
                continue
            counter = counts[name]
            if name == "decade":
                counter.update(row.decades(filters.this_year))
            elif name == "partner":
                counter.update(row.partners)
            else:
                counter[getattr(row, name)] += 1
    return counts


def filter_rows(rows: Mapping[str, FacetRow], filters: Filters) -> set[str]:
    return {slug for slug, row in rows.items() if filters.accepts(row)}
