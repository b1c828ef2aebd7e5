"""The coverage table in the published layout ("46/64", "72 %", …) as cells of text."""

from __future__ import annotations

from sew_desktop.domain.coverage import AreaCoverage, CoverageReport
from sew_desktop.ui.labels import area_label


def _cells(row: AreaCoverage) -> list[str]:
    cells = [area_label(row.area, row.province_nis)]
    for ratio in (row.municipalities_reached, row.municipalities_forecast, row.regions_with_agreement,
                  row.regions_forecast):
        cells += [str(ratio), f"{ratio.percent} %"]
    return cells


def published_rows(report: CoverageReport) -> list[list[str]]:
    """One row of nine text cells per area."""
    return [_cells(row) for row in report.rows]
