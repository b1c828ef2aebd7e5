"""Translated texts of exports: the provenance footer, the title and the table headers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from sew_desktop.services.export_table import TableText
from sew_desktop.ui.charts import formatting
from sew_desktop.ui.core.labels import published_headers
from sew_desktop.ui.output.context import ExportContext


def title() -> str:
    """The title of the report."""
    return QCoreApplication.translate("Export", "Cooperation agreements VDAB – local governments")


def provenance(context: ExportContext) -> str:
    """The provenance footer, e.g. "SEW Desktop — stand op 17/10/2022, prognose 31/12/2022 — bron: demo.sqlite …"."""
    language = context.language
    template = QCoreApplication.translate("Export", "SEW Desktop — as of {as_of}, forecast {horizon} — source: {source} — created on {created}")  # noqa: E501
    return template.format(
        as_of=formatting.day(context.as_of, language),
        horizon=formatting.day(context.horizon, language),
        source=context.source,
        created=formatting.moment(context.created, language),
    )


def dates_line(context: ExportContext) -> str:
    """The dates line, e.g. "Stand op 17/10/2022 — prognose 31/12/2022"."""
    return QCoreApplication.translate("Export", "As of {as_of} — forecast {horizon}").format(
        as_of=formatting.day(context.as_of, context.language), horizon=formatting.day(context.horizon, context.language)
    )


def table_headers() -> tuple[str, ...]:
    """Column headers of the CSV and XLSX table."""
    area, municipalities, _, _, _, regions, _, _, _ = published_headers()  # one translation for screen and files
    return (
        area,
        municipalities,
        QCoreApplication.translate("Export", "Municipalities in total"),
        QCoreApplication.translate("Export", "% municipalities"),
        QCoreApplication.translate("Export", "Forecast municipalities"),
        QCoreApplication.translate("Export", "% forecast municipalities"),
        regions,
        QCoreApplication.translate("Export", "Regiegebieden in total"),
        QCoreApplication.translate("Export", "% regiegebieden"),
        QCoreApplication.translate("Export", "Forecast regiegebieden"),
        QCoreApplication.translate("Export", "% forecast regiegebieden"),
    )


def table_text(context: ExportContext) -> TableText:
    """Headers, title and footer of a table export."""
    return TableText(table_headers(), f"{title()} — {dates_line(context)}", provenance(context))
