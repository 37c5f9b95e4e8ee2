"""The bundled lessons' figures: present, described, readable in both themes, up to date."""

from __future__ import annotations

import importlib.util
import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from explorer.core.paths import bundled_content_dir

LESSONS = bundled_content_dir() / "lessons"
IMAGES = LESSONS / "images"
SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "make_figures.py"
#: a lone image paragraph: ![alt](src "caption")
FIGURE_RE = re.compile(r'^!\[(?P<alt>[^\]]*)\]\((?P<src>[^\s)]+)(?:\s+"(?P<title>[^"]*)")?\)$')
SVG = "{http://www.w3.org/2000/svg}"
MIN_TEXT_PX = 12
AA_TEXT = 4.5


def lesson_figures(path: Path) -> list[re.Match[str]]:
    body = path.read_text(encoding="utf-8").split("\n---", 2)[-1]
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body)]
    return [m for p in paragraphs if (m := FIGURE_RE.match(p))]


LESSON_FILES = sorted(LESSONS.glob("*.md"))
SVG_FILES = sorted(IMAGES.glob("*.svg"))


def test_there_are_lessons_and_figures_to_check():
    assert len(LESSON_FILES) >= 20
    assert len(SVG_FILES) >= 40


@pytest.mark.parametrize("path", LESSON_FILES, ids=lambda p: p.stem)
def test_every_lesson_has_a_described_and_captioned_figure(path):
    figures = lesson_figures(path)
    assert figures, f"{path.name} has no figure"
    for figure in figures:
        assert len(figure["alt"].split()) >= 8, (
            f"{path.name}: alt text too short: {figure['alt']!r}"
        )
        assert figure["title"] and figure["title"].strip(), (
            f"{path.name}: {figure['src']} has no caption"
        )
        image = (path.parent / figure["src"]).resolve()
        assert image.is_file(), f"{path.name}: {figure['src']} does not exist"
        if image.suffix == ".svg":
            dark = image.with_name(image.name[: -len(".svg")] + ".dark.svg")
            assert dark.is_file(), f"{figure['src']} has no dark variant"


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize(
    ("a", "b", "ratio"),
    [("#ffffff", "#000000", 21.0), ("#777777", "#ffffff", 4.48), ("#1c2230", "#1c2230", 1.0)],
)
def test_contrast_follows_wcag(a, b, ratio):
    assert contrast(a, b) == pytest.approx(ratio, abs=0.01)


def backdrop(rects: list[tuple[float, float, float, float, str]], x: float, y: float) -> str:
    """The fill of the last opaque rectangle drawn under the point (x, y)."""
    for left, top, width, height, fill in reversed(rects):
        if left <= x <= left + width and top <= y <= top + height:
            return fill
    raise AssertionError(f"nothing is drawn under ({x}, {y})")


@pytest.mark.parametrize("path", SVG_FILES, ids=lambda p: p.name)
def test_every_figure_is_plain_svg_tiny_with_readable_text(path):
    root = ElementTree.parse(path).getroot()
    assert root.tag == f"{SVG}svg"
    assert {"width", "height", "viewBox"} <= set(root.attrib)
    tags = {element.tag.removeprefix(SVG) for element in root.iter()}
    assert not tags & {"style", "filter", "foreignObject", "image", "script"}, path.name
    rects: list[tuple[float, float, float, float, str]] = []
    texts = 0
    for element in root.iter():
        tag = element.tag.removeprefix(SVG)
        assert "style" not in element.attrib, f"{path.name}: CSS style attribute on <{tag}>"
        if tag == "rect" and element.get("fill", "none").startswith("#"):
            rects.append(
                (
                    float(element.get("x", 0)),
                    float(element.get("y", 0)),
                    float(element.get("width")),
                    float(element.get("height")),
                    element.get("fill"),
                )
            )
        elif tag == "text":
            texts += 1
            size = float(element.get("font-size"))
            assert element.get("font-family") == "sans-serif"
            assert size >= MIN_TEXT_PX, f"{path.name}: {element.text!r} is {size}px"
            x, y = float(element.get("x")), float(element.get("y"))
            under = backdrop(rects, x, y - size / 3)
            ratio = contrast(element.get("fill"), under)
            assert ratio >= AA_TEXT, f"{path.name}: {element.text!r} {ratio:.2f}:1 on {under}"
    assert texts, f"{path.name} has no text"


@pytest.mark.parametrize(
    "path", [p for p in SVG_FILES if p.name.endswith(".dark.svg")], ids=lambda p: p.name
)
def test_dark_figures_have_a_dark_background_and_light_figures_a_light_one(path):
    def background(svg: Path) -> str:
        first = next(e for e in ElementTree.parse(svg).getroot() if e.tag == f"{SVG}rect")
        return first.get("fill")

    light = path.with_name(path.name.replace(".dark.svg", ".svg"))
    assert luminance(background(path)) < 0.05 < 0.8 < luminance(background(light))


def load_script():
    spec = importlib.util.spec_from_file_location("make_figures", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_figures", module)
    spec.loader.exec_module(module)
    return module


def test_the_committed_figures_are_what_the_script_draws_from_the_catalog():
    """Fails when the catalog changed and the charts were not redrawn: run
    `python scripts/make_figures.py` and commit the result."""
    script = load_script()
    assert script.differences(script.render_all(), IMAGES) == []
