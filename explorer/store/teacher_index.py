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
    Layer,
    LayerFile,
    layer_path,
    rank,
    read_layer,
    read_teacher_partners,
    scan,
    source_id,
)
from explorer.store.database import writing
from explorer.store.partnerships import PartnershipStore
from explorer.store.search_index import refresh_vocabulary

CHUNK = 500


@dataclass(frozen=True, slots=True)
class Synced:
    changes: Changes
    layers_read: int = 0


def sync_teacher_files(
    store: PartnershipStore, paths: AppPaths, progress: Progress | None = None
) -> Synced:
    """Bring the index up to date with the teacher's files and the shared folders';
    returns what changed. A shared folder that cannot be reached (a network share that is
    offline) keeps what was indexed from it."""
    db = store.db
    with writing(db):
        roots = shared_roots(paths)
        on_disk, offline = _on_disk(paths, roots)
        indexed = {
            row["name"]: (row["size"], row["mtime_ns"])
            for row in db.query("select name, size, mtime_ns from layers")
        }
        stale = [
            n
            for n, seen in indexed.items()
            if n.partition("/")[0] not in offline and _seen(on_disk.get(n)) != seen
        ]
        fresh = [n for n, f in on_disk.items() if indexed.get(n) != _seen(f)]
        if not stale and not fresh:
            return Synced(NOTHING)
        if progress is not None:
            progress("reading", 0, len(fresh))
        changes = _apply(store, paths, roots, on_disk, stale, fresh, progress)
    store.forget(changes)
    return Synced(changes, len(fresh))


def shared_roots(paths: AppPaths) -> dict[str, Path]:
    """Each shared content folder by its name in the index (`@` and a digest)."""
    return {source_id(root): root for root in paths.shared}


def _on_disk(paths: AppPaths, roots: Mapping[str, Path]) -> tuple[dict[str, LayerFile], set[str]]:
    """Every layer file now, and the shared folders that cannot be reached."""
    found = scan(paths.data_dir)
    offline = set()
    for source, root in roots.items():
        try:
            reachable = root.is_dir()
        except OSError:
            reachable = False
        if reachable:
            found.update(scan(root, f"{source}/"))
        else:
            offline.add(source)
    return found, offline


def _seen(file: LayerFile | None) -> tuple[int, int] | None:
    return None if file is None else (file.size, file.mtime_ns)


def _apply(
    store: PartnershipStore,
    paths: AppPaths,
    roots: Mapping[str, Path],
    on_disk: Mapping[str, LayerFile],
    stale: list[str],
    fresh: list[str],
    progress: Progress | None,
) -> Changes:
    db = store.db
    affected = set(_slugs_of(db, stale))
    partners_changed = _brought_partners(db, stale)
    _forget_layers(db, stale)
    for name in stale:
        _release_partners(db, name, set())
    for name in fresh:
        if on_disk[name].kind == "partners":
            _index_partners(store, on_disk[name])
            partners_changed = True
    pool = store.partners(cached=False)
    read: dict[str, Layer] = {}
    records_fresh = [n for n in fresh if on_disk[n].kind != "partners"]
    for number, name in enumerate(records_fresh):
        layer = read_layer(on_disk[name], pool)
        read[name] = layer
        _remember_layer(db, on_disk[name], layer)
        store.write_partners(layer.partners, origin=_origin_of(name), layer=name)
        partners_changed = partners_changed or bool(layer.partners)
        affected.update(layer.slugs)
        if progress is not None:
            progress("reading", number + 1, len(records_fresh))
    _rewrite(store, paths, roots, affected, read, pool, progress)
    if partners_changed:
        _drop_unused_partners(db)
    refresh_vocabulary(db)
    return Changes(partnerships=frozenset(affected), partners=partners_changed)


def _origin_of(name: str) -> str:
    return "shared" if rank(name) == 1 else "user"


def _index_partners(store: PartnershipStore, file: LayerFile) -> None:
    """A partners file (the teacher's or a shared folder's): its partners, by layer."""
    partners, problems = read_teacher_partners(file.path.parent)
    store.write_partners(partners.values(), origin=_origin_of(file.name), layer=file.name)
    _remember_layer(store.db, file, Layer(file.name, "partners", ""))
    _record_problems(store.db, file.name, problems)
    _release_partners(store.db, file.name, set(partners))


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
            key = (str(rank(name)) + stamp, name)  # the teacher's own over a shared folder's
            if slug not in best or key > best[slug][:2]:
                best[slug] = (key[0], name, bool(removed))
    return {slug: (name, removed) for slug, (_, name, removed) in best.items()}


def _rewrite(
    store: PartnershipStore,
    paths: AppPaths,
    roots: Mapping[str, Path],
    affected: set[str],
    read: dict[str, Layer],
    pool: Mapping[str, Partner],
    progress: Progress | None,
) -> None:
    slugs = sorted(affected)
    winners = _winners(store.db, slugs)
    shipped = {p.stem for p in (paths.content_dir / "partnerships").glob("*.yaml")}
    bundled = affected & shipped
    for name in {layer for layer, removed in winners.values() if not removed} - set(read):
        kind = "import" if name.partition("imports/")[1] else "edit"
        path = layer_path(name, paths.data_dir, roots)
        read[name] = read_layer(LayerFile(name, kind, 0, 0, path), pool)
    records: dict[str, Partnership] = {}
    for name, layer in read.items():
        for record in layer.records:
            if winners.get(record.slug, ("", False)) == (name, False):
                records[record.slug] = _as_indexed(record, name, record.slug in bundled)
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


def _as_indexed(record: Partnership, layer: str, bundled: bool) -> Partnership:
    """Who a record belongs to: a shared folder's is 'shared'; the teacher's own is 'user',
    or 'bundled' and edited when it replaces one that comes with the app."""
    if rank(layer) == 1:
        return replace(record, origin="shared", edited=False)
    return replace(record, origin="bundled" if bundled else "user", edited=bundled)


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
