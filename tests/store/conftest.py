"""Helpers for the import, export and backup tests: what the catalog and the disk hold."""

from __future__ import annotations

from pathlib import Path

import pytest

from explorer.store.partnerships import CHILD_TABLES

TABLES = ("partnerships", "partners", "partner_aliases", *CHILD_TABLES)


def database_rows(db) -> dict[str, list[tuple]]:
    """Every row of the catalog tables (sorted), to compare before and after."""
    return {
        table: sorted(tuple(row) for row in db.execute(f"select * from {table}").fetchall())
        for table in TABLES
    }


def files_under(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def store(catalog):
    return catalog.partnerships


@pytest.fixture
def write_csv(tmp_path):
    def write(text: str, name: str = "partnerships.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write
