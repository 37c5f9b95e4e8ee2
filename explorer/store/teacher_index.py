"""Keep the database in step with the teacher's files (explorer.core.teacher_files).

`sync_teacher_files` compares the files on disk (name, size, time) with the `layers`
table, reads only the files that are new or changed, and rewrites only the partnerships
whose winning layer changed: the newest layer holding a slug wins; a removal, or no layer
at all, brings back the bundled record (or removes a teacher's own). It all happens in one
write transaction, so two processes syncing at once take turns and the second finds
nothing left to do. With nothing changed it costs a folder listing and one query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from sqlite_utils import Database

from explorer.core.changes import NOTHING, Changes
from explorer.core.content import load_partners, load_yaml, partnership_from_mapping
from explorer.core.models import Partner, Partnership, Problem
from explorer.core.paths import AppPaths
from explorer.core.progress import Progress
from explorer.core.teacher_files import (
    PARTNERS,
    Layer,
    LayerFile,
    read_layer,
    read_teacher_partners,
    scan,
)
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore
from explorer.store.search_index import refresh_vocabulary

CHUNK = 500
PARTNERS_LAYER = PARTNERS  # the name partners.yaml is indexed under


@dataclass(frozen=True, slots=True)
class Synced:
    changes: Changes
    layers_read: int = 0


def sync_teacher_files(
    store: PartnershipStore, paths: AppPaths, progress: Progress | None = None
) -> Synced:
    """Bring the index up to date with the teacher's files; returns what changed."""
    db = store.db
    with writing(db):
        on_disk = _on_disk(paths.data_dir)
        indexed = {
            row["name"]: (row["size"], row["mtime_ns"])
            for row in db.query("select name, size, mtime_ns from layers")
        }
        stale = [n for n, seen in indexed.items() if _seen(on_disk.get(n)) != seen]
        fresh = [n for n, f in on_disk.items() if indexed.get(n) != _seen(f)]
        if not stale and not fresh:
            return Synced(NOTHING)
        if progress is not None:
            progress("reading", 0, len(fresh))
        changes = _apply(store, paths, on_disk, stale, fresh, progress)
    store.forget(changes)
    return Synced(changes, len(fresh))


def _on_disk(data_dir: Path) -> dict[str, LayerFile]:
    found = scan(data_dir)
    partners = data_dir / PARTNERS
    if partners.is_file():
        info = partners.stat()
        found[PARTNERS_LAYER] = LayerFile(
            PARTNERS_LAYER, "partners", info.st_size, info.st_mtime_ns
        )
    return found


def _seen(file: LayerFile | None) -> tuple[int, int] | None:
    return None if file is None else (file.size, file.mtime_ns)


def _apply(
    store: PartnershipStore,
    paths: AppPaths,
    on_disk: Mapping[str, LayerFile],
    stale: list[str],
    fresh: list[str],
    progress: Progress | None,
) -> Changes:
    db = store.db
    affected = set(_slugs_of(db, stale))
    partners_changed = PARTNERS_LAYER in fresh or _brought_partners(db, stale)
    _forget_layers(db, stale)
    teacher_partners, partner_problems = read_teacher_partners(paths.data_dir)
    if PARTNERS_LAYER in fresh:
        store.write_partners(teacher_partners.values(), origin="user", layer=PARTNERS_LAYER)
        _remember_layer(db, on_disk[PARTNERS_LAYER], Layer(PARTNERS_LAYER, "partners", ""))
        _record_problems(db, PARTNERS_LAYER, partner_problems)
    if partners_changed:
        _release_partners(db, PARTNERS_LAYER, set(teacher_partners))
    pool = {**store.partners(cached=False), **teacher_partners}
    read: dict[str, Layer] = {}
    for number, name in enumerate(n for n in fresh if n != PARTNERS_LAYER):
        layer = read_layer(paths.data_dir, on_disk[name], pool)
        read[name] = layer
        _remember_layer(db, on_disk[name], layer)
        store.write_partners(layer.partners, origin="user", layer=name)
        partners_changed = partners_changed or bool(layer.partners)
        affected.update(layer.slugs)
        if progress is not None:
            progress("reading", number + 1, len(fresh))
    _rewrite(store, paths, affected, read, pool, progress)
    if partners_changed:
        _drop_unused_partners(db)
    refresh_vocabulary(db)
    return Changes(partnerships=frozenset(affected), partners=partners_changed)


