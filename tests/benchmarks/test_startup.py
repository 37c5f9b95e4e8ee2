"""Cold start to first painted window, next to a bare PySide6 window in the same run.

Each figure is the wall time of a whole process (interpreter, imports, show, first paint,
quit) and its peak memory, median of several runs. The app is measured twice: to the first
paint of its window (the frame, painted before the catalog opens), and to the first paint
of the lesson it opens at (the window filled).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUNS = 9
BARE = """
import sys, resource, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
class Window(QWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        print(time.time())
        QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv)
w = Window(); w.resize(1200, 800); w.show()
app.exec()
# VmHWM: this process's own peak (ru_maxrss would keep pytest's peak across exec)
print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))
"""
APP = """
import sys, resource, time
from PySide6.QtCore import QEvent, QObject, QTimer
from explorer.core.paths import AppPaths
from explorer.app import make_application, start_gui
painted = []
class FirstPaint(QObject):
    def __init__(self, then=None):
        super().__init__()
        self.then = then
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and obj not in painted:
            painted.append(obj)
            print(time.time())
            if self.then:
                QTimer.singleShot(0, self.then)
        return False
app = make_application()
frame, lesson = FirstPaint(), FirstPaint(app.quit)
window = start_gui(AppPaths.resolve(sys.argv[1]))
window.installEventFilter(frame)
window.location_changed.connect(  # the first page shown: watch its first paint
    lambda _: window.read_view.article.viewport().installEventFilter(lesson))
app.exec()
# VmHWM: this process's own peak (ru_maxrss would keep pytest's peak across exec)
print(next(line.split()[1] for line in open('/proc/self/status') if line.startswith('VmHWM')))
"""


def measure(script: str, *args: str, runs: int = RUNS) -> tuple[list[float], float]:
    """Median seconds from process start to each moment the script prints (a time.time()
    per line; a bare window: the process end), and the median peak memory in MiB."""
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "XDG_CONFIG_HOME": f"{args[0]}-config" if args else "/nonexistent",
    }
    moments: list[list[float]] = []
    memory = []
    for _ in range(runs):
        start, wall = time.perf_counter(), time.time()
        out = subprocess.run(
            [sys.executable, "-c", script, *args],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.split()
        end = time.perf_counter() - start
        moments.append([float(t) - wall for t in out[:-1]] or [end])
        memory.append(int(out[-1]) / 1024)
    return [statistics.median(m) for m in zip(*moments, strict=True)], statistics.median(memory)


@pytest.mark.benchmark
def test_cold_start_against_a_bare_window(tmp_path: Path):
    data = str(tmp_path / "data")
    (_, first_run), _ = measure(APP, data, runs=1)  # builds the database
    (bare,), bare_mem = measure(BARE)
    (frame, lesson), app_mem = measure(APP, data)
    print(
        f"\nbare PySide6 window, process start to its first paint: "
        f"{bare * 1000:.0f} ms, {bare_mem:.0f} MiB peak"
    )
    print(
        f"app window painted (frame, catalog not open yet): {frame * 1000:.0f} ms "
        f"(ratio {frame / bare:.2f}x; budget 2x)"
    )
    print(
        f"app first lesson painted (window filled): {lesson * 1000:.0f} ms "
        f"(ratio {lesson / bare:.2f}x), {app_mem:.0f} MiB peak (budget 150 MiB)"
    )
    print(
        f"app first run (database built from the bundled content): "
        f"{first_run * 1000:.0f} ms to the first lesson"
    )
