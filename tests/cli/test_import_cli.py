from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from sew_desktop.store.decisions import PAUSE_ENV
from tests.cli.test_cli import run
from tests.services.imports.helpers import CALL, HEADER, SAMPLES, write_csv


def _import(db: Path, file: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return run("--db", str(db), "import-decisions", str(file), "--call", CALL, *extra)


def _dump(db: Path) -> list[str]:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_json_contract_then_reimport_unchanged(demo_path: Path) -> None:
    sample = SAMPLES / "beslissingen_per_gemeente_cp1252.csv"
    result = _import(demo_path, sample, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert list(data) == [
        "file", "encoding", "encoding_confidence", "delimiter", "sheet", "layout", "rows", "decisions",
        "errors", "warnings", "coverage_effect", "coverage_day", "applied",
    ]  # fmt: skip
    assert (data["encoding"], data["delimiter"], data["layout"], data["rows"]) == (
        "cp1252",
        ";",
        "per-municipality",
        18,
    )
    assert data["decisions"] == {"new": 4, "changed": 0, "unchanged": 0, "skipped": 0}
    assert data["errors"] == [] and data["applied"] is True
    assert "Ieper: Demo-regio West 1 → Westhoek Sociale Economie from 01/01/2023" in data["warnings"]
    assert [c["area"] for c in data["coverage_effect"]] == [
        "West-Vlaanderen", "Oost-Vlaanderen", "Antwerpen", "Vlaams-Brabant", "Limburg"
    ]  # fmt: skip
    west = data["coverage_effect"][0]
    assert west["lost"] == len(west["lost_municipalities"]) > 0 and west["newly_reached"] == 0
    assert "Ieper" in west["lost_municipalities"] and west["lost_municipalities"] == sorted(west["lost_municipalities"])
    again = json.loads(_import(demo_path, sample, "--format", "json").stdout)
    assert again["decisions"] == {"new": 0, "changed": 0, "unchanged": 4, "skipped": 0}


def test_one_bad_row_exits_1_and_leaves_the_file_byte_for_byte(demo_path: Path, tmp_path: Path) -> None:
    bad = write_csv(
        tmp_path / "bad.csv",
        [HEADER, ["Waasland", "Temse", "goedgekeurd", "10", ""], ["Waasland", "Sint-Niklaus", "goedgekeurd", "", ""]],
    )
    before = demo_path.read_bytes()
    result = _import(demo_path, bad, "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["applied"] is False
    assert data["errors"] == [
        {
            "row": 3,
            "column": "Gemeente",
            "value": "Sint-Niklaus",
            "message": "unknown municipality (not valid during the call period)",
            "suggestions": ["Sint-Niklaas", "Sint-Laureins", "Sint-Gillis-Waas"],
        }
    ]
    assert demo_path.read_bytes() == before
    text = _import(demo_path, bad)
    assert text.returncode == 1 and "row 3, column 'Gemeente', value 'Sint-Niklaus'" in text.stdout
    assert demo_path.read_bytes() == before


def test_dry_run_writes_nothing_and_exclusion_skips(demo_path: Path) -> None:
    before = _dump(demo_path)
    clean = _import(demo_path, SAMPLES / "beslissingen_lokale_regie.xlsx", "--dry-run", "--format", "json")
    assert clean.returncode == 0 and json.loads(clean.stdout)["applied"] is False
    assert _dump(demo_path) == before
    errors = SAMPLES / "beslissingen_met_fouten.csv"
    assert _import(errors, errors).returncode == 2  # not a database
    result = _import(demo_path, errors, "--exclude-row", "5", "--exclude-row", "7", "--format", "json")
    assert result.returncode == 0, result.stdout
    assert json.loads(result.stdout)["decisions"]["skipped"] == 2


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["missing.csv", "--call", CALL], 2, "file not found"),
        ([str(SAMPLES / "beslissingen_lokale_regie.xlsx"), "--call", "Oproep X"], 2, "unknown call 'Oproep X'"),
        ([str(SAMPLES / "beslissingen_lokale_regie.xlsx"), "--call", CALL, "--sheet", "Nee"], 2, "no sheet 'Nee'"),
        (
            [str(SAMPLES / "beslissingen_per_gemeente_cp1252.csv"), "--call", CALL, "--encoding", "utf-8"],
            2,
            "not valid utf-8",
        ),
        ([str(SAMPLES / "beslissingen_met_fouten.csv"), "--call", CALL, "--encoding", "x"], 2, "unknown encoding"),
        ([str(SAMPLES / "beslissingen_met_fouten.csv")], 2, "--call"),
    ],
)
def test_usage_errors_are_one_line(demo_path: Path, args: list[str], code: int, message: str) -> None:
    result = run("--db", str(demo_path), "import-decisions", *args)
    assert result.returncode == code, result.stderr
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_missing_column_names_it_and_the_headers_found(demo_path: Path, tmp_path: Path) -> None:
    file = write_csv(tmp_path / "m.csv", [["Samenwerkingsverband", "Plaats", "Beslissing"], ["R", "Geel", "ja"]])
    result = _import(demo_path, file)
    assert result.returncode == 1
    assert "missing column(s): municipality; headers found: 'Samenwerkingsverband', 'Plaats'" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_calls_lists_the_open_calls(demo_path: Path) -> None:
    result = run("--db", str(demo_path), "calls")
    assert result.returncode == 0
    assert result.stdout == f"{CALL}  01/01/2023 – 31/12/2025  deadline 15/01/2023\n"
    data = json.loads(run("--db", str(demo_path), "calls", "--format", "json").stdout)
    assert data == [{"name": CALL, "period_start": "2023-01-01", "period_end": "2025-12-31", "deadline": "2023-01-15"}]


