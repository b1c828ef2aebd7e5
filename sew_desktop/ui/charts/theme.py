"""Colours of the charts: a screen theme that follows the palette, and a print theme on white."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

# Colour-blind safe (Okabe-Ito), readable on white and on dark backgrounds.
_AREA_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00")


@dataclass(frozen=True, slots=True)
class ChartTheme:
    """Background, text and series colours of a chart (``#rrggbb`` strings)."""

    background: str
    foreground: str
    grid_alpha: float
    as_of: str
    forecast: str
    areas: tuple[str, ...]
    flanders: str
    follows_palette: bool = False

    @classmethod
    def screen(cls, palette: QPalette) -> ChartTheme:
        """The theme for the screen, derived from the (light or dark) palette."""
        background = palette.color(QPalette.ColorRole.Base)
        dark = background.lightnessF() < 0.5
        return cls(
            background=background.name(),
            foreground=palette.color(QPalette.ColorRole.Text).name(),
            grid_alpha=0.25 if dark else 0.15,
            as_of="#56B4E9" if dark else "#0072B2",
            forecast="#A6D9F7" if dark else "#9CC9E8",
            areas=_AREA_COLOURS,
            flanders="#F0F0F0" if dark else "#000000",
            follows_palette=True,
        )

    @classmethod
    def printing(cls) -> ChartTheme:
        """White background and print-friendly colours, whatever the screen palette."""
        return cls(
            background="#FFFFFF",
            foreground="#000000",
            grid_alpha=0.15,
            as_of="#1F4E79",
            forecast="#9DC3E6",
            areas=_AREA_COLOURS,
            flanders="#000000",
        )

    def colour(self, name: str) -> QColor:
        """A colour of the theme as a QColor."""
        return QColor(name)
