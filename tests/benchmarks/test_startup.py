"""Cold start to first painted window, next to a bare PySide6 window in the same run.

Each figure is the wall time of a whole process (interpreter, imports, show, first paint,
quit) and its peak memory, median of several runs.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

RUNS = 7
BARE = """
import sys, resource
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
class Window(QWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, app.quit)
app = QApplication(sys.argv)
w = Window(); w.resize(1200, 800); w.show()
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""
APP = """
import sys, resource
from PySide6.QtCore import QObject, QEvent, QTimer
from PySide6.QtWidgets import QApplication
from explorer.core.paths import AppPaths
from explorer.app import build_window
class FirstPaint(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False
app = QApplication(sys.argv)
window = build_window(AppPaths.resolve(sys.argv[1]))
spy = FirstPaint(); window.article.viewport().installEventFilter(spy)
window.show()
app.exec()
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def measure(script: str, *args: str, runs: int = RUNS) -> tuple[float, float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    times, memory = [], []
    for _ in range(runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", script, *args],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        times.append(time.perf_counter() - start)
        memory.append(int(out.split()[-1]) / 1024)
    return statistics.median(times), statistics.median(memory)


@pytest.mark.benchmark
def test_cold_start_against_a_bare_window(tmp_path: Path):
    data = str(tmp_path / "data")
    first_start = measure(APP, data, runs=1)  # builds the database
    bare_time, bare_mem = measure(BARE)
    app_time, app_mem = measure(APP, data)
    print(f"\nbare PySide6 window: {bare_time * 1000:.0f} ms, {bare_mem:.0f} MiB peak")
    print(
        f"app, database ready: {app_time * 1000:.0f} ms, {app_mem:.0f} MiB peak "
        f"(ratio {app_time / bare_time:.2f}x; budget 2x and 150 MiB)"
    )
    print(
        f"app, first run (database built before the first paint of each run above): "
        f"{first_start[0] * 1000:.0f} ms"
    )
