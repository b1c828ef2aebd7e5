"""``sew-desktop boundaries load|info|remove`` and ``export map`` in PNG, SVG and PDF."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtGui import QImage

from sew_desktop.domain.boundaries import Period
from tests.cli.test_cli import run
from tests.services.boundaries.files import boundary_file, reference_codes, squares


@pytest.fixture(scope="module")
def mapped_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database with synthetic boundaries loaded through the command line."""
    folder = tmp_path_factory.mktemp("mapcli")
    db = folder / "demo.sqlite"
    assert run("demo", str(db)).returncode == 0
    source = boundary_file(folder, "geojson", squares(reference_codes(Period.FROM_2019)))
    loaded = run("--db", str(db), "boundaries", "load", str(source), "--source", "Statbel (test)")
    assert loaded.returncode == 0, loaded.stderr
    assert "stored 300 municipalities for 2019-2024" in loaded.stdout
    return db


def test_info_names_source_and_counts(mapped_demo: Path) -> None:
    result = run("--db", str(mapped_demo), "boundaries", "info")
    assert result.returncode == 0
    assert "source: Statbel (test)" in result.stdout and "2025: 285 municipality shapes" in result.stdout


def test_a_wrong_file_is_one_line_and_exit_1(mapped_demo: Path, tmp_path: Path) -> None:
    bad = boundary_file(tmp_path, "geojson", squares(["21004", "62063"]))
    result = run("--db", str(mapped_demo), "boundaries", "load", str(bad))
    assert result.returncode == 1
    error_lines = [line for line in result.stderr.splitlines() if "error" in line]
    assert len(error_lines) == 1 and "Flemish" in error_lines[0] and "Traceback" not in result.stderr
    assert "source: Statbel (test)" in run("--db", str(mapped_demo), "boundaries", "info").stdout


def test_svg_export_has_one_path_per_municipality(mapped_demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "kaart.svg"
    result = run("--db", str(mapped_demo), "export", "map", "--format", "svg", "-o", str(target),
                 "--as-of", "2022-10-17", "--horizon", "2022-12-31")
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert len(re.findall(r"<path", text)) >= 300 + 5  # municipalities and provinces (and legend swatches)
    assert "Samenwerkingsovereenkomsten" in text and "Statbel (test)" in text and "17/10/2022" in text


def test_pdf_export_is_vector(mapped_demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "kaart.pdf"
    result = run("--db", str(mapped_demo), "export", "map", "--format", "pdf", "-o", str(target),
                 "--as-of", "2022-10-17", "--forecast")
    assert result.returncode == 0, result.stderr
    page = PdfReader(target).pages[0]
    resources: Any = page["/Resources"]
    assert "/XObject" not in resources or not any(
        x.get_object().get("/Subtype") == "/Image" for x in resources["/XObject"].values())
    contents = page.get_contents()
    assert contents is not None
    content = contents.get_data()
    assert content.count(b" l\n") + content.count(b" c\n") > 1000  # paths drawn as lines and curves
    assert "Prognose" in page.extract_text()


def test_png_export_has_the_asked_size(mapped_demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "kaart.png"
    result = run("--db", str(mapped_demo), "export", "map", "-o", str(target), "--as-of", "2022-10-17",
                 "--width", "1200", "--height", "800", "--scale", "1.5")
    assert result.returncode == 0, result.stderr
    image = QImage(str(target))
    assert (image.width(), image.height()) == (1800, 1200)
    assert round(image.dotsPerMeterX() * 0.0254) == 144  # 96 dpi x 1.5


def test_export_without_boundaries_explains(tmp_path: Path) -> None:
    db = tmp_path / "empty.sqlite"
    assert run("init", str(db)).returncode == 0
    result = run("--db", str(db), "export", "map", "-o", str(tmp_path / "k.svg"), "--as-of", "2022-10-17")
    assert result.returncode == 2 and "boundaries load" in result.stderr and not (tmp_path / "k.svg").exists()


def test_remove(mapped_demo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(mapped_demo.read_bytes())
    assert run("--db", str(copy), "boundaries", "remove").stdout == "boundaries removed\n"
    assert "no boundaries loaded" in run("--db", str(copy), "boundaries", "info").stdout


def test_the_pdf_report_gets_the_map_on_a_second_page(mapped_demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "rapport.pdf"
    result = run("--db", str(mapped_demo), "export", "report", "-o", str(target), "--as-of", "2022-10-17")
    assert result.returncode == 0, result.stderr
    pages = PdfReader(target).pages
    assert len(pages) == 2
    text = " ".join(pages[1].extract_text().split())  # pypdf separates words with tabs
    assert "Grenzen: Statbel (test)" in text and "afgesloten 200" in text
    # under the legend, where the page has room: the statuses per province, adding up to Flanders
    assert "Provincie" in text and "West-Vlaanderen 2 44 11 7 0 64" in text
    assert "Vlaams-Brabant 2 24 1 3 35 65" in text and "Vlaanderen 4 196 34 16 50 300" in text


def test_a_picture_of_a_slides_shape_keeps_the_map_large_without_the_table(mapped_demo: Path,
                                                                            tmp_path: Path) -> None:
    target = tmp_path / "kaart.svg"
    result = run("--db", str(mapped_demo), "export", "map", "--format", "svg", "-o", str(target),
                 "--as-of", "2022-10-17")
    assert result.returncode == 0, result.stderr
    text = target.read_text(encoding="utf-8")
    assert "Provincie" not in text and "afgesloten 200" in text
