"""Light and dark themes: the Qt palette, the app style sheet, article CSS and tinted icons.

The theme follows the system's colour scheme unless the user picks one in View > Theme.
Colours live in one table per scheme (COLOURS); `resources/app.qss` and
`resources/article-colours.css` refer to them by name (`$accent`), so the widgets and the
article change together. `resources/article.css` holds the article's layout, its sizes
(`$h1`) computed from the text size the reader chose.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from PySide6.QtCore import QByteArray, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

MODES = ("system", "light", "dark")
MODE_TITLES = {"system": "Follow the System", "light": "Light", "dark": "Dark"}

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
    },
}

#: the text sizes the article steps through with Zoom In / Zoom Out (body text, px)
ZOOM_STEPS = (12, 13, 14, 15, 16, 17, 18, 20, 22, 24, 27, 30)
DEFAULT_ZOOM = 16


def zoom_step(current: int, direction: int) -> int:
    """The next text size up (+1) or down (-1); 0 goes back to the default."""
    if direction == 0:
        return DEFAULT_ZOOM
    if direction > 0:
        return next((z for z in ZOOM_STEPS if z > current), ZOOM_STEPS[-1])
    return next((z for z in reversed(ZOOM_STEPS) if z < current), ZOOM_STEPS[0])


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


class Theme(QObject):
    """The app's look. Owns the application palette and style sheet."""

    #: the effective colour scheme changed ("light" or "dark")
    scheme_changed = Signal(str)

    def __init__(
        self,
        app: QApplication,
        resources: Path,
        mode: str = "system",
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._app = app
        self._resources = resources
        self._mode = mode if mode in MODES else "system"
        self._scheme = ""
        self._icons: dict[tuple[str, str], QIcon] = {}
        self._css: dict[tuple[str, int], str] = {}
        if app.style().name() != "fusion":  # one look, and palettes, on every platform
            app.setStyle("Fusion")
        app.styleHints().colorSchemeChanged.connect(self._on_hints_color_scheme_changed)
        self._apply()

    @property
    def mode(self) -> str:
        return self._mode

    @property
    def scheme(self) -> str:
        return self._scheme

    def colour(self, name: str) -> str:
        return COLOURS[self._scheme][name]

    def set_mode(self, mode: str) -> None:
        if mode in MODES and mode != self._mode:
            self._mode = mode
            self._apply()

    def system_scheme(self) -> str:
        dark = QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Dark
        return "dark" if dark else "light"

    def _apply(self) -> None:
        scheme = self.system_scheme() if self._mode == "system" else self._mode
        if scheme == self._scheme:
            return
        self._scheme = scheme
        colours = COLOURS[scheme]
        self._app.setPalette(_palette(colours))
        qss = (self._resources / "app.qss").read_text(encoding="utf-8")
        self._app.setStyleSheet(Template(qss).safe_substitute(colours))
        self.scheme_changed.emit(scheme)

    def _on_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._mode == "system":
            self._apply()

    # -- article ----------------------------------------------------------------------
    def article_css(self, base: int) -> str:
        key = (self._scheme, base)
        if key not in self._css:
            layout = (self._resources / "article.css").read_text(encoding="utf-8")
            colours = (self._resources / "article-colours.css").read_text(encoding="utf-8")
            values = {**COLOURS[self._scheme], **article_sizes(base)}
            self._css[key] = Template(layout + "\n" + colours).safe_substitute(values)
        return self._css[key]

    # -- icons ------------------------------------------------------------------------
    def icon(self, name: str, colour: str = "text") -> QIcon:
        """An icon from resources/icons, drawn in a theme colour (cached per scheme)."""
        key = (f"{name}:{colour}", self._scheme)
        if key not in self._icons:
            svg = (self._resources / "icons" / f"{name}.svg").read_text(encoding="utf-8")
            svg = svg.replace("currentColor", self.colour(colour))
            renderer = QSvgRenderer(QByteArray(svg.encode()))
            icon = QIcon()
            for size in (16, 20, 24, 32, 40, 48):
                image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
                image.fill(Qt.GlobalColor.transparent)
                painter = QPainter(image)
                renderer.render(painter)
                painter.end()
                icon.addPixmap(QPixmap.fromImage(image))
            self._icons[key] = icon
        return self._icons[key]


def _palette(c: dict[str, str]) -> QPalette:
    palette = QPalette()
    role = QPalette.ColorRole
    pairs = {
        role.Window: c["window"],
        role.WindowText: c["text"],
        role.Base: c["base"],
        role.AlternateBase: c["alt"],
        role.Text: c["text"],
        role.Button: c["button"],
        role.ButtonText: c["text"],
        role.Highlight: c["accent"],
        role.HighlightedText: c["accent_text"],
        role.Link: c["link"],
        role.LinkVisited: c["link"],
        role.PlaceholderText: c["muted"],
        role.ToolTipBase: c["alt"],
        role.ToolTipText: c["text"],
        role.Mid: c["border"],
        role.Midlight: c["hover"],
        role.Dark: c["strong_border"],
        role.Light: c["base"],
        role.BrightText: c["heading"],
        role.Shadow: "#000000",
        role.Accent: c["accent"],
    }
    for which, value in pairs.items():
        palette.setColor(which, QColor(value))
    disabled = QPalette.ColorGroup.Disabled
    for which in (role.WindowText, role.Text, role.ButtonText):
        palette.setColor(disabled, which, QColor(c["muted"]))
    return palette
