"""Where things live: one value, overridable for tests and portable installs."""

from __future__ import annotations

import importlib.resources
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "SPACE_EXPLORER_DATA_DIR"
#: shared content folders an administrator presets (os.pathsep between folders)
CONTENT_ENV = "SPACE_EXPLORER_CONTENT"
#: one folder a line; in the user's data folder (View > Content Sources) and in the
#: platform's system-wide configuration folder (an administrator's preset)
SOURCES_FILE = "content-sources.txt"
SOURCE_ROOT = Path(__file__).resolve().parents[2]


def _bundled(package: str, folder: str) -> Path:
    """Bundled files: inside the installed wheel, or the source checkout's top level."""
    try:
        path = Path(str(importlib.resources.files(f"explorer.{package}")))
        if path.is_dir():
            return path
    except ModuleNotFoundError:
        pass
    return SOURCE_ROOT / folder


def bundled_content_dir() -> Path:
    """The app's own read-only content (lessons, partnerships, data tables)."""
    return _bundled("content", "content")


@dataclass(frozen=True, slots=True)
class AppPaths:
    data_dir: Path
    content_dir: Path
    resources_dir: Path
    #: shared content folders, read-only, first one first (local > shared > bundled)
    shared: tuple[Path, ...] = ()

    @classmethod
    def resolve(
        cls,
        data_dir: str | os.PathLike[str] | None = None,
        content: Sequence[str | os.PathLike[str]] = (),
    ) -> AppPaths:
        """--data-dir wins, then $SPACE_EXPLORER_DATA_DIR, then the platform's data dir.
        Shared content folders: --content (repeatable), then $SPACE_EXPLORER_CONTENT, then
        the user's list, then the system-wide list (see `shared_folders`)."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        base = Path(chosen) if chosen else Path(platformdirs.user_data_dir("space-explorer"))
        data = base.expanduser().resolve()
        return cls(
            data_dir=data,
            content_dir=bundled_content_dir(),
            resources_dir=_bundled("resources", "resources"),
            shared=shared_folders(data, content),
        )

    @property
    def database(self) -> Path:
        return self.data_dir / "explorer.db"

    @property
    def teacher_lessons(self) -> Path:
        return self.data_dir / "lessons"

    @property
    def bundled_lessons(self) -> Path:
        return self.content_dir / "lessons"

    @property
    def drafts(self) -> Path:
        """Autosaved editor drafts (explorer.core.drafts)."""
        return self.data_dir / "drafts"

    @property
    def backups(self) -> Path:
        return self.data_dir / "backups"

    @property
    def sources_file(self) -> Path:
        """The user's own list of shared content folders (View > Content Sources)."""
        return self.data_dir / SOURCES_FILE

    def ensure(self) -> None:
        self.teacher_lessons.mkdir(parents=True, exist_ok=True)


def shared_folders(
    data_dir: Path, given: Sequence[str | os.PathLike[str]] = ()
) -> tuple[Path, ...]:
    """Every shared content folder, in order, each once: those given on the command line,
    in $SPACE_EXPLORER_CONTENT, in the user's list, then in the system-wide list."""
    found: list[Path] = [Path(x) for x in given]
    found += [Path(x) for x in os.environ.get(CONTENT_ENV, "").split(os.pathsep) if x.strip()]
    found += read_sources(data_dir / SOURCES_FILE)
    found += read_sources(system_sources_file())
    unique = dict.fromkeys(p.expanduser().absolute() for p in found)
    return tuple(p for p in unique if p != data_dir)


def read_sources(path: Path) -> list[Path]:
    """A list of folders, one a line (blank lines and lines starting with # left out)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    return [Path(line.strip()) for line in lines if line.strip() and not line.startswith("#")]


def system_sources_file() -> Path:
    """Where an administrator lists the school's shared folders for every user."""
    return Path(platformdirs.site_config_dir("space-explorer")) / SOURCES_FILE
