"""Full-text search over partnerships and lessons (SQLite FTS5 with porter stemming)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlite_utils import Database

from explorer.core.models import Lesson, SearchHit
from explorer.core.search import (
    Filters,
    facet_counts,
    fts_query,
    query_words,
    suggest_words,
)
from explorer.store.partnerships import PartnershipStore

SNIPPET = "snippet({table}, -1, '[[', ']]', '…', 14)"
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
        rows.append({
            "slug": lesson.slug, "title": lesson.title, "section": lesson.section,
            "ord": lesson.order, "summary": lesson.summary,
            "body_text": plain_text(lesson.body), "path": str(lesson.source_path or ""),
            "origin": lesson.origin, "hash": digest,
        })
    gone = [slug for slug in current if slug not in seen]
    if rows or gone:
        with db.atomic():
            db["lessons"].upsert_all(rows, pk="slug")
            for slug in gone:
                db.execute("delete from lessons where slug = ?", [slug])
            refresh_vocabulary(db)
    return len(rows) + len(gone)


def refresh_vocabulary(db: Database) -> None:
    """Known words (3+ letters) from names, titles and text, for 'did you mean'."""
    words: set[str] = set()
    for sql in (
        "select name || ' ' || coalesce(partner_names, '') || ' ' || "
        "coalesce(description, '') as text from partnerships",
        "select title || ' ' || coalesce(summary, '') || ' ' || body_text as text from lessons",
    ):
        for row in db.query(sql):
            words.update(w for w in query_words_all(row["text"]) if len(w) >= 3)
    db.execute("delete from vocabulary")
    db["vocabulary"].insert_all(({"word": w} for w in sorted(words)), pk="word")


def query_words_all(text: str) -> list[str]:
    return [w.lower() for w in re.findall(r"[^\W\d_]+", text)]


@dataclass(frozen=True, slots=True)
class SearchResults:
    hits: tuple[SearchHit, ...] = ()
    #: facet name -> value -> how many partnerships that value would show
    facets: dict[str, Counter[object]] = field(default_factory=dict)
    #: matching partnerships after filters (all of them, not just the shown hits)
    partnership_count: int = 0
    #: the words actually searched for, when they differ from what was typed
    corrected: str = ""

    def of_kind(self, kind: str) -> list[SearchHit]:
        return [hit for hit in self.hits if hit.kind == kind]


class SearchIndex:
    def __init__(self, db: Database, partnerships: PartnershipStore) -> None:
        self.db = db
        self.partnerships = partnerships
        self._vocabulary: list[str] | None = None
        partnerships.subscribe(self._on_partnerships_changed)

    def _on_partnerships_changed(self) -> None:
        self._vocabulary = None

    def vocabulary(self) -> list[str]:
        if self._vocabulary is None:
            self._vocabulary = [row["word"] for row in self.db.query("select word from vocabulary")]
        return self._vocabulary

    def search(self, text: str, filters: Filters | None = None, limit: int = 50) -> SearchResults:
        filters = filters or Filters()
        results = self._search(text, filters, limit)
        words = query_words(text)
        if results.hits or not words:
            return results
        corrected = suggest_words(words, self.vocabulary())
        attempts = [" ".join(corrected)] if corrected != words else []
        attempts.append(fts_query(" ".join(corrected), any_word=True, prefix_last=False) or "")
        for attempt in attempts:
            retry = self._search(attempt, filters, limit, raw=attempt.startswith('"'))
            if retry.hits:
                label = " ".join(corrected) if corrected != words else " or ".join(corrected)
                return SearchResults(retry.hits, retry.facets, retry.partnership_count, label)
        return results

    def _search(self, text: str, filters: Filters, limit: int, raw: bool = False) -> SearchResults:
        query = text if raw else fts_query(text)
        rows = self.partnerships.facet_rows()
        if query is None:
            ranked: Sequence[tuple[str, float]] = [(slug, 0.0) for slug in rows]
            lesson_hits: list[SearchHit] = []
        else:
            ranked = self._rank_partnerships(query)
            lesson_hits = self._lesson_hits(query, limit)
        matching = [rows[slug] for slug, _ in ranked if slug in rows]
        facets = facet_counts(matching, filters)
        shown = [(slug, rank) for slug, rank in ranked
                 if slug in rows and filters.accepts(rows[slug])]
        if query is None:
            shown.sort(key=lambda item: (rows[item[0]].start_year, item[0]))
        partnership_hits = self._partnership_hits(query, shown[:limit])
        hits = sorted(lesson_hits + partnership_hits, key=lambda h: h.rank) if query else (
            partnership_hits)
        return SearchResults(tuple(hits), facets, len(shown))

    def _rank_partnerships(self, query: str) -> list[tuple[str, float]]:
        sql = (
            "select p.slug, bm25(partnerships_fts, 10.0, 4.0, 1.0, 2.0) as rank "
            "from partnerships_fts join partnerships p on p.rowid = partnerships_fts.rowid "
            "where partnerships_fts match ? order by rank"
        )
        return [(row["slug"], row["rank"]) for row in self.db.query(sql, [query])]

    def _partnership_hits(
        self, query: str | None, shown: list[tuple[str, float]]
    ) -> list[SearchHit]:
        if not shown:
            return []
        slugs = [slug for slug, _ in shown]
        marks = ",".join("?" * len(slugs))
        if query is None:
            sql = (
                "select slug, name, description as snippet from partnerships "
                f"where slug in ({marks})"
            )
            params: list[str] = slugs
        else:
            sql = (
                f"select p.slug, p.name, {SNIPPET.format(table='partnerships_fts')} as snippet "
                "from partnerships_fts join partnerships p on p.rowid = partnerships_fts.rowid "
                f"where partnerships_fts match ? and p.slug in ({marks})"
            )
            params = [query, *slugs]
        found = {row["slug"]: row for row in self.db.query(sql, params)}
        return [
            SearchHit("partnership", slug, found[slug]["name"],
                      _short(found[slug]["snippet"] or ""), rank)
            for slug, rank in shown if slug in found
        ]

    def _lesson_hits(self, query: str, limit: int) -> list[SearchHit]:
        sql = (
            f"select l.slug, l.title, {SNIPPET.format(table='lessons_fts')} as snippet, "
            "bm25(lessons_fts, 10.0, 4.0, 1.0) as rank "
            "from lessons_fts join lessons l on l.rowid = lessons_fts.rowid "
            "where lessons_fts match ? order by rank limit ?"
        )
        return [
            SearchHit("lesson", row["slug"], row["title"], row["snippet"] or "", row["rank"])
            for row in self.db.query(sql, [query, limit])
        ]


def _short(text: str, words: int = 30) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + ("…" if len(parts) > words else "")
