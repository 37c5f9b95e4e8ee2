"""Two real processes on one data folder: the window's and the command line's."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc")

ROOT = Path(__file__).resolve().parents[2]


@contextmanager
def holding(data: Path) -> Iterator[subprocess.Popen[str]]:
    """A process that holds the data folder open as the window does, until the block ends
    (then it quits, and its pipes are closed)."""
    with subprocess.Popen(
        [sys.executable, "-m", "tests.processes.holder", str(data)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as holder:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        try:
            yield holder
        finally:
            ask(holder, "quit")
            holder.wait(timeout=30)


def integrity(database: Path) -> str:
    with closing(sqlite3.connect(database)) as check:
        return str(check.execute("pragma integrity_check").fetchone()[0])


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
    with holding(data) as holder:
        assert cli(data, "info").returncode == 0
        with closing(sqlite3.connect(data / "explorer.db")) as reader:
            reader.execute("select count(*) from meta").fetchall()
        assert ask(holder, "wal") == "deleted:"
        assert ask(holder, "count").startswith("count:")
    assert integrity(data / "explorer.db") == "ok"


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
    results = [(p.communicate(timeout=120)[1], p.returncode) for p in starters]
    assert [code for _, code in results] == [0, 0, 0, 0], results
    assert not list(data.glob("explorer.db.broken-*"))


def write_sheet(path: Path, prefix: str, rows: int) -> Path:
    lines = ["slug,name,type,start_year,status,domain,partners"]
    lines += [
        f"{prefix}-{i},{prefix.title()} mission {i},bilateral,{2000 + i % 30},active,lunar,NASA"
        for i in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_window_and_command_lines_write_at_once_and_nothing_is_lost(tmp_path):
    data = tmp_path / "data"
    sheets = [write_sheet(tmp_path / f"s{n}.csv", f"cli{n}", 300) for n in range(3)]
    with holding(data) as holder:
        writers = [
            subprocess.Popen(
                [sys.executable, "-m", "explorer", "import", str(sheet), "--data-dir", str(data)],
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.PIPE,
                text=True,
            )
            for sheet in sheets
        ]
        readers = [cli(data, "search", "mission", "--json") for _ in range(2)]
        for n in range(5):
            assert ask(holder, f"save window-{n}") == "saved"
        finished = [(w.communicate(timeout=120)[1], w.returncode) for w in writers]
        assert [code for _, code in finished] == [0, 0, 0], finished
        assert all(r.returncode == 0 for r in readers), [r.stderr for r in readers]
        assert ask(holder, "sync").startswith("synced:")
        bundled = len(list((ROOT / "content" / "partnerships").glob("*.yaml")))
        assert ask(holder, "count") == f"count:{bundled + 900 + 5}"
        assert ask(holder, "wal") == "deleted:"
    assert integrity(data / "explorer.db") == "ok"
    (data / "explorer.db").unlink()
    info = cli(data, "info", "--json")
    assert json.loads(info.stdout)["partnerships"] >= 900 + 5
