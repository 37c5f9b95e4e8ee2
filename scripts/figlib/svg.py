"""A tiny SVG builder for the lesson figures: shapes with colour *roles*, drawn twice.

A figure is drawn once, in roles ("text", "nasa", "blue_tint"...), and rendered once per
palette: `name.svg` with LIGHT and `name.dark.svg` with DARK. The output keeps to what
Qt's SVG Tiny 1.2 renderer draws: plain fill and stroke attributes, no CSS, no filters,
no markers (arrowheads are polygons), `font-family="sans-serif"`, explicit sizes.

Text is never placed on a strong colour: labels sit on the background or on a `_tint`
box, whose palettes are chosen (and tested) for WCAG AA contrast with `text`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from html import escape

#: the natural width of every figure, about the article's reading column
WIDTH = 640
FONT = "sans-serif"

LIGHT: dict[str, str] = {
    "bg": "#f7f8fa",
    "border": "#d3d8e0",
    "text": "#1c2230",
    "muted": "#4f5869",
    "grid": "#d9dde4",
    "line": "#6b7487",
    "blue": "#2f6fd6",
    "blue_tint": "#dde8fb",
    "orange": "#e07b24",
    "orange_tint": "#fde6d2",
    "green": "#2e9a55",
    "green_tint": "#d9f0e1",
    "purple": "#8250c8",
    "purple_tint": "#eadff8",
    "red": "#d2453b",
    "red_tint": "#f9dedb",
    "teal": "#16929c",
    "teal_tint": "#d3eff1",
    "gold": "#c99a16",
    "gold_tint": "#f6ecc9",
    "grey": "#8a93a3",
    "grey_tint": "#e6e9ee",
    "white": "#ffffff",
}
DARK: dict[str, str] = {
    "bg": "#1d2025",
    "border": "#3a3f49",
    "text": "#e6e9ef",
    "muted": "#a9b1be",
    "grid": "#3a3f49",
    "line": "#9aa3b2",
    "blue": "#5b93f0",
    "blue_tint": "#203352",
    "orange": "#f0a060",
    "orange_tint": "#4a2f18",
    "green": "#58c27d",
    "green_tint": "#1b3a26",
    "purple": "#b48cf0",
    "purple_tint": "#33284a",
    "red": "#f07a70",
    "red_tint": "#4a2220",
    "teal": "#45c4cc",
    "teal_tint": "#153c40",
    "gold": "#e2bd4a",
    "gold_tint": "#3f3416",
    "grey": "#8a93a3",
    "grey_tint": "#2c3038",
    "white": "#e6e9ef",
}
#: partners and partnership types keep one colour in every figure
ROLE_ALIASES = {
    "nasa": "blue",
    "esa": "teal",
    "roscosmos": "red",
    "ussr": "red",
    "jaxa": "purple",
    "csa": "gold",
    "asi": "green",
    "isro": "orange",
    "china": "red",
    "company": "orange",
    "bilateral": "blue",
    "multilateral": "green",
    "public-private": "orange",
}

# Rough advance widths of DejaVu Sans (the usual Linux sans-serif) per em, for layout.
_NARROW = set("fijlrtI.,:;'!|()[] ")
_WIDE = set("mwMWOQGCDHNU@%")


def text_width(text: str, size: float, bold: bool = False) -> float:
    """An upper estimate of the drawn width of `text`, so labels get room to spare."""
    em = sum(0.34 if c in _NARROW else 0.98 if c in _WIDE else 0.64 for c in text)
    return em * size * (1.15 if bold else 1.0)


def wrap(text: str, width: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to `width` pixels."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if current and text_width(candidate, size, bold) > width:
            lines.append(current)
            current = word
        else:
            current = candidate
    if current:
        lines.append(current)
    return lines


def role(name: str) -> str:
    """'nasa_tint' -> 'blue_tint'; colour roles may name a partner or a type."""
    base, _, tint = name.partition("_")
    base = ROLE_ALIASES.get(base, base)
    return f"{base}_{tint}" if tint else base


@dataclass
class Figure:
    """Shapes in drawing order; `render` turns them into one SVG per palette."""

    height: int
    title: str
    width: int = WIDTH
    items: list[tuple[str, dict[str, object]]] = field(default_factory=list)

    # -- shapes -----------------------------------------------------------------------
    def rect(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        fill: str = "none",
        stroke: str = "none",
        rx: float = 0,
        width: float = 1,
    ) -> None:
        attrs = {"x": x, "y": y, "width": w, "height": h, "fill": fill, "stroke": stroke}
        if rx:
            attrs["rx"] = rx
        if stroke != "none":
            attrs["stroke-width"] = width
        self.items.append(("rect", attrs))

    def line(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str = "line", width: float = 1.5
    ) -> None:
        self.items.append(
            (
                "line",
                {"x1": x1, "y1": y1, "x2": x2, "y2": y2, "stroke": stroke, "stroke-width": width},
            )
        )

    def dashed(
        self, x1: float, y1: float, x2: float, y2: float, stroke: str = "line", width: float = 1.5
    ) -> None:
        self.items.append(
            (
                "line",
                {
                    "x1": x1,
                    "y1": y1,
                    "x2": x2,
                    "y2": y2,
                    "stroke": stroke,
                    "stroke-width": width,
                    "stroke-dasharray": "5 4",
                },
            )
        )

    def circle(self, cx: float, cy: float, r: float, fill: str, stroke: str = "none") -> None:
        attrs: dict[str, object] = {"cx": cx, "cy": cy, "r": r, "fill": fill, "stroke": stroke}
        if stroke != "none":
            attrs["stroke-width"] = 1.5
        self.items.append(("circle", attrs))

    def ellipse(
        self, cx: float, cy: float, rx: float, ry: float, fill: str, stroke: str = "none"
    ) -> None:
        attrs: dict[str, object] = {"cx": cx, "cy": cy, "rx": rx, "ry": ry, "fill": fill}
        attrs["stroke"] = stroke
        if stroke != "none":
            attrs["stroke-width"] = 1.5
        self.items.append(("ellipse", attrs))

    def polygon(self, points: list[tuple[float, float]], fill: str, stroke: str = "none") -> None:
        attrs: dict[str, object] = {"points": _points(points), "fill": fill, "stroke": stroke}
        if stroke != "none":
            attrs["stroke-width"] = 1.5
        self.items.append(("polygon", attrs))

    def polyline(
        self, points: list[tuple[float, float]], stroke: str = "line", width: float = 1.5
    ) -> None:
        attrs = {"points": _points(points), "fill": "none", "stroke": stroke, "stroke-width": width}
        self.items.append(("polyline", attrs))

    def arrow(
        self,
        x1: float,
        y1: float,
        x2: float,
        y2: float,
        stroke: str = "line",
        width: float = 2,
        head: float = 9,
    ) -> None:
        """A line from (x1, y1) ending in a filled arrowhead at (x2, y2)."""
        angle = math.atan2(y2 - y1, x2 - x1)
        back_x, back_y = x2 - head * math.cos(angle), y2 - head * math.sin(angle)
        self.line(x1, y1, back_x, back_y, stroke, width)
        spread = head * 0.55
        left = (back_x + spread * math.sin(angle), back_y - spread * math.cos(angle))
        right = (back_x - spread * math.sin(angle), back_y + spread * math.cos(angle))
        self.polygon([(x2, y2), left, right], stroke)

    def text(
        self,
        x: float,
        y: float,
        text: str,
        size: float = 13,
        fill: str = "text",
        anchor: str = "start",
        bold: bool = False,
        italic: bool = False,
    ) -> None:
        attrs: dict[str, object] = {
            "x": x,
            "y": y,
            "font-family": FONT,
            "font-size": size,
            "fill": fill,
        }
        if anchor != "start":
            attrs["text-anchor"] = anchor
        if bold:
            attrs["font-weight"] = "bold"
        if italic:
            attrs["font-style"] = "italic"
        self.items.append(("text", {**attrs, "_text": text}))

    def lines(
        self,
        x: float,
        y: float,
        rows: list[str],
        size: float = 13,
        fill: str = "text",
        anchor: str = "start",
        bold: bool = False,
        leading: float = 1.3,
    ) -> float:
        """Several lines of text, the first baseline at `y`; returns the last baseline."""
        for index, row in enumerate(rows):
            self.text(x, y + index * size * leading, row, size, fill, anchor, bold)
        return y + (len(rows) - 1) * size * leading

    def paragraph(
        self,
        x: float,
        y: float,
        text: str,
        width: float,
        size: float = 13,
        fill: str = "text",
        bold: bool = False,
    ) -> float:
        """Wrapped text; returns the baseline of its last line."""
        return self.lines(x, y, wrap(text, width, size, bold), size, fill, bold=bold)

    def box(
        self,
        x: float,
        y: float,
        w: float,
        h: float,
        colour: str,
        title: str = "",
        body: list[str] | None = None,
        size: float = 13,
        bullets: list[str] | None = None,
    ) -> None:
        """A tinted box with an outline in `colour`, a bold title, lines of body text and
        bulleted items wrapped to the box."""
        self.rect(x, y, w, h, fill=f"{colour}_tint", stroke=colour, rx=6, width=1.5)
        baseline = y + 20
        if title:
            self.text(x + 10, baseline, title, size + 1, bold=True)
            baseline += (size + 1) * 1.4
        if body:
            baseline = self.lines(x + 10, baseline, body, size) + size * 1.3
        for item in bullets or ():
            self.text(x + 10, baseline, "•", size)
            baseline = self.paragraph(x + 22, baseline, item, w - 32, size) + size * 1.4

    # -- output -------------------------------------------------------------------------
    def render(self, palette: dict[str, str]) -> str:
        head = (
            f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" '
            f'width="{self.width}" height="{self.height}" '
            f'viewBox="0 0 {self.width} {self.height}">'
        )
        out = [head, f"<title>{escape(self.title)}</title>"]
        out.append(
            f'<rect x="0" y="0" width="{self.width}" height="{self.height}" '
            f'fill="{palette["bg"]}" stroke="{palette["border"]}" stroke-width="1"/>'
        )
        for tag, attrs in self.items:
            out.append(_element(tag, attrs, palette))
        out.append("</svg>")
        return "\n".join(out) + "\n"


def _points(points: list[tuple[float, float]]) -> str:
    return " ".join(f"{_num(x)},{_num(y)}" for x, y in points)


def _num(value: object) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".rstrip("0").rstrip(".")
    return str(value)


def _colour(value: object, palette: dict[str, str]) -> str:
    name = str(value)
    if name == "none" or name.startswith("#"):
        return name
    return palette[role(name)]


def _element(tag: str, attrs: dict[str, object], palette: dict[str, str]) -> str:
    parts = []
    for key, value in attrs.items():
        if key == "_text":
            continue
        if key in {"fill", "stroke"}:
            value = _colour(value, palette)
        parts.append(f'{key}="{escape(_num(value))}"')
    if tag == "text":
        return f"<text {' '.join(parts)}>{escape(str(attrs['_text']), quote=False)}</text>"
    return f"<{tag} {' '.join(parts)}/>"
