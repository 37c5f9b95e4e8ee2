"""Two real processes on one data folder: the window's and the command line's."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")

ROOT = Path(__file__).resolve().parents[2]


def start_holder(data: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-m", "tests.processes.holder", str(data)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
    return holder


def ask(holder: subprocess.Popen[str], command: str) -> str:
    assert holder.stdin is not None and holder.stdout is not None
    holder.stdin.write(command + "\n")
    holder.stdin.flush()
    return holder.stdout.readline().strip()


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args, "--data-dir", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_command_line_never_deletes_the_log_an_open_window_is_using(tmp_path):
    data = tmp_path / "data"
    holder = start_holder(data)
    try:
        assert cli(data, "info").returncode == 0
        sqlite3.connect(data / "explorer.db").execute("select count(*) from meta").fetchall()
        assert ask(holder, "wal") == "deleted:"
        assert ask(holder, "count").startswith("count:")
    finally:
        ask(holder, "quit")
        holder.wait(timeout=30)
    check = sqlite3.connect(data / "explorer.db")
    assert check.execute("pragma integrity_check").fetchone()[0] == "ok"


def test_processes_starting_together_on_a_new_folder_share_one_database(tmp_path):
    data = tmp_path / "data"
    starters = [
        subprocess.Popen(
            [sys.executable, "-m", "explorer", "info", "--json", "--data-dir", str(data)],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    results = [(p.wait(timeout=120), p.stderr.read()) for p in starters]  # type: ignore[union-attr]
    assert [code for code, _ in results] == [0, 0, 0, 0], results
    assert not list(data.glob("explorer.db.broken-*"))
