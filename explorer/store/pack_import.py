"""Importing a content pack: a plan of new, changed and conflicting items, then a choice each.

    plan = read_pack(path, store, paths)        # checks the zip; nothing written
    result = import_pack(plan, store, paths, {"lesson:intro": False})   # undoable

Statuses: `new` (not here yet), `changed` (overrides a bundled lesson or partnership;
nothing of the teacher's is replaced), `conflict` (the teacher's own version differs),
`unchanged`, `invalid` (cannot be imported; see its problems). By default new and
changed items are imported and conflicts keep the teacher's version.
Everything lands inside `<data dir>/lessons`, `<data dir>/trails` and `<data dir>/imports`,
or nothing does.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from explorer.core.classroom.bookmarks import Bookmark
from explorer.core.file_batch import FileBatch
from explorer.core.lessons import load_lesson_folder, parse_lesson
from explorer.core.models import Partner, Partnership, Problem
from explorer.core.pack_format import (
    MANIFEST,
    ZipLimits,
    is_lesson,
    is_trail,
    lesson_entry_problem,
    manifest_problems,
    relative_to_lessons,
)
from explorer.core.paths import AppPaths
from explorer.core.records import as_teacher_version, classify, normalised
from explorer.core.teacher_files import import_bytes, import_name, now_stamp
from explorer.core.trails import parse_trail
from explorer.store.maintenance import committing
from explorer.store.pack_plan import IMPORTABLE, PackItem, PackPlan, PackResult
from explorer.store.pack_update import as_update
from explorer.store.packs import installed, pack_name, take_back
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import PackError, inside, read_zip
from explorer.store.teacher_data import DATA_FORMAT, DATA_VERSION, read_document, sha256
from explorer.store.teacher_index import sync_teacher_files
from explorer.store.trail_files import bundled_trails_dir, teacher_trails_dir


def read_pack(
    path: Path, store: PartnershipStore, paths: AppPaths, limits: ZipLimits | None = None
) -> PackPlan:
    """Check a pack and plan its import; PackError (one line) if it is unsafe or broken."""
    members = read_zip(path, limits or ZipLimits(), lesson_entry_problem)
    if MANIFEST not in members:
        raise PackError(f"{path}: no {MANIFEST}: this is not a content pack")
    try:
        manifest = json.loads(members[MANIFEST].decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise PackError(f"{path}: {MANIFEST} is not valid JSON ({exc})") from None
    except RecursionError:
        raise PackError(f"{path}: {MANIFEST} is nested too deeply to be a manifest") from None
    problems = manifest_problems(manifest, set(members))
    if problems:
        raise PackError(f"{path}: {problems[0]}")
    items, records, partners = _plan_partnerships(path, manifest, store)
    file_items, files = _plan_files(path, members, paths)
    from explorer.store.pack_bookmarks import plan_bookmarks

    mark_items, bookmarks = plan_bookmarks(manifest.get("bookmarks"), paths)
    name = pack_name(manifest)
    previous = installed(paths, name)
    planned = items + file_items
    if previous is not None:
        planned = as_update(planned, records, files, previous, store, paths)
    return PackPlan(
        path,
        str(manifest.get("title") or ""),
        tuple(planned + mark_items),
        records,
        partners,
        files,
        name,
        str(manifest.get("version") or ""),
        str(manifest.get("author") or ""),
        previous,
        bookmarks=bookmarks,
    )


def _plan_partnerships(
    path: Path, manifest: Mapping[str, object], store: PartnershipStore
) -> tuple[list[PackItem], dict[str, Partnership], tuple[Partner, ...]]:
    known = store.partners()
    document = {
        "format": DATA_FORMAT,
        "version": DATA_VERSION,
        "partners": manifest.get("partners"),
        "partnerships": [],
    }
    partners, _, _ = read_document(document, known, f"{path}:{MANIFEST}")
    items, records = [], {}
    pool = {**known, **{p.slug: p for p in partners}}
    entries = manifest.get("partnerships") or []
    assert isinstance(entries, list)
    for number, entry in enumerate(entries, start=1):
        document["partnerships"] = [entry]
        _, found, problems = read_document(document, pool, f"{path}:{MANIFEST}")
        slug = str(entry.get("slug") if isinstance(entry, Mapping) else number)
        if slug in records:
            problems = [
                Problem(
                    f"{path}:{MANIFEST}",
                    1,
                    f"partnership {number}: the slug '{slug}' appears twice",
                )
            ]
        if problems or not found:
            items.append(
                PackItem(
                    "partnership", slug, slug, "invalid", "cannot be imported", tuple(problems)
                )
            )
            continue
        records[slug] = normalised(found[0])
    existing = {p.slug: p for p in store.many(records)}
    for slug, record in records.items():
        old = existing.get(slug)
        kind, changed = classify(record, old)
        status: str = kind
        if kind == "changed" and old is not None and (old.origin != "bundled" or old.edited):
            status, reason = "conflict", f"your version differs ({', '.join(changed)})"
        else:
            reason = {
                "new": "a new partnership",
                "unchanged": "already here, the same",
                "changed": "overrides the bundled version (you can revert it)",
            }[kind]
        records[slug] = as_teacher_version(record, old)
        items.append(PackItem("partnership", slug, record.name, status, reason))
    return items, records, tuple(p for p in partners if p.slug not in known)


def _plan_files(
    path: Path, members: Mapping[str, bytes], paths: AppPaths
) -> tuple[list[PackItem], dict[str, tuple[Path, bytes]]]:
    folder = paths.teacher_lessons
    teacher, _ = load_lesson_folder(folder, "teacher")
    mine = {lesson.slug: lesson.source_path for lesson in teacher if lesson.source_path}
    bundled = {lesson.slug for lesson in load_lesson_folder(paths.bundled_lessons)[0]}
    items, files = [], {}
    for name, data in sorted(members.items()):
        if name == MANIFEST:
            continue
        if is_trail(name):
            item, target = _trail_item(path, name, data, paths)
            files[item.id] = (target, data)
            items.append(item)
            continue
        relative = relative_to_lessons(name)
        try:
            target = inside(folder, relative)
        except PackError as exc:
            raise PackError(f"{path}: {exc}") from None
        if is_lesson(name):
            item, target = _lesson_item(path, relative, data, target, mine, bundled)
        else:
            item = _image_item(relative, data, target)
        if item.id in files:
            item = PackItem(
                item.kind,
                item.key,
                item.title,
                "invalid",
                f"another lesson in the pack has the slug '{item.key}'",
            )
        else:
            files[item.id] = (target, data)
        items.append(item)
    return items, files


def _lesson_item(
    pack: Path,
    relative: str,
    data: bytes,
    target: Path,
    mine: Mapping[str, Path | None],
    bundled: set[str],
) -> tuple[PackItem, Path]:
    where = f"{pack}:{relative}"
    try:
        lesson, problems = parse_lesson(data.decode("utf-8-sig"), Path(relative), "teacher")
        problems = [replace(p, file=where) for p in problems]
    except UnicodeDecodeError:
        lesson, problems = None, [Problem(where, 1, "the file is not UTF-8 text")]
    slug = lesson.slug if lesson else Path(relative).stem
    title = lesson.title if lesson else relative
    local = mine.get(slug)
    if local is not None:
        target = local.resolve()
    if target.is_file():
        same = target.read_bytes() == data
        status, reason = (
            ("unchanged", "already here, the same")
            if same
            else ("conflict", f"your lesson file {target.name} differs")
        )
    elif slug in bundled:
        status, reason = "changed", "overrides the bundled lesson (delete the file to revert)"
    else:
        status, reason = "new", "a new lesson"
    return PackItem("lesson", slug, title, status, reason, tuple(problems)), target


def _trail_item(pack: Path, name: str, data: bytes, paths: AppPaths) -> tuple[PackItem, Path]:
    """A trail of the pack: new, a version of a bundled one, or the same as or different
    from the teacher's own."""
    slug = Path(name).stem
    target = inside(teacher_trails_dir(paths), f"{slug}.yaml")
    where = f"{pack}:{name}"
    try:
        trail, problems = parse_trail(data.decode("utf-8-sig"), where, slug, "teacher")
    except UnicodeDecodeError:
        trail, problems = None, [Problem(where, 1, "the file is not UTF-8 text")]
    if trail is None:
        return PackItem("trail", slug, slug, "invalid", "cannot be read", tuple(problems)), target
    if target.is_file():
        status, reason = (
            ("unchanged", "already here, the same")
            if target.read_bytes() == data
            else ("conflict", f"your trail {target.name} differs")
        )
    elif (bundled_trails_dir(paths) / f"{slug}.yaml").is_file():
        status, reason = "changed", "replaces the bundled trail (delete yours to revert)"
    else:
        status, reason = "new", "a new trail"
    return PackItem("trail", slug, trail.title, status, reason, tuple(problems)), target


