"""Search results as a list model: a heading per group (lessons, partnerships), then hits."""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from explorer.core.models import SearchHit
from explorer.core.search import split_highlights

KIND_ROLE = Qt.ItemDataRole.UserRole
SLUG_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 2
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 3
HITS = ("lesson", "partnership")
#: rows the keyboard can reach: hits, and "show all" rows that expand a group
NAVIGABLE = (*HITS, "expand")
#: lessons listed above the partnerships before "Show all" (they would push them away)
PREVIEW = 4
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class ResultRow:
    #: "heading", "lesson", "partnership", "expand" (show a whole group; slug names it) or
    #: "more" (a note that not every match is listed)
    kind: str
    title: str
    slug: str = ""
    #: text around the matches, matched words wrapped in [[ and ]]
    snippet: str = ""
    #: a short second line: a partnership's years and type, a lesson's section
    detail: str = ""

    @property
    def is_hit(self) -> bool:
        return self.kind in HITS


def build_rows(
    hits: Sequence[SearchHit],
    partnership_count: int,
    detail: Callable[[SearchHit], str],
    expanded: Collection[str] = (),
) -> list[ResultRow]:
    """Lessons first (few, and they teach), then partnerships, each under a heading.

    While partnerships follow, only the first PREVIEW lessons are listed, then a row that
    shows them all (unless "lesson" is in `expanded`).
    """
    rows: list[ResultRow] = []
    lessons = [h for h in hits if h.kind == "lesson"]
    partnerships = [h for h in hits if h.kind == "partnership"]
    if lessons:
        rows.append(ResultRow("heading", _count(len(lessons), "lesson")))
        short = partnerships and "lesson" not in expanded and len(lessons) > PREVIEW + 1
        shown = lessons[:PREVIEW] if short else lessons
        rows += [ResultRow("lesson", h.title, h.slug, h.snippet, detail(h)) for h in shown]
        if short:
            rows.append(ResultRow("expand", f"Show all {len(lessons)} lessons", "lesson"))
    if partnerships:
        rows.append(ResultRow("heading", _count(partnership_count, "partnership")))
        rows += [
            ResultRow("partnership", h.title, h.slug, h.snippet, detail(h)) for h in partnerships
        ]
        if partnership_count > len(partnerships):
            rows.append(
                ResultRow(
                    "more",
                    f"Showing the first {len(partnerships)} of {partnership_count}. "
                    "Add words or filters to narrow the list.",
                )
            )
    return rows


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def plain(snippet: str) -> str:
    return "".join(text for text, _ in split_highlights(snippet))


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, index: Index) -> ResultRow | None:
        if index.isValid() and 0 <= index.row() < len(self._rows):
            return self._rows[index.row()]
        return None

    def navigable_rows(self) -> list[int]:
        return [number for number, row in enumerate(self._rows) if row.kind in NAVIGABLE]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        row = self.row_at(index)
        if row is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [row.title, row.detail, plain(row.snippet)]
            return ". ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.ToolTipRole and row.is_hit:
            return plain(row.snippet) or None
        return {
            KIND_ROLE: row.kind,
            SLUG_ROLE: row.slug,
            SNIPPET_ROLE: row.snippet,
            DETAIL_ROLE: row.detail,
        }.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        row = self.row_at(index)
        if row is None or row.kind not in NAVIGABLE:
            return Qt.ItemFlag.NoItemFlags
        flag = Qt.ItemFlag
        return flag.ItemIsEnabled | flag.ItemIsSelectable | flag.ItemNeverHasChildren
