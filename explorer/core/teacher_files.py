"""The teacher's partnerships as plain files in the data folder (the source of truth).

    <data>/partnerships/<slug>.yaml   one record the teacher made or changed (the bundled
                                      YAML shape, plus `saved:`), or a removal marker
    <data>/imports/<stamp>-<name>.json  one spreadsheet or pack import, written once
    <data>/partners.yaml              partners the teacher added in the form

Each file is a *layer* with a stamp (when it was written). For every slug the layer with
the newest stamp wins; a removal marker (`removed: true`) withdraws the slug, so the
bundled version shows again or, for a teacher's own, the record is gone. An import lands
as one atomic file write and is undone by moving that one file away. The database is an
index of these files (explorer.store.teacher_index) and can always be rebuilt from them.
The formats are documented in docs/content-format.md ("The teacher's files").
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from explorer.core.content import load_yaml, partnership_from_mapping
from explorer.core.models import Partner, Partnership, Problem
from explorer.core.records import partner_from_mapping, partner_to_mapping, partnership_to_mapping

try:
    from yaml import CSafeDumper as SafeDumper
except ImportError:  # pragma: no cover
    from yaml import SafeDumper  # type: ignore[assignment]

PARTNERSHIPS = "partnerships"
IMPORTS = "imports"
PARTNERS = "partners.yaml"
TRASH = "trash"
IMPORT_FORMAT = "space-explorer-import"
IMPORT_VERSION = 1
MAX_LAYER_BYTES = 512 * 2**20  # an import of 100,000 rows is about 100 MiB
#: the folders (and the one file) of the data folder that hold what the teacher made, and
#: a student's progress and bookmarks (explorer.store.classroom_files): what a backup
#: holds and a restore puts back
TEACHER_AREAS = ("lessons", PARTNERSHIPS, IMPORTS, "drafts", "trails", "progress", "bookmarks")
TEACHER_SINGLES = (PARTNERS,)


@dataclass(frozen=True, slots=True)
class LayerFile:
    """A teacher file as found on disk (what the index compares to notice a change)."""

    #: relative to the data folder, with forward slashes; a shared folder's files are
    #: named `@<source>/...` (see `source_id`) and rank below the teacher's own
    name: str
    kind: str  # "edit" (partnerships/*.yaml), "import" (imports/*.json) or "partners"
    size: int
    mtime_ns: int
    path: Path = Path()


def source_id(root: Path) -> str:
    """A shared content folder's short, stable name in the index: `@` and a digest."""
    return "@" + hashlib.sha1(str(root).encode("utf-8")).hexdigest()[:10]


def rank(name: str) -> int:
    """Which wins when two files hold a slug: the teacher's own (2) over a shared
    folder's (1); the bundled content (0) is below both. Ties go to the newer stamp."""
    return 1 if name.startswith("@") else 2


def layer_path(name: str, data_dir: Path, shared: Mapping[str, Path]) -> Path:
    """Where the file a layer name stands for is."""
    if name.startswith("@"):
        source, _, rest = name.partition("/")
        return shared.get(source, data_dir / "-missing-") / rest
    return data_dir / name


@dataclass(frozen=True, slots=True)
class Layer:
    """What one teacher file holds."""

    name: str
    kind: str
    stamp: str  # ISO date and time; the newest layer wins
    records: tuple[Partnership, ...] = ()
    removed: tuple[str, ...] = ()  # slugs this layer withdraws
    partners: tuple[Partner, ...] = ()  # partners the layer brings (an import's new ones)
    title: str = ""  # what it came from, for the user: "missions.csv", "pack: Moon"
    problems: tuple[Problem, ...] = ()

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(r.slug for r in self.records) + self.removed


def now_stamp(now: datetime | None = None) -> str:
    return (now or datetime.now()).isoformat(timespec="microseconds")


def scan(root: Path, prefix: str = "") -> dict[str, LayerFile]:
    """Every layer file under `root` (the data folder, or a shared folder with its
    `prefix`), by name; hidden and temporary files left out."""
    found: dict[str, LayerFile] = {}
    for folder, kind, pattern in ((PARTNERSHIPS, "edit", "*.yaml"), (IMPORTS, "import", "*.json")):
        for path in sorted((root / folder).glob(pattern)):
            if path.name.startswith(".") or not path.is_file() or path.is_symlink():
                continue
            info = path.stat()
            name = f"{prefix}{folder}/{path.name}"
            found[name] = LayerFile(name, kind, info.st_size, info.st_mtime_ns, path)
    partners = root / PARTNERS
    if partners.is_file() and not partners.is_symlink():
        info = partners.stat()
        name = f"{prefix}{PARTNERS}"
        found[name] = LayerFile(name, "partners", info.st_size, info.st_mtime_ns, partners)
    return found


def plain_files(folder: Path) -> list[Path]:
    """The regular files under `folder` (recursively, sorted): no hidden files (editor or
    temporary files), nothing behind a symlink."""
    if not folder.is_dir() or folder.is_symlink():
        return []
    found = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and not any(
            p.is_symlink() for p in (path, *path.parents) if folder in p.parents or p == path
        ):
            found.append(path)
    return found


def teacher_files(data_dir: Path) -> dict[str, Path]:
    """Everything the teacher made, by path relative to the data folder."""
    found = {}
    for area in TEACHER_AREAS:
        for path in plain_files(data_dir / area):
            found[path.relative_to(data_dir).as_posix()] = path
    for name in TEACHER_SINGLES:
        path = data_dir / name
        if path.is_file() and not path.is_symlink():
            found[name] = path
    return found


# -- reading --------------------------------------------------------------------------


