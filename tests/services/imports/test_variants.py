from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from sew_desktop.domain.model import Validity
from sew_desktop.services.imports.matching import MunicipalityMatcher
from sew_desktop.services.imports.model import Layout, Options
from sew_desktop.services.imports.reading import read_table
from sew_desktop.services.imports.service import find_call, prepare
from sew_desktop.store.repository import Repository
from tests.services.imports.helpers import CALL, SAMPLES, write_csv

CALL_PERIOD = Validity(date(2023, 1, 1), date(2025, 12, 31))
DECISIONS = {
    "Regio Noord": (["Geel", "Mol", "Retie"], "goedgekeurd", "85.000,00"),
    "Regio Zuid": (["Ieper", "Poperinge"], "afgewezen", ""),
}


def _rows(layout: Layout, separator: str) -> list[list[str]]:
    rows = [["Titel van de lijst"], ["Regiegebied", "Deelnemende gemeenten", "Status", "Bedrag"]]
    for name, (members, outcome, amount) in DECISIONS.items():
        if layout is Layout.PER_COLLABORATION:
            rows.append([name, separator.join(members), outcome, amount])
        else:
            rows.extend([name, member, outcome, amount] for member in members)
    return rows


@pytest.mark.parametrize("layout", list(Layout))
@pytest.mark.parametrize(("encoding", "bom"), [("utf-8", False), ("utf-8", True), ("utf-16", False), ("cp1252", False)])
@pytest.mark.parametrize("delimiter", [";", ",", "\t", "|"])
def test_generated_variants_give_the_same_decisions(
    repo: Repository, tmp_path: Path, layout: Layout, encoding: str, bom: bool, delimiter: str
) -> None:
    separator = {";": ", ", ",": "; ", "\t": "\n", "|": " / "}[delimiter]
    path = write_csv(tmp_path / "v.csv", _rows(layout, separator), encoding=encoding, delimiter=delimiter, bom=bom)
    plan = prepare(repo, path, find_call(repo, CALL), Options(as_of=date(2023, 6, 1)))
    assert plan.errors == [] and plan.layout is layout and plan.table.delimiter == delimiter
    found = {
        p.decision.collaboration: (p.decision.members, p.decision.outcome.value, p.decision.amount_cents)
        for p in plan.decisions
    }
    assert found == {
        "Regio Noord": (("13008", "13025", "13036"), "approved", 8_500_000),
        "Regio Zuid": (("33011", "33021"), "rejected", None),
    }


@pytest.mark.parametrize(
    ("spelling", "nis"),
    [
        ("Sint-Niklaas", "46021"),
        ("St.-Niklaas", "46021"),
        ("ST NIKLAAS", "46021"),
        ("Sint Niklaas (stad)", "46021"),
        ("sint-truiden", "71053"),
        ("St-Truiden", "71053"),
        ("Anvers", "11002"),
        ("Malines", "12025"),
        ("Ypres", "33011"),
        ("Heist op den Berg", "12014"),
        ("heist-op-den-berg", "12014"),
        ("Puurs Sint Amands", "12041"),
        ("11002", "11002"),
        ("Kruibeke", "46013"),
        ("Beveren-Kruibeke-Zwijndrecht", "46030"),
    ],
)
def test_municipality_spellings(repo: Repository, spelling: str, nis: str) -> None:
    matcher = MunicipalityMatcher(repo.municipalities().values(), CALL_PERIOD, {})
    assert matcher.match(spelling) == nis


def test_unknown_names_get_up_to_three_suggestions(repo: Repository) -> None:
    matcher = MunicipalityMatcher(repo.municipalities().values(), CALL_PERIOD, {})
    assert matcher.match("Sint-Niklaus") is None
    assert matcher.suggest("Sint-Niklaus")[0] == "46021"
    assert len(matcher.suggest("Sint-Niklaus")) == 3
    assert matcher.suggest("Zzzzqqq") == []


def test_xlsx_rows_are_numbered_as_in_the_sheet() -> None:
    path = SAMPLES / "beslissingen_lokale_regie.xlsx"
    rows = list(read_table(path).rows)
    assert rows[0][0] == "Beslissingen oproep Lokale Regie SEW 2023-2025 (fictief voorbeeld)"
    assert rows[1] == [] and rows[2][0] == "Aanvrager"
