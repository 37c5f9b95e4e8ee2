"""The layer rules of DESIGN.md, checked by import-linter on every test run."""

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_core_and_store_never_import_qt_or_ui():
    command = shutil.which("lint-imports")
    if command is None:
        pytest.fail("import-linter is not installed; install the project with its test extra")
    result = subprocess.run([command], cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout
