"""Area names on the charts: the provinces and Flanders, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.coverage import FLANDERS
from sew_desktop.domain.model import Province

AREA_COUNT = 6  # five provinces and Flanders


def area_label(area: str, province_nis: str | None) -> str:
    """The translated name of a province (by NIS code) or of Flanders; other names unchanged."""
    names = {
        "30000": QCoreApplication.translate("Charts", "West Flanders"),
        "40000": QCoreApplication.translate("Charts", "East Flanders"),
        "10000": QCoreApplication.translate("Charts", "Antwerp"),
        "20001": QCoreApplication.translate("Charts", "Flemish Brabant"),
        "70000": QCoreApplication.translate("Charts", "Limburg"),
    }
    if province_nis is None and area == FLANDERS:
        return QCoreApplication.translate("Charts", "Flanders")
    return names.get(province_nis or "", area)


def province_name(province: Province) -> str:
    """A province's name in the UI language ("West Flanders" in English, "West-Vlaanderen" in Dutch)."""
    return area_label(province.name_nl, province.nis_code)


def two_line_label(text: str) -> str:
    """A long area name broken after its hyphen or at its space ("West-\nVlaanderen", "East\nFlanders"): six
    names side by side fit under narrow bars without running into each other."""
    for separator, kept in (("-", "-"), (" ", "")):
        head, found, tail = text.partition(separator)
        if found and head and tail:
            return f"{head}{kept}\n{tail}"
    return text
