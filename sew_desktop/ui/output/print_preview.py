"""File › Print…: a preview of the current list or of the coverage table, from which the user prints."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from sew_desktop.domain.coverage import CoverageReport
from sew_desktop.services.export_list import ListTable, ListValue
from sew_desktop.ui.core.labels import published_headers
from sew_desktop.ui.core.screens import resize_to_fit
from sew_desktop.ui.output.print_table import PrintedTable, TablePrinter, footer_text, prepare_printer
from sew_desktop.ui.output.published import coverage_title, published_rows


def _text(value: ListValue) -> str:
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return "" if value is None else str(value)


def printed_list(table: ListTable, heading: str, file_name: str, printed_on: date) -> PrintedTable:
    """A list as shown, its title line ``heading``."""
    numeric = frozenset(n for n in range(len(table.headers))
                        if table.rows and all(isinstance(row[n], int) for row in table.rows if row[n] is not None))
    return PrintedTable(heading, list(table.headers), [[_text(v) for v in row] for row in table.rows],
                        footer_text(printed_on, file_name), numeric)


def printed_report(report: CoverageReport, dates: tuple[date, date], file_name: str,
                   printed_on: date) -> PrintedTable:
    """The coverage table per province in the published layout ("46/64", "72 %")."""
    headers = [h.replace("\n", " ") for h in published_headers()]
    return PrintedTable(coverage_title(*dates), headers, published_rows(report), footer_text(printed_on, file_name),
                        frozenset(range(1, len(headers))), point_size=11)


class TablePreview(QPrintPreviewDialog):
    """Qt's print preview over one table; it keeps its printer (the dialog does not own it) and painter."""

    def __init__(self, table: PrintedTable, parent: QWidget | None) -> None:
        self.page_printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(self.page_printer)
        super().__init__(self.page_printer, parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(table.title)
        self.table_printer = TablePrinter(table)
        self.paintRequested.connect(self.table_printer.paint)
        resize_to_fit(self, 1100, 800)


def open_preview(table: PrintedTable, parent: QWidget | None) -> TablePreview:
    """A non-blocking print preview of ``table`` (landscape A4); printing from it paints the same pages."""
    dialog = TablePreview(table, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
