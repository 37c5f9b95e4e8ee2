"""Search text handling: user text -> a safe FTS5 query, typo suggestions, facets.

Any text a user can type is turned into quoted FTS5 terms, so quotes, `*`, `-`, `NEAR`,
`AND`, emoji or 10,000 characters can never become query syntax or an error.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

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
    typing = prefix_last and not text[-1:].isspace()
    if typing and len(words) > 1 and len(words[-1]) == 1:
        words = words[:-1]  # "lunar s": wait for the second letter before narrowing
        typing = False
    terms = [f'"{w}"' for w in words]
    if typing:
        terms[-1] = _prefix_term(words[-1])
    return (" OR " if any_word else " AND ").join(terms)


def _prefix_term(word: str) -> str:
    """A word still being typed. The index holds porter stems ("docking" -> "dock"), so a
    prefix longer than the stem ("dockin") would miss: shorter prefixes are tried too."""
    if len(word) < 5:
        return f'"{word}"*'
    shorter = [word[:cut] for cut in (len(word), len(word) - 1, len(word) - 2)]
    return "(" + " OR ".join(f'"{p}"*' for p in shorter) + ")"


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


def _stem(word: str) -> str:
    """A light stemmer: "partnerships" finds "partnership", "missions" finds "mission"."""
    return word[: max(4, len(word) - 2)] if len(word) > 4 else word


def make_snippet(text: str, words: list[str], width: int = 180) -> str:
    """The stretch of `text` with the most matched words, matches wrapped in [[ and ]].

    Computed in Python for the few hits shown: FTS5's snippet() would be evaluated for
    every matching row, which is too slow for search as you type.
    """
    if not text:
        return ""
    stems = sorted({_stem(w) for w in words}, key=len, reverse=True)
    pattern = (
        re.compile(r"(?<![^\W_])(?:" + "|".join(map(re.escape, stems)) + r")[^\W_]*", re.IGNORECASE)
        if stems
        else None
    )
    found = list(pattern.finditer(text)) if pattern else []
    start = 0
    if found:
        positions = [m.start() for m in found]
        best = max(positions, key=lambda p: sum(1 for q in positions if p <= q < p + width))
        start = max(0, best - 40)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < best else start
    end = min(len(text), start + width)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    out, position = [], start
    for match in found:
        if match.start() >= start and match.end() <= end:
            out.append(text[position : match.start()])
            out.append(f"{HIGHLIGHT_OPEN}{match.group()}{HIGHLIGHT_CLOSE}")
            position = match.end()
    out.append(text[position:end])
    return ("…" if start else "") + "".join(out) + ("…" if end < len(text) else "")


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
    #: the decades the partnership spans (active ones run to this year)
    decade: frozenset[int] = frozenset()

    @classmethod
    def make(
        cls,
        slug: str,
        type: str,
        domain: str,
        status: str,
        start_year: int,
        end_year: int | None,
        partners: frozenset[str],
        this_year: int,
    ) -> FacetRow:
        last = end_year
        if last is None:
            last = start_year if status == "planned" else max(this_year, start_year)
        decades = frozenset(range(start_year // 10 * 10, last // 10 * 10 + 1, 10))
        return cls(slug, type, domain, status, start_year, end_year, partners, decades)


@dataclass(frozen=True, slots=True)
class Filters:
    """Chosen filter values; an empty set means 'any'."""

    type: frozenset[str] = frozenset()
    domain: frozenset[str] = frozenset()
    status: frozenset[str] = frozenset()
    decade: frozenset[int] = frozenset()
    partner: frozenset[str] = frozenset()

    def is_empty(self) -> bool:
        return not (self.type or self.domain or self.status or self.decade or self.partner)

    def failing(self, row: FacetRow) -> list[str]:
        """The names of the filters that reject `row`."""
        failed = []
        if self.type and row.type not in self.type:
            failed.append("type")
        if self.domain and row.domain not in self.domain:
            failed.append("domain")
        if self.status and row.status not in self.status:
            failed.append("status")
        if self.decade and not row.decade & self.decade:
            failed.append("decade")
        if self.partner and not row.partners & self.partner:
            failed.append("partner")
        return failed

    def accepts(self, row: FacetRow) -> bool:
        return not self.failing(row)


def facet_counts(rows: Iterable[FacetRow], filters: Filters) -> dict[str, Counter[object]]:
    """For each facet, how many rows each value would give with the *other* filters kept.

    A row rejected by exactly one filter still counts for that filter's own values, so
    the user sees what switching that filter would show.
    """
    if filters.is_empty():
        rows = list(rows)
        return {
            "type": Counter(row.type for row in rows),
            "domain": Counter(row.domain for row in rows),
            "status": Counter(row.status for row in rows),
            "decade": Counter(d for row in rows for d in row.decade),
            "partner": Counter(p for row in rows for p in row.partners),
        }
    values: dict[str, list[object]] = {name: [] for name in FACETS}
    for row in rows:
        failed = filters.failing(row)
        if len(failed) > 1:
            continue
        names = failed or FACETS
        for name in names:
            if name == "decade":
                values[name].extend(row.decade)
            elif name == "partner":
                values[name].extend(row.partners)
            else:
                values[name].append(getattr(row, name))
    return {name: Counter(found) for name, found in values.items()}
