from __future__ import annotations

import io
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QByteArray
from PySide6.QtGui import QClipboard, QColor, QFontMetricsF, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from sew_desktop.services.databases import open_repository
from sew_desktop.store.repository import Repository
from sew_desktop.ui.charts.bar_chart import BAR_WIDTH
from sew_desktop.ui.features.export.dialog import ExportDialog
from sew_desktop.ui.output.chart_export import ChartChoice, ChartSize, footer_font, render_chart
from sew_desktop.ui.output.clipboard import TSV_MIME, copy_coverage_table
from sew_desktop.ui.output.context import ExportContext, export_context
from sew_desktop.ui.output.report_pdf import render_report
from tests.ui.translators import dutch

AS_OF, HORIZON = date(2022, 10, 17), date(2022, 12, 31)
CREATED = datetime(2026, 11, 28, 14, 5)
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture
def repository(demo_path: Path) -> Iterator[Repository]:
    repository = open_repository(demo_path)
    yield repository
    repository.close()


def _context(repository: Repository, language: str) -> ExportContext:
    return export_context(repository, AS_OF, HORIZON, language, CREATED)


def _text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_svg_has_bars_as_shapes_and_names_as_text(qtbot: QtBot, repository: Repository) -> None:
    data = render_chart(ChartChoice.PROVINCES, "svg", _context(repository, "en"), ChartSize(1600, 900))
    root = ET.fromstring(data)
    bars = [r for r in root.iter(f"{SVG}rect") if r.get("width") == f"{BAR_WIDTH:g}"]
    assert len(bars) == 6 * 2
    assert sorted(float(r.get("height", "0")) for r in bars)[-1] == 98.6  # Antwerpen forecast 68/69
    words = {"".join(t.itertext()).strip() for t in root.iter(f"{SVG}text")}
    assert {"West Flanders", "East Flanders", "Antwerp", "Flemish Brabant", "Limburg", "Flanders"} <= words
    renderer = QSvgRenderer(QByteArray(data))
    assert renderer.isValid()
    image = QImage(800, 450, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    assert len({image.pixel(x, y) for x in range(0, 800, 7) for y in range(0, 450, 7)}) > 5


def test_svg_in_dutch_names_provinces_in_dutch(qtbot: QtBot, repository: Repository) -> None:
    with dutch("charts", "export", "labels"):
        data = render_chart(ChartChoice.REGIONS, "svg", _context(repository, "nl"))
    words = {"".join(t.itertext()).strip() for t in ET.fromstring(data).iter(f"{SVG}text")}
    assert {"West-Vlaanderen", "Vlaams-Brabant", "Vlaanderen"} <= words


@pytest.mark.parametrize("choice", list(ChartChoice))
def test_png_has_the_requested_pixel_size_and_is_not_blank(
    qtbot: QtBot, repository: Repository, choice: ChartChoice
) -> None:
    data = render_chart(choice, "png", _context(repository, "en"), ChartSize(800, 450, 2.0))
    image = QImage.fromData(data)
    assert (image.width(), image.height()) == (1600, 900)
    assert image.pixelColor(5, 5) == QColor("white")
    assert len({image.pixel(x, y) for x in range(0, 1600, 9) for y in range(0, 900, 9)}) > 5


def test_default_png_is_1600_by_900_at_twice_the_pixels(qtbot: QtBot, repository: Repository) -> None:
    image = QImage.fromData(render_chart(ChartChoice.TIMELINE, "png", _context(repository, "en")))
    assert (image.width(), image.height()) == (3200, 1800)


def test_chart_pdf_is_vector_text_with_provenance(qtbot: QtBot, repository: Repository) -> None:
    text = _text(render_chart(ChartChoice.PROVINCES, "pdf", _context(repository, "en")))
    assert "72 %" in text and "West Flanders" in text
    provenance = (
        "SEW Desktop — as of 17/10/2022, forecast 31/12/2022 — source: demo.sqlite — created on 28/11/2026 14:05"
    )
    assert provenance in text


def test_report_pdf_in_dutch_has_the_table_charts_and_provenance(qtbot: QtBot, repository: Repository) -> None:
    with dutch("charts", "export", "labels"):
        pdf = render_report(_context(repository, "nl"))
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)  # landscape
    assert round(float(box.width)) == 842
    text = _text(pdf)
    assert "Samenwerkingsovereenkomsten VDAB – lokale besturen" in text
    assert "46/64" in text and "200/300" in text and "Gemeenten met een samenwerkingsovereenkomst" in text
    assert "Regiegebieden met een samenwerkingsovereenkomst" in text and "Op te starten" in text
    provenance = (
        "SEW Desktop — stand op 17/10/2022, prognose 31/12/2022 — bron: demo.sqlite — gemaakt op 28/11/2026 14:05"
    )
    assert provenance in text
    fonts: Any = reader.pages[0]["/Resources"]["/Font"]  # type: ignore[index]
    descriptors = [fonts[k].get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"] for k in fonts]
    assert all("/FontFile2" in d.get_object() for d in descriptors)  # embedded


def test_clipboard_gets_html_and_tab_separated_text(qtbot: QtBot, repository: Repository) -> None:
    clipboard = QGuiApplication.clipboard()
    copy_coverage_table(_context(repository, "en").report, clipboard)
    mime = clipboard.mimeData(QClipboard.Mode.Clipboard)
    assert mime.hasHtml() and mime.hasText()
    assert "<table" in mime.html()
    assert """<td style='mso-number-format:"\\@"'>46/64</td>""" in mime.html()  # text, not 46 April
    assert "<td>72 %</td>" in mime.html()
    lines = mime.text().splitlines()
    assert lines[0] == "Cooperation agreements per province — as of 17/10/2022, forecast 31/12/2022"
    assert "<b>" + lines[0] + "</b>" in mime.html()
    assert lines[2].split("\t")[:3] == ["West Flanders", "46/64", "72 %"]  # plain text: as it reads
    spreadsheet = bytes(mime.data(TSV_MIME).data()).decode("utf-8").splitlines()
    assert spreadsheet[2].split("\t")[:3] == ["West Flanders", "'46/64", "72 %"]  # Excel's text prefix
    clipboard.clear()  # the clipboard owns the data; emptying it before Qt shuts down avoids a double delete


def test_dialog_exports_the_chosen_format_and_size(qtbot: QtBot, repository: Repository, tmp_path: Path) -> None:
    dialog = ExportDialog(repository, AS_OF, HORIZON, "en")
    qtbot.addWidget(dialog)
    dialog.select("regions", "png")
    assert dialog.scale_box.isEnabled()
    dialog.width_box.setValue(800)
    dialog.height_box.setValue(500)
    dialog.scale_box.setValue(1.0)
    dialog.file_edit.setText(str(tmp_path / "regions.png"))
    dialog.accept()
    assert dialog.result() == ExportDialog.DialogCode.Accepted
    image = QImage(str(tmp_path / "regions.png"))
    assert (image.width(), image.height()) == (800, 500)
    dialog.select("table", "xlsx")
    assert not dialog.width_box.isEnabled()
    assert [dialog.format.itemData(i) for i in range(dialog.format.count())] == ["csv-excel", "csv", "xlsx"]


def test_sizes_for_a_word_page_and_a_slide_and_the_users_own(qtbot: QtBot, repository: Repository,
                                                              tmp_path: Path) -> None:
    """A chart for a note opens at the Word-page size (type about 10 pt across 16 cm), a slide size is one choice
    away, and a width typed by hand is the user's own size."""
    dialog = ExportDialog(repository, AS_OF, HORIZON, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select("provinces", "png")
    assert dialog.size_box.currentData() == "word"
    assert (dialog.width_box.value(), dialog.height_box.value(), dialog.scale_box.value()) == (640, 400, 3.0)
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("slide"))
    assert (dialog.width_box.value(), dialog.height_box.value(), dialog.scale_box.value()) == (960, 540, 2.0)
    dialog.width_box.selectAll()
    qtbot.keyClicks(dialog.width_box, "1000")
    assert dialog.size_box.currentData() == "own" and dialog.height_box.value() == 540
    dialog.size_box.setCurrentIndex(dialog.size_box.findData("word"))
    dialog.file_edit.setText(str(tmp_path / "nota.png"))
    dialog.accept()
    image = QImage(str(tmp_path / "nota.png"))
    assert (image.width(), image.height()) == (1920, 1200)


def test_the_provenance_footer_shrinks_to_fit_a_narrow_picture(qtbot: QtBot) -> None:
    text = "SEW Desktop — stand op 17/10/2022, prognose 31/12/2022 — bron: demo.sqlite — gemaakt op 07/12/2026 22:17"
    assert footer_font(text, 2000).pointSizeF() == 8.0
    narrow = footer_font(text, 620)
    assert narrow.pointSizeF() < 8.0 and QFontMetricsF(narrow).horizontalAdvance(text) <= 620


@pytest.mark.parametrize(
    ("answer", "replaced"), [(QMessageBox.StandardButton.No, False), (QMessageBox.StandardButton.Yes, True)]
)
def test_dialog_asks_before_overwriting(
    qtbot: QtBot, repository: Repository, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    answer: QMessageBox.StandardButton, replaced: bool,
) -> None:
    target = tmp_path / "table.csv"
    target.write_text("old")
    asked: list[str] = []

    def question(parent: object, title: str, text: str) -> QMessageBox.StandardButton:
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = ExportDialog(repository, AS_OF, HORIZON, "en")
    qtbot.addWidget(dialog)
    dialog.select("table", "csv")
    dialog.file_edit.setText(str(target))
    assert dialog.export() is replaced
    assert asked == ["table.csv already exists. Replace it?"]
    assert (target.read_text() != "old") is replaced


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "sew_desktop", *args]
    return subprocess.run(command, capture_output=True, text=True, check=False, env={"PATH": "/usr/bin:/bin"})


def test_cli_exports_and_refuses_to_overwrite(demo_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "provinces.svg"
    done = _cli("--db", str(demo_path), "export", "chart", "-o", str(target), "--as-of", "2022-10-17")
    assert done.returncode == 0, done.stderr
    assert ET.fromstring(target.read_bytes()).tag == f"{SVG}svg"
    again = _cli("--db", str(demo_path), "export", "chart", "-o", str(target))
    assert again.returncode == 2
    assert again.stderr.strip().count("\n") == 0 and "already exists" in again.stderr
    table = tmp_path / "table.xlsx"
    assert _cli("--db", str(demo_path), "export", "table", "--format", "xlsx", "-o", str(table)).returncode == 0
    assert table.read_bytes()[:2] == b"PK"


def test_cli_unwritable_path_is_one_line_and_exit_2(demo_path: Path, tmp_path: Path) -> None:
    done = _cli("--db", str(demo_path), "export", "report", "-o", str(tmp_path / "missing" / "report.pdf"))
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "cannot write" in done.stderr
    folder = _cli("--db", str(demo_path), "export", "table", "-o", str(tmp_path), "--force")
    assert folder.returncode == 2 and folder.stderr.count("\n") == 1
