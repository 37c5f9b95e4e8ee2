"""kill -9 at any moment leaves the whole change or none of it, never half.

Random kills during real command-line processes; a few trials in the default run and many
with `-m stress`. The stress run also kills at exact system calls with strace's fault
injection (fsync, rename, pwrite64), which finds the windows random kills miss.
"""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ROWS = 2000
TRIALS = 4
STRESS_TRIALS = 40


def cli(data: Path, *args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "explorer", *args, "--data-dir", str(data)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def sheet(path: Path, prefix: str = "k") -> Path:
    lines = ["slug,name,type,start_year,status,domain,partners"]
    lines += [
        f"{prefix}-{i},Kill mission {i},bilateral,{2000 + i % 30},active,lunar,NASA; New Agency"
        for i in range(ROWS)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def teacher_count(data: Path) -> int:
    """What the next start finds: the teacher's partnerships (the index rebuilt or not)."""
    info = cli(data, "export", "--format", "json", "-", "--teacher-only")
    assert info.returncode == 0, info.stderr
    return len(json.loads(info.stdout)["partnerships"])


def leftovers(data: Path) -> list[str]:
    """Half-written files a user could come across (hidden staging is removed at start)."""
    found = [str(p) for p in data.rglob("*.tmp")]
    pending = data / ".pending"
    if pending.is_dir():
        found += [str(p) for p in pending.iterdir()]
    return found


def kill_after(args: list[str], delay: float) -> int:
    process = subprocess.Popen(
        [sys.executable, "-m", "explorer", *args],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    return process.wait()


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """A data folder after a first start (so kills fall in the import, not the build)."""
    data = tmp_path_factory.mktemp("first") / "data"
    assert cli(data, "info").returncode == 0
    return data


def fresh_copy(started: Path, tmp_path: Path, n: int) -> Path:
    data = tmp_path / f"data{n}"
    shutil.copytree(started, data)
    return data


def kill_trials(started: Path, tmp_path: Path, trials: int, seed: int) -> list[int]:
    spreadsheet = sheet(tmp_path / "missions.csv")
    rng = random.Random(seed)
    counts = []
    for n in range(trials):
        data = fresh_copy(started, tmp_path, n)
        kill_after(["import", str(spreadsheet), "--data-dir", str(data)], rng.uniform(0.15, 0.9))
        count = teacher_count(data)
        assert count in (0, ROWS), f"trial {n}: {count} of {ROWS} partnerships"
        assert leftovers(data) == [], f"trial {n}"
        check = cli(data, "search", "kill mission", "--json")
        assert check.returncode == 0
        counts.append(count)
    return counts


def test_an_import_killed_at_random_moments_lands_whole_or_not_at_all(started, tmp_path):
    kill_trials(started, tmp_path, TRIALS, seed=9)


@pytest.mark.stress
@pytest.mark.timeout(900)
def test_many_random_kills_during_an_import(started, tmp_path):
    counts = kill_trials(started, tmp_path, STRESS_TRIALS, seed=42)
    assert 0 in counts and ROWS in counts  # the kills fell both before and after the commit


def test_an_undo_killed_at_random_moments_is_whole_or_not_at_all(started, tmp_path):
    spreadsheet = sheet(tmp_path / "missions.csv")
    rng = random.Random(3)
    for n in range(TRIALS):
        data = fresh_copy(started, tmp_path, n)
        assert cli(data, "import", str(spreadsheet)).returncode == 0
        kill_after(["undo-import", "--data-dir", str(data)], rng.uniform(0.1, 0.6))
        assert teacher_count(data) in (0, ROWS)
        assert leftovers(data) == []


STRACE = shutil.which("strace")


@pytest.mark.stress
@pytest.mark.timeout(900)
@pytest.mark.skipif(STRACE is None, reason="needs strace")
@pytest.mark.parametrize("call", ["fsync", "rename", "pwrite64"])
def test_a_kill_at_each_system_call_of_an_import_leaves_all_or_nothing(started, tmp_path, call):
    spreadsheet = sheet(tmp_path / "missions.csv")
    seen = set()
    for when in range(1, 60):
        data = fresh_copy(started, tmp_path, when)
        command = [
            STRACE, "-f", "-qq", "-o", "/dev/null", "-e", f"trace={call}",
            "-e", f"inject={call}:signal=KILL:when={when}",
            sys.executable, "-m", "explorer", "import", str(spreadsheet), "--data-dir", str(data),
        ]  # fmt: skip
        done = subprocess.run(command, cwd=ROOT, capture_output=True, timeout=120)
        count = teacher_count(data)
        assert count in (0, ROWS), f"{call} #{when}: {count} of {ROWS}"
        assert leftovers(data) == [], f"{call} #{when}"
        seen.add(count)
        shutil.rmtree(data)
        if done.returncode == 0:  # the import finished before the when-th call: all tried
            break
    assert ROWS in seen


def teacher_files_now(data: Path) -> dict[str, bytes]:
    """What the teacher has after the next start (which finishes or drops half-done work)."""
    assert cli(data, "info").returncode == 0
    from explorer.core.teacher_files import teacher_files

    return {name: path.read_bytes() for name, path in teacher_files(data).items()}


@pytest.fixture(scope="module")
def pack(started, tmp_path_factory):
    """A content pack of 40 lessons and 500 partnerships, from another teacher."""
    folder = tmp_path_factory.mktemp("author")
    data = folder / "data"
    shutil.copytree(started, data)
    lessons = data / "lessons"
    lessons.mkdir(exist_ok=True)
    for n in range(40):
        text = f"---\ntitle: Lesson {n}\nsection: outlook\n---\n\n{'Words. ' * 400}\n"
        (lessons / f"lesson-{n}.md").write_text(text, encoding="utf-8")
    spreadsheet = folder / "rows.csv"
    lines = ["slug,name,type,start_year,status,domain,partners"]
    lines += [f"p-{i},Pack mission {i},bilateral,2001,active,lunar,NASA" for i in range(500)]
    spreadsheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert cli(data, "import", str(spreadsheet)).returncode == 0
    out = folder / "pack.zip"
    assert cli(data, "export", "--format", "pack", str(out)).returncode == 0
    return out


def test_a_pack_import_killed_at_random_moments_is_whole_or_absent(started, pack, tmp_path):
    rng = random.Random(5)
    for n in range(TRIALS):
        data = fresh_copy(started, tmp_path, n)
        kill_after(["import", str(pack), "--data-dir", str(data)], rng.uniform(0.2, 1.2))
        files = teacher_files_now(data)
        lessons = [name for name in files if name.startswith("lessons/")]
        imports = [name for name in files if name.startswith("imports/")]
        assert (len(lessons), len(imports)) in ((0, 0), (40, 1)), f"trial {n}"
        assert teacher_count(data) in (0, 500)
        assert leftovers(data) == []


def test_a_restore_killed_at_random_moments_gives_one_state_or_the_other(started, tmp_path):
    spreadsheet = sheet(tmp_path / "missions.csv")
    rng = random.Random(8)
    for n in range(TRIALS):
        data = fresh_copy(started, tmp_path, n)
        (data / "lessons").mkdir(exist_ok=True)
        (data / "lessons" / "a.md").write_text("---\ntitle: A\nsection: outlook\n---\nA.\n")
        made = cli(data, "backup", "create")
        backup_id = made.stdout.strip()
        then = teacher_files_now(data)
        assert cli(data, "import", str(spreadsheet)).returncode == 0
        (data / "lessons" / "a.md").unlink()
        (data / "lessons" / "b.md").write_text("---\ntitle: B\nsection: outlook\n---\nB.\n")
        now = teacher_files_now(data)
        kill_after(["backup", "restore", backup_id, "--data-dir", str(data)], rng.uniform(0.1, 0.9))
        assert teacher_files_now(data) in (then, now), f"trial {n}"
        assert leftovers(data) == []
