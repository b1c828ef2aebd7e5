"""The bundled DejaVu fonts, registered once so charts and exports look the same on every host."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase

FAMILY = "DejaVu Sans"


def resources_dir() -> Path:
    """``resources/`` in a checkout, or the copy inside an installed package."""
    package = Path(__file__).resolve().parents[2]
    for candidate in (package.parent / "resources", package / "_resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("resources folder not found")


@cache
def register_fonts() -> str:
    """Register the bundled fonts with Qt (once); returns the family name."""
    for path in sorted((resources_dir() / "fonts").glob("*.ttf")):
        QFontDatabase.addApplicationFont(str(path))
    return FAMILY


def chart_font(point_size: float, *, bold: bool = False) -> QFont:
    """The bundled font at ``point_size``."""
    font = QFont(register_fonts())
    font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