def test_import_commands_do_not_import_qt(demo_path: Path) -> None:
    code = (
        "import sys; from sew_desktop import cli; "
        f"rc = cli.main(['--db', {str(demo_path)!r}, 'import-decisions', "
        f"{str(SAMPLES / 'beslissingen_lokale_regie.xlsx')!r}, '--call', {CALL!r}, '--dry-run']); "
        f"rc = rc or cli.main(['--db', {str(demo_path)!r}, 'calls']); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]; "
        "sys.exit(3 if bad else rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def test_killing_the_process_during_apply_leaves_the_database_as_before(demo_path: Path) -> None:
    before_bytes = demo_path.read_bytes()
    before = _dump(demo_path)
    with subprocess.Popen(
        [sys.executable, "-m", "sew_desktop", "--db", str(demo_path), "import-decisions",
         str(SAMPLES / "beslissingen_per_gemeente_cp1252.csv"), "--call", CALL],
        env={**os.environ, PAUSE_ENV: "30"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:  # fmt: skip
        assert process.stderr is not None
        # rows and their history written, the insert triggers out (bulk), no commit yet
        assert process.stderr.readline() == b"apply: paused inside the transaction\n"
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    assert demo_path.read_bytes() == before_bytes
    assert _dump(demo_path) == before  # the dump holds the schema: the history triggers are all back


def _in_process(db: Path, file: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str, str]:
    from sew_desktop import cli

    code = cli.main(["--db", str(db), "import-decisions", str(file), "--call", CALL, *extra])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("kapot.xlsx", b"PK\x03\x04" + bytes(range(256)) * 4, "not a readable Excel file"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 6, "not a readable Excel file"),
        ("blad.ods", b"PK\x03\x04" + b"\x00" * 64, "not a readable OpenDocument spreadsheet"),
        ("foto.csv", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "binary data"),
        (
            "open.csv",
            b'Samenwerkingsverband;Gemeente;Beslissing\n"Regio;Temse;ja\n' + b"R;Gent;ja\n" * 3,
            "line 2: a quote",
        ),
        ("twijfel.csv", b"Samenwerkingsverband;Gemeente;Beslissing\nREGIO CAF\xe8;Gent;goedgekeurd\n", "--encoding"),
    ],
)
def test_unreadable_files_exit_2_with_one_clean_line(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    file = tmp_path / name
    file.write_bytes(data)
    before = demo_path.read_bytes()
    code, out, err = _in_process(demo_path, file, capsys)
    assert (code, out) == (2, "") and message in err and len(err.strip().splitlines()) == 1, err
    assert err.strip().isprintable() and len(err) < 300 and "unexpected error" not in err
    assert demo_path.read_bytes() == before


def test_an_unsure_encoding_imports_once_named(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "twijfel.csv"
    file.write_bytes(b"Samenwerkingsverband;Gemeente;Beslissing\nREGIO CAF\xe8;Temse;goedgekeurd\n")
    code, _out, err = _in_process(demo_path, file, capsys, "--format", "json")
    assert code == 2 and "cp1252 (100%) or mac_roman (100%); choose one with --encoding" in err
    code, out, _err = _in_process(demo_path, file, capsys, "--format", "json", "--encoding", "cp1252")
    assert code == 0 and json.loads(out)["encoding"] == "cp1252"


def test_dry_run_and_apply_agree_on_an_implausible_amount(
    demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = write_csv(tmp_path / "f.csv", [HEADER, ["Waasland", "Temse", "goedgekeurd", "99999999999999999,99", ""]])
    before = demo_path.read_bytes()
    dry = _in_process(demo_path, file, capsys, "--dry-run", "--format", "json")
    applied = _in_process(demo_path, file, capsys, "--format", "json")
    assert dry[0] == applied[0] == 1 and applied[2] == ""
    assert json.loads(applied[1])["errors"][0]["message"] == "amount above € 100 million (a typing error?)"
    assert demo_path.read_bytes() == before


def test_the_json_names_the_sheet_read(demo_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = _in_process(
        demo_path, SAMPLES / "beslissingen_lokale_regie.xlsx", capsys, "--dry-run", "--format", "json"
    )
    data = json.loads(out)
    assert code == 0 and data["sheet"] == "Beslissingen" and data["encoding"] is None
