"""The coverage table on the clipboard: an HTML table for Word, Outlook and Excel, TSV for everything else.

Both start with a title line naming the dates. Fractions such as "3/5" are what spreadsheets turn into dates
(3 May): the HTML (what Word, Outlook, Excel and LibreOffice paste) marks those cells as text for Excel
(``mso-number-format:"\\@"``). The plain text (Notepad, a plain-text e-mail, a chat) shows them as they are;
a tab-separated flavour for spreadsheets writes them with the leading apostrophe that means "this is text".
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QClipboard, QGuiApplication

from sew_desktop.domain.coverage import CoverageReport
from sew_desktop.ui.core.labels import published_headers
from sew_desktop.ui.output.published import coverage_title, published_rows

_FRACTION = re.compile(r"^\d+/\d+$")
TSV_MIME = "text/tab-separated-values"
_TEXT_CELL = " style='mso-number-format:\"\\@\"'"


def is_fraction(cell: str) -> bool:
    """"46/64": a cell a spreadsheet would read as a date."""
    return bool(_FRACTION.match(cell))


def _html_cell(cell: str) -> str:
    style = _TEXT_CELL if is_fraction(cell) else ""
    return f"<td{style}>{html.escape(cell)}</td>"


def _tsv_cell(cell: str) -> str:
    return f"'{cell}" if is_fraction(cell) else cell


def coverage_mime_data(report: CoverageReport) -> QMimeData:
    """HTML (a title, then a table with a header row) and plain text (the title, then tab-separated rows) in the
    published layout."""
    title = coverage_title(report.as_of, report.horizon)
    headers = list(published_headers())
    rows = published_rows(report)
    header = "".join(f"<th>{html.escape(cell)}</th>" for cell in headers)
    body = "".join("<tr>" + "".join(_html_cell(cell) for cell in row) + "</tr>" for row in rows)
    mime = QMimeData()
    mime.setHtml(f"<p><b>{html.escape(title)}</b></p>"
                 f"<table border=\"1\" cellspacing=\"0\"><thead><tr>{header}</tr></thead><tbody>{body}</tbody></table>")
    plain = [title, "\t".join(headers), *("\t".join(row) for row in rows)]
    mime.setText("\n".join(plain) + "\n")
    spreadsheet = [title, "\t".join(headers), *("\t".join(_tsv_cell(cell) for cell in row) for row in rows)]
    mime.setData(TSV_MIME, ("\n".join(spreadsheet) + "\n").encode("utf-8"))
    return mime


def copy_coverage_table(report: CoverageReport, clipboard: QClipboard | None = None) -> None:
    """Put the coverage table on the (given or system) clipboard."""
    (clipboard or QGuiApplication.clipboard()).setMimeData(coverage_mime_data(report))
