"""Translated labels that the screen and the exports share: area names and the published table's headers.

One translation context ("Labels"), so a translator translates each once and screen, clipboard, PDF and charts
always say the same.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.coverage import FLANDERS
from sew_desktop.domain.model import Province


def area_label(area: str, province_nis: str | None) -> str:
    """The translated name of a province (by NIS code) or of Flanders; other names unchanged."""
    names = {
        "30000": QCoreApplication.translate("Labels", "West Flanders"),
        "40000": QCoreApplication.translate("Labels", "East Flanders"),
        "10000": QCoreApplication.translate("Labels", "Antwerp"),
        "20001": QCoreApplication.translate("Labels", "Flemish Brabant"),
        "70000": QCoreApplication.translate("Labels", "Limburg"),
    }
    if province_nis is None and area == FLANDERS:
        return QCoreApplication.translate("Labels", "Flanders")
    return names.get(province_nis or "", area)


def province_name(province: Province) -> str:
    """A province's name in the UI language ("West Flanders" in English, "West-Vlaanderen" in Dutch)."""
    return area_label(province.name_nl, province.nis_code)


def published_headers(*, stacked: bool = False) -> tuple[str, ...]:
    """The nine column headers of the table in the published layout; ``stacked`` breaks the long ones over two
    lines ("Gemeenten\\nmet SO") for the narrow table beside the tables."""
    with_agreement = (QCoreApplication.translate("Labels", "Municipalities with SO"),
                      QCoreApplication.translate("Labels", "Regiegebieden with SO"))
    if stacked:
        with_agreement = (_stack(with_agreement[0]), _stack(with_agreement[1]))
    forecast = QCoreApplication.translate("Labels", "Forecast")
    return (QCoreApplication.translate("Labels", "Area"), with_agreement[0], "%", forecast, "%",
            with_agreement[1], "%", forecast, "%")


def _stack(text: str) -> str:
    """The first word on its own line: "Municipalities\\nwith SO"."""
    head, _, tail = text.partition(" ")
    return f"{head}\n{tail}" if tail else head
