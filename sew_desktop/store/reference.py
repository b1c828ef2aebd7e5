"""The reference data shipped in ``data/``: provinces and municipality codes since 2019."""

from __future__ import annotations

import csv
from pathlib import Path

import sew_desktop

MUNICIPALITY_COLUMNS = (
    "nis_code",
    "name_nl",
    "name_fr",
    "province_nis",
    "province",
    "arrondissement_nis",
    "valid_from",
    "valid_to",
    "successor_nis",
)


def data_dir() -> Path:
    """``data/`` of a source checkout, or its copy inside an installed wheel."""
    package = Path(sew_desktop.__file__).resolve().parent
    for candidate in (package / "_data", package.parent / "data"):
        if (candidate / "municipalities.csv").is_file():
            return candidate
    raise FileNotFoundError("reference data (municipalities.csv) not found next to the package")


def _read_csv(name: str) -> list[dict[str, str]]:
    with (data_dir() / name).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def province_rows() -> list[dict[str, str]]:
    """Rows of ``data/provinces.csv``."""
    return _read_csv("provinces.csv")


def municipality_rows() -> list[dict[str, str]]:
    """Rows of ``data/municipalities.csv`` (312 codes: 300 of 2019-2024 and the 12 new of 2025)."""
    rows = _read_csv("municipalities.csv")
    if rows and tuple(rows[0]) != MUNICIPALITY_COLUMNS:
        raise ValueError("data/municipalities.csv does not have the documented header")
    return rows


def arrondissement_names() -> dict[str, str]:
    """Dutch names of the arrondissements by code (``data/arrondissements.csv``); empty when the file is missing."""
    try:
        return {row["arrondissement_nis"]: row["name_nl"] for row in _read_csv("arrondissements.csv")}
    except (FileNotFoundError, KeyError):
        return {}
