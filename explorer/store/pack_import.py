"""Importing a content pack: a plan of new, changed and conflicting items, then a choice each.

    plan = read_pack(path, store, paths)        # checks the zip; nothing written
    result = import_pack(plan, store, paths, {"lesson:intro": False})   # undoable

Statuses: `new` (not here yet), `changed` (overrides a bundled lesson or partnership;
nothing of the teacher's is replaced), `conflict` (the teacher's own version differs),
`unchanged`, `invalid` (cannot be imported; see its problems). By default new and
changed items are imported and conflicts keep the teacher's version.
Everything lands inside `<data dir>/lessons` and `<data dir>/imports`, or nothing does.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from explorer.core.changes import NOTHING, Changes
from explorer.core.file_batch import FileBatch
from explorer.core.lessons import load_lesson_folder, parse_lesson
from explorer.core.models import Partner, Partnership, Problem
from explorer.core.pack_format import (
    MANIFEST,
    ZipLimits,
    is_lesson,
    lesson_entry_problem,
    manifest_problems,
    relative_to_lessons,
)
from explorer.core.paths import AppPaths
from explorer.core.records import as_teacher_version, classify, normalised
from explorer.core.teacher_files import import_bytes, import_name, now_stamp
from explorer.store.maintenance import committing
from explorer.store.partnerships import PartnershipStore
from explorer.store.safe_zip import PackError, inside, read_zip
from explorer.store.teacher_data import DATA_FORMAT, DATA_VERSION, read_document, sha256
from explorer.store.teacher_index import sync_teacher_files

IMPORTABLE = ("new", "changed", "conflict")


@dataclass(frozen=True, slots=True)
class PackItem:
    kind: str  # "partnership", "lesson" or "image"
    key: str  # a slug, or an image's path under the lessons folder
    title: str
    status: str  # "new", "changed", "conflict", "unchanged" or "invalid"
    reason: str  # one sentence for the preview
    problems: tuple[Problem, ...] = ()

    @property
    def id(self) -> str:
        return f"{self.kind}:{self.key}"

    @property
    def default(self) -> bool:
        """Imported unless the teacher says otherwise."""
        return self.status in ("new", "changed")


@dataclass(frozen=True, slots=True)
class PackPlan:
    source: Path
    title: str
    items: tuple[PackItem, ...]
    records: Mapping[str, Partnership] = field(default_factory=dict)
    partners: tuple[Partner, ...] = ()  # partners of the pack this catalog lacks
    files: Mapping[str, tuple[Path, bytes]] = field(default_factory=dict)  # id -> target

    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("new", "changed", "conflict", "unchanged", "invalid"), 0)
        for item in self.items:
            counts[item.status] += 1
        return counts


@dataclass(frozen=True, slots=True)
class PackResult:
    partnerships: int
    lessons: int
    images: int
    skipped: int  # importable items left out by choice
    changes: Changes = NOTHING


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
    return PackPlan(
        path, str(manifest.get("title") or ""), tuple(items + file_items), records, partners, files
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
    one file batch, or nothing does (explorer.core.file_batch)."""
    choices = choices or {}
    chosen = [i for i in plan.items if i.status in IMPORTABLE and choices.get(i.id, i.default)]
    records = [plan.records[i.key] for i in chosen if i.kind == "partnership"]
    writes = [plan.files[i.id] for i in chosen if i.kind != "partnership"]
    batch = FileBatch(paths.data_dir, "pack")
    with committing(batch, paths):
        files = []
        root = paths.data_dir.resolve()
        for target, data in writes:
            relative = target.relative_to(root).as_posix()
            batch.put(relative, data)
            replaced = f"{batch.trash}/{relative}" if target.is_file() else ""
            files.append({"path": relative, "sha256": sha256(data), "replaced": replaced})
        created = now_stamp()
        title = plan.title or plan.source.name
        used = {x.partner.slug for r in records for x in r.partners}
        partners = [p for p in plan.partners if p.slug in used]
        data = import_bytes(records, partners, created=created, title=title, files=files)
        batch.put(import_name(created, title), data)
    changes = sync_teacher_files(store, paths).changes
    importable = sum(1 for i in plan.items if i.status in IMPORTABLE)
    return PackResult(
        partnerships=len(records),
        lessons=sum(1 for i in chosen if i.kind == "lesson"),
        images=sum(1 for i in chosen if i.kind == "image"),
        skipped=importable - len(chosen),
        changes=changes,
    )
