"""Colours of the status map: Okabe-Ito hues (colour-blind safe) that read on light and dark backgrounds."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette

from sew_desktop.domain.coverage.map_status import MapStatus

_FILLS = {
    MapStatus.SIGNED_ITSELF: "#0072B2",  # blue
    MapStatus.SIGNED_VIA_REGION: "#56B4E9",  # sky blue: afgesloten too, told apart by lightness
    MapStatus.NEGOTIATING: "#E69F00",  # orange
    MapStatus.TO_START: "#F0E442",  # yellow
}
_NONE_LIGHT, _NONE_DARK = "#D9D9D9", "#5C5C5C"


@dataclass(frozen=True, slots=True)
class MapColours:
    """Fills per status, borders and the selection colour for one background."""

    background: str
    text: str
    fills: dict[MapStatus, str]
    border: str
    province: str
    region: str
    selection: str
    unknown: str

    @classmethod
    def for_palette(cls, palette: QPalette) -> MapColours:
        """Colours for the widget's (light or dark) palette."""
        background = palette.color(QPalette.ColorRole.Base)
        return cls.dark() if background.lightnessF() < 0.5 else cls.light()

    @classmethod
    def light(cls) -> MapColours:
        """On white (also the exports)."""
        return cls("#FFFFFF", "#000000", {**_FILLS, MapStatus.NONE: _NONE_LIGHT}, "#FFFFFF", "#000000",
                   "#CC79A7", "#000000", "#F4F4F4")

    @classmethod
    def dark(cls) -> MapColours:
        """On a dark background."""
        return cls("#1E1E1E", "#F0F0F0", {**_FILLS, MapStatus.NONE: _NONE_DARK}, "#1E1E1E", "#F0F0F0",
                   "#CC79A7", "#FFFFFF", "#2A2A2A")

    def fill(self, status: MapStatus | None) -> QColor:
        """The fill of a municipality with ``status`` (None: no status known)."""
        return QColor(self.fills[status] if status is not None else self.unknown)
