"""With a laptop and a projector, the slides go to the projector and the notes (the
step's note, what comes next and a preview of it) to the laptop, where the window was.

The test platform has one screen unless told otherwise, and only when it starts, so this
runs the window in a process of its own on Qt's offscreen platform with two screens.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

SCREENS = {
    "screens": [
        {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
        {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96},
    ]
}
SCRIPT = """
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from explorer.app import build_window
from explorer.core.paths import AppPaths

app = QApplication(sys.argv)
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
window = build_window(AppPaths.resolve(sys.argv[1]), settings=settings)
window.setGeometry(40, 40, 1200, 700)
window.show()
window.trails.start("the-iss-in-20-minutes", 2)
presenter = window.presenting.present()
notes = presenter.notes_window
seen = {
    "screens": [s.name() for s in app.screens()],
    "slides_on": presenter.slide_window.screen().name(),
    "notes_on": notes.screen().name(),
    "strip_shown": presenter.slide_window.strip.isVisible(),
    "slide": presenter.slide.article.toPlainText().splitlines()[1],
    "note": notes.panel.note.text(),
    "coming": notes.panel.coming.text(),
    "preview": notes.preview.toPlainText().splitlines()[1],
    "scale": presenter.slide.scale,
}
presenter.act("leave")
seen["window_back"] = window.isVisible() and not notes.isVisible()
print(json.dumps(seen))
"""


def test_the_projector_shows_the_slide_and_the_laptop_the_notes(tmp_path: Path):
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path / "data"), str(tmp_path / "settings.ini")],
        env=env,
        capture_output=True,
        text=True,
        timeout=50,
        check=True,
    )
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["screens"] == ["laptop", "projector"]
    assert (seen["slides_on"], seen["notes_on"]) == ("projector", "laptop")
    assert not seen["strip_shown"]  # the notes are on the laptop, not under the slide
    assert seen["slide"] == "Who does what"
    assert seen["note"].startswith("Look at the table.")
    assert seen["coming"] == "Next: International Space Station (ISS) partnership"
    assert seen["preview"] == "International Space Station (ISS) partnership"
    assert seen["scale"] == 2.0  # sized for the 1080-pixel projector, not the laptop
    assert seen["window_back"]