def _image_item(relative: str, data: bytes, target: Path) -> PackItem:
    if not target.is_file():
        return PackItem("image", relative, relative, "new", "a new image")
    if target.read_bytes() == data:
        return PackItem("image", relative, relative, "unchanged", "already here, the same")
    return PackItem("image", relative, relative, "conflict", "your image with this name differs")


def import_pack(
    plan: PackPlan,
    store: PartnershipStore,
    paths: AppPaths,
    choices: Mapping[str, bool] | None = None,
) -> PackResult:
    """Import the chosen items (item id -> True/False; the default otherwise) in one go:
    the lessons, images and one import file holding the partnerships land together, in
    one file batch, or nothing does (explorer.core.file_batch). A newer version of an
    installed pack replaces the older one in the same batch: what it no longer holds goes
    (unless the teacher keeps it), and nothing is there twice."""
    choices = choices or {}
    chosen = [i for i in plan.items if i.status in IMPORTABLE and choices.get(i.id, i.default)]
    kept = [i for i in plan.items if i.status == "removed" and i not in chosen]
    records = [
        plan.records[i.key] for i in chosen if i.kind == "partnership" and i.key in plan.records
    ]
    records += [r for r in store.many(i.key for i in kept if i.kind == "partnership")]
    writes = [plan.files[i.id] for i in chosen if i.id in plan.files and i.kind != "partnership"]
    batch = FileBatch(paths.data_dir, "pack")
    with committing(batch, paths):
        marks = [plan.bookmarks[i.key] for i in chosen if i.kind == "bookmark"]
        document = _stage(plan, records, writes, kept, marks, batch, paths)
        created = now_stamp()
        batch.put(import_name(created, f"pack {plan.name}"), document(created))
    changes = sync_teacher_files(store, paths).changes
    importable = sum(1 for i in plan.items if i.status in IMPORTABLE)
    return PackResult(
        partnerships=len(records),
        lessons=sum(1 for i in chosen if i.kind == "lesson" and i.status != "removed"),
        images=sum(1 for i in chosen if i.kind == "image" and i.status != "removed"),
        bookmarks=sum(1 for i in chosen if i.kind == "bookmark"),
        skipped=importable - len(chosen),
        changes=changes,
        trails=sum(1 for i in chosen if i.kind == "trail"),
    )


