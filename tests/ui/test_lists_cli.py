"""``sew-desktop export list``: the three lists as the window lists them, read back from the files."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from sew_desktop.ui.shell.window import MainWindow
from tests.ui.test_lists import page_of


def _cli(*args: str | Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sew_desktop", *map(str, args)]
    return subprocess.run(command, capture_output=True, text=True, check=False, env={"PATH": "/usr/bin:/bin"})


@pytest.mark.parametrize(("table", "tab", "view", "filter_text", "date_column"), [
    ("municipalities", 0, "municipalitiesTable", "prov:limburg", None),
    ("regions", 1, "regionsTable", "west", "Geldig vanaf"),
    ("agreements", 2, "agreementsTable", "status:afgesloten", "Ondertekend op"),
])
def test_export_list_writes_the_rows_the_window_shows(window: MainWindow, qtbot: QtBot, demo_path: Path,
                                                      tmp_path: Path, table: str, tab: int, view: str,
                                                      filter_text: str, date_column: str | None) -> None:
    target = tmp_path / f"{table}.xlsx"
    done = _cli("--db", demo_path, "export", "list", "--table", table, "--format", "xlsx", "-o", target,
                "--as-of", "2022-10-17", "--filter", filter_text)
    assert done.returncode == 0, done.stderr
    sheet = load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    page = page_of(window, view, tab)
    qtbot.keyClicks(page.search, filter_text)
    titles = tuple(str(page.proxy.headerData(c, Qt.Orientation.Horizontal)) for c in range(page.proxy.columnCount()))
    assert rows[0] == titles  # the header row, in Dutch
    assert len(rows) - 1 == page.proxy.rowCount() > 0  # the filtered view
    assert [row[0] for row in rows[1:]] == [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    if date_column is not None:
        dates = [row[titles.index(date_column)] for row in rows[1:]]
        assert dates and all(isinstance(d, datetime) for d in dates)  # real dates, not text
        assert sheet.cell(row=2, column=titles.index(date_column) + 1).number_format == "DD/MM/YYYY"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref is not None


def test_export_list_follows_the_as_of_date_and_writes_csv(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "gemeenten.csv"
    done = _cli("--db", demo_path, "export", "list", "--table", "municipalities", "-o", target, "--as-of",
                "2025-06-01")
    assert done.returncode == 0, done.stderr
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # csv-excel by default for a .csv name
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0].startswith("NIS-code;Naam;Provincie;Arrondissement")
    assert len([line for line in lines[1:] if line]) == 285  # the municipalities of 2025
    plain = tmp_path / "regions.csv"
    assert _cli("--db", demo_path, "export", "list", "--table", "regions", "--format", "csv", "--language", "en",
                "-o", plain, "--as-of", "2022-10-17").returncode == 0
    assert plain.read_text(encoding="utf-8").splitlines()[0].startswith("Name,Kind,Province,Members")


def test_export_list_refuses_to_overwrite_in_one_line(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "lijst.xlsx"
    target.write_bytes(b"keep")
    done = _cli("--db", demo_path, "export", "list", "--table", "agreements", "-o", target)
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "already exists" in done.stderr
    assert target.read_bytes() == b"keep"
