"""Shared fixtures: every test builds its own world in tmp_path."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

# Qt tests run offscreen everywhere; set before any Qt import.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from explorer.core.paths import AppPaths
from explorer.store.catalog import Catalog

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A small, known content folder (a copy, so tests may change it)."""
    target = tmp_path / "content"
    shutil.copytree(FIXTURES / "content", target)
    return target


@pytest.fixture
def paths(tmp_path: Path, content_dir: Path) -> AppPaths:
    real = AppPaths.resolve(tmp_path / "data")
    return replace(real, content_dir=content_dir)


@pytest.fixture
def catalog(paths: AppPaths) -> Iterator[Catalog]:
    opened = Catalog.open(paths)
    yield opened
    opened.close()


@pytest.fixture
def bundled_paths(tmp_path: Path) -> AppPaths:
    """The real bundled content with a fresh data dir."""
    return AppPaths.resolve(tmp_path / "data")
