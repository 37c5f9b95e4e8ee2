"""Full-text search over partnerships and lessons (SQLite FTS5 with porter stemming)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlite_utils import Database

from explorer.core.models import Lesson, SearchHit
from explorer.core.search import (
    HIGHLIGHT_OPEN,
    Filters,
    facet_counts,
    fts_query,
    make_snippet,
    query_words,
    suggest_words,
)
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore

VOCABULARY_WORD_RE = re.compile(r"[^\W\d_]{3,}")
SNIPPET_SCAN = 6000  # characters of a lesson body searched for a snippet
SINGLE_LETTER_RE = re.compile(r'^"[^\W_]"\*$')
MARKUP_RE = re.compile(r"\]\([^)]*\)|[#*_`>|\[\]!]|^\s*!!!.*$|^-{3,}$", re.MULTILINE)


def plain_text(markdown_text: str) -> str:
    """Markdown body -> words to index (link targets and markup dropped)."""
    return " ".join(MARKUP_RE.sub(" ", markdown_text).split())


def index_lessons(db: Database, lessons: Iterable[Lesson]) -> int:
    """Bring the lesson index in line with the files; returns how many rows changed."""
    current = {row["slug"]: row["hash"] for row in db.query("select slug, hash from lessons")}
    rows = []
    seen = set()
    for lesson in lessons:
        seen.add(lesson.slug)
        digest = hashlib.sha1(
            f"{lesson.title}\0{lesson.summary}\0{lesson.body}\0{lesson.source_path}".encode()
        ).hexdigest()
        if current.get(lesson.slug) == digest:
            continue
        rows.append(
            {
                "slug": lesson.slug,
                "title": lesson.title,
                "section": lesson.section,
                "ord": lesson.order,
                "summary": lesson.summary,
                "body_text": plain_text(lesson.body),
                "path": str(lesson.source_path or ""),
                "origin": lesson.origin,
                "hash": digest,
            }
        )
    gone = [slug for slug in current if slug not in seen]
    if rows or gone:
        with writing(db):
            db.table("lessons").upsert_all(rows, pk="slug")
            for slug in gone:
                db.execute("delete from lessons where slug = ?", [slug])
            refresh_vocabulary(db)
    return len(rows) + len(gone)


def refresh_vocabulary(db: Database) -> None:
    """Known words (3+ letters) from names, titles and text, for 'did you mean'."""
    words: set[str] = set()
    for sql in (
        "select name || ' ' || coalesce(partner_names, '') || ' ' || "
        "coalesce(description, '') from partnerships",
        "select title || ' ' || coalesce(summary, '') || ' ' || body_text from lessons",
    ):
        for (text,) in db.execute(sql):
            words.update(VOCABULARY_WORD_RE.findall(text.lower()))
    db.execute("delete from vocabulary")
    db.conn.executemany("insert into vocabulary (word) values (?)", ((w,) for w in words))


@dataclass(frozen=True, slots=True)
class SearchResults:
    hits: tuple[SearchHit, ...] = ()
    #: matching partnerships after filters (all of them, not just the hits shown)
    partnership_count: int = 0
    #: the words actually searched for, when they differ from what was typed
    corrected: str = ""
    #: the FTS5 query that produced these hits (None: no words, everything matched)
    query: str | None = None

    def of_kind(self, kind: str) -> list[SearchHit]:
        return [hit for hit in self.hits if hit.kind == kind]


class SearchIndex:
    """Search as you type over partnerships and lessons.

    `search()` is the per-keystroke path: ranked hits and a count. `facets()` counts the
    values of each filter for the same query; it costs more over a large catalog, so the
    window runs it once typing pauses.
    """

    #: above this many matches only name matches are ranked; the rest follow unranked
    #: (the bundled catalog has 118 partnerships: this is for very large teacher catalogs)
    BROAD = 1000

    def __init__(self, db: Database, partnerships: PartnershipStore) -> None:
        self.db = db
        self.partnerships = partnerships
        self._vocabulary: list[str] | None = None
        self._allowed: dict[Filters, frozenset[int]] = {}
        self._generation = partnerships.generation

    def _fresh(self) -> None:
        """Forget the caches when the store has (its generation moved on)."""
        if self._generation != self.partnerships.generation:
            self._generation = self.partnerships.generation
            self._vocabulary = None
            self._allowed.clear()

    def _accepted(self, filters: Filters) -> frozenset[int]:
        """The rowids the filters keep, worked out once per set of filters."""
        self._fresh()
        if filters not in self._allowed:
            rows = self.partnerships.facet_rows()
            if len(self._allowed) > 32:
                self._allowed.clear()
            self._allowed[filters] = frozenset(
                rowid for rowid, row in rows.items() if filters.accepts(row)
            )
        return self._allowed[filters]

    def vocabulary(self) -> list[str]:
        self._fresh()
        if self._vocabulary is None:
            self._vocabulary = [row[0] for row in self.db.execute("select word from vocabulary")]
        return self._vocabulary

    def search(self, text: str, filters: Filters | None = None, limit: int = 50) -> SearchResults:
        """Ranked lessons and partnerships for raw user text.

        When nothing matches, each word is replaced by its closest known word, then any
        word may match; `corrected` says what was searched instead.
        """
        filters = filters or Filters()
        words = query_words(text)
        results = self._search(fts_query(text), filters, limit, words)
        if results.hits or not words:
            return results
        corrected = suggest_words(words, self.vocabulary())
        attempts = []
        if corrected != words:
            attempts.append((fts_query(" ".join(corrected)), " ".join(corrected)))
        if len(corrected) > 1:
            attempts.append(
                (
                    fts_query(" ".join(corrected), any_word=True, prefix_last=False),
                    " or ".join(corrected),
                )
            )
        for query, label in attempts:
            retry = self._search(query, filters, limit, corrected)
            if retry.hits:
                return replace(retry, corrected=label)
        return results

    def facets(
        self, query: str | None, filters: Filters | None = None
    ) -> dict[str, Counter[object]]:
        """For each filter, how many partnerships each value would show (see facet_counts)."""
        rows = self.partnerships.facet_rows()
        matching = self._matching(query)
        return facet_counts((rows[r] for r in matching if r in rows), filters or Filters())

    def _matching(self, query: str | None) -> list[int]:
        if query is None:
            return list(self.partnerships.facet_rows())
        return [
            rowid
            for (rowid,) in self.db.execute(
                "select rowid from partnerships_fts where partnerships_fts match ?",
                [_scoped(query, "name")],
            )
        ]

    def _search(
        self, query: str | None, filters: Filters, limit: int, typed: list[str] | None = None
    ) -> SearchResults:
        rows = self.partnerships.facet_rows()
        matching = self._matching(query)
        if filters.is_empty():
            shown = matching
        else:
            accepted = self._accepted(filters)
            shown = [r for r in matching if r in accepted]
        if query is None:
            top = sorted(shown, key=lambda r: (rows[r].start_year, rows[r].slug))[:limit]
            return SearchResults(tuple(self._plain_hits(top)), len(shown), query=None)
        words = list(dict.fromkeys(re.findall(r'"([^"]+)"', query)))
        ranked = self._rank(query, shown, len(matching), limit)
        hits = self._snippet_hits(words, ranked)
        if filters.is_empty():  # filters describe partnerships: lessons step aside
            hits += self._lesson_hits(query, words, limit)
        typed = typed or []
        # a title holding the words as typed beats a stemmed prefix match ("mars" is also
        # "mar*", which finds "Marco" and "March"): ExoMars before San Marco
        hits.sort(key=lambda hit: (-sum(w in hit.title.lower() for w in typed), hit.rank))
        return SearchResults(tuple(hits), len(shown), query=query)

    def _rank(
        self, query: str, shown: list[int], matched: int, limit: int
    ) -> list[tuple[int, float]]:
        """The best `limit` of `shown` (the matches the filters keep), by bm25."""
        ranking = (
            "select rowid, bm25(partnerships_fts, 10.0, 4.0, 1.0, 2.0) as score "
            "from partnerships_fts where partnerships_fts match ? order by score"
        )
        unfiltered = len(shown) == matched
        broad = matched > self.BROAD
        if broad:  # a word still being typed: rank the name matches, then the rest
            query = _scoped(query, "name", force=True)
        allowed = None if unfiltered else set(shown)
        ranked: list[tuple[int, float]] = []
        for rowid, score in self.db.execute(ranking, [_scoped(query, "name")]):
            if allowed is None or rowid in allowed:
                ranked.append((rowid, score))
                if len(ranked) == limit:
                    return ranked
        if broad:
            seen = {rowid for rowid, _ in ranked}
            ranked += [(rowid, 0.0) for rowid in shown if rowid not in seen][: limit - len(ranked)]
        return ranked

    def _snippet_hits(self, words: list[str], top: list[tuple[int, float]]) -> list[SearchHit]:
        found = self._rows(
            "select rowid, slug, name, description from partnerships", [rowid for rowid, _ in top]
        )
        hits = []
        for rowid, score in top:
            if rowid in found:
                slug, name, description = found[rowid]
                hits.append(
                    SearchHit(
                        "partnership", slug, name, make_snippet(description or name, words), score
                    )
                )
        return hits

    def _plain_hits(self, top: list[int]) -> list[SearchHit]:
        found = self._rows("select rowid, slug, name, description from partnerships", top)
        return [
            SearchHit("partnership", found[r][0], found[r][1], _short(found[r][2] or ""))
            for r in top
            if r in found
        ]

    def _lesson_hits(self, query: str, words: list[str], limit: int) -> list[SearchHit]:
        top = list(
            self.db.execute(
                "select rowid, bm25(lessons_fts, 10.0, 4.0, 1.0) as score from lessons_fts "
                "where lessons_fts match ? order by score limit ?",
                [_scoped(query, "title"), limit],
            )
        )
        found = self._rows(
            "select rowid, slug, title, summary, body_text from lessons",
            [rowid for rowid, _ in top],
        )
        hits = []
        for rowid, score in top:
            if rowid in found:
                slug, title, summary, body = found[rowid]
                snippet = make_snippet(summary, words)
                if HIGHLIGHT_OPEN not in snippet:
                    # the opening of a long lesson is enough for a one-line snippet
                    snippet = make_snippet(body[:SNIPPET_SCAN], words) or summary
                hits.append(SearchHit("lesson", slug, title, snippet, score))
        return hits

    def _rows(self, select: str, rowids: list[int]) -> dict[int, tuple[Any, ...]]:
        if not rowids:
            return {}
        marks = ",".join("?" * len(rowids))
        return {
            row[0]: row[1:] for row in self.db.execute(f"{select} where rowid in ({marks})", rowids)
        }


def _scoped(query: str, column: str, *, force: bool = False) -> str:
    """One letter typed matches names and titles only, not every word of every text."""
    if force or SINGLE_LETTER_RE.match(query):
        return f"{{{column}}} : ({query})"
    return query


def _short(text: str, words: int = 30) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
