"""The coverage table on the clipboard: an HTML table for Word and Outlook, TSV for Excel."""

from __future__ import annotations

import html

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from sew_desktop.domain.coverage import CoverageReport
from sew_desktop.ui.export.published import published_rows
from sew_desktop.ui.labels import published_headers


def coverage_mime_data(report: CoverageReport) -> QMimeData:
    """HTML (a table with a header row) and plain text (tab-separated) in the published layout."""
    rows = [list(published_headers()), *published_rows(report)]
    header = "".join(f"<th>{html.escape(cell)}</th>" for cell in rows[0])
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(cell)}</td>" for cell in row) + "</tr>" for row in rows[1:]
    )
    mime = QMimeData()
    mime.setHtml(f"<table border=\"1\" cellspacing=\"0\"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>")
    mime.setText("\n".join("\t".join(row) for row in rows) + "\n")
    return mime


def copy_coverage_table(report: CoverageReport, clipboard: QClipboard | None = None) -> None:
    """Put the coverage table on the (given or system) clipboard."""
    (clipboard or QGuiApplication.clipboard()).setMimeData(coverage_mime_data(report))
