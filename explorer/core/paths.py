"""Where things live: one value, overridable for tests and portable installs."""

from __future__ import annotations

import importlib.resources
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

DATA_DIR_ENV = "SPACE_EXPLORER_DATA_DIR"
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

    @classmethod
    def resolve(cls, data_dir: str | os.PathLike[str] | None = None) -> AppPaths:
        """--data-dir wins, then $SPACE_EXPLORER_DATA_DIR, then the platform's data dir."""
        chosen = data_dir or os.environ.get(DATA_DIR_ENV)
        base = Path(chosen) if chosen else Path(platformdirs.user_data_dir("space-explorer"))
        return cls(
            data_dir=base.expanduser().resolve(),
            content_dir=bundled_content_dir(),
            resources_dir=_bundled("resources", "resources"),
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

    def ensure(self) -> None:
        self.teacher_lessons.mkdir(parents=True, exist_ok=True)
