"""Hostile files from outside: how long the command line takes to refuse each, and its peak memory, beside
``sew-desktop report`` on the same demo file in the same run (the cost of starting and opening alone).

Target: every hostile case refused in <= 5 s and <= 300 MB.

Run: .venv/bin/python tests/benchmarks/bench_hostile.py
"""

from __future__ import annotations

import compileall
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from sew_desktop.services.demo import write_demo  # noqa: E402
from sew_desktop.store.merge_rows import MAX_HISTORY, MAX_ROWS, MAX_TEXT  # noqa: E402

CHILD = """
import sys
from pathlib import Path
from sew_desktop.cli import main
code = main(sys.argv[2:])
status = Path("/proc/self/status").read_text()
Path(sys.argv[1]).write_text(next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM")))
sys.exit(code)
"""
REPEAT = 3


def measure(args: list[str], folder: Path) -> tuple[float, float, int]:
    """Median seconds, peak MiB and exit code of the command line with ``args``."""
    times, peaks, code = [], [], 0
    for _ in range(REPEAT):
        peak = folder / "peak"
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-c", CHILD, str(peak), *args], capture_output=True, check=False)
        times.append(time.perf_counter() - start)
        peaks.append(int(peak.read_text()) / 1024 if peak.exists() else 0.0)
        code = done.returncode
    return statistics.median(times), max(peaks), code


def copy_with(demo: Path, target: Path, *statements: str) -> Path:
    shutil.copyfile(demo, target)
    conn = sqlite3.connect(target, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = OFF")
    for statement in statements:
        conn.execute(statement)
    conn.close()
    return target


def hostile_cases(demo: Path, folder: Path) -> dict[str, Callable[[], list[str]]]:
    def merge(*statements: str) -> Callable[[], list[str]]:
        return lambda: ["--db", str(demo), "merge", str(copy_with(demo, folder / "theirs.sqlite", *statements)),
                        "--dry-run"]

    def bomb() -> list[str]:
        path = folder / "bomb.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("b.shp", b"\0" * 100)
            archive.writestr("b.dbf", b"\0" * (2 * 1024 * 1024 * 1024 // 8))  # 256 MB of zeros, packs ~1000x
            archive.writestr("b.prj", "x")
        return ["--db", str(demo), "boundaries", "load", str(path)]

    def deep() -> list[str]:
        path = folder / "deep.geojson"
        path.write_text('{"type": "FeatureCollection", "features": [' + "[" * 100_000 + "]" * 100_000 + "]}")
        return ["--db", str(demo), "boundaries", "load", str(path)]

    def huge_geojson() -> list[str]:
        path = folder / "huge.geojson"
        with path.open("wb") as handle:
            handle.truncate(1024 * 1024 * 1024)
        return ["--db", str(demo), "boundaries", "load", str(path)]

    def planted_backup() -> list[str]:
        path = copy_with(demo, folder / "planted.sqlite", "CREATE TRIGGER wipe AFTER UPDATE OF notes ON agreement"
                         " BEGIN DELETE FROM agreement WHERE id <> new.id; END")
        return ["--db", str(demo), "backups", "restore", str(path)]

    return {
        "merge: recursive view for the history": merge(
            "DROP TABLE change_history",
            "CREATE VIEW change_history AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
            " SELECT i AS id FROM n"),
        f"merge: a note of {MAX_TEXT * 20_000:,} characters": merge(
            f"UPDATE agreement SET notes = printf('%.{MAX_TEXT * 20_000}c', 'x') WHERE id = 1"),
        f"merge: {MAX_HISTORY + 1:,} forged history entries": merge(
            "INSERT INTO change_history (uuid, tx, at, who, why, entity, row_key, action) WITH RECURSIVE"
            f" n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= {MAX_HISTORY}) SELECT 'f' || i, 't',"
            " '2022-01-01', 'x', '', 'file', '', 'note' FROM n"),
        f"merge: {MAX_ROWS + 1:,} agreements": merge(
            "INSERT INTO agreement (uuid, municipality_nis, negotiation_started, updated_at) WITH RECURSIVE"
            f" n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i <= {MAX_ROWS}) SELECT 'a' || i, '11001',"
            " '2022-01-01', '2022-01-01' FROM n"),
        "restore: a backup with a trigger of its own": planted_backup,
        "boundaries: zip bomb (256 MB of zeros)": bomb,
        "boundaries: GeoJSON nested 100,000 deep": deep,
        "boundaries: 1 GB GeoJSON": huge_geojson,
    }


def main() -> None:
    compileall.compile_dir(str(ROOT / "sew_desktop"), quiet=1)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        demo = folder / "demo.sqlite"
        write_demo(demo)
        seconds, peak, _code = measure(["--db", str(demo), "report"], folder)
        print(f"{'reference: report on the demo':52} {seconds:6.2f} s  {peak:6.0f} MB")
        for label, make in hostile_cases(demo, folder).items():
            seconds, peak, code = measure(make(), folder)
            verdict = "refused" if code == 2 else f"exit {code}"
            print(f"{label:52} {seconds:6.2f} s  {peak:6.0f} MB  {verdict}")


if __name__ == "__main__":
    main()