def _slugs_of(db: Database, layers: Iterable[str]) -> list[str]:
    out: list[str] = []
    names = list(layers)
    for start in range(0, len(names), CHUNK):
        chunk = names[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        out += [
            row[0]
            for row in db.execute(f"select slug from layer_slugs where layer in ({marks})", chunk)
        ]
    return out


def _brought_partners(db: Database, layers: list[str]) -> bool:
    return any(
        db.execute("select 1 from partners where layer = ? limit 1", [name]).fetchone()
        for name in layers
    )


def _forget_layers(db: Database, names: list[str]) -> None:
    for table, column in (
        ("layers", "name"),
        ("layer_slugs", "layer"),
        ("layer_problems", "layer"),
    ):
        for start in range(0, len(names), CHUNK):
            chunk = names[start : start + CHUNK]
            marks = ",".join("?" * len(chunk))
            db.execute(f"delete from {table} where {column} in ({marks})", chunk)


def _remember_layer(db: Database, file: LayerFile, layer: Layer) -> None:
    conn = db.conn
    conn.execute(
        "insert into layers (name, kind, stamp, size, mtime_ns, title) values (?, ?, ?, ?, ?, ?)",
        [file.name, layer.kind, layer.stamp, file.size, file.mtime_ns, layer.title],
    )
    rows = [(file.name, r.slug, 0) for r in layer.records]
    rows += [(file.name, slug, 1) for slug in layer.removed]
    conn.executemany(
        "insert or replace into layer_slugs (layer, slug, removed) values (?, ?, ?)", rows
    )
    _record_problems(db, file.name, layer.problems)


def _record_problems(db: Database, layer: str, problems: Iterable[Problem]) -> None:
    db.execute("delete from layer_problems where layer = ?", [layer])
    db.conn.executemany(
        "insert into layer_problems (layer, line, message) values (?, ?, ?)",
        [(layer, p.line, p.message) for p in problems],
    )


def _winners(db: Database, slugs: list[str]) -> dict[str, tuple[str, bool]]:
    """slug -> (the layer that wins it, whether that layer removes it)."""
    best: dict[str, tuple[str, str, bool]] = {}
    for start in range(0, len(slugs), CHUNK):
        chunk = slugs[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for slug, name, stamp, removed in db.execute(
            "select s.slug, s.layer, l.stamp, s.removed from layer_slugs s "
            f"join layers l on l.name = s.layer where s.slug in ({marks})",
            chunk,
        ):
            key = (stamp, name)
            if slug not in best or key > best[slug][:2]:
                best[slug] = (stamp, name, bool(removed))
    return {slug: (name, removed) for slug, (_, name, removed) in best.items()}


def _rewrite(
    store: PartnershipStore,
    paths: AppPaths,
    affected: set[str],
    read: dict[str, Layer],
    pool: Mapping[str, Partner],
    progress: Progress | None,
) -> None:
    slugs = sorted(affected)
    winners = _winners(store.db, slugs)
    bundled = _bundled_slugs(store)
    for name in {layer for layer, removed in winners.values() if not removed} - set(read):
        file = LayerFile(name, "import" if name.startswith("imports/") else "edit", 0, 0)
        read[name] = read_layer(paths.data_dir, file, pool)
    records: dict[str, Partnership] = {}
    for name, layer in read.items():
        for record in layer.records:
            if winners.get(record.slug, ("", False)) == (name, False):
                teacher = replace(record, origin="bundled" if record.slug in bundled else "user")
                records[record.slug] = replace(teacher, edited=record.slug in bundled)
    fallback = [s for s in slugs if s not in records and s in bundled]
    records.update(_bundled_records(paths, fallback, pool))
    erase = [s for s in slugs if s not in records]
    layer_of = {slug: name for slug, (name, removed) in winners.items() if not removed}
    store.erase(erase)
    ordered = list(records.values())
    for start in range(0, len(ordered), CHUNK):
        if progress is not None:
            progress("writing", start, len(ordered))
        store.write(ordered[start : start + CHUNK], layers=layer_of)
    if progress is not None:
        progress("writing", len(ordered), len(ordered))


def _bundled_slugs(store: PartnershipStore) -> set[str]:
    return {
        row[0] for row in store.db.execute("select slug from partnerships where origin = 'bundled'")
    }


def _bundled_records(
    paths: AppPaths, slugs: list[str], pool: Mapping[str, Partner]
) -> dict[str, Partnership]:
    """The bundled versions of `slugs` (each bundled file is named after its slug)."""
    if not slugs:
        return {}
    partners, _ = load_partners(paths.content_dir / "partners.yaml")
    registry = {**pool, **partners}
    out = {}
    for slug in slugs:
        path = paths.content_dir / "partnerships" / f"{slug}.yaml"
        data, problems = load_yaml(path)
        if problems or not isinstance(data, Mapping):
            continue
        record, _ = partnership_from_mapping(data, registry, str(path))
        if record is not None:
            out[slug] = replace(record, origin="bundled", edited=False)
    return out


def _release_partners(db: Database, layer: str, kept: set[str]) -> None:
    """Partners `layer` no longer lists belong to no file now (dropped when unused)."""
    rows = db.execute("select slug from partners where layer = ?", [layer]).fetchall()
    for (slug,) in rows:
        if slug not in kept:
            db.execute("update partners set layer = '-' where slug = ?", [slug])


def _drop_unused_partners(db: Database) -> None:
    """Partners a teacher file brought that no file holds any more and no record uses."""
    db.execute(
        "delete from partners where origin != 'bundled' and layer != '' "
        "and layer not in (select name from layers) and slug not in "
        "(select partner_slug from partnership_partners)"
    )
    db.execute("delete from partner_aliases where partner_slug not in (select slug from partners)")


def layer_problems(store: PartnershipStore, paths: AppPaths) -> list[Problem]:
    """What is wrong in the teacher's partnership files, as `file:line: message`."""
    return [
        Problem(str(paths.data_dir / layer), line, message)
        for layer, line, message in store.db.execute(
            "select layer, line, message from layer_problems order by layer, line"
        )
    ]
