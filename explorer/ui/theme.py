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

from PySide6.QtCore import QByteArray, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from explorer.core.article_style import COLOURS, article_style_sheet

MODES = ("system", "light", "dark")
MODE_TITLES = {"system": "Follow the System", "light": "Light", "dark": "Dark"}

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

    @Slot(Qt.ColorScheme)
    def _on_hints_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._mode == "system":
            self._apply()

    # -- article ----------------------------------------------------------------------
    def article_css(self, base: int) -> str:
        key = (self._scheme, base)
        if key not in self._css:
            self._css[key] = article_style_sheet(self._resources, self._scheme, base)
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
