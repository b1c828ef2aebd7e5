"""``import-decisions``, ``boundaries`` and ``export`` speak the user's language: the exact Dutch and English lines."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from sew_desktop import cli
from sew_desktop.domain.boundaries import Period
from tests.cli.conftest import DUTCH, ENGLISH, Speak
from tests.services.boundaries.files import boundary_file, reference_codes, squares

SAMPLES = Path(__file__).resolve().parents[2] / "data" / "samples"
CALL = "Lokale Regie Sociale Economie en Werk 2023-2025"


def _export(args: argparse.Namespace) -> int:
    from sew_desktop.ui.output.cli_handler import run_export

    return run_export(args)


def said(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str], list[str]]:
    """Exit code, lines on stdout, lines on stderr."""
    code = cli.main(args, qt_handlers={"export": _export})
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def _dry_run(db: Path, file: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[str]:
    return said(["--db", str(db), "import-decisions", str(file), "--call", CALL, "--dry-run", *extra], capsys)[1]


ERRORS_NL = [
    "beslissingen_met_fouten.csv (codering utf-8 (100% zeker), scheidingsteken ';', indeling per gemeente, 6 rijen)"
    f" voor '{CALL}'",
    "beslissingen: 2 nieuw, 0 gewijzigd, 0 ongewijzigd, 0 overgeslagen",
    "fout: rij 5, kolom 'Gemeente', waarde 'Sint-Niklaus': onbekende gemeente (niet geldig tijdens de looptijd van de"
    " oproep) (bedoelt u: Sint-Niklaas, Sint-Laureins, Sint-Gillis-Waas?)",
    "fout: rij 7, kolom 'Beslissing', waarde 'misschien': onbekende beslissing (verwacht bv. goedgekeurd, afgewezen,"
    " in behandeling)",
    "fout: rij 7, kolom 'Datum', waarde '31/02/2023': die dag bestaat niet",
    "waarschuwing: Waasland Oost: goedgekeurd zonder bedrag",
    "waarschuwing: Aalst: Demo-regio Oost 1 → Dender Samen vanaf 01/01/2023",
]
ERRORS_EN = [
    f"beslissingen_met_fouten.csv (utf-8 (100% sure), delimiter ';', layout per-municipality, 6 rows) for '{CALL}'",
    "decisions: 2 new, 0 changed, 0 unchanged, 0 skipped",
    "error: row 5, column 'Gemeente', value 'Sint-Niklaus': unknown municipality (not valid during the call period)"
    " (did you mean: Sint-Niklaas, Sint-Laureins, Sint-Gillis-Waas?)",
    "error: row 7, column 'Beslissing', value 'misschien': unknown decision (expected e.g. goedgekeurd, afgewezen,"
    " in behandeling)",
    "error: row 7, column 'Datum', value '31/02/2023': that day does not exist",
    "warning: Waasland Oost: approved without an amount",
    "warning: Aalst: Demo-regio Oost 1 → Dender Samen from 01/01/2023",
]


def test_a_dry_run_with_errors(speak: Speak, demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    file = SAMPLES / "beslissingen_met_fouten.csv"
    speak(DUTCH)
    lines = _dry_run(demo_path, file, capsys)
    assert lines[:7] == ERRORS_NL
    assert lines[-3:] == ["effect op de dekking op 31/12/2025: Oost-Vlaanderen +0 -4",
                          "  niet langer bereikt in Oost-Vlaanderen: Aalst, Denderleeuw, Ninove, Waasmunster",
                          "niets geschreven"]
    speak(ENGLISH)
    lines = _dry_run(demo_path, file, capsys)
    assert lines[:7] == ERRORS_EN
    assert lines[-3:] == ["coverage effect on 31/12/2025: Oost-Vlaanderen +0 -4",
                          "  lost in Oost-Vlaanderen: Aalst, Denderleeuw, Ninove, Waasmunster", "nothing written"]


def test_a_totals_line_and_amounts(speak: Speak, demo_path: Path, tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    file = tmp_path / "totaal.csv"
    file.write_text("Samenwerkingsverband;Gemeente;Beslissing;Bedrag;Datum\n"
                    "Dender Samen;Aalst;goedgekeurd;50.000,00;20/04/2023\nTotaal;;;85.000,00;\n", encoding="utf-8")
    speak(DUTCH)
    assert ("waarschuwing: regel 3: totaallijn overgeslagen (Totaal: 85.000,00); de bedragen van de beslissingen in"
            " het bestand tellen op tot € 50.000,00") in _dry_run(demo_path, file, capsys)
    speak(ENGLISH)
    assert ("warning: row 3: totals line skipped (Totaal: 85.000,00); the amounts of the decisions in the file add"
            " up to € 50,000.00") in _dry_run(demo_path, file, capsys)


def test_json_stays_english_whatever_the_locale(speak: Speak, demo_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    speak(DUTCH)
    lines = _dry_run(demo_path, SAMPLES / "beslissingen_met_fouten.csv", capsys, "--format", "json")
    plan = json.loads("\n".join(lines))
    assert plan["errors"][2]["message"] == "that day does not exist"
    assert plan["warnings"][0] == "Waasland Oost: approved without an amount"


def _outside_flanders(folder: Path) -> Path:
    return boundary_file(folder, "geojson", squares(["21004", "62063"]))


def test_a_refused_boundary_file(speak: Speak, demo_path: Path, tmp_path: Path,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    args = ["--db", str(demo_path), "boundaries", "load", str(_outside_flanders(tmp_path))]
    speak(DUTCH)
    code, _out, err = said(args, capsys)
    assert code == 1 and err == ["lezen… 0 %", "controleren… 20 %",
                                 "sew-desktop: fout: grenzen niet geladen: Geen van de 2 codes in attribuut nis_code"
                                 " is een Vlaamse gemeente (alleen Brussel of Wallonië?). Er is niets gewijzigd."]
    speak(ENGLISH)
    code, _out, err = said(args, capsys)
    assert code == 1 and err == ["reading… 0%", "checking… 20%",
                                 "sew-desktop: error: boundaries not loaded: None of the 2 codes in attribute nis_code"
                                 " is a Flemish municipality (Brussels or Wallonia only?). Nothing was changed."]


def test_boundaries_load_and_info(speak: Speak, demo_path: Path, tmp_path: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    info = ["--db", str(demo_path), "boundaries", "info"]
    speak(DUTCH)
    assert said(info, capsys)[1] == ["geen grenzen geladen (laad de statistische sectoren van Statbel of een bestand"
                                     " van de gemeenten met 'sew-desktop boundaries load BESTAND')"]
    source = boundary_file(tmp_path, "geojson", squares(reference_codes(Period.FROM_2019)))
    out = said(["--db", str(demo_path), "boundaries", "load", str(source)], capsys)[1]
    assert out[1:] == ["past bij de gemeenten van 2019-2024", "300 gemeenten opgeslagen voor 2019-2024",
                       "285 gemeenten opgeslagen voor 2025"]
    out = said(info, capsys)[1]
    assert out[:3] == ["bron: niet vermeld (bestand b.geojson)",
                       "licentie: zoals gepubliceerd door wie het bestand publiceerde", "bestand: b.geojson"]
    assert "2019-2024: 300 gemeentevormen" in out and "periode van het bestand: 2019-2024" in out
    speak(ENGLISH)
    out = said(info, capsys)[1]
    assert out[:3] == ["source: not stated (file b.geojson)", "licence: as published by whoever published it",
                       "file: b.geojson"]
    assert "2019-2024: 300 municipality shapes" in out and "file period: 2019-2024" in out


def test_export_refusals_and_success(speak: Speak, demo_path: Path, tmp_path: Path,
                                     capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "tabel.csv"
    export = ["--db", str(demo_path), "export"]
    # the labels of the file in English (--language nl would leave Dutch translators in this test run's
    # application); what the command says follows the locale all the same
    english_labels = ["--language", "en"]
    no_map = [*export, "map", *english_labels, "-o", str(tmp_path / "k.svg"), "--as-of", "2022-10-17"]
    speak(DUTCH)
    assert said([*export, "table", *english_labels, "-o", str(table)], capsys)[1] == [f"{table} geschreven"]
    assert said([*export, "table", *english_labels, "-o", str(table)], capsys)[2] == [
        f"sew-desktop: fout: {table} bestaat al (gebruik --force om het te overschrijven)"]
    assert said(no_map, capsys)[2] == [
        "sew-desktop: fout: geen grenzen geladen voor de gemeenten van 2019-2024: laad een grenzenbestand met"
        " 'sew-desktop boundaries load BESTAND'"]
    assert said([*export, "table", *english_labels, "-o", str(demo_path)], capsys)[2] == [
        f"sew-desktop: fout: kan {demo_path} niet schrijven: het is een database; kies een andere bestandsnaam"]
    speak(ENGLISH)
    assert said([*export, "table", *english_labels, "--force", "-o", str(table)], capsys)[1] == [f"written {table}"]
    assert said([*export, "table", *english_labels, "-o", str(table)], capsys)[2] == [
        f"sew-desktop: error: {table} already exists (use --force to overwrite)"]
    assert said(no_map, capsys)[2] == [
        "sew-desktop: error: no boundaries loaded for the municipalities of 2019-2024: load a boundary file with"
        " 'sew-desktop boundaries load FILE'"]


def test_a_municipality_that_did_not_exist_yet(speak: Speak) -> None:
    from sew_desktop.cli.language import translate
    from sew_desktop.services.imports.model import ErrorCode, RowError
    from sew_desktop.services.imports.report import error_message

    error = RowError(4, "Gemeente", "Tongeren-Borgloon", ErrorCode.NOT_YET_EXISTING,
                     details=("Tongeren-Borgloon", "2025-01-01", "2023-04-20", "Borgloon, Tongeren"))
    speak(DUTCH)
    assert error_message(error, translate) == (
        "Tongeren-Borgloon bestond nog niet op de beslissingsdatum 20/04/2023: de gemeente bestaat pas vanaf"
        " 01/01/2025; op 20/04/2023 waren dat Borgloon, Tongeren: vermeld die in de plaats")
    speak(ENGLISH)
    assert error_message(error, translate) == (
        "Tongeren-Borgloon did not exist yet on the decision date 20/04/2023: it exists from 01/01/2025; on "
        "20/04/2023 it was Borgloon, Tongeren: list those instead")
