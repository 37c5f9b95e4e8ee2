"""Colours and fonts of the timeline, derived from the widget's palette (light or dark)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPalette

#: type colours from the Okabe-Ito palette (distinguishable with colour-blindness):
#: (light theme, dark theme)
TYPE_COLOURS: dict[str, tuple[str, str]] = {
    "bilateral": ("#0072B2", "#56B4E9"),
    "multilateral": ("#007A5E", "#3CC8A0"),
    "public-private": ("#C85200", "#F0A050"),
}
OTHER_COLOUR = ("#6E6E6E", "#A8A8A8")


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a blended towards b by t (0..1)."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def luminance(c: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())


def text_on(fill: QColor) -> QColor:
    """Black or white, whichever reads better on `fill` (WCAG contrast)."""
    lum = luminance(fill)
    return QColor("#000000") if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else QColor("#FFFFFF")


@dataclass(frozen=True)
class TimelineStyle:
    dark: bool
    base: QColor
    text: QColor
    muted: QColor
    grid: QColor
    header: QColor
    lane_header: QColor
    border: QColor
    era: tuple[QColor, QColor]
    era_text: QColor
    today: QColor
    selection: QColor
    badge: QColor
    badge_text: QColor
    types: dict[str, QColor]
    other: QColor
    font: QFont
    small: QFont
    bold: QFont
    fm: QFontMetricsF
    fm_small: QFontMetricsF

    @classmethod
    def from_palette(cls, palette: QPalette, font: QFont) -> TimelineStyle:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        window = palette.color(QPalette.ColorRole.Window)
        dark = base.lightnessF() < 0.5
        pick = 1 if dark else 0
        small = QFont(font)
        small.setPointSizeF(max(7.0, font.pointSizeF() * 0.88))
        bold = QFont(font)
        bold.setBold(True)
        return cls(
            dark=dark,
            base=base,
            text=text,
            muted=mix(text, base, 0.42),
            grid=mix(text, base, 0.9),
            header=mix(window, base, 0.35),
            lane_header=mix(text, base, 0.94),
            border=mix(text, base, 0.78),
            era=(mix(text, base, 0.965), mix(text, base, 0.93)),
            era_text=mix(text, base, 0.35),
            today=QColor("#FF7B72" if dark else "#C0392B"),
            selection=palette.color(QPalette.ColorRole.Highlight),
            badge=mix(text, base, 0.84),
            badge_text=text,
            types={k: QColor(v[pick]) for k, v in TYPE_COLOURS.items()},
            other=QColor(OTHER_COLOUR[pick]),
            font=QFont(font),
            small=small,
            bold=bold,
            fm=QFontMetricsF(font),
            fm_small=QFontMetricsF(small),
        )

    def colour(self, kind: str) -> QColor:
        return self.types.get(kind, self.other)
