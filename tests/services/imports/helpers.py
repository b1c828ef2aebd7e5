"""Writing decision files for tests."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from sew_desktop.services.databases import open_repository
from sew_desktop.store.repository import Repository

SAMPLES = Path(__file__).resolve().parents[3] / "data" / "samples"
CALL = "Lokale Regie Sociale Economie en Werk 2023-2025"
HEADER = ["Samenwerkingsverband", "Gemeente", "Beslissing", "Bedrag", "Datum"]


def write_csv(
    path: Path, rows: Sequence[Sequence[str]], *, encoding: str = "utf-8", delimiter: str = ";", bom: bool = False
) -> Path:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode(encoding)
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)
    return path


def repository(path: Path) -> Repository:
    return open_repository(path)
