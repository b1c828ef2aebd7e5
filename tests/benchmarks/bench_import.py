"""`sew-desktop import-decisions` on a generated per-municipality file, beside the sqlite3 shell's `.import --csv`.

Targets (issue 11): the whole import process (start to exit: read, match, plan, apply) of a 50,000-row file takes
at most 3x the sqlite3 shell's `.import --csv` of the same file into an empty table (C, no validation); the peak
memory of a 500,000-row import stays at most 150 MB.
Setup: the sqlite3 shell (`apt-get install -y sqlite3` on Debian). Both commands run interleaved, so they see the
same machine load.
Run: .venv/bin/python tests/benchmarks/bench_import.py [ROWS] [MEMORY_ROWS]
"""

from __future__ import annotations

import compileall
import csv
import random
import resource
import shutil
import sqlite3 as sqlite3_module
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import closing
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from sew_desktop.store.reference import municipality_rows

ROOT = Path(__file__).resolve().parents[2]

CALL = "Lokale Regie Sociale Economie en Werk 2023-2025"
MEMBERS_PER_COLLABORATION = 10
REPEAT = 5
LABELS = (
    "sew-desktop import-decisions (start to exit)",
    "reference: sqlite3 .import --csv into an empty table",
    "floor 1: Python starting with numpy",
    "floor 2: sqlite3 writing the import's rows into our schema",
)
OUTCOMES = ("Goedgekeurd", "goedgekeurd", "Afgewezen", "In behandeling")


