"""Several file changes in the data folder that happen together or not at all.

    batch = FileBatch(data_dir, "pack")
    batch.put("lessons/moon.md", data)          # write (or replace) a file
    batch.take("lessons/old.md")                # move a file to the trash
    batch.commit()

Until `commit`, new files wait in `<data>/.pending/<id>/` and nothing the user sees has
changed; a crash then leaves only that hidden folder, which the next start removes. The
commit writes the plan (atomically: that is the moment the batch happens), then carries
it out with renames; a crash while it does leaves the plan, and the next start finishes
it (`recover`). Files taken are moved to `<data>/trash/<id>/`, never deleted. Callers
hold the data folder's lock around `commit` and `recover`.
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path

from explorer.core.atomic import atomic_write_bytes, fsync_folder
from explorer.core.teacher_files import TRASH, now_stamp

PENDING = ".pending"
PLAN = "plan.json"


@dataclass
class FileBatch:
    data_dir: Path
    label: str
    id: str = ""
    _puts: list[tuple[str, str]] = field(default_factory=list)  # (target, staged name)
    _takes: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        stamp = "".join(c for c in now_stamp() if c.isdigit())
        self.id = f"{stamp}-{os.getpid()}-{self.label}"
        self._folder.mkdir(parents=True, exist_ok=True)

    @property
    def _folder(self) -> Path:
        return self.data_dir / PENDING / self.id

    @property
    def trash(self) -> str:
        """Where taken files go, relative to the data folder."""
        return f"{TRASH}/{self.id}"

    def put(self, relative: str, data: bytes) -> None:
        staged = f"{len(self._puts)}.bin"
        atomic_write_bytes(self._folder / staged, data)
        self._puts.append((relative, staged))

    def take(self, relative: str) -> None:
        self._takes.append(relative)

    def commit(self) -> None:
        plan = {"puts": self._puts, "takes": self._takes, "trash": self.trash}
        atomic_write_bytes(self._folder / PLAN, json.dumps(plan).encode("utf-8"))
        _carry_out(self.data_dir, self._folder, plan)

    def abandon(self) -> None:
        shutil.rmtree(self._folder, ignore_errors=True)


def _carry_out(data_dir: Path, folder: Path, plan: dict[str, object]) -> None:
    """Do what the plan says; each step can be done again (after a crash) safely."""
    trash = data_dir / str(plan["trash"])
    for relative in plan["takes"]:  # type: ignore[attr-defined]
        source, target = data_dir / relative, trash / relative
        if source.is_file() and not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    for relative, staged in plan["puts"]:  # type: ignore[attr-defined]
        source, target = folder / staged, data_dir / relative
        if source.is_file():
            if target.is_file() and not (trash / relative).exists():
                (trash / relative).parent.mkdir(parents=True, exist_ok=True)
                os.replace(target, trash / relative)  # what it replaces is kept
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
            fsync_folder(target.parent)
    shutil.rmtree(folder, ignore_errors=True)


def recover(data_dir: Path) -> int:
    """Finish every batch that committed and remove every one that did not; returns how
    many were finished."""
    pending = data_dir / PENDING
    if not pending.is_dir():
        return 0
    finished = 0
    for folder in sorted(pending.iterdir()):
        if _owner_alive(folder.name):
            continue  # another process is still staging it
        plan_file = folder / PLAN
        try:
            plan = json.loads(plan_file.read_bytes()) if plan_file.is_file() else None
        except (OSError, ValueError):
            plan = None
        if plan is None:
            shutil.rmtree(folder, ignore_errors=True)
            continue
        _carry_out(data_dir, folder, plan)
        finished += 1
    return finished


def _owner_alive(batch_id: str) -> bool:
    parts = batch_id.split("-")
    if len(parts) < 2 or not parts[1].isdigit():
        return False
    return pid_alive(int(parts[1]))


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs (this one counts as not: its own leftovers
    from before are never in the way)."""
    if pid == os.getpid() or pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True
    return True
