"""The coverage table in the published layout ("46/64", "72 %", …) as cells of text."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.ui.core.labels import area_label


def _cells(row: AreaCoverage) -> list[str]:
    cells = [area_label(row.area, row.province_nis)]
    for ratio in (row.municipalities_reached, row.municipalities_forecast, row.regions_with_agreement,
                  row.regions_forecast):
        cells += [str(ratio), f"{ratio.percent} %"]
    return cells


def published_rows(report: CoverageReport) -> list[list[str]]:
    """One row of nine text cells per area."""
    return [_cells(row) for row in report.rows]


def coverage_title(as_of: date, horizon: date) -> str:
    """"Samenwerkingsovereenkomsten per provincie — stand op 17/10/2022, prognose 31/12/2022"."""
    return QCoreApplication.translate(
        "Published", "Cooperation agreements per province — as of %1, forecast %2").replace(
        "%1", as_of.strftime("%d/%m/%Y")).replace("%2", horizon.strftime("%d/%m/%Y"))
