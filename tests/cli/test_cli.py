from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.services.test_demo_and_report import EXPECTED


def run(*args: str, env: dict[str, str] | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "sew_desktop", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_demo_then_json_report_prints_the_published_table(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite"
    assert run("demo", str(db)).returncode == 0
    result = run("--db", str(db), "report", "--as-of", "2022-10-17", "--horizon", "2022-12-31", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["as_of"] == "2022-10-17" and data["horizon"] == "2022-12-31"
    assert data["rows"][0] == {
        "area": "West-Vlaanderen",
        "municipalities": {"reached": 46, "total": 64, "percent": 72, "forecast": 57, "forecast_percent": 89},
        "regions": {"with_agreement": 3, "total": 5, "percent": 60, "forecast": 4, "forecast_percent": 80},
    }
    assert [r["area"] for r in data["rows"]] == list(EXPECTED)


def test_report_does_not_import_qt(demo_path: Path) -> None:
    code = (
        "import sys; from sew_desktop import cli; "
        f"rc = cli.main(['--db', {str(demo_path)!r}, 'report', '--format', 'json']); "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')]; "
        "sys.exit(3 if bad else rc)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", "--as-of", "2022-13-01"], "invalid date '2022-13-01'"),
        (["report", "--as-of", "31/02/2022"], "invalid date"),  # a day that does not exist
        (["report", "--horizon", "2020-01-01", "--as-of", "2022-10-17"], "lies before the as-of date"),
        (["report", "--format", "xml"], "invalid choice: 'xml'"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_usage_errors_are_one_line_exit_2(demo_path: Path, args: list[str], message: str) -> None:
    result = run("--db", str(demo_path), *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


def test_bad_database_files_exit_2_with_one_line(tmp_path: Path) -> None:
    not_sqlite = tmp_path / "notes.sqlite"
    not_sqlite.write_text("hello")
    unreadable = tmp_path / "folder.sqlite"
    unreadable.mkdir()
    for path, message in [
        (tmp_path / "missing.sqlite", "database not found"),
        (not_sqlite, "not an SQLite database"),
        (unreadable, "not an SQLite database"),
    ]:
        result = run("--db", str(path), "report")
        assert result.returncode == 2, result.stderr
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_init_and_default_database_from_environment(tmp_path: Path) -> None:
    target = tmp_path / "mine.sqlite"  # an existing folder: the file is made there on first use
    result = run("report", "--as-of", "2022-10-17", "--format", "csv", env={"SEW_DESKTOP_DB": str(target)})
    assert result.returncode == 0, result.stderr
    assert target.exists()  # created with the reference data on first use
    assert "Vlaanderen,0,300,0" in result.stdout
    assert run("init", str(target)).returncode == 2
    assert run("init", str(tmp_path / "fresh.sqlite")).returncode == 0


def test_demo_refuses_overwrite_without_force(tmp_path: Path) -> None:
    db = tmp_path / "d.sqlite"
    db.write_text("precious")
    result = run("demo", str(db))
    assert result.returncode == 2 and "--force" in result.stderr
    assert db.read_text() == "precious"


def test_demo_scale_writes_the_demo_data_that_many_times(tmp_path: Path) -> None:
    import sqlite3

    path = tmp_path / "scaled.sqlite"
    assert run("demo", str(path), "--scale", "3").returncode == 0
    conn = sqlite3.connect(path)
    codes, agreements = (conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("municipality", "agreement"))
    conn.close()
    assert codes == 3 * 312 and agreements == 1200
    report = run("--db", str(path), "report", "--as-of", "2022-10-17", "--format", "json")
    flanders = json.loads(report.stdout)["rows"][-1]["municipalities"]
    assert (flanders["reached"], flanders["total"]) == (600, 900)


def test_demo_scale_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    result = run("demo", str(tmp_path / "x.sqlite"), "--scale", "0")
    assert result.returncode == 2 and "scale" in result.stderr and not (tmp_path / "x.sqlite").exists()


@pytest.mark.parametrize("typed", ["17/10/2022", "17-10-2022", "17102022", "2022-10-17"])
def test_dates_are_accepted_as_the_window_accepts_them(demo_path: Path, typed: str) -> None:
    result = run("--db", str(demo_path), "report", "--as-of", typed, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert "Vlaanderen,200,300,67" in result.stdout


def test_without_db_the_command_line_works_on_the_file_the_window_used_last(demo_path: Path, tmp_path: Path) -> None:
    """One default for both: the window's last file (from its settings), and the command names it."""
    config = tmp_path / "config"
    (config / "sew-desktop").mkdir(parents=True)
    (config / "sew-desktop" / "sew-desktop.ini").write_text(f"[files]\nlast={demo_path}\n", encoding="utf-8")
    env = {"XDG_CONFIG_HOME": str(config), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = run("check", env=env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == str(demo_path) and "database is OK" in result.stdout
    assert not (tmp_path / "data").exists()  # no empty default database made beside it
    report = run("report", "--as-of", "17/10/2022", "--format", "csv", env=env)
    assert "Vlaanderen,200,300,67" in report.stdout
