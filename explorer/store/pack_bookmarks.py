"""A content pack's bookmarks (the teacher's, when they chose to include them): planned as
items of the import (`new` or `unchanged`, or all `invalid` when this data folder's
bookmarks file cannot be read, which is then never replaced) and added to the colleague's
own bookmarks in the import's file batch, so the import's undo takes them back."""

from __future__ import annotations

from collections.abc import Sequence

from explorer.core.classroom import bookmarks as marks
from explorer.core.classroom.documents import DocumentError
from explorer.core.file_batch import FileBatch
from explorer.core.paths import AppPaths
from explorer.store.classroom_files import (
    BOOKMARKS_DIR,
    BOOKMARKS_FILE,
    NewerFileError,
    bookmarks_file,
)
from explorer.store.pack_plan import PackItem
from explorer.store.teacher_data import dumps, sha256

KIND = "bookmark"
#: the file the bookmarks are added to, relative to the data folder
BOOKMARKS_PATH = f"{BOOKMARKS_DIR}/{BOOKMARKS_FILE}"


def plan_bookmarks(
    entries: object, paths: AppPaths
) -> tuple[list[PackItem], dict[str, marks.Bookmark]]:
    """The items of a manifest's `bookmarks` list, and the new bookmarks by id."""
    if not isinstance(entries, list) or not entries:
        return [], {}
    try:
        mine: marks.Bookmarks | None = bookmarks_file(paths.data_dir).peek() or marks.Bookmarks()
        why = ""
    except (NewerFileError, DocumentError, OSError, TypeError, KeyError) as exc:
        mine, why = None, f"your bookmarks file cannot be read ({exc}); open the app first"
    items, found = [], {}
    for number, entry in enumerate(entries, start=1):
        try:
            (mark,) = marks.bookmarks_from_entries([entry])
        except DocumentError as exc:
            items.append(PackItem(KIND, str(number), f"bookmark {number}", "invalid", str(exc)))
            continue
        if mine is None:
            items.append(PackItem(KIND, mark.id, mark.title, "invalid", why))
        elif mine.find(mark) is not None or mark.id in found:
            items.append(PackItem(KIND, mark.id, mark.title, "unchanged", "already here"))
        else:
            found[mark.id] = mark
            items.append(PackItem(KIND, mark.id, mark.title, "new", "a new bookmark"))
    return items, found


def stage_bookmarks(
    chosen: Sequence[marks.Bookmark], paths: AppPaths, batch: FileBatch
) -> dict[str, str] | None:
    """Stage, in `batch`, this folder's bookmarks with the chosen ones added after them;
    returns the import record's entry for the file (None when nothing is added)."""
    if not chosen:
        return None
    relative = BOOKMARKS_PATH
    mine = bookmarks_file(paths.data_dir).peek() or marks.Bookmarks()
    merged, added = marks.merge(mine, chosen)
    if not added:
        return None
    data = dumps(marks.bookmarks_document(merged))
    batch.put(relative, data)
    replaced = f"{batch.trash}/{relative}" if (paths.data_dir / relative).is_file() else ""
    return {"path": relative, "sha256": sha256(data), "replaced": replaced}
