"""The coverage report in the published layout: text, Markdown, CSV and JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from datetime import date

from sew_desktop.domain.coverage import (
    AreaCoverage,
    CoverageReport,
    CoverageTimeline,
    compute_coverage,
    coverage_timeline,
)
from sew_desktop.domain.days import horizon_for
from sew_desktop.domain.rounding import Ratio
from sew_desktop.domain.texts import Translate, fill, untranslated
from sew_desktop.store.repository import Repository

FORMATS = ("text", "markdown", "csv", "json")
HEADERS = (  # the published table's own words (the coverage table export keeps them)
    "Gebied",
    "Gemeenten met SO",
    "%",
    "Prognose",
    "%",
    "Regiegebieden met SO",
    "%",
    "Prognose",
    "%",
)


def coverage_report(repository: Repository, as_of: date, horizon: date | None = None) -> CoverageReport:
    """The coverage table of the database for ``as_of`` and ``horizon`` (default: end of that year)."""
    return compute_coverage(repository.coverage_input(), as_of, horizon_for(as_of, horizon))


def timeline_report(repository: Repository, as_of: date, horizon: date) -> CoverageTimeline:
    """The % reached month by month, from the first signed agreement to ``horizon``."""
    return coverage_timeline(repository.coverage_input(), as_of, horizon)


def headers(translate: Translate = untranslated) -> list[str]:
    """The column headers in the language of ``translate`` (Dutch: the published table's words)."""
    forecast = translate("Labels", "Forecast")
    return [translate("Labels", "Area"), translate("Labels", "Municipalities with SO"), "%", forecast, "%",
            translate("Labels", "Regiegebieden with SO"), "%", forecast, "%"]


def _cells(row: AreaCoverage) -> list[str]:
    ratios = (row.municipalities_reached, row.municipalities_forecast, row.regions_with_agreement, row.regions_forecast)
    cells = [row.area]
    for ratio in ratios:
        cells += [str(ratio), f"{ratio.percent} %"]
    return cells


def as_text(report: CoverageReport, translate: Translate = untranslated) -> str:
    """An aligned table as in the published answer."""
    title = fill(translate("Report", "VDAB cooperation agreements - as of %1, forecast %2"), report.as_of,
                 report.horizon)
    table = [headers(translate), *(_cells(r) for r in report.rows)]
    widths = [max(len(line[i]) for line in table) for i in range(len(HEADERS))]
    lines = [title, ""]
    for number, line in enumerate(table):
        lines.append(
            "  ".join(
                cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(line)
            ).rstrip()
        )
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines) + "\n"


def as_markdown(report: CoverageReport, translate: Translate = untranslated) -> str:
    """A Markdown table."""
    lines = [
        fill(translate("Report", "As of %1, forecast %2"), report.as_of, report.horizon),
        "",
        "| " + " | ".join(headers(translate)) + " |",
        "| --- |" + " ---: |" * (len(HEADERS) - 1),
    ]
    lines += ["| " + " | ".join(_cells(r)) + " |" for r in report.rows]
    return "\n".join(lines) + "\n"


def as_csv(report: CoverageReport) -> str:
    """Plain CSV (comma, decimal point) with numeric columns."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "area",
            "municipalities_reached",
            "municipalities_total",
            "municipalities_percent",
            "municipalities_forecast",
            "municipalities_forecast_percent",
            "regions_with_agreement",
            "regions_total",
            "regions_percent",
            "regions_forecast",
            "regions_forecast_percent",
        ]
    )
    for r in report.rows:
        m, mf, g, gf = (
            r.municipalities_reached,
            r.municipalities_forecast,
            r.regions_with_agreement,
            r.regions_forecast,
        )
        writer.writerow(
            [r.area, m.part, m.total, m.percent, mf.part, mf.percent, g.part, g.total, g.percent, gf.part, gf.percent]
        )
    return out.getvalue()


def _pair(reached: Ratio, forecast: Ratio, part_name: str) -> dict[str, int]:
    return {
        part_name: reached.part,
        "total": reached.total,
        "percent": reached.percent,
        "forecast": forecast.part,
        "forecast_percent": forecast.percent,
    }


def as_dict(report: CoverageReport) -> dict[str, object]:
    """The JSON contract of ``sew-desktop report``."""
    return {
        "as_of": report.as_of.isoformat(),
        "horizon": report.horizon.isoformat(),
        "rows": [
            {
                "area": r.area,
                "municipalities": _pair(r.municipalities_reached, r.municipalities_forecast, "reached"),
                "regions": _pair(r.regions_with_agreement, r.regions_forecast, "with_agreement"),
            }
            for r in report.rows
        ],
    }


def as_json(report: CoverageReport) -> str:
    """JSON, as documented in the README."""
    return json.dumps(as_dict(report), ensure_ascii=False, indent=2) + "\n"


TEXT_RENDERERS: dict[str, Callable[[CoverageReport, Translate], str]] = {"text": as_text, "markdown": as_markdown}
RENDERERS: dict[str, Callable[[CoverageReport], str]] = {
    "text": as_text,
    "markdown": as_markdown,
    "csv": as_csv,
    "json": as_json,
}