def _ids(plan: PackPlan) -> set[str]:
    return {f"partnership:{slug}" for slug in plan.records}


def _stage(
    plan: PackPlan,
    records: list[Partnership],
    writes: list[tuple[Path, bytes]],
    kept: list[PackItem],
    marks: list[Bookmark],
    batch: FileBatch,
    paths: AppPaths,
) -> Callable[[str], bytes]:
    """Stage the pack's files (and the older version's going away) in `batch`; returns
    what writes the import file for a given time."""
    root = paths.data_dir.resolve()
    before = {str(f["path"]): f for f in plan.previous.files} if plan.previous else {}
    files = []
    for target, data in writes:
        relative = target.relative_to(root).as_posix()
        batch.put(relative, data)
        if relative in before:  # it replaces the older version's: keep what that replaced
            replaced = str(before[relative].get("replaced") or "")
        else:
            replaced = f"{batch.trash}/{relative}" if target.is_file() else ""
        files.append({"path": relative, "sha256": sha256(data), "replaced": replaced})
    from explorer.store.pack_bookmarks import BOOKMARKS_PATH, stage_bookmarks

    if (entry := stage_bookmarks(marks, paths, batch)) is not None:
        files.append(entry)
    updated_from = {}
    if plan.previous is not None:  # an update never takes the teacher's bookmarks away
        keep = {f["path"] for f in files} | {i.key for i in kept if i.kind != "partnership"}
        keep.add(BOOKMARKS_PATH)
        files += [dict(before[k]) for k in keep - {f["path"] for f in files} if k in before]
        batch.take(plan.previous.file)
        take_back(paths, plan.previous, batch, keep)
        updated_from = {"file": plan.previous.file, "trash": batch.trash}
    used = {x.partner.slug for r in records for x in r.partners}
    partners = [p for p in plan.partners if p.slug in used]
    pack = {"name": plan.name, "version": plan.version, "author": plan.author}
    title = plan.title or plan.source.name

    def document(created: str) -> bytes:
        return import_bytes(
            records, partners, created=created, title=title, files=files,
            extra={"pack": pack, "updated_from": updated_from},
        )  # fmt: skip

    return document
