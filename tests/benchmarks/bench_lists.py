"""The lists on the 100x dataset (31,200 codes; 30,000 municipalities listed on 17/10/2022).

1. Typing a filter: the one-cell rule (each row's cells folded one by one, all words in one cell) beside the
   rule it replaced (the row's cells joined and folded once), same words, same proxy, interleaved.
2. File › Export this list: reading the view into typed rows, and writing them as XLSX and as CSV for Excel.
3. Print: laying out and painting every page of the list to PDF.

Run: .venv/bin/python tests/benchmarks/bench_lists.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
# Offscreen on a Full HD screen, as the tests (the plain offscreen screen is 800x800: the window would be maximised).
os.environ.setdefault("QT_QPA_PLATFORM",
                      f"offscreen:configfile={Path(__file__).resolve().parents[1] / 'screens' / 'fullhd.json'}")

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel
from PySide6.QtWidgets import QApplication

from sew_desktop.services.databases import open_repository
from sew_desktop.services.export_list import ListTable, list_csv, list_xlsx
from sew_desktop.store.repository import Repository
from sew_desktop.ui.core.entity_model import EntityTableModel
from sew_desktop.ui.core.filter_syntax import fold
from sew_desktop.ui.core.filtering import TableFilter
from sew_desktop.ui.core.i18n import Language
from sew_desktop.ui.output.list_export import listed_model, table_list
from sew_desktop.ui.output.print_preview import printed_list
from sew_desktop.ui.output.print_table import TablePrinter, prepare_printer
from tests.benchmarks import dataset
from tests.benchmarks.timing import ms, time_call

REPEAT = 3
DATES = (date(2022, 10, 17), date(2022, 12, 31))
WORDS = "west 1"


class JoinedFilter(QSortFilterProxyModel):
    """The rule before: every word anywhere in the row's joined text."""

    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not self.words:
            return True
        model = self.sourceModel()
        text = fold(" ".join(str(model.data(model.index(row, c, parent)) or "") for c in range(model.columnCount())))
        return all(word in text for word in self.words)


def main() -> None:
    application = QApplication.instance() or QApplication([])
    repository = open_repository(dataset.build())
    try:
        with listed_model(repository, "municipalities", DATES, Language.DUTCH) as model:
            measure(repository, model)
    finally:
        repository.close()
        del application


def measure(repository: Repository, model: EntityTableModel) -> None:
    """Print the figures."""
    new, old = TableFilter(), JoinedFilter()
    new.setSourceModel(model)
    old.setSourceModel(model)

    def type_new() -> None:
        new.set_text(WORDS)
        new.rowCount()  # the proxy filters when asked

    def type_old() -> None:
        old.words = WORDS.split()
        old.invalidate()
        old.rowCount()

    timings: dict[str, list[float]] = {"filter, one-cell rule": [], "filter, joined row (before)": []}
    for _ in range(REPEAT):
        new.set_text("")
        new.forget_all()  # the first keystroke on a fresh view: every row read and folded
        old.words = []
        old.invalidate()
        timings["filter, one-cell rule"] += time_call(type_new, 1)
        timings["filter, joined row (before)"] += time_call(type_old, 1)
    keystrokes = []  # typing on: the rows' folded texts are kept from the keystroke before
    for _ in range(REPEAT):
        new.set_text(WORDS[:-1])
        new.rowCount()
        keystrokes += time_call(type_new, 1)
    timings["filter, next keystroke"] = keystrokes
    new.set_text(WORDS)
    print(f"{model.rowCount()} rows listed; '{WORDS}' keeps {new.rowCount()} (the joined rule kept "
          f"{_kept(old)})")
    for name, values in timings.items():
        print(f"{name:32} {ms(values)}")
    listed = table_list(repository, "municipalities", DATES, Language.DUTCH)
    print(f"{'read the view (table_list)':32} "
          f"{ms(time_call(lambda: table_list(repository, 'municipalities', DATES, Language.DUTCH), 3))}")
    streamed, standard = [], []
    for _ in range(3):
        streamed += time_call(lambda: list_xlsx(listed), 1)
        standard += time_call(lambda: _xlsx_standard(listed), 1)
    print(f"{'write XLSX (streamed)':32} {ms(streamed)}")
    print(f"{'write XLSX (openpyxl, in memory)':32} {ms(standard)}")
    print(f"{'write CSV (Excel BE)':32} {ms(time_call(lambda: list_csv(listed, excel=True), 3))}")
    print(f"{'print to PDF (all pages)':32} {ms(time_call(lambda: _print(listed), 2))}")


def _kept(proxy: JoinedFilter) -> int:
    proxy.words = WORDS.split()
    proxy.invalidate()
    return proxy.rowCount()


def _xlsx_standard(listed: ListTable) -> bytes:
    """The reference: the same sheet built in memory, openpyxl's ordinary mode."""
    import io

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(list(listed.headers))
    for values in listed.rows:
        sheet.append(list(values))
        for number, value in enumerate(values):
            if isinstance(value, date):
                sheet.cell(row=sheet.max_row, column=number + 1).number_format = "DD/MM/YYYY"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _print(listed: ListTable) -> None:
    from PySide6.QtPrintSupport import QPrinter

    printed = printed_list(listed, "Gemeenten", "bench.sqlite", DATES[0])
    with tempfile.TemporaryDirectory() as folder:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(Path(folder) / "list.pdf"))
        TablePrinter(printed).paint(printer)


if __name__ == "__main__":
    main()