def write_file(path: Path, rows: int) -> None:
    """Per-municipality layout: one row per member municipality, the collaboration and its decision repeated."""
    names = [r["name_nl"] for r in municipality_rows() if not r["valid_to"]]
    rng = random.Random(4)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Samenwerkingsverband", "Gemeente", "Beslissing", "Subsidiebedrag", "Datum beslissing"])
        for number in range(rows // MEMBERS_PER_COLLABORATION):
            outcome = rng.choice(OUTCOMES)
            amount = f"€ {rng.randrange(20, 200)}.{rng.randrange(1000):03d},{rng.randrange(100):02d}"
            for name in rng.sample(names, MEMBERS_PER_COLLABORATION):
                writer.writerow([f"Samenwerkingsverband {number:05d}", name, outcome, amount, "20/04/2023"])


def _run(command: list[str]) -> tuple[float, float]:
    """Wall-clock seconds of one whole process, start to exit, and the CPU seconds (user + system) it used."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _peak_mb(command: list[str]) -> float:
    """Peak resident memory of one command, through GNU time when present, else the children's rusage."""
    gnu_time = shutil.which("time") or ("/usr/bin/time" if Path("/usr/bin/time").exists() else None)
    if gnu_time:
        result = subprocess.run([gnu_time, "-f", "%M", *command], check=True, capture_output=True, text=True)
        return int(result.stderr.strip().splitlines()[-1]) / 1024
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def _fresh_database(sew: Path, db: Path) -> None:
    db.unlink(missing_ok=True)
    subprocess.run([str(sew), "init", str(db)], check=True, stdout=subprocess.DEVNULL)


def write_schema_rows(data: Path, call_id: int, decisions: Path, members: Path) -> None:
    """The rows the import of ``data`` writes, as CSV for the shell: one decision per collaboration (ids from 1)
    and one member row per file row (decision id, NIS code)."""
    nis_of = {r["name_nl"]: r["nis_code"] for r in municipality_rows() if not r["valid_to"]}
    ids: dict[str, int] = {}
    with data.open(encoding="utf-8", newline="") as source, members.open("w", newline="") as member_file:
        member_writer = csv.writer(member_file)
        for row in islice(csv.reader(source), 1, None):
            decision_id = ids.setdefault(row[0], len(ids) + 1)
            member_writer.writerow([decision_id, nis_of[row[1]]])
    with decisions.open("w", newline="") as decision_file:
        writer = csv.writer(decision_file)
        for name, decision_id in ids.items():
            writer.writerow([decision_id, f"uuid-{decision_id}", call_id, name, name.lower(), "approved",
                             "2026-12-01T00:00:00+00:00"])  # fmt: skip


def _schema_write_command(sqlite3: str, db: Path, decisions: Path, members: Path) -> list[str]:
    """The sqlite3 shell writing those rows into the product's schema: its indexes and foreign keys, the history
    triggers taken out as the import takes them out; no reading, matching, checks, history or plan."""
    return [sqlite3, str(db), "PRAGMA foreign_keys = ON", "PRAGMA journal_mode = WAL", "BEGIN IMMEDIATE",
            "DROP TRIGGER history_subsidy_decision_insert", "DROP TRIGGER history_decision_member_insert",
            "CREATE TEMP TABLE d (id, uuid, call_id, collaboration, collaboration_key, outcome, updated_at)",
            f".import --csv {decisions} d",
            "INSERT INTO subsidy_decision (id, uuid, call_id, collaboration, collaboration_key, outcome, updated_at)"
            " SELECT id, uuid, call_id, collaboration, collaboration_key, outcome, updated_at FROM temp.d",
            f".import --csv {members} decision_member", "COMMIT"]  # fmt: skip


def compare_speed(work: Path, sew: Path, sqlite3: str, rows: int) -> None:
    data, decisions, members = work / "decisions.csv", work / "schema_decisions.csv", work / "schema_members.csv"
    write_file(data, rows)
    empty = work / "empty.sqlite"
    _fresh_database(sew, empty)
    with closing(sqlite3_module.connect(empty)) as conn:
        call_id = int(conn.execute("SELECT min(id) FROM open_call").fetchone()[0])
    write_schema_rows(data, call_id, decisions, members)
    runs: dict[str, list[tuple[float, float]]] = {label: [] for label in LABELS}
    for attempt in range(REPEAT):  # interleaved: every command sees the same load of the machine
        db, table_db, schema_db = (work / f"{name}{attempt}.sqlite" for name in ("sew", "t", "schema"))
        shutil.copyfile(empty, db)
        shutil.copyfile(empty, schema_db)
        command = [str(sew), "--db", str(db), "import-decisions", str(data), "--call", CALL, "--format", "json"]
        runs[LABELS[0]].append(_run(command))
        runs[LABELS[1]].append(_run([sqlite3, str(table_db), f".import --csv {data} t"]))
        runs[LABELS[2]].append(_run([sys.executable, "-c", "import numpy"]))
        runs[LABELS[3]].append(_run(_schema_write_command(sqlite3, schema_db, decisions, members)))
    print(f"file: {rows:,} rows, layout per-municipality, UTF-8, ',' ({data.stat().st_size / 1e6:.1f} MB)")
    walls = {}
    for label, measured in runs.items():
        wall, cpu = statistics.median(r[0] for r in measured), statistics.median(r[1] for r in measured)
        walls[label] = wall
        print(f"{label + ':':58} {wall:.3f} s, median of {REPEAT}; CPU {cpu:.3f} s")
    reference = walls[LABELS[1]]
    print(f"ratio: {walls[LABELS[0]] / reference:.2f} (target <= 3)")
    floor = walls[LABELS[2]] + walls[LABELS[3]]
    print(
        f"floor of any import in this design, before a byte is parsed: Python with numpy (the coverage effect)"
        f" + SQLite writing the rows = {floor:.3f} s = {floor / reference:.2f}x the reference"
    )


def measure_memory(work: Path, sew: Path, rows: int) -> None:
    data = work / "big.csv"
    write_file(data, rows)
    db = work / "big.sqlite"
    _fresh_database(sew, db)
    peak = _peak_mb([str(sew), "--db", str(db), "import-decisions", str(data), "--call", CALL, "--format", "json"])
    print(f"peak memory of import-decisions, {rows:,} rows ({data.stat().st_size / 1e6:.0f} MB): {peak:.0f} MB"
          " (target <= 150 MB)")  # fmt: skip


def sqlite3_shell() -> str:
    """The sqlite3 shell, installed from Debian's package when missing (the benchmark's only setup step)."""
    found = shutil.which("sqlite3")
    if found is None and shutil.which("apt-get"):
        print("installing the sqlite3 shell: apt-get install -y sqlite3")
        subprocess.run(["apt-get", "install", "-y", "-qq", "sqlite3"], check=False, stdout=subprocess.DEVNULL)
        found = shutil.which("sqlite3")
    if found is None:
        sys.exit("bench_import needs the sqlite3 shell: apt-get install -y sqlite3")
    return found


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    memory_rows = int(sys.argv[2]) if len(sys.argv) > 2 else 500_000
    sqlite3 = sqlite3_shell()
    compileall.compile_dir(ROOT / "sew_desktop", quiet=1)
    sew = Path(sys.executable).parent / "sew-desktop"
    with tempfile.TemporaryDirectory() as folder:
        compare_speed(Path(folder), sew, sqlite3, rows)
        measure_memory(Path(folder), sew, memory_rows)


if __name__ == "__main__":
    main()