def read_layer(file: LayerFile, partners: Mapping[str, Partner]) -> Layer:
    """Read one layer file; a broken file gives a layer with problems and no records."""
    path = file.path
    if file.size > MAX_LAYER_BYTES:
        problem = Problem(str(path), 1, "the file is too large to be a partnership file")
        return Layer(file.name, file.kind, _mtime_stamp(file), problems=(problem,))
    if file.kind == "edit":
        return _read_edit(path, file, partners)
    return _read_import(path, file, partners)


def _mtime_stamp(file: LayerFile) -> str:
    return now_stamp(datetime.fromtimestamp(file.mtime_ns / 1e9))


def _read_edit(path: Path, file: LayerFile, partners: Mapping[str, Partner]) -> Layer:
    data, problems = load_yaml(path)
    stamp = _mtime_stamp(file)
    if problems:
        return Layer(file.name, "edit", stamp, problems=tuple(problems))
    if not isinstance(data, Mapping) or not data.get("slug"):
        problem = Problem(str(path), 1, "a partnership file must hold one record with a slug")
        return Layer(file.name, "edit", stamp, problems=(problem,))
    stamp = str(data.get("saved") or stamp)
    if data.get("removed") is True:
        return Layer(file.name, "edit", stamp, removed=(str(data["slug"]),))
    record, found = partnership_from_mapping(data, partners, str(path))
    records = (record,) if record is not None else ()
    return Layer(file.name, "edit", stamp, records, problems=tuple(found))


def _read_import(path: Path, file: LayerFile, partners: Mapping[str, Partner]) -> Layer:
    stamp = _mtime_stamp(file)
    try:
        document = json.loads(path.read_bytes())
    except (OSError, ValueError, RecursionError) as exc:
        problem = Problem(str(path), 1, f"the import file cannot be read ({type(exc).__name__})")
        return Layer(file.name, "import", stamp, problems=(problem,))
    if not isinstance(document, Mapping) or document.get("format") != IMPORT_FORMAT:
        problem = Problem(str(path), 1, "not an import file of this app")
        return Layer(file.name, "import", stamp, problems=(problem,))
    own = tuple(p for p in map(partner_from_mapping, document.get("partners") or ()) if p)
    pool = {**partners, **{p.slug: p for p in own}}
    records, problems = [], []
    for number, item in enumerate(document.get("partnerships") or (), start=1):
        if not isinstance(item, Mapping):
            problems.append(Problem(str(path), 1, f"record {number} is not a record"))
            continue
        record, found = partnership_from_mapping(item, pool, f"{path} record {number}")
        problems += found
        if record is not None:
            records.append(record)
    return Layer(
        file.name,
        "import",
        str(document.get("created") or stamp),
        tuple(records),
        partners=own,
        title=str(document.get("title") or ""),
        problems=tuple(problems),
    )


def read_teacher_partners(root: Path) -> tuple[dict[str, Partner], list[Problem]]:
    """The partners the teacher added in the form (`partners.yaml` in the data folder,
    or in a shared folder)."""
    path = root / PARTNERS
    if not path.is_file():
        return {}, []
    data, problems = load_yaml(path)
    found = [partner_from_mapping(item) for item in data or []] if isinstance(data, list) else []
    if data is not None and not isinstance(data, list):
        problems.append(Problem(str(path), 1, "the partners file must hold a list"))
    return {p.slug: p for p in found if p is not None}, problems


# -- writing (the bytes; explorer.store writes them atomically) ----------------------


def edit_bytes(record: Partnership, saved: str) -> bytes:
    """A partnership file for one record, in the bundled YAML shape plus `saved`."""
    mapping = {k: v for k, v in partnership_to_mapping(record).items() if v not in (None, "", [])}
    mapping["saved"] = saved
    return _yaml(mapping)


def removal_bytes(slug: str, saved: str) -> bytes:
    return _yaml({"slug": slug, "removed": True, "saved": saved})


def partners_bytes(partners: Iterable[Partner]) -> bytes:
    return _yaml([partner_to_mapping(p) for p in sorted(partners, key=lambda p: p.slug)])


def import_bytes(
    records: Iterable[Partnership],
    partners: Iterable[Partner],
    *,
    created: str,
    title: str,
    files: Iterable[Mapping[str, Any]] = (),
    extra: Mapping[str, Any] | None = None,
) -> bytes:
    """An import file: the records (and the new partners they use) in one JSON document;
    a pack's import also lists the lesson and image files it wrote (`path`, `sha256`,
    `replaced`: where the file it replaced was kept), so an undo can take them back."""
    document = {
        "format": IMPORT_FORMAT,
        "version": IMPORT_VERSION,
        "created": created,
        "title": title,
        "partners": [partner_to_mapping(p) for p in partners],
        "partnerships": [partnership_to_mapping(r) for r in records],
        "files": list(files),
        **(extra or {}),
    }
    return json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def import_name(created: str, title: str) -> str:
    """`imports/20261204-192241-123456-missions.json`: sorts by time, says what it was."""
    stamp = re.sub(r"[^0-9]", "", created)
    stem = stamp[:8] + "-" + stamp[8:14] + "-" + stamp[14:20]
    words = unicodedata.normalize("NFKD", Path(title).stem).encode("ascii", "ignore").decode()
    label = re.sub(r"[^a-z0-9]+", "-", words.lower()).strip("-")[:40] or "import"
    return f"{IMPORTS}/{stem}-{label}.json"


def edit_name(slug: str) -> str:
    return f"{PARTNERSHIPS}/{slug}.yaml"


def _yaml(data: Any) -> bytes:
    text = yaml.dump(data, Dumper=SafeDumper, sort_keys=False, allow_unicode=True, width=100)
    return text.encode("utf-8")
