"""The article's style sheet, without Qt: the colour table of each scheme and the sizes
computed from the reader's text size, filled into resources/article.css and
resources/article-colours.css. The window (explorer.ui.theme) and a page exported to a
file use the same sheet.

Code blocks are dark in both schemes, so that one set of syntax colours (Pygments'
github-dark, inline in the HTML) reads well in both (docs/decisions/013).
"""

from __future__ import annotations

from pathlib import Path
from string import Template

COLOURS: dict[str, dict[str, str]] = {
    "light": {
        "window": "#f3f4f6",
        "sidebar": "#eceef2",
        "base": "#ffffff",
        "alt": "#f6f7f9",
        "text": "#1c2230",
        "heading": "#0f1726",
        "muted": "#5d6778",
        "border": "#d3d8e0",
        "strong_border": "#b9c0cc",
        "accent": "#2563c9",
        "accent_text": "#ffffff",
        "accent_soft": "#dce8fb",
        "hover": "#e1e5ec",
        "link": "#1d5bbf",
        "mark": "#fff0a8",
        "mark_text": "#1c2230",
        "button": "#fbfbfc",
        "note_bg": "#eef4fd",
        "note_bar": "#4a84d4",
        "tip_bg": "#ecf7ef",
        "tip_bar": "#3c9a5f",
        "warn_bg": "#fff5e6",
        "warn_bar": "#d98b1a",
        "right": "#2c7a43",
        "wrong": "#b3261e",
        "table_head": "#eef1f5",
        "code_bg": "#f1f3f6",
        "code_block": "#1f2430",
        "code_block_text": "#e6edf3",
        "challenge_bg": "#f3effc",
        "challenge_bar": "#7c5cc4",
    },
    "dark": {
        "window": "#202329",
        "sidebar": "#1b1e23",
        "base": "#16181c",
        "alt": "#1d2025",
        "text": "#dfe3ea",
        "heading": "#f2f4f8",
        "muted": "#9aa3b2",
        "border": "#363b45",
        "strong_border": "#4a505c",
        "accent": "#5b93f0",
        "accent_text": "#0d1117",
        "accent_soft": "#24344f",
        "hover": "#2b2f37",
        "link": "#8ab4ff",
        "mark": "#6b5a12",
        "mark_text": "#fff6cc",
        "button": "#2a2e35",
        "note_bg": "#1c2a3f",
        "note_bar": "#5b93f0",
        "tip_bg": "#18301f",
        "tip_bar": "#4caf6e",
        "warn_bg": "#3a2a12",
        "warn_bar": "#e0a040",
        "right": "#6fcf8e",
        "wrong": "#ff8a80",
        "table_head": "#23272e",
        "code_bg": "#23272e",
        "code_block": "#23272e",
        "code_block_text": "#e6edf3",
        "challenge_bg": "#2a2340",
        "challenge_bar": "#a48be0",
    },
}


def article_sizes(base: int) -> dict[str, int]:
    """CSS sizes (px) for a body text size; Qt's rich text cannot scale `em` by fractions."""
    scale = {
        "body": 1.0,
        "h1": 1.75,
        "h2": 1.32,
        "h3": 1.12,
        "summary": 1.14,
        "small": 0.86,
        "eyebrow": 0.75,
        "gap": 0.75,
        "space": 1.5,
    }
    return {name: max(1, round(base * factor)) for name, factor in scale.items()}


#: the body text size (px) the article starts at (the window's default zoom)
DEFAULT_TEXT_SIZE = 16


def article_style_sheet(resources: Path, scheme: str, base: int) -> str:
    """The article CSS for a colour scheme ('light' or 'dark') and a body text size (px)."""
    layout = (resources / "article.css").read_text(encoding="utf-8")
    colours = (resources / "article-colours.css").read_text(encoding="utf-8")
    values = {**COLOURS[scheme], **article_sizes(base)}
    return Template(layout + "\n" + colours).safe_substitute(values)
