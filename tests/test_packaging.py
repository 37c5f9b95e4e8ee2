"""`pip install .` gives a working app: every package of explorer is listed in
pyproject.toml (setuptools is given the list, so a new folder is easily left out)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_of_the_app_goes_into_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "explorer").rglob("__init__.py")
    }
    assert found - listed == set()


def test_the_bundled_trails_go_into_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "trails/*.yaml" in config["tool"]["setuptools"]["package-data"]["explorer.content"]
