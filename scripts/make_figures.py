"""Draw the lessons' figures as SVG: content/lessons/images/NAME.svg and NAME.dark.svg.

Run from the repository root, after changing the bundled catalog or a figure:

    .venv/bin/python scripts/make_figures.py           # write every figure
    .venv/bin/python scripts/make_figures.py --check   # exit 1 if a committed file differs

The data charts are computed from the bundled catalog (content/partnerships, read
through explorer.core), so they must be redrawn whenever a partnership is added or
changed; tests/content/test_figures.py fails until they are. The diagrams are drawn from
small tables of facts in scripts/figlib/diagrams*.py, each with the sources it rests on;
the lessons that show them cite those sources too.

Every figure is written twice: NAME.svg in the light palette and NAME.dark.svg in the
dark one (the article view shows the dark file when the dark theme is on).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from figlib import (
    charts,
    diagrams_cases,
    diagrams_ideas,
    diagrams_lessons,
    diagrams_world,
    timelines,
)
from figlib.data import Catalog, load_catalog
from figlib.svg import DARK, LIGHT, Figure

IMAGES = Path(__file__).resolve().parents[1] / "content" / "lessons" / "images"

#: figure name -> how to draw it from the catalog
FIGURES: dict[str, Callable[[Catalog], Figure]] = {
    "benefits-in-the-catalog": charts.benefit_counts,
    "types-by-decade": charts.types_by_decade,
    **timelines.FIGURES,
    **diagrams_lessons.FIGURES,
    **diagrams_ideas.FIGURES,
    **diagrams_cases.FIGURES,
    **diagrams_world.FIGURES,
}


def render_all(catalog: Catalog | None = None) -> dict[str, str]:
    """File name -> SVG text for every figure in both palettes."""
    catalog = catalog or load_catalog()
    files: dict[str, str] = {}
    for name, draw in FIGURES.items():
        figure = draw(catalog)
        files[f"{name}.svg"] = figure.render(LIGHT)
        files[f"{name}.dark.svg"] = figure.render(DARK)
    return files


def differences(files: dict[str, str], folder: Path = IMAGES) -> list[str]:
    """What a fresh drawing would change in `folder`: missing, differing or stale files."""
    found = []
    for name, text in sorted(files.items()):
        path = folder / name
        if not path.exists():
            found.append(f"{name}: missing")
        elif path.read_text(encoding="utf-8") != text:
            found.append(f"{name}: differs from a fresh drawing")
    found.extend(
        f"{path.name}: no figure draws it"
        for path in sorted(folder.glob("*.svg"))
        if path.name not in files
    )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    files = render_all()
    if args.check:
        problems = differences(files)
        for problem in problems:
            print(f"content/lessons/images/{problem}", file=sys.stderr)
        return 1 if problems else 0
    IMAGES.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        path = IMAGES / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(IMAGES.parents[2])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
